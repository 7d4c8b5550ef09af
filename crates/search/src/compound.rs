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
    /// The site words of the parts, in order; `None` for the unknown part.
    parts: Vec<Option<String>>,
    unknown_letters: usize,
    shortest: usize,
}

impl Split {
    fn rank(&self) -> (usize, usize, std::cmp::Reverse<usize>) {
        (self.unknown_letters, self.parts.len(), std::cmp::Reverse(self.shortest))
    }
}

/// The site words a compound consists of, or an empty list when it is none.
pub(crate) fn split(word: &str, parts: &impl Parts) -> Vec<String> {
    if word.len() < MIN_COMPOUND || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
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
                    candidates.push((unknown_before, Some(site.clone()), 0));
                }
                if site.is_none() && unknown_before == 0 && piece.len() >= MIN_MEANINGFUL {
                    candidates.push((1, None, piece.len()));
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
    chosen.map(|split| split.parts.iter().flatten().cloned().collect()).unwrap_or_default()
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
            ["s", "en", "e"].iter().filter_map(|l| part.strip_suffix(l)).find(|p| p.len() >= MIN_PART && known(p)).map(str::to_string)
        }
    }

    const SITE: Site = Site(&[
        "zakgeld", "zak", "geld", "afspraken", "huiswerk", "stress", "veiligheid", "plan", "slaap", "problemen",
        "scheiding", "beloning", "luis", "hoofd", "jaar", "dag",
    ]);

    #[test]
    fn splits_into_site_words_with_linking_letters() {
        assert_eq!(split("zakgeldafspraken", &SITE), ["zakgeld", "afspraken"]);
        assert_eq!(split("huiswerkstress", &SITE), ["huiswerk", "stress"]);
        assert_eq!(split("veiligheidsplan", &SITE), ["veiligheid", "plan"]);
        assert_eq!(split("slaapproblemen", &SITE), ["slaap", "problemen"]);
        assert_eq!(split("hoofdluis", &SITE), ["hoofd", "luis"]);
    }

    #[test]
    fn allows_one_part_the_site_does_not_use() {
        assert_eq!(split("echtscheiding", &SITE), ["scheiding"]);
        assert_eq!(split("beloningssysteem", &SITE), ["beloning"]);
    }

    #[test]
    fn leaves_words_whole_without_a_meaningful_site_part() {
        assert!(split("verjaardag", &SITE).is_empty(), "jaar and dag would leave `ver`, too short to be a word");
        assert!(split("geld", &SITE).is_empty());
        assert!(split("pilaarzuil", &SITE).is_empty());
    }
}
