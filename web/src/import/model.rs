//! The table importer's model: where the table comes from (pasted text or a file), the
//! options the user set (format, column mapping, ente name, year, the rows they
//! corrected), running the core's import on them, and what the preview shows of the
//! core's `ImportReport`. The options are the import's settings: the core's
//! `ImportOptions` as JSON, the file `semaforo import --settings` reads.
//!
//! The core's importer is not linked into the app: it would add about 90 KB gzipped to
//! the main bundle (calamine for XLSX 320 KB more, lopdf for a PDF more again).
//! `web/xlsx-module` builds it as wasm modules, `dist/import/` (text tables: TSV, CSV
//! with `,` or `;`, any encoding), `dist/xlsx/` (also workbooks) and `dist/pdf/` (a
//! PDF's tables), fetched with a same-origin `import()` the first time a table (a
//! workbook, a PDF) is read. They answer with the core's own `ImportReport` in JSON,
//! deserialised here into the same types, and the plan as JSON text. The app only shows
//! what the core read and computed: the published-versus-computed column comes from
//! `semaforo_core::evaluate` on the imported plan.

use std::collections::HashMap;
use std::rc::Rc;

use semaforo_core::import::listing::{PageRange, TableListing};
use semaforo_core::import::{CellProblem, ColumnReading, Field, ImportOptions, Note, RowCorrection, RowKind, RowReading, RowRole, TableFormat};
use semaforo_core::Decimal;
use semaforo_core::{check_plan, evaluate, Diagnostic, Plan};
use wasm_bindgen::prelude::*;

/// Where the pasted text is kept, so that a reload or a failed import loses nothing.
pub const TEXT_KEY: &str = "semaforo.import.text";
/// Where the choices are kept (as settings JSON), for the same reason.
pub const SETTINGS_KEY: &str = "semaforo.import.settings";

/// The table being imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The textarea's text.
    Pasted,
    /// A chosen or dropped file, kept as bytes: the core decodes Windows-1252 and UTF-16.
    File { name: Rc<str>, bytes: Rc<Vec<u8>> },
}

impl Source {
    /// A workbook goes to the XLSX module: recognised by its ZIP signature, like the core
    /// (unless it is named `.pdf`: see [`Source::is_pdf`]).
    pub fn is_xlsx(&self) -> bool {
        matches!(self, Source::File { bytes, .. } if bytes.starts_with(b"PK\x03\x04")) && !self.is_pdf()
    }

    /// A PDF goes to the PDF module: recognised by its bytes (`%PDF-`, as the core's
    /// `import::is_pdf`) or by its name, so that a file named `.pdf` that is not one (a
    /// ZIP renamed) is told apart by the PDF reader, which says what it is.
    pub fn is_pdf(&self) -> bool {
        match self {
            Source::Pasted => false,
            Source::File { name, bytes } => {
                semaforo_core::import::is_pdf(bytes) || name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("pdf"))
            }
        }
    }

    /// Which module reads it.
    pub fn reader(&self) -> Reader {
        if self.is_pdf() {
            Reader::Pdf
        } else if self.is_xlsx() {
            Reader::Xlsx
        } else {
            Reader::Text
        }
    }

    /// The name the opened plan is shown under, and the download's base name.
    pub fn name(&self, pasted: &str) -> String {
        match self {
            Source::Pasted => pasted.to_string(),
            Source::File { name, .. } => name.to_string(),
        }
    }
}

/// The module that reads a table: `dist/import/` (text), `dist/xlsx/`, `dist/pdf/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Text,
    Xlsx,
    Pdf,
}

/// What the user chose of a PDF: its pages and its tables. Not part of the settings
/// (the core's `ImportOptions`, which are a table's): they belong to one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PdfChoice {
    /// The pages to read as typed (`12-40`, `12-`, `-40`, `12`; empty: every page).
    pub pages: String,
    /// The tables to import, 0-based as the listing numbers them; `None`: the module's
    /// choice, every table with a heading row.
    pub tables: Option<Vec<usize>>,
}

