//! One generated answer page: a title, a description, and a Markdown body of an opening,
//! three to six `##` sections (paragraphs or lists of tips) and a closing with links.
//! Everything is drawn from the theme's vocabulary, plus real sentences of the example site
//! for a wider vocabulary, with a generator seeded by the page number, so page N is the same
//! in every corpus size.

use crate::rng::Rng;
use crate::vocabulary::{Doelgroep, Phrases, Thema, DURATIONS};

/// A page ready to be written as `<slug>.md`.
pub struct Page {
    /// File name without `.md`, unique in the corpus (it ends in the page number).
    pub slug: String,
    /// `title` in the front matter.
    pub title: String,
    /// `description` in the front matter.
    pub description: String,
    /// The Markdown after the front matter.
    pub body: String,
}

/// Another page to link to from the "Lees ook" line.
pub struct Link<'a> {
    /// The link text.
    pub title: &'a str,
    /// A root-relative URL (`/ouders/slapen/doorslapen-20/`).
    pub url: &'a str,
}

/// Writes page `number` of `thema`, mixing in `borrowed` sentences (of the example site, for
/// this doelgroep); `see_also` is linked from the text when given.
pub fn generate(doelgroep: &Doelgroep, thema: &Thema, number: usize, borrowed: &[&str], see_also: Option<Link>) -> Page {
    let mut writer = Writer::new(doelgroep, thema, borrowed, number as u64);
    let title = writer.fill_one(writer.phrases.titles);
    let fact = writer.next_fact();
    let description = format!("{fact} {}", writer.fill_one(writer.phrases.descriptions));
    let body = writer.body(doelgroep, thema, see_also);
    Page { slug: format!("{}-{number}", slugify(&title)), title, description, body }
}

/// Draws sentences for one page without repeating itself until the vocabulary runs out.
struct Writer<'a> {
    rng: Rng,
    phrases: &'static Phrases,
    subject: &'static str,
    child: &'static str,
    age: &'static str,
    facts: Deck<'static>,
    advice: Deck<'static>,
    tips: Deck<'static>,
    borrowed: Deck<'a>,
}

impl<'a> Writer<'a> {
    fn new(doelgroep: &Doelgroep, thema: &Thema, borrowed: &[&'a str], seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let phrases = doelgroep.address.phrases();
        let subject = *rng.pick(thema.subjects);
        let child = if thema.children.is_empty() { "" } else { *rng.pick(thema.children) };
        let age = *rng.pick(thema.ages);
        let facts = Deck::new(thema.facts, &mut rng);
        let advice = Deck::new(&[thema.facts, phrases.general, thema.tips].concat(), &mut rng);
        let tips = Deck::new(thema.tips, &mut rng);
        let borrowed = Deck::new(borrowed, &mut rng);
        Writer { rng, phrases, subject, child, age, facts, advice, tips, borrowed }
    }

    /// One of `choices`, with its placeholders filled.
    fn fill_one(&mut self, choices: &'static [&'static str]) -> String {
        let template = *self.rng.pick(choices);
        self.fill(template)
    }

