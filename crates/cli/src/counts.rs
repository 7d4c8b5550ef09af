//! The home page's top 5 per doelgroep from real questions: reads a `cjg plan --json` export
//! and orders each doelgroep's themes by how often they were asked, when there were enough
//! questions to go by; otherwise the front matter order stays. It reads the plan's own figures
//! (`cjg_registratie::Tellingen`): hidden ones ("<5", "x") count as 0, so the order on the home
//! page says nothing the plan does not show, and an export with an exact number under 5 is refused.

use std::collections::HashMap;
use std::path::Path;

use cjg_common::Doelgroep;
use cjg_registratie::{Aantal, Tellingen};
use cjg_site::Site;

use crate::error::CliError;

/// Fewer questions than this in the plan's period, for a doelgroep, keep the editors' order.
pub const MIN_QUESTIONS: u64 = 50;

/// Orders the themes of `site` by the counts in `file`; returns the doelgroepen it reordered.
pub fn apply(site: &mut Site, file: &Path) -> Result<Vec<&'static str>, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::Counts(format!("{}: {e}", file.display())))?;
    let plan = Tellingen::from_json(&text).map_err(|e| CliError::Counts(format!("{}: {e}", file.display())))?;
    let mut ordered = Vec::new();
    for doelgroep in [Doelgroep::Ouders, Doelgroep::Jongeren] {
        let Some(counts) = plan.doelgroepen.iter().find(|d| d.doelgroep == Some(doelgroep)) else { continue };
        if shown(counts.vragen.totaal) < MIN_QUESTIONS {
            continue;
        }
        let asked: HashMap<String, u64> = counts.themas.iter().map(|t| (t.naam.clone(), shown(t.totaal))).collect();
        site.order_themes(doelgroep, &asked);
        ordered.push(doelgroep.as_str());
    }
    Ok(ordered)
}

/// A figure to rank by: hidden ones are too small (or kept back) to rank by.
fn shown(aantal: Aantal) -> u64 {
    aantal.zichtbaar().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_rank_as_zero() {
        let plan = Tellingen::from_json(
            r#"{"doelgroepen":[{"doelgroep":"ouders","vragen":{"totaal":80},"themas":[{"naam":"gedrag","totaal":"<5"},{"naam":"opvoeden","totaal":40},{"naam":"slapen","totaal":"x"}]}]}"#,
        )
        .unwrap();
        assert_eq!(shown(plan.doelgroepen[0].themas[0].totaal), 0);
        assert_eq!(shown(plan.doelgroepen[0].themas[1].totaal), 40);
        assert_eq!(shown(plan.doelgroepen[0].themas[2].totaal), 0);
    }
}
