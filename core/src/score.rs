//! The achievement of one indicator: its actual against its target, under the body's
//! policy, with the rule that produced it.
//!
//! Every rule is a small function from inputs to an [`Explanation`], which carries the
//! result. Arithmetic is checked: an overflow makes the indicator unscorable with a
//! reason, it never panics.

use crate::decimal::Decimal;
use crate::explain::{Comparison, Explanation};
use crate::plan::{Actual, Indicator, MeasureUnit, MissedRule, NotAvailableRule, Policy, Target};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// How far the actual is from the target, in the indicator's unit (days for deadlines,
/// positive when late).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deviation {
    pub value: Decimal,
    pub unit: MeasureUnit,
}

/// What scoring an indicator gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// 0-100; `None` when the indicator does not count (N.V., N/D, no target).
    pub achievement: Option<Decimal>,
    pub deviation: Option<Deviation>,
    pub explanation: Explanation,
}

/// The actual as a number in the indicator's unit, if it is a number at all.
pub fn actual_number(actual: &Actual, unit: MeasureUnit) -> Option<Decimal> {
    match actual {
        Actual::Value(v) => Some(*v),
        Actual::Ratio { numerator, denominator } => {
            let quotient = numerator.checked_div(*denominator)?;
            if unit == MeasureUnit::Percent {
                quotient.checked_mul(HUNDRED)
            } else {
                Some(quotient)
            }
        }
        Actual::Flag(yes) => Some(if *yes { Decimal::ONE } else { Decimal::ZERO }),
        Actual::Date(_) | Actual::NotEvaluable { .. } | Actual::NotAvailable { .. } => None,
    }
}

/// Scores one indicator. Its weight plays no part here: a weight of zero drops it out of
/// the weighted mean where it is used, but it keeps its achievement.
pub fn score_indicator(indicator: &Indicator, policy: &Policy) -> Scored {
    let unscored = |explanation| Scored { achievement: None, deviation: None, explanation };
    let actual = match &indicator.actual {
        // The plan's N/D rule: left out, or 0 % for an indicator that has a target.
        None | Some(Actual::NotAvailable { .. }) => {
            return match (policy.not_available, &indicator.target) {
                (NotAvailableRule::Zero, Some(_)) => Scored { achievement: Some(Decimal::ZERO), deviation: None, explanation: Explanation::NotAvailableZero },
                _ => unscored(Explanation::NotAvailable),
            }
        }
        Some(Actual::NotEvaluable { reason }) => return unscored(Explanation::NotEvaluable { reason: reason.clone() }),
        Some(actual) => actual,
    };
    let Some(target) = &indicator.target else {
        return unscored(Explanation::NoTarget);
    };
    match target {
        Target::Deadline { date } => score_deadline(*date, actual, policy),
        _ => match actual_number(actual, indicator.unit) {
            Some(value) => score_comparison(target, value, indicator.unit, policy),
            None => unscored(Explanation::Unscorable {
                reason: match actual {
                    Actual::Ratio { denominator, .. } if denominator.is_zero() => "ratio with a zero denominator".into(),
                    Actual::Ratio { .. } => "ratio too large to compute".into(),
                    _ => "a date actual against a numeric target".into(),
                },
            }),
        },
    }
}

fn score_deadline(deadline: NaiveDate, actual: &Actual, policy: &Policy) -> Scored {
    let done = match actual {
        Actual::Date(done) => *done,
        Actual::Flag(done) => {
            let achievement = if *done { HUNDRED } else { Decimal::ZERO };
            return Scored {
                achievement: Some(achievement),
                deviation: None,
                explanation: Explanation::DoneFlag { deadline, done: *done, result: achievement },
            };
        }
        _ => {
            return Scored { achievement: None, deviation: None, explanation: Explanation::Unscorable { reason: "a numeric actual against a deadline".into() } }
        }
    };
    let days = (done - deadline).num_days();
    let days_late = Decimal::from(days.max(0));
    let penalty = days_late.checked_mul(policy.late_penalty_per_day);
    let result = match penalty.and_then(|p| HUNDRED.checked_sub(p)) {
        Some(r) => clamp(r),
        None => Decimal::ZERO,
    };
    Scored {
        achievement: Some(result),
        deviation: Some(Deviation { value: Decimal::from(days), unit: MeasureUnit::Days }),
        explanation: Explanation::Deadline { deadline, done, days_late: days.max(0), penalty_per_day: policy.late_penalty_per_day, result },
    }
}

