//! The page: header with language switch, the plan opener, the validation report, and the
//! sections (summary, finder, tree and detail, charts, units, cruscotti).
//!
//! State lives in one reducer (`state.rs`); this component wires events to actions and
//! passes each section what it reads. Its callbacks are made once (`Handlers`), and
//! the charts' figures once per view (`Figures`), so that a section whose values did not
//! change compares equal and is not drawn again when the page is.

use std::rc::Rc;

use semaforo_core::Lang;
use yew::prelude::*;

use crate::charts::gauge::Gauge;
use crate::charts::resources::Resources;
use crate::charts::score_bars::ScoreBars;
use crate::charts::verdict_chart::VerdictChart;
use crate::charts::Figures;
use crate::embed::copy_snippet::CopySnippet;
use crate::explore::cruscotti::Cruscotti;
use crate::explore::detail::Detail;
use crate::explore::finder::Finder;
use crate::explore::tree::Tree;
use crate::explore::units;
use crate::i18n::{t, Msg, Page};
use crate::import::launcher::ImportLauncher;
use crate::io;
use crate::open::diagnostics::Diagnostics;
use crate::open::file_drop::dropped_file;
use crate::open::opener::Opener;
use crate::state::{Action, Filters, Selection, State};
use crate::text;
use crate::verify::launcher::Verifica;
use crate::whatif::edit_form::EditForm;
use crate::whatif::edits_panel::EditsPanel;
use crate::whatif::state::use_whatif;

/// The callbacks the page gives its sections. Each dispatches an action, so none depends
/// on anything that changes: they are made once for the life of the page, and a section
/// that receives them compares equal when its values do. (One `use_memo` for all of them:
/// a `use_callback` each would cost the download about 130 bytes gzipped apiece.)
#[derive(Clone)]
struct Handlers {
    onfile: Callback<web_sys::File>,
    ondismiss: Callback<()>,
    ontoggle: Callback<(String, Option<bool>)>,
    onselect: Callback<Selection>,
    /// Select, open the tree down to it, and bring the detail into view.
    onreveal: Callback<Selection>,
    onfilters: Callback<Filters>,
    /// Table import (issue 6): opens its plan as if it were a file.
    onopen: Callback<(AttrValue, Rc<String>)>,
}

