//! A plan being edited live: each edit re-evaluates only what depends on what it
//! changed, in time that grows with the depth of the tree, not with the plan.
//!
//! The result is the same as evaluating the edited plan from scratch (a property test
//! holds it to that, on the seeds and on plans of 100 000 indicators); only the work
//! differs. What depends on what is read off the evaluation itself: each node lists the
//! items its score is computed from. Built once, with the plan:
//! - where each tree indicator and objective sits in the plan (no search per edit);
//! - for each indicator and node result, the (node, item) pairs that weigh it.
//!
//! An edit rescores its indicator, then walks up the dependents. Each node whose mean
//! counts every item is updated by the change of one term: its exact sums Σ(m·p) and Σp
//! (`evaluate::Sums`, exact integers, so the order of additions does not matter) lose
//! the old product and gain the new, and are rounded as a full evaluation rounds them,
//! so the result is the same to the last digit. A node where an item enters or leaves
//! the mean (N/D, N.V., a weight of 0), whose weights become explicit, or that has no
//! exact sums (a unit taking its cruscotto's score) is recomputed from all its items.
//! [`Live::recomputed`] counts the nodes an edit touched, [`Live::items_read`] the items
//! read by full recomputations: a test holds an edit to depth-many nodes.

use crate::decimal::Decimal;
use crate::diagnostic::Diagnostic;
use crate::evaluate::{evaluate, mean_from_sums, rescore_indicator, same_score, verdict, weighted_mean, Entry, Evaluation, NodeKind, Sums};
use crate::explain::Explanation;
use crate::plan::{Actual, Indicator, Objective, Plan};
use crate::scenario::{apply_one, find_indicator_mut, Edit};
use crate::text::Text;
use std::collections::{HashMap, HashSet};

pub struct Live {
    plan: Plan,
    evaluation: Evaluation,
    /// For each indicator result (by position), the (node, item) pairs weighing it.
    indicator_dependents: Dependents,
    /// For each node result (by position), the (node, item) pairs weighing it.
    node_dependents: Dependents,
    /// Where the plan holds each indicator result's indicator, when it is a tree
    /// objective's: (objective in `objective_paths`, index in its `indicators`).
    indicator_places: Vec<Option<(u32, u32)>>,
    /// The path of each tree objective (indices from `ente.objectives` down), depth first.
    objective_paths: Vec<Box<[u32]>>,
    /// Each tree objective's code, first in depth-first order (as `apply_one` finds it).
    objective_codes: HashMap<Text, u32>,
    /// Codes of the ente's own indicators and of the plan's `indicators`: an edit of one
    /// goes through `apply_one`, whose search finds those before the tree's.
    shadowed: HashSet<Text>,
    recomputed: usize,
    items_read: usize,
    /// The positions of the node and indicator results the last edit updated (a node
    /// may repeat), for [`crate::scenario::Differences`].
    touched_nodes: Vec<u32>,
    touched_indicators: Vec<u32>,
}

/// A compressed list per result: the pairs of result `r` are `pairs[start[r]..start[r + 1]]`.
#[derive(Default)]
struct Dependents {
    start: Vec<u32>,
    pairs: Vec<(u32, u32)>,
}

impl Dependents {
    fn build(results: usize, edges: Vec<(usize, u32, u32)>) -> Dependents {
        let mut start = vec![0u32; results + 1];
        for &(target, ..) in &edges {
            start[target + 1] += 1;
        }
        for r in 0..results {
            start[r + 1] += start[r];
        }
        // A counting fill, not a sort: each result's pairs in the order they came (as a
        // stable sort would leave them), in linear time, and no sort routine in the app's
        // download (about 1 KB gzipped).
        let mut next = start[..results].to_vec();
        let mut pairs = vec![(0, 0); edges.len()];
        for (target, node, item) in edges {
            pairs[next[target] as usize] = (node, item);
            next[target] += 1;
        }
        Dependents { start, pairs }
    }

