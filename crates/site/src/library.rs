//! All pages and sections of `content/`, linked into a tree, with their Markdown rendered.
//!
//! A folder is a section when it has an `_index.md`; every other `.md` file is a page.
//! `content/a/b.md` is published at `/a/b/`, `content/a/_index.md` at `/a/`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::{BuildErrors, FrontMatterProblem, LinkProblem, Location, SiteError};
use crate::front_matter::{self, FrontMatter};
use crate::markdown::{self, Rendered};
use crate::source::{line_of_offset, read_text};

/// Whether an entry is a section (`_index.md`) or a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A folder's `_index.md`.
    Section,
    /// Any other Markdown file.
    Page,
}

/// A page or section, loaded and rendered.
#[derive(Debug, Clone)]
pub struct Page {
    /// Section or page.
    pub kind: Kind,
    /// The path below `content/`, with `/` separators: `ouders/gedrag/pesten.md`.
    pub source: String,
    /// The address on the site: `/ouders/gedrag/pesten/`.
    pub url: String,
    /// The parsed front matter.
    pub front_matter: FrontMatter,
    /// The Markdown body as written, for checks that point at lines.
    pub markdown: String,
    /// The line of the source file on which `markdown` starts.
    pub body_line: usize,
    /// The file as named in messages: `content/ouders/gedrag/pesten.md`.
    pub shown: PathBuf,
    /// The rendered body.
    pub rendered: Rendered,
    /// The section this entry belongs to (none for the home page).
    pub parent: Option<usize>,
    /// Sections only: the pages directly inside, in display order.
    pub pages: Vec<usize>,
    /// Sections only: the sub-sections, in display order.
    pub subsections: Vec<usize>,
}

impl Page {
    /// The line of the source file on which byte `offset` of [`Page::markdown`] stands.
    pub fn line_at(&self, offset: usize) -> usize {
        self.body_line - 1 + line_of_offset(&self.markdown, offset)
    }

    /// The folder-derived theme: the slug of the section the page is in.
    pub fn thema(&self) -> Option<&str> {
        if let Some(thema) = &self.front_matter.thema {
            return Some(thema);
        }
        let folder = match self.kind {
            Kind::Section => self.source.strip_suffix("/_index.md")?,
            Kind::Page => self.source.rsplit_once('/')?.0,
        };
        folder.rsplit('/').next()
    }
}

/// Every entry of the site, with lookups by source path and URL.
#[derive(Debug, Default)]
pub struct Library {
    /// All entries; indices are stable for the life of the library.
    pub entries: Vec<Page>,
    by_source: HashMap<String, usize>,
}

struct Loaded {
    source: String,
    shown: PathBuf,
    text: String,
}

