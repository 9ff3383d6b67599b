//! Rows to a plan. The rows of a table are read in order:
//!
//! - the **heading row** names the columns (repeated on every page, it is skipped);
//! - **grouping rows** (`BSC1 - …` perspective, `011 - …` ambito, `01 - …` strategic,
//!   `01.01 - …` operational, or a label in an AMBITO/OBIETTIVO column) open a node of
//!   the tree, with the achievement the document printed on them;
//! - a **cruscotto heading** (`CRUSCOTTO …`) opens a dashboard, with its manager and
//!   published total; a `TOTALE` row gives the total when printed at the end;
//! - every other row is an **indicator**. Its cells are placed under the headings by
//!   content as well as position ([`align`]): tables copied from a PDF lose their empty
//!   cells, so a row may be shifted by a column or more after a page break;
//! - a row whose cells all fit *after* the last heading the previous indicator filled is
//!   that indicator's **tail**, broken across a page; a lone line of text continues the
//!   previous name;
//! - page titles repeated on every page, page numbers and rules of dashes are skipped.
//!
//! Nothing typed is lost: every row is reported with its cells, and every cell that could
//! not be read with its text and what was expected there.

use super::columns::{is_header_row, recognise, ColumnReading, Field};
use super::table::Table;
use super::values::{
    clean, group_label, is_rule, parse_actual, parse_percent, parse_target, parse_unit,
    parse_verdict, shape, Expected, Quantity, Reading, Shape,
};
use super::{CellProblem, ImportOptions, RowKind, RowReading, RowRole};
use crate::diagnostic::Diagnostic;
use crate::plan::{
    Actual, Cruscotto, CruscottoItem, Ente, Indicator, IndicatorKind, Level, MeasureUnit,
    Objective, Perspective, Plan, Policy, Published, Target, FORMAT_VERSION,
};
use crate::decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Sibling weights within this distance of 100 are taken as written (the documents round
/// weights to two decimals: 33,33 + 33,34 + 33,33); others are normalised.
const WEIGHT_SLACK: Decimal = Decimal::from_scaled(5, 2);

/// Past this many cells × headings a row is placed by position only.
const ALIGN_LIMIT: usize = 100_000;

pub(super) struct Built {
    pub plan: Option<Plan>,
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

#[derive(Debug, Clone)]
struct Assigned {
    field: Field,
    cell: Cell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Ente,
    Node(usize),
    Cruscotto(usize),
}

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
    code_given: bool,
}

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
    furniture: HashSet<String>,
    ente_name: Option<String>,
    year: Option<i32>,
    diagnostics: Vec<Diagnostic>,
    /// An XLSX sheet: a percent-formatted cell arrives as a fraction (0,3 for 30 %).
    fractions: bool,
    /// Some fraction was read as a percentage.
    scaled: bool,
}

pub(super) fn build(table: &Table, options: &ImportOptions) -> Built {
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header_index = table.rows.iter().position(|r| is_header_row(&r.cells));
    let headers: Vec<String> = match header_index {
        Some(i) => table.rows[i].cells.iter().map(|c| clean(c)).collect(),
        None => Vec::new(),
    };
    let mut column_fields: Vec<Option<Field>> = (0..width.max(headers.len()))
        .map(|i| headers.get(i).and_then(|h| recognise(h)))
        .collect();
    let mut mapped = HashSet::new();
    for &(index, field) in &options.mapping {
        if index < 4096 {
            if index >= column_fields.len() {
                column_fields.resize(index + 1, None);
            }
            column_fields[index] = Some(field);
            mapped.insert(index);
        }
    }
    let columns: Vec<ColumnReading> = column_fields
        .iter()
        .enumerate()
        .map(|(index, field)| ColumnReading {
            index,
            header: headers.get(index).cloned().unwrap_or_default(),
            field: *field,
            mapped: mapped.contains(&index),
        })
        .collect();
    let mut ignored = HashSet::new();
    let mut diagnostics = Vec::new();
    for column in &columns {
        let unrecognised = column.field.is_none() && !column.header.is_empty();
        if unrecognised || column.field == Some(Field::Ignore) {
            ignored.insert(column.index);
        }
        if unrecognised {
            diagnostics.push(Diagnostic::warning(
                format!("columns[{}]", column.index),
                "unknown-column",
                format!("column {} “{}” is not recognised: its cells are kept in the report but not read; map it to a field to read them", column.index + 1, column.header),
            ));
        }
    }
    let fields: Vec<(usize, Field)> = column_fields
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.filter(|f| *f != Field::Ignore).map(|f| (i, f)))
        .collect();

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
    };
    builder.prescan(table);

    let has_fields = !builder.fields.is_empty();
    if !has_fields {
        builder.diagnostics.push(Diagnostic::error(
            "",
            "no-header",
            "no row names the columns (PESO, INDICATORE, TARGET, CONSUNTIVO…): map the columns by hand",
        ));
    }
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
                (!cleaned.is_empty() && !is_bullet_only(&cleaned)).then(|| Cell {
                    col,
                    raw: raw.clone(),
                    shape: shape(&cleaned),
                    cleaned,
                })
            })
            .collect();
        if cells.is_empty() && row.unreadable.is_empty() {
            continue;
        }
        let index = builder.rows.len();
        let problems = row
            .unreadable
            .iter()
            .map(|u| CellProblem {
                column: u.column,
                header: builder.header_of(u.column),
                text: row.cells.get(u.column).cloned().unwrap_or_default(),
                expected: u.expected.clone(),
            })
            .collect();
        builder.rows.push(RowReading {
            row: row.number,
            kind: RowKind::Skipped,
            cells: row.cells.clone(),
            problems,
            code: None,
            note: None,
            role: RowRole::Ignore,
            corrected: false,
        });
        if !row.unreadable.is_empty() {
            unreadable_rows.push(index);
            if cells.is_empty() {
                builder.rows[index].kind = RowKind::Error;
                continue;
            }
        }
        let before_header = header_index.is_none_or(|h| i < h);
        if Some(i) == header_index {
            builder.rows[index].kind = RowKind::Header;
        } else if !has_fields || (before_header && header_index.is_some()) {
            builder.title_row(index, &cells);
        } else {
            builder.row(index, &cells);
        }
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
                    built.diagnostics.push(Diagnostic::warning(
                        "",
                        "unreadable-cell",
                        format!(
                            "row {}, column {} ({}): cannot read “{}”: expected {}; the row was read without this cell",
                            row.row,
                            p.column + 1,
                            p.header,
                            p.text,
                            p.expected
                        ),
                    ));
                }
            }
        }
    }
}

fn is_bullet_only(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(
            c,
            '•' | '●' | '◦' | '▪' | '■' | '·' | '‣' | '*' | '\u{f0b7}' | '\u{f0a7}'
        )
    })
}

