//! `content/hulplijnen.toml`: every help line of the site (112, Veilig Thuis, 113, …) with its
//! number and hours, in one file, so the urgent-help block, the footer and `cjg check` agree.
//!
//! The kinds a line is first for (`soorten`) must be section names of `signalen.txt`: the
//! widget moves a line up when a risk signal of its kind fires, so a misspelt kind would
//! silently never move it. The names are read with the search crate's own parser of that file.

use std::collections::HashMap;
use std::path::Path;

use cjg_search::{RiskSignals, SIGNALS_FILE};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{HulplijnProblem, Location, SiteError};
use crate::source::{line_of_offset, read_text};

/// The file's name in `content/`.
const HULPLIJNEN_FILE: &str = "hulplijnen.toml";

/// One help line, as templates see it (`hulplijnen` in every template, in file order).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hulplijn {
    /// A short fixed name (letters, digits, -) for templates and `data-hulplijn`.
    pub id: Spanned<String>,
    /// The name as people know it.
    pub naam: String,
    /// The number as shown, like `0800-2000`; none when the line has no phone.
    #[serde(default)]
    pub telefoon: Option<String>,
    /// A short number that also works, like `113`.
    #[serde(default)]
    pub kort: Option<String>,
    /// Where to chat, if one can.
    #[serde(default)]
    pub chat: Option<String>,
    /// The line's site.
    pub website: String,
    /// Opening hours in plain words (B1).
    pub bereikbaar: String,
    /// Calling (or chatting, without a phone) costs nothing.
    pub gratis: bool,
    /// One need not give one's name.
    pub anoniem: bool,
    /// Who the line is for.
    pub voor: String,
    /// One sentence: what to call about.
    pub waarvoor: String,
    /// The kinds of risk signal (sections of `signalen.txt`) for which this line comes first.
    #[serde(default)]
    pub soorten: Vec<Spanned<String>>,
    /// Always shown in the urgent-help block, also when no kind of it fired.
    #[serde(default)]
    pub altijd: bool,
    /// Organisation and year of the check.
    pub bron: String,
    /// `telefoon` for a `tel:` link: its digits, with a leading `+` kept.
    #[serde(skip_deserializing)]
    pub tel: Option<String>,
    /// `kort` for a `tel:` link.
    #[serde(skip_deserializing)]
    pub kort_tel: Option<String>,
}

impl Hulplijn {
    /// The id as written.
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The numbers this line is reached on as written in the file: `telefoon`, then `kort`.
    pub fn nummers(&self) -> impl Iterator<Item = &str> {
        self.telefoon.iter().chain(&self.kort).map(String::as_str)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    hulplijn: Vec<Hulplijn>,
}

/// A phone number as a `tel:` link wants it: its digits, with a leading `+` kept.
pub fn tel(number: &str) -> String {
    let plus = if number.trim_start().starts_with('+') { "+" } else { "" };
    format!("{plus}{}", number.chars().filter(char::is_ascii_digit).collect::<String>())
}

/// Reads `content_dir`/hulplijnen.toml, checking its `soorten` against `signalen.txt` beside it;
/// `shown_root` is how the folder is named in messages. No file means no help lines.
pub fn load(content_dir: &Path, shown_root: &Path) -> Result<Vec<Hulplijn>, SiteError> {
    let path = content_dir.join(HULPLIJNEN_FILE);
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let shown = shown_root.join(HULPLIJNEN_FILE);
    let text = read_text(&path, &shown)?;
    let kinds = match std::fs::read_to_string(content_dir.join(SIGNALS_FILE)) {
        Ok(signals) => RiskSignals::parse(&signals, &shown_root.join(SIGNALS_FILE))
            .map_err(|e| SiteError::Signalen { at: Location::line(&e.file, e.line), nl: e.message.nl, en: e.message.en })?
            .kinds()
            .into_iter()
            .map(str::to_string)
            .collect(),
        Err(_) => Vec::new(),
    };
    parse(&text, &shown, &kinds)
}

/// Parses the text of hulplijnen.toml (`path` names it in messages); every `soorten` entry must
/// be one of `kinds`.
pub fn parse(text: &str, path: &Path, kinds: &[String]) -> Result<Vec<Hulplijn>, SiteError> {
    let error = |offset: usize, problem: HulplijnProblem| SiteError::Hulplijnen {
        at: Location::line(path, line_of_offset(text, offset)),
        problem,
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().to_string();
        error(offset, HulplijnProblem::Toml { field: field_at(text, offset, &message), detail: message })
    })?;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for lijn in &file.hulplijn {
        let id = lijn.id();
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(error(lijn.id.span().start, HulplijnProblem::BadId(id.to_string())));
        }
        if let Some(first) = seen.insert(id, line_of_offset(text, lijn.id.span().start)) {
            return Err(error(lijn.id.span().start, HulplijnProblem::DuplicateId { id: id.to_string(), first }));
        }
        if let Some(soort) = lijn.soorten.iter().find(|s| !kinds.contains(s.get_ref())) {
            let problem = HulplijnProblem::UnknownSoort { soort: soort.get_ref().clone(), known: kinds.to_vec() };
            return Err(error(soort.span().start, problem));
        }
    }
    Ok(file
        .hulplijn
        .into_iter()
        .map(|mut lijn| {
            lijn.telefoon = lijn.telefoon.filter(|t| !t.trim().is_empty());
            lijn.tel = lijn.telefoon.as_deref().map(tel);
            lijn.kort_tel = lijn.kort.as_deref().map(tel);
            lijn
        })
        .collect())
}

