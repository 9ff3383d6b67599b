//! The validation report of a plan that could not be opened (or opened with warnings):
//! one line per problem with its JSON path, as `semaforo_core::check_plan` found them.

use semaforo_core::Severity;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::state::Report;

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub report: Report,
    pub ondismiss: Callback<()>,
}

#[function_component]
pub fn Diagnostics(props: &DiagnosticsProps) -> Html {
    crate::rendered!("Diagnostics");
    let lang = use_lang();
    let report = &props.report;
    let title = if report.failure.is_some() {
        t(lang, Msg::LoadFailed)
    } else if report.refused {
        t(lang, Msg::PlanErrors)
    } else {
        t(lang, Msg::Warnings)
    };
    let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <section class={if report.refused { "report refused" } else { "report" }} role={if report.refused { "alert" } else { "status" }} aria-labelledby="report-title" data-testid="report">
            <div class="report-head">
                <h2 id="report-title">{ title }{ ": " }<span class="filename">{ report.name.clone() }</span></h2>
                <button type="button" class="btn btn-outline" onclick={ondismiss}>{ t(lang, Msg::Dismiss) }</button>
            </div>
            if let Some(message) = &report.failure {
                <p>{ message.clone() }</p>
            }
            if report.refused && report.failure.is_none() {
                <p>{ t(lang, Msg::PlanErrorsKept) }</p>
            }
            if !report.diagnostics.is_empty() {
                <ol class="diagnostics">
                { for report.diagnostics.iter().map(|d| {
                    let (class, word) = match d.severity {
                        Severity::Error => ("sev-error", t(lang, Msg::Error)),
                        Severity::Warning => ("sev-warning", t(lang, Msg::Warning)),
                    };
                    let path = if d.path.is_empty() { t(lang, Msg::Document).to_string() } else { d.path.clone() };
                    html! {
                        <li class={class}>
                            <span class="sev">{ word }</span>{ " " }
                            <code class="path" data-testid="diagnostic-path">{ path }</code>{ " " }
                            <span class="diag-code">{ format!("[{}]", d.code) }</span>{ " " }
                            <span class="message">{ d.message(lang) }</span>
                        </li>
                    }
                }) }
                </ol>
            }
        </section>
    }
}
