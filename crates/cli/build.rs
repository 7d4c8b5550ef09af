//! Embeds the browser widget (built to wasm by `./dev widget`) into the `cjg` binary,
//! so that one binary builds a complete site, as Pagefind does.

use std::path::Path;

/// The widget's files below widget/, each with its `.br` and `.gz` in widget/dist/.
const FILES: [&str; 4] = ["dist/cjg_widget.js", "dist/cjg_widget_bg.wasm", "cjg-vraag.js", "cjg-vraag.css"];

fn main() {
    let widget = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../widget");
    for file in FILES {
        let name = Path::new(file).file_name().and_then(|n| n.to_str()).unwrap_or(file);
        for path in [widget.join(file), widget.join(format!("dist/{name}.br")), widget.join(format!("dist/{name}.gz"))] {
            println!("cargo:rerun-if-changed={}", path.display());
            assert!(
                path.is_file(),
                "\n\n{} is missing: build the widget first with `./dev widget` (it compiles crates/widget to WebAssembly).\n\n",
                path.display()
            );
        }
    }
}
