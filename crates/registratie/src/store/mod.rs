//! The counts on disk, in one of two stores with the same tables: SQLite (the embedded default:
//! WAL, `synchronous=FULL`, so a commit that returned has been fsynced) or PostgreSQL (for
//! several collectors, or a database the organisation already runs). Only daily aggregates
//! exist here; [`schema`] is the whole of what is kept. Both migrate the layout when a
//! collector or `cjg registreer` opens them for writing.

mod postgres;
pub(crate) mod schema;
mod sqlite;

use std::fmt;
use std::future::Future;
use std::path::{Path, PathBuf};

use cjg_common::Doelgroep;

use crate::error::Error;
use crate::gebeurtenis::{Gebeurtenis, Kanaal, Onderwerp, Vraag};
use crate::telling::{FeedbackSleutel, OnbeantwoordSleutel, Telling, VraagSleutel};
use crate::vocabulaire::Vocabulaire;
use crate::Dag;

/// Where the counts are: `--db tellingen.db` or `--db postgres://user@host/database`.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file, created when missing.
    Sqlite(PathBuf),
    /// A PostgreSQL database (the URL as given, password included).
    Postgres(String),
}

impl Database {
    /// Reads `--db`: a `postgres://` or `postgresql://` URL, else a SQLite file path.
    pub fn parse(waarde: &str) -> Result<Database, Error> {
        let lager = waarde.to_ascii_lowercase();
        if lager.starts_with("postgres://") || lager.starts_with("postgresql://") {
            let url = url::Url::parse(waarde).map_err(|_| Error::DatabaseUrl(redact(waarde)))?;
            if url.host_str().is_none_or(str::is_empty) && !url.query_pairs().any(|(k, _)| k == "host") {
                return Err(Error::DatabaseUrl(redact(waarde)));
            }
            waarde.parse::<tokio_postgres::Config>().map_err(|_| Error::DatabaseUrl(redact(waarde)))?;
            return Ok(Database::Postgres(waarde.to_owned()));
        }
        if lager.contains("://") || waarde.is_empty() {
            return Err(Error::DatabaseUrl(redact(waarde)));
        }
        Ok(Database::Sqlite(PathBuf::from(waarde)))
    }

    /// The database as it may be shown: a PostgreSQL URL without its password.
    pub fn name(&self) -> String {
        match self {
            Database::Sqlite(pad) => pad.display().to_string(),
            Database::Postgres(url) => redact(url),
        }
    }
}

impl std::str::FromStr for Database {
    type Err = Error;
    fn from_str(s: &str) -> Result<Database, Error> {
        Database::parse(s)
    }
}

impl From<&Path> for Database {
    fn from(pad: &Path) -> Database {
        Database::Sqlite(pad.to_owned())
    }
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Database({})", self.name())
    }
}

/// `postgres://cjg:geheim@host/db` → `postgres://cjg:***@host/db`.
fn redact(waarde: &str) -> String {
    match url::Url::parse(waarde) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        Ok(url) => url.to_string(),
        Err(_) if waarde.contains('@') => "(a URL that does not parse)".to_owned(),
        Err(_) => waarde.to_owned(),
    }
}

/// A staff member's token as the database keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredToken {
    pub naam: String,
    pub zout: Vec<u8>,
    pub hash: Vec<u8>,
    pub gemaakt: Dag,
    pub ingetrokken: Option<Dag>,
}

/// The counts of a period, as the plan reads them.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    pub vragen: Vec<(VraagSleutel, u64)>,
    pub onbeantwoord: Vec<(OnbeantwoordSleutel, u64)>,
    pub feedback: Vec<(FeedbackSleutel, u64)>,
}

/// An open counts database.
pub(crate) enum Store {
    Sqlite(sqlite::SqliteStore),
    Postgres(postgres::PostgresStore),
}

