//! The staff form: desk staff register the questions they received (channel, doelgroep, theme
//! or page) into the same counts. It is served only on `--staff-listen`, a listener of its own,
//! so no path of the public endpoint leads to it; that listener serves plain HTTP only on a
//! loopback address, HTTPS anywhere else. Every request needs a staff member's own token from
//! `cjg registreer token --naam …`: as the password of HTTP Basic authentication (any user
//! name), or as `Authorization: Bearer <token>`. A revoked token opens nothing.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::Engine;
use serde::Serialize;
use tera::Context;

use cjg_common::Doelgroep;

use crate::doelgroep::{self, ASKERS};
use crate::gebeurtenis::{thema_label, Gebeurtenis, Kanaal, Onderwerp, Vraag};
use crate::invalid::{InvalidEvent, MAX_AANTAL};
use crate::state::{AppState, SiteState};
use crate::templates::render;
use crate::toegang::holder;
use crate::vocabulaire::Vocabulaire;

/// The largest form body taken.
const FORM_LIMIT: usize = 8 * 1024;

/// The staff form's routes, all behind the token.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(show).post(register))
        .fallback(|| async { (StatusCode::NOT_FOUND, "Deze pagina bestaat niet. Het formulier staat op /.") })
        .layer(middleware::from_fn_with_state(state.clone(), access))
        .with_state(state)
}

/// Lets a request through only with an active token; 401 otherwise.
async fn access(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let tokens = state.tokens.lock().await.tokens().await;
    let refused = |geen_tokens: bool| {
        let mut context = Context::new();
        context.insert("geen_tokens", &geen_tokens);
        let mut response = match render("geen_toegang.html", &context) {
            Ok(html) => (StatusCode::UNAUTHORIZED, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
            Err(_) => StatusCode::UNAUTHORIZED.into_response(),
        };
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"CJG balie\", charset=\"UTF-8\""));
        secure(response)
    };
    match tokens {
        Ok(tokens) if token_from(request.headers()).is_some_and(|token| holder(&tokens, &token).is_some()) => {
            next.run(request).await
        }
        Ok(tokens) => refused(tokens.iter().all(|t| t.ingetrokken.is_some())),
        Err(_) => secure((StatusCode::SERVICE_UNAVAILABLE, "De toegangscodes konden niet worden gelezen.").into_response()),
    }
}

/// The token from `Authorization: Basic` (the password) or `Authorization: Bearer`.
fn token_from(headers: &HeaderMap) -> Option<String> {
    let waarde = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (schema, rest) = waarde.split_once(' ')?;
    if schema.eq_ignore_ascii_case("bearer") {
        return Some(rest.trim().to_owned());
    }
    if !schema.eq_ignore_ascii_case("basic") {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(rest.trim()).ok()?;
    let tekst = String::from_utf8(bytes).ok()?;
    Some(tekst.split_once(':')?.1.to_owned())
}

/// The site a request is for: the only one, or `?site=` when the collector serves several.
fn chosen_site<'a>(state: &'a AppState, query: Option<&str>) -> Option<&'a SiteState> {
    if state.sites.len() == 1 {
        return state.sites.first();
    }
    let gevraagd = form_urlencoded::parse(query?.as_bytes()).find(|(naam, _)| naam == "site")?.1;
    state.site(&gevraagd)
}

async fn show(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Response {
    let Some(site) = chosen_site(&state, query.as_deref()) else {
        let mut context = Context::new();
        context.insert("sites", &state.sites.iter().map(|s| s.id.as_str()).collect::<Vec<_>>());
        return html_response(StatusCode::OK, render("balie_sites.html", &context));
    };
    let form = Form::for_site(&state, site);
    html_response(StatusCode::OK, form.page(&site.vocabulaire.current(), &Invoer::default(), &Melding::Geen))
}

async fn register(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery, headers: HeaderMap, body: Body) -> Response {
    if !same_site(&headers) {
        return secure((StatusCode::FORBIDDEN, "Dit formulier werkt alleen vanaf zijn eigen pagina.").into_response());
    }
    let Some(site) = chosen_site(&state, query.as_deref()) else {
        return secure((StatusCode::NOT_FOUND, "Kies eerst een CJG op /.").into_response());
    };
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return secure((StatusCode::PAYLOAD_TOO_LARGE, "Het formulier is te groot.").into_response());
    };
    let form = Form::for_site(&state, site);
    let invoer = Invoer::from_form(&bytes);
    let vocabulaire = &*site.vocabulaire.current();
    let vraag = match invoer.vraag(vocabulaire) {
        Ok(vraag) => vraag,
        Err(fouten) => {
            return html_response(StatusCode::UNPROCESSABLE_ENTITY, form.page(vocabulaire, &invoer, &Melding::Fouten(fouten)))
        }
    };
    let bevestiging = invoer.confirmation(&vraag);
    if state.queue.write(&site.id, Gebeurtenis::Vraag(vraag)).await.is_err() {
        let fouten = vec![("kanaal-loket", "Opslaan lukte niet. Probeer het opnieuw.".to_owned())];
        return html_response(StatusCode::SERVICE_UNAVAILABLE, form.page(vocabulaire, &invoer, &Melding::Fouten(fouten)));
    }
    // Keep the channel and doelgroep: staff often register several questions alike.
    let volgende = Invoer { kanaal: invoer.kanaal, doelgroep: invoer.doelgroep, ..Invoer::default() };
    html_response(StatusCode::OK, form.page(vocabulaire, &volgende, &Melding::Opgeslagen(bevestiging)))
}

