//! A minimal blocking HTTP/1.1 client over one keep-alive connection: enough to post events
//! and read the status, with no dependency of its own. Shared by the tests and the benchmark.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};

/// One answer.
#[derive(Debug)]
pub struct Antwoord {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Antwoord {
    /// The first header named `naam` (case-insensitive).
    pub fn header(&self, naam: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(naam)).map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn tekst(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A keep-alive connection.
pub struct Verbinding {
    lezer: BufReader<TcpStream>,
    adres: SocketAddr,
}

impl Verbinding {
    pub fn open(adres: SocketAddr) -> io::Result<Verbinding> {
        let stream = TcpStream::connect(adres)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
        Ok(Verbinding { lezer: BufReader::new(stream), adres })
    }

    /// Sends one request and reads its answer. `headers` come after Host and Content-Length.
    pub fn vraag(&mut self, methode: &str, pad: &str, headers: &[(&str, &str)], body: &[u8]) -> io::Result<Antwoord> {
        let mut verzoek = format!("{methode} {pad} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n", self.adres, body.len());
        for (naam, waarde) in headers {
            verzoek.push_str(&format!("{naam}: {waarde}\r\n"));
        }
        verzoek.push_str("\r\n");
        let stream = self.lezer.get_mut();
        let mut bytes = verzoek.into_bytes();
        bytes.extend_from_slice(body);
        stream.write_all(&bytes)?;
        self.lees()
    }

    fn lees(&mut self) -> io::Result<Antwoord> {
        let mut regel = String::new();
        if self.lezer.read_line(&mut regel)? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        let status = regel
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("bad status line {regel:?}")))?;
        let mut headers = Vec::new();
        loop {
            regel.clear();
            if self.lezer.read_line(&mut regel)? == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed in headers"));
            }
            let regel = regel.trim_end();
            if regel.is_empty() {
                break;
            }
            if let Some((naam, waarde)) = regel.split_once(':') {
                headers.push((naam.trim().to_owned(), waarde.trim().to_owned()));
            }
        }
        let lengte = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0; lengte];
        self.lezer.read_exact(&mut body)?;
        Ok(Antwoord { status, headers, body })
    }
}
