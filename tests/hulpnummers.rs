//! Every phone number the built example site shows or dials is a number of
//! `content/hulplijnen.toml` or the CJG's own (`site.toml`): a number typed into a template or a
//! page that is not in the data file fails here, so a wrong crisis number cannot slip through.

use std::collections::BTreeSet;

use cjg_tests::{example_root, BuiltSite};
use regex::Regex;

/// Dutch number shapes: 112 and 113; 0800- and 0900-numbers; 0 plus 9 digits with the usual
/// spaces or dashes (088-0767000, 020-261 52 75); +31 plus 9 digits (+31 247 247 247).
const SHAPES: &str = r"(?:^|[^\w+])((?:\+31|0)(?:[ -]?\d){7,10}|11[23])\b";

/// Digits only: how numbers are compared, written or in a `tel:` link.
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// The numbers of hulplijnen.toml (`telefoon`, `kort`, and those written in `bereikbaar`, like a
/// WhatsApp number) and the CJG's own.
fn known(shapes: &Regex) -> BTreeSet<String> {
    let read = |name: &str| -> toml::Table {
        let text = std::fs::read_to_string(example_root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let mut known = BTreeSet::new();
    for lijn in read("content/hulplijnen.toml")["hulplijn"].as_array().expect("[[hulplijn]]") {
        for field in ["telefoon", "kort"] {
            known.extend(lijn.get(field).and_then(toml::Value::as_str).map(digits));
        }
        let bereikbaar = lijn.get("bereikbaar").and_then(toml::Value::as_str).unwrap_or_default();
        known.extend(shapes.captures_iter(bereikbaar).map(|c| digits(&c[1])));
    }
    known.insert(digits(read("site.toml")["contact"]["telefoon"].as_str().expect("contact.telefoon")));
    known
}

#[test]
fn every_number_on_the_site_is_in_hulplijnen_toml() {
    let site = BuiltSite::build(example_root());
    let shapes = Regex::new(SHAPES).expect("valid pattern");
    let known = known(&shapes);
    let tel_link = Regex::new(r#"href="tel:([^"]*)""#).expect("valid pattern");
    let scripts = Regex::new(r"(?s)<script.*?</script>|<style.*?</style>").expect("valid pattern");
    let tags = Regex::new(r"<[^>]*>").expect("valid pattern");

    let mut unknown = Vec::new();
    let mut seen = BTreeSet::new();
    let files = [site.files_with_extension("html"), site.files_with_extension("xml")].concat();
    for file in &files {
        let html = std::fs::read_to_string(site.public().join(file)).expect("readable output");
        let dialled = tel_link.captures_iter(&html).map(|c| c[1].to_string());
        let text = tags.replace_all(&scripts.replace_all(&html, " "), " ").replace("&nbsp;", " ");
        let shown = shapes.captures_iter(&text).map(|c| c[1].to_string()).collect::<Vec<_>>();
        for number in dialled.chain(shown) {
            seen.insert(digits(&number));
            if !known.contains(&digits(&number)) {
                unknown.push(format!("{}: {number}", file.display()));
            }
        }
    }
    unknown.dedup();
    assert!(unknown.is_empty(), "numbers that are not in content/hulplijnen.toml or site.toml:\n{}", unknown.join("\n"));
    for number in ["112", "08002000", "08000432", "08000113"] {
        assert!(seen.contains(number), "{number} is nowhere on the site; is the test still reading the pages?");
    }
}

#[test]
fn the_shapes_find_dutch_numbers_and_not_dates() {
    let shapes = Regex::new(SHAPES).expect("valid pattern");
    let found: Vec<String> = shapes
        .captures_iter(
            "Bel 112, 0800-2000 of 020-261 52 75, ook +31 247 247 247 en 088-0767000. Op 2026-12-01 om 09.00 uur; 1234 AB.",
        )
        .map(|c| c[1].to_string())
        .collect();
    assert_eq!(found, ["112", "0800-2000", "020-261 52 75", "+31 247 247 247", "088-0767000"]);
}