fn score_comparison(target: &Target, actual: Decimal, unit: MeasureUnit, policy: &Policy) -> Scored {
    let (comparison, goal) = match target {
        Target::AtLeast { value } => (Comparison::AtLeast, *value),
        Target::MoreThan { value } => (Comparison::MoreThan, *value),
        Target::AtMost { value } => (Comparison::AtMost, *value),
        Target::LessThan { value } => (Comparison::LessThan, *value),
        Target::Equal { value } => (Comparison::Equal, *value),
        Target::Deadline { .. } => unreachable!("deadlines are scored by score_deadline"),
    };
    let met = match comparison {
        Comparison::AtLeast => actual >= goal,
        Comparison::MoreThan => actual > goal,
        Comparison::AtMost => actual <= goal,
        Comparison::LessThan => actual < goal,
        Comparison::Equal => actual == goal,
    };
    let explanation = if met { Explanation::Met { comparison, actual, target: goal, unit } } else { missed(comparison, actual, goal, unit, policy) };
    Scored { achievement: explanation.result(), deviation: actual.checked_sub(goal).map(|value| Deviation { value, unit }), explanation }
}

fn missed(comparison: Comparison, actual: Decimal, target: Decimal, unit: MeasureUnit, policy: &Policy) -> Explanation {
    let zero = |why: &'static str| Explanation::MissedZero { comparison, actual, target, unit, why: why.into() };
    match comparison {
        // The reading of seed 004: achievement = actual / target, capped at 100 %.
        Comparison::AtLeast | Comparison::MoreThan => {
            if target <= Decimal::ZERO {
                return zero("target of zero or below");
            }
            ratio(actual, target).map_or_else(|| zero("overflow"), |result| Explanation::Ratio { comparison, actual, target, unit, result })
        }
        Comparison::AtMost | Comparison::LessThan => match policy.at_most_missed {
            MissedRule::Zero => zero("policy: missed at-most target scores 0"),
            MissedRule::Ratio if target <= Decimal::ZERO || actual <= Decimal::ZERO => zero("target of zero or below: no ratio"),
            MissedRule::Ratio => {
                ratio(target, actual).map_or_else(|| zero("overflow"), |result| Explanation::InverseRatio { comparison, actual, target, unit, result })
            }
        },
        Comparison::Equal => match policy.equal_missed {
            MissedRule::Zero => zero("policy: missed equality target scores 0"),
            MissedRule::Ratio if target <= Decimal::ZERO || actual <= Decimal::ZERO => zero("values of zero or below: no ratio"),
            MissedRule::Ratio => {
                let (small, large) = if actual < target { (actual, target) } else { (target, actual) };
                ratio(small, large).map_or_else(|| zero("overflow"), |result| Explanation::Ratio { comparison, actual, target, unit, result })
            }
        },
    }
}

/// `a / b` as a percentage, between 0 and 100.
fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    Some(clamp(a.checked_div(b)?.checked_mul(HUNDRED)?).normalize())
}

