//! Reads a Hunspell dictionary (an `.aff` file of affix rules and a `.dic` file of roots) and
//! lists every word form it accepts, with the root and affixes that made each form.
//!
//! Only the parts of the format that OpenTaal's Dutch dictionary uses are read: two-letter
//! flags (`FLAG long`), prefixes and suffixes with conditions and continuation flags, two
//! suffixes in a row, prefix × suffix cross products, `FORBIDDENWORD`, `ONLYINCOMPOUND` and
//! the compound position flags. Everything else in the `.aff` file (suggestion tables, key
//! maps, compound patterns) only matters to a spelling checker and is skipped.
//!
//! This module is compiled twice: into the crate, for its tests, and into `build.rs`, which
//! turns the dictionary into the embedded lexicon. It therefore uses nothing but `std`.

use std::collections::HashMap;
use std::fmt;

/// A two-letter Hunspell flag, like `Zh` or `V3`.
pub type Flag = [u8; 2];

/// A mistake in the dictionary files, by file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// `aff` or `dic`.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

/// Where a form may stand in a compound, and whether it may stand alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Use {
    /// A word on its own (not marked `ONLYINCOMPOUND`).
    pub alone: bool,
    /// As the first part of a compound.
    pub first: bool,
    /// As a middle part.
    pub middle: bool,
    /// As the last part.
    pub last: bool,
}

/// One form the dictionary accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The form as the dictionary writes it.
    pub text: String,
    /// Index of the root in [`Dictionary::roots`].
    pub root: usize,
    /// The prefix that was added (`aan` of `aanslaan`), if any.
    pub prefix: Option<String>,
    /// The flags of the suffixes that were added, first one first.
    pub suffixes: Vec<Flag>,
    /// Where the form may be used.
    pub usage: Use,
}

/// A root of the `.dic` file with its flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    /// The root as written.
    pub text: String,
    /// Its flags.
    pub flags: Vec<Flag>,
}

/// The special flags this reader acts on.
#[derive(Debug, Clone, Default)]
struct Special {
    forbidden: Option<Flag>,
    only_in_compound: Option<Flag>,
    compound_begin: Option<Flag>,
    compound_middle: Option<Flag>,
    compound_end: Option<Flag>,
    compound_permit: Option<Flag>,
}

/// One character position of an affix condition.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    Any,
    OneOf(Vec<char>),
    NoneOf(Vec<char>),
}

/// One rule of an affix group.
#[derive(Debug, Clone)]
struct Rule {
    strip: String,
    add: String,
    continuation: Vec<Flag>,
    condition: Vec<Position>,
}

/// A `PFX` or `SFX` group: all rules of one flag.
#[derive(Debug, Clone)]
struct Group {
    prefix: bool,
    cross_product: bool,
    rules: Vec<Rule>,
}

/// A parsed dictionary.
#[derive(Debug, Clone)]
pub struct Dictionary {
    groups: HashMap<Flag, Group>,
    special: Special,
    /// The roots of the `.dic` file, in file order.
    pub roots: Vec<Root>,
}

impl Dictionary {
    /// Parses the two files of a dictionary.
    pub fn parse(aff: &str, dic: &str) -> Result<Dictionary, ParseError> {
        let (groups, special) = parse_aff(aff)?;
        let roots = parse_dic(dic)?;
        Ok(Dictionary { groups, special, roots })
    }

    /// Every form of every root, in root order. Forbidden roots give none.
    pub fn forms(&self) -> Vec<Form> {
        let mut forms = Vec::new();
        for (index, root) in self.roots.iter().enumerate() {
            self.forms_of(index, root, &mut forms);
        }
        forms
    }

    fn has(&self, flags: &[Flag], special: Option<Flag>) -> bool {
        special.is_some_and(|flag| flags.contains(&flag))
    }

