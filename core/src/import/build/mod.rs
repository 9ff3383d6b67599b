//! Rows to a plan. Each row of the table is given a **role** ([`RowRole`]) from the
//! evidence of its cells ([`roles`]), or the role the user set ([`ImportOptions::rows`]),
//! and is then read in that role:
//!
//! - the **heading row** names the columns; repeated on later pages, it is skipped;
//! - **titles** before the heading name the ente and the year;
//! - **headings of groups** ([`groups`]): a perspective, an ambito, a strategic or
//!   operational objective, a cruscotto (dashboard) with its manager, each with the figure
//!   the document printed on it, wherever it stands in the row;
//! - **totals** give the published figure of the open group;
//! - **indicators** ([`indicator`]): their cells placed under the headings by content as
//!   well as position ([`align`]), since a table copied from a PDF loses its empty cells;
//!   their codes read by a grammar ([`codes`]);
//! - **continuations**: the rest of the previous row, broken across a page;
//! - **page furniture** (titles and page numbers repeated on every page, rules) is skipped.
//!
//! [`assemble`] then builds the plan: codes settled, one indicator printed in several
//! places made one indicator referenced from each, weights normalised, validation.
//!
//! Nothing typed is lost: every row is reported with its cells, its role, and every cell
//! that could not be read with its text and what was expected there. Text is handled by
//! characters, never by byte offsets taken from another string (an upper-cased copy can
//! differ in length: `ﬁ` → `FI`).

mod align;
mod assemble;
mod codes;
mod groups;
mod indicator;
mod roles;

use super::columns::{is_header_row, recognise, ColumnReading, Field};
use super::table::Table;
use super::values::{clean, shape, Shape};
use super::{CellProblem, ImportOptions, Note, RowKind, RowReading, RowRole};
use crate::decimal::Decimal;
use crate::diagnostic::{Code, Diagnostic, Expected, NoteKind, Param};
use crate::plan::{Indicator, Level, Perspective, Published};
use std::collections::{HashMap, HashSet};

pub(super) struct Built {
    pub plan: Option<crate::plan::Plan>,
    pub columns: Vec<ColumnReading>,
    pub header_row: Option<usize>,
    pub rows: Vec<RowReading>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A non-empty cell of a row.
#[derive(Debug, Clone)]
struct Cell {
    col: usize,
    raw: String,
    cleaned: String,
    shape: Shape,
}

/// A cell placed under a heading.
#[derive(Debug, Clone)]
struct Assigned {
    field: Field,
    cell: Cell,
}

/// Where the indicators being read go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Container {
    Ente,
    Node(usize),
    Cruscotto(usize),
}

/// A perspective, ambito or objective being read.
struct Node {
    code: String,
    level: Level,
    name: String,
    parent: Option<usize>,
    perspective: Option<Perspective>,
    weight: Option<Decimal>,
    published: Published,
    indicators: Vec<Draft>,
}

struct CruscottoDraft {
    code: String,
    name: String,
    manager: Option<String>,
    published: Published,
    items: Vec<Draft>,
}

/// An indicator read from a row; its code is settled when the plan is assembled.
struct Draft {
    indicator: Indicator,
    /// Index in the report's rows.
    row: usize,
    code: codes::CodeOrigin,
    /// An XLSX actual without `%` under a percentage target: perhaps a percent-formatted
    /// fraction (0,9832 for 98,32 %), decided for the whole sheet when it is assembled.
    bare_percent_actual: bool,
}

/// The indicator row being read: a later row may still continue it.
struct Pending {
    row: usize,
    container: Container,
    cells: Vec<Assigned>,
    /// Position in `fields` of the last heading filled.
    last: usize,
}

