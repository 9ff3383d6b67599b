//! Finding indicators: a search box (code or words) and filters by verdict, unit, BSC
//! perspective and ambito. Choosing a result opens the tree down to it.

use std::rc::Rc;

use semaforo_core::labels::{self, PERSPECTIVES};
use semaforo_core::plan::Verdict;
use semaforo_core::NodeKind;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::charts::light::light;
use crate::i18n::{t, use_lang, Msg};
use crate::model::{FinderOptions, IndicatorRow, PlanView};
use crate::state::{Filters, Selection, VerdictFilter};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct FinderProps {
    pub options: Rc<FinderOptions>,
    /// The view searched: given only while a filter is active, so that an edit does not
    /// draw the finder again when it lists nothing.
    pub view: Option<Rc<PlanView>>,
    pub filters: Filters,
    pub onchange: Callback<Filters>,
    pub onselect: Callback<Selection>,
}

/// Results past this many are counted but not listed, to keep the page light.
const MAX_LISTED: usize = 200;

/// The filters ready to test rows against: the search words folded once, not once a row
/// (at 100 000 indicators, folding per row was most of an edit's time).
pub struct Matcher<'f> {
    words: Vec<String>,
    filters: &'f Filters,
    view: &'f PlanView,
}

impl<'f> Matcher<'f> {
    pub fn new(filters: &'f Filters, view: &'f PlanView) -> Matcher<'f> {
        Matcher { words: text::fold(&filters.query).split_whitespace().map(str::to_string).collect(), filters, view }
    }

    /// The verdict filter: the only one an edit can change the answer of.
    fn verdict_ok(&self, row: &IndicatorRow) -> bool {
        match self.filters.verdict {
            VerdictFilter::All => true,
            VerdictFilter::Missed => self.view.verdict(row) == Some(Verdict::NonRaggiunto),
            VerdictFilter::Partial => self.view.verdict(row) == Some(Verdict::ParzialmenteRaggiunto),
            VerdictFilter::MissedOrPartial => {
                matches!(self.view.verdict(row), Some(Verdict::NonRaggiunto) | Some(Verdict::ParzialmenteRaggiunto))
            }
        }
    }

    /// The words, unit, perspective and area: what the plan's definitions say, which no
    /// what-if edit changes.
    fn matches_definition(&self, row: &IndicatorRow) -> bool {
        let f = self.filters;
        let unit_ok = f.unit.is_empty() || row.units.iter().any(|u| u == f.unit.as_str());
        let perspective_ok = f.perspective.is_none() || row.perspective == f.perspective;
        let area_ok = f.area.is_empty() || row.area.as_deref() == Some(f.area.as_str());
        // The cheap tests first: the words are searched only in rows the others keep.
        unit_ok && perspective_ok && area_ok && self.words.iter().all(|w| row.haystack.contains(w.as_str()))
    }
}

fn select_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

