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

use std::rc::Rc;

use semaforo_core::live::Live;
use semaforo_core::scenario::{apply, decode_edits, Edit, Scenario};
use semaforo_core::Diagnostic;

use crate::i18n::Msg;
use crate::model::{fresh_generation, PlanView};

/// What browser storage keeps for one plan: the core's set of scenarios and the open one.
pub use semaforo_core::scenario_set::ScenarioSet as Stored;
pub const SHARED_SCENARIO: &str = "Link condiviso";

/// A message about the last what-if action; `detail` is a name, the browser's text, or
/// the core's diagnostic (rendered in the interface's language when shown).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub msg: Msg,
    pub detail: String,
    pub problem: Option<Diagnostic>,
    pub error: bool,
}

impl Notice {
    pub fn new(msg: Msg, detail: impl Into<String>, error: bool) -> Notice {
        Notice { msg, detail: detail.into(), problem: None, error }
    }

    /// The detail in `lang`: the diagnostic's message, or the text as it came.
    pub fn detail(&self, lang: semaforo_core::Lang) -> String {
        self.problem.as_ref().map_or_else(|| self.detail.clone(), |d| d.message(lang))
    }
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
    New {
        name: String,
        copy: bool,
    },
    Rename(String),
    Delete,
    /// The text of a scenario file the user opened.
    Import {
        name: String,
        text: String,
    },
    DismissNotice,
}

pub struct WhatIf {
    baseline: Rc<PlanView>,
    pub key: String,
    pub stored: Stored,
    /// The scenario's plan, edited live; `None` until [`WhatIf::prepare`] or the first
    /// edit makes it (from the baseline: its state is the baseline's then).
    live: Option<Live>,
    /// The scenario's results twice: the one shown, and the spare the next edit goes
    /// into while a component still holds the other. `None`: not made yet, the same as
    /// `live`'s own state. At 100 000 indicators each copy, and `live`, costs a tenth of
    /// opening the plan: they are made after the page shows it ([`WhatIf::prepare`]).
    views: [Option<Rc<PlanView>>; 2],
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
            Ok(Some(s)) => s.repaired(),
            Ok(None) => Stored::default(),
            Err(why) => {
                notice = Some(Notice::new(Msg::WhatIfStoredUnreadable, why, true));
                Stored::default()
            }
        };
        if let Some(link) = link {
            match decode_edits(&link) {
                Ok(edits) => {
                    stored.create_with(SHARED_SCENARIO, edits);
                    notice = Some(Notice::new(Msg::WhatIfLinkApplied, String::new(), false));
                }
                Err(problem) => notice = Some(Notice { problem: Some(problem), ..Notice::new(Msg::WhatIfBadLink, "", true) }),
            }
        }
        let mut model = WhatIf {
            baseline,
            key,
            stored,
            live: None,
            views: [None, None],
            current: 0,
            log: Vec::new(),
            synced: [0, 0],
            notice,
            problems: Vec::new(),
            slow_edits: 0,
        };
        if !model.scenario().edits.is_empty() {
            model.rebuild();
        }
        model
    }

    pub fn baseline(&self) -> &Rc<PlanView> {
        &self.baseline
    }

    /// Makes what an edit needs and opening does not: the live plan and both views. The
    /// page calls it once it shows a newly opened plan; an edit before that makes them.
    pub fn prepare(&mut self) {
        live_of(&mut self.live, &self.baseline);
        for i in 0..2 {
            self.view_made(i);
        }
    }

    /// View `i`, made from `live`'s own state if it was not yet (`synced[i]` is 0 then,
    /// as that state is the one of the last rebuild).
    fn view_made(&mut self, i: usize) {
        let live = live_of(&mut self.live, &self.baseline);
        self.views[i].get_or_insert_with(|| Rc::new(copy_of(&self.baseline, live)));
    }

    /// The view with the active scenario's results. Before a view is made, `live`'s own
    /// state is the baseline's (`rebuild` makes the shown one whenever there are edits).
    pub fn view(&self) -> Rc<PlanView> {
        self.views[self.current].clone().unwrap_or_else(|| self.baseline.clone())
    }

    pub fn scenario(&self) -> &Scenario {
        self.stored.active()
    }

    fn scenario_mut(&mut self) -> &mut Scenario {
        self.stored.active_mut()
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
                if self.stored.select(index) {
                    self.rebuild();
                }
            }
            Command::New { name, copy } => {
                self.stored.create(&name, copy);
                self.rebuild();
            }
            Command::Rename(name) => {
                if !self.stored.rename(&name) {
                    return false;
                }
            }
            Command::Delete => {
                self.stored.delete();
                self.rebuild();
            }
            Command::Import { name, text } => match read_scenario(&text) {
                Ok(scenario) => {
                    self.stored.import(scenario);
                    self.rebuild();
                    self.notice = Some(Notice::new(Msg::WhatIfImported, name, false));
                }
                Err(why) => {
                    // Nothing is touched: the scenarios in storage stay as they were.
                    self.notice = Some(Notice::new(Msg::WhatIfImportFailed, format!("{name}: {why}"), true));
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
            self.notice = Some(Notice::new(Msg::WhatIfRejected, unknown.subject().to_string(), true));
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
            _ => self.baseline.definition(edit.subject()).is_some(),
        }
    }

    /// Applies to view `i` the logged edits it has not seen; false when a component
    /// still holds it (it cannot be changed in place then).
    fn catch_up(&mut self, i: usize) -> bool {
        self.view_made(i);
        let (Some(view), Some(live)) = (self.views[i].as_mut(), self.live.as_mut()) else { return false };
        let Some(view) = Rc::get_mut(view) else { return false };
        let missed = &self.log[self.synced[i]..];
        live.swap_state(&mut view.plan, &mut view.evaluation);
        let (differences, baseline) = (&mut view.differences, &self.baseline.evaluation);
        let applied = missed.iter().all(|edit| {
            let done = live.apply(edit).is_ok();
            differences.update(baseline, live.evaluation(), live.touched());
            done
        });
        live.swap_state(&mut view.plan, &mut view.evaluation);
        if !applied {
            return false;
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
        let edited = !self.scenario().edits.is_empty();
        let live = self.live.insert(Live::new(plan));
        let shown = edited.then(|| Rc::new(copy_of(&self.baseline, live)));
        self.views = [shown, None];
        self.current = 0;
        self.log.clear();
        self.synced = [0, 0];
    }
}