fn clamp(value: Decimal) -> Decimal {
    value.clamp(Decimal::ZERO, HUNDRED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn indicator(unit: MeasureUnit, target: Target, actual: Actual) -> Indicator {
        Indicator { target: Some(target), actual: Some(actual), ..Indicator::new("X", "x", unit) }
    }

    /// One case: unit, target, actual, expected achievement (None: does not count).
    fn check(unit: MeasureUnit, target: Target, actual: Actual, expected: Option<&str>) {
        let scored = score_indicator(&indicator(unit, target.clone(), actual.clone()), &Policy::default());
        assert_eq!(scored.achievement.map(|a| a.round_half_up(2)), expected.map(d), "{target:?} {actual:?}");
        assert_eq!(scored.achievement, scored.explanation.result());
    }

    #[test]
    fn at_least_targets_score_actual_over_target_capped() {
        use MeasureUnit::*;
        // OC_TD_01 and OC_Int_01 of seed 004.
        check(Number, Target::AtLeast { value: d("400") }, Actual::Value(d("242")), Some("60.50"));
        check(Number, Target::AtLeast { value: d("700") }, Actual::Value(d("529")), Some("75.57"));
        check(Percent, Target::AtLeast { value: d("70") }, Actual::Ratio { numerator: d("46"), denominator: d("47") }, Some("100"));
        check(Percent, Target::AtLeast { value: d("25") }, Actual::Value(d("24.645")), Some("98.58"));
        check(Number, Target::MoreThan { value: d("10") }, Actual::Value(d("23.12")), Some("100"));
        check(Number, Target::AtLeast { value: d("10") }, Actual::Value(d("-5")), Some("0"));
        check(Number, Target::AtLeast { value: d("0") }, Actual::Value(d("-5")), Some("0"));
    }

    #[test]
    fn at_most_targets_follow_the_policy_when_missed() {
        use MeasureUnit::*;
        check(Days, Target::AtMost { value: d("0") }, Actual::Value(d("-13.52")), Some("100"));
        check(Days, Target::AtMost { value: d("15") }, Actual::Value(d("20")), Some("75"));
        check(Days, Target::AtMost { value: d("0") }, Actual::Value(d("3")), Some("0"));
        check(Days, Target::LessThan { value: d("60") }, Actual::Value(d("60")), Some("100"));
    }

    #[test]
    fn equality_and_flags() {
        use MeasureUnit::*;
        check(Flag, Target::Equal { value: d("1") }, Actual::Flag(true), Some("100"));
        check(Flag, Target::Equal { value: d("1") }, Actual::Flag(false), Some("0"));
        check(Number, Target::Equal { value: d("235") }, Actual::Value(d("235")), Some("100"));
    }

    #[test]
    fn deadlines_lose_a_point_per_day_late() {
        let by = |s| Target::Deadline { date: date(s) };
        check(MeasureUnit::Date, by("2023-05-31"), Actual::Date(date("2023-06-26")), Some("74"));
        check(MeasureUnit::Date, by("2023-12-31"), Actual::Date(date("2023-12-01")), Some("100"));
        check(MeasureUnit::Date, by("2023-01-01"), Actual::Date(date("2023-12-31")), Some("0"));
        check(MeasureUnit::Date, by("2023-01-01"), Actual::Flag(true), Some("100"));
    }

    #[test]
    fn excluded_and_unscorable_indicators_do_not_count() {
        use MeasureUnit::*;
        check(Number, Target::AtLeast { value: d("1") }, Actual::NotEvaluable { reason: "esogena".into() }, None);
        check(Number, Target::AtLeast { value: d("1") }, Actual::NotAvailable { reason: None }, None);
        check(Number, Target::AtLeast { value: d("1") }, Actual::Ratio { numerator: d("1"), denominator: d("0") }, None);
        let zero = Policy { not_available: NotAvailableRule::Zero, ..Policy::default() };
        let nd = indicator(Number, Target::AtLeast { value: d("1") }, Actual::NotAvailable { reason: None });
        let scored = score_indicator(&nd, &zero);
        assert_eq!((scored.achievement, scored.explanation), (Some(Decimal::ZERO), Explanation::NotAvailableZero));
        check(Number, Target::AtLeast { value: d("1") }, Actual::Date(date("2023-01-01")), None);
        check(Date, Target::Deadline { date: date("2023-01-01") }, Actual::Value(d("3")), None);
    }

    #[test]
    fn huge_values_do_not_panic() {
        check(MeasureUnit::Number, Target::AtLeast { value: Decimal::MAX }, Actual::Value(Decimal::MIN), Some("0"));
        check(MeasureUnit::Number, Target::AtLeast { value: d("0.0000000000000000000000000001") }, Actual::Value(Decimal::MIN), Some("0"));
        check(MeasureUnit::Percent, Target::AtLeast { value: d("1") }, Actual::Ratio { numerator: Decimal::MAX, denominator: d("0.5") }, None);
    }
}
