//! The shared question set and risk set (`../shared/qa/` beside the repository): the
//! tests measure the engine on them; nothing in the engine or content may match them.

use std::path::PathBuf;

/// A question and the page path (`ouders/gedrag/driftbuien`) that should answer it.
pub struct Vraag {
    /// The question as a visitor types it.
    pub vraag: String,
    /// The expected page as its URL: `/ouders/gedrag/driftbuien/`.
    pub url: String,
}

/// A question and whether it must show the urgent-help block.
pub struct Risico {
    /// The question.
    pub vraag: String,
    /// True when the urgent block must show.
    pub urgent: bool,
    /// The kind of risk, where the set names it (`risico-breed.tsv`).
    pub soort: Option<String>,
}

/// `$CJG_QA_DIR`, or `shared/qa` beside the repository as the workplace and CI lay it out.
pub fn qa_dir() -> PathBuf {
    let dir = std::env::var_os("CJG_QA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/qa"));
    assert!(
        dir.is_dir(),
        "{} is missing: the question sets live in shared/qa beside the repository (or set CJG_QA_DIR)",
        dir.display()
    );
    dir
}

/// The non-comment, non-empty lines of a TSV file in the shared folder as (first, second) columns.
fn rows(name: &str) -> Vec<(String, String)> {
    rows_of(&qa_dir().join(name))
}

/// The non-comment, non-empty lines of a TSV file as (first, second) columns.
fn rows_of(path: &std::path::Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (a, b) = l.split_once('\t').unwrap_or_else(|| panic!("{}: line without a tab: {l}", path.display()));
            (a.trim().to_string(), b.trim().to_string())
        })
        .collect()
}

/// `vragen.tsv`.
pub fn vragen() -> Vec<Vraag> {
    as_vragen(rows("vragen.tsv"))
}

fn as_vragen(rows: Vec<(String, String)>) -> Vec<Vraag> {
    rows.into_iter().map(|(vraag, pad)| Vraag { vraag, url: format!("/{}/", pad.trim_matches('/')) }).collect()
}

/// Which half of the development set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// The half the ranking was tuned on: the 1st, 3rd, 5th … question of each page.
    Tuning,
    /// The half kept out of tuning: the 2nd, 4th, 6th … question of each page.
    HeldOut,
}

/// The project's own development set (`tests/vragen-ontwikkeling.tsv`), one half of it. The
/// split is fixed: questions alternate between the halves within each expected page.
pub fn ontwikkelvragen(half: Half) -> Vec<Vraag> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vragen-ontwikkeling.tsv");
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for vraag in as_vragen(rows_of(&path)) {
        let nth = seen.entry(vraag.url.clone()).or_default();
        let tuning = (*nth).is_multiple_of(2);
        *nth += 1;
        if tuning == (half == Half::Tuning) {
            out.push(vraag);
        }
    }
    out
}

/// Every question of every TSV file in the shared folder and of the development set: the
/// sentences no content may repeat.
pub fn all_test_sentences() -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(qa_dir())
        .expect("shared/qa is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.push(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vragen-ontwikkeling.tsv"));
    files.sort();
    files.iter().flat_map(|f| rows_of(f)).map(|(sentence, _)| sentence).collect()
}

/// A sentence as compared for repeats: lower case, letters and digits only, single spaces.
pub fn comparable(sentence: &str) -> String {
    let mapped: String = sentence.to_lowercase().chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `risico.tsv`.
pub fn risico() -> Vec<Risico> {
    rows("risico.tsv").into_iter().map(|(vraag, flag)| Risico { vraag, urgent: flag == "1", soort: None }).collect()
}

/// `risico-breed.tsv`: how people really type urgent questions, each with its kind, and
/// ordinary questions with alarming words in them.
pub fn risico_breed() -> Vec<Risico> {
    rows("risico-breed.tsv")
        .into_iter()
        .map(|(vraag, rest)| {
            let (flag, soort) = rest.split_once('\t').unwrap_or((rest.as_str(), ""));
            let soort = Some(soort.trim().to_string()).filter(|s| !s.is_empty());
            Risico { vraag, urgent: flag.trim() == "1", soort }
        })
        .collect()
}
