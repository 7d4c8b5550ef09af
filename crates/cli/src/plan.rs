//! `cjg plan`: what was asked, for the editors.

use std::path::PathBuf;

use cjg_registratie::{Dag, Plan};

use crate::error::CliError;

/// `cjg plan --db FILE [--since YYYY-MM-DD] [--json] [--html FILE]`.
#[derive(clap::Args)]
pub struct Args {
    /// The counts database that `cjg collect` writes.
    #[arg(long)]
    db: PathBuf,
    /// The first day counted, YYYY-MM-DD (default: 12 weeks back, from a Monday).
    #[arg(long)]
    since: Option<Dag>,
    /// Prints the plan as JSON instead of text (figures under 5 as the string "<5").
    #[arg(long)]
    json: bool,
    /// Writes the plan as one HTML file with charts, which works offline.
    #[arg(long)]
    html: Option<PathBuf>,
}

/// Prints the plan as text or JSON, and writes the HTML report when asked.
pub fn run(args: Args) -> Result<(), CliError> {
    let plan = Plan::lees(&args.db, args.since)?;
    if let Some(pad) = &args.html {
        plan.schrijf_html(pad)?;
        eprintln!("wrote {}", pad.display());
    }
    if args.json {
        println!("{}", plan.json());
    } else if args.html.is_none() {
        print!("{}", plan.tekst());
    }
    Ok(())
}
