//! What may be counted, checked field by field: a [`Vraag`] from the widget or the desk, and a
//! [`Feedback`] ("Heeft dit antwoord je geholpen?"). Parsing is strict (exact types, no
//! unknown fields) and every name must be in the site's [`Vocabulaire`]: the collector refuses
//! what it cannot count rather than dropping part of it silently. The Dutch labels people see
//! for channels and themes live here too, so that the staff form and the plan share them.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use cjg_common::Doelgroep;
use serde::{Deserialize, Serialize};

use crate::doelgroep;
use crate::invalid::{InvalidEvent, MAX_AANTAL, MAX_TERMEN};
use crate::vocabulaire::Vocabulaire;

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
    /// Who asked; none when not chosen.
    pub(crate) doelgroep: Option<Doelgroep>,
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

impl Kanaal {
    /// Every channel, online first.
    pub const ALLE: [Kanaal; 5] = [Kanaal::Online, Kanaal::Loket, Kanaal::Telefoon, Kanaal::Chat, Kanaal::Email];
    /// The desk's channels, those staff register.
    pub const BALIE: [Kanaal; 4] = [Kanaal::Loket, Kanaal::Telefoon, Kanaal::Chat, Kanaal::Email];

    /// The name in the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kanaal::Online => "online",
            Kanaal::Loket => "loket",
            Kanaal::Telefoon => "telefoon",
            Kanaal::Chat => "chat",
            Kanaal::Email => "e-mail",
        }
    }
}

impl Kanaal {
    /// The channel as staff and editors read it.
    pub fn label(self) -> &'static str {
        match self {
            Kanaal::Online => "Online",
            Kanaal::Loket => "Balie (loket)",
            Kanaal::Telefoon => "Telefoon",
            Kanaal::Chat => "Chat",
            Kanaal::Email => "E-mail",
        }
    }
}

/// A theme slug as people read it: `grenzen-stellen` → `Grenzen stellen`.
pub fn thema_label(slug: &str) -> String {
    let mut label = slug.replace('-', " ");
    if let Some(eerste) = label.get(..1) {
        label.replace_range(..1, &eerste.to_uppercase());
    }
    label
}

impl Bron {
    /// The name in events and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Bron::Pagina => "pagina",
            Bron::Widget => "widget",
        }
    }
}

impl fmt::Display for Kanaal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who asked, from its word: `ouders`, `jongeren`, `professionals`, or `onbekend` (none).
pub fn parse_doelgroep(word: &str) -> Result<Option<Doelgroep>, InvalidEvent> {
    doelgroep::parse(word).ok_or_else(|| InvalidEvent::UnknownDoelgroep(word.to_owned()))
}

impl FromStr for Bron {
    type Err = InvalidEvent;
    fn from_str(s: &str) -> Result<Self, InvalidEvent> {
        [Bron::Pagina, Bron::Widget]
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| InvalidEvent::Shape(format!("unknown bron {s:?}")))
    }
}

impl FromStr for Kanaal {
    type Err = InvalidEvent;
    fn from_str(s: &str) -> Result<Self, InvalidEvent> {
        Kanaal::ALLE.into_iter().find(|k| k.as_str() == s).ok_or_else(|| InvalidEvent::UnknownKanaal(s.to_owned()))
    }
}

/// The widget's `/v1/vraag` body, exactly as agreed: every field present, nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VraagBericht {
    #[serde(with = "doelgroep::as_word")]
    doelgroep: Option<Doelgroep>,
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

fn parse<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, InvalidEvent> {
    serde_json::from_slice(body).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => InvalidEvent::Shape(error.to_string()),
        _ => InvalidEvent::NotJson(error.to_string()),
    })
}

impl Vraag {
    /// Parses and checks the widget's `/v1/vraag` body.
    pub fn from_json(body: &[u8], vocabulaire: &Vocabulaire) -> Result<Vraag, InvalidEvent> {
        let bericht: VraagBericht = parse(body)?;
        if bericht.termen.len() > MAX_TERMEN {
            return Err(InvalidEvent::TooManyTerms(bericht.termen.len()));
        }
        let mut termen = BTreeSet::new();
        for term in bericht.termen {
            if !vocabulaire.termen.contains(&term) {
                return Err(InvalidEvent::UnknownTerm(term));
            }
            if termen.contains(&term) {
                return Err(InvalidEvent::DuplicateTerm(term));
            }
            termen.insert(term);
        }
        let pagina = bericht.pagina.map(|pagina| known_pagina(pagina, vocabulaire)).transpose()?;
        Ok(Vraag {
            kanaal: Kanaal::Online,
            doelgroep: bericht.doelgroep,
            thema: pagina.as_deref().and_then(|p| vocabulaire.thema_of(p)).map(str::to_owned),
            pagina,
            urgent: bericht.urgent,
            termen: termen.into_iter().collect(),
            aantal: 1,
        })
    }

