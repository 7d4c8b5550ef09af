use std::collections::BTreeMap;

use num_rational::BigRational;
use num_traits::{One, Zero};
use proptest::prelude::*;

use super::*;
use crate::gebeurtenis::tests::vocabulaire;
use crate::gebeurtenis::{Bron, Feedback, Gebeurtenis, Onderwerp, Vraag};
use crate::telling::{FeedbackSleutel, OnbeantwoordSleutel, Telling, VraagSleutel};

/// The counts of `telling` as the store would read them back.
fn rows_from(telling: Telling) -> Rows {
    Rows {
        vragen: telling.vragen.into_iter().collect(),
        onbeantwoord: telling.onbeantwoord.into_iter().collect(),
        feedback: telling.feedback.into_iter().collect(),
    }
}

fn plan_of(rows: Rows, vandaag: Dag, options: &PlanOptions) -> Result<Plan, Error> {
    let (van, tot) = period(options.since, vandaag)?;
    Plan::from_rows(rows, van, tot, options)
}

/// The example's counts: events up to Wednesday 25 November 2026 (week 48).
fn voorbeeld_rows() -> Rows {
    let v = vocabulaire();
    let dag = Dag::constant(2026, 11, 25);
    let vraag = |json: &str| Gebeurtenis::Vraag(Vraag::from_json(json.as_bytes(), &v).unwrap());
    let driftbuien =
        vraag(r#"{"doelgroep": "ouders", "pagina": "/ouders/gedrag/driftbuien/", "urgent": false, "termen": ["pest"]}"#);
    let gat = vraag(r#"{"doelgroep": "jongeren", "pagina": null, "urgent": true, "termen": ["schuld", "zakgeld"]}"#);
    let nee = Gebeurtenis::Feedback(
        Feedback::from_json(br#"{"pagina": "/contact/", "geholpen": false, "bron": "pagina"}"#, &v).unwrap(),
    );
    let telefoon = Gebeurtenis::Vraag(
        Vraag::from_desk(Kanaal::Telefoon, Some(Doelgroep::Ouders), Onderwerp::Thema("gedrag".into()), 6, &v).unwrap(),
    );
    let mut telling = Telling::default();
    // Week 45: 2 about driftbuien; week 47: 12; week 48: 3. Gaps: 7 in week 48.
    for (dag, gebeurtenis, keer) in [
        (Dag::constant(2026, 11, 3), &driftbuien, 2),
        (Dag::constant(2026, 11, 17), &driftbuien, 12),
        (dag, &driftbuien, 3),
        (dag, &gat, 7),
        (dag, &nee, 6),
        (Dag::constant(2026, 11, 18), &telefoon, 1),
        (Dag::constant(2025, 1, 1), &gat, 50),
    ] {
        for _ in 0..keer {
            telling.add("cjg", dag, gebeurtenis);
        }
    }
    rows_from(telling)
}

/// The plan made on Monday 30 November 2026: weeks 37 to 48.
pub(super) fn voorbeeld() -> Plan {
    plan_of(voorbeeld_rows(), Dag::constant(2026, 11, 30), &PlanOptions::default()).unwrap()
}

#[test]
fn twelve_weeks_back_from_monday_by_default() {
    let plan = voorbeeld();
    assert_eq!(plan.weken.len(), 12);
    assert_eq!((plan.van.as_str(), plan.tot.as_str()), ("2026-09-07", "2026-11-29"));
    assert_eq!(plan.weken.last().unwrap().week, "2026-W48");
}

#[test]
fn the_running_week_and_single_days_never_show() {
    // Made on the Wednesday of week 48: the plan ends on the Sunday before.
    let woensdag = plan_of(voorbeeld_rows(), Dag::constant(2026, 11, 25), &PlanOptions::default()).unwrap();
    assert_eq!((woensdag.van.as_str(), woensdag.tot.as_str()), ("2026-08-31", "2026-11-22"));
    assert_eq!(woensdag.weken.last().unwrap().week, "2026-W47");
    assert_eq!(woensdag.doelgroepen[1].vragen.totaal, Aantal::Getal(0), "week 48's questions are not in it");
    // Ouders: 2 in week 45 and 18 in week 47. Their total of 20 would give the 2 back.
    assert_eq!(woensdag.doelgroepen[0].vragen.per_week[9..], [Aantal::Klein, Aantal::Getal(0), Aantal::Getal(18)]);
    assert_eq!(woensdag.doelgroepen[0].vragen.totaal, Aantal::Geheim);
    // --since a Thursday starts at its Monday.
    let since = PlanOptions { since: Some(Dag::constant(2026, 11, 19)), ..PlanOptions::default() };
    let plan = plan_of(voorbeeld_rows(), Dag::constant(2026, 11, 30), &since).unwrap();
    assert_eq!((plan.van.as_str(), plan.weken.len()), ("2026-11-16", 2));
    let deze_week = PlanOptions { since: Some(Dag::constant(2026, 11, 30)), ..PlanOptions::default() };
    assert!(matches!(plan_of(voorbeeld_rows(), Dag::constant(2026, 11, 30), &deze_week), Err(Error::NoWeeks(_))));
}

#[test]
fn counts_land_in_their_doelgroep_week_and_channel() {
    let plan = voorbeeld();
    let ouders = &plan.doelgroepen[0];
    assert_eq!(ouders.doelgroep, Some(Doelgroep::Ouders));
    assert_eq!(ouders.vragen.totaal, Aantal::Getal(23));
    assert_eq!(ouders.online.totaal, Aantal::Getal(17));
    assert_eq!(ouders.balie.totaal, Aantal::Getal(6));
    assert_eq!(ouders.themas[0].naam, "gedrag");
    assert_eq!(ouders.themas[0].totaal, Aantal::Getal(23));
    assert_eq!(ouders.paginas[0].naam, "/ouders/gedrag/driftbuien/");
    assert_eq!(ouders.vragen.per_week[8..], [Aantal::Klein, Aantal::Getal(0), Aantal::Getal(18), Aantal::Klein]);
    let jongeren = &plan.doelgroepen[1];
    assert_eq!(jongeren.urgent.totaal, Aantal::Getal(7), "the 2025 questions are outside the period");
    assert_eq!(jongeren.zonder_antwoord[0].termen, ["schuld", "zakgeld"]);
    assert_eq!(jongeren.woorden_zonder_antwoord.len(), 2);
    assert_eq!(plan.niet_geholpen[0].pagina, "/contact/");
    assert_eq!(plan.niet_geholpen[0].nee, Aantal::Getal(6));
    assert_eq!((plan.site.as_deref(), plan.sites.as_slice()), (None, ["cjg".to_owned()].as_slice()));
}

#[test]
fn the_trend_compares_the_halves_of_the_weeks() {
    // Weeks 37..=48: the first six hold 0, the last six 2 + 18 + 3 = 23.
    let plan = voorbeeld();
    assert_eq!(plan.doelgroepen[0].themas[0].trend, Trend::Stijgt);
    assert_eq!(trend(&[10, 10, 11, 12]), Trend::Gelijk);
    assert_eq!(trend(&[10, 10, 5, 7]), Trend::Daalt);
    assert_eq!(trend(&[1, 2, 1, 3]), Trend::TeWeinig);
    assert_eq!(trend(&[40]), Trend::TeWeinig);
}

#[test]
fn figures_under_five_are_never_written_exactly() {
    let plan = voorbeeld();
    let json: serde_json::Value = serde_json::from_str(&plan.json()).unwrap();
    let ouders = &json["doelgroepen"][0];
    assert_eq!(ouders["vragen"]["totaal"], 23);
    assert_eq!(ouders["vragen"]["per_week"][8], "<5");
    assert_eq!(ouders["vragen"]["per_week"][11], "<5");
    assert_eq!(ouders["kanalen"][2]["kanaal"], "telefoon");
    assert_eq!(json["niet_geholpen"][0]["ja"], 0, "nobody said ja: zero is no one to recognise");
    assert_eq!(Aantal::Getal(0).to_string(), "0");
    assert_eq!(Aantal::Klein.to_string(), "<5");
    assert_eq!(Aantal::Geheim.to_string(), "x");
    assert_eq!(Aantal::Getal(5).to_string(), "5");
}

/// Ouders in one week: 3 questions about geld, 20 about gedrag. Their total gives the 3 back
/// unless a second figure goes too.
fn klein_thema() -> Rows {
    let v = vocabulaire();
    let mut telling = Telling::default();
    let dag = Dag::constant(2026, 11, 17);
    let geld = Vraag::from_desk(Kanaal::Loket, Some(Doelgroep::Ouders), Onderwerp::Thema("geld".into()), 3, &v).unwrap();
    let gedrag = Vraag::from_desk(Kanaal::Loket, Some(Doelgroep::Ouders), Onderwerp::Thema("gedrag".into()), 20, &v).unwrap();
    telling.add("cjg", dag, &Gebeurtenis::Vraag(geld));
    telling.add("cjg", dag, &Gebeurtenis::Vraag(gedrag));
    rows_from(telling)
}

#[test]
fn a_small_figure_that_totals_would_give_back_takes_another_with_it() {
    let plan = plan_of(klein_thema(), Dag::constant(2026, 11, 30), &PlanOptions::default()).unwrap();
    let ouders = &plan.doelgroepen[0];
    let thema = |naam: &str| ouders.themas.iter().find(|t| t.naam == naam).unwrap().totaal;
    assert_eq!(thema("geld"), Aantal::Klein);
    assert_eq!(thema("gedrag"), Aantal::Geheim, "23 − 20 would be 3");
    assert_eq!(ouders.vragen.totaal, Aantal::Getal(23));
    assert_eq!(ouders.themas[0].naam, "gedrag", "x before <5, never by the hidden number");
    assert_eq!(ouders.themas[0].trend, Trend::Verborgen);
    assert!(plan.json().contains("\"x\""));
    assert!(plan.tekst().contains("\"x\" is verborgen"));
}

#[test]
fn rounding_to_five_keeps_the_pattern() {
    let afgerond = PlanOptions { afronden: true, ..PlanOptions::default() };
    let plan = plan_of(voorbeeld_rows(), Dag::constant(2026, 11, 30), &afgerond).unwrap();
    let ouders = &plan.doelgroepen[0];
    assert_eq!(
        (ouders.vragen.totaal, ouders.online.totaal, ouders.balie.totaal),
        (Aantal::Getal(25), Aantal::Getal(15), Aantal::Getal(5))
    );
    assert_eq!(ouders.vragen.per_week[10], Aantal::Getal(20));
    assert_eq!(ouders.vragen.per_week[11], Aantal::Klein);
    assert!(plan.afgerond && plan.tekst().contains("afgerond op 5"));
    assert_eq!([0, 5, 7, 8, 12, 13].map(round_to_5), [0, 5, 5, 10, 10, 15]);
}

/// Two sites: `a` with 12 questions about gedrag, `b` with 3 about gedrag and 9 about geld.
fn twee_sites() -> Rows {
    let v = vocabulaire();
    let mut telling = Telling::default();
    let dag = Dag::constant(2026, 11, 17);
    let vraag = |thema: &str, aantal| {
        Gebeurtenis::Vraag(
            Vraag::from_desk(Kanaal::Telefoon, Some(Doelgroep::Ouders), Onderwerp::Thema(thema.into()), aantal, &v).unwrap(),
        )
    };
    telling.add("a", dag, &vraag("gedrag", 12));
    telling.add("b", dag, &vraag("gedrag", 3));
    telling.add("b", dag, &vraag("geld", 9));
    rows_from(telling)
}

#[test]
fn the_region_adds_the_sites_up_and_no_site_is_given_away_by_it() {
    let vandaag = Dag::constant(2026, 11, 30);
    let regio = plan_of(twee_sites(), vandaag, &PlanOptions::default()).unwrap();
    assert_eq!((regio.site.as_deref(), regio.sites.as_slice()), (None, ["a".to_owned(), "b".to_owned()].as_slice()));
    let ouders = &regio.doelgroepen[0];
    assert_eq!(ouders.vragen.totaal, Aantal::Getal(24));
    assert_eq!(ouders.themas[0].naam, "gedrag");
    assert_eq!(ouders.sites.len(), 2);
    let b = plan_of(twee_sites(), vandaag, &PlanOptions { site: Some("b".into()), ..PlanOptions::default() }).unwrap();
    let gedrag_b = b.doelgroepen[0].themas.iter().find(|t| t.naam == "gedrag").unwrap().totaal;
    assert_eq!(gedrag_b, Aantal::Klein);
    let a = plan_of(twee_sites(), vandaag, &PlanOptions { site: Some("a".into()), ..PlanOptions::default() }).unwrap();
    let gedrag_a = a.doelgroepen[0].themas[0].totaal;
    let gedrag_regio = ouders.themas[0].totaal;
    assert!(
        gedrag_a.zichtbaar().is_none() || gedrag_regio.zichtbaar().is_none(),
        "region 15 − site a 12 would give site b's 3: {gedrag_a} {gedrag_regio}"
    );
    assert!(b.json().contains("\"site\": \"b\""));
    let onbekend = PlanOptions { site: Some("c".into()), ..PlanOptions::default() };
    let fout = plan_of(twee_sites(), vandaag, &onbekend).unwrap_err().to_string();
    assert!(fout.contains("a, b"), "{fout}");
}

#[test]
fn build_counts_reads_the_plans_own_figures() {
    let tellingen = Tellingen::from_json(&voorbeeld().json()).unwrap();
    assert_eq!(tellingen.doelgroepen[0].doelgroep, Some(Doelgroep::Ouders));
    assert_eq!(tellingen.doelgroepen[0].vragen.totaal, Aantal::Getal(23));
    assert_eq!(tellingen.doelgroepen[0].themas[0].naam, "gedrag");
    let fixture = r#"{"doelgroepen":[{"doelgroep":"ouders","vragen":{"totaal":120},"themas":[{"naam":"slapen","totaal":"<5"},{"naam":"x","totaal":"x"}]}]}"#;
    let tellingen = Tellingen::from_json(fixture).unwrap();
    assert_eq!(tellingen.doelgroepen[0].themas[0].totaal, Aantal::Klein);
    let exact = r#"{"doelgroepen":[{"doelgroep":"ouders","vragen":{"totaal":120},"themas":[{"naam":"slapen","totaal":3}]}]}"#;
    assert!(Tellingen::from_json(exact).unwrap_err().to_string().contains("under 5"));
}

/// `cjg build --counts` reads every doelgroep's figures of `cjg plan --json` as the plan wrote
/// them: [`Tellingen`] and the plan's JSON are one format.
#[test]
fn every_doelgroep_of_a_plan_reads_back_as_tellingen() {
    let v = vocabulaire();
    let mut rows = voorbeeld_rows();
    let professionals =
        Vraag::from_desk(Kanaal::Chat, Some(Doelgroep::Professionals), Onderwerp::Thema("geld".into()), 9, &v).unwrap();
    let mut telling = Telling::default();
    telling.add("cjg", Dag::constant(2026, 11, 24), &Gebeurtenis::Vraag(professionals));
    rows.vragen.extend(telling.vragen);
    let plan = plan_of(rows, Dag::constant(2026, 11, 30), &PlanOptions::default()).unwrap();
    let tellingen = Tellingen::from_json(&plan.json()).unwrap();
    let gelezen: Vec<_> = tellingen
        .doelgroepen
        .iter()
        .map(|d| (d.doelgroep, d.vragen.totaal, d.themas.iter().map(|t| (t.naam.clone(), t.totaal)).collect::<Vec<_>>()))
        .collect();
    let geschreven: Vec<_> = plan
        .doelgroepen
        .iter()
        .map(|d| (d.doelgroep, d.vragen.totaal, d.themas.iter().map(|t| (t.naam.clone(), t.totaal)).collect::<Vec<_>>()))
        .collect();
    assert_eq!(gelezen, geschreven);
    let wie: Vec<Option<Doelgroep>> = plan.doelgroepen.iter().map(|d| d.doelgroep).collect();
    assert_eq!(wie, crate::doelgroep::ASKERS);
    assert_eq!(plan.doelgroepen[2].vragen.totaal, Aantal::Getal(9));
    let json = plan.json();
    assert!(json.contains("\"doelgroep\": \"professionals\"") && json.contains("\"doelgroep\": \"onbekend\""), "{json}");
    assert!(plan.tekst().contains("\n== Professionals: 9 vragen (online 0, balie 9) =="), "{}", plan.tekst());
    assert!(plan.html().unwrap().contains("Professionals"));
}

#[test]
fn the_text_names_the_period_and_masks_small_numbers() {
    let tekst = voorbeeld().tekst();
    assert!(tekst.starts_with("Vragenplan van 7 september 2026 tot en met 29 november 2026 (12 weken)"), "{tekst}");
    assert!(tekst.contains("== Ouders: 23 vragen (online 17, balie 6) =="), "{tekst}");
    assert!(tekst.contains("schuld + zakgeld"), "{tekst}");
    assert!(tekst.contains("wk48 <5"), "{tekst}");
    assert!(!tekst.contains(" 3 ") && !tekst.contains(" 2 "), "{tekst}");
}

#[test]
fn the_report_is_self_contained_and_shows_no_small_numbers() {
    let html = voorbeeld().html().unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"nl\">"));
    for extern_ in ["<script", "src=", "href=\"http", "@import", "url("] {
        assert!(!html.contains(extern_), "{extern_}");
    }
    assert!(html.contains("<svg viewBox"));
    assert!(html.contains("<caption>Vragen per week, ouders</caption>"));
    assert!(html.contains("<th scope=\"row\">week 48 (vanaf 23 november 2026)</th><td class=\"getal\">&lt;5</td>"), "{html}");
    assert!(html.contains("<th scope=\"row\">schuld + zakgeld</th><td class=\"getal\">7</td>"));
    assert!(html.contains("Minder dan 5 vragen in deze periode"), "onbekend has none");
    assert!(!html.contains(">3<") && !html.contains(">2<"), "small figures leak");
    assert!(html.contains("<th scope=\"row\">/contact/</th>"), "URLs are not escaped into &#x2F;");
}

// The property test: random count tables, every plan they allow (the region's and each
// site's), and a check with exact rational arithmetic, written apart from the code under test,
// that no hidden figure follows from the shown ones.

const SITES: [&str; 2] = ["a", "b"];
const WEKEN: i64 = 3;
/// Theme and page of a question (a desk question by theme has no page; an online question
/// without an answer has neither).
const ONDERWERPEN: [(&str, &str); 5] =
    [("gedrag", "/ouders/gedrag/driftbuien/"), ("gedrag", ""), ("geld", "/jongeren/geld/zakgeld/"), ("", "/contact/"), ("", "")];
const TERMSETS: [&str; 4] = ["", "koorts", "koorts pest", "schuld"];

#[derive(Debug, Clone)]
struct Cel {
    site: usize,
    doelgroep: usize,
    week: i64,
    online: bool,
    onderwerp: usize,
    urgent: bool,
    termen: usize,
    aantal: u64,
}

fn cel() -> impl Strategy<Value = Cel> {
    (0..2usize, 0..2usize, 0..WEKEN, any::<bool>(), 0..5usize, prop::bool::weighted(0.2), 0..4usize, 1..9u64).prop_map(
        |(site, doelgroep, week, online, onderwerp, urgent, termen, aantal)| Cel {
            site,
            doelgroep,
            week,
            online,
            onderwerp,
            urgent,
            termen,
            aantal,
        },
    )
}

fn eerste_maandag() -> Dag {
    Dag::constant(2026, 11, 2)
}

fn random_rows(cellen: &[Cel], feedback: &[(usize, usize, bool, u64)]) -> Rows {
    let mut rows = Rows::default();
    for c in cellen {
        let (mut thema, mut pagina) = ONDERWERPEN[c.onderwerp];
        // The desk never registers a question without a theme or page.
        if !c.online && thema.is_empty() && pagina.is_empty() {
            (thema, pagina) = ONDERWERPEN[1];
        }
        let dag = days_later(eerste_maandag(), 7 * c.week + (c.aantal as i64 % 7));
        let doelgroep = [Some(Doelgroep::Ouders), Some(Doelgroep::Jongeren)][c.doelgroep];
        let sleutel = VraagSleutel {
            site: SITES[c.site].into(),
            dag,
            kanaal: if c.online { Kanaal::Online } else { Kanaal::Telefoon },
            doelgroep,
            thema: if c.online && pagina.is_empty() { String::new() } else { thema.into() },
            pagina: pagina.into(),
            urgent: c.urgent && c.online,
        };
        if c.online && pagina.is_empty() {
            let gat = OnbeantwoordSleutel { site: SITES[c.site].into(), dag, doelgroep, termen: TERMSETS[c.termen].into() };
            rows.onbeantwoord.push((gat, c.aantal));
        }
        rows.vragen.push((sleutel, c.aantal));
    }
    for (site, pagina, geholpen, aantal) in feedback {
        let sleutel = FeedbackSleutel {
            site: SITES[*site].into(),
            dag: days_later(eerste_maandag(), 7),
            pagina: ["/contact/", "/jongeren/geld/zakgeld/"][*pagina].into(),
            geholpen: *geholpen,
            bron: Bron::Widget,
        };
        rows.feedback.push((sleutel, *aantal));
    }
    rows
}

/// A reader's atom of questions: site, doelgroep, week, online, theme, page, urgent.
type VraagCel = (String, Option<Doelgroep>, usize, bool, String, String, bool);

/// The atoms as a reader of the plans may think of them, numbered.
struct Atomen {
    vragen: BTreeMap<VraagCel, (usize, u64)>,
    gaten: BTreeMap<(String, Option<Doelgroep>, String), (usize, u64)>,
    feedback: BTreeMap<(String, String, bool), (usize, u64)>,
    aantal: usize,
}

impl Atomen {
    /// The atoms of the rows from `van` (a Monday) on; weeks count from `van`.
    fn new(rows: &Rows, van: Dag) -> Atomen {
        let week = |dag: Dag| (dag.since(van).unwrap().get_days() / 7) as usize;
        let mut atomen = Atomen { vragen: BTreeMap::new(), gaten: BTreeMap::new(), feedback: BTreeMap::new(), aantal: 0 };
        let mut volgende = 0;
        let mut nummer = |waarde: &mut (usize, u64), nieuw: bool, aantal: u64| {
            if nieuw {
                waarde.0 = volgende;
                volgende += 1;
            }
            waarde.1 += aantal;
        };
        for (s, aantal) in rows.vragen.iter().filter(|(s, _)| s.dag >= van) {
            let sleutel = (
                s.site.clone(),
                s.doelgroep,
                week(s.dag),
                s.kanaal == Kanaal::Online,
                s.thema.clone(),
                s.pagina.clone(),
                s.urgent,
            );
            let nieuw = !atomen.vragen.contains_key(&sleutel);
            nummer(atomen.vragen.entry(sleutel).or_default(), nieuw, *aantal);
        }
        for (s, aantal) in rows.onbeantwoord.iter().filter(|(s, _)| s.dag >= van) {
            let sleutel = (s.site.clone(), s.doelgroep, s.termen.clone());
            let nieuw = !atomen.gaten.contains_key(&sleutel);
            nummer(atomen.gaten.entry(sleutel).or_default(), nieuw, *aantal);
        }
        for (s, aantal) in rows.feedback.iter().filter(|(s, _)| s.dag >= van) {
            let sleutel = (s.site.clone(), s.pagina.clone(), s.geholpen);
            let nieuw = !atomen.feedback.contains_key(&sleutel);
            nummer(atomen.feedback.entry(sleutel).or_default(), nieuw, *aantal);
        }
        atomen.aantal = volgende;
        atomen
    }
}

/// Every figure the plan shows or hides, as (its atoms, what it shows).
fn published(plan: &Plan, atomen: &Atomen) -> Vec<(Vec<usize>, Aantal)> {
    let in_plan = |site: &str| plan.site.as_deref().is_none_or(|s| s == site);
    let mut uit = Vec::new();
    for d in &plan.doelgroepen {
        let vragen = |filter: &dyn Fn(&VraagCel) -> bool| -> Vec<usize> {
            atomen.vragen.iter().filter(|(k, _)| k.1 == d.doelgroep && in_plan(&k.0) && filter(k)).map(|(_, v)| v.0).collect()
        };
        for (reeks, filter) in [
            (&d.vragen, &(|_: &_| true) as &dyn Fn(&_) -> bool),
            (&d.online, &|k: &VraagCel| k.3),
            (&d.balie, &|k: &VraagCel| !k.3),
            (&d.urgent, &|k: &VraagCel| k.6),
        ] {
            uit.push((vragen(filter), reeks.totaal));
            for (w, aantal) in reeks.per_week.iter().enumerate() {
                uit.push((vragen(&|k| filter(k) && k.2 == w), *aantal));
            }
        }
        for k in &d.kanalen {
            let online = k.kanaal == Kanaal::Online;
            let telefoon = k.kanaal == Kanaal::Telefoon;
            uit.push((vragen(&|a| (a.3 && online) || (!a.3 && telefoon)), k.totaal));
        }
        for t in &d.themas {
            uit.push((vragen(&|a| a.4 == t.naam), t.totaal));
        }
        for p in &d.paginas {
            uit.push((vragen(&|a| a.5 == p.naam), p.totaal));
        }
        let gaten = |filter: &dyn Fn(&str) -> bool| -> Vec<usize> {
            atomen.gaten.iter().filter(|(k, _)| k.1 == d.doelgroep && in_plan(&k.0) && filter(&k.2)).map(|(_, v)| v.0).collect()
        };
        for g in &d.zonder_antwoord {
            uit.push((gaten(&|t| t == g.termen.join(" ")), g.aantal));
        }
        for w in &d.woorden_zonder_antwoord {
            uit.push((gaten(&|t| t.split_whitespace().any(|x| x == w.term)), w.aantal));
        }
        for s in &d.sites {
            uit.push((vragen(&|a| a.0 == s.site), s.totaal));
        }
    }
    for p in &plan.niet_geholpen {
        for (geholpen, aantal) in [(true, p.ja), (false, p.nee)] {
            let a = atomen.feedback.iter().filter(|(k, _)| in_plan(&k.0) && k.1 == p.pagina && k.2 == geholpen).map(|(_, v)| v.0);
            uit.push((a.collect(), aantal));
        }
    }
    uit
}

/// What every reader knows: per site and doelgroep, the unanswered questions are the online
/// questions without a page.
fn identities(atomen: &Atomen) -> Vec<Vec<BigRational>> {
    let mut uit = Vec::new();
    for site in SITES {
        for d in [Some(Doelgroep::Ouders), Some(Doelgroep::Jongeren)] {
            let mut rij = vec![BigRational::zero(); atomen.aantal];
            for (k, v) in &atomen.gaten {
                if k.0 == site && k.1 == d {
                    rij[v.0] += BigRational::one();
                }
            }
            for (k, v) in &atomen.vragen {
                if k.0 == site && k.1 == d && k.3 && k.5.is_empty() {
                    rij[v.0] -= BigRational::one();
                }
            }
            uit.push(rij);
        }
    }
    uit
}

/// Reduced row echelon form over the rationals: (pivot column, row) pairs.
fn echelon(rijen: Vec<Vec<BigRational>>) -> Vec<(usize, Vec<BigRational>)> {
    let mut basis: Vec<(usize, Vec<BigRational>)> = Vec::new();
    for rij in rijen {
        let rij = reduce(&basis, rij);
        if let Some(pivot) = rij.iter().position(|x| !x.is_zero()) {
            let factor = rij[pivot].clone();
            let rij: Vec<BigRational> = rij.into_iter().map(|x| x / &factor).collect();
            for (_, b) in &mut basis {
                let f = b[pivot].clone();
                if !f.is_zero() {
                    for (x, y) in b.iter_mut().zip(&rij) {
                        *x -= &f * y;
                    }
                }
            }
            basis.push((pivot, rij));
        }
    }
    basis
}

fn reduce(basis: &[(usize, Vec<BigRational>)], mut rij: Vec<BigRational>) -> Vec<BigRational> {
    for (pivot, b) in basis {
        let f = rij[*pivot].clone();
        if !f.is_zero() {
            for (x, y) in rij.iter_mut().zip(b) {
                *x -= &f * y;
            }
        }
    }
    rij
}

/// Checks every plan of `rows` made together (the region's and each site's): each figure is
/// what it claims to be, and no hidden figure is a linear combination of the shown ones.
fn check_no_hidden_figure_is_solvable(rows: Rows, since: Option<Dag>) -> Result<(), TestCaseError> {
    let vandaag = days_later(eerste_maandag(), 7 * WEKEN);
    let (van, _) = period(since, vandaag).unwrap();
    let atomen = Atomen::new(&rows, van);
    let mut plannen = vec![plan_of(rows_copy(&rows), vandaag, &PlanOptions { since, ..PlanOptions::default() }).unwrap()];
    for site in plannen[0].sites.clone() {
        let options = PlanOptions { since, site: Some(site), ..PlanOptions::default() };
        plannen.push(plan_of(rows_copy(&rows), vandaag, &options).unwrap());
    }
    let waarde = |a: &[usize]| -> u64 {
        let alle = atomen.vragen.values().chain(atomen.gaten.values()).chain(atomen.feedback.values());
        alle.filter(|(i, _)| a.contains(i)).map(|(_, n)| n).sum()
    };
    let vector = |a: &[usize]| -> Vec<BigRational> {
        let mut v = vec![BigRational::zero(); atomen.aantal];
        for i in a {
            v[*i] = BigRational::one();
        }
        v
    };
    let mut zichtbaar = identities(&atomen);
    let mut verborgen = Vec::new();
    for plan in &plannen {
        for (a, aantal) in published(plan, &atomen) {
            let exact = waarde(&a);
            match aantal {
                Aantal::Getal(n) => {
                    prop_assert_eq!(n, exact, "a shown figure is exact");
                    zichtbaar.push(vector(&a));
                }
                Aantal::Klein => {
                    prop_assert!((1..5).contains(&exact), "<5 is 1 to 4, not {}", exact);
                    verborgen.push((a, aantal));
                }
                Aantal::Geheim => verborgen.push((a, aantal)),
            }
        }
    }
    let basis = echelon(zichtbaar);
    for (a, aantal) in verborgen {
        let rest = reduce(&basis, vector(&a));
        prop_assert!(rest.iter().any(|x| !x.is_zero()), "a hidden figure ({}) can be worked out: atoms {:?}", aantal, a);
    }
    Ok(())
}

fn rows_copy(rows: &Rows) -> Rows {
    Rows { vragen: rows.vragen.clone(), onbeantwoord: rows.onbeantwoord.clone(), feedback: rows.feedback.clone() }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_hidden_figure_can_be_worked_out_from_the_shown_ones(
        cellen in prop::collection::vec(cel(), 1..24),
        feedback in prop::collection::vec((0..2usize, 0..2usize, any::<bool>(), 1..9u64), 0..4),
    ) {
        check_no_hidden_figure_is_solvable(random_rows(&cellen, &feedback), None)?;
    }

    /// One site's plans: a week's figures are decided from that week alone.
    #[test]
    fn a_week_looks_the_same_in_every_plan_that_shows_it(
        cellen in prop::collection::vec(cel(), 1..24),
    ) {
        let een_site: Vec<Cel> = cellen.into_iter().map(|c| Cel { site: 0, ..c }).collect();
        let rows = random_rows(&een_site, &[]);
        let vandaag = days_later(eerste_maandag(), 7 * WEKEN);
        let alle = plan_of(rows_copy(&rows), vandaag, &PlanOptions::default()).unwrap();
        let later = PlanOptions { since: Some(days_later(eerste_maandag(), 7)), ..PlanOptions::default() };
        let later = plan_of(rows_copy(&rows), vandaag, &later).unwrap();
        let eerste = alle.weken.iter().position(|w| w.van == later.weken[0].van).unwrap();
        for (d, l) in alle.doelgroepen.iter().zip(&later.doelgroepen) {
            for (reeks, latere) in [(&d.vragen, &l.vragen), (&d.online, &l.online), (&d.balie, &l.balie), (&d.urgent, &l.urgent)] {
                prop_assert_eq!(&reeks.per_week[eerste..], &latere.per_week[..]);
            }
        }
        check_no_hidden_figure_is_solvable(rows, later.weken.first().map(|w| w.maandag))?;
    }
}
