//! Resources as numbers: each node's budget as the document states it and as its
//! children add up to ([`totals`]), and the findings where the two disagree or where a
//! printed share of the promotional resources is not what the amounts give.

use super::places::{at_path, Places};
use super::{p_code, AuditCode, Finding};
use crate::decimal::Decimal;
use crate::diagnostic::Param;
use crate::plan::{Budget, Objective, Plan};
use serde::Serialize;

/// One node's resources: as stated in the plan, and as the sum of its children's (each
/// child counting with its stated figure, or else its own sum).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeResources {
    /// `ENTE` or the objective's code (its evaluation id).
    pub id: String,
    pub stated: Budget,
    /// The children's figures added up; a figure none of them has is `None`.
    pub summed: Budget,
}

impl NodeResources {
    /// The figure to show: the stated one, or else the sum.
    pub fn effective(&self) -> Budget {
        Budget {
            planned: self.stated.planned.or(self.summed.planned),
            spent: self.stated.spent.or(self.summed.spent),
            promotional_planned: self.stated.promotional_planned.or(self.summed.promotional_planned),
            promotional_spent: self.stated.promotional_spent.or(self.summed.promotional_spent),
            promotional_share: self.stated.promotional_share,
        }
    }
}

/// Reads one amount of a budget.
type Amount = fn(&Budget) -> Option<Decimal>;

/// The four amounts of a budget, with their names in the format.
const MEASURES: [(&str, Amount); 4] =
    [("planned", |b| b.planned), ("spent", |b| b.spent), ("promotional_planned", |b| b.promotional_planned), ("promotional_spent", |b| b.promotional_spent)];

/// Every node's resources, the ente first, then the tree depth first.
pub fn totals(plan: &Plan) -> Vec<NodeResources> {
    let mut out = Vec::new();
    let ente_stated = plan.ente.budget.clone().unwrap_or_default();
    let index = out.len();
    out.push(NodeResources { id: plan.ente.code.clone(), stated: ente_stated, summed: Budget::default() });
    let summed = sum_children(&plan.ente.objectives, &mut out);
    out[index].summed = summed;
    out
}

/// Pushes every objective's resources and returns the sum of their effective figures.
fn sum_children(objectives: &[Objective], out: &mut Vec<NodeResources>) -> Budget {
    let mut effective = Vec::with_capacity(objectives.len());
    for objective in objectives {
        let index = out.len();
        out.push(NodeResources { id: objective.code.to_string(), stated: objective.budget.clone().unwrap_or_default(), summed: Budget::default() });
        let summed = sum_children(&objective.objectives, out);
        out[index].summed = summed;
        effective.push(out[index].effective());
    }
    let add = |get: Amount| -> Option<Decimal> {
        let values: Vec<Decimal> = effective.iter().filter_map(get).collect();
        if values.is_empty() {
            None
        } else {
            Decimal::checked_sum(values)
        }
    };
    Budget {
        planned: add(MEASURES[0].1),
        spent: add(MEASURES[1].1),
        promotional_planned: add(MEASURES[2].1),
        promotional_spent: add(MEASURES[3].1),
        promotional_share: None,
    }
}

pub(super) fn check(plan: &Plan, places: &Places<'_>, out: &mut Vec<Finding>) {
    for node in totals(plan) {
        for (measure, get) in MEASURES {
            let (Some(stated), Some(summed)) = (get(&node.stated), get(&node.summed)) else { continue };
            if stated.normalize() != summed.normalize() {
                let field = format!("budget.{measure}");
                let location =
                    if node.id == plan.ente.code { at_path(format!("ente.{field}"), plan.ente.source.as_deref()) } else { places.at(&node.id, &field) };
                out.push(Finding::new(
                    AuditCode::BudgetTotalDiffers,
                    location,
                    [p_code(&node.id), Param::Field(measure.to_string()), Param::Total(stated.normalize()), Param::Amount(summed.normalize())],
                ));
            }
        }
    }
    // Printed shares of the ente's promotional resources.
    let Some(base) = plan.ente.budget.as_ref().and_then(|b| b.promotional_planned.or(b.promotional_spent)).filter(|b| *b > Decimal::ZERO) else {
        return;
    };
    for (_, objective) in &places.objectives {
        let Some(budget) = &objective.budget else { continue };
        let (Some(share), Some(spent)) = (budget.promotional_share, budget.promotional_spent) else { continue };
        let Some(computed) = spent.checked_div(base).and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED)) else { continue };
        if computed.round_half_up(share.scale()) != share {
            out.push(Finding::new(
                AuditCode::BudgetShareDiffers,
                places.at(&objective.code, "budget.promotional_share"),
                [p_code(&objective.code), Param::Printed(share), Param::Score(computed), Param::Amount(spent), Param::Total(base)],
            ));
        }
    }
}
