//! A figure the document published beside the one Semaforo computes: the one rule for
//! whether they agree, used by the command line, the golden tests and the app.
//!
//! DOMAIN.md, rule 8: published figures are rounded for display from unrounded values,
//! and exact arithmetic agrees with every published figure of the seeds to within 0,01.
//! So a figure agrees when the two are at most 0,01 apart.

use crate::decimal::Decimal;
use crate::plan::{Published, Verdict};

/// How far a computed figure may be from the published one and still agree with it, in
/// percentage points: the documents print two decimals rounded from binary floating
/// point (90,125 → 90,13 but 93,285 → 93,28), while Semaforo computes exactly.
pub const TOLERANCE: Decimal = Decimal::from_scaled(1, 2);

/// A published figure against the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Within [`TOLERANCE`].
    Agrees,
    /// Apart by `gap` (computed − published).
    Differs { gap: Decimal },
    /// The document prints a figure Semaforo cannot compute (a value is missing).
    NotComputed,
}

/// Compares a published score (or achievement) with the computed one.
pub fn compare(published: Decimal, computed: Option<Decimal>) -> Agreement {
    let Some(computed) = computed else { return Agreement::NotComputed };
    match computed.checked_sub(published) {
        Some(gap) if gap.abs() <= TOLERANCE => Agreement::Agrees,
        Some(gap) => Agreement::Differs { gap },
        None => Agreement::NotComputed,
    }
}

/// Whether what the document published (score and, if printed, verdict) agrees with the
/// computed score and verdict. Nothing published agrees with anything.
pub fn agrees(published: &Published, computed: Option<Decimal>, verdict: Option<Verdict>) -> bool {
    let score = published.score.is_none_or(|p| compare(p, computed) == Agreement::Agrees);
    let verdicts = published.verdict.is_none_or(|v| verdict == Some(v));
    score && verdicts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn within_a_hundredth_agrees() {
        assert_eq!(compare(d("98.58"), Some(d("98.575"))), Agreement::Agrees);
        assert_eq!(compare(d("90.13"), Some(d("90.125"))), Agreement::Agrees);
        assert_eq!(compare(d("99.82"), Some(d("96.91"))), Agreement::Differs { gap: d("-2.91") });
        assert_eq!(compare(d("100"), None), Agreement::NotComputed);
    }

    #[test]
    fn a_printed_verdict_must_match_too() {
        let published = Published { score: Some(d("100")), verdict: Some(Verdict::Raggiunto), ..Published::default() };
        assert!(agrees(&published, Some(d("100")), Some(Verdict::Raggiunto)));
        assert!(!agrees(&published, Some(d("100")), Some(Verdict::ParzialmenteRaggiunto)));
        assert!(agrees(&Published::default(), None, None));
    }
}
