//! The plan as one HTML file for editors: inline CSS and inline SVG charts, no scripts, nothing
//! loaded from elsewhere, so it opens offline and can be mailed around. Each chart is followed
//! by a table with the same figures, for screen readers and for anyone who would rather read.

use std::fmt::Write;

use super::{
    datum, doelgroep_titel, periode, termen_woord, trend_woord, Aantal, DoelgroepPlan, Plan, Reeks, Veelgevraagd,
};
use crate::balie::{kanaal_naam, thema_naam};
use crate::html::{escape, pagina};

/// How many bars a chart shows.
const STAVEN: usize = 10;
/// How many rows a table shows.
const RIJEN: usize = 20;
const BREEDTE: u32 = 640;

const CSS: &str = "
body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:52rem;margin:0 auto;padding:1rem}
h1{font-size:2rem;margin-bottom:0}
h2{font-size:1.5rem;margin-top:2.5rem;border-top:3px solid #004f9f;padding-top:.75rem}
h3{font-size:1.2rem;margin-top:2rem}
.periode{font-size:1.125rem;margin-top:.25rem}
figure{margin:1rem 0}
svg{width:100%;max-width:40rem;height:auto;display:block}
svg text{font:13px system-ui,sans-serif;fill:#1a1a1a}
.online{fill:#004f9f}
.balie{fill:#b35900}
.dringend{fill:#a4123f}
.klein{fill:#fff;stroke:#555;stroke-width:1.5;stroke-dasharray:3 2}
.as{stroke:#767676;stroke-width:1}
.legenda{display:flex;gap:1.5rem;flex-wrap:wrap;margin:.25rem 0;padding:0;list-style:none}
.legenda span{display:inline-block;width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.4rem}
.blok-online{background:#004f9f}
.blok-balie{background:#b35900}
.legenda .blok-klein{border:1.5px dashed #555;background:#fff}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:16rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #b1b4b6;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.getal,th.getal{text-align:right;font-variant-numeric:tabular-nums}
thead th{background:#f3f2f1}
.uitleg li{margin:.25rem 0}
.samenvatting{font-size:1.125rem}
@media print{h2{break-before:page}figure,table{break-inside:avoid}}
";

pub(super) fn html(plan: &Plan) -> String {
    let mut h = String::new();
    let _ = writeln!(h, "<h1>Vragenplan</h1>\n<p class=\"periode\">{}</p>", escape(&hoofdletter(&periode(plan))));
    h.push_str(
        "<section aria-labelledby=\"uitleg\">\n<h2 id=\"uitleg\">Zo leest u dit overzicht</h2>\n<ul class=\"uitleg\">\n\
         <li>We tellen elke vraag die iemand stelt in de vraagknop op de site (<strong>online</strong>). \
         En de vragen die medewerkers registreren van het loket, de telefoon, de chat en e-mail (<strong>balie</strong>).</li>\n\
         <li>We weten niet wie een vraag stelde. We bewaren geen namen, geen adressen en geen hele zinnen: \
         alleen per dag hoe vaak iets werd gevraagd.</li>\n\
         <li>Een getal onder 5 staat er als &lt;5. In een grafiek is dat een klein blokje met een stippellijn. \
         Zo is niemand te herkennen.</li>\n\
         <li>Onder elke grafiek staat een tabel met dezelfde cijfers.</li>\n\
         <li><strong>Stijgt</strong> of <strong>daalt</strong>: we vergelijken de laatste helft van de weken met de eerste helft. \
         De week van vandaag telt daarbij niet mee, want die is nog niet voorbij.</li>\n</ul>\n</section>\n",
    );
    h.push_str("<nav aria-label=\"Inhoud\">\n<h2>Inhoud</h2>\n<ul>\n");
    for d in &plan.doelgroepen {
        let _ = writeln!(h, "<li><a href=\"#{}\">{}</a></li>", d.doelgroep.naam(), doelgroep_titel(d.doelgroep));
    }
    h.push_str("<li><a href=\"#niet-geholpen\">Pagina's die niet hielpen</a></li>\n</ul>\n</nav>\n");
    for d in &plan.doelgroepen {
        doelgroep(&mut h, plan, d);
    }
    niet_geholpen(&mut h, plan);
    let _ =
        writeln!(h, "<p><small>Gemaakt met <code>cjg plan</code> op {}.</small></p>", escape(&datum(plan.periode.1)));
    pagina("Vragenplan – CJG", CSS, &h)
}

fn hoofdletter(tekst: &str) -> String {
    let mut tekens = tekst.chars();
    tekens.next().map(|eerste| eerste.to_uppercase().chain(tekens).collect()).unwrap_or_default()
}

fn doelgroep(h: &mut String, plan: &Plan, d: &DoelgroepPlan) {
    let id = d.doelgroep.naam();
    let titel = doelgroep_titel(d.doelgroep);
    let _ = writeln!(h, "<section id=\"{id}\" aria-labelledby=\"{id}-kop\">\n<h2 id=\"{id}-kop\">{titel}</h2>");
    if d.vragen.totaal.zichtbaar().is_none() {
        h.push_str("<p class=\"samenvatting\">Minder dan 5 vragen in deze periode. Dat is te weinig om iets over te laten zien.</p>\n</section>\n");
        return;
    }
    let _ = writeln!(
        h,
        "<p class=\"samenvatting\">{} vragen: {} online en {} bij de balie.</p>",
        d.vragen.totaal, d.online.totaal, d.balie.totaal
    );

    let _ = writeln!(h, "<h3>Vragen per week</h3>");
    h.push_str(
        "<ul class=\"legenda\" aria-hidden=\"true\"><li><span class=\"blok-online\"></span>Online</li>\
        <li><span class=\"blok-balie\"></span>Balie</li><li><span class=\"blok-klein\"></span>Minder dan 5</li></ul>\n",
    );
    kolommen(
        h,
        plan,
        &format!("Vragen per week van {}, online en bij de balie.", titel.to_lowercase()),
        &[("online", &d.online), ("balie", &d.balie)],
    );
    week_tabel(
        h,
        plan,
        &format!("Vragen per week, {}", titel.to_lowercase()),
        &[("Online", &d.online), ("Balie", &d.balie), ("Samen", &d.vragen)],
    );

    let _ = writeln!(h, "<h3>Meest gevraagde thema's</h3>");
    let themas: Vec<(String, Aantal)> = d.themas.iter().map(|t| (thema_naam(&t.naam), t.reeks.totaal)).collect();
    veelgevraagd(
        h,
        &themas,
        &d.themas,
        "Thema",
        &format!("Thema's waar {} het meest naar vroegen", titel.to_lowercase()),
    );

    let _ = writeln!(h, "<h3>Meest gekozen antwoorden</h3>\n<p>De pagina die iemand opende, of anders het beste antwoord op de vraag.</p>");
    let paginas: Vec<(String, Aantal)> = d.paginas.iter().map(|p| (p.naam.clone(), p.reeks.totaal)).collect();
    veelgevraagd(
        h,
        &paginas,
        &d.paginas,
        "Pagina",
        &format!("Antwoorden die het vaakst bij vragen van {} hoorden", titel.to_lowercase()),
    );

    let _ = writeln!(
        h,
        "<h3>Vragen zonder passend antwoord</h3>\n<p>Hier vond de vraagknop geen goede pagina. \
         Dit is waar u nieuwe tekst over kunt schrijven. We tonen alleen de woorden uit de vraag die in de woordenlijst van de site staan.</p>"
    );
    if d.zonder_antwoord.is_empty() {
        h.push_str("<p>Geen vragen zonder antwoord in deze periode.</p>\n");
    } else {
        let gaten: Vec<(String, Aantal)> =
            d.zonder_antwoord.iter().map(|g| (termen_woord(&g.termen), g.aantal)).collect();
        staven(h, &gaten, "dringend", "Vragen zonder passend antwoord, per groep woorden.");
        tabel(
            h,
            "Vragen zonder passend antwoord",
            &["Woorden in de vraag", "Vragen"],
            gaten.iter().take(RIJEN).map(|(woorden, n)| vec![woorden.clone(), n.to_string()]),
        );
        tabel(
            h,
            "Losse woorden in vragen zonder antwoord",
            &["Woord", "Vragen"],
            d.woorden_zonder_antwoord.iter().take(RIJEN).map(|w| vec![w.term.clone(), w.aantal.to_string()]),
        );
    }

    let _ = writeln!(h, "<h3>Dringende vragen per week</h3>\n<p>Vragen waarin de vraagknop een signaal zag dat iemand snel hulp nodig heeft.</p>");
    kolommen(h, plan, &format!("Dringende vragen per week van {}.", titel.to_lowercase()), &[("dringend", &d.urgent)]);
    week_tabel(h, plan, &format!("Dringende vragen per week, {}", titel.to_lowercase()), &[("Dringend", &d.urgent)]);

    let _ = writeln!(h, "<h3>Hoe kwamen de vragen binnen?</h3>");
    let kanalen: Vec<(String, Aantal)> =
        d.kanalen.iter().map(|k| (kanaal_naam(k.kanaal).to_owned(), k.reeks.totaal)).collect();
    staven(h, &kanalen, "balie", "Vragen per kanaal.");
    tabel(h, "Vragen per kanaal", &["Kanaal", "Vragen"], kanalen.iter().map(|(k, n)| vec![k.clone(), n.to_string()]));
    h.push_str("</section>\n");
}

fn veelgevraagd(
    h: &mut String,
    staafjes: &[(String, Aantal)],
    items: &[Veelgevraagd],
    soort: &str,
    onderschrift: &str,
) {
    if items.is_empty() {
        h.push_str("<p>Nog geen vragen.</p>\n");
        return;
    }
    staven(h, staafjes, "online", &format!("{onderschrift}."));
    let rijen = staafjes
        .iter()
        .zip(items)
        .take(RIJEN)
        .map(|((naam, n), item)| vec![naam.clone(), n.to_string(), trend_woord(item.trend).to_owned()]);
    tabel(h, onderschrift, &[soort, "Vragen", "Trend"], rijen);
}

fn niet_geholpen(h: &mut String, plan: &Plan) {
    h.push_str(
        "<section id=\"niet-geholpen\" aria-labelledby=\"niet-geholpen-kop\">\n<h2 id=\"niet-geholpen-kop\">Pagina's die niet hielpen</h2>\n\
         <p>Onder elke pagina en elk antwoord staat de vraag \"Heeft dit antwoord je geholpen?\". \
         Deze pagina's kregen het vaakst <strong>nee</strong>. Kijk of ze beter kunnen.</p>\n",
    );
    if plan.niet_geholpen.is_empty() {
        h.push_str("<p>Niemand koos nee in deze periode.</p>\n</section>\n");
        return;
    }
    let nee: Vec<(String, Aantal)> = plan.niet_geholpen.iter().map(|p| (p.pagina.clone(), p.nee)).collect();
    staven(h, &nee, "dringend", "Hoe vaak mensen nee kozen, per pagina.");
    tabel(
        h,
        "Antwoorden op \"Heeft dit antwoord je geholpen?\"",
        &["Pagina", "Nee", "Ja"],
        plan.niet_geholpen.iter().take(RIJEN).map(|p| vec![p.pagina.clone(), p.nee.to_string(), p.ja.to_string()]),
    );
    h.push_str("</section>\n");
}

/// The scale of a chart: the largest figure that may be shown, rounded up to tens so that
/// the axis's middle line is a round number too (and never one under 5).
fn schaal(waarden: impl Iterator<Item = Aantal>) -> u64 {
    let max = waarden.filter_map(Aantal::zichtbaar).max().unwrap_or(0);
    max.div_ceil(10).max(1) * 10
}

/// A horizontal bar chart of the first [`STAVEN`] items.
fn staven(h: &mut String, items: &[(String, Aantal)], klasse: &str, beschrijving: &str) {
    let items = &items[..items.len().min(STAVEN)];
    let rij = 28;
    let label_breedte = 290;
    let staaf_ruimte = BREEDTE - label_breedte - 50;
    let hoogte = rij * items.len() as u32 + 8;
    let max = schaal(items.iter().map(|(_, n)| *n));
    let _ = writeln!(
        h,
        "<figure>\n<svg viewBox=\"0 0 {BREEDTE} {hoogte}\" role=\"img\" aria-label=\"{} De cijfers staan in de tabel hieronder.\">",
        escape(beschrijving)
    );
    for (i, (naam, aantal)) in items.iter().enumerate() {
        let y = 4 + rij * i as u32;
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_breedte - 8,
            y + 18,
            escape(&kort(naam, 42))
        );
        let (breedte, klasse) = match aantal.zichtbaar() {
            Some(n) => (((n * u64::from(staaf_ruimte)) / max).max(1) as u32, klasse),
            None => (8, "klein"),
        };
        let _ = writeln!(
            h,
            "<rect class=\"{klasse}\" x=\"{label_breedte}\" y=\"{}\" width=\"{breedte}\" height=\"20\"/>",
            y + 4
        );
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label_breedte + breedte + 6,
            y + 18,
            escape(&aantal.to_string())
        );
    }
    h.push_str("</svg>\n</figure>\n");
}

/// A column chart per week, one column per series side by side.
fn kolommen(h: &mut String, plan: &Plan, beschrijving: &str, reeksen: &[(&str, &Reeks)]) {
    let (links, onder, boven) = (44u32, 36u32, 12u32);
    let plot_hoogte = 180u32;
    let hoogte = boven + plot_hoogte + onder;
    let weken = plan.weken.len().max(1) as u32;
    let vak = (BREEDTE - links - 8) / weken;
    let kolom = (vak * 4 / 5 / reeksen.len().max(1) as u32).max(2);
    let max = schaal(reeksen.iter().flat_map(|(_, r)| r.per_week.iter().copied()));
    let _ = writeln!(
        h,
        "<figure>\n<svg viewBox=\"0 0 {BREEDTE} {hoogte}\" role=\"img\" aria-label=\"{} De cijfers staan in de tabel hieronder.\">",
        escape(beschrijving)
    );
    let basis = boven + plot_hoogte;
    for (waarde, y) in [(0, basis), (max / 2, basis - plot_hoogte / 2), (max, boven)] {
        let _ = writeln!(h, "<line class=\"as\" x1=\"{links}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\"/>", BREEDTE - 8);
        let _ = writeln!(h, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{waarde}</text>", links - 6, y + 4);
    }
    for (w, week) in plan.weken.iter().enumerate() {
        let x0 = links + vak * w as u32 + vak / 10;
        for (s, (klasse, reeks)) in reeksen.iter().enumerate() {
            let x = x0 + kolom * s as u32;
            let (hoogte, klasse) = match reeks.per_week.get(w).and_then(|n| n.zichtbaar()) {
                Some(n) => (((n * u64::from(plot_hoogte)) / max).max(1) as u32, *klasse),
                None => (6, "klein"),
            };
            let _ = writeln!(
                h,
                "<rect class=\"{klasse}\" x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{hoogte}\"/>",
                basis - hoogte,
                kolom - 1
            );
        }
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x0 + vak * 2 / 5,
            basis + 16,
            week.nummer
        );
    }
    let _ = writeln!(
        h,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">week</text>",
        links + (BREEDTE - links) / 2,
        basis + 32
    );
    h.push_str("</svg>\n</figure>\n");
}

fn week_tabel(h: &mut String, plan: &Plan, onderschrift: &str, reeksen: &[(&str, &Reeks)]) {
    let mut koppen = vec!["Week"];
    koppen.extend(reeksen.iter().map(|(naam, _)| *naam));
    let rijen = plan.weken.iter().enumerate().map(|(w, week)| {
        let mut rij = vec![format!("week {} (vanaf {})", week.nummer, datum(week.maandag))];
        rij.extend(reeksen.iter().map(|(_, r)| r.per_week.get(w).copied().unwrap_or_default().to_string()));
        rij
    });
    tabel(h, onderschrift, &koppen, rijen);
}

/// A table whose first column names the row and whose other columns are figures.
fn tabel(h: &mut String, onderschrift: &str, koppen: &[&str], rijen: impl Iterator<Item = Vec<String>>) {
    let _ = writeln!(h, "<table>\n<caption>{}</caption>\n<thead><tr>", escape(onderschrift));
    for (i, kop) in koppen.iter().enumerate() {
        let _ = write!(h, "<th scope=\"col\"{}>{}</th>", if i > 0 { " class=\"getal\"" } else { "" }, escape(kop));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for rij in rijen {
        h.push_str("<tr>");
        for (i, cel) in rij.iter().enumerate() {
            if i == 0 {
                let _ = write!(h, "<th scope=\"row\">{}</th>", escape(cel));
            } else {
                let _ = write!(h, "<td class=\"getal\">{}</td>", escape(cel));
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// `tekst` cut to `max` characters with an ellipsis (the table has it whole).
fn kort(tekst: &str, max: usize) -> String {
    if tekst.chars().count() <= max {
        return tekst.to_owned();
    }
    let mut kort: String = tekst.chars().take(max - 1).collect();
    kort.push('…');
    kort
}

#[cfg(test)]
mod tests {
    use super::super::tests::voorbeeld;

    #[test]
    fn the_report_is_self_contained_and_shows_no_small_numbers() {
        let html = voorbeeld().html();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"nl\">"));
        for extern_ in ["<script", "src=", "href=\"http", "@import", "url("] {
            assert!(!html.contains(extern_), "{extern_}");
        }
        assert!(html.contains("<svg viewBox"));
        assert!(html.contains("<caption>Vragen per week, ouders</caption>"));
        assert!(
            html.contains("<th scope=\"row\">week 48 (vanaf 23 november 2026)</th><td class=\"getal\">&lt;5</td>"),
            "{html}"
        );
        assert!(html.contains("<th scope=\"row\">schuld + zakgeld</th><td class=\"getal\">7</td>"));
        assert!(html.contains("Minder dan 5 vragen in deze periode"), "onbekend has none");
        assert!(!html.contains(">3<") && !html.contains(">2<"), "small figures leak");
    }
}
