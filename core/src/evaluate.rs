//! Evaluation: every indicator's achievement and every node's score, verdict and
//! explanation, computed from a plan with exact decimals.
//!
//! Nodes are the ente, the objectives of the tree, the organisational units, the
//! cruscotti and their groups. Each is scored as R = Σ(m·p) / Σp over the items that
//! count (section 3.3 of seed 004); excluded items drop out and the rest are re-weighted.
//! Evaluation never fails: what cannot be scored has no score and says why.

use crate::decimal::Decimal;
use crate::diagnostic::Collision;
use crate::exact::ExactSum;
use crate::explain::{Explanation, Mean, Term};
use crate::plan::{Cruscotto, CruscottoItem, Indicator, Level, Objective, Plan, Policy, Published, ScoreFrom, SharedIndicator, Unit, Verdict};
use crate::score::{score_indicator, Deviation};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Ente,
    Area,
    Strategic,
    Operational,
    Unit,
    Cruscotto,
    Group,
}

impl From<Level> for NodeKind {
    fn from(level: Level) -> Self {
        match level {
            Level::Area => NodeKind::Area,
            Level::Strategic => NodeKind::Strategic,
            Level::Operational => NodeKind::Operational,
        }
    }
}

/// A result's id or code: the plan's own code where it is one ([`Text`], shared, not
/// copied).
pub type Id = Text;

/// The result for one node. `id` is unique in the evaluation: the plan code for the
/// ente and the tree, `unit/CODE`, `cruscotto/CODE` and `cruscotto/CODE/GROUP` for the
/// others, since a group may repeat an objective's code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeResult {
    pub id: Id,
    pub code: Id,
    pub name: Id,
    pub kind: NodeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    pub explanation: Explanation,
    /// Ids of the nodes listed under this one (for a cruscotto, also referenced objectives).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<Id>,
    /// Ids of the indicators listed under this one.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub indicators: Vec<Id>,
    /// What the score is computed from, in order, with the weight each has *here* (a
    /// cruscotto may weigh an indicator differently from the tree).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub items: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
}

/// One weighted line of a node's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Id of a node, or of an indicator when `indicator` is true.
    pub id: Id,
    pub indicator: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorResult {
    pub id: Id,
    pub code: Id,
    pub name: Id,
    /// Id of the node the indicator is defined in: a tree node, or `cruscotto/…` for an
    /// indicator of a cruscotto's own. `None` for an indicator of the plan's own list
    /// (`Plan::indicators`): it stands in no node (not even the ente, whose score it does
    /// not enter), and is weighed by every node whose `items` name its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Its weight in its parent; `None` for an indicator of the plan's own list, which has
    /// a weight only where it is referenced (in the referencing node's `items`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deviation: Option<Deviation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    pub explanation: Explanation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
}

/// Every result of a plan. Nodes: in tree order (ente first, then depth first), then
/// cruscotti and units. Indicators: the tree's in tree order, then the plan's own list
/// (`Plan::indicators`, id = code), then those defined in cruscotti.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub nodes: Vec<NodeResult>,
    pub indicators: Vec<IndicatorResult>,
    /// Positions by id, keyed by the results' own ids (shared, not copied).
    #[serde(skip)]
    node_index: HashMap<Id, usize>,
    #[serde(skip)]
    indicator_index: HashMap<Id, usize>,
    /// For each node, the exact sums behind its weighted mean (zero for other rules), so
    /// that a live edit updates them by one term and gets what summing again gives.
    #[serde(skip)]
    sums: Vec<Sums>,
}

/// A weighted mean's Σ(m·p) and Σp, exact (rounded only when written into its `Mean`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Sums {
    pub(crate) products: ExactSum,
    pub(crate) weights: ExactSum,
}

impl Evaluation {
    pub fn node(&self, id: &str) -> Option<&NodeResult> {
        self.node_position(id).map(|i| &self.nodes[i])
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicator_position(id).map(|i| &self.indicators[i])
    }

    /// Where the node `id` stands in `nodes`.
    pub fn node_position(&self, id: &str) -> Option<usize> {
        self.node_index.get(id).copied()
    }

    /// Where the indicator `id` stands in `indicators`.
    pub fn indicator_position(&self, id: &str) -> Option<usize> {
        self.indicator_index.get(id).copied()
    }

    fn push_node(&mut self, (node, sums): (NodeResult, Sums)) {
        self.node_index.entry(node.id.clone()).or_insert(self.nodes.len());
        self.nodes.push(node);
        self.sums.push(sums);
    }

