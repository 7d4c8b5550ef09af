//! Help-line numbers on pages against `content/hulplijnen.toml`: editors write pages like
//! "Hulp nodig?" by hand, and a wrong digit in a crisis number must not reach a visitor.
//!
//! Three things are found, line by line in the Markdown: a number of a help line written in
//! another shape than in the file (`0800 2000` for `0800-2000`: advice), a help line's name
//! right before a number that is not its own (`Veilig Thuis: 0800-0432`: error), and a `tel:`
//! link that dials another number than its text shows (error).

use std::sync::LazyLock;

use cjg_site::{tel, Hulplijn, Site};
use regex::Regex;

use crate::finding::{Ernst, Finding, Soort};

/// Dutch phone numbers: 112 and 113, and numbers that start with 0 or +31 followed by 7 to 10
/// digits, each digit optionally after one space or dash (`0800-2000`, `020-261 52 75`,
/// `+31 247 247 247`). Not after `tel:`, which [`TEL_LINK`] reads.
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\w:+])((?:\+31|0)(?:[ -]?\d){7,10}|11[23])\b").expect("valid pattern"));

/// A Markdown link to `tel:`: its text and the number it dials.
static TEL_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\(tel:([^)\s]*)\)").expect("valid pattern"));

/// What may stand between a help line's name and its number for the number to count as the
/// name's: spaces and the punctuation of `Veilig Thuis: [0800-2000]` or `Kindertelefoon (0800-0432)`.
static NEXT_TO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s:(\[*–-]*$").expect("valid pattern"));

/// The findings for every page of `site`.
pub fn check(site: &Site) -> Vec<Finding> {
    if site.hulplijnen.is_empty() {
        return Vec::new();
    }
    let lines = Lines::new(&site.hulplijnen);
    let mut findings = Vec::new();
    for page in site.entries() {
        for (index, text) in page.markdown.lines().enumerate() {
            for (ernst, soort) in lines.check_line(text) {
                let line = Some(page.body_line + index);
                findings.push(Finding { file: page.shown.clone(), line, ernst, soort });
            }
        }
    }
    findings
}

/// The help lines' numbers and the names a page may call them by.
struct Lines<'a> {
    lijnen: Vec<(&'a Hulplijn, Vec<String>)>,
}

impl<'a> Lines<'a> {
    fn new(hulplijnen: &'a [Hulplijn]) -> Self {
        Lines { lijnen: hulplijnen.iter().map(|l| (l, names(&l.naam))).collect() }
    }

    /// The line whose number dials `digits`.
    fn owner(&self, digits: &str) -> Option<&'a Hulplijn> {
        self.lijnen.iter().map(|(l, _)| *l).find(|l| l.nummers().any(|n| tel(n) == digits))
    }

    /// The help line whose name ends right before byte `at` of `text`.
    fn named_before(&self, text: &str, at: usize) -> Option<&'a Hulplijn> {
        let before = text[..at].to_lowercase();
        self.lijnen
            .iter()
            .filter_map(|(lijn, names)| {
                names.iter().filter_map(|n| before.rfind(n.as_str()).map(|i| i + n.len())).max().map(|end| (*lijn, end))
            })
            .filter(|(_, end)| NEXT_TO.is_match(&before[*end..]))
            .max_by_key(|(_, end)| *end)
            .map(|(lijn, _)| lijn)
    }

    fn check_line(&self, text: &str) -> Vec<(Ernst, Soort)> {
        let mut found = Vec::new();
        for number in NUMBER.captures_iter(text).filter_map(|c| c.get(1)) {
            let written = number.as_str();
            let digits = tel(written);
            let owner = self.owner(&digits);
            if let Some(named) = self.named_before(text, number.start()) {
                if owner.is_none_or(|o| o.id() != named.id()) {
                    found.push((Ernst::Fout, wrong(named, written)));
                    continue;
                }
            }
            if let Some(owner) = owner.filter(|o| !o.nummers().any(|n| n == written)) {
                found.push((
                    Ernst::Advies,
                    Soort::HulpnummerAnders {
                        hulplijn: owner.naam.clone(),
                        geschreven: written.to_string(),
                        zoals: shown(owner),
                    },
                ));
            }
        }
        for link in TEL_LINK.captures_iter(text) {
            let (label, target) = (&link[1], &link[2]);
            let Some(label_number) = NUMBER.captures(label).and_then(|c| c.get(1)) else { continue };
            if tel(label_number.as_str()) != tel(target) {
                if let Some(owner) = self.owner(&tel(label_number.as_str())).or_else(|| self.owner(&tel(target))) {
                    found.push((Ernst::Fout, wrong(owner, &format!("tel:{target}"))));
                }
            }
        }
        found
    }
}