/// What the user chose besides the table itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Choices {
    pub format: Option<TableFormat>,
    /// Overrides by 0-based column, in the order they were made.
    pub mapping: Vec<(usize, Field)>,
    pub ente_name: String,
    pub year: String,
    /// Rows read in the role the user gave, by 1-based row of the table, in row order.
    pub rows: Vec<RowCorrection>,
}

impl Choices {
    pub fn options(&self) -> ImportOptions {
        ImportOptions {
            format: self.format,
            mapping: self.mapping.clone(),
            ente_name: Some(self.ente_name.trim().to_string()).filter(|n| !n.is_empty()),
            year: self.year.trim().parse().ok().filter(|y| (1900..=2200).contains(y)),
            rows: self.rows.clone(),
        }
    }

    /// Maps a column to a field; `None` gives the column back to its heading.
    pub fn map(&mut self, column: usize, field: Option<Field>) {
        self.mapping.retain(|(c, _)| *c != column);
        if let Some(field) = field {
            self.mapping.push((column, field));
        }
    }

    /// Reads a row in a role; `None` gives the row back to the reading of its cells.
    pub fn set_role(&mut self, row: usize, role: Option<RowRole>) {
        self.rows.retain(|c| c.row != row);
        if let Some(role) = role {
            let at = self.rows.partition_point(|c| c.row < row);
            self.rows.insert(at, RowCorrection { row, role });
        }
    }

    /// The role the user gave a row, if any.
    pub fn role(&self, row: usize) -> Option<RowRole> {
        self.rows.iter().find(|c| c.row == row).map(|c| c.role)
    }
}

/// The settings as JSON (`<table>.impostazioni.json`), for `semaforo import --settings`
/// and for loading back here: compact, as the import module is given them (a second,
/// indented serialiser would cost wasm; [`indented`] lays a download out for people).
pub fn settings_json(choices: &Choices) -> String {
    serde_json::to_string(&choices.options()).unwrap_or_default()
}

/// A settings file read back (an `ImportOptions` as JSON, as the core and the CLI read
/// it); the error says what is wrong and where: the line and column of a JSON error, the
/// path of a wrong value (`rows[0].role: …`).
///
/// Read from a `serde_json::Value` rather than with the core's `Deserialize`, whose
/// code would cost the main bundle about 3 KB gzipped: a test keeps the two readings
/// the same.
pub fn parse_settings(text: &str) -> Result<Choices, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let bad = |path: &str, expected: &str, found: &Value| format!("{path}: expected {expected}, found {found}");
    let fields = value.as_object().ok_or_else(|| bad("settings", "an object", &value))?;
    let mut choices = Choices::default();
    for (key, v) in fields {
        match (key.as_str(), v) {
            ("format" | "ente_name" | "year", Value::Null) => {}
            ("format", Value::String(name)) if parse_format(name).is_some() => choices.format = parse_format(name),
            ("ente_name", Value::String(name)) => choices.ente_name = name.clone(),
            ("year", v) if v.as_i64().is_some_and(|y| i32::try_from(y).is_ok()) => choices.year = v.to_string(),
            ("mapping", Value::Array(pairs)) => {
                for (i, pair) in pairs.iter().enumerate() {
                    let read = match pair.as_array().map(Vec::as_slice) {
                        Some([column, Value::String(name)]) => {
                            column.as_u64().and_then(|c| usize::try_from(c).ok()).zip(Field::ALL.into_iter().find(|f| f.name() == name))
                        }
                        _ => None,
                    };
                    let (column, field) = read.ok_or_else(|| {
                        let fields = Field::ALL.map(Field::name).join(", ");
                        bad(&format!("mapping[{i}]"), &format!("[column from 0, field: one of {fields}]"), pair)
                    })?;
                    choices.map(column, Some(field));
                }
            }
            ("rows", Value::Array(rows)) => {
                for (i, item) in rows.iter().enumerate() {
                    let read = match item.as_object() {
                        Some(c) if c.len() == 2 => c
                            .get("row")
                            .and_then(Value::as_u64)
                            .and_then(|r| usize::try_from(r).ok())
                            .filter(|r| *r >= 1)
                            .zip(c.get("role").and_then(Value::as_str).and_then(RowRole::from_name)),
                        _ => None,
                    };
                    let (row, role) = read.ok_or_else(|| {
                        let roles = RowRole::ALL.map(RowRole::name).join(", ");
                        bad(&format!("rows[{i}]"), &format!("{{\"row\": from 1, \"role\": one of {roles}}}"), item)
                    })?;
                    choices.set_role(row, Some(role));
                }
            }
            ("format", _) => return Err(bad(key, "null or one of tsv, csv, csv_semicolon, xlsx", v)),
            ("ente_name", _) => return Err(bad(key, "text or null", v)),
            ("year", _) => return Err(bad(key, "a year such as 2023, or null", v)),
            ("mapping" | "rows", _) => return Err(bad(key, "a list", v)),
            _ => return Err(format!("unknown field `{key}`; the settings have format, mapping, ente_name, year, rows")),
        }
    }
    Ok(choices)
}

