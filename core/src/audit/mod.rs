//! The audit: every inconsistency an OIV looks for in a report, found in a plan that
//! records what the document printed, each located and explained in Italian and English.
//!
//! [`audit`] takes a plan and its evaluation and returns [`Finding`]s, sorted by
//! severity then by their place in the plan. A finding holds data, never prose: its
//! [`AuditCode`] (`code.rs`), where it is ([`Location`]: the result's id and code, the
//! JSON path, and the document's section or line where the plan records its source), its
//! parameters (the diagnostics' [`Param`]s) and, for a published figure that differs, the
//! likely [`Cause`]. Its texts, what is wrong and why it matters for the score, are
//! rendered by [`Finding::message`] and [`Finding::why`] from `message.rs`.
//!
//! Each check is a file, and each is general: it reads only the plan's fields and the
//! evaluation, never a code or a figure of a particular document.
//! - `published.rs`: published scores, verdicts and deviations against the computation,
//!   with the causes that reproduce a published score; `implied.rs`: the interval of
//!   actuals a published score implies (the inverse of rounding, exact);
//! - `plausible.rs`: values implausible for the indicator's kind;
//! - `definitions.rs`: one code defined twice, one indicator printed with different
//!   targets or weights;
//! - `structure.rs`: weights, objectives with nothing to score, units and cruscotti whose
//!   composition is missing, the N/D rule and thresholds stated twice;
//! - `resources.rs`: budgets summed up the tree ([`resources::totals`]) and checked;
//! - `places.rs`: where each result stands in the plan; `csv.rs`: the findings as CSV.

mod code;
mod csv;
mod definitions;
pub mod implied;
mod message;
mod places;
mod plausible;
mod published;
pub mod resources;
mod structure;

pub use code::{AuditCode, Severity};
pub use csv::csv;
pub use implied::Interval;
pub use message::{cause_text, summary};

use crate::diagnostic::{Param, Params, SerializeIn};
use crate::evaluate::Evaluation;
use crate::labels::Lang;
use crate::plan::{MissedRule, Plan, SourceRef};
use crate::Decimal;
use places::Places;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// Where a finding is: the result it is about (`id`, as in the evaluation, and its code
/// as printed), the JSON path in the plan, and where the plan records its source in the
/// document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The evaluation's id of the node or indicator (`OO_01.05.02`, `unit/Personale`);
    /// `None` for the plan's policy or the ente's budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// JSON path in the plan: `ente.objectives[0].objectives[1].published.score`.
    pub path: String,
    /// The document it came from, by `plan.sources` id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The section of the document, as the plan records it (`3.2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The line of the document's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Location {
    fn with_source(mut self, source: Option<&SourceRef>) -> Self {
        if let Some(source) = source {
            self.document = Some(source.document.clone());
            self.section = source.section.clone();
            self.page = source.page;
            self.line = source.line;
        }
        self
    }

    /// `3.2, riga 906` / `3.2, line 906`: the place in the document, or "" when the plan
    /// records none.
    pub fn in_document(&self, lang: Lang) -> String {
        message::in_document(self, lang)
    }
}

/// Why a published figure differs, when one explanation reproduces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cause", rename_all = "snake_case")]
pub enum Cause {
    /// The published score is Σ(m·p) over another sum of weights than the weights'.
    Weights { sum: Decimal, implied: Decimal },
    /// An actual printed rounded: the interval of it that reproduces the published score.
    RoundedActual { indicator: String, printed: Decimal, low: Decimal, high: Decimal },
    /// A missed at-most or equality target scored by the other rule.
    MissedRule { indicator: String, rule: MissedRule },
    /// The published score leaves out an indicator or objective the computation counts.
    Excluded { item: String },
    /// The published score counts as 0 % an item the computation leaves out (N/D, N.V.).
    CountedAsZero { item: String },
}

/// One inconsistency found by the audit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: AuditCode,
    pub location: Location,
    #[serde(default)]
    pub params: Params,
    #[serde(default)]
    pub cause: Option<Cause>,
}

impl Finding {
    fn new(code: AuditCode, location: Location, params: impl Into<Params>) -> Self {
        Finding { severity: code.severity(), code, location, params: params.into(), cause: None }
    }

    /// What is wrong, in `lang`, with the likely cause when there is one.
    pub fn message(&self, lang: Lang) -> String {
        message::render(self, lang)
    }

    /// Why it matters for the score, in `lang`.
    pub fn why(&self, lang: Lang) -> String {
        message::why(self.code, lang).to_string()
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// One line: `error[published-differs] OO_01.05.02 (3.2, riga 1102): …`.
    pub fn line(&self, lang: Lang) -> String {
        message::line(self, lang)
    }
}

impl SerializeIn for Finding {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Finding", 7)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("location", &self.location)?;
        s.serialize_field("params", &self.params)?;
        s.serialize_field("cause", &self.cause)?;
        s.serialize_field("message", &self.message(lang))?;
        s.serialize_field("why", &self.why(lang))?;
        s.end()
    }
}

/// With its texts in Italian; [`crate::diagnostic::Localized`] for another language.
impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::default(), serializer)
    }
}

/// Every finding of the audit of `plan`, whose evaluation is `evaluation`, sorted by
/// severity (errors first), then in the order of the plan. Total: never panics, whatever
/// the plan.
pub fn audit(plan: &Plan, evaluation: &Evaluation) -> Vec<Finding> {
    let places = Places::of(plan);
    let mut findings = Vec::new();
    structure::check(plan, evaluation, &places, &mut findings);
    published::check(plan, evaluation, &places, &mut findings);
    plausible::check(plan, &places, &mut findings);
    definitions::check(plan, &places, &mut findings);
    resources::check(plan, &places, &mut findings);
    // Stable: within a severity, the order of the checks and of the plan.
    findings.sort_by_key(|f| f.severity);
    findings
}

impl Severity {
    /// The severity's word in `lang`: `errore`, `avviso`, `nota` / `error`, `warning`,
    /// `notice` (the CSV's first column; the app's badges).
    pub fn label(self, lang: Lang) -> &'static str {
        message::severity(self, lang)
    }
}

/// How many findings have each severity: (errors, warnings, notices).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Notice))
}

/// True when any finding is an error (`semaforo audit` then exits with 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}

fn p_code(code: &str) -> Param {
    Param::Code(code.to_string())
}
