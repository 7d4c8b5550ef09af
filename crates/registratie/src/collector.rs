//! `cjg collect`: the public endpoint the widget posts to (`/v1/vraag`, `/v1/feedback`) and,
//! on its own listener, the staff form. Every request is checked in order of cost (origin,
//! content type, size, the global rate, then the JSON against the vocabulary) and answered
//! 204 only once its event is committed. Nothing about a request is logged or kept: the
//! handlers never look at the peer address or any header beyond those checked here.

use std::future::Future;
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tokio::net::TcpListener;

use crate::balie;
use crate::error::Error;
use crate::gebeurtenis::{Afwijzing, Feedback, Gebeurtenis, Vraag};
use crate::schrijver::{Afzender, Schrijver};
use crate::store::Store;
use crate::vocabulaire::{Vocabulaire, Woordenlijst};

/// The largest event body taken, in bytes; a question with 12 long terms is under 600.
pub const BODY_LIMIT: usize = 2048;

/// How `cjg collect` runs.
#[derive(Debug, Clone)]
pub struct Instellingen {
    /// The counts database, created when missing.
    pub db: PathBuf,
    /// The built site, whose `registratie/vocabulaire.json` names what may be counted.
    pub site: PathBuf,
    /// The site's own origin, `https://cjg.example.nl`: the only one allowed to post.
    pub origin: String,
    /// Events taken per second over all clients together (a token bucket holding one second's
    /// worth); beyond it, 429.
    pub max_per_second: NonZeroU32,
}

/// What the request handlers share.
pub(crate) struct Gedeeld {
    pub vocabulaire: Woordenlijst,
    pub afzender: Afzender,
    /// A read connection for the staff form's token, which `cjg registreer token` may change
    /// while the collector runs.
    pub lezer: Mutex<Store>,
    origin: HeaderValue,
    emmer: Emmer,
}

/// An open collector: the vocabulary loaded, the database open, the writer running.
pub struct Collector {
    gedeeld: Arc<Gedeeld>,
    schrijver: Schrijver,
}

impl Collector {
    /// Loads the vocabulary, opens (or creates) the database and starts the writer.
    pub fn open(instellingen: &Instellingen) -> Result<Collector, Error> {
        let origin = origin(&instellingen.origin)?;
        let vocabulaire = Woordenlijst::open(&instellingen.site)?;
        let (schrijver, afzender) = Schrijver::start(Store::open(&instellingen.db)?)?;
        let lezer = Mutex::new(Store::lees(&instellingen.db)?);
        let emmer = Emmer::new(instellingen.max_per_second);
        Ok(Collector { gedeeld: Arc::new(Gedeeld { vocabulaire, afzender, lezer, origin, emmer }), schrijver })
    }

    /// The public endpoint: `POST /v1/vraag`, `POST /v1/feedback` and their CORS preflights.
    pub fn publiek(&self) -> Router {
        Router::new()
            .route("/v1/vraag", post(vraag).options(preflight))
            .route("/v1/feedback", post(feedback).options(preflight))
            .fallback(|| async { Weigering::NietGevonden.into_response() })
            .with_state(self.gedeeld.clone())
    }

    /// The staff form, for a listener of its own.
    pub fn balie(&self) -> Router {
        balie::router(self.gedeeld.clone())
    }

    /// Serves the public endpoint on `publiek` and the staff form on `balie` until `stop`
    /// completes, then lets the requests in flight finish and commits what is queued.
    pub async fn serve(
        self,
        publiek: TcpListener,
        balie: Option<TcpListener>,
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
        let publiek = axum::serve(publiek, self.publiek()).with_graceful_shutdown(gestopt());
        let balie_dienst = balie.map(|listener| axum::serve(listener, self.balie()).with_graceful_shutdown(gestopt()));
        let (publiek, balie) = tokio::join!(async { publiek.await }, async {
            match balie_dienst {
                Some(dienst) => dienst.await,
                None => Ok(()),
            }
        });
        publiek.and(balie).map_err(Error::Dienst)?;
        tokio::task::spawn_blocking(move || self.stop())
            .await
            .map_err(|_| Error::Schrijver("the writer could not be stopped".into()))?
    }

    /// Waits for the writer to commit everything queued.
    fn stop(self) -> Result<(), Error> {
        drop(self.gedeeld);
        self.schrijver.stop()
    }
}

