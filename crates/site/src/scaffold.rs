//! `cjg new`: a new page or section with its front matter filled in, ready to write.

use std::path::{Path, PathBuf};

use crate::error::SiteError;
use crate::slug::slugify;

/// What to create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    /// `content/<path>.md`.
    Page,
    /// `content/<path>/_index.md`.
    Section,
}

/// Creates `content/<path>.md` (or `content/<path>/_index.md`) below `root` and returns its path.
///
/// `path` is like `ouders/gedrag/liegen`; the first folder sets `doelgroep` when it is `ouders` or
/// `jongeren`, and `today` (`2026-11-25`) fills `updated`. An existing file is never overwritten.
pub fn new_entry(root: &Path, path: &str, kind: NewKind, today: &str) -> Result<PathBuf, SiteError> {
    let clean: Vec<String> =
        path.trim_matches('/').trim_end_matches(".md").split('/').map(slugify).filter(|s| !s.is_empty()).collect();
    let relative = match kind {
        NewKind::Page => format!("content/{}.md", clean.join("/")),
        NewKind::Section => format!("content/{}/_index.md", clean.join("/")),
    };
    let file = root.join(&relative);
    if clean.is_empty() || file.exists() {
        return Err(SiteError::Exists { path: PathBuf::from(relative) });
    }
    let name = clean.last().map(String::as_str).unwrap_or_default();
    let title = {
        let words = name.replace('-', " ");
        let mut chars = words.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
    };
    let doelgroep = match clean.first().map(String::as_str) {
        Some("ouders") => "doelgroep = \"ouders\"\n",
        Some("jongeren") => "doelgroep = \"jongeren\"\n",
        _ => "# doelgroep = \"ouders\"     # of \"jongeren\", \"professionals\", of een lijst\n",
    };
    let text = match kind {
        NewKind::Page => format!(
            "+++\ntitle = \"{title}\"\n\
             description = \"\"   # het korte antwoord in één zin\n\
             {doelgroep}\
             vragen = [           # hoe mensen deze vraag stellen, in hun eigen woorden\n  \"\",\n]\n\
             weight = 100\n\
             updated = {today}\n\
             bron = []            # \"Organisatie, jaar: titel\"\n\
             +++\n\
             Begin met het antwoord in een paar zinnen.\n\n\
             ## Wat kunt u doen?\n\n\
             ## Wanneer hulp zoeken?\n\n\
             ## Waar kunt u terecht?\n\n\
             Neem contact op met het [CJG](@/contact.md).\n"
        ),
        NewKind::Section => format!(
            "+++\ntitle = \"{title}\"\n\
             description = \"\"\n\
             {doelgroep}\
             weight = 100\n\
             +++\n\
             Een korte inleiding op dit onderwerp.\n"
        ),
    };
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent).map_err(|e| SiteError::io(parent, e))?;
    }
    std::fs::write(&file, text).map_err(|e| SiteError::io(&file, e))?;
    Ok(PathBuf::from(relative))
}

/// Today's date in the Netherlands as `YYYY-MM-DD`, for `updated`.
pub fn today() -> String {
    cjg_common::today().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter;

    #[test]
    fn new_page_parses_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let made = new_entry(dir.path(), "ouders/gedrag/Liegen", NewKind::Page, "2026-11-25").unwrap();
        assert_eq!(made, PathBuf::from("content/ouders/gedrag/liegen.md"));
        let text = std::fs::read_to_string(dir.path().join(&made)).unwrap();
        let split = front_matter::split(&text, &made).unwrap();
        assert_eq!(split.front_matter.title, "Liegen");
        assert_eq!(split.front_matter.doelgroep.len(), 1);
        assert!(new_entry(dir.path(), "ouders/gedrag/liegen", NewKind::Page, "2026-11-25").is_err());
    }

    #[test]
    fn new_section_parses() {
        let dir = tempfile::tempdir().unwrap();
        let made = new_entry(dir.path(), "jongeren/school", NewKind::Section, "2026-11-25").unwrap();
        let text = std::fs::read_to_string(dir.path().join(&made)).unwrap();
        assert!(front_matter::split(&text, &made).is_ok(), "{text}");
    }
}
