//! The staff form's tokens: one per staff member, with their name so that it can be revoked
//! when they leave. A token is 128 random bits, shown once, and stored only as a salted
//! SHA-256. A fast hash is enough because the token is random, not a password a person chose:
//! guessing it is as hard as guessing 128 random bits.

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::store::{block_on, Database, Store, StoredToken};
use crate::Dag;

const TOKEN_BYTES: usize = 16;
const SALT_BYTES: usize = 16;

/// A staff member's token as `cjg registreer tokens` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// Who it was given to.
    pub naam: String,
    /// The day it was made.
    pub gemaakt: Dag,
    /// The day it was revoked, if it was.
    pub ingetrokken: Option<Dag>,
}

fn hash(token: &str, zout: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(zout);
    hasher.update(token.as_bytes());
    hasher.finalize().into()
}

/// The name of the staff member whose active token `token` is, if any. Every stored hash is
/// compared in time independent of where it differs.
pub(crate) fn holder<'a>(tokens: &'a [StoredToken], token: &str) -> Option<&'a str> {
    let mut gevonden = None;
    for opgeslagen in tokens {
        let kandidaat = hash(token, &opgeslagen.zout);
        let verschil = if opgeslagen.hash.len() == kandidaat.len() {
            kandidaat.iter().zip(&opgeslagen.hash).fold(0u8, |verschil, (a, b)| verschil | (a ^ b))
        } else {
            1
        };
        if verschil == 0 && opgeslagen.ingetrokken.is_none() {
            gevonden = Some(opgeslagen.naam.as_str());
        }
    }
    gevonden
}

fn random<const N: usize>() -> Result<[u8; N], Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|bron| Error::Randomness(bron.to_string()))?;
    Ok(bytes)
}

fn check_name(naam: &str) -> Result<&str, Error> {
    let naam = naam.trim();
    if naam.is_empty() || naam.chars().count() > 100 || naam.chars().any(char::is_control) {
        return Err(Error::TokenName(naam.to_owned()));
    }
    Ok(naam)
}

/// `cjg registreer token --naam …`: makes a new token for the staff member `naam`, stores its
/// hash in `db` (revoking that person's earlier token, which then stops working) and returns
/// it to show once.
pub fn new_token(db: &Database, naam: &str) -> Result<String, Error> {
    let naam = check_name(naam)?;
    let token: String = random::<TOKEN_BYTES>()?.iter().map(|b| format!("{b:02x}")).collect();
    let zout = random::<SALT_BYTES>()?;
    let opgeslagen = StoredToken {
        naam: naam.to_owned(),
        zout: zout.to_vec(),
        hash: hash(&token, &zout).to_vec(),
        gemaakt: crate::today(),
        ingetrokken: None,
    };
    block_on(async { Store::open(db).await?.add_token(&opgeslagen).await })?;
    Ok(token)
}

/// `cjg registreer intrekken --naam …`: revokes the active token of `naam` from today on.
pub fn revoke_token(db: &Database, naam: &str) -> Result<(), Error> {
    let naam = check_name(naam)?;
    let ingetrokken = block_on(async { Store::open(db).await?.revoke_token(naam, crate::today()).await })?;
    if ingetrokken == 0 {
        return Err(Error::UnknownToken(naam.to_owned()));
    }
    Ok(())
}

/// `cjg registreer tokens`: every token made, oldest first, without the tokens themselves.
pub fn list_tokens(db: &Database) -> Result<Vec<TokenInfo>, Error> {
    let tokens = block_on(async { Store::open_read_only(db).await?.tokens().await })?;
    Ok(tokens.into_iter().map(|t| TokenInfo { naam: t.naam, gemaakt: t.gemaakt, ingetrokken: t.ingetrokken }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(db: &Database) -> Vec<StoredToken> {
        block_on(async { Store::open_read_only(db).await?.tokens().await }).unwrap()
    }

    #[test]
    fn only_the_token_itself_fits_and_it_is_not_stored() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join("t.db");
        let db = Database::Sqlite(pad.clone());
        let token = new_token(&db, "Sanne de Vries").unwrap();
        assert_eq!(token.len(), 32);
        let opgeslagen = tokens(&db);
        assert_eq!(holder(&opgeslagen, &token), Some("Sanne de Vries"));
        assert_eq!(holder(&opgeslagen, ""), None);
        assert_eq!(holder(&opgeslagen, &token[1..]), None);
        assert_eq!(holder(&opgeslagen, &token.to_uppercase()), None);
        let bytes = std::fs::read(&pad).unwrap();
        assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()));
    }

    #[test]
    fn a_new_token_revokes_the_old_one_of_the_same_person_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::Sqlite(dir.path().join("t.db"));
        let oud = new_token(&db, "Sanne").unwrap();
        let ander = new_token(&db, "Ahmed").unwrap();
        let nieuw = new_token(&db, "Sanne").unwrap();
        let opgeslagen = tokens(&db);
        assert_eq!(holder(&opgeslagen, &nieuw), Some("Sanne"));
        assert_eq!(holder(&opgeslagen, &oud), None);
        assert_eq!(holder(&opgeslagen, &ander), Some("Ahmed"));
    }

    #[test]
    fn a_revoked_token_stops_working_and_an_unknown_name_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::Sqlite(dir.path().join("t.db"));
        let token = new_token(&db, "Sanne").unwrap();
        revoke_token(&db, " Sanne ").unwrap();
        assert_eq!(holder(&tokens(&db), &token), None);
        assert!(matches!(revoke_token(&db, "Sanne"), Err(Error::UnknownToken(_))));
        assert!(matches!(new_token(&db, "  "), Err(Error::TokenName(_))));
        let lijst = list_tokens(&db).unwrap();
        assert_eq!((lijst.len(), lijst[0].naam.as_str(), lijst[0].ingetrokken), (1, "Sanne", Some(crate::today())));
    }
}
