//! The plan from what the rows gave: one indicator printed in several places made one
//! indicator referenced from each, codes settled, weights checked and normalised (with
//! what that does to the published figure), then validation.

use super::codes::CodeOrigin;
use super::roles::fold;
use super::{Builder, Built, Container, Draft, Node};
use crate::decimal::Decimal;
use crate::diagnostic::{Case, Code, Diagnostic, Expected, NoteKind, Param};
use crate::import::columns::{ColumnReading, Field};
use crate::import::{CellProblem, Note, RowKind, RowReading};
use crate::plan::{Actual, Cruscotto, CruscottoItem, Ente, Indicator, Objective, Plan, Policy, Published, SharedIndicator, Target, FORMAT_VERSION};
use std::collections::{HashMap, HashSet};

/// Sibling weights within this distance of 100 are taken as written (the documents round
/// weights to two decimals: 33,33 + 33,34 + 33,33); others are normalised.
const WEIGHT_SLACK: Decimal = Decimal::from_scaled(5, 2);

/// Where a draft stands: its container and its position there.
type Place = (Container, usize);

/// Indicators printed more than once: for each repeated draft, the draft it repeats.
struct Sharing {
    /// Repetition → the first printing.
    first_of: HashMap<Place, Place>,
    /// First printings that stand only in cruscotti: they go to the plan's own list.
    in_library: HashSet<Place>,
}

/// Weights scaled to 100, to be explained once the plan's scores are known.
struct Normalised {
    path: String,
    /// Evaluation id of the node whose items they weigh, when it has a published score.
    node: Option<String>,
    sum: Decimal,
}

