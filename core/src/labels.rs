//! The domain's words in Italian and English, said once: verdicts, levels, kinds,
//! perspectives, units, and values with their units, targets, actuals and deviations.
//!
//! The command line and the app print what these return, so the same thing has the same
//! name wherever a reader meets it (a test in the app compares its words with these).
//! Numbers inside them come from [`format`], in the language's own notation.

use crate::decimal::Decimal;
use crate::evaluate::NodeKind;
use crate::format;
use crate::import::RowRole;
use crate::plan::{Actual, IndicatorKind, MeasureUnit, Perspective, Target, UnitKind, Verdict};
use crate::score::Deviation;
use serde::{Deserialize, Serialize};

/// The language a reader reads: Italian first, as the documents are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    /// The BCP 47 tag: `it`, `en` (`<html lang>`, `--lang`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// Of a text written in both languages, the one in this language.
    pub fn pick<T>(self, it: T, en: T) -> T {
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

/// The verdict in words; `None` (no score) is "not available". Beside a traffic light
/// these words are the signal that does not depend on colour.
pub fn verdict(lang: Lang, v: Option<Verdict>) -> &'static str {
    match (lang, v) {
        (Lang::It, Some(Verdict::Raggiunto)) => "Raggiunto",
        (Lang::It, Some(Verdict::ParzialmenteRaggiunto)) => "Parzialmente raggiunto",
        (Lang::It, Some(Verdict::NonRaggiunto)) => "Non raggiunto",
        (Lang::It, Some(Verdict::NonValutabile)) => "Non valutabile",
        (Lang::It, None) => "Non disponibile",
        (Lang::En, Some(Verdict::Raggiunto)) => "Reached",
        (Lang::En, Some(Verdict::ParzialmenteRaggiunto)) => "Partially reached",
        (Lang::En, Some(Verdict::NonRaggiunto)) => "Not reached",
        (Lang::En, Some(Verdict::NonValutabile)) => "Not assessable",
        (Lang::En, None) => "Not available",
    }
}

/// A text mark for the verdict, for places with no colour (a terminal): `●`, `◐`, `○`, `–`.
pub fn verdict_mark(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Raggiunto) => "●",
        Some(Verdict::ParzialmenteRaggiunto) => "◐",
        Some(Verdict::NonRaggiunto) => "○",
        Some(Verdict::NonValutabile) | None => "–",
    }
}

/// The short level badge the documents print before a code: AS, OS, OO.
pub fn kind_badge(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Ente => "ENTE",
        NodeKind::Area => "AS",
        NodeKind::Strategic => "OS",
        NodeKind::Operational => "OO",
        NodeKind::Unit => "UO",
        NodeKind::Cruscotto => "CR",
        NodeKind::Group => "GR",
    }
}

pub fn kind_name(lang: Lang, kind: NodeKind) -> &'static str {
    match (lang, kind) {
        (Lang::It, NodeKind::Ente) => "Ente",
        (Lang::It, NodeKind::Area) => "Ambito strategico",
        (Lang::It, NodeKind::Strategic) => "Obiettivo strategico",
        (Lang::It, NodeKind::Operational) => "Obiettivo operativo",
        (Lang::It, NodeKind::Unit) => "Unità organizzativa",
        (Lang::It, NodeKind::Cruscotto) => "Cruscotto",
        (Lang::It, NodeKind::Group) => "Gruppo del cruscotto",
        (Lang::En, NodeKind::Ente) => "Body",
        (Lang::En, NodeKind::Area) => "Strategic area",
        (Lang::En, NodeKind::Strategic) => "Strategic objective",
        (Lang::En, NodeKind::Operational) => "Operational objective",
        (Lang::En, NodeKind::Unit) => "Organisational unit",
        (Lang::En, NodeKind::Cruscotto) => "Dashboard",
        (Lang::En, NodeKind::Group) => "Dashboard group",
    }
}

pub fn indicator_word(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "Indicatore",
        Lang::En => "Indicator",
    }
}

/// The four perspectives of the balanced scorecard, in the documents' order.
pub const PERSPECTIVES: [Perspective; 4] =
    [Perspective::UtentiImpreseTerritorio, Perspective::ProcessiInterni, Perspective::ApprendimentoCrescita, Perspective::EconomicoFinanziaria];

pub fn perspective(lang: Lang, p: Perspective) -> &'static str {
    match (lang, p) {
        (Lang::It, Perspective::UtentiImpreseTerritorio) => "Utenti, imprese e territorio",
        (Lang::It, Perspective::ProcessiInterni) => "Processi interni",
        (Lang::It, Perspective::ApprendimentoCrescita) => "Apprendimento e crescita",
        (Lang::It, Perspective::EconomicoFinanziaria) => "Economico-finanziaria",
        (Lang::En, Perspective::UtentiImpreseTerritorio) => "Users, businesses and territory",
        (Lang::En, Perspective::ProcessiInterni) => "Internal processes",
        (Lang::En, Perspective::ApprendimentoCrescita) => "Learning and growth",
        (Lang::En, Perspective::EconomicoFinanziaria) => "Economic and financial",
    }
}