    /// The exact sums of the node at `position`, when this evaluation has them (one read
    /// back from JSON has not).
    pub(crate) fn sums(&self, position: usize) -> Option<Sums> {
        self.sums.get(position).copied()
    }

    /// The node at `position` and its sums, to update in place (live edits).
    pub(crate) fn node_and_sums_mut(&mut self, position: usize) -> Option<(&mut NodeResult, &mut Sums)> {
        Some((self.nodes.get_mut(position)?, self.sums.get_mut(position)?))
    }

    pub(crate) fn set_sums(&mut self, position: usize, sums: Sums) {
        if let Some(slot) = self.sums.get_mut(position) {
            *slot = sums;
        }
    }

    fn push_indicator(&mut self, indicator: IndicatorResult) {
        self.indicator_index.entry(indicator.id.clone()).or_insert(self.indicators.len());
        self.indicators.push(indicator);
    }

    fn score_of_node(&self, id: &str) -> Option<Decimal> {
        self.node(id).and_then(|n| n.score)
    }

    fn achievement_of(&self, id: &str) -> Option<Decimal> {
        self.indicator(id).and_then(|i| i.achievement)
    }
}

/// Ids of results outside the tree: `unit/CODE`, `cruscotto/CODE` and, under a cruscotto,
/// `cruscotto/CODE/ITEM` for its groups and own indicators. Tree results use the plan
/// code itself, so validation keeps plan codes out of these namespaces
/// ([`id_collision`]): two results with one id would silently take each other's score.
pub const UNIT_ID_PREFIX: &str = "unit/";
pub const CRUSCOTTO_ID_PREFIX: &str = "cruscotto/";

pub fn unit_id(code: &str) -> String {
    format!("{UNIT_ID_PREFIX}{code}")
}

pub fn cruscotto_id(code: &str) -> String {
    format!("{CRUSCOTTO_ID_PREFIX}{code}")
}

/// Where a code stands in the plan, for [`id_collision`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePlace {
    /// An objective of the tree (its id is its code).
    Objective,
    /// An indicator of the tree or of the plan's `indicators` (its id is its code).
    Indicator,
    /// A cruscotto, or a group or own indicator in one (its id is built with `/`).
    Cruscotto,
}

/// Why a plan code would give a result the id of another, or `None` when it cannot.
pub fn id_collision(code: &str, place: CodePlace) -> Option<Collision> {
    let reserved = |prefix: &str, collision| code.starts_with(prefix).then_some(collision);
    match place {
        CodePlace::Objective if code == "ENTE" => Some(Collision::Ente),
        CodePlace::Objective => reserved(UNIT_ID_PREFIX, Collision::UnitPrefix).or_else(|| reserved(CRUSCOTTO_ID_PREFIX, Collision::CruscottoPrefix)),
        CodePlace::Indicator => reserved(CRUSCOTTO_ID_PREFIX, Collision::CruscottoPrefix),
        CodePlace::Cruscotto if code.contains('/') => Some(Collision::Slash),
        CodePlace::Cruscotto => None,
    }
}

/// The verdict for a score under the plan's thresholds.
pub fn verdict(score: Decimal, policy: &Policy) -> Verdict {
    if score >= policy.tolerance {
        Verdict::Raggiunto
    } else if score < policy.critical {
        Verdict::NonRaggiunto
    } else {
        Verdict::ParzialmenteRaggiunto
    }
}

