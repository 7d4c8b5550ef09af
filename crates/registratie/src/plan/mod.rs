//! `cjg plan`: what editors need from the counts, per doelgroep and per week. The most asked
//! themes and pages with their trend, the questions no page answered grouped by their known
//! terms (the content to write next), the pages marked "niet geholpen", urgent questions per
//! week and online versus desk channels. One plan per site (`--site`), or one for the region
//! that adds every site up.
//!
//! Every figure is an [`Aantal`], decided by [`disclosure`]: 1 to 4 is "<5", a figure that would
//! let someone work out a "<5" by adding and subtracting is "x", the rest is shown (optionally
//! rounded to 5). The exact small numbers never leave this module. Plans cover whole weeks,
//! Monday to Sunday, up to last Sunday: never a day, never a week still running.

mod disclosure;
mod html;
mod tekst;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use jiff::Span;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use cjg_common::{dutch_date, Doelgroep};

use crate::doelgroep::{self, ASKERS};
use crate::error::Error;
use crate::gebeurtenis::Kanaal;
use crate::store::{block_on, Database, Rows, Store};
use crate::Dag;
use disclosure::{Figures, Stage, Status, DREMPEL};

/// The weeks a plan covers when no `--since` is given.
pub const STANDAARD_WEKEN: i64 = 12;

/// A figure as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aantal {
    /// The number: 0, or 5 and more (rounded to 5 when the plan says so).
    Getal(u64),
    /// 1 to 4, shown as "<5".
    Klein,
    /// Hidden so that no "<5" can be worked out from the other figures, shown as "x".
    Geheim,
}

impl Aantal {
    /// Counts from 1 up to this are shown as "<5", so that no one asking is recognisable.
    pub const DREMPEL: u64 = DREMPEL;

    /// The number when it may be shown.
    pub fn zichtbaar(self) -> Option<u64> {
        match self {
            Aantal::Getal(n) => Some(n),
            Aantal::Klein | Aantal::Geheim => None,
        }
    }

    fn from_status(status: Status, waarde: u64, afronden: bool) -> Aantal {
        match status {
            Status::Shown if afronden => Aantal::Getal(round_to_5(waarde)),
            Status::Shown => Aantal::Getal(waarde),
            Status::Small => Aantal::Klein,
            Status::Secondary => Aantal::Geheim,
        }
    }
}

/// To the nearest multiple of 5 (halves up), never below 5 for a shown figure of 5 or more.
fn round_to_5(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        ((n + 2) / 5 * 5).max(5)
    }
}

impl fmt::Display for Aantal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Aantal::Getal(n) => write!(f, "{n}"),
            Aantal::Klein => f.write_str("<5"),
            Aantal::Geheim => f.write_str("x"),
        }
    }
}

impl Serialize for Aantal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Aantal::Getal(n) => serializer.serialize_u64(*n),
            verborgen => serializer.collect_str(verborgen),
        }
    }
}

impl<'de> Deserialize<'de> for Aantal {
    /// A number of 0 or at least 5, "<5" or "x": a number from 1 to 4 was never in a plan.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Aantal, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Ruw {
            Getal(u64),
            Tekst(String),
        }
        match Ruw::deserialize(deserializer)? {
            Ruw::Getal(n) if n == 0 || n >= DREMPEL => Ok(Aantal::Getal(n)),
            Ruw::Getal(n) => Err(serde::de::Error::custom(format!("{n}: a plan never shows a count under 5"))),
            Ruw::Tekst(t) if t == "<5" => Ok(Aantal::Klein),
            Ruw::Tekst(t) if t == "x" => Ok(Aantal::Geheim),
            Ruw::Tekst(t) => Err(serde::de::Error::custom(format!("{t:?}: expected a number, \"<5\" or \"x\""))),
        }
    }
}

/// How a theme or page did in the second half of the weeks against the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    /// At least a quarter more.
    Stijgt,
    /// At least a fifth less.
    Daalt,
    /// In between.
    Gelijk,
    /// Fewer than 10 questions in those weeks, or fewer than two weeks.
    TeWeinig,
    /// The figure itself is hidden, so its trend is too.
    Verborgen,
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
    /// Questions in the whole period.
    pub totaal: Aantal,
    /// Its trend over the weeks.
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