impl Builder<'_> {
    fn prescan(&mut self, table: &Table) {
        let mut singles: HashMap<String, usize> = HashMap::new();
        for row in &table.rows {
            let texts: Vec<String> = row
                .cells
                .iter()
                .map(|c| clean(c))
                .filter(|c| !c.is_empty())
                .collect();
            if texts.len() == 1 && group_label(&texts[0]).is_none() {
                *singles.entry(texts[0].clone()).or_default() += 1;
            }
            if let Some((code, _)) = texts.first().and_then(|t| group_label(t)) {
                if code.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && code.split('.').count() >= 3
                {
                    self.deep_codes = true;
                }
            }
        }
        self.furniture = singles
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(t, _)| t)
            .collect();
    }

    fn field_of(&self, col: usize) -> Option<Field> {
        self.column_fields.get(col).copied().flatten()
    }

    fn header_of(&self, col: usize) -> String {
        self.headers
            .get(col)
            .cloned()
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| format!("colonna {}", col + 1))
    }

    fn problem(&self, cell: &Cell, expected: &str) -> CellProblem {
        CellProblem {
            column: cell.col,
            header: self.header_of(cell.col),
            text: cell.raw.clone(),
            expected: expected.to_string(),
        }
    }

    /// A row before the heading: a title (its year and the cruscotto it may name).
    fn title_row(&mut self, index: usize, cells: &[Cell]) {
        if self.cruscotto_heading(index, cells) {
            return;
        }
        self.take_year(cells);
        self.rows[index].note = Some("title, before the heading row".into());
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

    fn row(&mut self, index: usize, cells: &[Cell]) {
        let row_cells: Vec<String> = self.rows[index].cells.clone();
        if is_header_row(&row_cells) {
            // Not the end of the previous row: its tail may follow the page's heading.
            self.rows[index].kind = RowKind::Header;
            self.rows[index].note = Some("heading row repeated".into());
            return;
        }
        if cells.iter().all(|c| is_rule(&c.cleaned)) {
            self.rows[index].note = Some("rule".into());
            return;
        }
        if cells.len() == 1
            && (self.furniture.contains(&cells[0].cleaned) || is_page_number(&cells[0].cleaned))
        {
            self.take_year(cells);
            self.rows[index].note =
                Some("page furniture (title or page number repeated on every page)".into());
            return;
        }
        if self.cruscotto_heading(index, cells)
            || self.total_row(index, cells)
            || self.group_row(index, cells)
        {
            return;
        }
        if cells.len() == 1 && cells[0].shape == Shape::Text {
            if let Some(pending) = &mut self.pending {
                let col_field = self
                    .column_fields
                    .get(cells[0].col)
                    .copied()
                    .flatten()
                    .filter(|f| f.is_text());
                let target = col_field
                    .filter(|f| pending.cells.iter().any(|a| a.field == *f))
                    .or_else(|| {
                        pending
                            .cells
                            .iter()
                            .rev()
                            .map(|a| a.field)
                            .find(|f| f.is_text())
                    })
                    .unwrap_or(Field::Indicator);
                match pending.cells.iter_mut().find(|a| a.field == target) {
                    Some(a) => {
                        a.cell.cleaned = format!("{} {}", a.cell.cleaned, cells[0].cleaned);
                        a.cell.raw = format!("{} {}", a.cell.raw, cells[0].raw);
                    }
                    None => pending.cells.push(Assigned {
                        field: target,
                        cell: cells[0].clone(),
                    }),
                }
                self.rows[index].kind = RowKind::Continuation;
                self.rows[index].note = Some(format!(
                    "continues row {} ({})",
                    self.rows[pending.row].row,
                    target.heading()
                ));
                return;
            }
        }
        self.indicator_row(index, cells);
    }

    /// `CRUSCOTTO <name> - <manager> … TOTALE 96,49 %`.
    fn cruscotto_heading(&mut self, index: usize, cells: &[Cell]) -> bool {
        let first = &cells[0].cleaned;
        let Some(rest) = strip_prefix_ignore_case(first, "CRUSCOTTO") else {
            return false;
        };
        self.finish_pending();
        let rest = rest.trim_start_matches([':', ' ', '-', '–']).trim();
        let mut name = String::new();
        let mut manager = None;
        for part in rest
            .split([' ', '|'])
            .collect::<Vec<_>>()
            .join(" ")
            .split(" - ")
            .flat_map(|p| p.split(" – "))
        {
            let part = part.trim();
            let labelled = ["dirigente", "responsabile", "referente", "manager"]
                .iter()
                .find_map(|l| {
                    strip_prefix_ignore_case(part, l)
                        .map(|r| r.trim_start_matches([':', ' ']).trim().to_string())
                });
            match labelled {
                Some(m) if !m.is_empty() => manager = Some(m),
                _ if name.is_empty() => name = part.to_string(),
                _ if manager.is_none() => manager = Some(part.to_string()),
                _ => name = format!("{name} - {part}"),
            }
        }
        let mut published = Published::default();
        for cell in &cells[1..] {
            if let Some(p) = parse_percent(&cell.cleaned) {
                published.score = Some(p);
            } else if let Some(v) = parse_verdict(&cell.cleaned) {
                published.verdict = Some(v);
            } else if manager.is_none() {
                let m = ["dirigente", "responsabile", "referente"]
                    .iter()
                    .find_map(|l| strip_prefix_ignore_case(&cell.cleaned, l));
                manager = Some(match m {
                    Some(rest) => rest.trim_start_matches([':', ' ']).to_string(),
                    None => cell.cleaned.clone(),
                });
            }
        }
        // Two headings with no indicator between them (a title, then the heading that
        // names the manager) are one cruscotto: the later one says more.
        let count = self.cruscotti.len();
        if let Some(last) = self.cruscotti.last_mut().filter(|c| c.items.is_empty()) {
            if !name.is_empty() {
                last.name = name;
            }
            last.manager = manager.or(last.manager.take());
            last.published.score = published.score.or(last.published.score);
            last.published.verdict = published.verdict.or(last.published.verdict);
            self.rows[index].kind = RowKind::Group;
            self.rows[index].code = Some(last.code.clone());
            self.container = Container::Cruscotto(count - 1);
            return true;
        }
        let code = format!("C{}", self.cruscotti.len() + 1);
        if name.is_empty() {
            name = format!("Cruscotto {}", self.cruscotti.len() + 1);
        }
        self.cruscotti.push(CruscottoDraft {
            code: code.clone(),
            name,
            manager,
            published,
            items: Vec::new(),
        });
        self.container = Container::Cruscotto(self.cruscotti.len() - 1);
        self.open = [None; 3];
        self.last_group = None;
        self.rows[index].kind = RowKind::Group;
        self.rows[index].code = Some(code);
        true
    }

    /// `TOTALE … 96,49 %`: the published total of the open cruscotto or objective.
    fn total_row(&mut self, index: usize, cells: &[Cell]) -> bool {
        let upper = cells[0].cleaned.to_uppercase();
        if ![
            "TOTALE",
            "RISULTATO COMPLESSIVO",
            "PUNTEGGIO COMPLESSIVO",
            "PERFORMANCE COMPLESSIVA",
        ]
        .iter()
        .any(|p| upper.starts_with(p))
        {
            return false;
        }
        self.finish_pending();
        // The achievement column if the figure sits there, else the last percentage.
        let score = cells
            .iter()
            .find(|c| self.field_of(c.col) == Some(Field::Achievement))
            .or_else(|| {
                cells.iter().rev().find(|c| {
                    self.field_of(c.col) != Some(Field::Weight)
                        && parse_percent(&c.cleaned).is_some()
                })
            })
            .and_then(|c| parse_percent(&c.cleaned));
        let published = match self.container {
            Container::Cruscotto(i) => Some(&mut self.cruscotti[i].published),
            Container::Node(i) => Some(&mut self.nodes[i].published),
            Container::Ente => None,
        };
        if let (Some(published), Some(score)) = (published, score) {
            published.score.get_or_insert(score);
        }
        self.rows[index].kind = RowKind::Group;
        self.rows[index].note = Some("total".into());
        true
    }

    /// A row opening a perspective, an ambito or an objective.
    fn group_row(&mut self, index: usize, cells: &[Cell]) -> bool {
        let first = &cells[0];
        let column_level = match self.field_of(first.col) {
            Some(Field::Area) => Some(Level::Area),
            Some(Field::Strategic) => Some(Level::Strategic),
            Some(Field::Operational) => Some(Level::Operational),
            _ => None,
        };
        let in_grouping_column = self.field_of(first.col).is_some_and(Field::is_grouping);
        let label = group_label(&first.cleaned);
        let rest_are_figures = cells[1..].iter().all(|c| {
            matches!(
                c.shape,
                Shape::Percent | Shape::Number | Shape::Verdict | Shape::Status
            )
        });
        if !rest_are_figures
            || (label.is_none() && !in_grouping_column)
            || !matches!(first.shape, Shape::GroupLabel | Shape::Text)
        {
            return false;
        }
        self.finish_pending();
        let Some((code, name)) = label else {
            // A label without a code: the ente's name before anything else, else a level
            // given by its column, else the wrapped end of the previous label.
            if self.nodes.is_empty()
                && self.ente_indicators.is_empty()
                && self.cruscotti.is_empty()
                && column_level.is_none()
            {
                if self.ente_name.is_none() {
                    self.ente_name = Some(first.cleaned.clone());
                }
                self.rows[index].kind = RowKind::Group;
                self.rows[index].note = Some("the ente".into());
                return true;
            }
            if let Some(level) = column_level {
                let code = format!("{}{}", level_prefix(level), self.nodes.len() + 1);
                self.open_node(index, level, code, first.cleaned.clone(), &cells[1..]);
                return true;
            }
            if let Some(node) = self.last_group {
                self.nodes[node].name = format!("{} {}", self.nodes[node].name, first.cleaned);
                self.rows[index].kind = RowKind::Continuation;
                self.rows[index].note =
                    Some(format!("continues the name of {}", self.nodes[node].code));
                return true;
            }
            self.rows[index].note = Some("text in a grouping column, not read".into());
            return true;
        };
        if code.to_uppercase().starts_with("BSC") {
            self.perspective = perspective(&name);
            self.rows[index].kind = RowKind::Group;
            self.rows[index].code = Some(code);
            self.rows[index].note = Some(match self.perspective {
                Some(p) => format!("perspective {p:?}"),
                None => "perspective not recognised".into(),
            });
            return true;
        }
        let level = column_level.unwrap_or_else(|| level_of(&code, self.deep_codes));
        self.open_node(index, level, code, name, &cells[1..]);
        true
    }

    fn open_node(
        &mut self,
        index: usize,
        level: Level,
        code: String,
        name: String,
        figures: &[Cell],
    ) {
        let slot = level_slot(level);
        let parent = (0..slot).rev().find_map(|s| self.open[s]);
        let node = match self
            .nodes
            .iter()
            .position(|n| n.code == code && n.level == level)
        {
            Some(existing) => existing,
            None => {
                self.nodes.push(Node {
                    code: code.clone(),
                    level,
                    name,
                    parent,
                    perspective: self.perspective,
                    weight: None,
                    published: Published::default(),
                    indicators: Vec::new(),
                });
                self.nodes.len() - 1
            }
        };
        self.open[slot] = Some(node);
        for s in slot + 1..3 {
            self.open[s] = None;
        }
        self.container = Container::Node(node);
        self.last_group = Some(node);
        // Figures printed on the row: by their column, else the weight and achievement
        // columns in order (an unplaced single figure is the achievement).
        let mut unplaced = Vec::new();
        for cell in figures {
            match (self.field_of(cell.col), cell.shape) {
                (_, Shape::Verdict) => {
                    self.nodes[node].published.verdict = parse_verdict(&cell.cleaned)
                }
                (Some(Field::Weight), _) => self.nodes[node].weight = parse_percent(&cell.cleaned),
                (Some(Field::Achievement), _) => {
                    self.nodes[node].published.score = parse_percent(&cell.cleaned)
                }
                (Some(Field::Verdict), _) => {
                    self.nodes[node].published.verdict = parse_verdict(&cell.cleaned)
                }
                _ => unplaced.push(cell),
            }
        }
        let candidates: Vec<Field> = self
            .fields
            .iter()
            .map(|(_, f)| *f)
            .filter(|f| matches!(f, Field::Weight | Field::Achievement))
            .collect();
        let targets: Vec<Field> = if unplaced.len() >= candidates.len() {
            candidates
        } else {
            vec![Field::Achievement]
        };
        for (cell, field) in unplaced.iter().zip(targets) {
            let value = parse_percent(&cell.cleaned);
            match field {
                Field::Weight => self.nodes[node].weight = value,
                _ => self.nodes[node].published.score = value,
            }
        }
        self.rows[index].kind = RowKind::Group;
        self.rows[index].code = Some(code);
    }

    fn indicator_row(&mut self, index: usize, cells: &[Cell]) {
        let cells: Vec<Cell> = cells
            .iter()
            .filter(|c| !self.ignored.contains(&c.col))
            .cloned()
            .collect();
        if cells.is_empty() {
            self.rows[index].note = Some("only cells of columns not read".into());
            return;
        }
        // The tail of the previous indicator, broken across a page?
        if let Some(pending) = &self.pending {
            let filled: HashSet<Field> = pending.cells.iter().map(|a| a.field).collect();
            let later: Vec<(usize, Field)> = self
                .fields
                .iter()
                .skip(pending.last + 1)
                .copied()
                .filter(|(_, f)| !filled.contains(f) && !f.is_grouping())
                .collect();
            let placed = align(&cells, &later);
            if !later.is_empty() && placed.iter().all(Option::is_some) {
                let row = pending.row;
                let offset = pending.last + 1;
                let pending = self.pending.as_mut().expect("checked above");
                for (cell, slot) in cells.iter().zip(&placed) {
                    let (col, field) = later[slot.expect("all placed")];
                    pending.cells.push(Assigned {
                        field,
                        cell: cell.clone(),
                    });
                    let position = self
                        .fields
                        .iter()
                        .skip(offset)
                        .position(|&(c, f)| c == col && f == field)
                        .map_or(pending.last, |p| p + offset);
                    pending.last = pending.last.max(position);
                }
                self.rows[index].kind = RowKind::Continuation;
                self.rows[index].note = Some(format!("continues row {}", self.rows[row].row));
                return;
            }
        }
        self.finish_pending();
        let placed = align(&cells, &self.fields);
        let mut assigned = Vec::new();
        let mut last = 0;
        for (cell, slot) in cells.iter().zip(&placed) {
            match slot {
                Some(slot) => {
                    let (_, field) = self.fields[*slot];
                    if field.is_grouping() {
                        self.context_from_cell(cell, field);
                    } else {
                        assigned.push(Assigned {
                            field,
                            cell: cell.clone(),
                        });
                        last = *slot;
                    }
                }
                None => {
                    let expected = match self.field_of(cell.col) {
                        Some(Field::Weight) => Expected::WEIGHT,
                        Some(Field::Target) => Expected::TARGET,
                        Some(Field::Actual | Field::Measures) => Expected::ACTUAL,
                        Some(Field::Achievement) => Expected::PERCENT,
                        Some(Field::Verdict) => Expected::VERDICT,
                        Some(Field::Unit) => Expected::UNIT,
                        _ => Expected::NOTHING,
                    };
                    let problem = self.problem(cell, expected);
                    self.rows[index].problems.push(problem);
                }
            }
        }
        self.last_group = None;
        self.pending = Some(Pending {
            row: index,
            container: self.container,
            cells: assigned,
            last,
        });
    }

    /// A label in an AMBITO / OBIETTIVO column of an indicator row (a flat table repeats
    /// the objective on every row): open that node, or reopen it.
    fn context_from_cell(&mut self, cell: &Cell, field: Field) {
        if field == Field::Group {
            if let Some((code, name)) = group_label(&cell.cleaned) {
                if code.to_uppercase().starts_with("BSC") {
                    self.perspective = perspective(&name);
                }
            }
            return;
        }
        let level = match field {
            Field::Area => Level::Area,
            Field::Strategic => Level::Strategic,
            _ => Level::Operational,
        };
        let (code, name) = group_label(&cell.cleaned).unwrap_or_else(|| {
            let existing = self
                .nodes
                .iter()
                .find(|n| n.name == cell.cleaned && n.level == level)
                .map(|n| n.code.clone());
            (
                existing
                    .unwrap_or_else(|| format!("{}{}", level_prefix(level), self.nodes.len() + 1)),
                cell.cleaned.clone(),
            )
        });
        let index = self.rows.len() - 1;
        let kind = self.rows[index].kind;
        let code_before = self.rows[index].code.clone();
        self.open_node(index, level, code, name, &[]);
        self.rows[index].kind = kind;
        self.rows[index].code = code_before;
    }

    fn finish_pending(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let index = pending.row;
        let get = |field: Field| {
            pending
                .cells
                .iter()
                .find(|a| a.field == field)
                .map(|a| &a.cell)
        };
        let mut problems = Vec::new();

        let mut weight = None;
        let mut scaled = false;
        let mut percent = |cell: &Cell| {
            let value = parse_percent(&cell.cleaned)?;
            // XLSX keeps 30 % as 0,3 (the percent format is not exposed by the reader).
            if self.fractions && !cell.raw.contains('%') && value.abs() <= Decimal::ONE {
                scaled = true;
                return value.checked_mul(Decimal::ONE_HUNDRED);
            }
            Some(value)
        };
        if let Some(cell) = get(Field::Weight) {
            match percent(cell) {
                Some(w) if w >= Decimal::ZERO => weight = Some(w),
                _ => problems.push(self.problem(cell, Expected::WEIGHT)),
            }
        }
        let mut name = get(Field::Indicator).map(|c| c.cleaned.clone());
        let description = get(Field::Description).map(|c| c.cleaned.clone());
        let algorithm = get(Field::Algorithm).map(|c| c.cleaned.clone());
        let mut code = get(Field::Code).map(|c| c.cleaned.clone());
        let mut kind = None;
        // Seed 004 writes `CODE name (Peso: 6,66%) (Tipologia: Efficienza)` in one cell.
        if let Some(text) = &mut name {
            if let Some((before, w, after)) = take_parenthesis(text, "(peso:") {
                if weight.is_none() {
                    weight = parse_percent(&w);
                }
                *text = format!("{before} {after}").trim().to_string();
            }
            if let Some((before, k, after)) = take_parenthesis(text, "(tipologia:") {
                kind = indicator_kind(&k);
                *text = format!("{before} {after}").trim().to_string();
            }
            if code.is_none() {
                if let Some((first, rest)) = text.split_once(' ') {
                    if first.contains('_') && first.len() <= 30 && !rest.is_empty() {
                        code = Some(first.to_string());
                        *text = rest.trim().to_string();
                    }
                }
            }
        }
        let name = name
            .or_else(|| description.clone())
            .or_else(|| algorithm.clone())
            .or_else(|| code.clone());

        let mut unit = None;
        if let Some(cell) = get(Field::Unit) {
            match parse_unit(&cell.cleaned) {
                Some(u) => unit = Some(u),
                None => problems.push(self.problem(cell, Expected::UNIT)),
            }
        }
        let mut target = None;
        let mut target_unit = None;
        if let Some(cell) = get(Field::Target) {
            match parse_target(&cell.cleaned) {
                Some(t) => {
                    target_unit = t.unit;
                    target = Some(t.target);
                }
                None => problems.push(self.problem(cell, Expected::TARGET)),
            }
        }
        let read = |field: Field, problems: &mut Vec<CellProblem>| -> Option<(Reading, &Cell)> {
            let cell = get(field)?;
            match parse_actual(&cell.cleaned) {
                Some(r) => Some((r, cell)),
                None => {
                    problems.push(self.problem(cell, Expected::ACTUAL));
                    None
                }
            }
        };
        let measures = read(Field::Measures, &mut problems);
        let actual_reading = read(Field::Actual, &mut problems);
        let mut published = Published::default();
        if let Some(cell) = get(Field::Achievement) {
            match (percent(cell), parse_actual(&cell.cleaned)) {
                (Some(p), _) => published.score = Some(p),
                (None, Some(Reading::NotEvaluable)) => {
                    published.verdict = Some(crate::plan::Verdict::NonValutabile)
                }
                (None, Some(Reading::NotAvailable)) => {}
                _ => problems.push(self.problem(cell, Expected::PERCENT)),
            }
        }
        if let Some(cell) = get(Field::Verdict) {
            match parse_verdict(&cell.cleaned) {
                Some(v) => published.verdict = Some(v),
                None => problems.push(self.problem(cell, Expected::VERDICT)),
            }
        }
        if let Some(cell) = get(Field::Deviation) {
            published.deviation = Some(cell.cleaned.clone());
        }

        self.scaled |= scaled;
        // The actual: a ratio of VALORI MISURE wins (it is what the percentage is
        // computed from), then CONSUNTIVO, then a single value of VALORI MISURE.
        let chosen = match (&measures, &actual_reading) {
            (Some((r @ Reading::Ratio { .. }, c)), _) => Some((r.clone(), *c)),
            (_, Some((r, c))) => Some((r.clone(), *c)),
            (Some((r, c)), None) => Some((r.clone(), *c)),
            (None, None) => None,
        };
        let actual_unit = chosen.as_ref().and_then(|(r, _)| match r {
            Reading::Quantity(q) => q.unit,
            Reading::Date(_) => Some(MeasureUnit::Date),
            Reading::Flag(_) => Some(MeasureUnit::Flag),
            _ => None,
        });
        let unit = unit
            .or(target_unit)
            .or(actual_unit)
            .unwrap_or(match &chosen {
                Some((Reading::Ratio { .. }, _)) => MeasureUnit::Percent,
                _ => MeasureUnit::Number,
            });
        let mut actual = None;
        if let Some((reading, cell)) = chosen {
            let is_deadline = matches!(target, Some(Target::Deadline { .. }));
            actual = match reading {
                Reading::Date(d) if is_deadline || target.is_none() => Some(Actual::Date(d)),
                Reading::Date(_) => {
                    problems.push(self.problem(cell, "a number, as the target is not a deadline"));
                    None
                }
                _ if is_deadline
                    && !matches!(reading, Reading::NotEvaluable | Reading::NotAvailable) =>
                {
                    problems.push(self.problem(
                        cell,
                        "a date (or N.V., N/D), as the target is a deadline (Entro …)",
                    ));
                    None
                }
                Reading::Quantity(Quantity {
                    value,
                    unit: Some(u),
                }) if target_unit.is_some_and(|t| t != u && t != MeasureUnit::Flag) => {
                    let _ = value;
                    problems.push(self.problem(cell, "a value in the unit of the target"));
                    None
                }
                Reading::Quantity(q) => Some(Actual::Value(q.value)),
                Reading::Ratio {
                    numerator,
                    denominator,
                } => Some(Actual::Ratio {
                    numerator: numerator.value,
                    denominator: denominator.value,
                }),
                Reading::Flag(f) => Some(Actual::Flag(f)),
                Reading::NotEvaluable => Some(Actual::NotEvaluable {
                    reason: "N.V.".into(),
                }),
                Reading::NotAvailable => None,
            };
        }

        let row = &mut self.rows[index];
        let has_values =
            target.is_some() || weight.is_some() || actual.is_some() || published.score.is_some();
        let Some(name) = name else {
            if problems.is_empty() && !has_values {
                row.note = Some("no indicator name and no value".into());
                return;
            }
            let column = self
                .fields
                .iter()
                .find(|(_, f)| *f == Field::Indicator)
                .map_or(0, |(c, _)| *c);
            problems.push(CellProblem {
                column,
                header: self.header_of(column),
                text: String::new(),
                expected: "the indicator's name (INDICATORE)".into(),
            });
            let row = &mut self.rows[index];
            row.kind = RowKind::Error;
            row.problems.extend(problems);
            return;
        };
        row.problems.extend(problems);
        if !row.problems.is_empty() {
            row.kind = RowKind::Error;
            return;
        }
        if !has_values {
            row.note = Some("text without a weight, target or value: not an indicator".into());
            return;
        }
        row.kind = RowKind::Indicator;
        let indicator = Indicator {
            description: description
                .filter(|d| Some(d) != get(Field::Indicator).map(|c| &c.cleaned)),
            algorithm,
            kind,
            weight,
            target,
            actual,
            published: (published != Published::default()).then(|| Box::new(published)),
            ..Indicator::new(code.clone().unwrap_or_default(), name, unit)
        };
        let draft = Draft {
            indicator,
            row: index,
            code_given: code.is_some(),
        };
        match pending.container {
            Container::Ente => self.ente_indicators.push(draft),
            Container::Node(i) => self.nodes[i].indicators.push(draft),
            Container::Cruscotto(i) => self.cruscotti[i].items.push(draft),
        }
    }

    /// The plan from the nodes and indicators read: codes settled, weights checked and
    /// normalised, then validated.
    fn assemble(mut self, header_row: Option<usize>) -> Built {
        let mut used: HashSet<String> = self.nodes.iter().map(|n| n.code.clone()).collect();
        used.insert("ENTE".into());
        // Indicator codes: as given, else `<objective>.<n>`; unique in the plan.
        let mut settle = |drafts: &mut Vec<Draft>, prefix: &str, rows: &mut Vec<RowReading>| {
            for (n, draft) in drafts.iter_mut().enumerate() {
                let base = if draft.code_given {
                    draft.indicator.code.clone()
                } else {
                    format!("{prefix}.{}", n + 1)
                };
                let mut code = base.clone();
                let mut k = 2;
                while used.contains(&code) {
                    code = format!("{base}-{k}");
                    k += 1;
                }
                used.insert(code.clone());
                draft.indicator.code = code.clone();
                rows[draft.row].code = Some(code);
            }
        };
        let mut rows = std::mem::take(&mut self.rows);
        for node in &mut self.nodes {
            drop_unweighted(&mut node.indicators, &mut rows, &self.headers, &self.fields);
            let code = node.code.clone();
            settle(&mut node.indicators, &code, &mut rows);
        }
        for c in &mut self.cruscotti {
            drop_unweighted(&mut c.items, &mut rows, &self.headers, &self.fields);
            let code = c.code.clone();
            settle(&mut c.items, &code, &mut rows);
        }
        drop_unweighted(
            &mut self.ente_indicators,
            &mut rows,
            &self.headers,
            &self.fields,
        );
        settle(&mut self.ente_indicators, "I", &mut rows);
        self.rows = rows;

        let imported = self.nodes.iter().map(|n| n.indicators.len()).sum::<usize>()
            + self.cruscotti.iter().map(|c| c.items.len()).sum::<usize>()
            + self.ente_indicators.len();
        if imported == 0 {
            if !self.diagnostics.iter().any(|d| d.code == "no-header") {
                self.diagnostics.push(Diagnostic::error(
                    "",
                    "no-indicators",
                    "no row could be read as an indicator",
                ));
            }
            let columns = self.columns();
            return Built {
                plan: None,
                columns,
                header_row,
                rows: self.rows,
                diagnostics: self.diagnostics,
            };
        }

        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        if self.scaled {
            diagnostics.push(Diagnostic::warning(
                "",
                "xlsx-fractions",
                "weights or achievements of 1 or less without a % sign were read as fractions of the sheet's percent format (0,3 as 30 %)",
            ));
        }
        let children = |parent: Option<usize>, nodes: &[Node]| -> Vec<usize> {
            (0..nodes.len())
                .filter(|&i| nodes[i].parent == parent)
                .collect()
        };
        let mut taken: Vec<Option<Node>> = Vec::new();
        let order_roots = children(None, &self.nodes);
        let child_lists: Vec<Vec<usize>> = (0..self.nodes.len())
            .map(|i| children(Some(i), &self.nodes))
            .collect();
        taken.extend(std::mem::take(&mut self.nodes).into_iter().map(Some));
        let mut objectives: Vec<Objective> = order_roots
            .iter()
            .map(|&i| objective(i, &mut taken, &child_lists))
            .collect();
        let mut indicators: Vec<Indicator> = self
            .ente_indicators
            .drain(..)
            .map(|d| d.indicator)
            .collect();
        normalise_tree(&mut objectives, "ente.objectives", &mut diagnostics);
        normalise(
            indicators.iter_mut().map(|i| &mut i.weight).collect(),
            "ente.indicators",
            &mut diagnostics,
        );
        let mut cruscotti: Vec<Cruscotto> = Vec::new();
        for (n, c) in self.cruscotti.drain(..).enumerate() {
            let mut items: Vec<CruscottoItem> = c
                .items
                .into_iter()
                .map(|d| {
                    let mut own = d.indicator;
                    let weight = own.weight.take();
                    CruscottoItem {
                        weight,
                        own: Some(own),
                        ..CruscottoItem::default()
                    }
                })
                .collect();
            normalise(
                items.iter_mut().map(|i| &mut i.weight).collect(),
                &format!("cruscotti[{n}].items"),
                &mut diagnostics,
            );
            cruscotti.push(Cruscotto {
                code: c.code,
                name: c.name,
                unit: None,
                manager: c.manager,
                items,
                published: (c.published != Published::default()).then(|| Box::new(c.published)),
            });
        }
        let name = self.ente_name.clone().unwrap_or_else(|| {
            diagnostics.push(Diagnostic::warning(
                "ente.name",
                "no-ente-name",
                "the table does not name the ente: give its name in the import options",
            ));
            "Ente".into()
        });
        let year = self
            .year
            .or_else(|| deadline_year(&objectives, &indicators, &cruscotti))
            .unwrap_or_else(|| {
                diagnostics.push(Diagnostic::warning(
                    "ente.year",
                    "no-year",
                    "the table gives no year: give it in the import options",
                ));
                0
            });
        let plan = Plan {
            version: FORMAT_VERSION,
            ente: Ente {
                code: "ENTE".into(),
                name,
                short_name: None,
                year,
                description: None,
                objectives,
                indicators,
                published: None,
                source: None,
            },
            policy: Policy::default(),
            units: Vec::new(),
            indicators: Vec::new(),
            cruscotti,
            sources: Vec::new(),
        };
        let validation = crate::validate::validate(&plan);
        let failed = validation.iter().any(Diagnostic::is_error);
        for d in validation {
            // Weight sums were already normalised and reported by the importer.
            if d.code != "weights-not-100" && !diagnostics.contains(&d) {
                diagnostics.push(d);
            }
        }
        let columns = self.columns();
        Built {
            plan: (!failed).then_some(plan),
            columns,
            header_row,
            rows: self.rows,
            diagnostics,
        }
    }

    fn columns(&self) -> Vec<ColumnReading> {
        let mapped: HashSet<usize> = self.options.mapping.iter().map(|(i, _)| *i).collect();
        self.column_fields
            .iter()
            .enumerate()
            .map(|(index, field)| ColumnReading {
                index,
                header: self.headers.get(index).cloned().unwrap_or_default(),
                field: *field,
                mapped: mapped.contains(&index),
            })
            .collect()
    }
}