    /// `aantal` questions received at the desk through `kanaal`, about `onderwerp`.
    pub fn from_desk(
        kanaal: Kanaal,
        doelgroep: Option<Doelgroep>,
        onderwerp: Onderwerp,
        aantal: u32,
        vocabulaire: &Vocabulaire,
    ) -> Result<Vraag, InvalidEvent> {
        if kanaal == Kanaal::Online {
            return Err(InvalidEvent::UnknownKanaal(kanaal.as_str().to_owned()));
        }
        if !(1..=MAX_AANTAL).contains(&aantal) {
            return Err(InvalidEvent::Aantal(aantal));
        }
        let (thema, pagina) = match onderwerp {
            Onderwerp::Thema(thema) if vocabulaire.themas.contains(&thema) => (Some(thema), None),
            Onderwerp::Thema(thema) => return Err(InvalidEvent::UnknownThema(thema)),
            Onderwerp::Pagina(pagina) => {
                let pagina = known_pagina(pagina, vocabulaire)?;
                (vocabulaire.thema_of(&pagina).map(str::to_owned), Some(pagina))
            }
        };
        Ok(Vraag { kanaal, doelgroep, thema, pagina, urgent: false, termen: Vec::new(), aantal })
    }
}

impl Feedback {
    /// Parses and checks the `/v1/feedback` body.
    pub fn from_json(body: &[u8], vocabulaire: &Vocabulaire) -> Result<Feedback, InvalidEvent> {
        let bericht: FeedbackBericht = parse(body)?;
        Ok(Feedback { pagina: known_pagina(bericht.pagina, vocabulaire)?, geholpen: bericht.geholpen, bron: bericht.bron })
    }
}

