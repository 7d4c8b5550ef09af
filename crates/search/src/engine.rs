//! Answering questions from an index bundle: the same code natively (`cjg ask`) and
//! in the browser (the widget), reading everything from memory with no threads.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use tantivy::collector::{Collector, TopDocs};
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::Value;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, DocSet, Index, ReloadPolicy, Searcher, TantivyDocument};

use cjg_common::Doelgroep;

use crate::age;
use crate::analyzer::Analyzer;
use crate::bundle;
use crate::classifier::{Classifier, Judgement};
use crate::directory::BundleDirectory;
use crate::error::Error;
use crate::explain::{self, AnswerExplanation, Explanation, ModelExplanation};
use crate::features;
use crate::fields::Fields;
use crate::hit::Hit;
use crate::postings_parts::{self, Parts};
use crate::question::{should, Question};
use crate::ranking::RankingWeights;
use crate::rules::{Rules, SIGNALS_FILE, SYNONYMS_FILE};
use crate::signals::{RiskSignal, RiskSignals};
use crate::site_lexicon::{self, SiteLexicon};
use crate::stem::Stemmer;
use crate::synonyms::SynonymMatcher;
use crate::tokenizer::{DutchTokenizer, TOKENIZER};
use crate::vocabulary::Vocabulary;
use crate::voice;

/// How many of the best BM25 matches are weighed by coverage before the answers are chosen.
const COVERAGE_POOL: usize = 30;

/// The widget and `cjg ask` show at most this many answers.
pub const MAX_ANSWERS: usize = 5;

/// The answer to a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Antwoord {
    /// A risk signal fired: show the urgent-help block before the answers.
    pub urgent: bool,
    /// The kinds of risk signal that fired, as named in `signalen.txt`: the help that fits
    /// them comes first in the urgent-help block.
    pub soorten: Vec<String>,
    /// Fitting pages, best first.
    pub answers: Vec<Hit>,
    /// The question's words that the site uses, without repeats: the only words of a
    /// question that may ever be registered.
    pub termen: Vec<String>,
}

/// The two layers of the risk signals for one question; either is enough.
struct Risk<'a> {
    /// The rules that fired.
    rules: Vec<RiskSignal<'a>>,
    /// The classifier's judgement, if the site has a model.
    model: Option<Judgement>,
}

impl Risk<'_> {
    fn urgent(&self) -> bool {
        !self.rules.is_empty() || self.model.as_ref().is_some_and(|j| j.urgent)
    }

    /// The kinds that fired, by rule or classifier, in the order of `signalen.txt`: the kind
    /// listed first there is the most urgent, and its help comes first.
    fn soorten(&self, order: &[&str]) -> Vec<String> {
        let model_kind = self.model.as_ref().filter(|j| j.urgent).and_then(|j| j.kind.as_deref());
        let mut kinds: Vec<&str> = self.rules.iter().map(|r| r.kind).chain(model_kind).collect();
        kinds.sort_by_key(|kind| order.iter().position(|o| o == kind).unwrap_or(usize::MAX));
        kinds.dedup();
        kinds.into_iter().map(str::to_string).collect()
    }
}

/// A loaded index bundle that answers questions.
pub struct Engine {
    searcher: Searcher,
    fields: Fields,
    analyzer: Arc<Analyzer>,
    synonyms: SynonymMatcher,
    signals: RiskSignals,
    risk_model: Option<Classifier>,
    weights: RankingWeights,
    /// The postings that come in parts, on a large site.
    parts: Option<Parts>,
}

