//! `cjg plan`: what editors need from the counts, per doelgroep and per week. The most asked
//! themes and pages with their trend, the questions no page answered grouped by their known
//! terms (the content to write next), the pages marked "niet geholpen", urgent questions per
//! week and online versus desk channels.
//!
//! Every figure is an [`Aantal`], which shows anything under 5 as "<5" wherever it is
//! written (text, JSON, HTML, the height of a bar): the exact small numbers never leave here.

mod html;
mod tekst;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use jiff::Span;
use serde::{Serialize, Serializer};

use crate::error::Error;
use crate::gebeurtenis::{Doelgroep, Kanaal};
use crate::store::Store;
use crate::Dag;

/// The weeks a plan covers when no `--since` is given.
pub const STANDAARD_WEKEN: i64 = 12;

/// A count as it may be shown: under [`Aantal::DREMPEL`] it is "<5".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Aantal(u64);

impl Aantal {
    /// Counts below this are shown as "<5", so that no one asking is recognisable.
    pub const DREMPEL: u64 = 5;

    /// The count when it may be shown, `None` when it is under 5.
    pub fn zichtbaar(self) -> Option<u64> {
        (self.0 >= Self::DREMPEL).then_some(self.0)
    }
}

impl fmt::Display for Aantal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.zichtbaar() {
            Some(n) => write!(f, "{n}"),
            None => f.write_str("<5"),
        }
    }
}

impl Serialize for Aantal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.zichtbaar() {
            Some(n) => serializer.serialize_u64(n),
            None => serializer.serialize_str("<5"),
        }
    }
}

/// How a theme or page did in the second half of the complete weeks against the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// At least a quarter more.
    Stijgt,
    /// At least a fifth less.
    Daalt,
    /// In between.
    Gelijk,
    /// Fewer than 10 questions in those weeks, or fewer than two complete weeks.
    TeWeinig,
}

/// One week of the plan, Monday to Sunday.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    /// ISO week, `2026-W48`.
    pub week: String,
    /// Its Monday, `2026-11-23`.
    pub van: String,
    #[serde(skip)]
    nummer: i8,
    #[serde(skip)]
    maandag: Dag,
}

/// A count per week of the plan, and their total.
#[derive(Debug, Clone, Serialize)]
pub struct Reeks {
    /// All weeks together.
    pub totaal: Aantal,
    /// One count per week of [`Plan::weken`].
    pub per_week: Vec<Aantal>,
}

/// A theme or page, with how often it was asked.
#[derive(Debug, Clone, Serialize)]
pub struct Veelgevraagd {
    /// The theme slug or page URL.
    pub naam: String,
    /// Questions per week.
    #[serde(flatten)]
    pub reeks: Reeks,
    /// Its trend over the complete weeks.
    pub trend: Trend,
}

/// Questions no page answered that shared the same known terms.
#[derive(Debug, Clone, Serialize)]
pub struct Gat {
    /// The known terms, sorted; empty when the questions had none.
    pub termen: Vec<String>,
    /// How many questions.
    pub aantal: Aantal,
}

/// A known term, with how often unanswered questions held it.
#[derive(Debug, Clone, Serialize)]
pub struct Woord {
    /// The stem.
    pub term: String,
    /// In how many unanswered questions.
    pub aantal: Aantal,
}

/// Questions through one channel.
#[derive(Debug, Clone, Serialize)]
pub struct KanaalReeks {
    /// The channel.
    pub kanaal: Kanaal,
    /// Questions per week.
    #[serde(flatten)]
    pub reeks: Reeks,
}

