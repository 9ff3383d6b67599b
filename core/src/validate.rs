//! Semantic checks on a structurally valid plan: every problem at once, each with its
//! JSON path, errors apart from warnings.

use crate::decimal::Decimal;
use crate::diagnostic::{Case, Code, Diagnostic, Param, Params, Siblings, Subject};
use crate::evaluate::{id_collision, CodePlace};
use crate::format::MAX_DISPLAY_DECIMALS;
use crate::plan::{Actual, CruscottoItem, Indicator, Level, MeasureUnit, Objective, Plan, Target};
use crate::score::actual_number;
use std::collections::{HashMap, HashSet};

/// How far from 100 a set of sibling weights may sum before a warning: the documents
/// print weights rounded to two decimals (16,70 + 5 × 16,66).
const WEIGHT_SUM_SLACK: Decimal = Decimal::from_scaled(5, 2);

pub fn validate(plan: &Plan) -> Vec<Diagnostic> {
    let mut v = Validator { plan, out: Vec::new(), objectives: HashMap::new(), indicators: HashMap::new(), shared: Vec::new(), referenced: HashSet::new() };
    v.run();
    v.out
}

struct Validator<'a> {
    plan: &'a Plan,
    out: Vec<Diagnostic>,
    /// Code to path of first definition.
    objectives: HashMap<&'a str, String>,
    indicators: HashMap<&'a str, String>,
    /// Shared indicator references, checked once the whole tree is known.
    shared: Vec<(&'a str, String)>,
    /// Codes that a shared reference or a cruscotto item names.
    referenced: HashSet<&'a str>,
}

impl<'a> Validator<'a> {
    /// Reports `code` at `path` (its severity is the code's).
    fn report(&mut self, path: impl Into<String>, code: Code, params: impl Into<Params>) {
        self.out.push(Diagnostic::new(path, code, params));
    }

