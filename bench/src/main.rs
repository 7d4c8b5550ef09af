//! `corpus`: writes a generated CJG site of N pages for bench/run, which builds it with cjg
//! and with Hugo + Pagefind. Usage: `corpus --pages N --out DIR [--example DIR]`.

mod corpus;
mod page;
mod rng;
mod vocabulary;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: corpus --pages N --out DIR [--example DIR]\n\
  --pages N      answer pages to generate (spread over 20 themes)\n\
  --out DIR      a new folder for the site (site.toml, templates/, content/)\n\
  --example DIR  the example site to copy site.toml, templates/ and the rule files from (default .)";

struct Args {
    pages: usize,
    out: PathBuf,
    example: PathBuf,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut pages, mut out, mut example) = (None, None, PathBuf::from("."));
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--pages" => {
                let v = value()?;
                pages = Some(v.parse().map_err(|_| format!("--pages {v}: give a whole number"))?);
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--example" => example = PathBuf::from(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args { pages: pages.ok_or("--pages is required")?, out: out.ok_or("--out is required")?, example })
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match corpus::write(args.pages, &args.example, &args.out) {
        Ok(counts) => {
            eprintln!("{} pages and {} sections → {}", counts.pages, counts.sections, args.out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("corpus: {error}");
            ExitCode::FAILURE
        }
    }
}