/// The tipologia of an indicator.
pub fn indicator_kind(lang: Lang, k: IndicatorKind) -> &'static str {
    match (lang, k) {
        (Lang::It, IndicatorKind::Efficacia) => "Efficacia",
        (Lang::It, IndicatorKind::Efficienza) => "Efficienza",
        (Lang::It, IndicatorKind::Qualita) => "Qualità",
        (Lang::It, IndicatorKind::Volume) => "Volume",
        (Lang::It, IndicatorKind::Outcome) => "Outcome",
        (Lang::It, IndicatorKind::Struttura) => "Struttura",
        (Lang::It, IndicatorKind::SaluteEconomica) => "Salute economica",
        (Lang::En, IndicatorKind::Efficacia) => "Effectiveness",
        (Lang::En, IndicatorKind::Efficienza) => "Efficiency",
        (Lang::En, IndicatorKind::Qualita) => "Quality",
        (Lang::En, IndicatorKind::Volume) => "Volume",
        (Lang::En, IndicatorKind::Outcome) => "Outcome",
        (Lang::En, IndicatorKind::Struttura) => "Structure",
        (Lang::En, IndicatorKind::SaluteEconomica) => "Economic health",
    }
}

pub fn unit_kind(lang: Lang, k: UnitKind) -> &'static str {
    match (lang, k) {
        (Lang::It, UnitKind::Area) => "Area",
        (Lang::It, UnitKind::Servizio) => "Servizio",
        (Lang::It, UnitKind::Ufficio) => "Ufficio",
        (Lang::It, UnitKind::AziendaSpeciale) => "Azienda speciale",
        (Lang::En, UnitKind::Area) => "Area",
        (Lang::En, UnitKind::Servizio) => "Service",
        (Lang::En, UnitKind::Ufficio) => "Office",
        (Lang::En, UnitKind::AziendaSpeciale) => "Special agency",
    }
}

/// What a row of an imported table is, as the importer's preview and role selector say it.
pub fn row_role(lang: Lang, role: RowRole) -> &'static str {
    match (lang, role) {
        (Lang::It, RowRole::Header) => "intestazione",
        (Lang::It, RowRole::Title) => "titolo",
        (Lang::It, RowRole::Perspective) => "prospettiva",
        (Lang::It, RowRole::Area) => "ambito strategico",
        (Lang::It, RowRole::Strategic) => "obiettivo strategico",
        (Lang::It, RowRole::Operational) => "obiettivo operativo",
        (Lang::It, RowRole::Cruscotto) => "cruscotto",
        (Lang::It, RowRole::Indicator) => "indicatore",
        (Lang::It, RowRole::Total) => "totale",
        (Lang::It, RowRole::Continuation) => "continua la riga precedente",
        (Lang::It, RowRole::Ignore) => "ignora",
        (Lang::En, RowRole::Header) => "column headings",
        (Lang::En, RowRole::Title) => "title",
        (Lang::En, RowRole::Perspective) => "perspective",
        (Lang::En, RowRole::Area) => "strategic area",
        (Lang::En, RowRole::Strategic) => "strategic objective",
        (Lang::En, RowRole::Operational) => "operational objective",
        (Lang::En, RowRole::Cruscotto) => "dashboard (cruscotto)",
        (Lang::En, RowRole::Indicator) => "indicator",
        (Lang::En, RowRole::Total) => "total",
        (Lang::En, RowRole::Continuation) => "continues the previous row",
        (Lang::En, RowRole::Ignore) => "ignore",
    }
}

/// The unit's symbol or name, as a column heading says it: `%`, `N.`, `gg`.
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

/// "Not available": a score that cannot be computed, an actual not given.
pub fn not_available(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "N/D",
        Lang::En => "N/A",
    }
}

/// A value with its unit, with the decimals it was written with: `97,87 %`, `242 N.`,
/// `5 gg`, `€ 1.000`.
pub fn value(lang: Lang, v: Decimal, unit: MeasureUnit) -> String {
    with_unit(lang, format::as_written(lang, v), unit)
}

fn with_unit(lang: Lang, n: String, unit: MeasureUnit) -> String {
    match (unit, lang) {
        (MeasureUnit::Percent, _) => format!("{n} %"),
        (MeasureUnit::Number, _) => format!("{n} N."),
        (MeasureUnit::Days, Lang::It) => format!("{n} gg"),
        (MeasureUnit::Days, Lang::En) => format!("{n} days"),
        (MeasureUnit::Euro, _) => format!("€ {n}"),
        (MeasureUnit::Date, _) | (MeasureUnit::Flag, _) => n,
    }
}

/// A score with the plan's decimals, or "not available".
pub fn score(lang: Lang, v: Option<Decimal>, decimals: u32) -> String {
    match v {
        Some(v) => format::percent_in(lang, v, decimals),
        None => not_available(lang).to_string(),
    }
}

