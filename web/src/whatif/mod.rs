//! The what-if model of the app: the plan as published (the baseline), the scenarios
//! kept for it, and the results of the active scenario, kept current edit by edit.
//!
//! The logic is the core's (`scenario`: edits, undo and redo, applying, comparing;
//! `live::Live`: re-evaluating only what an edit touches). This module only holds it for
//! the page. One edit must not copy 10 000 results, yet the components read an owned
//! `PlanView` that they share: so the model keeps two views and updates the one nobody
//! is showing (swapped into `Live`, brought up to date with the edits it missed, swapped
//! back), then shows it. Undo, redo, revert, reset and switching scenario rebuild both
//! from the baseline: rarer actions, allowed to take longer than a frame.

pub mod hook;
pub mod storage;

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::Decimal;
use semaforo_core::live::Live;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::{apply, decode_edits, find_indicator_mut, Edit, Scenario};
use semaforo_core::{format, Diagnostic, Evaluation, Lang};
use serde::{Deserialize, Serialize};

use crate::i18n::{t, Msg};
use crate::model::{fresh_generation, PlanView};

/// What browser storage keeps for one plan: its scenarios and which one is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    pub active: usize,
    pub scenarios: Vec<Scenario>,
}

impl Default for Stored {
    fn default() -> Self {
        Stored { active: 0, scenarios: vec![Scenario::new(DEFAULT_SCENARIO)] }
    }
}

pub const DEFAULT_SCENARIO: &str = "Scenario 1";
pub const SHARED_SCENARIO: &str = "Link condiviso";

/// A message about the last what-if action; `detail` is the core's own text.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub msg: Msg,
    pub detail: String,
    pub error: bool,
}

/// Everything the page can ask of the model.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Edit(Edit),
    /// Several edits at once, shown once (a weight and its siblings made explicit).
    Edits(Vec<Edit>),
    Undo,
    Redo,
    Revert(usize),
    Reset,
    Select(usize),
    /// A new scenario, empty or a copy of the active one.
    New { name: String, copy: bool },
    Rename(String),
    Delete,
    /// The text of a scenario file the user opened.
    Import { name: String, text: String },
    DismissNotice,
}

pub struct WhatIf {
    baseline: Rc<PlanView>,
    pub key: String,
    pub stored: Stored,
    live: Live,
    views: [Rc<PlanView>; 2],
    current: usize,
    /// Edits applied since the last rebuild, and how far each view has caught up.
    log: Vec<Edit>,
    synced: [usize; 2],
    pub notice: Option<Notice>,
    /// Edits that could not be applied (codes the plan lacks), from the last rebuild.
    pub problems: Vec<Diagnostic>,
    /// How many edits had to rebuild instead of updating in place (for the benchmark).
    pub slow_edits: u32,
}

impl WhatIf {
    /// The model for a freshly opened plan, with what storage kept for it and, if the
    /// page was opened from a share link, its edits as a new scenario.
    pub fn open(baseline: Rc<PlanView>, key: String, stored: Result<Option<Stored>, String>, link: Option<String>) -> WhatIf {
        let mut notice = None;
        let mut stored = match stored {
            Ok(Some(s)) if !s.scenarios.is_empty() => s,
            Ok(_) => Stored::default(),
            Err(why) => {
                notice = Some(Notice { msg: Msg::WhatIfStoredUnreadable, detail: why, error: true });
                Stored::default()
            }
        };
        stored.active = stored.active.min(stored.scenarios.len() - 1);
        if let Some(link) = link {
            match decode_edits(&link) {
                Ok(edits) => {
                    let mut scenario = Scenario::new(unique_name(&stored.scenarios, SHARED_SCENARIO));
                    scenario.edits = edits;
                    stored.scenarios.push(scenario);
                    stored.active = stored.scenarios.len() - 1;
                    notice = Some(Notice { msg: Msg::WhatIfLinkApplied, detail: String::new(), error: false });
                }
                // TODO(lang): the notice is built before a language is at hand; render it at display time.
                Err(problem) => notice = Some(Notice { msg: Msg::WhatIfBadLink, detail: problem.message(Lang::It), error: true }),
            }
        }
        let live = Live::new(baseline.plan.clone());
        let views = [Rc::new(copy_of(&live)), Rc::new(copy_of(&live))];
        let mut model =
            WhatIf { baseline, key, stored, live, views, current: 0, log: Vec::new(), synced: [0, 0], notice, problems: Vec::new(), slow_edits: 0 };
        if !model.scenario().edits.is_empty() {
            model.rebuild();
        }
        model
    }

    pub fn baseline(&self) -> &Rc<PlanView> {
        &self.baseline
    }

