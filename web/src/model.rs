//! A loaded plan, its evaluation, and the look-up tables the views need.
//!
//! [`PlanView`] is built once per plan: it calls `semaforo_core::evaluate` and indexes the
//! plan by code (indicator definitions, objective attributes, the area, perspective and
//! units each indicator falls under) so that components only read. Nothing here scores:
//! every number shown comes from the core's `Evaluation`.
//!
//! A what-if edit changes values, never the plan's shape, so the views of its scenarios
//! share the baseline's look-ups ([`PlanView::variant`]): at 100 000 indicators, building
//! them anew for each copy was most of the time it took to open a plan. The look-up of
//! definitions holds places in the plan, not copies, so each view reads its own plan's.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use semaforo_core::labels::PERSPECTIVES;
use semaforo_core::plan::{Budget, Classification, Indicator, Level, Objective, Perspective, Verdict};
use semaforo_core::scenario::Differences;
use semaforo_core::{evaluate, Evaluation, Plan};

/// What the detail panel needs of an objective beyond its `NodeResult`.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveInfo {
    pub level: Level,
    pub description: Option<String>,
    pub perspective: Option<Perspective>,
    pub mission: Option<Classification>,
    pub programme: Option<Classification>,
    pub budget: Option<Budget>,
    pub units: Vec<String>,
    pub notes: Vec<String>,
}

/// One indicator of the tree or of the plan's own list as the finder sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub code: String,
    pub name: String,
    /// The node it is defined under; for an indicator of the plan's own list, the first
    /// node that weighs it (`""` if none does).
    pub parent: String,
    /// Code of the top-level objective (usually an ambito) above it.
    pub area: Option<String>,
    /// The nearest perspective set on it or an ancestor.
    pub perspective: Option<Perspective>,
    /// Units carrying its objective or an ancestor (for one of the plan's own list, the
    /// units of the cruscotti that weigh it).
    pub units: Vec<String>,
    /// Code, name and algorithm, lower-cased, for the search box.
    pub haystack: String,
}

/// What the finder offers to filter by: the same for every variant of a plan (a what-if
/// edit changes no unit, perspective or ambito), computed once per view rather than at
/// every render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FinderOptions {
    /// Units that carry at least one indicator, in the plan's order: code and name.
    pub units: Vec<(String, String)>,
    /// The perspectives some indicator falls under, in the order of `labels::PERSPECTIVES`.
    pub perspectives: Vec<Perspective>,
    /// The top-level objectives (usually the ambiti): code, and code with name.
    pub areas: Vec<(String, String)>,
}

pub struct PlanView {
    /// Identity of this load: components compare views by it instead of by content.
    pub generation: u32,
    /// The hash of the text the plan was read from (0 when it was not read from text),
    /// which keys its what-if scenarios in storage.
    pub fingerprint: u64,
    pub plan: Plan,
    pub evaluation: Evaluation,
    /// Where `plan` holds the definition of each indicator result ([`definition`]).
    ///
    /// [`definition`]: PlanView::definition
    definitions: Rc<Definitions>,
    /// The scores that differ from the baseline's, in a what-if view (kept edit by edit,
    /// so that listing them costs what changed, not a comparison of the plan).
    pub differences: Differences,
    pub objectives: Rc<HashMap<String, ObjectiveInfo>>,
    pub rows: Rc<Vec<IndicatorRow>>,
    pub finder: Rc<FinderOptions>,
}

impl PartialEq for PlanView {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
    }
}

static GENERATION: AtomicU32 = AtomicU32::new(1);

/// A new identity for a view whose results changed in place (what-if edits).
pub fn fresh_generation() -> u32 {
    GENERATION.fetch_add(1, Ordering::Relaxed)
}

impl PlanView {
    pub fn new(plan: Plan) -> PlanView {
        let evaluation = evaluate(&plan);
        PlanView::from_evaluation(plan, evaluation)
    }