/// The key on the line at `offset`, when the parser's message does not name it already
/// (toml names unknown and missing fields, not the field whose value has the wrong type).
fn field_at(text: &str, offset: usize, message: &str) -> Option<String> {
    let line = text.lines().nth(line_of_offset(text, offset) - 1)?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !message.contains(key)).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds() -> Vec<String> {
        ["acuut gevaar", "zelfdoding"].map(String::from).to_vec()
    }

    const LIJN: &str = r#"
[[hulplijn]]
id = "113"
naam = "113 Zelfmoordpreventie"
telefoon = "0800-0113"
kort = "113"
website = "https://www.113.nl"
bereikbaar = "dag en nacht"
gratis = true
anoniem = true
voor = "iedereen"
waarvoor = "Als je aan zelfdoding denkt."
soorten = ["zelfdoding"]
bron = "113, 2025"
"#;

    fn parse_str(text: &str) -> Result<Vec<Hulplijn>, String> {
        parse(text, Path::new("content/hulplijnen.toml"), &kinds()).map_err(|e| e.to_string())
    }

    #[test]
    fn a_line_gets_its_tel_links() {
        let lijnen = parse_str(LIJN).unwrap();
        assert_eq!(lijnen[0].id(), "113");
        assert_eq!(lijnen[0].tel.as_deref(), Some("08000113"));
        assert_eq!(lijnen[0].kort_tel.as_deref(), Some("113"));
        assert_eq!(lijnen[0].nummers().collect::<Vec<_>>(), ["0800-0113", "113"]);
        assert!(!lijnen[0].altijd);
    }

    #[test]
    fn tel_keeps_a_leading_plus() {
        assert_eq!(tel("+31 247 247 247"), "+31247247247");
        assert_eq!(tel("020-261 52 75"), "0202615275");
    }

    #[test]
    fn unknown_soort_names_its_line_and_the_known_kinds() {
        let text = LIJN.replace(r#"["zelfdoding"]"#, r#"["zelfdoding", "zelfmoord"]"#);
        let e = parse_str(&text).unwrap_err();
        assert!(e.starts_with("content/hulplijnen.toml:13:"), "{e}");
        assert!(e.contains("`zelfmoord`") && e.contains("acuut gevaar"), "{e}");
    }

    #[test]
    fn missing_field_is_named() {
        let text = LIJN.replace("voor = \"iedereen\"\n", "");
        let e = parse_str(&text).unwrap_err();
        assert!(e.starts_with("content/hulplijnen.toml:2:"), "{e}");
        assert!(e.contains("voor"), "{e}");
    }

    #[test]
    fn unknown_field_and_wrong_type_name_line_and_field() {
        let e = parse_str(&LIJN.replace("bron =", "kleur = \"rood\"\nbron =")).unwrap_err();
        assert!(e.starts_with("content/hulplijnen.toml:14:") && e.contains("kleur"), "{e}");
        let e = parse_str(&LIJN.replace("gratis = true", "gratis = \"ja\"")).unwrap_err();
        assert!(e.starts_with("content/hulplijnen.toml:9:") && e.contains("`gratis`"), "{e}");
    }

    #[test]
    fn duplicate_id_names_both_lines() {
        let e = parse_str(&format!("{LIJN}{LIJN}")).unwrap_err();
        assert!(e.starts_with("content/hulplijnen.toml:17:"), "{e}");
        assert!(e.contains("`113`") && e.contains("regel 3"), "{e}");
    }

    #[test]
    fn the_example_site_file_loads() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let lijnen = load(&content, Path::new("content")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lijnen.len(), 15);
        let altijd: Vec<&str> = lijnen.iter().filter(|l| l.altijd).map(Hulplijn::id).collect();
        assert_eq!(altijd, ["112", "113", "veilig-thuis", "kindertelefoon"]);
    }

    #[test]
    fn kinds_come_from_signalen_txt_and_its_mistakes_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(HULPLIJNEN_FILE), LIJN).unwrap();
        std::fs::write(dir.path().join(SIGNALS_FILE), "[zelfdoding]\nzelfmoord*\n").unwrap();
        assert_eq!(load(dir.path(), Path::new("content")).unwrap()[0].soorten[0].get_ref(), "zelfdoding");
        std::fs::write(dir.path().join(SIGNALS_FILE), "zelfmoord*\n").unwrap();
        let e = load(dir.path(), Path::new("content")).unwrap_err().to_string();
        assert!(e.starts_with("content/signalen.txt:1:"), "{e}");
    }

    #[test]
    fn no_file_no_lines() {
        assert!(load(Path::new("/nonexistent"), Path::new("content")).unwrap().is_empty());
    }
}
