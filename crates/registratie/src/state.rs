//! What the public endpoint's and the staff form's request handlers share: the sites with
//! their live vocabularies, the write queue, a connection to read the staff tokens, and the
//! rate limit. Neither listener's module knows the other; both know this.

use crate::limiter::RateLimiter;
use crate::sites::Origin;
use crate::store::Store;
use crate::vocabulaire::LiveVocabulaire;
use crate::writer::WriteQueue;

/// One site as the running collector knows it.
pub(crate) struct SiteState {
    pub id: String,
    pub origin: Origin,
    pub vocabulaire: LiveVocabulaire,
}

/// The collector's shared state.
pub(crate) struct AppState {
    /// In the order of the sites file (or the one site of `--origin`).
    pub sites: Vec<SiteState>,
    pub queue: WriteQueue,
    /// A connection of its own for the staff tokens, which `cjg registreer token` and
    /// `intrekken` change while the collector runs.
    pub tokens: tokio::sync::Mutex<Store>,
    pub limiter: RateLimiter,
    /// With a sites file, each site's widget posts to `/<id>/v1/…`; with one `--origin`, to `/v1/…`.
    pub paths_per_site: bool,
}

impl AppState {
    /// The site named `id`.
    pub fn site(&self, id: &str) -> Option<&SiteState> {
        self.sites.iter().find(|site| site.id == id)
    }
}
