//! The two plain files editors keep in `content/`: the synonym list and the risk
//! signals. Loaded together because the index bundle carries both.

use std::path::Path;

use crate::error::Error;
use crate::examples::Examples;
use crate::signals::RiskSignals;
use crate::synonyms::Synonyms;

/// The synonym list's file name in `content/`.
pub const SYNONYMS_FILE: &str = "synoniemen.txt";
/// The risk-signal rules' file name in `content/`.
pub const SIGNALS_FILE: &str = "signalen.txt";
/// The examples of urgent and ordinary questions in `content/`, for the risk classifier.
pub const EXAMPLES_FILE: &str = "signalen-voorbeelden.txt";
/// The file name of the topic words in `content/`: subjects the site has no page on yet.
pub const TOPICS_FILE: &str = "onderwerpen.txt";

/// The editors' rules for the question engine.
#[derive(Debug, Clone)]
pub struct Rules {
    /// What words mean the same (`synoniemen.txt`).
    pub synonyms: Synonyms,
    /// What makes a question urgent (`signalen.txt`).
    pub signals: RiskSignals,
    /// Words of subjects the site does not cover yet (`onderwerpen.txt`, optional): known,
    /// so that questions about them are counted and the gap shows in `cjg plan`.
    pub topics: Vec<String>,
    /// Labelled examples for the risk classifier (`signalen-voorbeelden.txt`, optional: without
    /// it only the rules decide).
    pub examples: Examples,
}

impl Rules {
    /// Reads `synoniemen.txt` and `signalen.txt` from the content folder. Both must
    /// exist: a site without risk signals would silently never show urgent help.
    pub fn load(content_dir: &Path) -> Result<Rules, Error> {
        let read = |name: &str| {
            let path = content_dir.join(name);
            std::fs::read_to_string(&path).map(|text| (text, path.clone())).map_err(|source| Error::Io { path, source })
        };
        let (synonyms, synonyms_path) = read(SYNONYMS_FILE)?;
        let (signals, signals_path) = read(SIGNALS_FILE)?;
        let optional = |name: &str| match read(name) {
            Ok(found) => Ok(Some(found)),
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(other) => Err(other),
        };
        let topics = optional(TOPICS_FILE)?.map(|(text, _)| topic_words(&text)).unwrap_or_default();
        let signals = RiskSignals::parse(&signals, &signals_path)?;
        let examples = match optional(EXAMPLES_FILE)? {
            Some((text, path)) => Examples::parse(&text, &path, &signals.kinds())?,
            None => Examples::default(),
        };
        Ok(Rules { synonyms: Synonyms::parse(&synonyms, &synonyms_path)?, signals, topics, examples })
    }

    /// Parses both files from text, naming them by their plain file names in errors.
    pub fn parse(synonyms: &str, signals: &str) -> Result<Rules, Error> {
        Ok(Rules {
            synonyms: Synonyms::parse(synonyms, Path::new(SYNONYMS_FILE))?,
            signals: RiskSignals::parse(signals, Path::new(SIGNALS_FILE))?,
            topics: Vec::new(),
            examples: Examples::default(),
        })
    }
}

/// The words of `onderwerpen.txt`: separated by commas or new lines, `#` starts a comment.
fn topic_words(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .flat_map(|line| line.split(','))
        .flat_map(crate::text::words)
        .map(|w| w.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_site_rules_load() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let rules = Rules::load(&content).unwrap_or_else(|e| panic!("{e}"));
        assert!(rules.synonyms.len() >= 60, "{} synonym groups", rules.synonyms.len());
        assert!(rules.signals.len() >= 30, "{} signal rules", rules.signals.len());
        assert!(rules.topics.contains(&"mantelzorg".to_string()), "{:?}", rules.topics);
    }

    #[test]
    fn topic_words_ignore_comments() {
        assert_eq!(topic_words("# nieuw\nmantelzorg, Rouw\nstage # voor jongeren\n"), ["mantelzorg", "rouw", "stage"]);
    }

    #[test]
    fn a_missing_file_is_named() {
        let error = Rules::load(Path::new("/nonexistent")).unwrap_err();
        assert!(error.to_string().starts_with("/nonexistent/synoniemen.txt: "), "{error}");
    }
}
