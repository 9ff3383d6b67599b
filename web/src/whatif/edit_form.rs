//! The what-if fields of the selected item, below its detail: an indicator's target,
//! actual (or N.V. with a reason) and weight, an objective's weight. Each field turns what
//! was typed into one core `Edit`; the score line shows the plan's value, the new one and
//! the difference.

use semaforo_core::labels;
use std::rc::Rc;

use semaforo_core::plan::{Actual, Indicator, MeasureUnit, Target};
use semaforo_core::scenario::Edit;
use semaforo_core::score::actual_number;
use semaforo_core::Decimal;
use semaforo_core::Lang;
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};
use crate::model::PlanView;
use crate::state::Selection;
use crate::whatif::edit_field::{EditField, FieldKind, FieldValue};
use crate::whatif::model::Command;
use crate::whatif::text::date_text;

#[derive(Properties, PartialEq)]
pub struct EditFormProps {
    pub view: Rc<PlanView>,
    pub baseline: Rc<PlanView>,
    pub selected: Option<Selection>,
    pub oncommand: Callback<Command>,
}

/// A number as typed back into a field: no thousands dots, the language's decimal mark.
fn plain(lang: Lang, v: Decimal) -> String {
    let s = v.normalize().to_string();
    if lang == Lang::It {
        s.replace('.', ",")
    } else {
        s
    }
}

/// The target with a new value and the same comparison.
fn with_value(target: Option<&Target>, v: FieldValue) -> Target {
    match (target, v) {
        (_, FieldValue::Date(date)) => Target::Deadline { date },
        (Some(Target::MoreThan { .. }), FieldValue::Number(value)) => Target::MoreThan { value },
        (Some(Target::AtMost { .. }), FieldValue::Number(value)) => Target::AtMost { value },
        (Some(Target::LessThan { .. }), FieldValue::Number(value)) => Target::LessThan { value },
        (Some(Target::Equal { .. }), FieldValue::Number(value)) => Target::Equal { value },
        (_, FieldValue::Number(value)) => Target::AtLeast { value },
    }
}

#[function_component]
pub fn EditForm(props: &EditFormProps) -> Html {
    crate::rendered!("EditForm");
    let lang = use_lang();
    let body = match &props.selected {
        Some(Selection::Indicator { id, .. }) => indicator_form(props, lang, id),
        Some(Selection::Node(id)) => objective_form(props, lang, id),
        None => None,
    };
    let Some(body) = body else { return html! {} };
    html! {
        <section class="edit-form no-print" aria-labelledby="edit-form-title" data-testid="edit-form">
            <h3 id="edit-form-title">{ t(lang, Msg::WhatIfEditTitle) }</h3>
            <p class="small hint">{ t(lang, Msg::WhatIfEditHint) }</p>
            { body }
        </section>
    }
}

fn edit_callback(oncommand: &Callback<Command>, make: impl Fn(FieldValue) -> Option<Edit> + 'static) -> Callback<FieldValue> {
    let oncommand = oncommand.clone();
    Callback::from(move |v| {
        if let Some(edit) = make(v) {
            oncommand.emit(Command::Edit(edit));
        }
    })
}

/// A weight field's callback: the siblings made explicit first, then the weight typed.
fn weight_callback(oncommand: &Callback<Command>, fill: Vec<Edit>, make: impl Fn(Decimal) -> Edit + 'static) -> Callback<FieldValue> {
    let oncommand = oncommand.clone();
    Callback::from(move |v| {
        if let FieldValue::Number(weight) = v {
            let mut edits = fill.clone();
            edits.push(make(weight));
            oncommand.emit(Command::Edits(edits));
        }
    })
}