impl Store {
    /// Opens `db` for writing: creates the tables, or brings an older layout up to date.
    pub async fn open(db: &Database) -> Result<Store, Error> {
        Ok(match db {
            Database::Sqlite(pad) => Store::Sqlite(sqlite::SqliteStore::open(pad)?),
            Database::Postgres(url) => Store::Postgres(postgres::PostgresStore::open(url, true).await?),
        })
    }

    /// Opens an existing database only to read it (`cjg plan`): a mistyped path is an error,
    /// not a new empty database.
    pub async fn open_read_only(db: &Database) -> Result<Store, Error> {
        Ok(match db {
            Database::Sqlite(pad) => Store::Sqlite(sqlite::SqliteStore::open_read_only(pad)?),
            Database::Postgres(url) => Store::Postgres(postgres::PostgresStore::open(url, false).await?),
        })
    }

    /// Adds a batch's counts in one transaction; when this returns `Ok`, they are committed.
    pub async fn add(&mut self, telling: &Telling) -> Result<(), Error> {
        match self {
            Store::Sqlite(store) => store.add(telling),
            Store::Postgres(store) => store.add(telling).await,
        }
    }

    /// The counts of the days `van` to `tot`, every site.
    pub async fn rows(&self, van: Dag, tot: Dag) -> Result<Rows, Error> {
        match self {
            Store::Sqlite(store) => store.rows(van, tot),
            Store::Postgres(store) => store.rows(van, tot).await,
        }
    }

    /// Every staff token, revoked ones too, oldest first. (`&mut`: so that the future is
    /// `Send` although a SQLite connection is not `Sync`.)
    pub async fn tokens(&mut self) -> Result<Vec<StoredToken>, Error> {
        match self {
            Store::Sqlite(store) => store.tokens(),
            Store::Postgres(store) => store.tokens().await,
        }
    }

    /// Stores `token`, revoking an earlier one of the same person on the same day.
    pub async fn add_token(&mut self, token: &StoredToken) -> Result<(), Error> {
        match self {
            Store::Sqlite(store) => store.add_token(token),
            Store::Postgres(store) => store.add_token(token).await,
        }
    }

    /// Revokes every active token of `naam` as of `dag`; returns how many.
    pub async fn revoke_token(&mut self, naam: &str, dag: Dag) -> Result<u64, Error> {
        match self {
            Store::Sqlite(store) => store.revoke_token(naam, dag),
            Store::Postgres(store) => store.revoke_token(naam, dag).await,
        }
    }
}

/// Runs `future` to completion for the command line's synchronous commands.
pub(crate) fn block_on<T>(future: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(Error::Serve)?.block_on(future)
}

/// A day as the tables write it.
fn dag_text(dag: Dag) -> String {
    dag.to_string()
}

