//! Semantic checks on a structurally valid plan: every problem at once, each with its
//! JSON path, errors apart from warnings.

use crate::diagnostic::{Code, Diagnostic};
use crate::evaluate::{id_collision, CodePlace};
use crate::format::MAX_DISPLAY_DECIMALS;
use crate::score::actual_number;
use crate::plan::{Actual, CruscottoItem, Indicator, Level, MeasureUnit, Objective, Plan, Target};
use crate::decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// How far from 100 a set of sibling weights may sum before a warning: the documents
/// print weights rounded to two decimals (16,70 + 5 × 16,66).
const WEIGHT_SUM_SLACK: Decimal = Decimal::from_scaled(5, 2);

pub fn validate(plan: &Plan) -> Vec<Diagnostic> {
    let mut v = Validator {
        plan,
        out: Vec::new(),
        objectives: HashMap::new(),
        indicators: HashMap::new(),
        shared: Vec::new(),
        referenced: HashSet::new(),
    };
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
    fn error(&mut self, path: impl Into<String>, code: Code, message: impl Into<String>) {
        self.out.push(Diagnostic::error(path, code, message));
    }

    fn warning(&mut self, path: impl Into<String>, code: Code, message: impl Into<String>) {
        self.out.push(Diagnostic::warning(path, code, message));
    }

    fn run(&mut self) {
        let plan = self.plan;
        if plan.ente.code != "ENTE" {
            self.error("ente.code", Code::EnteCode, format!("the ente's code is always `ENTE`, found `{}`", plan.ente.code));
        }
        self.check_policy();
        self.check_sources();
        for (i, indicator) in plan.ente.indicators.iter().enumerate() {
            self.indicator(indicator, &format!("ente.indicators[{i}]"), true);
        }
        self.weights(plan.ente.indicators.iter().map(|i| i.weight), "ente.indicators", "indicators");
        self.objectives(&plan.ente.objectives, "ente.objectives", None);
        // After the tree, so that a code defined twice is reported here, at the second.
        for (i, indicator) in plan.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            self.indicator(indicator, &path, true);
            if indicator.weight.is_some() {
                self.warning(
                    format!("{path}.weight"),
                    Code::IgnoredWeight,
                    "an indicator of the plan's `indicators` is weighed where it is referenced (a cruscotto item's or a `shared_indicators` weight): this weight is not used",
                );
            }
        }
        for (code, path) in std::mem::take(&mut self.shared) {
            self.referenced.insert(code);
            if !self.indicators.contains_key(code) {
                self.error(path, Code::MissingReference, format!("no indicator `{code}` in the tree or in the plan's `indicators`"));
            }
        }
        self.units();
        self.cruscotti();
        for (i, indicator) in plan.indicators.iter().enumerate() {
            if !self.referenced.contains(indicator.code.as_str()) {
                self.warning(
                    format!("indicators[{i}]"),
                    Code::UnreferencedIndicator,
                    format!(
                        "indicator `{}` is measured but weighed nowhere: no cruscotto item or `shared_indicators` names it",
                        indicator.code
                    ),
                );
            }
        }
        if plan.ente.objectives.is_empty() && plan.ente.indicators.is_empty() && plan.indicators.is_empty() && plan.cruscotti.is_empty() {
            self.warning("ente.objectives", Code::EmptyPlan, "the plan has no objectives, indicators or cruscotti");
        }
    }

    fn check_policy(&mut self) {
        let p = &self.plan.policy;
        let hundred = Decimal::ONE_HUNDRED;
        for (name, value) in [("tolerance", p.tolerance), ("critical", p.critical)] {
            if value < Decimal::ZERO || value > hundred {
                self.error(format!("policy.{name}"), Code::PolicyRange, format!("expected a percentage between 0 and 100, found {value}"));
            }
        }
        if p.critical > p.tolerance {
            self.error(
                "policy.critical",
                Code::PolicyOrder,
                format!("the critical threshold ({}) is above the tolerance threshold ({})", p.critical, p.tolerance),
            );
        }
        if p.late_penalty_per_day < Decimal::ZERO {
            self.error("policy.late_penalty_per_day", Code::PolicyRange, "a penalty per day late cannot be negative");
        }
        if p.display_decimals > MAX_DISPLAY_DECIMALS {
            self.error(
                "policy.display_decimals",
                Code::PolicyRange,
                format!("at most {MAX_DISPLAY_DECIMALS} decimals can be shown, found {}", p.display_decimals),
            );
        }
    }

    /// A code that would give its result the id of another (`evaluate::id_collision`).
    fn reserved_code(&mut self, code: &str, place: CodePlace, path: &str) {
        if let Some(why) = id_collision(code, place) {
            self.error(format!("{path}.code"), Code::ReservedCode, format!("`{code}` cannot be used as a code here: {why}"));
        }
    }

    fn check_sources(&mut self) {
        let mut seen = HashSet::new();
        for (i, source) in self.plan.sources.iter().enumerate() {
            if !seen.insert(source.id.as_str()) {
                self.error(format!("sources[{i}].id"), Code::DuplicateCode, format!("source `{}` is defined twice", source.id));
            }
        }
    }

    fn source_ref(&mut self, source: &Option<Box<crate::plan::SourceRef>>, path: &str) {
        if let Some(source) = source {
            if !self.plan.sources.iter().any(|s| s.id == source.document) {
                self.error(
                    format!("{path}.source.document"),
                    Code::MissingReference,
                    format!("no document `{}` in `sources`", source.document),
                );
            }
        }
    }

    fn objectives(&mut self, objectives: &'a [Objective], path: &str, parent: Option<Level>) {
        self.weights(objectives.iter().map(|o| o.weight), path, "objectives");
        for (i, objective) in objectives.iter().enumerate() {
            let here = format!("{path}[{i}]");
            if let Some(first) = self.objectives.insert(&objective.code, here.clone()) {
                self.error(format!("{here}.code"), Code::DuplicateCode, format!("objective `{}` is already defined at {first}", objective.code));
            }
            if objective.code.trim().is_empty() {
                self.error(format!("{here}.code"), Code::EmptyCode, "an objective needs a code");
            }
            self.reserved_code(&objective.code, CodePlace::Objective, &here);
            let expected = match parent {
                None => &[Level::Area, Level::Strategic, Level::Operational][..],
                Some(Level::Area) => &[Level::Strategic, Level::Operational][..],
                Some(Level::Strategic) | Some(Level::Operational) => &[Level::Operational][..],
            };
            if !expected.contains(&objective.level) {
                self.warning(
                    format!("{here}.level"),
                    Code::UnusualNesting,
                    format!("a `{:?}` objective under a `{:?}` one", objective.level, parent.unwrap_or(Level::Area)).to_lowercase(),
                );
            }
            if let Some(budget) = &objective.budget {
                for (name, value) in [("planned", budget.planned), ("spent", budget.spent)] {
                    if value.is_some_and(|v| v < Decimal::ZERO) {
                        self.error(format!("{here}.budget.{name}"), Code::NegativeBudget, "resources cannot be negative");
                    }
                }
            }
            self.source_ref(&objective.source, &here);
            self.published(&objective.published, &here);
            let indicators_path = format!("{here}.indicators");
            let weights = objective.indicators.iter().map(|i| i.weight).chain(objective.shared_indicators.iter().map(|s| s.weight));
            self.weights(weights, &indicators_path, "indicators (with shared_indicators)");
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
                self.error(
                    format!("{path}.code"),
                    Code::DuplicateCode,
                    format!("indicator `{}` is already defined at {first}", indicator.code),
                );
            }
            self.reserved_code(&indicator.code, CodePlace::Indicator, path);
        }
        if indicator.code.trim().is_empty() {
            self.error(format!("{path}.code"), Code::EmptyCode, "an indicator needs a code");
        }
        self.source_ref(&indicator.source, path);
        self.published(&indicator.published, path);
        let is_deadline = matches!(indicator.target, Some(Target::Deadline { .. }));
        match (&indicator.target, &indicator.actual) {
            (Some(Target::Deadline { .. }), Some(Actual::Value(_) | Actual::Ratio { .. })) => self.error(
                format!("{path}.actual"),
                Code::ActualTargetMismatch,
                "the target is a deadline (`by`), so the actual must be a `date` (or a `flag`), not a number",
            ),
            (Some(t), Some(Actual::Date(_))) if !matches!(t, Target::Deadline { .. }) => self.error(
                format!("{path}.actual"),
                Code::ActualTargetMismatch,
                "the target is a number, so the actual must be a `value`, a `ratio` or a `flag`, not a date",
            ),
            _ => {}
        }
        if is_deadline && indicator.unit != MeasureUnit::Date {
            self.warning(format!("{path}.unit"), Code::UnitMismatch, "a deadline target usually has unit `date`");
        }
        match &indicator.actual {
            Some(Actual::Ratio { denominator, .. }) if denominator.is_zero() => self.error(
                format!("{path}.actual.ratio.denominator"),
                Code::ZeroDenominator,
                "a ratio's denominator cannot be zero",
            ),
            Some(actual @ Actual::Ratio { numerator, denominator }) if actual_number(actual, indicator.unit).is_none() => self.error(
                format!("{path}.actual.ratio"),
                Code::RatioOverflow,
                format!("{numerator} / {denominator} is too large to compute: check the denominator"),
            ),
            None | Some(Actual::NotAvailable { .. }) if indicator.target.is_some() => self.warning(
                format!("{path}.actual"),
                Code::MissingActual,
                format!("indicator `{}` has no actual yet (N/D): it does not count", indicator.code),
            ),
            Some(Actual::NotEvaluable { reason }) if reason.trim().is_empty() => self.warning(
                format!("{path}.actual.not_evaluable.reason"),
                Code::MissingReason,
                "say why the indicator is not assessable",
            ),
            _ => {}
        }
        let mut years = HashSet::new();
        for (i, yearly) in indicator.yearly_targets.iter().enumerate() {
            if !years.insert(yearly.year) {
                self.warning(format!("{path}.yearly_targets[{i}].year"), Code::DuplicateYear, format!("two targets for {}", yearly.year));
            }
        }
    }

    fn published(&mut self, published: &Option<Box<crate::plan::Published>>, path: &str) {
        if let Some(score) = published.as_ref().and_then(|p| p.score) {
            if score < Decimal::ZERO || score > Decimal::ONE_HUNDRED {
                self.warning(format!("{path}.published.score"), Code::PublishedRange, format!("a published score of {score} is outside 0-100"));
            }
        }
    }

    /// Sibling weights: none negative; either all given or none; a positive sum; a sum
    /// of 100 (warning only).
    fn weights(&mut self, weights: impl Iterator<Item = Option<Decimal>>, path: &str, field: &str) {
        let weights: Vec<Option<Decimal>> = weights.collect();
        if weights.is_empty() || weights.iter().all(Option::is_none) {
            return;
        }
        // `None` once the sum overflows: reported below, the evaluation cannot score them.
        let mut sum = Some(Decimal::ZERO);
        for (i, weight) in weights.iter().enumerate() {
            match weight {
                None => self.error(
                    format!("{path}[{i}].weight"),
                    Code::MissingWeight,
                    format!("some of these {field} have a weight and this one has none: give all a weight, or none for equal weights"),
                ),
                Some(w) if *w < Decimal::ZERO => {
                    self.error(format!("{path}[{i}].weight"), Code::NegativeWeight, format!("a weight cannot be negative, found {w}"))
                }
                Some(w) => sum = sum.and_then(|s| s.checked_add(*w)),
            }
        }
        let Some(sum) = sum else {
            self.error(
                path.to_string(),
                Code::WeightsOverflow,
                format!("the weights of these {field} are too large to add up: write them in percent (they usually sum to 100)"),
            );
            return;
        };
        if sum.is_zero() {
            self.error(path.to_string(), Code::ZeroWeights, format!("the weights of these {field} sum to zero: nothing can be scored"));
        } else if sum.checked_sub(Decimal::ONE_HUNDRED).is_some_and(|gap| gap.abs() > WEIGHT_SUM_SLACK) {
            self.warning(
                path.to_string(),
                Code::WeightsNot100,
                format!("the weights of these {field} sum to {sum}, not 100: they are used in proportion"),
            );
        }
    }

    fn units(&mut self) {
        let units = &self.plan.units;
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            if codes.insert(&unit.code, i).is_some() {
                self.error(format!("units[{i}].code"), Code::DuplicateCode, format!("unit `{}` is defined twice", unit.code));
            }
        }
        for (i, unit) in units.iter().enumerate() {
            if let Some(parent) = &unit.parent {
                if !codes.contains_key(parent.as_str()) {
                    self.error(format!("units[{i}].parent"), Code::MissingReference, format!("no unit `{parent}`"));
                    continue;
                }
                // Follow the parents; more steps than units means a cycle.
                let mut current = parent.as_str();
                for _ in 0..=units.len() {
                    if current == unit.code {
                        self.error(format!("units[{i}].parent"), Code::UnitCycle, format!("unit `{}` is its own ancestor", unit.code));
                        break;
                    }
                    match codes.get(current).and_then(|&j| units[j].parent.as_deref()) {
                        Some(next) => current = next,
                        None => break,
                    }
                }
            }
        }
        let mut stack: Vec<(&Objective, String)> =
            self.plan.ente.objectives.iter().enumerate().map(|(i, o)| (o, format!("ente.objectives[{i}]"))).collect();
        while let Some((objective, path)) = stack.pop() {
            for (j, unit) in objective.units.iter().enumerate() {
                if !codes.contains_key(unit.as_str()) {
                    self.error(format!("{path}.units[{j}]"), Code::MissingReference, format!("no unit `{unit}` in `units`"));
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
                self.error(format!("{path}.code"), Code::DuplicateCode, format!("cruscotto `{}` is defined twice", cruscotto.code));
            }
            self.reserved_code(&cruscotto.code, CodePlace::Cruscotto, &path);
            if let Some(unit) = &cruscotto.unit {
                if !plan.units.iter().any(|u| &u.code == unit) {
                    self.error(format!("{path}.unit"), Code::MissingReference, format!("no unit `{unit}` in `units`"));
                }
            }
            self.published(&cruscotto.published, &path);
            self.items(&cruscotto.items, &format!("{path}.items"));
        }
    }

    fn items(&mut self, items: &'a [CruscottoItem], path: &str) {
        self.weights(items.iter().map(|i| i.weight), path, "items");
        // Own indicators and groups take ids under this list's (`cruscotto/C/X`): two of
        // one kind with one code would share an id, and one would take the other's score.
        let mut own_codes = HashSet::new();
        let mut group_codes = HashSet::new();
        for (i, item) in items.iter().enumerate() {
            let here = format!("{path}[{i}]");
            let set = [item.indicator.is_some(), item.objective.is_some(), item.own.is_some(), item.group.is_some()];
            if set.iter().filter(|s| **s).count() != 1 {
                self.error(
                    here.clone(),
                    Code::ItemShape,
                    "a cruscotto item has exactly one of `indicator`, `objective`, `own` or `group`",
                );
            }
            if let Some(code) = &item.indicator {
                self.referenced.insert(code);
                if !self.indicators.contains_key(code.as_str()) {
                    self.error(
                        format!("{here}.indicator"),
                        Code::MissingReference,
                        format!("no indicator `{code}` in the tree or in the plan's `indicators`"),
                    );
                }
            }
            if let Some(code) = &item.objective {
                if !self.objectives.contains_key(code.as_str()) {
                    self.error(format!("{here}.objective"), Code::MissingReference, format!("no objective `{code}` in the tree"));
                }
            }
            if let Some(own) = &item.own {
                if !own_codes.insert(own.code.as_str()) {
                    self.error(format!("{here}.own.code"), Code::DuplicateCode, format!("indicator `{}` appears twice here", own.code));
                }
                self.reserved_code(&own.code, CodePlace::Cruscotto, &format!("{here}.own"));
                self.indicator(own, &format!("{here}.own"), false);
            }
            if let Some(group) = &item.group {
                if !group_codes.insert(group.code.as_str()) {
                    self.error(format!("{here}.group.code"), Code::DuplicateCode, format!("group `{}` appears twice here", group.code));
                }
                self.reserved_code(&group.code, CodePlace::Cruscotto, &format!("{here}.group"));
                self.published(&group.published, &format!("{here}.group"));
                self.items(&group.items, &format!("{here}.group.items"));
            }
        }
    }
}
