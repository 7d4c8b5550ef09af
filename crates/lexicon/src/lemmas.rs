//! From the dictionary's forms and the verb table to the lexicon: every folded form, where it
//! may stand, and the lemmas it belongs to.
//!
//! - A form made from a root by suffixes belongs to that root ("luizen" → "luis",
//!   "bijbaantje" → "bijbaan", "kleinere" → "klein").
//! - A verb stem's forms belong to its infinitive ("krast", "kraste" → "krassen"); a past
//!   participle also does ("gekrast" → "krassen", "verslaafd" → "verslaven"), and stays an
//!   adjective of its own.
//! - A plural the dictionary lists as a root of its own belongs to its singular too
//!   ("kinderen" → "kind", "eieren" → "ei"), and so does a compound-only form ("kinder").
//! - A prefixed form belongs to the prefixed lemma ("aansloeg" → "aanslaan").
//! - The verb table adds the irregular forms ("sloeg", "geslagen" → "slaan").
//!
//! Compiled into the crate (for its tests) and into `build.rs`; uses nothing but `std`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::fold::fold;
use crate::hunspell::{Dictionary, Flag, Use};
use crate::verbs::{infinitives_of_stem, participle_stems, VerbTable};

/// The flags OpenTaal gives a verb stem (the form of `ik`): `krast`, `kraste`, `wurgde`.
const VERB_STEM_FLAGS: [Flag; 5] = [*b"V3", *b"Vp", *b"Vq", *b"Va", *b"Vb"];
/// The flag OpenTaal gives an infinitive (it makes the present participle).
const INFINITIVE_FLAG: Flag = *b"Vi";
/// Endings of irregular plurals that OpenTaal lists as roots of their own ("kinderen",
/// "beenderen", "koeien"); regular plurals are made by the singular's own suffix flags.
const PLURAL_ENDINGS: [&str; 3] = ["eren", "deren", "ien"];

/// A bit set of where a form may stand, as stored in the lexicon.
pub mod usage {
    /// A word on its own.
    pub const ALONE: u64 = 1;
    /// The first part of a compound.
    pub const FIRST: u64 = 2;
    /// A middle part of a compound.
    pub const MIDDLE: u64 = 4;
    /// The last part of a compound.
    pub const LAST: u64 = 8;
    /// A lemma itself (a root, an infinitive, a table verb).
    pub const LEMMA: u64 = 16;
}

/// The lexicon before it is written down: forms with their use bits, and (form, lemma) pairs.
#[derive(Debug, Default)]
pub struct Entries {
    /// Folded form → bits of [`usage`].
    pub forms: BTreeMap<String, u64>,
    /// (form, lemma) for every form whose lemma is another word.
    pub lemmas: BTreeSet<(String, String)>,
}

/// The folded form of a dictionary word, or `None` for what is not one plain word of letters
/// (abbreviations with dots, hyphenated words, numbers).
pub fn clean(text: &str) -> Option<String> {
    let folded: String = fold(text).chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    (!folded.is_empty() && folded.bytes().all(|b| b.is_ascii_lowercase())).then_some(folded)
}

fn bits(usage: Use) -> u64 {
    let mut b = 0;
    for (on, bit) in [(usage.alone, usage::ALONE), (usage.first, usage::FIRST), (usage.middle, usage::MIDDLE), (usage.last, usage::LAST)] {
        if on {
            b |= bit;
        }
    }
    b
}

