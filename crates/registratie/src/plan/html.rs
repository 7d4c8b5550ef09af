//! The plan as one HTML file for editors: inline CSS and inline SVG charts, no scripts, nothing
//! loaded from elsewhere, so it opens offline and can be mailed around. Each chart is followed
//! by a table with the same figures, for screen readers and for anyone who would rather read.
//! The markup is the tera template `templates/plan.html`; this module works out the charts'
//! geometry and the tables' cells.

use cjg_common::dutch_date;
use serde::Serialize;
use tera::Context;

use super::{doelgroep_titel, onderwerp, periode, termen_woord, trend_woord, Aantal, DoelgroepPlan, Plan, Reeks, Veelgevraagd};
use crate::error::Error;
use crate::gebeurtenis::thema_label;
use crate::templates::render;

/// How many bars a chart shows.
const STAVEN: usize = 10;
/// How many rows a table shows.
const RIJEN: usize = 20;
const BREEDTE: u32 = 640;

#[derive(Serialize)]
struct Tabel {
    onderschrift: String,
    koppen: Vec<String>,
    rijen: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct Staaf {
    label: String,
    label_x: u32,
    tekst_y: u32,
    x: u32,
    y: u32,
    breedte: u32,
    klasse: &'static str,
    waarde: String,
    waarde_x: u32,
}

#[derive(Serialize)]
struct Staven {
    breedte: u32,
    hoogte: u32,
    beschrijving: String,
    staven: Vec<Staaf>,
}

#[derive(Serialize)]
struct Lijn {
    y: u32,
    x1: u32,
    x2: u32,
    waarde: u64,
    tekst_x: u32,
    tekst_y: u32,
}

#[derive(Serialize)]
struct Kolom {
    x: u32,
    y: u32,
    breedte: u32,
    hoogte: u32,
    klasse: &'static str,
}

#[derive(Serialize)]
struct WeekLabel {
    x: u32,
    y: u32,
    nummer: i8,
}

#[derive(Serialize)]
struct Kolommen {
    breedte: u32,
    hoogte: u32,
    beschrijving: String,
    lijnen: Vec<Lijn>,
    kolommen: Vec<Kolom>,
    weken: Vec<WeekLabel>,
    as_x: u32,
    as_y: u32,
}

/// A bar chart with the table behind it.
#[derive(Serialize)]
struct Lijst {
    staven: Staven,
    tabel: Tabel,
}

#[derive(Serialize)]
struct DoelgroepView {
    id: &'static str,
    titel: &'static str,
    te_weinig: bool,
    samenvatting: String,
    weken_grafiek: Option<Kolommen>,
    weken_tabel: Option<Tabel>,
    sites_tabel: Option<Tabel>,
    themas: Option<Lijst>,
    paginas: Option<Lijst>,
    gaten: Option<Lijst>,
    woorden_tabel: Option<Tabel>,
    urgent_grafiek: Option<Kolommen>,
    urgent_tabel: Option<Tabel>,
    kanalen_staven: Option<Staven>,
    kanalen_tabel: Option<Tabel>,
}

pub(super) fn html(plan: &Plan) -> Result<String, Error> {
    let mut context = Context::new();
    context.insert("periode", &capitalize(&periode(plan)));
    context.insert("onderwerp", &onderwerp(plan));
    context.insert("afgerond", &plan.afgerond);
    context.insert("tot", &dutch_date(plan.periode.1));
    let doelgroepen: Vec<DoelgroepView> = plan.doelgroepen.iter().map(|d| doelgroep(plan, d)).collect();
    context.insert("doelgroepen", &doelgroepen);
    let niet_geholpen = (!plan.niet_geholpen.is_empty()).then(|| {
        let nee: Vec<(String, Aantal)> = plan.niet_geholpen.iter().map(|p| (p.pagina.clone(), p.nee)).collect();
        Lijst {
            staven: staven(&nee, "dringend", "Hoe vaak mensen nee kozen, per pagina."),
            tabel: tabel(
                "Antwoorden op \"Heeft dit antwoord je geholpen?\"",
                &["Pagina", "Nee", "Ja"],
                plan.niet_geholpen.iter().take(RIJEN).map(|p| vec![p.pagina.clone(), p.nee.to_string(), p.ja.to_string()]),
            ),
        }
    });
    context.insert("niet_geholpen", &niet_geholpen);
    render("plan.html", &context)
}

fn capitalize(tekst: &str) -> String {
    let mut tekens = tekst.chars();
    tekens.next().map(|eerste| eerste.to_uppercase().chain(tekens).collect()).unwrap_or_default()
}

fn doelgroep(plan: &Plan, d: &DoelgroepPlan) -> DoelgroepView {
    let titel = doelgroep_titel(d.doelgroep);
    let klein = titel.to_lowercase();
    let mut view = DoelgroepView {
        id: crate::doelgroep::word(d.doelgroep),
        titel,
        te_weinig: d.vragen.totaal.zichtbaar().is_none_or(|n| n < Aantal::DREMPEL),
        samenvatting: format!("{} vragen: {} online en {} bij de balie.", d.vragen.totaal, d.online.totaal, d.balie.totaal),
        weken_grafiek: None,
        weken_tabel: None,
        sites_tabel: None,
        themas: None,
        paginas: None,
        gaten: None,
        woorden_tabel: None,
        urgent_grafiek: None,
        urgent_tabel: None,
        kanalen_staven: None,
        kanalen_tabel: None,
    };
    if view.te_weinig {
        return view;
    }
    view.weken_grafiek = Some(kolommen(
        plan,
        &format!("Vragen per week van {klein}, online en bij de balie."),
        &[("online", &d.online), ("balie", &d.balie)],
    ));
    view.weken_tabel = Some(week_tabel(
        plan,
        &format!("Vragen per week, {klein}"),
        &[("Online", &d.online), ("Balie", &d.balie), ("Samen", &d.vragen)],
    ));
    if !d.sites.is_empty() {
        view.sites_tabel = Some(tabel(
            &format!("Vragen per site, {klein}"),
            &["Site", "Vragen"],
            d.sites.iter().map(|s| vec![s.site.clone(), s.totaal.to_string()]),
        ));
    }
    let themas: Vec<(String, Aantal)> = d.themas.iter().map(|t| (thema_label(&t.naam), t.totaal)).collect();
    view.themas = veelgevraagd(&themas, &d.themas, "Thema", &format!("Thema's waar {klein} het meest naar vroegen"));
    let paginas: Vec<(String, Aantal)> = d.paginas.iter().map(|p| (p.naam.clone(), p.totaal)).collect();
    view.paginas =
        veelgevraagd(&paginas, &d.paginas, "Pagina", &format!("Antwoorden die het vaakst bij vragen van {klein} hoorden"));
    if !d.zonder_antwoord.is_empty() {
        let gaten: Vec<(String, Aantal)> = d.zonder_antwoord.iter().map(|g| (termen_woord(&g.termen), g.aantal)).collect();
        view.gaten = Some(Lijst {
            staven: staven(&gaten, "dringend", "Vragen zonder passend antwoord, per groep woorden."),
            tabel: tabel(
                "Vragen zonder passend antwoord",
                &["Woorden in de vraag", "Vragen"],
                gaten.iter().take(RIJEN).map(|(woorden, n)| vec![woorden.clone(), n.to_string()]),
            ),
        });
        view.woorden_tabel = Some(tabel(
            "Losse woorden in vragen zonder antwoord",
            &["Woord", "Vragen"],
            d.woorden_zonder_antwoord.iter().take(RIJEN).map(|w| vec![w.term.clone(), w.aantal.to_string()]),
        ));
    }
    view.urgent_grafiek = Some(kolommen(plan, &format!("Dringende vragen per week van {klein}."), &[("dringend", &d.urgent)]));
    view.urgent_tabel = Some(week_tabel(plan, &format!("Dringende vragen per week, {klein}"), &[("Dringend", &d.urgent)]));
    let kanalen: Vec<(String, Aantal)> = d.kanalen.iter().map(|k| (k.kanaal.label().to_owned(), k.totaal)).collect();
    view.kanalen_staven = Some(staven(&kanalen, "balie", "Vragen per kanaal."));
    view.kanalen_tabel =
        Some(tabel("Vragen per kanaal", &["Kanaal", "Vragen"], kanalen.iter().map(|(k, n)| vec![k.clone(), n.to_string()])));
    view
}

fn veelgevraagd(staafjes: &[(String, Aantal)], items: &[Veelgevraagd], soort: &str, onderschrift: &str) -> Option<Lijst> {
    if items.is_empty() {
        return None;
    }
    let rijen = staafjes
        .iter()
        .zip(items)
        .take(RIJEN)
        .map(|((naam, n), item)| vec![naam.clone(), n.to_string(), trend_woord(item.trend).to_owned()]);
    Some(Lijst {
        staven: staven(staafjes, "online", &format!("{onderschrift}.")),
        tabel: tabel(onderschrift, &[soort, "Vragen", "Trend"], rijen),
    })
}

/// The scale of a chart: the largest figure that may be shown, rounded up to tens so that
/// the axis's middle line is a round number too (and never one under 5).
fn scale(waarden: impl Iterator<Item = Aantal>) -> u64 {
    let max = waarden.filter_map(Aantal::zichtbaar).max().unwrap_or(0);
    max.div_ceil(10).max(1) * 10
}

/// A horizontal bar chart of the first [`STAVEN`] items.
fn staven(items: &[(String, Aantal)], klasse: &'static str, beschrijving: &str) -> Staven {
    let items = &items[..items.len().min(STAVEN)];
    let rij = 28;
    let label_breedte = 290;
    let staaf_ruimte = BREEDTE - label_breedte - 50;
    let max = scale(items.iter().map(|(_, n)| *n));
    let staven = items
        .iter()
        .enumerate()
        .map(|(i, (naam, aantal))| {
            let y = 4 + rij * i as u32;
            let (breedte, klasse) = match aantal.zichtbaar() {
                Some(n) => ((((n * u64::from(staaf_ruimte)) / max).max(1)) as u32, klasse),
                None => (8, "klein"),
            };
            Staaf {
                label: shorten(naam, 42),
                label_x: label_breedte - 8,
                tekst_y: y + 18,
                x: label_breedte,
                y: y + 4,
                breedte,
                klasse,
                waarde: aantal.to_string(),
                waarde_x: label_breedte + breedte + 6,
            }
        })
        .collect();
    Staven { breedte: BREEDTE, hoogte: rij * items.len() as u32 + 8, beschrijving: beschrijving.to_owned(), staven }
}

/// A column chart per week, one column per series side by side.
fn kolommen(plan: &Plan, beschrijving: &str, reeksen: &[(&'static str, &Reeks)]) -> Kolommen {
    let (links, onder, boven) = (44u32, 36u32, 12u32);
    let plot_hoogte = 180u32;
    let weken = plan.weken.len().max(1) as u32;
    let vak = (BREEDTE - links - 8) / weken;
    let kolom = (vak * 4 / 5 / reeksen.len().max(1) as u32).max(2);
    let max = scale(reeksen.iter().flat_map(|(_, r)| r.per_week.iter().copied()));
    let basis = boven + plot_hoogte;
    let lijnen = [(0, basis), (max / 2, basis - plot_hoogte / 2), (max, boven)]
        .into_iter()
        .map(|(waarde, y)| Lijn { y, x1: links, x2: BREEDTE - 8, waarde, tekst_x: links - 6, tekst_y: y + 4 })
        .collect();
    let mut kolommen = Vec::new();
    let mut labels = Vec::new();
    for (w, week) in plan.weken.iter().enumerate() {
        let x0 = links + vak * w as u32 + vak / 10;
        for (s, (klasse, reeks)) in reeksen.iter().enumerate() {
            let (hoogte, klasse) = match reeks.per_week.get(w).and_then(|n| n.zichtbaar()) {
                Some(n) => ((((n * u64::from(plot_hoogte)) / max).max(1)) as u32, *klasse),
                None => (6, "klein"),
            };
            kolommen.push(Kolom { x: x0 + kolom * s as u32, y: basis - hoogte, breedte: kolom - 1, hoogte, klasse });
        }
        labels.push(WeekLabel { x: x0 + vak * 2 / 5, y: basis + 16, nummer: week.nummer });
    }
    Kolommen {
        breedte: BREEDTE,
        hoogte: boven + plot_hoogte + onder,
        beschrijving: beschrijving.to_owned(),
        lijnen,
        kolommen,
        weken: labels,
        as_x: links + (BREEDTE - links) / 2,
        as_y: basis + 32,
    }
}

fn week_tabel(plan: &Plan, onderschrift: &str, reeksen: &[(&str, &Reeks)]) -> Tabel {
    let mut koppen = vec!["Week"];
    koppen.extend(reeksen.iter().map(|(naam, _)| *naam));
    let rijen = plan.weken.iter().enumerate().map(|(w, week)| {
        let mut rij = vec![format!("week {} (vanaf {})", week.nummer, dutch_date(week.maandag))];
        rij.extend(reeksen.iter().map(|(_, r)| r.per_week.get(w).map(Aantal::to_string).unwrap_or_default()));
        rij
    });
    tabel(onderschrift, &koppen, rijen)
}

/// A table whose first column names the row and whose other columns are figures.
fn tabel(onderschrift: &str, koppen: &[&str], rijen: impl Iterator<Item = Vec<String>>) -> Tabel {
    Tabel {
        onderschrift: onderschrift.to_owned(),
        koppen: koppen.iter().map(|k| (*k).to_owned()).collect(),
        rijen: rijen.collect(),
    }
}

/// `tekst` cut to `max` characters with an ellipsis (the table has it whole).
fn shorten(tekst: &str, max: usize) -> String {
    if tekst.chars().count() <= max {
        return tekst.to_owned();
    }
    let mut kort: String = tekst.chars().take(max - 1).collect();
    kort.push('…');
    kort
}
