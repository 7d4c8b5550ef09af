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

use std::path::Path;

use crate::analyzer::{AnalysedWord, Analyzer};
use crate::error::{Bericht, RuleError};
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
#[cfg(any(test, feature = "index"))]
    /// The file as the editor wrote it; stored in the index bundle.
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
        let mut kind: Option<String> = None;
        for (index, line) in source.lines().enumerate() {
            let line_number = index + 1;
            let error = |message: Bericht| RuleError { file: file.to_path_buf(), line: line_number, message };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header
                    .strip_suffix(']')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .ok_or_else(|| {
                        error(Bericht::new(
                            "een kopje is een naam tussen vierkante haken, zoals `[acuut gevaar]`",
                            "a header is a name between square brackets, like `[acuut gevaar]`",
                        ))
                    })?;
                kind = Some(name.to_string());
                continue;
            }
            let Some(kind) = &kind else {
                return Err(error(Bericht::new(
                    "een regel moet onder een kopje staan dat de soort noemt, zoals `[acuut gevaar]`",
                    "a rule must stand under a header that names its kind, like `[acuut gevaar]`",
                )));
            };
            let groups = line.split('+').map(parse_group).collect::<Result<Vec<_>, _>>().map_err(error)?;
            if groups.iter().all(|g| g.negated) {
                return Err(error(Bericht::new(
                    "een regel heeft minstens één groep zonder `!` nodig: wat er wel in moet staan",
                    "a rule needs at least one group without `!`: what must occur",
                )));
            }
            rules.push(Rule { kind: kind.clone(), line: line_number, groups });
        }
        Ok(RiskSignals {
            rules,
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
    /// "opgesloten" and "ze sluiten me op").
    pub(crate) fn find_analysed(&self, words: &[AnalysedWord], analyzer: &Analyzer) -> Vec<RiskSignal<'_>> {
        let rule_lemmas = |rule_word: &str| -> Vec<String> {
            analyzer.forms(rule_word).map(|f| f.lemmas.clone()).unwrap_or_default()
        };
        let words: Vec<Seen> = words
            .iter()
            .map(|w| {
                let mut lemmas: Vec<String> = w.forms.as_ref().map(|f| f.lemmas.clone()).unwrap_or_default();
                lemmas.extend(w.joined.clone());
                Seen { forms: vec![w.typed.clone(), w.word.clone()], lemmas }
            })
            .collect();
        self.fire(&words, &rule_lemmas)
    }

    /// The rules that fire for a question, in file order, comparing words as written (for
    /// rule files checked without a site).
    pub fn find(&self, question: &str) -> Vec<RiskSignal<'_>> {
        let words: Vec<Seen> = text::words(question).into_iter().map(|w| Seen { forms: vec![w.text], lemmas: Vec::new() }).collect();
        self.fire(&words, &|_: &str| Vec::new())
    }

    fn fire(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Vec<String>) -> Vec<RiskSignal<'_>> {
        self.rules
            .iter()
            .filter(|rule| rule.groups.iter().all(|group| group.occurs_in(words, rule_lemmas) != group.negated))
            .map(|rule| RiskSignal { kind: &rule.kind, line: rule.line })
            .collect()
    }

    /// Whether any rule fires for a question.
    pub fn is_urgent(&self, question: &str) -> bool {
        !self.find(question).is_empty()
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
    /// The file as the editor wrote it.
    pub(crate) fn source(&self) -> &str {
        &self.source
    }
}

/// A question word as rules see it: its written forms and its lemmas.
struct Seen {
    forms: Vec<String>,
    lemmas: Vec<String>,
}

impl Group {
    fn occurs_in(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Vec<String>) -> bool {
        self.phrases.iter().any(|phrase| phrase.occurs_in(words, rule_lemmas))
    }
}

impl Phrase {
    fn occurs_in(&self, words: &[Seen], rule_lemmas: &dyn Fn(&str) -> Vec<String>) -> bool {
        words.windows(self.0.len()).any(|window| {
            window.iter().zip(&self.0).all(|(word, allowed)| allowed.iter().any(|p| p.matches(word, rule_lemmas)))
        })
    }
}

impl Pattern {
    fn matches(&self, word: &Seen, rule_lemmas: &dyn Fn(&str) -> Vec<String>) -> bool {
        match self {
            Pattern::Word(rule) => {
                word.forms.iter().any(|form| {
                    form == rule
                        || rule.len() >= MIN_FUZZY_WORD && spelling::distance(form.as_bytes(), rule.as_bytes(), 1).is_some()
                }) || !word.lemmas.is_empty() && rule_lemmas(rule).iter().any(|l| word.lemmas.contains(l))
            }
            Pattern::Prefix(prefix) => word.forms.iter().chain(&word.lemmas).any(|form| {
                form.starts_with(prefix.as_str()) || prefix.len() >= MIN_FUZZY_PREFIX && fuzzy_prefix(form, prefix)
            }),
        }
    }
}

/// Whether `word` starts with `prefix` give or take one typing mistake.
fn fuzzy_prefix(word: &str, prefix: &str) -> bool {
    (prefix.len() - 1..=prefix.len() + 1)
        .filter_map(|len| word.get(..len))
        .any(|start| spelling::distance(start.as_bytes(), prefix.as_bytes(), 1).is_some())
}

