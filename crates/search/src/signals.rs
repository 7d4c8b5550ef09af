//! Risk signals (`content/signalen.txt`): word combinations that make a question
//! urgent, so the widget shows how to reach help right now before any answer.
//!
//! The format is written for editors; the explanation at the top of the file is the
//! reference. In short:
//!
//! ```text
//! [kindermishandeling]                      a kind of signal, for the rules below it
//! slaat|sloeg|schopt + me|mij + !peuter*    one rule: every group (split by +) must
//!                                           occur; a group is a choice (split by |);
//!                                           a group with ! must not occur
//! bang voor mijn/onze vader/moeder          words in a row; / chooses per word
//! mishandel*                                * matches every word that starts so
//! ```
//!
//! Words are compared after the same normalisation as the search (lower case, no
//! accents, "m'n" = "mijn"). Long words also match with one typing mistake, since a
//! frightened child does not spell-check.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use crate::analyzer::{AnalysedWord, Analyzer, WordForms};
use cjg_common::Bericht;

use crate::error::RuleError;
use crate::spelling;
use crate::text;

/// A rule word of at least this many letters also matches with one typing mistake.
const MIN_FUZZY_WORD: usize = 9;
/// A `*` prefix of at least this many letters also matches with one typing mistake.
const MIN_FUZZY_PREFIX: usize = 8;
/// A `*` prefix must be at least this long, so that it cannot match half the language.
const MIN_PREFIX: usize = 3;

/// The parsed risk-signal rules.
#[derive(Debug, Clone)]
pub struct RiskSignals {
    rules: Vec<Rule>,
    /// The kinds, in the order of their headers.
    kinds: Vec<String>,
    /// The concepts (`@ouder = …`), in the order of the file.
    concepts: Vec<(String, Vec<Phrase>)>,
    #[cfg(any(test, feature = "index"))]
    /// The file as the editor wrote it; the index bundle stores it without comments.
    source: String,
}

/// A rule that fired for a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskSignal<'a> {
    /// The kind of signal: the `[header]` above the rule.
    pub kind: &'a str,
    /// The line of the rule in `signalen.txt`.
    pub line: usize,
}

#[derive(Debug, Clone)]
struct Rule {
    kind: String,
    line: usize,
    groups: Vec<Group>,
}

/// One `+`-separated part of a rule: alternatives, of which one must (or, negated,
/// none may) occur.
#[derive(Debug, Clone)]
struct Group {
    negated: bool,
    phrases: Vec<Phrase>,
}

/// Words in a row; each position lists the words allowed there.
#[derive(Debug, Clone)]
struct Phrase(Vec<Vec<Pattern>>);

#[derive(Debug, Clone)]
enum Pattern {
    Word(String),
    Prefix(String),
}

