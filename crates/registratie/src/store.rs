//! The counts on disk: SQLite in WAL mode with `synchronous=FULL`, so a commit that returned has
//! been fsynced. Only daily aggregates exist here; the table layout below is the whole of what
//! is kept.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::error::Error;
use crate::gebeurtenis::{Doelgroep, Gebeurtenis, Kanaal, Onderwerp, Vraag};
use crate::telling::{OnbeantwoordSleutel, Telling, VraagSleutel};
use crate::toegang::TokenHash;
use crate::vocabulaire::Vocabulaire;
use crate::Dag;

/// The layout's version in `PRAGMA user_version`; a database of another version is refused.
const VERSIE: i64 = 1;

/// Every table, and nothing else. Days are `YYYY-MM-DD`; "none" is the empty string so that
/// it takes part in the primary key.
const SCHEMA: &str = "
CREATE TABLE vragen (
    dag TEXT NOT NULL,
    kanaal TEXT NOT NULL,          -- online, loket, telefoon, chat, e-mail
    doelgroep TEXT NOT NULL,       -- ouders, jongeren, onbekend
    thema TEXT NOT NULL,           -- '' when unknown
    pagina TEXT NOT NULL,          -- '' when no answer fit, or a desk question by theme
    urgent INTEGER NOT NULL,       -- 0 or 1
    aantal INTEGER NOT NULL,
    PRIMARY KEY (dag, kanaal, doelgroep, thema, pagina, urgent)
) WITHOUT ROWID;
CREATE TABLE termen (
    dag TEXT NOT NULL,
    doelgroep TEXT NOT NULL,
    term TEXT NOT NULL,            -- a stem of the site's vocabulary
    beantwoord INTEGER NOT NULL,   -- 1 when the question found a page
    aantal INTEGER NOT NULL,
    PRIMARY KEY (dag, doelgroep, term, beantwoord)
) WITHOUT ROWID;
CREATE TABLE onbeantwoord (
    dag TEXT NOT NULL,
    doelgroep TEXT NOT NULL,
    termen TEXT NOT NULL,          -- the question's known terms, sorted, space-separated
    aantal INTEGER NOT NULL,
    PRIMARY KEY (dag, doelgroep, termen)
) WITHOUT ROWID;
CREATE TABLE feedback (
    dag TEXT NOT NULL,
    pagina TEXT NOT NULL,
    geholpen INTEGER NOT NULL,     -- 1 for ja, 0 for nee
    bron TEXT NOT NULL,            -- pagina, widget
    aantal INTEGER NOT NULL,
    PRIMARY KEY (dag, pagina, geholpen, bron)
) WITHOUT ROWID;
CREATE TABLE toegang (
    id INTEGER PRIMARY KEY CHECK (id = 1),  -- one token for the staff form
    zout BLOB NOT NULL,
    hash BLOB NOT NULL,            -- SHA-256 of zout and token; the token itself is never stored
    dag TEXT NOT NULL
);
";

/// An open counts database.
pub struct Store {
    conn: Connection,
    pad: PathBuf,
}

/// A row of `vragen` as read back.
pub(crate) type VraagRij = (VraagSleutel, u64);

impl Store {
    /// Opens the database at `pad` for writing, creating it with its tables if it does not exist.
    pub fn open(pad: &Path) -> Result<Store, Error> {
        let conn = Connection::open(pad).map_err(|bron| Error::database(pad, bron))?;
        let store = Store { conn, pad: pad.to_owned() };
        store.stel_in(true)?;
        Ok(store)
    }

    /// Opens an existing database only to read it (`cjg plan`): a mistyped path is an error,
    /// not a new empty database.
    pub fn lees(pad: &Path) -> Result<Store, Error> {
        if !pad.is_file() {
            return Err(Error::GeenDatabase(pad.to_owned()));
        }
        let conn = Connection::open_with_flags(pad, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|bron| Error::database(pad, bron))?;
        let store = Store { conn, pad: pad.to_owned() };
        store.stel_in(false)?;
        Ok(store)
    }

