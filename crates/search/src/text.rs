//! Cuts text into comparable words: lower case, accents folded ([`cjg_lexicon::fold`]), chat
//! spellings written out, stretched letters cut short.
//!
//! The analyzer, the synonym list and the risk signals all compare words made here,
//! so "Mijn", "mijn", "m'n" and "mn" are one word everywhere, and "k wil nie" is "ik wil niet".

/// One word of a text, with where it stood (byte offsets into the original text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The normalised word.
    pub text: String,
    /// For a word typed with a run of letters ("heeeel"): the form with each run as one
    /// letter ("hel"), where [`Word::text`] has two ("heel").
    pub single: Option<String>,
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character in the original text.
    pub end: usize,
}

/// The normalised words of `text`, in order.
///
/// A word is a run of letters and digits; an apostrophe inside a word stays part of
/// it (`m'n`, `baby's`) and is resolved by [`written_out`]. A chat spelling of two words
/// ("kben") gives two words at the same offsets.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Vec<char> = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || is_apostrophe(c) && next_is_word {
            if current.is_empty() {
                start = at;
            }
            current.push(if c.is_alphanumeric() { c } else { '\'' });
        } else if !current.is_empty() {
            finish(&mut words, &text[start..at], &mut current, start, at);
        }
    }
    finish(&mut words, &text[start..], &mut current, start, text.len());
    words
}

/// Ends the word of `current` (the characters as typed, `typed` in the text): stretched
/// letters cut short, then folded and written out.
fn finish(words: &mut Vec<Word>, typed: &str, current: &mut Vec<char>, start: usize, end: usize) {
    if current.is_empty() {
        return;
    }
    // Most words of a page are plain: lower-case ASCII, no apostrophe, no stretched letters.
    // They need no folding and, unless they are chat spelling, no copy but the word itself.
    let plain = typed.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && !typed.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    if plain {
        match chat(typed) {
            Some(full) => words.extend(full.split(' ').map(|text| Word { text: text.to_string(), single: None, start, end })),
            None => words.push(Word { text: typed.to_string(), single: None, start, end }),
        }
        current.clear();
        return;
    }
    let (text, single) = squeezed(current);
    let single = single.and_then(|s| written_out(&cjg_lexicon::fold(&s)).pop());
    for text in written_out(&cjg_lexicon::fold(&text)) {
        let single = single.clone().filter(|s| *s != text);
        words.push(Word { text, single, start, end });
    }
    current.clear();
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

/// Chat spellings written out, as the dictionary writes them. Only spellings that mean one
/// thing: "me" stays "me", since it is also the object form of "ik". Sorted, for binary search.
const CHAT: &[(&str, &str)] = &[
    ("'k", "ik"),
    ("'n", "een"),
    ("'t", "het"),
    ("aub", "alstublieft"),
    ("d'r", "haar"),
    ("d8", "dacht"),
    ("dr", "er"),
    ("eff", "even"),
    ("effe", "even"),
    ("em", "hem"),
    ("ff", "even"),
    ("gwn", "gewoon"),
    ("idd", "inderdaad"),
    ("iem", "iemand"),
    ("k", "ik"),
    ("kben", "ik ben"),
    ("kdenk", "ik denk"),
    ("kga", "ik ga"),
    ("khad", "ik had"),
    ("kheb", "ik heb"),
    ("kkan", "ik kan"),
    ("kmoet", "ik moet"),
    ("kvoel", "ik voel"),
    ("kwas", "ik was"),
    ("kweet", "ik weet"),
    ("kwil", "ik wil"),
    ("kwou", "ik wou"),
    ("kzal", "ik zal"),
    ("kzit", "ik zit"),
    ("kzou", "ik zou"),
    ("m'n", "mijn"),
    ("mn", "mijn"),
    ("mss", "misschien"),
    ("n8", "nacht"),
    ("ni", "niet"),
    ("nie", "niet"),
    ("niks", "niets"),
    ("nix", "niets"),
    ("nt", "niet"),
    ("pls", "alsjeblieft"),
    ("plz", "alsjeblieft"),
    ("sws", "sowieso"),
    ("t", "het"),
    ("tis", "het is"),
    ("w8", "wacht"),
    ("wnnr", "wanneer"),
    ("wnr", "wanneer"),
    ("wrm", "waarom"),
    ("wrom", "waarom"),
    ("z'n", "zijn"),
    ("zn", "zijn"),
];

/// The length in bytes of the longest spelling in [`CHAT`]: longer words need no look-up.
const LONGEST_CHAT: usize = {
    let mut longest = 0;
    let mut at = 0;
    while at < CHAT.len() {
        if CHAT[at].0.len() > longest {
            longest = CHAT[at].0.len();
        }
        at += 1;
    }
    longest
};

/// What a chat spelling stands for, in full.
fn chat(word: &str) -> Option<&'static str> {
    if word.len() > LONGEST_CHAT {
        return None;
    }
    CHAT.binary_search_by(|(chat, _)| chat.cmp(&word)).ok().map(|at| CHAT[at].1)
}

/// The word as the dictionary writes it: chat spellings in full ([`CHAT`]), the apostrophe of
/// a plural or genitive (`baby's`, `oma's`) dropped with its `s`. The chat spelling of two
/// words ("kben") gives both.
fn written_out(word: &str) -> Vec<String> {
    if word == "'s" {
        return Vec::new();
    }
    if let Some(full) = chat(word) {
        return full.split(' ').map(str::to_string).collect();
    }
    let word = word.strip_suffix("'s").unwrap_or(word);
    let word: String = word.chars().filter(|&c| c != '\'').collect();
    if word.is_empty() {
        Vec::new()
    } else {
        vec![word]
    }
}

/// Runs of three or more of one letter as typed ("heeeel", "zooo"; not the "eeë" of
/// "ideeën") cut to two; a word typed this way also gets its form with each run as one
/// letter, for the analyzer to choose from.
fn squeezed(chars: &[char]) -> (String, Option<String>) {
    let stretched = chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_alphabetic());
    if !stretched {
        return (chars.iter().collect(), None);
    }
    let mut two = String::new();
    let mut one = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let run = chars[..i].iter().rev().take_while(|&&p| p == c).count();
        if run < 2 {
            two.push(c);
        }
        if run < 1 {
            one.push(c);
        }
    }
    (two, Some(one))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn lower_cases_and_folds_accents() {
        assert_eq!(texts("Ideeën over CRÈCHE, lĳden"), ["ideeen", "over", "creche", "lijden"]);
    }

    #[test]
    fn writes_out_informal_pronouns() {
        let expected = ["mijn", "vader", "en", "mijn", "moeder", "zijn", "zus"];
        assert_eq!(texts("m'n vader en mn moeder, z’n zus"), expected);
    }

    #[test]
    fn writes_out_chat_spelling() {
        assert_eq!(texts("k wil nie meer, ff wachten"), ["ik", "wil", "niet", "meer", "even", "wachten"]);
        assert_eq!(texts("kben bang dat t nie goed gaat"), ["ik", "ben", "bang", "dat", "het", "niet", "goed", "gaat"]);
        assert_eq!(texts("w8 ff"), ["wacht", "even"]);
    }

    #[test]
    fn chat_spellings_are_sorted() {
        assert!(CHAT.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn cuts_stretched_letters_short() {
        let found = words("heeeel zooo bang!!!");
        assert_eq!(found.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(), ["heel", "zoo", "bang"]);
        assert_eq!(found[0].single.as_deref(), Some("hel"));
        assert_eq!(found[1].single.as_deref(), Some("zo"));
        assert_eq!(found[2].single, None);
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
