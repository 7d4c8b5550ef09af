//! Anonymous question counts for CJG sites: what is asked, never who asks.
//!
//! The widget and the desk staff report questions as [`Gebeurtenis`]sen; the [`Collector`]
//! checks each against its site's [`Vocabulaire`], and a single writer commits them in groups
//! into a store of daily aggregate counts: SQLite, or PostgreSQL for several collectors
//! ([`Database`]). One collector serves one site or a region's sites ([`Site`]). [`Plan`] turns
//! the counts into what editors need, per site or for the region, with every figure under
//! disclosure control: nothing small is shown, and nothing small can be worked out.
//!
//! Nothing identifying is ever stored or logged: no address, no user agent, no referrer, no
//! time finer than the day, no words outside the site's vocabulary.

mod balie;
mod collector;
mod doelgroep;
mod error;
mod gebeurtenis;
mod invalid;
mod limiter;
mod plan;
mod sites;
mod state;
mod store;
mod telling;
mod templates;
mod tls;
mod toegang;
mod vocabulaire;
mod writer;

pub use collector::{collect, Collector, Settings, StaffListener, BODY_LIMIT};
pub use error::Error;
pub use gebeurtenis::{parse_doelgroep, thema_label, Bron, Feedback, Gebeurtenis, Kanaal, Onderwerp, Vraag};
pub use invalid::{InvalidEvent, MAX_AANTAL, MAX_TERMEN};
pub use plan::{Aantal, Plan, PlanOptions, Tellingen, Trend, STANDAARD_WEKEN};
pub use sites::{read_sites, Origin, Site, DEFAULT_SITE};
pub use store::{register, Database};
pub use tls::TlsFiles;
pub use toegang::{list_tokens, new_token, revoke_token, TokenInfo};
pub use vocabulaire::{Vocabulaire, VocabulaireSource, VOCABULAIRE_PATH};

/// A calendar day: the finest time the counts know; today is the CJG's own day, in the Netherlands.
pub use cjg_common::{today, Dag};
