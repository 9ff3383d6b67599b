//! How many indicators of the tree reached, partially reached or missed their target, and
//! how many could not be assessed: bars with the verdict's shape, plus a table.

use semaforo_core::labels;
use semaforo_core::plan::Verdict;
use yew::prelude::*;

use crate::text;

use crate::charts::data_table::DataTable;
use crate::charts::light::{shape, verdict_class};
use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;

/// How many indicators have each verdict, in the order of [`ORDER`].
pub type Counts = [usize; 5];

/// The counts of a view's indicators (the tree's and the plan's own list, not those a
/// cruscotto defines for itself).
pub fn counts(view: &PlanView) -> Counts {
    let mut counts = [0; 5];
    for indicator in view.evaluation.indicators.iter().filter(|i| !i.id.starts_with(semaforo_core::evaluate::CRUSCOTTO_ID_PREFIX)) {
        if let Some(i) = ORDER.iter().position(|v| *v == indicator.verdict) {
            counts[i] += 1;
        }
    }
    counts
}

#[derive(Properties, PartialEq)]
pub struct VerdictChartProps {
    pub counts: Counts,
}

const ORDER: [Option<Verdict>; 5] =
    [Some(Verdict::Raggiunto), Some(Verdict::ParzialmenteRaggiunto), Some(Verdict::NonRaggiunto), Some(Verdict::NonValutabile), None];

#[function_component]
pub fn VerdictChart(props: &VerdictChartProps) -> Html {
    crate::rendered!("VerdictChart");
    let lang = use_lang();
    let counts: Vec<(Option<Verdict>, usize)> = ORDER.iter().copied().zip(props.counts).collect();
    let max = counts.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1) as f64;
    let title = t(lang, Msg::VerdictDistribution);
    let (label_w, bar_w, row_h) = (170.0, 220.0, 26.0);
    let height = counts.len() as f64 * row_h + 6.0;
    let desc = counts.iter().map(|(v, c)| format!("{}: {c}", labels::verdict(lang, *v))).collect::<Vec<_>>().join("; ");
    let bars = counts.iter().enumerate().map(|(i, (v, c))| {
        let y = i as f64 * row_h + 4.0;
        let w = bar_w * *c as f64 / max;
        html! {
            <g>
                { shape(*v, 0.0, y + 1.0) }
                <text x="22" y={text::svg(y + 13.0)} class="label">{ labels::verdict(lang, *v) }</text>
                <rect x={text::svg(label_w)} y={text::svg(y)} width={text::svg(w)} height="16" class={format!("bar {}", verdict_class(*v))} />
                <text x={text::svg(label_w + w + 6.0)} y={text::svg(y + 13.0)} class="value">{ c.to_string() }</text>
            </g>
        }
    });
    let rows: Vec<Vec<AttrValue>> = counts.iter().map(|(v, c)| vec![labels::verdict(lang, *v).into(), c.to_string().into()]).collect();
    html! {
        <figure class="chart verdicts">
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {} {}", text::svg(label_w + bar_w + 40.0), text::svg(height))} role="img" aria-labelledby="verdicts-title verdicts-desc">
                <title id="verdicts-title">{ title }</title>
                <desc id="verdicts-desc">{ desc }</desc>
                { for bars }
            </svg>
            <DataTable caption={title} head={vec![AttrValue::from(t(lang, Msg::Verdict)), t(lang, Msg::Count).into()]} {rows} />
        </figure>
    }
}