impl Builder<'_> {
    fn drafts(&self, container: Container) -> &[Draft] {
        match container {
            Container::Ente => &self.ente_indicators,
            Container::Node(i) => &self.nodes[i].indicators,
            Container::Cruscotto(i) => &self.cruscotti[i].items,
        }
    }

    fn containers(&self) -> Vec<Container> {
        let mut all = vec![Container::Ente];
        all.extend((0..self.nodes.len()).map(Container::Node));
        all.extend((0..self.cruscotti.len()).map(Container::Cruscotto));
        all
    }

    /// The same indicator printed in several dashboards or objectives (same code and
    /// name, or same name and algorithm, and the same target and actual) is one
    /// indicator of the plan. Two printings under one code that differ are not merged:
    /// a warning names both rows.
    fn find_sharing(&mut self) -> Sharing {
        let mut first: HashMap<(String, String), Place> = HashMap::new();
        let mut sharing = Sharing { first_of: HashMap::new(), in_library: HashSet::new() };
        let mut clashes = Vec::new();
        for container in self.containers() {
            for (i, draft) in self.drafts(container).iter().enumerate() {
                let key = match (&draft.code, &draft.indicator.algorithm) {
                    (CodeOrigin::Printed | CodeOrigin::Derived { .. }, _) => (draft.indicator.code.to_string(), fold(&draft.indicator.name)),
                    (CodeOrigin::Numbered, Some(algorithm)) => (format!("{}\u{0}", fold(&draft.indicator.name)), fold(algorithm)),
                    (CodeOrigin::Numbered, None) => continue,
                };
                let Some(&(c0, i0)) = first.get(&key) else {
                    first.insert(key, (container, i));
                    continue;
                };
                if c0 == container {
                    continue; // printed twice in one list: two items, as printed
                }
                let original = &self.drafts(c0)[i0];
                let same = |a: &Indicator, b: &Indicator| a.target == b.target && a.actual == b.actual && a.unit == b.unit;
                if same(&original.indicator, &draft.indicator) {
                    sharing.first_of.insert((container, i), (c0, i0));
                } else {
                    clashes.push((original.row, draft.row, draft.indicator.code.clone()));
                }
            }
        }
        for &(container, i) in sharing.first_of.values() {
            if matches!(container, Container::Cruscotto(_)) {
                sharing.in_library.insert((container, i));
            }
        }
        for (a, b, code) in clashes {
            self.diagnostics.push(Diagnostic::new(
                "",
                Code::SameCodeDifferentIndicator,
                [Param::Row(self.rows[a].row as u64), Param::OtherRow(self.rows[b].row as u64), Param::Code(code.into())],
            ));
        }
        sharing
    }

    /// An XLSX sheet keeps a percent-formatted actual as a fraction. When every bare
    /// actual under a percentage target is at most 2 (200 %), the sheet wrote fractions:
    /// they are read as percentages, and `xlsx-fractions` says so. A sheet that typed
    /// 98,32 under `>= 90 %` is left as it is.
    fn scale_fraction_actuals(&mut self) {
        let two = Decimal::from_scaled(2, 0);
        let mut drafts: Vec<&mut Draft> = self
            .nodes
            .iter_mut()
            .flat_map(|n| n.indicators.iter_mut())
            .chain(self.cruscotti.iter_mut().flat_map(|c| c.items.iter_mut()))
            .chain(self.ente_indicators.iter_mut())
            .filter(|d| d.bare_percent_actual)
            .collect();
        let fractions = !drafts.is_empty() && drafts.iter().all(|d| matches!(d.indicator.actual, Some(Actual::Value(v)) if v.abs() <= two));
        if !fractions {
            return;
        }
        for draft in &mut drafts {
            if let Some(Actual::Value(v)) = &mut draft.indicator.actual {
                *v = v.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(*v).normalize();
            }
        }
        self.scaled = true;
    }

    /// The plan from the nodes and indicators read.
    pub(super) fn assemble(mut self, header_row: Option<usize>) -> Built {
        let mut rows = std::mem::take(&mut self.rows);
        for node in &mut self.nodes {
            drop_unweighted(&mut node.indicators, &mut rows, &self.headers, &self.fields);
        }
        for c in &mut self.cruscotti {
            drop_unweighted(&mut c.items, &mut rows, &self.headers, &self.fields);
        }
        drop_unweighted(&mut self.ente_indicators, &mut rows, &self.headers, &self.fields);
        self.rows = rows;
        self.scale_fraction_actuals();
        let sharing = self.find_sharing();

        // Indicator codes: as printed (or derived), else `<objective>.<n>`; unique in the
        // plan. A repetition takes its first printing's code.
        let mut used: HashSet<String> = self.nodes.iter().map(|n| n.code.clone()).collect();
        used.insert("ENTE".into());
        let mut settled: HashMap<Place, String> = HashMap::new();
        for container in self.containers() {
            let prefix = match container {
                Container::Ente => "I".to_string(),
                Container::Node(i) => self.nodes[i].code.clone(),
                Container::Cruscotto(i) => self.cruscotti[i].code.clone(),
            };
            let mut numbered = 0;
            for i in 0..self.drafts(container).len() {
                if let Some(original) = sharing.first_of.get(&(container, i)) {
                    let code = settled.get(original).cloned().unwrap_or_default();
                    let row = self.drafts(container)[i].row;
                    self.rows[row].code = Some(code);
                    let first = self.rows[self.drafts(original.0)[original.1].row].row;
                    self.rows[row].note = Some(Note::with(NoteKind::PrintedAgain, [Param::Row(first as u64)]));
                    continue;
                }
                let draft = &self.drafts(container)[i];
                let base = match &draft.code {
                    CodeOrigin::Numbered => {
                        numbered += 1;
                        format!("{prefix}.{numbered}")
                    }
                    _ => draft.indicator.code.to_string(),
                };
                let mut code = base.clone();
                let mut k = 2;
                while used.contains(&code) {
                    code = format!("{base}-{k}");
                    k += 1;
                }
                used.insert(code.clone());
                let row = draft.row;
                if let CodeOrigin::Derived { printed } = &draft.code {
                    let warning = Diagnostic::new(
                        "",
                        Code::DerivedCode,
                        [Param::Row(self.rows[row].row as u64), Param::Prefix(printed.clone()), Param::Code(code.clone())],
                    );
                    self.diagnostics.push(warning);
                }
                self.rows[row].code = Some(code.clone());
                settled.insert((container, i), code.clone());
                match container {
                    Container::Ente => self.ente_indicators[i].indicator.code = code.into(),
                    Container::Node(n) => self.nodes[n].indicators[i].indicator.code = code.into(),
                    Container::Cruscotto(c) => self.cruscotti[c].items[i].indicator.code = code.into(),
                }
            }
        }

        let imported = self.nodes.iter().map(|n| n.indicators.len()).sum::<usize>()
            + self.cruscotti.iter().map(|c| c.items.len()).sum::<usize>()
            + self.ente_indicators.len();
        if imported == 0 {
            if !self.diagnostics.iter().any(|d| d.code == Code::NoHeader) {
                self.diagnostics.push(Diagnostic::new("", Code::NoIndicators, []));
            }
            let columns = self.columns();
            return Built { plan: None, columns, header_row, rows: self.rows, diagnostics: self.diagnostics };
        }

        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        if self.scaled {
            diagnostics.push(Diagnostic::new("", Code::XlsxFractions, []));
        }
        let mut normalised = Vec::new();

        // The tree: each node's indicators, a repetition as a shared reference.
        let mut library: Vec<(Place, Indicator)> = Vec::new();
        let node_count = self.nodes.len();
        let mut nodes: Vec<Option<Node>> = std::mem::take(&mut self.nodes).into_iter().map(Some).collect();
        let mut node_indicators: Vec<(Vec<Indicator>, Vec<SharedIndicator>)> = Vec::with_capacity(node_count);
        for (n, node) in nodes.iter_mut().enumerate() {
            let drafts = node.as_mut().map(|node| std::mem::take(&mut node.indicators)).unwrap_or_default();
            let mut own = Vec::new();
            let mut shared = Vec::new();
            for (i, draft) in drafts.into_iter().enumerate() {
                let place = (Container::Node(n), i);
                match sharing.first_of.get(&place) {
                    Some(original) => {
                        shared.push(SharedIndicator { indicator: settled.get(original).cloned().unwrap_or_default(), weight: draft.indicator.weight })
                    }
                    None => own.push(draft.indicator),
                }
            }
            node_indicators.push((own, shared));
        }
        let child_lists: Vec<Vec<usize>> =
            (0..node_count).map(|i| (0..node_count).filter(|&c| nodes[c].as_ref().and_then(|n| n.parent) == Some(i)).collect()).collect();
        let roots: Vec<usize> = (0..node_count).filter(|&i| nodes[i].as_ref().is_some_and(|n| n.parent.is_none())).collect();
        let mut objectives: Vec<Objective> = roots.iter().map(|&i| objective(i, &mut nodes, &mut node_indicators, &child_lists)).collect();
        let mut indicators: Vec<Indicator> = self.ente_indicators.drain(..).map(|d| d.indicator).collect();
        normalise_tree(&mut objectives, "ente.objectives", &mut normalised);
        normalise(indicators.iter_mut().map(|i| &mut i.weight).collect(), "ente.indicators".into(), None, &mut normalised);

        let mut cruscotti: Vec<Cruscotto> = Vec::new();
        for (n, c) in self.cruscotti.drain(..).enumerate() {
            let mut items: Vec<CruscottoItem> = Vec::with_capacity(c.items.len());
            for (i, draft) in c.items.into_iter().enumerate() {
                let place = (Container::Cruscotto(n), i);
                let mut own = draft.indicator;
                let weight = own.weight.take();
                let reference = match sharing.first_of.get(&place) {
                    Some(original) => Some(settled.get(original).cloned().unwrap_or_default()),
                    None if sharing.in_library.contains(&place) => {
                        let code = own.code.to_string();
                        library.push((place, own.clone()));
                        Some(code)
                    }
                    None => None,
                };
                items.push(match reference {
                    Some(code) => CruscottoItem { weight, indicator: Some(code), ..CruscottoItem::default() },
                    None => CruscottoItem { weight, own: Some(own), ..CruscottoItem::default() },
                });
            }
            let published = c.published != Published::default();
            normalise(
                items.iter_mut().map(|i| &mut i.weight).collect(),
                format!("cruscotti[{n}].items"),
                published.then(|| format!("{}{}", crate::evaluate::CRUSCOTTO_ID_PREFIX, c.code)),
                &mut normalised,
            );
            cruscotti.push(Cruscotto {
                code: c.code,
                name: c.name,
                unit: None,
                manager: c.manager,
                items,
                published: published.then(|| Box::new(c.published)),
            });
        }
        let name = self.ente_name.clone().unwrap_or_else(|| {
            diagnostics.push(Diagnostic::new("ente.name", Code::NoEnteName, []));
            "Ente".into()
        });
        let year = self.year.or_else(|| deadline_year(&objectives, &indicators, &cruscotti, &library)).unwrap_or_else(|| {
            diagnostics.push(Diagnostic::new("ente.year", Code::NoYear, []));
            0
        });
        let ente_published = std::mem::take(&mut self.ente_published);
        let plan = Plan {
            version: FORMAT_VERSION,
            ente: Ente {
                code: "ENTE".into(),
                name,
                short_name: None,
                year,
                description: None,
                objectives,
                indicators,
                budget: None,
                published: (ente_published != Published::default()).then(|| Box::new(ente_published)),
                source: None,
            },
            policy: Policy::default(),
            units: Vec::new(),
            cruscotti,
            sources: Vec::new(),
            indicators: library.into_iter().map(|(_, i)| i).collect(),
        };
        let mut plan = plan;
        explain_normalised(&mut plan, normalised, &mut diagnostics);
        let validation = crate::validate::validate(&plan);
        let failed = validation.iter().any(Diagnostic::is_error);
        for d in validation {
            // Weight sums were already normalised and reported by the importer.
            if d.code != Code::WeightsNot100 && !diagnostics.contains(&d) {
                diagnostics.push(d);
            }
        }
        let columns = self.columns();
        Built { plan: (!failed).then_some(plan), columns, header_row, rows: self.rows, diagnostics }
    }

    pub(super) fn columns(&self) -> Vec<ColumnReading> {
        let mapped: HashSet<usize> = self.options.mapping.iter().map(|(i, _)| *i).collect();
        self.column_fields
            .iter()
            .enumerate()
            .map(|(index, field)| ColumnReading {
                index,
                header: self.headers.get(index).cloned().unwrap_or_default(),
                field: *field,
                mapped: mapped.contains(&index),
            })
            .collect()
    }
}

