//! A real PostgreSQL server from Debian's packages for the tests and the benchmark: installed
//! with `./dev need postgresql` when missing, initialised in a private data directory, started
//! on a private loopback port, and stopped and removed when the process that started it ends.
//!
//! A small shell script watches the test process: it holds the server until its standard input
//! closes (the test process ended, however it ended) and then stops it and deletes the data.
//! As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// A running server and a way to make fresh databases in it.
pub struct PgServer {
    pub port: u16,
    /// Kept open for as long as this process runs; closing it stops the server.
    _watch: Mutex<ChildStdin>,
    /// The watching script: it outlives this process on purpose, to clean up after it.
    _watcher: Mutex<Child>,
}

static SERVER: OnceLock<PgServer> = OnceLock::new();
static NEXT: AtomicUsize = AtomicUsize::new(0);

const WATCH: &str = r#"
set -eu
bin="$1"; data="$2"; port="$3"; shift 3
as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as "$bin/initdb" -D "$data" -U cjg -A trust -E UTF8 --no-sync >"$data.initdb.log" 2>&1
as "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
echo ready
cat >/dev/null || true
as "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$data" "$data.initdb.log"
"#;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The newest installed PostgreSQL's `bin` folder, installing Debian's package if needed.
fn binaries() -> PathBuf {
    let find = || {
        let mut bins: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("bin"))
            .filter(|bin| bin.join("initdb").is_file())
            .collect();
        bins.sort_by_key(|bin| bin.parent().and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok()).unwrap_or(0));
        bins.pop()
    };
    if let Some(bin) = find() {
        return bin;
    }
    let status = Command::new(workspace().join("dev")).args(["need", "postgresql"]).status().expect("./dev need runs");
    assert!(status.success(), "could not install Debian's postgresql (./dev need postgresql)");
    find().expect("postgresql is installed but /usr/lib/postgresql/*/bin/initdb is missing")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The server of this process, started on first use.
pub fn server() -> &'static PgServer {
    SERVER.get_or_init(|| {
        let bin = binaries();
        let data = std::env::temp_dir().join(format!("cjg-pg-{}-{}", std::process::id(), free_port()));
        std::fs::create_dir_all(&data).unwrap();
        if is_root() {
            let status = Command::new("chown").arg("postgres:postgres").arg(&data).status().unwrap();
            assert!(status.success(), "chown postgres {}", data.display());
        }
        let port = free_port();
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(WATCH)
            .arg("watch")
            .arg(&bin)
            .arg(&data)
            .arg(port.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("sh runs");
        let mut regel = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut regel).unwrap();
        assert_eq!(
            regel.trim(),
            "ready",
            "PostgreSQL did not start; see {}.initdb.log and {}/server.log",
            data.display(),
            data.display()
        );
        let mut watch = child.stdin.take().unwrap();
        let _ = watch.flush();
        PgServer { port, _watch: Mutex::new(watch), _watcher: Mutex::new(child) }
    })
}

/// Whether this process runs as root (then the server runs as `postgres`).
fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

impl PgServer {
    /// The URL of database `naam`.
    pub fn url(&self, naam: &str) -> String {
        format!("postgres://cjg@127.0.0.1:{}/{naam}", self.port)
    }

    /// A new, empty database of its own.
    pub fn fresh_database(&self) -> String {
        let naam = format!("t{}_{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let url = self.url("postgres");
        let sql = format!("CREATE DATABASE {naam}");
        query(&url, |client| async move {
            client.batch_execute(&sql).await.unwrap();
        });
        self.url(&naam)
    }
}

/// Runs `f` with a client of `url` on a runtime of its own.
pub fn query<F, Fut, T>(url: &str, f: F) -> T
where
    F: FnOnce(tokio_postgres::Client) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let (client, verbinding) = tokio_postgres::connect(url, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(async move {
            let _ = verbinding.await;
        });
        f(client).await
    })
}
