//! The PostgreSQL store, for several collectors on one database or a server the organisation
//! already runs. Each collector writes its group commits in transactions of its own; the counts
//! are increments (`aantal = aantal + excluded.aantal`), so two collectors never count an event
//! twice, and each writes its rows in one fixed order, so their row locks cannot deadlock (a
//! conflict PostgreSQL still reports is retried whole: a rolled-back transaction counted nothing).

use std::time::Duration;

use cjg_common::Doelgroep;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, NoTls, Statement};

use super::schema::{self, Dialect, VERSIE};
use super::{dag_text, redact, Rows, StoredToken};
use crate::doelgroep;
use crate::error::Error;
use crate::telling::{FeedbackSleutel, OnbeantwoordSleutel, Telling, VraagSleutel};
use crate::Dag;

/// Any number, the same in every collector: the lock that lets one of them migrate at a time.
const MIGRATION_LOCK: i64 = 0x636a_675f_7665_7273;
/// How often a transaction that PostgreSQL aborted for a conflict is tried again.
const ATTEMPTS: u32 = 8;

pub(crate) struct PostgresStore {
    url: String,
    client: Client,
    upserts: Option<Upserts>,
}

/// The prepared statements of a group commit, one per table.
struct Upserts {
    vragen: Statement,
    termen: Statement,
    onbeantwoord: Statement,
    feedback: Statement,
}

/// `INSERT … SELECT * FROM unnest(…) ORDER BY key ON CONFLICT DO UPDATE`: a whole table's rows in
/// one round trip, in key order.
fn upsert_sql(tabel: &str, sleutel: &[(&str, &str)]) -> String {
    let kolommen: Vec<&str> = sleutel.iter().map(|(k, _)| *k).collect();
    let arrays: Vec<String> = sleutel.iter().enumerate().map(|(i, (_, soort))| format!("${}::{soort}[]", i + 1)).collect();
    let volgorde: Vec<String> = (1..=sleutel.len()).map(|i| i.to_string()).collect();
    format!(
        "INSERT INTO {tabel} ({}, aantal) SELECT * FROM unnest({}, ${}::int8[]) ORDER BY {} \
         ON CONFLICT ({}) DO UPDATE SET aantal = {tabel}.aantal + excluded.aantal",
        kolommen.join(", "),
        arrays.join(", "),
        sleutel.len() + 1,
        volgorde.join(", "),
        kolommen.join(", "),
    )
}

impl PostgresStore {
    /// Connects; for writing, also creates or migrates the tables and prepares the writes.
    pub async fn open(url: &str, writable: bool) -> Result<PostgresStore, Error> {
        let client = connect(url).await?;
        let mut store = PostgresStore { url: url.to_owned(), client, upserts: None };
        if writable {
            store.migrate().await?;
            store.upserts = Some(prepare_statements(&store.client).await.map_err(|e| store.error(e))?);
        } else {
            let versie = store.version().await?;
            if versie != Some(VERSIE) {
                return Err(Error::ForeignDatabase { db: redact(url), version: versie.unwrap_or(0) });
            }
        }
        Ok(store)
    }

    fn error(&self, source: tokio_postgres::Error) -> Error {
        Error::Postgres { db: redact(&self.url), source }
    }

    async fn version(&self) -> Result<Option<i64>, Error> {
        let bestaat: bool =
            self.client.query_one("SELECT to_regclass('cjg_versie') IS NOT NULL", &[]).await.map_err(|e| self.error(e))?.get(0);
        if !bestaat {
            return Ok(None);
        }
        let rij = self.client.query_opt("SELECT versie FROM cjg_versie", &[]).await.map_err(|e| self.error(e))?;
        Ok(rij.map(|rij| i64::from(rij.get::<_, i32>(0))))
    }

