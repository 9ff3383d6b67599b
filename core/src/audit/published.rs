//! Published figures against the computation: scores and achievements (with the likely
//! cause of a difference), the interval of actuals a published score implies, verdicts
//! under the plan's thresholds, and printed deviations.

use super::implied::{self, Interval};
use super::places::Places;
use super::{p_code, AuditCode, Cause, Finding};
use crate::decimal::Decimal;
use crate::diagnostic::{Param, Params};
use crate::evaluate::{verdict, Evaluation, IndicatorResult, NodeKind, NodeResult};
use crate::explain::{Comparison, Explanation, Mean};
use crate::plan::{Indicator, MeasureUnit, MissedRule, Plan, Policy, Published, Verdict};
use crate::published::{compare, Agreement};
use crate::score::score_indicator;
use std::collections::HashMap;

pub(super) fn check(plan: &Plan, evaluation: &Evaluation, places: &Places<'_>, out: &mut Vec<Finding>) {
    let indicators: HashMap<&str, &Indicator> = places.indicators.iter().map(|p| (p.id.as_str(), p.indicator)).collect();
    let policy = &plan.policy;
    for node in &evaluation.nodes {
        let Some(published) = node.published.as_deref() else { continue };
        node_score(node, published, evaluation, &indicators, policy, places, out);
        check_verdict(&node.id, published, node.score, policy, places, out);
    }
    for result in &evaluation.indicators {
        let Some(published) = result.published.as_deref() else { continue };
        let indicator = indicators.get(&*result.id).copied();
        indicator_score(result, published, indicator, policy, places, out);
        check_verdict(&result.id, published, result.achievement, policy, places, out);
        deviation(result, published, places, out);
    }
}

/// Within the tolerance of the published figure (DOMAIN.md rule 8).
fn reproduces(value: Decimal, published: Decimal) -> bool {
    compare(published, Some(value)) == Agreement::Agrees
}

fn differs(id: &str, published: Decimal, computed: Decimal, places: &Places<'_>) -> Finding {
    Finding::new(
        AuditCode::PublishedDiffers,
        places.at(id, "published.score"),
        [p_code(id_code(places, id)), Param::Printed(published), Param::Score(computed)],
    )
}

fn id_code<'a>(places: &'a Places<'_>, id: &'a str) -> &'a str {
    let _ = places;
    id.rsplit('/').next().unwrap_or(id)
}

fn node_score(
    node: &NodeResult,
    published: &Published,
    evaluation: &Evaluation,
    indicators: &HashMap<&str, &Indicator>,
    policy: &Policy,
    places: &Places<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(printed) = published.score else { return };
    let Some(computed) = node.score else {
        out.push(composition_missing(node, printed, places));
        return;
    };
    if !beyond_rounding(printed, computed) {
        return;
    }
    let cause = match &node.explanation {
        Explanation::WeightedMean(mean) => node_cause(node, mean, printed, evaluation, indicators, policy),
        _ => None,
    };
    out.push(finding_for(&node.id, &node.code, printed, computed, cause, None, places));
}

/// Farther from the published figure than its rounding to two decimals explains: more
/// than half a cent (a tie, 93,285 printed 93,28, is the document's rounding of binary
/// floating point, DOMAIN.md rule 8).
fn beyond_rounding(printed: Decimal, computed: Decimal) -> bool {
    computed.checked_sub(printed).is_none_or(|gap| gap.abs() > Decimal::from_scaled(5, 3))
}

/// A published figure beyond rounding: an implied actual (a notice) when a rounded
/// actual explains it, otherwise a published figure that differs, with its likely cause.
fn finding_for(
    id: &str,
    code: &str,
    printed: Decimal,
    computed: Decimal,
    cause: Option<Cause>,
    target: Option<(&str, Decimal, MeasureUnit)>,
    places: &Places<'_>,
) -> Finding {
    match cause {
        Some(Cause::RoundedActual { indicator, printed: actual, low, high }) => {
            let mut params = Params::from([p_code(code), Param::Printed(printed), Param::Score(computed)]);
            match target {
                Some((op, target, unit)) => params = params.with(Param::Op(op.into())).with(Param::Target(target)).with(Param::Unit(unit)),
                None => params = params.with(Param::Other(indicator)),
            }
            let params = params.with(Param::Low(low)).with(Param::High(high)).with(Param::Actual(actual));
            Finding::new(AuditCode::ImpliedActual, places.at(id, "published.score"), params)
        }
        cause => {
            let mut finding = differs(id, printed, computed, places);
            finding.cause = cause;
            finding
        }
    }
}

