//! SIGKILL in the middle of a stream of events: after a restart, every event that was
//! acknowledged is counted, and none twice. Runs the real `cjg collect` as child processes: one
//! on SQLite, and two on one PostgreSQL database, where each round kills one of the two while
//! the other goes on committing.
//!
//! Each client sends its own term, one event at a time over a keep-alive connection, so the
//! count of its term must lie between what it saw acknowledged and that plus the one event it
//! may have had in flight when its collector died.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cjg_registratie::Database;
use common::http::Verbinding;
use common::{cjg_binary, site, term_telling, vraag, Store, ORIGIN};

on_both_stores!(every_acknowledged_event_survives_sigkill_exactly_once);

const CLIENTS: usize = 8;
const TERMEN: [&str; CLIENTS] = ["aap", "beer", "cavia", "das", "eend", "fret", "geit", "haas"];
/// Killed after about this many acknowledged events per round.
const PER_RONDE: u64 = 2000;
const RONDEN: usize = 3;

/// Per client: events acknowledged, and events that may or may not have been committed.
#[derive(Default, Clone, Copy, Debug)]
struct Stand {
    bevestigd: u64,
    onzeker: u64,
}

fn start(db: &Database, site: &std::path::Path) -> (Child, SocketAddr) {
    let mut child = Command::new(cjg_binary())
        .args(["collect", "--listen", "127.0.0.1:0", "--origin", ORIGIN, "--max-per-second", "1000000"])
        .arg("--db")
        .arg(match db {
            Database::Sqlite(pad) => pad.as_os_str().to_owned(),
            Database::Postgres(url) => url.into(),
        })
        .arg("--site")
        .arg(site)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cjg collect starts");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut regel = String::new();
    stderr.read_line(&mut regel).unwrap();
    let adres = regel
        .split_whitespace()
        .find_map(|woord| woord.strip_prefix("http://"))
        .and_then(|adres| adres.parse().ok())
        .unwrap_or_else(|| panic!("no address in {regel:?}"));
    // Keep reading so that the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in stderr.lines() {});
    (child, adres)
}

/// Streams `term`'s events to `adres` until the collector dies (or `stop` is set), returning
/// the client's standing.
fn client(
    adres: SocketAddr,
    term: &'static str,
    bevestigd: &Arc<AtomicU64>,
    stop: &Arc<AtomicBool>,
) -> std::thread::JoinHandle<Stand> {
    let (bevestigd, stop) = (bevestigd.clone(), stop.clone());
    std::thread::spawn(move || {
        let mut stand = Stand::default();
        let Ok(mut verbinding) = Verbinding::open(adres) else { return stand };
        let body = vraag(&[term]);
        while !stop.load(Ordering::Relaxed) {
            match verbinding.vraag("POST", "/v1/vraag", &[("Content-Type", "application/json"), ("Origin", ORIGIN)], &body) {
                Ok(antwoord) => {
                    assert_eq!(antwoord.status, 204, "{}", antwoord.tekst());
                    stand.bevestigd += 1;
                    bevestigd.fetch_add(1, Ordering::Relaxed);
                }
                Err(_) => {
                    stand.onzeker += 1;
                    break;
                }
            }
        }
        stand
    })
}

fn every_acknowledged_event_survives_sigkill_exactly_once(store: Store) {
    let dir = tempfile::tempdir().unwrap();
    let site = site(dir.path(), &TERMEN);
    let db = common::database(store, dir.path());
    // On PostgreSQL two collectors share the database, each taking half of the clients.
    let aantal = if store == Store::Postgres { 2 } else { 1 };
    let mut collectors: Vec<Option<(Child, SocketAddr)>> = (0..aantal).map(|_| None).collect();
    let mut totaal = [Stand::default(); CLIENTS];

    for ronde in 0..=RONDEN {
        for plek in collectors.iter_mut().filter(|c| c.is_none()) {
            *plek = Some(start(&db, &site));
        }
        let bevestigd = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = TERMEN
            .iter()
            .enumerate()
            .map(|(i, term)| client(collectors[i % aantal].as_ref().unwrap().1, term, &bevestigd, &stop))
            .collect();
        let begin = Instant::now();
        while bevestigd.load(Ordering::Relaxed) < PER_RONDE && begin.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(5));
        }
        if ronde == RONDEN {
            // The last round ends cleanly: the clients stop, then SIGTERM stops each collector.
            stop.store(true, Ordering::Relaxed);
        } else {
            // SIGKILL one collector; the other one's clients stop once it is dead.
            let (mut child, _) = collectors[ronde % aantal].take().unwrap();
            child.kill().unwrap();
            child.wait().unwrap();
            stop.store(true, Ordering::Relaxed);
        }
        let standen: Vec<Stand> = clients.into_iter().map(|c| c.join().unwrap()).collect();
        if ronde == RONDEN {
            for (mut child, _) in collectors.iter_mut().filter_map(Option::take) {
                let term = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
                assert!(term.success());
                assert!(child.wait().unwrap().success(), "SIGTERM stops the collector cleanly");
            }
        }
        assert!(bevestigd.load(Ordering::Relaxed) >= PER_RONDE, "round {ronde}: the stream did not get going");
        for (t, stand) in totaal.iter_mut().zip(standen) {
            t.bevestigd += stand.bevestigd;
            t.onzeker += stand.onzeker;
        }
    }

    eprintln!("{store:?}, per client over {RONDEN} kills: {totaal:?}");
    for (term, stand) in TERMEN.iter().zip(totaal) {
        let geteld = term_telling(&db, term) as u64;
        assert!(
            stand.bevestigd <= geteld && geteld <= stand.bevestigd + stand.onzeker,
            "{term}: {geteld} counted, {} acknowledged, {} in flight at a kill",
            stand.bevestigd,
            stand.onzeker
        );
    }
}
