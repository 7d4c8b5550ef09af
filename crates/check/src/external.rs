//! `--online`: every external link is requested once; what does not answer 2xx/3xx is reported.

use std::collections::HashMap;
use std::time::Duration;

use cjg_site::Site;

use crate::finding::{Ernst, Finding, Soort};
use crate::text::external_links;

/// One finding per place that links to a dead address.
pub fn check(site: &Site) -> Vec<Finding> {
    let agent: ureq::Agent =
        ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(15))).http_status_as_error(false).build().into();
    let mut verdicts: HashMap<String, Option<String>> = HashMap::new();
    let mut findings = Vec::new();
    for page in site.entries() {
        for link in external_links(page) {
            let verdict = verdicts.entry(link.url.clone()).or_insert_with(|| problem(&agent, &link.url)).clone();
            if let Some(reden) = verdict {
                findings.push(Finding {
                    file: page.shown.clone(),
                    line: Some(link.line),
                    ernst: Ernst::Fout,
                    soort: Soort::DodeLink { url: link.url, reden },
                });
            }
        }
    }
    findings
}

/// `None` when the address answers; otherwise why not. Some servers refuse HEAD, so GET follows.
fn problem(agent: &ureq::Agent, url: &str) -> Option<String> {
    let status = match agent.head(url).call() {
        Ok(r) if r.status().is_success() || r.status().is_redirection() => return None,
        _ => agent.get(url).call(),
    };
    match status {
        Ok(r) if r.status().is_success() || r.status().is_redirection() => None,
        Ok(r) => Some(format!("HTTP {}", r.status().as_u16())),
        Err(e) => Some(e.to_string()),
    }
}