/// Some siblings have a weight and this one has none: it cannot be weighed, so its row is
/// an error (validation would refuse the whole plan otherwise).
fn drop_unweighted(
    drafts: &mut Vec<Draft>,
    rows: &mut [RowReading],
    headers: &[String],
    fields: &[(usize, Field)],
) {
    if drafts.iter().all(|d| d.indicator.weight.is_some())
        || drafts.iter().all(|d| d.indicator.weight.is_none())
    {
        return;
    }
    let column = fields
        .iter()
        .find(|(_, f)| *f == Field::Weight)
        .map_or(0, |(c, _)| *c);
    drafts.retain(|d| {
        if d.indicator.weight.is_some() {
            return true;
        }
        let row = &mut rows[d.row];
        row.kind = RowKind::Error;
        row.problems.push(CellProblem {
            column,
            header: headers
                .get(column)
                .cloned()
                .unwrap_or_else(|| "PESO".into()),
            text: String::new(),
            expected: "a weight, as the other indicators of the same objective have one".into(),
        });
        false
    });
}

fn objective(i: usize, taken: &mut [Option<Node>], child_lists: &[Vec<usize>]) -> Objective {
    let Some(node) = taken.get_mut(i).and_then(Option::take) else {
        return Objective::new(String::new(), Level::Operational, String::new());
    };
    let objectives = child_lists[i]
        .iter()
        .map(|&c| objective(c, taken, child_lists))
        .collect();
    Objective {
        weight: node.weight,
        perspective: node.perspective,
        indicators: node.indicators.into_iter().map(|d| d.indicator).collect(),
        objectives,
        published: (node.published != Published::default()).then(|| Box::new(node.published)),
        ..Objective::new(node.code, node.level, node.name)
    }
}

