//! `cjg ask`: answers a question from the built site exactly as the widget does, so
//! editors can see how a question is understood.

use std::path::{Path, PathBuf};

use cjg_common::{Doelgroep, Taal};
use cjg_search::{Engine, MAX_ANSWERS};

use crate::build::INDEX_ASSET;
use crate::error::CliError;
use crate::output::{self, Reader};

/// Loads the index from `public` and answers `vraag` for `doelgroep` (or everyone); with
/// `vraag` = `-`, every line of standard input is a question (with `--json`: one JSON line each).
pub fn run(
    public: &Path,
    vraag: &str,
    doelgroep: Option<Doelgroep>,
    json: bool,
    explain: bool,
    taal: Taal,
) -> Result<(), CliError> {
    let engine = load(public)?;
    if explain {
        let explanation = engine.explain(vraag, doelgroep, MAX_ANSWERS);
        let text = if json {
            format!("{}\n", serde_json::to_string(&explanation).expect("plain data serialises"))
        } else {
            crate::explain::render(&explanation, taal)
        };
        return output::print(&text).map(|_| ());
    }
    if vraag == "-" {
        for line in std::io::stdin().lines() {
            let line = line.map_err(|e| CliError::NotBuilt(format!("stdin: {e}")))?;
            if output::print(&answer(&engine, &line, doelgroep, json, taal))? == Reader::Gone {
                break;
            }
        }
        return Ok(());
    }
    output::print(&answer(&engine, vraag, doelgroep, json, taal)).map(|_| ())
}

/// How `engine` answers one question, as printed.
fn answer(engine: &Engine, vraag: &str, doelgroep: Option<Doelgroep>, json: bool, taal: Taal) -> String {
    let antwoord = engine.ask(vraag, doelgroep, MAX_ANSWERS);
    if json {
        // The widget's own JSON, so that a test of `cjg ask --json` tests what the browser gets.
        return format!("{}\n", serde_json::to_string(&antwoord).expect("plain data serialises"));
    }
    let mut lines = Vec::new();
    if antwoord.urgent {
        lines.push(taal.kies(
            "DRINGEND: eerst het blok met hulp bij nood (112, Veilig Thuis, Kindertelefoon, 113)",
            "URGENT: the urgent-help block comes first (112, Veilig Thuis, Kindertelefoon, 113)",
        ));
    }
    if antwoord.answers.is_empty() {
        lines.push(taal.kies(
            "Geen passend antwoord: de bezoeker ziet de contactgegevens van het CJG.",
            "No fitting answer: the visitor sees the CJG's contact details.",
        ));
    }
    for (i, hit) in antwoord.answers.iter().enumerate() {
        lines.push(format!("{}. {} ({:.2})\n   {}\n   {}", i + 1, hit.title, hit.score, hit.url, hit.description));
    }
    if !antwoord.termen.is_empty() {
        lines.push(format!("{} {}", taal.kies("Bekende woorden:", "Known words:"), antwoord.termen.join(", ")));
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// The engine of the site built in `public`, with every part of its postings (a large site's
/// come in parts beside the bundle, which the browser fetches as questions need them).
pub fn load(public: &Path) -> Result<Engine, CliError> {
    let path = find_index(public)?;
    let read = |path: &Path| std::fs::read(path).map_err(|e| CliError::NotBuilt(format!("{}: {e}", path.display())));
    let engine = Engine::from_bytes(&read(&path)?)?;
    for number in 0..engine.part_count() {
        let part = PathBuf::from(cjg_site::part_path(&path.display().to_string(), number as usize));
        engine.add_part(number, &read(&part)?)?;
    }
    Ok(engine)
}

/// `public/assets/zoekindex.<hash>.bin`: the newest build has exactly one.
fn find_index(public: &Path) -> Result<PathBuf, CliError> {
    let (stem, ext) = INDEX_ASSET.rsplit_once('.').unwrap_or((INDEX_ASSET, ""));
    let assets = public.join("assets");
    let missing = || CliError::NotBuilt(format!("{}/{stem}.*.{ext}", assets.display()));
    std::fs::read_dir(&assets)
        .map_err(|_| missing())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            // `zoekindex.<hash>.bin`, not one of its parts `zoekindex.<hash>.<n>.bin`.
            name.starts_with(&format!("{stem}.")) && name.ends_with(&format!(".{ext}")) && name.split('.').count() == 3
        })
        .ok_or_else(missing)
}