/// Everything about one doelgroep.
#[derive(Debug, Clone, Serialize)]
pub struct DoelgroepPlan {
    /// Whose questions.
    pub doelgroep: Doelgroep,
    /// All questions, every channel.
    pub vragen: Reeks,
    /// Through the widget.
    pub online: Reeks,
    /// At the desk: loket, telefoon, chat and e-mail together.
    pub balie: Reeks,
    /// Each channel, online first.
    pub kanalen: Vec<KanaalReeks>,
    /// Themes, most asked first.
    pub themas: Vec<Veelgevraagd>,
    /// Pages (the answer opened, or the best one), most asked first.
    pub paginas: Vec<Veelgevraagd>,
    /// Questions marked urgent.
    pub urgent: Reeks,
    /// Questions no page answered, grouped by their known terms, most asked first.
    pub zonder_antwoord: Vec<Gat>,
    /// The known terms of those questions one by one, most frequent first.
    pub woorden_zonder_antwoord: Vec<Woord>,
}

/// "Heeft dit antwoord je geholpen?" for one page.
#[derive(Debug, Clone, Serialize)]
pub struct PaginaFeedback {
    /// The page URL.
    pub pagina: String,
    /// Answered "ja".
    pub ja: Aantal,
    /// Answered "nee".
    pub nee: Aantal,
}

/// The editors' plan: per doelgroep and week, from the counts.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// The first day counted.
    pub van: String,
    /// The last day counted (today).
    pub tot: String,
    /// The weeks, oldest first; the last one may still be running.
    pub weken: Vec<Week>,
    /// Ouders, jongeren, onbekend.
    pub doelgroepen: Vec<DoelgroepPlan>,
    /// Pages with at least one "nee", most "nee" first.
    pub niet_geholpen: Vec<PaginaFeedback>,
    #[serde(skip)]
    periode: (Dag, Dag),
}

impl Plan {
    /// Reads the counts in `db` from `sinds` (default: the Monday [`STANDAARD_WEKEN`] weeks back)
    /// up to today.
    pub fn lees(db: &Path, sinds: Option<Dag>) -> Result<Plan, Error> {
        Plan::maak(&Store::lees(db)?, sinds, crate::vandaag())
    }

    /// The plan of `store` from `sinds` to `vandaag`.
    pub fn maak(store: &Store, sinds: Option<Dag>, vandaag: Dag) -> Result<Plan, Error> {
        let van = match sinds {
            Some(sinds) => sinds,
            None => dagen_later(maandag(vandaag), -7 * (STANDAARD_WEKEN - 1)),
        };
        let weken = weken(van, vandaag);
        let week_van =
            |dag: Dag| (dag >= van && dag <= vandaag).then(|| weken.partition_point(|w| w.maandag <= dag) - 1);
        let aantal_weken = weken.len();
        let nieuwe_reeks = || vec![0u64; aantal_weken];

        let mut per_doelgroep: BTreeMap<Doelgroep, Tellers> =
            Doelgroep::ALLE.iter().map(|d| (*d, Tellers::new(aantal_weken))).collect();
        for (rij, aantal) in store.vragen(van)? {
            let (Some(week), Some(tellers)) = (week_van(rij.dag), per_doelgroep.get_mut(&rij.doelgroep)) else {
                continue;
            };
            tellers.vragen[week] += aantal;
            tellers.kanalen.entry(rij.kanaal).or_insert_with(nieuwe_reeks)[week] += aantal;
            if rij.urgent {
                tellers.urgent[week] += aantal;
            }
            if !rij.thema.is_empty() {
                tellers.themas.entry(rij.thema).or_insert_with(nieuwe_reeks)[week] += aantal;
            }
            if !rij.pagina.is_empty() {
                tellers.paginas.entry(rij.pagina).or_insert_with(nieuwe_reeks)[week] += aantal;
            }
        }
        for (rij, aantal) in store.onbeantwoord(van)? {
            if let (Some(_), Some(tellers)) = (week_van(rij.dag), per_doelgroep.get_mut(&rij.doelgroep)) {
                *tellers.gaten.entry(rij.termen).or_default() += aantal;
            }
        }
        for (doelgroep, term, aantal) in store.termen_zonder_antwoord(van)? {
            if let Some(tellers) = per_doelgroep.get_mut(&doelgroep) {
                *tellers.woorden.entry(term).or_default() += aantal;
            }
        }

        let huidige_week_loopt = weken.last().is_some_and(|w| dagen_later(w.maandag, 6) >= vandaag);
        let volledig = aantal_weken - usize::from(huidige_week_loopt);
        let doelgroepen =
            per_doelgroep.into_iter().map(|(doelgroep, tellers)| tellers.plan(doelgroep, volledig)).collect();

        let mut niet_geholpen: Vec<(String, u64, u64)> =
            store.feedback(van)?.into_iter().filter(|(_, _, nee)| *nee > 0).collect();
        niet_geholpen.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
        Ok(Plan {
            van: van.to_string(),
            tot: vandaag.to_string(),
            weken,
            doelgroepen,
            niet_geholpen: niet_geholpen
                .into_iter()
                .map(|(pagina, ja, nee)| PaginaFeedback { pagina, ja: Aantal(ja), nee: Aantal(nee) })
                .collect(),
            periode: (van, vandaag),
        })
    }