fn normalise_tree(objectives: &mut [Objective], path: &str, diagnostics: &mut Vec<Diagnostic>) {
    normalise(
        objectives.iter_mut().map(|o| &mut o.weight).collect(),
        path,
        diagnostics,
    );
    for (i, o) in objectives.iter_mut().enumerate() {
        let here = format!("{path}[{i}]");
        normalise(
            o.indicators.iter_mut().map(|x| &mut x.weight).collect(),
            &format!("{here}.indicators"),
            diagnostics,
        );
        normalise_tree(
            &mut o.objectives,
            &format!("{here}.objectives"),
            diagnostics,
        );
    }
}

/// Sibling weights that do not sum to 100 (within rounding) are scaled to 100, and the
/// importer says so: a table's weights are never silently taken at another scale.
fn normalise(weights: Vec<&mut Option<Decimal>>, path: &str, diagnostics: &mut Vec<Diagnostic>) {
    if weights.is_empty() || weights.iter().any(|w| w.is_none()) {
        return;
    }
    let sum = weights.iter().try_fold(Decimal::ZERO, |acc, w| {
        acc.checked_add(w.unwrap_or_default())
    });
    let Some(sum) = sum else { return };
    if sum <= Decimal::ZERO || sum.checked_sub(Decimal::ONE_HUNDRED).is_some_and(|gap| gap.abs() <= WEIGHT_SLACK) {
        return;
    }
    for w in weights {
        if let Some(value) = w.as_mut() {
            if let Some(scaled) = value
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|v| v.checked_div(sum))
            {
                *value = scaled.round_half_up(6).normalize();
            }
        }
    }
    diagnostics.push(Diagnostic::warning(
        path,
        "weights-normalised",
        format!("these weights sum to {}, not 100: they were scaled to sum to 100 (proportions unchanged)", sum.normalize()),
    ));
}

