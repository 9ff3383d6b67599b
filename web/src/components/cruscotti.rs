//! The cruscotti (dashboards of a unit or a manager): each one's score against the
//! thresholds, and its weighted lines with their scores and the core's explanation.

use std::rc::Rc;

use semaforo_core::{Lang, NodeKind};
use yew::prelude::*;

use crate::components::copy_snippet::CopySnippet;
use crate::components::light::Light;
use crate::components::score_bars::{BarRow, ScoreBars};
use crate::i18n::{t, Msg};
use crate::model::PlanView;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct CruscottiProps {
    pub lang: Lang,
    pub view: Rc<PlanView>,
}

#[function_component]
pub fn Cruscotti(props: &CruscottiProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let d = view.decimals();
    let nodes: Vec<_> = view.evaluation.nodes.iter().filter(|n| n.kind == NodeKind::Cruscotto).collect();
    if nodes.is_empty() {
        return html! { <p class="hint">{ t(lang, Msg::CruscottiNone) }</p> };
    }
    let rows: Vec<BarRow> = nodes
        .iter()
        .map(|n| BarRow { code: n.code.clone(), name: n.name.clone(), score: n.score, verdict: n.verdict, published: false })
        .collect();
    html! {
        <>
            <ScoreBars id="cruscotti" title={t(lang, Msg::Cruscotti)} {lang} rows={Rc::new(rows)}
                tolerance={view.plan.policy.tolerance} critical={view.plan.policy.critical} decimals={d} />
            { for nodes.iter().map(|n| html! {
                <details class="cruscotto">
                    <summary><span class="code">{ n.code.clone() }</span>{ " " }{ n.name.clone() }{ " · " }{ text::score(lang, n.score, d) }</summary>
                    // Embedded views (issue 5): the iframe snippet of this cruscotto.
                    <CopySnippet {lang} view={n.id.clone()} title={n.name.clone()} rows={n.items.len()} />
                    <p class="explain">{ n.explanation.render(lang) }</p>
                    <ul class="items">
                    { for n.children.iter().filter_map(|c| view.evaluation.node(c)).map(|c| html! {
                        <li><span class="code">{ c.code.clone() }</span>{ " " }{ c.name.clone() }{ ": " }{ text::score(lang, c.score, d) }{ " " }<Light verdict={c.verdict} {lang} /><div class="explain small">{ c.explanation.render(lang) }</div></li>
                    }) }
                    { for n.indicators.iter().filter_map(|i| view.evaluation.indicator(i)).map(|i| html! {
                        <li><span class="code">{ i.code.clone() }</span>{ " " }{ i.name.clone() }{ ": " }{ text::score(lang, i.achievement, d) }{ " " }<Light verdict={i.verdict} {lang} /><div class="explain small">{ i.explanation.render(lang) }</div></li>
                    }) }
                    </ul>
                </details>
            }) }
        </>
    }
}
