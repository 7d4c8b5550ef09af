//! Dutch verb forms: from a stem or a past participle back to the infinitive, and the
//! verb table of the Pattern library for the irregular verbs.
//!
//! OpenTaal lists every form of a verb, but as separate roots: `kras` (with the flags that
//! make `krast`, `kraste`, `krasten`), `krassen` (the infinitive) and `gekrast` (the
//! participle). The spelling rules below propose infinitives ("kras" → "krassen", "slaap" →
//! "slapen", "leef" → "leven"); the caller keeps only the ones the dictionary knows as
//! infinitives, so a rule can propose too much but never invent a verb. Strong and irregular
//! verbs ("sloeg", "geslagen", "leed") cannot be derived by rule: [`VerbTable`] gives them.
//!
//! Compiled into the crate (for its tests) and into `build.rs`; uses nothing but `std`.

use crate::particles::PARTICLES;

/// Prefixes that never take `ge-` in the participle: `bedreigd`, `verslaafd`, `mishandeld`.
const INSEPARABLE: [&str; 7] = ["be", "ver", "ont", "her", "er", "ge", "mis"];

/// Infinitives a verb stem may belong to, most likely first.
pub fn infinitives_of_stem(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(last) = stem.chars().last() else { return out };
    if is_vowel(last) {
        // sla → slaan, ga → gaan, doe → doen, zie → zien
        out.push(format!("{stem}{last}n"));
        out.push(format!("{stem}n"));
        out.push(format!("{stem}en"));
        return out;
    }
    out.push(format!("{stem}en"));
    let body = &stem[..stem.len() - last.len_utf8()];
    // kras → krassen, stop → stoppen: one short vowel before one consonant
    if ends_in_single_short_vowel(body) {
        out.push(format!("{stem}{last}en"));
    }
    // slaap → slapen, huur → huren, leef → leven, verhuis → verhuizen
    let voiced = match last {
        'f' => Some('v'),
        's' => Some('z'),
        _ => None,
    };
    let open = undouble_vowel(body).unwrap_or_else(|| body.to_string());
    for consonant in [Some(last), voiced].into_iter().flatten() {
        let candidate = format!("{open}{consonant}en");
        if !out.contains(&candidate) {
            out.push(candidate);
        }
    }
    out
}

/// The stems a past participle (or the adjective made of it) may come from, with the
/// particle of a separable verb in front: `gekrast` → `kras`, `bedreigd` → `bedreig`,
/// `opgesloten` cannot be reduced (it is strong) and gives what the rules propose anyway.
pub fn participle_stems(word: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let word = word.strip_suffix('e').filter(|w| w.ends_with(['t', 'd'])).unwrap_or(word);
    for (particle, rest) in split_particle(word) {
        let core = if let Some(core) = rest.strip_prefix("ge") {
            Some(core)
        } else if INSEPARABLE.iter().any(|p| rest.starts_with(p)) {
            Some(rest)
        } else {
            None
        };
        let Some(core) = core.filter(|c| c.len() > 2) else { continue };
        let Some(without) = core.strip_suffix(['t', 'd']) else { continue };
        // gepest is ge + pest + (t): the stem may keep the t or d it ends in.
        for stem in [without, core] {
            let pair = (particle.to_string(), stem.to_string());
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    out
}

/// The ways `word` splits into a separable particle and the rest; first the whole word
/// without a particle.
pub fn split_particle(word: &str) -> Vec<(&str, &str)> {
    let mut out = vec![("", word)];
    for particle in PARTICLES {
        if let Some(rest) = word.strip_prefix(particle).filter(|r| r.len() >= 3) {
            out.push((particle, rest));
        }
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// "kr" + "a" in "kras": the text before the last consonant ends in exactly one vowel that
/// is not part of a diphthong.
fn ends_in_single_short_vowel(body: &str) -> bool {
    let chars: Vec<char> = body.chars().collect();
    match chars.as_slice() {
        [.., before, vowel] => is_vowel(*vowel) && !is_vowel(*before) && !(*before == 'i' && *vowel == 'j'),
        [vowel] => is_vowel(*vowel),
        [] => false,
    }
}

/// "sla" of "slaap": a doubled vowel made single, as in the open syllable of "slapen".
fn undouble_vowel(body: &str) -> Option<String> {
    let chars: Vec<char> = body.chars().collect();
    match chars.as_slice() {
        [.., a, b] if a == b && matches!(a, 'a' | 'e' | 'o' | 'u') => Some(chars[..chars.len() - 1].iter().collect()),
        _ => None,
    }
}

/// The verb table of the Pattern library (`pattern/text/nl/nl-verbs.txt`): one verb per
/// line, the infinitive first and then its forms, separated by commas; empty fields are
/// forms the table does not give.
#[derive(Debug, Clone, Default)]
pub struct VerbTable {
    /// Infinitive → its forms.
    pub verbs: Vec<(String, Vec<String>)>,
}

impl VerbTable {
    /// Reads the table.
    pub fn parse(text: &str) -> VerbTable {
        let verbs = text
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with(';') && !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split(',').map(str::trim);
                let infinitive = fields.next().filter(|f| !f.is_empty())?.to_string();
                let mut forms: Vec<String> = Vec::new();
                for field in fields.filter(|f| !f.is_empty()) {
                    if field != infinitive && !forms.iter().any(|f| f == field) {
                        forms.push(field.to_string());
                    }
                }
                Some((infinitive, forms))
            })
            .collect();
        VerbTable { verbs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposes_infinitives_by_the_spelling_rules() {
        assert!(infinitives_of_stem("kras").contains(&"krassen".to_string()));
        assert!(infinitives_of_stem("slaap").contains(&"slapen".to_string()));
        assert!(infinitives_of_stem("leef").contains(&"leven".to_string()));
        assert!(infinitives_of_stem("verhuis").contains(&"verhuizen".to_string()));
        assert!(infinitives_of_stem("lijd").contains(&"lijden".to_string()));
        assert_eq!(infinitives_of_stem("wurg")[0], "wurgen");
        assert_eq!(infinitives_of_stem("ga")[0], "gaan");
        assert!(infinitives_of_stem("doe").contains(&"doen".to_string()));
        assert!(!infinitives_of_stem("lijd").contains(&"lijdden".to_string()), "ij is no short vowel");
    }

    #[test]
    fn reduces_participles_to_stems() {
        let stems = |w: &str| participle_stems(w).into_iter().map(|(p, s)| format!("{p}+{s}")).collect::<Vec<_>>();
        assert!(stems("gekrast").contains(&"+kras".to_string()));
        assert!(stems("gepest").contains(&"+pest".to_string()));
        assert!(stems("bedreigd").contains(&"+bedreig".to_string()));
        assert!(stems("verslaafd").contains(&"+verslaaf".to_string()));
        assert!(stems("gechanteerde").contains(&"+chanteer".to_string()));
        assert!(stems("afgemaakt").contains(&"af+maak".to_string()));
        assert!(stems("huis").is_empty());
    }

    #[test]
    fn reads_the_verb_table() {
        let table = VerbTable::parse("slaan,sla,slaat,slaat,,slaand,,,,sloegen,sloeg,geslagen\n");
        assert_eq!(table.verbs[0].0, "slaan");
        assert_eq!(table.verbs[0].1, ["sla", "slaat", "slaand", "sloegen", "sloeg", "geslagen"]);
    }
}