#[function_component]
pub fn Finder(props: &FinderProps) -> Html {
    crate::rendered!("Finder");
    let lang = use_lang();
    let options = &props.options;
    let f = &props.filters;

    let oninput = {
        let (f, onchange) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default();
            onchange.emit(Filters { query: value.into(), ..f.clone() });
        })
    };
    let on_verdict = {
        let (f, onchange) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let verdict = match select_value(&e).as_str() {
                "missed" => VerdictFilter::Missed,
                "partial" => VerdictFilter::Partial,
                "missed-partial" => VerdictFilter::MissedOrPartial,
                _ => VerdictFilter::All,
            };
            onchange.emit(Filters { verdict, ..f.clone() });
        })
    };
    let on_unit = {
        let (f, onchange) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: Event| onchange.emit(Filters { unit: select_value(&e).into(), ..f.clone() }))
    };
    let on_perspective = {
        let (f, onchange) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let value = select_value(&e);
            let perspective = value.parse::<usize>().ok().and_then(|i| PERSPECTIVES.get(i).copied());
            onchange.emit(Filters { perspective, ..f.clone() });
        })
    };
    let on_area = {
        let (f, onchange) = (f.clone(), props.onchange.clone());
        Callback::from(move |e: Event| onchange.emit(Filters { area: select_value(&e).into(), ..f.clone() }))
    };
    let on_reset = {
        let onchange = props.onchange.clone();
        Callback::from(move |_: MouseEvent| onchange.emit(Filters::default()))
    };

    let verdict_value = match f.verdict {
        VerdictFilter::All => "",
        VerdictFilter::Missed => "missed",
        VerdictFilter::Partial => "partial",
        VerdictFilter::MissedOrPartial => "missed-partial",
    };
    let active = f.is_active();
    let view = props.view.as_ref().filter(|_| active);
    // The rows the definitions' filters keep, found again only when the rows (a plan
    // opened) or those filters change: an edit then tests the verdict of these alone.
    let rows_key = view.map(|v| Rc::as_ptr(&v.rows) as usize);
    let kept = use_memo((rows_key, Filters { verdict: VerdictFilter::All, ..f.clone() }), {
        let view = view.cloned();
        move |(_, definitions)| -> Vec<usize> {
            let Some(v) = view else { return Vec::new() };
            let matcher = Matcher::new(definitions, &v);
            v.rows.iter().enumerate().filter(|(_, r)| matcher.matches_definition(r)).map(|(i, _)| i).collect()
        }
    });
    let found: Vec<&IndicatorRow> = view
        .map(|v| {
            let matcher = Matcher::new(f, v);
            kept.iter().filter_map(|&i| v.rows.get(i)).filter(|r| matcher.verdict_ok(r)).collect()
        })
        .unwrap_or_default();
    let d = view.map_or(0, |v| v.decimals());

    html! {
        <div class="finder">
            <div class="filters">
                <div class="field grow">
                    <label for="f-query">{ t(lang, Msg::Search) }</label>
                    <input id="f-query" type="search" value={f.query.clone()} placeholder={t(lang, Msg::SearchHint)} {oninput} />
                </div>
                <div class="field">
                    <label for="f-verdict">{ t(lang, Msg::FilterVerdict) }</label>
                    <select id="f-verdict" onchange={on_verdict}>
                        <option value="" selected={verdict_value.is_empty()}>{ t(lang, Msg::FilterAll) }</option>
                        <option value="missed-partial" selected={verdict_value == "missed-partial"}>{ t(lang, Msg::FilterMissedOrPartial) }</option>
                        <option value="missed" selected={verdict_value == "missed"}>{ labels::verdict(lang, Some(Verdict::NonRaggiunto)) }</option>
                        <option value="partial" selected={verdict_value == "partial"}>{ labels::verdict(lang, Some(Verdict::ParzialmenteRaggiunto)) }</option>
                    </select>
                </div>
                if !options.units.is_empty() {
                    <div class="field">
                        <label for="f-unit">{ labels::kind_name(lang, NodeKind::Unit) }</label>
                        <select id="f-unit" onchange={on_unit}>
                            <option value="" selected={f.unit.is_empty()}>{ t(lang, Msg::FilterAll) }</option>
                            { for options.units.iter().map(|(u, name)| html! { <option value={u.clone()} selected={f.unit.as_str() == u}>{ name.clone() }</option> }) }
                        </select>
                    </div>
                }
                if !options.perspectives.is_empty() {
                    <div class="field">
                        <label for="f-persp">{ t(lang, Msg::FilterPerspective) }</label>
                        <select id="f-persp" onchange={on_perspective}>
                            <option value="" selected={f.perspective.is_none()}>{ t(lang, Msg::FilterAll) }</option>
                            { for options.perspectives.iter().map(|p| {
                                let i = PERSPECTIVES.iter().position(|q| q == p).unwrap_or_default();
                                html! { <option value={i.to_string()} selected={f.perspective == Some(*p)}>{ labels::perspective(lang, *p) }</option> }
                            }) }
                        </select>
                    </div>
                }
                <div class="field">
                    <label for="f-area">{ t(lang, Msg::FilterArea) }</label>
                    <select id="f-area" onchange={on_area}>
                        <option value="" selected={f.area.is_empty()}>{ t(lang, Msg::FilterAll) }</option>
                        { for options.areas.iter().map(|(code, label)| html! { <option value={code.clone()} selected={f.area.as_str() == code}>{ label.clone() }</option> }) }
                    </select>
                </div>
                if active { <button type="button" class="btn btn-outline" onclick={on_reset}>{ t(lang, Msg::ResetFilters) }</button> }
            </div>
            <p aria-live="polite" class="result-count" data-testid="result-count">
                if active { { format!("{} {}", found.len(), t(lang, Msg::Results)) } }
            </p>
            if active {
                if found.is_empty() {
                    <p class="hint">{ t(lang, Msg::NoResults) }</p>
                } else {
                    <ul class="results" data-testid="results">
                    { for found.iter().take(MAX_LISTED).map(|r| {
                        let sel = Selection::Indicator { id: r.id.clone().into(), under: r.parent.clone().into() };
                        let onselect = props.onselect.clone();
                        let onclick = Callback::from(move |_: MouseEvent| onselect.emit(sel.clone()));
                        let achievement = view.and_then(|v| v.evaluation.indicator(&r.id)).and_then(|i| i.achievement);
                        html! {
                            <li>
                                <button type="button" class="link" {onclick}><span class="code">{ r.code.clone() }</span>{ " " }{ r.name.clone() }</button>
                                { " " }<span class="score">{ labels::score(lang, achievement, d) }</span>{ " " }{ light(lang, view.and_then(|v| v.verdict(r)), true) }
                            </li>
                        }
                    }) }
                    </ul>
                }
            }
        </div>
    }
}
