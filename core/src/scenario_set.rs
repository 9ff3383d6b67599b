//! The scenarios a person keeps for one plan, and which one is open: created, copied,
//! renamed, deleted and imported with the rules a reader expects (never two with one
//! name, never none at all, the open one always exists).
//!
//! The app stores a `ScenarioSet` per plan in the browser (its JSON is that storage's
//! format); the rules live here so that they are tested once, natively.

use crate::scenario::{Edit, Scenario};
use serde::{Deserialize, Serialize};

/// The name of the scenario a set starts with.
pub const DEFAULT_SCENARIO: &str = "Scenario 1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSet {
    /// Index of the open scenario in `scenarios`.
    pub active: usize,
    pub scenarios: Vec<Scenario>,
}

impl Default for ScenarioSet {
    fn default() -> Self {
        ScenarioSet { active: 0, scenarios: vec![Scenario::new(DEFAULT_SCENARIO)] }
    }
}

impl ScenarioSet {
    /// A set as stored, made whole: an empty list gets the default scenario, an `active`
    /// beyond the list (a hand-edited or older store) opens the last one.
    pub fn repaired(mut self) -> ScenarioSet {
        if self.scenarios.is_empty() {
            return ScenarioSet::default();
        }
        self.active = self.active.min(self.scenarios.len() - 1);
        self
    }

    pub fn active(&self) -> &Scenario {
        &self.scenarios[self.active]
    }

    pub fn active_mut(&mut self) -> &mut Scenario {
        &mut self.scenarios[self.active]
    }

    /// `name`, or `name (2)`, `name (3)`… so that no two scenarios share a name; a blank
    /// name is the default one.
    pub fn unique_name(&self, name: &str) -> String {
        unique_among(self.scenarios.iter().map(|s| s.name.as_str()), name)
    }

    /// Opens scenario `index`; false when it does not exist or is already open.
    pub fn select(&mut self, index: usize) -> bool {
        if index >= self.scenarios.len() || index == self.active {
            return false;
        }
        self.active = index;
        true
    }

    /// Adds a scenario under a unique name, empty or with the open one's edits, and opens it.
    pub fn create(&mut self, name: &str, copy: bool) {
        let mut scenario = Scenario::new(self.unique_name(name.trim()));
        if copy {
            scenario.edits = self.active().edits.clone();
        }
        self.add(scenario);
    }

    /// Adds a scenario with these edits (a share link's), named `name` or a variant of it.
    pub fn create_with(&mut self, name: &str, edits: Vec<Edit>) {
        let mut scenario = Scenario::new(self.unique_name(name));
        scenario.edits = edits;
        self.add(scenario);
    }

    /// Adds a scenario read from a file, keeping its edits and undo history; its name is
    /// made unique.
    pub fn import(&mut self, mut scenario: Scenario) {
        scenario.name = self.unique_name(&scenario.name);
        self.add(scenario);
    }

    fn add(&mut self, scenario: Scenario) {
        self.scenarios.push(scenario);
        self.active = self.scenarios.len() - 1;
    }

    /// Renames the open scenario, unique among the others (its own name is free to keep);
    /// false for a blank name, which changes nothing.
    pub fn rename(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        let others = self.scenarios.iter().enumerate().filter(|(i, _)| *i != self.active).map(|(_, s)| s.name.as_str());
        let name = unique_among(others, name);
        self.active_mut().name = name;
        true
    }

    /// Deletes the open scenario and opens its neighbour; deleting the last one leaves a
    /// fresh default scenario, so a set is never empty.
    pub fn delete(&mut self) {
        self.scenarios.remove(self.active);
        if self.scenarios.is_empty() {
            self.scenarios.push(Scenario::new(DEFAULT_SCENARIO));
        }
        self.active = self.active.min(self.scenarios.len() - 1);
    }
}

fn unique_among<'a>(taken: impl Iterator<Item = &'a str> + Clone, name: &str) -> String {
    let name = if name.is_empty() { DEFAULT_SCENARIO } else { name };
    let is_taken = |n: &str| taken.clone().any(|t| t == n);
    if !is_taken(name) {
        return name.to_string();
    }
    (2..).map(|i| format!("{name} ({i})")).find(|n| !is_taken(n)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::Decimal;

    fn edit() -> Edit {
        Edit::SetIndicatorWeight { indicator: "I1".into(), weight: Decimal::ONE_HUNDRED }
    }

    fn names(set: &ScenarioSet) -> Vec<&str> {
        set.scenarios.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn new_scenarios_get_unique_names_and_open() {
        let mut set = ScenarioSet::default();
        set.active_mut().push(edit());
        set.create("Scenario 1", true);
        set.create("  ", false);
        set.create("Tagli", false);
        assert_eq!(names(&set), ["Scenario 1", "Scenario 1 (2)", "Scenario 1 (3)", "Tagli"]);
        assert_eq!(set.active, 3);
        assert_eq!(set.scenarios[1].edits, [edit()], "a copy keeps the open scenario's edits");
        assert!(set.scenarios[2].edits.is_empty());
        set.create_with("Link condiviso", vec![edit()]);
        set.create_with("Link condiviso", vec![]);
        assert_eq!(names(&set)[4..], ["Link condiviso", "Link condiviso (2)"]);
    }

    #[test]
    fn renaming_keeps_names_unique_and_ignores_blanks() {
        let mut set = ScenarioSet::default();
        set.create("B", false);
        assert!(!set.rename("   "));
        assert_eq!(set.active().name, "B");
        assert!(set.rename("B"), "its own name is free to keep");
        assert_eq!(set.active().name, "B");
        assert!(set.rename(" Scenario 1 "));
        assert_eq!(names(&set), ["Scenario 1", "Scenario 1 (2)"]);
    }

    #[test]
    fn deleting_opens_a_neighbour_and_never_leaves_none() {
        let mut set = ScenarioSet::default();
        set.create("B", false);
        set.create("C", false);
        set.delete();
        assert_eq!((names(&set), set.active), (vec!["Scenario 1", "B"], 1));
        assert!(set.select(0));
        assert!(!set.select(0) && !set.select(7));
        set.delete();
        set.delete();
        assert_eq!((names(&set), set.active), (vec![DEFAULT_SCENARIO], 0));
    }

    #[test]
    fn imported_scenarios_keep_their_history_under_a_unique_name() {
        let mut set = ScenarioSet::default();
        let mut file = Scenario::new("Scenario 1");
        file.push(edit());
        file.undo();
        set.import(file);
        assert_eq!(set.active().name, "Scenario 1 (2)");
        assert_eq!(set.active().undone, [edit()]);
    }

    #[test]
    fn a_stored_set_is_repaired_not_trusted() {
        let empty = ScenarioSet { active: 3, scenarios: vec![] }.repaired();
        assert_eq!(empty, ScenarioSet::default());
        let mut two = ScenarioSet::default();
        two.create("B", false);
        two.active = 9;
        assert_eq!(two.repaired().active, 1);
        // The storage format: `{ "active", "scenarios" }`, nothing else.
        let json = serde_json::to_string(&ScenarioSet::default()).unwrap();
        assert_eq!(json, r#"{"active":0,"scenarios":[{"name":"Scenario 1","edits":[]}]}"#);
        assert!(serde_json::from_str::<ScenarioSet>(r#"{"active":0,"scenarios":[],"x":1}"#).is_err());
    }
}