impl RiskSignals {
    /// Reads the rules; `file` names the file in errors.
    pub fn parse(source: &str, file: &Path) -> Result<RiskSignals, RuleError> {
        let mut rules = Vec::new();
        let mut concepts: HashMap<String, Vec<Phrase>> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut kinds: Vec<String> = Vec::new();
        let mut kind: Option<String> = None;
        for (index, line) in source.lines().enumerate() {
            let line_number = index + 1;
            let error = |message: Bericht| RuleError { file: file.to_path_buf(), line: line_number, message };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header.strip_suffix(']').map(str::trim).filter(|name| !name.is_empty()).ok_or_else(|| {
                    error(Bericht::new(
                        "een kopje is een naam tussen vierkante haken, zoals `[acuut gevaar]`",
                        "a header is a name between square brackets, like `[acuut gevaar]`",
                    ))
                })?;
                if !kinds.iter().any(|k| k == name) {
                    kinds.push(name.to_string());
                }
                kind = Some(name.to_string());
                continue;
            }
            // `@naam = …` defines a concept; a rule may also start with one (`@ouder + …`).
            let definition =
                line.strip_prefix('@').and_then(|d| d.split_once('=')).filter(|(name, _)| !name.contains(['+', '|']));
            if let Some((name, list)) = definition {
                let name = name.trim();
                if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
                    return Err(error(Bericht::new(
                        format!("`@{name}` is geen goede naam voor een begrip: gebruik letters, cijfers en -"),
                        format!("`@{name}` is no good name for a concept: use letters, digits and -"),
                    )));
                }
                let phrases = parse_alternatives(list, &concepts).map_err(error)?;
                if concepts.insert(name.to_string(), phrases.clone()).is_none() {
                    names.push(name.to_string());
                }
                continue;
            }
            let Some(kind) = &kind else {
                return Err(error(Bericht::new(
                    "een regel moet onder een kopje staan dat de soort noemt, zoals `[acuut gevaar]`",
                    "a rule must stand under a header that names its kind, like `[acuut gevaar]`",
                )));
            };
            let groups = line.split('+').map(|g| parse_group(g, &concepts)).collect::<Result<Vec<_>, _>>().map_err(error)?;
            if groups.iter().all(|g| g.negated) {
                return Err(error(Bericht::new(
                    "een regel heeft minstens één groep zonder `!` nodig: wat er wel in moet staan",
                    "a rule needs at least one group without `!`: what must occur",
                )));
            }
            rules.push(Rule { kind: kind.clone(), line: line_number, groups });
        }
        let concepts = names.into_iter().filter_map(|name| concepts.remove(&name).map(|phrases| (name, phrases))).collect();
        Ok(RiskSignals {
            rules,
            kinds,
            concepts,
            #[cfg(any(test, feature = "index"))]
            source: source.to_string(),
        })
    }

    #[cfg(any(test, feature = "index"))]
    /// Every whole word the rules name (not the `*` prefixes), for the site lexicon.
    pub(crate) fn words(&self) -> Vec<String> {
        let patterns = self.rules.iter().flat_map(|r| &r.groups).flat_map(|g| &g.phrases).flat_map(|p| p.0.iter().flatten());
        patterns.filter_map(|p| if let Pattern::Word(w) = p { Some(w.clone()) } else { None }).collect()
    }

    /// The rules that fire for a question's words as the analyzer understood them, in file
    /// order: a rule word also matches every form of its lemma ("opsluiten" matches
    /// "opgesloten" and "ze sluiten me op"). A rule word in -n (a verb like "snijden",
    /// "slaan", or a plural) is compared by its stem too: the site lexicon leaves out the
    /// forms whose stem is the lemma's, so "ik snijd" and "hij schopt" are known only by
    /// their stem. Other words keep to their lemmas, so "dochter" is no "dochtertje".
    pub(crate) fn find_analysed(&self, words: &[AnalysedWord], analyzer: &Analyzer) -> Vec<RiskSignal<'_>> {
        let lemmas = RuleLemmas::new(analyzer);
        self.fire(&seen(words), &|rule_word| lemmas.of(rule_word))
    }

    /// For each of a question's words, the concepts (`@ouder`, `@slaan`) whose choices it is
    /// part of, matched as rules match them: what the classifier learns besides the words, so
    /// that an example about "mijn oom" also teaches it about "mijn stiefvader".
    pub(crate) fn concepts_of(&self, words: &[AnalysedWord], analyzer: &Analyzer) -> Vec<Vec<&str>> {
        let lemmas = RuleLemmas::new(analyzer);
        let seen = seen(words);
        let mut out: Vec<Vec<&str>> = vec![Vec::new(); words.len()];
        for (name, phrases) in &self.concepts {
            for phrase in phrases {
                for (start, end) in phrase.occurrences(&seen, &|rule_word| lemmas.of(rule_word)) {
                    for concepts in &mut out[start..end] {
                        if !concepts.contains(&name.as_str()) {
                            concepts.push(name);
                        }
                    }
                }
            }
        }
        out
    }

    /// The rules that fire for a question, in file order, comparing words as written (for
    /// rule files checked without a site).
    pub fn find(&self, question: &str) -> Vec<RiskSignal<'_>> {
        let words: Vec<Seen> =
            text::words(question).into_iter().map(|w| Seen { forms: vec![w.text], lemmas: Vec::new() }).collect();
        self.fire(&words, &|_: &str| Rc::new(Vec::new()))
    }

    fn fire(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Rc<Vec<String>>) -> Vec<RiskSignal<'_>> {
        self.rules
            .iter()
            .filter(|rule| rule.fires(words, rule_lemmas))
            .map(|rule| RiskSignal { kind: &rule.kind, line: rule.line })
            .collect()
    }

    /// Whether any rule fires for a question.
    pub fn is_urgent(&self, question: &str) -> bool {
        !self.find(question).is_empty()
    }

    /// The kinds of signal, in the order of their headers.
    pub fn kinds(&self) -> Vec<&str> {
        self.kinds.iter().map(String::as_str).collect()
    }

    /// The rules: their kind and line, in file order, for `cjg check`.
    pub fn rule_lines(&self) -> Vec<RiskSignal<'_>> {
        self.rules.iter().map(|r| RiskSignal { kind: &r.kind, line: r.line }).collect()
    }

    /// The number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    #[cfg(any(test, feature = "index"))]
    /// The file as the index bundle carries it: the editor's rules with every comment line left
    /// empty, so the browser loads no explanations and a rule keeps its line number.
    pub(crate) fn bundled(&self) -> String {
        self.source.lines().map(|line| if line.trim_start().starts_with('#') { "" } else { line }).collect::<Vec<_>>().join("\n")
    }
}