/// A published score with nothing to compute it from: what is missing.
fn composition_missing(node: &NodeResult, printed: Decimal, places: &Places<'_>) -> Finding {
    let subject = match node.kind {
        NodeKind::Unit => "unit",
        NodeKind::Cruscotto | NodeKind::Group => "cruscotto",
        _ => "objective",
    };
    let mut params = Params::from([p_code(&node.code), Param::Printed(printed), Param::Json(subject.into())]);
    let unscored: Vec<String> = match &node.explanation {
        Explanation::NothingToScore { excluded } => excluded.clone(),
        _ => Vec::new(),
    };
    if !unscored.is_empty() {
        params = params.with(Param::Keys(unscored));
    }
    Finding::new(AuditCode::CompositionMissing, places.at(&node.id, "published.score"), params)
}

/// The terms of a mean that are indicators scored by a ratio linear in their actual
/// (at least, or equality from below), with their target and actual.
fn linear_terms<'a>(node: &NodeResult, mean: &'a Mean, indicators: &HashMap<&str, &'a Indicator>, policy: &Policy) -> Vec<(usize, &'a str, Decimal, Decimal)> {
    let mut out = Vec::new();
    for (k, term) in mean.terms.iter().enumerate() {
        let id = term.id.as_deref().unwrap_or(&term.code);
        if !node.items.iter().any(|i| i.indicator && *i.id == *id) {
            continue;
        }
        let Some(indicator) = indicators.get(id).copied() else { continue };
        let linear = match score_indicator(indicator, policy).explanation {
            Explanation::Ratio { comparison: Comparison::AtLeast | Comparison::MoreThan, actual, target, .. } => Some((actual, target)),
            Explanation::Ratio { comparison: Comparison::Equal, actual, target, .. } if actual < target => Some((actual, target)),
            _ => None,
        };
        if let Some((actual, target)) = linear {
            out.push((k, indicator.code.as_str(), actual, target));
        }
    }
    out
}

/// The actual that prints as the recorded one: `[a − ½ unit, a + ½ unit)` at its own
/// decimals (at least 0 of them).
fn printed_as(actual: Decimal) -> Option<Interval> {
    implied::rounding(actual, actual.scale())
}

/// For each linear term: the interval of its actual that reproduces `printed`, when it
/// does not hold the recorded actual but meets the values that print as it (the document
/// rounded the actual it prints).
fn rounded_actuals(
    node: &NodeResult,
    mean: &Mean,
    printed: Decimal,
    indicators: &HashMap<&str, &Indicator>,
    policy: &Policy,
) -> Vec<(String, Decimal, Interval)> {
    let Some(means) = implied::published_scores(printed) else { return Vec::new() };
    let mut out = Vec::new();
    for (k, code, actual, target) in linear_terms(node, mean, indicators, policy) {
        let term = &mean.terms[k];
        let Some(product) = term.score.checked_mul(term.weight) else { continue };
        let Some(others) = mean.sum_products.checked_sub(product) else { continue };
        let Some(scores) = implied::term_for_mean(means, mean.sum_weights, others, term.weight) else { continue };
        let Some(interval) = implied::actual_for_ratio(scores, target) else { continue };
        if !interval.contains(actual) && printed_as(actual).is_some_and(|p| p.meets(&interval)) {
            out.push((code.to_string(), actual, interval));
        }
    }
    out
}

