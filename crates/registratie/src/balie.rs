//! The staff form: desk staff register the questions they received (channel, doelgroep, theme
//! or page) into the same counts. It is served only on `--staff-listen`, a listener of its own,
//! so no path of the public endpoint leads to it, and every request needs the token from
//! `cjg registreer token`: as the password of HTTP Basic authentication (any user name), or as
//! `Authorization: Bearer <token>`.

use std::fmt::Write;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use base64::Engine;

use crate::collector::Gedeeld;
use crate::gebeurtenis::{Afwijzing, Doelgroep, Gebeurtenis, Kanaal, Onderwerp, Vraag, MAX_AANTAL};
use crate::html::{escape, pagina};
use crate::vocabulaire::Vocabulaire;

/// The largest form body taken.
const FORM_LIMIT: usize = 8 * 1024;

const CSS: &str = "
body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
fieldset{border:1px solid #767676;border-radius:.25rem;margin:0 0 1.25rem;padding:.75rem 1rem}
legend{font-weight:700;padding:0 .25rem}
label{display:block;margin:.25rem 0}
fieldset label{display:flex;gap:.5rem;align-items:center;min-height:2.75rem}
input[type=radio]{width:1.25rem;height:1.25rem}
select,input[type=number]{font:inherit;padding:.5rem;min-height:2.75rem;border:2px solid #555;border-radius:.25rem;max-width:100%}
button{font:inherit;font-weight:700;padding:.75rem 1.5rem;min-height:2.75rem;border:0;border-radius:.25rem;background:#004f9f;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #d4351c;outline-offset:2px}
.melding{border-left:.5rem solid #00703c;background:#e8f5ee;padding:.75rem 1rem;margin:0 0 1.25rem}
.fouten{border:3px solid #d4351c;padding:.75rem 1rem;margin:0 0 1.25rem}
.fouten h2{margin-top:0;font-size:1.25rem}
.fout{color:#b00;font-weight:700}
.uitleg{color:#444;margin:.25rem 0}
";

/// The staff form's routes, all behind the token.
pub(crate) fn router(gedeeld: Arc<Gedeeld>) -> Router {
    Router::new()
        .route("/", get(toon).post(registreer))
        .fallback(|| async { (StatusCode::NOT_FOUND, "Deze pagina bestaat niet. Het formulier staat op /.") })
        .layer(middleware::from_fn_with_state(gedeeld.clone(), toegang))
        .with_state(gedeeld)
}

/// Lets a request through only with the right token; 401 otherwise.
async fn toegang(State(gedeeld): State<Arc<Gedeeld>>, request: Request, next: Next) -> Response {
    let hash = {
        let lezer = gedeeld.lezer.lock().unwrap_or_else(|vergiftigd| vergiftigd.into_inner());
        lezer.token()
    };
    let geweigerd = |uitleg: &str| {
        let body = pagina("Geen toegang – CJG", CSS, &format!("<h1>Geen toegang</h1>\n<p>{uitleg}</p>\n"));
        let mut response = (StatusCode::UNAUTHORIZED, body).into_response();
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"CJG balie\", charset=\"UTF-8\""));
        beveilig(response)
    };
    match hash {
        Ok(Some(hash)) if token_uit(request.headers()).is_some_and(|token| hash.past(&token)) => {
            next.run(request).await
        }
        Ok(Some(_)) => geweigerd("Vul de toegangscode in als wachtwoord. De gebruikersnaam maakt niet uit."),
        Ok(None) => geweigerd("Er is nog geen toegangscode. Maak er een met <code>cjg registreer token --db …</code>."),
        Err(_) => {
            beveilig((StatusCode::SERVICE_UNAVAILABLE, "De toegangscode kon niet worden gelezen.").into_response())
        }
    }
}

/// The token from `Authorization: Basic` (the password) or `Authorization: Bearer`.
fn token_uit(headers: &HeaderMap) -> Option<String> {
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

async fn toon(State(gedeeld): State<Arc<Gedeeld>>) -> Response {
    antwoord(StatusCode::OK, formulier(&gedeeld.vocabulaire.huidig(), &Invoer::default(), &Melding::Geen))
}

async fn registreer(State(gedeeld): State<Arc<Gedeeld>>, headers: HeaderMap, body: Body) -> Response {
    if !zelfde_site(&headers) {
        return beveilig(
            (StatusCode::FORBIDDEN, "Dit formulier werkt alleen vanaf zijn eigen pagina.").into_response(),
        );
    }
    let Ok(bytes) = axum::body::to_bytes(body, FORM_LIMIT).await else {
        return beveilig((StatusCode::PAYLOAD_TOO_LARGE, "Het formulier is te groot.").into_response());
    };
    let invoer = Invoer::lees(&bytes);
    let vocabulaire = &*gedeeld.vocabulaire.huidig();
    let vraag = match invoer.vraag(vocabulaire) {
        Ok(vraag) => vraag,
        Err(fouten) => {
            return antwoord(
                StatusCode::UNPROCESSABLE_ENTITY,
                formulier(vocabulaire, &invoer, &Melding::Fouten(fouten)),
            )
        }
    };
    let bevestiging = invoer.bevestiging(&vraag);
    if gedeeld.afzender.schrijf(Gebeurtenis::Vraag(vraag)).await.is_err() {
        let fouten = vec![("kanaal-loket", "Opslaan lukte niet. Probeer het opnieuw.".to_owned())];
        return antwoord(StatusCode::SERVICE_UNAVAILABLE, formulier(vocabulaire, &invoer, &Melding::Fouten(fouten)));
    }
    // Keep the channel and doelgroep: staff often register several questions alike.
    let volgende = Invoer { kanaal: invoer.kanaal, doelgroep: invoer.doelgroep, ..Invoer::default() };
    antwoord(StatusCode::OK, formulier(vocabulaire, &volgende, &Melding::Opgeslagen(bevestiging)))
}

/// Refuses cross-site posts: a browser that remembers the token would otherwise send it along
/// with a form on another site.
fn zelfde_site(headers: &HeaderMap) -> bool {
    let waarde = |naam| headers.get(naam).and_then(|v: &HeaderValue| v.to_str().ok());
    if waarde("sec-fetch-site").is_some_and(|site| site != "same-origin" && site != "none") {
        return false;
    }
    match (waarde("origin"), waarde("host")) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

fn antwoord(status: StatusCode, html: String) -> Response {
    beveilig((status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response())
}

fn beveilig(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ),
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
    fn lees(body: &[u8]) -> Invoer {
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
        let doelgroep = self.doelgroep.parse::<Doelgroep>().ok();
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
        let (Some(kanaal), Some(doelgroep), Some(onderwerp), Some(aantal)) = (kanaal, doelgroep, onderwerp, aantal)
        else {
            return Err(fouten);
        };
        Vraag::aan_balie(kanaal, doelgroep, onderwerp, aantal, vocabulaire).map_err(|afwijzing| {
            vec![match afwijzing {
                Afwijzing::OnbekendThema(_) => {
                    ("thema", "Dit thema staat niet in de lijst. Kies een thema uit de lijst.".to_owned())
                }
                Afwijzing::OnbekendePagina(_) => {
                    ("pagina", "Deze pagina staat niet in de lijst. Kies een pagina uit de lijst.".to_owned())
                }
                andere => ("kanaal-loket", andere.to_string()),
            }]
        })
    }

    fn bevestiging(&self, vraag: &Vraag) -> String {
        let vragen = if vraag.aantal == 1 { "1 vraag".to_owned() } else { format!("{} vragen", vraag.aantal) };
        let onderwerp = match (&vraag.pagina, &vraag.thema) {
            (Some(pagina), _) => format!("pagina {pagina}"),
            (None, Some(thema)) => format!("thema {}", thema_naam(thema)),
            (None, None) => String::new(),
        };
        format!(
            "Opgeslagen: {vragen} via {}, van {}, over {onderwerp}.",
            kanaal_naam(vraag.kanaal).to_lowercase(),
            doelgroep_naam(vraag.doelgroep).to_lowercase()
        )
    }
}

pub(crate) fn kanaal_naam(kanaal: Kanaal) -> &'static str {
    match kanaal {
        Kanaal::Online => "Online",
        Kanaal::Loket => "Balie (loket)",
        Kanaal::Telefoon => "Telefoon",
        Kanaal::Chat => "Chat",
        Kanaal::Email => "E-mail",
    }
}

fn doelgroep_naam(doelgroep: Doelgroep) -> &'static str {
    match doelgroep {
        Doelgroep::Ouders => "Ouder of verzorger",
        Doelgroep::Jongeren => "Jongere",
        Doelgroep::Onbekend => "Weet ik niet",
    }
}

/// `grenzen-stellen` → `Grenzen stellen`.
pub(crate) fn thema_naam(slug: &str) -> String {
    let mut naam = slug.replace('-', " ");
    if let Some(eerste) = naam.get(..1) {
        naam.replace_range(..1, &eerste.to_uppercase());
    }
    naam
}

fn formulier(vocabulaire: &Vocabulaire, invoer: &Invoer, melding: &Melding) -> String {
    let mut h = String::new();
    h.push_str("<h1>Vraag registreren</h1>\n<p>Registreer hier een vraag die u aan de balie, aan de telefoon, in de chat of per e-mail kreeg. \
        Schrijf niets op over wie de vraag stelde: we tellen alleen waar de vraag over ging.</p>\n");
    let fout_bij = |id: &str| match melding {
        Melding::Fouten(fouten) => fouten.iter().find(|(veld, _)| *veld == id).map(|(_, tekst)| tekst.as_str()),
        _ => None,
    };
    match melding {
        Melding::Geen => {}
        Melding::Opgeslagen(tekst) => {
            let _ = writeln!(h, "<p class=\"melding\" role=\"status\">{}</p>", escape(tekst));
        }
        Melding::Fouten(fouten) => {
            h.push_str(
                "<div class=\"fouten\" role=\"alert\" tabindex=\"-1\">\n<h2>Dit moet u nog aanpassen</h2>\n<ul>\n",
            );
            for (id, tekst) in fouten {
                let _ = writeln!(h, "<li><a href=\"#{id}\">{}</a></li>", escape(tekst));
            }
            h.push_str("</ul>\n</div>\n");
        }
    }
    h.push_str("<form method=\"post\" action=\"/\" novalidate>\n");
    let kanalen: Vec<_> = Kanaal::BALIE.iter().map(|k| (k.naam(), kanaal_naam(*k))).collect();
    keuzes(&mut h, "kanaal", "Hoe kwam de vraag binnen?", &kanalen, &invoer.kanaal, fout_bij("kanaal-loket"));
    let doelgroepen: Vec<_> = Doelgroep::ALLE.iter().map(|d| (d.naam(), doelgroep_naam(*d))).collect();
    keuzes(&mut h, "doelgroep", "Wie stelde de vraag?", &doelgroepen, &invoer.doelgroep, fout_bij("doelgroep-ouders"));
    h.push_str("<fieldset>\n<legend>Waar ging de vraag over?</legend>\n<p class=\"uitleg\" id=\"onderwerp-uitleg\">Kies een thema, of de pagina die de vraag beantwoordt.</p>\n");
    let themas: Vec<_> = vocabulaire.themas.iter().map(|t| (t.as_str(), thema_naam(t))).collect();
    lijst(&mut h, "thema", "Thema", "Geen thema", &themas, &invoer.thema, fout_bij("thema"));
    let paginas: Vec<_> = vocabulaire.paginas.iter().map(|p| (p.as_str(), p.clone())).collect();
    lijst(&mut h, "pagina", "Pagina", "Geen pagina", &paginas, &invoer.pagina, fout_bij("pagina"));
    h.push_str("</fieldset>\n");
    let aantal_fout = fout_bij("aantal");
    let _ = writeln!(
        h,
        "<label for=\"aantal\">Aantal vragen</label>{}\n<input type=\"number\" id=\"aantal\" name=\"aantal\" min=\"1\" max=\"{MAX_AANTAL}\" \
         inputmode=\"numeric\" value=\"{}\" required{}>",
        aantal_fout.map(|f| format!("\n<p class=\"fout\" id=\"aantal-fout\">{}</p>", escape(f))).unwrap_or_default(),
        escape(if invoer.aantal.is_empty() { "1" } else { &invoer.aantal }),
        if aantal_fout.is_some() { " aria-invalid=\"true\" aria-describedby=\"aantal-fout\"" } else { "" },
    );
    h.push_str("<p><button type=\"submit\">Registreren</button></p>\n</form>\n");
    let titel = if matches!(melding, Melding::Fouten(_)) {
        "Fout: vraag registreren – CJG"
    } else {
        "Vraag registreren – CJG"
    };
    pagina(titel, CSS, &h)
}

/// A group of radio buttons; the first has the id an error links to (`naam-eerste`).
fn keuzes(h: &mut String, naam: &str, vraag: &str, opties: &[(&str, &str)], gekozen: &str, fout: Option<&str>) {
    let _ = writeln!(
        h,
        "<fieldset{}>\n<legend>{vraag}</legend>",
        if fout.is_some() { format!(" aria-describedby=\"{naam}-fout\"") } else { String::new() }
    );
    if let Some(fout) = fout {
        let _ = writeln!(h, "<p class=\"fout\" id=\"{naam}-fout\">{}</p>", escape(fout));
    }
    for (i, (waarde, label)) in opties.iter().enumerate() {
        let id = format!("{naam}-{waarde}");
        let _ = writeln!(
            h,
            "<label for=\"{id}\"><input type=\"radio\" id=\"{id}\" name=\"{naam}\" value=\"{}\"{}{}> {}</label>",
            escape(waarde),
            if *waarde == gekozen { " checked" } else { "" },
            if i == 0 { " required" } else { "" },
            escape(label)
        );
    }
    h.push_str("</fieldset>\n");
}

/// A drop-down list with an empty first choice.
fn lijst(
    h: &mut String,
    naam: &str,
    label: &str,
    leeg: &str,
    opties: &[(&str, String)],
    gekozen: &str,
    fout: Option<&str>,
) {
    let _ = writeln!(h, "<label for=\"{naam}\">{label}</label>");
    if let Some(fout) = fout {
        let _ = writeln!(h, "<p class=\"fout\" id=\"{naam}-fout\">{}</p>", escape(fout));
    }
    let beschrijving =
        if fout.is_some() { format!("onderwerp-uitleg {naam}-fout") } else { "onderwerp-uitleg".to_owned() };
    let _ = writeln!(h, "<select id=\"{naam}\" name=\"{naam}\" aria-describedby=\"{beschrijving}\">\n<option value=\"\">{leeg}</option>");
    for (waarde, tekst) in opties {
        let _ = writeln!(
            h,
            "<option value=\"{}\"{}>{}</option>",
            escape(waarde),
            if *waarde == gekozen { " selected" } else { "" },
            escape(tekst)
        );
    }
    h.push_str("</select>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gebeurtenis::tests::vocabulaire;

    #[test]
    fn the_token_comes_from_basic_or_bearer() {
        let mut headers = HeaderMap::new();
        assert_eq!(token_uit(&headers), None);
        let basic = base64::engine::general_purpose::STANDARD.encode("balie:geheim");
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(&format!("Basic {basic}")).unwrap());
        assert_eq!(token_uit(&headers).as_deref(), Some("geheim"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer geheim"));
        assert_eq!(token_uit(&headers).as_deref(), Some("geheim"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Digest x"));
        assert_eq!(token_uit(&headers), None);
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let mut headers = HeaderMap::new();
        assert!(zelfde_site(&headers));
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8081"));
        headers.insert(header::ORIGIN, HeaderValue::from_static("http://127.0.0.1:8081"));
        assert!(zelfde_site(&headers));
        headers.insert(header::ORIGIN, HeaderValue::from_static("https://elders.example"));
        assert!(!zelfde_site(&headers));
        headers.remove(header::ORIGIN);
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!zelfde_site(&headers));
    }

    #[test]
    fn the_form_names_every_problem_and_keeps_the_choices() {
        let v = vocabulaire();
        let invoer = Invoer::lees(b"kanaal=telefoon&thema=gedrag&pagina=%2Fcontact%2F&aantal=0");
        let fouten = invoer.vraag(&v).unwrap_err();
        let velden: Vec<_> = fouten.iter().map(|(veld, _)| *veld).collect();
        assert_eq!(velden, ["doelgroep-ouders", "thema", "aantal"]);
        let html = formulier(&v, &invoer, &Melding::Fouten(fouten));
        assert!(html.contains("<a href=\"#doelgroep-ouders\">Kies wie de vraag stelde.</a>"), "{html}");
        assert!(html.contains("value=\"telefoon\" checked"));
        assert!(html.contains("<title>Fout: vraag registreren"));
        assert!(html.contains("id=\"doelgroep-ouders\""));
    }

    #[test]
    fn a_complete_form_becomes_a_desk_question() {
        let v = vocabulaire();
        let invoer =
            Invoer::lees(b"kanaal=e-mail&doelgroep=jongeren&thema=&pagina=%2Fjongeren%2Fgeld%2Fzakgeld%2F&aantal=2");
        let vraag = invoer.vraag(&v).unwrap();
        assert_eq!((vraag.kanaal, vraag.aantal, vraag.thema.as_deref()), (Kanaal::Email, 2, Some("geld")));
        assert_eq!(
            invoer.bevestiging(&vraag),
            "Opgeslagen: 2 vragen via e-mail, van jongere, over pagina /jongeren/geld/zakgeld/."
        );
        assert_eq!(thema_naam("grenzen-stellen"), "Grenzen stellen");
    }
}
