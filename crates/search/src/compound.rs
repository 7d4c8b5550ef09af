//! Splitting compounds: "zakgeldafspraken" is "zakgeld" + "afspraken", "echtscheiding" is
//! "echt" + "scheiding", "beloningssysteem" is "beloning(s)" + "systeem".
//!
//! Dutch writes compounds as one word, so a question about "slaapproblemen" must find a page
//! about "slaap" and "problemen". A split is accepted when at least one part is a site word of
//! four letters or more; at most one part may be a word the site does not know (it must then
//! have four letters or more), so that a site word inside a longer Dutch word is still found.
//! A part before the last may end in a linking `s`, `en` or `e` ("veiligheidsplan",
//! "boekenkast", "pannekoek"). Of all splits, the one with the fewest unknown letters wins,
//! then the one with the fewest parts, then the one whose shortest part is longest.

/// The shortest part a compound is split into ("zak" + "geld").
pub(crate) const MIN_PART: usize = 3;
/// The shortest part that counts as meaningful, and the shortest unknown part.
const MIN_MEANINGFUL: usize = 4;
/// The shortest word that is tried as a compound.
const MIN_COMPOUND: usize = 2 * MIN_PART;

/// Whether a part is a site word; `last` tells whether it ends the compound.
pub(crate) trait Parts {
    /// The site word a part stands for (the part itself, or the part without a linking
    /// letter when it is not `last`), if it is one.
    fn site_word(&self, part: &str, last: bool) -> Option<String>;
}

/// One way to split the rest of a word, with what makes it better or worse.
#[derive(Debug, Clone)]
struct Split {
    /// The site words of the parts, in order; `Err` with the text of the unknown part.
    parts: Vec<Result<String, String>>,
    unknown_letters: usize,
    shortest: usize,
}

impl Split {
    fn rank(&self) -> (usize, usize, std::cmp::Reverse<usize>) {
        (self.unknown_letters, self.parts.len(), std::cmp::Reverse(self.shortest))
    }
}

/// How a compound splits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Compound {
    /// The site words among its parts, in order; empty when the word is no compound.
    pub site: Vec<String>,
    /// The part the site does not know, if there is one.
    pub unknown: Option<String>,
}

/// How a word splits into site words (and perhaps one other part); empty when it does not.
pub(crate) fn split(word: &str, parts: &impl Parts) -> Compound {
    if word.len() < MIN_COMPOUND || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Compound::default();
    }
    // best[i]: the best split of word[i..], for each number of unknown parts (0 or 1).
    let n = word.len();
    let mut best: Vec<[Option<Split>; 2]> = vec![[None, None]; n + 1];
    best[n] = [Some(Split { parts: Vec::new(), unknown_letters: 0, shortest: usize::MAX }), None];
    for start in (0..n).rev() {
        for end in start + MIN_PART..=n {
            let piece = &word[start..end];
            let last = end == n;
            if start == 0 && last {
                continue;
            }
            let site = parts.site_word(piece, last);
            for unknown_before in 0..2 {
                let Some(rest) = best[end][unknown_before].clone() else { continue };
                let mut candidates = Vec::new();
                if let Some(site) = &site {
                    candidates.push((unknown_before, Ok(site.clone()), 0));
                }
                if site.is_none() && unknown_before == 0 && piece.len() >= MIN_MEANINGFUL {
                    candidates.push((1, Err(piece.to_string()), piece.len()));
                }
                for (unknowns, part, letters) in candidates {
                    let mut next = rest.clone();
                    next.parts.insert(0, part);
                    next.unknown_letters += letters;
                    next.shortest = next.shortest.min(piece.len());
                    let slot = &mut best[start][unknowns];
                    if slot.as_ref().is_none_or(|current| next.rank() < current.rank()) {
                        *slot = Some(next);
                    }
                }
            }
        }
    }
    let chosen = best[0]
        .iter()
        .flatten()
        .filter(|split| split.parts.iter().flatten().any(|p| p.len() >= MIN_MEANINGFUL))
        .min_by_key(|split| split.rank());
    let Some(chosen) = chosen else { return Compound::default() };
    Compound {
        site: chosen.parts.iter().flatten().cloned().collect(),
        unknown: chosen.parts.iter().find_map(|p| p.clone().err()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Site(&'static [&'static str]);

    impl Parts for Site {
        fn site_word(&self, part: &str, last: bool) -> Option<String> {
            let known = |p: &str| self.0.contains(&p);
            if known(part) {
                return Some(part.to_string());
            }
            if last {
                return None;
            }
            ["s", "en", "e"]
                .iter()
                .filter_map(|l| part.strip_suffix(l))
                .find(|p| p.len() >= MIN_PART && known(p))
                .map(str::to_string)
        }
    }

    const SITE: Site = Site(&[
        "zakgeld",
        "zak",
        "geld",
        "afspraken",
        "huiswerk",
        "stress",
        "veiligheid",
        "plan",
        "slaap",
        "problemen",
        "scheiding",
        "beloning",
        "luis",
        "hoofd",
        "jaar",
        "dag",
    ]);

    #[test]
    fn splits_into_site_words_with_linking_letters() {
        let site = |w: &str| split(w, &SITE).site;
        assert_eq!(site("zakgeldafspraken"), ["zakgeld", "afspraken"]);
        assert_eq!(site("huiswerkstress"), ["huiswerk", "stress"]);
        assert_eq!(site("veiligheidsplan"), ["veiligheid", "plan"]);
        assert_eq!(site("slaapproblemen"), ["slaap", "problemen"]);
        assert_eq!(site("hoofdluis"), ["hoofd", "luis"]);
        assert_eq!(split("hoofdluis", &SITE).unknown, None);
    }

    #[test]
    fn allows_one_part_the_site_does_not_use() {
        assert_eq!(split("echtscheiding", &SITE), Compound { site: vec!["scheiding".into()], unknown: Some("echt".into()) });
        assert_eq!(split("beloningssysteem", &SITE).site, ["beloning"]);
        assert_eq!(split("beloningssysteem", &SITE).unknown.as_deref(), Some("systeem"));
    }

    #[test]
    fn leaves_words_whole_without_a_meaningful_site_part() {
        assert_eq!(split("verjaardag", &SITE), Compound::default(), "jaar and dag would leave `ver`, too short to be a word");
        assert_eq!(split("geld", &SITE), Compound::default());
        assert_eq!(split("pilaarzuil", &SITE), Compound::default());
    }
}
