//! `cjg plan`: what was asked, for the editors.

use std::path::PathBuf;

use cjg_common::Taal;
use cjg_registratie::{Dag, Database, Plan, PlanOptions};

use crate::error::CliError;

/// `cjg plan --db DB [--site ID] [--since YYYY-MM-DD] [--afronden] [--json] [--html FILE]`.
#[derive(clap::Args)]
pub struct Args {
    /// The counts database that `cjg collect` writes (a SQLite file or a postgres:// URL).
    #[arg(long)]
    db: Database,
    /// One site's plan (its id in the sites file; `cjg` without one). Default: the region, every site together.
    #[arg(long)]
    site: Option<String>,
    /// The first week: the one holding this day, YYYY-MM-DD (default: 12 weeks back). The plan ends last Sunday.
    #[arg(long)]
    since: Option<Dag>,
    /// Rounds every shown figure to 5, for plans that leave the team.
    #[arg(long)]
    afronden: bool,
    /// Prints the plan as JSON instead of text (figures of 1 to 4 as "<5", hidden ones as "x").
    #[arg(long)]
    json: bool,
    /// Writes the plan as one HTML file with charts, which works offline.
    #[arg(long)]
    html: Option<PathBuf>,
}

/// Prints the plan as text or JSON, and writes the HTML report when asked. The report itself is
/// Dutch, the editors' language; what the command says besides it is in `taal`.
pub fn run(args: Args, taal: Taal) -> Result<(), CliError> {
    let options = PlanOptions { since: args.since, site: args.site, afronden: args.afronden };
    let plan = Plan::from_db(&args.db, &options)?;
    if let Some(pad) = &args.html {
        plan.write_html(pad)?;
        eprintln!("{} {}", taal.kies("geschreven:", "wrote"), pad.display());
    }
    if args.json {
        println!("{}", plan.json());
    } else if args.html.is_none() {
        print!("{}", plan.tekst());
    }
    Ok(())
}
