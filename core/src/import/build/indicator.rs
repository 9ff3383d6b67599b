//! One indicator from the cells of its row (and of the rows that continue it): name,
//! code, weight, unit, target, actual, and the figures the document published for it.

use super::align::align;
use super::codes::{derived, leading_code, CodeOrigin, Leading};
use super::{Assigned, Builder, Cell, Container, Draft, Pending};
use crate::decimal::Decimal;
use crate::diagnostic::{NoteKind, Param};
use crate::import::columns::Field;
use crate::import::values::Shape;
use crate::import::values::{parse_actual, parse_percent, parse_target, parse_unit, parse_verdict, Expected, Reading};
use crate::import::{CellProblem, Note, RowKind};
use crate::parse::Quantity;
use crate::plan::{Actual, Indicator, IndicatorKind, MeasureUnit, Published, Target};
use std::collections::HashSet;

impl Builder<'_> {
    /// An indicator row; unless the user said it is one (`corrected`), a row whose cells
    /// all fit under the headings the previous indicator left empty is that indicator's
    /// tail, broken across a page.
    pub(super) fn indicator_row(&mut self, index: usize, cells: &[Cell], corrected: bool) {
        let cells: Vec<Cell> = cells.iter().filter(|c| !self.ignored.contains(&c.col)).cloned().collect();
        if cells.is_empty() {
            self.rows[index].note = Some(Note::new(NoteKind::ColumnsNotRead));
            return;
        }
        if !corrected && self.merge_tail(index, &cells) {
            return;
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
                        assigned.push(Assigned { field, cell: cell.clone() });
                        last = *slot;
                    }
                }
                None => {
                    let expected = match self.field_of(cell.col) {
                        Some(Field::Weight) => Expected::Weight,
                        Some(Field::Target) => Expected::Target,
                        Some(Field::Actual | Field::Measures) => Expected::Actual,
                        Some(Field::Achievement) => Expected::Percent,
                        Some(Field::Verdict) => Expected::Verdict,
                        Some(Field::Unit) => Expected::Unit,
                        _ => Expected::Nothing,
                    };
                    let problem = self.problem(cell, expected);
                    self.rows[index].problems.push(problem);
                }
            }
        }
        self.last_group = None;
        self.pending = Some(Pending { row: index, container: self.container, cells: assigned, last });
    }

    /// Merges row `index` into the pending indicator if its cells all fit under the
    /// headings that indicator left empty after the last one it filled.
    fn merge_tail(&mut self, index: usize, cells: &[Cell]) -> bool {
        let Some(pending) = &self.pending else { return false };
        let filled: HashSet<Field> = pending.cells.iter().map(|a| a.field).collect();
        let later: Vec<(usize, Field)> = self.fields.iter().skip(pending.last + 1).copied().filter(|(_, f)| !filled.contains(f) && !f.is_grouping()).collect();
        let placed = align(cells, &later);
        if !later.is_empty() && placed.iter().all(Option::is_some) {
            let row = pending.row;
            let offset = pending.last + 1;
            let pending = self.pending.as_mut().expect("checked above");
            for (cell, slot) in cells.iter().zip(&placed) {
                let (col, field) = later[slot.expect("all placed")];
                pending.cells.push(Assigned { field, cell: cell.clone() });
                let position = self.fields.iter().skip(offset).position(|&(c, f)| c == col && f == field).map_or(pending.last, |p| p + offset);
                pending.last = pending.last.max(position);
            }
            self.rows[index].kind = RowKind::Continuation;
            self.rows[index].note = Some(Note::with(NoteKind::ContinuesRow, [Param::Row(self.rows[row].row as u64)]));
            return true;
        }
        false
    }

    /// The rest of the previous row: cells that fit under the headings it left empty go
    /// there; a line of text continues its name (or formula); a line after a heading
    /// continues the heading's name.
    pub(super) fn continuation(&mut self, index: usize, cells: &[Cell], corrected: bool) {
        if self.merge_tail(index, cells) {
            return;
        }
        let texts = cells.iter().all(|c| matches!(c.shape, Shape::Text | Shape::GroupLabel));
        if texts {
            if self.pending.is_some() {
                // Each cell continues the text under its own heading when the row above
                // has one there, else the last text the row above holds.
                let mut continued = Vec::new();
                for cell in cells {
                    let col_field = self.field_of(cell.col).filter(|f| f.is_text());
                    let Some(pending) = &mut self.pending else { break };
                    let target = col_field
                        .filter(|f| pending.cells.iter().any(|a| a.field == *f))
                        .or_else(|| pending.cells.iter().rev().map(|a| a.field).find(|f| f.is_text()))
                        .unwrap_or(Field::Indicator);
                    match pending.cells.iter_mut().find(|a| a.field == target) {
                        Some(a) => {
                            a.cell.cleaned = format!("{} {}", a.cell.cleaned, cell.cleaned);
                            a.cell.raw = format!("{} {}", a.cell.raw, cell.raw);
                        }
                        None => pending.cells.push(Assigned { field: target, cell: cell.clone() }),
                    }
                    if !continued.contains(&target) {
                        continued.push(target);
                    }
                }
                let row = self.pending.as_ref().map_or(0, |p| self.rows[p.row].row);
                let headings = continued.iter().map(|f| f.heading().to_string()).collect();
                self.rows[index].kind = RowKind::Continuation;
                self.rows[index].note = Some(Note::with(NoteKind::ContinuesRowFields, [Param::Row(row as u64), Param::Headings(headings)]));
                return;
            }
            if let Some(node) = self.last_group {
                let text = cells.iter().map(|c| c.cleaned.as_str()).collect::<Vec<_>>().join(" ");
                self.continue_name(node, &text);
                self.rows[index].kind = RowKind::Continuation;
                self.rows[index].note = Some(Note::with(NoteKind::ContinuesName, [Param::Code(self.nodes[node].code.clone())]));
                return;
            }
        }
        if corrected {
            self.force_merge(index, cells);
            return;
        }
        // Figures that do not fit the previous row: a row of their own.
        self.indicator_row(index, cells, true);
    }

    /// The user said row `index` continues the previous one: its cells go under the
    /// headings the previous row left empty, wherever they fit; a cell that fits none is
    /// a problem of this row, with its text.
    fn force_merge(&mut self, index: usize, cells: &[Cell]) {
        let Some(pending) = &self.pending else {
            self.rows[index].note = Some(Note::new(NoteKind::NothingToContinue));
            return;
        };
        let filled: HashSet<Field> = pending.cells.iter().map(|a| a.field).collect();
        let free: Vec<(usize, Field)> = self.fields.iter().copied().filter(|(_, f)| !filled.contains(f) && !f.is_grouping()).collect();
        let placed = align(cells, &free);
        let row = self.rows[pending.row].row;
        let mut problems = Vec::new();
        for (cell, slot) in cells.iter().zip(&placed) {
            match slot {
                Some(slot) => {
                    let field = free[*slot].1;
                    if let Some(pending) = &mut self.pending {
                        pending.cells.push(Assigned { field, cell: cell.clone() });
                    }
                }
                None => problems.push(self.problem(cell, Expected::EmptyColumn)),
            }
        }
        let reading = &mut self.rows[index];
        reading.kind = RowKind::Continuation;
        reading.note = Some(Note::with(NoteKind::ContinuesAsSettings, [Param::Row(row as u64)]));
        reading.problems.extend(problems);
    }

    /// Reads the pending row as an indicator and files it in its container.
    pub(super) fn finish_pending(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let index = pending.row;
        let get = |field: Field| pending.cells.iter().find(|a| a.field == field).map(|a| &a.cell);
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
                _ => problems.push(self.problem(cell, Expected::Weight)),
            }
        }
        let mut name = get(Field::Indicator).map(|c| c.cleaned.clone());
        let description = get(Field::Description).map(|c| c.cleaned.clone());
        let algorithm = get(Field::Algorithm).map(|c| c.cleaned.clone());
        let mut code = get(Field::Code).map(|c| c.cleaned.clone());
        // A printed code that is only a prefix, with the text it was printed in.
        let mut prefix: Option<(String, String)> = None;
        if let Some(printed) = code.clone() {
            if let Some((Leading::Prefix(letters), _)) = leading_code(&format!("{printed} x")) {
                prefix = Some((letters, printed));
                code = None;
            }
        }
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
                match leading_code(text) {
                    Some((Leading::Code(c), rest)) => {
                        code = Some(c);
                        *text = rest;
                    }
                    Some((Leading::Prefix(letters), rest)) => {
                        let printed = text.split_whitespace().next().unwrap_or_default().to_string();
                        prefix = Some((letters, printed));
                        *text = rest;
                    }
                    None => {}
                }
            }
        }
        let name = name.or_else(|| description.clone()).or_else(|| algorithm.clone()).or_else(|| code.clone());

        let mut unit = None;
        if let Some(cell) = get(Field::Unit) {
            match parse_unit(&cell.cleaned) {
                Some(u) => unit = Some(u),
                None => problems.push(self.problem(cell, Expected::Unit)),
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
                None => problems.push(self.problem(cell, Expected::Target)),
            }
        }
        let read = |field: Field, problems: &mut Vec<CellProblem>| -> Option<(Reading, &Cell)> {
            let cell = get(field)?;
            match parse_actual(&cell.cleaned) {
                Some(r) => Some((r, cell)),
                None => {
                    problems.push(self.problem(cell, Expected::Actual));
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
                (None, Some(Reading::NotEvaluable)) => published.verdict = Some(crate::plan::Verdict::NonValutabile),
                (None, Some(Reading::NotAvailable)) => {}
                _ => problems.push(self.problem(cell, Expected::Percent)),
            }
        }
        if let Some(cell) = get(Field::Verdict) {
            match parse_verdict(&cell.cleaned) {
                Some(v) => published.verdict = Some(v),
                None => problems.push(self.problem(cell, Expected::Verdict)),
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
        let unit = unit.or(target_unit).or(actual_unit).unwrap_or(match &chosen {
            Some((Reading::Ratio { .. }, _)) => MeasureUnit::Percent,
            _ => MeasureUnit::Number,
        });
        let mut actual = None;
        let bare_percent_actual = self.fractions
            && target_unit == Some(MeasureUnit::Percent)
            && matches!(&chosen, Some((Reading::Quantity(Quantity { unit: None, .. }), cell)) if !cell.raw.contains('%'));
        if let Some((reading, cell)) = chosen {
            let is_deadline = matches!(target, Some(Target::Deadline { .. }));
            actual = match reading {
                Reading::Date(d) if is_deadline || target.is_none() => Some(Actual::Date(d)),
                Reading::Date(_) => {
                    problems.push(self.problem(cell, Expected::NumberNotDeadline));
                    None
                }
                _ if is_deadline && !matches!(reading, Reading::NotEvaluable | Reading::NotAvailable) => {
                    problems.push(self.problem(cell, Expected::DateForDeadline));
                    None
                }
                Reading::Quantity(Quantity { value, unit: Some(u) }) if target_unit.is_some_and(|t| t != u && t != MeasureUnit::Flag) => {
                    let _ = value;
                    problems.push(self.problem(cell, Expected::TargetUnit));
                    None
                }
                Reading::Quantity(q) => Some(Actual::Value(q.value)),
                Reading::Ratio { numerator, denominator } => Some(Actual::Ratio { numerator: numerator.value, denominator: denominator.value }),
                Reading::Flag(f) => Some(Actual::Flag(f)),
                Reading::NotEvaluable => Some(Actual::NotEvaluable { reason: "N.V.".into() }),
                Reading::NotAvailable => None,
            };
        }

        let row = &mut self.rows[index];
        let has_values = target.is_some() || weight.is_some() || actual.is_some() || published.score.is_some();
        let Some(name) = name else {
            if problems.is_empty() && !has_values {
                row.note = Some(Note::new(NoteKind::NoNameNoValue));
                return;
            }
            let column = self.fields.iter().find(|(_, f)| *f == Field::Indicator).map_or(0, |(c, _)| *c);
            problems.push(CellProblem { column, header: self.header_of(column), text: String::new(), expected: Expected::Name, cell: None });
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
            row.note = Some(Note::new(NoteKind::NotAnIndicator));
            return;
        }
        row.kind = RowKind::Indicator;
        let mut indicator = Indicator {
            description: description.filter(|d| Some(d) != get(Field::Indicator).map(|c| &c.cleaned)),
            algorithm,
            kind,
            weight,
            target,
            actual,
            published: (published != Published::default()).then(|| Box::new(published)),
            ..Indicator::new(code.clone().unwrap_or_default(), name, unit)
        };
        let origin = match (&code, prefix) {
            (Some(_), _) => CodeOrigin::Printed,
            (None, Some((letters, printed))) => {
                let derived = derived(&letters, &indicator.name);
                indicator.code = derived.into();
                CodeOrigin::Derived { printed }
            }
            (None, None) => CodeOrigin::Numbered,
        };
        let draft = Draft { indicator, row: index, code: origin, bare_percent_actual };
        match pending.container {
            Container::Ente => self.ente_indicators.push(draft),
            Container::Node(i) => self.nodes[i].indicators.push(draft),
            Container::Cruscotto(i) => self.cruscotti[i].items.push(draft),
        }
    }
}

pub(super) fn take_parenthesis(text: &str, opening: &str) -> Option<(String, String, String)> {
    let start = text.char_indices().find(|&(i, _)| strip_prefix_ignore_case(&text[i..], opening).is_some())?.0;
    let inner_start = start + opening.len();
    let end = inner_start + text[inner_start..].find(')')?;
    Some((text[..start].trim().to_string(), text[inner_start..end].trim().to_string(), text[end + 1..].trim().to_string()))
}

/// `text` without `prefix` (ASCII, as `CRUSCOTTO` or `dirigente`), matched without
/// regard to ASCII case; the rest is a slice of `text` itself. Offsets are never taken
/// from an upper- or lower-cased copy, whose length may differ from the original's
/// (`ﬁ` → `FI`, `İ` → `i̇`, the Kelvin sign → `k`): that sliced text mid-character.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
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
