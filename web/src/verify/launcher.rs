//! The "Verifica" section's button in the main app: pressed, it mounts the findings panel
//! of the on-demand module `dist/audit/` with the plan as opened (never a what-if
//! scenario: the OIV checks what the document publishes); a plan opened afterwards is
//! audited in its turn. A finding's code selects its node here, through `onselect`.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::ondemand::{Call, Panel};
use crate::state::Selection;

#[derive(Properties, PartialEq)]
pub struct VerificaProps {
    /// The plan as opened.
    pub view: Rc<PlanView>,
    pub onselect: Callback<Selection>,
}

#[function_component]
pub fn Verifica(props: &VerificaProps) -> Html {
    let lang = use_lang();
    let wanted = use_state_eq(|| false);
    // The plan's text for the module, written once per plan opened, and only once asked.
    let plan = use_memo((props.view.clone(), *wanted), |(view, wanted)| match wanted {
        // Pretty, like every plan the app writes: one serializer instance in the wasm.
        true => serde_json::to_string_pretty(&view.plan).map(AttrValue::from).unwrap_or_default(),
        false => AttrValue::default(),
    });
    let onrun = {
        let wanted = wanted.clone();
        Callback::from(move |_: MouseEvent| wanted.set(true))
    };
    // `select`, id, and the node it is under ("" for a node).
    let oncall = {
        let onselect = props.onselect.clone();
        Callback::from(move |(verb, id, under): Call| {
            if verb == "select" {
                onselect.emit(match under.is_empty() {
                    true => Selection::Node(id.into()),
                    false => Selection::Indicator { id: id.into(), under: under.into() },
                });
            }
        })
    };
    html! {
        <>
            <p class="small">{ t(lang, Msg::VerificaIntro) }</p>
            if *wanted {
                <Panel module="audit/semaforo_xlsx.js" mount="mount_audit" input={(*plan).clone()} {oncall} />
            } else {
                <button type="button" class="btn btn-primary" onclick={onrun} data-testid="verifica-run">{ t(lang, Msg::VerificaRun) }</button>
            }
        </>
    }
}
