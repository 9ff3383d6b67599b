//! What-if scenarios: named lists of edits to a plan (targets, actuals, weights,
//! exclusions), applied to the published plan to give a variant, with undo and redo, a
//! comparison of two evaluations, and a compact encoding for share links.
//!
//! The app only draws what this module computes: the edit log and its effect on every
//! score belong here, where they are tested without a browser.

use crate::decimal::Decimal;
use crate::diagnostic::{Case, Code, Diagnostic, Param, Subject};
use crate::evaluate::Evaluation;
use crate::plan::{Actual, Indicator, Objective, Plan, Target};
use serde::{Deserialize, Serialize};

/// One change to a plan. Indicators are named by their id in the evaluation (the plan
/// code for the tree and the plan's `indicators`, `cruscotto/C/X` for an indicator
/// defined in a cruscotto).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    SetTarget {
        indicator: String,
        target: Target,
    },
    /// `actual: null` makes the indicator not available (N/D).
    SetActual {
        indicator: String,
        actual: Option<Actual>,
    },
    SetIndicatorWeight {
        indicator: String,
        weight: Decimal,
    },
    SetObjectiveWeight {
        objective: String,
        weight: Decimal,
    },
    /// Marks the indicator N.V.: it drops out and its siblings are re-weighted.
    Exclude {
        indicator: String,
        reason: String,
    },
}

/// The weight each of `count` siblings gets when equal weights are written out: 100 / n,
/// to two decimals as the documents print weights (3 siblings: 33.33 each).
pub fn equal_weight(count: usize) -> Option<Decimal> {
    Some(Decimal::ONE_HUNDRED.checked_div(Decimal::from(count))?.round_half_up(2).normalize())
}

/// Edits that give every sibling of `id` without a weight an explicit equal one
/// ([`equal_weight`]). A plan where some siblings have a weight and some have none is
/// refused, so the first weight typed among equal-weighted siblings must make all of them
/// explicit; being equal, they leave every score as it was. Empty when the siblings
/// already have weights, or `id` has none. `indicator` says whether `id` names an
/// indicator (its siblings are the indicators of its objective) or a node.
pub fn explicit_equal_weights(evaluation: &Evaluation, id: &str, indicator: bool) -> Vec<Edit> {
    let parent = if indicator { evaluation.indicator(id).and_then(|r| r.parent.as_deref()) } else { evaluation.node(id).and_then(|n| n.parent.as_deref()) };
    let Some(parent) = parent.and_then(|p| evaluation.node(p)) else { return Vec::new() };
    let siblings: Vec<&crate::evaluate::Item> = parent.items.iter().filter(|item| item.indicator == indicator).collect();
    if siblings.len() < 2 || siblings.iter().any(|item| item.weight.is_some()) {
        return Vec::new();
    }
    let Some(share) = equal_weight(siblings.len()) else { return Vec::new() };
    let code = |id: &str| {
        if indicator {
            evaluation.indicator(id).map(|i| i.code.to_string())
        } else {
            evaluation.node(id).map(|n| n.code.to_string())
        }
    };
    siblings
        .into_iter()
        .filter(|item| *item.id != *id)
        .filter_map(|item| code(&item.id))
        .map(
            |code| {
                if indicator {
                    Edit::SetIndicatorWeight { indicator: code, weight: share }
                } else {
                    Edit::SetObjectiveWeight { objective: code, weight: share }
                }
            },
        )
        .collect()
}

/// What an edit changes: two edits of the same field do not commute (the later wins);
/// edits of different fields do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Target(String),
    Actual(String),
    IndicatorWeight(String),
    ObjectiveWeight(String),
}

impl Edit {
    pub fn field(&self) -> Field {
        match self {
            Edit::SetTarget { indicator, .. } => Field::Target(indicator.clone()),
            Edit::SetActual { indicator, .. } | Edit::Exclude { indicator, .. } => Field::Actual(indicator.clone()),
            Edit::SetIndicatorWeight { indicator, .. } => Field::IndicatorWeight(indicator.clone()),
            Edit::SetObjectiveWeight { objective, .. } => Field::ObjectiveWeight(objective.clone()),
        }
    }

    /// The code of the indicator or objective the edit touches.
    pub fn subject(&self) -> &str {
        match self {
            Edit::SetTarget { indicator, .. }
            | Edit::SetActual { indicator, .. }
            | Edit::SetIndicatorWeight { indicator, .. }
            | Edit::Exclude { indicator, .. } => indicator,
            Edit::SetObjectiveWeight { objective, .. } => objective,
        }
    }
}

/// A named variant of a plan: its edits in order, and the edits undone since (for redo).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default)]
    pub edits: Vec<Edit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undone: Vec<Edit>,
}

impl Scenario {
    pub fn new(name: impl Into<String>) -> Self {
        Scenario { name: name.into(), ..Scenario::default() }
    }

    /// Records an edit. A new value for the field the last edit changed replaces that
    /// edit (typing 9, 95, 950 in a field is one edit, undone at once). New edits clear
    /// the redo list.
    pub fn push(&mut self, edit: Edit) {
        self.undone.clear();
        if self.edits.last().is_some_and(|last| last.field() == edit.field()) {
            self.edits.pop();
        }
        self.edits.push(edit);
    }

