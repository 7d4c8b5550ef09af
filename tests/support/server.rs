//! Serving a site with `cjg serve` on a free loopback port.

use std::fs::File;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use tempfile::TempDir;

use crate::cjg_binary;
use crate::ports::{free_port, wait_until_listening};

/// A running `cjg serve`, building into a temporary folder; stopped when this is dropped.
pub struct Server {
    child: Child,
    port: u16,
    dir: TempDir,
}

impl Server {
    /// Builds and serves the site at `root`; returns once the server accepts connections.
    pub fn start(root: &Path) -> Server {
        let dir = tempfile::Builder::new().prefix("cjg-serve-").tempdir().expect("temporary folder");
        let log = dir.path().join("serve.log");
        let log_file = File::create(&log).expect("create serve.log");
        let port = free_port();
        let mut child = Command::new(cjg_binary())
            .arg("--root")
            .arg(root)
            .arg("serve")
            .arg("--output")
            .arg(dir.path().join("public"))
            .arg("--port")
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("share serve.log"))
            .stderr(log_file)
            .spawn()
            .expect("start cjg serve");
        wait_until_listening(&mut child, port, "cjg serve", &log);
        Server { child, port, dir }
    }

    /// The folder the server built the site into and serves; removed when the server stops.
    pub fn public(&self) -> std::path::PathBuf {
        self.dir.path().join("public")
    }

    /// The address of `path` (which starts with `/`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
