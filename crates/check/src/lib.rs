//! `cjg check`: what an editor can improve before publishing, beyond what the build refuses.
//!
//! [`check`] looks at a loaded [`cjg_site::Site`] and returns [`Finding`]s: advice about missing
//! short answers and question variants, a `description` of more than one sentence, language level
//! B1 (the Flesch-Douma score, [`flesch_douma`]), "u" and "je" mixed or not fitting the doelgroep, stale pages, duplicate
//! titles and questions, headings and closing paragraphs repeated on many pages, help-line numbers
//! that differ from `hulplijnen.toml`, and, with `online`, external links that do not answer.

mod aanspreekvorm;
mod description;
mod duplicates;
mod external;
mod finding;
mod hulpnummers;
mod missing;
mod readability;
mod repeated;
mod signals;
mod stale;
mod text;
mod vorm;

pub use finding::{Ernst, Finding, Soort};
pub use readability::{flesch_douma, syllables};
pub use signals::findings as signal_findings;
pub use vorm::Aanspreekvorm;

use cjg_site::Site;

/// What to check besides the always-on checks.
#[derive(Debug, Clone)]
pub struct Options {
    /// Pages whose `updated` is older than this many days get advice.
    pub max_age_days: i64,
    /// Today, as days since 1970-01-01.
    pub today: i64,
    /// Also request every external link (needs the network).
    pub online: bool,
}

/// Every finding for `site`, sorted by file and line.
pub fn check(site: &Site, options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    findings.extend(missing::check(site));
    findings.extend(description::check(site));
    findings.extend(readability::check(site));
    findings.extend(aanspreekvorm::check(site));
    findings.extend(stale::check(site, options.today, options.max_age_days));
    findings.extend(duplicates::check(site));
    findings.extend(repeated::check(site));
    findings.extend(hulpnummers::check(site));
    if options.online {
        findings.extend(external::check(site));
    }
    findings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    findings
}
