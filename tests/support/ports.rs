//! Loopback ports for the processes the tests start: picking a free one and waiting until a
//! child process listens on it.

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

/// How long a child may take to start listening before the test gives up.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A port on 127.0.0.1 that nothing listens on right now.
///
/// The port is released before the child binds it; another process could take it in between,
/// which on a test machine is rare enough to accept.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a free port on 127.0.0.1");
    listener.local_addr().expect("local address").port()
}

/// Waits until `child` accepts connections on `127.0.0.1:port`.
///
/// Panics, showing the child's log, when it exits first or does not listen within 30 s;
/// `what` names the child in that message.
pub fn wait_until_listening(child: &mut Child, port: u16, what: &str, log: &Path) {
    let started = Instant::now();
    loop {
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return;
        }
        if let Some(status) = child.try_wait().expect("child status") {
            panic!("{what} exited ({status}) before listening on port {port}:\n{}", read_log(log));
        }
        if started.elapsed() > START_TIMEOUT {
            panic!("{what} did not listen on port {port} within {START_TIMEOUT:?}:\n{}", read_log(log));
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// The log file's text, or a note that there is none.
fn read_log(log: &Path) -> String {
    std::fs::read_to_string(log).unwrap_or_else(|e| format!("(no log at {}: {e})", log.display()))
}
