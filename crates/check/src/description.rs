//! A `description` is the short answer that lists, search results and the question box show
//! next to the title: one sentence, so that it reads at a glance.

use cjg_site::{Kind, Page, Site};

use crate::finding::{Finding, Soort};
use crate::text::sentence_ends;

/// Advice for pages whose `description` has more than one sentence, on the `description` line.
pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    for page in site.entries().iter().filter(|p| p.kind == Kind::Page) {
        let Some(description) = page.front_matter.description.as_deref() else { continue };
        let zinnen = sentence_count(description);
        if zinnen > 1 {
            findings.push(Finding::advies(&page.shown, Some(description_line(site, page)), Soort::LangeDescription { zinnen }));
        }
    }
    findings
}

/// The line of `description` in the page's file; 1 if the file cannot be read again.
fn description_line(site: &Site, page: &Page) -> usize {
    std::fs::read_to_string(site.content_dir().join(&page.source))
        .ok()
        .and_then(|text| field_line(&text, "description"))
        .unwrap_or(1)
}

/// The line on which the front matter of `text` sets the top-level key `field`.
fn field_line(text: &str, field: &str) -> Option<usize> {
    for (index, line) in text.lines().enumerate().skip(1) {
        let line = line.trim();
        // The closing fence, or a table like `[aanbod]` whose keys are not top-level.
        if line == "+++" || line.starts_with('[') {
            return None;
        }
        if line.strip_prefix(field).is_some_and(|rest| rest.trim_start().starts_with('=')) {
            return Some(index + 1);
        }
    }
    None
}

/// The number of sentences of `text`, where [`sentence_ends`] says.
pub fn sentence_count(text: &str) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return 0;
    }
    let ends = words.windows(2).filter(|pair| sentence_ends(pair[0], Some(pair[1]))).count();
    1 + ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sentence() {
        assert_eq!(sentence_count("Driftbuien zijn normaal bij peuters: blijf rustig en troost uw kind."), 1);
        assert_eq!(sentence_count("Wat doet het CJG?"), 1);
        assert_eq!(sentence_count(""), 0);
    }

    #[test]
    fn more_sentences() {
        assert_eq!(sentence_count("Driftbuien horen bij peuters. Blijf rustig en help uw kind."), 2);
        assert_eq!(sentence_count("Is het ernstig? Bel de huisarts! Of 112."), 3);
        assert_eq!(sentence_count("Bel ons. 3 keer per week is er een spreekuur."), 2);
        assert_eq!(sentence_count("Zeg \"stop.\" Dan weet je kind waar de grens is."), 2);
    }

    #[test]
    fn abbreviations_and_numbers_end_nothing() {
        assert_eq!(sentence_count("Hulp bij o.a. pesten, d.w.z. Online en op school."), 1);
        assert_eq!(sentence_count("Er zijn bijv. Cursussen en ca. 1.000 ouders doen mee."), 1);
        assert_eq!(sentence_count("Het spreekuur begint om 9.00 uur en kost € 1.000 per jaar."), 1);
        assert_eq!(sentence_count("Bel vóór 9.00 uur. Daarna is het druk."), 2);
        assert_eq!(sentence_count("Vragen over geld, school enz. Kunnen hier ook."), 1);
    }

    #[test]
    fn a_lower_case_word_after_a_full_stop_goes_on() {
        assert_eq!(sentence_count("Kijk op www.cjg.nl. of bel ons."), 1);
    }

    #[test]
    fn the_line_of_a_top_level_key() {
        let text = "+++\ntitle = \"a\"\ndescription   = \"b\"\n[aanbod]\ndescription = \"c\"\n+++\n";
        assert_eq!(field_line(text, "description"), Some(3));
        assert_eq!(field_line("+++\ntitle = \"a\"\n+++\ndescription = \"b\"\n", "description"), None);
        assert_eq!(field_line("+++\ndescriptions = 1\n+++\n", "description"), None);
    }
}