struct Builder<'a> {
    options: &'a ImportOptions,
    /// The field of each column, by index (from the heading or the user's mapping).
    column_fields: Vec<Option<Field>>,
    headers: Vec<String>,
    /// Columns whose cells are read, in order, with their field.
    fields: Vec<(usize, Field)>,
    /// Columns whose cells are left out of the reading (unrecognised headings, `Ignore`).
    ignored: HashSet<usize>,
    rows: Vec<RowReading>,
    nodes: Vec<Node>,
    cruscotti: Vec<CruscottoDraft>,
    ente_indicators: Vec<Draft>,
    ente_published: Published,
    /// Open ambito, strategic and operational objective.
    open: [Option<usize>; 3],
    perspective: Option<Perspective>,
    container: Container,
    pending: Option<Pending>,
    /// The last grouping node, while no indicator has followed it (its name may wrap).
    last_group: Option<usize>,
    /// Numeric codes with three or more parts exist: `01` is then an ambito, `01.01` a
    /// strategic objective; otherwise `011` is an ambito, `01` strategic, `01.01` operational.
    deep_codes: bool,
    /// Single-cell rows repeated on several pages (titles, running heads).
    furniture: HashSet<String>,
    ente_name: Option<String>,
    year: Option<i32>,
    diagnostics: Vec<Diagnostic>,
    /// An XLSX sheet: a percent-formatted cell arrives as a fraction (0,3 for 30 %).
    fractions: bool,
    /// Some fraction was read as a percentage.
    scaled: bool,
    /// The heading row has been read.
    header_seen: bool,
    /// The last row was a total with no figure: a figure alone on the next row is its.
    total_awaiting_figure: bool,
    /// Where that total's figure goes.
    total_target: Container,
    /// The mission (code, name) whose programmes are being read.
    mission: Option<(String, String)>,
    /// Nodes by level and code as compared (`groups::squeeze`): the first with each.
    node_index: HashMap<(usize, String), usize>,
}

pub(super) fn build(table: &Table, options: &ImportOptions) -> Built {
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header_index = table.rows.iter().position(|r| is_header_row(&r.cells));
    let headers: Vec<String> = match header_index {
        Some(i) => table.rows[i].cells.iter().map(|c| clean(c)).collect(),
        None => Vec::new(),
    };
    let mut column_fields: Vec<Option<Field>> = (0..width.max(headers.len())).map(|i| headers.get(i).and_then(|h| recognise(h))).collect();
    for &(index, field) in &options.mapping {
        if index < 4096 {
            if index >= column_fields.len() {
                column_fields.resize(index + 1, None);
            }
            column_fields[index] = Some(field);
        }
    }
    let mut ignored = HashSet::new();
    let mut diagnostics = Vec::new();
    for (index, field) in column_fields.iter().enumerate() {
        let header = headers.get(index).map_or("", String::as_str);
        let unrecognised = field.is_none() && !header.is_empty();
        if unrecognised || *field == Some(Field::Ignore) {
            ignored.insert(index);
        }
        if unrecognised {
            diagnostics.push(Diagnostic::new(
                format!("columns[{index}]"),
                Code::UnknownColumn,
                [Param::Column(index as u64 + 1), Param::Header(header.to_string())],
            ));
        }
    }
    let fields: Vec<(usize, Field)> = column_fields.iter().enumerate().filter_map(|(i, f)| f.filter(|f| *f != Field::Ignore).map(|f| (i, f))).collect();

    let mut builder = Builder {
        options,
        column_fields,
        headers,
        fields,
        ignored,
        rows: Vec::new(),
        nodes: Vec::new(),
        cruscotti: Vec::new(),
        ente_indicators: Vec::new(),
        ente_published: Published::default(),
        open: [None; 3],
        perspective: None,
        container: Container::Ente,
        pending: None,
        last_group: None,
        deep_codes: false,
        furniture: HashSet::new(),
        ente_name: options.ente_name.clone().filter(|n| !n.trim().is_empty()),
        year: options.year,
        diagnostics,
        fractions: table.format == super::table::TableFormat::Xlsx,
        scaled: false,
        header_seen: false,
        total_awaiting_figure: false,
        total_target: Container::Ente,
        mission: None,
        node_index: HashMap::new(),
    };
    builder.prescan(table);

    let has_fields = !builder.fields.is_empty();
    if !has_fields {
        builder.diagnostics.push(Diagnostic::new("", Code::NoHeader, []));
    }
    let corrections: HashMap<usize, RowRole> = options.rows.iter().map(|c| (c.row, c.role)).collect();
    // Rows with cells the table reader could not take (an XLSX error cell, a NaN).
    let mut unreadable_rows = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let cells: Vec<Cell> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(col, _)| !row.unreadable.iter().any(|u| u.column == *col))
            .filter_map(|(col, raw)| {
                let cleaned = clean(raw);
                (!cleaned.is_empty() && !roles::is_bullet_only(&cleaned)).then(|| Cell { col, raw: raw.clone(), shape: shape(&cleaned), cleaned })
            })
            .collect();
        if cells.is_empty() && row.unreadable.is_empty() {
            continue;
        }
        // `--`, `------`: a cell the document left blank on purpose, beside others (a
        // row of nothing else is a rule, read as such).
        let cells: Vec<Cell> = if cells.iter().all(|c| roles::is_placeholder(&c.cleaned)) {
            cells
        } else {
            cells.into_iter().filter(|c| !roles::is_placeholder(&c.cleaned)).collect()
        };
        let index = builder.rows.len();
        let problems = row
            .unreadable
            .iter()
            .map(|u| CellProblem {
                column: u.column,
                header: builder.header_of(u.column),
                text: row.cells.get(u.column).cloned().unwrap_or_default(),
                expected: u.expected,
                cell: Some(u.cell.clone()),
            })
            .collect();
        let correction = corrections.get(&row.number).copied();
        builder.rows.push(RowReading {
            row: row.number,
            kind: RowKind::Skipped,
            cells: row.cells.clone(),
            problems,
            code: None,
            note: None,
            role: RowRole::Ignore,
            corrected: correction.is_some(),
        });
        if !row.unreadable.is_empty() {
            unreadable_rows.push(index);
            if cells.is_empty() {
                builder.rows[index].kind = RowKind::Error;
                continue;
            }
        }
        let role = match correction {
            Some(role) => role,
            None if Some(i) == header_index => RowRole::Header,
            None => {
                let before_header = header_index.is_none_or(|h| i < h);
                let place = if !has_fields || (before_header && header_index.is_some()) { roles::Place::BeforeHeading } else { roles::Place::Body };
                builder.decide(index, &cells, place)
            }
        };
        builder.read_as(index, &cells, role, correction.is_some());
    }
    builder.finish_pending();
    let mut built = builder.assemble(header_index.map(|i| table.rows[i].number));
    report_unreadable(&mut built, &unreadable_rows);
    built
}

