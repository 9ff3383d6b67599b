//! `semaforo import TABLE > plan.json`: a table (TSV, CSV, XLSX) to a plan. The plan goes
//! to standard output; how each problem row was read goes to standard error, one line
//! per cell that could not be read. Exit code 1 when no plan could be built, 0 otherwise
//! (with warnings on standard error). All reading is in `semaforo_core::import`.

use crate::args::{suggest, synopsis, Args};
use crate::terminal::{self, escape};
use semaforo_core::import::{import_table, Field, ImportOptions, ImportReport, RowKind, TableFormat};
use std::process::ExitCode;

/// Runs the command; `args` are those of `import` (see `args::COMMANDS`).
pub fn run(args: &Args) -> ExitCode {
    let (path, options, report_only) = match parse(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            terminal::err_line(&format!("semaforo import: {message}"));
            terminal::err_line(&format!("usage: {}", synopsis(args.command)));
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            terminal::err_line(&format!("{path}: cannot read the file: {e}"));
            return ExitCode::from(2);
        }
    };
    let report = import_table(&bytes, &options);
    terminal::err(&describe(&path, &report));
    let written = match (&report.plan, report_only) {
        (_, true) => terminal::out_json(&report, true),
        (Some(plan), false) => terminal::out_json(plan, true),
        (None, false) => Ok(()),
    };
    match written {
        Err(code) => code,
        Ok(()) if report.plan.is_some() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::FAILURE,
    }
}

type Parsed = (String, ImportOptions, bool);

/// The fields `--map` accepts, as written on the command line.
fn field_names() -> Vec<&'static str> {
    Field::ALL.iter().map(|f| f.name()).collect()
}

const FORMATS: &[&str] = &["tsv", "csv", "semicolon", "xlsx"];

fn parse(args: &Args) -> Result<Parsed, String> {
    let mut options = ImportOptions::default();
    if let Some(format) = args.value("--format") {
        options.format = Some(match format {
            "tsv" => TableFormat::Tsv,
            "csv" => TableFormat::Csv,
            "semicolon" | "csv-semicolon" => TableFormat::CsvSemicolon,
            "xlsx" => TableFormat::Xlsx,
            other => return Err(format!("unknown format `{}`{}; one of {}", escape(other), hint(other, FORMATS), FORMATS.join(", "))),
        });
    }
    for spec in args.values("--map") {
        let (column, field) = mapping(spec)?;
        if let Some((_, earlier)) = options.mapping.iter().find(|(c, _)| *c == column) {
            return Err(format!("--map {}: column {} is already mapped to {}", escape(spec), column + 1, earlier.name()));
        }
        options.mapping.push((column, field));
    }
    options.ente_name = args.value("--ente").map(String::from);
    if let Some(year) = args.value("--year") {
        options.year = Some(year.trim().parse().map_err(|_| format!("--year {}: needs a year such as 2023", escape(year)))?);
    }
    Ok((args.operands[0].clone(), options, args.flag("--report")))
}

/// `--map COL=FIELD`: a 1-based column and a field, as the 0-based column the importer takes.
fn mapping(spec: &str) -> Result<(usize, Field), String> {
    let shown = escape(spec);
    let (column, field) = spec.split_once('=').ok_or_else(|| format!("--map {shown}: expected COL=FIELD, e.g. 3=target"))?;
    let column = match column.trim().parse::<usize>() {
        Ok(column) if column >= 1 => column - 1,
        _ => return Err(format!("--map {shown}: COL is a column number, 1 for the first")),
    };
    let field = field.trim().to_lowercase();
    if field.is_empty() {
        return Err(format!("--map {shown}: FIELD is missing; one of {}", field_names().join(", ")));
    }
    match serde_json::from_value(serde_json::Value::String(field.clone())) {
        Ok(field) => Ok((column, field)),
        Err(_) => Err(format!("--map {shown}: unknown field `{}`{}; one of {}", escape(&field), hint(&field, &field_names()), field_names().join(", "))),
    }
}

fn hint(word: &str, candidates: &[&'static str]) -> String {
    suggest(word, candidates.iter().copied()).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
}

/// What went wrong, for standard error: every unreadable cell with its row, column, text
/// and what was expected; then the plan-level diagnostics and a one-line summary.
fn describe(path: &str, report: &ImportReport) -> String {
    let mut out = String::new();
    // Each line escaped whole: a cell's line break or ESC shows as `\n` or `\x1b`.
    let mut line = |text: String| {
        out.push_str(&escape(&text));
        out.push('\n');
    };
    for row in report.errors() {
        for p in &row.problems {
            let text = if p.text.is_empty() {
                "(empty)".to_string()
            } else {
                format!("“{}”", p.text.trim())
            };
            line(format!(
                "{path}:{}: column {} ({}): cannot read {text}: expected {}",
                row.row,
                p.column + 1,
                p.header,
                p.expected
            ));
        }
    }
    for d in &report.diagnostics {
        line(format!("{path}: {d}"));
    }
    let count = |kind: RowKind| report.rows.iter().filter(|r| r.kind == kind).count();
    line(format!(
        "{path}: {} indicators imported, {} rows with errors, {} rows merged into the row above, {} rows skipped{}",
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

    fn parse_args(args: &[&str]) -> Result<Parsed, String> {
        let args: Vec<String> = ["import"].iter().chain(args).map(|a| a.to_string()).collect();
        match crate::args::parse(&args)? {
            crate::args::Invocation::Run(args) => parse(&args),
            crate::args::Invocation::Help => Err("help".into()),
        }
    }

    #[test]
    fn options_are_parsed() {
        let (path, options, report) =
            parse_args(&["t.csv", "--map", "3=Target", "--year", "2023", "--format", "semicolon"]).unwrap();
        assert_eq!(path, "t.csv");
        assert_eq!(options.mapping, vec![(2, Field::Target)]);
        assert_eq!(options.year, Some(2023));
        assert_eq!(options.format, Some(TableFormat::CsvSemicolon));
        assert!(!report);
        assert!(parse_args(&["--map"]).is_err());
    }

    #[test]
    fn every_field_listed_is_a_field() {
        for name in field_names() {
            let (_, field) = mapping(&format!("1={name}")).unwrap();
            assert_eq!(field.name(), name);
        }
    }

    #[test]
    fn a_mapping_names_a_real_column_and_a_real_field() {
        let err = |args: &[&str]| parse_args(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));
        assert!(err(&["t.csv", "--map", "0=weight"]).contains("COL is a column number, 1 for the first"));
        assert!(err(&["t.csv", "--map", "0="]).contains("COL is a column number"));
        assert!(err(&["t.csv", "--map", "3="]).contains("FIELD is missing; one of group, area, strategic"));
        assert!(err(&["t.csv", "--map", "3"]).contains("expected COL=FIELD"));
        assert!(err(&["t.csv", "--map", "3=targt"]).contains("unknown field `targt`; did you mean `target`?"));
        assert!(err(&["t.csv", "--map", "3=target", "--map", "3=actual"]).contains("column 3 is already mapped to target"));
        assert!(err(&["t.csv", "--format", "xslx"]).contains("unknown format `xslx`; did you mean `xlsx`?"));
        assert!(err(&["t.csv", "--year", "duemila"]).contains("needs a year such as 2023"));
    }
}
