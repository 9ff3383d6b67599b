//! Why a number is what it is: the rule that produced each achievement and score, with
//! its inputs, in a form the app can show and an auditor can check by hand.

use crate::decimal::Decimal;
use crate::evaluate::Id;
use crate::plan::MeasureUnit;
use crate::{format, labels};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::labels::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Comparison {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = ">")]
    MoreThan,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "<")]
    LessThan,
    #[serde(rename = "=")]
    Equal,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => "≥",
            Comparison::MoreThan => ">",
            Comparison::AtMost => "≤",
            Comparison::LessThan => "<",
            Comparison::Equal => "=",
        }
    }
}

/// One term of a weighted mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub code: Id,
    /// The id of the node or indicator result, where it differs from the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    pub score: Decimal,
    pub weight: Decimal,
}

/// A weighted mean: its terms, what did not count (`excluded`), and its sums.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mean {
    pub terms: Vec<Term>,
    pub excluded: Vec<String>,
    pub equal_weights: bool,
    pub sum_products: Decimal,
    pub sum_weights: Decimal,
    pub result: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Explanation {
    /// Target met: 100 %.
    Met { comparison: Comparison, actual: Decimal, target: Decimal, unit: MeasureUnit },
    /// Partial credit by ratio: actual / target (or the smaller over the larger for `=`).
    Ratio { comparison: Comparison, actual: Decimal, target: Decimal, unit: MeasureUnit, result: Decimal },
    /// A missed at-most target under the ratio policy: target / actual.
    InverseRatio { comparison: Comparison, actual: Decimal, target: Decimal, unit: MeasureUnit, result: Decimal },
    /// A missed target that earns nothing, and why.
    MissedZero { comparison: Comparison, actual: Decimal, target: Decimal, unit: MeasureUnit, why: String },
    /// `Entro D`: 100 minus the penalty for each day late.
    Deadline { deadline: NaiveDate, done: NaiveDate, days_late: i64, penalty_per_day: Decimal, result: Decimal },
    /// A deadline whose actual only says done or not done.
    DoneFlag { deadline: NaiveDate, done: bool, result: Decimal },
    /// Excluded: non valutabile.
    NotEvaluable { reason: String },
    /// Not measured yet, left out under the plan's N/D rule (`policy.not_available`:
    /// `excluded`).
    NotAvailable,
    /// Not measured, counted as 0 % under the plan's N/D rule (`policy.not_available`:
    /// `zero`).
    NotAvailableZero,
    /// Monitored without a target.
    NoTarget,
    /// The inputs cannot be compared (validation reports it as an error too).
    Unscorable { reason: String },
    /// R = Σ(m·p) / Σp over the terms that count. Boxed: only nodes have one, and it
    /// would make every indicator's explanation as large as itself.
    WeightedMean(Box<Mean>),
    /// The score of one other node, taken as it is (a cruscotto line that is an objective).
    Same { code: String, result: Decimal },
    /// Nothing below could be scored.
    NothingToScore { excluded: Vec<String> },
}

impl Explanation {
    /// The number this explanation produces, if any.
    pub fn result(&self) -> Option<Decimal> {
        match self {
            Explanation::Met { .. } => Some(Decimal::ONE_HUNDRED),
            Explanation::MissedZero { .. } | Explanation::NotAvailableZero => Some(Decimal::ZERO),
            Explanation::WeightedMean(mean) => Some(mean.result),
            Explanation::Ratio { result, .. }
            | Explanation::InverseRatio { result, .. }
            | Explanation::Deadline { result, .. }
            | Explanation::DoneFlag { result, .. }
            | Explanation::Same { result, .. } => Some(*result),
            Explanation::NotEvaluable { .. }
            | Explanation::NotAvailable
            | Explanation::NoTarget
            | Explanation::Unscorable { .. }
            | Explanation::NothingToScore { .. } => None,
        }
    }

