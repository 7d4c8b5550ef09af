//! The plan as plain text, for a quick look in the terminal.

use std::fmt::Write;

use super::{doelgroep_titel, onderwerp, periode, termen_woord, trend_woord, Plan, Reeks, Veelgevraagd};

/// How many themes, pages and gaps the text lists (the JSON has them all).
const TOP: usize = 10;

pub(super) fn tekst(plan: &Plan) -> String {
    let mut t = String::new();
    let over = onderwerp(plan);
    let over = if over.is_empty() { String::new() } else { format!(" ({over})") };
    let _ = writeln!(t, "Vragenplan {}{over}", periode(plan));
    let _ = writeln!(
        t,
        "Getallen van 1 tot en met 4 staan er als \"<5\", zodat niemand te herkennen is. \"x\" is verborgen, zodat niemand een \"<5\" kan uitrekenen."
    );
    if plan.afgerond {
        let _ = writeln!(t, "De andere getallen zijn afgerond op 5.");
    }
    for d in &plan.doelgroepen {
        let _ = writeln!(
            t,
            "\n== {}: {} vragen (online {}, balie {}) ==",
            doelgroep_titel(d.doelgroep),
            d.vragen.totaal,
            d.online.totaal,
            d.balie.totaal
        );
        let _ = writeln!(t, "Vragen per week: {}", per_week(plan, &d.vragen));
        if !d.sites.is_empty() {
            let sites: Vec<String> = d.sites.iter().map(|s| format!("{} {}", s.site, s.totaal)).collect();
            let _ = writeln!(t, "Per site: {}", sites.join(", "));
        }
        lijst(&mut t, "Meest gevraagde thema's", &d.themas);
        lijst(&mut t, "Meest gekozen antwoorden", &d.paginas);
        let _ = writeln!(t, "Vragen zonder passend antwoord (schrijf hierover):");
        if d.zonder_antwoord.is_empty() {
            let _ = writeln!(t, "  geen");
        }
        for gat in d.zonder_antwoord.iter().take(TOP) {
            let _ = writeln!(t, "  {:>5}  {}", gat.aantal.to_string(), termen_woord(&gat.termen));
        }
        let _ = writeln!(t, "Dringende vragen per week: {}", per_week(plan, &d.urgent));
        let kanalen: Vec<String> =
            d.kanalen.iter().map(|k| format!("{} {}", k.kanaal.label().to_lowercase(), k.totaal)).collect();
        let _ = writeln!(t, "Kanalen: {}", kanalen.join(", "));
    }
    let _ = writeln!(t, "\n== Pagina's waar mensen \"nee\" kozen bij \"Heeft dit antwoord je geholpen?\" ==");
    if plan.niet_geholpen.is_empty() {
        let _ = writeln!(t, "  geen");
    }
    for p in plan.niet_geholpen.iter().take(TOP) {
        let _ = writeln!(t, "  nee {:>5}  ja {:>5}  {}", p.nee.to_string(), p.ja.to_string(), p.pagina);
    }
    t
}

fn lijst(t: &mut String, kop: &str, items: &[Veelgevraagd]) {
    let _ = writeln!(t, "{kop}:");
    if items.is_empty() {
        let _ = writeln!(t, "  geen");
    }
    for item in items.iter().take(TOP) {
        let _ = writeln!(t, "  {:>5}  {:<40}  {}", item.totaal.to_string(), item.naam, trend_woord(item.trend));
    }
}

fn per_week(plan: &Plan, reeks: &Reeks) -> String {
    let weken: Vec<String> = plan.weken.iter().zip(&reeks.per_week).map(|(w, n)| format!("wk{} {n}", w.nummer)).collect();
    weken.join(", ")
}
