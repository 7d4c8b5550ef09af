//! The knobs of the ranking, in one place, each with its range and effect.
//!
//! The score of a page is BM25 (tantivy's, k1 = 1.2, b = 0.75) summed over the
//! question's words: per word, the best of its own form, its synonyms and its
//! spelling correction counts (see [`RankingWeights::tie_breaker`]), and within that
//! form every field the word occurs in adds its BM25 score times the field's weight.

use serde::{Deserialize, Serialize};

/// How fields and kinds of match count; [`Default`] is tuned on the example site, on the
/// development half of `tests/vragen-ontwikkeling.tsv` (see the README).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RankingWeights {
    /// A match in the page's `vragen` (question variants in the visitors' words).
    /// Range 0–10, default 3.0. The strongest sign that a page answers a question;
    /// raise it when pages with fitting `vragen` lose to pages that merely mention a word.
    pub vragen: f32,
    /// A match in the title. Range 0–10, default 2.5.
    pub title: f32,
    /// A match in the description (the one-sentence answer). Range 0–10, default 1.0.
    pub description: f32,
    /// A match in a heading. Range 0–10, default 1.2.
    pub headings: f32,
    /// A match in the body text. Range 0–10, default 1.0. Lower it when long pages
    /// that mention everything win too often.
    pub body: f32,
    /// A match in the theme name. Range 0–10, default 1.0.
    pub thema: f32,
    /// A compound part ("geld" of "zakgeld") against the whole word, when the site uses the
    /// whole word (otherwise the parts are all there is, and count fully). Range 0–1,
    /// default 0.3. At 0 compounds only match as a whole; at 1 a part counts as much
    /// as the word itself.
    pub compound_part: f32,
    /// A lemma of a word other than its surest one ("wijken" for "week", "slaan" for
    /// "geslagen"), against the surest. Range 0–1, default 0.5. At 1 every reading of an
    /// ambiguous word counts fully.
    pub other_lemma: f32,
    /// A synonym from `synoniemen.txt` against the visitor's own word. Range 0–1,
    /// default 0.8: below 1 so that a page using the visitor's own word wins a tie, not far
    /// below, since the editors chose the synonyms.
    pub synonym: f32,
    /// A spelling correction against a correctly spelt word. Range 0–1, default 0.9. Corrections
    /// go only to site words and never turn one Dutch word into another, so they are fairly sure.
    pub spelling: f32,
    /// Of the forms of one question word (own word, synonyms, correction) the best
    /// counts fully and the others with this share. Range 0–1, default 0.1. At 1 a
    /// word with many synonyms outweighs the rest of the question.
    pub tie_breaker: f32,
    /// How much it counts that a page matches all of the question, not just part of it:
    /// each score is multiplied by the share of the question's words it matches, each word
    /// weighed by its rarity on the site, to this power. Range 0–3, default 0.5. At 0 a page
    /// repeating one word of the question can beat a page about the whole question; higher
    /// favours full matches more.
    pub coverage: f32,
    /// The stage of life a question's age points to ("mijn zoon van 16" → puber), searched as
    /// a word of its own with this weight; pages need not match it. Range 0–1, default 0.3.
    pub life_stage: f32,
    /// A page about another stage of life than the question's age points to (a page for
    /// peuters, asked about a son of 16) counts this share. Range 0–1, default 0.6.
    pub other_stage: f32,
    /// When the visitor chose no doelgroep but the question's wording points to one ("mijn
    /// dochter", "ik ben 15", "als leerkracht"), pages for other doelgroepen count this share.
    /// Range 0–1, default 0.5. At 1 the wording is ignored; low values hide pages a visitor
    /// may still want.
    pub other_doelgroep: f32,
    /// Answers scoring below this share of the best answer are left out. Range 0–1,
    /// default 0.3. Higher gives fewer, surer answers.
    pub relative_cutoff: f32,
    /// Answers scoring below this are left out, so that a question matching only a
    /// common word gets the honest "no fitting answer". Range 0–∞, default 1.0; the
    /// scale depends on the size of the site.
    pub min_score: f32,
}

impl Default for RankingWeights {
    fn default() -> RankingWeights {
        RankingWeights {
            vragen: 3.0,
            title: 2.5,
            description: 1.0,
            headings: 1.2,
            body: 1.0,
            thema: 1.0,
            compound_part: 0.3,
            other_lemma: 0.5,
            synonym: 0.8,
            spelling: 0.9,
            tie_breaker: 0.1,
            coverage: 0.5,
            life_stage: 0.3,
            other_stage: 0.6,
            other_doelgroep: 0.5,
            relative_cutoff: 0.3,
            min_score: 1.0,
        }
    }
}
