//! Definitions: one printed code for indicators with different names or algorithms, and
//! one indicator printed (or referenced in the tree) with different targets or weights.

use super::places::Places;
use super::{p_code, AuditCode, Finding, Location};
use crate::decimal::Decimal;
use crate::diagnostic::Param;
use crate::plan::{Indicator, Plan, SourceRef, Target};
use std::collections::HashMap;

/// Texts compared as words: case, spaces and punctuation do not make another definition
/// (`N. rilasci` and `Numero rilasci` do, and an auditor should look).
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => words(a) == words(b),
        _ => true,
    }
}

fn target_text(target: &Target) -> String {
    serde_json::to_string(target).unwrap_or_default()
}

/// What one place prints of an indicator.
struct Printed<'a> {
    path: String,
    name: Option<&'a str>,
    algorithm: Option<&'a str>,
    weight: Option<Decimal>,
    target: Option<&'a Target>,
    /// Where the document prints it, when not the indicator's own source.
    source: Option<&'a SourceRef>,
}

pub(super) fn check(_plan: &Plan, places: &Places<'_>, out: &mut Vec<Finding>) {
    // Every printing of each printed code, in the order of the plan.
    let mut by_code: HashMap<&str, Vec<(&str, Printed<'_>)>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for place in &places.indicators {
        let indicator: &Indicator = place.indicator;
        let code = indicator.printed_code.as_deref().unwrap_or(&indicator.code);
        let entry = by_code.entry(code).or_insert_with(|| {
            order.push(code);
            Vec::new()
        });
        let weight = if place.objective.is_some() { indicator.weight } else { None };
        entry.push((
            place.id.as_str(),
            Printed {
                path: place.path.clone(),
                name: Some(&indicator.name),
                algorithm: indicator.algorithm.as_deref(),
                weight,
                target: indicator.target.as_ref(),
                source: None,
            },
        ));
        for (i, printing) in indicator.printed_elsewhere.iter().enumerate() {
            entry.push((
                place.id.as_str(),
                Printed {
                    path: format!("{}.printed_elsewhere[{i}]", place.path),
                    name: printing.name.as_deref(),
                    algorithm: printing.algorithm.as_deref(),
                    weight: printing.weight,
                    target: printing.target.as_ref(),
                    source: printing.source.as_ref(),
                },
            ));
        }
    }
    for code in order {
        let printings = &by_code[code];
        let Some(((first_id, first), rest)) = printings.split_first() else { continue };
        for (id, other) in rest {
            let at = |field: &str| {
                let location = places.at(id, field);
                Location { path: if field.is_empty() { other.path.clone() } else { format!("{}.{field}", other.path) }, ..location }
            };
            let with_source = |mut l: Location| {
                if let Some(s) = other.source {
                    l.section = s.section.clone();
                    l.line = s.line;
                    l.page = s.page;
                    l.document = Some(s.document.clone());
                }
                l
            };
            if !same_text(first.name, other.name) || !same_text(first.algorithm, other.algorithm) {
                out.push(Finding::new(
                    AuditCode::CodeDefinedTwice,
                    with_source(at("")),
                    [p_code(code), Param::First(first.path.clone()), Param::Other(first_id.to_string())],
                ));
                continue;
            }
            if let (Some(a), Some(b)) = (first.target, other.target) {
                if target_text(a) != target_text(b) {
                    out.push(Finding::new(AuditCode::TargetsDiffer, with_source(at("target")), [p_code(code), Param::First(first.path.clone())]));
                }
            }
            if let (Some(a), Some(b)) = (first.weight, other.weight) {
                if a.normalize() != b.normalize() {
                    out.push(Finding::new(
                        AuditCode::WeightsDiffer,
                        with_source(at("weight")),
                        [p_code(code), Param::First(first.path.clone()), Param::Weight(b.normalize()), Param::Value(a.normalize())],
                    ));
                }
            }
        }
    }
}
