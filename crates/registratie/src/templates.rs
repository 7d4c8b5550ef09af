//! The HTML this crate writes itself, the staff form and the plan report, as tera templates
//! compiled into the binary (`crates/registratie/templates/`). Autoescaping is on for every
//! `.html` template, with an escape that leaves `/` alone so that URLs stay readable.

use std::sync::OnceLock;

use cjg_common::escape_html;
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

fn tera() -> Result<&'static Tera, Error> {
    TERA.get_or_init(|| {
        let mut tera = Tera::default();
        tera.add_raw_templates(TEMPLATES).map_err(|e| format!("{e:?}"))?;
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(escape_html);
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
    fn the_templates_compile() {
        assert!(tera().is_ok(), "{:?}", tera().err());
    }
}
