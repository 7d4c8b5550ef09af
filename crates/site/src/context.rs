//! What templates see: pages, sections and their summaries as plain serialisable values.

use cjg_common::{dutch_date, Doelgroep};
use serde::Serialize;

use crate::front_matter::Aanbod;
use crate::library::{Kind, Library, Page};
use crate::markdown::Heading;

/// A link in the breadcrumb trail or a list.
#[derive(Debug, Serialize)]
pub struct Crumb<'a> {
    /// The linked entry's title.
    pub title: &'a str,
    /// Its URL.
    pub url: &'a str,
}

/// A page or section as a list item: enough to link and describe it.
#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    /// Title.
    pub title: &'a str,
    /// URL.
    pub url: &'a str,
    /// The short answer.
    pub description: Option<&'a str>,
    /// Who it is for.
    pub doelgroep: &'a [Doelgroep],
    /// Pages directly inside (sections only).
    pub pages: Vec<Summary<'a>>,
    /// Sub-sections (sections only), with their own pages and sub-sections.
    pub subsections: Vec<Summary<'a>>,
}

/// A page or section in full, as the `page` or `section` template variable.
#[derive(Debug, Serialize)]
pub struct Full<'a> {
    /// Title.
    pub title: &'a str,
    /// URL.
    pub url: &'a str,
    /// Absolute URL, with the site's base_url.
    pub permalink: String,
    /// The short answer.
    pub description: Option<&'a str>,
    /// Who it is for.
    pub doelgroep: &'a [Doelgroep],
    /// The theme (folder) it belongs to.
    pub thema: Option<&'a str>,
    /// Ways people ask this question.
    pub vragen: &'a [String],
    /// Sources.
    pub bron: &'a [String],
    /// Last checked, as `2026-11-25`.
    pub updated: Option<String>,
    /// Last checked, in Dutch words: `25 november 2026`.
    pub updated_nl: Option<String>,
    /// The rendered body.
    pub content: &'a str,
    /// The headings, for a table of contents.
    pub toc: &'a [Heading],
    /// Number of words in the body.
    pub word_count: usize,
    /// Module description of aanbod pages.
    pub aanbod: Option<&'a Aanbod>,
    /// Pages directly inside (sections only).
    pub pages: Vec<Summary<'a>>,
    /// Sub-sections (sections only).
    pub subsections: Vec<Summary<'a>>,
}

/// Builds the template values of a library's entries.
pub struct Contexts<'a> {
    library: &'a Library,
    base_url: &'a str,
}

impl<'a> Contexts<'a> {
    /// Values for `library`, with absolute URLs under `base_url`.
    pub fn new(library: &'a Library, base_url: &'a str) -> Self {
        Contexts { library, base_url }
    }

    /// The breadcrumb trail from the home page to `page`'s parent.
    pub fn breadcrumbs(&self, page: &'a Page) -> Vec<Crumb<'a>> {
        self.library.ancestors(page).into_iter().map(|p| Crumb { title: &p.front_matter.title, url: &p.url }).collect()
    }

    /// A summary of `page` including two levels of children.
    pub fn summary(&self, page: &'a Page, depth: usize) -> Summary<'a> {
        let children = |ids: &[usize]| -> Vec<Summary<'a>> {
            if depth == 0 {
                return Vec::new();
            }
            ids.iter().map(|&i| self.summary(&self.library.entries[i], depth - 1)).collect()
        };
        Summary {
            title: &page.front_matter.title,
            url: &page.url,
            description: page.front_matter.description.as_deref(),
            doelgroep: &page.front_matter.doelgroep,
            pages: children(&page.pages),
            subsections: children(&page.subsections),
        }
    }

    /// Everything about `page`.
    pub fn full(&self, page: &'a Page) -> Full<'a> {
        let fm = &page.front_matter;
        let date = fm.updated_date();
        let depth = if page.kind == Kind::Section { 3 } else { 0 };
        let summary = self.summary(page, depth);
        Full {
            title: &fm.title,
            url: &page.url,
            permalink: format!("{}{}", self.base_url, page.url),
            description: fm.description.as_deref(),
            doelgroep: &fm.doelgroep,
            thema: page.thema(),
            vragen: &fm.vragen,
            bron: &fm.bron,
            updated: fm.updated_iso(),
            updated_nl: date.map(dutch_date),
            content: &page.rendered.html,
            toc: &page.rendered.headings,
            word_count: page.rendered.text.split_whitespace().count(),
            aanbod: fm.aanbod.as_ref(),
            pages: summary.pages,
            subsections: summary.subsections,
        }
    }
}
