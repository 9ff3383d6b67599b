//! `use_whatif`: the what-if model held for the app, outside the reducer so that an edit
//! changes results in place instead of cloning the state, plus a re-render trigger.
//!
//! The model follows the plan the reducer shows: a new plan (a new view generation)
//! opens its own scenarios from storage. A plan that failed to load leaves the view, and
//! so the model and its storage, untouched.

use std::cell::RefCell;
use std::rc::Rc;

use semaforo_core::scenario::Scenario;
use semaforo_core::Diagnostic;
use yew::prelude::*;

use super::model::{Command, Notice, WhatIf};
use super::storage;
use crate::i18n::Msg;
use crate::model::PlanView;

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

#[derive(Clone)]
pub struct WhatIfHandle {
    pub snapshot: Option<Snapshot>,
    pub oncommand: Callback<Command>,
}

impl WhatIfHandle {
    /// The view the page shows: the active scenario's results.
    pub fn view(&self) -> Option<Rc<PlanView>> {
        self.snapshot.as_ref().map(|s| s.view.clone())
    }
}

#[hook]
pub fn use_whatif(baseline: Option<Rc<PlanView>>, source: AttrValue) -> WhatIfHandle {
    let model: Rc<RefCell<Option<WhatIf>>> = use_mut_ref(|| None);
    // A share link applies to the plan the address names (`?plan=`, or the built-in one).
    let link = use_mut_ref(|| {
        storage::link_edits().map(|edits| (crate::io::plan_param().unwrap_or_else(|| crate::state::DEFAULT_PLAN_NAME.to_string()), edits))
    });
    let trigger = use_force_update();

    if let Some(base) = &baseline {
        let stale = model.borrow().as_ref().is_none_or(|m| m.baseline().generation != base.generation);
        if stale {
            let key = storage::key(&source, &base.plan);
            let pending = link.borrow_mut().take_if(|(plan, _)| plan.as_str() == source.as_str()).map(|(_, edits)| edits);
            let from_link = pending.is_some();
            let stored = storage::load(&key);
            let mut opened = WhatIf::open(base.clone(), key, stored, pending);
            if from_link {
                storage::clear_link();
                persist(&mut opened);
            }
            *model.borrow_mut() = Some(opened);
        }
    }

    let oncommand = {
        let model = model.clone();
        Callback::from(move |command: Command| {
            {
                let mut guard = model.borrow_mut();
                let Some(m) = guard.as_mut() else { return };
                if m.run(command) {
                    persist(m);
                }
            }
            trigger.force_update();
        })
    };

    let snapshot = model.borrow().as_ref().filter(|_| baseline.is_some()).map(|m| Snapshot {
        baseline: m.baseline().clone(),
        view: m.view(),
        scenarios: Rc::new(m.stored.scenarios.clone()),
        active: m.stored.active,
        notice: m.notice.clone(),
        problems: Rc::new(m.problems.clone()),
        slow_edits: m.slow_edits,
    });
    WhatIfHandle { snapshot, oncommand }
}

/// Writes the model's scenarios; a refusal is shown, not swallowed.
fn persist(m: &mut WhatIf) {
    if let Err(why) = storage::save(&m.key, &m.stored) {
        m.notice = Some(Notice { msg: Msg::WhatIfSaveFailed, detail: why, error: true });
    }
}
