//! The plan as plain text, for a quick look in the terminal.

use std::fmt::Write;

use super::{doelgroep_titel, periode, termen_woord, trend_woord, Plan, Reeks, Veelgevraagd};
use crate::balie::kanaal_naam;

/// How many themes, pages and gaps the text lists (the JSON has them all).
const TOP: usize = 10;

pub(super) fn tekst(plan: &Plan) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "Vragenplan {}", periode(plan));
    let _ = writeln!(t, "Getallen onder 5 staan er als \"<5\", zodat niemand te herkennen is.");
    for d in &plan.doelgroepen {
        let _ = writeln!(
            t,
            "\n== {}: {} vragen (online {}, balie {}) ==",
            doelgroep_titel(d.doelgroep),
            d.vragen.totaal,
            d.online.totaal,
            d.balie.totaal
        );
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
            d.kanalen.iter().map(|k| format!("{} {}", kanaal_naam(k.kanaal).to_lowercase(), k.reeks.totaal)).collect();
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
        let _ = writeln!(t, "  {:>5}  {:<40}  {}", item.reeks.totaal.to_string(), item.naam, trend_woord(item.trend));
    }
}

fn per_week(plan: &Plan, reeks: &Reeks) -> String {
    let weken: Vec<String> =
        plan.weken.iter().zip(&reeks.per_week).map(|(w, n)| format!("wk{} {n}", w.nummer)).collect();
    weken.join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::tests::voorbeeld;

    #[test]
    fn the_text_names_the_period_and_masks_small_numbers() {
        let tekst = voorbeeld().tekst();
        assert!(tekst.starts_with("Vragenplan van 7 september 2026 tot en met 25 november 2026 (12 weken)"), "{tekst}");
        assert!(tekst.contains("== Ouders: 23 vragen (online 17, balie 6) =="), "{tekst}");
        assert!(tekst.contains("schuld + zakgeld"), "{tekst}");
        assert!(tekst.contains("wk48 <5"), "{tekst}");
        assert!(!tekst.contains(" 3 ") && !tekst.contains(" 2 "), "{tekst}");
    }
}
