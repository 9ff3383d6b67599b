//! The findings as CSV, one row each with its headings in the reader's language, as the
//! OIV attaches them to its validation (the command line's `--csv` and the app's export
//! write this same text). Fields are quoted where they hold a comma, a quote or a line
//! break (RFC 4180); a field a spreadsheet would read as a formula is prefixed with `'`.

use super::message::{csv_headings, severity};
use super::Finding;
use crate::labels::Lang;

fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Every finding as a CSV row, after a row of headings; lines end with CRLF.
pub fn csv(findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    let row = |cells: &[String], out: &mut String| {
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    row(&csv_headings(lang).map(str::to_string), &mut out);
    for f in findings {
        let l = &f.location;
        row(
            &[
                severity(f.severity, lang).to_string(),
                f.code.to_string(),
                l.id.clone().unwrap_or_default(),
                l.code.clone().unwrap_or_default(),
                l.path.clone(),
                l.section.clone().unwrap_or_default(),
                l.line.map(|n| n.to_string()).unwrap_or_default(),
                f.message(lang),
                f.why(lang),
            ],
            &mut out,
        );
    }
    out
}