    /// A view of a plan whose evaluation is already known (what-if: `Live` computed it).
    pub fn from_evaluation(plan: Plan, evaluation: Evaluation) -> PlanView {
        let mut definitions = Definitions { places: Vec::with_capacity(evaluation.indicators.len()), objectives: Vec::new() };
        let mut objectives = HashMap::with_capacity(evaluation.nodes.len());
        let mut rows = Vec::with_capacity(evaluation.indicators.len());
        for (i, indicator) in plan.ente.indicators.iter().enumerate() {
            rows.push(row(indicator, "ENTE", None, None, &[]));
            definitions.places.push(Place::Ente(i as u32));
        }
        let mut path = Vec::new();
        for (i, top) in plan.ente.objectives.iter().enumerate() {
            path.push(i as u32);
            index_objective(top, &top.code, None, &[], &mut path, &mut definitions, &mut objectives, &mut rows);
            path.pop();
        }
        for (i, indicator) in plan.indicators.iter().enumerate() {
            // Found where users look: under the first node that weighs it, in the units of
            // the cruscotti that do.
            let weighing = weighed_in(&evaluation, &indicator.code);
            let mut units = Vec::new();
            for node in &weighing {
                let cruscotto = node.id.strip_prefix("cruscotto/").map(|rest| rest.split('/').next().unwrap_or(rest));
                let unit = plan.cruscotti.iter().find(|c| Some(c.code.as_str()) == cruscotto).and_then(|c| c.unit.clone());
                if let Some(unit) = unit.filter(|u| !units.contains(u)) {
                    units.push(unit);
                }
            }
            let under = weighing.first().map_or("", |n| &*n.id);
            rows.push(row(indicator, under, None, None, &units));
            definitions.places.push(Place::Listed(i as u32));
        }
        for (i, cruscotto) in plan.cruscotti.iter().enumerate() {
            index_items(&cruscotto.items, &mut vec![i as u32], &mut definitions.places);
        }
        let finder = Rc::new(finder_options(&plan, &rows));
        PlanView {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            fingerprint: 0,
            plan,
            evaluation,
            definitions: Rc::new(definitions),
            differences: Differences::default(),
            objectives: Rc::new(objectives),
            rows: Rc::new(rows),
            finder,
        }
    }

    /// A view of this plan with what-if edits (`plan`, and its `evaluation`): the same
    /// look-ups, shared, since an edit changes no code, unit or tree.
    pub fn variant(&self, plan: Plan, evaluation: Evaluation) -> PlanView {
        PlanView {
            differences: Differences::between(&self.evaluation, &evaluation),
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            fingerprint: self.fingerprint,
            plan,
            evaluation,
            definitions: self.definitions.clone(),
            objectives: self.objectives.clone(),
            rows: self.rows.clone(),
            finder: self.finder.clone(),
        }
    }

    /// The definition of the indicator with evaluation id `id`, as this view's plan has
    /// it (with its what-if edits, in a scenario's view).
    pub fn definition(&self, id: &str) -> Option<&Indicator> {
        let position = self.evaluation.indicator_position(id)?;
        // The places follow the evaluation's order of results; the code is checked so
        // that a walk out of step shows no definition rather than another's.
        let code = &self.evaluation.indicators[position].code;
        self.definitions.find(&self.plan, position).filter(|d| *d.code == **code)
    }

    /// The verdict of a finder row in this view.
    pub fn verdict(&self, row: &IndicatorRow) -> Option<Verdict> {
        self.evaluation.indicator(&row.id).and_then(|r| r.verdict)
    }

    pub fn decimals(&self) -> u32 {
        self.plan.policy.display_decimals.min(6)
    }

    /// The ente's display name.
    pub fn title(&self) -> String {
        let ente = &self.plan.ente;
        format!("{} · {}", ente.short_name.as_deref().unwrap_or(&ente.name), ente.year)
    }