    fn next_fact(&mut self) -> &'static str {
        self.facts.draw(&mut self.rng)
    }

    /// A sentence of advice or fact with its placeholders filled, or one in three times a
    /// borrowed sentence.
    fn next_sentence(&mut self) -> String {
        if !self.borrowed.is_empty() && self.rng.between(0, 2) == 0 {
            return self.borrowed.draw(&mut self.rng).to_string();
        }
        let sentence = self.advice.draw(&mut self.rng);
        self.fill(sentence)
    }

    /// Replaces the placeholders of `template` (see [`Phrases`]).
    fn fill(&mut self, template: &str) -> String {
        let mut text = template
            .replace("{O}", &capitalise(self.subject))
            .replace("{o}", self.subject)
            .replace("{k}", self.child)
            .replace("{l}", self.age);
        if text.contains("{h}") {
            let helper = *self.rng.pick(self.phrases.helpers);
            text = text.replace("{h}", helper);
        }
        if text.contains("{t}") {
            let duration = *self.rng.pick(DURATIONS);
            text = text.replace("{t}", duration);
        }
        text
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences).map(|_| self.next_sentence()).collect::<Vec<_>>().join(" ")
    }

    fn body(&mut self, doelgroep: &Doelgroep, thema: &Thema, see_also: Option<Link>) -> String {
        let mut out = String::with_capacity(3000);
        let opening = self.fill_one(self.phrases.openings);
        let fact = self.next_fact();
        let sentences = self.rng.between(2, 3);
        let more = self.paragraph(sentences);
        out.push_str(&format!("{opening} {fact} {more}\n\n"));

        let headings = self.rng.shuffled(self.phrases.headings);
        let sections = self.rng.between(3, 6);
        for heading in headings.iter().take(sections) {
            let heading = self.fill(heading);
            out.push_str(&format!("## {heading}\n\n"));
            if self.rng.between(0, 2) == 0 {
                let intro = self.fill_one(self.phrases.list_openings);
                out.push_str(&intro);
                out.push_str("\n\n");
                let tips = self.rng.between(3, 5);
                for _ in 0..tips {
                    let tip = self.tips.draw(&mut self.rng);
                    out.push_str(&format!("- {tip}\n"));
                }
                out.push('\n');
            } else {
                let sentences = self.rng.between(4, 7);
                out.push_str(&self.paragraph(sentences));
                out.push_str("\n\n");
            }
        }

        if let Some(link) = see_also {
            out.push_str(&format!("Lees ook: [{}]({}).\n\n", link.title, link.url));
        }
        let closing = self.fill_one(self.phrases.closings);
        out.push_str(&format!(
            "{closing} Alle pagina's over dit thema staan bij [{}](/{}/{}/).\n",
            thema.title, doelgroep.slug, thema.slug
        ));
        out
    }
}

/// Sentences dealt in random order; reshuffled when all have been drawn.
struct Deck<'a> {
    cards: Vec<&'a str>,
    drawn: Vec<&'a str>,
}

impl<'a> Deck<'a> {
    fn new(cards: &[&'a str], rng: &mut Rng) -> Self {
        Deck { cards: rng.shuffled(cards), drawn: Vec::new() }
    }

    fn is_empty(&self) -> bool {
        self.cards.is_empty() && self.drawn.is_empty()
    }

    /// The next card; panics on a deck built empty (check [`Deck::is_empty`]).
    fn draw(&mut self, rng: &mut Rng) -> &'a str {
        if self.cards.is_empty() {
            self.cards = rng.shuffled(&self.drawn);
            self.drawn.clear();
        }
        let card = self.cards.pop().expect("a deck is never built empty");
        self.drawn.push(card);
        card
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case ASCII letters and digits separated by single dashes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'ä' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ï' => 'i',
            'ó' | 'ö' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::DOELGROEPEN;

    #[test]
    fn same_number_same_page() {
        let (dg, th) = (&DOELGROEPEN[0], &DOELGROEPEN[0].themes[0]);
        let (a, b) = (generate(dg, th, 42, &[], None), generate(dg, th, 42, &[], None));
        assert_eq!((a.slug, a.title, a.body), (b.slug, b.title, b.body));
    }

    #[test]
    fn no_placeholder_survives() {
        for dg in DOELGROEPEN {
            for th in dg.themes {
                for n in 0..50 {
                    let page = generate(dg, th, n, &["Een echte zin."], None);
                    let all = format!("{} {} {}", page.title, page.description, page.body);
                    assert!(!all.contains('{'), "{}: {all}", page.slug);
                }
            }
        }
    }

    #[test]
    fn pages_have_headings_and_a_link_home() {
        let page = generate(&DOELGROEPEN[1], &DOELGROEPEN[1].themes[0], 7, &[], Some(Link { title: "Eerder", url: "/x/" }));
        assert!(page.body.matches("\n## ").count() >= 3);
        assert!(page.body.contains("[Eerder](/x/)"));
        assert!(page.body.contains("](/jongeren/wonen/)"));
    }

    #[test]
    fn slugs_are_plain() {
        assert_eq!(slugify("Wat doet u bij nachtangst?"), "wat-doet-u-bij-nachtangst");
        assert_eq!(slugify("Doorslapen bij baby's"), "doorslapen-bij-baby-s");
        assert_eq!(slugify("Één café"), "een-cafe");
    }
}
