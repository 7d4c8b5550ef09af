//! `cjg new`: scaffolds a page or section with its front matter.

use std::path::Path;

use cjg_common::Taal;
use cjg_site::{new_entry, today, NewKind};

use crate::error::CliError;

/// Creates the page (or with `section`, the section) at `path` below `root`/content.
pub fn run(root: &Path, path: &str, section: bool, taal: Taal) -> Result<(), CliError> {
    let kind = if section { NewKind::Section } else { NewKind::Page };
    let made = new_entry(root, path, kind, &today())?;
    println!("{}", taal.kies(format!("Gemaakt: {}", made.display()), format!("Created: {}", made.display())));
    Ok(())
}
