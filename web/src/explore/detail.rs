//! The detail of the selected node or indicator: every number with the core's own
//! explanation of it (`Explanation::render`), what the document published beside it, and,
//! for an indicator, baseline, multi-year targets and benchmarks next to the actual.

use semaforo_core::format;
use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::plan::Indicator;
use semaforo_core::{IndicatorResult, Lang, NodeResult};
use yew::prelude::*;

use crate::charts::light::light;
use crate::embed::copy_snippet::CopySnippet;
use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::state::Selection;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub view: Rc<PlanView>,
    pub selected: Option<Selection>,
    pub onselect: Callback<Selection>,
}

#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    crate::rendered!("Detail");
    let lang = use_lang();
    let body = match &props.selected {
        Some(Selection::Node(id)) => match props.view.evaluation.node(id) {
            Some(node) => node_detail(&props.view, lang, node, &props.onselect),
            None => hint(lang),
        },
        Some(Selection::Indicator { id, .. }) => match props.view.evaluation.indicator(id) {
            Some(result) => indicator_detail(&props.view, lang, result, &props.onselect),
            None => hint(lang),
        },
        None => hint(lang),
    };
    html! { <div class="detail" data-testid="detail">{ body }</div> }
}

fn hint(lang: Lang) -> Html {
    html! { <p class="hint">{ t(lang, Msg::DetailHint) }</p> }
}

fn row(label: &str, value: Html) -> Html {
    html! { <div class="kv"><dt>{ label.to_string() }</dt><dd>{ value }</dd></div> }
}

fn published(view: &PlanView, lang: Lang, p: Option<&semaforo_core::plan::Published>) -> Html {
    let Some(p) = p else { return html! {} };
    let d = view.decimals();
    html! {
        <>
            if let Some(score) = p.score {
                { row(t(lang, Msg::Published), html! { <>{ format::percent_in(lang, score, d) }{ " " }
                    if p.verdict.is_some() { { light(lang, p.verdict, true) } }
                    if let Some(dev) = &p.deviation { { format!(" ({dev})") } }
                </> }) }
            }
            if let Some(note) = &p.discrepancy {
                { row(t(lang, Msg::Discrepancy), html! { { note.clone() } }) }
            }
        </>
    }
}