/// Questions through one channel in the period.
#[derive(Debug, Clone, Serialize)]
pub struct KanaalTotaal {
    /// The channel.
    pub kanaal: Kanaal,
    /// How many questions.
    pub totaal: Aantal,
}

/// One site's questions, in the region's plan.
#[derive(Debug, Clone, Serialize)]
pub struct SiteTotaal {
    /// The site's id.
    pub site: String,
    /// How many questions.
    pub totaal: Aantal,
}

/// Everything about one doelgroep.
#[derive(Debug, Clone, Serialize)]
pub struct DoelgroepPlan {
    /// Whose questions; none for those whose doelgroep was not chosen (`"onbekend"`).
    #[serde(with = "doelgroep::as_word")]
    pub doelgroep: Option<Doelgroep>,
    /// All questions, every channel.
    pub vragen: Reeks,
    /// Through the widget.
    pub online: Reeks,
    /// At the desk: loket, telefoon, chat and e-mail together.
    pub balie: Reeks,
    /// Each channel, online first.
    pub kanalen: Vec<KanaalTotaal>,
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
    /// In the region's plan: each site's questions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<SiteTotaal>,
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
    /// The site it is about; none for the region (every site together).
    pub site: Option<String>,
    /// The sites counted in it.
    pub sites: Vec<String>,
    /// The first day counted, a Monday.
    pub van: String,
    /// The last day counted, a Sunday.
    pub tot: String,
    /// Whether the shown figures are rounded to 5.
    pub afgerond: bool,
    /// The weeks, oldest first.
    pub weken: Vec<Week>,
    /// Ouders, jongeren, professionals, then those who did not choose (`onbekend`).
    pub doelgroepen: Vec<DoelgroepPlan>,
    /// Pages with at least one "nee", most "nee" first.
    pub niet_geholpen: Vec<PaginaFeedback>,
    #[serde(skip)]
    periode: (Dag, Dag),
}

/// What `cjg plan` is asked for.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// The first week: the one holding this day (default: [`STANDAARD_WEKEN`] weeks back).
    pub since: Option<Dag>,
    /// One site's plan; none for the region.
    pub site: Option<String>,
    /// Round every shown figure to 5.
    pub afronden: bool,
}

impl Plan {
    /// Reads the counts in `db` and makes the plan of the complete weeks up to last Sunday.
    pub fn from_db(db: &Database, options: &PlanOptions) -> Result<Plan, Error> {
        let (van, tot) = period(options.since, crate::today())?;
        let rows = block_on(async { Store::open_read_only(db).await?.rows(van, tot).await })?;
        Plan::from_rows(rows, van, tot, options)
    }

    /// The plan of `rows` for the weeks from `van` (a Monday) to `tot` (a Sunday).
    pub(crate) fn from_rows(rows: Rows, van: Dag, tot: Dag, options: &PlanOptions) -> Result<Plan, Error> {
        let weken = weken(van, tot);
        let model = Model::new(&rows, &weken, van, tot);
        if let Some(site) = &options.site {
            if !model.sites.contains(site) {
                let bekend: Vec<&str> = model.sites.iter().map(String::as_str).collect();
                let bekend = if bekend.is_empty() { "none".to_owned() } else { bekend.join(", ") };
                return Err(Error::UnknownSite(site.clone(), bekend));
            }
        }
        let status = model.figures.protect();
        let scope = match &options.site {
            Some(site) => Scope::Site(site.clone()),
            None => Scope::Region,
        };
        let toon = |figuur: usize| Aantal::from_status(status[figuur], model.figures.value(figuur), options.afronden);
        let leeg = ScopeFigures::default();
        let figuren = model.scopes.get(&scope).unwrap_or(&leeg);
        let doelgroepen = ASKERS
            .iter()
            .map(|d| match figuren.doelgroepen.get(d) {
                Some(f) => f.plan(*d, &toon, &status),
                None => DoelgroepFigures::new(weken.len()).plan(*d, &toon, &status),
            })
            .collect();
        let mut niet_geholpen: Vec<PaginaFeedback> = figuren
            .feedback
            .iter()
            .filter(|(_, (_, nee))| model.figures.value(*nee) > 0)
            .map(|(pagina, (ja, nee))| PaginaFeedback { pagina: pagina.clone(), ja: toon(*ja), nee: toon(*nee) })
            .collect();
        niet_geholpen.sort_by(|a, b| {
            rank(a.nee).cmp(&rank(b.nee)).then(rank(b.ja).cmp(&rank(a.ja))).then_with(|| a.pagina.cmp(&b.pagina))
        });
        Ok(Plan {
            sites: match &options.site {
                Some(site) => vec![site.clone()],
                None => model.sites.iter().cloned().collect(),
            },
            site: options.site.clone(),
            van: van.to_string(),
            tot: tot.to_string(),
            afgerond: options.afronden,
            weken,
            doelgroepen,
            niet_geholpen,
            periode: (van, tot),
        })
    }

