//! The importer's preview: the rows that could not be read, each with its row number,
//! column, original text and what was expected; then every row of the table with what it
//! became (heading, group, indicator, continuation, skipped, error), the code it got, and
//! the published figure beside the one the core computes from the imported plan; for a
//! PDF, the page each row is printed on.
//!
//! Each row has a selector of its role (heading of a kind, indicator, total, the rest of
//! the previous row, ignored): "automatico" shows the role the cells were read in, and
//! any other choice is a correction, which the import applies at once. Corrected rows
//! say so in words ("corretta"), beside the selector.
//!
//! Error rows carry an icon and the word, not a colour alone.

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::import::{CellProblem, RowCorrection, RowKind, RowRole};
use semaforo_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::import::messages::{tr, M};
use crate::import::model::{read_role, Figures, Preview};
use semaforo_core::labels::row_role;

#[derive(Properties, PartialEq)]
pub struct ImporterPreviewProps {
    pub preview: Rc<Preview>,
    /// The user's corrections (the import's options), by row.
    pub corrections: Vec<RowCorrection>,
    /// The role each row was last read in from its cells, for rows now corrected.
    pub read: Rc<Vec<(usize, RowRole)>>,
    /// A row's new role; `None`: as its cells say.
    pub onrole: Callback<(usize, Option<RowRole>)>,
}

/// Rows drawn in the table: beyond this the page would slow down; error rows are all
/// listed above the table whatever the count.
const MAX_ROWS: usize = 1500;

