//! Standard output for the commands that print results: a reader that stops early
//! (`cjg ask - < vragen.txt | head`) ends the output quietly, as with other Unix tools.

use std::io::{ErrorKind, Write};

use crate::error::CliError;

/// Whether the reader still listens after a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Go on printing.
    Listens,
    /// The reader closed the pipe: print nothing more.
    Gone,
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result<Reader, CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(Reader::Listens),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(Reader::Gone),
        Err(e) => Err(CliError::Output(e)),
    }
}
