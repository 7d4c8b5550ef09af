//! `cjg ask --explain`: how the widget understood a question and why each answer scored, for
//! editors who want to see why a wrong page won and fix it in the content.

use cjg_common::Taal;
use cjg_search::{Explanation, WordExplanation};

/// How much of an answer's score the printout lists per field and term.
const MATCHES_SHOWN: usize = 8;

/// The explanation as text for editors, in Dutch or English.
pub fn render(explanation: &Explanation, taal: Taal) -> String {
    let mut out = String::new();
    out.push_str(&taal.kies("Zo is de vraag begrepen:\n", "How the question was understood:\n"));
    for word in &explanation.words {
        out.push_str(&format!("  {}\n", word_line(word, taal)));
    }
    if let Some(voice) = &explanation.voice {
        out.push_str(&taal.kies(
            format!("De vraag klinkt als van: {voice} (pagina's voor hen gaan voor)\n"),
            format!("The question sounds like it comes from: {voice} (their pages come first)\n"),
        ));
    }
    if !explanation.soorten.is_empty() {
        out.push_str(&taal.kies(
            format!("Risicosignaal: {}\n", explanation.soorten.join(", ")),
            format!("Risk signal: {}\n", explanation.soorten.join(", ")),
        ));
    }
    for (kind, line) in &explanation.rules {
        out.push_str(&taal.kies(
            format!("  regel {line} van signalen.txt ({kind})\n"),
            format!("  rule on line {line} of signalen.txt ({kind})\n"),
        ));
    }
    if let Some(model) = &explanation.model {
        let strongest: Vec<String> = model.strongest.iter().map(|(f, w)| format!("{f} {w:.2}")).collect();
        let verdict = match (&model.kind, model.urgent) {
            (Some(kind), true) => taal.kies(format!("urgent, lijkt op {kind}"), format!("urgent, most like {kind}")),
            (None, true) => taal.kies("urgent", "urgent"),
            (_, false) => taal.kies("niet urgent", "not urgent"),
        };
        out.push_str(&taal.kies(
            format!("  het model: {verdict} (kans {:.2}); sterkst: {}\n", model.probability, strongest.join(" · ")),
            format!("  the model: {verdict} (probability {:.2}); strongest: {}\n", model.probability, strongest.join(" · ")),
        ));
    }
    if explanation.answers.is_empty() {
        out.push_str(&taal.kies("Geen passend antwoord.\n", "No fitting answer.\n"));
    }
    for (i, answer) in explanation.answers.iter().enumerate() {
        out.push_str(&format!("{}. {} ({:.2})  {}\n", i + 1, answer.hit.title, answer.hit.score, answer.hit.url));
        let matches: Vec<String> = answer
            .matches
            .iter()
            .take(MATCHES_SHOWN)
            .map(|m| format!("{} {} {:.2}", field_name(m.field, taal), m.term, m.score))
            .collect();
        if !matches.is_empty() {
            out.push_str(&format!("   {} {}\n", taal.kies("scoort op:", "scores on:"), matches.join(" · ")));
        }
    }
    out
}

fn word_line(word: &WordExplanation, taal: Taal) -> String {
    if word.stop {
        return format!("{} — {}", word.typed, taal.kies("stopwoord, niet gezocht", "stop word, not searched"));
    }
    let mut facts = Vec::new();
    if let Some(correction) = &word.correction {
        facts.push(taal.kies(format!("verbeterd tot {correction}"), format!("corrected to {correction}")));
    }
    facts.push(taal.kies(format!("lemma {}", word.lemmas.join(", ")), format!("lemma {}", word.lemmas.join(", "))));
    if !word.parts.is_empty() {
        let mut parts = word.parts.join(" + ");
        if let Some(other) = &word.other_part {
            parts.push_str(
                &taal.kies(format!(" (en {other}, dat de site niet kent)"), format!(" (and {other}, unknown to the site)")),
            );
        }
        facts.push(taal.kies(format!("samenstelling van {parts}"), format!("compound of {parts}")));
    }
    if let Some(joined) = &word.joined {
        facts.push(taal.kies(format!("scheidbaar werkwoord {joined}"), format!("separable verb {joined}")));
    }
    if let Some(together) = &word.written_together {
        facts.push(taal.kies(format!("met het volgende woord: {together}"), format!("with the next word: {together}")));
    }
    if !word.synonyms.is_empty() {
        let list = word.synonyms.join(", ");
        facts.push(taal.kies(format!("ook gezocht als {list}"), format!("also searched as {list}")));
    }
    format!("{} → {}", word.typed, facts.join("; "))
}

fn field_name(field: &str, taal: Taal) -> String {
    let (nl, en) = match field {
        "vragen" => ("vragen", "vragen"),
        "title" => ("titel", "title"),
        "description" => ("korte antwoord", "description"),
        "headings" => ("kopje", "heading"),
        "body" => ("tekst", "text"),
        "thema" => ("thema", "theme"),
        other => (other, other),
    };
    taal.kies(nl, en)
}
