//! Several sites, one collector: each site posts under its own path, only from its own origin,
//! and only words of its own vocabulary; the counts are kept per site, and the plans come per
//! site and for the region. On both stores.

mod common;

use std::num::NonZeroU32;

use base64::Engine;
use cjg_common::Doelgroep;
use cjg_registratie::{new_token, read_sites, register, Aantal, Kanaal, Onderwerp, Plan, PlanOptions, Settings, Vocabulaire};
use common::http::{Antwoord, Verbinding};
use common::{site_met, totalen, vragen_van, Proef, Store};

on_both_stores!(each_site_takes_only_its_own_origin_and_words, the_plans_come_per_site_and_for_the_region);

const JSON: (&str, &str) = ("Content-Type", "application/json");

fn sites_file(dir: &std::path::Path) -> std::path::PathBuf {
    site_met(dir, "a/public", &["koorts", "pest"], &["/ouders/gedrag/driftbuien/"]);
    site_met(dir, "b/public", &["zakgeld"], &["/jongeren/geld/zakgeld/"]);
    let pad = dir.join("sites.toml");
    std::fs::write(
        &pad,
        r#"
[[site]]
id = "a"
origin = "http://a.proef"
vocabulaire = "a/public"

[[site]]
id = "b"
origin = "https://B.proef:443"
vocabulaire = "b/public/registratie/vocabulaire.json"
"#,
    )
    .unwrap();
    pad
}

fn start(store: Store) -> Proef {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        db: common::database(store, dir.path()),
        sites: read_sites(&sites_file(dir.path())).unwrap(),
        sites_file: true,
        max_per_second: NonZeroU32::new(1000).unwrap(),
    };
    Proef::start_met(dir, &settings)
}

fn post(proef: &Proef, pad: &str, origin: &str, body: &[u8]) -> Antwoord {
    Verbinding::open(proef.publiek).unwrap().vraag("POST", pad, &[JSON, ("Origin", origin)], body).unwrap()
}

fn vraag(pagina: Option<&str>, termen: &[&str]) -> Vec<u8> {
    serde_json::json!({"doelgroep": "ouders", "pagina": pagina, "urgent": false, "termen": termen}).to_string().into_bytes()
}

fn each_site_takes_only_its_own_origin_and_words(store: Store) {
    let mut proef = start(store);
    let (a, b) = ("http://a.proef", "https://b.proef");
    for (pad, origin, body, status) in [
        ("/a/v1/vraag", a, vraag(None, &["koorts"]), 204),
        ("/a/v1/vraag", a, vraag(Some("/ouders/gedrag/driftbuien/"), &["pest"]), 204),
        ("/b/v1/vraag", b, vraag(Some("/jongeren/geld/zakgeld/"), &["zakgeld"]), 204),
        ("/b/v1/vraag", "https://b.proef:443", vraag(None, &["zakgeld"]), 204),
        // Another site's origin.
        ("/a/v1/vraag", b, vraag(None, &["koorts"]), 403),
        ("/b/v1/vraag", a, vraag(None, &["zakgeld"]), 403),
        // Another site's words and pages.
        ("/a/v1/vraag", a, vraag(None, &["zakgeld"]), 422),
        ("/b/v1/vraag", b, vraag(None, &["koorts"]), 422),
        ("/b/v1/vraag", b, vraag(Some("/ouders/gedrag/driftbuien/"), &[]), 422),
        // No such site, and the one-site path.
        ("/c/v1/vraag", a, vraag(None, &[]), 404),
        ("/v1/vraag", a, vraag(None, &["koorts"]), 404),
    ] {
        let antwoord = post(&proef, pad, origin, &body);
        assert_eq!(antwoord.status, status, "{pad} from {origin}: {}", antwoord.tekst());
    }
    let feedback = br#"{"pagina": "/jongeren/geld/zakgeld/", "geholpen": true, "bron": "widget"}"#;
    assert_eq!(post(&proef, "/b/v1/feedback", b, feedback).status, 204);
    assert_eq!(post(&proef, "/a/v1/feedback", a, feedback).status, 422, "b's page is not a's");
    let mut verbinding = Verbinding::open(proef.publiek).unwrap();
    let preflight =
        verbinding.vraag("OPTIONS", "/b/v1/vraag", &[("Origin", b), ("Access-Control-Request-Method", "POST")], b"").unwrap();
    assert_eq!((preflight.status, preflight.header("access-control-allow-origin")), (204, Some(b)));

    // The staff form asks which site first, then registers for that one.
    let token = new_token(&proef.db, "Sanne").unwrap();
    let auth = format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("x:{token}")));
    let mut balie = Verbinding::open(proef.balie).unwrap();
    let kiezen = balie.vraag("GET", "/", &[("Authorization", &auth)], b"").unwrap();
    assert!(kiezen.tekst().contains("<a href=\"/?site=b\">b</a>"), "{}", kiezen.tekst());
    let formulier = balie.vraag("GET", "/?site=b", &[("Authorization", &auth)], b"").unwrap();
    assert!(formulier.tekst().contains("action=\"/?site=b\""), "{}", formulier.tekst());
    assert!(!formulier.tekst().contains("driftbuien"), "only b's pages");
    let opgeslagen = balie
        .vraag(
            "POST",
            "/?site=b",
            &[("Authorization", &auth), ("Content-Type", "application/x-www-form-urlencoded")],
            b"kanaal=loket&doelgroep=jongeren&pagina=%2Fjongeren%2Fgeld%2Fzakgeld%2F&aantal=4",
        )
        .unwrap();
    assert_eq!(opgeslagen.status, 200, "{}", opgeslagen.tekst());
    proef.stop();
    assert_eq!((vragen_van(&proef.db, "a"), vragen_van(&proef.db, "b")), (2, 6));
    assert_eq!(totalen(&proef.db).3, 1);
}

