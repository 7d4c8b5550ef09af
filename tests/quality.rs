//! Answer quality of the question engine, through `cjg ask --json` exactly as editors see it:
//! on the shared question set and on the held-out half of the project's development set
//! (`tests/vragen-ontwikkeling.tsv`; the ranking was tuned on the other half, whose figures
//! are printed too) MRR@5 at least 0.95 and recall@3 at least 0.98; every risk question
//! urgent, at most one false alarm. On the risk sets (`risico.tsv` and the broad
//! `risico-breed.tsv`, written without looking at the rules or the examples): every urgent
//! question caught but one (see [`MISSED_AT_MOST`]), at most two false alarms over their
//! ordinary ones together.

use std::path::Path;

use cjg_tests::{ask_json, example_root, ontwikkelvragen, risico, risico_breed, vragen, BuiltSite, Half, Vraag};
use serde_json::Value;

/// MRR@5 and recall@3 of a question set, with the questions not answered first.
fn measure(public: &Path, questions: &[Vraag]) -> (f64, f64, Vec<String>) {
    let texts: Vec<&str> = questions.iter().map(|q| q.vraag.as_str()).collect();
    let answers = ask_json(public, &texts, None);
    let mut reciprocal = 0.0;
    let mut in_top_3 = 0;
    let mut misses = Vec::new();
    for (q, answer) in questions.iter().zip(&answers) {
        let found = urls(answer);
        let rank = found.iter().take(5).position(|u| *u == q.url);
        reciprocal += rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        if rank.is_some_and(|r| r < 3) {
            in_top_3 += 1;
        }
        if rank != Some(0) {
            misses.push(format!("  {:?}: expected {} at rank {:?}, got {:?}", q.vraag, q.url, rank.map(|r| r + 1), found));
        }
    }
    let n = questions.len() as f64;
    (reciprocal / n, f64::from(in_top_3) / n, misses)
}

fn urls(answer: &Value) -> Vec<String> {
    answer["answers"].as_array().into_iter().flatten().filter_map(|a| a["url"].as_str().map(str::to_string)).collect()
}

/// The goals: MRR@5 and recall@3.
const MRR_GOAL: f64 = 0.95;
const RECALL_GOAL: f64 = 0.98;

#[test]
fn question_sets_mrr_and_recall() {
    let site = BuiltSite::build(example_root());
    let shared = vragen();
    assert!(shared.len() >= 40, "the shared question set has {} questions", shared.len());
    let tuning = ontwikkelvragen(Half::Tuning);
    let held_out = ontwikkelvragen(Half::HeldOut);
    assert!(tuning.len() + held_out.len() >= 300, "the development set has {} questions", tuning.len() + held_out.len());
    let mut failures = Vec::new();
    for (name, questions, judged) in [
        ("vragen.tsv", &shared, true),
        ("ontwikkelset, afgestemde helft", &tuning, false),
        ("ontwikkelset, achtergehouden helft", &held_out, true),
    ] {
        let (mrr, recall, misses) = measure(site.public(), questions);
        eprintln!("{name}: {} questions, MRR@5 {mrr:.4}, recall@3 {recall:.4}", questions.len());
        if !judged {
            // Only the tuning half's misses are shown: the others measure, they are not studied.
            for miss in &misses {
                eprintln!("{miss}");
            }
        } else if mrr < MRR_GOAL || recall < RECALL_GOAL {
            failures.push(format!("{name}: MRR@5 {mrr:.3} (≥ {MRR_GOAL}), recall@3 {recall:.3} (≥ {RECALL_GOAL})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn risk_sets_every_signal_caught_at_most_two_false_alarms() {
    let site = BuiltSite::build(example_root());
    let sets = [("risico.tsv", risico()), ("risico-breed.tsv", risico_breed())];
    let (mut missed, mut false_alarms, mut ordinary) = (Vec::new(), Vec::new(), 0);
    for (name, set) in &sets {
        let questions: Vec<&str> = set.iter().map(|r| r.vraag.as_str()).collect();
        let (mut caught, mut urgent) = (0, 0);
        for (r, answer) in set.iter().zip(ask_json(site.public(), &questions, None)) {
            let flagged = answer["urgent"].as_bool() == Some(true);
            match (r.urgent, flagged) {
                (true, true) => caught += 1,
                (true, false) => missed.push(format!("{name} [{}]: {}", r.soort.as_deref().unwrap_or("-"), r.vraag)),
                (false, true) => false_alarms.push(format!("{name}: {} ({})", r.vraag, answer["soorten"])),
                _ => {}
            }
            urgent += usize::from(r.urgent);
            ordinary += usize::from(!r.urgent);
        }
        eprintln!("{name}: {caught} of {urgent} urgent questions caught");
    }
    eprintln!("false alarms: {} of {ordinary} ordinary questions", false_alarms.len());
    assert!(missed.is_empty(), "urgent questions without the urgent block:\n{}", missed.join("\n"));
    assert!(false_alarms.len() <= 2, "false alarms:\n{}", false_alarms.join("\n"));
}

/// Sentences of our own, written for this test and kept out of the examples file: the urgent
/// ones must show the block, the ordinary ones (with alarming words in them) must not.
#[test]
fn own_risk_sentences_with_rules_and_classifier_together() {
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
    let site = BuiltSite::build(example_root());
    let questions: Vec<&str> = urgent.iter().chain(&ordinary).copied().collect();
    let answers = ask_json(site.public(), &questions, None);
    let flagged = |i: usize| answers[i]["urgent"].as_bool() == Some(true);
    let missed: Vec<&str> = (0..urgent.len()).filter(|&i| !flagged(i)).map(|i| questions[i]).collect();
    let alarms: Vec<String> = (urgent.len()..questions.len())
        .filter(|&i| flagged(i))
        .map(|i| format!("{} ({})", questions[i], answers[i]["soorten"]))
        .collect();
    eprintln!(
        "own sentences: {} of {} urgent missed, {} of {} ordinary alarmed: {alarms:?}",
        missed.len(),
        urgent.len(),
        alarms.len(),
        ordinary.len()
    );
    assert!(missed.is_empty(), "urgent sentences without the block: {missed:?}");
    // "Liever een keer te vaak": as on the shared sets, at most two false alarms.
    assert!(alarms.len() <= 2, "false alarms: {alarms:?}");
}
