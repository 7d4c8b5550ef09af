//! The home page's top 5 per doelgroep from real questions: reads a `cjg plan --json` export
//! and orders each doelgroep's themes by how often they were asked, when there were enough
//! questions to go by; otherwise the front matter order stays.

use std::collections::HashMap;
use std::path::Path;

use cjg_site::{Doelgroep, Site};
use serde::Deserialize;

use crate::error::CliError;

/// Fewer questions than this in the plan's period, for a doelgroep, keep the editors' order.
pub const MIN_QUESTIONS: u64 = 50;

#[derive(Deserialize)]
struct Plan {
    doelgroepen: Vec<DoelgroepPlan>,
}

#[derive(Deserialize)]
struct DoelgroepPlan {
    doelgroep: String,
    vragen: Reeks,
    themas: Vec<Thema>,
}

#[derive(Deserialize)]
struct Reeks {
    totaal: Aantal,
}

#[derive(Deserialize)]
struct Thema {
    naam: String,
    totaal: Aantal,
}

/// A count as `cjg plan` shows it: a number, or "<5" (read as 0: too small to rank by).
#[derive(Deserialize)]
#[serde(untagged)]
enum Aantal {
    Getal(u64),
    Klein(serde::de::IgnoredAny),
}

impl Aantal {
    fn waarde(&self) -> u64 {
        match self {
            Aantal::Getal(n) => *n,
            Aantal::Klein(_) => 0,
        }
    }
}

/// Orders the themes of `site` by the counts in `file`; returns the doelgroepen it reordered.
pub fn apply(site: &mut Site, file: &Path) -> Result<Vec<&'static str>, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::Counts(format!("{}: {e}", file.display())))?;
    let plan: Plan = serde_json::from_str(&text).map_err(|e| CliError::Counts(format!("{}:{}: {e}", file.display(), e.line())))?;
    let mut ordered = Vec::new();
    for doelgroep in [Doelgroep::Ouders, Doelgroep::Jongeren] {
        let Some(counts) = plan.doelgroepen.iter().find(|d| d.doelgroep == doelgroep.as_str()) else { continue };
        if counts.vragen.totaal.waarde() < MIN_QUESTIONS {
            continue;
        }
        let asked: HashMap<String, u64> = counts.themas.iter().map(|t| (t.naam.clone(), t.totaal.waarde())).collect();
        site.order_themes(doelgroep, &asked);
        ordered.push(doelgroep.as_str());
    }
    Ok(ordered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_rank_as_zero() {
        let plan: Plan = serde_json::from_str(
            r#"{"doelgroepen":[{"doelgroep":"ouders","vragen":{"totaal":80},"themas":[{"naam":"gedrag","totaal":"<5"},{"naam":"opvoeden","totaal":40}]}]}"#,
        )
        .unwrap();
        assert_eq!(plan.doelgroepen[0].themas[0].totaal.waarde(), 0);
        assert_eq!(plan.doelgroepen[0].themas[1].totaal.waarde(), 40);
    }
}
