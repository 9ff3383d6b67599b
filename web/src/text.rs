//! Numbers, targets and actuals as text, in the interface language.
//!
//! Only formatting lives here: every digit comes from `semaforo_core::format` (Italian
//! `97,87 %`, `31/12/2023`) or its English twin, so the page shows exactly what the core
//! and the command line print.

use semaforo_core::Decimal;
use semaforo_core::explain::value;
use semaforo_core::format;
use semaforo_core::plan::{Actual, MeasureUnit, Target};
use semaforo_core::score::Deviation;
use semaforo_core::Lang;

/// `98,96 %` in Italian, `98.96 %` in English.
pub fn percent(lang: Lang, v: Decimal, decimals: u32) -> String {
    match lang {
        Lang::It => format::percent(v, decimals),
        Lang::En => format!("{} %", format::number_en(v, decimals)),
    }
}

pub fn number(lang: Lang, v: Decimal, decimals: u32) -> String {
    match lang {
        Lang::It => format::number(v, decimals),
        Lang::En => format::number_en(v, decimals),
    }
}

/// A score, or the "not available" mark.
pub fn score(lang: Lang, v: Option<Decimal>, decimals: u32) -> String {
    match v {
        Some(v) => percent(lang, v, decimals),
        None => crate::i18n::t(lang, crate::i18n::Msg::NotAvailable).to_string(),
    }
}

/// A weight among siblings: `16,70 %`; absent weights mean equal shares.
pub fn weight(lang: Lang, v: Option<Decimal>) -> String {
    match v {
        Some(v) => percent(lang, v, 2),
        None => (if lang == Lang::It { "pesi uguali" } else { "equal weights" }).to_string(),
    }
}

/// Euro with two decimals: `€ 518.253,97`.
pub fn euro(lang: Lang, v: Decimal) -> String {
    format!("€ {}", number(lang, v, 2))
}

pub fn target(lang: Lang, target: &Target, unit: MeasureUnit) -> String {
    let (symbol, v) = match target {
        Target::AtLeast { value } => ("≥", *value),
        Target::MoreThan { value } => (">", *value),
        Target::AtMost { value } => ("≤", *value),
        Target::LessThan { value } => ("<", *value),
        Target::Equal { value } => ("=", *value),
        Target::Deadline { date } => {
            let by = if lang == Lang::It { "entro il" } else { "by" };
            return format!("{by} {}", format::date(*date));
        }
    };
    format!("{symbol} {}", value(v, unit, lang))
}

pub fn actual(lang: Lang, actual: Option<&Actual>, unit: MeasureUnit) -> String {
    let it = lang == Lang::It;
    match actual {
        None => "N/D".to_string(),
        Some(Actual::Value(v)) => value(*v, unit, lang),
        Some(Actual::Ratio { numerator, denominator }) => {
            // The documents print ratios as `46 N. / 47 N.`; the quotient is the core's job.
            format!("{} / {}", value(*numerator, MeasureUnit::Number, lang), value(*denominator, MeasureUnit::Number, lang))
        }
        Some(Actual::Date(d)) => format::date(*d),
        Some(Actual::Flag(true)) => (if it { "SI" } else { "YES" }).to_string(),
        Some(Actual::Flag(false)) => "NO".to_string(),
        Some(Actual::NotEvaluable { reason }) => format!("N.V. ({reason})"),
        Some(Actual::NotAvailable { reason: Some(r) }) => format!("N/D ({r})"),
        Some(Actual::NotAvailable { reason: None }) => "N/D".to_string(),
    }
}

/// `+8,32 %`, `-0,36 gg`: the sign always shown, as the reports print deviations.
pub fn deviation(lang: Lang, d: &Deviation) -> String {
    let n = match lang {
        Lang::It => format::signed(d.value, 2),
        Lang::En => format::signed(d.value, 2).chars().map(|c| match c { '.' => ',', ',' => '.', c => c }).collect(),
    };
    match (d.unit, lang) {
        (MeasureUnit::Percent, _) => format!("{n} %"),
        (MeasureUnit::Number, _) => format!("{n} N."),
        (MeasureUnit::Days, Lang::It) | (MeasureUnit::Date, Lang::It) => format!("{n} gg"),
        (MeasureUnit::Days, Lang::En) | (MeasureUnit::Date, Lang::En) => format!("{n} days"),
        (MeasureUnit::Euro, _) => format!("€ {n}"),
        (MeasureUnit::Flag, _) => n,
    }
}

pub fn unit_name(lang: Lang, unit: MeasureUnit) -> &'static str {
    match (unit, lang) {
        (MeasureUnit::Percent, _) => "%",
        (MeasureUnit::Number, _) => "N.",
        (MeasureUnit::Days, Lang::It) => "gg",
        (MeasureUnit::Days, Lang::En) => "days",
        (MeasureUnit::Euro, _) => "€",
        (MeasureUnit::Date, Lang::It) => "data",
        (MeasureUnit::Date, Lang::En) => "date",
        (MeasureUnit::Flag, Lang::It) => "SI/NO",
        (MeasureUnit::Flag, Lang::En) => "yes/no",
    }
}

/// A file size for the loading message: `1,2 MB`.
pub fn bytes(lang: Lang, n: f64) -> String {
    let (v, unit) = if n >= 1_048_576.0 { (n / 1_048_576.0, "MB") } else { (n / 1024.0, "KB") };
    let tenths = (v * 10.0).round() as u64;
    let text = format!("{}.{}", tenths / 10, tenths % 10);
    match lang {
        Lang::It => format!("{} {unit}", text.replace('.', ",")),
        Lang::En => format!("{text} {unit}"),
    }
}

/// Lower-case text for searching; accents are kept (users type them as written).
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// A plain f64 for drawing only (SVG geometry); never used for a score.
pub fn to_f64(v: Decimal) -> f64 {
    v.to_f64_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn italian_and_english_figures() {
        let cases = [
            (percent(Lang::It, d("98.9612"), 2), "98,96 %"),
            (percent(Lang::En, d("98.9612"), 2), "98.96 %"),
            (euro(Lang::It, d("518253.97")), "€ 518.253,97"),
            (target(Lang::It, &Target::AtLeast { value: d("90") }, MeasureUnit::Percent), "≥ 90 %"),
            (
                target(Lang::It, &Target::Deadline { date: chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap() }, MeasureUnit::Date),
                "entro il 31/12/2023",
            ),
            (actual(Lang::It, Some(&Actual::Ratio { numerator: d("46"), denominator: d("47") }), MeasureUnit::Percent), "46 N. / 47 N."),
            (actual(Lang::En, None, MeasureUnit::Percent), "N/D"),
            (deviation(Lang::It, &Deviation { value: d("8.32"), unit: MeasureUnit::Percent }), "+8,32 %"),
            (deviation(Lang::En, &Deviation { value: d("-1234.5"), unit: MeasureUnit::Days }), "-1,234.50 days"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }
}

/// An SVG coordinate with two decimals, written with integer arithmetic: the float
/// formatter would add its weight to the wasm for drawing alone.
pub fn svg(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", h / 100, h % 100)
}
