//! The TOML front matter between `+++` lines at the top of every Markdown file.

use std::path::Path;

use cjg_common::{Dag, Doelgroep};
use serde::{Deserialize, Serialize};

use crate::error::{FrontMatterProblem, Location, SiteError};
use crate::source::line_of_offset;

/// One doelgroep or a list of them, as editors may write either.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum OneOrMore {
    One(Doelgroep),
    More(Vec<Doelgroep>),
}

fn doelgroepen<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Doelgroep>, D::Error> {
    // Untagged enums hide the real problem; try each form and say what is allowed.
    let value = toml::Value::deserialize(d)?;
    OneOrMore::deserialize(value)
        .map(|v| match v {
            OneOrMore::One(one) => vec![one],
            OneOrMore::More(more) => more,
        })
        .map_err(|_| serde::de::Error::custom(format!("`doelgroep` must be {}, or a list of those", Doelgroep::choices("or"))))
}

/// What the CJG offers: the module description of an `aanbod` page.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Aanbod {
    /// For whom exactly, in words.
    pub doelgroep: String,
    /// What it achieves.
    pub doel: String,
    /// How long it takes.
    pub duur: String,
    /// Where and in what form.
    pub setting: String,
    /// How it works.
    pub werkwijze: String,
    /// How to sign up.
    pub aanmelden: String,
}

/// The front matter of a page or a section (`_index.md`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The title; the only required field.
    pub title: String,
    /// The short answer, shown in lists, search results and the widget.
    #[serde(default)]
    pub description: Option<String>,
    /// Who the page is for.
    #[serde(default, deserialize_with = "doelgroepen")]
    pub doelgroep: Vec<Doelgroep>,
    /// The theme; defaults to the folder the page is in.
    #[serde(default)]
    pub thema: Option<String>,
    /// Ways people ask the question this page answers; the search weighs them most.
    #[serde(default)]
    pub vragen: Vec<String>,
    /// Order within the section: lower comes first.
    #[serde(default)]
    pub weight: Option<i64>,
    /// The day the facts were last checked.
    #[serde(default)]
    pub updated: Option<toml::value::Datetime>,
    /// Sources of the facts, with organisation and year.
    #[serde(default)]
    pub bron: Vec<String>,
    /// Another template than the default one.
    #[serde(default)]
    pub template: Option<String>,
    /// Sections only: the template for the pages in this section.
    #[serde(default)]
    pub page_template: Option<String>,
    /// Aanbod pages only: the module description.
    #[serde(default)]
    pub aanbod: Option<Aanbod>,
    /// Old addresses of this page (`/privacie/`): each gets a page that sends visitors on.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// How much the page counts in the question box, above 0 and at most 1 (the default). In a
    /// section's `_index.md`: the default for its pages, as for brochures that repeat answer
    /// pages in one printable text.
    #[serde(default)]
    pub zoekgewicht: Option<f64>,
}

impl FrontMatter {
    /// The day of `updated`, if it has one (TOML has checked that it is a real date).
    pub fn updated_date(&self) -> Option<Dag> {
        let date = self.updated.as_ref().and_then(|d| d.date)?;
        Dag::new(i16::try_from(date.year).ok()?, i8::try_from(date.month).ok()?, i8::try_from(date.day).ok()?).ok()
    }

    /// `updated` as `2026-11-25`.
    pub fn updated_iso(&self) -> Option<String> {
        self.updated_date().map(|d| d.to_string())
    }
}

/// A Markdown file split into its front matter and its body.
#[derive(Debug)]
pub struct Split<'a> {
    /// The parsed front matter.
    pub front_matter: FrontMatter,
    /// The Markdown after the closing `+++`.
    pub body: &'a str,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

const FENCE: &str = "+++";

/// Splits `text` (the file `path`) into front matter and body, and parses the front matter.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, SiteError> {
    let error = |line: usize, problem: FrontMatterProblem| SiteError::FrontMatter { at: Location::line(path, line), problem };
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text_no_bom.strip_prefix(FENCE).and_then(|r| r.strip_prefix("\r\n").or_else(|| r.strip_prefix('\n'))) else {
        return Err(error(1, FrontMatterProblem::NoOpeningLine));
    };
    let mut offset = 0;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == FENCE {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((toml_end, body_start)) = close else {
        return Err(error(1, FrontMatterProblem::NotClosed));
    };
    let toml_text = &rest[..toml_end];
    let front_matter: FrontMatter = toml::from_str(toml_text).map_err(|e| {
        let line_in_toml = e.span().map_or(0, |s| line_of_offset(toml_text, s.start));
        let message = e.message().trim();
        // toml names unknown fields but not the field whose value has the wrong type.
        let field = toml_text
            .lines()
            .nth(line_in_toml.saturating_sub(1))
            .and_then(|l| l.split_once('='))
            .map(|(key, _)| key.trim())
            .filter(|key| !key.is_empty() && !message.contains(key));
        let problem = FrontMatterProblem::Toml { field: field.map(str::to_string), detail: message.to_string() };
        error(1 + line_in_toml.max(1), problem)
    })?;
    if front_matter.title.trim().is_empty() {
        let line = 1 + toml_text.lines().position(|l| l.trim_start().starts_with("title")).map_or(1, |i| i + 1);
        return Err(error(line, FrontMatterProblem::EmptyTitle));
    }
    Ok(Split { front_matter, body: &rest[body_start..], body_line: 1 + line_of_offset(rest, body_start) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Split<'_>, String> {
        split(text, Path::new("p.md")).map_err(|e| e.to_string())
    }

    #[test]
    fn minimal_page() {
        let s = parse("+++\ntitle = \"Koorts\"\n+++\nTekst\n").unwrap();
        assert_eq!(s.front_matter.title, "Koorts");
        assert_eq!(s.body, "Tekst\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn doelgroep_one_or_list() {
        let one = parse("+++\ntitle = \"a\"\ndoelgroep = \"ouders\"\n+++\n").unwrap();
        assert_eq!(one.front_matter.doelgroep, vec![Doelgroep::Ouders]);
        let two = parse("+++\ntitle = \"a\"\ndoelgroep = [\"ouders\", \"jongeren\"]\n+++\n").unwrap();
        assert_eq!(two.front_matter.doelgroep.len(), 2);
        let bad = parse("+++\ntitle = \"a\"\ndoelgroep = \"kinderen\"\n+++\n").unwrap_err();
        assert!(bad.starts_with("p.md:3:"), "{bad}");
        assert!(bad.contains("doelgroep"), "{bad}");
    }

    #[test]
    fn missing_title_is_named() {
        let e = parse("+++\ndescription = \"x\"\n+++\n").unwrap_err();
        assert!(e.contains("title"), "{e}");
    }

    #[test]
    fn unknown_field_names_line_and_field() {
        let e = parse("+++\ntitle = \"a\"\n\nauteur = \"b\"\n+++\n").unwrap_err();
        assert!(e.starts_with("p.md:4:"), "{e}");
        assert!(e.contains("auteur"), "{e}");
    }

    #[test]
    fn wrong_type_names_line() {
        let e = parse("+++\ntitle = \"a\"\nweight = \"tien\"\n+++\n").unwrap_err();
        assert!(e.starts_with("p.md:3:"), "{e}");
        assert!(e.contains("`weight`"), "{e}");
    }

    #[test]
    fn unterminated_and_missing_fences() {
        assert!(parse("+++\ntitle = \"a\"\nTekst\n").unwrap_err().contains("niet afgesloten"));
        assert!(parse("title = \"a\"\n").unwrap_err().contains("moet beginnen"));
    }
}
