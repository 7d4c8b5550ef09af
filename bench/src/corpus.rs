//! Writes a whole site folder that both cjg and Hugo build: `site.toml`, `templates/` and the
//! two rule files copied from the example site, and `content/` with the home page, the four
//! pages the templates link to, a section per doelgroep and per theme, and N answer pages
//! spread evenly over the themes. The example site's own sentences are mixed into the
//! generated text of their doelgroep, so the corpus has a real site's wider vocabulary.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::page::{self, Link};
use crate::vocabulary::{Doelgroep, Thema, DOELGROEPEN};

/// Why a corpus could not be written.
#[derive(Debug)]
pub enum Error {
    /// The output folder already has a `content/`: the generator never overwrites a site.
    NotEmpty(PathBuf),
    /// Reading the example site or writing the corpus failed.
    Io { path: PathBuf, source: io::Error },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotEmpty(path) => {
                write!(f, "{} already exists: give an empty or new folder to --out", path.display())
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

/// What was written.
#[derive(Debug, PartialEq, Eq)]
pub struct Counts {
    /// Answer pages (the N asked for) plus the fixed pages.
    pub pages: usize,
    /// `_index.md` files, the home page included.
    pub sections: usize,
}

/// Pages every corpus has, because the example templates link to them with `url(path=…)`.
const FIXED_PAGES: [(&str, &str, &str, &str); 4] = [
    (
        "contact.md",
        "Contact",
        "Bel, chat, mail of kom langs: het CJG is er voor elke vraag over opgroeien en opvoeden.",
        "Je kunt het CJG bellen, chatten of mailen. Je kunt ook langskomen op het inloopspreekuur. Dat is gratis en je hoeft je naam niet te zeggen.\n\n## Zo bereik je ons\n\n- Bel op werkdagen tussen negen en vijf uur.\n- Chat op werkdagen tot negen uur 's avonds.\n- Mail je vraag; je krijgt binnen twee werkdagen antwoord.\n",
    ),
    (
        "hulp-nodig.md",
        "Hulp nodig?",
        "Direct hulp bij geweld, mishandeling, gedachten aan zelfdoding of als je geen slaapplek hebt.",
        "Ben je in gevaar? Bel 112.\n\n## Direct hulp\n\n- Veilig Thuis: 0800-2000, dag en nacht.\n- Kindertelefoon: 0800-0432, gratis en anoniem.\n- 113 Zelfmoordpreventie: 0800-0113.\n",
    ),
    (
        "over.md",
        "Over het CJG",
        "Het Centrum voor Jeugd en Gezin helpt ouders en jongeren met vragen over opgroeien en opvoeden.",
        "In het CJG werken jeugdverpleegkundigen, jeugdartsen, pedagogen en maatschappelijk werkers samen. Zij helpen ouders en jongeren gratis en dichtbij huis.\n",
    ),
    (
        "privacy.md",
        "Privacy",
        "Deze site zet geen cookies en je vraag in het vraagvak blijft op je eigen apparaat.",
        "Deze site verzamelt geen persoonsgegevens. Het vraagvak zoekt het antwoord in je eigen browser: je vraag wordt niet verstuurd.\n",
    ),
];

/// Writes a corpus of `pages` answer pages into `out`, with the settings, templates and rule
/// files of the example site at `example`.
pub fn write(pages: usize, example: &Path, out: &Path) -> Result<Counts, Error> {
    let content = out.join("content");
    if content.exists() {
        return Err(Error::NotEmpty(content));
    }
    create_dir(&content)?;
    copy(&example.join("site.toml"), &out.join("site.toml"))?;
    copy_dir(&example.join("templates"), &out.join("templates"))?;
    // The files that steer the question box, so that cjg's build also trains the risk model.
    for rules in ["synoniemen.txt", "signalen.txt", "signalen-voorbeelden.txt", "hulplijnen.toml"] {
        copy(&example.join("content").join(rules), &content.join(rules))?;
    }

    let mut sections = 1;
    write_file(
        &content.join("_index.md"),
        &markdown(
            "CJG Voorbeeldstad",
            "Voor al je vragen over opgroeien en opvoeden, van de zwangerschap tot je 23e.",
            Some(0),
            "Welkom bij het Centrum voor Jeugd en Gezin. Je kunt hier alles vragen over opgroeien en opvoeden. Kies een thema of typ je vraag in het vraagvak.\n",
        ),
    )?;
    for (file, title, description, body) in FIXED_PAGES {
        write_file(&content.join(file), &markdown(title, description, None, body))?;
    }

    let sentences = example_sentences(&example.join("content"))?;
    let borrowed = |dg: &Doelgroep| -> Vec<&str> {
        sentences.iter().filter(|(group, _)| group.as_deref().is_none_or(|g| g == dg.slug)).map(|(_, s)| s.as_str()).collect()
    };
    let borrowed: Vec<Vec<&str>> = DOELGROEPEN.iter().map(borrowed).collect();

    let themes: Vec<(usize, &Doelgroep, &Thema)> =
        DOELGROEPEN.iter().enumerate().flat_map(|(i, dg)| dg.themes.iter().map(move |th| (i, dg, th))).collect();
    for (weight, dg) in DOELGROEPEN.iter().enumerate() {
        let folder = content.join(dg.slug);
        create_dir(&folder)?;
        let body = "Kies hieronder een thema. Elk thema heeft antwoorden op de vragen die we het vaakst krijgen.\n";
        write_file(&folder.join("_index.md"), &markdown(dg.title, dg.description, Some(weight + 1), body))?;
        sections += 1;
        for (weight, th) in dg.themes.iter().enumerate() {
            create_dir(&folder.join(th.slug))?;
            let body = format!("Alle pagina's over {} op een rij.\n", th.title.to_lowercase());
            write_file(&folder.join(th.slug).join("_index.md"), &markdown(th.title, th.description, Some(weight + 1), &body))?;
            sections += 1;
        }
    }

    // The previous page of each theme, for the "Lees ook" link: (title, url).
    let mut previous: Vec<Option<(String, String)>> = vec![None; themes.len()];
    for number in 0..pages {
        let slot = number % themes.len();
        let (group, dg, th) = themes[slot];
        let see_also = previous[slot].as_ref().map(|(title, url)| Link { title, url });
        let page = page::generate(dg, th, number, &borrowed[group], see_also);
        let path = content.join(dg.slug).join(th.slug).join(format!("{}.md", page.slug));
        write_file(&path, &markdown(&page.title, &page.description, None, &page.body))?;
        previous[slot] = Some((page.title, format!("/{}/{}/{}/", dg.slug, th.slug, page.slug)));
    }
    Ok(Counts { pages: pages + FIXED_PAGES.len(), sections })
}

/// The plain sentences of the example site's pages, each with the doelgroep folder it came
/// from (`None` for pages outside ouders/ and jongeren/). Headings, tables and sentences with
/// markup the generator would break (code, HTML, images) are left out; links keep their text.
fn example_sentences(content: &Path) -> Result<Vec<(Option<String>, String)>, Error> {
    let mut found = Vec::new();
    let mut files = Vec::new();
    markdown_files(content, &mut files)?;
    files.sort();
    for path in files {
        let group = path.strip_prefix(content).ok().and_then(|p| p.components().next()).and_then(|c| c.as_os_str().to_str());
        let group = group.filter(|g| DOELGROEPEN.iter().any(|dg| dg.slug == *g)).map(str::to_string);
        let text = fs::read_to_string(&path).map_err(io_error(&path))?;
        let body = text.splitn(3, "+++").nth(2).unwrap_or_default();
        for line in body.lines() {
            let line = line.trim().trim_start_matches("- ").trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            if line.starts_with('#') || line.starts_with('|') || line.starts_with('[') {
                continue;
            }
            for sentence in split_sentences(&link_text(line)) {
                let plain = !sentence.contains(['`', '<', '>', '{', '}', '*', '_', '|', '[', ']', '!', '@']);
                if plain && sentence.split_whitespace().count() >= 4 {
                    found.push((group.clone(), sentence.to_string()));
                }
            }
        }
    }
    Ok(found)
}

/// `[text](target)` becomes `text`.
fn link_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else { break };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else { break };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Sentences end in `.`, `?` or `!` followed by a space or the end of the line.
fn split_sentences(line: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let ends = matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|next| *next == b' ');
        if ends {
            sentences.push(line[start..=i].trim());
            start = i + 1;
        }
    }
    sentences.into_iter().filter(|s| s.chars().next().is_some_and(char::is_uppercase)).collect()
}