/// The first explanation that reproduces a node's published score.
fn node_cause(
    node: &NodeResult,
    mean: &Mean,
    printed: Decimal,
    evaluation: &Evaluation,
    indicators: &HashMap<&str, &Indicator>,
    policy: &Policy,
) -> Option<Cause> {
    let (s, w) = (mean.sum_products, mean.sum_weights);
    // The most ordinary first: an actual printed rounded.
    if let Some((indicator, actual, interval)) = rounded_actuals(node, mean, printed, indicators, policy).into_iter().next() {
        return Some(Cause::RoundedActual { indicator, printed: actual, low: interval.low, high: interval.high });
    }
    // Then a named item: a rule, a term left out, an item counted as zero.
    // A missed at-most or equality target under the other rule.
    for term in &mean.terms {
        let id = term.id.as_deref().unwrap_or(&term.code);
        let Some(indicator) = indicators.get(id).copied() else { continue };
        if let Some((rule, other)) = other_rule(indicator, policy) {
            let replaced =
                term.score.checked_mul(term.weight).and_then(|p| s.checked_sub(p)).and_then(|r| other.checked_mul(term.weight).and_then(|o| r.checked_add(o)));
            if replaced.and_then(|r| r.checked_div(w)).is_some_and(|v| reproduces(v, printed)) {
                return Some(Cause::MissedRule { indicator: indicator.code.to_string(), rule });
            }
        }
    }
    // One term left out.
    for term in &mean.terms {
        let rest = term.score.checked_mul(term.weight).and_then(|p| s.checked_sub(p));
        let weights = w.checked_sub(term.weight).filter(|v| *v > Decimal::ZERO);
        if let (Some(rest), Some(weights)) = (rest, weights) {
            if rest.checked_div(weights).is_some_and(|v| reproduces(v, printed)) {
                return Some(Cause::Excluded { item: term.code.to_string() });
            }
        }
    }
    // One item left out by the computation (N/D, N.V.) counted as zero.
    for item in &node.items {
        let code = item.id.rsplit('/').next().unwrap_or(&item.id);
        if !mean.excluded.iter().any(|e| e == code) {
            continue;
        }
        let weight = if mean.equal_weights { Some(Decimal::ONE) } else { item.weight };
        let Some(weight) = weight.filter(|v| *v > Decimal::ZERO) else { continue };
        let counted =
            if item.indicator { evaluation.indicator(&item.id).map(|i| i.achievement.is_none()) } else { evaluation.node(&item.id).map(|n| n.score.is_none()) };
        if counted == Some(true) && w.checked_add(weight).and_then(|all| s.checked_div(all)).is_some_and(|v| reproduces(v, printed)) {
            return Some(Cause::CountedAsZero { item: code.to_string() });
        }
    }
    // Last, as the least specific: the published score follows from another (whole) sum of weights, either
    // Σ(m·p) divided by it (weights not rescaled), or the points lost, Σ(100 − m)·p,
    // spread over it (a weight more, or less, on items fully reached).
    // Only sums a document plausibly used: 100 (weights taken as percent whatever they
    // sum to), or the weights' own sum off by a point or two (a weight misprinted); any
    // score is reproduced by some sum of weights, and that explains nothing.
    let plausible = |implied: Decimal| implied == Decimal::ONE_HUNDRED || implied.checked_sub(w).is_some_and(|gap| gap.abs() <= Decimal::from(2));
    let weights = |implied: Decimal, score: Option<Decimal>| {
        let implied = implied.round_half_up(0).normalize();
        let fits = !mean.equal_weights && implied > Decimal::ZERO && implied != w.normalize() && plausible(implied);
        (fits && score.is_some_and(|v| reproduces(v, printed))).then_some(Cause::Weights { sum: w.normalize(), implied })
    };
    if let Some(implied) = s.checked_div(printed) {
        if let Some(cause) = weights(implied, s.checked_div(implied.round_half_up(0))) {
            return Some(cause);
        }
    }
    // Points lost spread over another sum only make sense with items fully reached to
    // weigh more or less, beside the ones that lost points.
    let full = mean.terms.len() > 1 && mean.terms.iter().any(|t| t.score == Decimal::ONE_HUNDRED);
    let lost = Decimal::ONE_HUNDRED.checked_mul(w).and_then(|all| all.checked_sub(s)).filter(|_| full);
    if let (Some(lost), Some(short)) = (lost, Decimal::ONE_HUNDRED.checked_sub(printed).filter(|v| *v > Decimal::ZERO)) {
        if let Some(implied) = lost.checked_div(short) {
            let score = lost.checked_div(implied.round_half_up(0)).and_then(|l| Decimal::ONE_HUNDRED.checked_sub(l));
            if let Some(cause) = weights(implied, score) {
                return Some(cause);
            }
        }
    }
    None
}

