//! The page in embed mode (`?embed=`): one view of a plan (the ente, an objective, a
//! cruscotto or a unit) with minimal chrome: title, score with its light and verdict in
//! words, the weighted items, and a link to the full app. It reports its height to the
//! parent window on every resize, so the host's `<iframe>` fits it.
//!
//! With `?plan=`, nothing is shown but a loading line until that plan is open: the
//! built-in plan must never appear, even briefly, in someone else's intranet page.

use semaforo_core::format;
use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::{Decimal, Evaluation, Lang, NodeKind, NodeResult};
use yew::prelude::*;

use crate::charts::light::light;
use crate::embed::host::{self as embed, EmbedRequest, HeightWatch};
use crate::i18n::{t, Msg, Page};
use crate::io;
use crate::model::PlanView;
use crate::state::{Report, State};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct EmbedViewProps {
    pub request: Rc<EmbedRequest>,
}

#[function_component]
pub fn EmbedView(props: &EmbedViewProps) -> Html {
    let request = props.request.clone();
    let lang = request.lang;
    let state = use_reducer(|| State::initial(lang));

    {
        let dispatch = state.dispatcher();
        let plan = request.plan.clone();
        use_effect_with((), move |_| io::fetch_initial_plans(plan, dispatch));
    }

    let waiting = request.plan.as_deref().is_some_and(|p| p != state.source.as_str()) && !refused(state.report.as_ref());
    let node = if waiting { None } else { state.view.as_ref().and_then(|v| find(&v.evaluation, &request.view, &v.plan.ente.code)) };
    {
        let title = node.map(|n| format!("{} – {}", n.name, t(lang, Msg::AppTitle))).unwrap_or_default();
        use_effect_with((lang, title), |(lang, title)| embed::prepare_document(*lang, title));
    }

    let root = use_node_ref();
    {
        let view = request.view.clone();
        use_effect_with(root.clone(), move |root| {
            let watch = root.cast::<web_sys::Element>().map(|el| HeightWatch::new(el, view));
            move || drop(watch)
        });
    }

    let body = match (&state.view, &state.report) {
        (_, Some(report)) if report.refused => failure(lang, report),
        _ if waiting => html! { <p class="hint" role="status">{ t(lang, Msg::Loading) }</p> },
        (Some(view), _) => match node {
            Some(node) => view_card(view, lang, node, &request),
            None => not_found(view, lang, &request.view),
        },
        (None, _) if !matches!(state.status, crate::state::Status::Idle) => {
            html! { <p class="hint" role="status">{ t(lang, Msg::Loading) }</p> }
        }
        (None, _) => html! { <p class="hint">{ t(lang, Msg::LoadFailed) }</p> },
    };
    html! {
        <ContextProvider<Page> context={Page { lang, source: state.source.clone() }}>
            <div class="embed" ref={root} data-testid="embed">
                <main>{ body }</main>
            </div>
        </ContextProvider<Page>>
    }
}

fn refused(report: Option<&Report>) -> bool {
    report.is_some_and(|r| r.refused)
}

/// The node an embed id names; `ENTE` (any case) also finds an ente with another code.
fn find<'a>(evaluation: &'a Evaluation, id: &str, ente_code: &str) -> Option<&'a NodeResult> {
    evaluation.node(id).or_else(|| id.eq_ignore_ascii_case("ente").then(|| evaluation.node(ente_code)).flatten())
}

/// One line of the items table: a node or an indicator as this view weighs it.
struct Line<'a> {
    code: &'a str,
    name: &'a str,
    weight: Option<Decimal>,
    score: Option<Decimal>,
    verdict: Option<semaforo_core::plan::Verdict>,
    /// A line of a group (a cruscotto's sub-list), drawn indented under it.
    nested: bool,
}

fn lines<'a>(evaluation: &'a Evaluation, node: &'a NodeResult, nested: bool, out: &mut Vec<Line<'a>>) {
    for item in &node.items {
        if item.indicator {
            if let Some(i) = evaluation.indicator(&item.id) {
                out.push(Line { code: &i.code, name: &i.name, weight: item.weight, score: i.achievement, verdict: i.verdict, nested });
            }
        } else if let Some(n) = evaluation.node(&item.id) {
            out.push(Line { code: &n.code, name: &n.name, weight: item.weight, score: n.score, verdict: n.verdict, nested });
            // A cruscotto's groups are part of the dashboard: show what each holds.
            if n.kind == NodeKind::Group && !nested {
                lines(evaluation, n, true, out);
            }
        }
    }
}

