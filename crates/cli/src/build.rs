//! `cjg build`: the site, its search index and the widget, in one atomic step.

use std::path::Path;

use cjg_search::{build_index, Document, Rules};
use cjg_site::{Asset, AssetCache, Kind, Page, Site, Timings};

use crate::error::CliError;
use crate::widget;

/// The stable name of the search index among the site's assets (`assets['zoekindex.bin']`).
pub const INDEX_ASSET: &str = "zoekindex.bin";

/// Loads the site at `root`, indexes it, and writes it with the widget to `output`.
pub fn build(root: &Path, output: &Path, cache: &AssetCache, timings: &mut Timings) -> Result<Site, CliError> {
    let site = timings.measure("load", || Site::load(root))?;
    let rules = Rules::load(&site.content_dir())?;
    let documents: Vec<Document> = site.entries().iter().filter(|p| p.kind == Kind::Page).map(document).collect();
    let index = timings.measure("index", || build_index(&documents, &rules))?;
    let mut assets = widget::assets();
    assets.push(Asset { name: INDEX_ASSET.to_string(), bytes: index });
    site.build(output, assets, Vec::new(), cache, timings)?;
    Ok(site)
}

/// Builds the site at `root` into `output`; with `show_timings`, prints each phase's duration.
pub fn run(root: &Path, output: &Path, show_timings: bool) -> Result<(), CliError> {
    let mut timings = Timings::default();
    let output = root.join(output);
    let site = build(root, &output, &AssetCache::default(), &mut timings)?;
    eprintln!("{} pages → {}", site.entries().len(), output.display());
    if show_timings {
        for (phase, took) in timings.phases() {
            eprintln!("{phase:>10}  {:>8.1} ms", took.as_secs_f64() * 1000.0);
        }
    }
    Ok(())
}

/// What the search knows of a page.
fn document(page: &Page) -> Document {
    let fm = &page.front_matter;
    Document {
        url: page.url.clone(),
        title: fm.title.clone(),
        description: fm.description.clone().unwrap_or_default(),
        vragen: fm.vragen.clone(),
        headings: page.rendered.headings.iter().map(|h| h.text.clone()).collect(),
        body: page.rendered.text.clone(),
        doelgroepen: fm.doelgroep.iter().map(|d| d.as_str().to_string()).collect(),
        thema: page.thema().map(str::to_string),
    }
}
