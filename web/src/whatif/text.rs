//! The what-if panels' own text: one line for each edit, and the numbers and dates the
//! user types, read by the core's own readers of the documents' values.

use semaforo_core::labels;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::Edit;
use semaforo_core::{format, Decimal, Lang};

use crate::i18n::{t, Msg};
use crate::model::PlanView;

/// One line of the edit list: what changed, from what to what.
pub fn describe(lang: Lang, baseline: &PlanView, edit: &Edit) -> String {
    let code = edit.subject();
    let def = baseline.indicators.get(code);
    let unit = def.map(|d| d.unit).unwrap_or(semaforo_core::plan::MeasureUnit::Number);
    let target_text = |t: Option<&Target>| t.map(|t| labels::target(lang, t, unit)).unwrap_or_else(|| "—".into());
    let (field, was, now) = match edit {
        Edit::SetTarget { target, .. } => (t(lang, Msg::Target), target_text(def.and_then(|d| d.target.as_ref())), target_text(Some(target))),
        Edit::SetActual { actual, .. } => (
            t(lang, Msg::Actual),
            labels::actual(lang, def.and_then(|d| d.actual.as_ref()), unit),
            labels::actual(lang, actual.as_ref(), unit),
        ),
        Edit::Exclude { reason, .. } => (
            t(lang, Msg::Actual),
            labels::actual(lang, def.and_then(|d| d.actual.as_ref()), unit),
            labels::actual(lang, Some(&Actual::NotEvaluable { reason: reason.clone() }), unit),
        ),
        Edit::SetIndicatorWeight { weight, .. } => {
            (t(lang, Msg::Weight), labels::weight(lang, def.and_then(|d| d.weight)), labels::weight(lang, Some(*weight)))
        }
        Edit::SetObjectiveWeight { objective, weight } => (
            t(lang, Msg::Weight),
            labels::weight(lang, baseline.evaluation.node(objective).and_then(|n| n.weight)),
            labels::weight(lang, Some(*weight)),
        ),
    };
    format!("{code} · {field}: {was} → {now}")
}

/// A number typed in Italian (`97,5`, `1.010,5`, `-13,52`, `97,5 %`), read by the
/// core's own reader of the documents' numbers.
pub fn parse_number(text: &str) -> Option<Decimal> {
    use semaforo_core::import::values;
    values::parse_quantity(text).map(|q| q.value).or_else(|| values::parse_number(text))
}

pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    semaforo_core::import::values::parse_date(text)
}

/// The date as typed back into a field: `31/12/2023`.
pub fn date_text(d: chrono::NaiveDate) -> String {
    format::date(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn numbers_as_typed() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(parse_number("1.010,5"), Some(d("1010.5")));
        assert_eq!(parse_number("97,5 %"), Some(d("97.5")));
        assert_eq!(parse_number("abc"), None);
    }
}
