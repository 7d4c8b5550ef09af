//! How a page addresses its reader: "u" or "je". A page uses one form, and the one that fits its
//! doelgroep: "u" for parents, "je" for young people. Pages for both, or for professionals, may
//! use either, as long as they do not mix.
//!
//! Counted is the running text of the Markdown: not code, not `> ` quotes, not text between
//! quotation marks (what a parent might say to a child: "Je was heel boos."), not web
//! addresses. "Je" is also the informal generic "you" ("dan weet je het"); on a page in "u" it
//! counts, as that is what such a page should avoid. Some "je" still speaks about others, so a
//! page gets advice only when the other form occurs at least [`MIN_COUNT`] times and makes up at
//! least [`MIN_SHARE`] of all forms.

use cjg_common::Doelgroep;
use cjg_site::{Kind, Site};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::finding::{Finding, Soort};
use crate::vorm::Aanspreekvorm;

/// The other form needs at least this many uses for advice.
const MIN_COUNT: usize = 2;
/// The other form needs at least this share of all uses for advice.
const MIN_SHARE: f64 = 0.10;

/// Advice for pages that mix the forms or use the one that does not fit their doelgroep.
pub fn check(site: &Site) -> Vec<Finding> {
    let mut findings = Vec::new();
    for page in site.entries().iter().filter(|p| p.kind == Kind::Page) {
        let found: Vec<(Aanspreekvorm, usize)> =
            forms(&page.markdown).into_iter().map(|(vorm, offset)| (vorm, page.line_at(offset))).collect();
        if let Some((line, soort)) = advice(&found, &page.front_matter.doelgroep) {
            findings.push(Finding::advies(&page.shown, Some(line), soort));
        }
    }
    findings
}

/// The advice for a page with these forms (and their lines) for `doelgroep`, and its line.
fn advice(found: &[(Aanspreekvorm, usize)], doelgroep: &[Doelgroep]) -> Option<(usize, Soort)> {
    let count = |vorm: Aanspreekvorm| found.iter().filter(|(v, _)| *v == vorm).count();
    let (u, je) = (count(Aanspreekvorm::U), count(Aanspreekvorm::Je));
    let expected = Aanspreekvorm::for_doelgroep(doelgroep);
    let suspect = match expected {
        Some(fits) => fits.other(),
        None if u < je => Aanspreekvorm::U,
        None => Aanspreekvorm::Je,
    };
    let aantal = count(suspect);
    if aantal < MIN_COUNT || (aantal as f64) < MIN_SHARE * (u + je) as f64 {
        return None;
    }
    let line = found.iter().find(|(v, _)| *v == suspect).map(|(_, line)| *line)?;
    let meestal = suspect.other();
    let soort = match expected {
        Some(verwacht) if count(verwacht) < aantal => {
            let doelgroep = doelgroep.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(", ");
            Soort::AanspreekvormDoelgroep { doelgroep, vorm: suspect, aantal, verwacht }
        }
        _ => Soort::AanspreekvormGemengd { vorm: suspect, aantal, meestal, aantal_meestal: count(meestal) },
    };
    Some((line, soort))
}

/// Every form of address in the running text of `markdown`, with its byte offset.
fn forms(markdown: &str) -> Vec<(Aanspreekvorm, usize)> {
    let mut found = Vec::new();
    let mut quote_depth = 0usize;
    let mut in_code = false;
    let mut in_autolink = false;
    // Between quotation marks; a block that ends closes what it opened.
    let mut quoted = false;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. }) => in_autolink = true,
            Event::End(TagEnd::Link) => in_autolink = false,
            Event::Start(Tag::Paragraph | Tag::Item | Tag::Heading { .. } | Tag::TableCell)
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableCell) => quoted = false,
            Event::Text(text) if quote_depth == 0 && !in_code && !in_autolink => {
                for (vorm, at) in forms_in_text(&text, &mut quoted) {
                    found.push((vorm, range.start + at));
                }
            }
            _ => {}
        }
    }
    found
}