#[function_component]
pub fn ImporterPreview(props: &ImporterPreviewProps) -> Html {
    let lang = use_lang();
    let preview = &props.preview;
    let d = preview.decimals;
    let errors: Vec<_> = preview.rows.iter().filter(|r| r.kind == RowKind::Error).collect();
    let hidden = preview.rows.len().saturating_sub(MAX_ROWS);
    let pages = preview.rows.iter().any(|r| r.page.is_some());
    html! {
        <div class="import-preview">
            if !errors.is_empty() {
                <div class="import-errors" data-testid="import-errors">
                    <h3><span aria-hidden="true">{ "⚠ " }</span>{ tr(lang, M::ErrorsTitle) }</h3>
                    <ul>
                    { for errors.iter().map(|r| html! {
                        <li data-row={r.row.to_string()}>
                            <strong>{ tr(lang, M::Row) }{ " " }{ r.row }</strong>{ ": " }
                            { problems(lang, &r.problems) }
                            <div class="small cells">{ r.text.clone() }</div>
                        </li>
                    }) }
                    </ul>
                </div>
            }
            <div class="table-scroll">
                <table class="data import-rows" data-testid="import-rows">
                    <caption>{ tr(lang, M::Preview) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, M::Row) }</th>
                            if pages { <th scope="col">{ tr(lang, M::Page) }</th> }
                            <th scope="col">{ tr(lang, M::Reading) }</th>
                            <th scope="col">{ tr(lang, M::Role) }</th>
                            <th scope="col">{ t(lang, Msg::Code) }</th>
                            <th scope="col">{ tr(lang, M::Cells) }</th>
                            <th scope="col">{ tr(lang, M::Problems) }</th>
                            <th scope="col">{ tr(lang, M::PublishedComputed) }</th>
                        </tr>
                    </thead>
                    <tbody>
                    { for preview.rows.iter().take(MAX_ROWS).map(|r| {
                        let error = r.kind == RowKind::Error;
                        let chosen = props.corrections.iter().find(|c| c.row == r.row).map(|c| c.role);
                        // What "automatico" means: the role read now, or before the correction.
                        let auto = if r.corrected || chosen.is_some() { read_role(&props.read, r.row) } else { Some(r.role) };
                        html! {
                            <tr class={if chosen.is_some() { format!("{} corrected", kind_class(r.kind)) } else { kind_class(r.kind).to_string() }} data-row={r.row.to_string()}
                                data-kind={kind_class(r.kind)} data-role={r.role.name()}>
                                <td class="num">{ r.row }</td>
                                if pages { <td class="num page">{ r.page.map(|p| p.to_string()).unwrap_or_default() }</td> }
                                <td class="kind">
                                    if error { <span aria-hidden="true">{ "⚠ " }</span> }
                                    { kind_name(lang, r.kind) }
                                </td>
                                <td class="role">{ role_select(lang, r.row, chosen, auto, &props.onrole) }</td>
                                <td class="code">{ r.code.clone().unwrap_or_default() }</td>
                                <td class="cells">{ r.text.clone() }</td>
                                <td>
                                    { problems(lang, &r.problems) }
                                    if let Some(note) = &r.note { <span class="small note">{ note.text(lang) }</span> }
                                </td>
                                <td class="num">{ figures(lang, r.figures.as_ref(), d) }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            if hidden > 0 { <p class="small">{ format!("… +{hidden}") }</p> }
        </div>
    }
}

/// The row's role selector: "automatico" (with the role read) and every role; a correction
/// is marked in words beside it.
fn role_select(lang: Lang, row: usize, chosen: Option<RowRole>, auto: Option<RowRole>, onrole: &Callback<(usize, Option<RowRole>)>) -> Html {
    let onchange = onrole.reform(move |e: Event| {
        let value = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
        (row, RowRole::from_name(&value))
    });
    let auto = match auto {
        Some(role) => format!("{}: {}", tr(lang, M::Auto), row_role(lang, role)),
        None => tr(lang, M::Auto).to_string(),
    };
    html! {
        <>
            // `~value` as well as `selected`: an option's `selected` no longer moves a select
            // the user has changed, and "Annulla correzioni" or loaded settings must.
            <select aria-label={format!("{} {row}", tr(lang, M::RoleOf))} {onchange} ~value={chosen.map_or("", RowRole::name)}
                data-testid={format!("import-role-{row}")}>
                <option value="" selected={chosen.is_none()}>{ auto }</option>
                { for RowRole::ALL.iter().map(|role| html! {
                    <option value={role.name()} selected={chosen == Some(*role)}>{ row_role(lang, *role) }</option>
                }) }
            </select>
            if chosen.is_some() {
                <span class="corrected-mark" data-testid={format!("import-corrected-{row}")}><span aria-hidden="true">{ "✎ " }</span>{ tr(lang, M::Corrected) }</span>
            }
        </>
    }
}

fn problems(lang: Lang, problems: &[CellProblem]) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <ul class="problems">
        { for problems.iter().map(|p| html! {
            <li>
                <span class="problem-col">{ format!("{} {} ({})", tr(lang, M::Column), p.column + 1, p.header) }</span>{ ": " }
                <q class="problem-text">{ p.text.clone() }</q>{ " — " }
                <span class="problem-expected">{ tr(lang, M::Expected) }{ " " }{ p.expectation(lang) }</span>
            </li>
        }) }
        </ul>
    }
}

fn figures(lang: Lang, figures: Option<&Figures>, d: u32) -> Html {
    let Some(f) = figures else { return html! {} };
    let disagree = f.disagree();
    html! {
        <span class={if disagree { "figures disagree" } else { "figures" }}>
            { labels::score(lang, f.published, d) }{ " / " }{ labels::score(lang, f.computed, d) }
            if disagree { <span class="differs">{ " ≠ " }{ tr(lang, M::Differs) }</span> }
        </span>
    }
}

fn kind_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Header => "header",
        RowKind::Group => "group",
        RowKind::Indicator => "indicator",
        RowKind::Continuation => "continuation",
        RowKind::Skipped => "skipped",
        RowKind::Error => "error",
    }
}

fn kind_name(lang: Lang, kind: RowKind) -> &'static str {
    tr(
        lang,
        match kind {
            RowKind::Header => M::KindHeader,
            RowKind::Group => M::KindGroup,
            RowKind::Indicator => M::KindIndicator,
            RowKind::Continuation => M::KindContinuation,
            RowKind::Skipped => M::KindSkipped,
            RowKind::Error => M::KindError,
        },
    )
}
