//! `cjg collect`: the question counter the widgets post to, and the staff form.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use cjg_registratie::{read_sites, Database, Settings, Site, TlsFiles};

use crate::error::CliError;

/// `cjg collect --db DB --listen ADDR (--origin URL [--site DIR] | --sites FILE) [--staff-listen ADDR
/// [--staff-cert FILE --staff-key FILE]] [--max-per-second N]`.
#[derive(clap::Args)]
pub struct Args {
    /// The counts database: a SQLite file (created when missing) or a postgres://user@host/database URL.
    #[arg(long)]
    db: Database,
    /// Where the widgets' events arrive, like 127.0.0.1:8080 (put a TLS proxy in front).
    #[arg(long)]
    listen: SocketAddr,
    /// The one site's origin, like https://cjg.example.nl: the only one allowed to post.
    #[arg(long, required_unless_present = "sites", conflicts_with = "sites")]
    origin: Option<String>,
    /// The one site's build, whose registratie/vocabulaire.json says what may be counted.
    #[arg(long, default_value = "public", conflicts_with = "sites")]
    site: PathBuf,
    /// A sites file (TOML): per [[site]] its id, origin and vocabulaire; each posts to /<id>/v1/….
    #[arg(long)]
    sites: Option<PathBuf>,
    /// Serves the staff form on this address, a listener of its own: loopback only, unless given a certificate.
    #[arg(long)]
    staff_listen: Option<SocketAddr>,
    /// The staff form's TLS certificate chain (PEM): it then serves HTTPS, on any address.
    #[arg(long, requires = "staff_key", requires = "staff_listen")]
    staff_cert: Option<PathBuf>,
    /// The private key of --staff-cert (PEM).
    #[arg(long, requires = "staff_cert")]
    staff_key: Option<PathBuf>,
    /// Events taken per second, all senders together; beyond it the answer is 429.
    #[arg(long, default_value = "1000")]
    max_per_second: NonZeroU32,
}

/// Collects until Ctrl+C or SIGTERM.
pub fn run(root: &Path, args: Args) -> Result<(), CliError> {
    let (sites, sites_file) = match (&args.sites, &args.origin) {
        (Some(file), _) => (read_sites(&root.join(file))?, true),
        (None, Some(origin)) => (vec![Site::single(origin, &root.join(&args.site))?], false),
        // clap requires one of the two.
        (None, None) => unreachable!("--origin or --sites"),
    };
    let settings = Settings { db: args.db, sites, sites_file, max_per_second: args.max_per_second };
    let tls = match (args.staff_cert, args.staff_key) {
        (Some(cert), Some(key)) => Some(TlsFiles { cert: root.join(cert), key: root.join(key) }),
        _ => None,
    };
    Ok(cjg_registratie::collect(&settings, args.listen, args.staff_listen, tls.as_ref())?)
}