impl Engine {
    /// Loads an index bundle made by [`crate::build_index`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Engine, Error> {
        let sections = bundle::read(bytes)?;
        let section = |name: &str| -> Result<&str, Error> {
            let (_, data) =
                sections.iter().find(|(n, _)| *n == name).ok_or_else(|| Error::Bundle(format!("section `{name}` is missing")))?;
            std::str::from_utf8(data).map_err(|_| Error::Bundle(format!("section `{name}` is not UTF-8")))
        };
        let vocabulary = Vocabulary::from_text(section(bundle::VOCABULARY)?)?;
        let lexicon = SiteLexicon::from_sections(
            section(site_lexicon::LEMMAS)?,
            section(site_lexicon::SEPARABLE)?,
            section(site_lexicon::DUTCH)?,
        )?;
        let rules = Rules::parse(section(SYNONYMS_FILE)?, section(SIGNALS_FILE)?)?;
        let risk_model = match sections.iter().find(|(n, _)| *n == bundle::RISK_MODEL) {
            Some((_, data)) => Some(Classifier::from_bytes(data)?),
            None => None,
        };
        let analyzer = Arc::new(Analyzer::new(Arc::new(vocabulary), Arc::new(lexicon), Stemmer::new()));

        let parts = match sections.iter().find(|(n, _)| *n == postings_parts::SECTION) {
            Some((_, data)) => Some(Parts::from_section(data)?),
            None => None,
        };
        let mut directory = BundleDirectory::default();
        for (name, data) in &sections {
            if let Some(file) = name.strip_prefix(bundle::INDEX_PREFIX) {
                directory.write(Path::new(file), data).map_err(tantivy::TantivyError::from)?;
            }
        }
        for (path, file) in parts.iter().flat_map(Parts::files) {
            directory.add_sparse(path.clone(), file);
        }
        let index = Index::open(directory)?;
        index.tokenizers().register(TOKENIZER, TextAnalyzer::from(DutchTokenizer(analyzer.clone())));
        let fields = Fields::of(&index.schema())?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;

