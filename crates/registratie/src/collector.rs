//! `cjg collect`: the public endpoint the widget posts to and, on its own listener, the staff
//! form. Every request is checked in order of cost (site, origin, content type, size, the
//! global rate, then the JSON against that site's vocabulary) and answered 204 only once its
//! event is committed. Nothing about a request is logged or kept: the handlers never look at
//! the peer address or any header beyond those checked here.
//!
//! With one site (`--origin`) the widget posts to `/v1/vraag` and `/v1/feedback`; with a sites
//! file each site's widget posts to `/<id>/v1/vraag` and `/<id>/v1/feedback`, and only from
//! that site's origin.

use std::future::Future;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use cjg_common::Bericht;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tokio::net::TcpListener;

use crate::balie;
use crate::error::Error;
use crate::gebeurtenis::{Feedback, Gebeurtenis, Vraag};
use crate::invalid::{both_languages, InvalidEvent};
use crate::limiter::RateLimiter;
use crate::sites::Site;
use crate::state::{AppState, SiteState};
use crate::store::{Database, Store};
use crate::tls::{server_config, TlsFiles, TlsListener};
use crate::vocabulaire::{LiveVocabulaire, Vocabulaire};
use crate::writer::Writer;

/// The largest event body taken, in bytes; a question with 12 long terms is under 600.
pub const BODY_LIMIT: usize = 2048;

/// How `cjg collect` runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The counts database, created (or migrated) at start.
    pub db: Database,
    /// The sites counted: the one of `--origin`, or those of a sites file.
    pub sites: Vec<Site>,
    /// Whether the sites came from a sites file: then each posts under `/<id>/`.
    pub sites_file: bool,
    /// Events taken per second over all clients together (a token bucket holding one second's
    /// worth); beyond it, 429.
    pub max_per_second: NonZeroU32,
}

/// The staff form's listener: plain HTTP on a loopback address, or HTTPS on any.
pub struct StaffListener {
    kind: StaffKind,
}

enum StaffKind {
    Plain(TcpListener),
    Tls(TlsListener),
}

impl StaffListener {
    /// Takes `listener` for the staff form. Without `tls` only a loopback address is allowed:
    /// the form's token would otherwise cross the network in clear text.
    pub fn new(listener: TcpListener, tls: Option<&TlsFiles>) -> Result<StaffListener, Error> {
        let adres = listener.local_addr().map_err(Error::Serve)?;
        let kind = match tls {
            None if !adres.ip().is_loopback() => return Err(Error::StaffNotLoopback(adres)),
            None => StaffKind::Plain(listener),
            Some(files) => StaffKind::Tls(TlsListener::new(listener, server_config(files)?).map_err(Error::Serve)?),
        };
        Ok(StaffListener { kind })
    }

    /// `https://127.0.0.1:8081/` or `http://…`.
    pub fn url(&self) -> String {
        match &self.kind {
            StaffKind::Plain(listener) => format!("http://{}/", address(listener.local_addr())),
            StaffKind::Tls(listener) => format!("https://{}/", address(axum::serve::Listener::local_addr(listener))),
        }
    }
}

fn address(adres: std::io::Result<SocketAddr>) -> String {
    adres.map(|a| a.to_string()).unwrap_or_default()
}

/// An open collector: the vocabularies loaded, the database open, the writer running.
pub struct Collector {
    state: Arc<AppState>,
    writer: Writer,
}

impl Collector {
    /// Loads every site's vocabulary, opens (or creates, or migrates) the database and starts
    /// the writer.
    pub async fn open(settings: &Settings) -> Result<Collector, Error> {
        let mut sites = Vec::with_capacity(settings.sites.len());
        for site in &settings.sites {
            let bron = site.vocabulaire.clone();
            let vocabulaire = tokio::task::spawn_blocking(move || LiveVocabulaire::open(bron))
                .await
                .map_err(|e| Error::Serve(std::io::Error::other(e)))??;
            sites.push(SiteState { id: site.id.clone(), origin: site.origin.clone(), vocabulaire });
        }
        let (writer, queue) = Writer::start(Store::open(&settings.db).await?)?;
        let tokens = tokio::sync::Mutex::new(Store::open_read_only(&settings.db).await?);
        let limiter = RateLimiter::new(settings.max_per_second);
        let state = AppState { sites, queue, tokens, limiter, paths_per_site: settings.sites_file };
        Ok(Collector { state: Arc::new(state), writer })
    }