/// A row with a cell the table reader could not take is never silently read without it:
/// an indicator is an error (its problems say why; it is not imported, see
/// `finish_pending`), and so is a row that was skipped; a heading, grouping or continued
/// row keeps its reading, with a warning naming the cell.
fn report_unreadable(built: &mut Built, rows: &[usize]) {
    for &index in rows {
        let row = &mut built.rows[index];
        match row.kind {
            RowKind::Error => {}
            RowKind::Skipped => row.kind = RowKind::Error,
            RowKind::Header | RowKind::Group | RowKind::Continuation | RowKind::Indicator => {
                for p in &row.problems {
                    let mut params = vec![
                        Param::Row(row.row as u64),
                        Param::Column(p.column as u64 + 1),
                        Param::Header(p.header.clone()),
                        Param::Text(p.text.clone()),
                        Param::Expected(p.expected),
                    ];
                    params.extend(p.cell.clone().map(Param::Cell));
                    built.diagnostics.push(Diagnostic::new("", Code::UnreadableCell, params));
                }
            }
        }
    }
}

impl Builder<'_> {
    fn prescan(&mut self, table: &Table) {
        let mut singles: HashMap<String, usize> = HashMap::new();
        for row in &table.rows {
            let texts: Vec<String> = row.cells.iter().map(|c| clean(c)).filter(|c| !c.is_empty()).collect();
            // Running heads and titles repeated on every page; a figure or a result
            // (`Risultato misurato obiettivo 100,00 %`, `Valutazione obiettivo
            // Raggiunto`) may repeat by chance and is not furniture.
            if texts.len() == 1 && super::values::group_label(&texts[0]).is_none() && !texts[0].contains('%') && !roles::opens_with_result(&texts[0]) {
                *singles.entry(texts[0].clone()).or_default() += 1;
            }
            if let Some((code, _)) = texts.first().and_then(|t| super::values::group_label(t)) {
                if code.chars().all(|c| c.is_ascii_digit() || c == '.') && code.split('.').count() >= 3 {
                    self.deep_codes = true;
                }
            }
        }
        self.furniture = singles.into_iter().filter(|(_, n)| *n >= 2).map(|(t, _)| t).collect();
    }

    /// Reads row `index` in `role`: the role its cells suggest, or the user's correction
    /// (`corrected`), which is followed even where the cells say otherwise.
    fn read_as(&mut self, index: usize, cells: &[Cell], role: RowRole, corrected: bool) {
        self.rows[index].role = role;
        if matches!(role, RowRole::Ignore | RowRole::Title) && !corrected {
            self.labelled_weight(cells);
        }
        if role == RowRole::Ignore && !corrected && cells.len() == 1 {
            // Page furniture: a running head may give the year and name the body.
            self.take_year(cells);
            self.ente_from_running_head(&cells[0].cleaned);
        }
        let awaiting = std::mem::take(&mut self.total_awaiting_figure);
        if role == RowRole::Total && awaiting && cells.iter().all(|c| !matches!(c.shape, Shape::Text | Shape::GroupLabel)) {
            self.figure_of_total(index, cells);
            return;
        }
        match role {
            RowRole::Header => {
                // Not the end of the previous row: its tail may follow the page's heading.
                self.rows[index].kind = RowKind::Header;
                if self.header_seen {
                    self.rows[index].note = Some(Note::new(NoteKind::HeaderRepeated));
                }
                self.header_seen = true;
            }
            RowRole::Title => self.title_row(index, cells, corrected),
            RowRole::Perspective | RowRole::Area | RowRole::Strategic | RowRole::Operational => self.group_row(index, cells, role),
            RowRole::Cruscotto => self.cruscotto_heading(index, cells),
            RowRole::Total => self.total_row(index, cells),
            RowRole::Indicator => self.indicator_row(index, cells, corrected),
            RowRole::Continuation => self.continuation(index, cells, corrected),
            RowRole::Ignore => {
                if corrected {
                    self.rows[index].note = Some(Note::new(NoteKind::IgnoredBySettings));
                }
            }
        }
    }

    /// `… | PESO | 6,00%` in a row of a block that describes the open objective: its
    /// weight, as a label and a value in cells side by side.
    fn labelled_weight(&mut self, cells: &[Cell]) {
        let Container::Node(node) = self.container else { return };
        for pair in cells.windows(2) {
            let label = roles::fold(&pair[0].cleaned);
            let label = label.trim_end_matches([':', ' ']);
            if matches!(label, "peso" | "peso %" | "peso obiettivo" | "peso (%)") {
                if let Some(weight) = super::values::parse_percent(&pair[1].cleaned) {
                    self.nodes[node].weight.get_or_insert(weight);
                }
            }
        }
    }

    /// A running head repeated on every page often names the body (`Camera di Commercio
    /// della Toscana Nord-Ovest - Relazione sulla Performance 2023`): the part that says it
    /// is one names the ente, when nothing else did.
    fn ente_from_running_head(&mut self, text: &str) {
        if self.ente_name.is_some() || !self.furniture.contains(text) {
            return;
        }
        let name = text.split(" - ").flat_map(|p| p.split(" – ")).map(str::trim).find(|p| roles::looks_like_ente(p));
        if let Some(name) = name {
            self.ente_name = Some(name.to_string());
        }
    }

    fn field_of(&self, col: usize) -> Option<Field> {
        self.column_fields.get(col).copied().flatten()
    }

    fn header_of(&self, col: usize) -> String {
        self.headers.get(col).cloned().filter(|h| !h.is_empty()).unwrap_or_else(|| format!("colonna {}", col + 1))
    }

    fn problem(&self, cell: &Cell, expected: Expected) -> CellProblem {
        CellProblem { column: cell.col, header: self.header_of(cell.col), text: cell.raw.clone(), expected, cell: None }
    }

    /// A title: the ente's name (the first title-like row, unless the options give it; a
    /// row the user marked as the title always), and the year it names.
    fn title_row(&mut self, index: usize, cells: &[Cell], corrected: bool) {
        self.finish_pending();
        self.take_year(cells);
        let text = cells.iter().filter(|c| c.shape == Shape::Text || c.shape == Shape::GroupLabel).map(|c| c.cleaned.as_str()).collect::<Vec<_>>().join(" ");
        let given = self.options.ente_name.as_ref().is_some_and(|n| !n.trim().is_empty());
        // Above the heading, a title names the ente only if it says it is one (not
        // "Relazione sulla performance 2023"); below it, a bare label before any group is
        // the ente's name, as the seeds print it.
        let names_ente = !text.is_empty() && !given && (corrected || (self.ente_name.is_none() && (self.header_seen || roles::looks_like_ente(&text))));
        if names_ente {
            self.ente_name = Some(text);
            self.rows[index].kind = RowKind::Group;
            self.rows[index].note = Some(Note::new(NoteKind::Ente));
        } else {
            self.rows[index].note = Some(Note::new(NoteKind::Title));
        }
    }

    fn take_year(&mut self, cells: &[Cell]) {
        if self.year.is_some() {
            return;
        }
        for cell in cells {
            for word in cell.cleaned.split(|c: char| !c.is_ascii_digit()) {
                if word.len() == 4 && (word.starts_with("20") || word.starts_with("19")) {
                    self.year = word.parse().ok();
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
fn test_cells(texts: &[(usize, &str)]) -> Vec<Cell> {
    texts.iter().map(|(col, t)| Cell { col: *col, raw: t.to_string(), cleaned: clean(t), shape: shape(&clean(t)) }).collect()
}
