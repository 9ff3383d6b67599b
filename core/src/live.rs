//! A plan being edited live: each edit re-evaluates only what depends on what it
//! changed, so that one edit on a plan of 10 000 indicators fits in a frame.
//!
//! The result is the same as evaluating the edited plan from scratch (a property test
//! holds it to that); only the work differs. What depends on what is read off the
//! evaluation itself: each node lists the items its score is computed from.

use crate::diagnostic::Diagnostic;
use crate::evaluate::{evaluate, evaluate_indicator, verdict, weighted_mean, Entry, Evaluation, NodeKind};
use crate::explain::Explanation;
use crate::plan::Plan;
use crate::scenario::{apply_one, find_indicator_mut, Edit};
use std::collections::HashMap;

pub struct Live {
    plan: Plan,
    evaluation: Evaluation,
    /// For each node or indicator id, the positions of the nodes computed from it.
    dependents: HashMap<String, Vec<usize>>,
}

impl Live {
    pub fn new(plan: Plan) -> Self {
        let evaluation = evaluate(&plan);
        let mut dependents: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, node) in evaluation.nodes.iter().enumerate() {
            for item in &node.items {
                dependents.entry(item.id.clone()).or_default().push(position);
            }
        }
        Live { plan, evaluation, dependents }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// Exchanges this plan and evaluation with a pair the caller holds. A shell that
    /// shows the results cannot lend out its copy, and cloning 10 000 results per edit
    /// would cost more than a frame: it keeps two copies instead, swaps the stale one in,
    /// applies the edits it missed, and swaps it back out. The pair must be this plan's
    /// (same codes and tree, values may differ) with its own evaluation.
    pub fn swap_state(&mut self, plan: &mut Plan, evaluation: &mut Evaluation) {
        std::mem::swap(&mut self.plan, plan);
        std::mem::swap(&mut self.evaluation, evaluation);
    }

    /// Applies one edit to the plan and brings the evaluation up to date.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), Diagnostic> {
        apply_one(&mut self.plan, edit)?;
        let changed = match edit {
            Edit::SetObjectiveWeight { objective, weight } => {
                if let Some(position) = self.evaluation.node_position(objective) {
                    self.evaluation.nodes[position].weight = Some(*weight);
                }
                self.set_item_weight(objective, Some(*weight));
                objective.clone()
            }
            _ => {
                let id = edit.subject().to_string();
                self.rescore_indicator(&id);
                if let Edit::SetIndicatorWeight { weight, .. } = edit {
                    self.set_item_weight(&id, Some(*weight));
                }
                id
            }
        };
        self.propagate(changed);
        Ok(())
    }

    fn rescore_indicator(&mut self, id: &str) {
        let Some(position) = self.evaluation.indicator_position(id) else { return };
        let policy = self.plan.policy.clone();
        let Some(indicator) = find_indicator_mut(&mut self.plan, id) else { return };
        let old = &self.evaluation.indicators[position];
        let parent = old.parent.clone();
        // As `evaluate` gives it: a tree indicator's own weight; a cruscotto's own, the
        // item's (unchanged by edits); one of the plan's `indicators`, none.
        let in_tree = parent.is_some() && !id.starts_with(crate::evaluate::CRUSCOTTO_ID_PREFIX);
        let weight = if in_tree { indicator.weight } else { old.weight };
        self.evaluation.indicators[position] = evaluate_indicator(&policy, indicator, id.to_string(), parent.as_deref(), weight);
    }

    /// The weight an item has in the node that defines it (its tree parent), not in
    /// other nodes that reference it with their own weight. An indicator of the plan's
    /// `indicators` has no such node: its weight counts nowhere.
    fn set_item_weight(&mut self, id: &str, weight: Option<crate::decimal::Decimal>) {
        let parent = match self.evaluation.indicator(id) {
            Some(indicator) if !id.starts_with(crate::evaluate::CRUSCOTTO_ID_PREFIX) => indicator.parent.clone(),
            Some(_) => None,
            None => self.evaluation.node(id).and_then(|n| n.parent.clone()),
        };
        let Some(position) = parent.and_then(|p| self.evaluation.node_position(&p)) else { return };
        if let Some(item) = self.evaluation.nodes[position].items.iter_mut().find(|i| i.id == id) {
            item.weight = weight;
        }
    }

    /// Recomputes every node downstream of `changed`, each from the current values of
    /// its items. A node reached twice is simply recomputed again: the graph has no
    /// cycles, so this ends, and the last computation of each node sees final inputs.
    fn propagate(&mut self, changed: String) {
        let mut queue = vec![changed];
        while let Some(id) = queue.pop() {
            let Some(positions) = self.dependents.get(&id) else { continue };
            for &position in positions.clone().iter() {
                if self.recompute_node(position) {
                    queue.push(self.evaluation.nodes[position].id.clone());
                }
            }
        }
    }

    /// Recomputes one node from its items; true when its score or verdict changed.
    fn recompute_node(&mut self, position: usize) -> bool {
        let node = &self.evaluation.nodes[position];
        let entries: Vec<Entry> = node
            .items
            .iter()
            .map(|item| {
                let (code, score) = if item.indicator {
                    let result = self.evaluation.indicator(&item.id);
                    (result.map(|r| r.code.clone()), result.and_then(|r| r.achievement))
                } else {
                    let result = self.evaluation.node(&item.id);
                    (result.map(|r| r.code.clone()), result.and_then(|r| r.score))
                };
                Entry { code: code.unwrap_or_else(|| item.id.clone()), id: item.id.clone(), is_indicator: item.indicator, score, weight: item.weight }
            })
            .collect();
        // A unit with a cruscotto takes its score as it is (see evaluate_unit).
        let explanation = match (node.kind, entries.as_slice()) {
            (NodeKind::Unit, [only]) if only.id.starts_with(crate::evaluate::CRUSCOTTO_ID_PREFIX) => match only.score {
                Some(result) => Explanation::Same { code: only.code.clone(), result },
                None => Explanation::NothingToScore { excluded: vec![only.code.clone()] },
            },
            _ => weighted_mean(&entries),
        };
        let score = explanation.result();
        let policy = &self.plan.policy;
        let node = &mut self.evaluation.nodes[position];
        let changed = node.score != score || node.explanation != explanation;
        node.score = score;
        node.verdict = score.map(|s| verdict(s, policy));
        node.explanation = explanation;
        changed
    }
}