/// Evaluates a whole plan.
pub fn evaluate(plan: &Plan) -> Evaluation {
    // Sized once: grown by doubling, the two lists of a large plan would keep up to
    // half their room empty, the largest part of an evaluation's memory.
    let (nodes, indicators) = result_counts(plan);
    let mut evaluation = Evaluation {
        nodes: Vec::with_capacity(nodes),
        indicators: Vec::with_capacity(indicators),
        node_index: HashMap::with_capacity(nodes),
        indicator_index: HashMap::with_capacity(indicators),
        sums: Vec::with_capacity(nodes),
    };
    let policy = &plan.policy;
    let ente = &plan.ente;
    let by_code = Referenced { plan, by_code: OnceCell::new() };
    let ente_id = Id::from(ente.code.as_str());
    // The ente is first for readers, but scored after its subtree: its place is taken
    // now, so that no result moves and no position is indexed twice.
    let waiting = Explanation::NothingToScore { excluded: Vec::new() };
    let (name, kind) = (Id::default(), NodeKind::Ente);
    let (children, indicators, items) = (Vec::new(), Vec::new(), Vec::new());
    let place = NodeResult {
        id: ente_id.clone(),
        code: ente_id.clone(),
        name,
        kind,
        parent: None,
        weight: None,
        score: None,
        verdict: None,
        explanation: waiting,
        children,
        indicators,
        items,
        published: None,
    };
    evaluation.push_node((place, Sums::default()));
    let node = evaluate_node(
        &mut evaluation,
        policy,
        &by_code,
        NodeSpec {
            id: ente_id,
            name: Id::from(&ente.name),
            kind: NodeKind::Ente,
            parent: None,
            weight: None,
            score_from: ScoreFrom::Both,
            indicators: &ente.indicators,
            shared: &[],
            objectives: &ente.objectives,
            published: ente.published.clone(),
        },
    );
    (evaluation.nodes[0], evaluation.sums[0]) = node;

    // The plan's own indicators, measured once, before the cruscotti that read them (the
    // tree's shared references score them from `by_code`, which holds them too).
    for indicator in &plan.indicators {
        let result = evaluate_indicator(policy, indicator, indicator.code.clone(), None, None);
        evaluation.push_indicator(result);
    }
    for cruscotto in &plan.cruscotti {
        evaluate_cruscotto(&mut evaluation, policy, cruscotto);
    }
    let mut visiting = Vec::new();
    for unit in &plan.units {
        evaluate_unit(&mut evaluation, plan, unit, &mut visiting);
    }
    evaluation
}

/// How many node and indicator results a plan's evaluation holds.
fn result_counts(plan: &Plan) -> (usize, usize) {
    fn in_items(items: &[CruscottoItem]) -> (usize, usize) {
        items.iter().fold((0, 0), |(n, i), item| match (&item.own, &item.group) {
            (Some(_), _) => (n, i + 1),
            (_, Some(group)) => {
                let (gn, gi) = in_items(&group.items);
                (n + 1 + gn, i + gi)
            }
            _ => (n, i),
        })
    }
    let mut nodes = 1 + plan.units.len();
    let mut indicators = plan.ente.indicators.len() + plan.indicators.len();
    let mut stack: Vec<&Objective> = plan.ente.objectives.iter().collect();
    while let Some(objective) = stack.pop() {
        nodes += 1;
        indicators += objective.indicators.len();
        stack.extend(&objective.objectives);
    }
    for cruscotto in &plan.cruscotti {
        let (n, i) = in_items(&cruscotto.items);
        nodes += 1 + n;
        indicators += i;
    }
    (nodes, indicators)
}

struct NodeSpec<'a> {
    id: Id,
    name: Id,
    kind: NodeKind,
    parent: Option<Id>,
    weight: Option<Decimal>,
    score_from: ScoreFrom,
    indicators: &'a [Indicator],
    shared: &'a [SharedIndicator],
    objectives: &'a [Objective],
    published: Option<Box<Published>>,
}

