//! The HTML this crate writes itself, the staff form and the plan report, as tera templates
//! compiled into the binary (`crates/registratie/templates/`). Autoescaping is on for every
//! `.html` template, with an escape that leaves `/` alone so that URLs stay readable.

use std::sync::OnceLock;

use tera::{Context, Tera};

use crate::error::Error;

const TEMPLATES: [(&str, &str); 9] = [
    ("pagina.html", include_str!("../templates/pagina.html")),
    ("balie.css", include_str!("../templates/balie.css")),
    ("balie_macros.html", include_str!("../templates/balie_macros.html")),
    ("balie.html", include_str!("../templates/balie.html")),
    ("balie_sites.html", include_str!("../templates/balie_sites.html")),
    ("geen_toegang.html", include_str!("../templates/geen_toegang.html")),
    ("plan.css", include_str!("../templates/plan.css")),
    ("plan_macros.html", include_str!("../templates/plan_macros.html")),
    ("plan.html", include_str!("../templates/plan.html")),
];

static TERA: OnceLock<Result<Tera, String>> = OnceLock::new();

/// `tekst` safe inside HTML text and double-quoted attributes.
pub(crate) fn escape(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    for c in tekst.chars() {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '"' => uit.push_str("&quot;"),
            '\'' => uit.push_str("&#39;"),
            c => uit.push(c),
        }
    }
    uit
}

fn tera() -> Result<&'static Tera, Error> {
    TERA.get_or_init(|| {
        let mut tera = Tera::default();
        tera.add_raw_templates(TEMPLATES).map_err(|e| format!("{e:?}"))?;
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape);
        Ok(tera)
    })
    .as_ref()
    .map_err(|e| Error::Template(e.clone()))
}

/// Renders the built-in template `naam`.
pub(crate) fn render(naam: &str, context: &Context) -> Result<String, Error> {
    tera()?.render(naam, context).map_err(|e| Error::Template(format!("{naam}: {e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_but_slashes_stay() {
        assert_eq!(escape(r#"<a href="/x/">&'"#), "&lt;a href=&quot;/x/&quot;&gt;&amp;&#39;");
        assert!(tera().is_ok(), "{:?}", tera().err());
    }
}
