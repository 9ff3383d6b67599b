//! `semaforo audit PLAN [--json] [--csv] [--lang it|en]`: every inconsistency the core's
//! audit finds in a report, as the OIV reads it. One line per finding (severity, code,
//! JSON path, the document's section or line, what is wrong) followed by why it matters,
//! or the findings as JSON (each with its message and why in `--lang`) or as the core's
//! CSV. Exit code 1 when a finding is an error (a published figure the document's own
//! inputs and rules do not give), or when the plan does not load; 0 otherwise.

use crate::{scorable, terminal, usage_error};
use semaforo_core::audit::{self, Finding};
use semaforo_core::diagnostic::Localized;
use semaforo_core::{evaluate, Lang};
use std::process::ExitCode;
use terminal::escape;

/// The output asked for.
pub enum Output {
    Text,
    Json,
    Csv,
}

pub fn run(path: &str, json: bool, csv: bool, lang: Lang) -> ExitCode {
    let output = match (json, csv) {
        (true, true) => return usage_error("`--json` and `--csv` cannot be given together"),
        (true, false) => Output::Json,
        (false, true) => Output::Csv,
        (false, false) => Output::Text,
    };
    let plan = match scorable(path, lang) {
        Ok((plan, _)) => plan,
        Err(code) => return code,
    };
    let evaluation = evaluate(&plan);
    let findings = audit::audit(&plan, &evaluation);
    let written = match output {
        Output::Json => terminal::out_json(&Localized { value: findings.as_slice(), lang }, true),
        Output::Csv => terminal::out_csv(&audit::csv(&findings, lang)),
        Output::Text => terminal::out(&lines(path, &findings, lang)),
    };
    if let Err(code) = written {
        return code;
    }
    if audit::has_errors(&findings) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `PATH: error[code] path (sezione 3.2): message`, then the reason indented, then the
/// summary; each line escaped whole.
fn lines(path: &str, findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    for finding in findings {
        out.push_str(&escape(&format!("{path}: {}", finding.line(lang))));
        out.push('\n');
        out.push_str(&escape(&format!("    {}", finding.why(lang))));
        out.push('\n');
    }
    out.push_str(&escape(&format!("{path}: {}", audit::summary(lang, findings))));
    out.push('\n');
    out
}