    /// The plan as JSON, every figure under 5 the string "<5".
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The plan as plain text for the terminal.
    pub fn tekst(&self) -> String {
        tekst::tekst(self)
    }

    /// The plan as one self-contained HTML page with charts and the tables behind them.
    pub fn html(&self) -> String {
        html::html(self)
    }

    /// Writes [`Plan::html`] to `pad`.
    pub fn schrijf_html(&self, pad: &Path) -> Result<(), Error> {
        std::fs::write(pad, self.html()).map_err(|bron| Error::Schrijven { pad: pad.to_owned(), bron })
    }
}

/// The exact counts of one doelgroep while the plan is being made.
struct Tellers {
    vragen: Vec<u64>,
    urgent: Vec<u64>,
    kanalen: HashMap<Kanaal, Vec<u64>>,
    themas: HashMap<String, Vec<u64>>,
    paginas: HashMap<String, Vec<u64>>,
    gaten: HashMap<String, u64>,
    woorden: HashMap<String, u64>,
}

impl Tellers {
    fn new(weken: usize) -> Tellers {
        Tellers {
            vragen: vec![0; weken],
            urgent: vec![0; weken],
            kanalen: HashMap::new(),
            themas: HashMap::new(),
            paginas: HashMap::new(),
            gaten: HashMap::new(),
            woorden: HashMap::new(),
        }
    }

    fn plan(self, doelgroep: Doelgroep, volledige_weken: usize) -> DoelgroepPlan {
        let leeg = vec![0; self.vragen.len()];
        let kanaal = |k: Kanaal| self.kanalen.get(&k).unwrap_or(&leeg);
        let balie: Vec<u64> =
            (0..self.vragen.len()).map(|w| Kanaal::BALIE.iter().map(|k| kanaal(*k)[w]).sum()).collect();
        let veelgevraagd = |per_naam: HashMap<String, Vec<u64>>| {
            let mut lijst: Vec<_> =
                per_naam.into_iter().map(|(naam, weken)| (weken.iter().sum::<u64>(), naam, weken)).collect();
            lijst.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            lijst
                .into_iter()
                .map(|(_, naam, weken)| Veelgevraagd {
                    trend: trend(&weken[..volledige_weken]),
                    reeks: reeks(&weken),
                    naam,
                })
                .collect()
        };
        let mut gaten: Vec<_> = self.gaten.into_iter().collect();
        gaten.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut woorden: Vec<_> = self.woorden.into_iter().collect();
        woorden.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        DoelgroepPlan {
            doelgroep,
            vragen: reeks(&self.vragen),
            online: reeks(kanaal(Kanaal::Online)),
            balie: reeks(&balie),
            kanalen: Kanaal::ALLE.iter().map(|k| KanaalReeks { kanaal: *k, reeks: reeks(kanaal(*k)) }).collect(),
            themas: veelgevraagd(self.themas),
            paginas: veelgevraagd(self.paginas),
            urgent: reeks(&self.urgent),
            zonder_antwoord: gaten
                .into_iter()
                .map(|(termen, aantal)| Gat {
                    termen: termen.split_whitespace().map(str::to_owned).collect(),
                    aantal: Aantal(aantal),
                })
                .collect(),
            woorden_zonder_antwoord: woorden
                .into_iter()
                .map(|(term, aantal)| Woord { term, aantal: Aantal(aantal) })
                .collect(),
        }
    }
}

