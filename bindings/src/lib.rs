//! Semaforo's core as a JavaScript package (`wasm-pack build --target web`): validate,
//! evaluate, explain and audit a performance plan, goal seek and sensitivity, Italian percents.
//!
//! A thin adapter with no domain logic. Every export does the same three steps: read its
//! arguments from JS (a plan as JSON text, or an object turned into JSON text with
//! `JSON.stringify` so that paths and decimals behave exactly as for a file), call
//! [`api`] (which calls the core), and write the result back with one serializer,
//! [`to_js`]. Every failure is thrown by one helper, [`throw`], as a `SemaforoError`: an
//! `Error` whose `diagnostics` property holds every problem with its path, code,
//! parameters and message. Every call that can report a problem takes an optional last
//! `lang` (`"it"`, the default, or `"en"`): the core renders the messages in it. The
//! TypeScript types are hand-written in `types.d.ts`.

pub mod api;

use semaforo_core::diagnostic::Localized;
use semaforo_core::{Code, Diagnostic, Lang};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// The one serializer of every result: plain objects (not `Map`s), `null` for a `None`
/// that the core writes, numbers for integers. Decimals arrive as strings already: the
/// core's `Decimal` serialises as text, so no value passes through a float.
///
/// The value crosses the boundary in one step, as JSON text that `JSON.parse` reads: the
/// same objects as serializing each field into JS, several times faster on large results
/// (each field of 100 000 results was a call across the boundary).
fn to_js<T: Serialize>(value: &T, lang: Lang) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| throw(vec![Diagnostic::internal(e)], lang))?;
    js_sys::JSON::parse(&text).map_err(|_| throw(vec![Diagnostic::internal("JSON.parse refused the result")], lang))
}

/// Turns diagnostics into the thrown value: `Error { name: "SemaforoError", message,
/// diagnostics: Diagnostic[] }`, the messages in `lang`.
fn throw(diagnostics: Vec<Diagnostic>, lang: Lang) -> JsValue {
    let error = js_sys::Error::new(&api::error_message(&diagnostics, lang));
    error.set_name("SemaforoError");
    let list =
        Localized { value: &diagnostics, lang }.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or_else(|_| js_sys::Array::new().into());
    // Setting a property on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("diagnostics"), &list);
    error.into()
}

/// Either an `Ok` value to serialize or diagnostics to throw, in `lang`.
fn finish<T: Serialize>(outcome: api::Outcome<T>, lang: Lang) -> Result<JsValue, JsValue> {
    match outcome {
        Ok(value) => to_js(&value, lang),
        Err(diagnostics) => Err(throw(diagnostics, lang)),
    }
}

/// A plan argument as JSON text: a string as it is, anything else through JSON.stringify.
fn plan_text(plan: &JsValue) -> Result<String, Vec<Diagnostic>> {
    if let Some(text) = plan.as_string() {
        return Ok(text);
    }
    json_text(plan).ok_or_else(|| vec![Diagnostic::not_json_input(Code::MalformedJson)])
}

/// `JSON.stringify(value)`, or `None` when it throws (a cycle, a BigInt) or gives
/// `undefined` (a function, `undefined` itself).
fn json_text(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok().and_then(|text| text.as_string())
}

/// An optional argument: `None` for `undefined` and `null`.
fn given(value: &JsValue) -> Option<&JsValue> {
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// A string-valued enum argument (`"it"`, `"actual"`), or a `bad-argument` diagnostic.
fn choice<T: DeserializeOwned>(argument: &str, value: &JsValue, choices: &[&str]) -> Result<T, Vec<Diagnostic>> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(|_| vec![Diagnostic::bad_choice(argument, choices)])
}

/// The language of messages (and of `explain`'s text): Italian unless told. A `lang`
/// that is neither is itself reported, in Italian.
fn language(lang: Option<String>) -> Result<Lang, Vec<Diagnostic>> {
    match lang {
        Some(lang) => choice("lang", &JsValue::from_str(&lang), &["it", "en"]),
        None => Ok(Lang::It),
    }
}

/// Every problem of a plan, errors and warnings, each with its JSON path, its messages in
/// `lang` (Italian by default). Never throws: malformed JSON is a diagnostic too, and so
/// is a `lang` that is neither `"it"` nor `"en"`. An empty list means a clean plan.
#[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let (lang, diagnostics) = match language(lang) {
        Ok(lang) => match plan_text(&plan) {
            Ok(text) => (lang, api::validate(&text)),
            Err(diagnostics) => (lang, diagnostics),
        },
        Err(diagnostics) => (Lang::It, diagnostics),
    };
    to_js(&Localized { value: &diagnostics, lang }, lang)
}

/// Every node's score and every indicator's achievement, with their explanations; with
/// a scenario, of the plan with its edits applied, plus what they changed. Throws a
/// `SemaforoError` for an invalid plan, a malformed scenario or an edit naming a code
/// the plan lacks. Messages (the warnings', the error's) are in `lang`.
#[wasm_bindgen(unchecked_return_type = "Evaluation")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario | string | null")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    let run = || {
        let text = plan_text(&plan)?;
        let scenario = match given(&scenario) {
            Some(value) => Some(value.as_string().or_else(|| json_text(value)).ok_or_else(|| vec![Diagnostic::not_json_input(Code::BadScenario)])?),
            None => None,
        };
        api::evaluate(&text, scenario.as_deref(), lang)
    };
    finish(run(), lang)
}

