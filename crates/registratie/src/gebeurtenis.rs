//! What may be counted, checked field by field: a [`Vraag`] from the widget or the desk, and a
//! [`Feedback`] ("Heeft dit antwoord je geholpen?"). Parsing is strict (exact types, no
//! unknown fields) and every name must be in the site's [`Vocabulaire`]: the collector refuses
//! what it cannot count rather than dropping part of it silently.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::vocabulaire::Vocabulaire;

/// The most terms one question may carry (the widget sends at most this many).
pub const MAX_TERMEN: usize = 12;
/// The most desk questions one registration may count at once.
pub const MAX_AANTAL: u32 = 1000;

/// Who asked, as the visitor or the staff member chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Doelgroep {
    /// Parents and carers.
    Ouders,
    /// Young people themselves.
    Jongeren,
    /// Not chosen.
    Onbekend,
}

/// How a question reached the CJG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Kanaal {
    /// The question widget on the site.
    #[serde(rename = "online")]
    Online,
    /// At the desk, in person.
    #[serde(rename = "loket")]
    Loket,
    /// By phone.
    #[serde(rename = "telefoon")]
    Telefoon,
    /// In the chat.
    #[serde(rename = "chat")]
    Chat,
    /// By e-mail.
    #[serde(rename = "e-mail")]
    Email,
}

/// Where a "Heeft dit antwoord je geholpen?" answer was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bron {
    /// Under the page itself.
    Pagina,
    /// In the widget, under an answer.
    Widget,
}

/// What a desk question was about: a theme, or a page that answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Onderwerp {
    /// A theme slug, `gedrag`.
    Thema(String),
    /// A page URL, `/ouders/gedrag/driftbuien/`.
    Pagina(String),
}

/// One question (or, from the desk, `aantal` questions alike), checked against the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vraag {
    pub(crate) kanaal: Kanaal,
    pub(crate) doelgroep: Doelgroep,
    pub(crate) thema: Option<String>,
    /// The answer opened or else the best answer; none when nothing fit.
    pub(crate) pagina: Option<String>,
    pub(crate) urgent: bool,
    /// Sorted, each once, all in the vocabulary.
    pub(crate) termen: Vec<String>,
    pub(crate) aantal: u32,
}

/// One answer to "Heeft dit antwoord je geholpen?", checked against the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    pub(crate) pagina: String,
    pub(crate) geholpen: bool,
    pub(crate) bron: Bron,
}

/// Anything the counts take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gebeurtenis {
    /// Questions, from the widget or the desk.
    Vraag(Vraag),
    /// A "ja" or "nee" under an answer.
    Feedback(Feedback),
}

/// Why an event was refused, in Dutch and English, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Afwijzing {
    /// The body is not JSON at all.
    #[error("het bericht is geen geldige JSON / the body is not valid JSON: {0}")]
    Onleesbaar(String),
    /// JSON, but not an event: a wrong type, an unknown or missing field, an unknown value.
    #[error("het bericht heeft niet de afgesproken vorm / the event does not have the agreed shape: {0}")]
    Vorm(String),
    /// A term outside the vocabulary: the browser should have dropped it.
    #[error("onbekende term \"{0}\": die staat niet in de woordenlijst van de site / unknown term \"{0}\": not in the site's vocabulary")]
    OnbekendeTerm(String),
    /// A term twice in one question.
    #[error("de term \"{0}\" staat er twee keer in / the term \"{0}\" appears twice")]
    DubbeleTerm(String),
    /// More than [`MAX_TERMEN`] terms.
    #[error("meer dan {MAX_TERMEN} termen ({0}) / more than {MAX_TERMEN} terms ({0})")]
    TeVeelTermen(usize),
    /// A page URL the site does not have.
    #[error("onbekende pagina \"{0}\": die heeft de site niet / unknown page \"{0}\": not a page of the site")]
    OnbekendePagina(String),
    /// A theme the site does not have.
    #[error("onbekend thema \"{0}\" / unknown theme \"{0}\"")]
    OnbekendThema(String),
    /// A doelgroep other than ouders, jongeren, onbekend.
    #[error("onbekende doelgroep \"{0}\": kies ouders, jongeren of onbekend / unknown doelgroep \"{0}\": choose ouders, jongeren or onbekend")]
    OnbekendeDoelgroep(String),
    /// A channel other than the desk's four (or "online" where only the desk's are allowed).
    #[error("onbekend kanaal \"{0}\": kies loket, telefoon, chat of e-mail / unknown channel \"{0}\": choose loket, telefoon, chat or e-mail")]
    OnbekendKanaal(String),
    /// A desk registration counting nothing, or implausibly much.
    #[error("het aantal moet tussen 1 en {MAX_AANTAL} liggen, niet {0} / the count must be between 1 and {MAX_AANTAL}, not {0}")]
    Aantal(u32),
}