    /// The public endpoint: the event routes and their CORS preflights, nothing else.
    pub fn public(&self) -> Router {
        let router = if self.state.paths_per_site {
            Router::new()
                .route("/{site}/v1/vraag", post(vraag_of).options(preflight_of))
                .route("/{site}/v1/feedback", post(feedback_of).options(preflight_of))
        } else {
            Router::new()
                .route("/v1/vraag", post(vraag).options(preflight))
                .route("/v1/feedback", post(feedback).options(preflight))
        };
        router.fallback(|| async { Refusal::NotFound.into_response() }).with_state(self.state.clone())
    }

    /// The staff form, for a listener of its own.
    pub fn staff(&self) -> Router {
        balie::router(self.state.clone())
    }

    /// Serves the public endpoint on `public` and the staff form on `staff` until `stop`
    /// completes, then lets the requests in flight finish and commits what is queued.
    pub async fn serve(
        self,
        public: TcpListener,
        staff: Option<StaffListener>,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), Error> {
        let (stuur, ontvang) = tokio::sync::watch::channel(false);
        let gestopt = move || {
            let mut ontvang = ontvang.clone();
            async move {
                let _ = ontvang.wait_for(|gestopt| *gestopt).await;
            }
        };
        tokio::spawn(async move {
            stop.await;
            let _ = stuur.send(true);
        });
        let verversen: Vec<_> = (0..self.state.sites.len()).map(|i| tokio::spawn(refresh(self.state.clone(), i))).collect();
        let publiek = axum::serve(public, self.public()).with_graceful_shutdown(gestopt());
        let balie = async {
            match staff.map(|s| s.kind) {
                Some(StaffKind::Plain(listener)) => axum::serve(listener, self.staff()).with_graceful_shutdown(gestopt()).await,
                Some(StaffKind::Tls(listener)) => axum::serve(listener, self.staff()).with_graceful_shutdown(gestopt()).await,
                None => Ok(()),
            }
        };
        let (publiek, balie) = tokio::join!(async { publiek.await }, balie);
        for taak in verversen {
            taak.abort();
        }
        publiek.and(balie).map_err(Error::Serve)?;
        tokio::task::spawn_blocking(move || self.stop())
            .await
            .map_err(|_| Error::Writer("the writer could not be stopped".into()))?
    }

    /// Waits for the writer to commit everything queued.
    fn stop(self) -> Result<(), Error> {
        drop(self.state);
        self.writer.stop()
    }
}

/// Looks now and then whether site `index`'s vocabulary changed (the site was rebuilt).
async fn refresh(state: Arc<AppState>, index: usize) {
    let elke = state.sites[index].vocabulaire.source().refresh_every();
    loop {
        tokio::time::sleep(elke).await;
        let state = state.clone();
        let _ = tokio::task::spawn_blocking(move || state.sites[index].vocabulaire.refresh()).await;
    }
}

/// `cjg collect`: serves until Ctrl+C or SIGTERM. Prints the addresses it listens on, and
/// nothing per request.
pub fn collect(
    settings: &Settings,
    listen: SocketAddr,
    staff_listen: Option<SocketAddr>,
    staff_tls: Option<&TlsFiles>,
) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(Error::Serve)?;
    runtime.block_on(async {
        // The staff form's address is checked before anything is opened.
        let balie = match staff_listen {
            Some(adres) => Some(StaffListener::new(bind(adres).await?, staff_tls)?),
            None => None,
        };
        let collector = Collector::open(settings).await?;
        let publiek = bind(listen).await?;
        let origins: Vec<&str> = collector.state.sites.iter().map(|s| s.origin.as_str()).collect();
        eprintln!(
            "collecting question counts on http://{} for {} (database {})",
            address(publiek.local_addr()),
            origins.join(", "),
            settings.db.name()
        );
        match &balie {
            Some(balie) => eprintln!("staff form on {} (tokens: `cjg registreer token --naam …`)", balie.url()),
            None => eprintln!("no staff form (it needs --staff-listen)"),
        }
        collector.serve(publiek, balie, stop_signal()).await
    })
}

