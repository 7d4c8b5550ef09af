//! Escaping text for HTML, for every tera template of cjg (the site's and the collector's).

/// `text` safe inside HTML text and double- or single-quoted attributes. Unlike tera's own
/// escape it leaves `/` alone, so that `href="/ouders/"` stays readable in the source.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_but_slashes_stay() {
        assert_eq!(escape_html(r#"<a href="/x/">&'"#), "&lt;a href=&quot;/x/&quot;&gt;&amp;&#39;");
    }
}