        Ok(Engine {
            searcher: reader.searcher(),
            fields,
            synonyms: SynonymMatcher::new(&rules.synonyms, &analyzer),
            analyzer,
            signals: rules.signals,
            risk_model,
            weights: RankingWeights::default(),
            parts,
        })
    }

    /// How many parts the postings come in beside the bundle (`zoekindex.<hash>.<n>.bin` for
    /// `n` from 0): none on a small site, whose bundle holds them all.
    pub fn part_count(&self) -> u32 {
        self.parts.as_ref().map_or(0, Parts::count)
    }

    /// The parts of the postings that `question` needs and that are not loaded yet, by number.
    /// Add them with [`Engine::add_part`] before asking; without them the question gets no
    /// answers (its risk signals do not depend on them).
    pub fn parts_needed(&self, question: &str) -> Vec<u32> {
        let Some(parts) = &self.parts else { return Vec::new() };
        let understood = Question::new(question, &self.analyzer, &self.synonyms, &self.weights);
        let count = parts.count();
        let mut needed = BTreeSet::new();
        for concept in understood.concept_queries(&self.fields, &self.weights).unwrap_or_default() {
            concept.query_terms(&mut |term, _| {
                needed.insert(postings_parts::part_of(term.serialized_value_bytes(), count));
            });
        }
        needed.into_iter().filter(|&number| !parts.is_loaded(number)).collect()
    }

    /// Loads part `number` of the postings (the bytes of `zoekindex.<hash>.<number>.bin`).
    pub fn add_part(&self, number: u32, bytes: &[u8]) -> Result<(), Error> {
        match &self.parts {
            Some(parts) => parts.add(number, bytes),
            None => Err(Error::Bundle(format!("this bundle has no parts, so no part {number}"))),
        }
    }

    /// Answers a question with at most `limit` pages, only pages for `doelgroep`
    /// (and pages for everyone) when one is given.
    ///
    /// A failing search gives no answers rather than an error: the visitor then sees
    /// the honest "no fitting answer" with the CJG's contact details, and the urgent
    /// flag, which does not depend on the index, is still right.
    pub fn ask(&self, question: &str, doelgroep: Option<Doelgroep>, limit: usize) -> Antwoord {
        let understood = Question::new(question, &self.analyzer, &self.synonyms, &self.weights);
        let answers = match understood.concept_queries(&self.fields, &self.weights) {
            Some(concepts) if limit > 0 => {
                let voice = voice::doelgroep(&understood.words);
                self.search(
                    concepts,
                    understood.own_concepts(),
                    understood.stage.and_then(age::stage_name),
                    doelgroep,
                    voice,
                    limit,
                )
                .unwrap_or_default()
                .into_iter()
                .map(|(hit, _)| hit)
                .collect()
            }
            _ => Vec::new(),
        };
        let risk = self.risk(&understood);
        Antwoord { urgent: risk.urgent(), soorten: risk.soorten(&self.signals.kinds()), answers, termen: understood.termen }
    }

    /// Answers a question as [`Engine::ask`] does, and tells why: how each word was
    /// understood and which terms scored for each answer.
    pub fn explain(&self, question: &str, doelgroep: Option<Doelgroep>, limit: usize) -> Explanation {
        let understood = Question::new(question, &self.analyzer, &self.synonyms, &self.weights);
        let voice = voice::doelgroep(&understood.words);
        let hits = match understood.concept_queries(&self.fields, &self.weights) {
            Some(concepts) if limit > 0 => self
                .search(concepts, understood.own_concepts(), understood.stage.and_then(age::stage_name), doelgroep, voice, limit)
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let answers = hits
            .into_iter()
            .map(|(hit, address)| {
                let matches = explain::matches(&understood, &self.analyzer, &self.searcher, &self.fields, &self.weights, address)
                    .unwrap_or_default();
                AnswerExplanation { hit, matches }
            })
            .collect();
        let risk = self.risk(&understood);
        Explanation {
            words: explain::words(&understood),
            voice,
            soorten: risk.soorten(&self.signals.kinds()),
            rules: risk.rules.iter().map(|r| (r.kind.to_string(), r.line)).collect(),
            model: risk.model.map(|j| ModelExplanation {
                probability: j.probability,
                urgent: j.urgent,
                kind: j.kind,
                strongest: j.strongest,
            }),
            answers,
        }
    }

    /// What the rules and the classifier say of a question.
    fn risk(&self, question: &Question) -> Risk<'_> {
        let rules = self.signals.find_analysed(&question.words, &self.analyzer);
        let concepts = || self.signals.concepts_of(&question.words, &self.analyzer);
        let model = self.risk_model.as_ref().map(|m| m.judge(&features::of(&question.words, &self.analyzer, &concepts())));
        Risk { rules, model }
    }

    /// Every word the site uses (and every word of the synonym list), alphabetically.
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.analyzer.vocabulary().words()
    }

    /// The words a question may be registered with ([`Antwoord::termen`] holds only these):
    /// the vocabulary without names and numbers.
    pub fn registration_terms(&self) -> impl Iterator<Item = &str> {
        self.analyzer.vocabulary().registrable_words()
    }

    /// The risk-signal rules, to show which rule fired for a question.
    pub fn signals(&self) -> &RiskSignals {
        &self.signals
    }

    /// The ranking weights in use.
    pub fn weights(&self) -> &RankingWeights {
        &self.weights
    }

    /// Ranks with other weights, for tuning.
    pub fn set_weights(&mut self, weights: RankingWeights) {
        self.weights = weights;
    }

    /// The best pages for the concepts, each with its place in the index for the explanation.
    fn search(
        &self,
        concepts: Vec<Box<dyn Query>>,
        own_concepts: usize,
        stage: Option<&str>,
        doelgroep: Option<Doelgroep>,
        voice: Option<Doelgroep>,
        limit: usize,
    ) -> tantivy::Result<Vec<(Hit, DocAddress)>> {
        // With a doelgroep every match is ranked, since the best pages may all be for
        // the other doelgroep; a site has a few hundred pages at most.
        let wanted = match doelgroep {
            Some(_) => usize::try_from(self.searcher.num_docs()).unwrap_or(usize::MAX).max(1),
            None => limit.max(COVERAGE_POOL),
        };
        let query = should(concepts.iter().map(|c| c.box_clone()).collect());
        let ranked = self.collect(&*query, &TopDocs::with_limit(wanted).order_by_score())?;
        let mut pages = Vec::new();
        for (score, address) in self.weigh_coverage(ranked, &concepts[..own_concepts])? {
            let doc: TantivyDocument = self.searcher.doc(address)?;
            let doelgroepen: Vec<&str> = doc.get_all(self.fields.doelgroep).filter_map(|v| v.as_str()).collect();
            let for_everyone = doelgroepen.is_empty();
            let for_whom = |wanted: Doelgroep| for_everyone || doelgroepen.contains(&wanted.as_str());
            if doelgroep.is_some_and(|wanted| !for_whom(wanted)) {
                continue;
            }
            let heard = match voice {
                Some(asker) if doelgroep.is_none() && !for_whom(asker) => self.weights.other_doelgroep,
                _ => 1.0,
            };
            let weight = doc.get_first(self.fields.weight).and_then(|v| v.as_f64()).unwrap_or(1.0) as f32;
            let page_stage = doc.get_first(self.fields.fase).and_then(|v| v.as_str());
            let aged = match (stage, page_stage) {
                (Some(asked), Some(page)) if asked != page => self.weights.other_stage,
                _ => 1.0,
            };
            pages.push((score * heard * weight * aged, doc, address));
        }
        pages.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut hits: Vec<(Hit, DocAddress)> = Vec::new();
        for (score, doc, address) in pages.into_iter().take(limit) {
            let best = hits.first().map_or(score, |(h, _)| h.score);
            if score < self.weights.min_score || score < best * self.weights.relative_cutoff {
                break;
            }
            let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string();
            let hit = Hit {
                url: text(self.fields.url),
                title: text(self.fields.title),
                description: text(self.fields.description),
                score,
            };
            hits.push((hit, address));
        }
        Ok(hits)
    }

    /// What `collector` gathers of `query`'s matches, segment by segment on this thread.
    /// `Searcher::search` would do the same through tantivy's `Executor`, whose thread-pool
    /// variant brings rayon and crossbeam into the widget although the browser never uses it.
    fn collect<C: Collector>(&self, query: &dyn Query, collector: &C) -> tantivy::Result<C::Fruit> {
        let scoring = if collector.requires_scoring() {
            EnableScoring::enabled_from_searcher(&self.searcher)
        } else {
            EnableScoring::disabled_from_searcher(&self.searcher)
        };
        let weight = query.weight(scoring)?;
        collector.check_schema(self.searcher.schema())?;
        let fruits = self
            .searcher
            .segment_readers()
            .iter()
            .enumerate()
            .map(|(ord, reader)| collector.collect_segment(&*weight, ord as u32, reader))
            .collect::<tantivy::Result<Vec<_>>>()?;
        collector.merge_fruits(fruits)
    }

    /// Multiplies each score by the share of the question a page matches, to the power
    /// [`RankingWeights::coverage`], and sorts again: a page that answers the whole question
    /// beats one that repeats a single word of it. Each concept counts by how rare it is on the
    /// site (its inverse document frequency), so a page that lacks "zoon" loses little and one
    /// that lacks "pesten" loses much.
    fn weigh_coverage(
        &self,
        ranked: Vec<(f32, DocAddress)>,
        concepts: &[Box<dyn Query>],
    ) -> tantivy::Result<Vec<(f32, DocAddress)>> {
        if concepts.len() < 2 || self.weights.coverage == 0.0 {
            return Ok(ranked);
        }
        let weights = concepts
            .iter()
            .map(|c| c.weight(EnableScoring::disabled_from_searcher(&self.searcher)))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let pages = self.searcher.num_docs() as f32;
        let rarity = concepts
            .iter()
            .map(|c| Ok((1.0 + pages / (c.count(&self.searcher)? as f32).max(1.0)).ln()))
            .collect::<tantivy::Result<Vec<f32>>>()?;
        let total: f32 = rarity.iter().sum();
        let mut rescored = Vec::with_capacity(ranked.len());
        for (score, address) in ranked {
            let reader = self.searcher.segment_reader(address.segment_ord);
            let mut matched = 0.0;
            for (weight, rarity) in weights.iter().zip(&rarity) {
                let mut scorer = weight.scorer(reader, 1.0)?;
                // A fresh scorer stands on its first match and may only seek forward.
                let at = scorer.doc();
                if at == address.doc_id || at < address.doc_id && scorer.seek(address.doc_id) == address.doc_id {
                    matched += rarity;
                }
            }
            let share = matched / total;
            rescored.push((score * share.powf(self.weights.coverage), address));
        }
        rescored.sort_by(|a, b| b.0.total_cmp(&a.0));
        Ok(rescored)
    }
}

