//! ARCHITECTURE.md and CHANGELOG.md say what the code does: the crate table lists every crate
//! with exactly the cjg crates its Cargo.toml depends on, and the format versions the changelog
//! promises are the ones in the code.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between `<!-- start -->` and `<!-- end … -->` markers.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let to = from + text[from..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &text[from..to]
}

/// The cjg crates a manifest depends on, as a normal or a build dependency (not dev-dependencies).
fn cjg_dependencies(manifest: &str) -> BTreeSet<String> {
    let manifest: toml::Table = manifest.parse().expect("a valid Cargo.toml");
    ["dependencies", "build-dependencies"]
        .iter()
        .filter_map(|table| manifest.get(*table).and_then(toml::Value::as_table))
        .flat_map(|deps| deps.keys())
        .filter(|name| name.starts_with("cjg-"))
        .cloned()
        .collect()
}

#[test]
fn the_crate_table_matches_the_manifests() {
    let architecture = read("ARCHITECTURE.md");
    let table = between(&architecture, "<!-- crates:", "<!-- end crates -->");
    let mut listed = BTreeSet::new();
    let mut problems = Vec::new();
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (name, folder, imports) = (cells[1].trim_matches('`'), cells[2].split_whitespace().next().unwrap(), cells[3]);
        let documented: BTreeSet<String> =
            imports.split(',').map(|c| c.trim().trim_matches('`').to_owned()).filter(|c| c.starts_with("cjg-")).collect();
        let manifest = read(&format!("{folder}/Cargo.toml"));
        let package: toml::Table = manifest.parse().unwrap();
        let real_name = package["package"]["name"].as_str().unwrap();
        if real_name != name {
            problems.push(format!("{folder}: the table says {name}, Cargo.toml says {real_name}"));
        }
        let actual = cjg_dependencies(&manifest);
        if actual != documented {
            problems.push(format!("{name}: the table says {documented:?}, Cargo.toml has {actual:?}"));
        }
        listed.insert(folder.to_owned());
    }
    for entry in std::fs::read_dir(root().join("crates")).unwrap() {
        let folder = format!("crates/{}", entry.unwrap().file_name().to_string_lossy());
        if !listed.contains(&folder) {
            problems.push(format!("{folder} is not in ARCHITECTURE.md's crate table"));
        }
    }
    assert!(problems.is_empty(), "ARCHITECTURE.md:\n{}", problems.join("\n"));
}

/// The number after `const NAME: TYPE = ` in a source file.
fn constant(path: &str, name: &str) -> String {
    let source = read(path);
    let line = source.lines().find(|l| l.contains(&format!("const {name}:"))).unwrap_or_else(|| panic!("{path}: no {name}"));
    line.split('=').nth(1).unwrap().trim().trim_end_matches(';').to_owned()
}

#[test]
fn the_changelog_promises_the_versions_of_the_code() {
    let changelog = read("CHANGELOG.md");
    let promises = between(&changelog, "<!-- versions:", "<!-- end versions -->");
    for (name, path) in [("FORMAT_VERSION", "crates/search/src/bundle.rs"), ("VERSIE", "crates/registratie/src/store/schema.rs")]
    {
        let value = constant(path, name);
        assert!(promises.contains(&format!("**{name} {value}**")), "CHANGELOG.md must promise {name} {value} (as in {path})");
    }
}
