//! Load test of the collector on loopback: `cargo run --release -p cjg-registratie --example
//! belasting [-- --events 100000 --clients 64 --only sqlite|postgres]`.
//!
//! Three set-ups, each on a fresh database with fsync as in production: SQLite (in $TMPDIR), one
//! collector on PostgreSQL, and two collectors on one PostgreSQL database (the clients split
//! between them, as behind a load balancer). PostgreSQL is Debian's, started on a private port
//! and data directory by the tests' support code and removed afterwards. For each, `--clients`
//! threads post `--events` question events between them over keep-alive connections, each
//! waiting for its 204 before the next; the benchmark prints the sustained events per second
//! and the latency percentiles, then checks that the database holds exactly the acknowledged
//! events: nothing lost, nothing twice.

// The tests' small HTTP client and PostgreSQL server; the benchmark needs only part of them.
#[allow(dead_code)]
#[path = "../tests/common/http.rs"]
mod http;
#[allow(dead_code)]
#[path = "../tests/common/postgres.rs"]
mod postgres;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::Path;
use std::time::{Duration, Instant};

use cjg_registratie::{Collector, Database, Settings, Site};

const ORIGIN: &str = "https://cjg.example.nl";

/// What one set-up measured.
struct Uitslag {
    naam: &'static str,
    per_seconde: f64,
    p50: Duration,
    p99: Duration,
    max: Duration,
    klopt: bool,
}

fn main() {
    let mut events: usize = 100_000;
    let mut clients: usize = 64;
    let mut alleen: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let waarde = args.next().unwrap_or_else(|| gebruik());
        match arg.as_str() {
            "--events" => events = waarde.parse().unwrap_or_else(|_| gebruik()),
            "--clients" => clients = waarde.parse::<usize>().unwrap_or_else(|_| gebruik()).max(1),
            "--only" if waarde == "sqlite" || waarde == "postgres" => alleen = Some(waarde),
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

    let mut uitslagen = Vec::new();
    if alleen.as_deref() != Some("postgres") {
        let db = Database::Sqlite(dir.path().join("tellingen.db"));
        uitslagen.push(meet("SQLite", &db, 1, &site, events, clients, &termen, &paginas));
    }
    if alleen.as_deref() != Some("sqlite") {
        let server = postgres::server();
        let db = Database::Postgres(server.fresh_database());
        uitslagen.push(meet("PostgreSQL, one collector", &db, 1, &site, events, clients, &termen, &paginas));
        let db = Database::Postgres(server.fresh_database());
        uitslagen.push(meet("PostgreSQL, two collectors", &db, 2, &site, events, clients, &termen, &paginas));
    }

    println!(
        "\n{events} events from {clients} keep-alive clients on loopback, {} cores:",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("{:<28} {:>10} {:>9} {:>9} {:>9}  check", "set-up", "events/s", "p50 ms", "p99 ms", "max ms");
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for u in &uitslagen {
        println!(
            "{:<28} {:>10.0} {:>9.2} {:>9.2} {:>9.2}  {}",
            u.naam,
            u.per_seconde,
            ms(u.p50),
            ms(u.p99),
            ms(u.max),
            if u.klopt { "nothing lost" } else { "MISMATCH" }
        );
    }
    if uitslagen.iter().any(|u| !u.klopt) {
        std::process::exit(1);
    }
}

#[allow(clippy::too_many_arguments)]
fn meet(
    naam: &'static str,
    db: &Database,
    collectors: usize,
    site: &Path,
    events: usize,
    clients: usize,
    termen: &[String],
    paginas: &[String],
) -> Uitslag {
    let settings = Settings {
        db: db.clone(),
        sites: vec![Site::single(ORIGIN, site).expect("the origin")],
        sites_file: false,
        max_per_second: NonZeroU32::MAX,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a runtime");
    let mut diensten = Vec::new();
    let mut adressen: Vec<SocketAddr> = Vec::new();
    for _ in 0..collectors {
        let collector = runtime.block_on(Collector::open(&settings)).expect("the collector opens");
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).expect("a port");
        adressen.push(listener.local_addr().expect("its address"));
        let (stop, gestopt) = tokio::sync::oneshot::channel::<()>();
        let dienst = runtime.spawn(collector.serve(listener, None, async {
            let _ = gestopt.await;
        }));
        diensten.push((stop, dienst));
    }

    eprintln!("{naam}: {events} events from {clients} clients to {adressen:?}, database {db}");
    let begin = Instant::now();
    let draden: Vec<_> = (0..clients)
        .map(|c| {
            let (termen, paginas) = (termen.to_vec(), paginas.to_vec());
            let adres = adressen[c % adressen.len()];
            let aantal = events / clients + usize::from(c < events % clients);
            std::thread::spawn(move || {
                let mut verbinding = http::Verbinding::open(adres).expect("a connection");
                let mut toeval = 0x9e37_79b9_7f4a_7c15_u64 ^ (c as u64 + 1);
                let mut latenties = Vec::with_capacity(aantal);
                let mut fouten = 0usize;
                for _ in 0..aantal {
                    let body = event(&mut toeval, &termen, &paginas);
                    let t = Instant::now();
                    let headers = [("Content-Type", "application/json"), ("Origin", ORIGIN)];
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
    for (stop, dienst) in diensten {
        let _ = stop.send(());
        runtime.block_on(dienst).expect("the collector task").expect("the collector stops cleanly");
    }

    latenties.sort();
    let percentiel = |p: f64| {
        latenties.get(((latenties.len() as f64 * p) as usize).min(latenties.len().saturating_sub(1))).copied().unwrap_or_default()
    };
    let geteld = geteld(db);
    let klopt = geteld == latenties.len() as i64 && fouten == 0;
    eprintln!("{naam}: acknowledged {} in {:.2} s, counted {geteld}, failed {fouten}", latenties.len(), duur.as_secs_f64());
    Uitslag {
        naam,
        per_seconde: latenties.len() as f64 / duur.as_secs_f64(),
        p50: percentiel(0.50),
        p99: percentiel(0.99),
        max: latenties.last().copied().unwrap_or_default(),
        klopt,
    }
}

/// How many questions `db` counted.
fn geteld(db: &Database) -> i64 {
    let sql = "SELECT CAST(coalesce(sum(aantal), 0) AS BIGINT) FROM vragen";
    match db {
        Database::Sqlite(pad) => {
            let conn = rusqlite::Connection::open(pad).expect("the database");
            conn.query_row(sql, [], |r| r.get(0)).expect("the count")
        }
        Database::Postgres(url) => {
            postgres::query(url, |client| async move { client.query_one(sql, &[]).await.expect("the count").get::<_, i64>(0) })
        }
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
    eprintln!("usage: belasting [--events N] [--clients N] [--only sqlite|postgres]");
    std::process::exit(2)
}
