//! The scenarios kept for this plan: pick the active one, start a new one (empty or a
//! copy), rename or delete it. Each is stored in the browser as soon as it changes.

use std::rc::Rc;

use semaforo_core::scenario::Scenario;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::whatif::model::Command;

#[derive(Properties, PartialEq)]
pub struct ScenariosProps {
    pub scenarios: Rc<Vec<Scenario>>,
    pub active: usize,
    pub oncommand: Callback<Command>,
}

#[function_component]
pub fn Scenarios(props: &ScenariosProps) -> Html {
    crate::rendered!("Scenarios");
    let lang = use_lang();
    let name = use_state(String::new);
    let onselect = {
        let oncommand = props.oncommand.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(index) = select.value().parse() {
                oncommand.emit(Command::Select(index));
            }
        })
    };
    let oninput = {
        let name = name.setter();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let fallback = format!("Scenario {}", props.scenarios.len() + 1);
    let typed = |name: &str| if name.trim().is_empty() { fallback.clone() } else { name.trim().to_string() };
    let create = |copy: bool| {
        let oncommand = props.oncommand.clone();
        let name = name.clone();
        let chosen = typed(&name);
        Callback::from(move |_: MouseEvent| {
            oncommand.emit(Command::New { name: chosen.clone(), copy });
            name.set(String::new());
        })
    };
    let onrename = {
        let oncommand = props.oncommand.clone();
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            if !name.trim().is_empty() {
                oncommand.emit(Command::Rename((*name).clone()));
                name.set(String::new());
            }
        })
    };
    let ondelete = {
        let oncommand = props.oncommand.clone();
        Callback::from(move |_: MouseEvent| oncommand.emit(Command::Delete))
    };
    html! {
        <div class="scenarios" role="group" aria-labelledby="scenarios-title">
            <h3 id="scenarios-title">{ t(lang, Msg::WhatIfScenarios) }</h3>
            <div class="scenario-row">
                <div class="edit-field">
                    <label for="scenario-active">{ t(lang, Msg::WhatIfActive) }</label>
                    <select id="scenario-active" onchange={onselect} data-testid="scenario-select">
                        { for props.scenarios.iter().enumerate().map(|(i, s)| html! {
                            <option value={i.to_string()} selected={i == props.active}>
                                { format!("{} ({})", s.name, s.edits.len()) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="edit-field">
                    <label for="scenario-name">{ t(lang, Msg::WhatIfName) }</label>
                    <input id="scenario-name" type="text" value={(*name).clone()} {oninput} placeholder={fallback.clone()} data-testid="scenario-name" />
                </div>
                <div class="button-row">
                    <button type="button" class="btn btn-outline btn-small" onclick={create(false)} data-testid="scenario-new">{ t(lang, Msg::WhatIfNew) }</button>
                    <button type="button" class="btn btn-outline btn-small" onclick={create(true)} data-testid="scenario-copy">{ t(lang, Msg::WhatIfCopy) }</button>
                    <button type="button" class="btn btn-outline btn-small" onclick={onrename} disabled={name.trim().is_empty()}>{ t(lang, Msg::WhatIfRename) }</button>
                    <button type="button" class="btn btn-outline btn-small" onclick={ondelete}>{ t(lang, Msg::WhatIfDelete) }</button>
                </div>
            </div>
        </div>
    }
}