impl Doelgroep {
    /// Every doelgroep, in the order reports show them.
    pub const ALLE: [Doelgroep; 3] = [Doelgroep::Ouders, Doelgroep::Jongeren, Doelgroep::Onbekend];

    /// The name in events and in the database.
    pub fn naam(self) -> &'static str {
        match self {
            Doelgroep::Ouders => "ouders",
            Doelgroep::Jongeren => "jongeren",
            Doelgroep::Onbekend => "onbekend",
        }
    }
}

impl Kanaal {
    /// Every channel, online first.
    pub const ALLE: [Kanaal; 5] = [Kanaal::Online, Kanaal::Loket, Kanaal::Telefoon, Kanaal::Chat, Kanaal::Email];
    /// The desk's channels, those staff register.
    pub const BALIE: [Kanaal; 4] = [Kanaal::Loket, Kanaal::Telefoon, Kanaal::Chat, Kanaal::Email];

    /// The name in the database and on the command line.
    pub fn naam(self) -> &'static str {
        match self {
            Kanaal::Online => "online",
            Kanaal::Loket => "loket",
            Kanaal::Telefoon => "telefoon",
            Kanaal::Chat => "chat",
            Kanaal::Email => "e-mail",
        }
    }
}

impl Bron {
    /// The name in events and in the database.
    pub fn naam(self) -> &'static str {
        match self {
            Bron::Pagina => "pagina",
            Bron::Widget => "widget",
        }
    }
}

impl fmt::Display for Doelgroep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.naam())
    }
}

impl fmt::Display for Kanaal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.naam())
    }
}

impl FromStr for Doelgroep {
    type Err = Afwijzing;
    fn from_str(s: &str) -> Result<Self, Afwijzing> {
        Doelgroep::ALLE.into_iter().find(|d| d.naam() == s).ok_or_else(|| Afwijzing::OnbekendeDoelgroep(s.to_owned()))
    }
}

impl FromStr for Kanaal {
    type Err = Afwijzing;
    fn from_str(s: &str) -> Result<Self, Afwijzing> {
        Kanaal::ALLE.into_iter().find(|k| k.naam() == s).ok_or_else(|| Afwijzing::OnbekendKanaal(s.to_owned()))
    }
}

/// The widget's `/v1/vraag` body, exactly as agreed: every field present, nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VraagBericht {
    doelgroep: Doelgroep,
    // `deserialize_with` makes the field required: `null` is allowed, leaving it out is not.
    #[serde(deserialize_with = "Option::deserialize")]
    pagina: Option<String>,
    urgent: bool,
    termen: Vec<String>,
}

/// The `/v1/feedback` body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedbackBericht {
    pagina: String,
    geholpen: bool,
    bron: Bron,
}

fn parse<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, Afwijzing> {
    serde_json::from_slice(body).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => Afwijzing::Vorm(error.to_string()),
        _ => Afwijzing::Onleesbaar(error.to_string()),
    })
}

impl Vraag {
    /// Parses and checks the widget's `/v1/vraag` body.
    pub fn uit_json(body: &[u8], vocabulaire: &Vocabulaire) -> Result<Vraag, Afwijzing> {
        let bericht: VraagBericht = parse(body)?;
        if bericht.termen.len() > MAX_TERMEN {
            return Err(Afwijzing::TeVeelTermen(bericht.termen.len()));
        }
        let mut termen = BTreeSet::new();
        for term in bericht.termen {
            if !vocabulaire.termen.contains(&term) {
                return Err(Afwijzing::OnbekendeTerm(term));
            }
            if termen.contains(&term) {
                return Err(Afwijzing::DubbeleTerm(term));
            }
            termen.insert(term);
        }
        let pagina = bericht.pagina.map(|pagina| bekende_pagina(pagina, vocabulaire)).transpose()?;
        Ok(Vraag {
            kanaal: Kanaal::Online,
            doelgroep: bericht.doelgroep,
            thema: pagina.as_deref().and_then(|p| vocabulaire.thema_van(p)).map(str::to_owned),
            pagina,
            urgent: bericht.urgent,
            termen: termen.into_iter().collect(),
            aantal: 1,
        })
    }

