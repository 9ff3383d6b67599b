//! A loaded plan, its evaluation, and the look-up tables the views need.
//!
//! [`PlanView`] is built once per plan: it calls `semaforo_core::evaluate` and indexes the
//! plan by code (indicator definitions, objective attributes, the area, perspective and
//! units each indicator falls under) so that components only read. Nothing here scores:
//! every number shown comes from the core's `Evaluation`.
//!
//! A what-if edit changes values, never the plan's shape, so the views of its scenarios
//! share the baseline's look-ups ([`PlanView::variant`]) and keep only the definitions
//! they edited: at 100 000 indicators, building them anew for each copy was most of the
//! time it took to open a plan.

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
    /// Indicator definitions by evaluation id (`CODE` for the tree and the plan's own list,
    /// `cruscotto/X/CODE` for a cruscotto's own), as the baseline has them; [`definition`]
    /// gives this view's, edited or not.
    ///
    /// [`definition`]: PlanView::definition
    indicators: Rc<HashMap<String, Indicator>>,
    /// The definitions a what-if edit changed in this view.
    edited: HashMap<String, Indicator>,
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
        let mut indicators = HashMap::with_capacity(evaluation.indicators.len());
        let mut objectives = HashMap::with_capacity(evaluation.nodes.len());
        let mut rows = Vec::with_capacity(evaluation.indicators.len());
        for indicator in &plan.ente.indicators {
            rows.push(row(indicator, "ENTE", None, None, &[]));
            indicators.insert(indicator.code.clone(), indicator.clone());
        }
        for top in &plan.ente.objectives {
            index_objective(top, &top.code, None, &[], &mut indicators, &mut objectives, &mut rows);
        }
        for indicator in &plan.indicators {
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
            indicators.insert(indicator.code.clone(), indicator.clone());
        }
        for cruscotto in &plan.cruscotti {
            let id = format!("cruscotto/{}", cruscotto.code);
            index_items(&id, &cruscotto.items, &mut indicators);
        }
        let finder = Rc::new(finder_options(&plan, &rows));
        PlanView {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            fingerprint: 0,
            plan,
            evaluation,
            indicators: Rc::new(indicators),
            edited: HashMap::new(),
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
            indicators: self.indicators.clone(),
            edited: HashMap::new(),
            objectives: self.objectives.clone(),
            rows: self.rows.clone(),
            finder: self.finder.clone(),
        }
    }

    /// The definition of the indicator with evaluation id `id`, as this view has it.
    pub fn definition(&self, id: &str) -> Option<&Indicator> {
        self.edited.get(id).or_else(|| self.indicators.get(id))
    }

    /// Records that a what-if edit changed the definition of `id` in this view.
    pub fn edited(&mut self, id: &str, definition: Indicator) {
        self.edited.insert(id.to_string(), definition);
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
    let areas = plan.ente.objectives.iter().map(|o| (o.code.clone(), format!("{} {}", o.code, o.name))).collect();
    FinderOptions { units, perspectives, areas }
}

fn weighed_in<'a>(evaluation: &'a Evaluation, id: &str) -> Vec<&'a semaforo_core::NodeResult> {
    evaluation.nodes.iter().filter(|n| n.items.iter().any(|i| i.indicator && *i.id == *id)).collect()
}

#[allow(clippy::too_many_arguments)]
fn index_objective(
    objective: &Objective,
    area: &str,
    inherited_perspective: Option<Perspective>,
    inherited_units: &[String],
    indicators: &mut HashMap<String, Indicator>,
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
    objectives.entry(objective.code.clone()).or_insert_with(|| ObjectiveInfo {
        level: objective.level,
        description: objective.description.clone(),
        perspective,
        mission: objective.mission.clone(),
        programme: objective.programme.clone(),
        budget: objective.budget.clone(),
        units: objective.units.clone(),
        notes: objective.notes.clone(),
    });
    for indicator in &objective.indicators {
        rows.push(row(indicator, &objective.code, Some(area), perspective, &units));
        indicators.entry(indicator.code.clone()).or_insert_with(|| indicator.clone());
    }
    for child in &objective.objectives {
        index_objective(child, area, perspective, &units, indicators, objectives, rows);
    }
}

fn index_items(prefix: &str, items: &[semaforo_core::plan::CruscottoItem], indicators: &mut HashMap<String, Indicator>) {
    for item in items {
        if let Some(own) = &item.own {
            indicators.insert(format!("{prefix}/{}", own.code), own.clone());
        }
        if let Some(group) = &item.group {
            index_items(&format!("{prefix}/{}", group.code), &group.items, indicators);
        }
    }
}

fn row(indicator: &Indicator, parent: &str, area: Option<&str>, perspective: Option<Perspective>, units: &[String]) -> IndicatorRow {
    let haystack = crate::text::fold(&format!("{} {} {}", indicator.code, indicator.name, indicator.algorithm.as_deref().unwrap_or("")));
    IndicatorRow {
        id: indicator.code.clone(),
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        parent: parent.to_string(),
        area: area.map(str::to_string),
        perspective,
        units: units.to_vec(),
        haystack,
    }
}
