//! The synonym list (`content/synoniemen.txt`): words and phrases that mean the same
//! to a visitor, so a question in everyday words finds a page in the site's words.
//!
//! The file has one group per line, its members separated by commas; a member may be
//! a phrase ("de pil", "in verwachting"). `#` starts a comment. Members are compared
//! by their stems, so "prikken" matches the member "prik". Expansion happens only at
//! query time: editors can extend the list without the pages changing.

use std::collections::HashMap;
use std::path::Path;

use crate::analyzer::Analyzer;
use crate::error::{Bericht, RuleError};
use crate::text;

/// The parsed synonym list.
#[derive(Debug, Clone)]
pub struct Synonyms {
    /// group → member → normalised words of the member.
    groups: Vec<Vec<Vec<String>>>,
    /// The file as the editor wrote it; stored in the index bundle.
    source: String,
}

impl Synonyms {
    /// Reads the synonym list; `file` names it in errors.
    pub fn parse(source: &str, file: &Path) -> Result<Synonyms, RuleError> {
        let mut groups = Vec::new();
        for (index, line) in source.lines().enumerate() {
            let error = |nl: &str, en: &str| RuleError { file: file.to_path_buf(), line: index + 1, message: Bericht::new(nl, en) };
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let mut members: Vec<Vec<String>> = Vec::new();
            for member in line.split(',') {
                let words: Vec<String> = text::words(member).into_iter().map(|w| w.text).collect();
                if words.is_empty() {
                    return Err(error(
                        "leeg stuk: zet woorden tussen de komma's, zoals `stufi, studiefinanciering`",
                        "empty member: write words between the commas, like `stufi, studiefinanciering`",
                    ));
                }
                if !members.contains(&words) {
                    members.push(words);
                }
            }
            if members.len() < 2 {
                return Err(error(
                    "een groep heeft minstens twee verschillende woorden of zinnetjes nodig, gescheiden door komma's, \
                     zoals `prik, vaccinatie`",
                    "a group needs at least two different words or phrases, separated by commas, \
                     like `prik, vaccinatie`",
                ));
            }
            groups.push(members);
        }
        Ok(Synonyms { groups, source: source.to_string() })
    }

    /// The file as the editor wrote it.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Every word in the list, for the vocabulary.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flatten().flatten().map(String::as_str)
    }

    /// The number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the list has no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// A stretch of a question: one word, or the words of a synonym-list member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// Index of the first word.
    pub start: usize,
    /// Index past the last word.
    pub end: usize,
    /// The other members of every group the stretch is a member of, as phrases.
    pub alternatives: Vec<String>,
}

/// The synonym list prepared for questions: members looked up by their stems.
pub(crate) struct SynonymMatcher {
    /// Keys of a member's words → the groups it belongs to.
    members: HashMap<Vec<String>, Vec<usize>>,
    /// group → its members as phrases.
    phrases: Vec<Vec<String>>,
    /// The most words in one member.
    longest: usize,
}

impl SynonymMatcher {
    /// Prepares `synonyms` for matching with the word keys of `analyzer`.
    pub(crate) fn new(synonyms: &Synonyms, analyzer: &Analyzer) -> SynonymMatcher {
        let mut members: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
        let mut longest = 0;
        for (group, group_members) in synonyms.groups.iter().enumerate() {
            for words in group_members {
                longest = longest.max(words.len());
                let groups = members.entry(words.iter().map(|w| analyzer.key(w)).collect()).or_default();
                if !groups.contains(&group) {
                    groups.push(group);
                }
            }
        }
        let phrases = synonyms.groups.iter().map(|g| g.iter().map(|words| words.join(" ")).collect()).collect();
        SynonymMatcher { members, phrases, longest }
    }

    /// Cuts a question (its normalised words) into spans, taking the longest member
    /// that starts at each word, and lists for each span what else it may be called.
    pub(crate) fn spans(&self, words: &[String], analyzer: &Analyzer) -> Vec<Span> {
        let keys: Vec<String> = words.iter().map(|w| analyzer.key(w)).collect();
        let mut spans = Vec::new();
        let mut start = 0;
        while start < words.len() {
            let longest = self.longest.min(words.len() - start);
            let found = (1..=longest).rev().find_map(|len| Some((len, self.members.get(&keys[start..start + len])?)));
            let (len, groups) = match found {
                Some((len, groups)) => (len, groups.as_slice()),
                None => (1, &[][..]),
            };
            let own = words[start..start + len].join(" ");
            let mut alternatives: Vec<String> = Vec::new();
            for phrase in groups.iter().flat_map(|&g| &self.phrases[g]) {
                if same_keys(phrase, &own, analyzer) || alternatives.contains(phrase) {
                    continue;
                }
                alternatives.push(phrase.clone());
            }
            spans.push(Span { start, end: start + len, alternatives });
            start += len;
        }
        spans
    }
}

/// Whether two phrases are the same word for word, as the synonym list compares.
fn same_keys(a: &str, b: &str, analyzer: &Analyzer) -> bool {
    let keys = |p: &str| p.split(' ').map(|w| analyzer.key(w)).collect::<Vec<_>>();
    keys(a) == keys(b)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analyzer::Stemmer;
    use crate::vocabulary::Vocabulary;

    fn analyzer() -> Analyzer {
        let stemmer = Stemmer::new();
        Analyzer::new(Arc::new(Vocabulary::collect([], [], &stemmer)), stemmer)
    }

    fn words(text: &str) -> Vec<String> {
        text::words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn parses_groups_and_phrases() {
        let list = "# comment\nblowen, wiet, cannabis # slang first\n\nde pil, anticonceptie\n";
        let synonyms = Synonyms::parse(list, Path::new("synoniemen.txt")).unwrap();
        assert_eq!(synonyms.len(), 2);
        assert!(synonyms.words().any(|w| w == "pil"));
    }

    #[test]
    fn names_file_and_line_of_a_mistake() {
        let error = Synonyms::parse("prik, vaccinatie\nstufi\n", Path::new("content/synoniemen.txt")).unwrap_err();
        assert_eq!((error.line, error.file.as_path()), (2, Path::new("content/synoniemen.txt")));
        let error = Synonyms::parse("prik,, vaccinatie\n", Path::new("s.txt")).unwrap_err();
        assert!(error.to_string().starts_with("s.txt:1: leeg stuk"), "{error}");
        let english = crate::Error::Rule(error).message(true);
        assert!(english.starts_with("s.txt:1: empty member"), "{english}");
    }

    #[test]
    fn expands_words_and_phrases_by_stem() {
        let a = analyzer();
        let synonyms = Synonyms::parse("prik, vaccinatie, inenting\nde pil, anticonceptie\n", Path::new("s")).unwrap();
        let matcher = SynonymMatcher::new(&synonyms, &a);
        let question = words("Welke prikken, en hoe kom ik aan de pil?");
        let spans = matcher.spans(&question, &a);
        let prik = spans.iter().find(|s| question[s.start] == "prikken").unwrap();
        assert_eq!(prik.alternatives, ["vaccinatie", "inenting"]);
        let pil = spans.iter().find(|s| question[s.start..s.end] == ["de", "pil"]).unwrap();
        assert_eq!(pil.alternatives, ["anticonceptie"]);
        assert_eq!(spans.iter().map(|s| s.end - s.start).sum::<usize>(), question.len());
    }
}
