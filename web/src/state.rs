//! The app's state and every change to it, as a `Reducible` with an `Action` enum.
//!
//! A new plan replaces the view only when `check_plan` found no error; otherwise the
//! report is shown and the current plan stays, so the page is never left blank.

use std::collections::HashSet;
use std::rc::Rc;

use semaforo_core::diagnostic::has_errors;
use semaforo_core::plan::Perspective;
use semaforo_core::{check_plan, Diagnostic, Lang};
use yew::prelude::*;

use crate::model::PlanView;

/// The plan the app opens on: the 2023 performance report of CCIAA Toscana Nord-Ovest.
/// index.html copies it next to the app and the app fetches it at start: compiled into
/// the wasm it would add 26 KB gzipped to every download, and as a file a site can
/// replace it without a rebuild.
pub const DEFAULT_PLAN_URL: &str = "fixtures/tno-2023.json";
pub const DEFAULT_PLAN_NAME: &str = "tno-2023.json";

/// What the detail panel shows. Indicators are selected through the node they are
/// listed under, since a shared indicator appears under two objectives.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Node(AttrValue),
    Indicator { id: AttrValue, under: AttrValue },
}

impl Selection {
    /// The tree item key: node id, or `parent>indicator`.
    pub fn key(&self) -> String {
        match self {
            Selection::Node(id) => id.to_string(),
            Selection::Indicator { id, under } => format!("{under}>{id}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VerdictFilter {
    #[default]
    All,
    Missed,
    Partial,
    MissedOrPartial,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub query: AttrValue,
    pub verdict: VerdictFilter,
    pub unit: AttrValue,
    pub perspective: Option<Perspective>,
    pub area: AttrValue,
}

impl Filters {
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty() || self.verdict != VerdictFilter::All || !self.unit.is_empty() || self.perspective.is_some() || !self.area.is_empty()
    }
}

/// Problems found in a plan the user tried to open.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub name: AttrValue,
    /// Set when the file could not even be read or fetched.
    pub failure: Option<AttrValue>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    /// True when the plan was refused; false for warnings on a plan that loaded.
    pub refused: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    Reading { name: AttrValue, size: f64 },
    Parsing { name: AttrValue, size: f64 },
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub view: Option<Rc<PlanView>>,
    pub source: AttrValue,
    pub status: Status,
    pub report: Option<Report>,
    pub expanded: Rc<HashSet<String>>,
    pub selected: Option<Selection>,
    pub filters: Filters,
}

pub enum Action {
    SetLang(Lang),
    Reading {
        name: AttrValue,
        size: f64,
    },
    Parsing {
        name: AttrValue,
        size: f64,
    },
    /// The text of a plan: checked with the core, loaded if it has no error.
    Open {
        name: AttrValue,
        text: Rc<String>,
    },
    /// The built-in plan, opened quietly: its warnings are known and documented, so
    /// visitors are not greeted with them (plans the user opens show theirs).
    OpenBuiltIn {
        text: Rc<String>,
    },
    Failed {
        name: AttrValue,
        message: AttrValue,
    },
    DismissReport,
    Toggle(String),
    Expand(String),
    Collapse(String),
    Select(Selection),
    /// Select, and expand the tree down to the selection.
    Reveal(Selection),
    SetFilters(Filters),
}

impl State {
    /// The state before any plan has arrived: the built-in one is being fetched.
    pub fn initial(lang: Lang) -> State {
        State {
            lang,
            view: None,
            source: DEFAULT_PLAN_NAME.into(),
            status: Status::Reading { name: DEFAULT_PLAN_NAME.into(), size: 0.0 },
            report: None,
            expanded: Rc::new(HashSet::new()),
            selected: None,
            filters: Filters::default(),
        }
    }

