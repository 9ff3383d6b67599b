//! Values implausible for the indicator's kind: a percentage above 100 where the target
//! is at most 100 % (a share, or a done/not-done indicator), a negative count, a date
//! outside the plan's year, a ratio measured against a count.

use super::places::Places;
use super::{p_code, AuditCode, Finding, Location};
use crate::decimal::Decimal;
use crate::diagnostic::Param;
use crate::plan::{Actual, Indicator, MeasureUnit, Plan, Target};
use crate::score::actual_number;
use chrono::Datelike;

/// A target's operator and value, unless it is a deadline.
pub(super) fn numeric_target(target: &Target) -> Option<(&'static str, Decimal)> {
    match target {
        Target::AtLeast { value } => Some((">=", *value)),
        Target::MoreThan { value } => Some((">", *value)),
        Target::AtMost { value } => Some(("<=", *value)),
        Target::LessThan { value } => Some(("<", *value)),
        Target::Equal { value } => Some(("=", *value)),
        Target::Deadline { .. } => None,
    }
}

/// An algorithm written as a quotient of two counts, `numero … / numero …` (`N. …`): a
/// share, at most 1 (or 100 %) when the first counts part of the second.
fn counts_quotient(algorithm: &str) -> bool {
    let parts: Vec<&str> = algorithm.split('/').collect();
    let counts = |part: &str| {
        let part = part.trim_start().to_lowercase();
        ["numero ", "num ", "num. ", "n. ", "n "].iter().any(|w| part.starts_with(w))
    };
    parts.len() == 2 && parts.iter().all(|p| counts(p))
}

pub(super) fn check(plan: &Plan, places: &Places<'_>, out: &mut Vec<Finding>) {
    let year = plan.ente.year;
    for place in &places.indicators {
        let indicator: &Indicator = place.indicator;
        let at = |field: &str| Location { path: format!("{}.{field}", place.path), ..places.at(&place.id, field) };
        let actual = indicator.actual.as_ref().and_then(|a| actual_number(a, indicator.unit));
        let target = indicator.target.as_ref().and_then(numeric_target);
        let share = indicator.algorithm.as_deref().is_some_and(counts_quotient);
        if let (MeasureUnit::Percent, Some(value), Some((op, goal))) = (indicator.unit, actual, target) {
            // Done or not done (`>= 100 %`), or a share of counts with a target it can reach.
            let done = goal == Decimal::ONE_HUNDRED && op != "<=" && op != "<";
            if value > Decimal::ONE_HUNDRED && (done || (share && goal <= Decimal::ONE_HUNDRED)) {
                out.push(Finding::new(
                    AuditCode::PercentOver100,
                    at("actual"),
                    [p_code(&indicator.code), Param::Actual(value.normalize()), Param::Op(op.into()), Param::Target(goal)],
                ));
            }
        }
        // A count aimed upward (or at a positive value) cannot be negative; below an
        // at-most target of zero (days early) it can.
        let upward = target.is_none_or(|(op, goal)| matches!(op, ">=" | ">" | "=") && goal > Decimal::ZERO);
        if let (MeasureUnit::Number, Some(value), true) = (indicator.unit, actual, upward) {
            if value < Decimal::ZERO {
                out.push(Finding::new(AuditCode::NegativeCount, at("actual"), [p_code(&indicator.code), Param::Actual(value.normalize())]));
            }
        }
        let dates = [
            (indicator.actual.as_ref().and_then(|a| if let Actual::Date(d) = a { Some(*d) } else { None }), "actual"),
            (indicator.target.as_ref().and_then(|t| if let Target::Deadline { date } = t { Some(*date) } else { None }), "target"),
        ];
        for (date, field) in dates {
            if let Some(date) = date.filter(|d| d.year() != year) {
                out.push(Finding::new(
                    AuditCode::DateOutsideYear,
                    at(field),
                    [p_code(&indicator.code), Param::Text(crate::format::date(date)), Param::Year(u64::try_from(year).unwrap_or(0))],
                ));
            }
        }
        if let (true, MeasureUnit::Number, Some(value), Some((op, goal))) = (share, indicator.unit, actual, target) {
            if goal > Decimal::ONE && value >= Decimal::ZERO && value <= Decimal::ONE {
                out.push(Finding::new(
                    AuditCode::RatioWithCountTarget,
                    at("target"),
                    [p_code(&indicator.code), Param::Op(op.into()), Param::Target(goal), Param::Actual(value.normalize())],
                ));
            }
        }
    }
}
