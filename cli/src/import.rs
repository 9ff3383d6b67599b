//! `semaforo import TABLE > plan.json`: a table (TSV, CSV, XLSX, or the tables of a PDF)
//! to a plan. The plan goes
//! to standard output; how each problem row was read goes to standard error, one line
//! per cell that could not be read. Exit code 1 when no plan could be built, 0 otherwise
//! (with warnings on standard error). All reading is in `semaforo_core::import`.
//!
//! The import's settings (`--settings FILE`) are a `semaforo_core::import::ImportOptions`
//! as JSON: the format, the column mapping, the ente's name, the year and the rows the
//! user corrected. The options on the command line override or extend them, and
//! `--save-settings FILE` writes what was used, so that next year's table of the same
//! layout re-imports the same way.
//!
//! A PDF (recognised by its bytes) is read by `semaforo_core::import::pdf`: `--pages
//! 12-40` reads those pages only, `--list-tables` lists the tables found (with their
//! pages and heading) on standard output instead of importing, `--tables 1,3` imports
//! those (1-based, as listed; by default every table with a heading row).

use crate::args::{suggest, synopsis, Args};
use crate::terminal::{self, escape};
use semaforo_core::diagnostic::pdf_table_line;
use semaforo_core::diagnostic::Localized;
use semaforo_core::import::pdf::{self, PageRange};
use semaforo_core::import::{import_table, is_pdf, Field, ImportOptions, ImportReport, RowCorrection, RowRole, TableFormat};
use semaforo_core::Lang;
use std::process::ExitCode;

/// Runs the command; `args` are those of `import` (see `args::COMMANDS`); what the
/// import found is said in `lang`.
pub fn run(args: &Args, lang: Lang) -> ExitCode {
    let parsed = match parse(args) {
        Ok(parsed) => parsed,
        Err(refusal) => {
            terminal::err_line(&format!("semaforo import: {}", refusal.message));
            if refusal.usage {
                terminal::err_line(&format!("usage: {}", synopsis(args.command)));
            } else {
                terminal::err_line("(import settings are the JSON that `--save-settings` writes, or the app's \"Scarica impostazioni\")");
            }
            return ExitCode::from(2);
        }
    };
    let Parsed { path, options, report: report_only, save, pdf } = parsed;
    if let Some(file) = &save {
        if let Err(e) = std::fs::write(file, settings_json(&options)) {
            terminal::err_line(&format!("{file}: cannot write the settings: {e}"));
            return ExitCode::from(2);
        }
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            terminal::err_line(&format!("{path}: cannot read the file: {e}"));
            return ExitCode::from(2);
        }
    };
    // A file named `.pdf` is read as one, so that a ZIP renamed `.pdf` is told as such.
    if (is_pdf(&bytes) || path.to_lowercase().ends_with(".pdf")) && options.format.is_none() {
        return run_pdf(&path, &bytes, &options, &pdf, report_only, lang);
    }
    if pdf.given {
        terminal::err_line(&format!("{}: --pages, --tables and --list-tables are for a PDF, and this file is not one", escape(&path)));
        return ExitCode::from(2);
    }
    let report = import_table(&bytes, &options);
    terminal::err(&describe(&path, &report, &options, lang));
    let written = match (&report.plan, report_only) {
        (_, true) => terminal::out_json(&Localized { value: &report, lang }, true),
        (Some(plan), false) => terminal::out_json(plan, true),
        (None, false) => Ok(()),
    };
    match written {
        Err(code) => code,
        Ok(()) if report.plan.is_some() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::FAILURE,
    }
}

/// What the command line asks of a PDF's import.
#[derive(Debug, Default)]
struct PdfChoice {
    pages: Option<PageRange>,
    /// 0-based.
    tables: Option<Vec<usize>>,
    list: bool,
    /// Any of the three was given.
    given: bool,
}