/// Evaluates a node's subtree (pushing every descendant) and returns the node itself.
fn evaluate_node(evaluation: &mut Evaluation, policy: &Policy, by_code: &Referenced<'_>, spec: NodeSpec<'_>) -> (NodeResult, Sums) {
    let listed = spec.indicators.len() + spec.shared.len();
    let mut indicator_terms = Vec::with_capacity(listed);
    let mut indicator_ids = Vec::with_capacity(listed);
    for indicator in spec.indicators {
        let result = evaluate_indicator(policy, indicator, indicator.code.clone(), Some(&spec.id), indicator.weight);
        // The result's id is the indicator's code.
        indicator_terms.push(Entry { code: result.id.clone(), id: result.id.clone(), is_indicator: true, score: result.achievement, weight: indicator.weight });
        indicator_ids.push(result.id.clone());
        evaluation.push_indicator(result);
    }
    for shared in spec.shared {
        let score = match by_code.get(&shared.indicator) {
            Some(indicator) => score_indicator(indicator, policy).achievement,
            None => None, // validation reports the missing reference
        };
        let id = Id::from(shared.indicator.as_str());
        indicator_terms.push(Entry { code: id.clone(), id: id.clone(), is_indicator: true, score, weight: shared.weight });
        indicator_ids.push(id);
    }
    let mut child_terms = Vec::with_capacity(spec.objectives.len());
    let mut child_ids = Vec::with_capacity(spec.objectives.len());
    for objective in spec.objectives {
        let child = evaluate_node(
            evaluation,
            policy,
            by_code,
            NodeSpec {
                id: objective.code.clone(),
                name: objective.name.clone(),
                kind: objective.level.into(),
                parent: Some(spec.id.clone()),
                weight: objective.weight,
                score_from: objective.score_from.unwrap_or(policy.score_from),
                indicators: &objective.indicators,
                shared: &objective.shared_indicators,
                objectives: &objective.objectives,
                published: objective.published.clone(),
            },
        );
        let node = &child.0;
        // The child's id and code are the objective's code.
        child_terms.push(Entry { code: node.id.clone(), id: node.id.clone(), is_indicator: false, score: node.score, weight: node.weight });
        child_ids.push(node.id.clone());
        evaluation.push_node(child);
    }
    let entries = match spec.score_from {
        ScoreFrom::Indicators if !indicator_terms.is_empty() => indicator_terms,
        ScoreFrom::Indicators => child_terms,
        ScoreFrom::Children if !child_terms.is_empty() => child_terms,
        ScoreFrom::Children => indicator_terms,
        ScoreFrom::Both => indicator_terms.into_iter().chain(child_terms).collect(),
    };
    let (explanation, sums) = weighted_mean(&entries);
    let score = explanation.result();
    let node = NodeResult {
        items: items_of(&entries),
        id: spec.id.clone(),
        code: spec.id,
        name: spec.name,
        kind: spec.kind,
        parent: spec.parent,
        weight: spec.weight,
        score,
        verdict: score.map(|s| verdict(s, policy)),
        explanation,
        children: child_ids,
        indicators: indicator_ids,
        published: spec.published,
    };
    (node, sums)
}

fn indicator_verdict(achievement: Option<Decimal>, indicator: &Indicator, policy: &Policy) -> Option<Verdict> {
    match (achievement, &indicator.actual) {
        (Some(a), _) => Some(verdict(a, policy)),
        (None, Some(crate::plan::Actual::NotEvaluable { .. })) => Some(Verdict::NonValutabile),
        (None, _) => None,
    }
}

/// Scores an edited indicator into its existing result (id, names and place unchanged).
pub(crate) fn rescore_indicator(policy: &Policy, indicator: &Indicator, result: &mut IndicatorResult) {
    let scored = score_indicator(indicator, policy);
    result.verdict = indicator_verdict(scored.achievement, indicator, policy);
    result.achievement = scored.achievement;
    result.deviation = scored.deviation;
    result.explanation = scored.explanation;
}

pub(crate) fn evaluate_indicator(policy: &Policy, indicator: &Indicator, id: Id, parent: Option<&Id>, weight: Option<Decimal>) -> IndicatorResult {
    let scored = score_indicator(indicator, policy);
    let verdict = indicator_verdict(scored.achievement, indicator, policy);
    IndicatorResult {
        id,
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        parent: parent.cloned(),
        weight,
        achievement: scored.achievement,
        deviation: scored.deviation,
        verdict,
        explanation: scored.explanation,
        published: indicator.published.clone(),
    }
}

fn evaluate_cruscotto(evaluation: &mut Evaluation, policy: &Policy, cruscotto: &Cruscotto) {
    let id = Id::from(cruscotto_id(&cruscotto.code));
    let node = evaluate_items(
        evaluation,
        policy,
        ItemsSpec { id, code: Id::from(cruscotto.code.as_str()), name: Id::from(&cruscotto.name), kind: NodeKind::Cruscotto, parent: None, weight: None },
        &cruscotto.items,
        cruscotto.published.clone(),
    );
    evaluation.push_node(node);
}

struct ItemsSpec {
    id: Id,
    code: Id,
    name: Id,
    kind: NodeKind,
    parent: Option<Id>,
    weight: Option<Decimal>,
}

