//! Calendar days, the finest time cjg knows: one "today" (the CJG's own day, in
//! Europe/Amsterdam, whatever the machine's clock zone) and one way to write a date in Dutch.

/// A calendar day.
pub type Dag = jiff::civil::Date;

/// The time zone of every CJG: a day starts at midnight in the Netherlands.
const ZONE: &str = "Europe/Amsterdam";

const MAANDEN: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/// Today in the Netherlands. Without a time-zone database on the machine, the machine's own zone.
pub fn today() -> Dag {
    let now = jiff::Timestamp::now();
    match jiff::tz::TimeZone::get(ZONE) {
        Ok(zone) => now.to_zoned_datetime(zone).date(),
        Err(_) => now.to_zoned_datetime(jiff::tz::TimeZone::system()).date(),
    }
}

/// `25 november 2026`.
pub fn dutch_date(dag: Dag) -> String {
    let maand = MAANDEN[usize::try_from(dag.month() - 1).expect("months are 1 to 12")];
    format!("{} {maand} {}", dag.day(), dag.year())
}

/// Whole days from `from` to `to`; negative when `to` is earlier.
pub fn days_between(from: Dag, to: Dag) -> i64 {
    i64::from((to - from).get_days())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_in_dutch() {
        assert_eq!(dutch_date(date(2026, 11, 5)), "5 november 2026");
        assert_eq!(dutch_date(date(2027, 1, 31)), "31 januari 2027");
    }

    #[test]
    fn days_between_counts_across_years_and_back() {
        assert_eq!(days_between(date(2025, 12, 31), date(2026, 1, 1)), 1);
        assert_eq!(days_between(date(2024, 3, 1), date(2024, 2, 28)), -2);
        assert_eq!(days_between(date(1970, 1, 1), date(2025, 11, 25)), 20_417);
    }

    #[test]
    fn today_is_a_day_in_the_netherlands() {
        let utc = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date();
        assert!(days_between(utc, today()).abs() <= 1);
    }
}
