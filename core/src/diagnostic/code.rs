//! The stable codes of diagnostics: one variant per problem Semaforo can report, its
//! text for programs (`duplicate-code`) and its severity.
//!
//! A code is a contract: programs match on its text, which appears as `"code"` in the
//! JSON of every [`Diagnostic`](super::Diagnostic) and in `semaforo check`'s output. Its
//! text never changes once published; a new problem gets a new code. The list here is
//! the only place a code is written: `Diagnostic::new` takes a [`Code`], not a string,
//! and gives the diagnostic the code's severity. `docs/plan-format.md` (section
//! "Diagnostics") says what triggers each one, with an example and its text in Italian
//! and English; `core/tests/diagnostic_codes.rs` holds one case per code and fails when a
//! code has none.
//!
//! `Code` carries no data: what a diagnostic found is its parameters (`params.rs`), and
//! its texts in both languages are in `message.rs`, one line per code.

use super::Severity;
use std::fmt;
use std::str::FromStr;

crate::stable_codes::stable_codes! {
    /// What a diagnostic is about, as a stable kebab-case text for programs.
    Code: Severity;

    // Reading a plan's structure (`load`). Each is an error: the plan cannot be read.

    /// The text is not JSON, or nests arrays and objects more than 128 levels deep; in
    /// the JavaScript package, a plan argument that is neither text nor an object that
    /// `JSON.stringify` can write. Path: the document.
    MalformedJson = "malformed-json", Error;
    /// The plan has no `version`. Path: `version`.
    MissingVersion = "missing-version", Error;
    /// `version` is not `1` (`2`, `"1"`). Path: `version`.
    UnsupportedVersion = "unsupported-version", Error;
    /// A value of the wrong kind (`"year": "2023"`, `"weight": true`, a level that is
    /// not one of the format's), a required field missing, or a document that is not an
    /// object. Path: the value, or where the missing field belongs.
    WrongShape = "wrong-shape", Error;
    /// A field the format does not have (`"colour"`). Path: the field.
    UnknownField = "unknown-field", Error;
    /// A key written twice in one object. Path: its second occurrence.
    DuplicateKey = "duplicate-key", Error;

    // Validating a plan (`validate`): what its values mean.

    /// `ente.code` is not `ENTE`. Path: `ente.code`.
    EnteCode = "ente-code", Error;
    /// A code that would give a result the id of another (`evaluate::id_collision`): an
    /// objective coded `ENTE` or starting with `unit/` or `cruscotto/`, an indicator
    /// starting with `cruscotto/`, a `/` in the code of a cruscotto, group or own
    /// indicator. Path: the code.
    ReservedCode = "reserved-code", Error;
    /// A code (or a source's id) defined twice where it must be unique: objectives,
    /// indicators of the tree and of the plan's `indicators`, units, cruscotti, sources,
    /// the own indicators or groups of one item list. Path: the second definition.
    DuplicateCode = "duplicate-code", Error;
    /// An objective or indicator whose code is empty or blank. Path: the code.
    EmptyCode = "empty-code", Error;
    /// A code that names nothing: a shared indicator or a cruscotto item's indicator or
    /// objective, a unit (a parent, an objective's `units`, a cruscotto's `unit`), a
    /// source's document; in a what-if scenario, an edit naming a code the plan lacks
    /// (path `edits[i].indicator` or `edits[i].objective`). Path: the reference.
    MissingReference = "missing-reference", Error;
    /// A unit that is its own ancestor through `parent`. Path: `units[i].parent`.
    UnitCycle = "unit-cycle", Error;
    /// A cruscotto item with none, or more than one, of `indicator`, `objective`, `own`,
    /// `group`. Path: the item.
    ItemShape = "item-shape", Error;
    /// A policy value out of range: `tolerance` or `critical` (or a stated one, in
    /// `stated_thresholds`) outside 0–100, a negative
    /// `late_penalty_per_day`, `display_decimals` above 6. Path: the field.
    PolicyRange = "policy-range", Error;
    /// `critical` above `tolerance`. Path: `policy.critical`.
    PolicyOrder = "policy-order", Error;
    /// A negative amount of a budget (`planned`, `spent`, the promotional ones), an
    /// objective's or the ente's. Path: the field.
    NegativeBudget = "negative-budget", Error;
    /// A number as the actual of a deadline target, or a date as the actual of a numeric
    /// target. Path: the indicator's `actual`.
    ActualTargetMismatch = "actual-target-mismatch", Error;
    /// A deadline target on an indicator whose unit is not `date`. Path: its `unit`.
    UnitMismatch = "unit-mismatch", Warning;
    /// A ratio whose denominator is zero. Path: `actual.ratio.denominator`.
    ZeroDenominator = "zero-denominator", Error;
    /// A ratio whose quotient is too large for a decimal. Path: `actual.ratio`.
    RatioOverflow = "ratio-overflow", Error;
    /// An indicator with a target and no actual, or an explicit N/D: it does not count.
    /// Path: its `actual`.
    MissingActual = "missing-actual", Warning;
    /// An N.V. actual with a blank reason. Path: `actual.not_evaluable.reason`.
    MissingReason = "missing-reason", Warning;
    /// Two `yearly_targets` for one year. Path: the second one's `year`.
    DuplicateYear = "duplicate-year", Warning;
    /// A published score outside 0–100 (an objective's, an indicator's, a cruscotto's or
    /// a group's). Path: `published.score`.
    PublishedRange = "published-range", Warning;
    /// Among siblings, one without a weight when others have one. Path: its `weight`.
    MissingWeight = "missing-weight", Error;
    /// A negative weight. Path: the `weight`.
    NegativeWeight = "negative-weight", Error;
    /// Sibling weights whose sum is too large for a decimal. Path: the list.
    WeightsOverflow = "weights-overflow", Error;
    /// Sibling weights that sum to zero: nothing can be scored. Path: the list.
    ZeroWeights = "zero-weights", Error;
    /// Sibling weights that sum to something other than 100 (± 0,05): they are used in
    /// proportion. Path: the list.
    WeightsNot100 = "weights-not-100", Warning;
    /// A weight on an indicator of the plan's `indicators`, which is weighed where it is
    /// referenced instead. Path: its `weight`.
    IgnoredWeight = "ignored-weight", Warning;
    /// An indicator of the plan's `indicators` that no cruscotto item or
    /// `shared_indicators` names. Path: the indicator.
    UnreferencedIndicator = "unreferenced-indicator", Warning;
    /// An objective whose level is unusual under its parent's: an area under an area,
    /// anything but an operational objective under a strategic or operational one. Path:
    /// its `level`.
    UnusualNesting = "unusual-nesting", Warning;
    /// A plan with no objectives, indicators or cruscotti. Path: `ente.objectives`.
    EmptyPlan = "empty-plan", Warning;

    // What-if (`scenario`).

    /// A share link whose edits are not base64 of the JSON of a list of edits. Path:
    /// `edits`.
    BadShareLink = "bad-share-link", Error;

    // Importing a table (`import`): reading the bytes. Path: the document, unless said.

    /// The bytes are not a table of the format (a damaged workbook, a sheet too large,
    /// a workbook in a build without the `xlsx` feature): no plan.
    UnreadableTable = "unreadable-table", Error;
    /// A text file with no UTF-8 sequence and bytes from 0x80 to 0xFF, read as
    /// Windows-1252.
    Windows1252 = "windows-1252", Warning;
    /// A UTF-8 text file with byte sequences that are not UTF-8, each replaced by
    /// U+FFFD; the message gives row, column and character.
    InvalidUtf8 = "invalid-utf8", Warning;
    /// A CSV field whose quotes do not follow the CSV rules (not closed, or text after
    /// the closing quote); the message says how it was read.
    CsvQuote = "csv-quote", Warning;
    /// A cell that holds no readable value (an XLSX error such as `#REF!`, NaN) in a row
    /// that keeps its reading (a heading, a group, a continued name): the row was read
    /// without it. (In an indicator's row it makes the row an error instead.)
    UnreadableCell = "unreadable-cell", Warning;

    // Importing a PDF (`import::pdf`). Path: the document.

    /// The bytes are not a PDF Semaforo can read: not a PDF (a ZIP renamed `.pdf`), cut
    /// short before its end, damaged, without pages or text, too large, or a build without
    /// the `pdf` feature: no plan.
    UnreadablePdf = "unreadable-pdf", Error;
    /// A PDF protected by a password: its text cannot be read.
    EncryptedPdf = "encrypted-pdf", Error;
    /// A PDF of images of pages (a scan) with no text in it: it would need OCR.
    ScannedPdf = "scanned-pdf", Error;
    /// No table on the pages read (or none chosen among those found).
    NoPdfTables = "no-pdf-tables", Error;
    /// Part of a PDF was not read: a page whose content is damaged or beyond Semaforo's
    /// limits, pages past the most read at once, or a file cut short whose pages read.
    PdfCutShort = "pdf-cut-short", Warning;

    // Importing a table: building the plan. Path: the document, unless said.

    /// No row names the columns and the import options map none.
    NoHeader = "no-header", Error;
    /// A heading the importer does not recognise: the column is kept but not read.
    /// Path: `columns[i]`.
    UnknownColumn = "unknown-column", Warning;
    /// No row could be read as an indicator (said only when there is a heading row).
    NoIndicators = "no-indicators", Error;
    /// One code and name printed twice with different targets or actuals: kept as two
    /// indicators.
    SameCodeDifferentIndicator = "same-code-different-indicator", Warning;
    /// A printed code that is only a prefix (`IS_ - …`), completed from the name.
    DerivedCode = "derived-code", Warning;
    /// An XLSX sheet's bare weights, achievements or percent actuals of 1 or less, read
    /// as fractions of the sheet's percent format (0,3 as 30 %).
    XlsxFractions = "xlsx-fractions", Warning;
    /// Sibling weights not summing to 100, scaled to 100; the message compares the
    /// normalised score with the printed one. Path: the list.
    WeightsNormalised = "weights-normalised", Warning;
    /// Neither the table nor the options name the ente. Path: `ente.name`.
    NoEnteName = "no-ente-name", Warning;
    /// Neither the table, its deadlines nor the options give the year. Path: `ente.year`.
    NoYear = "no-year", Warning;

    // The JavaScript package (`bindings/`), for its arguments other than the plan.

    /// An argument of the wrong type or value. Path: the argument (`goal`, `lang`).
    BadArgument = "bad-argument", Error;
    /// A scenario that is not `{ name, edits }`, or neither text nor an object
    /// `JSON.stringify` can write. Path: inside the scenario (`edits[0]`).
    BadScenario = "bad-scenario", Error;
    /// An id that is neither a node nor an indicator of the evaluation. Path: the
    /// argument (`id`, `node`).
    UnknownId = "unknown-id", Error;
    /// A result that cannot be passed to JavaScript: a bug of the package, not of the
    /// input.
    Internal = "internal", Error;

    // The app's import module (`web/xlsx-module/`).

    /// Import options (the importer's settings) that are not an `ImportOptions`.
    BadImportOptions = "bad-import-options", Error;
}

/// A text that is not the text of any [`Code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a diagnostic code", self.0)
    }
}

impl std::error::Error for UnknownCode {}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Code::ALL.iter().copied().find(|code| code.as_str() == text).ok_or_else(|| UnknownCode(text.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unique_kebab_case_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for &code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} twice");
            assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{text}");
            assert!(!text.starts_with('-') && !text.ends_with('-') && !text.contains("--"), "{text}");
            assert_eq!(text.parse::<Code>(), Ok(code));
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Code>(&format!("\"{text}\"")).unwrap(), code);
        }
        assert!("duplicate_code".parse::<Code>().is_err());
        assert!(serde_json::from_str::<Code>("\"no-such-code\"").is_err());
    }
}
