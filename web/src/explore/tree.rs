//! The albero della performance as a WAI-ARIA tree: ente, ambiti, strategic and
//! operational objectives, and their indicators, each with score, traffic light and weight.
//!
//! Keyboard handling follows the ARIA tree pattern with a roving tabindex: one item is in
//! the tab order; arrows move, Right/Left open, close or go to the child or parent,
//! Home/End jump, Enter and Space select. Only the visible items are rendered, so a large
//! plan stays fast while collapsed.
//!
//! Each item is a component whose props are the values it shows (score, verdict, weight,
//! whether it is open, selected or in the tab order): an edit draws again the rows whose
//! values changed (the indicator and the nodes above it), not the others.

use semaforo_core::format;
use semaforo_core::labels;
use std::collections::HashSet;
use std::rc::Rc;

use semaforo_core::plan::Verdict;
use semaforo_core::Decimal;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::charts::light::light;
use crate::i18n::{self, use_lang, Msg};
use crate::model::PlanView;
use crate::state::Selection;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct TreeProps {
    pub view: Rc<PlanView>,
    pub expanded: Rc<HashSet<String>>,
    pub selected: Option<Selection>,
    pub ontoggle: Callback<(String, Option<bool>)>,
    pub onselect: Callback<Selection>,
}

/// One row of the visible tree: where it stands and what it shows.
#[derive(Clone, PartialEq)]
struct Item {
    /// The node id, or `parent>indicator` (`Selection::key`).
    key: AttrValue,
    selection: Selection,
    level: u32,
    parent: Option<usize>,
    /// `None` for a leaf; otherwise whether it is open.
    expanded: Option<bool>,
    setsize: usize,
    posinset: usize,
    badge: &'static str,
    code: AttrValue,
    name: AttrValue,
    score: Option<Decimal>,
    verdict: Option<Verdict>,
    weight: Option<Decimal>,
    /// An indicator listed under a node other than its own (none, for the plan's own list).
    shared: bool,
}

/// The rows a reader can currently see, depth first.
fn visible(view: &PlanView, expanded: &HashSet<String>) -> Vec<Item> {
    let mut out = Vec::new();
    let root = view.plan.ente.code.clone();
    push_node(view, expanded, &root, 1, None, 1, 1, &mut out);
    out
}

#[allow(clippy::too_many_arguments)]
fn push_node(view: &PlanView, expanded: &HashSet<String>, id: &str, level: u32, parent: Option<usize>, setsize: usize, posinset: usize, out: &mut Vec<Item>) {
    let Some(node) = view.evaluation.node(id) else { return };
    if level > 32 {
        return; // deeper than any plan: a cycle must not hang the page
    }
    let has_children = !node.children.is_empty() || !node.indicators.is_empty();
    let open = expanded.contains(id);
    let index = out.len();
    let key: AttrValue = id.to_string().into();
    out.push(Item {
        key: key.clone(),
        selection: Selection::Node(key),
        level,
        parent,
        expanded: has_children.then_some(open),
        setsize,
        posinset,
        badge: labels::kind_badge(node.kind),
        code: text::shown(&node.code),
        name: text::shown(&node.name),
        score: node.score,
        verdict: node.verdict,
        weight: node.weight,
        shared: false,
    });
    if !(has_children && open) {
        return;
    }
    let total = node.indicators.len() + node.children.len();
    let under: AttrValue = id.to_string().into();
    for (i, ind) in node.indicators.iter().enumerate() {
        let r = view.evaluation.indicator(ind);
        let shared = r.is_some_and(|r| r.parent.as_deref() != Some(id));
        out.push(Item {
            key: format!("{id}>{ind}").into(),
            selection: Selection::Indicator { id: text::shown(ind), under: under.clone() },
            level: level + 1,
            parent: Some(index),
            expanded: None,
            setsize: total,
            posinset: i + 1,
            badge: "KPI",
            code: text::shown(r.map_or(ind, |r| &r.code)),
            name: r.map(|r| text::shown(&r.name)).unwrap_or_default(),
            score: r.and_then(|r| r.achievement),
            verdict: r.and_then(|r| r.verdict),
            weight: if shared { None } else { r.and_then(|r| r.weight) },
            shared,
        });
    }
    for (i, child) in node.children.iter().enumerate() {
        push_node(view, expanded, child, level + 1, Some(index), total, node.indicators.len() + i + 1, out);
    }
}

