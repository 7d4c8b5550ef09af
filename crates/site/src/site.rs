//! A whole site: `site.toml`, `content/`, `templates/` and `static/` below one root, and
//! the build that turns them into `public/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cjg_common::Doelgroep;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};
use walkdir::WalkDir;

use crate::assets::{self, Asset, AssetCache, AssetUrls};
use crate::config::Config;
use crate::context::{Contexts, Summary};
use crate::error::{BuildErrors, LinkProblem, Location, SiteError};
use crate::hulplijnen::{self, Hulplijn};
use crate::library::{Kind, Library, Page};
use crate::output::Staging;
use crate::service_worker::{self, SERVICE_WORKER_PATH};
use crate::templates::{self, ASSET_FOLDER};
use crate::timings::Timings;

/// Builds with more entries than this show a progress bar on a terminal.
const PROGRESS_FROM: usize = 500;
/// The template of the page at a page's old address (`aliases` in front matter).
const REDIRECT_TEMPLATE: &str = "redirect.html";

/// A loaded site, ready to build.
pub struct Site {
    /// The folder with site.toml.
    pub root: PathBuf,
    /// The parsed site.toml.
    pub config: Config,
    /// Every page and section, rendered.
    pub library: Library,
    /// The help lines of `content/hulplijnen.toml`, in file order (none without the file).
    pub hulplijnen: Vec<Hulplijn>,
    tera: Tera,
}

/// A file written at a fixed path in the output, such as `registratie/termen.txt`.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// The base variables of every template.
#[derive(Serialize)]
struct Base<'a> {
    config: &'a Config,
    assets: &'a AssetUrls,
    nav: Vec<Summary<'a>>,
    hulplijnen: &'a [Hulplijn],
}

/// One `<url>` of sitemap.xml.
#[derive(Serialize)]
struct SitemapEntry {
    permalink: String,
    updated: Option<String>,
}

impl Site {
    /// Loads `root`/site.toml, every file in `root`/content (with its help lines, `hulplijnen.toml`)
    /// and every template in `root`/templates.
    pub fn load(root: &Path) -> Result<Site, BuildErrors> {
        let config = Config::load(&root.join("site.toml")).map_err(|e| relabel(e, root))?;
        let library = Library::load(&root.join("content"), Path::new("content"));
        let hulplijnen = hulplijnen::load(&root.join("content"), Path::new("content"));
        let (library, hulplijnen) = match (library, hulplijnen) {
            (Ok(library), Ok(hulplijnen)) => (library, hulplijnen),
            (library, hulplijnen) => {
                let mut errors = library.err().map(|e| e.0).unwrap_or_default();
                errors.extend(hulplijnen.err());
                return Err(BuildErrors(errors));
            }
        };
        let mut tera = templates::load(&root.join("templates"))?;
        templates::register_url_function(&mut tera, &library);
        Ok(Site { root: root.to_path_buf(), config, library, hulplijnen, tera })
    }

    /// The `content/` folder, where editors also keep the search's plain-text rule files.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// Every page and section.
    pub fn entries(&self) -> &[Page] {
        &self.library.entries
    }

    /// Orders the themes of the top section for `doelgroep` (like `ouders/`) by how often
    /// each theme was asked about, as the home page's top 5 shows them.
    pub fn order_themes(&mut self, doelgroep: Doelgroep, asked: &HashMap<String, u64>) {
        let top_sections: Vec<usize> = match self.library.home() {
            Some(home) => home.subsections.clone(),
            None => return,
        };
        for section in top_sections {
            if self.library.entries[section].front_matter.doelgroep == [doelgroep] {
                self.library
                    .order_subsections_by(section, |theme| theme.thema().and_then(|t| asked.get(t)).copied().unwrap_or(0));
            }
        }
    }

