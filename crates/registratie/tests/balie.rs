//! The staff form: only on its own listener, only with an active token of a named staff member,
//! plain HTTP only on loopback and HTTPS anywhere else, and the tokens are never stored in clear
//! text. Every test runs on both stores.

mod common;

use std::sync::Arc;

use base64::Engine;
use cjg_registratie::{new_token, revoke_token, Database, StaffListener, TlsFiles};
use common::http::Verbinding;
use common::{totalen, Proef, Store};

on_both_stores!(
    the_form_needs_the_token_and_registers_into_the_counts,
    the_public_endpoint_does_not_lead_to_the_form,
    a_revoked_token_opens_nothing,
    the_form_serves_https_on_any_address_with_a_certificate,
);

fn basic(token: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("balie:{token}")))
}

const FORMULIER: (&str, &str) = ("Content-Type", "application/x-www-form-urlencoded");

/// Whether `token` appears anywhere in what `db` keeps (its files, or its `toegang` rows).
fn stored_anywhere(db: &Database, dir: &std::path::Path, token: &str) -> bool {
    match db {
        Database::Sqlite(_) => std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_file()).any(|pad| {
            let bytes = std::fs::read(&pad).unwrap();
            bytes.windows(token.len()).any(|w| w == token.as_bytes())
        }),
        Database::Postgres(url) => common::postgres::query(url, |client| async move {
            let rijen = client
                .query("SELECT naam, encode(zout, 'hex'), encode(hash, 'hex'), encode(zout, 'escape'), encode(hash, 'escape') FROM toegang", &[])
                .await
                .unwrap();
            rijen.iter().any(|rij| (0..5).any(|i| rij.get::<_, String>(i).contains(token)))
        }),
    }
}

/// The channel and theme of the first row of `vragen`.
fn eerste_vraag(db: &Database) -> (String, String) {
    match db {
        Database::Sqlite(pad) => {
            let conn = rusqlite::Connection::open(pad).unwrap();
            conn.query_row("SELECT kanaal, thema FROM vragen", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap()
        }
        Database::Postgres(url) => common::postgres::query(url, |client| async move {
            let rij = client.query_one("SELECT kanaal, thema FROM vragen", &[]).await.unwrap();
            (rij.get(0), rij.get(1))
        }),
    }
}

fn the_form_needs_the_token_and_registers_into_the_counts(store: Store) {
    let mut proef = Proef::start_on(store, 1000);
    let mut balie = Verbinding::open(proef.balie).unwrap();

    let zonder_code = balie.vraag("GET", "/", &[], b"").unwrap();
    assert_eq!(zonder_code.status, 401);
    assert!(zonder_code.tekst().contains("cjg registreer token"), "{}", zonder_code.tekst());

    let token = new_token(&proef.db, "Sanne").unwrap();
    let mut zonder = Verbinding::open(proef.balie).unwrap();
    let geen = zonder.vraag("GET", "/", &[], b"").unwrap();
    assert_eq!(geen.status, 401);
    assert!(geen.header("www-authenticate").unwrap().starts_with("Basic "));
    let fout = zonder.vraag("GET", "/", &[("Authorization", &basic("0123456789abcdef0123456789abcdef"))], b"").unwrap();
    assert_eq!(fout.status, 401);
    let post_zonder = zonder.vraag("POST", "/", &[FORMULIER], b"kanaal=telefoon&doelgroep=ouders&thema=gedrag&aantal=3").unwrap();
    assert_eq!(post_zonder.status, 401);
    let elders = zonder.vraag("GET", "/iets", &[], b"").unwrap();
    assert_eq!(elders.status, 401, "every path is behind the token");

    let met = basic(&token);
    let formulier = balie.vraag("GET", "/", &[("Authorization", &met)], b"").unwrap();
    assert_eq!(formulier.status, 200);
    let html = formulier.tekst();
    assert!(html.contains("<html lang=\"nl\">") && html.contains("<legend>Hoe kwam de vraag binnen?</legend>"), "{html}");
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
    let (kanaal, thema) = eerste_vraag(&proef.db);
    assert_eq!((kanaal.as_str(), thema.as_str()), ("telefoon", "gedrag"));

    // The token is nowhere in what the database keeps, not even in SQLite's write-ahead log.
    assert!(!stored_anywhere(&proef.db, proef.dir.path(), &token));
}

fn the_public_endpoint_does_not_lead_to_the_form(store: Store) {
    let mut proef = Proef::start_on(store, 1000);
    let token = new_token(&proef.db, "Sanne").unwrap();
    let mut publiek = Verbinding::open(proef.publiek).unwrap();
    for pad in ["/", "/balie", "/v1/balie", "/?site=cjg", "/cjg/"] {
        let antwoord = publiek.vraag("GET", pad, &[("Authorization", &basic(&token))], b"").unwrap();
        assert_eq!(antwoord.status, 404, "{pad}");
        assert!(!antwoord.tekst().contains("<form"), "{pad}");
        let antwoord = publiek
            .vraag("POST", pad, &[("Authorization", &basic(&token)), FORMULIER], b"kanaal=chat&doelgroep=ouders&thema=gedrag")
            .unwrap();
        assert_eq!(antwoord.status, 404, "{pad}");
    }
    proef.stop();
    assert_eq!(totalen(&proef.db).0, 0);
}

fn a_revoked_token_opens_nothing(store: Store) {
    let mut proef = Proef::start_on(store, 1000);
    let sanne = new_token(&proef.db, "Sanne").unwrap();
    let ahmed = new_token(&proef.db, "Ahmed").unwrap();
    let mut balie = Verbinding::open(proef.balie).unwrap();
    for token in [&sanne, &ahmed] {
        assert_eq!(balie.vraag("GET", "/", &[("Authorization", &basic(token))], b"").unwrap().status, 200);
    }
    // Revoked while the collector runs: the very next request is refused.
    revoke_token(&proef.db, "Sanne").unwrap();
    let geweigerd = balie.vraag("GET", "/", &[("Authorization", &basic(&sanne))], b"").unwrap();
    assert_eq!(geweigerd.status, 401);
    assert!(geweigerd.tekst().contains("Werkt uw code niet meer?"), "{}", geweigerd.tekst());
    let post = balie
        .vraag("POST", "/", &[("Authorization", &basic(&sanne)), FORMULIER], b"kanaal=chat&doelgroep=ouders&thema=gedrag")
        .unwrap();
    assert_eq!(post.status, 401);
    assert_eq!(balie.vraag("GET", "/", &[("Authorization", &basic(&ahmed))], b"").unwrap().status, 200, "others keep theirs");
    // A new token for the same person replaces the old one.
    let nieuw = new_token(&proef.db, "Ahmed").unwrap();
    assert_eq!(balie.vraag("GET", "/", &[("Authorization", &basic(&ahmed))], b"").unwrap().status, 401);
    assert_eq!(balie.vraag("GET", "/", &[("Authorization", &basic(&nieuw))], b"").unwrap().status, 200);
    proef.stop();
    assert_eq!(totalen(&proef.db).0, 0);
}

/// A self-signed certificate for `localhost` and 127.0.0.1, written as PEM files under `dir`.
fn certificate(dir: &std::path::Path) -> (TlsFiles, rcgen::Certificate) {
    let rcgen::CertifiedKey { cert, signing_key } =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).unwrap();
    let files = TlsFiles { cert: dir.join("balie.pem"), key: dir.join("balie.key") };
    std::fs::write(&files.cert, cert.pem()).unwrap();
    std::fs::write(&files.key, signing_key.serialize_pem()).unwrap();
    (files, cert)
}

