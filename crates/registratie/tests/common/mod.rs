//! What the collector's integration tests share: a built site with a small vocabulary, a
//! collector on loopback (in this process, or the real `cjg collect` as a child), a store of
//! either kind (SQLite, or a fresh database on the tests' own PostgreSQL server), and ways to
//! read the counts back.

#![allow(dead_code)] // each test file uses its own part

pub mod http;
pub mod postgres;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use cjg_registratie::{Collector, Database, Settings, Site, StaffListener, TlsFiles};

/// The origin the test site posts from.
pub const ORIGIN: &str = "http://cjg.proef";

/// Which store a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    Sqlite,
    Postgres,
}

/// Runs the test body `fn $f(Store)` once per store, as `$f::sqlite` and `$f::postgres`.
#[macro_export]
macro_rules! on_both_stores {
    ($($f:ident),* $(,)?) => {
        $(
            mod $f {
                #[test]
                fn sqlite() {
                    super::$f($crate::common::Store::Sqlite);
                }
                #[test]
                fn postgres() {
                    super::$f($crate::common::Store::Postgres);
                }
            }
        )*
    };
}

/// A new, empty counts database of `store`'s kind (a SQLite file under `dir`).
pub fn database(store: Store, dir: &Path) -> Database {
    match store {
        Store::Sqlite => Database::Sqlite(dir.join("tellingen.db")),
        Store::Postgres => Database::Postgres(postgres::server().fresh_database()),
    }
}

/// Writes `public/registratie/vocabulaire.json` under `dir` with `termen`, and returns `public`.
pub fn site(dir: &Path, termen: &[&str]) -> PathBuf {
    site_met(dir, "public", termen, &["/ouders/gedrag/driftbuien/", "/jongeren/geld/zakgeld/", "/contact/"])
}

/// A built site in `dir/naam` with these terms and pages (themes gedrag and geld).
pub fn site_met(dir: &Path, naam: &str, termen: &[&str], paginas: &[&str]) -> PathBuf {
    let site = dir.join(naam);
    std::fs::create_dir_all(site.join("registratie")).unwrap();
    let vocabulaire = serde_json::json!({"termen": termen, "paginas": paginas, "themas": ["gedrag", "geld"]});
    std::fs::write(site.join("registratie/vocabulaire.json"), vocabulaire.to_string()).unwrap();
    site
}

/// A collector served from this process on two loopback ports.
pub struct Proef {
    pub publiek: SocketAddr,
    pub balie: SocketAddr,
    pub db: Database,
    pub dir: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    klaar: Option<std::sync::mpsc::Receiver<()>>,
    runtime: tokio::runtime::Runtime,
}

impl Proef {
    pub fn start(max_per_second: u32) -> Proef {
        Proef::start_on(Store::Sqlite, max_per_second)
    }

    /// One site (`--origin`) on `store`.
    pub fn start_on(store: Store, max_per_second: u32) -> Proef {
        Proef::start_with_staff_limit(store, max_per_second, "127.0.0.1:0", None)
    }

    /// One site on `store`, its staff form on `staff` (with TLS when `tls` is given).
    pub fn start_with_staff(store: Store, staff: &str, tls: Option<&TlsFiles>) -> Proef {
        Proef::start_with_staff_limit(store, 1000, staff, tls)
    }

    fn start_with_staff_limit(store: Store, max_per_second: u32, staff: &str, tls: Option<&TlsFiles>) -> Proef {
        let dir = tempfile::tempdir().unwrap();
        let site = site(dir.path(), &["zakgeld", "koorts", "pest", "schuld"]);
        let settings = Settings {
            db: database(store, dir.path()),
            sites: vec![Site::single(ORIGIN, &site).unwrap()],
            sites_file: false,
            max_per_second: NonZeroU32::new(max_per_second).unwrap(),
        };
        Proef::start_full(dir, &settings, staff, tls)
    }

    /// A collector of `settings`, its staff form on loopback.
    pub fn start_met(dir: tempfile::TempDir, settings: &Settings) -> Proef {
        Proef::start_full(dir, settings, "127.0.0.1:0", None)
    }

    fn start_full(dir: tempfile::TempDir, settings: &Settings, staff: &str, tls: Option<&TlsFiles>) -> Proef {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let (collector, publiek, balie) = runtime.block_on(async {
            (
                Collector::open(settings).await.unwrap(),
                tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap(),
                tokio::net::TcpListener::bind(staff).await.unwrap(),
            )
        });
        let adressen = (publiek.local_addr().unwrap(), balie.local_addr().unwrap());
        let balie = runtime.block_on(async { StaffListener::new(balie, tls) }).unwrap();
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
        Proef {
            publiek: adressen.0,
            balie: adressen.1,
            db: settings.db.clone(),
            dir,
            stop: Some(stop),
            klaar: Some(klaar),
            runtime,
        }
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

/// One number from `db` (SQLite or PostgreSQL).
fn getal(db: &Database, sql: &str, term: Option<&str>) -> i64 {
    match db {
        Database::Sqlite(pad) => {
            let conn = rusqlite::Connection::open_with_flags(pad, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            match term {
                Some(term) => conn.query_row(sql, [term], |r| r.get(0)).unwrap(),
                None => conn.query_row(sql, [], |r| r.get(0)).unwrap(),
            }
        }
        Database::Postgres(url) => {
            let sql = sql.replace("?1", "$1");
            let term = term.map(str::to_owned);
            postgres::query(url, |client| async move {
                let rij = match &term {
                    Some(term) => client.query_one(&sql, &[term]).await.unwrap(),
                    None => client.query_one(&sql, &[]).await.unwrap(),
                };
                rij.get::<_, i64>(0)
            })
        }
    }
}

/// Every count in every table of `db`, summed per table: (vragen, termen, onbeantwoord, feedback).
pub fn totalen(db: &Database) -> (i64, i64, i64, i64) {
    let som = |tabel: &str| getal(db, &format!("SELECT CAST(coalesce(sum(aantal), 0) AS BIGINT) FROM {tabel}"), None);
    (som("vragen"), som("termen"), som("onbeantwoord"), som("feedback"))
}

/// The questions counted for `site`.
pub fn vragen_van(db: &Database, site: &str) -> i64 {
    getal(db, "SELECT CAST(coalesce(sum(aantal), 0) AS BIGINT) FROM vragen WHERE site = ?1", Some(site))
}

/// How often `term` was counted in unanswered questions.
pub fn term_telling(db: &Database, term: &str) -> i64 {
    getal(db, "SELECT CAST(coalesce(sum(aantal), 0) AS BIGINT) FROM termen WHERE term = ?1 AND NOT beantwoord", Some(term))
}

/// A question event's JSON.
pub fn vraag(termen: &[&str]) -> Vec<u8> {
    serde_json::json!({"doelgroep": "ouders", "pagina": null, "urgent": false, "termen": termen}).to_string().into_bytes()
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
