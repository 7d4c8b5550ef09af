//! `cjg ask`: answers a question from the built site exactly as the widget does, so
//! editors can see how a question is understood.

use std::path::{Path, PathBuf};

use cjg_common::{Doelgroep, Taal};
use cjg_search::{Engine, MAX_ANSWERS};
use serde::Serialize;

use crate::build::INDEX_ASSET;
use crate::error::CliError;

#[derive(Serialize)]
struct Answer<'a> {
    url: &'a str,
    title: &'a str,
    score: f32,
}

#[derive(Serialize)]
struct Output<'a> {
    urgent: bool,
    soorten: &'a [String],
    answers: Vec<Answer<'a>>,
}

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
        if json {
            println!("{}", serde_json::to_string(&explanation).expect("plain data serialises"));
        } else {
            print!("{}", crate::explain::render(&explanation, taal));
        }
        return Ok(());
    }
    if vraag == "-" {
        for line in std::io::stdin().lines() {
            let line = line.map_err(|e| CliError::NotBuilt(format!("stdin: {e}")))?;
            answer(&engine, &line, doelgroep, json, taal);
        }
        return Ok(());
    }
    answer(&engine, vraag, doelgroep, json, taal);
    Ok(())
}

/// Prints how `engine` answers one question.
fn answer(engine: &Engine, vraag: &str, doelgroep: Option<Doelgroep>, json: bool, taal: Taal) {
    let antwoord = engine.ask(vraag, doelgroep, MAX_ANSWERS);
    if json {
        let output = Output {
            urgent: antwoord.urgent,
            soorten: &antwoord.soorten,
            answers: antwoord.answers.iter().map(|h| Answer { url: &h.url, title: &h.title, score: h.score }).collect(),
        };
        println!("{}", serde_json::to_string(&output).expect("plain data serialises"));
        return;
    }
    if antwoord.urgent {
        println!(
            "{}",
            taal.kies(
                "DRINGEND: eerst het blok met hulp bij nood (112, Veilig Thuis, Kindertelefoon, 113)",
                "URGENT: the urgent-help block comes first (112, Veilig Thuis, Kindertelefoon, 113)"
            )
        );
    }
    if antwoord.answers.is_empty() {
        println!(
            "{}",
            taal.kies(
                "Geen passend antwoord: de bezoeker ziet de contactgegevens van het CJG.",
                "No fitting answer: the visitor sees the CJG's contact details."
            )
        );
    }
    for (i, hit) in antwoord.answers.iter().enumerate() {
        println!("{}. {} ({:.2})\n   {}\n   {}", i + 1, hit.title, hit.score, hit.url, hit.description);
    }
    if !antwoord.termen.is_empty() {
        println!("{} {}", taal.kies("Bekende woorden:", "Known words:"), antwoord.termen.join(", "));
    }
}

/// The engine of the site built in `public`.
pub fn load(public: &Path) -> Result<Engine, CliError> {
    let path = find_index(public)?;
    let bytes = std::fs::read(&path).map_err(|e| CliError::NotBuilt(format!("{}: {e}", path.display())))?;
    Ok(Engine::from_bytes(&bytes)?)
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
            name.starts_with(&format!("{stem}.")) && name.ends_with(&format!(".{ext}"))
        })
        .ok_or_else(missing)
}
