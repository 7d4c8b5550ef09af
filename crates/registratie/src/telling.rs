//! A batch of events folded into the counts they add, keyed as the tables are, so that one
//! commit writes each distinct row once however many events share it.

use std::collections::BTreeMap;

use cjg_common::Doelgroep;

use crate::gebeurtenis::{Bron, Gebeurtenis, Kanaal};
use crate::Dag;

/// A row of `vragen`: questions per site, day, channel, doelgroep, theme, page and urgency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct VraagSleutel {
    pub site: String,
    pub dag: Dag,
    pub kanaal: Kanaal,
    /// None: not chosen (`onbekend` in the table).
    pub doelgroep: Option<Doelgroep>,
    /// Empty when unknown.
    pub thema: String,
    /// Empty when no answer fit (or a desk question registered by theme).
    pub pagina: String,
    pub urgent: bool,
}

/// A row of `termen`: how often a known term occurred, in answered or unanswered questions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct TermSleutel {
    pub site: String,
    pub dag: Dag,
    /// None: not chosen (`onbekend` in the table).
    pub doelgroep: Option<Doelgroep>,
    pub term: String,
    pub beantwoord: bool,
}

/// A row of `onbeantwoord`: the known terms of questions no page answered, as one sorted set.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct OnbeantwoordSleutel {
    pub site: String,
    pub dag: Dag,
    /// None: not chosen (`onbekend` in the table).
    pub doelgroep: Option<Doelgroep>,
    /// The sorted terms joined by single spaces; empty when the question had none.
    pub termen: String,
}

/// A row of `feedback`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FeedbackSleutel {
    pub site: String,
    pub dag: Dag,
    pub pagina: String,
    pub geholpen: bool,
    pub bron: Bron,
}

/// The counts a batch of events adds, each table's rows in key order: every store writes
/// them in that order, so that two collectors on one database lock rows in the same order
/// and never deadlock each other.
#[derive(Debug, Default)]
pub(crate) struct Telling {
    pub vragen: BTreeMap<VraagSleutel, u64>,
    pub termen: BTreeMap<TermSleutel, u64>,
    pub onbeantwoord: BTreeMap<OnbeantwoordSleutel, u64>,
    pub feedback: BTreeMap<FeedbackSleutel, u64>,
}

impl Telling {
    /// Adds `gebeurtenis` of `site`, received on `dag`.
    pub fn add(&mut self, site: &str, dag: Dag, gebeurtenis: &Gebeurtenis) {
        match gebeurtenis {
            Gebeurtenis::Vraag(vraag) => {
                let aantal = u64::from(vraag.aantal);
                let sleutel = VraagSleutel {
                    site: site.to_owned(),
                    dag,
                    kanaal: vraag.kanaal,
                    doelgroep: vraag.doelgroep,
                    thema: vraag.thema.clone().unwrap_or_default(),
                    pagina: vraag.pagina.clone().unwrap_or_default(),
                    urgent: vraag.urgent,
                };
                *self.vragen.entry(sleutel).or_default() += aantal;
                // Only the widget's questions carry terms; "unanswered" means the widget found
                // nothing, while a desk question without a page was registered by theme.
                if vraag.kanaal != Kanaal::Online {
                    return;
                }
                let beantwoord = vraag.pagina.is_some();
                for term in &vraag.termen {
                    let sleutel =
                        TermSleutel { site: site.to_owned(), dag, doelgroep: vraag.doelgroep, term: term.clone(), beantwoord };
                    *self.termen.entry(sleutel).or_default() += aantal;
                }
                if !beantwoord {
                    let sleutel = OnbeantwoordSleutel {
                        site: site.to_owned(),
                        dag,
                        doelgroep: vraag.doelgroep,
                        termen: vraag.termen.join(" "),
                    };
                    *self.onbeantwoord.entry(sleutel).or_default() += aantal;
                }
            }
            Gebeurtenis::Feedback(feedback) => {
                let sleutel = FeedbackSleutel {
                    site: site.to_owned(),
                    dag,
                    pagina: feedback.pagina.clone(),
                    geholpen: feedback.geholpen,
                    bron: feedback.bron,
                };
                *self.feedback.entry(sleutel).or_default() += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gebeurtenis::tests::vocabulaire;
    use crate::gebeurtenis::{Onderwerp, Vraag};

    #[test]
    fn alike_events_share_a_row_and_terms_are_split_by_answered() {
        let v = vocabulaire();
        let dag = Dag::constant(2026, 11, 25);
        let mut telling = Telling::default();
        let zonder = Vraag::from_json(
            br#"{"doelgroep": "jongeren", "pagina": null, "urgent": false, "termen": ["zakgeld", "schuld"]}"#,
            &v,
        )
        .unwrap();
        let met = Vraag::from_json(
            br#"{"doelgroep": "jongeren", "pagina": "/jongeren/geld/zakgeld/", "urgent": false, "termen": ["zakgeld"]}"#,
            &v,
        )
        .unwrap();
        for vraag in [&zonder, &zonder, &met] {
            telling.add("cjg", dag, &Gebeurtenis::Vraag(vraag.clone()));
        }
        assert_eq!(telling.vragen.len(), 2);
        assert_eq!(telling.vragen.values().sum::<u64>(), 3);
        let gat = OnbeantwoordSleutel {
            site: "cjg".into(),
            dag,
            doelgroep: Some(Doelgroep::Jongeren),
            termen: "schuld zakgeld".into(),
        };
        assert_eq!(telling.onbeantwoord[&gat], 2);
        let term = |beantwoord| TermSleutel {
            site: "cjg".into(),
            dag,
            doelgroep: Some(Doelgroep::Jongeren),
            term: "zakgeld".into(),
            beantwoord,
        };
        assert_eq!((telling.termen[&term(false)], telling.termen[&term(true)]), (2, 1));
    }

    #[test]
    fn a_desk_question_by_theme_is_no_gap() {
        let v = vocabulaire();
        let vraag = Vraag::from_desk(Kanaal::Loket, Some(Doelgroep::Ouders), Onderwerp::Thema("gedrag".into()), 4, &v).unwrap();
        let mut telling = Telling::default();
        telling.add("cjg", Dag::constant(2026, 1, 1), &Gebeurtenis::Vraag(vraag));
        assert_eq!(telling.vragen.values().sum::<u64>(), 4);
        assert!(telling.onbeantwoord.is_empty() && telling.termen.is_empty());
    }
}