/// Works out the lexicon from a dictionary and a verb table.
pub fn derive(dictionary: &Dictionary, verbs: &VerbTable) -> Entries {
    let forms = dictionary.forms();
    let roots: Vec<Option<String>> = dictionary.roots.iter().map(|r| clean(&r.text)).collect();
    let root_set: HashSet<&str> = roots.iter().flatten().map(String::as_str).collect();
    let infinitives: HashSet<&str> = dictionary
        .roots
        .iter()
        .zip(&roots)
        .filter(|(root, _)| root.flags.contains(&INFINITIVE_FLAG))
        .filter_map(|(_, folded)| folded.as_deref())
        .collect();
    let infinitive_of = |stem: &str| infinitives_of_stem(stem).into_iter().find(|i| infinitives.contains(i.as_str()));

    let mut entries = Entries::default();
    let mut standalone: HashSet<String> = HashSet::new();
    for form in &forms {
        let Some(text) = clean(&form.text) else { continue };
        *entries.forms.entry(text.clone()).or_default() |= bits(form.usage);
        if form.usage.alone {
            standalone.insert(text);
        }
    }

    // The lemmas of each root, before prefixes.
    let mut base: Vec<Vec<String>> = Vec::with_capacity(roots.len());
    for (root, folded) in dictionary.roots.iter().zip(&roots) {
        let Some(text) = folded else {
            base.push(Vec::new());
            continue;
        };
        let mut lemmas = Vec::new();
        if root.flags.iter().any(|f| VERB_STEM_FLAGS.contains(f)) {
            lemmas.extend(infinitive_of(text));
        }
        if lemmas.is_empty() {
            lemmas.push(text.clone());
        }
        if text.ends_with(['t', 'd', 'e']) {
            let verb = participle_stems(text)
                .into_iter()
                .find_map(|(particle, stem)| infinitive_of(&stem).map(|i| format!("{particle}{i}")))
                .filter(|verb| infinitives.contains(verb.as_str()) && !lemmas.contains(verb));
            lemmas.extend(verb);
        }
        for ending in PLURAL_ENDINGS {
            if let Some(singular) = text.strip_suffix(ending).filter(|s| s.len() >= 2 && root_set.contains(s)) {
                if !lemmas.iter().any(|l| l == singular) {
                    lemmas.push(singular.to_string());
                }
                break;
            }
        }
        base.push(lemmas);
    }
    // A form that only stands in compounds ("kinder") belongs where its plural belongs.
    let by_text: BTreeMap<&str, usize> = roots.iter().enumerate().filter_map(|(i, r)| Some((r.as_deref()?, i))).collect();
    for (index, folded) in roots.iter().enumerate() {
        let Some(text) = folded else { continue };
        if standalone.contains(text) {
            continue;
        }
        let plural = ["en", "s"].iter().find_map(|ending| by_text.get(format!("{text}{ending}").as_str()).copied());
        if let Some(plural) = plural {
            let plural_text = roots[plural].as_deref();
            let extra: Vec<String> =
                base[plural].iter().filter(|l| *l != text && Some(l.as_str()) != plural_text).cloned().collect();
            base[index].extend(extra);
        }
    }

    for form in &forms {
        let Some(text) = clean(&form.text) else { continue };
        let lemmas: Vec<String> = match &form.prefix {
            None => base[form.root].clone(),
            Some(prefix) => {
                let prefix = fold(prefix);
                let prefixed: Vec<String> = base[form.root]
                    .iter()
                    .map(|lemma| format!("{prefix}{lemma}"))
                    .filter(|lemma| standalone.contains(lemma))
                    .collect();
                if prefixed.is_empty() {
                    vec![text.clone()]
                } else {
                    prefixed
                }
            }
        };
        for lemma in lemmas {
            entries.add(&text, lemma);
        }
    }

    for (infinitive, verb_forms) in &verbs.verbs {
        let Some(infinitive) = clean(infinitive).filter(|i| standalone.contains(i)) else { continue };
        entries.add(&infinitive, infinitive.clone());
        for verb_form in verb_forms.iter().filter_map(|f| clean(f)).filter(|f| standalone.contains(f)) {
            entries.add(&verb_form, infinitive.clone());
        }
    }
    entries
}

impl Entries {
    fn add(&mut self, form: &str, lemma: String) {
        if lemma == form {
            *self.forms.entry(lemma).or_default() |= usage::LEMMA;
        } else {
            *self.forms.entry(lemma.clone()).or_default() |= usage::LEMMA;
            self.lemmas.insert((form.to_string(), lemma));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\nFLAG long\nONLYINCOMPOUND Cx\nCOMPOUNDBEGIN Ca\nCOMPOUNDEND Cc\n\
        SFX Zh Y 1\nSFX Zh s zen s\n\
        SFX Yb Y 1\nSFX Yb 0 je [^m]\n\
        SFX V3 Y 2\nSFX V3 0 t [^ao]\nSFX V3 0 at a\n\
        SFX Vq Y 2\nSFX Vq 0 te .\nSFX Vq 0 ten .\n\
        SFX Vi Y 1\nSFX Vi 0 d .\n\
        PFX Pb Y 1\nPFX Pb 0 aan .\n";
    const DIC: &str = "13\nluis/CaCcZhYb\nhuis/Yb\nkras/V3Vq\nkrassen/Vi\ngekrast\nkind/CaCc\nkinderen/Cc\n\
        kinder/CaCx\nsla/V3Pb\nslaan/ViPb\nsloeg/Pb\nverslaafd\nverslaven/Vi\n";
    const VERBS: &str = "slaan,sla,slaat,slaat,,slaand,,,,sloegen,sloeg,geslagen\n";

    fn lemmas(entries: &Entries, form: &str) -> Vec<String> {
        entries.lemmas.iter().filter(|(f, _)| f == form).map(|(_, l)| l.clone()).collect()
    }

    fn entries() -> Entries {
        derive(&Dictionary::parse(AFF, DIC).unwrap(), &VerbTable::parse(VERBS))
    }

    #[test]
    fn inflected_nouns_and_diminutives_belong_to_their_root() {
        let e = entries();
        assert_eq!(lemmas(&e, "luizen"), ["luis"]);
        assert_eq!(lemmas(&e, "huisje"), ["huis"]);
        assert_eq!(lemmas(&e, "kinderen"), ["kind"]);
        assert_eq!(lemmas(&e, "kinder"), ["kind"]);
        assert!(e.forms["kinder"] & usage::ALONE == 0 && e.forms["kinder"] & usage::FIRST != 0);
    }

    #[test]
    fn verb_forms_belong_to_the_infinitive() {
        let e = entries();
        assert_eq!(lemmas(&e, "krast"), ["krassen"]);
        assert_eq!(lemmas(&e, "kraste"), ["krassen"]);
        assert_eq!(lemmas(&e, "gekrast"), ["krassen"], "a participle also stays itself");
        assert!(e.forms["gekrast"] & usage::LEMMA != 0);
        assert_eq!(lemmas(&e, "verslaafd"), ["verslaven"]);
        assert_eq!(lemmas(&e, "sloeg"), ["slaan"], "irregular forms from the verb table");
        assert_eq!(lemmas(&e, "slaat"), ["slaan"]);
        assert_eq!(lemmas(&e, "aanslaat"), ["aanslaan"]);
        assert!(!e.forms.contains_key("geslagen"), "the table never adds a form the dictionary lacks");
    }
}
