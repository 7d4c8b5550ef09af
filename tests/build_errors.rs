//! Broken input gets a message naming the file and line, a non-zero exit, and leaves the
//! previous `public/` exactly as it was.
//!
//! Each case copies `fixtures/minimal`, builds it once, lays one folder of
//! `fixtures/broken/<case>` over it, builds again and checks the message and the output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cjg_tests::{cjg_binary, copy_dir};

/// The fixture and what the error message must contain.
const CASES: &[(&str, &[&str])] = &[
    ("front-matter-not-closed", &["content/thema/pagina.md:1", "niet afgesloten"]),
    ("front-matter-invalid-toml", &["content/thema/pagina.md:3"]),
    ("front-matter-unknown-field", &["content/thema/pagina.md:3", "auteur"]),
    ("front-matter-wrong-type", &["content/thema/pagina.md:3", "`weight`"]),
    ("front-matter-no-title", &["content/thema/pagina.md", "title"]),
    ("template-syntax", &["templates/page.html:5", "endif"]),
    ("template-unknown-variable", &["templates/page.html", "titel"]),
    ("broken-link", &["content/thema/pagina.md:6", "@/thema/bestaat-niet.md"]),
    ("broken-anchor", &["content/thema/pagina.md:4", "geen-kop"]),
    ("duplicate-url", &["content/thema/pagina.md", "content/thema/pagina/_index.md", "/thema/pagina/"]),
    ("image-without-alt", &["content/thema/pagina.md:4", "alt"]),
    ("config-unknown-key", &["site.toml:3", "kleur"]),
    ("not-utf8", &["content/thema/pagina.md:4", "UTF-8"]),
    ("signal-rule-without-header", &["content/signalen.txt:2", "kopje"]),
    ("signal-rule-unknown-concept", &["content/signalen.txt:3", "@bestaatniet"]),
    ("signal-example-unknown-kind", &["content/signalen-voorbeelden.txt:5", "[pesten]"]),
    ("hulplijnen-unknown-soort", &["content/hulplijnen.toml:13", "`kindermishandling`", "kindermishandeling"]),
    ("hulplijnen-duplicate-id", &["content/hulplijnen.toml:18", "`veilig-thuis`", "regel 4"]),
    ("hulplijnen-missing-field", &["content/hulplijnen.toml:17", "bereikbaar"]),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Builds with Dutch messages (the default for editors, fixed here so `LANG` cannot change it).
fn build(root: &Path) -> std::process::Output {
    build_in(root, "nl")
}

fn build_in(root: &Path, lang: &str) -> std::process::Output {
    Command::new(cjg_binary()).arg("--root").arg(root).args(["--lang", lang, "build"]).output().expect("cjg runs")
}

/// Every file below `dir` with its content.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("readable output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn minimal_site_builds() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("minimal"), dir.path());
    let out = build(dir.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let public = dir.path().join("public");
    for file in ["index.html", "thema/index.html", "thema/pagina/index.html", "404.html", "sitemap.xml", "atom.xml", "robots.txt"]
    {
        assert!(public.join(file).is_file(), "{file} missing");
    }
    let page = std::fs::read_to_string(public.join("thema/pagina/index.html")).unwrap();
    assert!(page.contains("<a href=\"/\">link</a>"), "{page}");
}

#[test]
fn messages_in_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures().join("minimal"), dir.path());
    copy_dir(&fixtures().join("broken/front-matter-not-closed"), dir.path());
    let out = build_in(dir.path(), "en");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("content/thema/pagina.md:1: front matter: the front matter is not closed"), "{stderr}");
    assert!(stderr.contains("public/ is unchanged"), "{stderr}");
}

#[test]
fn broken_input_is_named_and_keeps_the_previous_site() {
    let mut failures = Vec::new();
    for (case, expected) in CASES {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join("minimal"), dir.path());
        let first = build(dir.path());
        assert!(first.status.success(), "{case}: the minimal site must build first");
        let before = snapshot(&dir.path().join("public"));

        copy_dir(&fixtures().join("broken").join(case), dir.path());
        let out = build(dir.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            failures.push(format!("{case}: the build succeeded"));
        }
        for fragment in *expected {
            if !stderr.contains(fragment) {
                failures.push(format!("{case}: message lacks `{fragment}`:\n{stderr}"));
            }
        }
        if snapshot(&dir.path().join("public")) != before {
            failures.push(format!("{case}: public/ changed"));
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".public"))
            .collect();
        if !leftovers.is_empty() {
            failures.push(format!("{case}: left {leftovers:?} behind"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
