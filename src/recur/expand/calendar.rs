//! Calendar arithmetic of the expansion: leap years, month lengths, the weekday of a month's
//! first day (no chrono call in the masks' inner loops).

/// Days before the first of each month in a common year.
pub(super) const CUMULATIVE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

pub(super) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(super) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Weekday (0 = Monday) of the first day of month `m` (1..=12) of year `y` (> 0).
pub(super) fn weekday_of_first(y: i32, m: u32) -> u32 {
    // Sakamoto's method; 0 = Sunday there.
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let t = T[(m as usize + 11) % 12];
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + t + 1).rem_euclid(7) as u32;
    (sunday_based + 6) % 7
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn weekday_of_first_matches_chrono() {
        for y in 1899..=2201 {
            for m in 1..=12 {
                let d = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
                assert_eq!(
                    weekday_of_first(y, m),
                    d.weekday().num_days_from_monday(),
                    "{d}"
                );
                assert_eq!(
                    days_in_month(y, m),
                    d.with_day(29).map_or(28, |_| d
                        .with_day(31)
                        .map_or(d.with_day(30).map_or(29, |_| 30), |_| 31)),
                    "{d}"
                );
            }
        }
    }
}
