//! `cjg registreer`: questions received at the desk into the counts, and the staff form's tokens.

use std::path::{Path, PathBuf};

use cjg_common::{Doelgroep, Taal};
use cjg_registratie::{read_sites, Dag, Database, Kanaal, Onderwerp, Vocabulaire, DEFAULT_SITE};

use crate::error::CliError;

/// `cjg registreer --db DB --kanaal K --doelgroep D (--thema T | --pagina P) [--aantal N] [--dag YYYY-MM-DD]
/// [--site DIR | --sites FILE --site-id ID]`, or `cjg registreer token|intrekken|tokens --db DB …`.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    tokens: Option<TokenCommand>,
    /// The counts database (a SQLite file, created when missing, or a postgres:// URL).
    #[arg(long, required = true)]
    db: Option<Database>,
    /// How the questions came in: loket, telefoon, chat or e-mail.
    #[arg(long, required = true)]
    kanaal: Option<Kanaal>,
    /// Who asked: ouders, jongeren, professionals or onbekend.
    #[arg(long, required = true, value_parser = asker)]
    doelgroep: Option<Asker>,
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
    #[arg(long, default_value = "public", conflicts_with = "sites")]
    site: PathBuf,
    /// A sites file: the vocabulary is that of --site-id.
    #[arg(long, requires = "site_id")]
    sites: Option<PathBuf>,
    /// The site the questions are for (default: cjg, the one site without a sites file).
    #[arg(long)]
    site_id: Option<String>,
}

#[derive(clap::Subcommand)]
enum TokenCommand {
    /// Makes a token for one staff member and prints it once; only its hash is stored. Their earlier token stops working.
    Token {
        /// The counts database, created when missing.
        #[arg(long)]
        db: Database,
        /// Who the token is for, to revoke it later.
        #[arg(long)]
        naam: String,
    },
    /// Revokes a staff member's token: the staff form refuses it from now on.
    Intrekken {
        /// The counts database.
        #[arg(long)]
        db: Database,
        /// Whose token.
        #[arg(long)]
        naam: String,
    },
    /// Lists who has a token, since when, and which were revoked (never the tokens themselves).
    Tokens {
        /// The counts database.
        #[arg(long)]
        db: Database,
    },
}

/// Registers, or manages the tokens; says what it did in `taal`.
pub fn run(root: &Path, args: Args, taal: Taal) -> Result<(), CliError> {
    match args.tokens {
        Some(TokenCommand::Token { db, naam }) => {
            let token = cjg_registratie::new_token(&db, &naam)?;
            println!("{token}");
            eprintln!(
                "{}",
                taal.kies(
                    format!("Geef deze code alleen aan {naam}: het is het wachtwoord voor het balieformulier. De code wordt niet nog eens getoond."),
                    format!("Give this token to {naam} only: it is their password for the staff form. It is not shown again.")
                )
            );
            return Ok(());
        }
        Some(TokenCommand::Intrekken { db, naam }) => {
            cjg_registratie::revoke_token(&db, &naam)?;
            eprintln!(
                "{}",
                taal.kies(
                    format!("De code van {naam} opent het balieformulier niet meer."),
                    format!("{naam}'s token no longer opens the staff form.")
                )
            );
            return Ok(());
        }
        Some(TokenCommand::Tokens { db }) => {
            for token in cjg_registratie::list_tokens(&db)? {
                let (gemaakt, ingetrokken, actief) =
                    (taal.kies("gemaakt", "made"), taal.kies("ingetrokken", "revoked"), taal.kies("actief", "active"));
                match token.ingetrokken {
                    Some(dag) => println!("{}\t{gemaakt} {}\t{ingetrokken} {dag}", token.naam, token.gemaakt),
                    None => println!("{}\t{gemaakt} {}\t{actief}", token.naam, token.gemaakt),
                }
            }
            return Ok(());
        }
        None => {}
    }
    // clap already requires these when there is no subcommand.
    let (Some(db), Some(kanaal), Some(doelgroep)) = (args.db, args.kanaal, args.doelgroep) else {
        missing("--db, --kanaal and --doelgroep are required")
    };
    let onderwerp = match (args.thema, args.pagina) {
        (Some(thema), None) => Onderwerp::Thema(thema),
        (None, Some(pagina)) => Onderwerp::Pagina(pagina),
        _ => missing("give either --thema or --pagina"),
    };
    let site_id = args.site_id.unwrap_or_else(|| DEFAULT_SITE.to_owned());
    let vocabulaire = match &args.sites {
        Some(file) => {
            let sites = read_sites(&root.join(file))?;
            let Some(site) = sites.into_iter().find(|s| s.id == site_id) else {
                missing(&taal.kies(
                    format!("--site-id {site_id}: geen site van {}", file.display()),
                    format!("--site-id {site_id}: not a site of {}", file.display()),
                ))
            };
            site.vocabulaire.read()?
        }
        None => Vocabulaire::from_site(&root.join(args.site))?,
    };
    let dag = args.dag.unwrap_or_else(cjg_registratie::today);
    cjg_registratie::register(&db, &site_id, &vocabulaire, kanaal, doelgroep, onderwerp, args.aantal, dag)?;
    let vragen = if args.aantal == 1 { "1 vraag".to_owned() } else { format!("{} vragen", args.aantal) };
    eprintln!(
        "{}",
        taal.kies(format!("{vragen} geregistreerd op {dag}"), format!("registered {} question(s) on {dag}", args.aantal))
    );
    Ok(())
}

/// Who asked; none when not chosen. An alias, because clap reads `Option<Option<T>>` as a flag
/// with an optional value.
type Asker = Option<Doelgroep>;

/// A `--doelgroep` value: a doelgroep, or `onbekend`. Read before `--lang` is known, so the
/// refusal is in the language of the environment.
fn asker(word: &str) -> Result<Asker, String> {
    cjg_registratie::parse_doelgroep(word).map_err(|e| e.bericht().in_taal(Taal::from_env()).to_owned())
}

fn missing(wat: &str) -> ! {
    clap::Error::raw(clap::error::ErrorKind::MissingRequiredArgument, format!("{wat}\n")).exit()
}