/// Some siblings have a weight and this one has none: it cannot be weighed, so its row is
/// an error (validation would refuse the whole plan otherwise).
fn drop_unweighted(drafts: &mut Vec<Draft>, rows: &mut [RowReading], headers: &[String], fields: &[(usize, Field)]) {
    if drafts.iter().all(|d| d.indicator.weight.is_some()) || drafts.iter().all(|d| d.indicator.weight.is_none()) {
        return;
    }
    let column = fields.iter().find(|(_, f)| *f == Field::Weight).map_or(0, |(c, _)| *c);
    drafts.retain(|d| {
        if d.indicator.weight.is_some() {
            return true;
        }
        let row = &mut rows[d.row];
        row.kind = RowKind::Error;
        row.problems.push(CellProblem {
            column,
            header: headers.get(column).cloned().unwrap_or_else(|| "PESO".into()),
            text: String::new(),
            expected: Expected::SiblingWeight,
            cell: None,
        });
        false
    });
}

fn objective(i: usize, nodes: &mut [Option<Node>], indicators: &mut [(Vec<Indicator>, Vec<SharedIndicator>)], child_lists: &[Vec<usize>]) -> Objective {
    let Some(node) = nodes.get_mut(i).and_then(Option::take) else {
        return Objective::new(String::new(), crate::plan::Level::Operational, String::new());
    };
    let objectives = child_lists[i].iter().map(|&c| objective(c, nodes, indicators, child_lists)).collect();
    let (own, shared) = std::mem::take(&mut indicators[i]);
    Objective {
        weight: node.weight,
        perspective: node.perspective,
        indicators: own,
        shared_indicators: shared,
        objectives,
        published: (node.published != Published::default()).then(|| Box::new(node.published)),
        ..Objective::new(node.code, node.level, node.name)
    }
}

