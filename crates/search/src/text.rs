//! Cuts text into comparable words: lower case, accents folded, informal spellings
//! of pronouns written out.
//!
//! The analyzer, the synonym list and the risk signals all compare words made here,
//! so "Mijn", "mijn", "m'n" and "mn" are one word everywhere.

/// One word of a text, with where it stood (byte offsets into the original text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The normalised word.
    pub text: String,
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character in the original text.
    pub end: usize,
}

/// The normalised words of `text`, in order.
///
/// A word is a run of letters and digits; an apostrophe inside a word stays part of
/// it (`m'n`, `baby's`) and is resolved by [`written_out`].
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() {
            if current.is_empty() {
                start = at;
            }
            push_folded(&mut current, c);
        } else if is_apostrophe(c) && next_is_word {
            if current.is_empty() {
                start = at;
            }
            current.push('\'');
        } else if !current.is_empty() {
            finish(&mut words, &mut current, start, at);
        }
    }
    finish(&mut words, &mut current, start, text.len());
    words
}

fn finish(words: &mut Vec<Word>, current: &mut String, start: usize, end: usize) {
    if current.is_empty() {
        return;
    }
    if let Some(text) = written_out(current) {
        words.push(Word { text, start, end });
    }
    current.clear();
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

/// The word as the dictionary writes it: informal pronouns in full, the apostrophe
/// of a plural or genitive (`baby's`, `oma's`) dropped with its `s`.
fn written_out(word: &str) -> Option<String> {
    let full = match word {
        "m'n" | "mn" => "mijn",
        "z'n" | "zn" => "zijn",
        "d'r" => "haar",
        "'t" => "het",
        "'s" | "'n" => return None,
        _ => "",
    };
    if !full.is_empty() {
        return Some(full.to_string());
    }
    let word = word.strip_suffix("'s").unwrap_or(word);
    let word: String = word.chars().filter(|&c| c != '\'').collect();
    (!word.is_empty()).then_some(word)
}

/// Pushes `c` lower-cased and without its accent; ligatures become two letters.
fn push_folded(out: &mut String, c: char) {
    for lower in c.to_lowercase() {
        let plain = match lower {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            'æ' => {
                out.push_str("ae");
                continue;
            }
            'œ' => {
                out.push_str("oe");
                continue;
            }
            'ĳ' => {
                out.push_str("ij");
                continue;
            }
            other => other,
        };
        out.push(plain);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn lower_cases_and_folds_accents() {
        assert_eq!(texts("Ideeën over CRÈCHE"), ["ideeen", "over", "creche"]);
    }

    #[test]
    fn writes_out_informal_pronouns() {
        let expected = ["mijn", "vader", "en", "mijn", "moeder", "zijn", "zus"];
        assert_eq!(texts("m'n vader en mn moeder, z’n zus"), expected);
    }

    #[test]
    fn drops_plural_apostrophe() {
        assert_eq!(texts("baby's en oma's"), ["baby", "en", "oma"]);
    }

    #[test]
    fn splits_on_punctuation_and_keeps_offsets() {
        let found = words("16-jarige, time-out!");
        assert_eq!(found.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(), ["16", "jarige", "time", "out"]);
        assert_eq!((found[1].start, found[1].end), (3, 9));
    }
}