/// A PDF: its tables listed (`--list-tables`), or the chosen ones imported.
fn run_pdf(path: &str, bytes: &[u8], options: &ImportOptions, choice: &PdfChoice, report_only: bool, lang: Lang) -> ExitCode {
    let shown = escape(path);
    if choice.list {
        let listed = pdf::list_tables(bytes, choice.pages);
        for d in &listed.diagnostics {
            terminal::err_line(&format!("{shown}: {}", escape(&d.message(lang))));
        }
        let lines: Vec<String> =
            listed.tables.iter().map(|t| escape(&pdf_table_line(lang, t.index + 1, &t.pages, t.rows, t.columns, t.header.as_deref())).into_owned()).collect();
        let mut text = lines.join("\n");
        text.push('\n');
        return match terminal::out(&text) {
            Err(code) => code,
            Ok(()) if listed.tables.is_empty() => ExitCode::FAILURE,
            Ok(()) => ExitCode::SUCCESS,
        };
    }
    let imported = pdf::import_pdf(bytes, choice.pages, choice.tables.as_deref(), options);
    let mut out = String::new();
    for &i in &imported.chosen {
        if let Some(t) = imported.tables.tables.get(i) {
            out.push_str(&escape(&format!("{path}: {}", pdf_table_line(lang, i + 1, &t.pages, t.rows, t.columns, t.header.as_deref()))));
            out.push('\n');
        }
    }
    terminal::err(&out);
    terminal::err(&describe(path, &imported.report, options, lang));
    let written = match (&imported.report.plan, report_only) {
        (_, true) => terminal::out_json(&Localized { value: &imported, lang }, true),
        (Some(plan), false) => terminal::out_json(plan, true),
        (None, false) => Ok(()),
    };
    match written {
        Err(code) => code,
        Ok(()) if imported.report.plan.is_some() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::FAILURE,
    }
}

fn pdf_choice(args: &Args) -> Result<PdfChoice, String> {
    let mut choice = PdfChoice { list: args.flag("--list-tables"), ..PdfChoice::default() };
    if let Some(spec) = args.value("--pages") {
        choice.pages = Some(PageRange::parse(spec).ok_or_else(|| format!("--pages {}: expected FIRST-LAST, e.g. 12-40 (pages from 1)", escape(spec)))?);
    }
    if let Some(spec) = args.value("--tables") {
        let mut tables = Vec::new();
        for part in spec.split(',') {
            match part.trim().parse::<usize>() {
                Ok(n) if n >= 1 => tables.push(n - 1),
                _ => return Err(format!("--tables {}: expected table numbers from 1, as --list-tables shows them, e.g. 1,3", escape(spec))),
            }
        }
        choice.tables = Some(tables);
    }
    choice.given = choice.list || choice.pages.is_some() || choice.tables.is_some();
    Ok(choice)
}

/// What the command line asks of `import`.
#[derive(Debug)]
struct Parsed {
    path: String,
    /// The settings file's options, with the command line's applied over them.
    options: ImportOptions,
    /// `--report`: the whole report on standard output instead of the plan.
    report: bool,
    /// `--save-settings FILE`.
    save: Option<String>,
    pdf: PdfChoice,
}

/// Why the command line cannot be used; `usage`: the synopsis helps (a mistyped option),
/// else it is the settings file that cannot be used.
#[derive(Debug)]
struct Refusal {
    message: String,
    usage: bool,
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal { message, usage: true }
    }
}

/// The fields `--map` accepts, as written on the command line.
fn field_names() -> Vec<&'static str> {
    Field::ALL.iter().map(|f| f.name()).collect()
}

/// The roles `--row` accepts.
fn role_names() -> Vec<&'static str> {
    RowRole::ALL.iter().map(|r| r.name()).collect()
}

/// What `--map COL=auto` and `--row N=auto` write to drop a setting of the file.
const AUTO: &str = "auto";

const FORMATS: &[&str] = &["tsv", "csv", "semicolon", "xlsx"];