    /// The chain of tree nodes from the ente down to `id` (inclusive).
    pub fn ancestors(&self, id: &str) -> Vec<String> {
        let mut chain = Vec::new();
        let mut current = Some(id.to_string());
        while let Some(c) = current {
            if chain.contains(&c) || chain.len() > 64 {
                break; // a malformed parent chain must not hang the page
            }
            current = self.evaluation.node(&c).and_then(|n| n.parent.as_deref().map(str::to_string));
            chain.push(c);
        }
        chain.reverse();
        chain
    }

    /// The nodes whose score weighs the indicator `id`, with the weight each gives it.
    pub fn weighed_in(&self, id: &str) -> Vec<(&semaforo_core::NodeResult, Option<semaforo_core::Decimal>)> {
        weighed_in(&self.evaluation, id).into_iter().map(|n| (n, n.items.iter().find(|i| i.indicator && *i.id == *id).and_then(|i| i.weight))).collect()
    }

    pub fn unit_name(&self, code: &str) -> String {
        self.plan.units.iter().find(|u| u.code == code).map_or_else(|| code.to_string(), |u| u.name.clone())
    }
}

fn finder_options(plan: &Plan, rows: &[IndicatorRow]) -> FinderOptions {
    let mut units: Vec<(String, String)> = Vec::new();
    for row in rows {
        for u in &row.units {
            if !units.iter().any(|(code, _)| code == u) {
                let name = plan.units.iter().find(|x| &x.code == u).map_or_else(|| u.clone(), |x| x.name.clone());
                units.push((u.clone(), name));
            }
        }
    }
    let perspectives = PERSPECTIVES.iter().copied().filter(|p| rows.iter().any(|r| r.perspective == Some(*p))).collect();
    let areas = plan.ente.objectives.iter().map(|o| (o.code.to_string(), format!("{} {}", o.code, o.name))).collect();
    FinderOptions { units, perspectives, areas }
}

fn weighed_in<'a>(evaluation: &'a Evaluation, id: &str) -> Vec<&'a semaforo_core::NodeResult> {
    evaluation.nodes.iter().filter(|n| n.items.iter().any(|i| i.indicator && *i.id == *id)).collect()
}

/// Where a plan holds an indicator's definition.
enum Place {
    /// `ente.indicators[i]`.
    Ente(u32),
    /// `indicators[i]` of the objective at `Definitions::objectives[k]`: `(k, i)`.
    Tree(u32, u32),
    /// The plan's own list, `indicators[i]`.
    Listed(u32),
    /// A cruscotto's own: the cruscotto's index, the items of the groups down to it, its item.
    Cruscotto(Box<[u32]>),
}

/// The place of each indicator result's definition, by the result's position in the
/// evaluation (the same in every variant of a plan: edits change no tree), where a map of
/// copies of 100 000 definitions was the largest part of opening a plan.
struct Definitions {
    places: Vec<Place>,
    /// The path of each objective holding indicators (indices from `ente.objectives` down).
    objectives: Vec<Box<[u32]>>,
}

