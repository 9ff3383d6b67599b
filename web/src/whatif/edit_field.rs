//! One what-if input: a labelled text field that reads an Italian number or date, says
//! inline what it expected when it cannot, and only then emits a value.
//!
//! The value is committed on `change` (Enter or leaving the field), so that a half-typed
//! `97,` never becomes an edit; the plan's own value is shown beside a changed one.

use semaforo_core::Decimal;
use semaforo_core::{parse, Lang};
use yew::prelude::*;

use crate::i18n::{t, use_lang, Msg};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Number,
    /// A number of zero or more.
    Weight,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldValue {
    Number(Decimal),
    Date(chrono::NaiveDate),
}

#[derive(Properties, PartialEq)]
pub struct EditFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The current value as it is typed (`97,5`, `31/12/2023`).
    pub value: AttrValue,
    pub kind: FieldKind,
    /// The plan's value, shown when the scenario changed it.
    #[prop_or_default]
    pub was: Option<AttrValue>,
    pub onvalue: Callback<FieldValue>,
}

/// Reads what was typed, in the interface language's number format.
pub fn read(lang: Lang, kind: FieldKind, text: &str) -> Result<FieldValue, Msg> {
    match kind {
        FieldKind::Date => parse::date(text).map(FieldValue::Date).ok_or(Msg::WhatIfExpectDate),
        FieldKind::Number | FieldKind::Weight => {
            let number = parse::number_in(lang, text);
            match (kind, number) {
                (FieldKind::Weight, Some(v)) if v.is_sign_negative() && !v.is_zero() => Err(Msg::WhatIfExpectWeight),
                (FieldKind::Weight, None) => Err(Msg::WhatIfExpectWeight),
                (_, Some(v)) => Ok(FieldValue::Number(v)),
                (_, None) => Err(Msg::WhatIfExpectNumber),
            }
        }
    }
}

#[function_component]
pub fn EditField(props: &EditFieldProps) -> Html {
    let lang = use_lang();
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<Msg>);
    {
        // A new value from outside (an undo, another scenario) replaces what was typed.
        let text = text.setter();
        let error = error.setter();
        use_effect_with(props.value.clone(), move |value| {
            text.set(value.to_string());
            error.set(None);
        });
    }
    let oninput = {
        let text = text.setter();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    let onchange = {
        let error = error.setter();
        let (kind, onvalue) = (props.kind, props.onvalue.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match read(lang, kind, &input.value()) {
                Ok(value) => {
                    error.set(None);
                    onvalue.emit(value);
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let was_id = format!("{}-was", props.id);
    let described =
        [error.is_some().then(|| error_id.clone()), props.was.is_some().then(|| was_id.clone())].into_iter().flatten().collect::<Vec<_>>().join(" ");
    html! {
        <div class={if error.is_some() { "edit-field invalid" } else { "edit-field" }}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} type="text" inputmode={if props.kind == FieldKind::Date { "numeric" } else { "decimal" }}
                autocomplete="off" value={(*text).clone()} {oninput} {onchange}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then_some(described)}
                data-testid={props.id.clone()} />
            if let Some(was) = &props.was {
                <span id={was_id} class="was small">{ format!("{}: {was}", t(lang, Msg::WhatIfInPlan)) }</span>
            }
            if let Some(msg) = *error {
                <p id={error_id} class="field-error" role="alert">{ format!("“{}”: {}", *text, t(lang, msg)) }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn reads_italian_and_english_numbers_and_says_what_it_expected() {
        let n = |s: &str| FieldValue::Number(Decimal::from_str(s).unwrap());
        assert_eq!(read(Lang::It, FieldKind::Number, "1.010,5"), Ok(n("1010.5")));
        assert_eq!(read(Lang::It, FieldKind::Number, "97,5"), Ok(n("97.5")));
        assert_eq!(read(Lang::It, FieldKind::Number, "-13,52"), Ok(n("-13.52")));
        assert_eq!(read(Lang::En, FieldKind::Number, "1,010.5"), Ok(n("1010.5")));
        assert_eq!(read(Lang::It, FieldKind::Number, "tanti"), Err(Msg::WhatIfExpectNumber));
        assert_eq!(read(Lang::It, FieldKind::Weight, "-3"), Err(Msg::WhatIfExpectWeight));
        assert_eq!(read(Lang::It, FieldKind::Date, "31/12/2023"), Ok(FieldValue::Date(chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap())));
        assert_eq!(read(Lang::It, FieldKind::Date, "31/13/2023"), Err(Msg::WhatIfExpectDate));
    }
}
