//! The staff form: only on its own listener, only with the token, and the token is never
//! stored in clear text.

mod common;

use base64::Engine;
use common::http::Verbinding;
use common::{totalen, Proef};

fn basic(token: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("balie:{token}")))
}

const FORMULIER: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");

#[test]
fn the_form_needs_the_token_and_registers_into_the_counts() {
    let mut proef = Proef::start(1000);
    let mut balie = Verbinding::open(proef.balie).unwrap();

    let zonder_code = balie.vraag("GET", "/", &[], b"").unwrap();
    assert_eq!(zonder_code.status, 401);
    assert!(zonder_code.tekst().contains("cjg registreer token"), "{}", zonder_code.tekst());

    let token = cjg_registratie::maak_token(&proef.db).unwrap();
    let mut zonder = Verbinding::open(proef.balie).unwrap();
    let geen = zonder.vraag("GET", "/", &[], b"").unwrap();
    assert_eq!(geen.status, 401);
    assert!(geen.header("www-authenticate").unwrap().starts_with("Basic "));
    let fout = zonder.vraag("GET", "/", &[("Authorization", &basic("0123456789abcdef0123456789abcdef"))], b"").unwrap();
    assert_eq!(fout.status, 401);
    let post_zonder =
        zonder.vraag("POST", "/", &[FORMULIER], b"kanaal=telefoon&doelgroep=ouders&thema=gedrag&aantal=3").unwrap();
    assert_eq!(post_zonder.status, 401);
    let elders = zonder.vraag("GET", "/iets", &[], b"").unwrap();
    assert_eq!(elders.status, 401, "every path is behind the token");

    let met = basic(&token);
    let formulier = balie.vraag("GET", "/", &[("Authorization", &met)], b"").unwrap();
    assert_eq!(formulier.status, 200);
    let html = formulier.tekst();
    assert!(
        html.contains("<html lang=\"nl\">") && html.contains("<legend>Hoe kwam de vraag binnen?</legend>"),
        "{html}"
    );
    assert!(html.contains("<option value=\"gedrag\">Gedrag</option>"));
    assert!(formulier.header("content-security-policy").unwrap().contains("default-src 'none'"));

    let bearer = format!("Bearer {token}");
    let opgeslagen = balie
        .vraag(
            "POST",
            "/",
            &[("Authorization", &bearer), FORMULIER],
            b"kanaal=telefoon&doelgroep=ouders&thema=gedrag&pagina=&aantal=3",
        )
        .unwrap();
    assert_eq!(opgeslagen.status, 200, "{}", opgeslagen.tekst());
    assert!(opgeslagen.tekst().contains("Opgeslagen: 3 vragen via telefoon"), "{}", opgeslagen.tekst());

    let onvolledig = balie.vraag("POST", "/", &[("Authorization", &met), FORMULIER], b"kanaal=chat&aantal=1").unwrap();
    assert_eq!(onvolledig.status, 422);
    assert!(onvolledig.tekst().contains("Kies wie de vraag stelde."));

    let van_elders = balie
        .vraag(
            "POST",
            "/",
            &[("Authorization", &met), FORMULIER, ("Origin", "https://elders.example")],
            b"kanaal=chat&doelgroep=ouders&thema=gedrag",
        )
        .unwrap();
    assert_eq!(van_elders.status, 403);

    proef.stop();
    assert_eq!(totalen(&proef.db).0, 3);
    let conn = rusqlite::Connection::open(&proef.db).unwrap();
    let (kanaal, thema): (String, String) =
        conn.query_row("SELECT kanaal, thema FROM vragen", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((kanaal.as_str(), thema.as_str()), ("telefoon", "gedrag"));
    drop(conn);

    // The token is nowhere in the database's files, not even in the write-ahead log.
    for entry in std::fs::read_dir(proef.dir.path()).unwrap() {
        let pad = entry.unwrap().path();
        if pad.is_file() {
            let bytes = std::fs::read(&pad).unwrap();
            assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()), "token in {}", pad.display());
        }
    }
}

#[test]
fn the_public_endpoint_does_not_lead_to_the_form() {
    let mut proef = Proef::start(1000);
    let token = cjg_registratie::maak_token(&proef.db).unwrap();
    let mut publiek = Verbinding::open(proef.publiek).unwrap();
    for pad in ["/", "/balie", "/v1/balie"] {
        let antwoord = publiek.vraag("GET", pad, &[("Authorization", &basic(&token))], b"").unwrap();
        assert_eq!(antwoord.status, 404, "{pad}");
        let antwoord = publiek
            .vraag(
                "POST",
                pad,
                &[("Authorization", &basic(&token)), FORMULIER],
                b"kanaal=chat&doelgroep=ouders&thema=gedrag",
            )
            .unwrap();
        assert_eq!(antwoord.status, 404, "{pad}");
    }
    proef.stop();
    assert_eq!(totalen(&proef.db).0, 0);
}