    pub fn undo(&mut self) -> bool {
        match self.edits.pop() {
            Some(edit) => {
                self.undone.push(edit);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.undone.pop() {
            Some(edit) => {
                self.edits.push(edit);
                true
            }
            None => false,
        }
    }

    /// Removes one edit from the list, wherever it is.
    pub fn revert(&mut self, index: usize) -> Option<Edit> {
        (index < self.edits.len()).then(|| {
            self.undone.clear();
            self.edits.remove(index)
        })
    }

    /// Back to the plan as published.
    pub fn reset(&mut self) {
        self.edits.clear();
        self.undone.clear();
    }
}

/// Applies edits in order to a copy of the plan. An edit naming a code the plan does
/// not have is skipped and reported with its position (`edits[3].indicator`).
pub fn apply(plan: &Plan, edits: &[Edit]) -> (Plan, Vec<Diagnostic>) {
    let mut plan = plan.clone();
    let mut problems = Vec::new();
    for (i, edit) in edits.iter().enumerate() {
        if let Err(mut problem) = apply_one(&mut plan, edit) {
            problem.path = format!("edits[{i}].{}", problem.path);
            problems.push(problem);
        }
    }
    (plan, problems)
}

/// Applies one edit in place; an error (path relative to the edit) when its code is
/// not in the plan, which is then unchanged.
pub fn apply_one(plan: &mut Plan, edit: &Edit) -> Result<(), Diagnostic> {
    let applied = match edit {
        Edit::SetObjectiveWeight { objective, weight } => find_objective_mut(&mut plan.ente.objectives, objective).map(|o| o.weight = Some(*weight)).is_some(),
        _ => match find_indicator_mut(plan, edit.subject()) {
            Some(indicator) => {
                match edit {
                    Edit::SetTarget { target, .. } => indicator.target = Some(target.clone()),
                    Edit::SetActual { actual, .. } => indicator.actual = actual.clone(),
                    Edit::SetIndicatorWeight { weight, .. } => indicator.weight = Some(*weight),
                    Edit::Exclude { reason, .. } => indicator.actual = Some(Actual::NotEvaluable { reason: reason.clone() }),
                    Edit::SetObjectiveWeight { .. } => unreachable!("handled above"),
                }
                true
            }
            None => false,
        },
    };
    if applied {
        return Ok(());
    }
    let (field, subject) = match edit {
        Edit::SetObjectiveWeight { .. } => ("objective", Subject::Objective),
        _ => ("indicator", Subject::Indicator),
    };
    Err(Diagnostic::new(field, Code::MissingReference, [Param::Case(Case::Edit), Param::Subject(subject), Param::Code(edit.subject().to_string())]))
}

/// The objective of the tree with this code, at any depth.
pub(crate) fn find_objective_mut<'a>(objectives: &'a mut [Objective], code: &str) -> Option<&'a mut Objective> {
    for objective in objectives {
        if objective.code == code {
            return Some(objective);
        }
        if let Some(found) = find_objective_mut(&mut objective.objectives, code) {
            return Some(found);
        }
    }
    None
}

/// Finds an indicator by its evaluation id: a code of the tree or of the plan's
/// `indicators`, or `cruscotto/C/…/X`.
pub fn find_indicator_mut<'a>(plan: &'a mut Plan, id: &str) -> Option<&'a mut Indicator> {
    if let Some(rest) = id.strip_prefix(crate::evaluate::CRUSCOTTO_ID_PREFIX) {
        let mut parts = rest.split('/');
        // The code read once: read inside `find`, it would be the next part at each cruscotto.
        let code = parts.next()?;
        let cruscotto = plan.cruscotti.iter_mut().find(|c| c.code == code)?;
        let path: Vec<&str> = parts.collect();
        let (last, groups) = path.split_last()?;
        let mut items = &mut cruscotto.items;
        for group in groups {
            items = &mut items.iter_mut().find_map(|i| i.group.as_mut().filter(|g| g.code == *group))?.items;
        }
        return items.iter_mut().find_map(|i| i.own.as_mut().filter(|o| o.code == *last));
    }
    if let Some(found) = plan.ente.indicators.iter_mut().find(|i| i.code == id) {
        return Some(found);
    }
    if let Some(found) = plan.indicators.iter_mut().find(|i| i.code == id) {
        return Some(found);
    }
    fn walk<'a>(objectives: &'a mut [Objective], id: &str) -> Option<&'a mut Indicator> {
        for objective in objectives {
            if let Some(found) = objective.indicators.iter_mut().find(|i| i.code == id) {
                return Some(found);
            }
            if let Some(found) = walk(&mut objective.objectives, id) {
                return Some(found);
            }
        }
        None
    }
    walk(&mut plan.ente.objectives, id)
}

/// A score that differs between two evaluations of the same plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub id: String,
    pub code: String,
    pub indicator: bool,
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
    /// `after − before`, when both exist.
    pub delta: Option<Decimal>,
}