fn evaluate_items(
    evaluation: &mut Evaluation,
    policy: &Policy,
    spec: ItemsSpec,
    items: &[CruscottoItem],
    published: Option<Box<Published>>,
) -> (NodeResult, Sums) {
    let mut entries = Vec::new();
    let mut children = Vec::new();
    let mut indicators = Vec::new();
    for item in items {
        if let Some(code) = &item.indicator {
            let score = evaluation.achievement_of(code);
            let id = Id::from(code.as_str());
            entries.push(Entry { code: id.clone(), id: id.clone(), is_indicator: true, score, weight: item.weight });
            indicators.push(id);
        } else if let Some(code) = &item.objective {
            let score = evaluation.score_of_node(code);
            let id = Id::from(code.as_str());
            entries.push(Entry { code: id.clone(), id: id.clone(), is_indicator: false, score, weight: item.weight });
            children.push(id);
        } else if let Some(own) = &item.own {
            let id = Id::from(format!("{}/{}", spec.id, own.code));
            let result = evaluate_indicator(policy, own, id.clone(), Some(&spec.id), item.weight);
            entries.push(Entry { code: result.code.clone(), id: id.clone(), is_indicator: true, score: result.achievement, weight: item.weight });
            indicators.push(id);
            evaluation.push_indicator(result);
        } else if let Some(group) = &item.group {
            let id = Id::from(format!("{}/{}", spec.id, group.code));
            let node = evaluate_items(
                evaluation,
                policy,
                ItemsSpec {
                    id: id.clone(),
                    code: Id::from(group.code.as_str()),
                    name: Id::from(&group.name),
                    kind: NodeKind::Group,
                    parent: Some(spec.id.clone()),
                    weight: item.weight,
                },
                &group.items,
                group.published.clone(),
            );
            entries.push(Entry { code: node.0.code.clone(), id: id.clone(), is_indicator: false, score: node.0.score, weight: item.weight });
            children.push(id);
            evaluation.push_node(node);
        }
    }
    let (explanation, sums) = weighted_mean(&entries);
    let score = explanation.result();
    let node = NodeResult {
        items: items_of(&entries),
        id: spec.id,
        code: spec.code,
        name: spec.name,
        kind: spec.kind,
        parent: spec.parent,
        weight: spec.weight,
        score,
        verdict: score.map(|s| verdict(s, policy)),
        explanation,
        children,
        indicators,
        published,
    };
    (node, sums)
}

/// A unit's score: its cruscotto's, if it has one; otherwise the plain mean of the
/// objectives it carries; otherwise the plain mean of its sub-units.
fn evaluate_unit(evaluation: &mut Evaluation, plan: &Plan, unit: &Unit, visiting: &mut Vec<String>) -> Option<Decimal> {
    let id = unit_id(&unit.code);
    if let Some(node) = evaluation.node(&id) {
        return node.score;
    }
    if visiting.contains(&unit.code) {
        return None; // a cycle of parents: validation reports it
    }
    visiting.push(unit.code.clone());
    let cruscotto = plan.cruscotti.iter().find(|c| c.unit.as_deref() == Some(unit.code.as_str()));
    let carried: Vec<&Objective> = objectives_of_unit(&plan.ente.objectives, &unit.code);
    let sub_units: Vec<&Unit> = plan.units.iter().filter(|u| u.parent.as_deref() == Some(unit.code.as_str())).collect();
    let mut entries: Vec<Entry> = Vec::new();
    let (explanation, sums) = if let Some(cruscotto) = cruscotto {
        let cid = Id::from(cruscotto_id(&cruscotto.code));
        let score = evaluation.score_of_node(&cid);
        entries.push(Entry { code: Id::from(cruscotto.code.as_str()), id: cid, is_indicator: false, score, weight: None });
        (same_score(&cruscotto.code, score), Sums::default())
    } else if !carried.is_empty() {
        entries = carried
            .iter()
            .map(|o| {
                let id = o.code.clone();
                Entry { code: id.clone(), id, is_indicator: false, score: evaluation.score_of_node(&o.code), weight: None }
            })
            .collect();
        weighted_mean(&entries)
    } else {
        for sub in sub_units {
            let score = evaluate_unit(evaluation, plan, sub, visiting);
            entries.push(Entry { code: Id::from(sub.code.as_str()), id: Id::from(unit_id(&sub.code)), is_indicator: false, score, weight: None });
        }
        weighted_mean(&entries)
    };
    let children = entries.iter().map(|entry| entry.id.clone()).collect();
    visiting.pop();
    let score = explanation.result();
    let node = NodeResult {
        id: Id::from(id),
        code: Id::from(unit.code.as_str()),
        name: Id::from(&unit.name),
        kind: NodeKind::Unit,
        parent: unit.parent.as_deref().map(|parent| Id::from(unit_id(parent))),
        weight: None,
        score,
        verdict: score.map(|s| verdict(s, &plan.policy)),
        explanation,
        children,
        indicators: Vec::new(),
        items: items_of(&entries),
        published: unit.published.clone(),
    };
    evaluation.push_node((node, sums));
    score
}