fn deadline_year(
    objectives: &[Objective],
    indicators: &[Indicator],
    cruscotti: &[Cruscotto],
) -> Option<i32> {
    use chrono::Datelike;
    let mut years: HashMap<i32, usize> = HashMap::new();
    let mut count = |i: &Indicator| {
        if let Some(Target::Deadline { date }) = &i.target {
            *years.entry(date.year()).or_default() += 1;
        }
    };
    fn walk(objectives: &[Objective], count: &mut dyn FnMut(&Indicator)) {
        for o in objectives {
            o.indicators.iter().for_each(&mut *count);
            walk(&o.objectives, count);
        }
    }
    walk(objectives, &mut count);
    indicators.iter().for_each(&mut count);
    cruscotti
        .iter()
        .flat_map(|c| c.items.iter().filter_map(|i| i.own.as_ref()))
        .for_each(&mut count);
    years
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// Places the cells of a row under the headings: each cell goes to at most one heading,
/// in the headings' order, maximising how well the contents fit (a ratio under VALORI
/// MISURE, a comparison under TARGET, …) with a bonus for the cell's own column. So a
/// row that lost its empty cells in a PDF still lands under the right headings.
/// Returns, for each cell, the index in `fields` it was placed under.
fn align(cells: &[Cell], fields: &[(usize, Field)]) -> Vec<Option<usize>> {
    let (n, m) = (cells.len(), fields.len());
    if n == 0 || m == 0 {
        return vec![None; n];
    }
    if n.saturating_mul(m) > ALIGN_LIMIT {
        return cells
            .iter()
            .map(|c| {
                fields
                    .iter()
                    .position(|(col, f)| *col == c.col && fit(c, *f, true).is_some())
            })
            .collect();
    }
    const UNPLACED: i32 = -3;
    let mut dp = vec![vec![0i32; m + 1]; n + 1];
    for i in 1..=n {
        dp[i][0] = dp[i - 1][0] + UNPLACED;
        for j in 1..=m {
            let (col, field) = fields[j - 1];
            let mut best = dp[i - 1][j] + UNPLACED;
            best = best.max(dp[i][j - 1]);
            if let Some(score) = fit(&cells[i - 1], field, cells[i - 1].col == col) {
                best = best.max(dp[i - 1][j - 1] + score);
            }
            dp[i][j] = best;
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if j > 0 {
            let (col, field) = fields[j - 1];
            if let Some(score) = fit(&cells[i - 1], field, cells[i - 1].col == col) {
                if dp[i][j] == dp[i - 1][j - 1] + score {
                    out[i - 1] = Some(j - 1);
                    i -= 1;
                    j -= 1;
                    continue;
                }
            }
            if dp[i][j] == dp[i][j - 1] {
                j -= 1;
                continue;
            }
        }
        i -= 1;
    }
    out
}

/// How well a cell fits under a heading (`None`: it cannot be there), with a bonus when
/// it sits in that heading's own column.
fn fit(cell: &Cell, field: Field, own_column: bool) -> Option<i32> {
    use Shape::*;
    let s = cell.shape;
    let base = match field {
        Field::Weight => match s {
            Percent => Some(3),
            Number => Some(2),
            _ => None,
        },
        Field::Achievement => match s {
            Percent => Some(3),
            Number => Some(2),
            Status => Some(1),
            _ => None,
        },
        Field::Target => match s {
            Target => Some(4),
            Percent | Number | Quantity | Date => Some(1),
            _ => None,
        },
        Field::Measures => match s {
            Ratio => Some(4),
            Percent | Number | Quantity | Date | Status => Some(2),
            _ => None,
        },
        Field::Actual => match s {
            Ratio => Some(2),
            Percent | Number | Quantity | Date | Status => Some(3),
            _ => None,
        },
        Field::Verdict => match s {
            Verdict => Some(4),
            Status => Some(1),
            _ => None,
        },
        Field::Deviation => match s {
            Percent | Number | Quantity | Status => Some(1),
            _ => None,
        },
        Field::Unit => parse_unit(&cell.cleaned).map(|_| 2),
        Field::Code => {
            let token = !cell.cleaned.contains(' ')
                && cell.cleaned.len() <= 30
                && cell.cleaned.chars().any(|c| c.is_ascii_digit());
            (token && (own_column || s == Text)).then_some(1)
        }
        Field::Indicator => match s {
            Text | GroupLabel => Some(2),
            _ if own_column => Some(0),
            _ => None,
        },
        Field::Description | Field::Algorithm => match s {
            Text | GroupLabel => Some(1),
            _ if own_column => Some(0),
            _ => None,
        },
        Field::Group | Field::Area | Field::Strategic | Field::Operational => match s {
            GroupLabel => Some(2),
            Text if own_column => Some(1),
            _ => None,
        },
        Field::Ignore => None,
    };
    base.map(|b| b + if own_column { 2 } else { 0 })
}

fn take_parenthesis(text: &str, opening: &str) -> Option<(String, String, String)> {
    let start = text
        .char_indices()
        .find(|&(i, _)| strip_prefix_ignore_case(&text[i..], opening).is_some())?
        .0;
    let inner_start = start + opening.len();
    let end = inner_start + text[inner_start..].find(')')?;
    Some((
        text[..start].trim().to_string(),
        text[inner_start..end].trim().to_string(),
        text[end + 1..].trim().to_string(),
    ))
}

/// `text` without `prefix` (ASCII, as `CRUSCOTTO` or `dirigente`), matched without
/// regard to ASCII case; the rest is a slice of `text` itself. Offsets are never taken
/// from an upper- or lower-cased copy, whose length may differ from the original's
/// (`ﬁ` → `FI`, `İ` → `i̇`, the Kelvin sign → `k`): that sliced text mid-character.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn indicator_kind(text: &str) -> Option<IndicatorKind> {
    let t = text.to_lowercase();
    Some(match t.trim() {
        "efficacia" => IndicatorKind::Efficacia,
        "efficienza" => IndicatorKind::Efficienza,
        "qualità" | "qualita" => IndicatorKind::Qualita,
        "volume" => IndicatorKind::Volume,
        "outcome" => IndicatorKind::Outcome,
        "struttura" => IndicatorKind::Struttura,
        "salute economica" => IndicatorKind::SaluteEconomica,
        _ => return None,
    })
}

fn perspective(name: &str) -> Option<Perspective> {
    let n = name.to_lowercase();
    if n.contains("utent") || n.contains("impres") {
        Some(Perspective::UtentiImpreseTerritorio)
    } else if n.contains("process") {
        Some(Perspective::ProcessiInterni)
    } else if n.contains("apprend") || n.contains("crescita") {
        Some(Perspective::ApprendimentoCrescita)
    } else if n.contains("econom") || n.contains("finanz") {
        Some(Perspective::EconomicoFinanziaria)
    } else {
        None
    }
}

/// The level a code's shape gives: a prefix (`AS_`, `OS_`, `OO_`/`IO_`) or the number of
/// dotted parts (see `deep_codes`).
fn level_of(code: &str, deep_codes: bool) -> Level {
    let upper = code.to_uppercase();
    let prefix: String = upper
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    match prefix.as_str() {
        "AS" | "A" | "AMB" => return Level::Area,
        "OS" | "S" => return Level::Strategic,
        "OO" | "IO" | "OB" | "OP" | "O" => return Level::Operational,
        _ => {}
    }
    let digits = upper[prefix.len()..].trim_start_matches(['_', ' ', '.']);
    let parts = digits.split('.').count();
    match (deep_codes, parts) {
        (true, 1) => Level::Area,
        (true, 2) => Level::Strategic,
        (true, _) => Level::Operational,
        (false, 1) if digits.len() >= 3 => Level::Area,
        (false, 1) => Level::Strategic,
        (false, _) => Level::Operational,
    }
}

fn level_slot(level: Level) -> usize {
    match level {
        Level::Area => 0,
        Level::Strategic => 1,
        Level::Operational => 2,
    }
}

fn level_prefix(level: Level) -> &'static str {
    match level {
        Level::Area => "AS_",
        Level::Strategic => "OS_",
        Level::Operational => "OO_",
    }
}