    fn range(&self, result: usize) -> std::ops::Range<usize> {
        match (self.start.get(result), self.start.get(result + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }
}

/// Which result changed.
#[derive(Clone, Copy)]
enum Changed {
    Indicator(usize),
    Node(usize),
}

impl Live {
    /// A plan to be edited live, evaluated once here.
    pub fn new(plan: Plan) -> Self {
        let evaluation = evaluate(&plan);
        Live::evaluated(plan, evaluation)
    }

    /// As [`Live::new`], for a plan whose evaluation is at hand (`evaluate(&plan)`, as the
    /// app has it when a plan opens): it is not evaluated again.
    pub fn evaluated(plan: Plan, evaluation: Evaluation) -> Self {
        let mut indicator_edges = Vec::new();
        let mut node_edges = Vec::new();
        for (position, node) in evaluation.nodes.iter().enumerate() {
            for (index, item) in node.items.iter().enumerate() {
                let edge = |target| (target, position as u32, index as u32);
                if item.indicator {
                    indicator_edges.extend(evaluation.indicator_position(&item.id).map(edge));
                } else {
                    node_edges.extend(evaluation.node_position(&item.id).map(edge));
                }
            }
        }
        let indicator_dependents = Dependents::build(evaluation.indicators.len(), indicator_edges);
        let node_dependents = Dependents::build(evaluation.nodes.len(), node_edges);

        let mut objective_paths = Vec::new();
        let mut objective_codes = HashMap::new();
        let mut indicator_places = vec![None; evaluation.indicators.len()];
        // The evaluation lists the ente's indicators, then the tree's depth first, each
        // objective's own before its children's: the same walk finds their positions.
        let mut next = plan.ente.indicators.len();
        let mut path = Vec::new();
        index_objectives(&plan.ente.objectives, &mut path, &mut objective_paths, &mut objective_codes, &mut |objective, k| {
            for (i, indicator) in objective.indicators.iter().enumerate() {
                if let Some(slot) = indicator_places.get_mut(next) {
                    // Checked, so that a plan this walk misreads only loses the shortcut.
                    if *evaluation.indicators[next].code == *indicator.code {
                        *slot = Some((k, i as u32));
                    }
                }
                next += 1;
            }
        });
        let shadowed = plan.ente.indicators.iter().chain(&plan.indicators).map(|i| i.code.clone()).collect();
        Live {
            plan,
            evaluation,
            indicator_dependents,
            node_dependents,
            indicator_places,
            objective_paths,
            objective_codes,
            shadowed,
            recomputed: 0,
            touched_nodes: Vec::new(),
            touched_indicators: Vec::new(),
            items_read: 0,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// How many nodes the last edit updated or recomputed: at most the nodes above the
    /// edited indicator or objective (its ancestors, and the cruscotti and units that
    /// weigh them), never the plan.
    pub fn recomputed(&self) -> usize {
        self.recomputed
    }

    /// How many items the last edit's full recomputations read (a node updated by the
    /// change of one term reads none).
    /// The positions of the node and indicator results the last edit updated: every
    /// result whose score it may have changed is among them (a node may repeat).
    pub fn touched(&self) -> (&[u32], &[u32]) {
        (&self.touched_nodes, &self.touched_indicators)
    }

    pub fn items_read(&self) -> usize {
        self.items_read
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
        self.recomputed = 0;
        self.items_read = 0;
        self.touched_nodes.clear();
        self.touched_indicators.clear();
        match edit {
            Edit::SetObjectiveWeight { objective, weight } => {
                match self.objective_codes.get(objective.as_str()).and_then(|&k| objective_at(&mut self.plan, &self.objective_paths[k as usize])) {
                    Some(found) => found.weight = Some(*weight),
                    None => apply_one(&mut self.plan, edit)?,
                }
                let Some(position) = self.evaluation.node_position(objective) else { return Ok(()) };
                self.touched_nodes.push(position as u32);
                self.evaluation.nodes[position].weight = Some(*weight);
                self.set_item_weight(Changed::Node(position), Some(*weight));
                self.propagate(Changed::Node(position));
            }
            _ => {
                let id = edit.subject();
                let position = self.evaluation.indicator_position(id);
                let place = position.and_then(|p| self.indicator_places[p]).filter(|_| !self.shadowed.contains(id));
                match place.and_then(|(k, i)| indicator_at(&mut self.plan, &self.objective_paths[k as usize], i)) {
                    Some(indicator) => set(indicator, edit),
                    None => apply_one(&mut self.plan, edit)?,
                }
                let Some(position) = position else { return Ok(()) };
                self.touched_indicators.push(position as u32);
                self.rescore(position, place);
                if let Edit::SetIndicatorWeight { weight, .. } = edit {
                    self.set_item_weight(Changed::Indicator(position), Some(*weight));
                }
                self.propagate(Changed::Indicator(position));
            }
        }
        Ok(())
    }

    fn rescore(&mut self, position: usize, place: Option<(u32, u32)>) {
        let policy = &self.plan.policy;
        let result = &mut self.evaluation.indicators[position];
        let indicator = match place {
            Some((k, i)) => indicator_at_ref(&self.plan, &self.objective_paths[k as usize], i),
            None => None,
        };
        let indicator = match indicator {
            Some(found) => found,
            None => {
                // Outside the tree (or shadowed): found by the search `apply_one` uses.
                let id = result.id.clone();
                let policy = self.plan.policy.clone();
                let Some(found) = find_indicator_mut(&mut self.plan, &id) else { return };
                return rescore_at(&mut self.evaluation.indicators[position], &policy, found);
            }
        };
        rescore_at(result, policy, indicator);
    }

    /// The weight an item has in the node that defines it (its tree parent), not in
    /// other nodes that reference it with their own weight. An indicator of the plan's
    /// `indicators` has no such node: its weight counts nowhere.
    fn set_item_weight(&mut self, changed: Changed, weight: Option<Decimal>) {
        let (parent, range, dependents) = match changed {
            Changed::Indicator(p) => {
                let result = &self.evaluation.indicators[p];
                let parent = if result.id.starts_with(crate::evaluate::CRUSCOTTO_ID_PREFIX) { None } else { result.parent.as_deref() };
                (parent, self.indicator_dependents.range(p), &self.indicator_dependents)
            }
            Changed::Node(p) => (self.evaluation.nodes[p].parent.as_deref(), self.node_dependents.range(p), &self.node_dependents),
        };
        let Some(parent) = parent.and_then(|p| self.evaluation.node_position(p)) else { return };
        let Some(&(_, item)) = dependents.pairs[range].iter().find(|(node, _)| *node as usize == parent) else { return };
        if let Some(slot) = self.evaluation.nodes[parent].items.get_mut(item as usize) {
            slot.weight = weight;
        }
    }

    /// Brings every node downstream of `changed` up to date. A node reached twice is
    /// simply updated again: the graph has no cycles, so this ends, and the last update
    /// of each node sees final inputs.
    fn propagate(&mut self, changed: Changed) {
        let mut queue = vec![changed];
        while let Some(changed) = queue.pop() {
            let (range, score) = match changed {
                Changed::Indicator(p) => (self.indicator_dependents.range(p), self.evaluation.indicators[p].achievement),
                Changed::Node(p) => (self.node_dependents.range(p), self.evaluation.nodes[p].score),
            };
            for i in range {
                let (node, item) = match changed {
                    Changed::Indicator(_) => self.indicator_dependents.pairs[i],
                    Changed::Node(_) => self.node_dependents.pairs[i],
                };
                if self.update_node(node as usize, item as usize, score) {
                    queue.push(Changed::Node(node as usize));
                }
            }
        }
    }

    /// Brings one node up to date after its item `item` took the score `score`; true
    /// when the node's score changed.
    fn update_node(&mut self, position: usize, item: usize, score: Option<Decimal>) -> bool {
        self.recomputed += 1;
        self.touched_nodes.push(position as u32);
        match self.update_one_term(position, item, score) {
            Some(changed) => changed,
            None => self.recompute_node(position),
        }
    }

    /// Updates a mean that counts every item by the change of one term; `None` when
    /// that is not enough (an item enters or leaves the mean, or the weights change
    /// kind) and the node must be recomputed from all its items.
    fn update_one_term(&mut self, position: usize, item: usize, score: Option<Decimal>) -> Option<bool> {
        let sums = self.evaluation.sums(position)?;
        let node = &self.evaluation.nodes[position];
        let Explanation::WeightedMean(mean) = &node.explanation else { return None };
        if mean.terms.len() != node.items.len() {
            return None;
        }
        let new_score = score?;
        let new_weight = match (mean.equal_weights, node.items.get(item)?.weight) {
            (true, None) => Decimal::ONE,
            (false, Some(weight)) if weight > Decimal::ZERO => weight,
            _ => return None,
        };
        let term = mean.terms.get(item)?;
        let (old_score, old_weight) = (term.score, term.weight);
        let old_product = old_score.checked_mul(old_weight)?;
        let new_product = new_score.checked_mul(new_weight)?;
        let updated = Sums { products: sums.products.minus(old_product).plus(new_product), weights: sums.weights.minus(old_weight).plus(new_weight) };
        let (sum_products, sum_weights, result) = mean_from_sums(updated)?;
        let policy = &self.plan.policy;
        let (node, slot) = self.evaluation.node_and_sums_mut(position)?;
        let Explanation::WeightedMean(mean) = &mut node.explanation else { return None };
        let term = &mut mean.terms[item];
        (term.score, term.weight) = (new_score, new_weight);
        (mean.sum_products, mean.sum_weights, mean.result) = (sum_products, sum_weights, result);
        *slot = updated;
        let changed = !identical(node.score, Some(result));
        node.score = Some(result);
        node.verdict = Some(verdict(result, policy));
        Some(changed)
    }

    /// Recomputes one node from all its items; true when its score changed.
    fn recompute_node(&mut self, position: usize) -> bool {
        let node = &self.evaluation.nodes[position];
        self.items_read += node.items.len();
        let (explanation, sums) = {
            let entries: Vec<Entry> = node
                .items
                .iter()
                .map(|item| {
                    let (code, score) = if item.indicator {
                        let result = self.evaluation.indicator(&item.id);
                        (result.map(|r| &r.code), result.and_then(|r| r.achievement))
                    } else {
                        let result = self.evaluation.node(&item.id);
                        (result.map(|r| &r.code), result.and_then(|r| r.score))
                    };
                    let code = code.unwrap_or(&item.id).clone();
                    Entry { code, id: item.id.clone(), is_indicator: item.indicator, score, weight: item.weight }
                })
                .collect();
            // A unit with a cruscotto takes its score as it is (see evaluate_unit).
            match (node.kind, entries.as_slice()) {
                (NodeKind::Unit, [only]) if only.id.starts_with(crate::evaluate::CRUSCOTTO_ID_PREFIX) => (same_score(&only.code, only.score), Sums::default()),
                _ => weighted_mean(&entries),
            }
        };
        let score = explanation.result();
        let policy = &self.plan.policy;
        let node = &mut self.evaluation.nodes[position];
        let changed = !identical(node.score, score);
        node.score = score;
        node.verdict = score.map(|s| verdict(s, policy));
        node.explanation = explanation;
        self.evaluation.set_sums(position, sums);
        changed
    }
}

/// The same value written the same way (`100` and `100.0` are equal, not identical: a
/// parent holding one where a fresh evaluation holds the other would print differently).
fn identical(a: Option<Decimal>, b: Option<Decimal>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b && a.scale() == b.scale(),
        (None, None) => true,
        _ => false,
    }
}

fn rescore_at(result: &mut crate::evaluate::IndicatorResult, policy: &crate::plan::Policy, indicator: &Indicator) {
    // As `evaluate` gives it: a tree indicator's own weight; a cruscotto's own, the
    // item's (unchanged by edits); one of the plan's `indicators`, none.
    let in_tree = result.parent.is_some() && !result.id.starts_with(crate::evaluate::CRUSCOTTO_ID_PREFIX);
    if in_tree {
        result.weight = indicator.weight;
    }
    rescore_indicator(policy, indicator, result);
}

/// What `apply_one` does to an indicator it found.
fn set(indicator: &mut Indicator, edit: &Edit) {
    match edit {
        Edit::SetTarget { target, .. } => indicator.target = Some(target.clone()),
        Edit::SetActual { actual, .. } => indicator.actual = actual.clone(),
        Edit::SetIndicatorWeight { weight, .. } => indicator.weight = Some(*weight),
        Edit::Exclude { reason, .. } => indicator.actual = Some(Actual::NotEvaluable { reason: reason.clone() }),
        Edit::SetObjectiveWeight { .. } => {}
    }
}

fn index_objectives(
    objectives: &[Objective],
    path: &mut Vec<u32>,
    paths: &mut Vec<Box<[u32]>>,
    codes: &mut HashMap<Text, u32>,
    visit: &mut dyn FnMut(&Objective, u32),
) {
    for (i, objective) in objectives.iter().enumerate() {
        path.push(i as u32);
        let k = paths.len() as u32;
        paths.push(path.clone().into_boxed_slice());
        codes.entry(objective.code.clone()).or_insert(k);
        visit(objective, k);
        index_objectives(&objective.objectives, path, paths, codes, visit);
        path.pop();
    }
}

fn objective_at<'a>(plan: &'a mut Plan, path: &[u32]) -> Option<&'a mut Objective> {
    let (first, rest) = path.split_first()?;
    let mut objective = plan.ente.objectives.get_mut(*first as usize)?;
    for &i in rest {
        objective = objective.objectives.get_mut(i as usize)?;
    }
    Some(objective)
}

fn indicator_at<'a>(plan: &'a mut Plan, path: &[u32], index: u32) -> Option<&'a mut Indicator> {
    objective_at(plan, path)?.indicators.get_mut(index as usize)
}

fn indicator_at_ref<'a>(plan: &'a Plan, path: &[u32], index: u32) -> Option<&'a Indicator> {
    let (first, rest) = path.split_first()?;
    let mut objective = plan.ente.objectives.get(*first as usize)?;
    for &i in rest {
        objective = objective.objectives.get(i as usize)?;
    }
    objective.indicators.get(index as usize)
}