    /// The view with the active scenario's results.
    pub fn view(&self) -> Rc<PlanView> {
        self.views[self.current].clone()
    }

    pub fn scenario(&self) -> &Scenario {
        &self.stored.scenarios[self.stored.active]
    }

    fn scenario_mut(&mut self) -> &mut Scenario {
        &mut self.stored.scenarios[self.stored.active]
    }

    /// Runs a command; true when storage should be written.
    pub fn run(&mut self, command: Command) -> bool {
        if command != Command::DismissNotice {
            self.notice = None;
        }
        match command {
            Command::Edit(edit) => return self.edit(vec![edit]),
            Command::Edits(edits) => return self.edit(edits),
            Command::Undo => {
                if self.scenario_mut().undo() {
                    self.rebuild();
                }
            }
            Command::Redo => {
                if self.scenario_mut().redo() {
                    self.rebuild();
                }
            }
            Command::Revert(index) => {
                if self.scenario_mut().revert(index).is_some() {
                    self.rebuild();
                }
            }
            Command::Reset => {
                self.scenario_mut().reset();
                self.rebuild();
            }
            Command::Select(index) => {
                if index < self.stored.scenarios.len() && index != self.stored.active {
                    self.stored.active = index;
                    self.rebuild();
                }
            }
            Command::New { name, copy } => {
                let name = unique_name(&self.stored.scenarios, name.trim());
                let mut scenario = Scenario::new(name);
                if copy {
                    scenario.edits = self.scenario().edits.clone();
                }
                self.stored.scenarios.push(scenario);
                self.stored.active = self.stored.scenarios.len() - 1;
                self.rebuild();
            }
            Command::Rename(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return false;
                }
                let others: Vec<Scenario> =
                    self.stored.scenarios.iter().enumerate().filter(|(i, _)| *i != self.stored.active).map(|(_, s)| s.clone()).collect();
                self.scenario_mut().name = unique_name(&others, name);
            }
            Command::Delete => {
                self.stored.scenarios.remove(self.stored.active);
                if self.stored.scenarios.is_empty() {
                    self.stored.scenarios.push(Scenario::new(DEFAULT_SCENARIO));
                }
                self.stored.active = self.stored.active.min(self.stored.scenarios.len() - 1);
                self.rebuild();
            }
            Command::Import { name, text } => match read_scenario(&text) {
                Ok(mut scenario) => {
                    scenario.name = unique_name(&self.stored.scenarios, &scenario.name);
                    self.stored.scenarios.push(scenario);
                    self.stored.active = self.stored.scenarios.len() - 1;
                    self.rebuild();
                    self.notice = Some(Notice { msg: Msg::WhatIfImported, detail: name, error: false });
                }
                Err(why) => {
                    // Nothing is touched: the scenarios in storage stay as they were.
                    self.notice = Some(Notice { msg: Msg::WhatIfImportFailed, detail: format!("{name}: {why}"), error: true });
                    return false;
                }
            },
            Command::DismissNotice => return false,
        }
        true
    }

    /// Edits brought into the view nobody is showing, which is then shown.
    fn edit(&mut self, edits: Vec<Edit>) -> bool {
        if let Some(unknown) = edits.iter().find(|e| !self.knows(e)) {
            self.notice = Some(Notice { msg: Msg::WhatIfRejected, detail: unknown.subject().to_string(), error: true });
            return false;
        }
        for edit in edits {
            self.scenario_mut().push(edit.clone());
            self.log.push(edit);
        }
        let spare = 1 - self.current;
        if self.catch_up(spare) {
            self.current = spare;
        } else {
            self.slow_edits += 1;
            self.rebuild();
        }
        true
    }

    fn knows(&self, edit: &Edit) -> bool {
        match edit {
            Edit::SetObjectiveWeight { objective, .. } => self.baseline.evaluation.node(objective).is_some(),
            _ => self.baseline.indicators.contains_key(edit.subject()),
        }
    }

    /// Applies to view `i` the logged edits it has not seen; false when a component
    /// still holds it (it cannot be changed in place then).
    fn catch_up(&mut self, i: usize) -> bool {
        let Some(view) = Rc::get_mut(&mut self.views[i]) else { return false };
        let missed = &self.log[self.synced[i]..];
        self.live.swap_state(&mut view.plan, &mut view.evaluation);
        let applied = missed.iter().all(|edit| self.live.apply(edit).is_ok());
        self.live.swap_state(&mut view.plan, &mut view.evaluation);
        if !applied {
            return false;
        }
        // The look-ups the components read beside the evaluation.
        for edit in missed {
            let id = edit.subject();
            if matches!(edit, Edit::SetObjectiveWeight { .. }) {
                continue;
            }
            if let Some(definition) = find_indicator_mut(&mut view.plan, id) {
                view.indicators.insert(id.to_string(), definition.clone());
            }
            let verdict = view.evaluation.indicator(id).and_then(|r| r.verdict);
            if let Some(row) = view.rows.iter_mut().find(|r| r.id == id) {
                row.verdict = verdict;
            }
        }
        view.generation = fresh_generation();
        self.synced[i] = self.log.len();
        if self.synced.iter().all(|&s| s == self.log.len()) {
            self.log.clear();
            self.synced = [0, 0];
        }
        true
    }

    /// Both views from the baseline and the active scenario's edits.
    fn rebuild(&mut self) {
        let (plan, problems) = apply(&self.baseline.plan, &self.scenario().edits);
        self.problems = problems;
        self.live = Live::new(plan);
        self.views = [Rc::new(copy_of(&self.live)), Rc::new(copy_of(&self.live))];
        self.current = 0;
        self.log.clear();
        self.synced = [0, 0];
    }
}

