//! The example site as files: every page the issue asks for exists, the home page lists
//! the themes in order, every page is valid HTML5 with the parts every page must have, no
//! internal link is broken, and the feeds are well-formed XML.
//!
//! Each test builds the example site into its own temporary folder (a build takes well under
//! a second) and reports every problem it finds, by page, before failing.

use std::path::Path;
use std::process::Command;

use cjg_tests::{example_root, BuiltSite};
use scraper::{Html, Selector};

/// Pages that must exist as `<path>/index.html`.
const REQUIRED_PAGES: &[&str] = &[
    "ouders/ontwikkeling-en-gezondheid/koorts-en-kinderziektes",
    "ouders/ontwikkeling-en-gezondheid/slapen",
    "ouders/ontwikkeling-en-gezondheid/zindelijk-worden",
    "ouders/ontwikkeling-en-gezondheid/vaccinaties",
    "ouders/gedrag/driftbuien",
    "ouders/gedrag/pesten",
    "ouders/gedrag/druk-gedrag",
    "ouders/grenzen-stellen/regels-en-afspraken",
    "ouders/grenzen-stellen/straffen-en-belonen",
    "ouders/grenzen-stellen/schermtijd",
    "ouders/sociaal-emotioneel/zelfvertrouwen",
    "ouders/sociaal-emotioneel/faalangst",
    "ouders/sociaal-emotioneel/vriendschappen",
    "ouders/opvoeden/zakgeld",
    "ouders/opvoeden/scheiden",
    "ouders/opvoeden/stress-als-ouder",
    "jongeren/wonen/op-jezelf-wonen",
    "jongeren/wonen/geen-slaapplek",
    "jongeren/wonen/huurtoeslag",
    "jongeren/werk-en-bijbaan/bijbaan",
    "jongeren/werk-en-bijbaan/minimumloon",
    "jongeren/werk-en-bijbaan/solliciteren",
    "jongeren/seksualiteit/anticonceptie",
    "jongeren/seksualiteit/soa",
    "jongeren/seksualiteit/zwanger",
    "jongeren/gezondheid/puberteit",
    "jongeren/gezondheid/alcohol-en-drugs",
    "jongeren/gezondheid/somber",
    "jongeren/geld/schulden",
    "jongeren/geld/zorgverzekering",
    "jongeren/geld/studiefinanciering",
    // The pages of the content issue: babies, development, parenting, young people, professionals.
    "jongeren/geld/uitkering",
    "jongeren/gezondheid/eten-en-je-lichaam",
    "jongeren/gezondheid/gamen-en-gokken",
    "jongeren/seksualiteit/grenzen",
    "jongeren/seksualiteit/lhbti",
    "jongeren/seksualiteit/nudes-en-sexting",
    "jongeren/werk-en-bijbaan/school-en-diploma",
    "jongeren/wonen/thuis-niet-veilig",
    "ouders/ontwikkeling-en-gezondheid/eten-en-drinken",
    "ouders/ontwikkeling-en-gezondheid/praten-en-taal",
    "ouders/ontwikkeling-en-gezondheid/tanden",
    "ouders/opvoeden/geldzorgen",
    "ouders/opvoeden/geweld-thuis",
    "ouders/opvoeden/jeugdhulp-aanvragen",
    "ouders/opvoeden/online-veiligheid",
    "ouders/opvoeden/rouw",
    "ouders/opvoeden/school",
    "ouders/zwanger-en-baby/borstvoeding",
    "ouders/zwanger-en-baby/consultatiebureau",
    "ouders/zwanger-en-baby/eerste-hapjes",
    "ouders/zwanger-en-baby/flesvoeding",
    "ouders/zwanger-en-baby/huilen",
    "ouders/zwanger-en-baby/na-de-bevalling",
    "ouders/zwanger-en-baby/veilig-slapen",
    "ouders/zwanger-en-baby/zwanger",
    "professionals/deskundigheid",
    "professionals/een-gezin-een-plan",
    "professionals/meldcode",
    "professionals/samenwerken-en-privacy",
    "professionals/signaleren",
    "professionals/verwijzen",
    "hulp-nodig",
    "contact",
    "over",
    "privacy",
    "privacie",
];