/// A question word as rules see it: its written forms and its lemmas.
struct Seen {
    forms: Vec<String>,
    lemmas: Vec<String>,
}

fn names(forms: &WordForms) -> Vec<String> {
    forms.lemmas.iter().chain(&forms.terms.whole).cloned().collect()
}

/// A question's analysed words as rules see them.
fn seen(words: &[AnalysedWord]) -> Vec<Seen> {
    words
        .iter()
        .map(|w| {
            let mut lemmas: Vec<String> = w.forms.as_deref().map(names).unwrap_or_default();
            lemmas.extend(w.joined.clone());
            Seen { forms: vec![w.typed.clone(), w.word.clone()], lemmas }
        })
        .collect()
}

/// The lemmas of rule words, each looked up once per question however often its rules are
/// tried. A rule word in -n (a verb like "snijden", "slaan", or a plural) is compared by its
/// stem too (see [`RiskSignals::find_analysed`]).
struct RuleLemmas<'a> {
    analyzer: &'a Analyzer,
    known: RefCell<HashMap<String, Rc<Vec<String>>>>,
}

impl<'a> RuleLemmas<'a> {
    fn new(analyzer: &'a Analyzer) -> RuleLemmas<'a> {
        RuleLemmas { analyzer, known: RefCell::default() }
    }

    fn of(&self, rule_word: &str) -> Rc<Vec<String>> {
        if let Some(lemmas) = self.known.borrow().get(rule_word) {
            return lemmas.clone();
        }
        let lemmas = Rc::new(
            self.analyzer
                .forms(rule_word)
                .map(|f| if rule_word.ends_with('n') { names(&f) } else { f.lemmas.clone() })
                .unwrap_or_default(),
        );
        self.known.borrow_mut().insert(rule_word.to_string(), lemmas.clone());
        lemmas
    }
}

/// How many words before a found part an exclusion (`!`) still counts: "mijn peuter slaat
/// me" is no signal, "hij slaat me waar de baby bij is" is.
const EXCLUSION_REACH: usize = 3;
/// How many words after a found part an exclusion still counts: the word that says what it
/// is about ("misbruik van alcohol" needs a phrase, "gewelddadige spelletjes" does not).
const EXCLUSION_REACH_AFTER: usize = 1;

impl Rule {
    /// Every part without `!` occurs somewhere where no part with `!` stands in its reach:
    /// in or over its own words, the three words before them or the word after them.
    fn fires(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Rc<Vec<String>>) -> bool {
        let exclusions: Vec<(usize, usize)> =
            self.groups.iter().filter(|g| g.negated).flat_map(|g| g.occurrences(words, rule_lemmas)).collect();
        let clean = |(start, end): (usize, usize)| {
            let from = start.saturating_sub(EXCLUSION_REACH);
            !exclusions.iter().any(|&(s, e)| s < end + EXCLUSION_REACH_AFTER && e > from)
        };
        self.groups.iter().filter(|g| !g.negated).all(|g| g.occurrences(words, rule_lemmas).into_iter().any(clean))
    }
}

impl Group {
    /// Where the group occurs: (first word, past the last word) of each occurrence.
    fn occurrences(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Rc<Vec<String>>) -> Vec<(usize, usize)> {
        self.phrases.iter().flat_map(|phrase| phrase.occurrences(words, rule_lemmas)).collect()
    }
}

impl Phrase {
    fn occurrences(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Rc<Vec<String>>) -> Vec<(usize, usize)> {
        let n = self.0.len();
        (0..words.len().saturating_sub(n - 1))
            .filter(|&at| {
                words[at..at + n].iter().zip(&self.0).all(|(word, allowed)| allowed.iter().any(|p| p.matches(word, rule_lemmas)))
            })
            .map(|at| (at, at + n))
            .collect()
    }
}

impl Pattern {
    fn matches(&self, word: &Seen, rule_lemmas: &dyn Fn(&str) -> Rc<Vec<String>>) -> bool {
        match self {
            Pattern::Word(rule) => {
                word.forms.iter().any(|form| {
                    form == rule
                        || rule.len() >= MIN_FUZZY_WORD && spelling::distance(form.as_bytes(), rule.as_bytes(), 1).is_some()
                }) || !word.lemmas.is_empty() && rule_lemmas(rule).iter().any(|l| word.lemmas.contains(l))
            }
            Pattern::Prefix(prefix) => {
                word.forms.iter().chain(&word.lemmas).any(|form| {
                    form.starts_with(prefix.as_str()) || prefix.len() >= MIN_FUZZY_PREFIX && fuzzy_prefix(form, prefix)
                })
            }
        }
    }
}

/// Whether `word` starts with `prefix` give or take one typing mistake.
fn fuzzy_prefix(word: &str, prefix: &str) -> bool {
    (prefix.len() - 1..=prefix.len() + 1)
        .filter_map(|len| word.get(..len))
        .any(|start| spelling::distance(start.as_bytes(), prefix.as_bytes(), 1).is_some())
}

fn parse_group(group: &str, concepts: &HashMap<String, Vec<Phrase>>) -> Result<Group, Bericht> {
    let group = group.trim();
    let (negated, group) = match group.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, group),
    };
    Ok(Group { negated, phrases: parse_alternatives(group, concepts)? })
}

