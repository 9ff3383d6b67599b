//! The plan format, version 1: the serialisable contract between planning offices,
//! importers, the app and the command line.
//!
//! These types are the format. Changing a field name or meaning is a breaking change of
//! the file format and needs a new `version`. Every struct refuses unknown fields, so a
//! typo in a hand-written plan is reported instead of silently ignored. Decimals are
//! written as strings (`"97.87"`) and read from strings or numbers, so values round-trip
//! exactly. Rarely filled parts (published figures, sources, baselines) are boxed, so that
//! a plan of a million indicators without them does not carry their room.
//! `docs/plan-format.md` is the reference for people; the JSON Schema generated
//! from these types (`semaforo schema`) is the reference for programs.

use crate::decimal::Decimal;
use crate::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The only version of the format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole performance plan (or report, once actuals are filled in).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Format version; must be 1.
    pub version: u32,
    /// The body: its code is always `ENTE`, its children are the ambiti strategici.
    pub ente: Ente,
    /// How achievements become scores and verdicts (the body's SMVP).
    #[serde(default)]
    pub policy: Policy,
    /// Organisational units (Area > Servizio > Ufficio, Azienda speciale).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// Indicators of the plan that stand in no objective: each is measured once and weighed
    /// wherever a cruscotto item (`indicator`) or an objective's `shared_indicators` name
    /// it by code, with the weight given there (its own `weight` is ignored). They do not
    /// count in the ente's score. A report that prints the same indicator in several
    /// managers' dashboards, with no tree of objectives to hold it, keeps it here, so that
    /// one edit of its actual moves every dashboard that uses it. Their codes share one
    /// namespace with the tree's indicators (their results have their code as id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Dashboards: weighted lists of indicators assigned to a unit or a manager.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cruscotti: Vec<Cruscotto>,
    /// Documents the values were taken from; `source.document` refers to these ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDocument>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ente {
    /// Always `ENTE`.
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The year the plan measures (the report year).
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Ambiti strategici (or, in flatter plans, objectives directly).
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Indicators measured on the body as a whole (rare).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// The body's resources as the document totals them (seed 004: the promotional
    /// resources of the year, € 5.803.045,00); `semaforo audit` compares them with the sum
    /// of the ambiti's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<SourceRef>>,
}

/// The level of a node of the performance tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Ambito strategico (AS).
    Area,
    /// Obiettivo strategico (OS), multi-year.
    Strategic,
    /// Obiettivo operativo (OO), annual.
    Operational,
}

/// A node of the tree: an ambito, a strategic or an operational objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Code as the document writes it: `AS_01`, `OS_02.03`, `OO_01.02.04`.
    pub code: Text,
    pub level: Level,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Weight among siblings, in percent. Omitted on every sibling: equal weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    /// Where the score comes from; default from `policy.score_from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_from: Option<ScoreFrom>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perspective: Option<Perspective>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mission: Option<Classification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Classification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// Codes of the organisational units that carry this objective.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Stakeholders, responsibility centre and other free notes from the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Indicators defined elsewhere in the tree, or in the plan's `indicators`, that count
    /// here too, with their weight here: seed 004 measures A3.1_02 under OS_01.02 and
    /// again under IO_01.03.01.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_indicators: Vec<SharedIndicator>,
    /// Child objectives (OS under an AS, OO under an OS).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<SourceRef>>,
}

impl Objective {
    /// An objective with only what every objective needs; the rest is left empty.
    pub fn new(code: impl Into<Text>, level: Level, name: impl Into<Text>) -> Self {
        Objective {
            code: code.into(),
            level,
            name: name.into(),
            description: None,
            weight: None,
            score_from: None,
            perspective: None,
            mission: None,
            programme: None,
            budget: None,
            units: Vec::new(),
            notes: Vec::new(),
            indicators: Vec::new(),
            shared_indicators: Vec::new(),
            objectives: Vec::new(),
            published: None,
            source: None,
        }
    }
}

/// A reference to an indicator defined elsewhere in the tree, or in the plan's `indicators`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedIndicator {
    /// The indicator's code.
    pub indicator: String,
    /// Its weight among this objective's indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
}

/// Where a node's score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScoreFrom {
    /// Its own indicators; a node with none falls back to its children.
    Indicators,
    /// Its child objectives; a node with none falls back to its indicators.
    Children,
    /// Indicators and child objectives together, as weighted siblings.
    Both,
}

/// Balanced-scorecard perspective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    UtentiImpreseTerritorio,
    ProcessiInterni,
    ApprendimentoCrescita,
    EconomicoFinanziaria,
}

/// A code of the state budget classification (missione, programma).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Classification {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Resources in euro. A figure stated on a node that has children is the document's total
/// for them: `semaforo audit` compares it with the sum of the children's same figure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Risorse a preventivo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<Decimal>,
    /// Risorse a consuntivo (utilizzate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent: Option<Decimal>,
    /// Promotional resources planned (risorse promozionali destinate), part of the above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotional_planned: Option<Decimal>,
    /// Promotional resources used (risorse promozionali utilizzate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotional_spent: Option<Decimal>,
    /// The share of the body's promotional resources this node used, in percent, as
    /// printed (seed 004's "livello assorbimento risorse promozionali", 42,47 %): checked
    /// against `promotional_spent` over the ente's `promotional_planned` (or, without it,
    /// its `promotional_spent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotional_share: Option<Decimal>,
}