/// The role a row was read in, from `(row, role)` pairs in row order.
pub fn read_role(read: &[(usize, RowRole)], row: usize) -> Option<RowRole> {
    read.binary_search_by_key(&row, |(r, _)| *r).ok().map(|i| read[i].1)
}

/// A format's value in the format selector.
pub fn format_value(format: Option<TableFormat>) -> &'static str {
    match format {
        None => "auto",
        Some(TableFormat::Tsv) => "tsv",
        Some(TableFormat::Csv) => "csv",
        Some(TableFormat::CsvSemicolon) => "csv_semicolon",
        Some(TableFormat::Xlsx) => "xlsx",
    }
}

pub fn parse_format(value: &str) -> Option<TableFormat> {
    match value {
        "tsv" => Some(TableFormat::Tsv),
        "csv" => Some(TableFormat::Csv),
        "csv_semicolon" => Some(TableFormat::CsvSemicolon),
        "xlsx" => Some(TableFormat::Xlsx),
        _ => None,
    }
}

/// The published figure a row carries beside the one the core computes from the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub published: Option<Decimal>,
    pub computed: Option<Decimal>,
}

impl Figures {
    /// True when both exist and differ by the core's rule (`published::compare`): what
    /// the user should look at before trusting either.
    pub fn disagree(&self) -> bool {
        match (self.published, self.computed) {
            (Some(p), Some(c)) => matches!(semaforo_core::published::compare(p, Some(c)), semaforo_core::published::Agreement::Differs { .. }),
            _ => false,
        }
    }
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub row: usize,
    pub kind: RowKind,
    /// The role the row was read in (the user's, when `corrected`).
    pub role: RowRole,
    pub corrected: bool,
    pub code: Option<String>,
    /// The row's non-empty cells as written, for recognising it.
    pub text: String,
    pub note: Option<Note>,
    pub problems: Vec<CellProblem>,
    /// Set when the row carries a published score or achievement.
    pub figures: Option<Figures>,
    /// The PDF page the row is printed on.
    pub page: Option<usize>,
}

/// The core's `ImportReport` without its `plan`, as the module sends it: deserialising the
/// plan here would compile a second copy of the plan's deserialiser (about 50 KB gzipped)
/// beside the one `check_plan` uses, so the plan is read from its JSON by `check_plan`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct ReportView {
    pub format: Option<TableFormat>,
    pub columns: Vec<ColumnReading>,
    pub header_row: Option<usize>,
    pub rows: Vec<RowReading>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ReportView {
    pub fn indicators(&self) -> usize {
        self.rows.iter().filter(|r| r.kind == RowKind::Indicator).count()
    }

    pub fn errors(&self) -> usize {
        self.rows.iter().filter(|r| r.kind == RowKind::Error).count()
    }
}

/// An import's result as the preview shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub report: ReportView,
    pub rows: Vec<PreviewRow>,
    pub decimals: u32,
    /// The plan as JSON, for "open" and "download"; `None` when the import built none.
    pub plan_json: Option<Rc<String>>,
    /// A PDF's tables, when the table came from one.
    pub pdf: Option<PdfView>,
}

