//! The what-if section: the ente's score as published and now, the scenarios, the list of
//! edits (each removable) with undo, redo and reset, every score that changed, exports
//! (plan JSON, results CSV, scenario JSON), opening a scenario file, the share link, and
//! the comparison, goal seek and sensitivity tools.

use std::rc::Rc;

use semaforo_core::scenario::{encode_edits, Change};
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::io::{download, file_stem};
use crate::state::Selection;
use crate::whatif::compare::Compare;
use crate::whatif::export::results_csv;
use crate::whatif::goal_seek::GoalSeek;
use crate::whatif::model::Command;
use crate::whatif::scenarios::Scenarios;
use crate::whatif::sensitivity::Sensitivity;
use crate::whatif::state::Snapshot;
use crate::whatif::storage;
use crate::whatif::text::describe;
use semaforo_core::labels;

#[derive(Properties, PartialEq)]
pub struct EditsPanelProps {
    pub snapshot: Snapshot,
    pub selected: Option<Selection>,
    pub oncommand: Callback<Command>,
}

/// How many changed scores the list shows before "and N more".
const LISTED: usize = 40;

#[function_component]
pub fn EditsPanel(props: &EditsPanelProps) -> Html {
    crate::rendered!("EditsPanel");
    let lang = use_lang();
    let snap = &props.snapshot;
    let scenario = snap.scenario();
    let (baseline, view) = (&snap.baseline, &snap.view);
    let d = view.decimals();
    let ente = &view.plan.ente.code;
    let before = baseline.evaluation.node(ente).and_then(|n| n.score);
    let now = view.evaluation.node(ente).and_then(|n| n.score);
    // Nodes first (the tree's scores), then indicators; each in tree order. Kept by the
    // model edit by edit: listing them does not compare the whole plan.
    let changes =
        use_memo((baseline.clone(), view.clone()), |(baseline, view)| -> Vec<Change> { view.differences.changes(&baseline.evaluation, &view.evaluation) });
    let download_error = use_state(|| None::<String>);

    let command = |c: Command| {
        let oncommand = props.oncommand.clone();
        Callback::from(move |_: MouseEvent| oncommand.emit(c.clone()))
    };
    let name_stem = format!("{}-{}-{}", file_stem(&view.plan.ente.code, "scenario"), view.plan.ente.year, file_stem(&scenario.name, "scenario"));
    let offer = |file: String, mime: &'static str, make: Rc<dyn Fn() -> String>| {
        let error = download_error.setter();
        Callback::from(move |_: MouseEvent| error.set(download(&file, mime, &make()).err()))
    };
    let export_plan = {
        let view = view.clone();
        offer(format!("{name_stem}.json"), "application/json", Rc::new(move || serde_json::to_string_pretty(&view.plan).unwrap_or_default()))
    };
    let export_csv = {
        let (baseline, view) = (baseline.clone(), view.clone());
        offer(format!("{name_stem}.csv"), "text/csv;charset=utf-8", Rc::new(move || results_csv(lang, &baseline.evaluation, &view.evaluation)))
    };
    let export_scenario = {
        let scenario = scenario.clone();
        offer(format!("{name_stem}.scenario.json"), "application/json", Rc::new(move || serde_json::to_string_pretty(&scenario).unwrap_or_default()))
    };
    let onimport = {
        let oncommand = props.oncommand.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let oncommand = oncommand.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let command = match gloo::file::futures::read_as_text(&file).await {
                    Ok(text) => Command::Import { name, text },
                    Err(e) => Command::Import { name, text: format!("<{e}>") },
                };
                oncommand.emit(command);
            });
        })
    };
    let share = storage::share_url(&encode_edits(&scenario.edits));
    let onfocus_select = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    let notice = snap.notice.as_ref().map(|n| {
        let dismiss = command(Command::DismissNotice);
        html! {
            <div class={if n.error { "whatif-notice error" } else { "whatif-notice" }} role={if n.error { "alert" } else { "status" }} data-testid="whatif-notice">
                <p>{ t(lang, n.msg) }{ " " }<span class="code">{ n.detail(lang) }</span></p>
                <button type="button" class="btn btn-outline btn-small" onclick={dismiss}>{ t(lang, Msg::Dismiss) }</button>
            </div>
        }
    });
    let problems = (!snap.problems.is_empty()).then(|| {
        html! {
            <div class="whatif-notice error" role="alert">
                <p>{ t(lang, Msg::WhatIfProblems) }</p>
                <ul>{ for snap.problems.iter().map(|p| html! { <li><span class="code">{ p.path.clone() }</span>{ ": " }{ p.message(lang) }</li> }) }</ul>
            </div>
        }
    });
    let edits = if scenario.edits.is_empty() {
        html! { <p class="hint" data-testid="edit-list-empty">{ t(lang, Msg::WhatIfNoEdits) }</p> }
    } else {
        html! {
            <ol class="edit-list" data-testid="edit-list">
            { for scenario.edits.iter().enumerate().map(|(i, edit)| {
                let text = describe(lang, baseline, edit);
                html! {
                    <li>
                        <span>{ text.clone() }</span>{ " " }
                        <button type="button" class="btn btn-outline btn-small" onclick={command(Command::Revert(i))}
                            aria-label={format!("{}: {text}", t(lang, Msg::WhatIfRevertLabel))}>{ t(lang, Msg::WhatIfRevert) }</button>
                    </li>
                }
            }) }
            </ol>
        }
    };
    let changed = (!changes.is_empty()).then(|| {
        let rest = changes.len().saturating_sub(LISTED);
        html! {
            <>
                <h3>{ t(lang, Msg::WhatIfChanges) }{ format!(" ({})", changes.len()) }</h3>
                <ul class="change-list" data-testid="change-list">
                { for changes.iter().take(LISTED).map(|c| html! {
                    <li><span class="code">{ c.code.clone() }</span>{ " " }{ labels::before_after(lang, c.before, c.after, d) }</li>
                }) }
                </ul>
                if rest > 0 { <p class="small">{ format!("… {} {rest}", t(lang, Msg::WhatIfMore)) }</p> }
            </>
        }
    });

    html! {
        <>
            <p class="small hint">{ t(lang, Msg::WhatIfIntro) }</p>
            // `data-slow-edits`: edits that had to rebuild instead of updating in place (read by bench-edit.mjs).
            <p class="whatif-ente" aria-live="polite" aria-atomic="true" data-slow-edits={snap.slow_edits.to_string()}>
                <span>{ t(lang, Msg::EnteScore) }{ ": " }</span>
                <strong data-testid="whatif-ente">{ labels::before_after(lang, before, now, d) }</strong>
            </p>
            { for notice }
            { for problems }
            <Scenarios scenarios={snap.scenarios.clone()} active={snap.active} oncommand={props.oncommand.clone()} />
            <div class="whatif-columns">
                <div>
                    <h3>{ t(lang, Msg::WhatIfEdits) }</h3>
                    <div class="button-row">
                        <button type="button" class="btn btn-outline btn-small" onclick={command(Command::Undo)} disabled={scenario.edits.is_empty()} data-testid="undo">{ t(lang, Msg::WhatIfUndo) }</button>
                        <button type="button" class="btn btn-outline btn-small" onclick={command(Command::Redo)} disabled={scenario.undone.is_empty()} data-testid="redo">{ t(lang, Msg::WhatIfRedo) }</button>
                        <button type="button" class="btn btn-outline btn-small" onclick={command(Command::Reset)} disabled={scenario.edits.is_empty() && scenario.undone.is_empty()} data-testid="reset">{ t(lang, Msg::WhatIfReset) }</button>
                    </div>
                    { edits }
                    { for changed }
                </div>
                <div>
                    <h3>{ t(lang, Msg::WhatIfExport) }</h3>
                    <div class="button-row">
                        <button type="button" class="btn btn-outline btn-small" onclick={export_plan} data-testid="export-plan">{ t(lang, Msg::WhatIfExportPlan) }</button>
                        <button type="button" class="btn btn-outline btn-small" onclick={export_csv} data-testid="export-csv">{ t(lang, Msg::WhatIfExportCsv) }</button>
                        <button type="button" class="btn btn-outline btn-small" onclick={export_scenario} data-testid="export-scenario">{ t(lang, Msg::WhatIfExportScenario) }</button>
                    </div>
                    if let Some(e) = &*download_error { <p class="field-error" role="alert">{ e.clone() }</p> }
                    <div class="edit-field">
                        <label for="scenario-file">{ t(lang, Msg::WhatIfImportScenario) }</label>
                        <input id="scenario-file" type="file" accept=".json,application/json" onchange={onimport} data-testid="scenario-file" />
                    </div>
                    <div class="edit-field">
                        <label for="share-link">{ t(lang, Msg::WhatIfShareLink) }</label>
                        <input id="share-link" type="text" readonly=true value={share} onfocus={onfocus_select} data-testid="share-link" aria-describedby="share-hint" />
                        <span id="share-hint" class="small hint">{ t(lang, Msg::WhatIfShareHint) }</span>
                    </div>
                </div>
            </div>
            <details class="whatif-tools">
                <summary>{ t(lang, Msg::WhatIfCompare) }</summary>
                <Compare baseline={baseline.clone()} scenarios={snap.scenarios.clone()} />
            </details>
            <details class="whatif-tools">
                <summary>{ t(lang, Msg::WhatIfGoalSeek) }</summary>
                <GoalSeek view={view.clone()} selected={props.selected.clone()} oncommand={props.oncommand.clone()} />
            </details>
            <details class="whatif-tools">
                <summary>{ t(lang, Msg::WhatIfSensitivity) }</summary>
                <Sensitivity view={view.clone()} />
            </details>
        </>
    }
}