/// `25 november 2026`.
fn datum(dag: Dag) -> String {
    const MAANDEN: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let maand = usize::try_from(dag.month() - 1).unwrap_or(0);
    format!("{} {} {}", dag.day(), MAANDEN[maand], dag.year())
}

/// The period in words: `van 7 september 2026 tot en met 25 november 2026 (12 weken)`.
fn periode(plan: &Plan) -> String {
    let weken = match plan.weken.len() {
        1 => "1 week".to_owned(),
        n => format!("{n} weken"),
    };
    format!("van {} tot en met {} ({weken})", datum(plan.periode.0), datum(plan.periode.1))
}

fn doelgroep_titel(doelgroep: Doelgroep) -> &'static str {
    match doelgroep {
        Doelgroep::Ouders => "Ouders",
        Doelgroep::Jongeren => "Jongeren",
        Doelgroep::Onbekend => "Doelgroep niet gekozen",
    }
}

fn trend_woord(trend: Trend) -> &'static str {
    match trend {
        Trend::Stijgt => "stijgt",
        Trend::Daalt => "daalt",
        Trend::Gelijk => "gelijk",
        Trend::TeWeinig => "te weinig vragen",
    }
}

/// A term group in words: `schuld + zakgeld`.
fn termen_woord(termen: &[String]) -> String {
    if termen.is_empty() {
        "(geen bekende woorden)".to_owned()
    } else {
        termen.join(" + ")
    }
}

fn reeks(weken: &[u64]) -> Reeks {
    Reeks { totaal: Aantal(weken.iter().sum()), per_week: weken.iter().map(|n| Aantal(*n)).collect() }
}

/// The second half of the complete weeks against the first (a middle week of an odd number
/// counts in neither).
fn trend(volledige_weken: &[u64]) -> Trend {
    let helft = volledige_weken.len() / 2;
    if helft == 0 {
        return Trend::TeWeinig;
    }
    let eerder: u64 = volledige_weken[..helft].iter().sum();
    let later: u64 = volledige_weken[volledige_weken.len() - helft..].iter().sum();
    if eerder + later < 2 * Aantal::DREMPEL {
        Trend::TeWeinig
    } else if later * 4 >= eerder * 5 {
        Trend::Stijgt
    } else if later * 5 <= eerder * 4 {
        Trend::Daalt
    } else {
        Trend::Gelijk
    }
}

fn dagen_later(dag: Dag, dagen: i64) -> Dag {
    dag.saturating_add(Span::new().days(dagen))
}

fn maandag(dag: Dag) -> Dag {
    dagen_later(dag, -i64::from(dag.weekday().to_monday_zero_offset()))
}

