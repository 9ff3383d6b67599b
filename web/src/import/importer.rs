//! "Importa tabella": paste a table or choose or drop a CSV, TSV, XLSX or PDF file, see
//! how the core read every column and row, correct the reading (a column's field, a row's
//! role), and open the result as a plan or download it as a plan file. A PDF (issue 14:
//! "Apri il PDF della relazione" mounts the panel ready for one and opens the file
//! chooser) is read by the module `dist/pdf/`: the panel lists the tables it found, each
//! with its pages, size, heading and first rows, and the user ticks which to import and
//! may narrow the pages; then the same preview and corrections as for any table. The
//! corrections are the import's settings (the core's `ImportOptions` as JSON), downloaded
//! and loaded back with "Scarica impostazioni" / "Carica impostazioni", and read by
//! `semaforo import --settings` (a PDF's pages and tables are not among them: they
//! belong to one document).
//!
//! What the user types stays in the textarea, and in localStorage, until they clear it:
//! an import that fails, a plan that does not validate or a reload loses nothing; the
//! choices are kept the same way, and a settings file that cannot be read changes none
//! of them. The import runs on every change (debounced), so a mapping, a row's role or a
//! format choice shows its effect in the preview at once. Opening goes through the same
//! action as opening a file, so a plan with errors shows the validation report and the
//! current plan stays.
//!
//! All state is one [`Reducible`] value changed by actions (issue 13): nothing is
//! changed while rendering.

use std::collections::HashMap;
use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use semaforo_core::import::{Field, RowRole, TableFormat};
use semaforo_core::{Lang, Severity};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::open::file_drop::{use_file_drop, FileDrop};

use crate::i18n::{t, use_lang, Msg};
use crate::import::messages::{tr, M};
use crate::import::model::{self, format_value, parse_format, parse_settings, settings_json, Choices, PdfChoice, Preview, Source, SETTINGS_KEY, TEXT_KEY};
use crate::import::preview::ImporterPreview;
use semaforo_core::import::listing::page_list;
use semaforo_core::labels::row_role;

#[derive(Properties, PartialEq, Clone)]
pub struct ImporterProps {
    /// A plan's name and JSON text, to open as if it were a file.
    pub onopen: Callback<(AttrValue, Rc<String>)>,
    /// The panel is done with: its plan was opened.
    pub onclose: Callback<()>,
    /// Mounted by "Apri il PDF della relazione": ready for a PDF, its file chooser opened.
    #[prop_or_default]
    pub pdf: bool,
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

/// Everything the importer holds. It changes only through an [`Action`] (in `reduce`),
/// never while rendering.
#[derive(Debug, Clone, PartialEq)]
struct State {
    text: AttrValue,
    source: Source,
    choices: Choices,
    /// A PDF's pages and tables (reset by each new file).
    pdf: PdfChoice,
    outcome: Outcome,
    /// Counts the changes of what is to be imported (table, choices, panel opened): the
    /// import runs on each, and an answer for an older one (an XLSX answer that arrives
    /// after a newer change) is dropped.
    generation: u32,
    /// What each column's heading was recognised as, for the mapping's "automatic" choice.
    recognised: Rc<HashMap<usize, Option<Field>>>,
    /// The role each row was last read in from its cells, for the role's "automatic"
    /// choice: `(row, role)` in row order (a map would cost the bundle more).
    read: Rc<Vec<(usize, RowRole)>>,
    /// The last "Carica impostazioni": the file's name, or why it was refused (`true`).
    settings_note: Option<(bool, AttrValue)>,
}

enum Action {
    /// The textarea's text, typed or pasted.
    Text(AttrValue),
    Clear,
    UsePasted,
    ReadingFile,
    File(Rc<str>, Rc<Vec<u8>>),
    FileFailed(AttrValue),
    Choose(Choice),
    /// A PDF's pages to read, as typed.
    Pages(String),
    /// A PDF's table (0-based) ticked or not.
    Table(usize, bool),
    /// A settings file read: its name, and its choices or why they could not be read.
    Settings(AttrValue, Result<Choices, String>),
    /// The debounced import starts (for this generation).
    Busy(u32),
    /// The import module answered (for this generation).
    Done(u32, Result<Preview, String>),
}

/// A change of the choices.
enum Choice {
    Format(Option<TableFormat>),
    Ente(String),
    Year(String),
    Map(usize, Option<Field>),
    ResetMap,
    Role(usize, Option<RowRole>),
    ResetRoles,
}

impl State {
    fn new() -> State {
        let choices = LocalStorage::raw().get_item(SETTINGS_KEY).ok().flatten().and_then(|text| parse_settings(&text).ok());
        State {
            text: LocalStorage::get::<String>(TEXT_KEY).unwrap_or_default().into(),
            source: Source::Pasted,
            choices: choices.unwrap_or_default(),
            pdf: PdfChoice::default(),
            outcome: Outcome::Idle,
            generation: 0,
            recognised: Rc::default(),
            read: Rc::default(),
            settings_note: None,
        }
    }

