//! Words written as their difference from a related word, so that the bundle's word lists
//! (the vocabulary and the site lexicon) cost the browser fewer bytes: about 16 kB less
//! after brotli on the example site.
//!
//! - **Front coding** ([`front_coded`], [`front_decoded`]): each line of a sorted list keeps
//!   only what differs from the line before. The first character says how many characters
//!   of the line before it starts with (one base-36 digit, 0–Z), the rest follows:
//!   `aaien`, `aaiend`, `aaiende` become `0aaien`, `5d`, `6e`.
//! - **Suffix edits** ([`suffix_edit`], [`apply_suffix_edit`]): a lemma as what to take off
//!   the end of its form and what to put on instead. `aaide` → `aaien` is `2en` (take off
//!   two characters, add `en`); a lemma that no edit of 35 characters or fewer reaches is
//!   written whole after `*`.
//!
//! Counts are of characters, never bytes, so a word with `é` is never cut in two.

use crate::error::Error;

#[cfg(any(test, feature = "index"))]
/// The digits of a count, 0–35.
const DIGITS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
#[cfg(any(test, feature = "index"))]
/// The largest count one digit holds.
const MAX_COUNT: usize = DIGITS.len() - 1;
/// Marks a lemma written whole: no word starts with it.
const WHOLE: char = '*';

#[cfg(any(test, feature = "index"))]
/// How many characters `a` and `b` start with in common.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(any(test, feature = "index"))]
/// `count`, at most [`MAX_COUNT`], as one digit.
fn digit(count: usize) -> char {
    char::from(DIGITS[count])
}

/// The lines, each as its difference from the line before, one per line.
#[cfg(any(test, feature = "index"))]
pub(crate) fn front_coded<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut previous = "";
    for line in lines {
        let shared = shared_prefix(previous, line).min(MAX_COUNT);
        out.push(digit(shared));
        out.extend(line.chars().skip(shared));
        out.push('\n');
        previous = line;
    }
    out
}

/// The lines written by [`front_coded`]; `section` names the bundle section in errors.
pub(crate) fn front_decoded(text: &str, section: &str) -> Result<Vec<String>, Error> {
    let mut lines: Vec<String> = Vec::new();
    for coded in text.lines() {
        let mut chars = coded.chars();
        let shared = chars.next().and_then(|c| c.to_digit(36)).map(|d| d as usize);
        let previous = lines.last().map_or("", String::as_str);
        let Some(shared) = shared.filter(|&s| s <= previous.chars().count()) else {
            return Err(Error::Bundle(format!("section `{section}`: line `{coded}` does not follow the line before")));
        };
        let line: String = previous.chars().take(shared).chain(chars).collect();
        lines.push(line);
    }
    Ok(lines)
}

/// `to` as an edit of the end of `from`.
#[cfg(any(test, feature = "index"))]
pub(crate) fn suffix_edit(from: &str, to: &str) -> String {
    let shared = shared_prefix(from, to);
    let drop = from.chars().count() - shared;
    if drop > MAX_COUNT {
        return format!("{WHOLE}{to}");
    }
    let mut edit = String::from(digit(drop));
    edit.extend(to.chars().skip(shared));
    edit
}

/// The word that [`suffix_edit`]`(from, …)` wrote as `edit`, or `None` if `edit` takes off
/// more than `from` has.
pub(crate) fn apply_suffix_edit(from: &str, edit: &str) -> Option<String> {
    if let Some(whole) = edit.strip_prefix(WHOLE) {
        return Some(whole.to_string());
    }
    let mut chars = edit.chars();
    let drop = chars.next()?.to_digit(36)? as usize;
    let keep = from.chars().count().checked_sub(drop)?;
    Some(from.chars().take(keep).chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coding_keeps_every_line() {
        let lines = ["13e", "1g1p", "aaien\t1", "aaiend\t1", "één", "éénmaal", "x", &"a".repeat(50), &"a".repeat(60)];
        let coded = front_coded(lines.iter().copied());
        assert!(coded.starts_with("013e\n1g1p\n0aaien\t1\n5d\t1\n0één\n3maal\n"), "{coded}");
        assert_eq!(front_decoded(&coded, "woorden").unwrap(), lines);
        assert_eq!(front_decoded("", "woorden").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn front_coding_refuses_a_line_that_refers_past_the_line_before() {
        let error = front_decoded("0ab\n3c\n", "nederlands").unwrap_err().to_string();
        assert!(error.contains("nederlands") && error.contains("`3c`"), "{error}");
        assert!(front_decoded("-ab\n", "nederlands").is_err());
    }

    #[test]
    fn suffix_edits_reach_every_lemma() {
        for (form, lemma, edit) in [
            ("aaide", "aaien", "2en"),
            ("aai", "aai", "0"),
            ("sloeg", "slaan", "3aan"),
            ("is", "zijn", "2zijn"),
            ("gekrast", "krassen", "7krassen"),
            ("ideeën", "idee", "2"),
        ] {
            assert_eq!(suffix_edit(form, lemma), edit);
            assert_eq!(apply_suffix_edit(form, edit).as_deref(), Some(lemma));
        }
        let long = "x".repeat(40);
        assert_eq!(suffix_edit(&long, "y"), "*y");
        assert_eq!(apply_suffix_edit(&long, "*y").as_deref(), Some("y"));
        assert_eq!(apply_suffix_edit("ab", "3c"), None);
        assert_eq!(apply_suffix_edit("ab", ""), None);
    }
}