/// The weeks from the one holding `van` to the one holding `tot`.
fn weken(van: Dag, tot: Dag) -> Vec<Week> {
    let mut weken = Vec::new();
    let mut dag = maandag(van);
    while dag <= tot {
        let iso = dag.iso_week_date();
        weken.push(Week {
            week: format!("{}-W{:02}", iso.year(), iso.week()),
            van: dag.to_string(),
            nummer: iso.week(),
            maandag: dag,
        });
        let volgende = dagen_later(dag, 7);
        if volgende == dag {
            break;
        }
        dag = volgende;
    }
    weken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gebeurtenis::tests::vocabulaire;
    use crate::gebeurtenis::{Feedback, Gebeurtenis, Onderwerp, Vraag};
    use crate::telling::Telling;

    pub(super) fn voorbeeld() -> Plan {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let v = vocabulaire();
        let vandaag = Dag::constant(2026, 11, 25); // a Wednesday, week 48
        let vraag = |json: &str| Gebeurtenis::Vraag(Vraag::uit_json(json.as_bytes(), &v).unwrap());
        let driftbuien = vraag(
            r#"{"doelgroep": "ouders", "pagina": "/ouders/gedrag/driftbuien/", "urgent": false, "termen": ["pest"]}"#,
        );
        let gat =
            vraag(r#"{"doelgroep": "jongeren", "pagina": null, "urgent": true, "termen": ["schuld", "zakgeld"]}"#);
        let nee = Gebeurtenis::Feedback(
            Feedback::uit_json(br#"{"pagina": "/contact/", "geholpen": false, "bron": "pagina"}"#, &v).unwrap(),
        );
        let telefoon = Gebeurtenis::Vraag(
            Vraag::aan_balie(Kanaal::Telefoon, Doelgroep::Ouders, Onderwerp::Thema("gedrag".into()), 6, &v).unwrap(),
        );
        let mut telling = Telling::default();
        // Week 45: 2 about driftbuien; week 47: 12; this week: 3. Gaps: 7 this week.
        for (dag, gebeurtenis, keer) in [
            (Dag::constant(2026, 11, 3), &driftbuien, 2),
            (Dag::constant(2026, 11, 17), &driftbuien, 12),
            (vandaag, &driftbuien, 3),
            (vandaag, &gat, 7),
            (vandaag, &nee, 6),
            (Dag::constant(2026, 11, 18), &telefoon, 1),
            (Dag::constant(2025, 1, 1), &gat, 50),
        ] {
            for _ in 0..keer {
                telling.tel(dag, gebeurtenis);
            }
        }
        store.voeg_toe(&telling).unwrap();
        Plan::maak(&store, None, vandaag).unwrap()
    }

    #[test]
    fn twelve_weeks_back_from_monday_by_default() {
        let plan = voorbeeld();
        assert_eq!(plan.weken.len(), 12);
        assert_eq!((plan.van.as_str(), plan.tot.as_str()), ("2026-09-07", "2026-11-25"));
        assert_eq!(plan.weken.last().unwrap().week, "2026-W48");
    }

    #[test]
    fn counts_land_in_their_doelgroep_week_and_channel() {
        let plan = voorbeeld();
        let ouders = &plan.doelgroepen[0];
        assert_eq!(ouders.doelgroep, Doelgroep::Ouders);
        assert_eq!(ouders.vragen.totaal, Aantal(23));
        assert_eq!(ouders.online.totaal, Aantal(17));
        assert_eq!(ouders.balie.totaal, Aantal(6));
        assert_eq!(ouders.themas[0].naam, "gedrag");
        assert_eq!(ouders.themas[0].reeks.totaal, Aantal(23));
        assert_eq!(ouders.paginas[0].naam, "/ouders/gedrag/driftbuien/");
        assert_eq!(ouders.vragen.per_week[8..], [Aantal(2), Aantal(0), Aantal(18), Aantal(3)]);
        let jongeren = &plan.doelgroepen[1];
        assert_eq!(jongeren.urgent.totaal, Aantal(7), "the 2025 questions are outside the period");
        assert_eq!(jongeren.zonder_antwoord[0].termen, ["schuld", "zakgeld"]);
        assert_eq!(jongeren.woorden_zonder_antwoord.len(), 2);
        assert_eq!(plan.niet_geholpen[0].pagina, "/contact/");
        assert_eq!(plan.niet_geholpen[0].nee, Aantal(6));
    }

    #[test]
    fn the_running_week_is_left_out_of_the_trend() {
        // Complete weeks 37..=47: the first five hold 0, the last five 2 + 18 = 20.
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
        assert_eq!(json["niet_geholpen"][0]["ja"], "<5");
        assert_eq!(Aantal(0).to_string(), "<5");
        assert_eq!(Aantal(5).to_string(), "5");
    }
}
