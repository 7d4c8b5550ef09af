//! The little HTML the collector writes itself (the staff form, the plan report): escaping and
//! one page shell, self-contained with inline CSS so it works offline and under a strict CSP.

use std::fmt::Write;

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

/// A whole Dutch page: `titel` in the title bar, `css` inline, `inhoud` inside `<main>`.
pub(crate) fn pagina(titel: &str, css: &str, inhoud: &str) -> String {
    let mut uit = String::with_capacity(inhoud.len() + css.len() + 400);
    let _ = write!(
        uit,
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n{inhoud}</main>\n</body>\n</html>\n",
        escape(titel)
    );
    uit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