/// `after − before`, when both exist (and the difference is representable).
pub fn delta(before: Option<Decimal>, after: Option<Decimal>) -> Option<Decimal> {
    before.zip(after).and_then(|(b, a)| a.checked_sub(b)).map(Decimal::normalize)
}

impl Change {
    fn new(id: &str, code: &str, indicator: bool, before: Option<Decimal>, after: Option<Decimal>) -> Change {
        Change { id: id.to_string(), code: code.to_string(), indicator, before, after, delta: delta(before, after) }
    }
}

/// The score of the node result at `position`, if there is one and it has one.
fn node_score(evaluation: &Evaluation, position: usize) -> Option<Decimal> {
    evaluation.nodes.get(position).and_then(|n| n.score)
}

/// The achievement of the indicator result at `position`, if there is one and it has one.
fn indicator_score(evaluation: &Evaluation, position: usize) -> Option<Decimal> {
    evaluation.indicators.get(position).and_then(|i| i.achievement)
}

/// Every node and indicator whose score differs, in the order of `after`.
pub fn compare(before: &Evaluation, after: &Evaluation) -> Vec<Change> {
    let mut changes = Vec::new();
    // What-if edits change values, not the tree: the two evaluations then list the same
    // results in the same order, and each pairs with the one at its position (looking
    // every id up instead was most of an edit's time in the app at 100 000 indicators).
    for (i, node) in after.nodes.iter().enumerate() {
        let b = match before.nodes.get(i) {
            Some(b) if b.id == node.id => b.score,
            _ => before.node(&node.id).and_then(|n| n.score),
        };
        changes.extend((b != node.score).then(|| Change::new(&node.id, &node.code, false, b, node.score)));
    }
    for (i, indicator) in after.indicators.iter().enumerate() {
        let b = match before.indicators.get(i) {
            Some(b) if b.id == indicator.id => b.achievement,
            _ => before.indicator(&indicator.id).and_then(|i| i.achievement),
        };
        changes.extend((b != indicator.achievement).then(|| Change::new(&indicator.id, &indicator.code, true, b, indicator.achievement)));
    }
    changes
}

/// The results whose score differs between two evaluations of one tree (a what-if
/// scenario against its baseline: edits change values, never the tree, so results pair
/// by position), kept up to date edit by edit from what [`Live`](crate::live::Live)
/// touched: an edit then costs what it touched, not a comparison of the whole plan.
/// [`Differences::changes`] gives what [`compare`] gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Differences {
    /// Positions, sorted.
    nodes: Vec<u32>,
    indicators: Vec<u32>,
}

impl Differences {
    /// Every result that differs, by one pass over both.
    pub fn between(before: &Evaluation, after: &Evaluation) -> Differences {
        let differing = |len: usize, score: fn(&Evaluation, usize) -> Option<Decimal>| {
            (0..len).filter(|&p| score(before, p) != score(after, p)).map(|p| p as u32).collect()
        };
        Differences { nodes: differing(after.nodes.len(), node_score), indicators: differing(after.indicators.len(), indicator_score) }
    }

    /// After an edit `after` took: the results it touched (`live.touched()`) checked again.
    pub fn update(&mut self, before: &Evaluation, after: &Evaluation, (nodes, indicators): (&[u32], &[u32])) {
        for &p in nodes {
            mark(&mut self.nodes, p, node_score(before, p as usize) != node_score(after, p as usize));
        }
        for &p in indicators {
            mark(&mut self.indicators, p, indicator_score(before, p as usize) != indicator_score(after, p as usize));
        }
    }

    /// The changes, as [`compare`] lists them: nodes, then indicators, in order.
    pub fn changes(&self, before: &Evaluation, after: &Evaluation) -> Vec<Change> {
        let nodes = self.nodes.iter().filter_map(|&p| {
            let a = after.nodes.get(p as usize)?;
            Some(Change::new(&a.id, &a.code, false, node_score(before, p as usize), a.score))
        });
        let indicators = self.indicators.iter().filter_map(|&p| {
            let a = after.indicators.get(p as usize)?;
            Some(Change::new(&a.id, &a.code, true, indicator_score(before, p as usize), a.achievement))
        });
        nodes.chain(indicators).collect()
    }
}

/// `position` in the sorted list `set` when `present`, else not.
fn mark(set: &mut Vec<u32>, position: u32, present: bool) {
    match (set.binary_search(&position), present) {
        (Err(at), true) => set.insert(at, position),
        (Ok(at), false) => {
            set.remove(at);
        }
        _ => {}
    }
}

/// The edits as a short URL-safe text for a share link.
pub fn encode_edits(edits: &[Edit]) -> String {
    use base64::Engine;
    let json = serde_json::to_vec(edits).expect("edits serialise");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

/// Reads the edits of a share link; a damaged link is an error, never a panic.
pub fn decode_edits(text: &str) -> Result<Vec<Edit>, Diagnostic> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|e| Diagnostic::new("edits", Code::BadShareLink, [Param::Case(Case::NotBase64), Param::Detail(e.to_string())]))?;
    serde_json::from_slice(&bytes).map_err(|e| Diagnostic::json("edits", Code::BadShareLink, &e))
}