/// `cjg collect`: serves until Ctrl+C or SIGTERM. Prints the addresses it listens on, and
/// nothing per request.
pub fn collect(instellingen: &Instellingen, listen: SocketAddr, staff_listen: Option<SocketAddr>) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(Error::Dienst)?;
    runtime.block_on(async {
        let collector = Collector::open(instellingen)?;
        let publiek = luister(listen).await?;
        let balie = match staff_listen {
            Some(adres) => Some(luister(adres).await?),
            None => None,
        };
        eprintln!(
            "collecting question counts on http://{} for {}",
            adres(&publiek),
            collector.gedeeld.origin.to_str().unwrap_or("")
        );
        match &balie {
            Some(balie) => eprintln!("staff form on http://{}/ (token: `cjg registreer token`)", adres(balie)),
            None => eprintln!("no staff form (it needs --staff-listen)"),
        }
        collector.serve(publiek, balie, stopsignaal()).await
    })
}

async fn luister(adres: SocketAddr) -> Result<TcpListener, Error> {
    TcpListener::bind(adres).await.map_err(|bron| Error::Luisteren { adres, bron })
}

fn adres(listener: &TcpListener) -> String {
    listener.local_addr().map(|a| a.to_string()).unwrap_or_default()
}

async fn stopsignaal() {
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

/// `https://cjg.example.nl` as browsers send it in `Origin`: lower case, no path.
fn origin(configured: &str) -> Result<HeaderValue, Error> {
    let origin = configured.strip_suffix('/').unwrap_or(configured).to_ascii_lowercase();
    let host = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
    match host {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ']) => {
            HeaderValue::from_str(&origin).map_err(|_| Error::Origin(configured.to_owned()))
        }
        _ => Err(Error::Origin(configured.to_owned())),
    }
}

/// A global token bucket: no state per client, because the collector never looks at who sends.
struct Emmer {
    per_seconde: f64,
    staat: Mutex<(f64, Instant)>,
}

impl Emmer {
    fn new(per_seconde: NonZeroU32) -> Emmer {
        let per_seconde = f64::from(per_seconde.get());
        Emmer { per_seconde, staat: Mutex::new((per_seconde, Instant::now())) }
    }