async fn bind(adres: SocketAddr) -> Result<TcpListener, Error> {
    TcpListener::bind(adres).await.map_err(|source| Error::Listen { address: adres, source })
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => return std::future::pending().await,
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// Why a request was not counted, with its status.
enum Refusal {
    Origin,
    NotJson,
    TooLarge,
    TooMany,
    Invalid(InvalidEvent),
    NotStored,
    NotFound,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::Origin => StatusCode::FORBIDDEN,
            Refusal::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::TooMany => StatusCode::TOO_MANY_REQUESTS,
            Refusal::Invalid(InvalidEvent::NotJson(_)) => StatusCode::BAD_REQUEST,
            Refusal::Invalid(InvalidEvent::UnknownSite(_)) | Refusal::NotFound => StatusCode::NOT_FOUND,
            Refusal::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Refusal::NotStored => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn bericht(&self) -> Bericht {
        let (nl, en) = match self {
            Refusal::Origin => (
                "berichten worden alleen aangenomen van de eigen site".into(),
                "events are only accepted from the site's own origin".into(),
            ),
            Refusal::NotJson => {
                ("stuur JSON met Content-Type: application/json".into(), "send JSON with Content-Type: application/json".into())
            }
            Refusal::TooLarge => {
                (format!("het bericht is groter dan {BODY_LIMIT} bytes"), format!("the body is larger than {BODY_LIMIT} bytes"))
            }
            Refusal::TooMany => {
                ("te veel berichten tegelijk; probeer het zo opnieuw".into(), "too many events at once; try again shortly".into())
            }
            Refusal::Invalid(invalid) => return invalid.bericht(),
            Refusal::NotStored => {
                ("opslaan lukte niet; het bericht is niet geteld".into(), "storing failed; the event was not counted".into())
            }
            Refusal::NotFound => (
                "onbekend adres; berichten gaan naar …/v1/vraag of …/v1/feedback".to_owned(),
                "unknown path; post to …/v1/vraag or …/v1/feedback".to_owned(),
            ),
        };
        Bericht::new(nl, en)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "fout": both_languages(&self.bericht()) }).to_string();
        let mut response = (self.status(), [(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response();
        if matches!(self, Refusal::TooMany) {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

type Parse = fn(&[u8], &Vocabulaire) -> Result<Gebeurtenis, InvalidEvent>;

fn parse_vraag(bytes: &[u8], vocabulaire: &Vocabulaire) -> Result<Gebeurtenis, InvalidEvent> {
    Vraag::from_json(bytes, vocabulaire).map(Gebeurtenis::Vraag)
}

fn parse_feedback(bytes: &[u8], vocabulaire: &Vocabulaire) -> Result<Gebeurtenis, InvalidEvent> {
    Feedback::from_json(bytes, vocabulaire).map(Gebeurtenis::Feedback)
}

async fn vraag(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Body) -> Response {
    receive(&state, &state.sites[0], &headers, body, parse_vraag).await
}

async fn feedback(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Body) -> Response {
    receive(&state, &state.sites[0], &headers, body, parse_feedback).await
}

async fn vraag_of(State(state): State<Arc<AppState>>, Path(site): Path<String>, headers: HeaderMap, body: Body) -> Response {
    match state.site(&site) {
        Some(site) => receive(&state, site, &headers, body, parse_vraag).await,
        None => Refusal::Invalid(InvalidEvent::UnknownSite(site)).into_response(),
    }
}

async fn feedback_of(State(state): State<Arc<AppState>>, Path(site): Path<String>, headers: HeaderMap, body: Body) -> Response {
    match state.site(&site) {
        Some(site) => receive(&state, site, &headers, body, parse_feedback).await,
        None => Refusal::Invalid(InvalidEvent::UnknownSite(site)).into_response(),
    }
}

/// The `Origin` header when it is `site`'s origin.
fn own_origin<'h>(site: &SiteState, headers: &'h HeaderMap) -> Option<&'h HeaderValue> {
    headers.get(header::ORIGIN).filter(|origin| site.origin.matches(origin.as_bytes()))
}

async fn receive(state: &AppState, site: &SiteState, headers: &HeaderMap, body: Body, parse: Parse) -> Response {
    let Some(origin) = own_origin(site, headers) else {
        return with_cors(Refusal::Origin.into_response(), None);
    };
    let uitkomst = async {
        if !is_json(headers) {
            return Err(Refusal::NotJson);
        }
        let lengte = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if lengte.is_some_and(|lengte| lengte > BODY_LIMIT) {
            return Err(Refusal::TooLarge);
        }
        if !state.limiter.try_acquire() {
            return Err(Refusal::TooMany);
        }
        let bytes = read_body(body).await?;
        let gebeurtenis = parse(&bytes, &site.vocabulaire.current()).map_err(Refusal::Invalid)?;
        state.queue.write(&site.id, gebeurtenis).await.map_err(|_| Refusal::NotStored)
    };
    let response = match uitkomst.await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(refusal) => refusal.into_response(),
    };
    with_cors(response, Some(origin))
}

async fn read_body(body: Body) -> Result<Bytes, Refusal> {
    match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => Err(Refusal::TooLarge),
        Err(error) => Err(Refusal::Invalid(InvalidEvent::NotJson(error.to_string()))),
    }
}

/// `application/json`, with or without parameters such as `charset=utf-8`.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(waarde) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    waarde.split(';').next().is_some_and(|soort| soort.trim().eq_ignore_ascii_case("application/json"))
}