impl Definitions {
    fn find<'p>(&self, plan: &'p Plan, position: usize) -> Option<&'p Indicator> {
        match self.places.get(position)? {
            Place::Ente(i) => plan.ente.indicators.get(*i as usize),
            Place::Tree(k, i) => {
                let (first, rest) = self.objectives.get(*k as usize)?.split_first()?;
                let mut objective = plan.ente.objectives.get(*first as usize)?;
                for &child in rest {
                    objective = objective.objectives.get(child as usize)?;
                }
                objective.indicators.get(*i as usize)
            }
            Place::Listed(i) => plan.indicators.get(*i as usize),
            Place::Cruscotto(path) => {
                let (cruscotto, rest) = path.split_first()?;
                let (own, groups) = rest.split_last()?;
                let mut items = &plan.cruscotti.get(*cruscotto as usize)?.items;
                for &group in groups {
                    items = &items.get(group as usize)?.group.as_ref()?.items;
                }
                items.get(*own as usize)?.own.as_ref()
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn index_objective(
    objective: &Objective,
    area: &str,
    inherited_perspective: Option<Perspective>,
    inherited_units: &[String],
    path: &mut Vec<u32>,
    definitions: &mut Definitions,
    objectives: &mut HashMap<String, ObjectiveInfo>,
    rows: &mut Vec<IndicatorRow>,
) {
    let perspective = objective.perspective.or(inherited_perspective);
    let mut units: Vec<String> = inherited_units.to_vec();
    for u in &objective.units {
        if !units.contains(u) {
            units.push(u.clone());
        }
    }
    objectives.entry(objective.code.to_string()).or_insert_with(|| ObjectiveInfo {
        level: objective.level,
        description: objective.description.clone(),
        perspective,
        mission: objective.mission.clone(),
        programme: objective.programme.clone(),
        budget: objective.budget.clone(),
        units: objective.units.clone(),
        notes: objective.notes.clone(),
    });
    if !objective.indicators.is_empty() {
        let k = definitions.objectives.len() as u32;
        definitions.objectives.push(path.clone().into_boxed_slice());
        for (i, indicator) in objective.indicators.iter().enumerate() {
            rows.push(row(indicator, &objective.code, Some(area), perspective, &units));
            definitions.places.push(Place::Tree(k, i as u32));
        }
    }
    for (i, child) in objective.objectives.iter().enumerate() {
        path.push(i as u32);
        index_objective(child, area, perspective, &units, path, definitions, objectives, rows);
        path.pop();
    }
}

/// The places of a cruscotto's own indicators, in the evaluation's order (`path`: the
/// cruscotto's index and the groups' items down to `items`).
fn index_items(items: &[semaforo_core::plan::CruscottoItem], path: &mut Vec<u32>, places: &mut Vec<Place>) {
    for (i, item) in items.iter().enumerate() {
        path.push(i as u32);
        if item.own.is_some() {
            places.push(Place::Cruscotto(path.clone().into_boxed_slice()));
        }
        if let Some(group) = &item.group {
            index_items(&group.items, path, places);
        }
        path.pop();
    }
}

fn row(indicator: &Indicator, parent: &str, area: Option<&str>, perspective: Option<Perspective>, units: &[String]) -> IndicatorRow {
    let haystack = crate::text::fold(&format!("{} {} {}", indicator.code, indicator.name, indicator.algorithm.as_deref().unwrap_or("")));
    IndicatorRow {
        id: indicator.code.to_string(),
        code: indicator.code.to_string(),
        name: indicator.name.to_string(),
        parent: parent.to_string(),
        area: area.map(str::to_string),
        perspective,
        units: units.to_vec(),
        haystack,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use semaforo_core::load_plan;

    #[test]
    fn every_indicator_result_finds_its_own_definition() {
        let fixtures = [
            include_str!("../../tests/fixtures/tno-2023.json"),
            include_str!("../../tests/fixtures/massa-carrara-2021.json"),
            include_str!("../../tests/fixtures/cruscotti-condivisi-2021.json"),
            include_str!("../../tests/fixtures/maremma-tirreno-2023.json"),
        ];
        let mut in_groups = 0;
        for text in fixtures {
            let view = PlanView::new(load_plan(text).unwrap());
            for result in &view.evaluation.indicators {
                let definition = view.definition(&result.id).unwrap_or_else(|| panic!("{} has no definition", result.id));
                assert_eq!(definition.code, *result.code, "{}", result.id);
                assert_eq!(definition.name, result.name, "{}", result.id);
                in_groups += usize::from(result.id.matches('/').count() > 2);
            }
        }
        // Cruscotti's own indicators inside groups are among them (`cruscotto/C/G/CODE`).
        assert!(in_groups > 0);
    }
}