    /// The plan as JSON: figures under 5 the string "<5", hidden ones "x".
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The plan as plain text for the terminal.
    pub fn tekst(&self) -> String {
        tekst::tekst(self)
    }

    /// The plan as one self-contained HTML page with charts and the tables behind them.
    pub fn html(&self) -> Result<String, Error> {
        html::html(self)
    }

    /// Writes [`Plan::html`] to `path`.
    pub fn write_html(&self, path: &Path) -> Result<(), Error> {
        std::fs::write(path, self.html()?).map_err(|source| Error::WriteReport { path: path.to_owned(), source })
    }
}

/// What `cjg build --counts` reads from a `cjg plan --json` export: per doelgroep its questions
/// and its themes. It reads the plan's own [`Aantal`], so a number under 5 is refused here too.
#[derive(Debug, Clone, Deserialize)]
pub struct Tellingen {
    /// One entry per doelgroep.
    pub doelgroepen: Vec<DoelgroepTellingen>,
}

/// One doelgroep of [`Tellingen`].
#[derive(Debug, Clone, Deserialize)]
pub struct DoelgroepTellingen {
    /// Whose questions; none when not chosen (`"onbekend"`).
    #[serde(with = "doelgroep::as_word")]
    pub doelgroep: Option<Doelgroep>,
    /// All its questions.
    pub vragen: Totaal,
    /// Its themes, most asked first.
    pub themas: Vec<ThemaTotaal>,
}

/// A total as the plan shows it.
#[derive(Debug, Clone, Deserialize)]
pub struct Totaal {
    /// The figure.
    pub totaal: Aantal,
}

/// A theme's total as the plan shows it.
#[derive(Debug, Clone, Deserialize)]
pub struct ThemaTotaal {
    /// The theme slug.
    pub naam: String,
    /// The figure.
    pub totaal: Aantal,
}

impl Tellingen {
    /// Reads a `cjg plan --json` export.
    pub fn from_json(tekst: &str) -> Result<Tellingen, Error> {
        serde_json::from_str(tekst).map_err(Error::PlanJson)
    }
}

/// The whole weeks from the one holding `since` (default: [`STANDAARD_WEKEN`] back) to last
/// Sunday before `vandaag`.
pub(crate) fn period(since: Option<Dag>, vandaag: Dag) -> Result<(Dag, Dag), Error> {
    let deze_week = maandag(vandaag);
    let tot = days_later(deze_week, -1);
    let van = match since {
        Some(dag) => maandag(dag),
        None => days_later(deze_week, -7 * STANDAARD_WEKEN),
    };
    if van > tot {
        return Err(Error::NoWeeks(since.unwrap_or(vandaag)));
    }
    Ok((van, tot))
}

