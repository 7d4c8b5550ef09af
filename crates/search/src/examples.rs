//! The editors' labelled examples (`content/signalen-voorbeelden.txt`): how people type
//! urgent questions, by kind, and ordinary questions, for training the risk classifier.
//!
//! The format is the one of `signalen.txt` without rules: a `[soort]` header, then one
//! example per line; `[gewoon]` heads the ordinary questions; `#` starts a comment line.

use std::path::Path;

use cjg_common::Bericht;

use crate::error::RuleError;

/// The header of the ordinary questions.
pub const ORDINARY: &str = "gewoon";

/// One labelled example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The question as a visitor would type it.
    pub text: String,
    /// The kind of risk signal, or `None` for an ordinary question.
    pub kind: Option<String>,
    /// Its line in the file (0 for examples that come from elsewhere, like page `vragen`).
    pub line: usize,
}

/// The parsed examples file.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Every example, in file order.
    pub examples: Vec<Example>,
}

impl Examples {
    /// Reads the examples; `kinds` are the kinds of `signalen.txt`, the only ones allowed
    /// besides `[gewoon]`; `file` names the file in errors.
    pub fn parse(source: &str, file: &Path, kinds: &[&str]) -> Result<Examples, RuleError> {
        let mut examples = Vec::new();
        let mut kind: Option<Option<String>> = None;
        for (index, line) in source.lines().enumerate() {
            let line_number = index + 1;
            let error = |message: Bericht| RuleError { file: file.to_path_buf(), line: line_number, message };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header.strip_suffix(']').map(str::trim).filter(|n| !n.is_empty()).ok_or_else(|| {
                    error(Bericht::new(
                        "een kopje is een soort tussen vierkante haken, zoals `[zelfdoding]` of `[gewoon]`",
                        "a header is a kind between square brackets, like `[zelfdoding]` or `[gewoon]`",
                    ))
                })?;
                if name != ORDINARY && !kinds.contains(&name) {
                    return Err(error(Bericht::new(
                        format!("`[{name}]` is geen soort uit signalen.txt; kies uit {} of [gewoon]", list(kinds)),
                        format!("`[{name}]` is no kind of signalen.txt; choose from {} or [gewoon]", list(kinds)),
                    )));
                }
                kind = Some((name != ORDINARY).then(|| name.to_string()));
                continue;
            }
            let Some(kind) = &kind else {
                return Err(error(Bericht::new(
                    "een voorbeeld moet onder een kopje staan, zoals `[zelfdoding]` of `[gewoon]`",
                    "an example must stand under a header, like `[zelfdoding]` or `[gewoon]`",
                )));
            };
            examples.push(Example { text: line.to_string(), kind: kind.clone(), line: line_number });
        }
        Ok(Examples { examples })
    }

    /// The urgent examples.
    pub fn urgent(&self) -> impl Iterator<Item = &Example> {
        self.examples.iter().filter(|e| e.kind.is_some())
    }
}

fn list(kinds: &[&str]) -> String {
    kinds.iter().map(|k| format!("[{k}]")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kinds_and_ordinary_questions() {
        let text = "# uitleg\n[zelfdoding]\nik wil dood\n\n[gewoon]\nmijn kind heeft koorts\n";
        let examples = Examples::parse(text, Path::new("v.txt"), &["zelfdoding"]).unwrap();
        assert_eq!(examples.examples.len(), 2);
        assert_eq!(examples.examples[0].kind.as_deref(), Some("zelfdoding"));
        assert_eq!(examples.examples[1], Example { text: "mijn kind heeft koorts".into(), kind: None, line: 6 });
        assert_eq!(examples.urgent().count(), 1);
    }

    #[test]
    fn mistakes_name_file_and_line() {
        let error = Examples::parse("ik wil dood\n", Path::new("v.txt"), &["zelfdoding"]).unwrap_err();
        assert_eq!(error.line, 1);
        let error = Examples::parse("[zelfdoding]\na\n[onbekend]\nb\n", Path::new("v.txt"), &["zelfdoding"]).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.nl.contains("[zelfdoding]"), "{}", error.message.nl);
        assert!(Examples::parse("[zelf\n", Path::new("v.txt"), &[]).is_err());
    }
}
