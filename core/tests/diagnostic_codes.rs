//! Every diagnostic code, each with the smallest input that makes Semaforo report it: one
//! table, `common::CASES`, of (code, input, path), checked by one function, [`check`]. A
//! code with no case fails [`every_code_has_a_case`]; `docs/plan-format.md` (section
//! "Diagnostics") lists every code with these same examples and their texts in Italian and
//! English, which [`the_documentation_lists_every_code_with_its_example`] and
//! `diagnostic_messages.rs` hold true.

mod common;

use common::{diagnostics, documentation, Case, Input::*, CASES, SMALLEST};
use semaforo_core::{check_plan, Code, Diagnostic, Severity};

/// Fails unless reading the input reports the case's code at its path, with the code's
/// severity.
fn check(case: &Case) -> Result<(), String> {
    let Some(found) = diagnostics(&case.input) else { return Ok(()) };
    let code = case.code;
    match found.iter().find(|d| d.code == code && d.path == case.path) {
        Some(d) if d.severity == code.severity() => Ok(()),
        Some(d) => Err(format!("{code} at `{}` is a {:?}, not a {:?}", case.path, d.severity, code.severity())),
        None => Err(format!("no {code} at `{}`; found:\n    {}", case.path, lines(&found).join("\n    "))),
    }
}

fn lines(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn every_case_reports_its_code_at_its_path() {
    let failures: Vec<String> = CASES.iter().filter_map(|case| check(case).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_code_has_a_case() {
    let missing: Vec<Code> = Code::ALL.iter().copied().filter(|code| !CASES.iter().any(|c| c.code == *code)).collect();
    assert!(missing.is_empty(), "codes with no case in CASES: {missing:?}");
}

#[test]
fn the_smallest_plan_loads() {
    let (plan, diagnostics) = check_plan(SMALLEST);
    assert!(plan.is_some(), "{diagnostics:?}");
    assert_eq!(diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::EmptyPlan]);
}

/// Each code has one row in the section's tables, `| `code` | severity | … |`, which
/// shows every example of [`CASES`] (a table's lines each in backticks) and the path.
#[test]
fn the_documentation_lists_every_code_with_its_example() {
    let section = documentation();
    let mut problems = Vec::new();
    for &code in Code::ALL {
        let start = format!("| `{code}` |");
        let rows: Vec<&str> = section.lines().filter(|l| l.starts_with(&start)).collect();
        let [row] = rows[..] else {
            problems.push(format!("{code}: {} rows, not one", rows.len()));
            continue;
        };
        let severity = match code.severity() {
            Severity::Error => "| error |",
            Severity::Warning => "| warning |",
        };
        if !row.contains(severity) {
            problems.push(format!("{code}: the row does not say {severity}"));
        }
        for case in CASES.iter().filter(|c| c.code == code) {
            let shown: Vec<String> = match &case.input {
                Plan(text) | Text(text) | Edit(text) | ShareLink(text) => vec![format!("`{text}`")],
                Shell(text, _) if !text.is_empty() => vec![format!("`{text}`")],
                Table(lines) | Sheet(lines) => lines.iter().map(|l| format!("`{l}`")).collect(),
                Bytes(_) | Shell(..) => Vec::new(),
            };
            let path = if case.path.is_empty() { "(document)".to_string() } else { format!("`{}`", case.path) };
            for expected in shown.iter().chain([&path]) {
                if !row.contains(expected.as_str()) {
                    problems.push(format!("{code}: the row does not show {expected}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "docs/plan-format.md, section Diagnostics:\n{}", problems.join("\n"));
}
