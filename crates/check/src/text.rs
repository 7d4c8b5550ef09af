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

fn line_of(page: &Page, offset: usize) -> usize {
    line_in(&page.markdown, page.body_line, offset)
}

/// The line of the source file at byte `offset` of `markdown`, a body that starts on `body_line`.
pub fn line_in(markdown: &str, body_line: usize, offset: usize) -> usize {
    let end = offset.min(markdown.len());
    body_line + markdown.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count()
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
                let entry = current.get_or_insert_with(|| (line_of(page, range.start), String::new()));
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

/// Splits `text` at `.`, `!`, `?` and `:` followed by a space, keeping the start line.
fn split_sentences(line: usize, text: &str, out: &mut Vec<Sentence>) {
    let mut words = Vec::new();
    for token in text.split_whitespace() {
        // Web and e-mail addresses are names, not words to read.
        let inner = token.trim_end_matches(['.', ',', '!', '?', ':', ';', ')']);
        if inner.contains(['.', '@', '/']) {
            continue;
        }
        let word: String = token.chars().filter(|c| c.is_alphanumeric() || *c == '-').collect();
        if !word.is_empty() && word.chars().any(char::is_alphabetic) {
            words.push(word);
        }
        if token.ends_with(['.', '!', '?', ':']) && !words.is_empty() {
            out.push(Sentence { line, words: std::mem::take(&mut words) });
        }
    }
    if !words.is_empty() {
        out.push(Sentence { line, words });
    }
}

/// Every `http(s)://` link of the page.
pub fn external_links(page: &Page) -> Vec<Link> {
    Parser::new_ext(&page.markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dest_url.starts_with("http://") || dest_url.starts_with("https://") =>
            {
                Some(Link { line: line_of(page, range.start), url: dest_url.to_string() })
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
