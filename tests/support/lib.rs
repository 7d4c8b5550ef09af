//! Shared helpers for the end-to-end tests in `tests/`: building the example site,
//! serving it on loopback and driving Debian's chromium.

mod axe;
mod binary;
mod browser;
mod files;
mod ports;
mod privacy;
mod qa;
mod server;
mod site;

pub use axe::{axe_violations, Violation, ViolationNode, WCAG21_AA};
pub use binary::{ask_json, cjg_binary};
pub use browser::Browser;
pub use files::copy_dir;
pub use ports::{free_port, wait_until_listening};
pub use privacy::{loaded_urls, off_loopback, privacy_problems, storage, Storage};
pub use qa::{all_test_sentences, comparable, ontwikkelvragen, qa_dir, risico, risico_breed, vragen, Half, Risico, Vraag};
pub use server::Server;
pub use site::{enlarged_example, example_root, BuiltSite};