/// The tables of a PDF (the core's `pdf::PdfTables`, without its diagnostics, which the
/// report carries too).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct PdfListing {
    /// Pages the PDF has (0 when it could not be read).
    pub pages: usize,
    /// Pages read.
    pub read: Option<PageRange>,
    pub tables: Vec<TableListing>,
}

/// Where a row of the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
pub struct RowPage {
    pub row: usize,
    pub page: usize,
}

/// A PDF's listing and the tables the import used.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfView {
    pub listing: PdfListing,
    /// 0-based indices of the tables imported.
    pub chosen: Vec<usize>,
}

impl Preview {
    pub fn new(report: ReportView, plan_json: Option<String>) -> Preview {
        // The module built and validated the plan; the app reads it like any plan file.
        let plan: Option<Plan> = plan_json.as_deref().and_then(|json| check_plan(json).0);
        let mut figures: HashMap<String, Figures> = HashMap::new();
        let mut decimals = 2;
        if let Some(plan) = &plan {
            decimals = plan.policy.display_decimals.min(6);
            let evaluation = evaluate(plan);
            for i in &evaluation.indicators {
                if let Some(published) = i.published.as_ref().and_then(|p| p.score) {
                    figures.entry(i.code.to_string()).or_insert(Figures { published: Some(published), computed: i.achievement });
                }
            }
            for n in &evaluation.nodes {
                if let Some(published) = n.published.as_ref().and_then(|p| p.score) {
                    figures.entry(n.code.to_string()).or_insert(Figures { published: Some(published), computed: n.score });
                }
            }
        }
        let rows = report
            .rows
            .iter()
            .map(|r| PreviewRow {
                row: r.row,
                kind: r.kind,
                role: r.role,
                corrected: r.corrected,
                code: r.code.clone(),
                text: r.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" · "),
                note: r.note.clone(),
                problems: r.problems.clone(),
                figures: r.code.as_ref().and_then(|c| figures.get(c).cloned()),
                page: None,
            })
            .collect();
        let plan_json = plan_json.filter(|_| plan.is_some()).map(Rc::new);
        Preview { report, rows, decimals, plan_json, pdf: None }
    }

    /// A PDF's import: its listing, the tables used, and each row's page.
    pub fn with_pdf(mut self, listing: PdfListing, chosen: Vec<usize>, row_pages: &[RowPage]) -> Preview {
        let pages: HashMap<usize, usize> = row_pages.iter().map(|r| (r.row, r.page)).collect();
        for row in &mut self.rows {
            row.page = pages.get(&row.row).copied();
        }
        self.pdf = Some(PdfView { listing, chosen });
        self
    }

    pub fn indicators(&self) -> usize {
        self.report.indicators()
    }

    pub fn errors(&self) -> usize {
        self.report.errors()
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.report.diagnostics
    }
}

/// The module's answer: the core's report and the plan ready to open or download; for a
/// PDF, its listing, the tables used and each row's page too.
#[derive(serde::Deserialize)]
struct Answer {
    report: ReportView,
    plan_json: Option<String>,
    #[serde(default)]
    tables: Option<PdfListing>,
    #[serde(default)]
    chosen: Vec<usize>,
    #[serde(default)]
    row_pages: Vec<RowPage>,
}

#[wasm_bindgen(inline_js = "export async function importTable(url, bytes, options, pdf, pages, tables) {
  // Same-origin module, fetched once: import() caches it, and init() returns at once
  // after the first call.
  const m = await import(url);
  await m.default();
  return pdf ? m.import_pdf(bytes, pages, tables, options) : m.import_table(bytes, options);
}
export function indented(json) {
  try { return JSON.stringify(JSON.parse(json), null, 2) + '\\n'; } catch (e) { return json; }
}")]
extern "C" {
    #[wasm_bindgen(catch, js_name = importTable)]
    async fn import_table_js(url: &str, bytes: js_sys::Uint8Array, options: &str, pdf: bool, pages: &str, tables: &str) -> Result<JsValue, JsValue>;
    /// JSON laid out with two-space indents, one value a line, for a file people read.
    pub fn indented(json: &str) -> String;
}

