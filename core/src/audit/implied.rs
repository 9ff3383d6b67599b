//! The inverse of rounding: from a published figure, the exact half-open interval of the
//! values that print as it, and of the one unknown input that reproduces it.
//!
//! A document prints scores rounded half-up to two decimals: a published 98,58 % stands
//! for every score from 98,575 up to, not including, 98,585. Against an at-least target
//! the achievement is actual / target × 100, so the actuals that print 98,58 % against
//! `>= 25 %` are those from 24,64375 up to, not including, 24,64625 (the document prints
//! 24,64 %). In a weighted mean R = Σ(m·p) / Σp, one term's score is found from R the
//! same way, the others held fixed. Every step is a product, a sum or a division by a
//! weight or a target, exact in decimals (to their 28 digits); nothing here rounds.

use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The values `low ≤ v < high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    pub low: Decimal,
    pub high: Decimal,
}

impl Interval {
    pub fn contains(&self, value: Decimal) -> bool {
        self.low <= value && value < self.high
    }

    /// Whether the two intervals share a value.
    pub fn meets(&self, other: &Interval) -> bool {
        self.low < other.high && other.low < self.high
    }
}

/// The values that print as `printed` with `decimals` decimals, rounded half-up:
/// `[printed − ½ unit, printed + ½ unit)`. `None` on overflow.
pub fn rounding(printed: Decimal, decimals: u32) -> Option<Interval> {
    let half = Decimal::unit_in_place(decimals.min(Decimal::MAX_SCALE - 1)).checked_div(Decimal::from(2))?;
    Some(Interval { low: printed.checked_sub(half)?, high: printed.checked_add(half)? })
}

/// The scores a published score (two decimals) stands for.
pub fn published_scores(published: Decimal) -> Option<Interval> {
    rounding(published, 2)
}

/// The actuals whose achievement against an at-least (or equality, from below) `target`
/// lies in `scores`, where achievement = actual / target × 100: `None` unless the target
/// is positive and the scores lie within 0–100, where that rule holds.
pub fn actual_for_ratio(scores: Interval, target: Decimal) -> Option<Interval> {
    if target <= Decimal::ZERO || scores.low < Decimal::ZERO || scores.high > Decimal::ONE_HUNDRED {
        return None;
    }
    let scale = |score: Decimal| score.checked_mul(target)?.checked_div(Decimal::ONE_HUNDRED).map(Decimal::normalize);
    Some(Interval { low: scale(scores.low)?, high: scale(scores.high)? })
}

/// The actuals that print a published achievement (two decimals) against an at-least
/// `target`: `implied_actual(98.58, 25)` is `[24.64375, 24.64625)`.
pub fn implied_actual(published: Decimal, target: Decimal) -> Option<Interval> {
    actual_for_ratio(published_scores(published)?, target)
}

/// In a weighted mean whose sum of weights is `sum_weights` and whose other terms add up
/// to `others` (Σ m·p without this one), the scores of the term of `weight` that give a
/// mean in `means`: `[(low·Σp − others) / p, (high·Σp − others) / p)`.
pub fn term_for_mean(means: Interval, sum_weights: Decimal, others: Decimal, weight: Decimal) -> Option<Interval> {
    if weight <= Decimal::ZERO {
        return None;
    }
    let solve = |mean: Decimal| mean.checked_mul(sum_weights)?.checked_sub(others)?.checked_div(weight).map(Decimal::normalize);
    Some(Interval { low: solve(means.low)?, high: solve(means.high)? })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn the_issues_example() {
        let interval = implied_actual(d("98.58"), d("25")).unwrap();
        assert_eq!((interval.low, interval.high), (d("24.64375"), d("24.64625")));
        assert!(!interval.contains(d("24.64")) && interval.contains(d("24.645")));
        assert_eq!(implied_actual(d("98.58"), d("0")), None);
        assert_eq!(implied_actual(d("100"), d("25")), None, "100 % is met: no upper end");
    }

    #[test]
    fn one_term_of_a_mean() {
        // (m + 100) / 2 printed as 99,29: m from 98,575 to 98,585.
        let m = term_for_mean(published_scores(d("99.29")).unwrap(), d("100"), d("5000"), d("50")).unwrap();
        assert_eq!((m.low, m.high), (d("98.57"), d("98.59")));
        assert_eq!(term_for_mean(m, d("1"), d("0"), d("0")), None);
    }
}