impl Budget {
    /// The resources spent as a percentage of those planned (the documents' "grado di
    /// assorbimento"); `None` without both figures or with nothing planned.
    pub fn absorbed(&self) -> Option<Decimal> {
        let (planned, spent) = (self.planned?, self.spent?);
        if planned.is_zero() {
            return None;
        }
        spent.checked_div(planned)?.checked_mul(Decimal::ONE_HUNDRED)
    }
}

/// A key performance indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Unique in the plan: cruscotti refer to indicators by code.
    pub code: Text,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The formula as the document writes it (text, not evaluated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    /// Tipologia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndicatorKind>,
    pub unit: MeasureUnit,
    /// Weight among sibling indicators, in percent; 0 excludes the indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    /// The target for the plan year; absent for an indicator only monitored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The measured value; absent means not yet available (N/D).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Actual>,
    /// Last observed value before the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Box<Baseline>>,
    /// Targets of the other years of a multi-year plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub yearly_targets: Vec<YearTarget>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benchmarks: Vec<Benchmark>,
    /// Where the data comes from (fonte), free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_source: Option<String>,
    /// The code as the document prints it, where `code` had to differ to stay unique
    /// (seed 004 prints `OC_TBS_03` for two different measures): `semaforo audit` compares
    /// every indicator printed under one code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_code: Option<String>,
    /// The same indicator as the document prints it in other places (another section's
    /// table), with what it prints there: `semaforo audit` reports a different definition,
    /// target or weight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub printed_elsewhere: Vec<Printing>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<SourceRef>>,
}

/// An indicator as the document prints it in another place: only what is printed there.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Printing {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

impl Indicator {
    /// An indicator with only what every indicator needs; the rest is left empty.
    pub fn new(code: impl Into<Text>, name: impl Into<Text>, unit: MeasureUnit) -> Self {
        Indicator {
            code: code.into(),
            name: name.into(),
            description: None,
            algorithm: None,
            kind: None,
            unit,
            weight: None,
            target: None,
            actual: None,
            baseline: None,
            yearly_targets: Vec::new(),
            benchmarks: Vec::new(),
            data_source: None,
            printed_code: None,
            printed_elsewhere: Vec::new(),
            published: None,
            source: None,
        }
    }
}

/// Tipologia of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Efficacia,
    Efficienza,
    Qualita,
    Volume,
    Outcome,
    Struttura,
    SaluteEconomica,
}

/// The unit an indicator's numbers are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeasureUnit {
    /// `%`: values are percentages (97.87 means 97,87 %).
    Percent,
    /// `N.`: a count or a pure number.
    Number,
    /// `gg`: days.
    Days,
    /// `€`.
    Euro,
    /// A calendar date (deadline indicators).
    Date,
    /// Yes/no (1 = SI, 0 = NO).
    Flag,
}

/// A target: a comparison with a number, or a deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "op", deny_unknown_fields)]
pub enum Target {
    #[serde(rename = ">=")]
    AtLeast { value: Decimal },
    #[serde(rename = ">")]
    MoreThan { value: Decimal },
    #[serde(rename = "<=")]
    AtMost { value: Decimal },
    #[serde(rename = "<")]
    LessThan { value: Decimal },
    #[serde(rename = "=")]
    Equal { value: Decimal },
    /// `Entro D`: done on or before the date.
    #[serde(rename = "by")]
    Deadline {
        #[serde(with = "iso_date")]
        #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
        date: NaiveDate,
    },
}

/// A measured value, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Actual {
    /// A number in the indicator's unit.
    Value(Decimal),
    /// Numerator and denominator, as the documents give them (`46 N. / 47 N.`); in a
    /// percent indicator the value is their quotient times 100.
    Ratio { numerator: Decimal, denominator: Decimal },
    /// The date something was done.
    Date(
        #[serde(with = "iso_date")]
        #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
        NaiveDate,
    ),
    /// Yes or no.
    Flag(bool),
    /// Non valutabile: excluded for causes outside the body's control.
    NotEvaluable { reason: String },
    /// Not available yet (N/D), with an optional reason; same as leaving it out.
    NotAvailable {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub value: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearTarget {
    pub year: i32,
    pub target: Target,
}

/// A comparison value, e.g. "CCIAA piccole dato medio 32,03 %".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// Figures as the document published them, kept beside the computed ones so that any
/// disagreement can be shown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// Achievement of an indicator or score of a node, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The deviation as printed (`+26,00 gg`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation: Option<String>,
    /// Why the published figure cannot be reproduced from what the document shows.
    /// A golden test expects a disagreement exactly where this is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discrepancy: Option<String>,
}

/// The verdict on an indicator or objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Raggiunto,
    ParzialmenteRaggiunto,
    NonRaggiunto,
    NonValutabile,
}