/// `cjg registreer`: adds `aantal` desk questions of `site` on `dag` to the counts in `db`,
/// checked against the vocabulary of the built site in `vocabulaire`.
#[allow(clippy::too_many_arguments)] // the desk registration's fields, one by one as on the command line
pub fn register(
    db: &Database,
    site: &str,
    vocabulaire: &Vocabulaire,
    kanaal: Kanaal,
    doelgroep: Option<Doelgroep>,
    onderwerp: Onderwerp,
    aantal: u32,
    dag: Dag,
) -> Result<(), Error> {
    if dag > crate::today() {
        return Err(Error::Future(dag));
    }
    let vraag = Vraag::from_desk(kanaal, doelgroep, onderwerp, aantal, vocabulaire)?;
    let mut telling = Telling::default();
    telling.add(site, dag, &Gebeurtenis::Vraag(vraag));
    block_on(async { Store::open(db).await?.add(&telling).await })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;
    use rusqlite::Connection;

    use super::*;
    use crate::gebeurtenis::tests::vocabulaire;
    use crate::gebeurtenis::{Bron, Feedback};

    fn vraag_json(doelgroep: &str, pagina: Option<&str>, urgent: bool, termen: &[&str]) -> Gebeurtenis {
        let json = serde_json::json!({"doelgroep": doelgroep, "pagina": pagina, "urgent": urgent, "termen": termen});
        Gebeurtenis::Vraag(Vraag::from_json(json.to_string().as_bytes(), &vocabulaire()).unwrap())
    }

    fn sqlite(pad: &Path) -> Database {
        Database::Sqlite(pad.to_owned())
    }

    #[test]
    fn db_is_a_path_or_a_postgres_url_and_passwords_are_never_shown() {
        assert_eq!(Database::parse("tellingen.db").unwrap(), Database::Sqlite("tellingen.db".into()));
        let pg = Database::parse("postgres://cjg:geheim@db.example:5433/tellingen").unwrap();
        assert_eq!(pg.name(), "postgres://cjg:***@db.example:5433/tellingen");
        assert!(!format!("{pg:?} {pg}").contains("geheim"));
        assert!(Database::parse("postgresql://cjg@[::1]/tellingen").is_ok());
        for fout in ["mysql://x/y", "postgres://", ""] {
            assert!(Database::parse(fout).is_err(), "{fout}");
        }
        let fout = Database::parse("postgres://cjg:geheim@host:notaport/x").unwrap_err().to_string();
        assert!(!fout.contains("geheim"), "{fout}");
    }

    #[test]
    fn counts_add_up_across_commits_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let db = sqlite(&dir.path().join("tellingen.db"));
        let dag = Dag::constant(2026, 11, 25);
        block_on(async {
            for _ in 0..2 {
                let mut store = Store::open(&db).await?;
                let mut telling = Telling::default();
                telling.add("cjg", dag, &vraag_json("ouders", None, true, &["koorts", "slap"]));
                store.add(&telling).await?;
            }
            let store = Store::open_read_only(&db).await?;
            let rows = store.rows(dag, dag).await?;
            assert_eq!(rows.vragen.len(), 1);
            assert_eq!(rows.vragen[0].1, 2);
            assert!(rows.vragen[0].0.urgent);
            assert_eq!((rows.onbeantwoord[0].0.termen.as_str(), rows.onbeantwoord[0].1), ("koorts slap", 2));
            assert!(store.rows(dag.tomorrow().unwrap(), dag.tomorrow().unwrap()).await?.vragen.is_empty());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn plan_refuses_a_database_that_does_not_exist_or_is_not_ours() {
        let dir = tempfile::tempdir().unwrap();
        let typo = sqlite(&dir.path().join("typo.db"));
        assert!(matches!(block_on(Store::open_read_only(&typo)), Err(Error::NoDatabase(_))));
        assert!(!dir.path().join("typo.db").exists());
        let vreemd = dir.path().join("vreemd.db");
        Connection::open(&vreemd).unwrap().execute_batch("CREATE TABLE x (y)").unwrap();
        assert!(matches!(block_on(Store::open(&sqlite(&vreemd))), Err(Error::ForeignDatabase { .. })));
    }

    #[test]
    fn a_single_site_database_of_layout_1_is_migrated_to_site_cjg() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join("oud.db");
        Connection::open(&pad)
            .unwrap()
            .execute_batch(
                "CREATE TABLE vragen (dag TEXT NOT NULL, kanaal TEXT NOT NULL, doelgroep TEXT NOT NULL, thema TEXT NOT NULL,
                    pagina TEXT NOT NULL, urgent INTEGER NOT NULL, aantal INTEGER NOT NULL,
                    PRIMARY KEY (dag, kanaal, doelgroep, thema, pagina, urgent)) WITHOUT ROWID;
                 CREATE TABLE termen (dag TEXT NOT NULL, doelgroep TEXT NOT NULL, term TEXT NOT NULL, beantwoord INTEGER NOT NULL,
                    aantal INTEGER NOT NULL, PRIMARY KEY (dag, doelgroep, term, beantwoord)) WITHOUT ROWID;
                 CREATE TABLE onbeantwoord (dag TEXT NOT NULL, doelgroep TEXT NOT NULL, termen TEXT NOT NULL, aantal INTEGER NOT NULL,
                    PRIMARY KEY (dag, doelgroep, termen)) WITHOUT ROWID;
                 CREATE TABLE feedback (dag TEXT NOT NULL, pagina TEXT NOT NULL, geholpen INTEGER NOT NULL, bron TEXT NOT NULL,
                    aantal INTEGER NOT NULL, PRIMARY KEY (dag, pagina, geholpen, bron)) WITHOUT ROWID;
                 CREATE TABLE toegang (id INTEGER PRIMARY KEY CHECK (id = 1), zout BLOB NOT NULL, hash BLOB NOT NULL, dag TEXT NOT NULL);
                 INSERT INTO vragen VALUES ('2026-11-02', 'online', 'ouders', 'gedrag', '/ouders/gedrag/driftbuien/', 0, 7);
                 INSERT INTO onbeantwoord VALUES ('2026-11-02', 'jongeren', 'schuld', 3);
                 INSERT INTO toegang VALUES (1, x'00112233445566778899aabbccddeeff', x'00', '2026-10-01');
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        let db = sqlite(&pad);
        assert!(matches!(block_on(Store::open_read_only(&db)), Err(Error::OldDatabase { version: 1, .. })));
        let dag = Dag::constant(2026, 11, 2);
        block_on(async {
            let mut store = Store::open(&db).await?;
            let mut telling = Telling::default();
            telling.add("cjg", dag, &vraag_json("ouders", Some("/ouders/gedrag/driftbuien/"), false, &[]));
            store.add(&telling).await?;
            let rows = Store::open_read_only(&db).await?.rows(dag, dag).await?;
            assert_eq!(rows.vragen.len(), 1);
            assert_eq!((rows.vragen[0].0.site.as_str(), rows.vragen[0].1), ("cjg", 8));
            assert_eq!(rows.onbeantwoord[0].0.site, "cjg");
            let tokens = store.tokens().await?;
            assert_eq!((tokens.len(), tokens[0].naam.as_str(), tokens[0].ingetrokken), (1, "balie", None));
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn desk_registration_refuses_the_future_and_unknown_themes() {
        let dir = tempfile::tempdir().unwrap();
        let vocabulaire = Vocabulaire::from_json(r#"{"termen": [], "paginas": [], "themas": ["gedrag"]}"#, "v.json").unwrap();
        let db = sqlite(&dir.path().join("t.db"));
        let gedrag = || Onderwerp::Thema("gedrag".into());
        let morgen = crate::today().tomorrow().unwrap();
        assert!(matches!(
            register(&db, "cjg", &vocabulaire, Kanaal::Chat, Some(Doelgroep::Ouders), gedrag(), 1, morgen),
            Err(Error::Future(_))
        ));
        let sport = Onderwerp::Thema("sport".into());
        assert!(register(&db, "cjg", &vocabulaire, Kanaal::Chat, Some(Doelgroep::Ouders), sport, 1, crate::today()).is_err());
        let dag = Dag::constant(2026, 3, 2);
        register(&db, "cjg", &vocabulaire, Kanaal::Chat, Some(Doelgroep::Ouders), gedrag(), 7, dag).unwrap();
        let vragen = block_on(async { Store::open_read_only(&db).await?.rows(dag, dag).await }).unwrap().vragen;
        assert_eq!((vragen[0].0.kanaal, vragen[0].0.thema.as_str(), vragen[0].1), (Kanaal::Chat, "gedrag", 7));
    }

    fn gebeurtenis() -> impl Strategy<Value = Gebeurtenis> {
        let termen = prop::sample::subsequence(vec!["koorts", "pest", "schuld", "slap", "zakgeld"], 0..=5);
        let pagina =
            prop::option::of(prop::sample::select(vec!["/contact/", "/ouders/gedrag/driftbuien/", "/jongeren/geld/zakgeld/"]));
        let vraag =
            (prop::sample::select(vec!["ouders", "jongeren", "professionals", "onbekend"]), pagina, any::<bool>(), termen)
                .prop_map(|(d, p, u, t)| vraag_json(d, p, u, &t));
        let feedback = (prop::sample::select(vec!["/contact/", "/jongeren/geld/zakgeld/"]), any::<bool>(), any::<bool>())
            .prop_map(|(pagina, geholpen, widget)| {
                let bron = if widget { Bron::Widget } else { Bron::Pagina };
                Gebeurtenis::Feedback(Feedback { pagina: pagina.into(), geholpen, bron })
            });
        prop_oneof![3 => vraag, 1 => feedback]
    }

    type Verwacht = (
        HashMap<(String, Dag, Option<Doelgroep>, String), u64>,
        HashMap<(Option<Doelgroep>, String), u64>,
        HashMap<String, (u64, u64)>,
    );

    /// Adds random batches to `db` and checks that the rows read back are exactly their sum.
    pub(crate) fn random_batches_are_counted_exactly_in(db: &Database, batches: &[Vec<(u8, u8, Gebeurtenis)>]) {
        let eerste = Dag::constant(2026, 11, 23);
        let mut verwacht: Verwacht = Default::default();
        block_on(async {
            let mut store = Store::open(db).await?;
            for batch in batches {
                let mut telling = Telling::default();
                for (site, dag, g) in batch {
                    let site = ["cjg", "ander"][usize::from(*site % 2)];
                    let dag = eerste.checked_add(jiff::Span::new().days(i64::from(*dag))).unwrap();
                    telling.add(site, dag, g);
                    match g {
                        Gebeurtenis::Vraag(v) => {
                            *verwacht
                                .0
                                .entry((site.into(), dag, v.doelgroep, v.pagina.clone().unwrap_or_default()))
                                .or_default() += 1;
                            if v.pagina.is_none() {
                                *verwacht.1.entry((v.doelgroep, v.termen.join(" "))).or_default() += 1;
                            }
                        }
                        Gebeurtenis::Feedback(f) => {
                            let (ja, nee) = verwacht.2.entry(f.pagina.clone()).or_default();
                            *if f.geholpen { ja } else { nee } += 1;
                        }
                    }
                }
                store.add(&telling).await?;
            }
            let rows = Store::open_read_only(db).await?.rows(eerste, eerste.saturating_add(jiff::Span::new().days(10))).await?;
            let mut vragen: HashMap<(String, Dag, Option<Doelgroep>, String), u64> = HashMap::new();
            for (s, aantal) in rows.vragen {
                *vragen.entry((s.site, s.dag, s.doelgroep, s.pagina)).or_default() += aantal;
            }
            assert_eq!(vragen, verwacht.0);
            let mut gaten: HashMap<(Option<Doelgroep>, String), u64> = HashMap::new();
            for (s, aantal) in rows.onbeantwoord {
                *gaten.entry((s.doelgroep, s.termen)).or_default() += aantal;
            }
            assert_eq!(gaten, verwacht.1);
            let mut feedback: HashMap<String, (u64, u64)> = HashMap::new();
            for (s, aantal) in rows.feedback {
                let (ja, nee) = feedback.entry(s.pagina).or_default();
                *if s.geholpen { ja } else { nee } += aantal;
            }
            assert_eq!(feedback, verwacht.2);
            Ok(())
        })
        .unwrap();
    }

    pub(crate) fn batches() -> impl Strategy<Value = Vec<Vec<(u8, u8, Gebeurtenis)>>> {
        prop::collection::vec(prop::collection::vec((0..2u8, 0..3u8, gebeurtenis()), 0..20), 1..6)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn random_batches_are_counted_exactly(batches in batches()) {
            let dir = tempfile::tempdir().unwrap();
            random_batches_are_counted_exactly_in(&sqlite(&dir.path().join("t.db")), &batches);
        }
    }
}