fn copy_of(live: &Live) -> PlanView {
    PlanView::from_evaluation(live.plan().clone(), live.evaluation().clone())
}

/// `name`, or `name (2)`, `name (3)`… so that no two scenarios share a name.
pub fn unique_name(scenarios: &[Scenario], name: &str) -> String {
    let name = if name.is_empty() { DEFAULT_SCENARIO } else { name };
    let taken = |n: &str| scenarios.iter().any(|s| s.name == n);
    if !taken(name) {
        return name.to_string();
    }
    (2..).map(|i| format!("{name} ({i})")).find(|n| !taken(n)).unwrap_or_default()
}

/// A scenario file: the JSON of a `Scenario`; serde's message says what and where
/// (`unknown variant \`nope\` … at line 1 column 37`).
pub fn read_scenario(text: &str) -> Result<Scenario, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

// ---- Text for the page ---------------------------------------------------------------

/// One line of the edit list: what changed, from what to what.
pub fn describe(lang: Lang, baseline: &PlanView, edit: &Edit) -> String {
    let code = edit.subject();
    let def = baseline.indicators.get(code);
    let unit = def.map(|d| d.unit).unwrap_or(semaforo_core::plan::MeasureUnit::Number);
    let target_text = |t: Option<&Target>| t.map(|t| labels::target(lang, t, unit)).unwrap_or_else(|| "—".into());
    let (field, was, now) = match edit {
        Edit::SetTarget { target, .. } => (t(lang, Msg::Target), target_text(def.and_then(|d| d.target.as_ref())), target_text(Some(target))),
        Edit::SetActual { actual, .. } => (
            t(lang, Msg::Actual),
            labels::actual(lang, def.and_then(|d| d.actual.as_ref()), unit),
            labels::actual(lang, actual.as_ref(), unit),
        ),
        Edit::Exclude { reason, .. } => (
            t(lang, Msg::Actual),
            labels::actual(lang, def.and_then(|d| d.actual.as_ref()), unit),
            labels::actual(lang, Some(&Actual::NotEvaluable { reason: reason.clone() }), unit),
        ),
        Edit::SetIndicatorWeight { weight, .. } => {
            (t(lang, Msg::Weight), labels::weight(lang, def.and_then(|d| d.weight)), labels::weight(lang, Some(*weight)))
        }
        Edit::SetObjectiveWeight { objective, weight } => (
            t(lang, Msg::Weight),
            labels::weight(lang, baseline.evaluation.node(objective).and_then(|n| n.weight)),
            labels::weight(lang, Some(*weight)),
        ),
    };
    format!("{code} · {field}: {was} → {now}")
}

