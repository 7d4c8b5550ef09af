//! The tera templates in `templates/`, and the functions they may call.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use cjg_common::escape_html;
use tera::Tera;
use walkdir::WalkDir;

use crate::error::{Location, SiteError};
use crate::library::Library;

/// The folder under `templates/` that holds CSS and scripts rather than templates.
pub const ASSET_FOLDER: &str = "assets";

/// The folder under `templates/` whose templates are parts: each is rendered once per build with
/// the site-wide variables, and every page shows it as `{{ delen.<name> | safe }}`. A block that is
/// the same on every page (the help block of the question box) costs one render instead of one per page.
pub const PARTS_FOLDER: &str = "delen";

/// Reads every template below `dir` (except `assets/`), so syntax errors show before anything is built.
pub fn load(dir: &Path) -> Result<Tera, SiteError> {
    let mut files = Vec::new();
    for item in WalkDir::new(dir).sort_by_file_name() {
        let item = item.map_err(|e| SiteError::io(dir, e.into()))?;
        let relative = item.path().strip_prefix(dir).unwrap_or(item.path());
        if item.file_type().is_file() && !relative.starts_with(ASSET_FOLDER) {
            let name = relative.to_string_lossy().replace('\\', "/");
            files.push((item.into_path(), Some(name)));
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    tera.add_template_files(files).map_err(|e| template_error("", &e))?;
    Ok(tera)
}

/// Lets templates write `{{ url(path="contact.md") }}`; a path that does not exist fails the build.
pub fn register_url_function(tera: &mut Tera, library: &Library) {
    let urls: HashMap<String, String> = library.entries.iter().map(|e| (e.source.clone(), e.url.clone())).collect();
    tera.register_function("url", move |args: &HashMap<String, tera::Value>| {
        let path = args.get("path").and_then(tera::Value::as_str).ok_or_else(|| tera::Error::msg("url() needs path=\"…md\""))?;
        urls.get(path)
            .map(|u| tera::Value::String(u.clone()))
            .ok_or_else(|| tera::Error::msg(format!("url(path=\"{path}\"): there is no content/{path}")))
    });
}

/// Renders every part (see [`PARTS_FOLDER`]) with `context`, by name without folder and extension.
pub fn render_parts(tera: &Tera, context: &tera::Context) -> Result<BTreeMap<String, String>, SiteError> {
    let prefix = format!("{PARTS_FOLDER}/");
    let mut parts = BTreeMap::new();
    for name in tera.get_template_names().filter(|n| n.starts_with(&prefix)) {
        let file = &name[prefix.len()..];
        let key = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        parts.insert(key.to_string(), render(tera, name, context)?);
    }
    Ok(parts)
}

/// Renders `name` with `context`.
pub fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<String, SiteError> {
    tera.render(name, context).map_err(|e| template_error(name, &e))
}

/// Tera hides the useful part of a message in its source chain, and reports syntax
/// errors pest-style (`--> 5:1` … `= unexpected tag`); this turns both into `file:line: what`.
fn template_error(name: &str, error: &tera::Error) -> SiteError {
    let mut chain = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    if let Some(parse) = parse_error(&chain) {
        return parse;
    }
    SiteError::Template { at: Location::file(Path::new("templates").join(name)), detail: chain }
}

/// Reads a tera syntax error: `Failed to parse "/x/templates/page.html": --> 5:1 … = what`.
fn parse_error(chain: &str) -> Option<SiteError> {
    let path = chain.split_once("Failed to parse \"")?.1.split_once('"')?.0;
    let file = match path.rfind("templates/") {
        Some(i) => PathBuf::from(&path[i..]),
        None => PathBuf::from(path),
    };
    let line = chain.split_once("--> ").and_then(|(_, rest)| rest.split_once(':')).and_then(|(l, _)| l.trim().parse().ok());
    let what = chain.lines().find_map(|l| l.trim().strip_prefix("= ")).unwrap_or("syntax error").to_string();
    let at = match line {
        Some(line) => Location::line(file, line),
        None => Location::file(file),
    };
    Some(SiteError::Template { at, detail: what })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_rendered_by_their_name() {
        let mut tera = Tera::default();
        tera.add_raw_templates([("delen/hulpblok.html", "<b>{{ naam }}</b>"), ("page.html", "{{ delen.hulpblok | safe }}")])
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("naam", "CJG");
        let parts = render_parts(&tera, &context).unwrap();
        assert_eq!(parts.get("hulpblok").map(String::as_str), Some("<b>CJG</b>"));
        assert_eq!(parts.len(), 1, "only the templates in delen/");
        context.insert("delen", &parts);
        assert_eq!(render(&tera, "page.html", &context).unwrap(), "<b>CJG</b>");
    }
}
