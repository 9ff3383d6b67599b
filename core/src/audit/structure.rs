//! The plan's structure and stated rules: sibling weights that do not sum to 100,
//! objectives with nothing to score them by, thresholds stated twice with different
//! values, and N/D indicators in a final report.

use super::places::{at_path, Places};
use super::{p_code, AuditCode, Finding};
use crate::decimal::Decimal;
use crate::diagnostic::{Param, Siblings};
use crate::evaluate::Evaluation;
use crate::plan::{Actual, CruscottoItem, NotAvailableRule, Plan};

/// How far from 100 a sum of weights may be (33,33 × 3 is 99,99), as validation allows.
fn off_100(sum: Decimal) -> bool {
    sum.checked_sub(Decimal::ONE_HUNDRED).is_none_or(|d| d.abs() > Decimal::from_scaled(5, 2))
}

/// The sum of the weights given, when at least one is.
fn sum<I: IntoIterator<Item = Option<Decimal>>>(weights: I) -> Option<Decimal> {
    let given: Vec<Decimal> = weights.into_iter().flatten().collect();
    if given.is_empty() {
        return None;
    }
    Decimal::checked_sum(given)
}

pub(super) fn check(plan: &Plan, evaluation: &Evaluation, places: &Places<'_>, out: &mut Vec<Finding>) {
    let _ = evaluation;
    let mut weights = |id: &str, code: &str, field: &str, siblings: Siblings, total: Option<Decimal>| {
        if let Some(total) = total.filter(|t| off_100(*t)) {
            let mut location = places.at(id, field);
            if id == "ENTE" {
                location.path = format!("ente.{field}");
            }
            out.push(Finding::new(AuditCode::WeightsNot100, location, [p_code(code), Param::Siblings(siblings), Param::Sum(total.normalize())]));
        }
    };
    weights("ENTE", "ENTE", "objectives", Siblings::Objectives, sum(plan.ente.objectives.iter().map(|o| o.weight)));
    for (_, objective) in &places.objectives {
        weights(&objective.code, &objective.code, "objectives", Siblings::Objectives, sum(objective.objectives.iter().map(|o| o.weight)));
        let shared = !objective.shared_indicators.is_empty();
        let listed = objective.indicators.iter().map(|i| i.weight).chain(objective.shared_indicators.iter().map(|s| s.weight));
        weights(&objective.code, &objective.code, "indicators", if shared { Siblings::IndicatorsShared } else { Siblings::Indicators }, sum(listed));
    }
    for cruscotto in &plan.cruscotti {
        items(&crate::evaluate::cruscotto_id(&cruscotto.code), &cruscotto.code, &cruscotto.items, &mut weights);
    }
    for (path, objective) in &places.objectives {
        if objective.indicators.is_empty() && objective.shared_indicators.is_empty() && objective.objectives.is_empty() {
            let location = places.at(&objective.code, "");
            out.push(Finding::new(AuditCode::ObjectiveWithoutIndicators, super::Location { path: path.clone(), ..location }, [p_code(&objective.code)]));
        }
    }
    policy(plan, places, out);
}

fn items(id: &str, code: &str, list: &[CruscottoItem], weights: &mut impl FnMut(&str, &str, &str, Siblings, Option<Decimal>)) {
    weights(id, code, "items", Siblings::Items, sum(list.iter().map(|i| i.weight)));
    for item in list {
        if let Some(group) = &item.group {
            items(&format!("{id}/{}", group.code), &group.code, &group.items, weights);
        }
    }
}

fn policy(plan: &Plan, places: &Places<'_>, out: &mut Vec<Finding>) {
    let policy = &plan.policy;
    for (i, stated) in policy.stated_thresholds.iter().enumerate() {
        if stated.tolerance != policy.tolerance || stated.critical != policy.critical {
            out.push(Finding::new(
                AuditCode::ThresholdsDiffer,
                at_path(format!("policy.stated_thresholds[{i}]"), stated.source.as_ref()),
                [
                    Param::StatedTolerance(stated.tolerance),
                    Param::StatedCritical(stated.critical),
                    Param::Tolerance(policy.tolerance),
                    Param::Critical(policy.critical),
                ],
            ));
        }
    }
    if !policy.final_report {
        return;
    }
    let rule = match policy.not_available {
        NotAvailableRule::Excluded => "excluded",
        NotAvailableRule::Zero => "zero",
    };
    for place in &places.indicators {
        let indicator = place.indicator;
        if indicator.target.is_some() && matches!(indicator.actual, None | Some(Actual::NotAvailable { .. })) {
            let location = places.at(&place.id, "actual");
            let location = super::Location { path: format!("{}.actual", place.path), ..location };
            out.push(Finding::new(AuditCode::NotAvailableInFinalReport, location, [p_code(&indicator.code), Param::Json(rule.into())]));
        }
    }
}
