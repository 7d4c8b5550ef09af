//! Headings and closing paragraphs copied onto many pages. A closing section should fit its
//! page; one template text ("Meer weten?", the same last paragraph) repeated everywhere tells the
//! reader nothing new and makes pages look alike in search results.

use std::collections::HashMap;
use std::path::Path;

use cjg_site::{Kind, Site};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::finding::{Finding, Soort};

/// A heading on more pages than this gets advice.
const MAX_HEADING_PAGES: usize = 5;
/// A closing paragraph on more pages than this gets advice.
const MAX_CLOSING_PAGES: usize = 3;
/// Words of a closing paragraph shown in the advice.
const BEGIN_WORDS: usize = 8;

/// Text of a page that may repeat on others: as written, and as compared.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    /// As the page writes it.
    text: String,
    /// What is compared across pages.
    key: String,
    /// The byte offset in the Markdown.
    offset: usize,
}

/// Advice on every page but the first that shares a heading or closing paragraph with too many.
pub fn check(site: &Site) -> Vec<Finding> {
    let pages: Vec<_> = site.entries().iter().filter(|p| p.kind == Kind::Page).collect();
    let mut headings = Vec::new();
    let mut closings = Vec::new();
    for page in &pages {
        let (page_headings, closing) = parts(&page.markdown);
        let at = |part: Part| (page.shown.as_path(), page.line_at(part.offset), part);
        headings.extend(page_headings.into_iter().map(at));
        closings.extend(closing.map(at));
    }
    let mut findings = shared(&headings, MAX_HEADING_PAGES, |part, paginas| Soort::ZelfdeKop { kop: part.text.clone(), paginas });
    findings.extend(shared(&closings, MAX_CLOSING_PAGES, |part, paginas| {
        let begin = part.text.split_whitespace().take(BEGIN_WORDS).collect::<Vec<_>>().join(" ");
        Soort::ZelfdeSlotalinea { begin, paginas }
    }));
    findings
}

/// Advice for the parts (file, line, part) whose key more than `max_pages` files share, except
/// in the first of those files; a file that repeats a key itself counts once, at its first use.
fn shared(parts: &[(&Path, usize, Part)], max_pages: usize, soort: impl Fn(&Part, usize) -> Soort) -> Vec<Finding> {
    let mut files: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, (file, _, part)) in parts.iter().enumerate() {
        let uses = files.entry(part.key.as_str()).or_default();
        if uses.iter().all(|&other| parts[other].0 != *file) {
            uses.push(index);
        }
    }
    let mut findings = Vec::new();
    for uses in files.values().filter(|uses| uses.len() > max_pages) {
        for &index in &uses[1..] {
            let (file, line, part) = &parts[index];
            findings.push(Finding::advies(file, Some(*line), soort(part, uses.len())));
        }
    }
    findings
}

/// The headings of `markdown` and its last paragraph outside lists, quotes and tables.
fn parts(markdown: &str) -> (Vec<Part>, Option<Part>) {
    let mut headings = Vec::new();
    let mut closing = None;
    let mut heading: Option<(usize, String)> = None;
    let mut nested = 0usize;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some((range.start, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = heading.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((offset, text)) = heading.take() {
                    let text = text.trim().to_string();
                    let key = normal(&text).to_lowercase();
                    headings.push(Part { text, key, offset });
                }
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_)) => nested += 1,
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::Table | TagEnd::FootnoteDefinition) => {
                nested = nested.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph) if nested == 0 => {
                let text = normal(&markdown[range.clone()]);
                closing = Some(Part { key: text.clone(), text, offset: range.start });
            }
            _ => {}
        }
    }
    (headings, closing)
}

/// `text` with its whitespace made single spaces.
fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_the_last_paragraph() {
        let markdown = "Intro.\n\n## Meer  weten?\n\nBel   het CJG\nop 012.\n\n- een lijst\n\n> een citaat\n";
        let (headings, closing) = parts(markdown);
        assert_eq!(headings.len(), 1);
        assert_eq!((headings[0].text.as_str(), headings[0].key.as_str(), headings[0].offset), ("Meer  weten?", "meer weten?", 8));
        let closing = closing.expect("a paragraph");
        assert_eq!((closing.text.as_str(), closing.offset), ("Bel het CJG op 012.", 25));
    }

    fn part(key: &str) -> Part {
        Part { text: key.to_string(), key: key.to_lowercase(), offset: 0 }
    }

    #[test]
    fn only_more_than_the_maximum_is_advice_and_not_on_the_first_page() {
        let files: Vec<String> = (0..5).map(|i| format!("p{i}.md")).collect();
        let mut parts: Vec<(&Path, usize, Part)> =
            files.iter().map(|f| (Path::new(f.as_str()), 7, part("Meer weten?"))).collect();
        // The same file twice counts once.
        parts.push((Path::new("p4.md"), 9, part("meer weten?")));
        let soort = |part: &Part, paginas| Soort::ZelfdeKop { kop: part.text.clone(), paginas };
        assert!(shared(&parts, 5, soort).is_empty());
        assert_eq!(shared(&parts, 4, soort).len(), 4);
        let findings = shared(&parts, 3, soort);
        assert!(findings.iter().all(|f| f.file != Path::new("p0.md") && f.line == Some(7)), "{findings:?}");
        assert_eq!(findings[0].soort, Soort::ZelfdeKop { kop: "Meer weten?".into(), paginas: 5 });
    }
}