    /// One line a person can check, e.g. `242 / 400 = 60,50 %`.
    pub fn render(&self, lang: Lang) -> String {
        let it = lang == Lang::It;
        let pct = |v: Decimal| percent(v, lang);
        match self {
            Explanation::Met { comparison, actual, target, unit } => {
                let (a, t) = (labels::value(lang, *actual, *unit), labels::value(lang, *target, *unit));
                if it {
                    format!("{a} {} {t}: target raggiunto, 100,00 %", comparison.symbol())
                } else {
                    format!("{a} {} {t}: target met, 100.00 %", comparison.symbol())
                }
            }
            Explanation::Ratio { comparison, actual, target, unit, result } => {
                let (a, t) = (labels::value(lang, *actual, *unit), labels::value(lang, *target, *unit));
                let (num, den) = if *comparison == Comparison::Equal && actual > target { (&t, &a) } else { (&a, &t) };
                let capped = if *result == Decimal::ZERO && actual.is_sign_negative() {
                    if it {
                        " (minimo 0 %)"
                    } else {
                        " (at least 0 %)"
                    }
                } else {
                    ""
                };
                format!("{num} / {den} = {}{capped}", pct(*result))
            }
            Explanation::InverseRatio { actual, target, unit, result, .. } => {
                let (a, t) = (labels::value(lang, *actual, *unit), labels::value(lang, *target, *unit));
                if it {
                    format!("target massimo {t} superato: {t} / {a} = {}", pct(*result))
                } else {
                    format!("ceiling {t} exceeded: {t} / {a} = {}", pct(*result))
                }
            }
            Explanation::MissedZero { comparison, actual, target, unit, why } => {
                let (a, t) = (labels::value(lang, *actual, *unit), labels::value(lang, *target, *unit));
                if it {
                    format!("{a} non {} {t}: 0,00 % ({why})", comparison.symbol())
                } else {
                    format!("{a} not {} {t}: 0.00 % ({why})", comparison.symbol())
                }
            }
            Explanation::Deadline { deadline, done, days_late, penalty_per_day, result } => {
                let (d, dl) = (format::date(*done), format::date(*deadline));
                match (*days_late, it) {
                    (0, true) => format!("svolto il {d}, entro il {dl}: 100,00 %"),
                    (0, false) => format!("done on {d}, by {dl}: 100.00 %"),
                    (n, true) => format!("svolto il {d}, {n} giorni dopo il {dl}: 100 − {n} × {} = {}", number(*penalty_per_day, lang), pct(*result)),
                    (n, false) => format!("done on {d}, {n} days after {dl}: 100 − {n} × {} = {}", number(*penalty_per_day, lang), pct(*result)),
                }
            }
            Explanation::DoneFlag { deadline, done, result } => {
                let dl = format::date(*deadline);
                match (done, it) {
                    (true, true) => format!("svolto entro il {dl}: {}", pct(*result)),
                    (true, false) => format!("done by {dl}: {}", pct(*result)),
                    (false, true) => format!("non svolto entro il {dl}: {}", pct(*result)),
                    (false, false) => format!("not done by {dl}: {}", pct(*result)),
                }
            }
            Explanation::NotEvaluable { reason } => {
                if it {
                    format!("non valutabile ({reason}): escluso, i pesi degli altri sono riproporzionati")
                } else {
                    format!("not assessable ({reason}): excluded, the other weights are rescaled")
                }
            }
            Explanation::NotAvailable => {
                if it {
                    "dato non disponibile (N/D): escluso dal calcolo, per la regola N/D del piano (esclusi)".into()
                } else {
                    "not available yet (N/D): left out, under the plan's N/D rule (excluded)".into()
                }
            }
            Explanation::NotAvailableZero => {
                if it {
                    "dato non disponibile (N/D): 0,00 %, per la regola N/D del piano (contati come zero)".into()
                } else {
                    "not available (N/D): 0.00 %, under the plan's N/D rule (counted as zero)".into()
                }
            }
            Explanation::NoTarget => {
                if it {
                    "nessun target: solo monitoraggio".into()
                } else {
                    "no target: monitored only".into()
                }
            }
            Explanation::Unscorable { reason } => {
                if it {
                    format!("non calcolabile: {reason}")
                } else {
                    format!("cannot be scored: {reason}")
                }
            }
            Explanation::WeightedMean(mean) => {
                let Mean { terms, excluded, equal_weights, sum_products, sum_weights, result } = &**mean;
                let n = terms.len();
                let mut text = if *equal_weights {
                    if it {
                        format!(
                            "media semplice di {n} {}: {} / {n} = {}",
                            if n == 1 { "elemento" } else { "elementi" },
                            number(*sum_products, lang),
                            pct(*result)
                        )
                    } else {
                        format!("plain mean of {n} {}: {} / {n} = {}", if n == 1 { "item" } else { "items" }, number(*sum_products, lang), pct(*result))
                    }
                } else if it {
                    format!(
                        "Σ(m·p) / Σp su {n} {} = {} / {} = {}",
                        if n == 1 { "elemento" } else { "elementi" },
                        number(*sum_products, lang),
                        number(*sum_weights, lang),
                        pct(*result)
                    )
                } else {
                    format!(
                        "Σ(m·p) / Σp over {n} {} = {} / {} = {}",
                        if n == 1 { "item" } else { "items" },
                        number(*sum_products, lang),
                        number(*sum_weights, lang),
                        pct(*result)
                    )
                };
                if !excluded.is_empty() {
                    let list = excluded.join(", ");
                    text.push_str(&if it { format!("; esclusi: {list}") } else { format!("; left out: {list}") });
                }
                text
            }
            Explanation::Same { code, result } => {
                if it {
                    format!("punteggio di {code}: {}", pct(*result))
                } else {
                    format!("score of {code}: {}", pct(*result))
                }
            }
            Explanation::NothingToScore { excluded } => {
                let list = excluded.join(", ");
                match (excluded.is_empty(), it) {
                    (true, true) => "nessun elemento da valutare".into(),
                    (true, false) => "nothing to score".into(),
                    (false, true) => format!("nessun elemento valutabile (esclusi: {list})"),
                    (false, false) => format!("nothing can be scored (left out: {list})"),
                }
            }
        }
    }
}