fn the_plans_come_per_site_and_for_the_region(store: Store) {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(store, dir.path());
    let sites = read_sites(&sites_file(dir.path())).unwrap();
    let vocabulaire = |id: &str| -> Vocabulaire { sites.iter().find(|s| s.id == id).unwrap().vocabulaire.read().unwrap() };
    // Last week: a 12 about gedrag; b 9 about geld and 6 about gedrag.
    let dag = cjg_registratie::today().saturating_sub(jiff::Span::new().days(7));
    let thema = |t: &str| Onderwerp::Thema(t.into());
    register(&db, "a", &vocabulaire("a"), Kanaal::Telefoon, Some(Doelgroep::Ouders), thema("gedrag"), 12, dag).unwrap();
    register(&db, "b", &vocabulaire("b"), Kanaal::Chat, Some(Doelgroep::Ouders), thema("geld"), 9, dag).unwrap();
    register(&db, "b", &vocabulaire("b"), Kanaal::Loket, Some(Doelgroep::Ouders), thema("gedrag"), 6, dag).unwrap();
    let plan = |site: Option<&str>| {
        Plan::from_db(&db, &PlanOptions { site: site.map(str::to_owned), ..PlanOptions::default() }).unwrap()
    };
    let totaal = |plan: &Plan| plan.doelgroepen[0].vragen.totaal;
    let thema_in = |plan: &Plan, naam: &str| plan.doelgroepen[0].themas.iter().find(|t| t.naam == naam).map(|t| t.totaal);
    let (a, b, regio) = (plan(Some("a")), plan(Some("b")), plan(None));
    assert_eq!((totaal(&a), totaal(&b), totaal(&regio)), (Aantal::Getal(12), Aantal::Getal(15), Aantal::Getal(27)));
    assert_eq!(thema_in(&a, "geld"), None);
    assert_eq!(thema_in(&b, "geld"), Some(Aantal::Getal(9)));
    assert_eq!(thema_in(&regio, "gedrag"), Some(Aantal::Getal(18)));
    assert_eq!(regio.sites, ["a", "b"]);
    let per_site: Vec<(String, Aantal)> = regio.doelgroepen[0].sites.iter().map(|s| (s.site.clone(), s.totaal)).collect();
    assert_eq!(per_site, [("a".to_owned(), Aantal::Getal(12)), ("b".to_owned(), Aantal::Getal(15))]);
    assert!(regio.tekst().contains("regio, 2 sites samen"), "{}", regio.tekst());
    assert!(a.json().contains("\"site\": \"a\""));
    let fout = Plan::from_db(&db, &PlanOptions { site: Some("c".into()), ..PlanOptions::default() }).unwrap_err();
    assert!(fout.to_string().contains("a, b"), "{fout}");
}
