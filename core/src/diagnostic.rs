//! Problems found in a plan, each with where it is and what was expected.
//!
//! Loading and validation never stop at the first problem they can get past: they return
//! every [`Diagnostic`] at once, errors and warnings kept apart by [`Severity`]. What a
//! diagnostic is about is its [`Code`], one of a fixed list (`diagnostic/code.rs`); what
//! it found is its [`Params`], data (`diagnostic/params.rs`); its text for people is
//! rendered from them in Italian or English by [`Diagnostic::message`], from the one table
//! of texts in `diagnostic/message.rs`. serde's own errors are read into parameters by
//! `diagnostic/json.rs`, so that no English sentence of a library reaches a reader whole.
//!
//! In JSON a diagnostic is `{"severity", "path", "code", "params", "message"}`: the
//! message in the language asked for ([`Diagnostic::localized`]), Italian when none is
//! (plain `Serialize`, as the app, the command line and the package default to Italian).
//! Reading it back ignores `message`, which is rendered again from the rest.

mod code;
pub mod json;
mod message;
mod params;

pub use code::{Code, UnknownCode};
pub use message::{and_more, counts, document, import_summary, pdf_table_line, unused_correction, MissingParam};
pub use params::{Case, Collision, DecimalReason, Expected, Found, NoteKind, Param, Params, Problem, Siblings, Subject, Syntax, Wanted};

pub(crate) use message::{cell_problem, expectation, note_texts, render_texts};

use crate::labels::Lang;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan cannot be evaluated as written.
    Error,
    /// The plan evaluates, but something is probably not what its author meant.
    Warning,
}

/// One problem: a JSON path such as `ente.objectives[0].indicators[2].weight`, a stable
/// code for programs (`duplicate-code` in JSON), and what was found, as parameters from
/// which [`Diagnostic::message`] writes the text for people.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    pub code: Code,
    #[serde(default)]
    pub params: Params,
}

impl Diagnostic {
    /// A diagnostic with the code's severity.
    pub fn new(path: impl Into<String>, code: Code, params: impl Into<Params>) -> Self {
        Diagnostic { severity: code.severity(), path: path.into(), code, params: params.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The text for people, in `lang`: where the problem is comes from [`Self::path`],
    /// this says what was found and what was expected.
    pub fn message(&self, lang: Lang) -> String {
        message::render(self.code, &self.params, lang).unwrap_or_else(|missing| {
            // A parameter a message needs and the diagnostic lacks is a bug, caught by
            // `core/tests/diagnostic_messages.rs`; the reader still gets the code.
            format!("{} ({missing})", self.code)
        })
    }

    /// [`Self::message`], or what its template needs and the diagnostic lacks.
    pub fn try_message(&self, lang: Lang) -> Result<String, MissingParam> {
        message::render(self.code, &self.params, lang)
    }

    /// One line, `error[duplicate-code] ente.objectives[1].code: …`, in `lang` (the
    /// severity and the code are for programs and stay as they are).
    pub fn line(&self, lang: Lang) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() { message::document(lang) } else { &self.path };
        format!("{severity}[{}] {path}: {}", self.code, self.message(lang))
    }

    /// The diagnostic as JSON with its message in `lang`.
    pub fn localized(&self, lang: Lang) -> Localized<&Diagnostic> {
        Localized { value: self, lang }
    }
}

/// [`Diagnostic::line`] in Italian, the default language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::default()))
    }
}

/// A value whose JSON holds text for people (a diagnostic's message, an import row's
/// note), written in one language.
pub trait SerializeIn {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error>;
}

/// `value` as JSON with its texts in `lang`: `diagnostics.localized(Lang::En)`,
/// `Localized { value: &report, lang }`.
#[derive(Debug, Clone, Copy)]
pub struct Localized<T> {
    pub value: T,
    pub lang: Lang,
}

impl<T: SerializeIn> Serialize for Localized<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize_in(self.lang, serializer)
    }
}

impl<T: SerializeIn + ?Sized> SerializeIn for &T {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize_in(lang, serializer)
    }
}

impl<T: SerializeIn> SerializeIn for [T] {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|item| Localized { value: item, lang }))
    }
}

impl<T: SerializeIn> SerializeIn for Vec<T> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize_in(lang, serializer)
    }
}