/// Refuses cross-site posts: a browser that remembers the token would otherwise send it along
/// with a form on another site.
fn same_site(headers: &HeaderMap) -> bool {
    let waarde = |naam| headers.get(naam).and_then(|v: &HeaderValue| v.to_str().ok());
    if waarde("sec-fetch-site").is_some_and(|site| site != "same-origin" && site != "none") {
        return false;
    }
    match (waarde("origin"), waarde("host")) {
        (Some(origin), Some(host)) => url::Url::parse(origin).is_ok_and(|url| {
            let poort = url.port().map(|p| format!(":{p}")).unwrap_or_default();
            url.host_str().is_some_and(|h| format!("{h}{poort}").eq_ignore_ascii_case(host))
        }),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

fn html_response(status: StatusCode, html: Result<String, crate::error::Error>) -> Response {
    match html {
        Ok(html) => secure((status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()),
        Err(error) => {
            eprintln!("{error}");
            secure(StatusCode::INTERNAL_SERVER_ERROR.into_response())
        }
    }
}

fn secure(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

/// The form's fields as typed, kept to show them again next to an error.
#[derive(Default)]
struct Invoer {
    kanaal: String,
    doelgroep: String,
    thema: String,
    pagina: String,
    aantal: String,
}

enum Melding {
    Geen,
    Opgeslagen(String),
    /// Per problem the id of the field to jump to, and what to do.
    Fouten(Vec<(&'static str, String)>),
}

impl Invoer {
    fn from_form(body: &[u8]) -> Invoer {
        let mut invoer = Invoer { aantal: "1".into(), ..Invoer::default() };
        for (naam, waarde) in form_urlencoded::parse(body) {
            let veld = match naam.as_ref() {
                "kanaal" => &mut invoer.kanaal,
                "doelgroep" => &mut invoer.doelgroep,
                "thema" => &mut invoer.thema,
                "pagina" => &mut invoer.pagina,
                "aantal" => &mut invoer.aantal,
                _ => continue,
            };
            *veld = waarde.trim().to_owned();
        }
        invoer
    }

    fn vraag(&self, vocabulaire: &Vocabulaire) -> Result<Vraag, Vec<(&'static str, String)>> {
        let mut fouten = Vec::new();
        let kanaal = self.kanaal.parse::<Kanaal>().ok().filter(|k| *k != Kanaal::Online);
        if kanaal.is_none() {
            fouten.push(("kanaal-loket", "Kies hoe de vraag binnenkwam.".to_owned()));
        }
        let doelgroep = doelgroep::parse(&self.doelgroep);
        if doelgroep.is_none() {
            fouten.push(("doelgroep-ouders", "Kies wie de vraag stelde.".to_owned()));
        }
        let onderwerp = match (self.thema.is_empty(), self.pagina.is_empty()) {
            (false, true) => Some(Onderwerp::Thema(self.thema.clone())),
            (true, false) => Some(Onderwerp::Pagina(self.pagina.clone())),
            (true, true) => {
                fouten.push(("thema", "Kies een thema of een pagina.".to_owned()));
                None
            }
            (false, false) => {
                fouten.push(("thema", "Kies een thema óf een pagina, niet allebei.".to_owned()));
                None
            }
        };
        let aantal = self.aantal.parse::<u32>().ok().filter(|a| (1..=MAX_AANTAL).contains(a));
        if aantal.is_none() {
            fouten.push(("aantal", format!("Vul bij aantal een getal in van 1 tot en met {MAX_AANTAL}.")));
        }
        let (Some(kanaal), Some(doelgroep), Some(onderwerp), Some(aantal)) = (kanaal, doelgroep, onderwerp, aantal) else {
            return Err(fouten);
        };
        Vraag::from_desk(kanaal, doelgroep, onderwerp, aantal, vocabulaire).map_err(|invalid| {
            vec![match invalid {
                InvalidEvent::UnknownThema(_) => {
                    ("thema", "Dit thema staat niet in de lijst. Kies een thema uit de lijst.".to_owned())
                }
                InvalidEvent::UnknownPagina(_) => {
                    ("pagina", "Deze pagina staat niet in de lijst. Kies een pagina uit de lijst.".to_owned())
                }
                andere => ("kanaal-loket", andere.bericht().nl),
            }]
        })
    }

    fn confirmation(&self, vraag: &Vraag) -> String {
        let vragen = if vraag.aantal == 1 { "1 vraag".to_owned() } else { format!("{} vragen", vraag.aantal) };
        let onderwerp = match (&vraag.pagina, &vraag.thema) {
            (Some(pagina), _) => format!("pagina {pagina}"),
            (None, Some(thema)) => format!("thema {}", thema_label(thema)),
            (None, None) => String::new(),
        };
        format!(
            "Opgeslagen: {vragen} via {}, van {}, over {onderwerp}.",
            vraag.kanaal.label().to_lowercase(),
            doelgroep_label(vraag.doelgroep).to_lowercase()
        )
    }
}

/// Who asked, as staff choose it.
fn doelgroep_label(doelgroep: Option<Doelgroep>) -> &'static str {
    match doelgroep {
        Some(Doelgroep::Ouders) => "Ouder of verzorger",
        Some(Doelgroep::Jongeren) => "Jongere",
        Some(Doelgroep::Professionals) => "Professional",
        None => "Weet ik niet",
    }
}

/// One choice in a list or a group of radio buttons.
#[derive(Serialize)]
struct Optie {
    waarde: String,
    label: String,
    gekozen: bool,
}

fn options<'a>(keuzes: impl Iterator<Item = (&'a str, String)>, gekozen: &str) -> Vec<Optie> {
    keuzes.map(|(waarde, label)| Optie { gekozen: waarde == gekozen, waarde: waarde.to_owned(), label }).collect()
}

/// The form of one site: where it posts, and how the page names the site.
struct Form {
    site_naam: String,
    actie: String,
    andere_sites: bool,
}

impl Form {
    fn for_site(state: &AppState, site: &SiteState) -> Form {
        if state.sites.len() == 1 {
            return Form { site_naam: String::new(), actie: "/".into(), andere_sites: false };
        }
        Form { site_naam: site.id.clone(), actie: format!("/?site={}", site.id), andere_sites: true }
    }

    fn page(&self, vocabulaire: &Vocabulaire, invoer: &Invoer, melding: &Melding) -> Result<String, crate::error::Error> {
        let mut context = Context::new();
        let (opgeslagen, fouten) = match melding {
            Melding::Geen => ("", &[][..]),
            Melding::Opgeslagen(tekst) => (tekst.as_str(), &[][..]),
            Melding::Fouten(fouten) => ("", fouten.as_slice()),
        };
        let fout_bij = |prefix: &str| {
            fouten.iter().find(|(veld, _)| veld.split('-').next() == Some(prefix)).map(|(_, t)| t.as_str()).unwrap_or("")
        };
        let lijst: Vec<_> = fouten.iter().map(|(veld, tekst)| serde_json::json!({"veld": veld, "tekst": tekst})).collect();
        context.insert("fouten", &lijst);
        context.insert(
            "fout",
            &serde_json::json!({
                "kanaal": fout_bij("kanaal"), "doelgroep": fout_bij("doelgroep"), "thema": fout_bij("thema"),
                "pagina": fout_bij("pagina"), "aantal": fout_bij("aantal"),
            }),
        );
        context.insert("opgeslagen", opgeslagen);
        context.insert("site_naam", &self.site_naam);
        context.insert("actie", &self.actie);
        context.insert("andere_sites", &self.andere_sites);
        context.insert("max_aantal", &MAX_AANTAL);
        context.insert("aantal", if invoer.aantal.is_empty() { "1" } else { &invoer.aantal });
        context.insert("kanalen", &options(Kanaal::BALIE.iter().map(|k| (k.as_str(), k.label().to_owned())), &invoer.kanaal));
        context.insert(
            "doelgroepen",
            &options(ASKERS.iter().map(|d| (doelgroep::word(*d), doelgroep_label(*d).to_owned())), &invoer.doelgroep),
        );
        context.insert("themas", &options(vocabulaire.themas.iter().map(|t| (t.as_str(), thema_label(t))), &invoer.thema));
        context.insert("paginas", &options(vocabulaire.paginas.iter().map(|p| (p.as_str(), p.clone())), &invoer.pagina));
        render("balie.html", &context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gebeurtenis::tests::vocabulaire;

    fn formulier(v: &Vocabulaire, invoer: &Invoer, melding: &Melding) -> String {
        Form { site_naam: String::new(), actie: "/".into(), andere_sites: false }.page(v, invoer, melding).unwrap()
    }

    #[test]
    fn the_token_comes_from_basic_or_bearer() {
        let mut headers = HeaderMap::new();
        assert_eq!(token_from(&headers), None);
        let basic = base64::engine::general_purpose::STANDARD.encode("balie:geheim");
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(&format!("Basic {basic}")).unwrap());
        assert_eq!(token_from(&headers).as_deref(), Some("geheim"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer geheim"));
        assert_eq!(token_from(&headers).as_deref(), Some("geheim"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Digest x"));
        assert_eq!(token_from(&headers), None);
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let mut headers = HeaderMap::new();
        assert!(same_site(&headers));
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8081"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("http://127.0.0.1:8081"));
        assert!(same_site(&headers));
        headers.insert(header::HOST, HeaderValue::from_static("balie.example"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://balie.example:443"));
        assert!(same_site(&headers), "the default port is the same origin");
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://elders.example"));
        assert!(!same_site(&headers));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_site(&headers));
    }

    #[test]
    fn the_form_names_every_problem_and_keeps_the_choices() {
        let v = vocabulaire();
        let invoer = Invoer::from_form(b"kanaal=telefoon&thema=gedrag&pagina=%2Fcontact%2F&aantal=0");
        let fouten = invoer.vraag(&v).unwrap_err();
        let velden: Vec<_> = fouten.iter().map(|(veld, _)| *veld).collect();
        assert_eq!(velden, ["doelgroep-ouders", "thema", "aantal"]);
        let html = formulier(&v, &invoer, &Melding::Fouten(fouten));
        assert!(html.contains("<a href=\"#doelgroep-ouders\">Kies wie de vraag stelde.</a>"), "{html}");
        assert!(html.contains("value=\"telefoon\" checked"));
        assert!(html.contains("<title>Fout: vraag registreren"));
        assert!(html.contains("id=\"doelgroep-ouders\""));
        assert!(html.contains("<option value=\"/contact/\" selected>/contact/</option>"), "URLs stay readable: {html}");
    }

    #[test]
    fn what_staff_type_is_escaped() {
        let v = vocabulaire();
        let invoer = Invoer::from_form(b"kanaal=%22%3E%3Cscript%3E&aantal=%3Cb%3E");
        let html = formulier(&v, &invoer, &Melding::Fouten(invoer.vraag(&v).unwrap_err()));
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains("value=\"&lt;b&gt;\""), "{html}");
    }

    #[test]
    fn a_complete_form_becomes_a_desk_question() {
        let v = vocabulaire();
        let invoer =
            Invoer::from_form(b"kanaal=e-mail&doelgroep=jongeren&thema=&pagina=%2Fjongeren%2Fgeld%2Fzakgeld%2F&aantal=2");
        let vraag = invoer.vraag(&v).unwrap();
        assert_eq!((vraag.kanaal, vraag.aantal, vraag.thema.as_deref()), (Kanaal::Email, 2, Some("geld")));
        assert_eq!(
            invoer.confirmation(&vraag),
            "Opgeslagen: 2 vragen via e-mail, van jongere, over pagina /jongeren/geld/zakgeld/."
        );
        assert_eq!(thema_label("grenzen-stellen"), "Grenzen stellen");
    }

    #[test]
    fn staff_can_register_a_professional_and_a_question_whose_asker_they_do_not_know() {
        let v = vocabulaire();
        let html = formulier(&v, &Invoer::default(), &Melding::Geen);
        for (waarde, label) in [("professionals", "Professional"), ("onbekend", "Weet ik niet")] {
            assert!(html.contains(&format!("value=\"{waarde}\"")) && html.contains(label), "{waarde}: {html}");
        }
        let invoer = Invoer::from_form(b"kanaal=telefoon&doelgroep=professionals&thema=gedrag&aantal=1");
        let vraag = invoer.vraag(&v).unwrap();
        assert_eq!(vraag.doelgroep, Some(Doelgroep::Professionals));
        assert_eq!(invoer.confirmation(&vraag), "Opgeslagen: 1 vraag via telefoon, van professional, over thema Gedrag.");
        let invoer = Invoer::from_form(b"kanaal=chat&doelgroep=onbekend&thema=gedrag&aantal=1");
        assert_eq!(invoer.vraag(&v).unwrap().doelgroep, None);
    }
}