    /// `aantal` questions received at the desk through `kanaal`, about `onderwerp`.
    pub fn aan_balie(
        kanaal: Kanaal,
        doelgroep: Doelgroep,
        onderwerp: Onderwerp,
        aantal: u32,
        vocabulaire: &Vocabulaire,
    ) -> Result<Vraag, Afwijzing> {
        if kanaal == Kanaal::Online {
            return Err(Afwijzing::OnbekendKanaal(kanaal.naam().to_owned()));
        }
        if !(1..=MAX_AANTAL).contains(&aantal) {
            return Err(Afwijzing::Aantal(aantal));
        }
        let (thema, pagina) = match onderwerp {
            Onderwerp::Thema(thema) if vocabulaire.themas.contains(&thema) => (Some(thema), None),
            Onderwerp::Thema(thema) => return Err(Afwijzing::OnbekendThema(thema)),
            Onderwerp::Pagina(pagina) => {
                let pagina = bekende_pagina(pagina, vocabulaire)?;
                (vocabulaire.thema_van(&pagina).map(str::to_owned), Some(pagina))
            }
        };
        Ok(Vraag { kanaal, doelgroep, thema, pagina, urgent: false, termen: Vec::new(), aantal })
    }
}

impl Feedback {
    /// Parses and checks the `/v1/feedback` body.
    pub fn uit_json(body: &[u8], vocabulaire: &Vocabulaire) -> Result<Feedback, Afwijzing> {
        let bericht: FeedbackBericht = parse(body)?;
        Ok(Feedback {
            pagina: bekende_pagina(bericht.pagina, vocabulaire)?,
            geholpen: bericht.geholpen,
            bron: bericht.bron,
        })
    }
}

