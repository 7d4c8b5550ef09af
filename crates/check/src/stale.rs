//! Pages whose facts were last checked long ago.

use cjg_site::{Kind, Site};

use crate::finding::{Finding, Soort};

/// Advice for pages whose `updated` is more than `max_age_days` before `today` (days since 1970), or missing.
pub fn check(site: &Site, today: i64, max_age_days: i64) -> Vec<Finding> {
    let mut findings = Vec::new();
    for page in site.entries().iter().filter(|p| p.kind == Kind::Page) {
        let date = page.front_matter.updated_date();
        let soort = match date {
            None => Soort::Verouderd { bijgewerkt: None, dagen: None },
            Some(d) => {
                let age = today - days_from_civil(i64::from(d.year), u32::from(d.month), u32::from(d.day));
                if age <= max_age_days {
                    continue;
                }
                Soort::Verouderd { bijgewerkt: page.front_matter.updated_iso(), dagen: Some(age) }
            }
        };
        findings.push(Finding::advies(&page.shown, Some(1), soort));
    }
    findings
}

/// A calendar date to days since 1970-01-01 (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::days_from_civil;

    #[test]
    fn round_trips_with_the_site_crate() {
        for days in [0, 20_417, 19_000, 30_000] {
            let (y, m, d) = cjg_site::civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