fn normalise_tree(objectives: &mut [Objective], path: &str, out: &mut Vec<Normalised>) {
    normalise(objectives.iter_mut().map(|o| &mut o.weight).collect(), path.to_string(), None, out);
    for (i, o) in objectives.iter_mut().enumerate() {
        let here = format!("{path}[{i}]");
        let node = o.published.as_ref().filter(|p| p.score.is_some()).map(|_| o.code.to_string());
        let weights = o.indicators.iter_mut().map(|x| &mut x.weight).chain(o.shared_indicators.iter_mut().map(|s| &mut s.weight));
        normalise(weights.collect(), format!("{here}.indicators"), node, out);
        normalise_tree(&mut o.objectives, &format!("{here}.objectives"), out);
    }
}

/// Sibling weights that do not sum to 100 (within rounding) are scaled to 100, and the
/// importer says so: a table's weights are never silently taken at another scale.
fn normalise(weights: Vec<&mut Option<Decimal>>, path: String, node: Option<String>, out: &mut Vec<Normalised>) {
    if weights.is_empty() || weights.iter().any(|w| w.is_none()) {
        return;
    }
    let sum = weights.iter().try_fold(Decimal::ZERO, |acc, w| acc.checked_add(w.unwrap_or_default()));
    let Some(sum) = sum else { return };
    if sum <= Decimal::ZERO || sum.checked_sub(Decimal::ONE_HUNDRED).is_some_and(|gap| gap.abs() <= WEIGHT_SLACK) {
        return;
    }
    for w in weights {
        if let Some(value) = w.as_mut() {
            if let Some(scaled) = value.checked_mul(Decimal::ONE_HUNDRED).and_then(|v| v.checked_div(sum)) {
                *value = scaled.round_half_up(6).normalize();
            }
        }
    }
    out.push(Normalised { path, node, sum });
}

