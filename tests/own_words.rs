//! The content is the editors' own words: no `vragen` line of any page and no example of the
//! risk signals (`content/signalen-voorbeelden.txt`) repeats a sentence of the shared question
//! sets (`../shared/qa/`) or of the development set (`tests/vragen-ontwikkeling.tsv`), compared
//! in lower case without punctuation. Otherwise the answer-quality and risk figures would
//! measure what was copied, not what the engine understands.

use std::collections::HashMap;
use std::path::Path;

use cjg_tests::{all_test_sentences, comparable, example_root};
use walkdir::WalkDir;

/// Every `vragen` line of every page, with the file it is in.
fn vragen_lines(content: &Path) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for entry in WalkDir::new(content).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let Some(front) = text.strip_prefix("+++").and_then(|rest| rest.split_once("\n+++")).map(|(front, _)| front) else {
            continue;
        };
        let table: toml::Table = toml::from_str(front).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for vraag in table.get("vragen").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str()) {
            lines.push((vraag.to_string(), path.display().to_string()));
        }
    }
    lines
}

/// The lines (each with where it stands) that repeat a sentence of the test sets.
fn repeats(lines: &[(String, String)]) -> Vec<String> {
    let tests: HashMap<String, String> = all_test_sentences().into_iter().map(|s| (comparable(&s), s)).collect();
    assert!(tests.len() > 300, "the test sets hold {} sentences", tests.len());
    lines
        .iter()
        .filter_map(|(line, place)| tests.get(&comparable(line)).map(|t| format!("{place}: {line:?} repeats {t:?}")))
        .collect()
}

#[test]
fn no_vragen_line_repeats_a_test_sentence() {
    let lines = vragen_lines(&example_root().join("content"));
    assert!(lines.len() > 500, "the pages hold {} vragen lines", lines.len());
    let repeats = repeats(&lines);
    assert!(repeats.is_empty(), "vragen lines that repeat test sentences:\n{}", repeats.join("\n"));
}

/// Every example question of the risk signals, with its file and line.
fn risk_examples(content: &Path) -> Vec<(String, String)> {
    let path = content.join("signalen-voorbeelden.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .map(|(at, line)| (line.trim(), at + 1))
        .filter(|(line, _)| !line.is_empty() && !line.starts_with('#') && !line.starts_with('['))
        .map(|(line, at)| (line.to_string(), format!("signalen-voorbeelden.txt:{at}")))
        .collect()
}

#[test]
fn no_risk_example_repeats_a_test_sentence() {
    let examples = risk_examples(&example_root().join("content"));
    assert!(examples.len() > 2_000, "the examples file holds {} examples", examples.len());
    let repeats = repeats(&examples);
    assert!(repeats.is_empty(), "risk examples that repeat test sentences:\n{}", repeats.join("\n"));
}

#[test]
fn comparing_ignores_case_and_punctuation() {
    assert_eq!(comparable("Mag ik werken, als ik 14 ben?"), comparable("mag ik werken als ik 14 ben"));
    assert_ne!(comparable("mag ik werken"), comparable("mag ik niet werken"));
}