    /// Writes the site to `output`, replacing what was there only if everything succeeds.
    ///
    /// `extra_assets` (the widget, the search index) get hashed names like the theme's CSS;
    /// `extra_files` are written at their fixed paths. `cache` keeps compressed assets between builds.
    /// The service worker (`sw.js`) comes last, with a version that follows every other file.
    pub fn build(
        &self,
        output: &Path,
        extra_assets: Vec<Asset>,
        extra_files: Vec<OutputFile>,
        cache: &AssetCache,
        timings: &mut Timings,
    ) -> Result<(), BuildErrors> {
        let staging = Staging::new(output)?;
        let mut all_assets = theme_assets(&self.root.join("templates").join(ASSET_FOLDER))?;
        all_assets.extend(extra_assets);
        timings.measure("static", || copy_static(&self.root.join("static"), &staging))?;
        for file in &extra_files {
            staging.write(&file.path, &file.bytes)?;
        }
        // Compressing the assets (the search index takes a second at 10,000 pages) and
        // rendering the pages need each other only for the URLs, so they run side by side.
        let urls = assets::urls(&all_assets);
        let (written, rendered) = timings.measure_side_by_side(
            ("assets", || assets::write(&all_assets, &staging, cache)),
            ("templates", || self.render_all(&staging, &urls)),
        );
        written?;
        rendered?;
        self.check_site_links(&staging)?;
        // Last: its version is the hash of every other file.
        let ahead = assets::ahead_urls(&all_assets, &urls);
        let worker = service_worker::script(staging.digest(), &ahead, &self.config.registratie.endpoint);
        staging.write(SERVICE_WORKER_PATH, worker.as_bytes())?;
        timings.measure("swap", || staging.commit())?;
        Ok(())
    }

    fn render_all(&self, staging: &Staging, assets: &AssetUrls) -> Result<(), BuildErrors> {
        let contexts = Contexts::new(&self.library, &self.config.base_url);
        let nav = match self.library.home() {
            Some(home) => home.subsections.iter().map(|&i| contexts.summary(&self.library.entries[i], 1)).collect(),
            None => Vec::new(),
        };
        let mut base = Context::from_serialize(Base { config: &self.config, assets, nav, hulplijnen: &self.hulplijnen })
            .map_err(|e| SiteError::Template { at: Location::file("templates"), detail: e.to_string() })?;
        let parts = templates::render_parts(&self.tera, &base)?;
        base.insert("delen", &parts);

        let progress = progress_bar(self.library.entries.len());
        let errors: Vec<SiteError> = self
            .library
            .entries
            .par_iter()
            .filter_map(|entry| {
                let result = self.render_entry(entry, &contexts, &base, staging);
                progress.inc(1);
                result.err()
            })
            .collect();
        progress.finish_and_clear();
        if !errors.is_empty() {
            return Err(BuildErrors(errors));
        }

        let mut context = base.clone();
        context.insert("current_url", "/404.html");
        staging.write("404.html", templates::render(&self.tera, "404.html", &context)?.as_bytes())?;
        self.write_sitemap_and_feed(staging, &base)?;
        let robots = format!("User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n", self.config.base_url);
        staging.write("robots.txt", robots.as_bytes())?;
        Ok(())
    }

    fn render_entry(&self, entry: &Page, contexts: &Contexts, base: &Context, staging: &Staging) -> Result<(), SiteError> {
        let mut context = base.clone();
        context.insert("current_url", &entry.url);
        context.insert("breadcrumbs", &contexts.breadcrumbs(entry));
        let variable = match entry.kind {
            Kind::Section => "section",
            Kind::Page => "page",
        };
        context.insert(variable, &contexts.full(entry));
        let template = self.template_for(entry);
        let html = templates::render(&self.tera, &template, &context)?;
        staging.write(&format!("{}index.html", entry.url), html.as_bytes())?;
        for alias in &entry.front_matter.aliases {
            let mut context = context.clone();
            context.insert("current_url", alias);
            let html = templates::render(&self.tera, REDIRECT_TEMPLATE, &context)?;
            staging.write(&format!("{alias}index.html"), html.as_bytes())?;
        }
        Ok(())
    }

    /// The template an entry is rendered with: its own choice, its section's `page_template`, or the default.
    fn template_for(&self, entry: &Page) -> String {
        if let Some(t) = &entry.front_matter.template {
            return t.clone();
        }
        match entry.kind {
            Kind::Section if entry.url == "/" => "index.html".into(),
            Kind::Section => "section.html".into(),
            Kind::Page => entry
                .parent
                .and_then(|p| self.library.entries[p].front_matter.page_template.clone())
                .unwrap_or_else(|| "page.html".into()),
        }
    }