fn parse_group(group: &str) -> Result<Group, Bericht> {
    let group = group.trim();
    let (negated, group) = match group.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, group),
    };
    let phrases = group.split('|').map(parse_phrase).collect::<Result<Vec<_>, _>>()?;
    Ok(Group { negated, phrases })
}

fn parse_phrase(phrase: &str) -> Result<Phrase, Bericht> {
    let positions: Vec<&str> = phrase.split_whitespace().collect();
    if positions.is_empty() {
        return Err(Bericht::new(
            "lege keuze: kijk of er `||`, `| +` of een `+` of `|` aan het begin of eind van de regel staat",
            "empty choice: check for `||`, `| +` or a `+` or `|` at the start or end of the line",
        ));
    }
    positions
        .into_iter()
        .map(|position| position.split('/').map(parse_pattern).collect())
        .collect::<Result<_, _>>()
        .map(Phrase)
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

    use super::*;

    fn signals(rules: &str) -> RiskSignals {
        RiskSignals::parse(rules, Path::new("signalen.txt")).unwrap()
    }

    fn error(rules: &str) -> RuleError {
        RiskSignals::parse(rules, Path::new("signalen.txt")).unwrap_err()
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

/// The real rule file against the shared risk test set and sentences of our own.
#[cfg(test)]
mod site_rules {
    use std::path::{Path, PathBuf};

    use super::*;

    fn site_signals() -> RiskSignals {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/signalen.txt");
        let source = std::fs::read_to_string(&file).expect("content/signalen.txt exists");
        RiskSignals::parse(&source, &file).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `../shared/qa/risico.tsv` beside the repository: `question<TAB>0|1` per line.
    fn risk_test_set() -> Vec<(String, bool)> {
        let file: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/qa/risico.tsv");
        let source = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        source
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| {
                let (question, urgent) = line.split_once('\t').expect("question<TAB>0|1");
                (question.to_string(), urgent.trim() == "1")
            })
            .collect()
    }

    fn misjudged(signals: &RiskSignals, cases: &[(&str, bool)]) -> Vec<String> {
        cases
            .iter()
            .filter(|(question, urgent)| signals.is_urgent(question) != *urgent)
            .map(|(question, urgent)| format!("{question:?} should {}be urgent", if *urgent { "" } else { "not " }))
            .collect()
    }

    #[test]
    fn catches_every_risk_in_the_test_set_and_no_ordinary_question() {
        let signals = site_signals();
        let cases = risk_test_set();
        assert!(cases.len() >= 20, "risico.tsv has {} cases", cases.len());
        let cases: Vec<(&str, bool)> = cases.iter().map(|(q, u)| (q.as_str(), *u)).collect();
        assert_eq!(misjudged(&signals, &cases), Vec::<String>::new());
    }

    #[test]
    fn generalises_to_sentences_it_has_not_seen() {
        let urgent = [
            "mn stiefmoeder sloeg mij gisteren met een riem",
            "mijn broer heeft me geschopt en ik heb overal blauwe plekken van hem",
            "we worden door papa geslagen",
            "ik krijg klappen als mijn moeder gedronken heeft",
            "mijn pa slaat mijn ma",
            "mijn ouders slaan elkaar als ze ruzie hebben",
            "hoe weet ik of de buurjongen mishandeld wordt",
            "de trainer zat aan mij na de training",
            "hij dwong me om seks te hebben",
            "iemand dreigt mijn naaktfoto's te verspreiden",
            "ik denk soms aan zelfmoort",
            "ik wou dat ik dood was",
            "mijn dochter krast zichzelf in haar armen",
            "ik zie het niet meer zitten en wil niet meer leven",
            "ik ben bang om naar huis te gaan",
            "ik ben weggelopen en slaap op straat",
            "mijn ex zegt dat hij me komt vermoorden",
            "er staat iemand met een mes voor de deur en hij dreigt",
        ];
        let ordinary = [
            "mijn kind slaat zijn broertje, hoe leer ik hem dat niet te doen",
            "mijn dreumes slaat me als ik nee zeg",
            "is een tik op de billen erg",
            "mijn zoon gamet de hele dag gewelddadige spelletjes",
            "mijn opa is dood, hoe vertel ik dat aan mijn kind",
            "ik ben geslaagd voor mijn examen",
            "ik heb slecht geslapen en ben moe",
            "moet ik me uitkleden bij de huisarts",
            "ik ben vergeten de pil te slikken",
            "ik heb onveilig gevreeen, kan ik zwanger zijn",
            "mijn peuter is weggelopen in de supermarkt",
            "ik durf het niet aan mijn ouders te vertellen dat ik verliefd ben",
            "ik wil mijn school afmaken",
            "mijn kind krijgt snel blauwe plekken",
            "ik weet niet meer verder met mijn puber",
            "wat te doen bij misbruik van alcohol",
            "hoe leer ik mijn kind met een mes snijden",
        ];
        let signals = site_signals();
        let cases: Vec<(&str, bool)> =
            urgent.iter().map(|q| (*q, true)).chain(ordinary.iter().map(|q| (*q, false))).collect();
        assert_eq!(misjudged(&signals, &cases), Vec::<String>::new());
    }
}