fn parse(args: &Args) -> Result<Parsed, Refusal> {
    let mut options = match args.value("--settings") {
        Some(file) => read_settings(file).map_err(|message| Refusal { message, usage: false })?,
        None => ImportOptions::default(),
    };
    if let Some(format) = args.value("--format") {
        options.format = Some(match format {
            "tsv" => TableFormat::Tsv,
            "csv" => TableFormat::Csv,
            "semicolon" | "csv-semicolon" => TableFormat::CsvSemicolon,
            "xlsx" => TableFormat::Xlsx,
            other => return Err(format!("unknown format `{}`{}; one of {}", escape(other), hint(other, FORMATS), FORMATS.join(", ")).into()),
        });
    }
    // The command line's own mappings and corrections, each column or row at most once;
    // each replaces what the settings file said of that column or row.
    let mut given: Vec<(usize, &str)> = Vec::new();
    for spec in args.values("--map") {
        let (column, field) = mapping(spec)?;
        if let Some((_, earlier)) = given.iter().find(|(c, _)| *c == column) {
            return Err(format!("--map {}: column {} is already mapped to {}", escape(spec), column + 1, earlier).into());
        }
        given.push((column, field.map_or(AUTO, Field::name)));
        options.mapping.retain(|(c, _)| *c != column);
        options.mapping.extend(field.map(|f| (column, f)));
    }
    let mut given: Vec<(usize, &str)> = Vec::new();
    for spec in args.values("--row") {
        let (row, role) = correction(spec)?;
        if let Some((_, earlier)) = given.iter().find(|(r, _)| *r == row) {
            return Err(format!("--row {}: row {row} is already corrected to {earlier}", escape(spec)).into());
        }
        given.push((row, role.map_or(AUTO, RowRole::name)));
        options.rows.retain(|c| c.row != row);
        options.rows.extend(role.map(|role| RowCorrection { row, role }));
    }
    if let Some(name) = args.value("--ente") {
        options.ente_name = Some(name.to_string());
    }
    if let Some(year) = args.value("--year") {
        options.year = Some(year.trim().parse().map_err(|_| format!("--year {}: needs a year such as 2023", escape(year)))?);
    }
    let pdf = pdf_choice(args)?;
    Ok(Parsed { path: args.operands[0].clone(), options, report: args.flag("--report"), save: args.value("--save-settings").map(String::from), pdf })
}

/// `--map COL=FIELD`: a 1-based column and a field, as the 0-based column the importer
/// takes; `COL=auto` (no field): the column as its heading says.
fn mapping(spec: &str) -> Result<(usize, Option<Field>), String> {
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
    if field == AUTO {
        return Ok((column, None));
    }
    match Field::ALL.iter().find(|f| f.name() == field) {
        Some(field) => Ok((column, Some(*field))),
        None => Err(format!("--map {shown}: unknown field `{}`{}; one of {}", escape(&field), hint(&field, &field_names()), field_names().join(", "))),
    }
}

/// `--row N=ROLE`: a 1-based row of the file and the role to read it in; `N=auto`: the
/// row as its cells say (dropping a correction of the settings file).
fn correction(spec: &str) -> Result<(usize, Option<RowRole>), String> {
    let shown = escape(spec);
    let (row, role) = spec.split_once('=').ok_or_else(|| format!("--row {shown}: expected ROW=ROLE, e.g. 12=cruscotto"))?;
    let row = match row.trim().parse::<usize>() {
        Ok(row) if row >= 1 => row,
        _ => return Err(format!("--row {shown}: ROW is a row (line) of the file, 1 for the first")),
    };
    let role = role.trim().to_lowercase();
    if role.is_empty() {
        return Err(format!("--row {shown}: ROLE is missing; one of {}, or {AUTO}", role_names().join(", ")));
    }
    if role == AUTO {
        return Ok((row, None));
    }
    match RowRole::from_name(&role) {
        Some(role) => Ok((row, Some(role))),
        None => Err(format!("--row {shown}: unknown role `{}`{}; one of {}, or {AUTO}", escape(&role), hint(&role, &role_names()), role_names().join(", "))),
    }
}

