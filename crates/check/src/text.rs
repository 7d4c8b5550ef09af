//! The running text of a page as sentences with their line, and its external links.

use cjg_site::Page;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A sentence of running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// The line in the source file where it starts.
    pub line: usize,
    /// Its words, without punctuation.
    pub words: Vec<String>,
}

/// An external link.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The line in the source file.
    pub line: usize,
    /// The address.
    pub url: String,
}

/// The sentences of paragraphs, list items and table cells (not headings or code).
pub fn sentences(page: &Page) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut in_heading = false;
    let flush = |current: &mut Option<(usize, String)>, sentences: &mut Vec<Sentence>| {
        if let Some((line, text)) = current.take() {
            split_sentences(line, &text, sentences);
        }
    };
    for (event, range) in Parser::new_ext(&page.markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if !in_heading => {
                let entry = current.get_or_insert_with(|| (page.line_at(range.start), String::new()));
                entry.1.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, text)) = current.as_mut() {
                    text.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) | Event::Start(Tag::List(_)) => {
                flush(&mut current, &mut sentences)
            }
            _ => {}
        }
    }
    flush(&mut current, &mut sentences);
    sentences
}

/// Splits `text` where [`sentence_ends`] says, and after a `:`, keeping the start line.
fn split_sentences(line: usize, text: &str, out: &mut Vec<Sentence>) {
    let mut words = Vec::new();
    let mut tokens = text.split_whitespace().peekable();
    while let Some(token) = tokens.next() {
        // Web and e-mail addresses are names, not words to read.
        let inner = token.trim_end_matches(['.', ',', '!', '?', ':', ';', ')']);
        if inner.contains(['.', '@', '/']) {
            continue;
        }
        let word: String = token.chars().filter(|c| c.is_alphanumeric() || *c == '-').collect();
        if !word.is_empty() && word.chars().any(char::is_alphabetic) {
            words.push(word);
        }
        let ends = token.ends_with(':') || sentence_ends(token, tokens.peek().copied());
        if ends && !words.is_empty() {
            out.push(Sentence { line, words: std::mem::take(&mut words) });
        }
    }
    if !words.is_empty() {
        out.push(Sentence { line, words });
    }
}

/// Words that end in a full stop without ending a sentence, lower case.
const ABBREVIATIONS: &[&str] = &[
    "bijv.", "bv.", "ca.", "dhr.", "dr.", "e.d.", "enz.", "etc.", "evt.", "excl.", "incl.", "jl.", "max.", "mevr.", "min.",
    "mr.", "nr.", "ong.", "resp.", "st.", "tel.", "vs.", "zgn.",
];

/// Whether a sentence ends after `word`, with `next` (if any) the word that follows: `word` ends
/// with `.`, `!` or `?` (and maybe a closing quote or bracket), is no abbreviation, and `next`
/// starts with a capital or a digit. A full stop inside a number (`1.000`, `9.00 uur`) has no
/// space after it and ends nothing.
pub fn sentence_ends(word: &str, next: Option<&str>) -> bool {
    let bare = word.trim_end_matches([')', '"', '\'', '”', '’']);
    bare.ends_with(['.', '!', '?']) && !is_abbreviation(bare) && next.is_none_or(starts_sentence)
}

/// `bijv.` and the like from the list, and letters with full stops between them: `o.a.`, `d.w.z.`.
fn is_abbreviation(word: &str) -> bool {
    let lower = word.trim_start_matches(['(', '"', '\'', '“', '‘']).to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let parts: Vec<&str> = lower.strip_suffix('.').unwrap_or(&lower).split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

fn starts_sentence(word: &str) -> bool {
    word.trim_start_matches(['(', '"', '\'', '“', '‘', '„'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Every `http(s)://` link of the page.
pub fn external_links(page: &Page) -> Vec<Link> {
    Parser::new_ext(&page.markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dest_url.starts_with("http://") || dest_url.starts_with("https://") =>
            {
                Some(Link { line: page.line_at(range.start), url: dest_url.to_string() })
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::split_sentences;

    #[test]
    fn sentences_split_on_punctuation() {
        let mut out = Vec::new();
        split_sentences(3, "Bel de huisarts. Is het erg? Bel 112 (of de CJG-lijn)", &mut out);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].words, ["Bel", "de", "huisarts"]);
        assert_eq!(out[2].words, ["Bel", "of", "de", "CJG-lijn"]);
        assert!(out.iter().all(|s| s.line == 3));
    }
}
