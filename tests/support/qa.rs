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
}

/// `$CJG_QA_DIR`, or `shared/qa` beside the repository as the workplace and CI lay it out.
fn qa_dir() -> PathBuf {
    let dir = std::env::var_os("CJG_QA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/qa"));
    assert!(dir.is_dir(), "{} is missing: the question sets live in shared/qa beside the repository (or set CJG_QA_DIR)", dir.display());
    dir
}

/// The non-comment, non-empty lines of a TSV file as (first, second) columns.
fn rows(name: &str) -> Vec<(String, String)> {
    let path = qa_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
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
    rows("vragen.tsv").into_iter().map(|(vraag, pad)| Vraag { vraag, url: format!("/{}/", pad.trim_matches('/')) }).collect()
}

/// `risico.tsv`.
pub fn risico() -> Vec<Risico> {
    rows("risico.tsv").into_iter().map(|(vraag, flag)| Risico { vraag, urgent: flag == "1" }).collect()
}
