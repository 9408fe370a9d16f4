//! The words of `yibao calendar` that dates need: the day of the week.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::text::Lang;

/// The day of the week of `day`: 星期四 in Chinese, Thu in English.
pub fn weekday(day: NaiveDate, lang: Lang) -> &'static str {
    let (zh, en) = match day.weekday() {
        Weekday::Mon => ("星期一", "Mon"),
        Weekday::Tue => ("星期二", "Tue"),
        Weekday::Wed => ("星期三", "Wed"),
        Weekday::Thu => ("星期四", "Thu"),
        Weekday::Fri => ("星期五", "Fri"),
        Weekday::Sat => ("星期六", "Sat"),
        Weekday::Sun => ("星期日", "Sun"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_is_named_in_both_languages() {
        let monday = NaiveDate::from_ymd_opt(2026, 9, 28).unwrap();
        let names: Vec<_> = monday
            .iter_days()
            .take(7)
            .map(|d| (weekday(d, Lang::Zh), weekday(d, Lang::En)))
            .collect();
        assert_eq!(names[0], ("星期一", "Mon"));
        assert_eq!(names[3], ("星期四", "Thu"));
        assert_eq!(names[6], ("星期日", "Sun"));
    }
}