impl Library {
    /// Loads and renders every Markdown file below `content_dir`.
    ///
    /// `shown_root` is how the folder is named in messages (usually `content`).
    pub fn load(content_dir: &Path, shown_root: &Path) -> Result<Library, BuildErrors> {
        let files = find_markdown(content_dir, shown_root)?;
        let mut errors = Vec::new();
        let parsed: Vec<_> = files
            .par_iter()
            .map(|f| front_matter::split(&f.text, &f.shown).map(|s| (s.front_matter, s.body, s.body_line)))
            .collect();

        let mut library = Library::default();
        let mut by_url: HashMap<String, usize> = HashMap::new();
        for (file, result) in files.iter().zip(parsed) {
            let (front_matter, body, body_line) = match result {
                Ok(ok) => ok,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let kind = if file.source == "_index.md" || file.source.ends_with("/_index.md") { Kind::Section } else { Kind::Page };
            if let Some(weight) = front_matter.zoekgewicht.filter(|w| !(*w > 0.0 && *w <= 1.0)) {
                let problem = FrontMatterProblem::BadZoekgewicht(weight.to_string());
                errors.push(SiteError::FrontMatter { at: Location::file(&file.shown), problem });
            }
            if kind == Kind::Page && front_matter.page_template.is_some() {
                errors.push(SiteError::FrontMatter {
                    at: Location::file(&file.shown),
                    problem: FrontMatterProblem::PageTemplateInPage,
                });
            }
            let url = url_of(&file.source);
            let index = library.entries.len();
            if let Some(&first) = by_url.get(&url) {
                errors.push(SiteError::DuplicateUrl {
                    url,
                    first: library.entries[first].shown.clone(),
                    second: file.shown.clone(),
                });
                continue;
            }
            by_url.insert(url.clone(), index);
            for alias in &front_matter.aliases {
                let is_address = alias.starts_with('/') && alias.ends_with('/') && !alias.contains("..") && !alias.contains("//");
                if !is_address {
                    let problem = FrontMatterProblem::BadAlias(alias.clone());
                    errors.push(SiteError::FrontMatter { at: Location::file(&file.shown), problem });
                } else if let Some(&first) = by_url.get(alias) {
                    let first = library.entries.get(first).map_or_else(|| file.shown.clone(), |e| e.shown.clone());
                    errors.push(SiteError::DuplicateUrl { url: alias.clone(), first, second: file.shown.clone() });
                } else {
                    by_url.insert(alias.clone(), index);
                }
            }
            library.by_source.insert(file.source.clone(), index);
            library.entries.push(Page {
                kind,
                source: file.source.clone(),
                url,
                front_matter,
                markdown: body.to_string(),
                body_line,
                shown: file.shown.clone(),
                rendered: Rendered::default(),
                parent: None,
                pages: Vec::new(),
                subsections: Vec::new(),
            });
        }

        let resolve = |path: &str| library.by_source.get(path).map(|&i| library.entries[i].url.clone());
        let rendered: Vec<_> =
            library.entries.par_iter().map(|e| markdown::render(&e.markdown, e.body_line, &e.shown, &resolve)).collect();
        for (entry, result) in library.entries.iter_mut().zip(rendered) {
            match result {
                Ok(r) => entry.rendered = r,
                Err(mut e) => errors.append(&mut e),
            }
        }
        library.link_tree();
        errors.extend(library.check_anchors());
        if errors.is_empty() {
            Ok(library)
        } else {
            Err(BuildErrors(errors))
        }
    }

    /// The entry for a content path such as `ouders/_index.md`.
    pub fn get(&self, source: &str) -> Option<&Page> {
        self.by_source.get(source).map(|&i| &self.entries[i])
    }

    /// The home page (`content/_index.md`), if there is one.
    pub fn home(&self) -> Option<&Page> {
        self.get("_index.md")
    }

    /// How much an entry counts in the question box: its own `zoekgewicht`, else its
    /// section's, else 1.
    pub fn zoekgewicht(&self, entry: &Page) -> f64 {
        let section = entry.parent.map(|p| &self.entries[p]);
        entry.front_matter.zoekgewicht.or_else(|| section.and_then(|s| s.front_matter.zoekgewicht)).unwrap_or(1.0)
    }

    /// The chain of sections from the home page down to (not including) `entry`.
    pub fn ancestors(&self, entry: &Page) -> Vec<&Page> {
        let mut chain = Vec::new();
        let mut next = entry.parent;
        while let Some(i) = next {
            chain.push(&self.entries[i]);
            next = self.entries[i].parent;
        }
        chain.reverse();
        chain
    }

    /// Re-orders the sub-sections of the section at `section` by `count`, highest first; equal
    /// counts keep their front matter order.
    pub fn order_subsections_by(&mut self, section: usize, count: impl Fn(&Page) -> u64) {
        let mut subsections = std::mem::take(&mut self.entries[section].subsections);
        subsections.sort_by_key(|&i| std::cmp::Reverse(count(&self.entries[i])));
        self.entries[section].subsections = subsections;
    }

    /// Gives every entry its parent section and every section its sorted children.
    fn link_tree(&mut self) {
        for i in 0..self.entries.len() {
            let parent = self.parent_section(&self.entries[i].source);
            self.entries[i].parent = parent;
            if let Some(p) = parent {
                match self.entries[i].kind {
                    Kind::Page => self.entries[p].pages.push(i),
                    Kind::Section => self.entries[p].subsections.push(i),
                }
            }
        }
        let order: Vec<(Option<i64>, String)> =
            self.entries.iter().map(|e| (e.front_matter.weight, e.front_matter.title.to_lowercase())).collect();
        let key = |i: &usize| (order[*i].0.unwrap_or(i64::MAX), order[*i].1.clone());
        for entry in &mut self.entries {
            entry.pages.sort_by_key(key);
            entry.subsections.sort_by_key(key);
        }
    }

    /// The nearest section above a source path.
    fn parent_section(&self, source: &str) -> Option<usize> {
        let mut folder = Path::new(source).parent()?;
        if source.ends_with("_index.md") {
            folder = folder.parent()?;
        }
        loop {
            let candidate = folder.join("_index.md").to_string_lossy().replace('\\', "/");
            if let Some(&i) = self.by_source.get(&candidate) {
                return Some(i);
            }
            folder = folder.parent()?;
        }
    }

    fn check_anchors(&self) -> Vec<SiteError> {
        let anchors: Vec<HashSet<&str>> =
            self.entries.iter().map(|e| e.rendered.headings.iter().map(|h| h.id.as_str()).collect()).collect();
        let mut errors = Vec::new();
        for entry in &self.entries {
            for link in &entry.rendered.anchor_links {
                let known = self.by_source.get(&link.target).is_some_and(|&i| anchors[i].contains(link.anchor.as_str()));
                if !known {
                    errors.push(SiteError::BrokenLink {
                        at: link.at.clone(),
                        link: link.written.clone(),
                        problem: LinkProblem::NoSuchAnchor { target: link.target.clone(), anchor: link.anchor.clone() },
                    });
                }
            }
        }
        errors
    }
}

/// The URL a content path is published at.
fn url_of(source: &str) -> String {
    let without = source
        .strip_suffix("_index.md")
        .map(|s| s.trim_end_matches('/').to_string())
        .unwrap_or_else(|| source.trim_end_matches(".md").to_string());
    if without.is_empty() {
        "/".to_string()
    } else {
        format!("/{without}/")
    }
}

/// Every `.md` file below `content_dir`, sorted, read as UTF-8.
fn find_markdown(content_dir: &Path, shown_root: &Path) -> Result<Vec<Loaded>, BuildErrors> {
    let mut paths = Vec::new();
    for item in WalkDir::new(content_dir).sort_by_file_name() {
        let item = item.map_err(|e| {
            let path = e.path().unwrap_or(content_dir).to_path_buf();
            SiteError::io(path, e.into())
        })?;
        if item.file_type().is_file() && item.path().extension().is_some_and(|e| e == "md") {
            paths.push(item.into_path());
        }
    }
    let loaded: Vec<_> = paths
        .par_iter()
        .map(|path| {
            let relative = path.strip_prefix(content_dir).unwrap_or(path);
            let source = relative.to_string_lossy().replace('\\', "/");
            let shown = shown_root.join(relative);
            read_text(path, &shown).map(|text| Loaded { source, shown, text })
        })
        .collect();
    let mut files = Vec::with_capacity(loaded.len());
    let mut errors = Vec::new();
    for result in loaded {
        match result {
            Ok(file) => files.push(file),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(BuildErrors(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_pretty() {
        assert_eq!(url_of("_index.md"), "/");
        assert_eq!(url_of("ouders/_index.md"), "/ouders/");
        assert_eq!(url_of("ouders/gedrag/pesten.md"), "/ouders/gedrag/pesten/");
    }

    fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, Result<Library, BuildErrors>) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let full = dir.path().join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, text).unwrap();
        }
        let library = Library::load(dir.path(), Path::new("content"));
        (dir, library)
    }

    #[test]
    fn tree_is_linked_and_sorted() {
        let (_dir, library) = site(&[
            ("_index.md", "+++\ntitle = \"Home\"\n+++\n"),
            ("ouders/_index.md", "+++\ntitle = \"Ouders\"\n+++\n"),
            ("ouders/b.md", "+++\ntitle = \"B\"\nweight = 1\n+++\n"),
            ("ouders/a.md", "+++\ntitle = \"A\"\nweight = 2\n+++\n"),
            ("ouders/c.md", "+++\ntitle = \"C\"\n+++\n"),
        ]);
        let library = library.unwrap();
        let ouders = library.get("ouders/_index.md").unwrap();
        let titles: Vec<_> = ouders.pages.iter().map(|&i| library.entries[i].front_matter.title.as_str()).collect();
        assert_eq!(titles, ["B", "A", "C"]);
        let a = library.get("ouders/a.md").unwrap();
        let crumbs: Vec<_> = library.ancestors(a).iter().map(|p| p.url.as_str()).collect();
        assert_eq!(crumbs, ["/", "/ouders/"]);
        assert_eq!(a.thema(), Some("ouders"));
    }

    #[test]
    fn an_offset_in_the_body_is_a_line_of_the_file() {
        // The body starts on line 5, after four lines of front matter.
        let (_dir, library) = site(&[("a.md", "+++\ntitle = \"A\"\ndescription = \"B.\"\n+++\nEerst\n\nwat jij wilt")]);
        let library = library.unwrap();
        let page = library.get("a.md").unwrap();
        assert_eq!((page.line_at(0), page.line_at(page.markdown.find("jij").unwrap())), (5, 7));
    }

    #[test]
    fn duplicate_urls_name_both_files() {
        let (_dir, library) = site(&[("a/b.md", "+++\ntitle = \"B\"\n+++\n"), ("a/b/_index.md", "+++\ntitle = \"B2\"\n+++\n")]);
        let e = library.unwrap_err().to_string();
        assert!(e.contains("content/a/b.md") && e.contains("content/a/b/_index.md"), "{e}");
    }

    #[test]
    fn missing_anchor_is_reported() {
        let (_dir, library) =
            site(&[("a.md", "+++\ntitle = \"A\"\n+++\n## Hier\n"), ("b.md", "+++\ntitle = \"B\"\n+++\n[a](@/a.md#daar)\n")]);
        let e = library.unwrap_err().to_string();
        assert!(e.contains("content/b.md:4") && e.contains("daar"), "{e}");
    }
}
