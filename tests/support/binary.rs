//! Finding the `cjg` binary the tests run.

use std::path::PathBuf;

/// `$CJG_BIN`, or the `cjg` beside the running test's profile folder (target/release/cjg
/// under `cargo test --release`). `./dev test` builds it before the tests run.
pub fn cjg_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("CJG_BIN") {
        return PathBuf::from(bin);
    }
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> → target/<profile>/cjg
    let profile = exe.parent().and_then(|deps| deps.parent()).expect("target/<profile>");
    let bin = profile.join("cjg");
    assert!(
        bin.is_file(),
        "{} is missing: run `cargo build -p cjg` with the same profile first (./dev test does)",
        bin.display()
    );
    bin
}
