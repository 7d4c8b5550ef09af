//! `cjg check` on a small site with one problem per page: each finding names the file,
//! the line where there is one, and says what to do; only errors fail the command.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use cjg_tests::{cjg_binary, copy_dir};
use serde_json::{json, Value};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

/// A site: the minimal fixture with the advice pages laid over it.
fn advice_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixtures().join("minimal"), dir.path());
    copy_dir(&fixtures().join("advies"), dir.path());
    dir
}

/// A web server on loopback that answers 404 to everything, for the dead external link.
fn dead_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let port = listener.local_addr().expect("address").port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 2048];
            let _ = stream.read(&mut request);
            let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    port
}

fn check(root: &Path, extra: &[&str]) -> (bool, Vec<Value>) {
    let out = Command::new(cjg_binary())
        .arg("--root")
        .arg(root)
        .args(["--lang", "nl", "check", "--json"])
        .args(extra)
        .output()
        .expect("cjg runs");
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)));
    (out.status.success(), findings)
}

/// The one finding of `soort` for `file`, or a panic listing what there was.
fn finding<'a>(findings: &'a [Value], file: &str, soort: &str) -> &'a Value {
    findings
        .iter()
        .find(|f| f["file"] == file && f["soort"] == soort)
        .unwrap_or_else(|| panic!("no {soort} for {file} in {}", serde_json::to_string_pretty(findings).unwrap_or_default()))
}

#[test]
fn each_kind_of_advice_names_file_and_line() {
    let site = advice_site();
    let (ok, findings) = check(site.path(), &[]);
    assert!(ok, "advice alone must not fail cjg check");

    let f = finding(&findings, "content/thema/zonder-description.md", "geen-description");
    assert_eq!(f["ernst"], "advies");
    finding(&findings, "content/thema/zonder-description.md", "geen-vragen");

    let f = finding(&findings, "content/thema/lange-zin.md", "lange-zin");
    assert_eq!(f["line"], 9);
    assert_eq!(f["woorden"], 27);

    let f = finding(&findings, "content/thema/lang-woord.md", "lang-woord");
    assert_eq!(f["line"], 7);
    assert_eq!(f["woord"], "jeugdgezondheidszorgmedewerker");

    let f = finding(&findings, "content/thema/oud.md", "verouderd");
    assert_eq!(f["bijgewerkt"], "2020-01-01");

    let f = finding(&findings, "content/thema/lang-woord.md", "zelfde-titel");
    assert_eq!(f["ander"], "content/thema/dubbel.md");
    let f = finding(&findings, "content/thema/oud.md", "zelfde-vraag");
    assert_eq!(f["vraag"], "is dit nog waar");

    let f = finding(&findings, "content/thema/moeilijk.md", "leesbaarheid");
    assert!(f["flesch_douma"].as_f64().unwrap_or(100.0) < 60.0, "{f}");

    let f = finding(&findings, "content/thema/lange-description.md", "lange-description");
    assert_eq!([&f["line"], &f["zinnen"]], [4, 2]);

    // Quoted speech and the `> ` quote do not count: 5 times "u", twice "je", first on line 13.
    let f = finding(&findings, "content/thema/u-en-je.md", "aanspreekvorm-gemengd");
    assert_eq!(json!([f["line"], f["vorm"], f["aantal"], f["meestal"], f["aantal_meestal"]]), json!([13, "je", 2, "u", 5]));
    let f = finding(&findings, "content/thema/je-voor-ouders.md", "aanspreekvorm-doelgroep");
    assert_eq!(json!([f["line"], f["vorm"], f["aantal"], f["verwacht"], f["doelgroep"]]), json!([8, "je", 3, "u", "ouders"]));

    assert!(findings.iter().all(|f| f["file"] != "content/thema/lange-zin.md" || f["soort"] != "leesbaarheid"));
    assert!(findings.iter().all(|f| f["ernst"] == "advies"), "no errors without --online");
}

