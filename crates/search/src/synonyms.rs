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
use cjg_common::Bericht;

use crate::error::RuleError;
use crate::text;

/// The parsed synonym list.
#[derive(Debug, Clone)]
pub struct Synonyms {
    /// group → member → normalised words of the member.
    groups: Vec<Vec<Vec<String>>>,
    #[cfg(any(test, feature = "index"))]
    /// The file as the editor wrote it; stored in the index bundle.
    source: String,
}

impl Synonyms {
    /// Reads the synonym list; `file` names it in errors.
    pub fn parse(source: &str, file: &Path) -> Result<Synonyms, RuleError> {
        let mut groups = Vec::new();
        for (index, line) in source.lines().enumerate() {
            let error =
                |nl: &str, en: &str| RuleError { file: file.to_path_buf(), line: index + 1, message: Bericht::new(nl, en) };
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
        Ok(Synonyms {
            groups,
            #[cfg(any(test, feature = "index"))]
            source: source.to_string(),
        })
    }

    #[cfg(any(test, feature = "index"))]
    /// The file as the editor wrote it.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    /// Every word in the list, for the vocabulary.
    #[cfg(any(test, feature = "index"))]
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

/// The synonym list prepared for questions: members looked up by the keys of their words.
pub(crate) struct SynonymMatcher {
    /// A key of a member's first word → (group, member) of every such member.
    by_first_key: HashMap<String, Vec<(usize, usize)>>,
    /// group → member → per word its keys ([`Analyzer::keys`]).
    keys: Vec<Vec<Vec<Vec<String>>>>,
    /// group → its members as phrases.
    phrases: Vec<Vec<String>>,
}

impl SynonymMatcher {
    /// Prepares `synonyms` for matching with the word keys of `analyzer`.
    pub(crate) fn new(synonyms: &Synonyms, analyzer: &Analyzer) -> SynonymMatcher {
        let mut by_first_key: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut keys = Vec::new();
        for (group, members) in synonyms.groups.iter().enumerate() {
            let group_keys: Vec<Vec<Vec<String>>> =
                members.iter().map(|words| words.iter().map(|w| analyzer.keys(w)).collect()).collect();
            for (member, member_keys) in group_keys.iter().enumerate() {
                for key in member_keys.first().into_iter().flatten() {
                    by_first_key.entry(key.clone()).or_default().push((group, member));
                }
            }
            keys.push(group_keys);
        }
        let phrases = synonyms.groups.iter().map(|g| g.iter().map(|words| words.join(" ")).collect()).collect();
        SynonymMatcher { by_first_key, keys, phrases }
    }

    /// Cuts a question (its normalised words) into spans, taking the longest member
    /// that starts at each word, and lists for each span what else it may be called.
    pub(crate) fn spans(&self, words: &[String], analyzer: &Analyzer) -> Vec<Span> {
        let keys: Vec<Vec<String>> = words.iter().map(|w| analyzer.keys(w)).collect();
        let fits = |at: usize, member: &[Vec<String>]| {
            at + member.len() <= words.len()
                && member.iter().zip(&keys[at..]).all(|(wanted, have)| wanted.iter().any(|k| have.contains(k)))
        };
        let mut spans = Vec::new();
        let mut start = 0;
        while start < words.len() {
            let mut matches: Vec<(usize, usize)> = keys[start]
                .iter()
                .flat_map(|key| self.by_first_key.get(key).into_iter().flatten().copied())
                .filter(|&(group, member)| fits(start, &self.keys[group][member]))
                .collect();
            let len = matches.iter().map(|&(g, m)| self.keys[g][m].len()).max().unwrap_or(1);
            matches.retain(|&(g, m)| self.keys[g][m].len() == len);
            let mut alternatives: Vec<String> = Vec::new();
            for &(group, matched) in &matches {
                for (member, phrase) in self.phrases[group].iter().enumerate() {
                    let same = self.keys[group][member] == self.keys[group][matched];
                    if member != matched && !same && !alternatives.contains(phrase) {
                        alternatives.push(phrase.clone());
                    }
                }
            }
            spans.push(Span { start, end: start + len, alternatives });
            start += len;
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::site_lexicon::SiteLexicon;
    use crate::stem::Stemmer;
    use crate::vocabulary::Vocabulary;

    fn analyzer() -> Analyzer {
        let stemmer = Stemmer::new();
        Analyzer::new(Arc::new(Vocabulary::collect([], [])), Arc::new(SiteLexicon::default()), stemmer)
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
        let english = crate::Error::Rule(error).message(cjg_common::Taal::En);
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
