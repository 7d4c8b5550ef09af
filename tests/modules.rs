//! In every crate, modules import each other one way only: no module imports a module that
//! (directly or through others) imports it back. Read from the `crate::…` paths in each crate's
//! `src/` (`use` lines, grouped or not, and paths written inline), so a new cycle fails here
//! before anyone has to untangle it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// `src/plan/html.rs` → `plan::html`; `src/store/mod.rs` → `store`; `src/lib.rs` → ``.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !matches!(*p, "mod" | "lib" | "main")).collect();
    parts.join("::")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.unwrap().into_path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect()
}

/// The code of a file without its tests (`#[cfg(test)]` and after) and without comments.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    code.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every path that follows `crate::`, with groups expanded: `crate::{a::B, c}` gives `a::B` and `c`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `$crate::` or `some_crate::`
        }
        expand(&code[at + "crate::".len()..], String::new(), &mut paths);
    }
    paths
}

/// Reads one path (or brace group) at the start of `rest`, prefixed with `prefix`.
fn expand(rest: &str, prefix: String, out: &mut Vec<String>) -> usize {
    let rest_trimmed = rest.trim_start();
    let skipped = rest.len() - rest_trimmed.len();
    if let Some(group) = rest_trimmed.strip_prefix('{') {
        let mut read = 1;
        loop {
            let part = &group[read - 1..];
            let part_trimmed = part.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            read += part.len() - part_trimmed.len();
            if part_trimmed.starts_with('}') || part_trimmed.is_empty() {
                return skipped + read + 1;
            }
            read += expand(part_trimmed, prefix.clone(), out);
        }
    }
    let end = rest_trimmed.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest_trimmed.len());
    let path = &rest_trimmed[..end];
    if path.ends_with("::") && rest_trimmed[end..].starts_with('{') {
        let inner = format!("{prefix}{path}");
        return skipped + end + expand(&rest_trimmed[end..], inner, out);
    }
    out.push(format!("{prefix}{path}").trim_end_matches(':').to_owned());
    skipped + end
}

/// The modules each module of the crate at `src` imports: `crate::a::b::C` names `a::b` when
/// that is a module, else `a`; paths to items of the crate root name nothing.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files(src);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(src, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let module = module_of(src, file);
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let mut uses = BTreeSet::new();
        for path in crate_paths(&code) {
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let target = (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|c| modules.contains(c));
            if let Some(target) = target {
                let own_parent = module.starts_with(&format!("{target}::"));
                if target != module && !own_parent && !target.is_empty() {
                    uses.insert(target);
                }
            }
        }
        graph.entry(module).or_insert_with(BTreeSet::new).extend(uses);
    }
    graph
}

/// The first cycle in the graph, as `a → b → a`.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|m| *m == module) {
            let mut cycle = path[start..].to_vec();
            cycle.push(module);
            return Some(cycle.join(" → "));
        }
        if done.contains(module) {
            return None;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module);
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

fn crates() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut crates: Vec<PathBuf> =
        std::fs::read_dir(root.join("crates")).unwrap().map(|e| e.unwrap().path().join("src")).filter(|p| p.is_dir()).collect();
    crates.push(root.join("bench/src"));
    crates.push(root.join("tests/support"));
    crates.sort();
    crates
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let mut cycles = Vec::new();
    for src in crates() {
        let graph = imports(&src);
        if let Some(found) = cycle(&graph) {
            cycles.push(format!("{}: {found}", src.parent().unwrap().display()));
        }
    }
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_plan_reports_do_not_depend_on_the_http_form() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/registratie/src");
    let graph = imports(&src);
    for report in ["plan", "plan::html", "plan::tekst", "plan::disclosure"] {
        let uses = &graph[report];
        assert!(!uses.contains("balie") && !uses.contains("collector"), "{report}: {uses:?}");
    }
}

#[test]
fn the_check_finds_a_cycle_in_grouped_and_inline_paths() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::write(src.join("lib.rs"), "mod a;\nmod b;\nmod c;\n").unwrap();
    std::fs::write(src.join("a.rs"), "use crate::{\n    c::X,\n    b::{Y, Z},\n};\n").unwrap();
    std::fs::write(src.join("b.rs"), "fn f() { crate::c::g() }\n#[cfg(test)]\nuse crate::a::Q;\n").unwrap();
    std::fs::write(src.join("c.rs"), "// crate::a::X\nfn g() {}\n").unwrap();
    let graph = imports(src);
    assert_eq!(graph["a"], BTreeSet::from(["b".to_owned(), "c".to_owned()]));
    assert_eq!(graph["b"], BTreeSet::from(["c".to_owned()]));
    assert_eq!(cycle(&graph), None);
    std::fs::write(src.join("c.rs"), "pub(crate) use crate::a::X;\n").unwrap();
    assert_eq!(cycle(&imports(src)).as_deref(), Some("a → b → c → a"));
}