/// The indicators a shared reference may name, by code, found the first time one is
/// named: most plans have no shared reference, and the map of a large plan costs a
/// tenth of its evaluation.
struct Referenced<'p> {
    plan: &'p Plan,
    by_code: OnceCell<HashMap<&'p str, &'p Indicator>>,
}

impl<'p> Referenced<'p> {
    fn get(&self, code: &str) -> Option<&'p Indicator> {
        self.by_code.get_or_init(|| indicators_by_code(self.plan)).get(code).copied()
    }
}

/// Every indicator whose result has its code as id, by code: the tree's and the plan's
/// own list (`Plan::indicators`), which shared references and cruscotto items name.
pub(crate) fn indicators_by_code(plan: &Plan) -> HashMap<&str, &Indicator> {
    let mut map: HashMap<&str, &Indicator> = plan.ente.indicators.iter().map(|i| (i.code.as_str(), i)).collect();
    let mut stack: Vec<&Objective> = plan.ente.objectives.iter().collect();
    while let Some(objective) = stack.pop() {
        for indicator in &objective.indicators {
            map.entry(&indicator.code).or_insert(indicator);
        }
        stack.extend(&objective.objectives);
    }
    for indicator in &plan.indicators {
        map.entry(&indicator.code).or_insert(indicator);
    }
    map
}

fn objectives_of_unit<'a>(objectives: &'a [Objective], unit: &str) -> Vec<&'a Objective> {
    let mut out = Vec::new();
    for objective in objectives {
        if objective.units.iter().any(|u| u == unit) {
            out.push(objective);
        }
        out.extend(objectives_of_unit(&objective.objectives, unit));
    }
    out
}

/// One candidate term of a weighted mean.
/// Borrowed from the plan where it can be: a large plan has one per indicator and node.
pub(crate) struct Entry {
    pub(crate) code: Id,
    /// The id of the node or indicator result it stands for.
    pub(crate) id: Id,
    pub(crate) is_indicator: bool,
    pub(crate) score: Option<Decimal>,
    pub(crate) weight: Option<Decimal>,
}

impl Entry {
    fn item(&self) -> Item {
        Item { id: self.id.clone(), indicator: self.is_indicator, weight: self.weight }
    }
}

fn items_of(entries: &[Entry]) -> Vec<Item> {
    entries.iter().map(Entry::item).collect()
}

/// A unit's score taken from its cruscotto's as it is.
pub(crate) fn same_score(code: &str, score: Option<Decimal>) -> Explanation {
    match score {
        Some(result) => Explanation::Same { code: code.to_string(), result },
        None => Explanation::NothingToScore { excluded: vec![code.to_string()] },
    }
}

/// R = Σ(m·p) / Σp over the entries with a score and a positive weight. When no entry
/// has a weight, all weigh the same.
///
/// The sums are exact ([`ExactSum`]), rounded once to a `Decimal` (28 significant digits)
/// before the division: so they do not depend on the order of the terms, and a live edit
/// that changes one term gets the same result by updating them ([`mean_from_sums`]).
pub(crate) fn weighted_mean(entries: &[Entry]) -> (Explanation, Sums) {
    let equal_weights = entries.iter().all(|e| e.weight.is_none());
    let mut terms = Vec::with_capacity(entries.len());
    let mut excluded = Vec::new();
    for entry in entries {
        let weight = if equal_weights { Some(Decimal::ONE) } else { entry.weight };
        match (entry.score, weight) {
            (Some(score), Some(weight)) if weight > Decimal::ZERO => {
                let id = (entry.id != entry.code).then(|| entry.id.clone());
                terms.push(Term { code: entry.code.clone(), id, score, weight })
            }
            _ => excluded.push(entry.code.to_string()),
        }
    }
    let mut sums = Sums::default();
    for term in &terms {
        let Some(product) = term.score.checked_mul(term.weight) else { return (overflow(), Sums::default()) };
        sums.products = sums.products.plus(product);
        sums.weights = sums.weights.plus(term.weight);
    }
    if terms.is_empty() || sums.weights.is_zero() {
        return (Explanation::NothingToScore { excluded }, sums);
    }
    match mean_from_sums(sums) {
        Some((sum_products, sum_weights, result)) => {
            (Explanation::WeightedMean(Box::new(Mean { terms, excluded, equal_weights, sum_products, sum_weights, result })), sums)
        }
        None => (overflow(), Sums::default()),
    }
}

