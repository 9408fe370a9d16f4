//! The first day of benefits after a waiting period, where both its length and the month it
//! counts from are known: the first day of the month `months` after the first month paid at
//! the destination (青岛's published example: enrolled for 2027, a 4-month wait, benefits
//! from 2027-05-01). Pure arithmetic on the waiting period already assessed.

use chrono::NaiveDate;

use super::Waiting;
use crate::dates::Month;

impl Waiting {
    /// Benefits from this day at the earliest; `None` without a fixed waiting period (none,
    /// or only a ceiling known) or without the first month paid.
    pub fn benefits_from(&self, paid_from: Option<Month>) -> Option<NaiveDate> {
        let months = self.months.filter(|m| *m > 0)?;
        let start = paid_from?.plus(i32::try_from(months).ok()?)?;
        Some(start.first_day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::transfer::waiting::Reading;

    #[test]
    fn a_four_month_wait_from_january_ends_on_the_first_of_may() {
        let mut w = Waiting {
            reading: Reading::Unknown,
            gap_months: None,
            missed_years: None,
            months: Some(4),
            up_to_months: None,
            min_after_repair_months: None,
            cites: Vec::new(),
            unverified: false,
            conditional: false,
            payable: false,
        };
        let jan = Month::new(2027, 1);
        assert_eq!(w.benefits_from(jan), "2027-05-01".parse().ok());
        w.months = Some(0);
        assert_eq!(w.benefits_from(jan), None);
        w.months = Some(3);
        assert_eq!(w.benefits_from(None), None);
        assert_eq!(
            w.benefits_from(Month::new(2026, 11)),
            "2027-02-01".parse().ok()
        );
    }
}