/// Reads a table with an import module (the XLSX one for a workbook, the PDF one with
/// the pages and tables of `pdf` for a PDF), loading it the first time; the error says
/// why the module could not be loaded or answered (the table's own problems, and a bad
/// PDF's, are in the report).
pub async fn import(bytes: &[u8], options: &ImportOptions, reader: Reader, pdf: &PdfChoice) -> Result<Preview, String> {
    let js_text = |e| crate::io::js_text(e, "the import module could not be loaded");
    let window = gloo::utils::window();
    let href = window.location().href().map_err(js_text)?;
    let module = match reader {
        Reader::Text => "import/semaforo_xlsx.js",
        Reader::Xlsx => "xlsx/semaforo_xlsx.js",
        Reader::Pdf => "pdf/semaforo_xlsx.js",
    };
    let url = web_sys::Url::new_with_base(module, &href).map_err(js_text)?;
    let options = serde_json::to_string(options).map_err(|e| e.to_string())?;
    let tables = pdf.tables.as_ref().map_or_else(|| "null".to_string(), |t| serde_json::to_string(t).unwrap_or_default());
    // A copy owned by JS: the module is called after awaits, when a view into this
    // module's memory could have been detached by its growth.
    let bytes = js_sys::Uint8Array::from(bytes);
    let answer = import_table_js(&url.href(), bytes, &options, reader == Reader::Pdf, pdf.pages.trim(), &tables).await.map_err(js_text)?;
    let json = answer.as_string().ok_or_else(|| "the import module gave no answer".to_string())?;
    let answer: Answer = serde_json::from_str(&json).map_err(|e| format!("the import module's report: {e}"))?;
    let preview = Preview::new(answer.report, answer.plan_json);
    Ok(match answer.tables {
        Some(listing) if reader == Reader::Pdf => preview.with_pdf(listing, answer.chosen, &answer.row_pages),
        _ => preview,
    })
}

/// `piano.xlsx` -> `piano.plan.json`; pasted text -> `piano-importato.plan.json`.
pub fn plan_file_name(source_name: &str) -> String {
    file_name(source_name, "plan.json")
}

/// `piano.xlsx` -> `piano.impostazioni.json`: the import settings of that table.
pub fn settings_file_name(source_name: &str) -> String {
    file_name(source_name, "impostazioni.json")
}