/// The themes of the home page: pregnancy and babies first (the site starts before birth),
/// then in the order of the research the first issue cites: the top five questions of
/// parents, then of young people.
const THEMES_IN_ORDER: &[&str] = &[
    "/ouders/zwanger-en-baby/",
    "/ouders/ontwikkeling-en-gezondheid/",
    "/ouders/gedrag/",
    "/ouders/grenzen-stellen/",
    "/ouders/sociaal-emotioneel/",
    "/ouders/opvoeden/",
    "/jongeren/wonen/",
    "/jongeren/werk-en-bijbaan/",
    "/jongeren/seksualiteit/",
    "/jongeren/gezondheid/",
    "/jongeren/geld/",
];

/// Fails listing every problem, one a line, under `what`.
fn assert_none(what: &str, problems: &[String]) {
    assert!(problems.is_empty(), "{what}: {} problem(s)\n  {}", problems.len(), problems.join("\n  "));
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e}"))
}

/// Every generated HTML page, parsed, with its path below the output folder.
fn pages(site: &BuiltSite) -> Vec<(String, Html)> {
    site.files_with_extension("html")
        .into_iter()
        .map(|path| {
            let html = std::fs::read_to_string(site.public().join(&path)).expect("readable page");
            (path.display().to_string(), Html::parse_document(&html))
        })
        .collect()
}

