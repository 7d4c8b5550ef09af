//! Finding the `cjg` binary the tests run, and asking it questions as editors do.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::site::example_root;

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

/// The answers of `cjg ask --json` to many questions at once, for `doelgroep` or everyone,
/// from the site built into `public`: `cjg ask -` reads one question per line.
pub fn ask_json(public: &Path, questions: &[&str], doelgroep: Option<&str>) -> Vec<Value> {
    let mut command = Command::new(cjg_binary());
    command.arg("--root").arg(example_root()).args(["ask", "--json", "--output"]).arg(public);
    if let Some(d) = doelgroep {
        command.args(["--doelgroep", d]);
    }
    let mut child = command.arg("-").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("cjg runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = questions.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).expect("cjg reads its questions"));
    let out = child.wait_with_output().expect("cjg answers");
    writer.join().expect("the questions were written");
    assert!(out.status.success(), "cjg ask -: {}", String::from_utf8_lossy(&out.stderr));
    let answers: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON per line")).collect();
    assert_eq!(answers.len(), questions.len(), "one answer per question");
    answers
}