/// `Pagina 3`, `Pag. 3 di 7`, `3 di 7`, `- 3 -`, `3`.
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let rest = lower
        .trim_start_matches("pagina")
        .trim_start_matches("pag.")
        .trim_start_matches("pag")
        .trim()
        .trim_matches(['-', ' ']);
    let mut parts = rest.split(" di ");
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    parts.next().is_none()
        && !first.is_empty()
        && first.len() <= 4
        && first.chars().all(|c| c.is_ascii_digit())
        && second
            .is_none_or(|s| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[(usize, &str)]) -> Vec<Cell> {
        texts
            .iter()
            .map(|(col, t)| Cell {
                col: *col,
                raw: t.to_string(),
                cleaned: clean(t),
                shape: shape(&clean(t)),
            })
            .collect()
    }

    const SEED_FIELDS: [(usize, Field); 12] = [
        (0, Field::Group),
        (1, Field::Area),
        (2, Field::Strategic),
        (3, Field::Operational),
        (4, Field::Weight),
        (5, Field::Indicator),
        (6, Field::Algorithm),
        (7, Field::Measures),
        (8, Field::Actual),
        (9, Field::Target),
        (10, Field::Achievement),
        (11, Field::Verdict),
    ];

    fn placed(row: &[(usize, &str)]) -> Vec<Option<Field>> {
        align(&cells(row), &SEED_FIELDS)
            .into_iter()
            .map(|s| s.map(|s| SEED_FIELDS[s].1))
            .collect()
    }

    #[test]
    fn rows_shifted_after_a_page_break_land_under_their_headings() {
        use Field::*;
        let page1 = [
            (0, "100,00%"),
            (2, "n atti"),
            (3, "n atti / n"),
            (5, "46 N. / 47 N."),
            (6, "97,87 %"),
            (7, ">= 70,00 %"),
            (8, "100,00%"),
        ];
        assert_eq!(
            placed(&page1),
            [
                Weight,
                Indicator,
                Algorithm,
                Measures,
                Actual,
                Target,
                Achievement
            ]
            .map(Some)
        );
        let page2 = [
            (0, "100,00%"),
            (1, "Realizzazione"),
            (2, "Realizzazione"),
            (3, "31-12-2023"),
            (4, "31-12-2023"),
            (5, "Entro 31-12-2023"),
            (6, "100,00%"),
        ];
        assert_eq!(
            placed(&page2),
            [
                Weight,
                Indicator,
                Algorithm,
                Measures,
                Actual,
                Target,
                Achievement
            ]
            .map(Some)
        );
        let aligned = [(4, "20"), (5, "Nome"), (9, ">= 3"), (10, "100")];
        assert_eq!(
            placed(&aligned),
            [Weight, Indicator, Target, Achievement].map(Some)
        );
    }

    #[test]
    fn code_shapes_give_levels() {
        assert_eq!(level_of("011", false), Level::Area);
        assert_eq!(level_of("01", false), Level::Strategic);
        assert_eq!(level_of("01.01", false), Level::Operational);
        assert_eq!(level_of("01", true), Level::Area);
        assert_eq!(level_of("01.01", true), Level::Strategic);
        assert_eq!(level_of("OS_02.03", false), Level::Strategic);
        assert_eq!(level_of("AS_01", true), Level::Area);
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("Pagina 3"));
        assert!(is_page_number("Pag. 3 di 7"));
        assert!(is_page_number("- 12 -"));
        assert!(!is_page_number("Totale"));
    }
}
