//! Importing a plan from a table: what a planning office has (a spreadsheet, a table
//! exported from its performance software, a table copied out of the published PDF)
//! becomes a [`Plan`], with a report of how every column and row was read.
//!
//! ```
//! use semaforo_core::import::{import_table, ImportOptions};
//! let table = "PESO\tINDICATORE\tCONSUNTIVO\tTARGET\t% RAGGIUNGIMENTO\n\
//!              60,00%\tPratiche evase\t46 N. / 47 N.\t>= 90,00 %\t100,00%\n\
//!              40,00%\tTempo medio\t12 gg\t<= 10 gg\t83,33%\n";
//! let report = import_table(table.as_bytes(), &ImportOptions { year: Some(2023), ..Default::default() });
//! let plan = report.plan.expect("a plan");
//! let score = semaforo_core::evaluate(&plan).node("ENTE").unwrap().score.unwrap();
//! assert_eq!(semaforo_core::format::percent(score, 2), "93,33 %");
//! ```
//!
//! The pieces, in the order they run:
//! - [`table`]: bytes to rows of cells (TSV, CSV with `,` or `;`, XLSX with the `xlsx`
//!   feature; UTF-8, UTF-16 or Windows-1252);
//! - [`columns`]: which heading means which [`Field`], overridden by the user's mapping;
//! - [`values`]: Italian numbers, quantities, ratios, dates, targets, PDF debris;
//! - `build`: rows to the tree (grouping rows, cruscotto headings, broken rows, repeated
//!   headings, weight normalisation), then validation.
//!
//! The core does no IO: the entry points take bytes or text. Nothing panics on any input.

pub mod columns;
pub mod table;
pub mod values;

mod build;
pub mod listing;
#[cfg(feature = "pdf")]
pub mod pdf;

pub use columns::{ColumnReading, Field};
pub use table::TableFormat;

use crate::diagnostic::{self, Code, Diagnostic, Expected, Localized, NoteKind, Params, SerializeIn};
use crate::labels::{self, Lang};
use crate::plan::Plan;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// How to read a table. The default recognises everything by itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImportOptions {
    /// The table's format; `None`: recognise it from the bytes.
    pub format: Option<TableFormat>,
    /// Fields for columns, by 0-based index, overriding what the headings say
    /// (`Field::Ignore` leaves a column out). With no heading row, this alone says what
    /// the columns are.
    pub mapping: Vec<(usize, Field)>,
    /// The ente's name, when the table does not give it (or gives it differently).
    pub ente_name: Option<String>,
    /// The year the plan measures, when the table does not give it.
    pub year: Option<i32>,
    /// The user's corrections of rows the reading got wrong, by 1-based row of the file.
    /// Saved with the mapping as the import's settings, so that next year's table of the
    /// same layout re-imports the same way.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowCorrection>,
}

/// "Read row `row` as `role`", whatever its cells suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowCorrection {
    /// 1-based row (line) of the file, as in [`RowReading::row`].
    pub row: usize,
    pub role: RowRole,
}

/// What a row is in the table: decided by the evidence of its cells
/// (see `build::roles`), or set by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowRole {
    /// The heading row naming the columns (or its repetition on a later page).
    Header,
    /// The document's or the ente's title (its name, its year).
    Title,
    /// A perspective of the balanced scorecard (`BSC1 - …`).
    Perspective,
    /// An ambito strategico.
    Area,
    /// A strategic objective.
    Strategic,
    /// An operational objective.
    Operational,
    /// A dashboard (cruscotto) of a manager or a unit, with its published total.
    Cruscotto,
    /// An indicator.
    Indicator,
    /// The published total of the open cruscotto or objective.
    Total,
    /// The rest of the previous row, broken across a page: merged into it.
    Continuation,
    /// Not part of the plan (page furniture, a rule, a note).
    Ignore,
}

impl RowRole {
    pub const ALL: [RowRole; 11] = [
        RowRole::Header,
        RowRole::Title,
        RowRole::Perspective,
        RowRole::Area,
        RowRole::Strategic,
        RowRole::Operational,
        RowRole::Cruscotto,
        RowRole::Indicator,
        RowRole::Total,
        RowRole::Continuation,
        RowRole::Ignore,
    ];

