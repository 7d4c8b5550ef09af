//! Two pages with the same title or the same question variant confuse readers and the search.

use std::collections::HashMap;
use std::path::PathBuf;

use cjg_site::{Kind, Site};

use crate::finding::{Finding, Soort};

/// Advice on the second and later pages that repeat a title or question.
pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut titles: HashMap<String, PathBuf> = HashMap::new();
    let mut questions: HashMap<String, PathBuf> = HashMap::new();
    for page in site.entries().iter().filter(|p| p.kind == Kind::Page) {
        let fm = &page.front_matter;
        match titles.get(&normal(&fm.title)) {
            Some(first) => findings.push(Finding::advies(&page.shown, Some(2), Soort::ZelfdeTitel { ander: first.clone() })),
            None => {
                titles.insert(normal(&fm.title), page.shown.clone());
            }
        }
        for vraag in fm.vragen.iter().filter(|v| !v.trim().is_empty()) {
            match questions.get(&normal(vraag)) {
                Some(first) if first != &page.shown => findings.push(Finding::advies(
                    &page.shown,
                    None,
                    Soort::ZelfdeVraag { vraag: vraag.clone(), ander: first.clone() },
                )),
                Some(_) => {}
                None => {
                    questions.insert(normal(vraag), page.shown.clone());
                }
            }
        }
    }
    findings
}

/// Lower case, letters and digits only, single spaces.
fn normal(text: &str) -> String {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}
