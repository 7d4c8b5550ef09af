//! How the engine understands Dutch as people type it, with the real lexicon (OpenTaal and
//! Pattern) on a small site of its own: one test per mechanism, each with its own examples.

use cjg_search::{build_index, Document, Engine, Rules, WordExplanation};

fn page(url: &str, title: &str, body: &str) -> Document {
    Document { url: url.into(), title: title.into(), body: body.into(), ..Document::default() }
}

fn engine() -> Engine {
    let pages = [
        page("/hoofdluis/", "Hoofdluis", "Een luis in het haar. Kam het haar met een luizenkam."),
        page(
            "/zelfbeschadiging/",
            "Jezelf pijn doen",
            "Sommige jongeren krassen of snijden zichzelf als ze zich rot voelen. Denk je aan zelfmoord? Bel 113.",
        ),
        page("/chantage/", "Chantage met foto's", "Iemand chanteert je met een naaktfoto. Betaal niet."),
        page("/thuis/", "Thuis niet veilig", "Je ouders mogen je niet opsluiten of slaan."),
        page("/scheiden/", "Scheiden met kinderen", "Een scheiding is zwaar voor kinderen. Ze hebben verdriet."),
        page("/tijd/", "Tijd voor jezelf", "Neem tijd voor jezelf als ouder."),
        page("/creche/", "De crèche", "Ideeën voor de eerste dag op de crèche."),
        page("/slapen/", "Slapen", "Slaapproblemen bij kinderen: hoe slaapt uw kind door?"),
    ];
    let rules = Rules::parse("", "[zelfdoding]\nzelfmoord*\n[kindermishandeling]\nopsluiten + me|mij\n").unwrap();
    Engine::from_bytes(&build_index(&pages, &rules).expect("index builds").bytes).expect("bundle loads")
}

fn first(engine: &Engine, question: &str) -> Option<String> {
    engine.ask(question, None, 5).answers.first().map(|h| h.url.clone())
}

fn word(engine: &Engine, question: &str, typed: &str) -> WordExplanation {
    let explanation = engine.explain(question, None, 5);
    explanation.words.into_iter().find(|w| w.typed == typed).unwrap_or_else(|| panic!("no word {typed} in {question}"))
}

#[test]
fn inflections_find_their_lemma() {
    let e = engine();
    assert_eq!(first(&e, "mijn kind heeft luizen").as_deref(), Some("/hoofdluis/"));
    assert_eq!(word(&e, "luizen", "luizen").lemmas[0], "luis");
    assert_eq!(first(&e, "ik heb mezelf gekrast").as_deref(), Some("/zelfbeschadiging/"));
    assert_eq!(first(&e, "ik word gechanteerd").as_deref(), Some("/chantage/"));
}

#[test]
fn participles_and_irregular_verbs_reach_the_infinitive() {
    let e = engine();
    assert!(word(&e, "ik ben geslagen", "geslagen").lemmas.contains(&"slaan".to_string()));
    assert!(word(&e, "hij sloeg me", "sloeg").lemmas.contains(&"slaan".to_string()));
    assert_eq!(first(&e, "mijn vader sloeg mij").as_deref(), Some("/thuis/"));
}

#[test]
fn separable_verbs_are_joined_again() {
    let e = engine();
    assert_eq!(word(&e, "ze sluiten me elke avond op", "sluiten").joined.as_deref(), Some("opsluiten"));
    assert_eq!(first(&e, "ze sluiten me op").as_deref(), Some("/thuis/"));
}

#[test]
fn chat_spelling_is_written_out() {
    let e = engine();
    let explanation = e.explain("k kan nie slapen mn kind slaapt nooit door", None, 5);
    let typed: Vec<&str> = explanation.words.iter().map(|w| w.typed.as_str()).collect();
    assert_eq!(&typed[..4], ["ik", "kan", "niet", "slapen"]);
    assert_eq!(first(&e, "heeeel slecht slapen").as_deref(), Some("/slapen/"));
}

#[test]
fn a_correct_dutch_word_is_never_rewritten_into_a_site_word() {
    let e = engine();
    let lijdt = word(&e, "mijn kind lijdt onder de scheiding", "lijdt");
    assert_eq!(lijdt.correction, None, "lijdt is Dutch, not a typo of `tijd`");
    assert_ne!(first(&e, "mijn kind lijdt onder de scheiding").as_deref(), Some("/tijd/"));
    assert_eq!(first(&e, "mijn kind lijdt onder de scheiding").as_deref(), Some("/scheiden/"));
}

#[test]
fn a_real_typo_is_corrected() {
    let e = engine();
    assert_eq!(word(&e, "ik heb een luizenkem", "luizenkem").correction.as_deref(), Some("luizenkam"));
    assert_eq!(word(&e, "ik denk aan zelfmoort", "zelfmoort").correction.as_deref(), Some("zelfmoord"));
    assert_eq!(word(&e, "slaapt nie dr", "niet").correction, None, "chat spelling is no typo");
}

#[test]
fn compounds_split_against_the_lexicon() {
    let e = engine();
    let echtscheiding = word(&e, "echtscheiding", "echtscheiding");
    assert_eq!(echtscheiding.parts, ["scheiding"], "{echtscheiding:?}");
    assert_eq!(first(&e, "kinderen en een echtscheiding").as_deref(), Some("/scheiden/"));
    assert_eq!(first(&e, "slaapproblemen").as_deref(), Some("/slapen/"));
}

#[test]
fn diacritics_do_not_matter() {
    let e = engine();
    assert_eq!(first(&e, "ideeen voor de creche").as_deref(), Some("/creche/"));
    assert_eq!(first(&e, "IDEEËN CRÈCHE").as_deref(), Some("/creche/"));
}

#[test]
fn risk_rules_use_the_same_analysis() {
    let e = engine();
    assert!(e.ask("ze sluiten me elke avond op", None, 5).urgent, "a rule for `opsluiten` fires on the split verb");
    assert!(e.ask("ik word door hen opgesloten, ze pakken me", None, 5).urgent, "and on the participle");
    assert!(!e.ask("ik sluit de deur op slot", None, 5).urgent);
}
