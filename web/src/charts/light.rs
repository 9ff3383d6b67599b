//! The traffic light: a coloured shape plus the verdict in words.
//!
//! Colour is never the only signal (WCAG 1.4.1): each verdict has its own shape (circle
//! with a tick, triangle, square with a cross, dashed ring) and its name is written, or at
//! least given to assistive technology when the row is too narrow to print it.

use semaforo_core::labels;
use semaforo_core::plan::Verdict;
use semaforo_core::Lang;
use yew::prelude::*;

/// The CSS class naming a verdict's colour.
pub fn verdict_class(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Raggiunto) => "v-ok",
        Some(Verdict::ParzialmenteRaggiunto) => "v-partial",
        Some(Verdict::NonRaggiunto) => "v-missed",
        Some(Verdict::NonValutabile) | None => "v-none",
    }
}

/// The shape alone, as SVG children drawn in a 16×16 box at (x, y); used in charts too.
pub fn shape(v: Option<Verdict>, x: f64, y: f64) -> Html {
    let marks = match v {
        Some(Verdict::Raggiunto) => html! {
            <>
                <circle cx="8" cy="8" r="7.5" />
                <path d="M4.2 8.4 L7 11.2 L12 5.4" class="mark" />
            </>
        },
        Some(Verdict::ParzialmenteRaggiunto) => html! {
            <>
                <path d="M8 0.6 L15.6 15 L0.4 15 Z" />
                <path d="M8 5.5 L8 10" class="mark" />
                <circle cx="8" cy="12.5" r="1" class="dot" />
            </>
        },
        Some(Verdict::NonRaggiunto) => html! {
            <>
                <rect x="0.8" y="0.8" width="14.4" height="14.4" rx="2" />
                <path d="M4.5 4.5 L11.5 11.5 M11.5 4.5 L4.5 11.5" class="mark" />
            </>
        },
        Some(Verdict::NonValutabile) | None => html! {
            <>
                <circle cx="8" cy="8" r="6.5" class="ring" />
                <path d="M4.5 8 L11.5 8" class="mark" />
            </>
        },
    };
    html! {
        <g class={format!("shape {}", verdict_class(v))} transform={format!("translate({} {})", crate::text::svg(x), crate::text::svg(y))}>
            { marks }
        </g>
    }
}

/// The light of a verdict: its shape, and its name written beside it (`label`) or only
/// given to assistive technology (a row too narrow to print it). A function rather than
/// a component: it holds nothing, and the rows that show it are components already.
pub fn light(lang: Lang, verdict: Option<Verdict>, label: bool) -> Html {
    html! {
        <span class={format!("light {}", verdict_class(verdict))}>
            <svg class="light-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                { shape(verdict, 0.0, 0.0) }
            </svg>
            <span class={if label { "light-text" } else { "visually-hidden" }}>{ labels::verdict(lang, verdict) }</span>
        </span>
    }
}