    fn usage(&self, root_flags: &[Flag], affix_flags: Option<&[Flag]>) -> Use {
        let s = &self.special;
        match affix_flags {
            None => Use {
                alone: !self.has(root_flags, s.only_in_compound),
                first: self.has(root_flags, s.compound_begin),
                middle: self.has(root_flags, s.compound_middle),
                last: self.has(root_flags, s.compound_end),
            },
            // An affixed form may stand inside a compound when its affix permits it or
            // names the position itself; it may always end one when its root may.
            Some(affix) => {
                let permit = self.has(affix, s.compound_permit);
                Use {
                    alone: !self.has(affix, s.only_in_compound),
                    first: self.has(affix, s.compound_begin) || permit && self.has(root_flags, s.compound_begin),
                    middle: self.has(affix, s.compound_middle) || permit && self.has(root_flags, s.compound_middle),
                    last: self.has(root_flags, s.compound_end) || self.has(affix, s.compound_end),
                }
            }
        }
    }

    fn forms_of(&self, index: usize, root: &Root, out: &mut Vec<Form>) {
        if self.has(&root.flags, self.special.forbidden) {
            return;
        }
        let form = |text: String, prefix: Option<String>, suffixes: Vec<Flag>, usage: Use| Form {
            text,
            root: index,
            prefix,
            suffixes,
            usage,
        };
        out.push(form(root.text.clone(), None, Vec::new(), self.usage(&root.flags, None)));

        // Suffixed forms: one suffix, and a second one where the first one's continuation allows it.
        let mut suffixed: Vec<(String, Vec<Flag>, Vec<Flag>, bool)> = Vec::new();
        for flag in &root.flags {
            let Some(group) = self.groups.get(flag).filter(|g| !g.prefix) else { continue };
            for rule in group.rules.iter().filter(|r| r.applies_to(&root.text, false)) {
                let once = rule.apply(&root.text, false);
                suffixed.push((once.clone(), vec![*flag], rule.continuation.clone(), group.cross_product));
                for second in &rule.continuation {
                    let Some(group2) = self.groups.get(second).filter(|g| !g.prefix) else { continue };
                    for rule2 in group2.rules.iter().filter(|r| r.applies_to(&once, false)) {
                        let twice = rule2.apply(&once, false);
                        let cross = group.cross_product && group2.cross_product;
                        suffixed.push((twice, vec![*flag, *second], rule2.continuation.clone(), cross));
                    }
                }
            }
        }
        for (text, flags, continuation, _) in &suffixed {
            out.push(form(text.clone(), None, flags.clone(), self.usage(&root.flags, Some(continuation))));
        }

        // Prefixed forms, and prefixed suffixed forms where both allow the cross product.
        for flag in &root.flags {
            let Some(group) = self.groups.get(flag).filter(|g| g.prefix) else { continue };
            for rule in group.rules.iter().filter(|r| r.applies_to(&root.text, true)) {
                let prefix = rule.add.clone();
                let usage = self.usage(&root.flags, Some(&rule.continuation));
                out.push(form(rule.apply(&root.text, true), Some(prefix.clone()), Vec::new(), usage));
                if !group.cross_product {
                    continue;
                }
                for (text, flags, continuation, cross) in &suffixed {
                    if *cross && rule.applies_to(text, true) {
                        let usage = self.usage(&root.flags, Some(continuation));
                        out.push(form(rule.apply(text, true), Some(prefix.clone()), flags.clone(), usage));
                    }
                }
            }
        }
    }
}

impl Rule {
    fn applies_to(&self, word: &str, prefix: bool) -> bool {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() <= self.strip.chars().count() || chars.len() < self.condition.len() {
            return false;
        }
        let window: &[char] = if prefix { &chars[..self.condition.len()] } else { &chars[chars.len() - self.condition.len()..] };
        let stripped_ok = if prefix { word.starts_with(&self.strip) } else { word.ends_with(&self.strip) };
        stripped_ok && window.iter().zip(&self.condition).all(|(c, position)| position.matches(*c))
    }

    fn apply(&self, word: &str, prefix: bool) -> String {
        if prefix {
            format!("{}{}", self.add, &word[self.strip.len()..])
        } else {
            format!("{}{}", &word[..word.len() - self.strip.len()], self.add)
        }
    }
}

impl Position {
    fn matches(&self, c: char) -> bool {
        match self {
            Position::Any => true,
            Position::OneOf(set) => set.contains(&c),
            Position::NoneOf(set) => !set.contains(&c),
        }
    }
}

