//! The importer's preview: the rows that could not be read, each with its row number,
//! column, original text and what was expected; then every row of the table with what it
//! became (heading, group, indicator, continuation, skipped, error), the code it got, and
//! the published figure beside the one the core computes from the imported plan.
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
    html! {
        <div class="import-preview">
            if !errors.is_empty() {
                <div class="import-errors" data-testid="import-errors">
                    <h3><span aria-hidden="true">{ "⚠ " }</span>{ t(lang, Msg::ImportErrorsTitle) }</h3>
                    <ul>
                    { for errors.iter().map(|r| html! {
                        <li data-row={r.row.to_string()}>
                            <strong>{ t(lang, Msg::ImportRow) }{ " " }{ r.row }</strong>{ ": " }
                            { problems(lang, &r.problems) }
                            <div class="small cells">{ r.text.clone() }</div>
                        </li>
                    }) }
                    </ul>
                </div>
            }
            <div class="table-scroll">
                <table class="data import-rows" data-testid="import-rows">
                    <caption>{ t(lang, Msg::ImportPreview) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Msg::ImportRow) }</th>
                            <th scope="col">{ t(lang, Msg::ImportReading) }</th>
                            <th scope="col">{ t(lang, Msg::ImportRole) }</th>
                            <th scope="col">{ t(lang, Msg::Code) }</th>
                            <th scope="col">{ t(lang, Msg::ImportCells) }</th>
                            <th scope="col">{ t(lang, Msg::ImportProblems) }</th>
                            <th scope="col">{ t(lang, Msg::ImportPublishedComputed) }</th>
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
        Some(role) => format!("{}: {}", t(lang, Msg::ImportAuto), row_role(lang, role)),
        None => t(lang, Msg::ImportAuto).to_string(),
    };
    html! {
        <>
            // `~value` as well as `selected`: an option's `selected` no longer moves a select
            // the user has changed, and "Annulla correzioni" or loaded settings must.
            <select aria-label={format!("{} {row}", t(lang, Msg::ImportRoleOf))} {onchange} ~value={chosen.map_or("", RowRole::name)}
                data-testid={format!("import-role-{row}")}>
                <option value="" selected={chosen.is_none()}>{ auto }</option>
                { for RowRole::ALL.iter().map(|role| html! {
                    <option value={role.name()} selected={chosen == Some(*role)}>{ row_role(lang, *role) }</option>
                }) }
            </select>
            if chosen.is_some() {
                <span class="corrected-mark" data-testid={format!("import-corrected-{row}")}><span aria-hidden="true">{ "✎ " }</span>{ t(lang, Msg::ImportCorrected) }</span>
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
                <span class="problem-col">{ format!("{} {} ({})", t(lang, Msg::ImportColumn), p.column + 1, p.header) }</span>{ ": " }
                <q class="problem-text">{ p.text.clone() }</q>{ " — " }
                <span class="problem-expected">{ t(lang, Msg::ImportExpected) }{ " " }{ p.expectation(lang) }</span>
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
            if disagree { <span class="differs">{ " ≠ " }{ t(lang, Msg::ImportDiffers) }</span> }
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
    t(
        lang,
        match kind {
            RowKind::Header => Msg::ImportKindHeader,
            RowKind::Group => Msg::ImportKindGroup,
            RowKind::Indicator => Msg::ImportKindIndicator,
            RowKind::Continuation => Msg::ImportKindContinuation,
            RowKind::Skipped => Msg::ImportKindSkipped,
            RowKind::Error => Msg::ImportKindError,
        },
    )
}
