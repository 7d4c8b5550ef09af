//! `cjg build`: the site, its search index and the widget, in one atomic step.

use std::path::Path;

use cjg_registratie::{Vocabulaire, VOCABULAIRE_PATH};
use cjg_search::{build_index, Document, Rules};
use cjg_site::{Asset, AssetCache, Kind, OutputFile, Page, Site, Timings};

use crate::counts;
use crate::error::CliError;
use crate::widget;

/// The stable name of the search index among the site's assets (`assets['zoekindex.bin']`).
pub const INDEX_ASSET: &str = "zoekindex.bin";

/// Loads the site at `root`, indexes it, and writes it with the widget to `output`.
///
/// `counts` (or else site.toml's `[registratie] tellingen`) is a `cjg plan --json` export that
/// orders the home page's themes by what was asked most.
pub fn build(
    root: &Path,
    output: &Path,
    counts: Option<&Path>,
    cache: &AssetCache,
    timings: &mut Timings,
) -> Result<Site, CliError> {
    let mut site = timings.measure("load", || Site::load(root))?;
    let counts = counts.map(Path::to_path_buf).or_else(|| site.config.registratie.tellingen.as_ref().map(|f| root.join(f)));
    if let Some(file) = counts {
        let ordered = counts::apply(&mut site, &file)?;
        if ordered.is_empty() {
            eprintln!(
                "{}: fewer than {} questions per doelgroep; the themes keep their front matter order",
                file.display(),
                counts::MIN_QUESTIONS
            );
        }
    }
    let rules = Rules::load(&site.content_dir())?;
    let documents = documents(&site);
    let index = timings.measure("index", || build_index(&documents, &rules))?;
    let vocabulaire = vocabulaire(index.registration_terms, &documents);
    let mut assets = widget::assets()?;
    assets.push(Asset {
        name: INDEX_ASSET.to_string(),
        bytes: index.bytes,
        precompressed: None,
        fetch_ahead: true,
        parts: index.parts,
    });
    site.build(output, assets, vec![vocabulaire], cache, timings)?;
    Ok(site)
}

/// The registration vocabulary, where the collector (`cjg collect --site`) finds it: the only
/// words, pages and themes a question may be counted with, and each page's theme as the site
/// decided it ([`Page::thema`], which [`document`] gives the search too).
fn vocabulaire(termen: Vec<String>, documents: &[Document]) -> OutputFile {
    let paginas = documents.iter().map(|d| (d.url.clone(), d.thema.clone()));
    let bytes = Vocabulaire::new(termen, paginas).to_json().into_bytes();
    OutputFile { path: VOCABULAIRE_PATH.to_string(), bytes }
}

/// Builds the site at `root` into `output`; with `show_timings`, prints each phase's duration.
pub fn run(root: &Path, output: &Path, counts: Option<&Path>, show_timings: bool) -> Result<(), CliError> {
    let mut timings = Timings::default();
    let output = root.join(output);
    let site = build(root, &output, counts, &AssetCache::default(), &mut timings)?;
    eprintln!("{} pages → {}", site.entries().len(), output.display());
    if show_timings {
        for (phase, took) in timings.phases() {
            eprintln!("{phase:>10}  {:>8.1} ms", took.as_secs_f64() * 1000.0);
        }
    }
    Ok(())
}

/// What the search knows of every page of a site.
pub fn documents(site: &Site) -> Vec<Document> {
    site.entries().iter().filter(|p| p.kind == Kind::Page).map(|p| document(p, site.library.zoekgewicht(p))).collect()
}

/// What the search knows of a page that counts `weight` in the question box.
fn document(page: &Page, weight: f64) -> Document {
    let fm = &page.front_matter;
    Document {
        url: page.url.clone(),
        title: fm.title.clone(),
        description: fm.description.clone().unwrap_or_default(),
        vragen: fm.vragen.clone(),
        headings: page.rendered.headings.iter().map(|h| h.text.clone()).collect(),
        body: page.rendered.text.clone(),
        doelgroepen: fm.doelgroep.clone(),
        thema: page.thema().map(str::to_string),
        weight,
    }
}
