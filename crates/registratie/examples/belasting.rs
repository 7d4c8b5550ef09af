//! Load test of the collector on loopback: `cargo run --release -p cjg-registratie --example
//! belasting [-- --events 100000 --clients 64]`.
//!
//! Starts a collector in this process on a fresh database (in $TMPDIR, with fsync as in
//! production), lets `--clients` threads post `--events` question events between them over
//! keep-alive connections, each waiting for its 204 before the next, and prints the sustained
//! events per second and the latency percentiles. Then it checks that the database holds
//! exactly the acknowledged events: nothing lost, nothing twice.

// The tests' small HTTP client; the benchmark needs only part of it.
#[allow(dead_code)]
#[path = "../tests/common/http.rs"]
mod http;

use std::num::NonZeroU32;
use std::time::{Duration, Instant};

use cjg_registratie::{Collector, Instellingen};

fn main() {
    let mut events: usize = 100_000;
    let mut clients: usize = 64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let waarde = args.next().and_then(|w| w.parse().ok()).unwrap_or_else(|| gebruik());
        match arg.as_str() {
            "--events" => events = waarde,
            "--clients" => clients = waarde.max(1),
            _ => gebruik(),
        }
    }

    let dir = tempfile::tempdir().expect("a temporary folder");
    let site = dir.path().join("public");
    std::fs::create_dir_all(site.join("registratie")).expect("the site folder");
    let termen: Vec<String> = (0..200).map(|i| format!("term{i}")).collect();
    let paginas: Vec<String> = (0..50).map(|i| format!("/ouders/thema{}/pagina{i}/", i % 10)).collect();
    let themas: Vec<String> = (0..10).map(|i| format!("thema{i}")).collect();
    let vocabulaire = serde_json::json!({"termen": termen, "paginas": paginas, "themas": themas});
    std::fs::write(site.join("registratie/vocabulaire.json"), vocabulaire.to_string()).expect("the vocabulary");
    let db = dir.path().join("tellingen.db");
    let instellingen =
        Instellingen { db: db.clone(), site, origin: "https://cjg.example.nl".into(), max_per_second: NonZeroU32::MAX };

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a runtime");
    let collector = Collector::open(&instellingen).expect("the collector opens");
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("a port");
    let adres = listener.local_addr().expect("its address");
    let (stop, gestopt) = tokio::sync::oneshot::channel::<()>();
    let dienst = runtime.spawn(collector.serve(listener, None, async {
        let _ = gestopt.await;
    }));

    println!("{events} events from {clients} keep-alive clients to {adres}, database {}", db.display());
    let begin = Instant::now();
    let draden: Vec<_> = (0..clients)
        .map(|c| {
            let (termen, paginas) = (termen.clone(), paginas.clone());
            let aantal = events / clients + usize::from(c < events % clients);
            std::thread::spawn(move || {
                let mut verbinding = http::Verbinding::open(adres).expect("a connection");
                let mut toeval = 0x9e37_79b9_7f4a_7c15_u64 ^ (c as u64 + 1);
                let mut latenties = Vec::with_capacity(aantal);
                let mut fouten = 0usize;
                for _ in 0..aantal {
                    let body = event(&mut toeval, &termen, &paginas);
                    let t = Instant::now();
                    let headers = [("Content-Type", "application/json"), ("Origin", "https://cjg.example.nl")];
                    match verbinding.vraag("POST", "/v1/vraag", &headers, &body) {
                        Ok(antwoord) if antwoord.status == 204 => latenties.push(t.elapsed()),
                        _ => fouten += 1,
                    }
                }
                (latenties, fouten)
            })
        })
        .collect();
    let mut latenties = Vec::with_capacity(events);
    let mut fouten = 0;
    for draad in draden {
        let (l, f) = draad.join().expect("a client thread");
        latenties.extend(l);
        fouten += f;
    }
    let duur = begin.elapsed();
    let _ = stop.send(());
    runtime.block_on(dienst).expect("the collector task").expect("the collector stops cleanly");

    latenties.sort();
    let percentiel = |p: f64| {
        latenties
            .get(((latenties.len() as f64 * p) as usize).min(latenties.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let conn = rusqlite::Connection::open(&db).expect("the database");
    let geteld: i64 =
        conn.query_row("SELECT coalesce(sum(aantal), 0) FROM vragen", [], |r| r.get(0)).expect("the count");
    println!(
        "acknowledged {} of {events} in {:.2} s: {:.0} events/s",
        latenties.len(),
        duur.as_secs_f64(),
        latenties.len() as f64 / duur.as_secs_f64()
    );
    println!(
        "latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(percentiel(0.50)),
        ms(percentiel(0.99)),
        ms(latenties.last().copied().unwrap_or_default())
    );
    println!(
        "counted {geteld}, failed {fouten}: {}",
        if geteld == latenties.len() as i64 && fouten == 0 { "nothing lost" } else { "MISMATCH" }
    );
    if geteld != latenties.len() as i64 || fouten != 0 {
        std::process::exit(1);
    }
}

/// A question like the widget sends: 0–5 known terms, an answer or none.
fn event(toeval: &mut u64, termen: &[String], paginas: &[String]) -> Vec<u8> {
    let mut volgende = || {
        *toeval ^= *toeval << 13;
        *toeval ^= *toeval >> 7;
        *toeval ^= *toeval << 17;
        *toeval
    };
    let mut gekozen: Vec<&str> =
        (0..volgende() % 6).map(|_| termen[(volgende() % termen.len() as u64) as usize].as_str()).collect();
    gekozen.sort_unstable();
    gekozen.dedup();
    let pagina = (volgende() % 4 != 0).then(|| paginas[(volgende() % paginas.len() as u64) as usize].as_str());
    let doelgroep = ["ouders", "jongeren", "onbekend"][(volgende() % 3) as usize];
    serde_json::json!({"doelgroep": doelgroep, "pagina": pagina, "urgent": volgende() % 50 == 0, "termen": gekozen})
        .to_string()
        .into_bytes()
}

fn gebruik() -> ! {
    eprintln!("usage: belasting [--events N] [--clients N]");
    std::process::exit(2)
}
