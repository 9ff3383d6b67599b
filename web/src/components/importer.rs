//! "Importa tabella": paste a table or choose or drop a CSV, TSV or XLSX file, see how the
//! core read every column and row, fix the column mapping, and open the result as a plan
//! or download it as a plan file.
//!
//! What the user types stays in the textarea, and in localStorage, until they clear it:
//! an import that fails, a plan that does not validate or a reload loses nothing. The
//! import runs on every change (debounced), so a mapping or a format choice shows its
//! effect in the preview at once. Opening goes through the same action as opening a file,
//! so a plan with errors shows the validation report and the current plan stays.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use semaforo_core::import::Field;
use semaforo_core::{Lang, Severity};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::file_drop::{use_file_drop, FileDrop};

use crate::components::importer_preview::ImporterPreview;
use crate::i18n::{t, Msg};
use crate::import_view::{self, format_value, parse_format, Choices, Preview, Source, TEXT_KEY};

#[derive(Properties, PartialEq)]
pub struct ImporterProps {
    pub lang: Lang,
    /// A plan's name and JSON text, to open as if it were a file.
    pub onopen: Callback<(AttrValue, Rc<str>)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Idle,
    /// Waiting for the import module.
    Busy,
    Ready(Rc<Preview>),
    Failed(AttrValue),
}

/// How long the import waits after the last keystroke before reading the table again.
const DEBOUNCE_MS: u32 = 250;

