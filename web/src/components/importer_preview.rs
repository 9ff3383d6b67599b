//! The importer's preview: the rows that could not be read, each with its row number,
//! column, original text and what was expected; then every row of the table with what it
//! became (heading, group, indicator, continuation, skipped, error), the code it got, and
//! the published figure beside the one the core computes from the imported plan.
//!
//! Error rows carry an icon and the word, not a colour alone.

use std::rc::Rc;

use semaforo_core::import::{CellProblem, RowKind};
use semaforo_core::Lang;
use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::import_view::{Figures, Preview};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct ImporterPreviewProps {
    pub lang: Lang,
    pub preview: Rc<Preview>,
}

/// Rows drawn in the table: beyond this the page would slow down; error rows are all
/// listed above the table whatever the count.
const MAX_ROWS: usize = 1500;

#[function_component]
pub fn ImporterPreview(props: &ImporterPreviewProps) -> Html {
    let lang = props.lang;
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
                            <th scope="col">{ t(lang, Msg::Code) }</th>
                            <th scope="col">{ t(lang, Msg::ImportCells) }</th>
                            <th scope="col">{ t(lang, Msg::ImportProblems) }</th>
                            <th scope="col">{ t(lang, Msg::ImportPublishedComputed) }</th>
                        </tr>
                    </thead>
                    <tbody>
                    { for preview.rows.iter().take(MAX_ROWS).map(|r| {
                        let error = r.kind == RowKind::Error;
                        html! {
                            <tr class={classes!(kind_class(r.kind))} data-row={r.row.to_string()} data-kind={kind_class(r.kind)}>
                                <td class="num">{ r.row }</td>
                                <td class="kind">
                                    if error { <span aria-hidden="true">{ "⚠ " }</span> }
                                    { kind_name(lang, r.kind) }
                                </td>
                                <td class="code">{ r.code.clone().unwrap_or_default() }</td>
                                <td class="cells">{ r.text.clone() }</td>
                                <td>
                                    { problems(lang, &r.problems) }
                                    if let Some(note) = &r.note { <span class="small note">{ note.clone() }</span> }
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
                <span class="problem-expected">{ t(lang, Msg::ImportExpected) }{ " " }{ p.expected.clone() }</span>
            </li>
        }) }
        </ul>
    }
}

fn figures(lang: Lang, figures: Option<&Figures>, d: u32) -> Html {
    let Some(f) = figures else { return html! {} };
    let disagree = f.disagree(d);
    html! {
        <span class={classes!("figures", disagree.then_some("disagree"))}>
            { text::score(lang, f.published, d) }{ " / " }{ text::score(lang, f.computed, d) }
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