pub(crate) fn overflow() -> Explanation {
    Explanation::Unscorable { reason: "weights too large to add up".into() }
}

/// Σ(m·p), Σp and their quotient as a `Mean` writes them, from the exact sums; `None` on
/// overflow. Normalised so that results read `97.007841`, not `97.0078410000000000000000`.
pub(crate) fn mean_from_sums(sums: Sums) -> Option<(Decimal, Decimal, Decimal)> {
    let sum_products = sums.products.to_decimal()?;
    let sum_weights = sums.weights.to_decimal()?;
    let result = sum_products.checked_div(sum_weights)?;
    Some((sum_products, sum_weights, result.normalize()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load_plan;

    #[test]
    fn an_indicators_code_is_one_string_shared_by_every_place_that_names_it() {
        let plan = load_plan(include_str!("../../tests/fixtures/tno-2023.json")).unwrap();
        let evaluation = evaluate(&plan);
        let mut shared = 0;
        // The plan's own code and name are the ones the results hold.
        let mut definitions = Vec::new();
        let mut objectives: Vec<&Objective> = plan.ente.objectives.iter().collect();
        while let Some(objective) = objectives.pop() {
            assert!(Id::ptr_eq(&evaluation.node(&objective.code).unwrap().id, &objective.code), "{}", objective.code);
            definitions.extend(&objective.indicators);
            objectives.extend(&objective.objectives);
        }
        assert!(definitions.len() > 100);
        for indicator in definitions {
            let result = evaluation.indicator(&indicator.code).unwrap();
            assert!(Id::ptr_eq(&result.id, &indicator.code) && Id::ptr_eq(&result.name, &indicator.name), "{}", indicator.code);
        }
        for result in &evaluation.indicators {
            let node = evaluation.node(result.parent.as_deref().unwrap()).unwrap();
            assert!(Id::ptr_eq(&result.id, &result.code) && Id::ptr_eq(result.parent.as_ref().unwrap(), &node.id));
            assert!(node.indicators.iter().any(|id| Id::ptr_eq(id, &result.id)), "{}", result.id);
            assert!(node.items.iter().any(|item| Id::ptr_eq(&item.id, &result.id)), "{}", result.id);
            if let Explanation::WeightedMean(mean) = &node.explanation {
                shared += usize::from(mean.terms.iter().any(|term| Id::ptr_eq(&term.code, &result.id)));
            }
        }
        assert!(shared > 100, "{shared}");
    }

    /// A plan with one area and one objective holding `indicators` (JSON array text).
    fn plan_with(indicators: &str, extra: &str) -> Plan {
        let text = format!(
            r#"{{"version": 1, "ente": {{"code": "ENTE", "name": "E", "year": 2023, "objectives": [
                {{"code": "AS", "level": "area", "name": "A", "objectives": [
                  {{"code": "OO", "level": "operational", "name": "O", "units": ["U"], "indicators": {indicators}}}]}}]}},
              "units": [{{"code": "U", "name": "U", "kind": "ufficio"}}] {extra}}}"#
        );
        load_plan(&text).unwrap_or_else(|d| panic!("{d:?}"))
    }

    fn ind(code: &str, weight: &str, target: &str, actual: &str) -> String {
        format!(
            r#"{{"code": "{code}", "name": "n", "unit": "number", "weight": "{weight}", "target": {{"op": ">=", "value": "{target}"}}, "actual": {actual}}}"#
        )
    }

    fn score(evaluation: &Evaluation, id: &str) -> Option<String> {
        evaluation.node(id).unwrap().score.map(|s| s.round_half_up(4).normalize().to_string())
    }

    #[test]
    fn excluded_indicators_drop_out_and_the_rest_are_reweighted() {
        let indicators = format!(
            "[{}, {}, {}]",
            ind("A", "25", "10", r#"{"value": "5"}"#),
            ind("B", "25", "10", r#"{"not_evaluable": {"reason": "esogena"}}"#),
            ind("C", "50", "10", r#"{"value": "10"}"#)
        );
        let evaluation = evaluate(&plan_with(&indicators, ""));
        // (50·25 + 100·50) / 75
        assert_eq!(score(&evaluation, "OO").as_deref(), Some("83.3333"));
        assert_eq!(evaluation.indicator("B").unwrap().verdict, Some(Verdict::NonValutabile));
        let Explanation::WeightedMean(mean) = &evaluation.node("OO").unwrap().explanation else { panic!() };
        assert_eq!(mean.excluded, vec!["B".to_string()]);
    }

    #[test]
    fn a_node_with_nothing_measured_has_no_score_and_says_why() {
        let indicators = format!("[{}]", ind("A", "100", "10", r#"{"not_available": {}}"#));
        let evaluation = evaluate(&plan_with(&indicators, ""));
        assert_eq!(score(&evaluation, "OO"), None);
        assert_eq!(score(&evaluation, "ENTE"), None);
        assert!(matches!(evaluation.node("OO").unwrap().explanation, Explanation::NothingToScore { .. }));
    }

    #[test]
    fn verdicts_follow_the_plan_thresholds() {
        let policy = Policy::default();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(verdict(d("90"), &policy), Verdict::Raggiunto);
        assert_eq!(verdict(d("89.99"), &policy), Verdict::ParzialmenteRaggiunto);
        assert_eq!(verdict(d("50"), &policy), Verdict::ParzialmenteRaggiunto);
        assert_eq!(verdict(d("49.99"), &policy), Verdict::NonRaggiunto);
    }

    #[test]
    fn cruscotti_and_units_are_scored_from_what_they_reference() {
        let indicators = format!("[{}, {}]", ind("A", "50", "10", r#"{"value": "5"}"#), ind("B", "50", "10", r#"{"value": "10"}"#));
        let cruscotti = r#", "cruscotti": [{"code": "C", "name": "C", "items": [
            {"weight": "1", "indicator": "A"},
            {"weight": "3", "objective": "OO"},
            {"weight": "0", "indicator": "B"}
        ]}]"#;
        let evaluation = evaluate(&plan_with(&indicators, cruscotti));
        // OO = 75; cruscotto = (50·1 + 75·3) / 4; B has weight 0 there.
        assert_eq!(score(&evaluation, "cruscotto/C").as_deref(), Some("68.75"));
        // The unit carries OO and has no cruscotto of its own.
        assert_eq!(score(&evaluation, "unit/U").as_deref(), Some("75"));
    }

    #[test]
    fn the_plans_own_indicators_are_measured_once_and_weighed_where_referenced() {
        let indicators = format!("[{}]", ind("A", "50", "10", r#"{"value": "10"}"#));
        let extra = format!(
            r#", "indicators": [{}],
            "cruscotti": [
              {{"code": "C1", "name": "C1", "items": [{{"weight": "1", "indicator": "L"}}, {{"weight": "1", "indicator": "A"}}]}},
              {{"code": "C2", "name": "C2", "items": [{{"weight": "3", "indicator": "L"}}, {{"weight": "1", "group": {{"code": "G", "name": "G", "items": [{{"indicator": "L"}}]}}}}]}}
            ]"#,
            r#"{"code": "L", "name": "library", "unit": "number", "target": {"op": ">=", "value": "10"}, "actual": {"value": "4"}}"#
        );
        let mut plan = plan_with(&indicators, &extra);
        // An objective of the tree may weigh it too, through `shared_indicators`.
        let oo = &mut plan.ente.objectives[0].objectives[0];
        oo.shared_indicators.push(SharedIndicator { indicator: "L".into(), weight: Some(Decimal::from(50)) });
        let evaluation = evaluate(&plan);
        let library = evaluation.indicator("L").unwrap();
        assert_eq!(library.achievement, Some(Decimal::from(40)));
        assert_eq!((library.parent.as_deref(), library.weight), (None, None));
        assert_eq!(evaluation.indicators.iter().filter(|i| &*i.code == "L").count(), 1, "measured once");
        // C1 = (40 + 100) / 2; C2 = (40·3 + 40·1) / 4; OO = (100·50 + 40·50) / 100.
        assert_eq!(score(&evaluation, "cruscotto/C1").as_deref(), Some("70"));
        assert_eq!(score(&evaluation, "cruscotto/C2").as_deref(), Some("40"));
        assert_eq!(score(&evaluation, "OO").as_deref(), Some("70"));
        // The ente has no term of its own for it: only its ambito, scored from OO.
        let ente = evaluation.node("ENTE").unwrap();
        assert!(ente.items.iter().all(|i| &*i.id == "AS") && ente.indicators.is_empty(), "{:?}", ente.items);
        for node in ["cruscotto/C1", "cruscotto/C2", "cruscotto/C2/G", "OO"] {
            assert!(evaluation.node(node).unwrap().items.iter().any(|i| i.indicator && &*i.id == "L"), "{node}");
        }
    }
}
