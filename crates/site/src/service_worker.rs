//! The service worker `sw.js` at the site's root, so that its scope covers every page. It keeps
//! the pages a visitor opened and the question box's files in the browser's Cache Storage, so a
//! later visit works without network. Its code is `service_worker.js`; the build puts one line of
//! settings in front of it: the version (one cache per build), the files to fetch ahead of use
//! and the question counter it must leave alone.

use serde::Serialize;

use crate::assets::PUBLISHED_FOLDER;

/// The worker's path in the output; `widget/cjg-vraag.js` registers it at `/sw.js`.
pub const SERVICE_WORKER_PATH: &str = "sw.js";

/// The worker's code, which reads the settings from `INSTELLINGEN`.
const CODE: &str = include_str!("service_worker.js");

/// What the worker needs to know of this build (`INSTELLINGEN` in its code).
#[derive(Serialize)]
struct Settings<'a> {
    /// Changes when any published file or the worker's code changes: the name of its cache.
    versie: String,
    /// The path below which every file has a content hash in its name (`/assets/`).
    assets: String,
    /// The files fetched ahead of use, unless the browser asks to save data.
    vooraf: &'a [String],
    /// The question counter (`[registratie] endpoint`, empty when off): never kept.
    registratie: &'a str,
}

/// The worker for a build whose other files hash to `digest` ([`crate::output::Staging::digest`]),
/// fetching `ahead` (asset URLs) ahead of use and leaving the counter at `registratie` alone.
pub fn script(digest: u64, ahead: &[String], registratie: &str) -> String {
    let settings = |versie: String| {
        let settings = Settings { versie, assets: format!("/{PUBLISHED_FOLDER}/"), vooraf: ahead, registratie };
        serde_json::to_string(&settings).expect("strings and a list of strings serialise")
    };
    // The settings without the version, and the code, count too: a new cjg may keep other files.
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&digest.to_le_bytes());
    hasher.update(settings(String::new()).as_bytes());
    hasher.update(CODE.as_bytes());
    format!("const INSTELLINGEN = {};\n{CODE}", settings(format!("{:016x}", hasher.digest())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The version the worker's first line names.
    fn version(script: &str) -> String {
        let line = script.lines().next().unwrap();
        let json = line.trim_start_matches("const INSTELLINGEN = ").trim_end_matches(';');
        let settings: serde_json::Value = serde_json::from_str(json).unwrap();
        settings["versie"].as_str().unwrap().to_string()
    }

    #[test]
    fn version_follows_the_files_and_the_settings() {
        let ahead = ["/assets/a.1.js".to_string()];
        let worker = script(1, &ahead, "");
        assert_eq!(version(&worker), version(&script(1, &ahead, "")), "the same build, the same version");
        assert_ne!(version(&worker), version(&script(2, &ahead, "")), "another file");
        assert_ne!(version(&worker), version(&script(1, &[], "")), "other files ahead");
        assert_ne!(version(&worker), version(&script(1, &ahead, "https://tel.example/")), "another counter");
        assert!(worker.contains(r#""vooraf":["/assets/a.1.js"]"#), "{worker}");
    }
}