    /// Nothing to import: no file and no pasted text.
    fn empty(&self) -> bool {
        matches!(self.source, Source::Pasted) && self.text.trim().is_empty()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            Action::Text(text) => {
                next.text = text;
                next.source = Source::Pasted;
                true
            }
            Action::Clear => {
                next.text = AttrValue::default();
                next.source = Source::Pasted;
                true
            }
            Action::UsePasted => {
                next.source = Source::Pasted;
                true
            }
            Action::ReadingFile => {
                next.outcome = Outcome::Busy;
                false
            }
            Action::File(name, bytes) => {
                next.source = Source::File { name, bytes };
                next.pdf = PdfChoice::default();
                true
            }
            Action::FileFailed(message) => {
                next.outcome = Outcome::Failed(message);
                false
            }
            Action::Choose(choice) => {
                let c = &mut next.choices;
                match choice {
                    Choice::Format(format) => c.format = format,
                    Choice::Ente(name) => c.ente_name = name,
                    Choice::Year(year) => c.year = year,
                    Choice::Map(column, field) => c.map(column, field),
                    Choice::ResetMap => c.mapping.clear(),
                    Choice::Role(row, role) => c.set_role(row, role),
                    Choice::ResetRoles => c.rows.clear(),
                }
                true
            }
            Action::Pages(pages) => {
                next.pdf.pages = pages;
                // Another range lists other tables: the module chooses again.
                next.pdf.tables = None;
                next.source.is_pdf()
            }
            Action::Table(index, on) => {
                let chosen = match &self.outcome {
                    Outcome::Ready(p) => p.pdf.as_ref().map(|pdf| pdf.chosen.clone()),
                    _ => None,
                };
                let mut tables = next.pdf.tables.take().or(chosen).unwrap_or_default();
                tables.retain(|i| *i != index);
                if on {
                    tables.push(index);
                    tables.sort_unstable();
                }
                next.pdf.tables = Some(tables);
                true
            }
            Action::Settings(name, Ok(choices)) => {
                next.choices = choices;
                next.settings_note = Some((false, name));
                true
            }
            // Refused: the choices and the text stay as they were.
            Action::Settings(name, Err(why)) => {
                next.settings_note = Some((true, format!("{name}: {why}").into()));
                false
            }
            Action::Busy(generation) => {
                if generation != self.generation {
                    return self;
                }
                // The previous preview stays on screen while the module answers.
                if !matches!(next.outcome, Outcome::Ready(_)) {
                    next.outcome = Outcome::Busy;
                }
                false
            }
            Action::Done(generation, result) => {
                if generation != self.generation {
                    return self;
                }
                next.outcome = match result {
                    Ok(preview) => {
                        let recognised = Rc::make_mut(&mut next.recognised);
                        for c in preview.report.columns.iter().filter(|c| !c.mapped) {
                            recognised.insert(c.index, c.field);
                        }
                        // Rows read from their cells (the answer is for these choices); a
                        // corrected row keeps what it was read as before.
                        let read = preview
                            .rows
                            .iter()
                            .filter_map(|r| match !r.corrected && self.choices.role(r.row).is_none() {
                                true => Some((r.row, r.role)),
                                false => model::read_role(&self.read, r.row).map(|role| (r.row, role)),
                            })
                            .collect();
                        next.read = Rc::new(read);
                        Outcome::Ready(Rc::new(preview))
                    }
                    Err(message) => Outcome::Failed(message.into()),
                };
                false
            }
        };
        if changed {
            next.generation = next.generation.wrapping_add(1);
            if next.empty() {
                next.outcome = Outcome::Idle;
            }
        }
        Rc::new(next)
    }
}

