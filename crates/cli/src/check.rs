//! `cjg check`: everything `build` refuses, plus advice an editor can work through,
//! grouped by file with line numbers; `--json` for tools. Only errors fail.

use std::path::Path;

use cjg_check::{Ernst, Finding, Options, Soort};
use cjg_site::{AssetCache, Location, Taal, Timings};

use crate::build;
use crate::error::CliError;

/// Options of `cjg check` besides the site root.
pub struct CheckArgs {
    /// Pages older than this many days get advice.
    pub max_age_days: i64,
    /// Also request external links.
    pub online: bool,
    /// Print JSON instead of text.
    pub json: bool,
}

/// Checks the site at `root`; returns whether there were errors.
pub fn run(root: &Path, args: &CheckArgs, taal: Taal) -> Result<bool, CliError> {
    let scratch = tempfile::tempdir().map_err(|e| CliError::NotBuilt(e.to_string()))?;
    let findings = match build::build(root, &scratch.path().join("public"), None, &AssetCache::default(), &mut Timings::default()) {
        Ok(site) => {
            let today = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| (d.as_secs() / 86_400) as i64)
                .unwrap_or(0);
            let options = Options { max_age_days: args.max_age_days, today, online: args.online };
            cjg_check::check(&site, &options)
        }
        Err(CliError::Build(errors)) => errors
            .0
            .iter()
            .map(|e| as_finding(e.location(), e.message(taal)))
            .collect(),
        Err(other) => vec![as_finding(Location::file("content"), other.message(taal))],
    };
    let errors = findings.iter().filter(|f| f.ernst == Ernst::Fout).count();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&findings).expect("plain data serialises"));
    } else {
        print_grouped(&findings, taal);
        let advice = findings.len() - errors;
        println!("{}", taal.kies(format!("{errors} fouten, {advice} adviezen"), format!("{errors} errors, {advice} pieces of advice")));
    }
    Ok(errors > 0)
}

/// A build error as a finding; its message already names the place, so only the text after it is kept.
fn as_finding(at: Location, message: String) -> Finding {
    let prefix = format!("{at}: ");
    let bericht = message.strip_prefix(&prefix).map(str::to_string).unwrap_or(message);
    Finding { file: at.file, line: at.line, ernst: Ernst::Fout, soort: Soort::Build { bericht } }
}

fn print_grouped(findings: &[Finding], taal: Taal) {
    let mut current = None;
    for finding in findings {
        if current != Some(&finding.file) {
            println!("\n{}", finding.file.display());
            current = Some(&finding.file);
        }
        let ernst = match finding.ernst {
            Ernst::Fout => taal.kies("fout", "error"),
            Ernst::Advies => taal.kies("advies", "advice"),
        };
        let line = finding.line.map(|l| format!("{l:>4}: ")).unwrap_or_else(|| "      ".to_string());
        println!("  {line}{ernst}: {}", finding.message(taal));
    }
}