fn known_pagina(pagina: String, vocabulaire: &Vocabulaire) -> Result<String, InvalidEvent> {
    if vocabulaire.paginas.contains(&pagina) {
        Ok(pagina)
    } else {
        Err(InvalidEvent::UnknownPagina(pagina))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use proptest::prelude::*;

    use super::*;

    pub(crate) fn vocabulaire() -> Vocabulaire {
        Vocabulaire::from_json(
            r#"{"termen": ["zakgeld", "koorts", "pest", "slap", "schuld"],
                "paginas": ["/ouders/gedrag/driftbuien/", "/jongeren/geld/zakgeld/", "/contact/"],
                "themas": ["gedrag", "geld"]}"#,
            "vocabulaire.json",
        )
        .unwrap()
    }

    fn vraag(json: &str) -> Result<Vraag, InvalidEvent> {
        Vraag::from_json(json.as_bytes(), &vocabulaire())
    }

    #[test]
    fn a_valid_question_is_taken_with_its_theme_and_sorted_terms() {
        let v = vraag(
            r#"{"doelgroep": "ouders", "pagina": "/ouders/gedrag/driftbuien/", "urgent": false, "termen": ["pest", "koorts"]}"#,
        )
        .unwrap();
        assert_eq!(v.kanaal, Kanaal::Online);
        assert_eq!(v.thema.as_deref(), Some("gedrag"));
        assert_eq!(v.termen, ["koorts", "pest"]);
        assert_eq!(v.aantal, 1);
        let v = vraag(r#"{"doelgroep": "onbekend", "pagina": null, "urgent": true, "termen": []}"#).unwrap();
        assert_eq!((v.pagina, v.thema, v.urgent), (None, None, true));
        assert_eq!(v.doelgroep, None, "onbekend: not chosen");
        let v = vraag(r#"{"doelgroep": "professionals", "pagina": "/contact/", "urgent": false, "termen": []}"#).unwrap();
        assert_eq!(v.doelgroep, Some(Doelgroep::Professionals));
    }

    #[test]
    fn each_bad_question_is_refused_with_its_reason() {
        type Verwacht = fn(&InvalidEvent) -> bool;
        let cases: &[(&str, Verwacht)] = &[
            (r#"{"doelgroep": "ouders""#, |a| matches!(a, InvalidEvent::NotJson(_))),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": []} x"#, |a| {
                matches!(a, InvalidEvent::NotJson(_))
            }),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": "nee", "termen": []}"#, |a| {
                matches!(a, InvalidEvent::Shape(_))
            }),
            (
                r#"{"doelgroep": "ouders", "urgent": false, "termen": []}"#,
                |a| matches!(a, InvalidEvent::Shape(m) if m.contains("pagina")),
            ),
            (
                r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [], "naam": "Sanne"}"#,
                |a| matches!(a, InvalidEvent::Shape(m) if m.contains("naam")),
            ),
            (
                r#"{"doelgroep": "opa", "pagina": null, "urgent": false, "termen": []}"#,
                |a| matches!(a, InvalidEvent::Shape(m) if m.contains("opa")),
            ),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": ["utrecht"]}"#, |a| {
                *a == InvalidEvent::UnknownTerm("utrecht".into())
            }),
            (r#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": ["pest", "pest"]}"#, |a| {
                *a == InvalidEvent::DuplicateTerm("pest".into())
            }),
            (r#"{"doelgroep": "ouders", "pagina": "/elders/", "urgent": false, "termen": []}"#, |a| {
                *a == InvalidEvent::UnknownPagina("/elders/".into())
            }),
            (r#"[]"#, |a| matches!(a, InvalidEvent::Shape(_))),
        ];
        for (json, expected) in cases {
            let afwijzing = vraag(json).unwrap_err();
            assert!(expected(&afwijzing), "{json}: {afwijzing}");
        }
        let dertien = format!(
            r#"{{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [{}]}}"#,
            vec![r#""pest""#; 13].join(",")
        );
        assert_eq!(vraag(&dertien).unwrap_err(), InvalidEvent::TooManyTerms(13));
    }

    #[test]
    fn feedback_needs_a_known_page_and_source() {
        let v = vocabulaire();
        let f = Feedback::from_json(br#"{"pagina": "/contact/", "geholpen": false, "bron": "widget"}"#, &v).unwrap();
        assert_eq!((f.geholpen, f.bron), (false, Bron::Widget));
        assert!(matches!(
            Feedback::from_json(br#"{"pagina": null, "geholpen": false, "bron": "widget"}"#, &v),
            Err(InvalidEvent::Shape(_))
        ));
        assert!(matches!(
            Feedback::from_json(br#"{"pagina": "/contact/", "geholpen": false, "bron": "mail"}"#, &v),
            Err(InvalidEvent::Shape(_))
        ));
        assert!(matches!(
            Feedback::from_json(br#"{"pagina": "/x/", "geholpen": true, "bron": "pagina"}"#, &v),
            Err(InvalidEvent::UnknownPagina(_))
        ));
    }

    #[test]
    fn desk_questions_need_a_desk_channel_a_known_subject_and_a_sane_count() {
        let v = vocabulaire();
        let vraag = Vraag::from_desk(
            Kanaal::Telefoon,
            Some(Doelgroep::Ouders),
            Onderwerp::Pagina("/jongeren/geld/zakgeld/".into()),
            3,
            &v,
        )
        .unwrap();
        assert_eq!((vraag.thema.as_deref(), vraag.aantal), (Some("geld"), 3));
        let thema = Onderwerp::Thema("gedrag".into());
        assert!(Vraag::from_desk(Kanaal::Online, Some(Doelgroep::Ouders), thema.clone(), 1, &v).is_err());
        assert_eq!(Vraag::from_desk(Kanaal::Chat, Some(Doelgroep::Ouders), thema.clone(), 0, &v), Err(InvalidEvent::Aantal(0)));
        assert_eq!(
            Vraag::from_desk(Kanaal::Chat, Some(Doelgroep::Ouders), Onderwerp::Thema("sport".into()), 1, &v),
            Err(InvalidEvent::UnknownThema("sport".into()))
        );
        assert_eq!(parse_doelgroep("onbekend"), Ok(None));
        assert_eq!(parse_doelgroep("professionals"), Ok(Some(Doelgroep::Professionals)));
        let opa = parse_doelgroep("opa").unwrap_err().to_string();
        assert!(opa.contains("ouders, jongeren, professionals of onbekend"), "{opa}");
        assert_eq!("e-mail".parse::<Kanaal>(), Ok(Kanaal::Email));
        assert!("fax".parse::<Kanaal>().is_err());
    }

    #[test]
    fn every_refusal_speaks_dutch_and_english() {
        let message = InvalidEvent::UnknownTerm("x".into()).to_string();
        assert!(message.contains("onbekende term") && message.contains("unknown term"), "{message}");
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic(body in proptest::collection::vec(any::<u8>(), 0..300)) {
            let v = vocabulaire();
            let _ = Vraag::from_json(&body, &v);
            let _ = Feedback::from_json(&body, &v);
        }

        #[test]
        fn random_json_shaped_events_are_taken_exactly_when_valid(
            doelgroep in prop::sample::select(vec!["ouders", "jongeren", "professionals", "onbekend", "opa"]),
            pagina in prop::option::of(prop::sample::select(vec!["/contact/", "/ouders/gedrag/driftbuien/", "/nergens/"])),
            urgent in any::<bool>(),
            termen in prop::collection::vec(prop::sample::select(vec!["zakgeld", "koorts", "pest", "slap", "schuld", "jan"]), 0..14),
        ) {
            let json = serde_json::json!({"doelgroep": doelgroep, "pagina": pagina, "urgent": urgent, "termen": termen});
            let result = Vraag::from_json(json.to_string().as_bytes(), &vocabulaire());
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
