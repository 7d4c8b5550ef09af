//! Bad input, case by case: each gets its status and a reason in `{"fout": ...}`, nothing of it
//! is counted, and the collector goes on serving the next good event. Every test runs on both
//! stores: SQLite, and the tests' own PostgreSQL server.

mod common;

use common::http::{Antwoord, Verbinding};
use common::{totalen, vraag, Proef, Store, ORIGIN};

on_both_stores!(
    every_bad_event_gets_its_status_and_nothing_is_stored,
    the_unknown_term_is_named_in_the_refusal,
    a_flood_gets_429_and_only_what_was_acknowledged_is_counted,
    the_preflight_allows_only_the_sites_origin,
    an_oversized_body_without_length_is_cut_off_too,
    an_origin_with_its_default_port_is_the_origin_browsers_send,
);

fn post(proef: &Proef, pad: &str, headers: &[(&str, &str)], body: &[u8]) -> Antwoord {
    // A fresh connection per case: after some refusals the server may close it.
    Verbinding::open(proef.publiek).unwrap().vraag("POST", pad, headers, body).unwrap()
}

const JSON: (&str, &str) = ("Content-Type", "application/json");

/// One bad request and the status it must get.
struct Geval {
    naam: &'static str,
    pad: &'static str,
    headers: Vec<(&'static str, &'static str)>,
    body: Vec<u8>,
    status: u16,
}

impl Geval {
    fn new(
        naam: &'static str,
        pad: &'static str,
        headers: Vec<(&'static str, &'static str)>,
        body: impl Into<Vec<u8>>,
        status: u16,
    ) -> Geval {
        Geval { naam, pad, headers, body: body.into(), status }
    }
}
const VAN_SITE: (&str, &str) = ("Origin", ORIGIN);