/// Choices separated by `|`; a choice that is `@name` stands for the concept's choices.
fn parse_alternatives(list: &str, concepts: &HashMap<String, Vec<Phrase>>) -> Result<Vec<Phrase>, Bericht> {
    let mut phrases = Vec::new();
    for choice in list.split('|') {
        match choice.trim().strip_prefix('@').filter(|name| !name.contains(char::is_whitespace)) {
            Some(name) => phrases.extend(concept(name, concepts)?.iter().cloned()),
            None => phrases.push(parse_phrase(choice, concepts)?),
        }
    }
    Ok(phrases)
}

fn concept<'c>(name: &str, concepts: &'c HashMap<String, Vec<Phrase>>) -> Result<&'c Vec<Phrase>, Bericht> {
    concepts.get(name).ok_or_else(|| {
        Bericht::new(
            format!("het begrip `@{name}` bestaat (nog) niet: schrijf eerst `@{name} = …` boven deze regel"),
            format!("the concept `@{name}` does not exist (yet): write `@{name} = …` above this line first"),
        )
    })
}

fn parse_phrase(phrase: &str, concepts: &HashMap<String, Vec<Phrase>>) -> Result<Phrase, Bericht> {
    let positions: Vec<&str> = phrase.split_whitespace().collect();
    if positions.is_empty() {
        return Err(Bericht::new(
            "lege keuze: kijk of er `||`, `| +` of een `+` of `|` aan het begin of eind van de regel staat",
            "empty choice: check for `||`, `| +` or a `+` or `|` at the start or end of the line",
        ));
    }
    let mut parsed = Vec::new();
    for position in positions {
        let mut allowed = Vec::new();
        for written in position.split('/') {
            match written.strip_prefix('@') {
                Some(name) => {
                    for phrase in concept(name, concepts)? {
                        let [only] = phrase.0.as_slice() else {
                            return Err(Bericht::new(
                                format!("`@{name}` heeft keuzes van meer woorden en past niet op één plek in een reeks"),
                                format!("`@{name}` has choices of several words and does not fit one place in a row"),
                            ));
                        };
                        allowed.extend(only.iter().cloned());
                    }
                }
                None => allowed.push(parse_pattern(written)?),
            }
        }
        parsed.push(allowed);
    }
    Ok(Phrase(parsed))
}

