//! The staff form's token: 128 random bits, shown once, stored only as a salted SHA-256.
//! A fast hash is enough because the token is random, not a password a person chose:
//! guessing it is as hard as guessing 128 random bits.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::store::Store;

const TOKEN_BYTES: usize = 16;
const ZOUT_BYTES: usize = 16;

/// What the database keeps of the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TokenHash {
    pub zout: [u8; ZOUT_BYTES],
    pub hash: [u8; 32],
}

impl TokenHash {
    fn van(token: &str, zout: [u8; ZOUT_BYTES]) -> TokenHash {
        let mut hasher = Sha256::new();
        hasher.update(zout);
        hasher.update(token.as_bytes());
        TokenHash { zout, hash: hasher.finalize().into() }
    }

    /// Rebuilds the hash from the database's columns; `None` when their sizes are wrong.
    pub fn uit_bytes(zout: &[u8], hash: &[u8]) -> Option<TokenHash> {
        Some(TokenHash { zout: zout.try_into().ok()?, hash: hash.try_into().ok()? })
    }

    /// Whether `token` is the one this hash was made from, in time independent of where they differ.
    pub fn past(&self, token: &str) -> bool {
        let kandidaat = TokenHash::van(token, self.zout);
        kandidaat.hash.iter().zip(self.hash.iter()).fold(0u8, |verschil, (a, b)| verschil | (a ^ b)) == 0
    }
}

fn willekeurig<const N: usize>() -> Result<[u8; N], Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|bron| Error::Toeval(bron.to_string()))?;
    Ok(bytes)
}

/// `cjg registreer token`: makes a new token for the staff form, stores its hash in `db`
/// (replacing any earlier token, which then stops working) and returns it to show once.
pub fn maak_token(db: &Path) -> Result<String, Error> {
    let token: String = willekeurig::<TOKEN_BYTES>()?.iter().map(|b| format!("{b:02x}")).collect();
    let hash = TokenHash::van(&token, willekeurig()?);
    Store::open(db)?.zet_token(&hash, crate::vandaag())?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_token_itself_fits_and_it_is_not_stored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let token = maak_token(&db).unwrap();
        assert_eq!(token.len(), 32);
        let hash = Store::open(&db).unwrap().token().unwrap().unwrap();
        assert!(hash.past(&token));
        assert!(!hash.past(""));
        assert!(!hash.past(&token[1..]));
        assert!(!hash.past(&token.to_uppercase()));
        let bytes = std::fs::read(&db).unwrap();
        assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()));
    }

    #[test]
    fn a_new_token_revokes_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let oud = maak_token(&db).unwrap();
        let nieuw = maak_token(&db).unwrap();
        let hash = Store::open(&db).unwrap().token().unwrap().unwrap();
        assert!(hash.past(&nieuw) && !hash.past(&oud));
    }
}