impl Handlers {
    fn new(dispatch: UseReducerDispatcher<State>) -> Handlers {
        fn on<T: 'static>(dispatch: &UseReducerDispatcher<State>, f: fn(&UseReducerDispatcher<State>, T)) -> Callback<T> {
            let dispatch = dispatch.clone();
            Callback::from(move |value| f(&dispatch, value))
        }
        Handlers {
            onfile: on(&dispatch, |dispatch, file| io::open_file(file, dispatch.clone())),
            ondismiss: on(&dispatch, |dispatch, ()| dispatch.dispatch(Action::DismissReport)),
            ontoggle: on(&dispatch, |dispatch, (id, open): (String, Option<bool>)| {
                dispatch.dispatch(match open {
                    None => Action::Toggle(id),
                    Some(true) => Action::Expand(id),
                    Some(false) => Action::Collapse(id),
                })
            }),
            onselect: on(&dispatch, |dispatch, s| dispatch.dispatch(Action::Select(s))),
            onreveal: on(&dispatch, |dispatch, s| {
                dispatch.dispatch(Action::Reveal(s));
                // Bring the detail into view: on a phone it is below the tree.
                if let Some(el) = gloo::utils::document().get_element_by_id("dettaglio") {
                    el.scroll_into_view();
                }
            }),
            onfilters: on(&dispatch, |dispatch, f| dispatch.dispatch(Action::SetFilters(f))),
            onopen: on(&dispatch, |dispatch, (name, text)| dispatch.dispatch(Action::Open { name, text })),
        }
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| State::initial(io::stored_lang()));
    let lang = state.lang;

    // Once: a plan named in the address replaces the built-in one.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| io::fetch_initial_plans(io::plan_param(), dispatch));
    }
    use_effect_with(lang, |lang| io::apply_lang(*lang));

    let dispatch = state.dispatcher();
    let set_lang = |l: Lang| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetLang(l)))
    };
    let Handlers { onfile, ondismiss, ontoggle, onselect, onreveal, onfilters, onopen } = (*use_memo((), {
        let dispatch = dispatch.clone();
        move |_| Handlers::new(dispatch)
    }))
    .clone();
    // Dropping anywhere on the page opens the file, instead of the browser navigating to it.
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let onfile = onfile.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = dropped_file(&e) {
                onfile.emit(file);
            }
        })
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });

    let report = state.report.clone().map(|report| html! { <Diagnostics {report} {ondismiss} /> });

    // What-if (issue 4): the page shows the active scenario's results; the plan as
    // opened stays in the reducer as the baseline. A plan is shown once its scenarios are
    // open (an effect opens them, one render later): never its own figures for a moment
    // before the scenario's.
    let whatif = use_whatif(state.view.clone(), state.source.clone());
    let shown = whatif.view();
    let figures = use_memo((shown.clone(), lang), |(view, lang)| view.as_ref().map(|v| Figures::new(v, *lang)));

    let content = match (&shown, &*figures) {
        (None, _) if state.view.is_some() || !matches!(state.status, crate::state::Status::Idle) => {
            html! { <p class="hint" role="status">{ t(lang, Msg::Loading) }</p> }
        }
        (None, _) | (_, None) => html! { <p class="hint">{ t(lang, Msg::LoadFailed) }</p> },
        (Some(view), Some(figures)) => {
            let ente = view.evaluation.node(&view.plan.ente.code);
            let scale = figures.scale;
            html! {
                <>
                    <h1 class="plan-title"><span data-testid="plan-title">{ view.plan.ente.name.clone() }</span>{ " " }<span class="year">{ view.plan.ente.year }</span></h1>
                    <nav class="sections no-print" aria-label={t(lang, Msg::Nav)}>
                        <ul>
                            <li><a href="#sintesi">{ t(lang, Msg::Summary) }</a></li>
                            <li><a href="#albero">{ t(lang, Msg::Tree) }</a></li>
                            <li><a href="#verifica">{ t(lang, Msg::Verifica) }</a></li>
                            <li><a href="#simulazione">{ t(lang, Msg::WhatIf) }</a></li>
                            <li><a href="#grafici">{ t(lang, Msg::Charts) }</a></li>
                            <li><a href="#unita">{ t(lang, Msg::Units) }</a></li>
                            <li><a href="#cruscotti">{ t(lang, Msg::Cruscotti) }</a></li>
                        </ul>
                        <button type="button" class="btn btn-outline btn-small" onclick={onprint}>{ t(lang, Msg::Print) }</button>
                    </nav>
                    <section id="sintesi" aria-labelledby="h-sintesi" class="card">
                        <h2 id="h-sintesi">{ t(lang, Msg::Summary) }</h2>
                        <div class="summary-grid">
                            <div aria-live="polite" class="ente-score">
                                <Gauge title={format!("{} – {}", t(lang, Msg::EnteScore), view.title())}
                                    score={ente.and_then(|e| e.score)} verdict={ente.and_then(|e| e.verdict)} {scale} />
                                if let Some(e) = ente { <p class="explain small">{ e.explanation.render(lang) }</p> }
                            </div>
                            <VerdictChart counts={figures.verdicts} />
                        </div>
                        // Embedded views (issue 5): the iframe snippet of the ente summary.
                        if let Some(e) = ente { <CopySnippet view={text::shown(&e.id)} title={view.title()} rows={e.items.len()} /> }
                    </section>
                    <section id="albero" aria-labelledby="h-albero" class="card">
                        <h2 id="h-albero">{ t(lang, Msg::Tree) }</h2>
                        <details class="find-panel no-print" open={state.filters.is_active()}>
                            <summary>{ t(lang, Msg::Find) }</summary>
                            <Finder options={view.finder.clone()} view={state.filters.is_active().then(|| view.clone())} filters={state.filters.clone()}
                                onchange={onfilters} onselect={onreveal.clone()} />
                        </details>
                        <div class="tree-detail">
                            <Tree view={view.clone()} expanded={state.expanded.clone()} selected={state.selected.clone()} {ontoggle} onselect={onselect.clone()} />
                            <section id="dettaglio" class="detail-pane" aria-labelledby="h-dettaglio" aria-live="polite">
                                <h2 id="h-dettaglio" class="visually-hidden">{ t(lang, Msg::Detail) }</h2>
                                <Detail view={view.clone()} selected={state.selected.clone()} onselect={onreveal.clone()} />
                                // What-if (issue 4): the selected item's editable values.
                                if let Some(s) = &whatif.snapshot {
                                    <EditForm view={s.view.clone()} baseline={s.baseline.clone()} selected={state.selected.clone()} oncommand={whatif.oncommand.clone()} />
                                }
                            </section>
                        </div>
                    </section>
                    // The audit (issue 11): of the plan as opened, never of a scenario.
                    if let Some(baseline) = &state.view {
                        <section id="verifica" aria-labelledby="h-verifica" class="card">
                            <h2 id="h-verifica">{ t(lang, Msg::Verifica) }</h2>
                            <Verifica view={baseline.clone()} onselect={onreveal.clone()} />
                        </section>
                    }
                    // What-if (issue 4): scenarios, edits, exports, comparison, goal seek, sensitivity.
                    if let Some(s) = &whatif.snapshot {
                        <section id="simulazione" aria-labelledby="h-simulazione" class="card no-print">
                            <h2 id="h-simulazione">{ t(lang, Msg::WhatIf) }</h2>
                            <EditsPanel snapshot={s.clone()} selected={state.selected.clone()} oncommand={whatif.oncommand.clone()} />
                        </section>
                    }
                    <section id="grafici" aria-labelledby="h-grafici" class="card">
                        <h2 id="h-grafici">{ t(lang, Msg::Charts) }</h2>
                        <div class="charts">
                            <ScoreBars id="areas" title={t(lang, Msg::ScoresByArea)} rows={figures.areas.clone()} {scale} />
                            <ScoreBars id="strategic" title={t(lang, Msg::ScoresByStrategic)} rows={figures.strategic.clone()} {scale} />
                            <Resources rows={figures.resources.clone()} decimals={scale.decimals} />
                        </div>
                    </section>
                    <section id="unita" aria-labelledby="h-unita" class="card">
                        <h2 id="h-unita">{ t(lang, Msg::Units) }</h2>
                        { units::section(lang, &figures.units, scale) }
                    </section>
                    <section id="cruscotti" aria-labelledby="h-cruscotti" class="card">
                        <h2 id="h-cruscotti">{ t(lang, Msg::Cruscotti) }</h2>
                        <Cruscotti view={view.clone()} rows={figures.cruscotti.clone()} {scale} onselect={onreveal} />
                    </section>
                </>
            }
        }
    };

    html! {
        // The language (and the plan's name, for the embed snippets) reaches every
        // component by context, not through their props.
        <ContextProvider<Page> context={Page { lang, source: state.source.clone() }}>
        <div class="app" {ondragover} {ondrop}>
            <a class="skip-link" href="#main">{ t(lang, Msg::SkipToContent) }</a>
            <header class="site-header">
                <div class="container header-row">
                    <div class="brand">
                        <svg class="brand-mark" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                            <rect x="6" y="1" width="12" height="22" rx="4" />
                            <circle cx="12" cy="6" r="2.6" class="l1" /><circle cx="12" cy="12" r="2.6" class="l2" /><circle cx="12" cy="18" r="2.6" class="l3" />
                        </svg>
                        <div>
                            <p class="brand-name">{ t(lang, Msg::AppTitle) }</p>
                            <p class="brand-sub">{ t(lang, Msg::AppSubtitle) }</p>
                        </div>
                    </div>
                    <div class="lang-switch" role="group" aria-label={t(lang, Msg::Language)}>
                        <button type="button" lang="it" aria-pressed={(lang == Lang::It).to_string()} onclick={set_lang(Lang::It)} data-testid="lang-it">{ "IT" }<span class="visually-hidden">{ " Italiano" }</span></button>
                        <button type="button" lang="en" aria-pressed={(lang == Lang::En).to_string()} onclick={set_lang(Lang::En)} data-testid="lang-en">{ "EN" }<span class="visually-hidden">{ " English" }</span></button>
                    </div>
                </div>
            </header>
            <div class="toolbar no-print">
                <div class="container">
                    <Opener status={state.status.clone()} source={state.source.clone()} {onfile} />
                    <ImportLauncher {onopen} />
                </div>
            </div>
            <main id="main" class="container" tabindex="-1">
                { for report }
                { content }
            </main>
            <footer class="site-footer"><div class="container"><p>{ t(lang, Msg::Footer) }</p></div></footer>
        </div>
        </ContextProvider<Page>>
    }
}