/// One warning per normalised list, saying what the normalisation does to the figure
/// the document printed: the likely reason that figure and the computed one disagree.
/// Where the two disagree beyond the document's rounding, the same words go in the
/// node's `published.discrepancy`, which the app shows beside the two figures.
fn explain_normalised(plan: &mut Plan, normalised: Vec<Normalised>, diagnostics: &mut Vec<Diagnostic>) {
    if normalised.is_empty() {
        return;
    }
    let evaluation = normalised.iter().any(|n| n.node.is_some()).then(|| crate::evaluate(plan));
    let mut reasons: Vec<(String, String)> = Vec::new();
    for n in normalised {
        // As the document would print it: at most two decimals.
        let sum = n.sum.normalize().round_half_up(2).normalize();
        let mut params = vec![Param::Sum(sum)];
        if let (Some(id), Some(evaluation)) = (&n.node, &evaluation) {
            if let Some(result) = evaluation.node(id) {
                let printed = result.published.as_ref().and_then(|p| p.score);
                if let (Some(score), Some(printed)) = (result.score, printed) {
                    params =
                        vec![Param::Case(Case::Printed), Param::Name(result.name.to_string()), Param::Sum(sum), Param::Score(score), Param::Printed(printed)];
                    let sum = crate::format::number(sum, sum.scale().min(2));
                    let apart = score.checked_sub(printed).is_none_or(|gap| gap.abs() > Decimal::from_scaled(1, 2));
                    if apart {
                        reasons.push((
                            id.clone(),
                            format!("the document's weights sum to {sum}, not 100: normalised, the score is {}", crate::format::percent(score, 2)),
                        ));
                    }
                }
            }
        }
        diagnostics.push(Diagnostic::new(n.path, Code::WeightsNormalised, params));
    }
    for (id, reason) in reasons {
        let published = match id.strip_prefix(crate::evaluate::CRUSCOTTO_ID_PREFIX) {
            Some(code) => plan.cruscotti.iter_mut().find(|c| c.code == code).and_then(|c| c.published.as_mut()),
            None => crate::scenario::find_objective_mut(&mut plan.ente.objectives, &id).and_then(|o| o.published.as_mut()),
        };
        if let Some(published) = published {
            published.discrepancy.get_or_insert(reason);
        }
    }
}

fn deadline_year(objectives: &[Objective], indicators: &[Indicator], cruscotti: &[Cruscotto], library: &[(Place, Indicator)]) -> Option<i32> {
    use chrono::Datelike;
    let mut years: HashMap<i32, usize> = HashMap::new();
    let mut count = |i: &Indicator| {
        if let Some(Target::Deadline { date }) = &i.target {
            *years.entry(date.year()).or_default() += 1;
        }
    };
    fn walk(objectives: &[Objective], count: &mut dyn FnMut(&Indicator)) {
        for o in objectives {
            o.indicators.iter().for_each(&mut *count);
            walk(&o.objectives, count);
        }
    }
    walk(objectives, &mut count);
    indicators.iter().for_each(&mut count);
    library.iter().map(|(_, i)| i).for_each(&mut count);
    cruscotti.iter().flat_map(|c| c.items.iter().filter_map(|i| i.own.as_ref())).for_each(&mut count);
    years.into_iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| y)
}
