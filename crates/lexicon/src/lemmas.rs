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

use std::collections::{BTreeMap, HashSet};

use crate::fold::fold;
use crate::hunspell::{Dictionary, Flag, Use};
use crate::verbs::{infinitives_of_stem, participle_stems, VerbTable};

/// The flags OpenTaal gives a verb stem (the form of `ik`): `krast`, `kraste`, `wurgde`.
const VERB_STEM_FLAGS: [Flag; 5] = [*b"V3", *b"Vp", *b"Vq", *b"Va", *b"Vb"];
/// The flag OpenTaal gives a weak past participle (it makes the form with -e).
const PARTICIPLE_FLAG: Flag = *b"Ve";
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
    /// How sure it is a lemma of itself (a [`super::Rank`]) is stored from this bit on.
    pub const SELF_RANK_SHIFT: u32 = 5;
}

/// How surely a form belongs to a lemma; lower is surer. The lexicon lists a form's lemmas in
/// this order, and the search engine searches the first one hardest.
pub type Rank = u8;
/// An inflection of its root: "luizen" of "luis", "krast" of "krassen", "kinderen" of "kind".
pub const INFLECTION: Rank = 0;
/// A root that is a word of its own: a noun, an adjective, an infinitive ("geweld", "week").
pub const OWN_WORD: Rank = 1;
/// A verb reading: a stem, a past form or a participle of a verb ("sloeg" of "slaan", "week"
/// of "wijken", "geweld" of "wellen").
pub const VERB_READING: Rank = 2;
/// A root that is only a verb form, listed for itself ("sloeg", "geslagen", "gekrast").
pub const VERB_FORM: Rank = 3;

/// The lexicon before it is written down: forms with their use bits, and (form, lemma) pairs.
#[derive(Debug, Default)]
pub struct Entries {
    /// Folded form → bits of [`usage`], with the [`Rank`] of the form as its own lemma.
    pub forms: BTreeMap<String, u64>,
    /// (form, lemma) → [`Rank`], for every form whose lemma is another word.
    pub lemmas: BTreeMap<(String, String), Rank>,
    /// Forms that are the text of a noun or adjective root: their own reading comes before
    /// verb readings.
    nouns: HashSet<String>,
    /// Forms that are their own lemma, with the rank the root gave.
    own: BTreeMap<String, Rank>,
}

/// The folded form of a dictionary word, or `None` for what is not one plain word of letters
/// (abbreviations with dots, hyphenated words, numbers).
pub fn clean(text: &str) -> Option<String> {
    let folded: String = fold(text).chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    (!folded.is_empty() && folded.bytes().all(|b| b.is_ascii_lowercase())).then_some(folded)
}

