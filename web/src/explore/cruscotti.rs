//! The cruscotti (dashboards of a unit or a manager): each one's score against the
//! thresholds, and its weighted lines (groups with theirs) with their scores and the
//! core's explanation. A line opens its indicator or node in the detail, where what-if
//! edits it: an indicator that several cruscotti share is marked, and one edit of it
//! moves every one of them.

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::{Lang, NodeKind, NodeResult};
use yew::prelude::*;

use crate::charts::light::light;
use crate::charts::score_bars::{BarRow, ScoreBars};
use crate::charts::Scale;
use crate::embed::copy_snippet::CopySnippet;
use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::state::Selection;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct CruscottiProps {
    pub view: Rc<PlanView>,
    /// The cruscotti's bars (`Figures::cruscotti`).
    pub rows: Rc<Vec<BarRow>>,
    pub scale: Scale,
    pub onselect: Callback<Selection>,
}

/// The weighted lines of `node`, in its order; a group's own lines under it.
fn lines(view: &PlanView, lang: Lang, node: &NodeResult, onselect: &Callback<Selection>) -> Html {
    let d = view.decimals();
    let line = |item: &semaforo_core::evaluate::Item| {
        let (code, name, score, verdict, explanation, shared, selection, group) = if item.indicator {
            let r = view.evaluation.indicator(&item.id)?;
            // Defined elsewhere (the tree, or the plan's own list): other nodes may weigh it.
            let shared = r.parent != Some(node.id.clone());
            let selection = Selection::Indicator { id: text::shown(&r.id), under: text::shown(&node.id) };
            (&r.code, &r.name, r.achievement, r.verdict, &r.explanation, shared, selection, None)
        } else {
            let n = view.evaluation.node(&item.id)?;
            let group = (n.kind == NodeKind::Group).then_some(n);
            (&n.code, &n.name, n.score, n.verdict, &n.explanation, false, Selection::Node(text::shown(&n.id)), group)
        };
        let select = onselect.clone();
        let onclick = Callback::from(move |_: MouseEvent| select.emit(selection.clone()));
        Some(html! {
            <li>
                <button type="button" class="link code" {onclick}>{ text::shown(code) }</button>{ " " }{ text::shown(name) }
                if shared { <em class="shared">{ format!(" ({})", t(lang, Msg::Shared)) }</em> }
                { format!(" · {}: ", labels::weight(lang, item.weight)) }{ labels::score(lang, score, d) }{ " " }{ light(lang, verdict, true) }
                <div class="explain small">{ explanation.render(lang) }</div>
                if let Some(group) = group { { lines(view, lang, group, onselect) } }
            </li>
        })
    };
    html! { <ul class="items">{ for node.items.iter().filter_map(line) }</ul> }
}

#[function_component]
pub fn Cruscotti(props: &CruscottiProps) -> Html {
    crate::rendered!("Cruscotti");
    let lang = use_lang();
    let view = &props.view;
    let d = view.decimals();
    let nodes: Vec<_> = view.evaluation.nodes.iter().filter(|n| n.kind == NodeKind::Cruscotto).collect();
    if nodes.is_empty() {
        return html! { <p class="hint">{ t(lang, Msg::CruscottiNone) }</p> };
    }
    html! {
        <>
            <ScoreBars id="cruscotti" title={t(lang, Msg::Cruscotti)} rows={props.rows.clone()} scale={props.scale} />
            { for nodes.iter().map(|n| html! {
                <details class="cruscotto">
                    <summary><span class="code">{ text::shown(&n.code) }</span>{ " " }{ n.name.clone() }{ " · " }{ labels::score(lang, n.score, d) }</summary>
                    // Embedded views (issue 5): the iframe snippet of this cruscotto.
                    <CopySnippet view={text::shown(&n.id)} title={text::shown(&n.name)} rows={n.items.len()} />
                    <p class="explain">{ n.explanation.render(lang) }</p>
                    { lines(view, lang, n, &props.onselect) }
                </details>
            }) }
        </>
    }
}