/// The folders directly below `section` that hold a page.
fn pages_below(public: &Path, section: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(public.join(section))
        .unwrap_or_else(|e| panic!("{section}/ is missing: {e}"))
        .map(|entry| entry.expect("readable folder").path())
        .filter(|path| path.join("index.html").is_file())
        .map(|path| path.file_name().expect("a name").to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_required_page_exists() {
    let site = BuiltSite::build(example_root());
    let mut problems: Vec<String> = REQUIRED_PAGES
        .iter()
        .filter(|page| !site.public().join(page).join("index.html").is_file())
        .map(|page| format!("{page}/index.html is missing"))
        .collect();
    for (section, at_least) in [("brochures", 3), ("aanbod", 5)] {
        let found = pages_below(site.public(), section);
        if found.len() < at_least {
            problems.push(format!("{section}/ has {} pages ({found:?}), needs at least {at_least}", found.len()));
        }
    }
    for file in ["index.html", "404.html", "sitemap.xml", "robots.txt", "atom.xml"] {
        if !site.public().join(file).is_file() {
            problems.push(format!("{file} is missing"));
        }
    }
    assert_none("required pages", &problems);
}

#[test]
fn home_page_lists_the_themes_in_order() {
    let site = BuiltSite::build(example_root());
    let html = std::fs::read_to_string(site.public().join("index.html")).expect("index.html");
    let home = Html::parse_document(&html);
    let themas = home.select(&selector("#themas")).next().expect("the home page has a #themas section");
    // A theme is a section two levels down (/doelgroep/thema/); the pages listed under each
    // theme are deeper and do not count.
    let mut themes: Vec<&str> = Vec::new();
    for href in themas.select(&selector("a[href]")).filter_map(|a| a.value().attr("href")) {
        let is_theme = href.starts_with('/') && href.ends_with('/') && href.matches('/').count() == 3;
        if is_theme && !themes.contains(&href) {
            themes.push(href);
        }
    }
    assert_eq!(themes, THEMES_IN_ORDER, "the themes in #themas on the home page, in order");
}

/// Runs tidy on every page.
///
/// tidy 5.6 (Debian) checks HTML5 with `--doctype html5`. Both errors and warnings fail,
/// with two exceptions tidy needs for valid HTML5:
/// - `--custom-tags blocklevel`: without it tidy rejects the autonomous custom element
///   `<cjg-vraag>` (the question widget) as an unknown tag, an error, and drops it;
/// - the warning `proprietary attribute "aria-current"` is ignored: `aria-current` is
///   ARIA 1.1, which tidy 5.6's attribute list predates. Other proprietary attributes still
///   fail, so a misspelt `aria-*` or an invented attribute is caught.
#[test]
fn urls_in_the_html_are_readable() {
    let site = BuiltSite::build(example_root());
    let mut problems = Vec::new();
    for path in site.files_with_extension("html").into_iter().chain(site.files_with_extension("xml")) {
        let text = std::fs::read_to_string(site.public().join(&path)).expect("readable file");
        if let Some(at) = text.find("&#x2F;") {
            problems.push(format!("{}: an escaped slash: …{}…", path.display(), &text[at.saturating_sub(40)..at + 6]));
        }
    }
    assert!(site.files_with_extension("html").len() > 50);
    assert_none("escaped slashes", &problems);
}

#[test]
fn every_page_is_valid_html5() {
    let site = BuiltSite::build(example_root());
    let mut problems = Vec::new();
    for path in site.files_with_extension("html") {
        let output = Command::new("tidy")
            .args(["-quiet", "-errors", "--doctype", "html5", "--custom-tags", "blocklevel", "--show-warnings", "yes"])
            .arg(site.public().join(&path))
            .output()
            .unwrap_or_else(|e| panic!("cannot run tidy ({e}): install Debian's tidy"));
        let report = String::from_utf8_lossy(&output.stderr);
        problems.extend(
            report
                .lines()
                .filter(|line| line.contains(" - Error: ") || line.contains(" - Warning: "))
                .filter(|line| !line.ends_with("proprietary attribute \"aria-current\""))
                .map(|line| format!("{}: {line}", path.display())),
        );
        // tidy's exit code 2 means errors: catch any it reports in a form the filter misses.
        if output.status.code() == Some(2) && !report.contains(" - Error: ") {
            problems.push(format!("{}: tidy exited with errors:\n{report}", path.display()));
        }
    }
    assert_none("tidy (HTML5)", &problems);
}

#[test]
fn no_internal_link_is_broken() {
    let site = BuiltSite::build(example_root());
    let linked = selector("[href], [src]");
    let mut problems = Vec::new();
    for (page, html) in pages(&site) {
        for element in html.select(&linked) {
            for attribute in ["href", "src"] {
                let Some(target) = element.value().attr(attribute) else { continue };
                // `//host/...` is another site, not a path on this one.
                if !target.starts_with('/') || target.starts_with("//") {
                    continue;
                }
                if !target_exists(site.public(), target) {
                    problems.push(format!("{page}: <{} {attribute}=\"{target}\"> points to nothing", element.value().name()));
                }
            }
        }
    }
    assert_none("internal links", &problems);
}

/// Whether the site path `target` (with an optional `?query` or `#fragment`) names a file in
/// `public`, as `cjg serve` or a static host would resolve it: `/x/` and `/x` serve `x/index.html`.
fn target_exists(public: &Path, target: &str) -> bool {
    let path = target.split(['?', '#']).next().unwrap_or_default().trim_start_matches('/');
    let file = public.join(path);
    file.is_file() || file.join("index.html").is_file()
}

#[test]
fn sitemap_and_feed_are_well_formed_xml() {
    let site = BuiltSite::build(example_root());
    let mut problems = Vec::new();
    for (file, root_element, entry) in [("sitemap.xml", "urlset", "url"), ("atom.xml", "feed", "entry")] {
        let text = std::fs::read_to_string(site.public().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        match roxmltree::Document::parse(&text) {
            Err(e) => problems.push(format!("{file} is not well-formed XML: {e}")),
            Ok(doc) => {
                let root = doc.root_element();
                if root.tag_name().name() != root_element {
                    problems.push(format!("{file}: root element is <{}>, expected <{root_element}>", root.tag_name().name()));
                }
                if !root.children().any(|child| child.tag_name().name() == entry) {
                    problems.push(format!("{file} has no <{entry}>"));
                }
            }
        }
    }
    assert_none("sitemap and feed", &problems);
}

/// The CJG's phone number as `site.toml` gives it.
fn phone_number() -> String {
    let text = std::fs::read_to_string(example_root().join("site.toml")).expect("site.toml");
    let config: toml::Table = text.parse().expect("site.toml is TOML");
    config["contact"]["telefoon"].as_str().expect("contact.telefoon is a string").to_string()
}

#[test]
fn every_page_has_the_parts_every_page_needs() {
    let site = BuiltSite::build(example_root());
    let phone = phone_number();
    let h1 = selector("h1");
    let html_lang = selector("html[lang=\"nl\"]");
    let skip_link = selector("a[href=\"#inhoud\"]");
    let skip_target = selector("#inhoud");
    let links = selector("a[href]");
    let mut problems = Vec::new();
    for (page, html) in pages(&site) {
        let mut missing = Vec::new();
        let h1_count = html.select(&h1).count();
        if h1_count != 1 {
            missing.push(format!("exactly one <h1> (has {h1_count})"));
        }
        if html.select(&html_lang).next().is_none() {
            missing.push("<html lang=\"nl\">".to_string());
        }
        if html.select(&skip_link).next().is_none() || html.select(&skip_target).next().is_none() {
            missing.push("a skip link to #inhoud and the element it skips to".to_string());
        }
        if !html.select(&links).any(|a| a.text().collect::<String>().contains("Snel weg")) {
            missing.push("a \"Snel weg\" link".to_string());
        }
        if !html.root_element().text().any(|text| text.contains(&phone)) {
            missing.push(format!("the CJG's phone number {phone}"));
        }
        if !html.select(&links).any(|a| a.value().attr("href") == Some("/hulp-nodig/")) {
            missing.push("a link to /hulp-nodig/".to_string());
        }
        problems.extend(missing.into_iter().map(|what| format!("{page}: lacks {what}")));
    }
    assert_none("parts of every page", &problems);
}

/// The question box is in the HTML itself (issue 14: nothing may move when its script starts),
/// and without JavaScript it still leads on: its form goes to the themes overview, a `<noscript>`
/// says so with a link, and the question's input has no name, so the question is never sent.
/// Ids stay unique on every page, also with more than one box.
#[test]
fn the_question_box_is_in_the_html_and_leads_on_without_javascript() {
    let site = BuiltSite::build(example_root());
    let boxes = selector("cjg-vraag");
    let with_id = selector("[id]");
    let form = selector("form.cjg-vraag-formulier[action=\"/#themas\"]");
    let input = selector("input.cjg-vraag-invoer[type=search][id][aria-describedby][aria-controls]");
    let label = selector("label.cjg-vraag-label[for]");
    let choices = selector("fieldset.cjg-vraag-voor input[type=radio][name]");
    let answers = selector(".cjg-vraag-uitvoer[id][aria-live=polite]");
    let noscript = selector("noscript");
    let mut problems = Vec::new();
    let mut pages_with_a_box = 0;
    for (page, html) in pages(&site) {
        let mut ids: Vec<&str> = html.select(&with_id).filter_map(|e| e.value().attr("id")).collect();
        ids.sort_unstable();
        for twice in ids.windows(2).filter(|pair| pair[0] == pair[1]) {
            problems.push(format!("{page}: the id {:?} is used more than once", twice[0]));
        }
        for vraag in html.select(&boxes) {
            pages_with_a_box += 1;
            let Some(form) = vraag.select(&form).next() else {
                problems.push(format!("{page}: <cjg-vraag> has no form.cjg-vraag-formulier with action=\"/#themas\""));
                continue;
            };
            let Some(input) = form.select(&input).next() else {
                problems.push(format!("{page}: the box's form has no search input with id, aria-describedby and aria-controls"));
                continue;
            };
            let attr = |name| input.value().attr(name).unwrap_or_default();
            if input.value().attr("name").is_some() {
                problems.push(format!("{page}: the question's input has a name: without JavaScript the question would be sent"));
            }
            if !form.select(&label).any(|l| l.value().attr("for") == Some(attr("id"))) {
                problems.push(format!("{page}: no label for #{}", attr("id")));
            }
            if !ids.contains(&attr("aria-describedby")) || !ids.contains(&attr("aria-controls")) {
                problems.push(format!("{page}: the input points to ids that are not there"));
            }
            let values: Vec<&str> = form.select(&choices).filter_map(|r| r.value().attr("value")).collect();
            if values != ["ouders", "jongeren", ""] {
                problems.push(format!("{page}: the doelgroep choices are {values:?}"));
            }
            if form.select(&answers).next().is_none() {
                problems.push(format!("{page}: the box has no place for its answers (.cjg-vraag-uitvoer with aria-live)"));
            }
            // html5ever parses as a browser with scripting does: <noscript>'s content is text.
            if !form.select(&noscript).any(|n| n.text().any(|t| t.contains("href=\"/#themas\""))) {
                problems.push(format!("{page}: no <noscript> link to /#themas"));
            }
        }
    }
    assert!(pages_with_a_box > 50, "only {pages_with_a_box} pages have the question box");
    assert_none("the question box in the HTML", &problems);
}
