//! Scores as horizontal bars against the plan's thresholds (critical and tolerance lines),
//! used for ambiti, strategic objectives, units and cruscotti.
//!
//! Each bar ends with the verdict's shape, so the colour is not the only signal; the data
//! is also given as a table (the chart's text alternative).

use semaforo_core::format;
use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::plan::Verdict;
use semaforo_core::Decimal;
use semaforo_core::Lang;
use yew::prelude::*;

use crate::charts::data_table::DataTable;
use crate::charts::light::{shape, verdict_class};
use crate::charts::Scale;
use crate::i18n::{t, use_lang, Msg};
use crate::text;

/// One bar: a node's score as a chart shows it.
#[derive(Clone, PartialEq)]
pub struct BarRow {
    /// The node's evaluation id (`AS_01`, `unit/X`, `cruscotto/Y`).
    pub id: AttrValue,
    pub code: AttrValue,
    pub name: AttrValue,
    pub score: Option<Decimal>,
    pub verdict: Option<Verdict>,
    /// The score is the published one (no computed score exists).
    pub published: bool,
}

impl BarRow {
    /// The bar of a node, with its computed score.
    pub fn of(n: &semaforo_core::NodeResult) -> BarRow {
        BarRow { id: text::shown(&n.id), code: text::shown(&n.code), name: text::shown(&n.name), score: n.score, verdict: n.verdict, published: false }
    }
}

#[derive(Properties, PartialEq)]
pub struct ScoreBarsProps {
    /// Unique prefix for the SVG's title and desc ids.
    pub id: AttrValue,
    pub title: AttrValue,
    /// Compared by value: a chart none of whose bars changed is not drawn again.
    pub rows: Rc<Vec<BarRow>>,
    pub scale: Scale,
}

const LABEL_W: f64 = 170.0;
const BAR_W: f64 = 360.0;
const ROW_H: f64 = 26.0;
const TOP: f64 = 22.0;

fn x_of(v: f64) -> f64 {
    LABEL_W + BAR_W * v.clamp(0.0, 100.0) / 100.0
}

fn score_label(lang: Lang, r: &BarRow, decimals: u32) -> String {
    let s = labels::score(lang, r.score, decimals);
    if r.published && r.score.is_some() {
        format!("{s}*")
    } else {
        s
    }
}

#[derive(Properties, PartialEq)]
struct BarProps {
    /// The bar's place in the chart, from the top.
    index: usize,
    row: BarRow,
    decimals: u32,
}

/// One bar, drawn again only when its own figures change.
#[function_component]
fn Bar(props: &BarProps) -> Html {
    crate::rendered!("Bar", &props.row.id);
    let lang = use_lang();
    let r = &props.row;
    let y = TOP + props.index as f64 * ROW_H;
    let v = r.score.map(text::to_f64).unwrap_or(0.0);
    let w = x_of(v) - LABEL_W;
    let label: String = r.code.chars().take(22).collect();
    html! {
        <g class={if r.published { "bar-row published" } else { "bar-row" }}>
            <text x={text::svg(LABEL_W - 6.0)} y={text::svg(y + 16.0)} class="label" text-anchor="end">{ label }</text>
            <rect x={text::svg(LABEL_W)} y={text::svg(y + 4.0)} width={text::svg(w)} height="16" class={format!("bar {}", verdict_class(r.verdict))} />
            { if r.score.is_some() { shape(r.verdict, x_of(v) + 4.0, y + 4.0) } else { html! {} } }
            <text x={text::svg(x_of(v) + 24.0)} y={text::svg(y + 16.0)} class="value">{ score_label(lang, r, props.decimals) }</text>
        </g>
    }
}

#[function_component]
pub fn ScoreBars(props: &ScoreBarsProps) -> Html {
    crate::rendered!("ScoreBars", &props.id);
    let lang = use_lang();
    let Scale { tolerance, critical, decimals } = props.scale;
    let n = props.rows.len() as f64;
    let height = TOP + n * ROW_H + 8.0;
    let width = LABEL_W + BAR_W + 100.0;
    let published_mark = t(lang, Msg::PublishedMark);
    let bars = props.rows.iter().enumerate().map(|(index, r)| html! { <Bar key={r.id.as_str()} {index} row={r.clone()} {decimals} /> });
    let line = |v: Decimal, class: &'static str, word: &'static str| {
        let x = x_of(text::to_f64(v));
        html! {
            <g class={class}>
                <line x1={text::svg(x)} x2={text::svg(x)} y1={text::svg(TOP - 4.0)} y2={text::svg(height - 4.0)} />
                <text x={text::svg(x)} y={text::svg(TOP - 8.0)} text-anchor="middle">{ format!("{word} {}", format::percent_in(lang, v, 0)) }</text>
            </g>
        }
    };
    let desc = props
        .rows
        .iter()
        .map(|r| format!("{} {} ({})", r.code, score_label(lang, r, decimals), labels::verdict(lang, r.verdict)))
        .collect::<Vec<_>>()
        .join("; ");
    let head: Vec<AttrValue> = vec![t(lang, Msg::Code).into(), t(lang, Msg::Name).into(), t(lang, Msg::Score).into(), t(lang, Msg::Verdict).into()];
    let rows: Vec<Vec<AttrValue>> = props
        .rows
        .iter()
        .map(|r| {
            let s = if r.published && r.score.is_some() {
                format!("{} ({published_mark})", labels::score(lang, r.score, decimals))
            } else {
                labels::score(lang, r.score, decimals)
            };
            vec![r.code.clone(), r.name.clone(), s.into(), labels::verdict(lang, r.verdict).into()]
        })
        .collect();
    let any_published = props.rows.iter().any(|r| r.published && r.score.is_some());
    html! {
        <figure class="chart score-bars">
            <figcaption id={format!("{}-cap", props.id)}>{ props.title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {} {}", text::svg(width), text::svg(height))} role="img" aria-labelledby={format!("{0}-title {0}-desc", props.id)} preserveAspectRatio="xMinYMin meet">
                <title id={format!("{}-title", props.id)}>{ props.title.clone() }</title>
                <desc id={format!("{}-desc", props.id)}>{ desc }</desc>
                <rect x={text::svg(LABEL_W)} y={text::svg(TOP)} width={text::svg(BAR_W)} height={text::svg(n * ROW_H)} class="plot-bg" />
                { for bars }
                { line(critical, "threshold critical", t(lang, Msg::Critical)) }
                { line(tolerance, "threshold tolerance", t(lang, Msg::Tolerance)) }
            </svg>
            if any_published { <p class="small">{ format!("* {published_mark}") }</p> }
            <DataTable caption={props.title.clone()} {head} {rows} />
        </figure>
    }
}