    /// The role's name in settings files and `--report` (`cruscotto`, `indicator`, …).
    pub fn name(self) -> &'static str {
        match self {
            RowRole::Header => "header",
            RowRole::Title => "title",
            RowRole::Perspective => "perspective",
            RowRole::Area => "area",
            RowRole::Strategic => "strategic",
            RowRole::Operational => "operational",
            RowRole::Cruscotto => "cruscotto",
            RowRole::Indicator => "indicator",
            RowRole::Total => "total",
            RowRole::Continuation => "continuation",
            RowRole::Ignore => "ignore",
        }
    }

    pub fn from_name(name: &str) -> Option<RowRole> {
        RowRole::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// What became of a row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// The heading row, or a repetition of it on a later page.
    Header,
    /// A perspective, ambito, objective or cruscotto heading, or a total.
    Group,
    /// An indicator, imported.
    Indicator,
    /// The rest of the previous row (broken across a page), merged into it.
    Continuation,
    /// Not part of the plan: a title, a page number, a rule, text that is no indicator.
    Skipped,
    /// An indicator that could not be read: see `problems`; not imported.
    Error,
}

/// A cell that could not be read, with its text as written. In JSON, beside
/// `expected` (a word: `"weight"`), its text in the language asked for, `expectation`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CellProblem {
    /// 0-based column.
    pub column: usize,
    /// The column's heading (or `colonna N`).
    pub header: String,
    /// The cell's text as written in the file.
    pub text: String,
    /// What was expected there.
    pub expected: Expected,
    /// The cell's name in the sheet (`D7`), for a workbook's cell that holds an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl CellProblem {
    /// What was expected there, in `lang`: `un peso come “20,00 %” o “20”`.
    pub fn expectation(&self, lang: Lang) -> String {
        diagnostic::expectation(self.expected, self.cell.as_deref(), &self.text, lang)
    }

    /// The problem in one sentence (without its row): `colonna 5 “TARGET”: “almeno
    /// settanta” non si legge; atteso: un target come …`.
    pub fn message(&self, lang: Lang) -> String {
        diagnostic::cell_problem(lang, self.column + 1, &self.header, &self.text, &self.expectation(lang))
    }
}

impl SerializeIn for CellProblem {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CellProblem", 6)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("header", &self.header)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("expected", &self.expected)?;
        if let Some(cell) = &self.cell {
            s.serialize_field("cell", cell)?;
        }
        s.serialize_field("expectation", &self.expectation(lang))?;
        s.end()
    }
}

/// Why a row was read as it was (skipped, merged, a total…), as data: its kind and
/// parameters (`continues_row`, `{"row": 5}`), and its text in a language, [`Note::text`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    #[serde(default)]
    pub params: Params,
}

impl Note {
    pub fn new(kind: NoteKind) -> Note {
        Note { kind, params: Params::default() }
    }

    pub fn with(kind: NoteKind, params: impl Into<Params>) -> Note {
        Note { kind, params: params.into() }
    }

    /// `continua la riga 5` / `continues row 5`.
    pub fn text(&self, lang: Lang) -> String {
        diagnostic::render_texts(diagnostic::note_texts(self.kind), &self.params, lang).unwrap_or_else(|_| self.kind.name().to_string())
    }
}

impl SerializeIn for Note {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Note", 3)?;
        s.serialize_field("kind", &self.kind)?;
        if !self.params.is_empty() {
            s.serialize_field("params", &self.params)?;
        }
        s.serialize_field("text", &self.text(lang))?;
        s.end()
    }
}

/// How one non-empty row was read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RowReading {
    /// 1-based row (line) of the file.
    pub row: usize,
    pub kind: RowKind,
    /// Every cell as written.
    pub cells: Vec<String>,
    #[serde(default)]
    pub problems: Vec<CellProblem>,
    /// The code of the indicator, objective or cruscotto the row became.
    #[serde(default)]
    pub code: Option<String>,
    /// Why a row was skipped or merged.
    #[serde(default)]
    pub note: Option<Note>,
    /// The role the row was read in (what a correction would change).
    pub role: RowRole,
    /// The role was set by the user ([`ImportOptions::rows`]), not read from the cells.
    #[serde(default)]
    pub corrected: bool,
}

/// The fields that are set; `problems`, `code`, `note` and `corrected` only when they say
/// something.
impl SerializeIn for RowReading {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("RowReading", 8)?;
        s.serialize_field("row", &self.row)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("cells", &self.cells)?;
        if !self.problems.is_empty() {
            s.serialize_field("problems", &Localized { value: &self.problems, lang })?;
        }
        if let Some(code) = &self.code {
            s.serialize_field("code", code)?;
        }
        if let Some(note) = &self.note {
            s.serialize_field("note", &Localized { value: note, lang })?;
        }
        s.serialize_field("role", &self.role)?;
        if self.corrected {
            s.serialize_field("corrected", &true)?;
        }
        s.end()
    }
}