fn bits(usage: Use) -> u64 {
    let mut b = 0;
    for (on, bit) in
        [(usage.alone, usage::ALONE), (usage.first, usage::FIRST), (usage.middle, usage::MIDDLE), (usage.last, usage::LAST)]
    {
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

    // The lemmas of each root, before prefixes: (lemma, rank of the root form, rank of its
    // suffixed forms).
    let mut base: Vec<Vec<(String, Rank, Rank)>> = Vec::with_capacity(roots.len());
    for (root, folded) in dictionary.roots.iter().zip(&roots) {
        let Some(text) = folded else {
            base.push(Vec::new());
            continue;
        };
        // A noun (compound, plural or diminutive flags) or an adjective that is not shaped like
        // a participle ("dik", not "geslagen") is a word of its own before any verb reading.
        let noun = root.flags.iter().any(|f| matches!(f[0], b'C' | b'Z' | b'Y'));
        let participle_shaped =
            text.starts_with("ge") && text.ends_with(['d', 't', 'n']) || root.flags.contains(&PARTICIPLE_FLAG);
        let adjective = root.flags.iter().any(|f| f[0] == b'A') && !participle_shaped;
        if noun || adjective {
            entries.nouns.insert(text.clone());
        }
        let mut lemmas = Vec::new();
        if root.flags.iter().any(|f| VERB_STEM_FLAGS.contains(f)) {
            lemmas.extend(infinitive_of(text).map(|i| (i, VERB_READING, INFLECTION)));
        }
        if lemmas.is_empty() {
            lemmas.push((text.clone(), OWN_WORD, INFLECTION));
        }
        // Only a root the dictionary inflects like a participle or an adjective can be one:
        // "gekrast" (Ve), "verslaafd" (Ab), not the noun "geld".
        let participle_like = root.flags.iter().any(|f| *f == PARTICIPLE_FLAG || f[0] == b'A');
        if participle_like && text.ends_with(['t', 'd', 'e']) {
            let verb = participle_stems(text)
                .into_iter()
                .find_map(|(particle, stem)| infinitive_of(&stem).map(|i| format!("{particle}{i}")))
                .filter(|verb| infinitives.contains(verb.as_str()) && !lemmas.iter().any(|(l, _, _)| l == verb));
            lemmas.extend(verb.map(|v| (v, VERB_READING, VERB_READING)));
        }
        for ending in PLURAL_ENDINGS {
            if let Some(singular) = text.strip_suffix(ending).filter(|s| s.len() >= 3 && root_set.contains(s)) {
                if !lemmas.iter().any(|(l, _, _)| l == singular) {
                    lemmas.push((singular.to_string(), INFLECTION, INFLECTION));
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
            let extra: Vec<(String, Rank, Rank)> = base[plural]
                .iter()
                .filter(|(l, _, _)| l != text && Some(l.as_str()) != plural_text)
                .map(|(l, _, _)| (l.clone(), INFLECTION, INFLECTION))
                .collect();
            base[index].extend(extra);
        }
    }

    for form in &forms {
        let Some(text) = clean(&form.text) else { continue };
        let suffixed = !form.suffixes.is_empty();
        let readings = base[form.root].iter().map(|(lemma, bare, inflected)| (lemma, if suffixed { *inflected } else { *bare }));
        match &form.prefix {
            None => {
                for (lemma, rank) in readings {
                    entries.add(&text, lemma.clone(), rank);
                }
            }
            Some(prefix) => {
                let prefix = fold(prefix);
                let prefixed: Vec<(String, Rank)> = readings
                    .map(|(lemma, rank)| (format!("{prefix}{lemma}"), rank))
                    .filter(|(lemma, _)| standalone.contains(lemma))
                    .collect();
                if prefixed.is_empty() {
                    entries.add(&text, text.clone(), OWN_WORD);
                }
                for (lemma, rank) in prefixed {
                    entries.add(&text, lemma, rank);
                }
            }
        }
    }

    for (infinitive, verb_forms) in &verbs.verbs {
        let Some(infinitive) = clean(infinitive).filter(|i| standalone.contains(i)) else { continue };
        entries.add(&infinitive, infinitive.clone(), OWN_WORD);
        for verb_form in verb_forms.iter().filter_map(|f| clean(f)).filter(|f| standalone.contains(f)) {
            entries.add(&verb_form, infinitive.clone(), VERB_READING);
        }
    }
    entries.settle_own_ranks();
    entries
}

impl Entries {
    fn add(&mut self, form: &str, lemma: String, rank: Rank) {
        *self.forms.entry(lemma.clone()).or_default() |= usage::LEMMA;
        if lemma == form {
            let own = self.own.entry(lemma).or_insert(rank);
            *own = (*own).min(rank);
        } else {
            let known = self.lemmas.entry((form.to_string(), lemma)).or_insert(rank);
            *known = (*known).min(rank);
        }
    }

    /// A form that is a lemma of itself and also a verb form, without a noun root of its own,
    /// is first a verb form: "sloeg" and "geslagen" are "slaan" before they are themselves.
    fn settle_own_ranks(&mut self) {
        let verb_readings: HashSet<&str> =
            self.lemmas.iter().filter(|(_, rank)| **rank == VERB_READING).map(|((form, _), _)| form.as_str()).collect();
        for (form, rank) in &self.own {
            let rank = if verb_readings.contains(form.as_str()) && !self.nouns.contains(form) {
                VERB_FORM
            } else {
                (*rank).min(OWN_WORD)
            };
            if let Some(bits) = self.forms.get_mut(form) {
                *bits |= u64::from(rank) << usage::SELF_RANK_SHIFT;
            }
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
        SFX Vi Y 1\nSFX Vi 0 d .\nSFX Ve Y 1\nSFX Ve 0 e .\nSFX Ab Y 1\nSFX Ab 0 er .\n\
        PFX Pb Y 1\nPFX Pb 0 aan .\n";
    const DIC: &str = "15\nluis/CaCcZhYb\nhuis/Yb\nkras/V3Vq\nkrassen/Vi\ngekrast/Ve\nkind/CaCc\nkinderen/Cc\n\
        kinder/CaCx\nsla/V3Pb\nslaan/ViPb\nsloeg/Pb\nverslaafd/Ab\nverslaven/Vi\ngeld/Cc\ngelen/Vi\n";
    const VERBS: &str = "slaan,sla,slaat,slaat,,slaand,,,,sloegen,sloeg,geslagen\n";

    fn lemmas(entries: &Entries, form: &str) -> Vec<String> {
        entries.lemmas.keys().filter(|(f, _)| f == form).map(|(_, l)| l.clone()).collect()
    }

    fn own_rank(entries: &Entries, form: &str) -> Rank {
        (entries.forms[form] >> usage::SELF_RANK_SHIFT) as Rank
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
        assert!(lemmas(&e, "geld").is_empty(), "a noun is no participle of `gelen`");
        assert_eq!(entries().lemmas[&("sloeg".to_string(), "slaan".to_string())], VERB_READING);
        assert_eq!(own_rank(&e, "sloeg"), VERB_FORM, "a bare past form is first its verb");
        assert_eq!(own_rank(&e, "kind"), OWN_WORD);
        assert_eq!(e.lemmas[&("luizen".to_string(), "luis".to_string())], INFLECTION);
        assert_eq!(lemmas(&e, "sloeg"), ["slaan"], "irregular forms from the verb table");
        assert_eq!(lemmas(&e, "slaat"), ["slaan"]);
        assert_eq!(lemmas(&e, "aanslaat"), ["aanslaan"]);
        assert!(!e.forms.contains_key("geslagen"), "the table never adds a form the dictionary lacks");
    }
}
