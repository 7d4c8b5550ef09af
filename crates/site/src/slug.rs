//! Anchors for headings: lower case, no accents, words joined by `-`.

/// Makes an anchor from heading text: "Wat kunt u doen?" → "wat-kunt-u-doen".
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(slugify("Wat kunt u doen?"), "wat-kunt-u-doen");
        assert_eq!(slugify("Ideeën voor één dag"), "ideeen-voor-een-dag");
        assert_eq!(slugify("  Online pesten "), "online-pesten");
    }
}
