//! Markdown to HTML with pulldown-cmark, plus what the rest of the build needs from it:
//! heading anchors, the plain text for search, and internal links resolved and checked.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::error::{LinkProblem, Location, SiteError};
use crate::slug::slugify;
use crate::source::line_of_offset;

/// A heading of a page, with the anchor it can be linked to.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`, and so on.
    pub level: u8,
    /// The anchor (`id`), unique within the page.
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// An `@/…#anchor` link, kept so the anchor can be checked once every page is rendered.
#[derive(Debug, Clone)]
pub struct AnchorLink {
    /// The content path the link points to.
    pub target: String,
    /// The anchor after `#`.
    pub anchor: String,
    /// Where the link is written.
    pub at: Location,
    /// The link as written.
    pub written: String,
}

/// A root-relative link (`/ouders/`), checked against the built site's URLs.
#[derive(Debug, Clone)]
pub struct SiteLink {
    /// The address without its anchor.
    pub path: String,
    /// Where the link is written.
    pub at: Location,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// The text without markup, for search and word counts.
    pub text: String,
    /// The headings in order.
    pub headings: Vec<Heading>,
    /// Internal links with an anchor, to check later.
    pub anchor_links: Vec<AnchorLink>,
    /// Root-relative links, to check later.
    pub site_links: Vec<SiteLink>,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body`, which starts on line `body_line` of `file`.
///
/// `resolve` turns a content path (`ouders/gedrag/pesten.md`) into its URL.
pub fn render(
    body: &str,
    body_line: usize,
    file: &Path,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Result<Rendered, Vec<SiteError>> {
    let at = |offset: usize| Location::line(file, body_line + line_of_offset(body, offset) - 1);
    let mut out = Rendered::default();
    let mut errors = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut used_ids = HashSet::new();
    // While inside a heading: where its start event sits in `events`, and its text so far.
    let mut heading: Option<(usize, String)> = None;
    // While inside an image: its source, its line and its alt text so far.
    let mut image: Option<(String, usize, String)> = None;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some((events.len(), String::new()));
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, text)) = heading.take() {
                    let text = text.trim().to_string();
                    if let Event::Start(Tag::Heading { id, classes, attrs, .. }) = &events[start] {
                        let id = unique_id(id.as_deref().map(str::to_string).unwrap_or_else(|| slugify(&text)), &mut used_ids);
                        events[start] = Event::Start(Tag::Heading {
                            level,
                            id: Some(CowStr::from(id.clone())),
                            classes: classes.clone(),
                            attrs: attrs.clone(),
                        });
                        out.headings.push(Heading { level: heading_number(level), id, text });
                    }
                }
                events.push(event);
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = match resolve_link(&dest_url, at(range.start), resolve, &mut out) {
                    Ok(url) => CowStr::from(url),
                    Err(e) => {
                        errors.push(e);
                        dest_url
                    }
                };
                events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                image = Some((dest_url.to_string(), range.start, String::new()));
                events.push(event);
            }
            Event::End(TagEnd::Image) => {
                if let Some((src, offset, alt)) = image.take() {
                    if alt.trim().is_empty() {
                        errors.push(SiteError::MissingAlt { at: at(offset), src });
                    }
                }
                events.push(event);
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(t);
                } else if let Some((_, _, alt)) = image.as_mut() {
                    alt.push_str(t);
                } else {
                    out.text.push_str(t);
                }
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                out.text.push(' ');
                events.push(event);
            }
            other => events.push(other),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    Ok(out)
}

fn resolve_link(
    dest: &str,
    at: Location,
    resolve: &dyn Fn(&str) -> Option<String>,
    out: &mut Rendered,
) -> Result<String, SiteError> {
    if let Some(internal) = dest.strip_prefix("@/") {
        let (path, anchor) = match internal.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (internal, None),
        };
        let url = resolve(path).ok_or_else(|| SiteError::BrokenLink {
            at: at.clone(),
            link: dest.to_string(),
            problem: LinkProblem::NoSuchFile(path.to_string()),
        })?;
        return Ok(match anchor {
            Some(anchor) => {
                out.anchor_links.push(AnchorLink {
                    target: path.to_string(),
                    anchor: anchor.to_string(),
                    at,
                    written: dest.to_string(),
                });
                format!("{url}#{anchor}")
            }
            None => url,
        });
    }
    if dest.starts_with('/') && !dest.starts_with("//") {
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        out.site_links.push(SiteLink { path: path.to_string(), at });
    }
    Ok(dest.to_string())
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "kop".to_string() } else { base };
    let mut id = base.clone();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(path: &str) -> Option<String> {
        (path == "ouders/gedrag/pesten.md").then(|| "/ouders/gedrag/pesten/".to_string())
    }

    fn ok(md: &str) -> Rendered {
        render(md, 5, Path::new("p.md"), &resolve).unwrap()
    }

    fn errors(md: &str) -> Vec<String> {
        render(md, 5, Path::new("p.md"), &resolve).unwrap_err().iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn headings_get_unique_anchors() {
        let r = ok("## Wat kunt u doen?\n\ntekst\n\n## Wat kunt u doen?\n");
        assert!(r.html.contains("<h2 id=\"wat-kunt-u-doen\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"wat-kunt-u-doen-1\">"), "{}", r.html);
        assert_eq!(r.headings[0].text, "Wat kunt u doen?");
        assert!(!r.text.contains("Wat kunt"));
    }

    #[test]
    fn internal_links_resolve() {
        let r = ok("Zie [pesten](@/ouders/gedrag/pesten.md#online-pesten).");
        assert!(r.html.contains("href=\"/ouders/gedrag/pesten/#online-pesten\""), "{}", r.html);
        assert_eq!(r.anchor_links[0].anchor, "online-pesten");
    }

    #[test]
    fn broken_link_names_line() {
        let e = errors("tekst\n\nZie [x](@/ouders/niets.md).");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("p.md:7:"), "{}", e[0]);
        assert!(e[0].contains("@/ouders/niets.md"), "{}", e[0]);
    }

    #[test]
    fn image_without_alt_is_an_error() {
        let e = errors("![](foto.jpg)");
        assert!(e[0].contains("alt"), "{}", e[0]);
        ok("![Een moeder met kind](foto.jpg)");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let r = ok("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1]\n\n[^1]: Bron.\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote"));
    }
}
