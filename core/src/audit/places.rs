//! Where each result of an evaluation stands in the plan: its JSON path and the source
//! the plan records for it, by the evaluation's id; and the indicators with their paths,
//! in the order of the plan.

use super::Location;
use crate::evaluate::{cruscotto_id, unit_id};
use crate::plan::{CruscottoItem, Indicator, Objective, Plan, SourceRef};
use std::collections::HashMap;

/// One result's place.
pub(super) struct Place<'a> {
    pub path: String,
    pub code: String,
    pub source: Option<&'a SourceRef>,
}

/// One indicator definition of the plan, with its place.
pub(super) struct IndicatorPlace<'a> {
    pub id: String,
    pub path: String,
    pub indicator: &'a Indicator,
    /// The objective it is defined in (`None` for the plan's own list and cruscotti).
    pub objective: Option<&'a Objective>,
}

pub(super) struct Places<'a> {
    by_id: HashMap<String, Place<'a>>,
    /// Every indicator definition, in the order of the plan.
    pub indicators: Vec<IndicatorPlace<'a>>,
    /// Every objective of the tree with its path, depth first.
    pub objectives: Vec<(String, &'a Objective)>,
}

impl<'a> Places<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        let mut places = Places { by_id: HashMap::new(), indicators: Vec::new(), objectives: Vec::new() };
        let ente = &plan.ente;
        places.add("ENTE", "ente".into(), &ente.code, ente.source.as_deref());
        places.add_indicators(&ente.indicators, "ente", None);
        places.add_objectives(&ente.objectives, "ente");
        for (i, indicator) in plan.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            places.add(&indicator.code, path.clone(), &indicator.code, indicator.source.as_deref());
            places.indicators.push(IndicatorPlace { id: indicator.code.to_string(), path, indicator, objective: None });
        }
        for (i, unit) in plan.units.iter().enumerate() {
            places.add(&unit_id(&unit.code), format!("units[{i}]"), &unit.code, None);
        }
        for (i, cruscotto) in plan.cruscotti.iter().enumerate() {
            let id = cruscotto_id(&cruscotto.code);
            places.add(&id, format!("cruscotti[{i}]"), &cruscotto.code, None);
            places.add_items(&cruscotto.items, &id, &format!("cruscotti[{i}]"));
        }
        places
    }

    fn add(&mut self, id: &str, path: String, code: &str, source: Option<&'a SourceRef>) {
        self.by_id.entry(id.to_string()).or_insert(Place { path, code: code.to_string(), source });
    }

    fn add_indicators(&mut self, indicators: &'a [Indicator], parent: &str, objective: Option<&'a Objective>) {
        for (i, indicator) in indicators.iter().enumerate() {
            let path = format!("{parent}.indicators[{i}]");
            self.add(&indicator.code, path.clone(), &indicator.code, indicator.source.as_deref().or(objective.and_then(|o| o.source.as_deref())));
            self.indicators.push(IndicatorPlace { id: indicator.code.to_string(), path, indicator, objective });
        }
    }

    fn add_objectives(&mut self, objectives: &'a [Objective], parent: &str) {
        for (i, objective) in objectives.iter().enumerate() {
            let path = format!("{parent}.objectives[{i}]");
            self.add(&objective.code, path.clone(), &objective.code, objective.source.as_deref());
            self.objectives.push((path.clone(), objective));
            self.add_indicators(&objective.indicators, &path, Some(objective));
            self.add_objectives(&objective.objectives, &path);
        }
    }

    fn add_items(&mut self, items: &'a [CruscottoItem], id: &str, path: &str) {
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{path}.items[{i}]");
            if let Some(own) = &item.own {
                let own_id = format!("{id}/{}", own.code);
                let own_path = format!("{item_path}.own");
                self.add(&own_id, own_path.clone(), &own.code, own.source.as_deref());
                self.indicators.push(IndicatorPlace { id: own_id, path: own_path, indicator: own, objective: None });
            }
            if let Some(group) = &item.group {
                let group_id = format!("{id}/{}", group.code);
                let group_path = format!("{item_path}.group");
                self.add(&group_id, group_path.clone(), &group.code, None);
                self.add_items(&group.items, &group_id, &group_path);
            }
        }
    }

    /// The location of a result, at `field` under its path (`published.score`), or at its
    /// path for an empty `field`.
    pub fn at(&self, id: &str, field: &str) -> Location {
        match self.by_id.get(id) {
            Some(place) => Location {
                id: Some(id.to_string()),
                code: Some(place.code.clone()),
                path: if field.is_empty() { place.path.clone() } else { format!("{}.{field}", place.path) },
                ..Location::default()
            }
            .with_source(place.source),
            None => Location { id: Some(id.to_string()), code: Some(id.to_string()), path: field.to_string(), ..Location::default() },
        }
    }
}

/// A location with only a path (the policy, the ente's budget).
pub(super) fn at_path(path: impl Into<String>, source: Option<&SourceRef>) -> Location {
    Location { path: path.into(), ..Location::default() }.with_source(source)
}
