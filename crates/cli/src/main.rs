//! `cjg`: builds, serves and asks a CJG site. Each subcommand lives in its own module.

mod ask;
mod build;
mod check;
mod collect;
mod counts;
mod error;
mod explain;
mod new;
mod output;
mod plan;
mod registreer;
mod serve;
mod widget;

use std::path::PathBuf;
use std::process::ExitCode;

use cjg_common::{Doelgroep, Taal};
use clap::{Parser, Subcommand};

use crate::error::CliError;

/// mimalloc instead of the system allocator: the build analyses every page's words into many small
/// strings, and glibc's malloc and free took a fifth of its time (measured with `perf`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The digital Centrum voor Jeugd en Gezin: a site from Markdown, with a question widget.
#[derive(Parser)]
#[command(name = "cjg", version)]
struct Cli {
    /// The site's folder (with site.toml, content/, templates/).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// Language of messages: nl or en (default: from LANG, else nl).
    #[arg(long, global = true, value_parser = parse_taal)]
    lang: Option<Taal>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Builds the site into public/ (or --output), replacing it only when the build succeeds.
    Build {
        /// Where to write the site.
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
        /// Prints how long each phase took.
        #[arg(long)]
        timings: bool,
        /// A `cjg plan --json` export: the home page shows each doelgroep's themes by what was asked most.
        #[arg(long)]
        counts: Option<PathBuf>,
    },
    /// Builds the site, serves it on 127.0.0.1, and rebuilds and reloads on every edit.
    Serve {
        /// Where to write the site.
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
        /// The port to listen on.
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
    },
    /// Answers a question from the built site, as the widget does.
    Ask {
        /// The question, in plain Dutch.
        vraag: String,
        /// Only pages for ouders, jongeren or professionals (and pages for everyone).
        #[arg(long, value_parser = doelgroep)]
        doelgroep: Option<Doelgroep>,
        /// Prints the widget's JSON: {"urgent": bool, "soorten": […], "answers": [{"url", "title", "description", "score"}], "termen": […]}.
        #[arg(long)]
        json: bool,
        /// Shows how each word was understood and why each answer scored.
        #[arg(long)]
        explain: bool,
        /// The built site.
        #[arg(long, short, default_value = "public")]
        output: PathBuf,
    },
    /// Checks the site: build errors, plus advice on short answers, language level B1, old and duplicate pages.
    Check {
        /// Pages whose `updated` is older than this many days get advice.
        #[arg(long, default_value_t = 365)]
        max_age_days: i64,
        /// Also request every external link (needs the network).
        #[arg(long)]
        online: bool,
        /// Prints the findings as JSON.
        #[arg(long)]
        json: bool,
        /// Cross-validates the risk signals (10 folds) and prints how rules and model do.
        #[arg(long)]
        signalen: bool,
    },
    /// Creates content/<path>.md (or with --section content/<path>/_index.md) with its front matter.
    New {
        /// Like ouders/gedrag/liegen.
        path: String,
        /// Make a section (a folder with _index.md) instead of a page.
        #[arg(long)]
        section: bool,
    },
    /// Counts the widgets' questions anonymously (daily counts only), for one site or several, and serves the staff form.
    Collect(collect::Args),
    /// Registers questions received at the desk, or manages the staff form's tokens (`token`, `intrekken`, `tokens`).
    Registreer(registreer::Args),
    /// Shows editors what was asked, per site or for the region: themes, pages, questions without an answer, pages that did not help.
    Plan(plan::Args),
}

fn parse_taal(value: &str) -> Result<Taal, String> {
    match value {
        "nl" => Ok(Taal::Nl),
        "en" => Ok(Taal::En),
        other => Err(format!("`{other}`: use nl or en")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let taal = cli.lang.unwrap_or_else(Taal::from_env);
    let result: Result<(), CliError> = match cli.command {
        Command::Build { output, timings, counts } => build::run(&cli.root, &output, counts.as_deref(), timings),
        Command::Serve { output, port } => serve::run(&cli.root, &output, port, taal),
        Command::New { path, section } => new::run(&cli.root, &path, section, taal),
        Command::Collect(args) => collect::run(&cli.root, args),
        Command::Registreer(args) => registreer::run(&cli.root, args, taal),
        Command::Plan(args) => plan::run(args, taal),
        Command::Ask { vraag, doelgroep, json, explain, output } => {
            ask::run(&cli.root.join(output), &vraag, doelgroep, json, explain, taal)
        }
        Command::Check { max_age_days, online, json, signalen } => {
            match check::run(&cli.root, &check::CheckArgs { max_age_days, online, json, signalen }, taal) {
                Ok(true) => return ExitCode::FAILURE,
                other => other.map(|_| ()),
            }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error.message(taal));
            ExitCode::FAILURE
        }
    }
}

/// A `--doelgroep` value; a word that is not one is refused with the valid words.
fn doelgroep(word: &str) -> Result<Doelgroep, String> {
    word.parse().map_err(|e: cjg_common::UnknownDoelgroep| e.bericht().in_taal(Taal::from_env()).to_owned())
}
