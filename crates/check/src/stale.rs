//! Pages whose facts were last checked long ago.

use cjg_common::{days_between, Dag};
use cjg_site::{Kind, Site};

use crate::finding::{Finding, Soort};

/// Advice for pages whose `updated` is more than `max_age_days` before `today`, or missing.
pub fn check(site: &Site, today: Dag, max_age_days: i64) -> Vec<Finding> {
    let mut findings = Vec::new();
    for page in site.entries().iter().filter(|p| p.kind == Kind::Page) {
        let date = page.front_matter.updated_date();
        let soort = match date {
            None => Soort::Verouderd { bijgewerkt: None, dagen: None },
            Some(d) => {
                let age = days_between(d, today);
                if age <= max_age_days {
                    continue;
                }
                Soort::Verouderd { bijgewerkt: page.front_matter.updated_iso(), dagen: Some(age) }
            }
        };
        findings.push(Finding::advies(&page.shown, Some(1), soort));
    }
    findings
}