/// The results as CSV for a spreadsheet: semicolons, Italian decimals and a BOM, as
/// Excel in Italian expects. Every node, then every indicator.
pub fn results_csv(lang: Lang, baseline: &Evaluation, now: &Evaluation) -> String {
    let number = |v: Option<Decimal>| v.map(|v| format::number_in(lang, v, 2)).unwrap_or_default();
    let delta = |b: Option<Decimal>, a: Option<Decimal>| semaforo_core::scenario::delta(b, a).map(|d| format::number_in(lang, d, 2)).unwrap_or_default();
    let head = match lang {
        Lang::It => ["codice", "nome", "tipo", "peso", "piano", "simulazione", "differenza", "valutazione"],
        Lang::En => ["code", "name", "kind", "weight", "plan", "scenario", "difference", "verdict"],
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&head.join(";"));
    out.push_str("\r\n");
    let mut line = |cells: [String; 8]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    for node in &now.nodes {
        let before = baseline.node(&node.id).and_then(|n| n.score);
        line([
            node.code.clone(),
            node.name.clone(),
            labels::kind_name(lang, node.kind).to_string(),
            number(node.weight),
            number(before),
            number(node.score),
            delta(before, node.score),
            labels::verdict(lang, node.verdict).to_string(),
        ]);
    }
    for indicator in &now.indicators {
        let before = baseline.indicator(&indicator.id).and_then(|i| i.achievement);
        line([
            indicator.code.clone(),
            indicator.name.clone(),
            labels::indicator_word(lang).to_string(),
            number(indicator.weight),
            number(before),
            number(indicator.achievement),
            delta(before, indicator.achievement),
            labels::verdict(lang, indicator.verdict).to_string(),
        ]);
    }
    out
}

fn csv_cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A file name from free text: letters, digits, `-` and `_`.
pub fn file_stem(text: &str) -> String {
    let stem: String = text.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() { "scenario".into() } else { stem }
}