fn bekende_pagina(pagina: String, vocabulaire: &Vocabulaire) -> Result<String, Afwijzing> {
    if vocabulaire.paginas.contains(&pagina) {
        Ok(pagina)
    } else {
        Err(Afwijzing::OnbekendePagina(pagina))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use proptest::prelude::*;

    use super::*;

    pub(crate) fn vocabulaire() -> Vocabulaire {
        Vocabulaire::uit_json(
            r#"{"termen": ["zakgeld", "koorts", "pest", "slap", "schuld"],
                "paginas": ["/ouders/gedrag/driftbuien/", "/jongeren/geld/zakgeld/", "/contact/"],
                "themas": ["gedrag", "geld"]}"#,
            PathBuf::from("vocabulaire.json"),
        )
        .unwrap()
    }

    fn vraag(json: &str) -> Result<Vraag, Afwijzing> {
        Vraag::uit_json(json.as_bytes(), &vocabulaire())
    }

    #[test]
    fn a_valid_question_is_taken_with_its_theme_and_sorted_terms() {
        let v = vraag(r#"{"doelgroep": "ouders", "pagina": "/ouders/gedrag/driftbuien/", "urgent": false, "termen": ["pest", "koorts"]}"#).unwrap();
        assert_eq!(v.kanaal, Kanaal::Online);
        assert_eq!(v.thema.as_deref(), Some("gedrag"));
        assert_eq!(v.termen, ["koorts", "pest"]);
        assert_eq!(v.aantal, 1);
        let v = vraag(r#"{"doelgroep": "onbekend", "pagina": null, "urgent": true, "termen": []}"#).unwrap();
        assert_eq!((v.pagina, v.thema, v.urgent), (None, None, true));
    }

    #[test]
    fn each_bad_question_is_refused_with_its_reason() {
        type Verwacht = fn(&Afwijzing) -> bool;
        let cases: &[(&str, Verwacht)] = &[
            (r#"{"doelgroep": "ouders""#, |a| matches!(a, Afwijzing::Onleesbaar(_))),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": []} x"#, |a| {
                matches!(a, Afwijzing::Onleesbaar(_))
            }),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": "nee", "termen": []}"#, |a| {
                matches!(a, Afwijzing::Vorm(_))
            }),
            (
                r#"{"doelgroep": "ouders", "urgent": false, "termen": []}"#,
                |a| matches!(a, Afwijzing::Vorm(m) if m.contains("pagina")),
            ),
            (
                r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [], "naam": "Sanne"}"#,
                |a| matches!(a, Afwijzing::Vorm(m) if m.contains("naam")),
            ),
            (
                r#"{"doelgroep": "opa", "pagina": null, "urgent": false, "termen": []}"#,
                |a| matches!(a, Afwijzing::Vorm(m) if m.contains("opa")),
            ),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": ["utrecht"]}"#, |a| {
                *a == Afwijzing::OnbekendeTerm("utrecht".into())
            }),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": ["pest", "pest"]}"#, |a| {
                *a == Afwijzing::DubbeleTerm("pest".into())
            }),
            (r#"{"doelgroep": "ouders", "pagina": "/elders/", "urgent": false, "termen": []}"#, |a| {
                *a == Afwijzing::OnbekendePagina("/elders/".into())
            }),
            (r#"[]"#, |a| matches!(a, Afwijzing::Vorm(_))),
        ];
        for (json, expected) in cases {
            let afwijzing = vraag(json).unwrap_err();
            assert!(expected(&afwijzing), "{json}: {afwijzing}");
        }
        let dertien = format!(
            r#"{{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [{}]}}"#,
            vec![r#""pest""#; 13].join(",")
        );
        assert_eq!(vraag(&dertien).unwrap_err(), Afwijzing::TeVeelTermen(13));
    }

    #[test]
    fn feedback_needs_a_known_page_and_source() {
        let v = vocabulaire();
        let f = Feedback::uit_json(br#"{"pagina": "/contact/", "geholpen": false, "bron": "widget"}"#, &v).unwrap();
        assert_eq!((f.geholpen, f.bron), (false, Bron::Widget));
        assert!(matches!(
            Feedback::uit_json(br#"{"pagina": null, "geholpen": false, "bron": "widget"}"#, &v),
            Err(Afwijzing::Vorm(_))
        ));
        assert!(matches!(
            Feedback::uit_json(br#"{"pagina": "/contact/", "geholpen": false, "bron": "mail"}"#, &v),
            Err(Afwijzing::Vorm(_))
        ));
        assert!(matches!(
            Feedback::uit_json(br#"{"pagina": "/x/", "geholpen": true, "bron": "pagina"}"#, &v),
            Err(Afwijzing::OnbekendePagina(_))
        ));
    }

    #[test]
    fn desk_questions_need_a_desk_channel_a_known_subject_and_a_sane_count() {
        let v = vocabulaire();
        let vraag = Vraag::aan_balie(
            Kanaal::Telefoon,
            Doelgroep::Ouders,
            Onderwerp::Pagina("/jongeren/geld/zakgeld/".into()),
            3,
            &v,
        )
        .unwrap();
        assert_eq!((vraag.thema.as_deref(), vraag.aantal), (Some("geld"), 3));
        let thema = Onderwerp::Thema("gedrag".into());
        assert!(Vraag::aan_balie(Kanaal::Online, Doelgroep::Ouders, thema.clone(), 1, &v).is_err());
        assert_eq!(Vraag::aan_balie(Kanaal::Chat, Doelgroep::Ouders, thema.clone(), 0, &v), Err(Afwijzing::Aantal(0)));
        assert_eq!(
            Vraag::aan_balie(Kanaal::Chat, Doelgroep::Ouders, Onderwerp::Thema("sport".into()), 1, &v),
            Err(Afwijzing::OnbekendThema("sport".into()))
        );
        assert_eq!("e-mail".parse::<Kanaal>(), Ok(Kanaal::Email));
        assert!("fax".parse::<Kanaal>().is_err());
    }

    #[test]
    fn every_refusal_speaks_dutch_and_english() {
        let message = Afwijzing::OnbekendeTerm("x".into()).to_string();
        assert!(message.contains("onbekende term") && message.contains("unknown term"), "{message}");
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..300)) {
            let v = vocabulaire();
            let _ = Vraag::uit_json(&body, &v);
            let _ = Feedback::uit_json(&body, &v);
        }

        #[test]
        fn random_json_shaped_events_are_taken_exactly_when_valid(
            doelgroep in prop::sample::select(vec!["ouders", "jongeren", "onbekend", "opa"]),
            pagina in prop::option::of(prop::sample::select(vec!["/contact/", "/ouders/gedrag/driftbuien/", "/nergens/"])),
            urgent in any::<bool>(),
            termen in prop::collection::vec(prop::sample::select(vec!["zakgeld", "koorts", "pest", "slap", "schuld", "jan"]), 0..14),
        ) {
            let json = serde_json::json!({"doelgroep": doelgroep, "pagina": pagina, "urgent": urgent, "termen": termen});
            let result = Vraag::uit_json(json.to_string().as_bytes(), &vocabulaire());
            let unique: BTreeSet<_> = termen.iter().collect();
            let valid = doelgroep != "opa"
                && pagina != Some("/nergens/")
                && termen.len() <= MAX_TERMEN
                && unique.len() == termen.len()
                && !termen.contains(&"jan");
            prop_assert_eq!(result.is_ok(), valid, "{}: {:?}", json, result);
            if let Ok(vraag) = result {
                prop_assert_eq!(vraag.termen.len(), termen.len());
                prop_assert_eq!(vraag.pagina.as_deref(), pagina);
            }
        }
    }
}