fn view_card(view: &PlanView, lang: Lang, node: &NodeResult, request: &EmbedRequest) -> Html {
    let d = view.decimals();
    let mut rows = Vec::new();
    lines(&view.evaluation, node, false, &mut rows);
    let app = embed::app_url(&embed::app_base(), request.plan.as_deref());
    html! {
        <article class="embed-card" aria-labelledby="embed-title">
            <p class="kicker">
                { labels::kind_name(lang, node.kind) }{ " · " }<span class="code">{ text::shown(&node.code) }</span>
                { " · " }{ view.title() }
            </p>
            <h1 id="embed-title" data-testid="embed-title">{ text::shown(&node.name) }</h1>
            <p class="embed-score" aria-live="polite">
                <span class="visually-hidden">{ t(lang, Msg::Score) }{ ": " }</span>
                <strong class="big" data-testid="embed-score">{ labels::score(lang, node.score, d) }</strong>{ " " }
                { light(lang, node.verdict, true) }
            </p>
            <p class="explain small">{ node.explanation.render(lang) }</p>
            if !rows.is_empty() {
                <div class="table-scroll">
                <table class="data embed-items">
                    <caption class="visually-hidden">{ text::shown(&node.name) }</caption>
                    <thead><tr>
                        <th scope="col">{ t(lang, Msg::Name) }</th>
                        <th scope="col">{ t(lang, Msg::Weight) }</th>
                        <th scope="col">{ t(lang, Msg::Score) }</th>
                        <th scope="col">{ t(lang, Msg::Verdict) }</th>
                    </tr></thead>
                    <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr class={r.nested.then_some("nested")}>
                            <th scope="row"><span class="code">{ r.code.to_string() }</span>{ " " }<span class="name">{ r.name.to_string() }</span></th>
                            <td class="num">{ labels::weight(lang, r.weight) }</td>
                            <td class="num">{ labels::score(lang, r.score, d) }</td>
                            <td>{ light(lang, r.verdict, true) }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
            }
            <p class="embed-foot small">
                { thresholds(view, lang) }{ " · " }
                <a href={app} target="_blank" rel="noopener" data-testid="embed-open">
                    { t(lang, Msg::EmbedOpenApp) }<span class="visually-hidden">{ " " }{ t(lang, Msg::EmbedNewTab) }</span>
                </a>
            </p>
        </article>
    }
}

fn thresholds(view: &PlanView, lang: Lang) -> String {
    let policy = &view.plan.policy;
    format!(
        "{}: {} {}, {} {}",
        t(lang, Msg::Thresholds),
        t(lang, Msg::Critical),
        format::percent_in(lang, policy.critical, 0),
        t(lang, Msg::Tolerance),
        format::percent_in(lang, policy.tolerance, 0)
    )
}

/// The view is not in this plan: say which, and list the ids that would work.
fn not_found(view: &PlanView, lang: Lang, id: &str) -> Html {
    let ids: Vec<&str> = view
        .evaluation
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Ente | NodeKind::Area | NodeKind::Cruscotto | NodeKind::Unit))
        .map(|n| &*n.id)
        .take(40)
        .collect();
    html! {
        <div class="report refused" role="alert" data-testid="embed-error">
            <p>{ t(lang, Msg::EmbedNotFound) }{ " " }<code>{ id.to_string() }</code>{ " (" }{ view.title() }{ ")" }</p>
            <p class="small">{ t(lang, Msg::EmbedAvailable) }{ " " }<code>{ ids.join(", ") }</code></p>
        </div>
    }
}

/// The plan could not be fetched or is invalid: where, and what was expected.
fn failure(lang: Lang, report: &Report) -> Html {
    let title = if report.failure.is_some() { t(lang, Msg::LoadFailed) } else { t(lang, Msg::PlanErrors) };
    html! {
        <div class="report refused" role="alert" data-testid="embed-error">
            <p><strong>{ title }{ ": " }</strong><code>{ report.name.clone() }</code></p>
            if let Some(message) = &report.failure { <p>{ message.clone() }</p> }
            if !report.diagnostics.is_empty() {
                <ol class="diagnostics">
                { for report.diagnostics.iter().take(20).map(|d| html! {
                    <li><code class="path">{ if d.path.is_empty() { t(lang, Msg::Document).to_string() } else { d.path.clone() } }</code>{ " " }{ d.message(lang) }</li>
                }) }
                </ol>
            }
        </div>
    }
}
