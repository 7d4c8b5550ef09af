//! The crate's modules import each other one way only: no module imports a module that
//! (directly or through others) imports it back. Read from the `use crate::…` lines of
//! `src/`, so a new cycle fails here before anyone has to untangle it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `src/plan/html.rs` → `plan::html`; `src/store/mod.rs` → `store`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod" && *p != "lib").collect();
    parts.join("::")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules each module imports: `use crate::a::b::{…}` names `a::b` when that is a
/// module, else `a`. Test modules (`#[cfg(test)]` and after) are left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &all {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut uses = BTreeSet::new();
        for line in code.lines().map(str::trim).filter(|l| l.starts_with("use crate::") || l.starts_with("pub use crate::")) {
            let path = line.split("crate::").nth(1).unwrap_or("");
            let segments: Vec<&str> = path.split("::").map(|s| s.trim_end_matches([';', '{', '}'])).collect();
            // The longest prefix that is a module.
            let target =
                (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|candidate| modules.contains(candidate));
            if let Some(target) = target {
                if target != module && !module.starts_with(&format!("{target}::")) {
                    uses.insert(target);
                }
            }
        }
        graph.insert(module, uses);
    }
    graph
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() > 10, "found the modules: {graph:?}");
    // Depth-first search for a cycle, naming it when there is one.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if let Some(start) = path.iter().position(|m| *m == module) {
            let mut cycle = path[start..].to_vec();
            cycle.push(module);
            panic!("module cycle: {}", cycle.join(" → "));
        }
        if !done.insert(module) {
            return;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_reports_do_not_depend_on_the_http_form() {
    let graph = imports();
    for report in ["plan", "plan::html", "plan::tekst", "plan::disclosure"] {
        assert!(!graph[report].contains("balie") && !graph[report].contains("collector"), "{report}: {:?}", graph[report]);
    }
}