/// The date as typed back into a field: `31/12/2023`.
pub fn date_text(d: chrono::NaiveDate) -> String {
    format::date(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use semaforo_core::scenario::compare;
    use semaforo_core::{evaluate, load_plan};
    use std::str::FromStr;

    const TNO: &str = include_str!("../../../tests/fixtures/tno-2023.json");

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn model() -> WhatIf {
        let view = Rc::new(PlanView::new(load_plan(TNO).unwrap()));
        WhatIf::open(view, "k".into(), Ok(None), None)
    }

    fn ente(m: &WhatIf) -> Decimal {
        m.view().evaluation.node("ENTE").unwrap().score.unwrap()
    }

    fn set_actual(code: &str, v: &str) -> Edit {
        Edit::SetActual { indicator: code.into(), actual: Some(Actual::Value(d(v))) }
    }

    #[test]
    fn edits_in_place_equal_a_fresh_evaluation_and_undo_goes_back() {
        let mut m = model();
        let published = ente(&m);
        let edits = [
            set_actual("OC_TD_01", "100"),
            Edit::SetTarget { indicator: "OC_Int_01".into(), target: Target::AtLeast { value: d("600") } },
            Edit::SetObjectiveWeight { objective: "OS_02.03".into(), weight: d("40") },
            Edit::Exclude { indicator: "A3.1_02".into(), reason: "prova".into() },
            Edit::SetIndicatorWeight { indicator: "OC_TD_01".into(), weight: d("5") },
        ];
        for (i, edit) in edits.iter().enumerate() {
            // A component still holding the shown view must not matter: the other is free.
            let _shown = m.view();
            assert!(m.run(Command::Edit(edit.clone())));
            let (plan, _) = apply(&m.baseline().plan, &edits[..=i]);
            assert_eq!(m.view().evaluation, evaluate(&plan), "after edit {i}");
            assert_eq!(m.view().plan, plan);
        }
        assert_eq!(m.slow_edits, 0);
        assert_eq!(m.view().indicators["OC_TD_01"].weight, Some(d("5")));
        m.run(Command::Undo);
        assert_eq!(m.scenario().edits.len(), 4);
        m.run(Command::Redo);
        m.run(Command::Reset);
        assert_eq!(ente(&m), published);
        assert!(compare(&m.baseline().evaluation, &m.view().evaluation).is_empty());
    }

    #[test]
    fn scenarios_switch_and_a_bad_file_changes_nothing() {
        let mut m = model();
        m.run(Command::Edit(set_actual("OC_TD_01", "100")));
        let edited = ente(&m);
        m.run(Command::New { name: "Prudente".into(), copy: false });
        assert_eq!(m.stored.scenarios.len(), 2);
        assert_ne!(ente(&m), edited);
        m.run(Command::Select(0));
        assert_eq!(ente(&m), edited);
        let before = m.stored.clone();
        assert!(!m.run(Command::Import { name: "x.json".into(), text: r#"{"name": "x", "edits": [{"edit": "nope"}]}"#.into() }));
        assert_eq!(m.stored, before);
        assert!(m.notice.as_ref().is_some_and(|n| n.error));
        let file = serde_json::to_string(&m.stored.scenarios[0]).unwrap();
        assert!(m.run(Command::Import { name: "s.json".into(), text: file }));
        assert_eq!(m.scenario().name, "Scenario 1 (2)");
        assert_eq!(ente(&m), edited);
    }

    #[test]
    fn an_exported_plan_reopened_gives_the_same_scores_to_the_cent() {
        let mut m = model();
        m.run(Command::Edit(set_actual("OC_TD_01", "333.333")));
        // The ambiti have equal weights: the form makes them all explicit with the first.
        let weight = |code: &str, w: &str| Edit::SetObjectiveWeight { objective: code.into(), weight: d(w) };
        m.run(Command::Edits(vec![weight("AS_02", "33.33"), weight("AS_03", "33.33"), weight("AS_01", "40")]));
        let exported = serde_json::to_string_pretty(&m.view().plan).unwrap();
        let (plan, diagnostics) = semaforo_core::check_plan(&exported);
        assert!(!semaforo_core::diagnostic::has_errors(&diagnostics), "{diagnostics:?}");
        let reopened = evaluate(&plan.unwrap());
        assert_eq!(reopened, m.view().evaluation);
        for (a, b) in reopened.nodes.iter().zip(&m.view().evaluation.nodes) {
            assert_eq!(a.score.map(|s| format::percent(s, 2)), b.score.map(|s| format::percent(s, 2)));
        }
    }

    #[test]
    fn share_links_open_as_a_new_scenario_and_bad_ones_say_so() {
        let view = Rc::new(PlanView::new(load_plan(TNO).unwrap()));
        let link = semaforo_core::scenario::encode_edits(&[set_actual("OC_TD_01", "100")]);
        let m = WhatIf::open(view.clone(), "k".into(), Ok(Some(Stored::default())), Some(link));
        assert_eq!(m.scenario().name, SHARED_SCENARIO);
        assert_eq!(m.stored.scenarios.len(), 2);
        assert!(ente(&m) < view.evaluation.node("ENTE").unwrap().score.unwrap());
        let bad = WhatIf::open(view, "k".into(), Ok(None), Some("%%%".into()));
        assert_eq!(bad.notice.as_ref().map(|n| n.msg), Some(Msg::WhatIfBadLink));
        assert!(bad.scenario().edits.is_empty());
    }

    #[test]
    fn one_edit_of_an_indicator_of_the_plans_own_list_moves_both_cruscotti_and_travels_in_a_link() {
        const SHARED: &str = include_str!("../../../tests/fixtures/cruscotti-condivisi-2021.json");
        let view = Rc::new(PlanView::new(load_plan(SHARED).unwrap()));
        const CODE: &str = "Percent_IndiceTrasp";
        // Found by the finder under the first node that weighs it, in both units.
        let row = view.rows.iter().find(|r| r.id == CODE).expect("a finder row");
        assert_eq!((row.parent.as_str(), row.units.clone()), ("cruscotto/CR_SERV_RI/2.3.1", vec!["SERV_RI".into(), "SERV_RF".into()]));
        let weighing: Vec<&str> = view.weighed_in(CODE).iter().map(|(n, _)| n.id.as_str()).collect();
        assert_eq!(weighing, ["cruscotto/CR_SERV_RI/2.3.1", "cruscotto/CR_SERV_RF/2.3.1"]);
        let score = |m: &WhatIf, id: &str| m.view().evaluation.node(id).and_then(|n| n.score).map(|s| format::percent(s, 2));
        let mut m = WhatIf::open(view.clone(), "k".into(), Ok(None), None);
        assert!(m.run(Command::Edit(set_actual(CODE, "90"))));
        assert_eq!(m.slow_edits, 0);
        assert_eq!(score(&m, "cruscotto/CR_SERV_RI").as_deref(), Some("98,78 %"));
        assert_eq!(score(&m, "cruscotto/CR_SERV_RF").as_deref(), Some("88,78 %"));
        let (plan, _) = apply(&m.baseline().plan, &m.scenario().edits);
        assert_eq!(m.view().evaluation, evaluate(&plan));
        assert_eq!(m.view().indicators[CODE].actual, Some(Actual::Value(d("90"))));
        let link = semaforo_core::scenario::encode_edits(&m.scenario().edits);
        let opened = WhatIf::open(view, "k".into(), Ok(None), Some(link));
        assert_eq!(opened.view().evaluation, m.view().evaluation);
    }

    #[test]
    fn text_for_the_page() {
        let view = PlanView::new(load_plan(TNO).unwrap());
        let csv = results_csv(Lang::It, &view.evaluation, &view.evaluation);
        assert!(csv.starts_with("\u{feff}codice;nome;tipo;peso;piano;simulazione;differenza;valutazione\r\n"));
        assert!(csv.contains("ENTE;"), "{}", &csv[..300]);
        assert!(csv.contains(";98,96;98,96;0,00;Raggiunto"));
        assert_eq!(file_stem("Scenario 1 (2)"), "Scenario-1--2");
    }
}
