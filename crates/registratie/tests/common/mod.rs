//! What the collector's integration tests share: a built site with a small vocabulary, a
//! collector on loopback (in this process, or the real `cjg collect` as a child), and ways to
//! read the counts back.

#![allow(dead_code)] // each test file uses its own part

pub mod http;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use cjg_registratie::{Collector, Instellingen};

/// The origin the test site posts from.
pub const ORIGIN: &str = "http://cjg.proef";

/// Writes `public/registratie/vocabulaire.json` under `dir` with `termen`, and returns `public`.
pub fn site(dir: &Path, termen: &[&str]) -> PathBuf {
    let site = dir.join("public");
    std::fs::create_dir_all(site.join("registratie")).unwrap();
    let vocabulaire = serde_json::json!({
        "termen": termen,
        "paginas": ["/ouders/gedrag/driftbuien/", "/jongeren/geld/zakgeld/", "/contact/"],
        "themas": ["gedrag", "geld"],
    });
    std::fs::write(site.join("registratie/vocabulaire.json"), vocabulaire.to_string()).unwrap();
    site
}

/// A collector served from this process on two loopback ports.
pub struct Proef {
    pub publiek: SocketAddr,
    pub balie: SocketAddr,
    pub db: PathBuf,
    pub dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    klaar: Option<std::sync::mpsc::Receiver<()>>,
    runtime: tokio::runtime::Runtime,
}

impl Proef {
    pub fn start(max_per_second: u32) -> Proef {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("tellingen.db");
        let instellingen = Instellingen {
            db: db.clone(),
            site: site(dir.path(), &["zakgeld", "koorts", "pest", "schuld"]),
            origin: ORIGIN.into(),
            max_per_second: NonZeroU32::new(max_per_second).unwrap(),
        };
        Proef::start_met(dir, db, &instellingen)
    }

    pub fn start_met(dir: tempfile::TempDir, db: PathBuf, instellingen: &Instellingen) -> Proef {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let collector = Collector::open(instellingen).unwrap();
        let (publiek, balie) = runtime.block_on(async {
            (
                tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(),
                tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(),
            )
        });
        let adressen = (publiek.local_addr().unwrap(), balie.local_addr().unwrap());
        let (stop, gestopt) = tokio::sync::oneshot::channel::<()>();
        let (klaar_tx, klaar) = std::sync::mpsc::channel();
        runtime.spawn(async move {
            collector
                .serve(publiek, Some(balie), async {
                    let _ = gestopt.await;
                })
                .await
                .unwrap();
            let _ = klaar_tx.send(());
        });
        Proef { publiek: adressen.0, balie: adressen.1, db, dir, stop: Some(stop), klaar: Some(klaar), runtime }
    }

    /// Stops the collector and waits until everything queued is committed.
    pub fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(klaar) = self.klaar.take() {
            klaar.recv_timeout(std::time::Duration::from_secs(30)).expect("the collector stops");
        }
    }
}

/// Every count in every table of `db`, summed per table: (vragen, termen, onbeantwoord, feedback).
pub fn totalen(db: &Path) -> (i64, i64, i64, i64) {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let som = |tabel: &str| {
        conn.query_row(&format!("SELECT coalesce(sum(aantal), 0) FROM {tabel}"), [], |r| r.get(0)).unwrap()
    };
    (som("vragen"), som("termen"), som("onbeantwoord"), som("feedback"))
}

/// How often `term` was counted in unanswered questions.
pub fn term_telling(db: &Path, term: &str) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT coalesce(sum(aantal), 0) FROM termen WHERE term = ?1 AND beantwoord = 0", [term], |r| {
        r.get(0)
    })
    .unwrap()
}

/// A question event's JSON.
pub fn vraag(termen: &[&str]) -> Vec<u8> {
    serde_json::json!({"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": termen})
        .to_string()
        .into_bytes()
}

/// `$CJG_BIN`, or the `cjg` in the running test's profile folder (target/debug/cjg under
/// `cargo test`); `./dev test` builds it before the tests run.
pub fn cjg_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("CJG_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().unwrap();
    let profiel = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>");
    let bin = profiel.join("cjg");
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo build -p cjg` with the same profile first (./dev test does)",
        bin.display()
    );
    bin
}