/// The forms in one piece of text, outside quotation marks, with their byte offsets; `quoted`
/// carries whether the text starts (and ends) between quotation marks.
fn forms_in_text(text: &str, quoted: &mut bool) -> Vec<(Aanspreekvorm, usize)> {
    let mut found = Vec::new();
    let mut token_start = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        // Web and e-mail addresses (`www.watwerktvoorjou.nl`) are names, not words.
        let inner = token.trim_end().trim_end_matches(['.', ',', '!', '?', ':', ';', ')', '"', '”']);
        let address = inner.contains(['.', '@', '/']);
        let mut word_start = None;
        for (i, c) in token.char_indices().chain(std::iter::once((token.len(), ' '))) {
            if c.is_alphabetic() {
                word_start.get_or_insert(i);
                continue;
            }
            if let Some(start) = word_start.take() {
                if let Some(vorm) = Aanspreekvorm::of(&token[start..i]).filter(|_| !*quoted && !address) {
                    found.push((vorm, token_start + start));
                }
            }
            match c {
                '"' => *quoted = !*quoted,
                '“' | '„' => *quoted = true,
                '”' => *quoted = false,
                _ => {}
            }
        }
        token_start += token.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use Aanspreekvorm::{Je, U};

    fn vormen(markdown: &str) -> Vec<Aanspreekvorm> {
        forms(markdown).into_iter().map(|(v, _)| v).collect()
    }

    #[test]
    fn words_that_address() {
        assert_eq!(vormen("U kunt bellen. Uw kind mag mee, of a, b, u."), [U, U, U]);
        assert_eq!(vormen("Jij en jouw vrienden: dan weet je het. Jullie mogen komen."), [Je, Je, Je, Je]);
        assert!(vormen("Uur, juli, jeugd, jeuk en Jeroen.").is_empty());
    }

    #[test]
    fn quotes_code_and_addresses_do_not_count() {
        let markdown = "Zeg tegen uw kind: \"Je was boos.\" Of „Wil jij de rode?”\n\n> Ik vond je lief.\n\n`je` en\n\n```\nje\n```\n\nKijk op www.watwerktvoorjou.nl of <https://jouw.nl> of [jou](https://je.nl).\n";
        assert_eq!(vormen(markdown), [U, Je]);
    }

    #[test]
    fn a_quote_ends_with_its_block() {
        assert_eq!(vormen("- Zeg \"stop\n- Je mag komen."), [Je]);
    }

    #[test]
    fn offsets_point_at_the_word() {
        let markdown = "Eerst\n\nwat jij wilt";
        let found = forms(markdown);
        assert_eq!(found, [(Je, 11)]);
    }

    fn at(vormen: &[(Aanspreekvorm, usize)]) -> Vec<(Aanspreekvorm, usize)> {
        vormen.to_vec()
    }

    #[test]
    fn a_parent_page_in_je_does_not_fit() {
        let found = at(&[(Je, 3), (Je, 5), (U, 8)]);
        let (line, soort) = advice(&found, &[Doelgroep::Ouders]).expect("advice");
        assert_eq!(line, 3);
        assert_eq!(soort, Soort::AanspreekvormDoelgroep { doelgroep: "ouders".into(), vorm: Je, aantal: 2, verwacht: U });
    }

    #[test]
    fn a_youth_page_with_some_u_mixes() {
        let mut found = vec![(U, 4), (Je, 6), (U, 9)];
        found.extend((10..20).map(|line| (Je, line)));
        let (line, soort) = advice(&found, &[Doelgroep::Jongeren]).expect("advice");
        assert_eq!(line, 4);
        assert_eq!(soort, Soort::AanspreekvormGemengd { vorm: U, aantal: 2, meestal: Je, aantal_meestal: 11 });
    }

    #[test]
    fn one_or_few_of_the_other_form_is_no_advice() {
        assert!(advice(&at(&[(Je, 3), (U, 4), (U, 5)]), &[Doelgroep::Ouders]).is_none());
        let mut found: Vec<_> = (1..=20).map(|line| (U, line)).collect();
        found.extend([(Je, 30), (Je, 31)]);
        assert!(advice(&found, &[Doelgroep::Ouders]).is_none(), "2 of 22 is under 10 %");
        found.push((Je, 32));
        assert!(advice(&found, &[Doelgroep::Ouders]).is_some(), "3 of 23 is over 10 %");
    }

    #[test]
    fn pages_for_both_may_use_either_but_not_mix() {
        let both = [Doelgroep::Ouders, Doelgroep::Jongeren];
        assert!(advice(&at(&[(Je, 1), (Je, 2), (Je, 3)]), &both).is_none());
        assert!(advice(&at(&[(U, 1), (U, 2)]), &[Doelgroep::Professionals]).is_none());
        assert!(advice(&at(&[(Je, 1), (Je, 2)]), &[Doelgroep::Jongeren]).is_none());
        let (line, soort) = advice(&at(&[(U, 1), (Je, 2), (U, 3), (Je, 4), (U, 5)]), &both).expect("advice");
        assert_eq!(line, 2);
        assert!(matches!(soort, Soort::AanspreekvormGemengd { vorm: Je, aantal: 2, meestal: U, aantal_meestal: 3 }), "{soort:?}");
    }
}