/// Everything an import found: the plan (if one could be built), how each column and
/// row was read, and plan-level diagnostics (normalised weights, missing year, …). Its
/// JSON has the texts for people (messages, notes, expectations) in Italian;
/// `Localized { value: &report, lang }` writes them in another language.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportReport {
    /// The format read (recognised or given); `None` if the bytes were not a table.
    pub format: Option<TableFormat>,
    /// The plan; `None` when no indicator could be read or the result does not validate.
    pub plan: Option<Plan>,
    pub columns: Vec<ColumnReading>,
    /// 1-based row of the heading row, if one was found.
    pub header_row: Option<usize>,
    /// Every non-empty row, in file order.
    pub rows: Vec<RowReading>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ImportReport {
    /// The report of an import that read nothing, and why (bad options, a table or PDF
    /// that cannot be read, no table chosen).
    pub fn nothing_read(diagnostics: Vec<Diagnostic>) -> ImportReport {
        ImportReport { format: None, plan: None, columns: Vec::new(), header_row: None, rows: Vec::new(), diagnostics }
    }

    /// Rows that could not be imported.
    pub fn errors(&self) -> impl Iterator<Item = &RowReading> {
        self.rows.iter().filter(|r| r.kind == RowKind::Error)
    }

    /// How many rows became indicators.
    pub fn indicators(&self) -> usize {
        self.rows.iter().filter(|r| r.kind == RowKind::Indicator).count()
    }

    /// How the import went, in one line: `3 indicatori importati, 1 riga con errori, …`.
    pub fn summary(&self, lang: Lang) -> String {
        let count = |kind: RowKind| self.rows.iter().filter(|r| r.kind == kind).count();
        diagnostic::import_summary(
            lang,
            count(RowKind::Indicator),
            count(RowKind::Error),
            count(RowKind::Continuation),
            count(RowKind::Skipped),
            self.rows.iter().filter(|r| r.corrected).count(),
            self.plan.is_some(),
        )
    }

    /// The corrections of `options` for rows this table does not have (or has empty),
    /// each with what to tell the user: `(row, text)`.
    pub fn unused_corrections(&self, options: &ImportOptions, lang: Lang) -> Vec<(usize, String)> {
        options
            .rows
            .iter()
            .filter(|c| !self.rows.iter().any(|r| r.row == c.row))
            .map(|c| (c.row, diagnostic::unused_correction(lang, labels::row_role(lang, c.role))))
            .collect()
    }
}

impl SerializeIn for ImportReport {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ImportReport", 6)?;
        s.serialize_field("format", &self.format)?;
        s.serialize_field("plan", &self.plan)?;
        s.serialize_field("columns", &self.columns)?;
        s.serialize_field("header_row", &self.header_row)?;
        s.serialize_field("rows", &Localized { value: &self.rows, lang })?;
        s.serialize_field("diagnostics", &Localized { value: &self.diagnostics, lang })?;
        s.end()
    }
}

/// Texts in Italian, the default language.
macro_rules! serialize_in_italian {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.serialize_in(Lang::default(), serializer)
            }
        }
    )*};
}

serialize_in_italian!(CellProblem, Note, RowReading, ImportReport);

/// Imports a table given as bytes (a file's content, as the browser or the CLI reads it).
/// A PDF's tables are imported as [`pdf::import_pdf`] does with no choice of pages or
/// tables (with the `pdf` feature; without it, an `unreadable-pdf` error says so).
pub fn import_table(bytes: &[u8], options: &ImportOptions) -> ImportReport {
    if options.format.is_none() && is_pdf(bytes) {
        return import_pdf_bytes(bytes, options);
    }
    match table::read_table(bytes, options.format) {
        Ok(table) => {
            let built = build::build(&table, options);
            // What reading the bytes found comes first: it may explain the rows' problems.
            let mut diagnostics = table.warnings;
            diagnostics.extend(built.diagnostics);
            ImportReport { format: Some(table.format), plan: built.plan, columns: built.columns, header_row: built.header_row, rows: built.rows, diagnostics }
        }
        Err(params) => ImportReport::nothing_read(vec![Diagnostic::new("", Code::UnreadableTable, params)]),
    }
}

/// Does the file start like a PDF (`%PDF-` in its first kilobyte)?
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5 && bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

#[cfg(feature = "pdf")]
fn import_pdf_bytes(bytes: &[u8], options: &ImportOptions) -> ImportReport {
    pdf::import_pdf(bytes, None, None, options).report
}

#[cfg(not(feature = "pdf"))]
fn import_pdf_bytes(_: &[u8], _: &ImportOptions) -> ImportReport {
    let params = Params::from([diagnostic::Param::Case(diagnostic::Case::NoPdfFeature)]);
    ImportReport::nothing_read(vec![Diagnostic::new("", Code::UnreadablePdf, params)])
}

/// Imports a table pasted as text (tab-separated from a spreadsheet or a PDF, or CSV).
pub fn import_text(text: &str, options: &ImportOptions) -> ImportReport {
    import_table(text.as_bytes(), options)
}