/// One HTTPS request to `port` on loopback, trusting only `cert`; the raw answer.
fn https(port: u16, cert: &rcgen::Certificate, verzoek: &str) -> std::io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio_rustls::rustls;

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let mut roots = rustls::RootCertStore::empty();
        roots.add(cert.der().clone()).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
        let naam = rustls::pki_types::ServerName::try_from("localhost").unwrap();
        let mut tls = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(naam, tcp).await?;
        tls.write_all(verzoek.as_bytes()).await?;
        let mut antwoord = String::new();
        tls.read_to_string(&mut antwoord).await?;
        Ok(antwoord)
    })
}

fn the_form_serves_https_on_any_address_with_a_certificate(store: Store) {
    let dir = tempfile::tempdir().unwrap();
    let (files, cert) = certificate(dir.path());
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();

    // On an address other machines reach, without TLS: refused before anything is served.
    let overal = runtime.block_on(tokio::net::TcpListener::bind("0.0.0.0:0")).unwrap();
    let fout = runtime.block_on(async { StaffListener::new(overal, None).err() }).expect("refused");
    assert!(fout.to_string().contains("loopback"), "{fout}");
    // A key that does not parse is refused too.
    std::fs::write(dir.path().join("kapot.key"), "geen sleutel").unwrap();
    let kapot = TlsFiles { cert: files.cert.clone(), key: dir.path().join("kapot.key") };
    let lokaal = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    assert!(runtime.block_on(async { StaffListener::new(lokaal, Some(&kapot)).err() }).is_some());
    drop(runtime);

    let mut proef = Proef::start_with_staff(store, "0.0.0.0:0", Some(&files));
    let token = new_token(&proef.db, "Sanne").unwrap();
    let port = proef.balie.port();
    let verzoek =
        |auth: &str| format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nAuthorization: {auth}\r\nConnection: close\r\n\r\n");
    let met = https(port, &cert, &verzoek(&format!("Bearer {token}"))).unwrap();
    assert!(met.starts_with("HTTP/1.1 200"), "{met}");
    assert!(met.contains("<legend>Hoe kwam de vraag binnen?</legend>"), "{met}");
    let zonder = https(port, &cert, &verzoek("Bearer 00")).unwrap();
    assert!(zonder.starts_with("HTTP/1.1 401"), "{zonder}");
    revoke_token(&proef.db, "Sanne").unwrap();
    let ingetrokken = https(port, &cert, &verzoek(&format!("Bearer {token}"))).unwrap();
    assert!(ingetrokken.starts_with("HTTP/1.1 401"), "{ingetrokken}");
    // Plain HTTP to the HTTPS port gets no HTTP answer.
    let mut kaal = Verbinding::open(proef.balie).unwrap();
    assert!(kaal.vraag("GET", "/", &[("Authorization", &format!("Bearer {token}"))], b"").is_err());
    proef.stop();
}