#[function_component]
pub fn Importer(props: &ImporterProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let text = use_state(|| AttrValue::from(LocalStorage::get::<String>(TEXT_KEY).unwrap_or_default()));
    let source = use_state(|| Source::Pasted);
    let choices = use_state(Choices::default);
    let outcome = use_state(|| Outcome::Idle);
    // The latest run: an XLSX answer that arrives after a newer change is dropped.
    let run = use_mut_ref(|| 0u32);
    // What each column's heading was recognised as, for the mapping's "automatic" choice.
    let recognised = use_mut_ref(HashMap::<usize, Option<Field>>::new);

    {
        let outcome = outcome.clone();
        let run = run.clone();
        use_effect_with(((*text).clone(), (*source).clone(), (*choices).clone(), *open), move |(text, source, choices, open)| {
            *run.borrow_mut() += 1;
            let id = *run.borrow();
            let mut timeout = None;
            let empty = matches!(source, Source::Pasted) && text.trim().is_empty();
            if *open && empty {
                outcome.set(Outcome::Idle);
            } else if *open {
                let (text, source, options) = (text.clone(), source.clone(), choices.options());
                timeout = Some(Timeout::new(DEBOUNCE_MS, move || {
                    let xlsx = source.is_xlsx();
                    let bytes: Rc<Vec<u8>> = match &source {
                        Source::Pasted => Rc::new(text.as_bytes().to_vec()),
                        Source::File { bytes, .. } => bytes.clone(),
                    };
                    // Keep the previous preview on screen while the module answers.
                    if !matches!(*outcome, Outcome::Ready(_)) {
                        outcome.set(Outcome::Busy);
                    }
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = import_view::import(&bytes, &options, xlsx).await;
                        if *run.borrow() == id {
                            outcome.set(match result {
                                Ok(preview) => Outcome::Ready(Rc::new(preview)),
                                Err(message) => Outcome::Failed(message.into()),
                            });
                        }
                    });
                }));
            }
            move || drop(timeout)
        });
    }
    if let Outcome::Ready(preview) = &*outcome {
        let mut recognised = recognised.borrow_mut();
        for c in preview.report.columns.iter().filter(|c| !c.mapped) {
            recognised.insert(c.index, c.field);
        }
    }

    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let oninput = {
        let text = text.clone();
        let source = source.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
            let value = area.value();
            // Kept at every keystroke: a reload or a failed import must not lose it. A
            // table too big for the browser's storage still works, it is just not kept.
            let _ = LocalStorage::set(TEXT_KEY, &value);
            text.set(value.into());
            source.set(Source::Pasted);
        })
    };
    let onclear = {
        let text = text.clone();
        let source = source.clone();
        Callback::from(move |_: MouseEvent| {
            LocalStorage::delete(TEXT_KEY);
            text.set(AttrValue::default());
            source.set(Source::Pasted);
        })
    };
    let use_pasted = {
        let source = source.clone();
        Callback::from(move |_: MouseEvent| source.set(Source::Pasted))
    };
    let onfile = {
        let source = source.clone();
        let outcome = outcome.clone();
        Callback::from(move |file: web_sys::File| {
            let file = gloo::file::File::from(file);
            let name: Rc<str> = file.name().into();
            let source = source.clone();
            let outcome = outcome.clone();
            outcome.set(Outcome::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => source.set(Source::File { name, bytes: Rc::new(bytes) }),
                    Err(e) => outcome.set(Outcome::Failed(format!("{name}: {e}").into())),
                }
            });
        })
    };
    let FileDrop { over, onchange: onchange_file, ondragover, ondragleave, ondrop } = use_file_drop(onfile.clone());
    let onformat = {
        let choices = choices.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
            let mut next = (*choices).clone();
            next.format = parse_format(&select.value());
            choices.set(next);
        })
    };
    let onente = {
        let choices = choices.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let mut next = (*choices).clone();
            next.ente_name = input.value();
            choices.set(next);
        })
    };
    let onyear = {
        let choices = choices.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let mut next = (*choices).clone();
            next.year = input.value();
            choices.set(next);
        })
    };
    let onmap = {
        let choices = choices.clone();
        Callback::from(move |(column, field): (usize, Option<Field>)| {
            let mut next = (*choices).clone();
            next.map(column, field);
            choices.set(next);
        })
    };
    let onresetmap = {
        let choices = choices.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*choices).clone();
            next.mapping.clear();
            choices.set(next);
        })
    };

    let source_name = source.name(t(lang, Msg::ImportPastedName));
    let onopen_plan = {
        let onopen = props.onopen.clone();
        let open = open.clone();
        let outcome = outcome.clone();
        let name = source_name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Outcome::Ready(preview) = &*outcome {
                if let Some(json) = &preview.plan_json {
                    onopen.emit((name.clone().into(), json.clone()));
                    open.set(false);
                    if let Some(main) = gloo::utils::document().get_element_by_id("main") {
                        main.scroll_into_view();
                    }
                }
            }
        })
    };
    let ondownload = {
        let outcome = outcome.clone();
        let name = source_name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Outcome::Ready(preview) = &*outcome {
                if let Some(json) = &preview.plan_json {
                    import_view::download(&import_view::plan_file_name(&name), json);
                }
            }
        })
    };

    let toggle = html! {
        <button type="button" class="btn btn-outline importer-toggle" aria-expanded={open.to_string()} aria-controls="import-panel"
            onclick={ontoggle} data-testid="import-toggle">
            { t(lang, if *open { Msg::ImportClose } else { Msg::ImportTable }) }
        </button>
    };
    if !*open {
        return toggle;
    }

    let preview = match &*outcome {
        Outcome::Ready(p) => Some(p.clone()),
        _ => None,
    };
    let status = match &*outcome {
        Outcome::Idle => html! { <p class="hint">{ t(lang, Msg::ImportEmpty) }</p> },
        Outcome::Busy => html! {
            <div class="loading"><progress aria-label={t(lang, Msg::Loading)}></progress><span>{ t(lang, Msg::ImportBusy) }</span></div>
        },
        Outcome::Failed(message) => html! {
            <p class="import-failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, Msg::ImportFailed) }{ ": " }{ message.clone() }</p>
        },
        Outcome::Ready(p) => {
            let format = p.report.format.map(|f| format_label(lang, Some(f))).unwrap_or("?");
            html! {
                <p class="import-summary" data-testid="import-summary">
                    <strong>{ p.indicators() }</strong>{ " " }{ t(lang, Msg::ImportIndicators) }{ " · " }
                    <strong>{ p.errors() }</strong>{ " " }{ t(lang, Msg::ImportErrorRows) }{ " · " }
                    { t(lang, Msg::ImportFormat) }{ ": " }{ format }
                </p>
            }
        }
    };
    let file_note = match &*source {
        Source::File { name, .. } => html! {
            <p class="import-source" data-testid="import-source">
                { t(lang, Msg::ImportShowingFile) }{ " " }<span class="filename">{ name.to_string() }</span>{ " " }
                <button type="button" class="link" onclick={use_pasted}>{ t(lang, Msg::ImportUsePasted) }</button>
            </p>
        },
        Source::Pasted => html! {},
    };
    let columns = preview.as_ref().filter(|p| !p.report.columns.is_empty()).map(|p| {
        let recognised = recognised.borrow();
        html! {
            <fieldset class="import-columns" data-testid="import-columns">
                <legend>{ t(lang, Msg::ImportColumns) }</legend>
                <p class="small">{ t(lang, Msg::ImportColumnsHelp) }</p>
                <ol>
                { for p.report.columns.iter().map(|c| {
                    let column = c.index;
                    let id = format!("import-col-{column}");
                    let auto = recognised.get(&column).copied().flatten();
                    let selected = if c.mapped { c.field.map(Field::name) } else { None };
                    let onchange = onmap.reform(move |e: Event| {
                        let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
                        (column, Field::ALL.iter().copied().find(|f| f.name() == value))
                    });
                    let heading = if c.header.trim().is_empty() { format!("{} {}", t(lang, Msg::ImportColumn), column + 1) } else { c.header.clone() };
                    html! {
                        <li class={classes!(c.field.is_none().then_some("unread"))}>
                            <label for={id.clone()}><span class="col-no">{ column + 1 }</span>{ " " }{ heading }</label>
                            <select id={id} {onchange} data-testid={format!("import-map-{column}")}>
                                <option value="" selected={selected.is_none()}>
                                    { format!("{}: {}", t(lang, Msg::ImportAuto), auto.map_or(t(lang, Msg::ImportUnread), |f| field_label(lang, f))) }
                                </option>
                                { for Field::ALL.iter().map(|f| html! {
                                    <option value={Field::name(*f)} selected={selected == Some(Field::name(*f))}>{ field_label(lang, *f) }</option>
                                }) }
                            </select>
                        </li>
                    }
                }) }
                </ol>
                if !choices.mapping.is_empty() {
                    <button type="button" class="btn btn-outline btn-small" onclick={onresetmap}>{ t(lang, Msg::ImportResetMapping) }</button>
                }
            </fieldset>
        }
    });
    let diagnostics = preview.as_ref().filter(|p| !p.diagnostics().is_empty()).map(|p| html! {
        <div class="import-diagnostics" data-testid="import-diagnostics">
            <h3>{ t(lang, Msg::ImportNotes) }</h3>
            <ul class="diagnostics">
            { for p.diagnostics().iter().map(|d| {
                let (class, word, icon) = match d.severity {
                    Severity::Error => ("sev-error", t(lang, Msg::Error), "⚠"),
                    Severity::Warning => ("sev-warning", t(lang, Msg::Warning), "!"),
                };
                html! {
                    <li class={class}>
                        <span class="sev"><span aria-hidden="true">{ icon }{ " " }</span>{ word }</span>{ " " }
                        if !d.path.is_empty() { <code class="path">{ d.path.clone() }</code>{ " " } }
                        <span class="diag-code">{ format!("[{}]", d.code) }</span>{ " " }
                        <span class="message">{ d.message.clone() }</span>
                    </li>
                }
            }) }
            </ul>
        </div>
    });
    let has_plan = preview.as_ref().is_some_and(|p| p.plan_json.is_some());

    html! {
        <>
            { toggle }
            <section id="import-panel" class="importer card" aria-labelledby="h-import" data-testid="importer">
                <h2 id="h-import">{ t(lang, Msg::ImportTitle) }</h2>
                <p class="small">{ t(lang, Msg::ImportIntro) }</p>
                <div class="import-inputs">
                    <div class="import-paste">
                        <label for="import-text">{ t(lang, Msg::ImportPaste) }</label>
                        <textarea id="import-text" rows="8" spellcheck="false" value={(*text).clone()} {oninput}
                            aria-describedby="import-kept" data-testid="import-text" />
                        <p id="import-kept" class="small">{ t(lang, Msg::ImportKept) }{ " " }
                            <button type="button" class="link" onclick={onclear} data-testid="import-clear">{ t(lang, Msg::ImportClear) }</button>
                        </p>
                    </div>
                    <div class={classes!("import-drop", over.then_some("over"))} {ondragover} {ondragleave} {ondrop} data-testid="import-dropzone">
                        <label class="btn btn-primary file-label">
                            <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                class="file-input" onchange={onchange_file} data-testid="import-file" />
                            <span>{ t(lang, Msg::ImportFile) }</span>
                        </label>
                        <span class="drop-hint">{ t(lang, if over { Msg::DropHere } else { Msg::ImportDropHint }) }</span>
                        <div class="import-options">
                            <label for="import-format">{ t(lang, Msg::ImportFormat) }</label>
                            <select id="import-format" onchange={onformat} data-testid="import-format">
                                { for [None, Some(semaforo_core::import::TableFormat::Tsv), Some(semaforo_core::import::TableFormat::Csv), Some(semaforo_core::import::TableFormat::CsvSemicolon)].into_iter().map(|f| html! {
                                    <option value={format_value(f)} selected={choices.format == f}>{ format_label(lang, f) }</option>
                                }) }
                            </select>
                            <label for="import-ente">{ t(lang, Msg::ImportEnte) }</label>
                            <input id="import-ente" type="text" value={choices.ente_name.clone()} oninput={onente} />
                            <label for="import-year">{ t(lang, Msg::ImportYear) }</label>
                            <input id="import-year" type="text" inputmode="numeric" size="6" value={choices.year.clone()} oninput={onyear} />
                        </div>
                    </div>
                </div>
                { file_note }
                <div aria-live="polite" class="import-status">{ status }</div>
                <div class="import-actions">
                    <button type="button" class="btn btn-primary" disabled={!has_plan} onclick={onopen_plan} data-testid="import-open">{ t(lang, Msg::ImportOpen) }</button>
                    <button type="button" class="btn btn-outline" disabled={!has_plan} onclick={ondownload} data-testid="import-download">{ t(lang, Msg::ImportDownload) }</button>
                    if preview.is_some() && !has_plan { <span class="hint">{ t(lang, Msg::ImportNoPlan) }</span> }
                </div>
                { for diagnostics }
                { for columns }
                if let Some(preview) = preview { <ImporterPreview {lang} {preview} /> }
            </section>
        </>
    }
}


/// The heading a table writes for the field (the tables are Italian in either language).
fn field_label(lang: Lang, field: Field) -> &'static str {
    match field {
        Field::Ignore => t(lang, Msg::ImportIgnore),
        f => f.heading(),
    }
}

fn format_label(lang: Lang, format: Option<semaforo_core::import::TableFormat>) -> &'static str {
    use semaforo_core::import::TableFormat;
    match format {
        None => t(lang, Msg::ImportFormatAuto),
        Some(TableFormat::Tsv) => "TSV",
        Some(TableFormat::Csv) => "CSV ,",
        Some(TableFormat::CsvSemicolon) => "CSV ;",
        Some(TableFormat::Xlsx) => "XLSX",
    }
}