#[function_component]
pub fn Tree(props: &TreeProps) -> Html {
    crate::rendered!("Tree");
    let items = use_memo((props.view.clone(), props.expanded.clone()), |(view, expanded)| visible(view, expanded));
    let selected_key = props.selected.as_ref().map(Selection::key);
    // The roving focus: the item that is in the tab order.
    let focused = use_state(|| selected_key.clone());
    // Set by the keyboard, so that focus moves only when the user moved it.
    let focus_request = use_mut_ref(|| false);

    let focus_index = focused
        .as_ref()
        .and_then(|k| items.iter().position(|i| i.key == k.as_str()))
        .or_else(|| selected_key.as_ref().and_then(|k| items.iter().position(|i| i.key == k.as_str())))
        .unwrap_or(0);

    {
        let focus_request = focus_request.clone();
        use_effect_with((focus_index, (*focused).clone()), move |(index, _)| {
            if std::mem::take(&mut *focus_request.borrow_mut()) {
                if let Some(el) = gloo::utils::document().get_element_by_id(&format!("ti-{index}")) {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        });
    }

    let onkeydown = {
        let items = items.clone();
        let focused = focused.clone();
        let focus_request = focus_request.clone();
        let ontoggle = props.ontoggle.clone();
        let onselect = props.onselect.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(current) = items.get(focus_index) else { return };
            let move_to = |i: usize| {
                if let Some(item) = items.get(i) {
                    *focus_request.borrow_mut() = true;
                    focused.set(Some(item.key.to_string()));
                }
            };
            match e.key().as_str() {
                "ArrowDown" => move_to((focus_index + 1).min(items.len().saturating_sub(1))),
                "ArrowUp" => move_to(focus_index.saturating_sub(1)),
                "Home" => move_to(0),
                "End" => move_to(items.len().saturating_sub(1)),
                "ArrowRight" => match current.expanded {
                    Some(false) => ontoggle.emit((current.key.to_string(), Some(true))),
                    Some(true) => move_to(focus_index + 1),
                    None => {}
                },
                "ArrowLeft" => match (current.expanded, current.parent) {
                    (Some(true), _) => ontoggle.emit((current.key.to_string(), Some(false))),
                    (_, Some(parent)) => move_to(parent),
                    _ => {}
                },
                "Enter" | " " => onselect.emit(current.selection.clone()),
                _ => return,
            }
            e.prevent_default();
        })
    };

    let lang = use_lang();
    let decimals = props.view.decimals();
    let rows = items.iter().enumerate().map(|(index, item)| {
        html! {
            <TreeRow
                // Keyed, so that the focused element stays the same item when rows are
                // inserted above or below it (yew diffs unkeyed lists from the end).
                key={item.key.as_str()}
                item={item.clone()}
                {index}
                selected={selected_key.as_deref() == Some(item.key.as_str())}
                focusable={index == focus_index}
                {decimals}
                onselect={props.onselect.clone()}
                onfocus={focused.setter()}
                ontoggle={props.ontoggle.clone()}
            />
        }
    });

    html! {
        <div class="tree-wrap">
            <p class="hint" id="tree-help">{ i18n::t(lang, Msg::TreeHelp) }</p>
            <ul role="tree" class="tree" aria-label={i18n::t(lang, Msg::Tree)} aria-describedby="tree-help" {onkeydown}>
                { for rows }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    item: Item,
    /// Its place among the visible rows (the element's id, `ti-N`).
    index: usize,
    selected: bool,
    /// In the tab order (the roving focus).
    focusable: bool,
    decimals: u32,
    // The tree's own callbacks and its focus, the same at every render: a row compares
    // equal when its values do.
    onselect: Callback<Selection>,
    onfocus: UseStateSetter<Option<String>>,
    ontoggle: Callback<(String, Option<bool>)>,
}

#[function_component]
fn TreeRow(props: &RowProps) -> Html {
    crate::rendered!("TreeRow", &props.item.key);
    let lang = use_lang();
    let item = &props.item;
    // A click: the row takes the focus and is selected.
    let onclick = {
        let (onselect, onfocus, key, selection) = (props.onselect.clone(), props.onfocus.clone(), item.key.clone(), item.selection.clone());
        Callback::from(move |_: MouseEvent| {
            onfocus.set(Some(key.to_string()));
            onselect.emit(selection.clone());
        })
    };
    let twisty = match item.expanded {
        Some(open) => {
            let ontoggle = props.ontoggle.clone();
            let key = item.key.clone();
            let onclick = Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                ontoggle.emit((key.to_string(), None));
            });
            let label = if open { i18n::t(lang, Msg::Collapse) } else { i18n::t(lang, Msg::Expand) };
            // Not a button: the treeitem owns the keyboard, so this is a pointer target only.
            html! { <span class={if open { "twisty open" } else { "twisty" }} title={label} aria-hidden="true" {onclick}>{ if open { "▾" } else { "▸" } }</span> }
        }
        None => html! { <span class="twisty leaf" aria-hidden="true"></span> },
    };
    let selected = props.selected;
    html! {
        <li
            id={format!("ti-{}", props.index)}
            role="treeitem"
            class={format!("treeitem{} lvl-{}", if selected { " selected" } else { "" }, item.level.min(6))}
            aria-level={item.level.to_string()}
            aria-setsize={item.setsize.to_string()}
            aria-posinset={item.posinset.to_string()}
            aria-expanded={item.expanded.map(|o| o.to_string())}
            aria-selected={selected.to_string()}
            data-key={item.key.clone()}
            tabindex={if props.focusable { "0" } else { "-1" }}
            // The indent comes from the lvl-N class (main.css): the CSP forbids style="".
            {onclick}
        >
            { twisty }
            <span class="badge">{ item.badge }</span>
            <span class="code">{ item.code.clone() }</span>
            <span class="name">{ item.name.clone() }{ if item.shared { html!{ <em class="shared">{ format!(" ({})", i18n::t(lang, Msg::Shared)) }</em> } } else { html!{} } }</span>
            <span class="figures">
                <span class="score">{ labels::score(lang, item.score, props.decimals) }</span>
                { light(lang, item.verdict, false) }
                <span class="weight" title={i18n::t(lang, Msg::Weight)}>
                    <span class="visually-hidden">{ i18n::t(lang, Msg::Weight) }{ " " }</span>
                    { item.weight.map(|w| format!("p. {}", format::percent_in(lang, w, 2))).unwrap_or_default() }
                </span>
            </span>
        </li>
    }
}