fn node_detail(view: &PlanView, lang: Lang, node: &NodeResult, onselect: &Callback<Selection>) -> Html {
    let d = view.decimals();
    let info = view.objectives.get(&*node.code);
    let indicators = node.indicators.iter().filter_map(|id| view.evaluation.indicator(id).map(|r| (id, r)));
    let children: Vec<&NodeResult> = node.children.iter().filter_map(|id| view.evaluation.node(id)).collect();
    html! {
        <article aria-labelledby="detail-title">
            <p class="kicker">{ labels::kind_name(lang, node.kind) }{ " · " }<span class="code">{ text::shown(&node.code) }</span></p>
            <h3 id="detail-title">{ text::shown(&node.name) }</h3>
            // Embedded views (issue 5): the iframe snippet of this objective.
            <CopySnippet view={text::shown(&node.id)} title={text::shown(&node.name)} rows={node.items.len()} />
            <dl class="facts">
                { row(t(lang, Msg::Score), html! {
                    <><strong class="big" data-testid="detail-score">{ labels::score(lang, node.score, d) }</strong>{ " " }{ light(lang, node.verdict, true) }</>
                }) }
                if node.weight.is_some() { { row(t(lang, Msg::Weight), html! { { labels::weight(lang, node.weight) } }) } }
                { row(t(lang, Msg::Explanation), html! { <span class="explain">{ node.explanation.render(lang) }</span> }) }
                { published(view, lang, node.published.as_deref()) }
                if let Some(info) = info {
                    if let Some(desc) = &info.description { { row(t(lang, Msg::Name), html! { { desc.clone() } }) } }
                    if let Some(p) = info.perspective { { row(t(lang, Msg::Perspective), html! { { labels::perspective(lang, p) } }) } }
                    if let Some(m) = &info.mission { { row(t(lang, Msg::Mission), html! { { classification(m) } }) } }
                    if let Some(p) = &info.programme { { row(t(lang, Msg::Programme), html! { { classification(p) } }) } }
                    if let Some(b) = &info.budget {
                        { row(t(lang, Msg::Budget), html! { <>
                            if let Some(p) = b.planned { { format!("{}: {} ", t(lang, Msg::Planned), labels::euro(lang, p)) } }
                            if let Some(s) = b.spent { { format!("{}: {}", t(lang, Msg::Spent), labels::euro(lang, s)) } }
                        </> }) }
                    }
                    if !info.units.is_empty() {
                        { row(t(lang, Msg::OrgUnits), html! { { info.units.iter().map(|u| view.unit_name(u)).collect::<Vec<_>>().join(", ") } }) }
                    }
                    if !info.notes.is_empty() { { row(t(lang, Msg::Notes), html! { { info.notes.join(" · ") } }) } }
                }
            </dl>
            if !node.indicators.is_empty() {
                <h4>{ t(lang, Msg::Indicators) }</h4>
                <div class="table-scroll">
                <table class="data indicators">
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Code) }</th>
                        <th scope="col">{ t(lang, Msg::Target) }</th>
                        <th scope="col">{ t(lang, Msg::Actual) }</th>
                        <th scope="col">{ t(lang, Msg::Achievement) }</th>
                        <th scope="col">{ t(lang, Msg::Deviation) }</th>
                        <th scope="col">{ t(lang, Msg::Weight) }</th>
                        <th scope="col">{ t(lang, Msg::Verdict) }</th>
                    </tr></thead>
                    <tbody>
                    { for indicators.map(|(id, r)| {
                        let def = view.definition(id);
                        let sel = Selection::Indicator { id: text::shown(id), under: text::shown(&node.id) };
                        let onselect = onselect.clone();
                        let onclick = Callback::from(move |_: MouseEvent| onselect.emit(sel.clone()));
                        html! {
                            <>
                            <tr>
                                <th scope="row">
                                    <button type="button" class="link" {onclick}>{ text::shown(&r.code) }</button>
                                    <div class="small">{ text::shown(&r.name) }</div>
                                </th>
                                <td>{ def.and_then(|i| i.target.as_ref().map(|tg| labels::target(lang, tg, i.unit))).unwrap_or_else(|| "—".into()) }</td>
                                <td>{ def.map(|i| labels::actual(lang, i.actual.as_ref(), i.unit)).unwrap_or_default() }</td>
                                <td class="num">{ labels::score(lang, r.achievement, d) }</td>
                                <td class="num">{ r.deviation.as_ref().map(|dv| labels::deviation(lang, dv)).unwrap_or_else(|| "—".into()) }</td>
                                <td class="num">{ labels::weight(lang, r.weight) }</td>
                                <td>{ light(lang, r.verdict, true) }</td>
                            </tr>
                            <tr class="explain-row"><td colspan="7"><span class="explain-label">{ t(lang, Msg::Explanation) }{ ": " }</span><span class="explain">{ r.explanation.render(lang) }</span></td></tr>
                            </>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
            }
            if !children.is_empty() {
                <h4>{ t(lang, Msg::Objectives) }</h4>
                <div class="table-scroll">
                <table class="data">
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Code) }</th>
                        <th scope="col">{ t(lang, Msg::Score) }</th>
                        <th scope="col">{ t(lang, Msg::Weight) }</th>
                        <th scope="col">{ t(lang, Msg::Verdict) }</th>
                        <th scope="col">{ t(lang, Msg::Explanation) }</th>
                    </tr></thead>
                    <tbody>
                    { for children.iter().map(|c| {
                        let sel = Selection::Node(text::shown(&c.id));
                        let onselect = onselect.clone();
                        let onclick = Callback::from(move |_: MouseEvent| onselect.emit(sel.clone()));
                        html! {
                            <tr>
                                <th scope="row"><button type="button" class="link" {onclick}>{ text::shown(&c.code) }</button><div class="small">{ text::shown(&c.name) }</div></th>
                                <td class="num">{ labels::score(lang, c.score, d) }</td>
                                <td class="num">{ labels::weight(lang, c.weight) }</td>
                                <td>{ light(lang, c.verdict, true) }</td>
                                <td class="explain">{ c.explanation.render(lang) }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
            }
        </article>
    }
}

fn classification(c: &semaforo_core::plan::Classification) -> String {
    match &c.name {
        Some(name) => format!("{} {}", c.code, name),
        None => c.code.clone(),
    }
}

fn indicator_detail(view: &PlanView, lang: Lang, r: &IndicatorResult, onselect: &Callback<Selection>) -> Html {
    let d = view.decimals();
    let def: Option<&Indicator> = view.definition(&r.id);
    // One of the plan's own list stands in no node: where it counts, with what weight.
    let weighed_in = if r.parent.is_none() { view.weighed_in(&r.id) } else { Vec::new() };
    let weighing = weighed_in.iter().map(|(n, w)| {
        let sel = Selection::Node(text::shown(&n.id));
        let onselect = onselect.clone();
        let onclick = Callback::from(move |_: MouseEvent| onselect.emit(sel.clone()));
        // A group by its cruscotto too (`CR_SERV_RI › 2.3.1`): groups repeat codes across cruscotti.
        let path = n.id.strip_prefix("cruscotto/").map_or_else(|| n.code.to_string(), |p| p.replace('/', " › "));
        html! { <li><button type="button" class="link" {onclick}>{ path }</button>{ format!(" ({})", labels::weight(lang, *w)) }</li> }
    });
    html! {
        <article aria-labelledby="detail-title">
            <p class="kicker">{ labels::indicator_word(lang) }{ " · " }<span class="code">{ text::shown(&r.code) }</span></p>
            <h3 id="detail-title">{ text::shown(&r.name) }</h3>
            if r.parent.is_none() { <p class="hint small">{ t(lang, Msg::PlanIndicatorHint) }</p> }
            <dl class="facts">
                { row(t(lang, Msg::Achievement), html! {
                    <><strong class="big" data-testid="detail-score">{ labels::score(lang, r.achievement, d) }</strong>{ " " }{ light(lang, r.verdict, true) }</>
                }) }
                { row(t(lang, Msg::Explanation), html! { <span class="explain" data-testid="explanation">{ r.explanation.render(lang) }</span> }) }
                if let Some(i) = def {
                    { row(t(lang, Msg::Target), html! { { i.target.as_ref().map(|tg| labels::target(lang, tg, i.unit)).unwrap_or_else(|| "—".into()) } }) }
                    { row(t(lang, Msg::Actual), html! { { labels::actual(lang, i.actual.as_ref(), i.unit) } }) }
                }
                if let Some(dv) = &r.deviation { { row(t(lang, Msg::Deviation), html! { { labels::deviation(lang, dv) } }) } }
                if r.parent.is_some() {
                    { row(t(lang, Msg::Weight), html! { { labels::weight(lang, r.weight) } }) }
                } else {
                    { row(t(lang, Msg::WeighedIn), html! { <ul class="weighed-in" data-testid="weighed-in">{ for weighing }</ul> }) }
                }
                { published(view, lang, r.published.as_deref()) }
                if let Some(i) = def {
                    if let Some(desc) = &i.description { { row(t(lang, Msg::Name), html! { { desc.clone() } }) } }
                    if let Some(a) = &i.algorithm { { row(t(lang, Msg::Algorithm), html! { { a.clone() } }) } }
                    if let Some(k) = i.kind { { row(t(lang, Msg::Kind), html! { { labels::indicator_kind(lang, k) } }) } }
                    { row(t(lang, Msg::MeasureUnit), html! { { labels::unit_name(lang, i.unit) } }) }
                    if let Some(s) = &i.data_source { { row(t(lang, Msg::DataSource), html! { { s.clone() } }) } }
                }
            </dl>
            if let Some(i) = def { { series(view, lang, i) } }
        </article>
    }
}

/// Baseline, the targets of every year and the actual of the plan year in one table, so
/// that the trend reads left to right; benchmarks after it.
fn series(view: &PlanView, lang: Lang, i: &Indicator) -> Html {
    if i.baseline.is_none() && i.yearly_targets.is_empty() && i.benchmarks.is_empty() {
        return html! {};
    }
    let year = view.plan.ente.year;
    let mut columns: Vec<(String, String, String)> = Vec::new(); // (heading, target, actual)
    if let Some(b) = &i.baseline {
        let heading = match b.year {
            Some(y) => format!("{} {y}", t(lang, Msg::Baseline)),
            None => t(lang, Msg::Baseline).to_string(),
        };
        let value = labels::value(lang, b.value, i.unit);
        let value = match &b.note {
            Some(note) => format!("{value} ({note})"),
            None => value,
        };
        columns.push((heading, "—".into(), value));
    }
    let mut years: Vec<(i32, String)> = i.yearly_targets.iter().map(|y| (y.year, labels::target(lang, &y.target, i.unit))).collect();
    if let Some(tg) = &i.target {
        if !years.iter().any(|(y, _)| *y == year) {
            years.push((year, labels::target(lang, tg, i.unit)));
        }
    }
    years.sort_by_key(|(y, _)| *y);
    for (y, target) in years {
        let actual = if y == year { labels::actual(lang, i.actual.as_ref(), i.unit) } else { "—".into() };
        let heading = if y == year { format!("{y} ({})", t(lang, Msg::PlanYear)) } else { y.to_string() };
        columns.push((heading, target, actual));
    }
    html! {
        <section class="series" aria-labelledby="series-title">
            <h4 id="series-title">{ t(lang, Msg::Series) }</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="series-title">
            <table class="data" data-testid="series">
                <thead><tr><th scope="col"></th>{ for columns.iter().map(|(h, _, _)| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                <tbody>
                    <tr><th scope="row">{ t(lang, Msg::Target) }</th>{ for columns.iter().map(|(_, tg, _)| html! { <td>{ tg.clone() }</td> }) }</tr>
                    <tr><th scope="row">{ t(lang, Msg::Actual) }</th>{ for columns.iter().map(|(_, _, a)| html! { <td>{ a.clone() }</td> }) }</tr>
                </tbody>
            </table>
            </div>
            if !i.benchmarks.is_empty() {
                <h4>{ t(lang, Msg::Benchmarks) }</h4>
                <ul class="benchmarks">
                { for i.benchmarks.iter().map(|b| html! {
                    <li>
                        { b.label.clone() }
                        if let Some(v) = b.value { { format!(": {}", labels::value(lang, v, i.unit)) } }
                        if let Some(y) = b.year { { format!(" ({y})") } }
                    </li>
                }) }
                </ul>
            }
        </section>
    }
}
