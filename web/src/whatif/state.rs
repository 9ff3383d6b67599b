//! The what-if state of the page as a `Reducible`, and `use_whatif`, which keeps it and
//! runs its side effects.
//!
//! The model ([`WhatIf`]: the core's `Live` and two views of the results, swapped so that
//! an edit never copies every result) is changed in place: the state holds it behind
//! `Rc<RefCell<…>>`, and each action runs on it and returns a new small state with a new
//! revision and the cheap [`Snapshot`] the components read (scenarios as an `Rc`, the
//! active one, the notice, the problems), never a copy of the plan or of its results.
//!
//! Nothing is read or written while rendering. A new plan (a new view generation) is
//! opened by an effect that reads its scenarios from storage and the share link from the
//! address, then dispatches [`Action::Open`]; saving to localStorage, and taking an
//! applied share link out of the address, run in an effect keyed by the revision of the
//! stored scenarios; making what the first edit needs runs in a timeout after opening
//! ([`WhatIf::prepare`]). A refused save comes back as [`Action::SaveFailed`] and is shown. A
//! plan that failed to load leaves the view, and so the model and its storage, untouched.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use semaforo_core::scenario::Scenario;
use semaforo_core::Diagnostic;
use yew::prelude::*;

use super::model::{Command, Notice, Stored, WhatIf};
use super::storage;
use crate::i18n::Msg;
use crate::model::PlanView;

/// How long after a plan is shown its model makes what edits need: long enough for the
/// page to be painted first.
const PREPARE_AFTER_MS: u32 = 50;

/// What the what-if components read, cheap to compare and to clone.
#[derive(Clone, PartialEq)]
pub struct Snapshot {
    pub baseline: Rc<PlanView>,
    pub view: Rc<PlanView>,
    pub scenarios: Rc<Vec<Scenario>>,
    pub active: usize,
    pub notice: Option<Notice>,
    pub problems: Rc<Vec<Diagnostic>>,
    pub slow_edits: u32,
}

impl Snapshot {
    pub fn scenario(&self) -> &Scenario {
        &self.scenarios[self.active]
    }
}

#[derive(Default)]
pub struct State {
    model: Option<Rc<RefCell<WhatIf>>>,
    /// Counts every action.
    pub revision: u32,
    /// Counts the changes of the scenarios to keep: the save effect runs on each.
    pub stored: u32,
    /// This revision opened a share link: the save effect also takes it out of the address.
    link_applied: bool,
    pub snapshot: Option<Snapshot>,
}

pub enum Action {
    /// A plan was opened: its baseline, its storage key, what storage kept for it, and
    /// the edits of a share link meant for it.
    Open {
        baseline: Rc<PlanView>,
        key: String,
        stored: Result<Option<Stored>, String>,
        link: Option<String>,
    },
    Run(Command),
    /// Storage refused the scenarios (full or blocked).
    SaveFailed(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (model, changed, link_applied) = match action {
            Action::Open { baseline, key, stored, link } => {
                let from_link = link.is_some();
                (Rc::new(RefCell::new(WhatIf::open(baseline, key, stored, link))), from_link, from_link)
            }
            Action::Run(command) => {
                let Some(model) = self.model.clone() else { return self };
                let changed = model.borrow_mut().run(command);
                (model, changed, false)
            }
            Action::SaveFailed(why) => {
                let Some(model) = self.model.clone() else { return self };
                model.borrow_mut().notice = Some(Notice::new(Msg::WhatIfSaveFailed, why, true));
                (model, false, false)
            }
        };
        let snapshot = {
            let m = model.borrow();
            Snapshot {
                baseline: m.baseline().clone(),
                view: m.view(),
                scenarios: Rc::new(m.stored.scenarios.clone()),
                active: m.stored.active,
                notice: m.notice.clone(),
                problems: Rc::new(m.problems.clone()),
                slow_edits: m.slow_edits,
            }
        };
        Rc::new(State {
            model: Some(model),
            revision: self.revision.wrapping_add(1),
            stored: self.stored.wrapping_add(u32::from(changed)),
            link_applied,
            snapshot: Some(snapshot),
        })
    }
}

#[derive(Clone)]
pub struct WhatIfHandle {
    /// The active scenario of the plan on screen; `None` until its model is open.
    pub snapshot: Option<Snapshot>,
    /// The same callback for the life of the page.
    pub oncommand: Callback<Command>,
}

impl WhatIfHandle {
    /// The view the page shows: the active scenario's results.
    pub fn view(&self) -> Option<Rc<PlanView>> {
        self.snapshot.as_ref().map(|s| s.view.clone())
    }
}

/// The what-if state of the plan `baseline`, opened from `source` (its name, part of
/// the storage key).
#[hook]
pub fn use_whatif(baseline: Option<Rc<PlanView>>, source: AttrValue) -> WhatIfHandle {
    let state = use_reducer(State::default);
    let generation = baseline.as_ref().map(|b| b.generation);
    {
        // A new plan: its scenarios, and a share link if it names this plan (`?plan=`,
        // or none for the built-in one).
        let dispatch = state.dispatcher();
        let baseline = baseline.clone();
        use_effect_with(generation, move |_| {
            let Some(baseline) = baseline else { return };
            let key = storage::key(&source, baseline.fingerprint);
            let named = crate::io::plan_param().unwrap_or_else(|| crate::state::DEFAULT_PLAN_NAME.to_string());
            let link = storage::link_edits().filter(|_| named == source.as_str());
            let stored = storage::load(&key);
            dispatch.dispatch(Action::Open { baseline, key, stored, link });
        });
    }
    {
        // The scenarios changed: kept in the browser; a refusal is shown, not swallowed.
        let current = state.clone();
        use_effect_with(state.stored, move |stored| {
            let Some(model) = current.model.as_ref().filter(|_| *stored != 0) else { return };
            let result = {
                let m = model.borrow();
                storage::save(&m.key, &m.stored)
            };
            if current.link_applied {
                storage::clear_link();
            }
            if let Err(why) = result {
                current.dispatch(Action::SaveFailed(why));
            }
        });
    }
    {
        // What the first edit needs, made once the page shows the plan rather than while
        // it opens (each part costs about a tenth of opening 100 000 indicators). The
        // model is the same `Rc` for the life of a plan: a new one is a new plan.
        let model = state.model.clone();
        use_effect_with(model.as_ref().map(|m| Rc::as_ptr(m) as usize), move |_| {
            let timeout = model.map(|model| {
                Timeout::new(PREPARE_AFTER_MS, move || {
                    if let Ok(mut model) = model.try_borrow_mut() {
                        model.prepare();
                    }
                })
            });
            move || drop(timeout)
        });
    }
    let oncommand = use_callback(state.dispatcher(), |command: Command, dispatch| dispatch.dispatch(Action::Run(command)));
    // The model of an earlier plan is not shown while the new one opens.
    let snapshot = state.snapshot.clone().filter(|s| Some(s.baseline.generation) == generation);
    WhatIfHandle { snapshot, oncommand }
}
