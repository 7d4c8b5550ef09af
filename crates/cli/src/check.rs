//! `cjg check`: everything `build` refuses, plus advice an editor can work through,
//! grouped by file with line numbers; `--json` for tools. Only errors fail.

use std::path::Path;

use cjg_check::{Ernst, Finding, Options, Soort};
use cjg_common::Taal;
use cjg_search::{cross_validate, in_held_out_half, Rules, Validation};
use cjg_site::{AssetCache, Location, Timings};

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
    /// Cross-validate the risk signals and print how they do, instead of the findings.
    pub signalen: bool,
}

/// Checks the site at `root`; returns whether there were errors.
pub fn run(root: &Path, args: &CheckArgs, taal: Taal) -> Result<bool, CliError> {
    let scratch = tempfile::tempdir().map_err(|e| CliError::NotBuilt(e.to_string()))?;
    let findings = match build::build(root, &scratch.path().join("public"), None, &AssetCache::default(), &mut Timings::default())
    {
        Ok(site) => {
            let options = Options { max_age_days: args.max_age_days, today: cjg_common::today(), online: args.online };
            let rules = Rules::load(&site.content_dir())?;
            let validation = cross_validate(&build::documents(&site), &rules, if args.signalen { FOLDS } else { 1 });
            if args.signalen {
                print_validation(&validation, args.json, taal);
                return Ok(false);
            }
            let mut findings = cjg_check::check(&site, &options);
            findings.extend(cjg_check::signal_findings(&validation, Path::new("content")));
            findings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            findings
        }
        Err(CliError::Build(errors)) => errors.0.iter().map(|e| as_finding(e.location(), e.message(taal))).collect(),
        Err(other) => vec![as_finding(Location::file("content"), other.message(taal))],
    };
    let errors = findings.iter().filter(|f| f.ernst == Ernst::Fout).count();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&findings).expect("plain data serialises"));
    } else {
        print_grouped(&findings, taal);
        let advice = findings.len() - errors;
        println!(
            "{}",
            taal.kies(format!("{errors} fouten, {advice} adviezen"), format!("{errors} errors, {advice} pieces of advice"))
        );
    }
    Ok(errors > 0)
}

/// Folds of `cjg check --signalen`.
const FOLDS: usize = 10;

/// The cross-validation of the risk signals, for editors.
fn print_validation(v: &Validation, json: bool, taal: Taal) {
    if json {
        println!("{}", serde_json::to_string_pretty(v).expect("plain data serialises"));
        return;
    }
    let pct = |x: f64| format!("{:.1} %", x * 100.0);
    println!(
        "{}",
        taal.kies(
            format!(
                "Risicosignalen, {}-voudige kruisvalidatie op {} urgente en {} gewone vragen:",
                v.folds, v.urgent, v.ordinary
            ),
            format!(
                "Risk signals, {}-fold cross-validation on {} urgent and {} ordinary questions:",
                v.folds, v.urgent, v.ordinary
            ),
        )
    );
    for (name, rates) in [
        (taal.kies("regels", "rules"), v.rules),
        (taal.kies("model", "model"), v.classifier),
        (taal.kies("samen", "union"), v.union),
        (taal.kies("samen op de oneven regels (om van te leren):", "union on the odd lines (to learn from):"), v.halves.dev),
        (taal.kies("samen op de even regels (om op te meten):", "union on the even lines (to measure on):"), v.halves.held_out),
    ] {
        println!(
            "  {name:<7} {} {}  {} {}",
            taal.kies("gevonden", "recall"),
            pct(rates.recall),
            taal.kies("vals alarm", "false alarms"),
            pct(rates.false_alarms)
        );
    }
    println!("{}", taal.kies("Gevonden per soort (samen):", "Recall per kind (union):"));
    for (kind, recall) in &v.per_kind {
        println!("  {kind:<32} {}", pct(*recall));
    }
    for (title, list) in [
        (taal.kies("Gemist:", "Missed:"), v.missed.iter().map(|(l, t)| (*l, t.as_str())).collect::<Vec<_>>()),
        (taal.kies("Vals alarm:", "False alarms:"), v.alarms.iter().map(|(l, t)| (*l, t.as_str())).collect()),
    ] {
        if list.is_empty() {
            continue;
        }
        // The even half stays unseen, so that it can still measure what a change did.
        let (unseen, shown): (Vec<_>, Vec<_>) = list.into_iter().partition(|(line, _)| in_held_out_half(*line));
        println!("{title}");
        for (line, text) in shown {
            println!("  {line:>5}: {text}");
        }
        if !unseen.is_empty() {
            println!(
                "  {}",
                taal.kies(
                    format!("en {} op even regels, niet getoond: die helft blijft om op te meten", unseen.len()),
                    format!("and {} on even lines, not shown: that half is kept to measure on", unseen.len())
                )
            );
        }
    }
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