    /// Creates the tables in an empty database, under an advisory lock so that collectors
    /// starting together do it once. A database with a `vragen` table of someone else's is
    /// refused rather than written into.
    async fn migrate(&mut self) -> Result<(), Error> {
        let db = redact(&self.url);
        let tx = self.client.transaction().await.map_err(|source| Error::Postgres { db: db.clone(), source })?;
        let failed = |source| Error::Postgres { db: db.clone(), source };
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(failed)?;
        let rij = tx
            .query_one("SELECT to_regclass('cjg_versie') IS NOT NULL, to_regclass('vragen') IS NOT NULL", &[])
            .await
            .map_err(failed)?;
        let (versie_tabel, vragen_tabel): (bool, bool) = (rij.get(0), rij.get(1));
        if versie_tabel {
            let versie: i32 = tx.query_one("SELECT versie FROM cjg_versie", &[]).await.map_err(failed)?.get(0);
            if i64::from(versie) != VERSIE {
                return Err(Error::ForeignDatabase { db: db.clone(), version: versie.into() });
            }
        } else if vragen_tabel {
            return Err(Error::ForeignDatabase { db: db.clone(), version: 0 });
        } else {
            let sql = format!(
                "{}CREATE TABLE cjg_versie (versie INTEGER NOT NULL);\nINSERT INTO cjg_versie VALUES ({VERSIE});",
                schema::create_tables(Dialect::Postgres)
            );
            tx.batch_execute(&sql).await.map_err(failed)?;
        }
        tx.commit().await.map_err(failed)
    }

    /// Commits `telling` in one transaction, reconnecting first if the server went away, and
    /// trying again when PostgreSQL aborted it for a conflict with another collector.
    pub async fn add(&mut self, telling: &Telling) -> Result<(), Error> {
        let mut poging = 0;
        loop {
            if self.client.is_closed() {
                self.client = connect(&self.url).await?;
                self.upserts = None;
            }
            match self.try_add(telling).await {
                Err(error)
                    if poging + 1 < ATTEMPTS
                        && matches!(error.code(), Some(c) if *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE) =>
                {
                    poging += 1;
                    tokio::time::sleep(Duration::from_millis(5 << poging.min(6))).await;
                }
                uitkomst => return uitkomst.map_err(|e| self.error(e)),
            }
        }
    }

    async fn try_add(&mut self, telling: &Telling) -> Result<(), tokio_postgres::Error> {
        let upserts = match self.upserts.take() {
            Some(upserts) => upserts,
            None => prepare_statements(&self.client).await?,
        };
        commit(&self.client, &upserts, telling).await?;
        self.upserts = Some(upserts);
        Ok(())
    }

