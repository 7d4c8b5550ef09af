//! `cjg registreer`: questions received at the desk into the counts, and the staff form's token.

use std::path::{Path, PathBuf};

use cjg_registratie::{Dag, Doelgroep, Kanaal, Onderwerp};

use crate::error::CliError;

/// `cjg registreer --db FILE --kanaal K --doelgroep D (--thema T | --pagina P) [--aantal N] [--dag YYYY-MM-DD]`,
/// or `cjg registreer token --db FILE`.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    token: Option<Token>,
    /// The counts database, created when missing.
    #[arg(long, required = true)]
    db: Option<PathBuf>,
    /// How the questions came in: loket, telefoon, chat or e-mail.
    #[arg(long, required = true)]
    kanaal: Option<Kanaal>,
    /// Who asked: ouders, jongeren or onbekend.
    #[arg(long, required = true)]
    doelgroep: Option<Doelgroep>,
    /// The theme they were about, like gedrag.
    #[arg(long, conflicts_with = "pagina", required_unless_present = "pagina")]
    thema: Option<String>,
    /// The page that answers them, like /ouders/gedrag/driftbuien/.
    #[arg(long)]
    pagina: Option<String>,
    /// How many such questions.
    #[arg(long, default_value_t = 1)]
    aantal: u32,
    /// The day they came in, YYYY-MM-DD (default: today).
    #[arg(long)]
    dag: Option<Dag>,
    /// The built site, whose vocabulary names the themes and pages.
    #[arg(long, default_value = "public")]
    site: PathBuf,
}

#[derive(clap::Subcommand)]
enum Token {
    /// Makes a new token for the staff form and prints it once; only its hash is stored, and the old token stops working.
    Token {
        /// The counts database, created when missing.
        #[arg(long)]
        db: PathBuf,
    },
}

/// Registers, or makes a token.
pub fn run(root: &Path, args: Args) -> Result<(), CliError> {
    if let Some(Token::Token { db }) = args.token {
        let token = cjg_registratie::maak_token(&db)?;
        println!("{token}");
        eprintln!("Give this token to the desk staff: it is the staff form's password. It is not shown again.");
        return Ok(());
    }
    // clap already requires these when there is no subcommand.
    let (Some(db), Some(kanaal), Some(doelgroep)) = (args.db, args.kanaal, args.doelgroep) else {
        ontbreekt("--db, --kanaal and --doelgroep are required")
    };
    let onderwerp = match (args.thema, args.pagina) {
        (Some(thema), None) => Onderwerp::Thema(thema),
        (None, Some(pagina)) => Onderwerp::Pagina(pagina),
        _ => ontbreekt("give either --thema or --pagina"),
    };
    let dag = args.dag.unwrap_or_else(cjg_registratie::vandaag);
    cjg_registratie::registreer(&db, &root.join(args.site), kanaal, doelgroep, onderwerp, args.aantal, dag)?;
    eprintln!("registered {} question(s) on {dag}", args.aantal);
    Ok(())
}

fn ontbreekt(wat: &str) -> ! {
    clap::Error::raw(clap::error::ErrorKind::MissingRequiredArgument, format!("{wat}\n")).exit()
}
