//! The "Verifica" panel, in the on-demand module `dist/audit/`: the findings of
//! `semaforo_core::audit` on the plan the main app gives (the plan as opened), sorted by
//! severity as the core returns them. Each finding names its result; pressing the code
//! asks the main app to open the tree down to it. "Stampa la verifica" prints this
//! section alone (the OIV attaches it to its validation), "Scarica CSV" downloads the
//! core's CSV of the same findings in the interface language.

use semaforo_core::audit::{self, Finding, Severity};
use semaforo_core::{Evaluation, Lang};
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};

#[derive(Properties, PartialEq, Clone)]
pub struct FindingsProps {
    /// The plan's JSON text.
    pub plan: AttrValue,
    /// A result to show: its id and the node it is under (`""` for a node).
    pub onselect: Callback<(String, String)>,
}

/// The class `body` takes while only this section is printed (main.css).
const PRINTING: &str = "print-verifica";

/// The plan's findings, its evaluation (where each result stands) and the file name of
/// its CSV; or why the plan could not be read.
struct Audited {
    findings: Vec<Finding>,
    evaluation: Evaluation,
    csv_name: String,
}

fn audited(plan: &str) -> Result<Audited, String> {
    let plan = semaforo_core::load_plan(plan).map_err(|problems| problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))?;
    let evaluation = semaforo_core::evaluate(&plan);
    let csv_name = format!("{}.verifica.csv", crate::io::file_stem(&format!("{} {}", plan.ente.name, plan.ente.year), "piano"));
    Ok(Audited { findings: audit::audit(&plan, &evaluation), evaluation, csv_name })
}

#[function_component]
pub fn Findings(props: &FindingsProps) -> Html {
    crate::rendered!("Findings");
    let lang = use_lang();
    let result = use_memo(props.plan.clone(), |plan| audited(plan));
    let a = match &*result {
        Ok(a) => a,
        Err(why) => {
            return html! { <p class="import-failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, Msg::VerificaFailed) }{ ": " }{ why.clone() }</p> };
        }
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let body = gloo::utils::body();
        let _ = body.class_list().add_1(PRINTING);
        let _ = gloo::utils::window().print();
        // print() returns when the dialog closes (or, headless, when the page is printed).
        let _ = body.class_list().remove_1(PRINTING);
    });
    let oncsv = {
        let result = result.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(a) = &*result {
                let _ = crate::io::download(&a.csv_name, "text/csv;charset=utf-8", &audit::csv(&a.findings, lang));
            }
        })
    };
    let (errors, warnings, notices) = audit::counts(&a.findings);
    let rows = a.findings.iter().enumerate().map(|(i, f)| finding_row(i, f, &a.evaluation, lang, &props.onselect));
    html! {
        <>
            <p data-testid="verifica-summary" role="status"><strong>{ audit::summary(lang, &a.findings) }</strong></p>
            <div class="verifica-actions no-print">
                <button type="button" class="btn btn-outline btn-small" onclick={onprint} data-testid="verifica-print">{ t(lang, Msg::VerificaPrint) }</button>
                <button type="button" class="btn btn-outline btn-small" onclick={oncsv} disabled={a.findings.is_empty()} data-testid="verifica-csv">{ t(lang, Msg::VerificaCsv) }</button>
            </div>
            if a.findings.is_empty() {
                <p class="hint" data-testid="verifica-none">{ t(lang, Msg::VerificaNone) }</p>
            } else {
                <div class="table-scroll" role="region" aria-labelledby="h-verifica" tabindex="0">
                    <table class="verifica" data-testid="verifica-findings">
                        <caption class="visually-hidden">
                            { format!("{} ({} {}, {} {}, {} {})", t(lang, Msg::Verifica),
                                errors, Severity::Error.label(lang), warnings, Severity::Warning.label(lang), notices, Severity::Notice.label(lang)) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, Msg::VerificaSeverity) }</th>
                                <th scope="col">{ t(lang, Msg::VerificaWhere) }</th>
                                <th scope="col">{ t(lang, Msg::VerificaProblem) }</th>
                                <th scope="col">{ t(lang, Msg::VerificaWhy) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </>
    }
}

fn finding_row(index: usize, f: &Finding, evaluation: &Evaluation, lang: Lang, onselect: &Callback<(String, String)>) -> Html {
    let severity = f.severity.as_str();
    // The result it is about, as the tree selects it (an indicator under its node); a
    // finding about the whole plan (its policy, the ente's budget) has none.
    let target = f.location.id.as_deref().and_then(|id| match evaluation.node(id) {
        Some(_) => Some((id.to_string(), String::new())),
        None => Some((id.to_string(), evaluation.indicator(id)?.parent.as_deref()?.to_string())),
    });
    let code = f.location.code.clone().or_else(|| f.location.id.clone()).unwrap_or_default();
    let place = match target {
        Some(target) => {
            let onselect = onselect.clone();
            let onclick = Callback::from(move |_: MouseEvent| onselect.emit(target.clone()));
            html! {
                <button type="button" class="link code" {onclick} title={t(lang, Msg::VerificaGoTo)} data-testid={format!("verifica-go-{index}")}>
                    { code }
                </button>
            }
        }
        None => html! { <span class="code">{ code }</span> },
    };
    let document = f.location.in_document(lang);
    html! {
        <tr class={format!("finding {severity}")} data-code={f.code.to_string()}>
            <td><span class={format!("severity {severity}")}>{ f.severity.label(lang) }</span><br /><code class="small">{ f.code.to_string() }</code></td>
            <td>
                { place }
                if !document.is_empty() { <br /><span class="small">{ document }</span> }
                <br /><code class="small path">{ f.location.path.clone() }</code>
            </td>
            <td>{ f.message(lang) }</td>
            <td class="small">{ f.why(lang) }</td>
        </tr>
    }
}