fn indicator_form(props: &EditFormProps, lang: Lang, id: &str) -> Option<Html> {
    let def: &Indicator = props.view.definition(id)?;
    let base: &Indicator = props.baseline.definition(id)?;
    let result = props.view.evaluation.indicator(id)?;
    let published = props.baseline.evaluation.indicator(id).and_then(|r| r.achievement);
    let d = props.view.decimals();
    let unit = def.unit;
    let id_owned = id.to_string();

    // Target: same comparison, new value or date.
    let deadline = matches!(def.target, Some(Target::Deadline { .. }));
    let target_text = |t: Option<&Target>| match t {
        Some(Target::Deadline { date }) => date_text(*date),
        Some(Target::AtLeast { value } | Target::MoreThan { value } | Target::AtMost { value } | Target::LessThan { value } | Target::Equal { value }) => {
            plain(lang, *value)
        }
        None => String::new(),
    };
    let comparison = def.target.as_ref().map(|tg| labels::target(lang, tg, unit)).unwrap_or_else(|| "—".into());
    let target_label = format!("{} ({comparison})", t(lang, if deadline { Msg::WhatIfTargetDate } else { Msg::WhatIfTargetValue }));
    let on_target = {
        let current = def.target.clone();
        let id = id_owned.clone();
        edit_callback(&props.oncommand, move |v| Some(Edit::SetTarget { indicator: id.clone(), target: with_value(current.as_ref(), v) }))
    };

    // Actual: a date for deadlines, yes/no for flags, a number otherwise; or N.V.
    let excluded = matches!(def.actual, Some(Actual::NotEvaluable { .. }));
    let dated = deadline || unit == MeasureUnit::Date;
    let actual_text = |a: Option<&Actual>| match a {
        Some(Actual::Date(date)) => date_text(*date),
        Some(a) => actual_number(a, unit).map(|v| plain(lang, v)).unwrap_or_default(),
        None => String::new(),
    };
    let on_actual = {
        let id = id_owned.clone();
        edit_callback(&props.oncommand, move |v| {
            let actual = match v {
                FieldValue::Date(date) => Actual::Date(date),
                FieldValue::Number(n) if unit == MeasureUnit::Flag => Actual::Flag(!n.is_zero()),
                FieldValue::Number(n) => Actual::Value(n),
            };
            Some(Edit::SetActual { indicator: id.clone(), actual: Some(actual) })
        })
    };
    let reason = match &def.actual {
        Some(Actual::NotEvaluable { reason }) => reason.clone(),
        _ => String::new(),
    };
    let on_exclude = {
        let oncommand = props.oncommand.clone();
        let id = id_owned.clone();
        // Bringing it back restores the plan's actual (N/D if the plan had it N.V. too).
        let restore = match &base.actual {
            Some(Actual::NotEvaluable { .. }) | None => None,
            Some(a) => Some(a.clone()),
        };
        let default_reason = if lang == Lang::It { "simulazione" } else { "what-if" };
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            oncommand.emit(Command::Edit(if input.checked() {
                Edit::Exclude { indicator: id.clone(), reason: default_reason.into() }
            } else {
                Edit::SetActual { indicator: id.clone(), actual: restore.clone() }
            }));
        })
    };
    let on_reason = {
        let oncommand = props.oncommand.clone();
        let id = id_owned.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let reason = input.value().trim().to_string();
            if !reason.is_empty() {
                oncommand.emit(Command::Edit(Edit::Exclude { indicator: id.clone(), reason }));
            }
        })
    };
    let on_flag = {
        let oncommand = props.oncommand.clone();
        let id = id_owned.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            oncommand.emit(Command::Edit(Edit::SetActual { indicator: id.clone(), actual: Some(Actual::Flag(select.value() == "1")) }));
        })
    };
    let on_weight = weight_callback(&props.oncommand, semaforo_core::scenario::explicit_equal_weights(&props.view.evaluation, id, true), {
        let id = id_owned.clone();
        move |weight| Edit::SetIndicatorWeight { indicator: id.clone(), weight }
    });
    let weight_text = |w: Option<Decimal>| w.map(|w| plain(lang, w)).unwrap_or_default();
    let key = id.replace(|c: char| !c.is_ascii_alphanumeric(), "-");
    Some(html! {
        <>
            <p class="edit-score"><span>{ t(lang, Msg::Achievement) }{ ": " }</span>
                <strong data-testid="edit-score">{ labels::before_after(lang, published, result.achievement, d) }</strong></p>
            <div class="edit-grid">
                <EditField id={format!("edit-target-{key}")} label={target_label} kind={if deadline { FieldKind::Date } else { FieldKind::Number }}
                    value={target_text(def.target.as_ref())} was={(def.target != base.target).then(|| AttrValue::from(base.target.as_ref().map(|tg| labels::target(lang, tg, unit)).unwrap_or_else(|| "—".into())))}
                    onvalue={on_target} />
                if !excluded {
                    if unit == MeasureUnit::Flag {
                        <div class="edit-field">
                            <label for={format!("edit-actual-{key}")}>{ t(lang, Msg::WhatIfActualValue) }</label>
                            <select id={format!("edit-actual-{key}")} onchange={on_flag}>
                                <option value="" selected={!matches!(def.actual, Some(Actual::Flag(_)))}>{ "N/D" }</option>
                                <option value="1" selected={matches!(def.actual, Some(Actual::Flag(true)))}>{ if lang == Lang::It { "SI" } else { "YES" } }</option>
                                <option value="0" selected={matches!(def.actual, Some(Actual::Flag(false)))}>{ "NO" }</option>
                            </select>
                        </div>
                    } else {
                        <EditField id={format!("edit-actual-{key}")} label={t(lang, if dated { Msg::WhatIfActualDate } else { Msg::WhatIfActualValue })}
                            kind={if dated { FieldKind::Date } else { FieldKind::Number }}
                            value={actual_text(def.actual.as_ref())}
                            was={(def.actual != base.actual).then(|| AttrValue::from(labels::actual(lang, base.actual.as_ref(), unit)))}
                            onvalue={on_actual} />
                    }
                }
                // One of the plan's own list has no weight of its own: each node that
                // weighs it gives one (the detail lists them).
                if result.parent.is_some() {
                    <EditField id={format!("edit-weight-{key}")} label={t(lang, Msg::Weight)} kind={FieldKind::Weight}
                        value={weight_text(def.weight)} was={(def.weight != base.weight).then(|| AttrValue::from(labels::weight(lang, base.weight)))}
                        onvalue={on_weight} />
                }
                <div class="edit-field edit-check">
                    <input type="checkbox" id={format!("edit-nv-{key}")} checked={excluded} onchange={on_exclude} data-testid="edit-nv" />
                    <label for={format!("edit-nv-{key}")}>{ t(lang, Msg::WhatIfExclude) }</label>
                </div>
                if excluded {
                    <div class="edit-field">
                        <label for={format!("edit-reason-{key}")}>{ t(lang, Msg::WhatIfExcludeReason) }</label>
                        <input type="text" id={format!("edit-reason-{key}")} value={reason} onchange={on_reason} />
                    </div>
                }
            </div>
        </>
    })
}