    fn stel_in(&self, schrijven: bool) -> Result<(), Error> {
        let fout = |bron| Error::database(&self.pad, bron);
        // Another process (the collector, `cjg registreer`) may be committing: wait for it.
        self.conn.busy_timeout(Duration::from_secs(10)).map_err(fout)?;
        let versie: i64 = self.conn.query_row("PRAGMA user_version", [], |rij| rij.get(0)).map_err(fout)?;
        if schrijven {
            self.conn.pragma_update(None, "journal_mode", "WAL").map_err(fout)?;
            self.conn.pragma_update(None, "synchronous", "FULL").map_err(fout)?;
            if versie == 0 {
                let tabellen: i64 =
                    self.conn.query_row("SELECT count(*) FROM sqlite_schema", [], |rij| rij.get(0)).map_err(fout)?;
                if tabellen > 0 {
                    return Err(Error::VreemdeDatabase { pad: self.pad.clone(), versie });
                }
                self.conn
                    .execute_batch(&format!("BEGIN; {SCHEMA} PRAGMA user_version = {VERSIE}; COMMIT;"))
                    .map_err(fout)?;
                return Ok(());
            }
        }
        if versie != VERSIE {
            return Err(Error::VreemdeDatabase { pad: self.pad.clone(), versie });
        }
        Ok(())
    }