/// Where a value came from: a document of `plan.sources` and a place in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The line of the document's text (its extraction) where the value is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The body's scoring rules (SMVP). Every field has the default read from seed 004.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// At or above this score (percent) the verdict is Raggiunto (tolerance of 10 %: 90).
    pub tolerance: Decimal,
    /// Below this score the verdict is Non raggiunto (critical threshold: 50).
    pub critical: Decimal,
    /// Percentage points lost per calendar day past a deadline.
    pub late_penalty_per_day: Decimal,
    /// Score of an at-most target (`<=`, `<`) that was missed.
    pub at_most_missed: MissedRule,
    /// Score of an equality target (`=`) that was missed.
    pub equal_missed: MissedRule,
    /// Default source of an objective's score.
    pub score_from: ScoreFrom,
    /// Decimals shown for scores and values (scores are never rounded in computation).
    pub display_decimals: u32,
    /// How an indicator with a target and no actual (N/D) counts: left out with the other
    /// weights rescaled (`excluded`, the default, as while monitoring during the year),
    /// or as 0 % (`zero`), as some bodies' SMVP rule for the final report.
    #[serde(skip_serializing_if = "is_default")]
    pub not_available: NotAvailableRule,
    /// The document is the final report of the year (Relazione sulla performance), not a
    /// plan or a monitoring: `semaforo audit` reports every N/D indicator in it.
    #[serde(skip_serializing_if = "is_default")]
    pub final_report: bool,
    /// Thresholds as the document states them, each where it states them, when it states
    /// them more than once (seed 004: the legend of section 3.0 and the SMVP of section
    /// 3.3). `tolerance` and `critical` above are the ones scored with; `semaforo audit`
    /// reports every statement that differs from them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stated_thresholds: Vec<StatedThresholds>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// How an N/D indicator counts in its objective's score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotAvailableRule {
    /// Left out; the other weights are rescaled.
    #[default]
    Excluded,
    /// Counted as 0 %.
    Zero,
}

/// Verdict thresholds as one place of the document states them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedThresholds {
    /// At or above: Raggiunto.
    pub tolerance: Decimal,
    /// Below: Non raggiunto.
    pub critical: Decimal,
    /// The words as printed (`>= 91 % / 50-90 % / <= 49 %`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            tolerance: Decimal::from(90),
            critical: Decimal::from(50),
            late_penalty_per_day: Decimal::ONE,
            at_most_missed: MissedRule::Ratio,
            equal_missed: MissedRule::Zero,
            score_from: ScoreFrom::Indicators,
            display_decimals: 2,
            not_available: NotAvailableRule::Excluded,
            final_report: false,
            stated_thresholds: Vec::new(),
        }
    }
}

/// How much a missed at-most or equality target still earns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissedRule {
    /// Nothing: 0 %.
    Zero,
    /// The smaller of target and actual over the larger (for `<=`: target / actual);
    /// 0 % where that ratio has no meaning (a target of zero or below).
    Ratio,
}

/// An organisational unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    /// The enclosing unit's code (a Servizio's Area).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Area,
    Servizio,
    Ufficio,
    AziendaSpeciale,
}

/// A dashboard: a weighted list of indicators and objectives, scored like an objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cruscotto {
    pub code: String,
    pub name: String,
    /// The unit whose dashboard this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    pub items: Vec<CruscottoItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
}

/// One weighted line of a cruscotto: exactly one of `indicator`, `objective`, `own` or
/// `group` is set (validation reports any other shape with its path).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CruscottoItem {
    /// Weight in the cruscotto, in percent; omitted on every item: equal weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    /// An indicator of the tree or of the plan's `indicators`, by code: its achievement
    /// counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// An objective of the tree, by code: its score counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    /// An indicator that exists only in this cruscotto (its own `weight` is ignored:
    /// the item's weight counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own: Option<Indicator>,
    /// A weighted group of items, scored like an objective: an objective as it stands in
    /// one unit's dashboard, with that unit's weights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub code: String,
    pub name: String,
    pub items: Vec<CruscottoItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Box<Published>>,
}

/// Dates as the format writes them, `2023-12-31`, read by hand: chrono's general parser
/// would add its weight to the browser build for this one fixed pattern.
mod iso_date {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| D::Error::custom(format!("`{text}` is not a date written as YYYY-MM-DD")))
    }

    pub fn parse(text: &str) -> Option<NaiveDate> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = bytes.get(range)?;
            part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, serializer),
                None => serializer.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
            match <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? {
                Some(text) => super::parse(&text).map(Some).ok_or_else(|| D::Error::custom(format!("`{text}` is not a date written as YYYY-MM-DD"))),
                None => Ok(None),
            }
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn only_real_dates_in_the_iso_pattern() {
            assert_eq!(super::parse("2023-12-31"), chrono::NaiveDate::from_ymd_opt(2023, 12, 31));
            for bad in ["2023-02-30", "2023-1-31", "31/12/2023", "2023-12-31T00", "", "abcd-ef-gh", "２023-12-31"] {
                assert_eq!(super::parse(bad), None, "{bad}");
            }
        }
    }
}