async fn preflight(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    preflight_for(&state.sites[0], &headers)
}

async fn preflight_of(State(state): State<Arc<AppState>>, Path(site): Path<String>, headers: HeaderMap) -> Response {
    match state.site(&site) {
        Some(site) => preflight_for(site, &headers),
        None => Refusal::Invalid(InvalidEvent::UnknownSite(site)).into_response(),
    }
}

/// The CORS preflight a browser sends before posting JSON across origins.
fn preflight_for(site: &SiteState, headers: &HeaderMap) -> Response {
    let Some(origin) = own_origin(site, headers) else {
        return with_cors(Refusal::Origin.into_response(), None);
    };
    let mut response = StatusCode::NO_CONTENT.into_response();
    let h = response.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    with_cors(response, Some(origin))
}

/// Adds the CORS and caching headers every answer carries; the origin is allowed only when it
/// was the site's own (and then exactly as the browser sent it).
fn with_cors(mut response: Response, origin: Option<&HeaderValue>) -> Response {
    let h = response.headers_mut();
    if let Some(origin) = origin {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    }
    h.insert(header::VARY, HeaderValue::from_static("Origin"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_with_parameters_is_json() {
        let mut headers = HeaderMap::new();
        assert!(!is_json(&headers));
        for (waarde, json) in [("application/json", true), ("Application/JSON; charset=utf-8", true), ("text/plain", false)] {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(waarde));
            assert_eq!(is_json(&headers), json, "{waarde}");
        }
    }

    #[tokio::test]
    async fn the_staff_form_needs_loopback_or_tls() {
        let overal = TcpListener::bind("0.0.0.0:0").await.unwrap();
        assert!(matches!(StaffListener::new(overal, None), Err(Error::StaffNotLoopback(_))));
        let lokaal = TcpListener::bind("127.0.0.1:0").await.unwrap();
        assert!(StaffListener::new(lokaal, None).unwrap().url().starts_with("http://127.0.0.1:"));
    }
}
