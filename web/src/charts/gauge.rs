//! The ente's score as a half-circle gauge, with the plan's thresholds as coloured bands.
//!
//! Hand-written SVG so it scales and prints; `role="img"` with `<title>`/`<desc>` and the
//! score written in words beside it, so nothing depends on seeing the needle.

use semaforo_core::format;
use semaforo_core::labels;
use std::f64::consts::PI;

use semaforo_core::plan::Verdict;
use semaforo_core::Decimal;
use yew::prelude::*;

use crate::charts::light::light;
use crate::charts::Scale;
use crate::i18n::{t, use_lang, Msg};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct GaugeProps {
    pub title: AttrValue,
    pub score: Option<Decimal>,
    pub verdict: Option<Verdict>,
    pub scale: Scale,
}

const CX: f64 = 100.0;
const CY: f64 = 100.0;
const R: f64 = 80.0;

/// The point of the arc at `v` percent (0 left, 100 right).
fn point(v: f64) -> (f64, f64) {
    let a = PI * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    (CX + R * cos(a), CY - R * sin(a))
}

// In the browser, the page's own Math: Rust's sine and cosine would add their tables
// (about 2 KB gzipped) to a build that has a size budget.
#[cfg(target_arch = "wasm32")]
fn cos(a: f64) -> f64 {
    js_sys::Math::cos(a)
}
#[cfg(target_arch = "wasm32")]
fn sin(a: f64) -> f64 {
    js_sys::Math::sin(a)
}
#[cfg(not(target_arch = "wasm32"))]
fn cos(a: f64) -> f64 {
    a.cos()
}
#[cfg(not(target_arch = "wasm32"))]
fn sin(a: f64) -> f64 {
    a.sin()
}

fn arc(from: f64, to: f64) -> String {
    let (x1, y1) = point(from);
    let (x2, y2) = point(to);
    format!("M {} {} A {r} {r} 0 0 1 {} {}", text::svg(x1), text::svg(y1), text::svg(x2), text::svg(y2), r = text::svg(R))
}

#[function_component]
pub fn Gauge(props: &GaugeProps) -> Html {
    crate::rendered!("Gauge");
    let lang = use_lang();
    let Scale { tolerance, critical, decimals } = props.scale;
    let crit = text::to_f64(critical);
    let tol = text::to_f64(tolerance);
    let score_text = labels::score(lang, props.score, decimals);
    let desc = format!(
        "{}: {score_text}, {}. {}: {} {}, {} {}.",
        props.title,
        labels::verdict(lang, props.verdict),
        t(lang, Msg::Thresholds),
        t(lang, Msg::Critical),
        format::percent_in(lang, critical, 0),
        t(lang, Msg::Tolerance),
        format::percent_in(lang, tolerance, 0),
    );
    let needle = props.score.map(|s| {
        let (x, y) = point(text::to_f64(s));
        html! { <line x1={text::svg(CX)} y1={text::svg(CY)} x2={text::svg(x)} y2={text::svg(y)} class="needle" /> }
    });
    html! {
        <figure class="gauge">
            <svg viewBox="0 0 200 118" role="img" aria-labelledby="gauge-title gauge-desc">
                <title id="gauge-title">{ props.title.clone() }</title>
                <desc id="gauge-desc">{ desc }</desc>
                <path d={arc(0.0, crit)} class="band v-missed" />
                <path d={arc(crit, tol)} class="band v-partial" />
                <path d={arc(tol, 100.0)} class="band v-ok" />
                { for needle }
                <circle cx={text::svg(CX)} cy={text::svg(CY)} r="5" class="hub" />
            </svg>
            <figcaption>
                <span class="gauge-score" data-testid="ente-score">{ score_text }</span>
                { light(lang, props.verdict, true) }
            </figcaption>
        </figure>
    }
}