fn hint(word: &str, candidates: &[&'static str]) -> String {
    suggest(word, candidates.iter().copied()).map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
}

/// Reads a settings file: an `ImportOptions` as JSON. A file that is not one is refused
/// with its name, the line and column, and the JSON path of what is wrong
/// (`settings.json:4:15: rows[0].role: unknown variant …`). So is a column mapped twice
/// or a row corrected twice, which the file could not mean.
fn read_settings(file: &str) -> Result<ImportOptions, String> {
    let shown = escape(file);
    let bytes = std::fs::read(file).map_err(|e| format!("{shown}: cannot read the settings: {e}"))?;
    let refuse = |path: String, e: &serde_json::Error| {
        let mut message = e.to_string();
        // serde_json ends its message with the position, given here in front.
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        let path = if path.is_empty() || path == "." { String::new() } else { format!("{path}: ") };
        format!("{shown}:{}:{}: not import settings: {}{}", e.line(), e.column(), escape(&path), escape(&message))
    };
    let mut reader = serde_json::Deserializer::from_slice(&bytes);
    let options: ImportOptions = serde_path_to_error::deserialize(&mut reader).map_err(|e| refuse(e.path().to_string(), e.inner()))?;
    reader.end().map_err(|e| refuse(String::new(), &e))?;
    for (i, (column, field)) in options.mapping.iter().enumerate() {
        if let Some(j) = options.mapping[..i].iter().position(|(c, _)| c == column) {
            return Err(format!(
                "{shown}: mapping[{i}]: column {column} (0-based) is mapped to {} here and to {} at mapping[{j}]",
                field.name(),
                options.mapping[j].1.name()
            ));
        }
    }
    for (i, c) in options.rows.iter().enumerate() {
        if c.row == 0 {
            return Err(format!("{shown}: rows[{i}].row: rows are numbered from 1, as in the file"));
        }
        if let Some(j) = options.rows[..i].iter().position(|d| d.row == c.row) {
            return Err(format!(
                "{shown}: rows[{i}]: row {} is corrected to {} here and to {} at rows[{j}]",
                c.row,
                c.role.name(),
                options.rows[j].role.name()
            ));
        }
    }
    Ok(options)
}

/// The settings as a file: what `--settings` reads back.
fn settings_json(options: &ImportOptions) -> String {
    let mut text = serde_json::to_string_pretty(options).unwrap_or_default();
    text.push('\n');
    text
}

/// What went wrong, for standard error: every unreadable cell with its row, column, text
/// and what was expected; then the plan-level diagnostics and a one-line summary, all in
/// `lang` (the texts are the core's).
fn describe(path: &str, report: &ImportReport, options: &ImportOptions, lang: Lang) -> String {
    let mut out = String::new();
    // Each line escaped whole: a cell's line break or ESC shows as `\n` or `\x1b`.
    let mut line = |text: String| {
        out.push_str(&escape(&text));
        out.push('\n');
    };
    for row in report.errors() {
        for p in &row.problems {
            line(format!("{path}:{}: {}", row.row, p.message(lang)));
        }
    }
    for d in &report.diagnostics {
        line(format!("{path}: {}", d.line(lang)));
    }
    // A correction for a row the table does not have (next year's table is laid out
    // differently, or the row number is a typing error) would otherwise do nothing unseen.
    for (row, text) in report.unused_corrections(options, lang) {
        line(format!("{path}:{row}: {text}"));
    }
    line(format!("{path}: {}", report.summary(lang)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        format!("{}/../tests/fixtures/tables/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    fn import(name: &str) -> ImportReport {
        import_table(&std::fs::read(fixture(name)).unwrap(), &ImportOptions::default())
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
        let text = describe("broken.tsv", &import("broken-rows.tsv"), &ImportOptions::default(), Lang::En);
        assert!(text.contains("broken.tsv:6: column 5 “TARGET”: cannot read “almeno settanta”: expected a target"), "{text}");
        assert!(text.contains("broken.tsv:9: column 1 “PESO”: cannot read “venti”"), "{text}");
        assert!(text.contains("3 indicators imported, 3 rows with errors"), "{text}");
        let italian = describe("broken.tsv", &import("broken-rows.tsv"), &ImportOptions::default(), Lang::It);
        assert!(italian.contains("broken.tsv:6: colonna 5 “TARGET”: “almeno settanta” non si legge; atteso: un target come"), "{italian}");
        assert!(italian.contains("3 indicatori importati, 3 righe con errori"), "{italian}");
    }

    fn parse_args(args: &[&str]) -> Result<Parsed, String> {
        let args: Vec<String> = ["import"].iter().chain(args).map(|a| a.to_string()).collect();
        match crate::args::parse(&args)? {
            crate::args::Invocation::Run(args) => parse(&args).map_err(|r| r.message),
            crate::args::Invocation::Help => Err("help".into()),
        }
    }

    #[test]
    fn options_are_parsed() {
        let parsed = parse_args(&[
            "t.csv",
            "--map",
            "3=Target",
            "--year",
            "2023",
            "--format",
            "semicolon",
            "--row",
            "12=Cruscotto",
            "--row=13=continuation",
            "--save-settings",
            "s.json",
        ])
        .unwrap();
        assert_eq!(parsed.path, "t.csv");
        let options = parsed.options;
        assert_eq!(options.mapping, vec![(2, Field::Target)]);
        assert_eq!(options.year, Some(2023));
        assert_eq!(options.format, Some(TableFormat::CsvSemicolon));
        assert_eq!(options.rows, vec![RowCorrection { row: 12, role: RowRole::Cruscotto }, RowCorrection { row: 13, role: RowRole::Continuation }]);
        assert!(!parsed.report);
        assert_eq!(parsed.save.as_deref(), Some("s.json"));
        assert!(parse_args(&["--map"]).is_err());
    }

    #[test]
    fn every_field_and_role_listed_is_one() {
        for name in field_names() {
            let (_, field) = mapping(&format!("1={name}")).unwrap();
            assert_eq!(field.unwrap().name(), name);
        }
        for name in role_names() {
            let (_, role) = correction(&format!("1={name}")).unwrap();
            assert_eq!(role.unwrap().name(), name);
        }
        assert!(!field_names().contains(&AUTO) && !role_names().contains(&AUTO));
    }

    #[test]
    fn a_correction_names_a_real_row_and_a_real_role() {
        let err = |args: &[&str]| parse_args(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));
        assert!(err(&["t.csv", "--row", "0=total"]).contains("ROW is a row (line) of the file, 1 for the first"));
        assert!(err(&["t.csv", "--row", "x=total"]).contains("ROW is a row"));
        assert!(err(&["t.csv", "--row", "4"]).contains("expected ROW=ROLE, e.g. 12=cruscotto"));
        assert!(err(&["t.csv", "--row", "4="]).contains("ROLE is missing; one of header, title, perspective"));
        let message = err(&["t.csv", "--row", "4=cruscoto"]);
        assert!(message.contains("unknown role `cruscoto`; did you mean `cruscotto`?"), "{message}");
        assert!(
            message.contains("one of header, title, perspective, area, strategic, operational, cruscotto, indicator, total, continuation, ignore, or auto"),
            "{message}"
        );
        assert!(err(&["t.csv", "--row", "4=total", "--row", "4=ignore"]).contains("row 4 is already corrected to total"));
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
        assert!(err(&["t.csv", "--map", "3=auto", "--map", "3=actual"]).contains("column 3 is already mapped to auto"));
        assert!(err(&["t.csv", "--format", "xslx"]).contains("unknown format `xslx`; did you mean `xlsx`?"));
        assert!(err(&["t.csv", "--year", "duemila"]).contains("needs a year such as 2023"));
    }
}