fn parse_pattern(written: &str) -> Result<Pattern, Bericht> {
    let (word, is_prefix) = match written.strip_suffix('*') {
        Some(word) => (word, true),
        None => (written, false),
    };
    let normalised = text::words(word);
    let not_one_word = || {
        Bericht::new(
            format!("`{written}` is geen los woord: gebruik letters en cijfers, en `*` alleen aan het eind"),
            format!("`{written}` is not one word: use letters and digits, `*` only at the end"),
        )
    };
    let [only] = normalised.as_slice() else {
        return Err(not_one_word());
    };
    if only.start != 0 || only.end != word.len() {
        return Err(not_one_word());
    }
    if is_prefix && only.text.chars().count() < MIN_PREFIX {
        return Err(Bericht::new(
            format!("`{written}` is te kort om op `*` te eindigen: geef minstens {MIN_PREFIX} letters"),
            format!("`{written}` is too short to end in `*`: give at least {MIN_PREFIX} letters"),
        ));
    }
    Ok(if is_prefix { Pattern::Prefix(only.text.clone()) } else { Pattern::Word(only.text.clone()) })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::stem::Stemmer;
    use crate::vocabulary::Vocabulary;

    fn signals(rules: &str) -> RiskSignals {
        RiskSignals::parse(rules, Path::new("signalen.txt")).unwrap()
    }

    fn error(rules: &str) -> RuleError {
        RiskSignals::parse(rules, Path::new("signalen.txt")).unwrap_err()
    }

    /// The rules that fire for `question` as `cjg build` analyses it, with the Dutch lexicon.
    fn fired_analysed(rules: &str, question: &str) -> Vec<usize> {
        let signals = signals(rules);
        let stemmer = Stemmer::new();
        let vocabulary = Arc::new(Vocabulary::collect([vec!["kind dochter"]], []));
        let lexicon = crate::slicing::slice(cjg_lexicon::Lexicon::dutch(), &vocabulary, &signals.words(), stemmer);
        let analyzer = Analyzer::new(vocabulary, Arc::new(lexicon), stemmer);
        signals.find_analysed(&analyzer.analyse(question, true), &analyzer).iter().map(|s| s.line).collect()
    }

    #[test]
    fn the_bundle_carries_the_rules_without_comments_on_the_same_lines() {
        let rules = "# uitleg\n[zelfdoding]\n# nog meer uitleg\nik wil dood\n";
        let bundled = signals(rules).bundled();
        assert!(!bundled.contains("uitleg"), "{bundled}");
        assert_eq!(signals(&bundled).find("ik wil dood")[0].line, signals(rules).find("ik wil dood")[0].line);
    }

    #[test]
    fn concepts_of_each_word_as_rules_match_them() {
        let rules = "@ouder = vader | moeder\n@familie = @ouder | oom\n@slaan = slaan | schoppen\n[huiselijk geweld]\n@slaan + @familie\n";
        let signals = signals(rules);
        let stemmer = Stemmer::new();
        let vocabulary = Arc::new(Vocabulary::collect([vec!["kind"]], []));
        let lexicon = crate::slicing::slice(cjg_lexicon::Lexicon::dutch(), &vocabulary, &signals.words(), stemmer);
        let analyzer = Analyzer::new(vocabulary, Arc::new(lexicon), stemmer);
        let words = analyzer.analyse("mn vader sloeg de hond", true);
        let concepts = signals.concepts_of(&words, &analyzer);
        assert_eq!(concepts, [vec![], vec!["ouder", "familie"], vec!["slaan"], vec![], vec![]]);
    }

    #[test]
    fn verbs_match_the_forms_the_lexicon_leaves_to_their_stem() {
        let rules = "@jongkind = dochtertje | zoontje\n[zelfbeschadiging]\nsnijden|schoppen + zichzelf|mezelf + !@jongkind\n";
        assert_eq!(fired_analysed(rules, "ik snijd mezelf"), [3], "ik-vorm");
        assert_eq!(fired_analysed(rules, "ze schopt zichzelf"), [3], "hij-vorm");
        assert_eq!(fired_analysed(rules, "mijn dochter snijdt zichzelf"), [3], "dochter is no dochtertje");
        assert!(fired_analysed(rules, "mijn dochtertje snijdt zichzelf").is_empty());
    }

    #[test]
    fn a_rule_needs_every_group_and_no_negated_one() {
        let s = signals("[geweld]\nslaat|sloeg + me|mij + !peuter*\n");
        assert!(s.is_urgent("Hij SLAAT me"));
        assert!(s.is_urgent("mij sloeg ze"));
        assert!(!s.is_urgent("hij slaat de bal"));
        assert!(!s.is_urgent("mijn peuter slaat me"));
    }

    #[test]
    fn phrases_need_their_words_in_a_row() {
        let s = signals("[bang]\nbang voor mijn/onze vader/moeder\n");
        assert!(s.is_urgent("ik ben bang voor m'n vader"));
        assert!(s.is_urgent("bang voor onze moeder"));
        assert!(!s.is_urgent("mijn vader is bang voor onweer"));
    }

    #[test]
    fn prefixes_and_long_words_forgive_one_typo() {
        let s = signals("[zelfdoding]\nzelfmoord*\n[misbruik]\nverkracht\n");
        assert!(s.is_urgent("gedachten over zelfmoordpogingen"));
        assert!(s.is_urgent("ik denk aan zelfmoort"));
        assert!(s.is_urgent("ik ben verkrachd"));
        assert!(!s.is_urgent("zelf moord"));
    }

    #[test]
    fn reports_kind_and_line() {
        let s = signals("# uitleg\n[acuut gevaar]\nmes + dreigt\n");
        assert_eq!(s.find("hij dreigt met een mes"), [RiskSignal { kind: "acuut gevaar", line: 3 }]);
    }

    #[test]
    fn mistakes_name_file_and_line() {
        let e = error("mes + dreigt\n");
        assert_eq!((e.file, e.line), (PathBuf::from("signalen.txt"), 1));
        assert!(e.message.en.contains("header"));
        assert!(e.message.nl.contains("kopje"));
        assert_eq!(error("[a]\nmes || dreigt\n").line, 2);
        assert!(error("[a]\nme*\n").message.en.contains("too short"));
        assert!(error("[a]\nz*lf\n").message.en.contains("one word"));
        assert!(error("[a]\n!peuter\n").message.en.contains("without `!`"));
        assert!(error("[a\nmes\n").message.en.contains("square brackets"));
    }
}