    fn write_sitemap_and_feed(&self, staging: &Staging, base: &Context) -> Result<(), SiteError> {
        let date = |p: &Page| p.front_matter.updated_iso();
        let entries: Vec<SitemapEntry> = self
            .library
            .entries
            .iter()
            .map(|p| SitemapEntry { permalink: format!("{}{}", self.config.base_url, p.url), updated: date(p) })
            .collect();
        let mut context = base.clone();
        context.insert("entries", &entries);
        staging.write("sitemap.xml", templates::render(&self.tera, "sitemap.xml", &context)?.as_bytes())?;

        let contexts = Contexts::new(&self.library, &self.config.base_url);
        let mut dated: Vec<&Page> = self.library.entries.iter().filter(|p| p.kind == Kind::Page && date(p).is_some()).collect();
        dated.sort_by(|a, b| date(b).cmp(&date(a)).then_with(|| a.url.cmp(&b.url)));
        dated.truncate(self.config.feed_limit);
        let pages: Vec<_> = dated.iter().map(|p| contexts.full(p)).collect();
        let mut context = base.clone();
        context.insert("feed_updated", &dated.first().and_then(|p| date(p)));
        context.insert("pages", &pages);
        staging.write("atom.xml", templates::render(&self.tera, "atom.xml", &context)?.as_bytes())
    }

    /// Root-relative links written in Markdown must lead to a page, a static file or an asset.
    fn check_site_links(&self, staging: &Staging) -> Result<(), BuildErrors> {
        let errors: Vec<SiteError> = self
            .library
            .entries
            .iter()
            .flat_map(|e| &e.rendered.site_links)
            .filter(|link| {
                let p = &link.path;
                !(staging.contains(p) || staging.contains(&format!("{}/index.html", p.trim_end_matches('/'))))
            })
            .map(|link| SiteError::BrokenLink {
                at: link.at.clone(),
                link: link.path.clone(),
                problem: LinkProblem::NoSuchAddress,
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(BuildErrors(errors))
        }
    }
}

/// Messages about site.toml name it relative to the root.
fn relabel(error: SiteError, root: &Path) -> SiteError {
    match error {
        SiteError::Config { mut at, problem } => {
            at.file = at.file.strip_prefix(root).map(Path::to_path_buf).unwrap_or(at.file);
            SiteError::Config { at, problem }
        }
        other => other,
    }
}

/// The theme's own CSS and scripts from `templates/assets/`.
fn theme_assets(dir: &Path) -> Result<Vec<Asset>, SiteError> {
    let mut assets = Vec::new();
    if !dir.is_dir() {
        return Ok(assets);
    }
    for item in WalkDir::new(dir).sort_by_file_name() {
        let item = item.map_err(|e| SiteError::io(dir, e.into()))?;
        if item.file_type().is_file() {
            let name = item.path().strip_prefix(dir).unwrap_or(item.path()).to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(item.path()).map_err(|e| SiteError::io(item.path(), e))?;
            assets.push(Asset { name, bytes, precompressed: None, fetch_ahead: true, parts: Vec::new() });
        }
    }
    Ok(assets)
}

/// Copies `static/` into the output as it is.
fn copy_static(dir: &Path, staging: &Staging) -> Result<(), SiteError> {
    if !dir.is_dir() {
        return Ok(());
    }
    for item in WalkDir::new(dir) {
        let item = item.map_err(|e| SiteError::io(dir, e.into()))?;
        if item.file_type().is_file() {
            let relative = item.path().strip_prefix(dir).unwrap_or(item.path()).to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(item.path()).map_err(|e| SiteError::io(item.path(), e))?;
            staging.write(&relative, &bytes)?;
        }
    }
    Ok(())
}

fn progress_bar(len: usize) -> ProgressBar {
    if len < PROGRESS_FROM {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pagina's") {
        bar.set_style(style);
    }
    bar
}