/// How a list orders its figures: shown ones by their number, most first, then "x", then "<5"
/// (never by a hidden number, which the order would give away).
fn rank(aantal: Aantal) -> std::cmp::Reverse<(u8, u64)> {
    std::cmp::Reverse(match aantal {
        Aantal::Getal(n) => (2, n),
        Aantal::Geheim => (1, 0),
        Aantal::Klein => (0, 0),
    })
}

/// Which plan a figure belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    Region,
    Site(String),
}

/// A series: its total and one figure per week.
#[derive(Debug, Clone)]
struct SeriesFigures {
    totaal: usize,
    per_week: Vec<usize>,
}

/// The figures of one doelgroep in one plan, as indices into [`Figures`].
#[derive(Debug, Default)]
struct DoelgroepFigures {
    vragen: Option<SeriesFigures>,
    online: Option<SeriesFigures>,
    balie: Option<SeriesFigures>,
    urgent: Option<SeriesFigures>,
    kanalen: Vec<(Kanaal, usize)>,
    /// Per theme and page: its figure and its exact weekly counts (for the trend only).
    themas: BTreeMap<String, (usize, Vec<u64>)>,
    paginas: BTreeMap<String, (usize, Vec<u64>)>,
    gaten: BTreeMap<String, usize>,
    woorden: BTreeMap<String, usize>,
    sites: Vec<(String, usize)>,
    weken: usize,
}

impl DoelgroepFigures {
    fn new(weken: usize) -> DoelgroepFigures {
        DoelgroepFigures { weken, ..DoelgroepFigures::default() }
    }

    fn plan(&self, doelgroep: Option<Doelgroep>, toon: &impl Fn(usize) -> Aantal, status: &[Status]) -> DoelgroepPlan {
        let reeks = |series: &Option<SeriesFigures>| match series {
            Some(s) => Reeks { totaal: toon(s.totaal), per_week: s.per_week.iter().map(|f| toon(*f)).collect() },
            None => Reeks { totaal: Aantal::Getal(0), per_week: vec![Aantal::Getal(0); self.weken] },
        };
        let veelgevraagd = |per_naam: &BTreeMap<String, (usize, Vec<u64>)>| {
            let mut lijst: Vec<Veelgevraagd> = per_naam
                .iter()
                .map(|(naam, (figuur, weken))| Veelgevraagd {
                    naam: naam.clone(),
                    totaal: toon(*figuur),
                    trend: if status[*figuur] == Status::Shown { trend(weken) } else { Trend::Verborgen },
                })
                .collect();
            lijst.sort_by(|a, b| rank(a.totaal).cmp(&rank(b.totaal)).then_with(|| a.naam.cmp(&b.naam)));
            lijst
        };
        let mut zonder_antwoord: Vec<Gat> = self
            .gaten
            .iter()
            .map(|(termen, f)| Gat { termen: termen.split_whitespace().map(str::to_owned).collect(), aantal: toon(*f) })
            .collect();
        zonder_antwoord.sort_by(|a, b| rank(a.aantal).cmp(&rank(b.aantal)).then_with(|| a.termen.cmp(&b.termen)));
        let mut woorden: Vec<Woord> =
            self.woorden.iter().map(|(term, f)| Woord { term: term.clone(), aantal: toon(*f) }).collect();
        woorden.sort_by(|a, b| rank(a.aantal).cmp(&rank(b.aantal)).then_with(|| a.term.cmp(&b.term)));
        DoelgroepPlan {
            doelgroep,
            vragen: reeks(&self.vragen),
            online: reeks(&self.online),
            balie: reeks(&self.balie),
            kanalen: Kanaal::ALLE
                .iter()
                .map(|k| KanaalTotaal {
                    kanaal: *k,
                    totaal: self.kanalen.iter().find(|(kk, _)| kk == k).map_or(Aantal::Getal(0), |(_, f)| toon(*f)),
                })
                .collect(),
            themas: veelgevraagd(&self.themas),
            paginas: veelgevraagd(&self.paginas),
            urgent: reeks(&self.urgent),
            zonder_antwoord,
            woorden_zonder_antwoord: woorden,
            sites: self.sites.iter().map(|(site, f)| SiteTotaal { site: site.clone(), totaal: toon(*f) }).collect(),
        }
    }
}