/// The value of the `<select>` an event came from.
fn select_value(e: &Event) -> String {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

/// The value of the `<input>` an event came from.
fn input_value(e: &InputEvent) -> Option<String> {
    e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value())
}

#[function_component]
pub fn Importer(props: &ImporterProps) -> Html {
    crate::rendered!("Importer");
    let lang = use_lang();
    let state = use_reducer(State::new);
    let dispatch = state.dispatcher();

    // The import runs after each change of what is imported, debounced.
    {
        let state = state.clone();
        use_effect_with(state.generation, move |_| {
            let mut timeout = None;
            if !state.empty() {
                let generation = state.generation;
                let dispatch = state.dispatcher();
                let (text, source, options, pdf) = (state.text.clone(), state.source.clone(), state.choices.options(), state.pdf.clone());
                timeout = Some(Timeout::new(DEBOUNCE_MS, move || {
                    let reader = source.reader();
                    let bytes: Rc<Vec<u8>> = match &source {
                        Source::Pasted => Rc::new(text.as_bytes().to_vec()),
                        Source::File { bytes, .. } => bytes.clone(),
                    };
                    dispatch.dispatch(Action::Busy(generation));
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = model::import(&bytes, &options, reader, &pdf).await;
                        dispatch.dispatch(Action::Done(generation, result));
                    });
                }));
            }
            move || drop(timeout)
        });
    }
    // The choices are kept like the text: a reload loses no mapping and no correction.
    use_effect_with(state.choices.clone(), |choices| {
        if *choices == Choices::default() {
            LocalStorage::delete(SETTINGS_KEY);
        } else {
            // Too big for the browser's storage (it is not): just not kept.
            let _ = LocalStorage::raw().set_item(SETTINGS_KEY, &settings_json(choices));
        }
    });
    // The preview's role selectors: one callback for the life of the component, so that
    // a keystroke elsewhere does not redraw the preview.
    let onrole = use_callback(dispatch.clone(), |(row, role): (usize, Option<RowRole>), dispatch| dispatch.dispatch(Action::Choose(Choice::Role(row, role))));
    let choose = |make: fn(String) -> Choice| {
        let dispatch = dispatch.clone();
        Callback::from(move |value: String| dispatch.dispatch(Action::Choose(make(value))))
    };

    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
            let value = area.value();
            // Kept at every keystroke: a reload or a failed import must not lose it. A
            // table too big for the browser's storage still works, it is just not kept.
            let _ = LocalStorage::set(TEXT_KEY, &value);
            dispatch.dispatch(Action::Text(value.into()));
        })
    };
    let onclear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            LocalStorage::delete(TEXT_KEY);
            dispatch.dispatch(Action::Clear);
        })
    };
    let use_pasted = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::UsePasted))
    };
    let onfile = {
        let dispatch = dispatch.clone();
        Callback::from(move |file: web_sys::File| {
            let file = gloo::file::File::from(file);
            let name: Rc<str> = file.name().into();
            let dispatch = dispatch.clone();
            dispatch.dispatch(Action::ReadingFile);
            wasm_bindgen_futures::spawn_local(async move {
                match gloo::file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => dispatch.dispatch(Action::File(name, Rc::new(bytes))),
                    Err(e) => dispatch.dispatch(Action::FileFailed(format!("{name}: {e}").into())),
                }
            });
        })
    };
    let FileDrop { over, onchange: onchange_file, ondragover, ondragleave, ondrop } = use_file_drop(onfile);
    // Mounted for a PDF: the file chooser opens at once (the press of "Apri il PDF della
    // relazione" lets the browser show it) and keeps the focus, for whoever closes it.
    let file_input = use_node_ref();
    {
        let file_input = file_input.clone();
        use_effect_with(props.pdf, move |pdf| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>().filter(|_| *pdf) {
                let _ = input.focus();
                input.click();
            }
        });
    }
    let onpages = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| dispatch.dispatch(Action::Pages(input_value(&e).unwrap_or_default())))
    };
    let ontable = {
        let dispatch = dispatch.clone();
        Callback::from(move |(index, on): (usize, bool)| dispatch.dispatch(Action::Table(index, on)))
    };
    let onformat = choose(|value| Choice::Format(parse_format(&value))).reform(|e: Event| select_value(&e));
    let onente = choose(Choice::Ente).reform(|e: InputEvent| input_value(&e).unwrap_or_default());
    let onyear = choose(Choice::Year).reform(|e: InputEvent| input_value(&e).unwrap_or_default());
    let onmap = {
        let dispatch = dispatch.clone();
        Callback::from(move |(column, field): (usize, Option<Field>)| dispatch.dispatch(Action::Choose(Choice::Map(column, field))))
    };
    let onresetmap = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Choose(Choice::ResetMap)))
    };
    let onresetrows = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Choose(Choice::ResetRoles)))
    };

    let source_name = state.source.name(tr(lang, M::PastedName));
    let onsettings_download = {
        let choices = state.choices.clone();
        let name = source_name.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = crate::io::download(&model::settings_file_name(&name), "application/json", &model::indented(&settings_json(&choices)));
        })
    };
    let onsettings_upload = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            // The same file may be chosen again after it was fixed on disk.
            input.set_value("");
            let file = gloo::file::File::from(file);
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match gloo::file::futures::read_as_text(&file).await {
                    Ok(text) => parse_settings(&text),
                    Err(e) => Err(e.to_string()),
                };
                dispatch.dispatch(Action::Settings(file.name().into(), result));
            });
        })
    };
    let onopen_plan = {
        let (onopen, onclose) = (props.onopen.clone(), props.onclose.clone());
        let outcome = state.outcome.clone();
        let name = source_name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Outcome::Ready(preview) = &outcome {
                if let Some(json) = &preview.plan_json {
                    onopen.emit((name.clone().into(), json.clone()));
                    onclose.emit(());
                    if let Some(main) = gloo::utils::document().get_element_by_id("main") {
                        main.scroll_into_view();
                    }
                }
            }
        })
    };
    let ondownload = {
        let outcome = state.outcome.clone();
        let name = source_name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Outcome::Ready(preview) = &outcome {
                if let Some(json) = &preview.plan_json {
                    let _ = crate::io::download(&model::plan_file_name(&name), "application/json", json);
                }
            }
        })
    };

    let preview = match &state.outcome {
        Outcome::Ready(p) => Some(p.clone()),
        _ => None,
    };
    let is_pdf = state.source.is_pdf();
    let status = match &state.outcome {
        Outcome::Idle => html! { <p class="hint">{ tr(lang, M::Empty) }</p> },
        Outcome::Busy => html! {
            <div class="loading"><progress aria-label={t(lang, Msg::Loading)}></progress><span>{ tr(lang, if is_pdf { M::PdfBusy } else { M::Busy }) }</span></div>
        },
        Outcome::Failed(message) => html! {
            <p class="import-failed" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ tr(lang, M::Failed) }{ ": " }{ message.clone() }</p>
        },
        Outcome::Ready(p) => {
            let format = if p.pdf.is_some() { "PDF" } else { p.report.format.map(|f| format_label(lang, Some(f))).unwrap_or("?") };
            // Nothing read (a PDF that cannot be read, a table with no rows): why, said
            // here too, where a screen reader hears it.
            let unread = p.rows.is_empty().then(|| p.diagnostics().iter().find(|d| d.severity == Severity::Error)).flatten();
            html! {
                <>
                    <p class="import-summary" data-testid="import-summary">
                        <strong>{ p.indicators() }</strong>{ " " }{ tr(lang, M::Indicators) }{ " · " }
                        <strong>{ p.errors() }</strong>{ " " }{ tr(lang, M::ErrorRows) }{ " · " }
                        { tr(lang, M::Format) }{ ": " }{ format }
                    </p>
                    if let Some(d) = unread {
                        <p class="import-failed" data-testid="import-unread"><span aria-hidden="true">{ "⚠ " }</span>{ d.message(lang) }</p>
                    }
                </>
            }
        }
    };
    let file_note = match &state.source {
        Source::File { name, .. } => html! {
            <p class="import-source" data-testid="import-source">
                { tr(lang, M::ShowingFile) }{ " " }<span class="filename">{ name.to_string() }</span>{ " " }
                <button type="button" class="link" onclick={use_pasted}>{ tr(lang, M::UsePasted) }</button>
            </p>
        },
        Source::Pasted => html! {},
    };
    let columns = preview.as_ref().filter(|p| !p.report.columns.is_empty()).map(|p| {
        html! {
            <fieldset class="import-columns" data-testid="import-columns">
                <legend>{ tr(lang, M::Columns) }</legend>
                <p class="small">{ tr(lang, M::ColumnsHelp) }</p>
                <ol>
                { for p.report.columns.iter().map(|c| {
                    let column = c.index;
                    let id = format!("import-col-{column}");
                    let auto = state.recognised.get(&column).copied().flatten();
                    let selected = if c.mapped { c.field.map(Field::name) } else { None };
                    let onchange = onmap.reform(move |e: Event| {
                        let value = select_value(&e);
                        (column, Field::ALL.iter().copied().find(|f| f.name() == value))
                    });
                    let heading = if c.header.trim().is_empty() { format!("{} {}", tr(lang, M::Column), column + 1) } else { c.header.clone() };
                    html! {
                        <li class={c.field.is_none().then_some("unread")}>
                            <label for={id.clone()}><span class="col-no">{ column + 1 }</span>{ " " }{ heading }</label>
                            // `~value`: the choice is set on the element too, as an option's
                            // `selected` no longer moves a select the user has changed
                            // ("Ripristina le colonne", settings loaded).
                            <select id={id} {onchange} ~value={selected.unwrap_or_default()} data-testid={format!("import-map-{column}")}>
                                <option value="" selected={selected.is_none()}>
                                    { format!("{}: {}", tr(lang, M::Auto), auto.map_or(tr(lang, M::Unread), |f| field_label(lang, f))) }
                                </option>
                                { for Field::ALL.iter().map(|f| html! {
                                    <option value={Field::name(*f)} selected={selected == Some(Field::name(*f))}>{ field_label(lang, *f) }</option>
                                }) }
                            </select>
                        </li>
                    }
                }) }
                </ol>
                if !state.choices.mapping.is_empty() {
                    <button type="button" class="btn btn-outline btn-small" onclick={onresetmap}>{ tr(lang, M::ResetMapping) }</button>
                }
            </fieldset>
        }
    });
    let diagnostics = preview.as_ref().filter(|p| !p.diagnostics().is_empty()).map(|p| {
        html! {
            <div class="import-diagnostics" data-testid="import-diagnostics">
                <h3>{ tr(lang, M::Notes) }</h3>
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
                            <span class="message">{ d.message(lang) }</span>
                        </li>
                    }
                }) }
                </ul>
            </div>
        }
    });
    let pdf_tables = preview.as_ref().and_then(|p| p.pdf.as_ref()).filter(|_| is_pdf).map(|pdf| {
        let chosen = state.pdf.tables.as_ref().unwrap_or(&pdf.chosen);
        let range_ok = semaforo_core::import::listing::PageRange::parse(state.pdf.pages.trim()).is_some();
        html! {
            <fieldset class="import-columns import-pdf" data-testid="import-pdf-tables">
                <legend>{ tr(lang, M::PdfTables) }</legend>
                <p class="small">{ tr(lang, M::PdfTablesHelp) }</p>
                <div class="import-options">
                    <label for="import-pages">{ tr(lang, M::PdfPageRange) }</label>
                    <input id="import-pages" type="text" size="10" value={state.pdf.pages.clone()} oninput={onpages}
                        aria-describedby="import-pages-help" aria-invalid={(!range_ok).then_some("true")} data-testid="import-pages" />
                </div>
                <p id="import-pages-help" class="small" data-testid="import-pages-read">
                    { tr(lang, M::PdfPageRangeHelp) }{ " " }
                    if let Some(read) = pdf.listing.read {
                        { format!("{} {}–{} {} {}", tr(lang, M::PdfRead), read.first, read.last, tr(lang, M::PdfOf), pdf.listing.pages) }
                    }
                </p>
                if !range_ok {
                    <p class="field-error" role="alert" data-testid="import-pages-error">{ tr(lang, M::PdfBadRange) }</p>
                }
                <ul class="pdf-tables">
                { for pdf.listing.tables.iter().map(|table| pdf_table(lang, table, chosen.contains(&table.index), &ontable)) }
                </ul>
            </fieldset>
        }
    });
    let has_plan = preview.as_ref().is_some_and(|p| p.plan_json.is_some());
    let corrections = &state.choices.rows;
    // Corrections that no row of this table takes (a table laid out differently, or
    // settings made for another table): listed, so that they are not taken for used.
    let missing: Vec<String> = match &preview {
        Some(p) => corrections.iter().filter(|c| !p.rows.iter().any(|r| r.row == c.row)).map(|c| format!("{} ({})", c.row, row_role(lang, c.role))).collect(),
        None => Vec::new(),
    };
    let settings_note = state.settings_note.as_ref().map(|(error, text)| {
        if *error {
            html! { <p class="field-error" role="alert" data-testid="import-settings-error">{ tr(lang, M::SettingsFailed) }{ " " }{ text.clone() }</p> }
        } else {
            html! { <p class="small" role="status">{ tr(lang, M::SettingsLoaded) }{ " " }<span class="filename">{ text.clone() }</span></p> }
        }
    });
    let settings = html! {
        <fieldset class="import-settings" data-testid="import-settings">
            <legend>{ tr(lang, M::Corrections) }</legend>
            <p class="small">{ tr(lang, M::CorrectionsHelp) }</p>
            <p data-testid="import-corrections">{ tr(lang, M::CorrectedRows) }{ " " }<strong>{ corrections.len() }</strong></p>
            if !missing.is_empty() {
                <p class="hint" data-testid="import-rows-missing">
                    <span aria-hidden="true">{ "! " }</span>{ tr(lang, M::RowsMissing) }{ " " }{ missing.join(", ") }
                </p>
            }
            <div class="button-row">
                <button type="button" class="btn btn-outline btn-small" disabled={corrections.is_empty()} onclick={onresetrows} data-testid="import-reset-rows">
                    { tr(lang, M::ResetRows) }
                </button>
                <button type="button" class="btn btn-outline btn-small" onclick={onsettings_download} data-testid="import-settings-download">
                    { tr(lang, M::SettingsDownload) }
                </button>
                <label class="btn btn-outline btn-small file-label">
                    <input type="file" accept=".json,application/json" class="file-input" onchange={onsettings_upload} data-testid="import-settings-upload" />
                    <span>{ tr(lang, M::SettingsUpload) }</span>
                </label>
            </div>
            { for settings_note }
        </fieldset>
    };

    html! {
        <section id="import-panel" class="importer card" aria-labelledby="h-import" data-testid="importer">
            <h2 id="h-import">{ tr(lang, if props.pdf { M::PdfTitle } else { M::Title }) }</h2>
            <p class="small">{ tr(lang, if props.pdf { M::PdfIntro } else { M::Intro }) }</p>
            <div class="import-inputs">
                <div class="import-paste">
                    <label for="import-text">{ tr(lang, M::Paste) }</label>
                    <textarea id="import-text" rows="8" spellcheck="false" value={state.text.clone()} {oninput}
                        aria-describedby="import-kept" data-testid="import-text" />
                    <p id="import-kept" class="small">{ tr(lang, M::Kept) }{ " " }
                        <button type="button" class="link" onclick={onclear} data-testid="import-clear">{ tr(lang, M::Clear) }</button>
                    </p>
                </div>
                <div class={if over { "import-drop over" } else { "import-drop" }} {ondragover} {ondragleave} {ondrop} data-testid="import-dropzone">
                    <label class="btn btn-primary file-label">
                        <input type="file" ref={file_input} class="file-input" onchange={onchange_file} data-testid="import-file"
                            accept={if props.pdf { PDF_TYPES.to_string() } else { format!("{TABLE_TYPES},{PDF_TYPES}") }} />
                        <span>{ tr(lang, if props.pdf { M::PdfFile } else { M::File }) }</span>
                    </label>
                    <span class="drop-hint">{ if over { t(lang, Msg::DropHere) } else { tr(lang, M::DropHint) } }</span>
                    <div class="import-options">
                        // A text table's format: a PDF has none to choose.
                        if !is_pdf {
                            <label for="import-format">{ tr(lang, M::Format) }</label>
                            <select id="import-format" onchange={onformat} ~value={format_value(state.choices.format)} data-testid="import-format">
                                { for [None, Some(TableFormat::Tsv), Some(TableFormat::Csv), Some(TableFormat::CsvSemicolon)].into_iter().map(|f| html! {
                                    <option value={format_value(f)} selected={state.choices.format == f}>{ format_label(lang, f) }</option>
                                }) }
                            </select>
                        }
                        <label for="import-ente">{ tr(lang, M::Ente) }</label>
                        <input id="import-ente" type="text" value={state.choices.ente_name.clone()} oninput={onente} />
                        <label for="import-year">{ tr(lang, M::Year) }</label>
                        <input id="import-year" type="text" inputmode="numeric" size="6" value={state.choices.year.clone()} oninput={onyear} />
                    </div>
                </div>
            </div>
            { file_note }
            { for pdf_tables }
            <div aria-live="polite" class="import-status">{ status }</div>
            <div class="import-actions">
                <button type="button" class="btn btn-primary" disabled={!has_plan} onclick={onopen_plan} data-testid="import-open">{ tr(lang, M::Open) }</button>
                <button type="button" class="btn btn-outline" disabled={!has_plan} onclick={ondownload} data-testid="import-download">{ tr(lang, M::Download) }</button>
                if preview.is_some() && !has_plan { <span class="hint">{ tr(lang, M::NoPlan) }</span> }
            </div>
            { for diagnostics }
            { for columns }
            { settings }
            if let Some(preview) = preview {
                <ImporterPreview {preview} corrections={corrections.clone()} read={state.read.clone()} {onrole} />
            }
        </section>
    }
}