impl<T: SerializeIn> SerializeIn for Option<T> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Localized { value, lang }),
            None => serializer.serialize_none(),
        }
    }
}

impl SerializeIn for Diagnostic {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Diagnostic", 5)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("params", &self.params)?;
        s.serialize_field("message", &self.message(lang))?;
        s.end()
    }
}

/// With the message in Italian; [`Diagnostic::localized`] for another language.
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::default(), serializer)
    }
}

impl Diagnostic {
    /// A value of JSON text (a scenario, import options) that serde refused: what was
    /// found and wanted, or where the text stops being JSON.
    pub fn json(path: impl Into<String>, code: Code, error: &serde_json::Error) -> Self {
        Diagnostic::new(path, code, json::problem(error))
    }

    /// An argument of the JavaScript package, or the plan or scenario given to it, that
    /// is neither JSON text nor an object `JSON.stringify` can write (`malformed-json`,
    /// `bad-scenario`).
    pub fn not_json_input(code: Code) -> Self {
        Diagnostic::new("", code, [Param::Case(Case::NotJsonInput)])
    }

    /// An argument that is not a decimal written as the plan format writes them.
    pub fn not_a_decimal(argument: &str, text: &str, error: &crate::decimal::ParseError) -> Self {
        Diagnostic::new(argument, Code::BadArgument, [Param::Case(Case::NotDecimal), Param::Text(text.to_string()), Param::Reason(json::decimal_reason(error))])
    }

    /// An argument that must be one of `choices`.
    pub fn bad_choice(argument: &str, choices: &[&str]) -> Self {
        Diagnostic::new(
            argument,
            Code::BadArgument,
            [Param::Case(Case::Choice), Param::Argument(argument.to_string()), Param::Choices(choices.iter().map(|c| c.to_string()).collect())],
        )
    }

    /// A number of decimals above what a decimal can have.
    pub fn decimals_out_of_range(argument: &str, found: u32, max: u32) -> Self {
        Diagnostic::new(argument, Code::BadArgument, [Param::Case(Case::DecimalsRange), Param::Count(found.into()), Param::Max(max.into())])
    }

    /// An id that is neither a node nor an indicator of the evaluation.
    pub fn unknown_id(argument: &str, id: &str) -> Self {
        Diagnostic::new(argument, Code::UnknownId, [Param::Code(id.to_string())])
    }

    /// A result that cannot be passed on: `detail` is the library's own words.
    pub fn internal(detail: impl fmt::Display) -> Self {
        Diagnostic::new("", Code::Internal, [Param::Detail(detail.to_string())])
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_the_code_and_params_beside_the_message_and_reads_back() {
        let d = Diagnostic::new("ente.objectives", Code::WeightsNot100, [Param::Siblings(Siblings::Objectives), Param::Sum(crate::Decimal::from(50u64))]);
        let italian = serde_json::to_value(&d).unwrap();
        assert_eq!(italian["code"], "weights-not-100");
        assert_eq!(italian["severity"], "warning");
        assert_eq!(italian["params"], serde_json::json!({"siblings": "objectives", "sum": "50"}));
        assert!(italian["message"].as_str().unwrap().starts_with("i pesi"), "{italian}");
        let english = serde_json::to_value(d.localized(Lang::En)).unwrap();
        assert!(english["message"].as_str().unwrap().starts_with("the weights"), "{english}");
        assert_eq!(serde_json::from_value::<Diagnostic>(english).unwrap(), d);
        // Written by an earlier version: no params.
        let old: Diagnostic = serde_json::from_str(r#"{"severity": "error", "path": "", "code": "no-header", "message": "…"}"#).unwrap();
        assert_eq!(old.message(Lang::En), "no row names the columns (“PESO”, “INDICATORE”, “TARGET”, “CONSUNTIVO”…): map the columns by hand");
    }

    #[test]
    fn a_line_says_severity_code_path_and_message() {
        let d = Diagnostic::new("", Code::NoIndicators, []);
        assert_eq!(d.line(Lang::En), "error[no-indicators] (document): no row could be read as an indicator");
        assert_eq!(d.to_string(), "error[no-indicators] (documento): nessuna riga si legge come indicatore");
    }
}