/// A weight among siblings: `16,70 %`; absent weights mean equal shares.
pub fn weight(lang: Lang, v: Option<Decimal>) -> String {
    match (v, lang) {
        (Some(v), _) => format::percent_in(lang, v, 2),
        (None, Lang::It) => "pesi uguali".to_string(),
        (None, Lang::En) => "equal weights".to_string(),
    }
}

/// Euro with two decimals: `€ 518.253,97`.
pub fn euro(lang: Lang, v: Decimal) -> String {
    format!("€ {}", format::number_in(lang, v, 2))
}

/// A target as the documents print it: `≥ 90 %`, `entro il 31/12/2023`.
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
    format!("{symbol} {}", value(lang, v, unit))
}

/// An actual as the documents print it; a ratio as its two terms (`46 N. / 47 N.`), the
/// quotient being the score's business.
pub fn actual(lang: Lang, actual: Option<&Actual>, unit: MeasureUnit) -> String {
    match actual {
        None => "N/D".to_string(),
        Some(Actual::Value(v)) => value(lang, *v, unit),
        Some(Actual::Ratio { numerator, denominator }) => {
            format!("{} / {}", value(lang, *numerator, MeasureUnit::Number), value(lang, *denominator, MeasureUnit::Number))
        }
        Some(Actual::Date(d)) => format::date(*d),
        Some(Actual::Flag(true)) => (if lang == Lang::It { "SI" } else { "YES" }).to_string(),
        Some(Actual::Flag(false)) => "NO".to_string(),
        Some(Actual::NotEvaluable { reason }) => format!("N.V. ({reason})"),
        Some(Actual::NotAvailable { reason: Some(r) }) => format!("N/D ({r})"),
        Some(Actual::NotAvailable { reason: None }) => "N/D".to_string(),
    }
}

/// `+8,32 %`, `-0,36 gg`: the sign always shown, as the reports print deviations. A
/// deadline's deviation is in days.
pub fn deviation(lang: Lang, d: &Deviation) -> String {
    let unit = if d.unit == MeasureUnit::Date { MeasureUnit::Days } else { d.unit };
    with_unit(lang, format::signed_in(lang, d.value, 2), unit)
}

/// A difference of scores as the what-if view shows it: `+1,61`, `−1,61` (a true minus
/// sign), `+0,00` when it rounds to nothing.
pub fn difference(lang: Lang, v: Decimal) -> String {
    let s = format::number_in(lang, v.abs(), 2);
    if v.is_sign_negative() && !v.round_half_up(2).is_zero() {
        format!("−{s}")
    } else {
        format!("+{s}")
    }
}

/// `97,01 % → 95,40 % (−1,61)`, or the one score when nothing changed.
pub fn before_after(lang: Lang, before: Option<Decimal>, after: Option<Decimal>, decimals: u32) -> String {
    let now = score(lang, after, decimals);
    if before == after {
        return now;
    }
    let was = score(lang, before, decimals);
    match crate::scenario::delta(before, after) {
        Some(delta) => format!("{was} → {now} ({})", difference(lang, delta)),
        None => format!("{was} → {now}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn values_targets_actuals_and_deviations_in_both_languages() {
        let cases = [
            (format::percent_in(Lang::It, d("98.9612"), 2), "98,96 %"),
            (format::percent_in(Lang::En, d("98.9612"), 2), "98.96 %"),
            (euro(Lang::It, d("518253.97")), "€ 518.253,97"),
            (target(Lang::It, &Target::AtLeast { value: d("90") }, MeasureUnit::Percent), "≥ 90 %"),
            (target(Lang::It, &Target::Deadline { date: chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap() }, MeasureUnit::Date), "entro il 31/12/2023"),
            (actual(Lang::It, Some(&Actual::Ratio { numerator: d("46"), denominator: d("47") }), MeasureUnit::Percent), "46 N. / 47 N."),
            (actual(Lang::En, None, MeasureUnit::Percent), "N/D"),
            (deviation(Lang::It, &Deviation { value: d("8.32"), unit: MeasureUnit::Percent }), "+8,32 %"),
            (deviation(Lang::En, &Deviation { value: d("-1234.5"), unit: MeasureUnit::Days }), "-1,234.50 days"),
            (deviation(Lang::It, &Deviation { value: d("3"), unit: MeasureUnit::Date }), "+3,00 gg"),
            (value(Lang::It, d("24.645"), MeasureUnit::Percent), "24,645 %"),
            (score(Lang::En, None, 2), "N/A"),
            (before_after(Lang::It, Some(d("97.01")), Some(d("95.4")), 2), "97,01 % → 95,40 % (−1,61)"),
            (before_after(Lang::En, Some(d("95.4")), Some(d("97.01")), 2), "95.40 % → 97.01 % (+1.61)"),
            (before_after(Lang::It, None, Some(d("50")), 2), "N/D → 50,00 %"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }
}
