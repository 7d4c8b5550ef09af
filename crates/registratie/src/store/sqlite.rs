//! The embedded store: one SQLite file in WAL mode with `synchronous=FULL`. One process writes
//! it at a time (the collector's writer, or `cjg registreer` waiting its turn); readers never
//! block it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use cjg_common::Doelgroep;
use rusqlite::{params, Connection, OpenFlags};

use super::schema::{self, Dialect, VERSIE};
use super::{dag_text, Rows, StoredToken};
use crate::doelgroep;
use crate::error::Error;
use crate::telling::{FeedbackSleutel, OnbeantwoordSleutel, Telling, VraagSleutel};
use crate::Dag;

pub(crate) struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens the file for writing, creating or migrating its tables.
    pub fn open(path: &Path) -> Result<SqliteStore, Error> {
        let conn = Connection::open(path).map_err(|source| sqlite_error(path, source))?;
        let store = SqliteStore { conn, path: path.to_owned() };
        store.set_up(true)?;
        Ok(store)
    }

    /// Opens an existing file to read it.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, Error> {
        if !path.is_file() {
            return Err(Error::NoDatabase(path.display().to_string()));
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|source| sqlite_error(path, source))?;
        let store = SqliteStore { conn, path: path.to_owned() };
        store.set_up(false)?;
        Ok(store)
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        sqlite_error(&self.path, source)
    }

    fn set_up(&self, writable: bool) -> Result<(), Error> {
        // Another process (the collector, `cjg registreer`) may be committing: wait for it.
        self.conn.busy_timeout(Duration::from_secs(10)).map_err(|e| self.error(e))?;
        let naam = || self.path.display().to_string();
        if !writable {
            let versie = self.version()?;
            return match versie {
                VERSIE => Ok(()),
                1 => Err(Error::OldDatabase { db: naam(), version: versie }),
                _ => Err(Error::ForeignDatabase { db: naam(), version: versie }),
            };
        }
        self.conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| self.error(e))?;
        self.conn.pragma_update(None, "synchronous", "FULL").map_err(|e| self.error(e))?;
        // The version is read inside the write transaction, so that two processes starting at
        // once migrate only once.
        self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.error(e))?;
        let uitkomst = self.migrate(naam);
        let einde = if uitkomst.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.execute_batch(einde).map_err(|e| self.error(e))?;
        uitkomst
    }

    fn version(&self) -> Result<i64, Error> {
        self.conn.query_row("PRAGMA user_version", [], |rij| rij.get(0)).map_err(|e| self.error(e))
    }

    fn migrate(&self, naam: impl Fn() -> String) -> Result<(), Error> {
        let versie = self.version()?;
        let migratie = match versie {
            VERSIE => return Ok(()),
            0 => {
                let tabellen: i64 =
                    self.conn.query_row("SELECT count(*) FROM sqlite_schema", [], |rij| rij.get(0)).map_err(|e| self.error(e))?;
                if tabellen > 0 {
                    return Err(Error::ForeignDatabase { db: naam(), version: versie });
                }
                schema::create_tables(Dialect::Sqlite)
            }
            1 if self.has_tables_of_layout_1()? => schema::sqlite_from_1(),
            _ => return Err(Error::ForeignDatabase { db: naam(), version: versie }),
        };
        self.conn.execute_batch(&format!("{migratie} PRAGMA user_version = {VERSIE};")).map_err(|e| self.error(e))
    }

    fn has_tables_of_layout_1(&self) -> Result<bool, Error> {
        let mut stmt = self.conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").map_err(|e| self.error(e))?;
        let namen: Vec<String> = stmt.query_map([], |rij| rij.get(0)).and_then(Iterator::collect).map_err(|e| self.error(e))?;
        Ok(schema::table_names().all(|tabel| namen.iter().any(|n| n == tabel)))
    }

    pub fn add(&mut self, telling: &Telling) -> Result<(), Error> {
        let path = self.path.clone();
        let failed = |source| sqlite_error(&path, source);
        let tx = self.conn.transaction().map_err(failed)?;
        {
            let mut vragen = tx
                .prepare_cached(
                    "INSERT INTO vragen (site, dag, kanaal, doelgroep, thema, pagina, urgent, aantal) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(failed)?;
            for (s, aantal) in &telling.vragen {
                vragen
                    .execute(params![
                        s.site,
                        dag_text(s.dag),
                        s.kanaal.as_str(),
                        doelgroep::word(s.doelgroep),
                        s.thema,
                        s.pagina,
                        s.urgent,
                        aantal
                    ])
                    .map_err(failed)?;
            }
            let mut termen = tx
                .prepare_cached(
                    "INSERT INTO termen (site, dag, doelgroep, term, beantwoord, aantal) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(failed)?;
            for (s, aantal) in &telling.termen {
                termen
                    .execute(params![s.site, dag_text(s.dag), doelgroep::word(s.doelgroep), s.term, s.beantwoord, aantal])
                    .map_err(failed)?;
            }
            let mut onbeantwoord = tx
                .prepare_cached(
                    "INSERT INTO onbeantwoord (site, dag, doelgroep, termen, aantal) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(failed)?;
            for (s, aantal) in &telling.onbeantwoord {
                onbeantwoord
                    .execute(params![s.site, dag_text(s.dag), doelgroep::word(s.doelgroep), s.termen, aantal])
                    .map_err(failed)?;
            }
            let mut feedback = tx
                .prepare_cached(
                    "INSERT INTO feedback (site, dag, pagina, geholpen, bron, aantal) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(failed)?;
            for (s, aantal) in &telling.feedback {
                feedback
                    .execute(params![s.site, dag_text(s.dag), s.pagina, s.geholpen, s.bron.as_str(), aantal])
                    .map_err(failed)?;
            }
        }
        tx.commit().map_err(failed)
    }

    pub fn rows(&self, van: Dag, tot: Dag) -> Result<Rows, Error> {
        let (van, tot) = (dag_text(van), dag_text(tot));
        let vragen = self.query(
            "SELECT site, dag, kanaal, doelgroep, thema, pagina, urgent, aantal FROM vragen WHERE dag >= ?1 AND dag <= ?2",
            &van,
            &tot,
            |rij| {
                let sleutel = VraagSleutel {
                    site: rij.get(0)?,
                    dag: parse(&rij.get::<_, String>(1)?)?,
                    kanaal: parse(&rij.get::<_, String>(2)?)?,
                    doelgroep: asker(&rij.get::<_, String>(3)?)?,
                    thema: rij.get(4)?,
                    pagina: rij.get(5)?,
                    urgent: rij.get(6)?,
                };
                Ok((sleutel, rij.get(7)?))
            },
        )?;
        let onbeantwoord = self.query(
            "SELECT site, dag, doelgroep, termen, aantal FROM onbeantwoord WHERE dag >= ?1 AND dag <= ?2",
            &van,
            &tot,
            |rij| {
                let sleutel = OnbeantwoordSleutel {
                    site: rij.get(0)?,
                    dag: parse(&rij.get::<_, String>(1)?)?,
                    doelgroep: asker(&rij.get::<_, String>(2)?)?,
                    termen: rij.get(3)?,
                };
                Ok((sleutel, rij.get(4)?))
            },
        )?;
        let feedback = self.query(
            "SELECT site, dag, pagina, geholpen, bron, aantal FROM feedback WHERE dag >= ?1 AND dag <= ?2",
            &van,
            &tot,
            |rij| {
                let sleutel = FeedbackSleutel {
                    site: rij.get(0)?,
                    dag: parse(&rij.get::<_, String>(1)?)?,
                    pagina: rij.get(2)?,
                    geholpen: rij.get(3)?,
                    bron: parse(&rij.get::<_, String>(4)?)?,
                };
                Ok((sleutel, rij.get(5)?))
            },
        )?;
        Ok(Rows { vragen, onbeantwoord, feedback })
    }

    fn query<T>(
        &self,
        sql: &str,
        van: &str,
        tot: &str,
        rij: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, Error> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.error(e))?;
        let rijen = stmt.query_map([van, tot], rij).map_err(|e| self.error(e))?;
        rijen.collect::<Result<Vec<T>, _>>().map_err(|e| self.error(e))
    }

    pub fn tokens(&self) -> Result<Vec<StoredToken>, Error> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT naam, zout, hash, gemaakt, ingetrokken FROM toegang ORDER BY id")
            .map_err(|e| self.error(e))?;
        let rijen = stmt
            .query_map([], |rij| {
                Ok(StoredToken {
                    naam: rij.get(0)?,
                    zout: rij.get(1)?,
                    hash: rij.get(2)?,
                    gemaakt: parse(&rij.get::<_, String>(3)?)?,
                    ingetrokken: rij.get::<_, Option<String>>(4)?.map(|d| parse(&d)).transpose()?,
                })
            })
            .map_err(|e| self.error(e))?;
        rijen.collect::<Result<Vec<_>, _>>().map_err(|e| self.error(e))
    }

    pub fn add_token(&mut self, token: &StoredToken) -> Result<(), Error> {
        let path = self.path.clone();
        let failed = |source| sqlite_error(&path, source);
        let tx = self.conn.transaction().map_err(failed)?;
        tx.execute(
            "UPDATE toegang SET ingetrokken = ?2 WHERE naam = ?1 AND ingetrokken IS NULL",
            params![token.naam, dag_text(token.gemaakt)],
        )
        .map_err(failed)?;
        tx.execute(
            "INSERT INTO toegang (naam, zout, hash, gemaakt) VALUES (?1, ?2, ?3, ?4)",
            params![token.naam, token.zout, token.hash, dag_text(token.gemaakt)],
        )
        .map_err(failed)?;
        tx.commit().map_err(failed)
    }

    pub fn revoke_token(&mut self, naam: &str, dag: Dag) -> Result<u64, Error> {
        self.conn
            .execute("UPDATE toegang SET ingetrokken = ?2 WHERE naam = ?1 AND ingetrokken IS NULL", params![naam, dag_text(dag)])
            .map(|n| n as u64)
            .map_err(|e| self.error(e))
    }
}

fn sqlite_error(path: &Path, source: rusqlite::Error) -> Error {
    Error::Sqlite { path: path.to_owned(), source }
}

/// A value the tables hold as text (a day, a channel), read back.
fn parse<T: std::str::FromStr>(tekst: &str) -> rusqlite::Result<T> {
    tekst.parse().map_err(|_| unexpected(tekst))
}

/// A doelgroep as the tables hold it (`onbekend`: not chosen), read back.
fn asker(tekst: &str) -> rusqlite::Result<Option<Doelgroep>> {
    doelgroep::parse(tekst).ok_or_else(|| unexpected(tekst))
}

fn unexpected(tekst: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidParameterName(format!("unexpected value {tekst:?} in the counts"))
}