fn parse_aff(aff: &str) -> Result<(HashMap<Flag, Group>, Special), ParseError> {
    let mut groups: HashMap<Flag, Group> = HashMap::new();
    let mut special = Special::default();
    for (index, line) in aff.lines().enumerate() {
        let error = |message: String| ParseError { file: "aff", line: index + 1, message };
        let fields: Vec<&str> = line.split_whitespace().collect();
        let Some(&keyword) = fields.first() else { continue };
        let flag_of =
            |i: usize| fields.get(i).ok_or_else(|| error(format!("{keyword} needs a flag"))).and_then(|f| flag(f).map_err(error));
        match keyword {
            "FLAG" if fields.get(1) != Some(&"long") => return Err(error("only `FLAG long` is supported".into())),
            "SET" if fields.get(1) != Some(&"UTF-8") => return Err(error("only `SET UTF-8` is supported".into())),
            "FORBIDDENWORD" => special.forbidden = Some(flag_of(1)?),
            "ONLYINCOMPOUND" => special.only_in_compound = Some(flag_of(1)?),
            "COMPOUNDBEGIN" => special.compound_begin = Some(flag_of(1)?),
            "COMPOUNDMIDDLE" => special.compound_middle = Some(flag_of(1)?),
            "COMPOUNDEND" => special.compound_end = Some(flag_of(1)?),
            "COMPOUNDPERMITFLAG" => special.compound_permit = Some(flag_of(1)?),
            "PFX" | "SFX" => {
                let group_flag = flag_of(1)?;
                let is_header = fields.len() == 4
                    && matches!(fields[2], "Y" | "N")
                    && fields[3].parse::<usize>().is_ok()
                    && !groups.contains_key(&group_flag);
                if is_header {
                    groups.insert(
                        group_flag,
                        Group { prefix: keyword == "PFX", cross_product: fields[2] == "Y", rules: Vec::new() },
                    );
                    continue;
                }
                let group = groups.get_mut(&group_flag).ok_or_else(|| error("affix rule before its header".into()))?;
                let strip = fields.get(2).ok_or_else(|| error("affix rule without strip".into()))?;
                let add_field = fields.get(3).ok_or_else(|| error("affix rule without affix".into()))?;
                let (add, continuation) = match add_field.split_once('/') {
                    Some((add, flags)) => (add, parse_flags(flags).map_err(error)?),
                    None => (*add_field, Vec::new()),
                };
                let condition = parse_condition(fields.get(4).copied().unwrap_or(".")).map_err(error)?;
                group.rules.push(Rule {
                    strip: if *strip == "0" { String::new() } else { strip.to_string() },
                    add: if add == "0" { String::new() } else { add.to_string() },
                    continuation,
                    condition,
                });
            }
            _ => {}
        }
    }
    Ok((groups, special))
}

fn parse_dic(dic: &str) -> Result<Vec<Root>, ParseError> {
    let mut roots = Vec::new();
    for (index, line) in dic.lines().enumerate().skip(1) {
        let error = |message: String| ParseError { file: "dic", line: index + 1, message };
        // Morphological fields after a tab or space are not needed.
        let entry = line.split(['\t', ' ']).next().unwrap_or_default();
        if entry.is_empty() {
            continue;
        }
        // A slash escaped with a backslash is part of the word (`km\/h`).
        let (text, flags) = match split_flags(entry) {
            Some((text, flags)) => (text, parse_flags(flags).map_err(error)?),
            None => (entry.replace("\\/", "/"), Vec::new()),
        };
        roots.push(Root { text, flags });
    }
    Ok(roots)
}

/// Splits `word/FLAGS` at the first slash that is not escaped.
fn split_flags(entry: &str) -> Option<(String, &str)> {
    let bytes = entry.as_bytes();
    let at = (0..bytes.len()).find(|&i| bytes[i] == b'/' && (i == 0 || bytes[i - 1] != b'\\'))?;
    Some((entry[..at].replace("\\/", "/"), &entry[at + 1..]))
}