/// What the file chooser offers: text tables and workbooks, and PDFs.
const TABLE_TYPES: &str =
    ".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF_TYPES: &str = ".pdf,application/pdf";

/// One table of a PDF: a checkbox naming it (number, pages, rows, columns), its heading
/// and its first rows.
fn pdf_table(lang: Lang, table: &semaforo_core::import::listing::TableListing, checked: bool, ontable: &Callback<(usize, bool)>) -> Html {
    let index = table.index;
    let id = format!("import-pdf-table-{index}");
    let onchange = ontable.reform(move |e: Event| {
        let on = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        (index, on)
    });
    let pages = tr(lang, if table.pages.len() == 1 { M::PdfPage } else { M::PdfPages });
    let name = format!("{} {}", tr(lang, M::PdfTable), index + 1);
    html! {
        <li data-testid={id.clone()} data-pages={page_list(&table.pages)}>
            <label for={id.clone()}>
                <input type="checkbox" id={id.clone()} {checked} {onchange} aria-describedby={format!("{id}-heading")} />{ " " }
                <strong>{ name.clone() }</strong>
                { format!(" · {pages} {} · {} {} · {} {}", page_list(&table.pages), table.rows, tr(lang, M::PdfRows), table.columns, tr(lang, M::PdfColumns)) }
            </label>
            <p class="small" id={format!("{id}-heading")}>
                if let Some(header) = &table.header {
                    { tr(lang, M::PdfHeading) }{ " " }{ cells(header) }
                } else {
                    { tr(lang, M::PdfNoHeading) }
                }
            </p>
            if !table.preview.is_empty() {
                <div class="table-scroll" role="region" tabindex="0" aria-label={format!("{} {}", tr(lang, M::PdfFirstRows), index + 1)}>
                    <table class="data pdf-first-rows">
                        <caption class="small">{ format!("{} {}", tr(lang, M::PdfFirstRows), index + 1) }</caption>
                        if let Some(header) = &table.header {
                            <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                        }
                        <tbody>
                        { for table.preview.iter().map(|row| html! { <tr>{ for row.iter().map(|c| html! { <td>{ c.clone() }</td> }) }</tr> }) }
                        </tbody>
                    </table>
                </div>
            }
        </li>
    }
}

/// A row's non-empty cells, as the preview writes them.
fn cells(row: &[String]) -> String {
    row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// The heading a table writes for the field (the tables are Italian in either language).
fn field_label(lang: Lang, field: Field) -> &'static str {
    match field {
        Field::Ignore => tr(lang, M::Ignore),
        f => f.heading(),
    }
}

fn format_label(lang: Lang, format: Option<TableFormat>) -> &'static str {
    match format {
        None => tr(lang, M::FormatAuto),
        Some(TableFormat::Tsv) => "TSV",
        Some(TableFormat::Csv) => "CSV ,",
        Some(TableFormat::CsvSemicolon) => "CSV ;",
        Some(TableFormat::Xlsx) => "XLSX",
    }
}