    fn run(&mut self) {
        let plan = self.plan;
        if plan.ente.code != "ENTE" {
            self.report("ente.code", Code::EnteCode, [Param::Code(plan.ente.code.clone())]);
        }
        self.check_policy();
        self.budget(plan.ente.budget.as_ref(), "ente");
        self.check_sources();
        for (i, indicator) in plan.ente.indicators.iter().enumerate() {
            self.indicator(indicator, &format!("ente.indicators[{i}]"), true);
        }
        self.weights(plan.ente.indicators.iter().map(|i| i.weight), "ente.indicators", Siblings::Indicators);
        self.objectives(&plan.ente.objectives, "ente.objectives", None);
        // After the tree, so that a code defined twice is reported here, at the second.
        for (i, indicator) in plan.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            self.indicator(indicator, &path, true);
            if indicator.weight.is_some() {
                self.report(format!("{path}.weight"), Code::IgnoredWeight, []);
            }
        }
        for (code, path) in std::mem::take(&mut self.shared) {
            self.referenced.insert(code);
            if !self.indicators.contains_key(code) {
                self.report(path, Code::MissingReference, [Param::Case(Case::NoIndicator), Param::Code(code.to_string())]);
            }
        }
        self.units();
        self.cruscotti();
        for (i, indicator) in plan.indicators.iter().enumerate() {
            if !self.referenced.contains(indicator.code.as_str()) {
                self.report(format!("indicators[{i}]"), Code::UnreferencedIndicator, [Param::Code(indicator.code.to_string())]);
            }
        }
        if plan.ente.objectives.is_empty() && plan.ente.indicators.is_empty() && plan.indicators.is_empty() && plan.cruscotti.is_empty() {
            self.report("ente.objectives", Code::EmptyPlan, []);
        }
    }

    fn check_policy(&mut self) {
        let p = &self.plan.policy;
        let hundred = Decimal::ONE_HUNDRED;
        for (name, value) in [("tolerance", p.tolerance), ("critical", p.critical)] {
            if value < Decimal::ZERO || value > hundred {
                self.report(format!("policy.{name}"), Code::PolicyRange, [Param::Case(Case::Percentage), Param::Value(value)]);
            }
        }
        if p.critical > p.tolerance {
            self.report("policy.critical", Code::PolicyOrder, [Param::Critical(p.critical), Param::Tolerance(p.tolerance)]);
        }
        if p.late_penalty_per_day < Decimal::ZERO {
            self.report("policy.late_penalty_per_day", Code::PolicyRange, [Param::Case(Case::NegativePenalty), Param::Value(p.late_penalty_per_day)]);
        }
        for (i, stated) in p.stated_thresholds.iter().enumerate() {
            for (name, value) in [("tolerance", stated.tolerance), ("critical", stated.critical)] {
                if value < Decimal::ZERO || value > hundred {
                    self.report(format!("policy.stated_thresholds[{i}].{name}"), Code::PolicyRange, [Param::Case(Case::Percentage), Param::Value(value)]);
                }
            }
        }
        if p.display_decimals > MAX_DISPLAY_DECIMALS {
            self.report(
                "policy.display_decimals",
                Code::PolicyRange,
                [Param::Case(Case::DisplayDecimals), Param::Count(p.display_decimals.into()), Param::Max(MAX_DISPLAY_DECIMALS.into())],
            );
        }
    }

    /// Resources cannot be negative: every amount of a budget (the promotional ones too).
    fn budget(&mut self, budget: Option<&crate::plan::Budget>, here: &str) {
        let Some(budget) = budget else { return };
        let amounts = [
            ("planned", budget.planned),
            ("spent", budget.spent),
            ("promotional_planned", budget.promotional_planned),
            ("promotional_spent", budget.promotional_spent),
            ("promotional_share", budget.promotional_share),
        ];
        for (name, value) in amounts {
            if let Some(value) = value.filter(|v| *v < Decimal::ZERO) {
                self.report(format!("{here}.budget.{name}"), Code::NegativeBudget, [Param::Value(value)]);
            }
        }
    }

    /// A code that would give its result the id of another (`evaluate::id_collision`).
    fn reserved_code(&mut self, code: &str, place: CodePlace, path: &str) {
        if let Some(why) = id_collision(code, place) {
            self.report(format!("{path}.code"), Code::ReservedCode, [Param::Code(code.to_string()), Param::Collision(why)]);
        }
    }

    fn check_sources(&mut self) {
        let mut seen = HashSet::new();
        for (i, source) in self.plan.sources.iter().enumerate() {
            if !seen.insert(source.id.as_str()) {
                self.report(format!("sources[{i}].id"), Code::DuplicateCode, twice(Subject::Source, &source.id, None));
            }
        }
    }

    fn source_ref(&mut self, source: &Option<Box<crate::plan::SourceRef>>, path: &str) {
        if let Some(source) = source {
            if !self.plan.sources.iter().any(|s| s.id == source.document) {
                self.report(format!("{path}.source.document"), Code::MissingReference, [Param::Case(Case::NoDocument), Param::Code(source.document.clone())]);
            }
        }
    }

    fn objectives(&mut self, objectives: &'a [Objective], path: &str, parent: Option<Level>) {
        self.weights(objectives.iter().map(|o| o.weight), path, Siblings::Objectives);
        for (i, objective) in objectives.iter().enumerate() {
            let here = format!("{path}[{i}]");
            if let Some(first) = self.objectives.insert(&objective.code, here.clone()) {
                self.report(format!("{here}.code"), Code::DuplicateCode, twice(Subject::Objective, &objective.code, Some(first)));
            }
            if objective.code.trim().is_empty() {
                self.report(format!("{here}.code"), Code::EmptyCode, [Param::Subject(Subject::Objective)]);
            }
            self.reserved_code(&objective.code, CodePlace::Objective, &here);
            let expected = match parent {
                None => &[Level::Area, Level::Strategic, Level::Operational][..],
                Some(Level::Area) => &[Level::Strategic, Level::Operational][..],
                Some(Level::Strategic) | Some(Level::Operational) => &[Level::Operational][..],
            };
            if !expected.contains(&objective.level) {
                self.report(format!("{here}.level"), Code::UnusualNesting, [Param::Level(objective.level), Param::ParentLevel(parent.unwrap_or(Level::Area))]);
            }
            self.budget(objective.budget.as_ref(), &here);
            self.source_ref(&objective.source, &here);
            self.published(&objective.published, &here);
            let indicators_path = format!("{here}.indicators");
            let weights = objective.indicators.iter().map(|i| i.weight).chain(objective.shared_indicators.iter().map(|s| s.weight));
            let siblings = if objective.shared_indicators.is_empty() { Siblings::Indicators } else { Siblings::IndicatorsShared };
            self.weights(weights, &indicators_path, siblings);
            for (j, shared) in objective.shared_indicators.iter().enumerate() {
                self.shared.push((shared.indicator.as_str(), format!("{here}.shared_indicators[{j}].indicator")));
            }
            for (j, indicator) in objective.indicators.iter().enumerate() {
                self.indicator(indicator, &format!("{indicators_path}[{j}]"), true);
            }
            self.objectives(&objective.objectives, &format!("{here}.objectives"), Some(objective.level));
        }
    }

    fn indicator(&mut self, indicator: &'a Indicator, path: &str, in_tree: bool) {
        if in_tree {
            if let Some(first) = self.indicators.insert(&indicator.code, path.to_string()) {
                self.report(format!("{path}.code"), Code::DuplicateCode, twice(Subject::Indicator, &indicator.code, Some(first)));
            }
            self.reserved_code(&indicator.code, CodePlace::Indicator, path);
        }
        if indicator.code.trim().is_empty() {
            self.report(format!("{path}.code"), Code::EmptyCode, [Param::Subject(Subject::Indicator)]);
        }
        self.source_ref(&indicator.source, path);
        self.published(&indicator.published, path);
        let is_deadline = matches!(indicator.target, Some(Target::Deadline { .. }));
        match (&indicator.target, &indicator.actual) {
            (Some(Target::Deadline { .. }), Some(Actual::Value(_) | Actual::Ratio { .. })) => {
                self.report(format!("{path}.actual"), Code::ActualTargetMismatch, [Param::Case(Case::DeadlineNumber)])
            }
            (Some(t), Some(Actual::Date(_))) if !matches!(t, Target::Deadline { .. }) => {
                self.report(format!("{path}.actual"), Code::ActualTargetMismatch, [Param::Case(Case::NumberDate)])
            }
            _ => {}
        }
        if is_deadline && indicator.unit != MeasureUnit::Date {
            self.report(format!("{path}.unit"), Code::UnitMismatch, [Param::Json(unit_name(indicator.unit).to_string())]);
        }
        match &indicator.actual {
            Some(Actual::Ratio { denominator, .. }) if denominator.is_zero() => {
                self.report(format!("{path}.actual.ratio.denominator"), Code::ZeroDenominator, [])
            }
            Some(actual @ Actual::Ratio { numerator, denominator }) if actual_number(actual, indicator.unit).is_none() => {
                self.report(format!("{path}.actual.ratio"), Code::RatioOverflow, [Param::Numerator(*numerator), Param::Denominator(*denominator)])
            }
            None | Some(Actual::NotAvailable { .. }) if indicator.target.is_some() => {
                self.report(format!("{path}.actual"), Code::MissingActual, [Param::Code(indicator.code.to_string())])
            }
            Some(Actual::NotEvaluable { reason }) if reason.trim().is_empty() => {
                self.report(format!("{path}.actual.not_evaluable.reason"), Code::MissingReason, [])
            }
            _ => {}
        }
        let mut years = HashSet::new();
        for (i, yearly) in indicator.yearly_targets.iter().enumerate() {
            if !years.insert(yearly.year) {
                self.report(format!("{path}.yearly_targets[{i}].year"), Code::DuplicateYear, [Param::Year(yearly.year.unsigned_abs().into())]);
            }
        }
    }

    fn published(&mut self, published: &Option<Box<crate::plan::Published>>, path: &str) {
        if let Some(score) = published.as_ref().and_then(|p| p.score) {
            if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED {
                self.report(format!("{path}.published.score"), Code::PublishedRange, [Param::Value(score)]);
            }
        }
    }

    /// Sibling weights: none negative; either all given or none; a positive sum; a sum
    /// of 100 (warning only).
    fn weights(&mut self, weights: impl Iterator<Item = Option<Decimal>>, path: &str, siblings: Siblings) {
        let weights: Vec<Option<Decimal>> = weights.collect();
        if weights.is_empty() || weights.iter().all(Option::is_none) {
            return;
        }
        // `None` once the sum overflows: reported below, the evaluation cannot score them.
        let mut sum = Some(Decimal::ZERO);
        for (i, weight) in weights.iter().enumerate() {
            match weight {
                None => self.report(format!("{path}[{i}].weight"), Code::MissingWeight, [Param::Siblings(siblings)]),
                Some(w) if *w < Decimal::ZERO => self.report(format!("{path}[{i}].weight"), Code::NegativeWeight, [Param::Weight(*w)]),
                Some(w) => sum = sum.and_then(|s| s.checked_add(*w)),
            }
        }
        let Some(sum) = sum else {
            self.report(path, Code::WeightsOverflow, [Param::Siblings(siblings)]);
            return;
        };
        if sum.is_zero() {
            self.report(path, Code::ZeroWeights, [Param::Siblings(siblings)]);
        } else if sum.checked_sub(Decimal::ONE_HUNDRED).is_some_and(|gap| gap.abs() > WEIGHT_SUM_SLACK) {
            self.report(path, Code::WeightsNot100, [Param::Siblings(siblings), Param::Sum(sum)]);
        }
    }

    fn units(&mut self) {
        let units = &self.plan.units;
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            if codes.insert(&unit.code, i).is_some() {
                self.report(format!("units[{i}].code"), Code::DuplicateCode, twice(Subject::Unit, &unit.code, None));
            }
        }
        for (i, unit) in units.iter().enumerate() {
            if let Some(parent) = &unit.parent {
                if !codes.contains_key(parent.as_str()) {
                    self.report(format!("units[{i}].parent"), Code::MissingReference, [Param::Case(Case::NoUnit), Param::Code(parent.clone())]);
                    continue;
                }
                // Follow the parents; more steps than units means a cycle.
                let mut current = parent.as_str();
                for _ in 0..=units.len() {
                    if current == unit.code {
                        self.report(format!("units[{i}].parent"), Code::UnitCycle, [Param::Code(unit.code.clone())]);
                        break;
                    }
                    match codes.get(current).and_then(|&j| units[j].parent.as_deref()) {
                        Some(next) => current = next,
                        None => break,
                    }
                }
            }
        }
        let mut stack: Vec<(&Objective, String)> = self.plan.ente.objectives.iter().enumerate().map(|(i, o)| (o, format!("ente.objectives[{i}]"))).collect();
        while let Some((objective, path)) = stack.pop() {
            for (j, unit) in objective.units.iter().enumerate() {
                if !codes.contains_key(unit.as_str()) {
                    self.report(format!("{path}.units[{j}]"), Code::MissingReference, [Param::Case(Case::NoUnit), Param::Code(unit.clone())]);
                }
            }
            stack.extend(objective.objectives.iter().enumerate().map(|(i, o)| (o, format!("{path}.objectives[{i}]"))));
        }
    }

    fn cruscotti(&mut self) {
        let plan = self.plan;
        let mut codes = HashSet::new();
        for (i, cruscotto) in plan.cruscotti.iter().enumerate() {
            let path = format!("cruscotti[{i}]");
            if !codes.insert(cruscotto.code.as_str()) {
                self.report(format!("{path}.code"), Code::DuplicateCode, twice(Subject::Cruscotto, &cruscotto.code, None));
            }
            self.reserved_code(&cruscotto.code, CodePlace::Cruscotto, &path);
            if let Some(unit) = &cruscotto.unit {
                if !plan.units.iter().any(|u| &u.code == unit) {
                    self.report(format!("{path}.unit"), Code::MissingReference, [Param::Case(Case::NoUnit), Param::Code(unit.clone())]);
                }
            }
            self.published(&cruscotto.published, &path);
            self.items(&cruscotto.items, &format!("{path}.items"));
        }
    }

    fn items(&mut self, items: &'a [CruscottoItem], path: &str) {
        self.weights(items.iter().map(|i| i.weight), path, Siblings::Items);
        // Own indicators and groups take ids under this list's (`cruscotto/C/X`): two of
        // one kind with one code would share an id, and one would take the other's score.
        let mut own_codes = HashSet::new();
        let mut group_codes = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            let here = format!("{path}[{i}]");
            let set = [item.indicator.is_some(), item.objective.is_some(), item.own.is_some(), item.group.is_some()];
            if set.iter().filter(|s| **s).count() != 1 {
                self.report(here.clone(), Code::ItemShape, []);
            }
            if let Some(code) = &item.indicator {
                self.referenced.insert(code);
                if !self.indicators.contains_key(code.as_str()) {
                    self.report(format!("{here}.indicator"), Code::MissingReference, [Param::Case(Case::NoIndicator), Param::Code(code.clone())]);
                }
            }
            if let Some(code) = &item.objective {
                if !self.objectives.contains_key(code.as_str()) {
                    self.report(format!("{here}.objective"), Code::MissingReference, [Param::Case(Case::NoObjective), Param::Code(code.clone())]);
                }
            }
            if let Some(own) = &item.own {
                if !own_codes.insert(own.code.as_str()) {
                    self.report(
                        format!("{here}.own.code"),
                        Code::DuplicateCode,
                        [Param::Case(Case::TwiceHere), Param::Subject(Subject::OwnIndicator), Param::Code(own.code.to_string())],
                    );
                }
                self.reserved_code(&own.code, CodePlace::Cruscotto, &format!("{here}.own"));
                self.indicator(own, &format!("{here}.own"), false);
            }
            if let Some(group) = &item.group {
                if !group_codes.insert(group.code.as_str()) {
                    self.report(
                        format!("{here}.group.code"),
                        Code::DuplicateCode,
                        [Param::Case(Case::TwiceHere), Param::Subject(Subject::Group), Param::Code(group.code.clone())],
                    );
                }
                self.reserved_code(&group.code, CodePlace::Cruscotto, &format!("{here}.group"));
                self.published(&group.published, &format!("{here}.group"));
                self.items(&group.items, &format!("{here}.group.items"));
            }
        }
    }
}

/// `duplicate-code`: what is defined twice, and where it was first (when known).
fn twice(subject: Subject, code: &str, first: Option<String>) -> Params {
    let params = Params::from([Param::Subject(subject), Param::Code(code.to_string())]);
    match first {
        Some(first) => params.with(Param::First(first)),
        None => params.with(Param::Case(Case::DefinedTwice)),
    }
}

/// A unit's name in the format: `number`, `date`.
fn unit_name(unit: MeasureUnit) -> &'static str {
    match unit {
        MeasureUnit::Percent => "percent",
        MeasureUnit::Number => "number",
        MeasureUnit::Days => "days",
        MeasureUnit::Euro => "euro",
        MeasureUnit::Date => "date",
        MeasureUnit::Flag => "flag",
    }
}
