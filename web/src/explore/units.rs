//! Each organisational unit's score. Many plans only publish a unit's score without the
//! dashboard behind it: that published figure is shown, marked as such, where the core
//! could compute none.

use std::rc::Rc;

use semaforo_core::evaluate::verdict;
use semaforo_core::labels;
use semaforo_core::{Lang, NodeKind};
use yew::prelude::*;

use crate::charts::score_bars::{BarRow, ScoreBars};
use crate::charts::Scale;
use crate::i18n::{t, Msg};
use crate::model::PlanView;

/// The units' bars: the computed score, or the published one where none is computed.
pub fn rows(view: &PlanView, lang: Lang) -> Vec<BarRow> {
    let policy = &view.plan.policy;
    view.evaluation
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Unit)
        .map(|n| {
            let kind = view.plan.units.iter().find(|u| *u.code == *n.code).map(|u| labels::unit_kind(lang, u.kind));
            let name = match kind {
                Some(k) => format!("{k}: {}", n.name),
                None => n.name.to_string(),
            };
            let row = BarRow { name: name.into(), ..BarRow::of(n) };
            match (n.score, n.published.as_ref().and_then(|p| p.score)) {
                (None, Some(published)) => BarRow {
                    score: Some(published),
                    // The published verdict if printed, else the plan's own thresholds.
                    verdict: n.published.as_ref().and_then(|p| p.verdict).or(Some(verdict(published, policy))),
                    published: true,
                    ..row
                },
                _ => row,
            }
        })
        .collect()
}

/// The units' section: their bars, or a word that the plan lists none.
pub fn section(lang: Lang, rows: &Rc<Vec<BarRow>>, scale: Scale) -> Html {
    if rows.is_empty() {
        return html! { <p class="hint">{ t(lang, Msg::UnitsNone) }</p> };
    }
    html! { <ScoreBars id="units" title={t(lang, Msg::Units)} rows={rows.clone()} {scale} /> }
}
