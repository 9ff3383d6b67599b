//! `semaforo import TABLE > plan.json`: a table (TSV, CSV, XLSX) to a plan. The plan goes
//! to standard output; how each problem row was read goes to standard error, one line
//! per cell that could not be read. Exit code 1 when no plan could be built, 0 otherwise
//! (with warnings on standard error). All reading is in `semaforo_core::import`.

use semaforo_core::import::{
    import_table, Field, ImportOptions, ImportReport, RowKind, TableFormat,
};
use std::process::ExitCode;

pub const USAGE: &str = "  semaforo import TABLE [--format tsv|csv|semicolon|xlsx] [--map COL=FIELD]… [--ente NAME] [--year YEAR] [--report]
                                    a table (TSV, CSV, XLSX) as a plan on stdout; row errors on stderr
";

/// Runs the command on the arguments after `import` (flags included).
pub fn run(args: &[String]) -> ExitCode {
    let (path, options, report_only) = match parse(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("semaforo import: {message}");
            eprint!("Usage:\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{path}: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    let report = import_table(&bytes, &options);
    eprint!("{}", describe(&path, &report));
    let output = if report_only {
        serde_json::to_string_pretty(&report)
    } else {
        serde_json::to_string_pretty(&report.plan)
    };
    if report_only || report.plan.is_some() {
        super::emit(&format!("{}\n", output.expect("reports serialise")));
    }
    if report.plan.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

type Parsed = (String, ImportOptions, bool);

fn parse(args: &[String]) -> Result<Parsed, String> {
    let mut options = ImportOptions::default();
    let mut path = None;
    let mut report = false;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg {
            "--format" => {
                options.format = Some(match value()?.as_str() {
                    "tsv" => TableFormat::Tsv,
                    "csv" => TableFormat::Csv,
                    "semicolon" | "csv-semicolon" => TableFormat::CsvSemicolon,
                    "xlsx" => TableFormat::Xlsx,
                    other => return Err(format!("unknown format `{other}`")),
                })
            }
            "--map" => {
                let spec = value()?;
                let (column, field) = spec
                    .split_once('=')
                    .ok_or_else(|| format!("--map {spec}: expected COL=FIELD, e.g. 3=target"))?;
                let column: usize = column.trim().parse().map_err(|_| {
                    format!("--map {spec}: COL is a column number, 1 for the first")
                })?;
                let field: Field = serde_json::from_value(serde_json::Value::String(field.trim().to_lowercase()))
                    .map_err(|_| format!("--map {spec}: unknown field; one of weight, indicator, description, algorithm, measures, actual, target, achievement, verdict, deviation, unit, code, group, area, strategic, operational, ignore"))?;
                options.mapping.push((column.saturating_sub(1), field));
            }
            "--ente" => options.ente_name = Some(value()?),
            "--year" => {
                options.year = Some(
                    value()?
                        .parse()
                        .map_err(|_| "--year needs a year such as 2023".to_string())?,
                )
            }
            "--report" => report = true,
            "--lang" => {
                value()?;
            }
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other if path.is_none() => path = Some(other.to_string()),
            other => return Err(format!("unexpected argument {other}")),
        }
        i += 1;
    }
    Ok((
        path.ok_or("which table? semaforo import TABLE")?,
        options,
        report,
    ))
}

/// What went wrong, for standard error: every unreadable cell with its row, column, text
/// and what was expected; then the plan-level diagnostics and a one-line summary.
fn describe(path: &str, report: &ImportReport) -> String {
    let mut out = String::new();
    for row in report.errors() {
        for p in &row.problems {
            let text = if p.text.is_empty() {
                "(empty)".to_string()
            } else {
                format!("“{}”", p.text.trim())
            };
            out.push_str(&format!(
                "{path}:{}: column {} ({}): cannot read {text}: expected {}\n",
                row.row,
                p.column + 1,
                p.header,
                p.expected
            ));
        }
    }
    for d in &report.diagnostics {
        out.push_str(&format!("{path}: {d}\n"));
    }
    let count = |kind: RowKind| report.rows.iter().filter(|r| r.kind == kind).count();
    out.push_str(&format!(
        "{path}: {} indicators imported, {} rows with errors, {} rows merged into the row above, {} rows skipped{}\n",
        count(RowKind::Indicator),
        count(RowKind::Error),
        count(RowKind::Continuation),
        count(RowKind::Skipped),
        if report.plan.is_none() { "; no plan" } else { "" }
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        format!(
            "{}/../tests/fixtures/tables/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    }

    fn import(name: &str) -> ImportReport {
        import_table(
            &std::fs::read(fixture(name)).unwrap(),
            &ImportOptions::default(),
        )
    }

    fn total(report: &ImportReport) -> String {
        let plan = report.plan.as_ref().expect("a plan");
        let evaluation = semaforo_core::evaluate(plan);
        semaforo_core::format::percent(evaluation.node("cruscotto/C1").unwrap().score.unwrap(), 2)
    }

    #[test]
    fn xlsx_and_semicolon_csv_import() {
        assert_eq!(total(&import("cruscotto-promozione.xlsx")), "90,60 %");
        assert_eq!(total(&import("cruscotto-promozione.csv")), "90,60 %");
        assert_eq!(total(&import("cruscotto-promozione.tsv")), "90,60 %");
    }

    #[test]
    fn row_errors_name_row_column_text_and_expectation() {
        let text = describe("broken.tsv", &import("broken-rows.tsv"));
        assert!(
            text.contains(
                "broken.tsv:6: column 5 (TARGET): cannot read “almeno settanta”: expected a target"
            ),
            "{text}"
        );
        assert!(
            text.contains("broken.tsv:9: column 1 (PESO): cannot read “venti”"),
            "{text}"
        );
        assert!(
            text.contains("3 indicators imported, 3 rows with errors"),
            "{text}"
        );
    }

    #[test]
    fn options_are_parsed() {
        let args: Vec<String> = [
            "t.csv",
            "--map",
            "3=Target",
            "--year",
            "2023",
            "--format",
            "semicolon",
        ]
        .map(String::from)
        .to_vec();
        let (path, options, report) = parse(&args).unwrap();
        assert_eq!(path, "t.csv");
        assert_eq!(options.mapping, vec![(2, Field::Target)]);
        assert_eq!(options.year, Some(2023));
        assert_eq!(options.format, Some(TableFormat::CsvSemicolon));
        assert!(!report);
        assert!(parse(&["--map".to_string()]).is_err());
    }
}
