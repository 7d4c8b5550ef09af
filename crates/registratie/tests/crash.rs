//! SIGKILL in the middle of a stream of events: after a restart, every event that was
//! acknowledged is counted, and none twice. Runs the real `cjg collect` as a child process.
//!
//! Each client sends its own term, one event at a time over a keep-alive connection, so the
//! count of its term must lie between what it saw acknowledged and that plus the one event it
//! may have had in flight when the collector died.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::http::Verbinding;
use common::{cjg_binary, site, term_telling, vraag, ORIGIN};

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

fn start(db: &Path, site: &Path) -> (Child, SocketAddr) {
    let mut child = Command::new(cjg_binary())
        .args(["collect", "--listen", "127.0.0.1:0", "--origin", ORIGIN, "--max-per-second", "1000000"])
        .arg("--db")
        .arg(db)
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

/// Streams events from every client until the collector dies (or `stop` is set), returning
/// each client's standing.
fn stroom(
    adres: SocketAddr,
    bevestigd: &Arc<AtomicU64>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<Stand>> {
    TERMEN
        .iter()
        .map(|term| {
            let (bevestigd, stop) = (bevestigd.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut stand = Stand::default();
                let Ok(mut verbinding) = Verbinding::open(adres) else { return stand };
                let body = vraag(&[term]);
                while !stop.load(Ordering::Relaxed) {
                    match verbinding.vraag(
                        "POST",
                        "/v1/vraag",
                        &[("Content-Type", "application/json"), ("Origin", ORIGIN)],
                        &body,
                    ) {
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
        })
        .collect()
}

#[test]
fn every_acknowledged_event_survives_sigkill_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let site = site(dir.path(), &TERMEN);
    let db = dir.path().join("tellingen.db");
    let mut totaal = [Stand::default(); CLIENTS];

    for ronde in 0..=RONDEN {
        let (mut child, adres) = start(&db, &site);
        let bevestigd = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let clients = stroom(adres, &bevestigd, &stop);
        let begin = Instant::now();
        while bevestigd.load(Ordering::Relaxed) < PER_RONDE && begin.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(5));
        }
        if ronde == RONDEN {
            // The last round ends cleanly: the clients stop, then SIGTERM stops the collector.
            stop.store(true, Ordering::Relaxed);
        } else {
            child.kill().unwrap(); // SIGKILL
        }
        let standen: Vec<Stand> = clients.into_iter().map(|c| c.join().unwrap()).collect();
        if ronde == RONDEN {
            let term = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
            assert!(term.success());
            assert!(child.wait().unwrap().success(), "SIGTERM stops the collector cleanly");
        } else {
            child.wait().unwrap();
        }
        assert!(bevestigd.load(Ordering::Relaxed) >= PER_RONDE, "round {ronde}: the stream did not get going");
        for (t, stand) in totaal.iter_mut().zip(standen) {
            t.bevestigd += stand.bevestigd;
            t.onzeker += stand.onzeker;
        }
    }

    eprintln!("per client over {RONDEN} kills: {totaal:?}");
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
