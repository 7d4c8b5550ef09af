//! `cjg collect`: the question counter the widget posts to, and the staff form.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use cjg_registratie::Instellingen;

use crate::error::CliError;

/// `cjg collect --db FILE --listen ADDR --origin URL [--site DIR] [--staff-listen ADDR] [--max-per-second N]`.
#[derive(clap::Args)]
pub struct Args {
    /// The counts database (SQLite), created when missing.
    #[arg(long)]
    db: PathBuf,
    /// Where the widget's events arrive, like 127.0.0.1:8080 (put a TLS proxy in front).
    #[arg(long)]
    listen: SocketAddr,
    /// The built site, whose registratie/vocabulaire.json says what may be counted.
    #[arg(long, default_value = "public")]
    site: PathBuf,
    /// The site's own origin, like https://cjg.example.nl: the only one allowed to post.
    #[arg(long)]
    origin: String,
    /// Serves the staff form on this address, a listener of its own (token: `cjg registreer token`).
    #[arg(long)]
    staff_listen: Option<SocketAddr>,
    /// Events taken per second, all senders together; beyond it the answer is 429.
    #[arg(long, default_value = "1000")]
    max_per_second: NonZeroU32,
}

/// Collects until Ctrl+C or SIGTERM.
pub fn run(root: &Path, args: Args) -> Result<(), CliError> {
    let instellingen = Instellingen {
        db: args.db,
        site: root.join(args.site),
        origin: args.origin,
        max_per_second: args.max_per_second,
    };
    Ok(cjg_registratie::collect(&instellingen, args.listen, args.staff_listen)?)
}
