//! Each organisational unit's score. Many plans only publish a unit's score without the
//! dashboard behind it: that published figure is shown, marked as such, where the core
//! could compute none.

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::evaluate::verdict;
use semaforo_core::NodeKind;
use yew::prelude::*;

use crate::charts::score_bars::{BarRow, ScoreBars};
use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;

#[derive(Properties, PartialEq)]
pub struct UnitsProps {
    pub view: Rc<PlanView>,
}

#[function_component]
pub fn Units(props: &UnitsProps) -> Html {
    let lang = use_lang();
    let view = &props.view;
    let policy = &view.plan.policy;
    let rows: Vec<BarRow> = view
        .evaluation
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Unit)
        .map(|n| {
            let kind = view.plan.units.iter().find(|u| u.code == n.code).map(|u| labels::unit_kind(lang, u.kind));
            let name = match kind {
                Some(k) => format!("{k}: {}", n.name),
                None => n.name.clone(),
            };
            match (n.score, n.published.as_ref().and_then(|p| p.score)) {
                (None, Some(published)) => BarRow {
                    code: n.code.clone(),
                    name,
                    score: Some(published),
                    // The published verdict if printed, else the plan's own thresholds.
                    verdict: n.published.as_ref().and_then(|p| p.verdict).or(Some(verdict(published, policy))),
                    published: true,
                },
                _ => BarRow { code: n.code.clone(), name, score: n.score, verdict: n.verdict, published: false },
            }
        })
        .collect();
    if rows.is_empty() {
        return html! { <p class="hint">{ t(lang, Msg::UnitsNone) }</p> };
    }
    html! {
        <ScoreBars id="units" title={t(lang, Msg::Units)} rows={Rc::new(rows)}
            tolerance={policy.tolerance} critical={policy.critical} decimals={view.decimals()} />
    }
}