/// The figures of one plan.
#[derive(Debug, Default)]
struct ScopeFigures {
    doelgroepen: BTreeMap<Option<Doelgroep>, DoelgroepFigures>,
    /// Per page its "ja" and "nee" figures.
    feedback: BTreeMap<String, (usize, usize)>,
}

/// Every figure of every plan the counts of a period allow (each site's and the region's), so
/// that one decision covers them all: a figure hidden in one plan cannot be worked out from
/// another.
struct Model {
    figures: Figures,
    scopes: BTreeMap<Scope, ScopeFigures>,
    sites: BTreeSet<String>,
}

/// A row of `vragen` summed over its week.
type VraagAtoom = (String, Option<Doelgroep>, usize, Kanaal, String, String, bool);
/// A row of `onbeantwoord` summed over the period: site, doelgroep and terms.
type GatSleutel = (String, Option<Doelgroep>, String);

impl Model {
    fn new(rows: &Rows, weken: &[Week], van: Dag, tot: Dag) -> Model {
        let week_of = |dag: Dag| (dag >= van && dag <= tot).then(|| weken.partition_point(|w| w.maandag <= dag) - 1);
        let mut vragen: BTreeMap<VraagAtoom, u64> = BTreeMap::new();
        for (s, aantal) in &rows.vragen {
            if let Some(week) = week_of(s.dag) {
                let sleutel = (s.site.clone(), s.doelgroep, week, s.kanaal, s.thema.clone(), s.pagina.clone(), s.urgent);
                *vragen.entry(sleutel).or_default() += aantal;
            }
        }
        let mut gaten: BTreeMap<GatSleutel, u64> = BTreeMap::new();
        for (s, aantal) in &rows.onbeantwoord {
            if week_of(s.dag).is_some() {
                *gaten.entry((s.site.clone(), s.doelgroep, s.termen.clone())).or_default() += aantal;
            }
        }
        let mut feedback: BTreeMap<(String, String, bool), u64> = BTreeMap::new();
        for (s, aantal) in &rows.feedback {
            if week_of(s.dag).is_some() {
                *feedback.entry((s.site.clone(), s.pagina.clone(), s.geholpen)).or_default() += aantal;
            }
        }
        let sites: BTreeSet<String> = vragen
            .keys()
            .map(|k| k.0.clone())
            .chain(gaten.keys().map(|k| k.0.clone()))
            .chain(feedback.keys().map(|k| k.0.clone()))
            .collect();

        let mut figures = Figures::default();
        let vraag_atomen: Vec<(&VraagAtoom, u32, u64)> =
            vragen.iter().map(|(k, aantal)| (k, figures.atom(*aantal), *aantal)).collect();
        let gat_atomen: Vec<(&GatSleutel, u32)> = gaten.iter().map(|(k, aantal)| (k, figures.atom(*aantal))).collect();
        let feedback_atomen: Vec<(&(String, String, bool), u32)> =
            feedback.iter().map(|(k, aantal)| (k, figures.atom(*aantal))).collect();

        // What every reader knows: the unanswered questions are the online questions without a
        // page (when the counts agree, as they do unless the database was edited by hand).
        for site in &sites {
            for d in ASKERS {
                let gs: Vec<(u32, u64)> = gaten
                    .iter()
                    .zip(&gat_atomen)
                    .filter(|((k, _), _)| k.0 == *site && k.1 == d)
                    .map(|((_, n), (_, a))| (*a, *n))
                    .collect();
                let vs: Vec<(u32, u64)> = vraag_atomen
                    .iter()
                    .filter(|(k, _, _)| k.0 == *site && k.1 == d && k.3 == Kanaal::Online && k.5.is_empty())
                    .map(|(_, a, n)| (*a, *n))
                    .collect();
                if gs.iter().map(|(_, n)| n).sum::<u64>() == vs.iter().map(|(_, n)| n).sum::<u64>() {
                    figures.identity(gs.iter().map(|(a, _)| (*a, 1)).chain(vs.iter().map(|(a, _)| (*a, -1))).collect());
                }
            }
        }

        let mut scopes = BTreeMap::new();
        let alle_scopes = std::iter::once(Scope::Region).chain(sites.iter().cloned().map(Scope::Site));
        for scope in alle_scopes {
            let hoort_bij = |site: &str| match &scope {
                Scope::Region => true,
                Scope::Site(s) => s == site,
            };
            let mut figuren = ScopeFigures::default();
            for d in ASKERS {
                let vs: Vec<&(&VraagAtoom, u32, u64)> =
                    vraag_atomen.iter().filter(|(k, _, _)| k.1 == d && hoort_bij(&k.0)).collect();
                let gs: Vec<&(&GatSleutel, u32)> = gat_atomen.iter().filter(|(k, _)| k.1 == d && hoort_bij(&k.0)).collect();
                let mut df = DoelgroepFigures::new(weken.len());
                // Each week's table of online and desk, urgent and not: every combination of its
                // four cells is one a reader can derive from the series, so each is protected.
                let klasse = |k: &VraagAtoom| usize::from(k.3 == Kanaal::Online) * 2 + usize::from(k.6);
                let mut per_klasse = vec![[const { Vec::new() }; 4]; weken.len()];
                for (k, a, _) in &vs {
                    per_klasse[k.2][klasse(k)].push(*a);
                }
                for keuze in 1..16usize {
                    let mut periode = Vec::new();
                    for (w, klassen) in per_klasse.iter().enumerate() {
                        let atomen: Vec<u32> =
                            (0..4).filter(|c| keuze & (1 << c) != 0).flat_map(|c| klassen[c].iter().copied()).collect();
                        periode.extend(atomen.iter().copied());
                        figures.derived(atomen, Stage::Week(w));
                    }
                    figures.derived(periode, Stage::Period);
                }
                let mut series = |filter: &dyn Fn(&VraagAtoom) -> bool| {
                    let atomen: Vec<(usize, u32)> = vs.iter().filter(|(k, _, _)| filter(k)).map(|(k, a, _)| (k.2, *a)).collect();
                    let per_week = (0..weken.len())
                        .map(|w| figures.figure(atomen.iter().filter(|(ww, _)| *ww == w).map(|(_, a)| *a), Stage::Week(w)))
                        .collect();
                    SeriesFigures { totaal: figures.figure(atomen.iter().map(|(_, a)| *a), Stage::Period), per_week }
                };
                df.vragen = Some(series(&|_| true));
                df.online = Some(series(&|k| k.3 == Kanaal::Online));
                df.balie = Some(series(&|k| k.3 != Kanaal::Online));
                df.urgent = Some(series(&|k| k.6));
                for k in Kanaal::ALLE {
                    let atomen = vs.iter().filter(|(kk, _, _)| kk.3 == k).map(|(_, a, _)| *a);
                    df.kanalen.push((k, figures.figure(atomen, Stage::Period)));
                }
                let mut per_thema: BTreeMap<&str, (Vec<u32>, Vec<u64>)> = BTreeMap::new();
                let mut per_pagina: BTreeMap<&str, (Vec<u32>, Vec<u64>)> = BTreeMap::new();
                for (k, a, aantal) in &vs {
                    for (naam, doel) in [(&k.4, &mut per_thema), (&k.5, &mut per_pagina)] {
                        if !naam.is_empty() {
                            let (atomen, reeks) = doel.entry(naam.as_str()).or_insert_with(|| (Vec::new(), vec![0; weken.len()]));
                            atomen.push(*a);
                            reeks[k.2] += aantal;
                        }
                    }
                }
                for (naam, (atomen, reeks)) in per_thema {
                    df.themas.insert(naam.to_owned(), (figures.figure(atomen, Stage::Period), reeks));
                }
                for (naam, (atomen, reeks)) in per_pagina {
                    df.paginas.insert(naam.to_owned(), (figures.figure(atomen, Stage::Period), reeks));
                }
                let mut per_gat: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
                let mut per_woord: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
                for (k, a) in &gs {
                    per_gat.entry(k.2.as_str()).or_default().push(*a);
                    for term in k.2.split_whitespace() {
                        per_woord.entry(term).or_default().push(*a);
                    }
                }
                for (termen, atomen) in per_gat {
                    df.gaten.insert(termen.to_owned(), figures.figure(atomen, Stage::Period));
                }
                for (term, atomen) in per_woord {
                    df.woorden.insert(term.to_owned(), figures.figure(atomen, Stage::Period));
                }
                if scope == Scope::Region && sites.len() > 1 {
                    for site in &sites {
                        let atomen = vs.iter().filter(|(k, _, _)| k.0 == *site).map(|(_, a, _)| *a);
                        df.sites.push((site.clone(), figures.figure(atomen, Stage::Period)));
                    }
                }
                figuren.doelgroepen.insert(d, df);
            }
            let mut per_pagina: BTreeMap<&str, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
            for (k, a) in feedback_atomen.iter().filter(|(k, _)| hoort_bij(&k.0)) {
                let (ja, nee) = per_pagina.entry(k.1.as_str()).or_default();
                (if k.2 { ja } else { nee }).push(*a);
            }
            for (pagina, (ja, nee)) in per_pagina {
                let ja = figures.figure(ja, Stage::Period);
                let nee = figures.figure(nee, Stage::Period);
                figuren.feedback.insert(pagina.to_owned(), (ja, nee));
            }
            scopes.insert(scope, figuren);
        }
        Model { figures, scopes, sites }
    }
}