fn live_of<'a>(live: &'a mut Option<Live>, baseline: &PlanView) -> &'a mut Live {
    live.get_or_insert_with(|| Live::evaluated(baseline.plan.clone(), baseline.evaluation.clone()))
}

fn copy_of(baseline: &PlanView, live: &Live) -> PlanView {
    baseline.variant(live.plan().clone(), live.evaluation().clone())
}

/// A scenario file: the JSON of a `Scenario`; serde's message says what and where
/// (`unknown variant \`nope\` … at line 1 column 37`).
pub fn read_scenario(text: &str) -> Result<Scenario, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use semaforo_core::plan::{Actual, Target};
    use semaforo_core::scenario::compare;
    use semaforo_core::{evaluate, format, load_plan, Decimal};
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
            // The changed scores the edits panel lists, kept edit by edit in both views.
            let (baseline, view) = (m.baseline().evaluation.clone(), m.view());
            assert_eq!(view.differences.changes(&baseline, &view.evaluation), compare(&baseline, &view.evaluation), "after edit {i}");
        }
        assert_eq!(m.slow_edits, 0);
        assert_eq!(m.view().definition("OC_TD_01").map(|i| i.weight), Some(Some(d("5"))));
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
        let weighing: Vec<&str> = view.weighed_in(CODE).iter().map(|(n, _)| &*n.id).collect();
        assert_eq!(weighing, ["cruscotto/CR_SERV_RI/2.3.1", "cruscotto/CR_SERV_RF/2.3.1"]);
        let score = |m: &WhatIf, id: &str| m.view().evaluation.node(id).and_then(|n| n.score).map(|s| format::percent(s, 2));
        let mut m = WhatIf::open(view.clone(), "k".into(), Ok(None), None);
        assert!(m.run(Command::Edit(set_actual(CODE, "90"))));
        assert_eq!(m.slow_edits, 0);
        assert_eq!(score(&m, "cruscotto/CR_SERV_RI").as_deref(), Some("98,78 %"));
        assert_eq!(score(&m, "cruscotto/CR_SERV_RF").as_deref(), Some("88,78 %"));
        let (plan, _) = apply(&m.baseline().plan, &m.scenario().edits);
        assert_eq!(m.view().evaluation, evaluate(&plan));
        assert_eq!(m.view().definition(CODE).map(|i| i.actual.clone()), Some(Some(Actual::Value(d("90")))));
        let link = semaforo_core::scenario::encode_edits(&m.scenario().edits);
        let opened = WhatIf::open(view, "k".into(), Ok(None), Some(link));
        assert_eq!(opened.view().evaluation, m.view().evaluation);
    }

    #[test]
    fn opening_copies_nothing_and_prepare_makes_what_edits_then_use() {
        let view = Rc::new(PlanView::new(load_plan(TNO).unwrap()));
        let mut m = WhatIf::open(view.clone(), "k".into(), Ok(None), None);
        // Until an edit, the scenario's results are the baseline's own.
        assert!(Rc::ptr_eq(&m.view(), &view));
        assert!(m.live.is_none() && m.views.iter().all(Option::is_none));
        m.prepare();
        let made: Vec<*const PlanView> = m.views.iter().map(|v| v.as_ref().map_or(std::ptr::null(), Rc::as_ptr)).collect();
        assert!(m.live.is_some() && made.iter().all(|v| !v.is_null()));
        // Two edits, each into the view the other one left: no copy is made for them.
        for actual in ["37", "38"] {
            let shown = m.view();
            assert!(m.run(Command::Edit(set_actual("OC_TD_01", actual))));
            drop(shown);
            assert!(made.contains(&Rc::as_ptr(&m.view())));
        }
        assert_eq!(m.slow_edits, 0);
        let (plan, _) = apply(&view.plan, &m.scenario().edits);
        assert_eq!(m.view().evaluation, evaluate(&plan));
        assert_eq!(m.view().definition("OC_TD_01").map(|i| i.actual.clone()), Some(Some(Actual::Value(d("38")))));
        // The baseline's definition is its own plan's, untouched.
        assert_ne!(view.definition("OC_TD_01").map(|i| i.actual.clone()), Some(Some(Actual::Value(d("38")))));
    }
}