/// A missed at-most or equality target's achievement under the other missed-target rule.
fn other_rule(indicator: &Indicator, policy: &Policy) -> Option<(MissedRule, Decimal)> {
    let flip = |rule: MissedRule| match rule {
        MissedRule::Zero => MissedRule::Ratio,
        MissedRule::Ratio => MissedRule::Zero,
    };
    let comparison = match score_indicator(indicator, policy).explanation {
        Explanation::InverseRatio { comparison, .. } | Explanation::MissedZero { comparison, .. } | Explanation::Ratio { comparison, .. } => comparison,
        _ => return None,
    };
    let mut other = policy.clone();
    let rule = match comparison {
        Comparison::AtMost | Comparison::LessThan => {
            other.at_most_missed = flip(policy.at_most_missed);
            other.at_most_missed
        }
        Comparison::Equal => {
            other.equal_missed = flip(policy.equal_missed);
            other.equal_missed
        }
        _ => return None,
    };
    Some((rule, score_indicator(indicator, &other).achievement?))
}

fn indicator_score(
    result: &IndicatorResult,
    published: &Published,
    indicator: Option<&Indicator>,
    policy: &Policy,
    places: &Places<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(printed) = published.score else { return };
    let Some(computed) = result.achievement else { return };
    if !beyond_rounding(printed, computed) {
        return;
    }
    let linear = match &result.explanation {
        Explanation::Ratio { comparison: comparison @ (Comparison::AtLeast | Comparison::MoreThan), actual, target, .. } => {
            Some((*comparison, *actual, *target))
        }
        Explanation::Ratio { comparison: Comparison::Equal, actual, target, .. } if actual < target => Some((Comparison::Equal, *actual, *target)),
        _ => None,
    };
    let mut cause = None;
    if let Some((rule, other)) = indicator.and_then(|i| other_rule(i, policy)) {
        if reproduces(other, printed) {
            cause = Some(Cause::MissedRule { indicator: result.code.to_string(), rule });
        }
    }
    if let (None, Some((_, actual, target))) = (&cause, linear) {
        if let Some(interval) = implied::implied_actual(printed, target) {
            if !interval.contains(actual) && printed_as(actual).is_some_and(|p| p.meets(&interval)) {
                cause = Some(Cause::RoundedActual { indicator: result.code.to_string(), printed: actual, low: interval.low, high: interval.high });
            }
        }
    }
    let target = linear.map(|(comparison, _, target)| (comparison_op(comparison), target, indicator.map_or(MeasureUnit::Percent, |i| i.unit)));
    out.push(finding_for(&result.id, &result.code, printed, computed, cause, target, places));
}

fn comparison_op(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::AtLeast => ">=",
        Comparison::MoreThan => ">",
        Comparison::AtMost => "<=",
        Comparison::LessThan => "<",
        Comparison::Equal => "=",
    }
}

/// A printed verdict against the verdict the plan's thresholds give the published score
/// (or, with none printed, the computed one).
fn check_verdict(id: &str, published: &Published, computed: Option<Decimal>, policy: &Policy, places: &Places<'_>, out: &mut Vec<Finding>) {
    let Some(printed) = published.verdict else { return };
    if printed == Verdict::NonValutabile {
        return;
    }
    let Some(score) = published.score.or(computed) else { return };
    let expected = verdict(score, policy);
    if expected != printed {
        out.push(Finding::new(
            AuditCode::VerdictDiffers,
            places.at(id, "published.verdict"),
            [
                p_code(id_code(places, id)),
                Param::PrintedVerdict(printed),
                Param::Verdict(expected),
                Param::Score(score),
                Param::Tolerance(policy.tolerance),
                Param::Critical(policy.critical),
            ],
        ));
    }
}

/// The number a printed deviation starts with: `+6,32 %` is 6.32, `-11,06 N.` −11.06.
fn printed_number(text: &str) -> Option<Decimal> {
    let first = text.split_whitespace().next()?;
    let number = first.trim_end_matches(|c: char| !c.is_ascii_digit());
    crate::parse::number(number)
}

fn deviation(result: &IndicatorResult, published: &Published, places: &Places<'_>, out: &mut Vec<Finding>) {
    let (Some(text), Some(computed)) = (published.deviation.as_deref(), result.deviation.as_ref()) else { return };
    let Some(printed) = printed_number(text) else { return };
    let shown = computed.value.round_half_up(printed.scale());
    if shown != printed && shown != printed.checked_mul(Decimal::from(-1)).unwrap_or(printed) {
        out.push(Finding::new(
            AuditCode::DeviationDiffers,
            places.at(&result.id, "published.deviation"),
            [p_code(&result.code), Param::Text(text.to_string()), Param::Value(computed.value.normalize())],
        ));
    }
}