fn wrong(lijn: &Hulplijn, written: &str) -> Soort {
    Soort::VerkeerdHulpnummer { hulplijn: lijn.naam.clone(), geschreven: written.to_string(), juist: shown(lijn) }
}

/// A line's numbers as the file writes them: `0800-0113 of 113`.
fn shown(lijn: &Hulplijn) -> String {
    lijn.nummers().collect::<Vec<_>>().join(" of ")
}

/// The names a page calls a line by, lower case: its `naam` without what is in brackets and
/// without "De" (`De Kindertelefoon` → `kindertelefoon`).
fn names(naam: &str) -> Vec<String> {
    let main = naam.split('(').next().unwrap_or(naam).trim().to_lowercase();
    let without_article = main.strip_prefix("de ").or_else(|| main.strip_prefix("het ")).unwrap_or(&main).to_string();
    let mut names = vec![without_article];
    if names[0] != main {
        names.push(main);
    }
    names.retain(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    names
}

#[cfg(test)]
mod tests {
    use cjg_site::parse_hulplijnen;

    use super::*;

    fn lijn(id: &str, naam: &str, nummers: &str) -> String {
        format!("[[hulplijn]]\nid = \"{id}\"\nnaam = \"{naam}\"\n{nummers}\nwebsite = \"w\"\nbereikbaar = \"b\"\ngratis = true\nanoniem = true\nvoor = \"v\"\nwaarvoor = \"w\"\nbron = \"b\"\n")
    }

    fn sample() -> Vec<Hulplijn> {
        let text = [
            lijn("veilig-thuis", "Veilig Thuis", "telefoon = \"0800-2000\""),
            lijn("kindertelefoon", "De Kindertelefoon", "telefoon = \"0800-0432\""),
            lijn("113", "113 Zelfmoordpreventie", "telefoon = \"0800-0113\"\nkort = \"113\""),
        ]
        .concat();
        parse_hulplijnen(&text, std::path::Path::new("hulplijnen.toml"), &[]).expect("valid help lines")
    }

    fn soorten(text: &str) -> Vec<Soort> {
        let sample = sample();
        Lines::new(&sample).check_line(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn right_numbers_pass() {
        assert!(soorten("Bel Veilig Thuis: [0800-2000](tel:08002000), of 113 als je aan zelfmoord denkt.").is_empty());
        assert!(soorten("Bel de Kindertelefoon: [0800-0432](tel:08000432). Of het CJG: 012-345 67 89.").is_empty());
        assert!(soorten("Bel 113 Zelfmoordpreventie: [113](tel:113) of [0800-0113](tel:08000113).").is_empty());
        assert!(soorten("Veilig Thuis, of 113 als je aan zelfdoding denkt").is_empty());
    }

    #[test]
    fn another_shape_is_advice() {
        let found = soorten("Bel Veilig Thuis: 0800 2000.");
        assert!(
            matches!(&found[..], [Soort::HulpnummerAnders { geschreven, zoals, .. }] if geschreven == "0800 2000" && zoals == "0800-2000"),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_before_another_number_is_an_error() {
        let found = soorten("Bel de Kindertelefoon: 0800-0433.");
        assert!(
            matches!(&found[..], [Soort::VerkeerdHulpnummer { hulplijn, juist, .. }] if hulplijn == "De Kindertelefoon" && juist == "0800-0432"),
            "{found:?}"
        );
        let found = soorten("Veilig Thuis (0800-0432)");
        assert!(matches!(&found[..], [Soort::VerkeerdHulpnummer { hulplijn, .. }] if hulplijn == "Veilig Thuis"), "{found:?}");
    }

    #[test]
    fn a_tel_link_to_another_number_is_an_error() {
        let found = soorten("Bel [0800-2000](tel:08002001).");
        assert!(
            matches!(&found[..], [Soort::VerkeerdHulpnummer { geschreven, .. }] if geschreven == "tel:08002001"),
            "{found:?}"
        );
    }

    #[test]
    fn names_drop_brackets_and_articles() {
        assert_eq!(names("De Kindertelefoon"), ["kindertelefoon", "de kindertelefoon"]);
        assert_eq!(names("Politie (geen spoed)"), ["politie"]);
    }
}
