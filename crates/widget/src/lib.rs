//! The question engine for the browser: wasm-bindgen bindings around
//! [`cjg_search::Engine`], used by `widget/cjg-vraag.js`. No logic of its own, so the
//! browser answers exactly as `cjg ask` does.

use cjg_search::MAX_ANSWERS;
use wasm_bindgen::prelude::*;

/// A loaded index bundle, answering questions in the visitor's browser.
#[wasm_bindgen]
pub struct Vraagbaak(cjg_search::Engine);

#[wasm_bindgen]
impl Vraagbaak {
    /// Loads the index bundle (`zoekindex.HASH.bin`).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8]) -> Result<Vraagbaak, JsError> {
        cjg_search::Engine::from_bytes(bytes).map(Vraagbaak).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The parts of a large site's index that `vraag` needs and that are not loaded yet
    /// (fetch `zoekindex.HASH.<n>.bin` for each and give it to `add_part` before `ask`);
    /// empty on a small site, whose bundle holds everything.
    pub fn parts_needed(&self, vraag: &str) -> Vec<u32> {
        self.0.parts_needed(vraag)
    }

    /// Loads part `number` of the index.
    pub fn add_part(&self, number: u32, bytes: &[u8]) -> Result<(), JsError> {
        self.0.add_part(number, bytes).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Answers a question as JSON (`{"urgent":…,"answers":[…],"termen":[…]}`);
    /// `doelgroep` is `"ouders"`, `"jongeren"` or `""` for everyone.
    pub fn ask(&self, vraag: &str, doelgroep: &str) -> String {
        // The component sends only the words of its own choices; another word asks for everyone.
        let doelgroep = doelgroep.parse().ok();
        let antwoord = self.0.ask(vraag, doelgroep, MAX_ANSWERS);
        serde_json::to_string(&antwoord).unwrap_or_else(|_| r#"{"urgent":false,"answers":[],"termen":[]}"#.into())
    }
}