    pub async fn rows(&self, van: Dag, tot: Dag) -> Result<Rows, Error> {
        let (van, tot) = (dag_text(van), dag_text(tot));
        let query = |sql: &'static str| {
            let (van, tot) = (&van, &tot);
            async move { self.client.query(sql, &[van, tot]).await.map_err(|e| self.error(e)) }
        };
        let mut rows = Rows::default();
        for rij in
            query("SELECT site, dag, kanaal, doelgroep, thema, pagina, urgent, aantal FROM vragen WHERE dag >= $1 AND dag <= $2")
                .await?
        {
            let sleutel = VraagSleutel {
                site: rij.get(0),
                dag: self.parse(rij.get(1))?,
                kanaal: self.parse(rij.get(2))?,
                doelgroep: self.asker(rij.get(3))?,
                thema: rij.get(4),
                pagina: rij.get(5),
                urgent: rij.get(6),
            };
            rows.vragen.push((sleutel, uncount(rij.get(7))));
        }
        for rij in query("SELECT site, dag, doelgroep, termen, aantal FROM onbeantwoord WHERE dag >= $1 AND dag <= $2").await? {
            let sleutel = OnbeantwoordSleutel {
                site: rij.get(0),
                dag: self.parse(rij.get(1))?,
                doelgroep: self.asker(rij.get(2))?,
                termen: rij.get(3),
            };
            rows.onbeantwoord.push((sleutel, uncount(rij.get(4))));
        }
        for rij in query("SELECT site, dag, pagina, geholpen, bron, aantal FROM feedback WHERE dag >= $1 AND dag <= $2").await? {
            let sleutel = FeedbackSleutel {
                site: rij.get(0),
                dag: self.parse(rij.get(1))?,
                pagina: rij.get(2),
                geholpen: rij.get(3),
                bron: self.parse(rij.get(4))?,
            };
            rows.feedback.push((sleutel, uncount(rij.get(5))));
        }
        Ok(rows)
    }

    fn parse<T: std::str::FromStr>(&self, tekst: &str) -> Result<T, Error> {
        tekst.parse().map_err(|_| self.unexpected(tekst))
    }

    /// A doelgroep as the tables hold it (`onbekend`: not chosen), read back.
    fn asker(&self, tekst: &str) -> Result<Option<Doelgroep>, Error> {
        doelgroep::parse(tekst).ok_or_else(|| self.unexpected(tekst))
    }

    fn unexpected(&self, tekst: &str) -> Error {
        Error::ForeignDatabase { db: format!("{} (value {tekst:?})", redact(&self.url)), version: VERSIE }
    }

    pub async fn tokens(&self) -> Result<Vec<StoredToken>, Error> {
        let rijen = self
            .client
            .query("SELECT naam, zout, hash, gemaakt, ingetrokken FROM toegang ORDER BY id", &[])
            .await
            .map_err(|e| self.error(e))?;
        rijen
            .iter()
            .map(|rij| {
                Ok(StoredToken {
                    naam: rij.get(0),
                    zout: rij.get(1),
                    hash: rij.get(2),
                    gemaakt: self.parse(rij.get(3))?,
                    ingetrokken: rij.get::<_, Option<&str>>(4).map(|d| self.parse(d)).transpose()?,
                })
            })
            .collect()
    }

    pub async fn add_token(&mut self, token: &StoredToken) -> Result<(), Error> {
        let db = redact(&self.url);
        let failed = |source| Error::Postgres { db: db.clone(), source };
        let tx = self.client.transaction().await.map_err(failed)?;
        let dag = dag_text(token.gemaakt);
        tx.execute("UPDATE toegang SET ingetrokken = $2 WHERE naam = $1 AND ingetrokken IS NULL", &[&token.naam, &dag])
            .await
            .map_err(failed)?;
        tx.execute(
            "INSERT INTO toegang (naam, zout, hash, gemaakt) VALUES ($1, $2, $3, $4)",
            &[&token.naam, &token.zout, &token.hash, &dag],
        )
        .await
        .map_err(failed)?;
        tx.commit().await.map_err(failed)
    }

    pub async fn revoke_token(&mut self, naam: &str, dag: Dag) -> Result<u64, Error> {
        self.client
            .execute("UPDATE toegang SET ingetrokken = $2 WHERE naam = $1 AND ingetrokken IS NULL", &[&naam, &dag_text(dag)])
            .await
            .map_err(|e| self.error(e))
    }
}

/// The columns of one table's rows, as the arrays its upsert takes.
#[derive(Default)]
struct Kolommen {
    tekst: [Vec<String>; 6],
    waar: Vec<bool>,
    aantal: Vec<i64>,
}