fn number(v: Decimal, lang: Lang) -> String {
    format::as_written(lang, v)
}

fn percent(v: Decimal, lang: Lang) -> String {
    format::percent_in(lang, v, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn renders_what_an_auditor_checks() {
        let ratio = Explanation::Ratio { comparison: Comparison::AtLeast, actual: d("242"), target: d("400"), unit: MeasureUnit::Number, result: d("60.5") };
        assert_eq!(ratio.render(Lang::It), "242 N. / 400 N. = 60,50 %");
        assert_eq!(ratio.render(Lang::En), "242 N. / 400 N. = 60.50 %");
        let late = Explanation::Deadline {
            deadline: NaiveDate::from_ymd_opt(2023, 5, 31).unwrap(),
            done: NaiveDate::from_ymd_opt(2023, 6, 26).unwrap(),
            days_late: 26,
            penalty_per_day: Decimal::ONE,
            result: d("74"),
        };
        assert_eq!(late.render(Lang::It), "svolto il 26/06/2023, 26 giorni dopo il 31/05/2023: 100 − 26 × 1 = 74,00 %");
        let mean = Explanation::WeightedMean(Box::new(Mean {
            terms: vec![],
            excluded: vec!["X".into()],
            equal_weights: false,
            sum_products: d("1459.9"),
            sum_weights: d("15"),
            result: d("97.3266"),
        }));
        assert_eq!(mean.render(Lang::It), "Σ(m·p) / Σp su 0 elementi = 1.459,9 / 15 = 97,33 %; esclusi: X");
        // The plan's N/D rule is named wherever it decides a number.
        assert!(Explanation::NotAvailable.render(Lang::It).contains("regola N/D del piano (esclusi)"));
        assert!(Explanation::NotAvailableZero.render(Lang::En).contains("under the plan's N/D rule (counted as zero)"));
        assert_eq!(Explanation::NotAvailableZero.result(), Some(Decimal::ZERO));
    }
}