fn file_name(source_name: &str, suffix: &str) -> String {
    let stem = source_name.rsplit_once('.').map_or(source_name, |(stem, _)| stem);
    format!("{}.{suffix}", crate::io::file_stem(stem, "piano-importato"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use semaforo_core::import::import_table;

    /// What the module answers, computed natively with the same core calls.
    fn import_text_table(bytes: &[u8], options: &ImportOptions) -> Preview {
        let report = import_table(bytes, options);
        let plan_json = report.plan.as_ref().map(|p| serde_json::to_string(p).unwrap());
        let view =
            ReportView { format: report.format, columns: report.columns, header_row: report.header_row, rows: report.rows, diagnostics: report.diagnostics };
        Preview::new(view, plan_json)
    }

    const MAREMMA: &str = include_str!("../../../tests/fixtures/tables/maremma-tirreno-2023.tsv");
    const BROKEN: &str = include_str!("../../../tests/fixtures/tables/broken-rows.tsv");

    #[test]
    fn a_pasted_table_becomes_a_plan_with_its_published_figures_beside_the_computed_ones() {
        let preview = import_text_table(MAREMMA.as_bytes(), &ImportOptions::default());
        assert_eq!(preview.indicators(), 101);
        assert!(preview.plan_json.is_some());
        assert!(preview.rows.iter().any(|r| r.figures.as_ref().is_some_and(|f| f.published.is_some() && f.computed.is_some())));
    }

    #[test]
    fn broken_rows_are_listed_with_column_and_text_and_the_good_ones_import() {
        let preview = import_text_table(BROKEN.as_bytes(), &ImportOptions::default());
        assert_eq!(preview.indicators(), 3);
        assert_eq!(preview.errors(), 3);
        let bad = preview.rows.iter().find(|r| r.row == 6).unwrap();
        assert_eq!(bad.kind, RowKind::Error);
        assert_eq!(bad.problems[0].header, "TARGET");
        assert_eq!(bad.problems[0].text, "almeno settanta");
    }

    #[test]
    fn a_mapping_changes_what_a_column_is() {
        let mut choices = Choices::default();
        choices.map(4, Some(Field::Ignore));
        let preview = import_text_table(BROKEN.as_bytes(), &choices.options());
        assert!(preview.report.columns[4].mapped);
        assert!(preview.rows.iter().find(|r| r.row == 6).is_some_and(|r| r.kind != RowKind::Error));
        choices.map(4, None);
        assert!(choices.mapping.is_empty());
    }

    #[test]
    fn a_pdf_goes_to_the_pdf_module_by_its_bytes_or_its_name_a_workbook_to_the_xlsx_one() {
        let file = |name: &str, bytes: &[u8]| Source::File { name: name.into(), bytes: Rc::new(bytes.to_vec()) };
        assert_eq!(file("relazione.pdf", b"%PDF-1.7\n").reader(), Reader::Pdf);
        assert_eq!(file("senza-nome", b"%PDF-1.4\n").reader(), Reader::Pdf, "the bytes say it");
        assert_eq!(file("RELAZIONE.PDF", b"PK\x03\x04").reader(), Reader::Pdf, "a ZIP named .pdf: the PDF reader says what it is");
        assert_eq!(file("piano.xlsx", b"PK\x03\x04").reader(), Reader::Xlsx);
        assert_eq!(file("piano.csv", b"a;b\n").reader(), Reader::Text);
        assert_eq!(Source::Pasted.reader(), Reader::Text);
    }

    #[test]
    fn plan_file_names() {
        assert_eq!(plan_file_name("cruscotto promozione.xlsx"), "cruscotto-promozione.plan.json");
        assert_eq!(plan_file_name(""), "piano-importato.plan.json");
        assert_eq!(settings_file_name("cruscotto promozione.xlsx"), "cruscotto-promozione.impostazioni.json");
        assert_eq!(settings_file_name("tabella incollata"), "tabella-incollata.impostazioni.json");
    }

    #[test]
    fn row_corrections_are_kept_in_row_order_and_one_per_row() {
        let mut choices = Choices::default();
        choices.set_role(12, Some(RowRole::Cruscotto));
        choices.set_role(3, Some(RowRole::Ignore));
        choices.set_role(12, Some(RowRole::Total));
        assert_eq!(choices.rows, vec![RowCorrection { row: 3, role: RowRole::Ignore }, RowCorrection { row: 12, role: RowRole::Total }]);
        assert_eq!(choices.role(12), Some(RowRole::Total));
        choices.set_role(3, None);
        assert_eq!(choices.options().rows, vec![RowCorrection { row: 12, role: RowRole::Total }]);
        assert_eq!(choices.role(3), None);
    }

    #[test]
    fn settings_are_the_cores_import_options_and_read_back_into_the_same_choices() {
        let mut choices = Choices { ente_name: "CCIAA di Prova".into(), year: "2024".into(), ..Choices::default() };
        choices.format = Some(TableFormat::Tsv);
        choices.map(6, Some(Field::Achievement));
        choices.set_role(9, Some(RowRole::Cruscotto));
        let json = settings_json(&choices);
        let options: ImportOptions = serde_json::from_str(&json).unwrap();
        assert_eq!(options, choices.options(), "what the CLI's --settings reads");
        assert!(json.contains(r#"{"row":9,"role":"cruscotto"}"#), "{json}");
        assert_eq!(parse_settings(&json).unwrap(), choices);
        // A year that is not one is not a setting: it is left out, not saved as typed.
        let typed = Choices { year: "20".into(), ..Choices::default() };
        assert_eq!(parse_settings(&settings_json(&typed)).unwrap(), Choices::default());
    }

    #[test]
    fn a_file_that_is_not_settings_says_what_and_where() {
        let err = parse_settings("{\n  \"rows\": [{\"row\": 9, \"role\": \"cruscoto\"}]\n}").unwrap_err();
        assert!(err.starts_with("rows[0]: expected {\"row\": from 1, \"role\": one of header, title,"), "{err}");
        assert!(err.ends_with("ignore}, found {\"role\":\"cruscoto\",\"row\":9}"), "{err}");
        let err = parse_settings("{\"colonne\": 1}").unwrap_err();
        assert!(err.contains("unknown field `colonne`"), "{err}");
        assert!(parse_settings("{\n\"rows\": [}").unwrap_err().contains("at line 2 column"));
        assert!(parse_settings("{\"rows\": [{\"row\": 0, \"role\": \"total\"}]}").unwrap_err().starts_with("rows[0]: expected {\"row\": from 1"));
        assert!(parse_settings("{\"mapping\": [[\"3\", \"target\"]]}")
            .unwrap_err()
            .starts_with("mapping[0]: expected [column from 0, field: one of group, area,"));
        assert!(parse_settings("{\"version\": 1, \"ente\": {}}").unwrap_err().starts_with("unknown field `ente`"), "a plan is not settings");
        let choices = parse_settings("{\"mapping\": [[2, \"target\"], [2, \"actual\"]]}").unwrap();
        assert_eq!(choices.mapping, vec![(2, Field::Actual)], "the last word on a column");
    }

    /// The app reads settings by hand (see `parse_settings`): it must accept what the core
    /// writes and refuse what the core refuses.
    #[test]
    fn settings_are_read_as_the_core_reads_them() {
        let every = ImportOptions {
            format: Some(TableFormat::CsvSemicolon),
            mapping: Field::ALL.iter().enumerate().map(|(i, f)| (i, *f)).collect(),
            ente_name: Some("Ente «è»".into()),
            year: Some(2023),
            rows: RowRole::ALL.iter().enumerate().map(|(i, r)| RowCorrection { row: i + 1, role: *r }).collect(),
        };
        for format in [None, Some(TableFormat::Tsv), Some(TableFormat::Csv), Some(TableFormat::CsvSemicolon), Some(TableFormat::Xlsx)] {
            let options = ImportOptions { format, ..every.clone() };
            let json = serde_json::to_string_pretty(&options).unwrap();
            assert_eq!(parse_settings(&json).unwrap().options(), options, "{json}");
        }
        assert_eq!(parse_settings(&serde_json::to_string(&ImportOptions::default()).unwrap()).unwrap(), Choices::default());
        let cases = [
            "{}",
            "{\"format\": null, \"mapping\": [], \"ente_name\": null, \"year\": null}",
            "{\"format\": \"auto\"}",
            "{\"format\": 3}",
            "{\"format\": \"\"}",
            "{\"year\": \"2023\"}",
            "{\"year\": 2023.5}",
            "{\"year\": 99999999999}",
            "{\"ente_name\": 7}",
            "{\"mapping\": [[1]]}",
            "{\"mapping\": [[1, \"target\", 2]]}",
            "{\"mapping\": [[-1, \"target\"]]}",
            "{\"mapping\": [[1, \"Target\"]]}",
            "{\"mapping\": {}}",
            "{\"rows\": [{\"row\": 3}]}",
            "{\"rows\": [{\"role\": \"total\"}]}",
            "{\"rows\": [{\"row\": 3, \"role\": \"total\", \"note\": 1}]}",
            "{\"rows\": [{\"row\": 3.0, \"role\": \"total\"}]}",
            "{\"rows\": [{\"row\": 3, \"role\": \"Total\"}]}",
            "{\"rows\": [[3, \"total\"]]}",
            "{\"rows\": [{\"row\": 3, \"role\": \"total\"}], \"extra\": true}",
            "[]",
            "null",
        ];
        for case in cases {
            let core = serde_json::from_str::<ImportOptions>(case);
            let app = parse_settings(case);
            match (&core, &app) {
                (Ok(options), Ok(choices)) => assert_eq!(&choices.options(), options, "{case}"),
                (Err(_), Err(_)) => {}
                // The core's serde also reads a struct from a list of its fields: no user writes that.
                (Ok(_), Err(_)) if case.starts_with('[') || case.contains("[[3") => {}
                _ => panic!("{case}: core {core:?}, app {app:?}"),
            }
        }
    }
}
