//! The stable codes of audit findings: one variant per inconsistency `semaforo audit`
//! can find in a report, its text for programs (`published-differs`) and its severity.
//!
//! A separate enum from the diagnostics' [`Code`](crate::Code): a diagnostic says a plan
//! cannot be read or scored as written, a finding says that what a *valid* plan records of
//! a document (its published figures, its totals, its definitions) is inconsistent. The
//! two lists have different severities (a finding can be a notice) and different readers
//! (the author of a plan file, the OIV), and a program matching on either should never
//! confuse them. Like `Code`, a text never changes once published; every code is
//! documented in `docs/audit.md` with an example, held true by `core/tests/audit_codes.rs`.

use serde::{Deserialize, Serialize};

/// How much a finding matters to an OIV validating the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A published figure is wrong by the document's own inputs and rules.
    Error,
    /// Something the document says cannot all be true, or is implausible: to be checked.
    Warning,
    /// Worth knowing to read the figures (a rounded input, a cent of difference).
    Notice,
}

impl Severity {
    pub const ALL: &'static [Severity] = &[Severity::Error, Severity::Warning, Severity::Notice];

    /// `error`, `warning`, `notice`: stable, for programs.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
        }
    }
}

crate::stable_codes::stable_codes! {
    /// What a finding is about, as a stable kebab-case text for programs.
    AuditCode: Severity;

    // Published figures against the computation.

    /// A published score or achievement more than 0,01 from the one computed from the
    /// document's inputs; with the likely cause when one reproduces it.
    PublishedDiffers = "published-differs", Error;
    /// A published verdict other than the one the plan's thresholds give to the published
    /// score.
    VerdictDiffers = "verdict-differs", Error;
    /// A printed deviation other than actual − target at the printed decimals.
    DeviationDiffers = "deviation-differs", Warning;
    /// A published score that only an actual more precise than the printed one
    /// reproduces: the interval of actuals that does.
    ImpliedActual = "implied-actual", Notice;
    /// A published score of a unit or cruscotto that cannot be computed: what is missing.
    CompositionMissing = "composition-missing", Warning;

    // Rules stated by the document.

    /// Verdict thresholds stated in one place with other values than those scored with.
    ThresholdsDiffer = "thresholds-differ", Warning;
    /// An N/D indicator in a final report (`policy.final_report`).
    NotAvailableInFinalReport = "not-available-in-final-report", Warning;

    // Plausibility of values for the indicator's kind.

    /// A percent actual above 100 on an indicator whose target is at most 100 %: a
    /// share, or a done/not-done indicator.
    PercentOver100 = "percent-over-100", Warning;
    /// A negative actual on an indicator counted in numbers.
    NegativeCount = "negative-count", Warning;
    /// A date (actual or deadline) outside the plan's year.
    DateOutsideYear = "date-outside-year", Notice;
    /// An algorithm that is a quotient, with an actual of at most 1, and a target in
    /// numbers above 1: a ratio measured against a count.
    RatioWithCountTarget = "ratio-with-count-target", Warning;

    // Definitions.

    /// One printed code for two indicators with different names or algorithms.
    CodeDefinedTwice = "code-defined-twice", Warning;
    /// One indicator printed in several places with different targets.
    TargetsDiffer = "targets-differ", Warning;
    /// One indicator printed in several places with different weights.
    WeightsDiffer = "weights-differ", Notice;

    // Structure.

    /// Sibling weights that do not sum to 100.
    WeightsNot100 = "weights-not-100", Warning;
    /// An objective with no indicator and no child objective: nothing to score it by.
    ObjectiveWithoutIndicators = "objective-without-indicators", Warning;

    // Resources.

    /// A node's stated resources other than the sum of its children's.
    BudgetTotalDiffers = "budget-total-differs", Warning;
    /// A printed share of the promotional resources other than the one computed from the
    /// amounts.
    BudgetShareDiffers = "budget-share-differs", Notice;
}

impl std::str::FromStr for AuditCode {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        AuditCode::ALL.iter().copied().find(|c| c.as_str() == text).ok_or_else(|| format!("`{text}` is not an audit code"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unique_kebab_case_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for &code in AuditCode::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{text}");
            assert_eq!(text.parse::<AuditCode>(), Ok(code));
            assert_eq!(serde_json::from_str::<AuditCode>(&serde_json::to_string(&code).unwrap()).unwrap(), code);
        }
    }
}