/// The period in words: `van 7 september 2026 tot en met 29 november 2026 (12 weken)`.
fn periode(plan: &Plan) -> String {
    let weken = match plan.weken.len() {
        1 => "1 week".to_owned(),
        n => format!("{n} weken"),
    };
    format!("van {} tot en met {} ({weken})", dutch_date(plan.periode.0), dutch_date(plan.periode.1))
}

/// What the plan is about: `CJG voorbeeldstad`, or the region of its sites.
fn onderwerp(plan: &Plan) -> String {
    match (&plan.site, plan.sites.len()) {
        (Some(site), _) => format!("site {site}"),
        (None, 0 | 1) => String::new(),
        (None, n) => format!("regio, {n} sites samen"),
    }
}

fn doelgroep_titel(doelgroep: Option<Doelgroep>) -> &'static str {
    match doelgroep {
        Some(Doelgroep::Ouders) => "Ouders",
        Some(Doelgroep::Jongeren) => "Jongeren",
        Some(Doelgroep::Professionals) => "Professionals",
        None => "Doelgroep niet gekozen",
    }
}

fn trend_woord(trend: Trend) -> &'static str {
    match trend {
        Trend::Stijgt => "stijgt",
        Trend::Daalt => "daalt",
        Trend::Gelijk => "gelijk",
        Trend::TeWeinig => "te weinig vragen",
        Trend::Verborgen => "verborgen",
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

/// The second half of the weeks against the first (a middle week of an odd number counts in
/// neither).
fn trend(weken: &[u64]) -> Trend {
    let helft = weken.len() / 2;
    if helft == 0 {
        return Trend::TeWeinig;
    }
    let eerder: u64 = weken[..helft].iter().sum();
    let later: u64 = weken[weken.len() - helft..].iter().sum();
    if eerder + later < 2 * DREMPEL {
        Trend::TeWeinig
    } else if later * 4 >= eerder * 5 {
        Trend::Stijgt
    } else if later * 5 <= eerder * 4 {
        Trend::Daalt
    } else {
        Trend::Gelijk
    }
}

fn days_later(dag: Dag, dagen: i64) -> Dag {
    dag.saturating_add(Span::new().days(dagen))
}

fn maandag(dag: Dag) -> Dag {
    days_later(dag, -i64::from(dag.weekday().to_monday_zero_offset()))
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
        let volgende = days_later(dag, 7);
        if volgende == dag {
            break;
        }
        dag = volgende;
    }
    weken
}

#[cfg(test)]
mod tests;
