//! One thing an editor should look at, and how it reads in Dutch and English.

use std::path::PathBuf;

use cjg_common::Taal;
use serde::Serialize;

use crate::vorm::Aanspreekvorm;

/// How serious a finding is: errors fail `cjg check`, advice does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ernst {
    /// Must be fixed: the site is wrong.
    Fout,
    /// Could be better.
    Advies,
}

/// What was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "soort", rename_all = "kebab-case")]
pub enum Soort {
    /// Something the build refuses (rendered by the site crate).
    Build {
        /// The build's message.
        bericht: String,
    },
    /// A page without `description`.
    GeenDescription,
    /// A page without `vragen`.
    GeenVragen,
    /// A `description` of more than one sentence.
    LangeDescription {
        /// Its number of sentences.
        zinnen: usize,
    },
    /// A page addresses its readers with both "u" and "je".
    AanspreekvormGemengd {
        /// The form used less, first on this line.
        vorm: Aanspreekvorm,
        /// How often it is used.
        aantal: usize,
        /// The form used most.
        meestal: Aanspreekvorm,
        /// How often that is used.
        aantal_meestal: usize,
    },
    /// A page addresses its doelgroep with the form that does not fit it ("je" for parents,
    /// "u" for young people).
    AanspreekvormDoelgroep {
        /// The page's doelgroep.
        doelgroep: String,
        /// The form that does not fit, first on this line.
        vorm: Aanspreekvorm,
        /// How often it is used.
        aantal: usize,
        /// The form that fits.
        verwacht: Aanspreekvorm,
    },
    /// The same heading on many pages.
    ZelfdeKop {
        /// The heading as this page writes it.
        kop: String,
        /// On how many pages it stands.
        paginas: usize,
    },
    /// The same closing paragraph on many pages.
    ZelfdeSlotalinea {
        /// Its first words.
        begin: String,
        /// On how many pages it stands.
        paginas: usize,
    },
    /// The page as a whole reads above language level B1.
    Leesbaarheid {
        /// Flesch-Douma score; 60 or higher is about B1.
        flesch_douma: f64,
        /// Average words per sentence.
        zinslengte: f64,
    },
    /// One sentence is long.
    LangeZin {
        /// Its number of words.
        woorden: usize,
        /// Its first words.
        begin: String,
    },
    /// A long word used on no other page.
    LangWoord {
        /// The word.
        woord: String,
    },
    /// `updated` is long ago, or missing.
    Verouderd {
        /// `updated`, if any.
        bijgewerkt: Option<String>,
        /// Days since.
        dagen: Option<i64>,
    },
    /// Another page has the same title.
    ZelfdeTitel {
        /// The other file.
        ander: PathBuf,
    },
    /// Another page lists the same question variant.
    ZelfdeVraag {
        /// The question.
        vraag: String,
        /// The other file.
        ander: PathBuf,
    },
    /// A help line's number written in another shape than in `hulplijnen.toml` (`0800 2000`).
    HulpnummerAnders {
        /// The help line's name.
        hulplijn: String,
        /// The number as the page writes it.
        geschreven: String,
        /// The number as `hulplijnen.toml` writes it.
        zoals: String,
    },
    /// A help line's name next to a number that is not its own, or a `tel:` link that dials
    /// another number than its text shows.
    VerkeerdHulpnummer {
        /// The help line's name.
        hulplijn: String,
        /// The number (or `tel:` target) as the page writes it.
        geschreven: String,
        /// The line's number in `hulplijnen.toml`.
        juist: String,
    },
    /// A rule of `signalen.txt` that no example of `signalen-voorbeelden.txt` makes fire.
    RegelZonderVoorbeeld,
    /// Urgent examples of one kind that only the classifier recognises, no rule: a hint for a rule.
    AlleenHetModel {
        /// The kind.
        risicosoort: String,
        /// How many examples.
        aantal: usize,
        /// One of them.
        voorbeeld: String,
    },
    /// An external link did not answer with success.
    DodeLink {
        /// The address.
        url: String,
        /// HTTP status or error.
        reden: String,
    },
}

/// One finding at a place in a content file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The file, like `content/ouders/gedrag/pesten.md`.
    pub file: PathBuf,
    /// The line, where there is one.
    pub line: Option<usize>,
    /// Error or advice.
    pub ernst: Ernst,
    /// What was found.
    #[serde(flatten)]
    pub soort: Soort,
}

impl Finding {
    /// Advice about `file` at `line`.
    pub fn advies(file: &std::path::Path, line: Option<usize>, soort: Soort) -> Finding {
        Finding { file: file.to_path_buf(), line, ernst: Ernst::Advies, soort }
    }