fn objective_form(props: &EditFormProps, lang: Lang, id: &str) -> Option<Html> {
    let node = props.view.evaluation.node(id)?;
    // Only objectives of the tree have a weight in the plan (not the ente, units, cruscotti).
    if !props.view.objectives.contains_key(id) || *node.code != *id {
        return None;
    }
    let base = props.baseline.evaluation.node(id)?;
    let d = props.view.decimals();
    let on_weight = weight_callback(&props.oncommand, semaforo_core::scenario::explicit_equal_weights(&props.view.evaluation, id, false), {
        let id = id.to_string();
        move |weight| Edit::SetObjectiveWeight { objective: id.clone(), weight }
    });
    let key = id.replace(|c: char| !c.is_ascii_alphanumeric(), "-");
    Some(html! {
        <>
            <p class="edit-score"><span>{ t(lang, Msg::Score) }{ ": " }</span>
                <strong data-testid="edit-score">{ labels::before_after(lang, base.score, node.score, d) }</strong></p>
            <div class="edit-grid">
                <EditField id={format!("edit-weight-{key}")} label={t(lang, Msg::Weight)} kind={FieldKind::Weight}
                    value={node.weight.map(|w| plain(lang, w)).unwrap_or_default()}
                    was={(node.weight != base.weight).then(|| AttrValue::from(labels::weight(lang, base.weight)))}
                    onvalue={on_weight} />
            </div>
        </>
    })
}