fn every_bad_event_gets_its_status_and_nothing_is_stored(store: Store) {
    let mut proef = Proef::start_on(store, 10_000);
    let groot =
        format!(r#"{{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [], "x": "{}"}}"#, "a".repeat(3000));
    let cases: Vec<Geval> = vec![
        Geval::new("malformed JSON", "/v1/vraag", vec![JSON, VAN_SITE], br#"{"doelgroep": "ouders","#.to_vec(), 400),
        Geval::new("not JSON at all", "/v1/vraag", vec![JSON, VAN_SITE], b"doelgroep=ouders".to_vec(), 400),
        Geval::new(
            "wrong type",
            "/v1/vraag",
            vec![JSON, VAN_SITE],
            br#"{"doelgroep": "ouders", "pagina": null, "urgent": 1, "termen": []}"#.to_vec(),
            422,
        ),
        Geval::new(
            "unknown field",
            "/v1/vraag",
            vec![JSON, VAN_SITE],
            br#"{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [], "vraag": "mijn zoon Daan in Utrecht"}"#
                .to_vec(),
            422,
        ),
        Geval::new(
            "missing field",
            "/v1/vraag",
            vec![JSON, VAN_SITE],
            br#"{"doelgroep": "ouders", "urgent": false, "termen": []}"#.to_vec(),
            422,
        ),
        Geval::new(
            "unknown doelgroep",
            "/v1/vraag",
            vec![JSON, VAN_SITE],
            br#"{"doelgroep": "opa", "pagina": null, "urgent": false, "termen": []}"#.to_vec(),
            422,
        ),
        Geval::new("unknown term", "/v1/vraag", vec![JSON, VAN_SITE], vraag(&["koorts", "utrecht"]), 422),
        Geval::new(
            "unknown page",
            "/v1/vraag",
            vec![JSON, VAN_SITE],
            br#"{"doelgroep": "ouders", "pagina": "/elders/", "urgent": false, "termen": []}"#.to_vec(),
            422,
        ),
        Geval::new(
            "feedback without source",
            "/v1/feedback",
            vec![JSON, VAN_SITE],
            br#"{"pagina": "/contact/", "geholpen": false}"#.to_vec(),
            422,
        ),
        Geval::new("oversized body", "/v1/vraag", vec![JSON, VAN_SITE], groot.into_bytes(), 413),
        Geval::new("wrong content type", "/v1/vraag", vec![("Content-Type", "text/plain"), VAN_SITE], vraag(&["koorts"]), 415),
        Geval::new("no content type", "/v1/vraag", vec![VAN_SITE], vraag(&["koorts"]), 415),
        Geval::new("wrong origin", "/v1/vraag", vec![JSON, ("Origin", "https://elders.example")], vraag(&["koorts"]), 403),
        Geval::new("no origin", "/v1/vraag", vec![JSON], vraag(&["koorts"]), 403),
        Geval::new("unknown path", "/v1/anders", vec![JSON, VAN_SITE], vraag(&["koorts"]), 404),
    ];
    for Geval { naam, pad, headers, body, status } in &cases {
        let antwoord = post(&proef, pad, headers, body);
        assert_eq!(antwoord.status, *status, "{naam}: {}", antwoord.tekst());
        let fout: serde_json::Value =
            serde_json::from_slice(&antwoord.body).unwrap_or_else(|_| panic!("{naam}: {}", antwoord.tekst()));
        let fout = fout["fout"].as_str().unwrap_or_else(|| panic!("{naam}: no fout"));
        assert!(fout.contains(" / "), "{naam}: Dutch and English: {fout}");
        let cors = antwoord.header("access-control-allow-origin");
        assert_eq!(cors, if [403, 404].contains(status) { None } else { Some(ORIGIN) }, "{naam}");
        // ... and the collector keeps serving.
        let goed = post(&proef, "/v1/vraag", &[JSON, VAN_SITE], &vraag(&["koorts"]));
        assert_eq!(goed.status, 204, "after {naam}: {}", goed.tekst());
    }
    proef.stop();
    let (vragen, termen, onbeantwoord, feedback) = totalen(&proef.db);
    assert_eq!((vragen, termen, onbeantwoord, feedback), (cases.len() as i64, cases.len() as i64, cases.len() as i64, 0));
}

fn the_unknown_term_is_named_in_the_refusal(store: Store) {
    let mut proef = Proef::start_on(store, 10_000);
    let antwoord = post(&proef, "/v1/vraag", &[JSON, VAN_SITE], &vraag(&["koorts", "daan"]));
    assert_eq!(antwoord.status, 422);
    assert!(antwoord.tekst().contains("daan"), "{}", antwoord.tekst());
    proef.stop();
}

fn a_flood_gets_429_and_only_what_was_acknowledged_is_counted(store: Store) {
    let mut proef = Proef::start_on(store, 5);
    let mut verbinding = Verbinding::open(proef.publiek).unwrap();
    let mut statussen = Vec::new();
    for _ in 0..40 {
        let antwoord = verbinding.vraag("POST", "/v1/vraag", &[JSON, VAN_SITE], &vraag(&["pest"])).unwrap();
        if antwoord.status == 429 {
            assert_eq!(antwoord.header("retry-after"), Some("1"));
        }
        statussen.push(antwoord.status);
    }
    let geteld = statussen.iter().filter(|s| **s == 204).count() as i64;
    assert!(statussen.contains(&429), "{statussen:?}");
    assert!(statussen.iter().all(|s| *s == 204 || *s == 429), "{statussen:?}");
    // The bucket refills: after a second the collector serves again.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let weer = verbinding.vraag("POST", "/v1/vraag", &[JSON, VAN_SITE], &vraag(&["pest"])).unwrap();
    assert_eq!(weer.status, 204);
    proef.stop();
    assert_eq!(totalen(&proef.db).0, geteld + 1);
}

fn the_preflight_allows_only_the_sites_origin(store: Store) {
    let mut proef = Proef::start_on(store, 10_000);
    let mut verbinding = Verbinding::open(proef.publiek).unwrap();
    let preflight = |origin| {
        vec![("Origin", origin), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type")]
    };
    let ja = verbinding.vraag("OPTIONS", "/v1/feedback", &preflight(ORIGIN), b"").unwrap();
    assert_eq!(ja.status, 204);
    assert_eq!(ja.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(ja.header("access-control-allow-methods"), Some("POST"));
    assert_eq!(ja.header("access-control-allow-headers"), Some("content-type"));
    let nee = verbinding.vraag("OPTIONS", "/v1/vraag", &preflight("https://elders.example"), b"").unwrap();
    assert_eq!(nee.status, 403);
    assert_eq!(nee.header("access-control-allow-origin"), None);
    let feedback = verbinding
        .vraag("POST", "/v1/feedback", &[JSON, VAN_SITE], br#"{"pagina": "/contact/", "geholpen": false, "bron": "pagina"}"#)
        .unwrap();
    assert_eq!(feedback.status, 204);
    proef.stop();
    assert_eq!(totalen(&proef.db), (0, 0, 0, 1));
}

fn an_oversized_body_without_length_is_cut_off_too(store: Store) {
    use std::io::{Read, Write};
    let mut proef = Proef::start_on(store, 10_000);
    let mut stream = std::net::TcpStream::connect(proef.publiek).unwrap();
    let kop = format!(
        "POST /v1/vraag HTTP/1.1\r\nHost: x\r\nOrigin: {ORIGIN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(kop.as_bytes()).unwrap();
    let stuk = format!(r#"{{"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": [], "x": "{}"#, "a".repeat(1000));
    for _ in 0..3 {
        // The collector may answer and close before the last chunk: later writes may fail.
        let _ = stream.write_all(format!("{:x}\r\n{stuk}\r\n", stuk.len()).as_bytes());
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let mut antwoord = String::new();
    let _ = stream.read_to_string(&mut antwoord);
    assert!(antwoord.starts_with("HTTP/1.1 413"), "{antwoord}");
    proef.stop();
    assert_eq!(totalen(&proef.db), (0, 0, 0, 0));
}

/// `--origin https://…:443` is kept as browsers send it, without the default port.
fn an_origin_with_its_default_port_is_the_origin_browsers_send(store: Store) {
    use std::num::NonZeroU32;

    use cjg_registratie::{Settings, Site};

    let dir = tempfile::tempdir().unwrap();
    let site = common::site(dir.path(), &["koorts"]);
    let settings = Settings {
        db: common::database(store, dir.path()),
        sites: vec![Site::single("https://CJG.proef.example:443/", &site).unwrap()],
        sites_file: false,
        max_per_second: NonZeroU32::new(1000).unwrap(),
    };
    let mut proef = Proef::start_met(dir, &settings);
    let goed = post(&proef, "/v1/vraag", &[JSON, ("Origin", "https://cjg.proef.example")], &vraag(&["koorts"]));
    assert_eq!(goed.status, 204, "{}", goed.tekst());
    assert_eq!(goed.header("access-control-allow-origin"), Some("https://cjg.proef.example"));
    let poort = post(&proef, "/v1/vraag", &[JSON, ("Origin", "https://cjg.proef.example:443")], &vraag(&["koorts"]));
    assert_eq!(poort.status, 204, "{}", poort.tekst());
    for ander in ["http://cjg.proef.example", "https://cjg.proef.example:8443", "null"] {
        assert_eq!(post(&proef, "/v1/vraag", &[JSON, ("Origin", ander)], &vraag(&["koorts"])).status, 403, "{ander}");
    }
    proef.stop();
    assert_eq!(totalen(&proef.db).0, 2);
}