fn flag(text: &str) -> Result<Flag, String> {
    match text.as_bytes() {
        [a, b] => Ok([*a, *b]),
        _ => Err(format!("`{text}` is not a two-letter flag")),
    }
}

fn parse_flags(text: &str) -> Result<Vec<Flag>, String> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return Err(format!("`{text}` is not a list of two-letter flags"));
    }
    Ok(text.as_bytes().chunks(2).map(|pair| [pair[0], pair[1]]).collect())
}

fn parse_condition(text: &str) -> Result<Vec<Position>, String> {
    if text == "." {
        return Ok(Vec::new());
    }
    let mut positions = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        positions.push(match c {
            '.' => Position::Any,
            '[' => {
                let mut set = Vec::new();
                let mut negated = false;
                loop {
                    match chars.next() {
                        None => return Err(format!("condition `{text}` has an open `[`")),
                        Some(']') => break,
                        Some('^') if set.is_empty() && !negated => negated = true,
                        Some(other) => set.push(other),
                    }
                }
                if negated {
                    Position::NoneOf(set)
                } else {
                    Position::OneOf(set)
                }
            }
            other => Position::OneOf(vec![other]),
        });
    }
    Ok(positions)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "SET UTF-8\nFLAG long\nFORBIDDENWORD Fw\nONLYINCOMPOUND Cx\n\
        COMPOUNDBEGIN Ca\nCOMPOUNDEND Cc\nCOMPOUNDPERMITFLAG Cp\n\
        SFX Zh Y 1\nSFX Zh s zen/CaCp s\tts:NN2\n\
        SFX Yb Y 1\nSFX Yb 0 je [^m]\n\
        SFX Ch Y 1\nSFX Ch 0 s/CaCxCp .\n\
        SFX V3 Y 2\nSFX V3 0 t [^ao]\nSFX V3 0 at a\n\
        SFX Ab Y 1\nSFX Ab 0 er/Aa .\nSFX Aa Y 1\nSFX Aa 0 e .\n\
        PFX Pb Y 1\nPFX Pb 0 aan .\n";

    fn texts(dic: &str) -> Vec<String> {
        let dictionary = Dictionary::parse(AFF, dic).unwrap();
        dictionary.forms().into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn expands_suffixes_with_conditions() {
        assert_eq!(texts("1\nluis/CaCcZhYb\n"), ["luis", "luizen", "luisje"]);
        assert_eq!(texts("1\nboom/Yb\n"), ["boom"], "the condition [^m] keeps -je off boom");
        assert_eq!(texts("1\nsla/V3\n"), ["sla", "slaat"]);
    }

    #[test]
    fn prefixes_cross_with_suffixes() {
        assert_eq!(texts("1\nsla/V3Pb\n"), ["sla", "slaat", "aansla", "aanslaat"]);
    }

    #[test]
    fn records_how_a_form_was_made_and_where_it_may_stand() {
        let dictionary = Dictionary::parse(AFF, "1\nluis/CaCcZh\nbeloning/Ch\nfout/Fw\n").unwrap();
        let forms = dictionary.forms();
        let luizen = forms.iter().find(|f| f.text == "luizen").unwrap();
        assert_eq!((luizen.root, luizen.suffixes.as_slice()), (0, &[*b"Zh"][..]));
        assert!(luizen.usage.alone && luizen.usage.first && luizen.usage.last);
        let linking = forms.iter().find(|f| f.text == "belonings").unwrap();
        assert!(!linking.usage.alone && linking.usage.first, "a linking s only inside compounds");
        assert!(!forms.iter().any(|f| f.text == "fout"), "forbidden words are no forms");
    }

    #[test]
    fn a_second_suffix_follows_the_first_ones_continuation() {
        assert_eq!(texts("1\nklein/Ab\n"), ["klein", "kleiner", "kleinere"]);
    }

    #[test]
    fn names_the_line_of_a_mistake() {
        let error = Dictionary::parse("FLAG long\nSFX Zh s zen s\n", "1\n").unwrap_err();
        assert_eq!((error.file, error.line), ("aff", 2));
        let error = Dictionary::parse(AFF, "2\nluis/CaC\n").unwrap_err();
        assert_eq!((error.file, error.line), ("dic", 2));
    }
}
