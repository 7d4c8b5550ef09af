//! The particles of Dutch separable verbs: "op" in "opsluiten", which splits off in
//! "ze sluiten me op". Used by the lexicon (to find the verbs they make) and by the search
//! engine (to join them again in a question).

/// Particles of separable verbs, longest first so that `achterop` wins over `achter`.
pub const PARTICLES: [&str; 34] = [
    "achteruit", "achterover", "achterop", "achterna", "tegemoet", "terecht", "achter", "binnen", "buiten",
    "samen", "terug", "voorbij", "eruit", "erin", "eraf", "erop", "kapot", "dicht", "open", "door", "over",
    "onder", "thuis", "weg", "mee", "aan", "uit", "bij", "neer", "toe", "voor", "los", "af", "op",
];