    /// The finding in words, without its place.
    pub fn message(&self, taal: Taal) -> String {
        match &self.soort {
            Soort::Build { bericht } => bericht.clone(),
            Soort::GeenDescription => taal.kies(
                "geen `description`: schrijf het korte antwoord in één zin; het staat in lijsten en in de vraagbox",
                "no `description`: write the short answer in one sentence; lists and the question box show it",
            ),
            Soort::LangeDescription { zinnen } => taal.kies(
                format!("`description` heeft {zinnen} zinnen; schrijf het korte antwoord in één zin, de rest past in de tekst"),
                format!("`description` has {zinnen} sentences; write the short answer in one sentence, the rest fits in the text"),
            ),
            Soort::AanspreekvormGemengd { vorm, aantal, meestal, aantal_meestal } => taal.kies(
                format!("de pagina spreekt de lezer {aantal_meestal} keer aan met \"{meestal}\" en {aantal} keer met \"{vorm}\", voor het eerst hier; kies één vorm"),
                format!("the page addresses the reader {aantal_meestal} times with \"{meestal}\" and {aantal} times with \"{vorm}\", first here; choose one form"),
            ),
            Soort::AanspreekvormDoelgroep { doelgroep, vorm, aantal, verwacht } => taal.kies(
                format!("de pagina is voor {doelgroep} maar spreekt ze {aantal} keer aan met \"{vorm}\", voor het eerst hier; voor {doelgroep} schrijven we \"{verwacht}\""),
                format!("the page is for {doelgroep} but addresses them {aantal} times with \"{vorm}\", first here; for {doelgroep} we write \"{verwacht}\""),
            ),
            Soort::ZelfdeKop { kop, paginas } => taal.kies(
                format!("de kop \"{kop}\" staat op {paginas} pagina's; geef deze pagina een kop die bij haar eigen onderwerp past"),
                format!("the heading \"{kop}\" is on {paginas} pages; give this page a heading that fits its own subject"),
            ),
            Soort::ZelfdeSlotalinea { begin, paginas } => taal.kies(
                format!("dezelfde slotalinea staat op {paginas} pagina's: \"{begin} …\"; laat het slot passen bij deze pagina in plaats van een vaste tekst te herhalen"),
                format!("the same closing paragraph is on {paginas} pages: \"{begin} …\"; make the ending fit this page instead of repeating one text"),
            ),
            Soort::GeenVragen => taal.kies(
                "geen `vragen`: zet erbij hoe mensen deze vraag stellen, in hun eigen woorden; de zoekfunctie weegt ze het zwaarst",
                "no `vragen`: list how people ask this question in their own words; the search weighs them most",
            ),
            Soort::Leesbaarheid { flesch_douma, zinslengte } => taal.kies(
                format!("de tekst is moeilijker dan taalniveau B1 (Flesch-Douma {flesch_douma:.0}, streef naar 60 of meer; gemiddeld {zinslengte:.1} woorden per zin, streef naar 15 of minder)"),
                format!("the text reads above language level B1 (Flesch-Douma {flesch_douma:.0}, aim for 60 or more; {zinslengte:.1} words per sentence on average, aim for 15 or fewer)"),
            ),
            Soort::LangeZin { woorden, begin } => taal.kies(
                format!("zin van {woorden} woorden; maak er twee zinnen van: \"{begin} …\""),
                format!("sentence of {woorden} words; split it in two: \"{begin} …\""),
            ),
            Soort::LangWoord { woord } => taal.kies(
                format!("lang woord \"{woord}\" komt op geen andere pagina voor; is er een kortere of bekendere manier om het te zeggen?"),
                format!("long word \"{woord}\" appears on no other page; is there a shorter or more common way to say it?"),
            ),
            Soort::Verouderd { bijgewerkt: Some(datum), dagen: Some(dagen) } => taal.kies(
                format!("`updated` is {datum}, {dagen} dagen geleden: kloppen de feiten nog? Controleer ze en zet de datum van vandaag"),
                format!("`updated` is {datum}, {dagen} days ago: are the facts still right? Check them and set today's date"),
            ),
            Soort::Verouderd { .. } => taal.kies(
                "geen `updated`: zet de datum waarop u de feiten hebt gecontroleerd",
                "no `updated`: add the date on which you checked the facts",
            ),
            Soort::ZelfdeTitel { ander } => taal.kies(
                format!("dezelfde titel als {}; maak ze verschillend, zodat lezers weten welke ze nodig hebben", ander.display()),
                format!("the same title as {}; make them differ so readers know which one they need", ander.display()),
            ),
            Soort::ZelfdeVraag { vraag, ander } => taal.kies(
                format!("de vraag \"{vraag}\" staat ook in {}; bij welke pagina hoort hij?", ander.display()),
                format!("the question \"{vraag}\" is also listed in {}; which page does it belong to?", ander.display()),
            ),
            Soort::HulpnummerAnders { hulplijn, geschreven, zoals } => taal.kies(
                format!("het nummer van {hulplijn} staat hier als \"{geschreven}\"; schrijf het zoals in hulplijnen.toml: {zoals}"),
                format!("the number of {hulplijn} is written \"{geschreven}\" here; write it as hulplijnen.toml does: {zoals}"),
            ),
            Soort::VerkeerdHulpnummer { hulplijn, geschreven, juist } => taal.kies(
                format!("{geschreven} is niet het nummer van {hulplijn}; volgens hulplijnen.toml is dat {juist}"),
                format!("{geschreven} is not the number of {hulplijn}; hulplijnen.toml gives {juist}"),
            ),
            Soort::RegelZonderVoorbeeld => taal.kies(
                "geen enkel voorbeeld in signalen-voorbeelden.txt laat deze regel afgaan: voeg een voorbeeld toe dat hij moet vangen, of is de regel te streng?",
                "no example in signalen-voorbeelden.txt makes this rule fire: add an example it should catch, or is the rule too strict?",
            ),
            Soort::AlleenHetModel { risicosoort, aantal, voorbeeld } => taal.kies(
                format!("{aantal} voorbeelden van [{risicosoort}] herkent alleen het geleerde model, geen regel, zoals \"{voorbeeld}\"; een regel erbij maakt het signaal uitlegbaar"),
                format!("{aantal} examples of [{risicosoort}] are recognised only by the learned model, no rule, like \"{voorbeeld}\"; a rule makes the signal explainable"),
            ),
            Soort::DodeLink { url, reden } => taal.kies(
                format!("externe link {url} werkt niet ({reden})"),
                format!("external link {url} does not work ({reden})"),
            ),
        }
    }
}