#[cfg(all(test, feature = "index"))]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::index::build_index;

    fn page(url: &str, title: &str, description: &str, vragen: &[&str], body: &str, doelgroep: &str) -> Document {
        Document {
            url: url.into(),
            title: title.into(),
            description: description.into(),
            vragen: vragen.iter().map(|v| v.to_string()).collect(),
            headings: vec![],
            body: body.into(),
            doelgroepen: if doelgroep.is_empty() { vec![] } else { vec![doelgroep.parse().unwrap()] },
            ..Document::default()
        }
    }

    fn engine() -> Engine {
        let pages = [
            page(
                "/ouders/zakgeld/",
                "Zakgeld",
                "Geef vanaf een jaar of zes een vast bedrag zakgeld.",
                &["hoeveel zakgeld geef ik"],
                "Maak afspraken over zakgeld en kleedgeld. Wat betaalt uw kind zelf?",
                "ouders",
            ),
            page(
                "/jongeren/bijbaan/",
                "Een bijbaan",
                "Vanaf 13 jaar mag je licht werk doen.",
                &["mag ik werken als ik 14 ben"],
                "Een bijbaan naast school. Let op je huiswerk en op stress.",
                "jongeren",
            ),
            page(
                "/jongeren/anticonceptie/",
                "Anticonceptie",
                "De pil, het condoom en andere middelen.",
                &["hoe kom ik aan anticonceptie"],
                "Anticonceptie haal je bij de huisarts.",
                "jongeren",
            ),
            page(
                "/jongeren/studiefinanciering/",
                "Studiefinanciering",
                "Vraag studiefinanciering aan bij DUO.",
                &[],
                "Studiefinanciering krijg je als je gaat studeren.",
                "jongeren",
            ),
            page(
                "/hulp-nodig/",
                "Hulp nodig",
                "Bel 113 als je aan zelfmoord denkt.",
                &[],
                "Praten helpt. Bel of chat anoniem.",
                "",
            ),
        ];
        let rules =
            Rules::parse("stufi, studiefinanciering\nde pil, anticonceptie\n", "[zelfdoding]\nzelfmoord*\nwil/wilde dood\n")
                .unwrap();
        let bytes = build_index(&pages, &rules).unwrap().bytes;
        Engine::from_bytes(&bytes).unwrap()
    }

    fn first(engine: &Engine, question: &str) -> Option<String> {
        engine.ask(question, None, 5).answers.first().map(|hit| hit.url.clone())
    }

    #[test]
    fn a_page_about_the_whole_question_beats_one_repeating_a_word() {
        let pages = [
            page(
                "/schermen/",
                "Schermtijd",
                "Vanaf welke leeftijd een telefoon?",
                &["vanaf welke leeftijd mag mijn kind een telefoon", "leeftijd social media"],
                "Leeftijd, leeftijd en nog eens leeftijd.",
                "",
            ),
            page(
                "/alcohol/",
                "Alcohol",
                "Alcohol mag je pas vanaf 18 kopen.",
                &["is bier slecht"],
                "Alcohol drinken is slecht voor je hersenen, zeker op jonge leeftijd.",
                "",
            ),
        ];
        let rules = Rules::parse("", "[zelfdoding]\nzelfmoord*\n").unwrap();
        let mut engine = Engine::from_bytes(&build_index(&pages, &rules).unwrap().bytes).unwrap();
        let question = "vanaf welke leeftijd mag je alcohol drinken";
        assert_eq!(first(&engine, question).as_deref(), Some("/alcohol/"));
        engine.set_weights(RankingWeights { coverage: 0.0, ..RankingWeights::default() });
        assert_eq!(first(&engine, question).as_deref(), Some("/schermen/"), "without coverage the repeated word wins");
    }

    #[test]
    fn answers_after_a_round_trip_through_bytes() {
        let answer = engine().ask("Hoeveel zakgeld geef je?", None, 5);
        assert!(!answer.urgent);
        assert_eq!(answer.answers[0].url, "/ouders/zakgeld/");
        assert_eq!(answer.answers[0].title, "Zakgeld");
        assert_eq!(answer.answers[0].description, "Geef vanaf een jaar of zes een vast bedrag zakgeld.");
        assert_eq!(answer.termen, ["zakgeld", "geef"]);
    }

    #[test]
    fn finds_pages_through_compounds_diminutives_synonyms_and_typos() {
        let engine = engine();
        assert_eq!(first(&engine, "zakgeldafspraken").as_deref(), Some("/ouders/zakgeld/"));
        assert_eq!(first(&engine, "bijbaantje").as_deref(), Some("/jongeren/bijbaan/"));
        assert_eq!(first(&engine, "huiswerkstress").as_deref(), Some("/jongeren/bijbaan/"));
        assert_eq!(first(&engine, "hoe kom ik aan de pil").as_deref(), Some("/jongeren/anticonceptie/"));
        assert_eq!(first(&engine, "stufi aanvragen").as_deref(), Some("/jongeren/studiefinanciering/"));
        assert_eq!(first(&engine, "anticonseptie").as_deref(), Some("/jongeren/anticonceptie/"));
        assert_eq!(first(&engine, "zakgelt").as_deref(), Some("/ouders/zakgeld/"));
    }

    #[test]
    fn keeps_to_the_doelgroep_and_pages_for_everyone() {
        let engine = engine();
        let urls = |question: &str, doelgroep: &str| -> Vec<String> {
            engine.ask(question, Some(doelgroep.parse().unwrap()), 5).answers.into_iter().map(|h| h.url).collect()
        };
        assert_eq!(urls("bijbaan", "jongeren"), ["/jongeren/bijbaan/"]);
        assert!(urls("bijbaan", "ouders").is_empty());
        assert_eq!(urls("zelfmoord", "ouders"), ["/hulp-nodig/"], "a page without doelgroep is for everyone");
    }

    #[test]
    fn flags_risk_signals_and_still_answers() {
        let answer = engine().ask("ik denk aan zelfmoord", None, 5);
        assert!(answer.urgent);
        assert_eq!(answer.answers[0].url, "/hulp-nodig/");
    }

    #[test]
    fn says_nothing_rather_than_guess() {
        let engine = engine();
        assert!(engine.ask("mijn fiets is kapot", None, 5).answers.is_empty());
        assert!(engine.ask("", None, 5).answers.is_empty());
        assert!(engine.ask("zakgeld", None, 0).answers.is_empty());
    }

    #[test]
    fn knows_the_site_vocabulary() {
        let engine = engine();
        let vocabulary: Vec<&str> = engine.vocabulary().collect();
        assert!(vocabulary.contains(&"zakgeld") && vocabulary.contains(&"stufi"));
        assert!(!vocabulary.contains(&"de"));
    }

    #[test]
    fn refuses_bytes_that_are_no_bundle() {
        assert!(matches!(Engine::from_bytes(b"not an index"), Err(Error::Bundle(_))));
    }
}