/// One group commit as one pipeline: `BEGIN`, the four upserts and `COMMIT` go to the server
/// without waiting for each other's answers, so a commit costs one round trip (and its fsync).
/// If any statement fails, PostgreSQL turns the `COMMIT` into a rollback and that statement's
/// error is returned: nothing of the batch is counted.
async fn commit(client: &Client, upserts: &Upserts, telling: &Telling) -> Result<(), tokio_postgres::Error> {
    let mut vragen = Kolommen::default();
    for (s, aantal) in &telling.vragen {
        let k = &mut vragen.tekst;
        k[0].push(s.site.clone());
        k[1].push(dag_text(s.dag));
        k[2].push(s.kanaal.as_str().to_owned());
        k[3].push(doelgroep::word(s.doelgroep).to_owned());
        k[4].push(s.thema.clone());
        k[5].push(s.pagina.clone());
        vragen.waar.push(s.urgent);
        vragen.aantal.push(count(*aantal));
    }
    let mut termen = Kolommen::default();
    for (s, aantal) in &telling.termen {
        let k = &mut termen.tekst;
        k[0].push(s.site.clone());
        k[1].push(dag_text(s.dag));
        k[2].push(doelgroep::word(s.doelgroep).to_owned());
        k[3].push(s.term.clone());
        termen.waar.push(s.beantwoord);
        termen.aantal.push(count(*aantal));
    }
    let mut onbeantwoord = Kolommen::default();
    for (s, aantal) in &telling.onbeantwoord {
        let k = &mut onbeantwoord.tekst;
        k[0].push(s.site.clone());
        k[1].push(dag_text(s.dag));
        k[2].push(doelgroep::word(s.doelgroep).to_owned());
        k[3].push(s.termen.clone());
        onbeantwoord.aantal.push(count(*aantal));
    }
    let mut feedback = Kolommen::default();
    for (s, aantal) in &telling.feedback {
        let k = &mut feedback.tekst;
        k[0].push(s.site.clone());
        k[1].push(dag_text(s.dag));
        k[2].push(s.pagina.clone());
        feedback.waar.push(s.geholpen);
        k[3].push(s.bron.as_str().to_owned());
        feedback.aantal.push(count(*aantal));
    }
    let [a, b, c, d, e, f] = &vragen.tekst;
    let vragen_params: [&(dyn tokio_postgres::types::ToSql + Sync); 8] = [a, b, c, d, e, f, &vragen.waar, &vragen.aantal];
    let [a, b, c, d, ..] = &termen.tekst;
    let termen_params: [&(dyn tokio_postgres::types::ToSql + Sync); 6] = [a, b, c, d, &termen.waar, &termen.aantal];
    let [a, b, c, d, ..] = &onbeantwoord.tekst;
    let onbeantwoord_params: [&(dyn tokio_postgres::types::ToSql + Sync); 5] = [a, b, c, d, &onbeantwoord.aantal];
    let [a, b, c, bron, ..] = &feedback.tekst;
    let feedback_params: [&(dyn tokio_postgres::types::ToSql + Sync); 6] = [a, b, c, &feedback.waar, bron, &feedback.aantal];
    tokio::try_join!(
        client.batch_execute("BEGIN"),
        upsert(client, &upserts.vragen, &vragen_params, telling.vragen.is_empty()),
        upsert(client, &upserts.termen, &termen_params, telling.termen.is_empty()),
        upsert(client, &upserts.onbeantwoord, &onbeantwoord_params, telling.onbeantwoord.is_empty()),
        upsert(client, &upserts.feedback, &feedback_params, telling.feedback.is_empty()),
        client.batch_execute("COMMIT"),
    )
    .map(drop)
}

/// One table's upsert; it is sent when first polled, so the order of polling is the order on
/// the wire.
async fn upsert(
    client: &Client,
    statement: &Statement,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    leeg: bool,
) -> Result<(), tokio_postgres::Error> {
    if leeg {
        return Ok(());
    }
    client.execute(statement, params).await.map(drop)
}

async fn prepare_statements(client: &Client) -> Result<Upserts, tokio_postgres::Error> {
    Ok(Upserts {
        vragen: client.prepare(&upsert_sql("vragen", VRAGEN)).await?,
        termen: client.prepare(&upsert_sql("termen", TERMEN)).await?,
        onbeantwoord: client.prepare(&upsert_sql("onbeantwoord", ONBEANTWOORD)).await?,
        feedback: client.prepare(&upsert_sql("feedback", FEEDBACK)).await?,
    })
}

/// The key columns of each count table, with their PostgreSQL types.
const VRAGEN: &[(&str, &str)] = &[
    ("site", "text"),
    ("dag", "text"),
    ("kanaal", "text"),
    ("doelgroep", "text"),
    ("thema", "text"),
    ("pagina", "text"),
    ("urgent", "bool"),
];
const TERMEN: &[(&str, &str)] =
    &[("site", "text"), ("dag", "text"), ("doelgroep", "text"), ("term", "text"), ("beantwoord", "bool")];
const ONBEANTWOORD: &[(&str, &str)] = &[("site", "text"), ("dag", "text"), ("doelgroep", "text"), ("termen", "text")];
const FEEDBACK: &[(&str, &str)] =
    &[("site", "text"), ("dag", "text"), ("pagina", "text"), ("geholpen", "bool"), ("bron", "text")];

/// Connects, and keeps the connection running on the current runtime.
async fn connect(url: &str) -> Result<Client, Error> {
    let (client, verbinding) =
        tokio_postgres::connect(url, NoTls).await.map_err(|source| Error::Postgres { db: redact(url), source })?;
    tokio::spawn(async move {
        // An error here shows as a closed client at the next commit, which reconnects.
        let _ = verbinding.await;
    });
    Ok(client)
}

fn count(aantal: u64) -> i64 {
    i64::try_from(aantal).unwrap_or(i64::MAX)
}

fn uncount(aantal: i64) -> u64 {
    u64::try_from(aantal).unwrap_or(0)
}
