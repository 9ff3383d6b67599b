//! Problems found in a plan, each with where it is and what was expected.
//!
//! Loading and validation never stop at the first problem they can get past: they return
//! every [`Diagnostic`] at once, errors and warnings kept apart by [`Severity`]. What a
//! diagnostic is about is its [`Code`], one of a fixed list (`diagnostic/code.rs`).

mod code;

pub use code::{Code, UnknownCode};

use serde::{Deserialize, Serialize};
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
/// code for programs (`duplicate-code` in JSON), and a message for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    pub code: Code,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, path: path.into(), code, message: message.into() }
    }

    pub fn warning(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, path: path.into(), code, message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{severity}[{}] {path}: {}", self.code, self.message)
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}