fn markdown_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        if path.is_dir() {
            markdown_files(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    Ok(())
}

/// A Markdown file with `+++` TOML front matter that cjg and Hugo both read.
fn markdown(title: &str, description: &str, weight: Option<usize>, body: &str) -> String {
    let weight = weight.map(|w| format!("weight = {w}\n")).unwrap_or_default();
    format!("+++\ntitle = {}\ndescription = {}\n{weight}+++\n\n{body}", toml_string(title), toml_string(description))
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Io { path: path.to_path_buf(), source }
}

fn create_dir(path: &Path) -> Result<(), Error> {
    fs::create_dir_all(path).map_err(io_error(path))
}

fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    fs::write(path, text).map_err(io_error(path))
}

fn copy(from: &Path, to: &Path) -> Result<(), Error> {
    fs::copy(from, to).map(|_| ()).map_err(io_error(from))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), Error> {
    create_dir(to)?;
    for entry in fs::read_dir(from).map_err(io_error(from))? {
        let entry = entry.map_err(io_error(from))?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(io_error(&entry.path()))?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            copy(&entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository root: the example site.
    fn example() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn writes_the_tree_and_refuses_to_overwrite() {
        let out = std::env::temp_dir().join(format!("cjg-bench-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&out);
        let counts = write(45, &example(), &out).expect("corpus");
        assert_eq!(counts, Counts { pages: 49, sections: 23 });
        let page_files = walk(&out.join("content"))
            .iter()
            .filter(|p| !p.ends_with("_index.md") && p.extension().is_some_and(|e| e == "md"))
            .count();
        assert_eq!(page_files, 49);
        assert!(out.join("templates/base.html").exists());
        assert!(out.join("content/signalen.txt").exists());
        assert!(out.join("content/signalen-voorbeelden.txt").exists());
        let first = fs::read_to_string(out.join("content/ouders/slapen/_index.md")).expect("section");
        assert!(first.starts_with("+++\ntitle = \"Slapen\"\n"));
        assert!(matches!(write(1, &example(), &out), Err(Error::NotEmpty(_))));
        fs::remove_dir_all(&out).expect("clean up");
    }

    #[test]
    fn borrows_plain_sentences_with_link_text() {
        assert_eq!(link_text("Lees [pesten](@/ouders/gedrag/pesten.md) en [x](/y/)."), "Lees pesten en x.");
        assert_eq!(split_sentences("Eerst dit. Dan dat? Ja! 3.5 blijft"), ["Eerst dit.", "Dan dat?", "Ja!"]);
        let sentences = example_sentences(&example().join("content")).expect("example content");
        assert!(sentences.len() > 200, "{}", sentences.len());
        assert!(sentences.iter().any(|(group, _)| group.as_deref() == Some("jongeren")));
        assert!(sentences.iter().all(|(_, s)| !s.contains("](")));
    }

    #[test]
    fn toml_strings_are_escaped() {
        assert_eq!(toml_string(r#"een "quote" \ en"#), r#""een \"quote\" \\ en""#);
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        fs::read_dir(dir)
            .expect("readable")
            .flatten()
            .flat_map(|e| if e.path().is_dir() { walk(&e.path()) } else { vec![e.path()] })
            .collect()
    }
}
