//! Questions a planning office asks of a plan: which value of one indicator brings a node
//! to a chosen score (goal seek), and which indicators move a node most (sensitivity and
//! the weight each carries after all the weighting down the tree).

use crate::decimal::Decimal;
use crate::evaluate::{evaluate, indicators_by_code, Evaluation};
use crate::explain::Explanation;
use crate::plan::{Actual, Indicator, MeasureUnit, MissedRule, Plan, Policy, Target};
use crate::scenario::{apply, find_indicator_mut, Edit};
use crate::score::actual_number;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// What goal seek may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unknown {
    Actual,
    Target,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeekValue {
    Number(Decimal),
    Date(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum GoalSeek {
    /// The value to use, the edit that sets it, and the node's score with it.
    Found { value: SeekValue, achievement: Decimal, edit: Edit, reached: Decimal },
    /// The node reaches the goal whatever the value (within the rule's range).
    AnyValue { reached: Decimal },
    /// No value can do it; the range the node can reach by this indicator alone.
    Unreachable { reason: String, lowest: Option<Decimal>, highest: Option<Decimal> },
}

/// The value of `indicator`'s actual (or target) at which `node` scores `goal`.
///
/// A node's score is an affine function of one indicator's achievement while everything
/// else stays put, so two evaluations (achievement 0 and 100) give the achievement
/// needed; the indicator's rule, inverted, gives the value.
pub fn goal_seek(plan: &Plan, indicator: &str, node: &str, goal: Decimal, unknown: Unknown) -> GoalSeek {
    let unreachable = |reason: &str| GoalSeek::Unreachable { reason: reason.into(), lowest: None, highest: None };
    let Some(current) = find_indicator_mut(&mut plan.clone(), indicator).cloned() else {
        return unreachable("no such indicator");
    };
    let Some(target) = current.target.clone() else {
        return unreachable("the indicator has no target, so its actual does not score");
    };
    let (Some(low), Some(high)) = (node_score_with(plan, indicator, node, Decimal::ZERO), node_score_with(plan, indicator, node, HUNDRED)) else {
        return unreachable("the node has no score, or the indicator does not count in it");
    };
    let range = |reason: &str| GoalSeek::Unreachable { reason: reason.into(), lowest: Some(low), highest: Some(high) };
    // Scores lie in 0-100, so these differences cannot overflow; checked all the same.
    let (Some(span), Some(rise)) = (high.checked_sub(low), goal.checked_sub(low)) else {
        return range("the goal is outside what this indicator alone can reach");
    };
    if span.is_zero() {
        return range("the indicator carries no weight in this node");
    }
    if goal < low || goal > high {
        return range("the goal is outside what this indicator alone can reach");
    }
    // The achievement needed, from the node's affine dependence on it: rise / span × 100.
    let Some(needed) = rise.checked_mul(HUNDRED).and_then(|r| r.checked_div(span)) else {
        return range("the indicator's weight in this node is too small to compute with");
    };
    let needed = needed.clamp(Decimal::ZERO, HUNDRED);
    let value = match unknown {
        Unknown::Actual => actual_for(&target, needed, &plan.policy),
        Unknown::Target => target_for(&target, &current, needed, &plan.policy),
    };
    let Some(value) = value else {
        return range("the indicator's rule cannot give that achievement (a target of zero or below, or a date actual missing)");
    };
    let edit = match (&value, unknown) {
        (Value::Any, _) => return GoalSeek::AnyValue { reached: goal },
        (Value::Set(SeekValue::Number(n)), Unknown::Actual) => Edit::SetActual {
            indicator: indicator.into(),
            actual: Some(if current.unit == MeasureUnit::Flag { Actual::Flag(!n.is_zero()) } else { Actual::Value(*n) }),
        },
        (Value::Set(SeekValue::Date(d)), Unknown::Actual) => Edit::SetActual { indicator: indicator.into(), actual: Some(Actual::Date(*d)) },
        (Value::Set(v), Unknown::Target) => Edit::SetTarget { indicator: indicator.into(), target: with_value(&target, v) },
    };
    let (edited, _) = apply(plan, std::slice::from_ref(&edit));
    let evaluation = evaluate(&edited);
    let reached = evaluation.node(node).and_then(|n| n.score).unwrap_or_default();
    let achievement = evaluation.indicator(indicator).and_then(|i| i.achievement).unwrap_or_default();
    let Value::Set(value) = value else { unreachable!("handled above") };
    GoalSeek::Found { value, achievement, edit, reached }
}

/// The node's score with the indicator forced to an achievement: its target and actual
/// are replaced by a pair that scores exactly that (`>= 100`, actual `a`).
fn node_score_with(plan: &Plan, indicator: &str, node: &str, achievement: Decimal) -> Option<Decimal> {
    let mut plan = plan.clone();
    // The weight of an indicator of the plan's `indicators` is not used (each reference
    // gives its own): a zero there excludes nothing.
    let weighed_where_referenced = plan.indicators.iter().any(|i| i.code == indicator);
    let forced = find_indicator_mut(&mut plan, indicator)?;
    forced.target = Some(Target::AtLeast { value: HUNDRED });
    forced.actual = Some(Actual::Value(achievement));
    forced.unit = MeasureUnit::Number;
    if !weighed_where_referenced && forced.weight.is_some_and(|w| w.is_zero()) {
        return None;
    }
    evaluate(&plan).node(node).and_then(|n| n.score)
}

enum Value {
    Set(SeekValue),
    Any,
}

fn number(n: Decimal) -> Option<Value> {
    Some(Value::Set(SeekValue::Number(n.normalize())))
}

/// The actual that gives `needed` (0-100) under the target's rule.
fn actual_for(target: &Target, needed: Decimal, policy: &Policy) -> Option<Value> {
    let full = needed == HUNDRED;
    match *target {
        Target::AtLeast { value: t } | Target::MoreThan { value: t } if t > Decimal::ZERO => number(percent_of(t, needed)?),
        Target::AtLeast { value: t } => number(t),
        Target::MoreThan { value: t } => number(t.checked_add(Decimal::ONE)?),
        Target::AtMost { value: t } | Target::LessThan { value: t } => {
            let met = if matches!(target, Target::LessThan { .. }) { t.checked_sub(Decimal::ONE)? } else { t };
            match policy.at_most_missed {
                MissedRule::Ratio if t > Decimal::ZERO && needed > Decimal::ZERO => number(per_percent(t, needed)?),
                _ if needed.is_zero() => Some(Value::Any),
                _ => number(met),
            }
        }
        Target::Equal { value: t } => match policy.equal_missed {
            MissedRule::Ratio if t > Decimal::ZERO => number(percent_of(t, needed)?),
            _ if needed.is_zero() => Some(Value::Any),
            _ => number(t),
        },
        Target::Deadline { date } => {
            if full || policy.late_penalty_per_day.is_zero() {
                return if policy.late_penalty_per_day.is_zero() { Some(Value::Any) } else { date_value(date, 0) };
            }
            date_value(date, days_late_allowed(needed, policy)?)
        }
    }
}

/// The target that gives `needed` (0-100) for the indicator's actual.
fn target_for(target: &Target, indicator: &Indicator, needed: Decimal, policy: &Policy) -> Option<Value> {
    if let Target::Deadline { .. } = target {
        let Some(Actual::Date(done)) = indicator.actual else { return None };
        if policy.late_penalty_per_day.is_zero() {
            return Some(Value::Any);
        }
        let days = days_late_allowed(needed, policy)?;
        let date = done.checked_sub_days(Days::new(days))?;
        return (date.year() >= 0).then_some(Value::Set(SeekValue::Date(date)));
    }
    let x = actual_number(indicator.actual.as_ref()?, indicator.unit)?;
    if needed == HUNDRED || x <= Decimal::ZERO {
        return number(x);
    }
    match target {
        Target::AtLeast { .. } | Target::MoreThan { .. } if needed.is_zero() => Some(Value::Any),
        Target::AtLeast { .. } | Target::MoreThan { .. } => number(per_percent(x, needed)?),
        Target::AtMost { .. } | Target::LessThan { .. } if policy.at_most_missed == MissedRule::Ratio => number(percent_of(x, needed)?),
        Target::Equal { .. } if policy.equal_missed == MissedRule::Ratio && !needed.is_zero() => number(per_percent(x, needed)?),
        _ => None,
    }
}

/// `value × percent / 100`.
fn percent_of(value: Decimal, percent: Decimal) -> Option<Decimal> {
    value.checked_mul(percent)?.checked_div(HUNDRED)
}

/// `value × 100 / percent`: the value of which `value` is `percent` %.
fn per_percent(value: Decimal, percent: Decimal) -> Option<Decimal> {
    value.checked_mul(HUNDRED)?.checked_div(percent)
}

/// Whole days late that still earn at least `needed`: ⌊(100 − needed) / penalty⌋.
/// `None` when that is more days than a calendar can hold (a tiny penalty per day).
fn days_late_allowed(needed: Decimal, policy: &Policy) -> Option<u64> {
    HUNDRED.checked_sub(needed)?.checked_div(policy.late_penalty_per_day)?.floor().to_u64()
}

/// The plan format writes years of four digits: a date past 9999 could not be saved.
fn date_value(deadline: NaiveDate, days_late: u64) -> Option<Value> {
    let date = deadline.checked_add_days(Days::new(days_late))?;
    (date.year() <= 9999).then_some(Value::Set(SeekValue::Date(date)))
}

fn with_value(target: &Target, value: &SeekValue) -> Target {
    match (target, value) {
        (Target::AtLeast { .. }, SeekValue::Number(v)) => Target::AtLeast { value: *v },
        (Target::MoreThan { .. }, SeekValue::Number(v)) => Target::MoreThan { value: *v },
        (Target::AtMost { .. }, SeekValue::Number(v)) => Target::AtMost { value: *v },
        (Target::LessThan { .. }, SeekValue::Number(v)) => Target::LessThan { value: *v },
        (Target::Equal { .. }, SeekValue::Number(v)) => Target::Equal { value: *v },
        (_, SeekValue::Date(d)) => Target::Deadline { date: *d },
        (t, _) => t.clone(),
    }
}

/// How one indicator moves a node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sensitivity {
    pub indicator: String,
    /// Points of the node's score per point of the indicator's achievement: the weight
    /// it carries in the node after all the weighting down the tree.
    pub weight_in_node: Decimal,
    /// Points of the node lost per unit the actual slips away from its target (one day
    /// for a deadline), at the current values; `None` where the rule is a step (a missed
    /// target that scores 0) or the actual is not a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<Decimal>,
    pub unit: MeasureUnit,
}

impl Sensitivity {
    /// [`Sensitivity::weight_in_node`] as a percentage of the node's score.
    pub fn weight_percent(&self) -> Option<Decimal> {
        self.weight_in_node.checked_mul(Decimal::ONE_HUNDRED)
    }
}

/// The weight of every indicator in a node, after all the weighting below it.
pub fn weights_in(evaluation: &Evaluation, node: &str) -> HashMap<String, Decimal> {
    let mut weights: HashMap<String, Decimal> = HashMap::new();
    let mut stack = vec![(node.to_string(), Decimal::ONE)];
    while let Some((id, share)) = stack.pop() {
        let Some(result) = evaluation.node(&id) else { continue };
        let Explanation::WeightedMean(mean) = &result.explanation else { continue };
        let (terms, sum_weights) = (&mean.terms, &mean.sum_weights);
        for term in terms {
            let term_id = term.id.as_deref().unwrap_or(&term.code).to_string();
            let Some(part) = share.checked_mul(term.weight).and_then(|p| p.checked_div(*sum_weights)) else { continue };
            let is_indicator = result.items.iter().any(|i| i.indicator && *i.id == *term_id);
            if is_indicator {
                let total = weights.entry(term_id).or_default();
                // A share of a share of 1: sums of these stay at most 1.
                *total = total.checked_add(part).unwrap_or(*total);
            } else {
                stack.push((term_id, part));
            }
        }
    }
    weights
}

/// Every indicator that counts in `node`, the most influential first.
pub fn sensitivity(plan: &Plan, evaluation: &Evaluation, node: &str) -> Vec<Sensitivity> {
    // One look-up table for the tree and the plan's `indicators`, not a walk of the plan
    // per indicator (10 000 indicators would make that quadratic); indicators defined in
    // a cruscotto, rare, are found in a copy of the plan made only if one is needed.
    let tree = indicators_by_code(plan);
    let mut copy: Option<Plan> = None;
    let mut out: Vec<Sensitivity> = weights_in(evaluation, node)
        .into_iter()
        .filter_map(|(id, weight)| {
            let indicator: &Indicator = match tree.get(id.as_str()) {
                Some(indicator) => indicator,
                None => find_indicator_mut(copy.get_or_insert_with(|| plan.clone()), &id)?,
            };
            let slope = achievement_slope(indicator, &plan.policy);
            Some(Sensitivity {
                per_unit: slope.and_then(|s| s.checked_mul(weight)).map(|v| v.normalize()),
                weight_in_node: weight.normalize(),
                unit: indicator.unit,
                indicator: id,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.per_unit.unwrap_or_default().cmp(&a.per_unit.unwrap_or_default()).then(b.weight_in_node.cmp(&a.weight_in_node)).then(a.indicator.cmp(&b.indicator))
    });
    out
}

/// Points of achievement lost per unit of the actual slipping away from the target.
fn achievement_slope(indicator: &Indicator, policy: &Policy) -> Option<Decimal> {
    let target = indicator.target.as_ref()?;
    if let Target::Deadline { date } = target {
        let Some(Actual::Date(done)) = indicator.actual else { return None };
        let late = (done - *date).num_days();
        // The score left after the penalty; one that overflows is far below zero.
        let left = Decimal::from(late.max(0)).checked_mul(policy.late_penalty_per_day).and_then(|p| HUNDRED.checked_sub(p));
        let still_scoring = left.is_some_and(Decimal::is_positive);
        return Some(if late >= 0 && still_scoring { policy.late_penalty_per_day } else { Decimal::ZERO });
    }
    let x = actual_number(indicator.actual.as_ref()?, indicator.unit)?;
    let zero = Decimal::ZERO;
    match *target {
        Target::AtLeast { value: t } | Target::MoreThan { value: t } => {
            if t <= zero {
                None
            } else if x > t || x < zero {
                Some(zero)
            } else {
                HUNDRED.checked_div(t)
            }
        }
        Target::AtMost { value: t } | Target::LessThan { value: t } => match policy.at_most_missed {
            _ if x < t => Some(zero),
            MissedRule::Ratio if t > zero && x > zero => HUNDRED.checked_mul(t)?.checked_div(x.checked_mul(x)?),
            _ => None,
        },
        Target::Equal { value: t } => match policy.equal_missed {
            MissedRule::Ratio if t > zero && x > zero => {
                if x > t {
                    HUNDRED.checked_mul(t)?.checked_div(x.checked_mul(x)?)
                } else {
                    HUNDRED.checked_div(t)
                }
            }
            _ => None,
        },
        Target::Deadline { .. } => unreachable!("handled above"),
    }
}