    /// Takes one token; `false` when the bucket is empty.
    fn neem(&self) -> bool {
        let mut staat = self.staat.lock().unwrap_or_else(|vergiftigd| vergiftigd.into_inner());
        let (tokens, sinds) = &mut *staat;
        let nu = Instant::now();
        *tokens = (*tokens + nu.duration_since(*sinds).as_secs_f64() * self.per_seconde).min(self.per_seconde);
        *sinds = nu;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Why a request was not counted, with its status.
enum Weigering {
    Origin,
    GeenJson,
    TeGroot,
    TeVeel,
    Afgewezen(Afwijzing),
    NietOpgeslagen,
    NietGevonden,
}

impl Weigering {
    fn status(&self) -> StatusCode {
        match self {
            Weigering::Origin => StatusCode::FORBIDDEN,
            Weigering::GeenJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Weigering::TeGroot => StatusCode::PAYLOAD_TOO_LARGE,
            Weigering::TeVeel => StatusCode::TOO_MANY_REQUESTS,
            Weigering::Afgewezen(Afwijzing::Onleesbaar(_)) => StatusCode::BAD_REQUEST,
            Weigering::Afgewezen(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Weigering::NietOpgeslagen => StatusCode::SERVICE_UNAVAILABLE,
            Weigering::NietGevonden => StatusCode::NOT_FOUND,
        }
    }

    fn tekst(&self) -> String {
        match self {
            Weigering::Origin => "berichten worden alleen aangenomen van de eigen site / events are only accepted from the site's own origin".into(),
            Weigering::GeenJson => "stuur JSON met Content-Type: application/json / send JSON with Content-Type: application/json".into(),
            Weigering::TeGroot => format!("het bericht is groter dan {BODY_LIMIT} bytes / the body is larger than {BODY_LIMIT} bytes"),
            Weigering::TeVeel => "te veel berichten tegelijk; probeer het zo opnieuw / too many events at once; try again shortly".into(),
            Weigering::Afgewezen(afwijzing) => afwijzing.to_string(),
            Weigering::NietOpgeslagen => "opslaan lukte niet; het bericht is niet geteld / storing failed; the event was not counted".into(),
            Weigering::NietGevonden => "onbekend adres; berichten gaan naar /v1/vraag of /v1/feedback / unknown path; post to /v1/vraag or /v1/feedback".into(),
        }
    }
}

impl IntoResponse for Weigering {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "fout": self.tekst() }).to_string();
        let mut response =
            (self.status(), [(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response();
        if matches!(self, Weigering::TeVeel) {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

async fn vraag(State(gedeeld): State<Arc<Gedeeld>>, headers: HeaderMap, body: Body) -> Response {
    ontvang(&gedeeld, &headers, body, |bytes, v| Vraag::uit_json(bytes, v).map(Gebeurtenis::Vraag)).await
}

async fn feedback(State(gedeeld): State<Arc<Gedeeld>>, headers: HeaderMap, body: Body) -> Response {
    ontvang(&gedeeld, &headers, body, |bytes, v| Feedback::uit_json(bytes, v).map(Gebeurtenis::Feedback)).await
}

async fn ontvang(
    gedeeld: &Gedeeld,
    headers: &HeaderMap,
    body: Body,
    lees: impl FnOnce(&[u8], &Vocabulaire) -> Result<Gebeurtenis, Afwijzing>,
) -> Response {
    if headers.get(header::ORIGIN) != Some(&gedeeld.origin) {
        return met_cors(Weigering::Origin.into_response(), None);
    }
    let uitkomst = async {
        if !is_json(headers) {
            return Err(Weigering::GeenJson);
        }
        let lengte = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if lengte.is_some_and(|lengte| lengte > BODY_LIMIT) {
            return Err(Weigering::TeGroot);
        }
        if !gedeeld.emmer.neem() {
            return Err(Weigering::TeVeel);
        }
        let bytes = lees_body(body).await?;
        let gebeurtenis = lees(&bytes, &gedeeld.vocabulaire.huidig()).map_err(Weigering::Afgewezen)?;
        gedeeld.afzender.schrijf(gebeurtenis).await.map_err(|_| Weigering::NietOpgeslagen)
    };
    let response = match uitkomst.await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(weigering) => weigering.into_response(),
    };
    met_cors(response, Some(&gedeeld.origin))
}

async fn lees_body(body: Body) -> Result<Bytes, Weigering> {
    match Limited::new(body, BODY_LIMIT).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => Err(Weigering::TeGroot),
        Err(error) => Err(Weigering::Afgewezen(Afwijzing::Onleesbaar(error.to_string()))),
    }
}

/// `application/json`, with or without parameters such as `charset=utf-8`.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(waarde) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    waarde.split(';').next().is_some_and(|soort| soort.trim().eq_ignore_ascii_case("application/json"))
}

/// The CORS preflight a browser sends before posting JSON across origins.
async fn preflight(State(gedeeld): State<Arc<Gedeeld>>, headers: HeaderMap) -> Response {
    if headers.get(header::ORIGIN) != Some(&gedeeld.origin) {
        return met_cors(Weigering::Origin.into_response(), None);
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    let h = response.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
    h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    met_cors(response, Some(&gedeeld.origin))
}

/// Adds the CORS and caching headers every answer carries; the origin is allowed only when it
/// was the site's own.
fn met_cors(mut response: Response, origin: Option<&HeaderValue>) -> Response {
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
    fn the_origin_must_be_a_bare_origin() {
        assert_eq!(origin("https://CJG.example.nl/").unwrap(), "https://cjg.example.nl");
        assert_eq!(origin("http://127.0.0.1:1111").unwrap(), "http://127.0.0.1:1111");
        for fout in ["cjg.example.nl", "https://", "https://cjg.example.nl/vraag", "ftp://x", "https://a b"] {
            assert!(origin(fout).is_err(), "{fout}");
        }
    }

    #[test]
    fn json_with_parameters_is_json() {
        let mut headers = HeaderMap::new();
        assert!(!is_json(&headers));
        for (waarde, json) in
            [("application/json", true), ("Application/JSON; charset=utf-8", true), ("text/plain", false)]
        {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(waarde));
            assert_eq!(is_json(&headers), json, "{waarde}");
        }
    }

    #[test]
    fn the_bucket_holds_one_second_and_refills() {
        let emmer = Emmer::new(NonZeroU32::new(3).unwrap());
        assert!((0..3).all(|_| emmer.neem()));
        assert!(!emmer.neem());
        // Pretend half a second passed: 1.5 tokens back, so one more event.
        emmer.staat.lock().unwrap().1 -= std::time::Duration::from_millis(500);
        assert!(emmer.neem());
        assert!(!emmer.neem());
    }
}