    /// Adds a batch's counts in one transaction; when this returns `Ok`, they are on disk.
    pub(crate) fn voeg_toe(&mut self, telling: &Telling) -> Result<(), Error> {
        let pad = self.pad.clone();
        let fout = |bron| Error::database(&pad, bron);
        let tx = self.conn.transaction().map_err(fout)?;
        {
            let mut vragen = tx
                .prepare_cached(
                    "INSERT INTO vragen (dag, kanaal, doelgroep, thema, pagina, urgent, aantal) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(fout)?;
            for (s, aantal) in &telling.vragen {
                let dag = s.dag.to_string();
                vragen
                    .execute(params![dag, s.kanaal.naam(), s.doelgroep.naam(), s.thema, s.pagina, s.urgent, aantal])
                    .map_err(fout)?;
            }
            let mut termen = tx
                .prepare_cached(
                    "INSERT INTO termen (dag, doelgroep, term, beantwoord, aantal) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(fout)?;
            for (s, aantal) in &telling.termen {
                termen
                    .execute(params![s.dag.to_string(), s.doelgroep.naam(), s.term, s.beantwoord, aantal])
                    .map_err(fout)?;
            }
            let mut onbeantwoord = tx
                .prepare_cached(
                    "INSERT INTO onbeantwoord (dag, doelgroep, termen, aantal) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(fout)?;
            for (s, aantal) in &telling.onbeantwoord {
                onbeantwoord.execute(params![s.dag.to_string(), s.doelgroep.naam(), s.termen, aantal]).map_err(fout)?;
            }
            let mut feedback = tx
                .prepare_cached(
                    "INSERT INTO feedback (dag, pagina, geholpen, bron, aantal) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT DO UPDATE SET aantal = aantal + excluded.aantal",
                )
                .map_err(fout)?;
            for (s, aantal) in &telling.feedback {
                feedback
                    .execute(params![s.dag.to_string(), s.pagina, s.geholpen, s.bron.naam(), aantal])
                    .map_err(fout)?;
            }
        }
        tx.commit().map_err(fout)
    }

    /// Replaces the staff form's token hash (so a new token revokes the old one).
    pub(crate) fn zet_token(&self, hash: &TokenHash, dag: Dag) -> Result<(), Error> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO toegang (id, zout, hash, dag) VALUES (1, ?1, ?2, ?3)",
                params![hash.zout.as_slice(), hash.hash.as_slice(), dag.to_string()],
            )
            .map(drop)
            .map_err(|bron| Error::database(&self.pad, bron))
    }

    /// The staff form's token hash, if a token was made.
    pub(crate) fn token(&self) -> Result<Option<TokenHash>, Error> {
        self.conn
            .query_row("SELECT zout, hash FROM toegang WHERE id = 1", [], |rij| {
                Ok((rij.get::<_, Vec<u8>>(0)?, rij.get::<_, Vec<u8>>(1)?))
            })
            .optional()
            .map_err(|bron| Error::database(&self.pad, bron))?
            .map(|(zout, hash)| TokenHash::uit_bytes(&zout, &hash).ok_or_else(|| self.onleesbaar("toegang")))
            .transpose()
    }

    /// The rows of `vragen` from `sinds` on.
    pub(crate) fn vragen(&self, sinds: Dag) -> Result<Vec<VraagRij>, Error> {
        self.rijen(
            "SELECT dag, kanaal, doelgroep, thema, pagina, urgent, aantal FROM vragen WHERE dag >= ?1",
            sinds,
            |rij| {
                let sleutel = VraagSleutel {
                    dag: self.dag(&rij.get::<_, String>(0)?)?,
                    kanaal: self.naam(&rij.get::<_, String>(1)?)?,
                    doelgroep: self.naam(&rij.get::<_, String>(2)?)?,
                    thema: rij.get(3)?,
                    pagina: rij.get(4)?,
                    urgent: rij.get(5)?,
                };
                Ok((sleutel, rij.get(6)?))
            },
        )
    }

    /// The rows of `onbeantwoord` from `sinds` on.
    pub(crate) fn onbeantwoord(&self, sinds: Dag) -> Result<Vec<(OnbeantwoordSleutel, u64)>, Error> {
        self.rijen("SELECT dag, doelgroep, termen, aantal FROM onbeantwoord WHERE dag >= ?1", sinds, |rij| {
            let sleutel = OnbeantwoordSleutel {
                dag: self.dag(&rij.get::<_, String>(0)?)?,
                doelgroep: self.naam(&rij.get::<_, String>(1)?)?,
                termen: rij.get(2)?,
            };
            Ok((sleutel, rij.get(3)?))
        })
    }

    /// Per doelgroep and term, how often it occurred in unanswered questions from `sinds` on.
    pub(crate) fn termen_zonder_antwoord(&self, sinds: Dag) -> Result<Vec<(Doelgroep, String, u64)>, Error> {
        self.rijen(
            "SELECT doelgroep, term, sum(aantal) FROM termen WHERE dag >= ?1 AND beantwoord = 0 GROUP BY doelgroep, term",
            sinds,
            |rij| Ok((self.naam(&rij.get::<_, String>(0)?)?, rij.get(1)?, rij.get(2)?)),
        )
    }

    /// Per page, how often "ja" and "nee" were answered from `sinds` on (both sources together).
    pub(crate) fn feedback(&self, sinds: Dag) -> Result<Vec<(String, u64, u64)>, Error> {
        self.rijen(
            "SELECT pagina, sum(CASE WHEN geholpen THEN aantal ELSE 0 END), sum(CASE WHEN geholpen THEN 0 ELSE aantal END)
             FROM feedback WHERE dag >= ?1 GROUP BY pagina",
            sinds,
            |rij| Ok((rij.get(0)?, rij.get(1)?, rij.get(2)?)),
        )
    }

    fn rijen<T>(
        &self,
        sql: &str,
        sinds: Dag,
        lees: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, Error> {
        let fout = |bron| Error::database(&self.pad, bron);
        let mut stmt = self.conn.prepare(sql).map_err(fout)?;
        let rijen = stmt.query_map([sinds.to_string()], lees).map_err(fout)?;
        rijen.collect::<Result<Vec<T>, _>>().map_err(fout)
    }

    fn dag(&self, tekst: &str) -> rusqlite::Result<Dag> {
        tekst.parse().map_err(|_| ongeldige_waarde(tekst))
    }

    fn naam<T: std::str::FromStr>(&self, tekst: &str) -> rusqlite::Result<T> {
        tekst.parse().map_err(|_| ongeldige_waarde(tekst))
    }

    fn onleesbaar(&self, tabel: &str) -> Error {
        Error::database(&self.pad, ongeldige_waarde(tabel))
    }
}

fn ongeldige_waarde(waarde: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidParameterName(format!("unexpected value {waarde:?} in the counts"))
}

/// `cjg registreer`: adds `aantal` desk questions on `dag` to the counts in `db`, checked
/// against the vocabulary of the built site in `site`.
pub fn registreer(
    db: &Path,
    site: &Path,
    kanaal: Kanaal,
    doelgroep: Doelgroep,
    onderwerp: Onderwerp,
    aantal: u32,
    dag: Dag,
) -> Result<(), Error> {
    if dag > crate::vandaag() {
        return Err(Error::Toekomst(dag));
    }
    let vocabulaire = Vocabulaire::lees(site)?;
    let vraag = Vraag::aan_balie(kanaal, doelgroep, onderwerp, aantal, &vocabulaire)?;
    let mut telling = Telling::default();
    telling.tel(dag, &Gebeurtenis::Vraag(vraag));
    Store::open(db)?.voeg_toe(&telling)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;
    use crate::gebeurtenis::tests::vocabulaire;
    use crate::gebeurtenis::{Bron, Feedback};

    fn vraag_json(doelgroep: &str, pagina: Option<&str>, urgent: bool, termen: &[&str]) -> Gebeurtenis {
        let json = serde_json::json!({"doelgroep": doelgroep, "pagina": pagina, "urgent": urgent, "termen": termen});
        Gebeurtenis::Vraag(Vraag::uit_json(json.to_string().as_bytes(), &vocabulaire()).unwrap())
    }

    #[test]
    fn counts_add_up_across_commits_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join("tellingen.db");
        let dag = Dag::constant(2026, 11, 25);
        for _ in 0..2 {
            let mut store = Store::open(&pad).unwrap();
            let mut telling = Telling::default();
            telling.tel(dag, &vraag_json("ouders", None, true, &["koorts", "slap"]));
            store.voeg_toe(&telling).unwrap();
        }
        let store = Store::lees(&pad).unwrap();
        let vragen = store.vragen(dag).unwrap();
        assert_eq!(vragen.len(), 1);
        assert_eq!(vragen[0].1, 2);
        assert!(vragen[0].0.urgent);
        let gaten = store.onbeantwoord(dag).unwrap();
        assert_eq!((gaten[0].0.termen.as_str(), gaten[0].1), ("koorts slap", 2));
        assert!(store.vragen(dag.tomorrow().unwrap()).unwrap().is_empty());
    }

    #[test]
    fn plan_refuses_a_database_that_does_not_exist_or_is_not_ours() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(Store::lees(&dir.path().join("typo.db")), Err(Error::GeenDatabase(_))));
        assert!(!dir.path().join("typo.db").exists());
        let vreemd = dir.path().join("vreemd.db");
        Connection::open(&vreemd).unwrap().execute_batch("CREATE TABLE x (y)").unwrap();
        assert!(matches!(Store::open(&vreemd), Err(Error::VreemdeDatabase { .. })));
    }

    #[test]
    fn desk_registration_refuses_the_future_and_unknown_themes() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("public");
        std::fs::create_dir_all(site.join("registratie")).unwrap();
        std::fs::write(
            site.join("registratie/vocabulaire.json"),
            r#"{"termen": [], "paginas": [], "themas": ["gedrag"]}"#,
        )
        .unwrap();
        let db = dir.path().join("t.db");
        let gedrag = || Onderwerp::Thema("gedrag".into());
        let morgen = crate::vandaag().tomorrow().unwrap();
        assert!(matches!(
            registreer(&db, &site, Kanaal::Chat, Doelgroep::Ouders, gedrag(), 1, morgen),
            Err(Error::Toekomst(_))
        ));
        let sport = Onderwerp::Thema("sport".into());
        assert!(registreer(&db, &site, Kanaal::Chat, Doelgroep::Ouders, sport, 1, crate::vandaag()).is_err());
        let dag = Dag::constant(2026, 3, 2);
        registreer(&db, &site, Kanaal::Chat, Doelgroep::Ouders, gedrag(), 7, dag).unwrap();
        let vragen = Store::lees(&db).unwrap().vragen(dag).unwrap();
        assert_eq!((vragen[0].0.kanaal, vragen[0].0.thema.as_str(), vragen[0].1), (Kanaal::Chat, "gedrag", 7));
    }

    fn gebeurtenis() -> impl Strategy<Value = Gebeurtenis> {
        let termen = prop::sample::subsequence(vec!["koorts", "pest", "schuld", "slap", "zakgeld"], 0..=5);
        let pagina = prop::option::of(prop::sample::select(vec![
            "/contact/",
            "/ouders/gedrag/driftbuien/",
            "/jongeren/geld/zakgeld/",
        ]));
        let vraag = (prop::sample::select(vec!["ouders", "jongeren", "onbekend"]), pagina, any::<bool>(), termen)
            .prop_map(|(d, p, u, t)| vraag_json(d, p, u, &t));
        let feedback =
            (prop::sample::select(vec!["/contact/", "/jongeren/geld/zakgeld/"]), any::<bool>(), any::<bool>())
                .prop_map(|(pagina, geholpen, widget)| {
                    let bron = if widget { Bron::Widget } else { Bron::Pagina };
                    Gebeurtenis::Feedback(Feedback { pagina: pagina.into(), geholpen, bron })
                });
        prop_oneof![3 => vraag, 1 => feedback]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn random_batches_are_counted_exactly(batches in prop::collection::vec(prop::collection::vec((0..3u8, gebeurtenis()), 0..20), 1..6)) {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("t.db")).unwrap();
            let eerste = Dag::constant(2026, 11, 23);
            let mut verwacht_vragen: HashMap<(Dag, Doelgroep, String), u64> = HashMap::new();
            let mut verwacht_gaten: HashMap<(Doelgroep, String), u64> = HashMap::new();
            let mut verwacht_feedback: HashMap<String, (u64, u64)> = HashMap::new();
            for batch in &batches {
                let mut telling = Telling::default();
                for (dag, g) in batch {
                    let dag = eerste.checked_add(jiff::Span::new().days(i64::from(*dag))).unwrap();
                    telling.tel(dag, g);
                    match g {
                        Gebeurtenis::Vraag(v) => {
                            *verwacht_vragen.entry((dag, v.doelgroep, v.pagina.clone().unwrap_or_default())).or_default() += 1;
                            if v.pagina.is_none() {
                                *verwacht_gaten.entry((v.doelgroep, v.termen.join(" "))).or_default() += 1;
                            }
                        }
                        Gebeurtenis::Feedback(f) => {
                            let (ja, nee) = verwacht_feedback.entry(f.pagina.clone()).or_default();
                            *if f.geholpen { ja } else { nee } += 1;
                        }
                    }
                }
                store.voeg_toe(&telling).unwrap();
            }
            let mut vragen: HashMap<(Dag, Doelgroep, String), u64> = HashMap::new();
            for (s, aantal) in store.vragen(eerste).unwrap() {
                *vragen.entry((s.dag, s.doelgroep, s.pagina)).or_default() += aantal;
            }
            prop_assert_eq!(vragen, verwacht_vragen);
            let mut gaten: HashMap<(Doelgroep, String), u64> = HashMap::new();
            for (s, aantal) in store.onbeantwoord(eerste).unwrap() {
                *gaten.entry((s.doelgroep, s.termen)).or_default() += aantal;
            }
            prop_assert_eq!(gaten, verwacht_gaten);
            let feedback: HashMap<String, (u64, u64)> = store.feedback(eerste).unwrap().into_iter().map(|(p, ja, nee)| (p, (ja, nee))).collect();
            prop_assert_eq!(feedback, verwacht_feedback);
        }
    }
}