/// The audit of a report, as an OIV checks it: every finding (severity, stable code,
/// location with the document's section and line, parameters, likely cause, message and
/// why it matters for the score, in `lang`), their counts, a summary line and the CSV.
/// Throws a `SemaforoError` for an invalid plan.
#[wasm_bindgen(unchecked_return_type = "AuditResult")]
pub fn audit(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    finish(plan_text(&plan).and_then(|text| api::audit(&text, lang)), lang)
}

/// The explanation of one node or indicator (by its evaluation id), rendered as one line
/// in Italian (the default) or English; errors in the same language.
#[wasm_bindgen(unchecked_return_type = "ExplainResult")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    id: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    finish(plan_text(&plan).and_then(|text| api::explain(&text, id, lang)), lang)
}

/// The value of `indicator`'s actual (or target) at which `node` scores `goal` (a decimal
/// string, `"95"`), with the edit that sets it; errors in `lang`.
#[wasm_bindgen(js_name = goalSeek, unchecked_return_type = "GoalSeek")]
pub fn goal_seek(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    indicator: &str,
    node: &str,
    goal: &str,
    #[wasm_bindgen(unchecked_param_type = "Unknown")] unknown: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    let run = || {
        let text = plan_text(&plan)?;
        let unknown = choice("unknown", &unknown, &["actual", "target"])?;
        api::goal_seek(&text, indicator, node, goal, unknown)
    };
    finish(run(), lang)
}

/// Every indicator that counts in `node`, the most influential first: the weight each
/// carries there after all the weighting down the tree, and its effect per unit; errors
/// in `lang`.
#[wasm_bindgen(unchecked_return_type = "Sensitivity[]")]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    node: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    finish(plan_text(&plan).and_then(|text| api::sensitivity(&text, node)), lang)
}

/// A decimal string as a percent: `"98.9612"` → `"98,96 %"` as Italian documents print
/// it (the default), `"98.96 %"` in English; 2 decimals unless told, rounding half away
/// from zero. Errors in the same language.
#[wasm_bindgen(js_name = formatPercent)]
pub fn format_percent(
    value: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "number | null")] decimals: Option<u32>,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<String, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    api::format_percent(value, decimals, lang).map_err(|d| throw(d, lang))
}

/// A plan kept evaluated for edits, from [`live`]: `live.edit({...})` applies one edit and
/// re-evaluates only what depends on it; `live.node(id)`, `live.indicator(id)` and
/// `live.evaluation()` read the results, `live.recomputed` how many nodes the last edit
/// updated. Its messages are in the `lang` it was made with.
#[wasm_bindgen(js_name = Live)]
pub struct LivePlan {
    live: semaforo_core::live::Live,
    warnings: Vec<Diagnostic>,
    lang: Lang,
}

/// A plan kept evaluated for a script's edits: `const live = semaforo.live(plan);
/// live.edit({ edit: "set_actual", indicator: "X", actual: { value: "5" } }); live.node("ENTE")`.
/// Throws a `SemaforoError` for an invalid plan (messages in `lang`).
#[wasm_bindgen]
pub fn live(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | null")] lang: Option<String>,
) -> Result<LivePlan, JsValue> {
    let lang = language(lang).map_err(|d| throw(d, Lang::It))?;
    let text = plan_text(&plan).map_err(|d| throw(d, lang))?;
    let (live, warnings) = api::live(&text).map_err(|d| throw(d, lang))?;
    Ok(LivePlan { live, warnings, lang })
}

#[wasm_bindgen(js_class = Live)]
impl LivePlan {
    /// Applies one edit (an `Edit`, or its JSON text). Throws a `SemaforoError`, and
    /// changes nothing, when it is malformed or names a code the plan lacks.
    pub fn edit(&mut self, #[wasm_bindgen(unchecked_param_type = "Edit | string")] edit: JsValue) -> Result<(), JsValue> {
        let text = edit.as_string().or_else(|| json_text(&edit)).ok_or_else(|| throw(vec![Diagnostic::not_json_input(Code::BadScenario)], self.lang))?;
        api::live_edit(&mut self.live, &text).map_err(|d| throw(d, self.lang))
    }

    /// One node's result by its evaluation id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "NodeResult | undefined")]
    pub fn node(&self, id: &str) -> Result<JsValue, JsValue> {
        self.live.evaluation().node(id).map_or(Ok(JsValue::UNDEFINED), |node| to_js(node, self.lang))
    }

    /// One indicator's result by its evaluation id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "IndicatorResult | undefined")]
    pub fn indicator(&self, id: &str) -> Result<JsValue, JsValue> {
        self.live.evaluation().indicator(id).map_or(Ok(JsValue::UNDEFINED), |result| to_js(result, self.lang))
    }

    /// Every result, as `evaluate` gives them (without `changes`).
    #[wasm_bindgen(unchecked_return_type = "Evaluation")]
    pub fn evaluation(&self) -> Result<JsValue, JsValue> {
        let evaluation = self.live.evaluation();
        let out = api::LiveEvaluation {
            nodes: &evaluation.nodes,
            indicators: &evaluation.indicators,
            warnings: Localized { value: &self.warnings, lang: self.lang },
        };
        to_js(&out, self.lang)
    }

    /// How many nodes the last edit updated: the edited item's ancestors and the
    /// cruscotti and units that weigh them, never the whole plan.
    #[wasm_bindgen(getter)]
    pub fn recomputed(&self) -> usize {
        self.live.recomputed()
    }
}
