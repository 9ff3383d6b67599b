//! Two variants of the plan side by side: every node whose score differs between them
//! (the core's `scenario::compare`), with both scores and the difference.

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::scenario::{apply, compare, Change, Scenario};
use semaforo_core::{evaluate, Evaluation};
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub baseline: Rc<PlanView>,
    pub scenarios: Rc<Vec<Scenario>>,
}

/// The evaluation of a choice: `None` is the plan as published.
fn evaluation_of(baseline: &PlanView, scenario: Option<&Scenario>) -> Evaluation {
    match scenario {
        None => baseline.evaluation.clone(),
        Some(s) => evaluate(&apply(&baseline.plan, &s.edits).0),
    }
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    crate::rendered!("Compare");
    let lang = use_lang();
    // Choices are indices into the scenarios; "" is the plan as published.
    let first = use_state(String::new);
    let second = use_state(|| if props.scenarios.is_empty() { String::new() } else { "0".to_string() });
    let result = use_state(|| None::<Rc<(String, String, Vec<Change>)>>);
    let pick = |state: &UseStateHandle<String>| {
        let state = state.setter();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            state.set(select.value());
        })
    };
    let name_of = |choice: &str| -> String {
        choice.parse::<usize>().ok().and_then(|i| props.scenarios.get(i)).map_or_else(|| t(lang, Msg::WhatIfPlan).to_string(), |s| s.name.clone())
    };
    let oncompute = {
        let (first, second, result) = (first.clone(), second.clone(), result.clone());
        let (baseline, scenarios) = (props.baseline.clone(), props.scenarios.clone());
        let names = (name_of(&first), name_of(&second));
        Callback::from(move |_: MouseEvent| {
            let choose = |c: &str| c.parse::<usize>().ok().and_then(|i| scenarios.get(i));
            let a = evaluation_of(&baseline, choose(&first));
            let b = evaluation_of(&baseline, choose(&second));
            let changes = compare(&a, &b).into_iter().filter(|c| !c.indicator).collect();
            result.set(Some(Rc::new((names.0.clone(), names.1.clone(), changes))));
        })
    };
    let select = |id: &'static str, label: Msg, state: &UseStateHandle<String>| {
        html! {
            <div class="edit-field">
                <label for={id}>{ t(lang, label) }</label>
                <select {id} onchange={pick(state)} data-testid={id}>
                    <option value="" selected={state.is_empty()}>{ t(lang, Msg::WhatIfPlan) }</option>
                    { for props.scenarios.iter().enumerate().map(|(i, s)| html! {
                        <option value={i.to_string()} selected={**state == i.to_string()}>{ s.name.clone() }</option>
                    }) }
                </select>
            </div>
        }
    };
    let d = props.baseline.decimals();
    let table = result.as_ref().map(|r| {
        let (a, b, changes) = &**r;
        if changes.is_empty() {
            return html! { <p data-testid="compare-result">{ t(lang, Msg::WhatIfSame) }</p> };
        }
        html! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-title">
            <table class="data" data-testid="compare-result">
                <thead><tr>
                    <th scope="col">{ t(lang, Msg::Code) }</th>
                    <th scope="col">{ a.clone() }</th>
                    <th scope="col">{ b.clone() }</th>
                    <th scope="col">{ t(lang, Msg::WhatIfDifference) }</th>
                </tr></thead>
                <tbody>
                { for changes.iter().map(|c| html! {
                    <tr>
                        <th scope="row">{ c.code.clone() }</th>
                        <td class="num">{ labels::score(lang, c.before, d) }</td>
                        <td class="num">{ labels::score(lang, c.after, d) }</td>
                        <td class="num">{ c.delta.map(|v| labels::difference(lang, v)).unwrap_or_else(|| "—".into()) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        }
    });
    html! {
        <section class="whatif-sub" aria-labelledby="compare-title">
            <h3 id="compare-title">{ t(lang, Msg::WhatIfCompare) }</h3>
            <div class="scenario-row">
                { select("compare-first", Msg::WhatIfFirst, &first) }
                { select("compare-second", Msg::WhatIfSecond, &second) }
                <div class="button-row"><button type="button" class="btn btn-primary btn-small" onclick={oncompute} data-testid="compare-run">{ t(lang, Msg::WhatIfCompute) }</button></div>
            </div>
            { for table }
        </section>
    }
}
