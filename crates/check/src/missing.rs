//! Pages without the short answer or the question variants that lists and search rely on.

use cjg_site::{Kind, Site};

use crate::finding::{Finding, Soort};

/// Advice for pages without `description` or `vragen`.
pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    for page in site.entries().iter().filter(|p| p.kind == Kind::Page) {
        let fm = &page.front_matter;
        if fm.description.as_deref().is_none_or(|d| d.trim().is_empty()) {
            findings.push(Finding::advies(&page.shown, Some(1), Soort::GeenDescription));
        }
        if fm.vragen.iter().all(|v| v.trim().is_empty()) {
            findings.push(Finding::advies(&page.shown, Some(1), Soort::GeenVragen));
        }
    }
    findings
}
