//! Resources against performance per strategic objective, like the report's "assorbimento
//! risorse" table: budget planned and spent as bars, the objective's score beside them.

use semaforo_core::format;
use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::plan::Verdict;
use semaforo_core::Decimal;
use semaforo_core::NodeKind;
use yew::prelude::*;

use crate::charts::data_table::DataTable;
use crate::charts::light::shape;
use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::text;

/// A strategic objective with a budget: what was planned and spent, and its score.
#[derive(Clone, PartialEq)]
pub struct ResourceRow {
    pub code: String,
    pub name: String,
    pub planned: Option<Decimal>,
    pub spent: Option<Decimal>,
    /// Spent over planned, as the core computes it.
    pub absorbed: Option<Decimal>,
    pub score: Option<Decimal>,
    pub verdict: Option<Verdict>,
}

/// The strategic objectives of a view that have a budget.
pub fn rows(view: &PlanView) -> Vec<ResourceRow> {
    view.evaluation
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Strategic)
        .filter_map(|n| {
            let b = view.objectives.get(&*n.code)?.budget.as_ref()?;
            (b.planned.is_some() || b.spent.is_some()).then(|| ResourceRow {
                code: n.code.to_string(),
                name: n.name.to_string(),
                planned: b.planned,
                spent: b.spent,
                absorbed: b.absorbed(),
                score: n.score,
                verdict: n.verdict,
            })
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct ResourcesProps {
    pub rows: Rc<Vec<ResourceRow>>,
    pub decimals: u32,
}

#[function_component]
pub fn Resources(props: &ResourcesProps) -> Html {
    crate::rendered!("Resources");
    let lang = use_lang();
    let d = props.decimals;
    let rows = &*props.rows;
    let title = t(lang, Msg::Resources);
    if rows.is_empty() {
        return html! { <figure class="chart resources"><figcaption>{ title }</figcaption><p class="hint">{ t(lang, Msg::ResourcesNone) }</p></figure> };
    }
    let max = rows.iter().flat_map(|r| [r.planned.unwrap_or_default(), r.spent.unwrap_or_default()]).max().unwrap_or_default();
    let max = text::to_f64(max).max(1.0);
    let (label_w, bar_w, row_h) = (110.0, 300.0, 40.0);
    let height = rows.len() as f64 * row_h + 26.0;
    let scale = |v: Option<Decimal>| bar_w * v.map(text::to_f64).unwrap_or(0.0).max(0.0) / max;
    let bars = rows.iter().enumerate().map(|(i, n)| {
        let y = 22.0 + i as f64 * row_h;
        let label: String = n.code.chars().take(14).collect();
        html! {
            <g>
                <text x={text::svg(label_w - 6.0)} y={text::svg(y + 16.0)} text-anchor="end" class="label">{ label }</text>
                <rect x={text::svg(label_w)} y={text::svg(y)} width={text::svg(scale(n.planned))} height="12" class="bar planned" />
                <rect x={text::svg(label_w)} y={text::svg(y + 14.0)} width={text::svg(scale(n.spent))} height="12" class="bar spent" />
                { shape(n.verdict, label_w + bar_w + 12.0, y + 5.0) }
                <text x={text::svg(label_w + bar_w + 32.0)} y={text::svg(y + 18.0)} class="value">{ labels::score(lang, n.score, d) }</text>
            </g>
        }
    });
    let desc = rows
        .iter()
        .map(|n| {
            let (p, s) = (n.planned, n.spent);
            format!(
                "{}: {} {}, {} {}, {} {}",
                n.code,
                t(lang, Msg::Planned),
                p.map(|v| labels::euro(lang, v)).unwrap_or_else(|| "—".into()),
                t(lang, Msg::Spent),
                s.map(|v| labels::euro(lang, v)).unwrap_or_else(|| "—".into()),
                t(lang, Msg::Score),
                labels::score(lang, n.score, d)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let table_rows: Vec<Vec<AttrValue>> = rows
        .iter()
        .map(|n| {
            let (p, s) = (n.planned, n.spent);
            let absorbed = n.absorbed.map(|q| format::percent_in(lang, q, 2)).unwrap_or_else(|| "—".into());
            vec![
                n.code.clone().into(),
                n.name.clone().into(),
                p.map(|v| labels::euro(lang, v)).unwrap_or_else(|| "—".into()).into(),
                s.map(|v| labels::euro(lang, v)).unwrap_or_else(|| "—".into()).into(),
                absorbed.into(),
                labels::score(lang, n.score, d).into(),
                labels::verdict(lang, n.verdict).into(),
            ]
        })
        .collect();
    let head: Vec<AttrValue> =
        [Msg::Code, Msg::Name, Msg::Planned, Msg::Spent, Msg::Absorbed, Msg::Score, Msg::Verdict].iter().map(|m| AttrValue::from(t(lang, *m))).collect();
    html! {
        <figure class="chart resources">
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {} {}", text::svg(label_w + bar_w + 110.0), text::svg(height))} role="img" aria-labelledby="resources-title resources-desc">
                <title id="resources-title">{ title }</title>
                <desc id="resources-desc">{ desc }</desc>
                <g class="legend">
                    <rect x={text::svg(label_w)} y="4" width="12" height="10" class="bar planned" />
                    <text x={text::svg(label_w + 16.0)} y="13">{ t(lang, Msg::Planned) }</text>
                    <rect x={text::svg(label_w + 110.0)} y="4" width="12" height="10" class="bar spent" />
                    <text x={text::svg(label_w + 126.0)} y="13">{ t(lang, Msg::Spent) }</text>
                </g>
                { for bars }
            </svg>
            <DataTable caption={title} {head} rows={table_rows} />
        </figure>
    }
}
