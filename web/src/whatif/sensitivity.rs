//! Sensitivity: the indicators that move a node most, ranked by the core
//! (`whatif::sensitivity`): points of the node per unit of the indicator's own change, and
//! the weight each carries in the node after all the weighting down the tree. Drawn as
//! ranked bars, with the same figures as a table.

use semaforo_core::format;
use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::whatif::{sensitivity, Sensitivity as Row};
use semaforo_core::NodeKind;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct SensitivityProps {
    pub view: Rc<PlanView>,
}

/// How many indicators the chart shows.
const SHOWN: usize = 15;

#[function_component]
pub fn Sensitivity(props: &SensitivityProps) -> Html {
    crate::rendered!("Sensitivity");
    let lang = use_lang();
    let ente = props.view.plan.ente.code.clone();
    let node = use_state(|| ente.clone());
    let ranked = use_state(|| None::<Rc<(String, Vec<Row>)>>);
    let nodes: Vec<(String, String)> = props
        .view
        .evaluation
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Ente | NodeKind::Area | NodeKind::Strategic))
        .map(|n| (n.id.to_string(), format!("{} {}", n.code, n.name.chars().take(60).collect::<String>())))
        .collect();
    let on_node = {
        let node = node.setter();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            node.set(select.value());
        })
    };
    let oncompute = {
        let (view, node, ranked) = (props.view.clone(), node.clone(), ranked.clone());
        Callback::from(move |_: MouseEvent| {
            let rows = sensitivity(&view.plan, &view.evaluation, &node);
            ranked.set(Some(Rc::new(((*node).clone(), rows))));
        })
    };
    let chart = ranked.as_ref().map(|r| {
        let (node_id, rows) = &**r;
        let top: Vec<&Row> = rows.iter().take(SHOWN).collect();
        let max = top.iter().filter_map(|r| r.per_unit).map(text::to_f64).fold(0.0_f64, f64::max).max(f64::MIN_POSITIVE);
        let per_unit = |r: &Row| {
            r.per_unit.map(|v| format!("{} / {}", format::number_in(lang, v, 4), labels::unit_name(lang, r.unit))).unwrap_or_else(|| "—".into())
        };
        let weight = |r: &Row| labels::score(lang, r.weight_percent(), 2);
        let (label_w, bar_w, row_h) = (150.0, 300.0, 24.0);
        let height = top.len() as f64 * row_h + 8.0;
        let desc = top.iter().map(|r| format!("{}: {}", r.indicator, per_unit(r))).collect::<Vec<_>>().join("; ");
        let title = format!("{} – {node_id}", t(lang, Msg::WhatIfPerUnit));
        html! {
            <figure class="chart sensitivity" data-testid="sensitivity-result">
                <figcaption>{ title.clone() }</figcaption>
                <svg viewBox={format!("0 0 {} {}", text::svg(label_w + bar_w + 170.0), text::svg(height))} role="img" aria-labelledby="sens-title sens-desc" preserveAspectRatio="xMinYMin meet">
                    <title id="sens-title">{ title }</title>
                    <desc id="sens-desc">{ desc }</desc>
                    { for top.iter().enumerate().map(|(i, r)| {
                        let y = i as f64 * row_h + 4.0;
                        let w = r.per_unit.map(|v| bar_w * text::to_f64(v) / max).unwrap_or(0.0).max(0.0);
                        let label: String = r.indicator.chars().take(20).collect();
                        html! {
                            <g class="bar-row">
                                <text x={text::svg(label_w - 6.0)} y={text::svg(y + 14.0)} class="label" text-anchor="end">{ label }</text>
                                <rect x={text::svg(label_w)} y={text::svg(y)} width={text::svg(w)} height="16" class="bar sens-bar" />
                                <text x={text::svg(label_w + w + 6.0)} y={text::svg(y + 14.0)} class="value">{ per_unit(r) }</text>
                            </g>
                        }
                    }) }
                </svg>
                <div class="table-scroll" tabindex="0" role="region" aria-label={t(lang, Msg::WhatIfSensitivity)}>
                <table class="data">
                    <caption class="visually-hidden">{ t(lang, Msg::WhatIfSensitivity) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Code) }</th>
                        <th scope="col">{ t(lang, Msg::WhatIfPerUnit) }</th>
                        <th scope="col">{ t(lang, Msg::WhatIfEffectiveWeight) }</th>
                    </tr></thead>
                    <tbody>
                    { for top.iter().map(|r| html! {
                        <tr><th scope="row">{ r.indicator.clone() }</th><td class="num">{ per_unit(r) }</td><td class="num">{ weight(r) }</td></tr>
                    }) }
                    </tbody>
                </table>
                </div>
                <p class="small">{ format!("{} {} / {}", t(lang, Msg::WhatIfShown), top.len(), rows.len()) }</p>
            </figure>
        }
    });
    html! {
        <section class="whatif-sub" aria-labelledby="sens-h">
            <h3 id="sens-h">{ t(lang, Msg::WhatIfSensitivity) }</h3>
            <p class="small hint">{ t(lang, Msg::WhatIfSensitivityHint) }</p>
            <div class="scenario-row">
                <div class="edit-field">
                    <label for="sens-node">{ t(lang, Msg::WhatIfGoalNode) }</label>
                    <select id="sens-node" onchange={on_node} data-testid="sens-node">
                        { for nodes.iter().map(|(id, label)| html! { <option value={id.clone()} selected={*id == *node}>{ label.clone() }</option> }) }
                    </select>
                </div>
                <div class="button-row"><button type="button" class="btn btn-primary btn-small" onclick={oncompute} data-testid="sens-run">{ t(lang, Msg::WhatIfCompute) }</button></div>
            </div>
            { for chart }
        </section>
    }
}
