//! The what-if panels' own text: one line for each edit, and dates as typed back into a
//! field (what the user types is read by the core's `parse`).

use semaforo_core::labels;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::Edit;
use semaforo_core::{format, Lang};

use crate::i18n::{t, Msg};
use crate::model::PlanView;

/// One line of the edit list: what changed, from what to what.
pub fn describe(lang: Lang, baseline: &PlanView, edit: &Edit) -> String {
    let code = edit.subject();
    let def = baseline.definition(code);
    let unit = def.map(|d| d.unit).unwrap_or(semaforo_core::plan::MeasureUnit::Number);
    let target_text = |t: Option<&Target>| t.map(|t| labels::target(lang, t, unit)).unwrap_or_else(|| "—".into());
    let (field, was, now) = match edit {
        Edit::SetTarget { target, .. } => (t(lang, Msg::Target), target_text(def.and_then(|d| d.target.as_ref())), target_text(Some(target))),
        Edit::SetActual { actual, .. } => {
            (t(lang, Msg::Actual), labels::actual(lang, def.and_then(|d| d.actual.as_ref()), unit), labels::actual(lang, actual.as_ref(), unit))
        }
        Edit::Exclude { reason, .. } => (
            t(lang, Msg::Actual),
            labels::actual(lang, def.and_then(|d| d.actual.as_ref()), unit),
            labels::actual(lang, Some(&Actual::NotEvaluable { reason: reason.clone() }), unit),
        ),
        Edit::SetIndicatorWeight { weight, .. } => {
            (t(lang, Msg::Weight), labels::weight(lang, def.and_then(|d| d.weight)), labels::weight(lang, Some(*weight)))
        }
        Edit::SetObjectiveWeight { objective, weight } => {
            (t(lang, Msg::Weight), labels::weight(lang, baseline.evaluation.node(objective).and_then(|n| n.weight)), labels::weight(lang, Some(*weight)))
        }
    };
    format!("{code} · {field}: {was} → {now}")
}

/// The date as typed back into a field: `31/12/2023`.
pub fn date_text(d: chrono::NaiveDate) -> String {
    format::date(d)
}