    fn open(&mut self, name: AttrValue, text: &str) {
        self.status = Status::Idle;
        let (plan, diagnostics) = check_plan(text);
        match plan {
            Some(plan) if !has_errors(&diagnostics) => {
                let mut view = PlanView::new(plan);
                view.fingerprint = crate::whatif::storage::fingerprint(text);
                // Open the ente and its ambiti: the first screen shows the top of the tree.
                let mut expanded = HashSet::new();
                expanded.insert(view.plan.ente.code.clone());
                self.selected = Some(Selection::Node(view.plan.ente.code.clone().into()));
                self.view = Some(Rc::new(view));
                self.expanded = Rc::new(expanded);
                self.source = name.clone();
                self.filters = Filters::default();
                self.report =
                    if diagnostics.is_empty() { None } else { Some(Report { name, failure: None, diagnostics: Rc::new(diagnostics), refused: false }) };
            }
            _ => {
                self.report = Some(Report { name, failure: None, diagnostics: Rc::new(diagnostics), refused: true });
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Reading { name, size } => next.status = Status::Reading { name, size },
            Action::Parsing { name, size } => next.status = Status::Parsing { name, size },
            Action::Open { name, text } => next.open(name, &text),
            Action::OpenBuiltIn { text } => {
                next.open(DEFAULT_PLAN_NAME.into(), &text);
                if next.report.as_ref().is_some_and(|r| !r.refused) {
                    next.report = None;
                }
            }
            Action::Failed { name, message } => {
                next.status = Status::Idle;
                next.report = Some(Report { name, failure: Some(message), diagnostics: Rc::new(Vec::new()), refused: true });
            }
            Action::DismissReport => next.report = None,
            Action::Toggle(id) => {
                let mut set = (*next.expanded).clone();
                if !set.remove(&id) {
                    set.insert(id);
                }
                next.expanded = Rc::new(set);
            }
            Action::Expand(id) => {
                if !next.expanded.contains(&id) {
                    let mut set = (*next.expanded).clone();
                    set.insert(id);
                    next.expanded = Rc::new(set);
                }
            }
            Action::Collapse(id) => {
                if next.expanded.contains(&id) {
                    let mut set = (*next.expanded).clone();
                    set.remove(&id);
                    next.expanded = Rc::new(set);
                }
            }
            Action::Select(selection) => next.selected = Some(selection),
            Action::Reveal(selection) => {
                if let Some(view) = &next.view {
                    let node = match &selection {
                        Selection::Node(id) => view.evaluation.node(id).and_then(|n| n.parent.as_deref().map(str::to_string)),
                        Selection::Indicator { under, .. } => Some(under.to_string()),
                    };
                    if let Some(node) = node {
                        let mut set = (*next.expanded).clone();
                        set.extend(view.ancestors(&node));
                        next.expanded = Rc::new(set);
                    }
                }
                next.selected = Some(selection);
            }
            Action::SetFilters(filters) => next.filters = filters,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use semaforo_core::format;

    #[test]
    fn opens_on_the_default_plan_and_keeps_it_when_a_broken_one_is_opened() {
        let state =
            Rc::new(State::initial(Lang::It)).reduce(Action::OpenBuiltIn { text: Rc::new(include_str!("../../tests/fixtures/tno-2023.json").to_string()) });
        let score = |s: &State| s.view.as_ref().and_then(|v| v.evaluation.node("ENTE")).and_then(|n| n.score);
        assert_eq!(format::percent(score(&state).unwrap(), 2), "98,96 %");
        assert!(state.report.is_none());

        let broken = state.clone().reduce(Action::Open { name: "x.json".into(), text: Rc::new(r#"{"version": 1, "ente": 3}"#.to_string()) });
        let report = broken.report.as_ref().expect("a report");
        assert!(report.refused);
        assert!(report.diagnostics.iter().any(|d| d.path == "ente"));
        assert_eq!(score(&broken), score(&state));
        assert_eq!(broken.source.as_str(), DEFAULT_PLAN_NAME);
    }

    #[test]
    fn reveal_opens_the_ancestors_of_an_indicator() {
        let state =
            Rc::new(State::initial(Lang::It)).reduce(Action::OpenBuiltIn { text: Rc::new(include_str!("../../tests/fixtures/tno-2023.json").to_string()) });
        let next = state.reduce(Action::Reveal(Selection::Indicator { id: "DFP 1.3".into(), under: "OS_01.01".into() }));
        for id in ["ENTE", "AS_01", "OS_01.01"] {
            assert!(next.expanded.contains(id), "{id}");
        }
    }
}