#[test]
fn headings_and_closing_paragraphs_on_many_pages_are_advice() {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixtures().join("minimal"), dir.path());
    copy_dir(&fixtures().join("herhaald"), dir.path());
    let (ok, findings) = check(dir.path(), &[]);
    assert!(ok);
    let of = |soort: &str| -> Vec<&Value> { findings.iter().filter(|f| f["soort"] == soort).collect() };
    let file = |i: u32| format!("content/thema/herhaald-{i}.md");

    // Six pages share the heading (case and spaces aside): advice on all but the first.
    let koppen = of("zelfde-kop");
    assert_eq!(
        koppen.iter().map(|f| f["file"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>(),
        (2..=6).map(file).collect::<Vec<_>>()
    );
    assert!(koppen.iter().all(|f| f["line"] == 9 && f["paginas"] == 6), "{koppen:?}");
    assert_eq!(koppen[1]["kop"], "meer weten?");

    // Four pages end with the same paragraph (however it is wrapped), two with their own.
    let slot = of("zelfde-slotalinea");
    assert_eq!(
        slot.iter().map(|f| f["file"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>(),
        (2..=4).map(file).collect::<Vec<_>>()
    );
    assert!(slot.iter().all(|f| f["line"] == 11 && f["paginas"] == 4), "{slot:?}");
    assert_eq!(slot[0]["begin"], "Bel het CJG op werkdagen. Of stuur een");
}

#[test]
fn dead_external_link_is_an_error_with_online() {
    let site = advice_site();
    let page = site.path().join("content/thema/externe-link.md");
    let text = std::fs::read_to_string(&page).expect("read page");
    std::fs::write(&page, text.replace("PORT", &dead_server().to_string())).expect("write page");

    let (ok, findings) = check(site.path(), &["--online"]);
    assert!(!ok, "a dead link is an error");
    let f = finding(&findings, "content/thema/externe-link.md", "dode-link");
    assert_eq!(f["ernst"], "fout");
    assert_eq!(f["line"], 9);
    assert_eq!(f["reden"], "HTTP 404");
}

#[test]
fn help_line_numbers_are_checked_against_hulplijnen_toml() {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixtures().join("minimal"), dir.path());
    copy_dir(&fixtures().join("hulpnummers"), dir.path());
    let (ok, findings) = check(dir.path(), &[]);
    assert!(!ok, "a wrong help-line number is an error");
    let page = "content/thema/verkeerd-nummer.md";
    let on_page: Vec<&Value> =
        findings.iter().filter(|f| f["file"] == page && f["soort"].as_str().is_some_and(|s| s.contains("hulpnummer"))).collect();
    let on_line =
        |line: u64| *on_page.iter().find(|f| f["line"] == line).unwrap_or_else(|| panic!("nothing on line {line}: {on_page:?}"));
    let f = on_line(8);
    assert_eq!(
        [&f["soort"], &f["ernst"], &f["geschreven"], &f["juist"]],
        ["verkeerd-hulpnummer", "fout", "0800-0433", "0800-0432"]
    );
    let f = on_line(10);
    assert_eq!(
        [&f["soort"], &f["ernst"], &f["geschreven"], &f["zoals"]],
        ["hulpnummer-anders", "advies", "0800 2000", "0800-2000"]
    );
    let f = on_line(12);
    assert_eq!([&f["soort"], &f["geschreven"], &f["juist"]], ["verkeerd-hulpnummer", "tel:08000423", "0800-0432"]);
    assert_eq!(on_page.len(), 3, "line 6 is right: {on_page:?}");
}

#[test]
fn build_errors_are_errors_in_check_too() {
    let site = advice_site();
    copy_dir(&fixtures().join("broken/broken-link"), site.path());
    let (ok, findings) = check(site.path(), &[]);
    assert!(!ok);
    let f = finding(&findings, "content/thema/pagina.md", "build");
    assert_eq!(f["line"], 6);
    assert!(f["bericht"].as_str().unwrap_or_default().contains("@/thema/bestaat-niet.md"), "{f}");
}

#[test]
fn example_site_has_no_errors() {
    let (ok, findings) = check(cjg_tests::example_root(), &[]);
    assert!(ok, "{}", serde_json::to_string_pretty(&findings).unwrap_or_default());
}

#[test]
fn example_site_has_no_long_descriptions_mixed_address_or_template_endings() {
    let (_, findings) = check(cjg_tests::example_root(), &[]);
    let kinds = ["lange-description", "aanspreekvorm-gemengd", "aanspreekvorm-doelgroep", "zelfde-kop", "zelfde-slotalinea"];
    let found: Vec<&Value> = findings.iter().filter(|f| kinds.iter().any(|k| f["soort"] == *k)).collect();
    assert!(found.is_empty(), "{}", serde_json::to_string_pretty(&found).unwrap_or_default());
}
