//! How a written word becomes the form words are compared by: lower case, accents folded,
//! ligatures written out. The lexicon is stored in this form and the search engine folds
//! every question and page the same way, so "Ideeën", "ideeen" and "IDEEËN" are one word.

/// The folded form of a word: lower case, no accents, ligatures as two letters.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// Pushes `c` lower-cased and without its accent; ligatures become two letters.
pub fn push_folded(out: &mut String, c: char) {
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

    #[test]
    fn lower_cases_and_folds_accents_and_ligatures() {
        assert_eq!(fold("Ideeën"), "ideeen");
        assert_eq!(fold("CRÈCHE"), "creche");
        assert_eq!(fold("lĳden"), "lijden");
        assert_eq!(fold("Ĳsselmeer"), "ijsselmeer");
    }
}
