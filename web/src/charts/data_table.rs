//! The text alternative of a chart: its data as a table, available to screen readers at
//! all times and shown on the page by a toggle (and always in print).

use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub caption: AttrValue,
    pub head: Vec<AttrValue>,
    /// Rows of cells; the first cell of each row is its header.
    pub rows: Vec<Vec<AttrValue>>,
}

#[function_component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let lang = use_lang();
    let shown = use_state(|| false);
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    html! {
        <div class="data-table">
            <button type="button" class="btn btn-small btn-outline no-print" aria-expanded={shown.to_string()} onclick={toggle}>
                { if *shown { t(lang, Msg::HideTable) } else { t(lang, Msg::ShowTable) } }
            </button>
            // Hidden, it is a plain visually-hidden block (read by screen readers, printed);
            // shown, a scrollable region that keyboard users can focus and scroll.
            <div class={if *shown { "table-scroll" } else { "visually-hidden print-show" }}
                tabindex={shown.then_some("0")} role={shown.then_some("region")} aria-label={shown.then(|| props.caption.clone())}>
                <table class="data">
                    <caption>{ props.caption.clone() }</caption>
                    <thead><tr>{ for props.head.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr></thead>
                    <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr>
                        { for r.iter().enumerate().map(|(i, c)| if i == 0 {
                            html! { <th scope="row">{ c.clone() }</th> }
                        } else {
                            html! { <td>{ c.clone() }</td> }
                        }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
