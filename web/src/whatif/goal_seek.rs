//! Goal seek: for an indicator and a node above it, the actual (or target) at which the
//! node reaches a chosen score, or the core's statement that no value can. The answer is
//! an edit, which one button adds to the scenario.

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::whatif::{goal_seek, GoalSeek as Answer, SeekValue, Unknown};
use semaforo_core::{format, Lang};
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::state::Selection;
use crate::whatif::edit_field::{read, FieldKind, FieldValue};
use crate::whatif::model::Command;

#[derive(Properties, PartialEq)]
pub struct GoalSeekProps {
    pub view: Rc<PlanView>,
    pub selected: Option<Selection>,
    pub oncommand: Callback<Command>,
}

#[function_component]
pub fn GoalSeek(props: &GoalSeekProps) -> Html {
    crate::rendered!("GoalSeek");
    let lang = use_lang();
    let selected_indicator = match &props.selected {
        Some(Selection::Indicator { id, .. }) => id.to_string(),
        _ => String::new(),
    };
    let indicator = use_state(|| selected_indicator.clone());
    {
        // Follows the tree: selecting an indicator makes it the one to seek.
        let indicator = indicator.setter();
        use_effect_with(selected_indicator.clone(), move |s| {
            if !s.is_empty() {
                indicator.set(s.clone());
            }
        });
    }
    let ente = props.view.plan.ente.code.clone();
    let node = use_state(|| ente.clone());
    let goal = use_state(|| "95".to_string());
    let unknown = use_state(|| Unknown::Actual);
    let answer = use_state(|| None::<Result<Rc<Answer>, Msg>>);

    // The nodes the indicator counts in: its parent and every node above it; for one of
    // the plan's own list, every node that weighs it and those above them.
    let view = &props.view;
    let chain = match view.evaluation.indicator(&indicator) {
        Some(r) => match &r.parent {
            Some(parent) => view.ancestors(parent),
            None => {
                let mut chain: Vec<String> = Vec::new();
                for (node, _) in view.weighed_in(&indicator) {
                    chain.extend(view.ancestors(&node.id).into_iter().filter(|id| !chain.contains(id)).collect::<Vec<_>>());
                }
                chain
            }
        },
        None => vec![ente.clone()],
    };
    let on_text = |state: &UseStateHandle<String>| {
        let state = state.setter();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.set(input.value());
        })
    };
    let on_node = {
        let node = node.setter();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            node.set(select.value());
        })
    };
    let on_unknown = |u: Unknown| {
        let unknown = unknown.setter();
        Callback::from(move |_: Event| unknown.set(u))
    };
    // By default the top of the chain: the ente, or a cruscotto for one of the plan's own list.
    let chosen_node = if chain.contains(&*node) { (*node).clone() } else { chain.first().cloned().unwrap_or(ente) };
    let oncompute = {
        let (view, indicator, goal, unknown, answer) = (props.view.clone(), indicator.clone(), goal.clone(), unknown.clone(), answer.clone());
        let node = chosen_node.clone();
        Callback::from(move |_: MouseEvent| {
            let code = indicator.trim().to_string();
            if view.evaluation.indicator(&code).is_none() {
                answer.set(Some(Err(Msg::WhatIfGoalUnknownCode)));
                return;
            }
            match read(lang, FieldKind::Number, &goal) {
                Ok(FieldValue::Number(g)) => answer.set(Some(Ok(Rc::new(goal_seek(&view.plan, &code, &node, g, *unknown))))),
                _ => answer.set(Some(Err(Msg::WhatIfExpectNumber))),
            }
        })
    };
    let d = props.view.decimals();
    let unit = props.view.definition(indicator.trim()).map(|i| i.unit);
    let value_text = |v: &SeekValue| match (v, unit) {
        (SeekValue::Date(date), _) => format::date(*date),
        (SeekValue::Number(n), Some(u)) => labels::value(lang, *n, u),
        (SeekValue::Number(n), None) => format::number_in(lang, *n, 2),
    };
    let outcome = answer.as_ref().map(|a| match a {
        Err(msg) => html! { <p class="field-error" role="alert">{ t(lang, *msg) }</p> },
        Ok(answer) => match &**answer {
            Answer::Found { value, edit, reached, .. } => {
                let apply = {
                    let (oncommand, edit) = (props.oncommand.clone(), edit.clone());
                    Callback::from(move |_: MouseEvent| oncommand.emit(Command::Edit(edit.clone())))
                };
                html! {
                    <p data-testid="goal-result">
                        <strong>{ format!("{}: {}", t(lang, Msg::WhatIfGoalFound), value_text(value)) }</strong>
                        { format!(" ({}); {} {}.", t(lang, if *unknown == Unknown::Actual { Msg::Actual } else { Msg::Target }).to_lowercase(),
                            t(lang, Msg::WhatIfGoalReached), format::percent_in(lang, *reached, d)) }
                        { " " }<button type="button" class="btn btn-outline btn-small" onclick={apply} data-testid="goal-apply">{ t(lang, Msg::WhatIfApply) }</button>
                    </p>
                }
            }
            Answer::AnyValue { reached } => html! {
                <p data-testid="goal-result">{ format!("{} {}.", t(lang, Msg::WhatIfGoalAny), format::percent_in(lang, *reached, d)) }</p>
            },
            Answer::Unreachable { reason, lowest, highest } => html! {
                <p data-testid="goal-result">
                    <strong>{ t(lang, Msg::WhatIfGoalUnreachable) }</strong>{ format!(" ({reason})") }
                    if let (Some(low), Some(high)) = (lowest, highest) {
                        { format!("; {} {} {} {}.", t(lang, Msg::WhatIfGoalRange), format::percent_in(lang, *low, d), if lang == Lang::It { "a" } else { "to" }, format::percent_in(lang, *high, d)) }
                    }
                </p>
            },
        },
    });
    html! {
        <section class="whatif-sub" aria-labelledby="goal-title">
            <h3 id="goal-title">{ t(lang, Msg::WhatIfGoalSeek) }</h3>
            <p class="small hint">{ t(lang, Msg::WhatIfGoalHint) }</p>
            <div class="scenario-row">
                <div class="edit-field">
                    <label for="goal-indicator">{ t(lang, Msg::WhatIfGoalIndicator) }</label>
                    <input id="goal-indicator" type="text" value={(*indicator).clone()} oninput={on_text(&indicator)} data-testid="goal-indicator" />
                </div>
                <div class="edit-field">
                    <label for="goal-node">{ t(lang, Msg::WhatIfGoalNode) }</label>
                    <select id="goal-node" onchange={on_node} data-testid="goal-node">
                        { for chain.iter().map(|id| html! { <option value={id.clone()} selected={*id == chosen_node}>{ id.clone() }</option> }) }
                    </select>
                </div>
                <div class="edit-field">
                    <label for="goal-score">{ t(lang, Msg::WhatIfGoalScore) }</label>
                    <input id="goal-score" type="text" inputmode="decimal" value={(*goal).clone()} oninput={on_text(&goal)} data-testid="goal-score" />
                </div>
                <fieldset class="edit-field goal-unknown">
                    <legend>{ t(lang, Msg::WhatIfGoalUnknown) }</legend>
                    <label><input type="radio" name="goal-unknown" checked={*unknown == Unknown::Actual} onchange={on_unknown(Unknown::Actual)} />{ " " }{ t(lang, Msg::Actual) }</label>
                    <label><input type="radio" name="goal-unknown" checked={*unknown == Unknown::Target} onchange={on_unknown(Unknown::Target)} />{ " " }{ t(lang, Msg::Target) }</label>
                </fieldset>
                <div class="button-row"><button type="button" class="btn btn-primary btn-small" onclick={oncompute} data-testid="goal-run">{ t(lang, Msg::WhatIfCompute) }</button></div>
            </div>
            <div aria-live="polite">{ for outcome }</div>
        </section>
    }
}
