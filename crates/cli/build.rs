//! Embeds the browser widget (built to WebAssembly by `./dev widget`) into the `cjg` binary, so
//! that one binary builds a complete site, as Pagefind does. Each file gets its gzip and brotli
//! copy here, once, at the best setting (`cjg-compress`), which a site build could not afford.
//!
//! Without a built widget (a fresh clone before `./dev widget`) it warns and embeds nothing:
//! `cargo check`, clippy and rust-analyzer work, and `cjg build` says how to build the widget.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cjg_compress::{compress, Effort};

/// The widget's files below widget/, by the stable names templates use.
const FILES: [(&str, &str); 4] = [
    ("cjg_widget.js", "dist/cjg_widget.js"),
    ("cjg_widget_bg.wasm", "dist/cjg_widget_bg.wasm"),
    ("cjg-vraag.js", "cjg-vraag.js"),
    ("cjg-vraag.css", "cjg-vraag.css"),
];

fn main() {
    let widget = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../widget");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut code = String::from("&[\n");
    for (name, file) in FILES {
        let path = widget.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let Ok(bytes) = std::fs::read(&path) else {
            println!(
                "cargo:warning={} is missing: this cjg has no question widget. Build it with `./dev widget`, then build cjg again.",
                path.display()
            );
            std::fs::write(out.join("widget_files.rs"), "&[]\n").expect("OUT_DIR is writable");
            return;
        };
        let copies = compress(&bytes, Effort::Best);
        let embed = |extension: &str, bytes: &[u8]| {
            let copy = out.join(format!("{name}{extension}"));
            std::fs::write(&copy, bytes).expect("OUT_DIR is writable");
            format!("include_bytes!({:?})", copy.display().to_string())
        };
        let (plain, gzip, brotli) = (embed("", &bytes), embed(".gz", &copies.gzip), embed(".br", &copies.brotli));
        writeln!(code, "    WidgetFile {{ name: {name:?}, bytes: {plain}, gzip: {gzip}, brotli: {brotli} }},")
            .expect("into a String");
    }
    code.push_str("]\n");
    std::fs::write(out.join("widget_files.rs"), code).expect("OUT_DIR is writable");
}
