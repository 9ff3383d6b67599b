//! Bytes to rows of cells: tab-separated text (a copy from a spreadsheet or a PDF), CSV
//! with commas or semicolons (as Italian Excel writes it), and XLSX (with the `xlsx`
//! feature). Text may be UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Testo
//! Unicode") or Windows-1252 (Excel's "CSV" on Italian Windows); nothing is dropped: a
//! row keeps every cell as written, and its 1-based row number in the file. What the
//! reader had to work around (a byte that is not UTF-8, a quote that breaks the CSV
//! rules, an XLSX cell holding an error or NaN) is said with its row and column.

use crate::diagnostic::{Case, Code, Diagnostic, Expected, Param, Params};
use serde::{Deserialize, Serialize};

/// The kind of table. `None` in [`super::ImportOptions::format`] means: recognise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    /// Tab-separated text: what a copy from a spreadsheet or a PDF gives.
    Tsv,
    /// Comma-separated values.
    Csv,
    /// Semicolon-separated values (Excel with Italian settings).
    CsvSemicolon,
    /// An Excel workbook (first sheet); needs the `xlsx` feature.
    Xlsx,
}

/// One row of the file with its cells as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line (or sheet row) where the row starts.
    pub number: usize,
    pub cells: Vec<String>,
    /// Cells that hold no value the importer can read (an XLSX error such as `#DIV/0!`, a
    /// NaN or an infinite number): their text as found is in `cells`, they are not read,
    /// and the report shows them as problems of the row.
    pub unreadable: Vec<Unreadable>,
}

/// A cell the reader found but could not take as a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// 0-based column.
    pub column: usize,
    /// What was expected there.
    pub expected: Expected,
    /// The cell's place in the sheet: `D7`.
    pub cell: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub format: TableFormat,
    pub rows: Vec<Row>,
    /// What reading the bytes found and worked around (replaced bytes, the encoding
    /// chosen, quotes that do not follow the CSV rules), each with its row and column.
    pub warnings: Vec<Diagnostic>,
}

/// Reads a table; the error says why the bytes are not a table of that format (the
/// parameters of `unreadable-table`).
pub fn read_table(bytes: &[u8], format: Option<TableFormat>) -> Result<Table, Params> {
    let format = format.unwrap_or_else(|| sniff(bytes));
    let (rows, warnings) = match format {
        TableFormat::Xlsx => (read_xlsx(bytes)?, Vec::new()),
        TableFormat::Tsv => read_text(bytes, '\t'),
        TableFormat::Csv => read_text(bytes, ','),
        TableFormat::CsvSemicolon => read_text(bytes, ';'),
    };
    Ok(Table { format, rows, warnings })
}

fn read_text(bytes: &[u8], delimiter: char) -> (Vec<Row>, Vec<Diagnostic>) {
    let decoded = decode_reporting(bytes);
    let (rows, mut warnings) = read_delimited(&decoded.text, delimiter, &decoded.replaced);
    if let Some(notice) = decoded.notice {
        warnings.insert(0, notice);
    }
    (rows, warnings)
}

/// Recognises the format: a ZIP signature is XLSX; text with tabs is TSV; otherwise the
/// separator found on most of the first lines (semicolon before comma, since Italian
/// decimals are written with commas).
pub fn sniff(bytes: &[u8]) -> TableFormat {
    if bytes.starts_with(b"PK\x03\x04") {
        return TableFormat::Xlsx;
    }
    let text = decode(&bytes[..bytes.len().min(64 * 1024)]);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(50).collect();
    if lines.iter().any(|l| l.contains('\t')) {
        return TableFormat::Tsv;
    }
    let with = |c: char| lines.iter().filter(|l| l.contains(c)).count();
    let half = lines.len().div_ceil(2).max(1);
    if with(';') >= half {
        TableFormat::CsvSemicolon
    } else if with(',') >= half && lines.iter().map(|l| l.matches(',').count()).min().unwrap_or(0) >= 1 {
        TableFormat::Csv
    } else {
        TableFormat::Tsv
    }
}

/// Bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, else Windows-1252 (see
/// [`decode_reporting`] for how the encoding is chosen).
pub fn decode(bytes: &[u8]) -> String {
    decode_reporting(bytes).text
}

/// Text decoded from bytes, with what had to be replaced and the encoding chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Byte sequences that are not UTF-8 in a file read as UTF-8, each replaced by one
    /// U+FFFD, in the order of the text.
    pub replaced: Vec<Replaced>,
    /// Said when the file was read as Windows-1252.
    pub notice: Option<Diagnostic>,
}

/// An invalid byte sequence and where its U+FFFD stands in the decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// Index (in characters) of the U+FFFD in the decoded text.
    pub at: usize,
    pub bytes: Vec<u8>,
}

/// Bytes to text, choosing the encoding by evidence: a BOM says UTF-8 or UTF-16; text
/// with valid UTF-8 multi-byte sequences is UTF-8, its few invalid sequences replaced by
/// U+FFFD (and listed, so the reader can say where); only bytes with no UTF-8 sequence at
/// all and some bytes from 0x80 to 0xFF are Windows-1252 (Excel's CSV on Italian
/// Windows), and the notice says so.
pub fn decode_reporting(bytes: &[u8]) -> Decoded {
    let plain = |text: String| Decoded { text, replaced: Vec::new(), notice: None };
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8_replacing(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let units = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]]));
        return plain(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let units = rest.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
        return plain(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return plain(text.to_string());
    }
    let utf8_sequences = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if utf8_sequences {
        return utf8_replacing(bytes);
    }
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    Decoded {
        text: bytes.iter().map(|&b| windows_1252(b)).collect(),
        replaced: Vec::new(),
        notice: Some(Diagnostic::new("", Code::Windows1252, [Param::Count(high as u64)])),
    }
}

fn utf8_replacing(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut chars = 0usize;
    let mut replaced = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        chars += chunk.valid().chars().count();
        if !chunk.invalid().is_empty() {
            replaced.push(Replaced { at: chars, bytes: chunk.invalid().to_vec() });
            text.push('\u{fffd}');
            chars += 1;
        }
    }
    Decoded { text, replaced, notice: None }
}

/// Windows-1252: Latin-1 except for 0x80-0x9F (€, curly quotes, dashes…). The table is
/// 32 characters, so no encoding library is needed in the browser build.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™',
        'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Splits delimited text into records, as RFC 4180 says with the usual leniency (see
/// [`read_delimited`]).
pub fn split_records(text: &str, delimiter: char) -> Vec<Row> {
    read_delimited(text, delimiter, &[]).0
}

/// At most this many replaced bytes, and this many quote problems, are listed one by
/// one; a last warning counts the rest.
const LISTED: usize = 20;

/// No spreadsheet cell holds more than 32 767 characters: a quoted field longer than
/// twice that (every character a doubled quote) is no cell.
const LONGEST_QUOTED: usize = 2 * 32_767 + 2;

/// Splits delimited text into records (RFC 4180). A field that starts with `"` is
/// quoted: it may hold the delimiter, newlines (Excel writes them in cells) and `""` for
/// a quote, up to a closing quote followed by the delimiter or the end of a line. With
/// the usual leniency, and a warning at the row and column for each:
/// - a quote inside an unquoted field is a plain character (no warning);
/// - a closing quote followed by more text on the same line: the text is kept; the field
///   is read as written, quotes included, unless the quoted part holds the delimiter
///   (then it is the quoted part followed by the rest);
/// - an opening quote with no closing quote before the end of its line (none at all, or
///   one that is followed by more text on a later line, or one farther than the longest
///   cell a spreadsheet holds) is a plain character, so a stray quote never swallows the
///   rest of the file.
///
/// `replaced` lists the U+FFFD that decoding put for invalid bytes; each gets a warning
/// with its row and column. Rows keep their 1-based line numbers.
pub fn read_delimited(text: &str, delimiter: char, replaced: &[Replaced]) -> (Vec<Row>, Vec<Diagnostic>) {
    let chars: Vec<char> = text.chars().collect();
    let quotes: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '"').collect();
    // For the k-th quote: the first quote at or after it that is not one of a `""` pair
    // read from there, i.e. where quoted content starting there would close.
    let mut stops: Vec<Option<usize>> = vec![None; quotes.len()];
    for k in (0..quotes.len()).rev() {
        stops[k] = if k + 1 < quotes.len() && quotes[k + 1] == quotes[k] + 1 { stops.get(k + 2).copied().flatten() } else { Some(quotes[k]) };
    }
    let line_ends: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '\n' || (chars[i] == '\r' && chars.get(i + 1) != Some(&'\n'))).collect();
    let mut r = Records {
        chars: &chars,
        delimiter,
        replaced,
        next_mark: 0,
        rows: Vec::new(),
        cells: Vec::new(),
        field: String::new(),
        field_start: 0,
        notes: Vec::new(),
        line: 1,
        line_start: 0,
        row_start: 1,
        warnings: Vec::new(),
        replacements: 0,
        quote_problems: 0,
    };
    let mut i = 0usize;
    let mut at_field_start = true;
    while i < chars.len() {
        let c = chars[i];
        if at_field_start && c == '"' {
            let k = quotes.binary_search(&i).unwrap_or(0);
            let close = stops.get(k + 1).copied().flatten();
            let spans_lines = |close: usize| line_ends.partition_point(|&e| e < close) > line_ends.partition_point(|&e| e < i);
            let reading = match close {
                Some(close) if close - i > LONGEST_QUOTED => Quoted::TooLong,
                Some(close) => match chars.get(close + 1) {
                    None | Some('\n') | Some('\r') => Quoted::Field(close),
                    Some(&d) if d == delimiter => Quoted::Field(close),
                    _ if spans_lines(close) => Quoted::Unclosed,
                    _ if chars[i + 1..close].contains(&delimiter) => Quoted::FieldThenText(close),
                    _ => Quoted::AsWritten,
                },
                None => Quoted::Unclosed,
            };
            match reading {
                Quoted::Field(close) | Quoted::FieldThenText(close) => {
                    if let Quoted::FieldThenText(_) = reading {
                        r.notes.push(Note::TextAfterQuote);
                    }
                    r.quoted_content(i + 1, close);
                    i = close + 1;
                    at_field_start = false;
                    continue;
                }
                Quoted::AsWritten => r.notes.push(Note::QuoteAsWritten),
                Quoted::Unclosed => r.notes.push(Note::Unclosed),
                Quoted::TooLong => r.notes.push(Note::TooLong),
            }
        }
        match c {
            '\r' if chars.get(i + 1) == Some(&'\n') => {}
            '\n' | '\r' => {
                let end = if i > 0 && chars[i - 1] == '\r' { i - 1 } else { i };
                r.end_row(end);
                r.line += 1;
                r.line_start = i + 1;
                r.row_start = r.line;
                r.field_start = i + 1;
            }
            c if c == delimiter => {
                r.end_field(i);
                r.field_start = i + 1;
            }
            c => r.content(i, c),
        }
        at_field_start = matches!(c, '\n' | '\r') || c == delimiter;
        i += 1;
    }
    if !r.field.is_empty() || !r.cells.is_empty() || !r.notes.is_empty() {
        r.end_row(chars.len());
    }
    if r.replacements > LISTED {
        r.warnings.push(Diagnostic::new("", Code::InvalidUtf8, [Param::Case(Case::More), Param::Count((r.replacements - LISTED) as u64)]));
    }
    if r.quote_problems > LISTED {
        r.warnings.push(Diagnostic::new("", Code::CsvQuote, [Param::Case(Case::More), Param::Count((r.quote_problems - LISTED) as u64)]));
    }
    (r.rows, r.warnings)
}

enum Quoted {
    /// A quoted field closing at this quote.
    Field(usize),
    /// A quoted field holding the delimiter, closing at this quote, then more text.
    FieldThenText(usize),
    /// A quote closing on the same line with text after it: the field is read as written.
    AsWritten,
    /// No closing quote before the end of the line.
    Unclosed,
    /// A closing quote farther than any spreadsheet cell reaches.
    TooLong,
}

/// Something about the field being read, said when it ends.
enum Note {
    Unclosed,
    TooLong,
    QuoteAsWritten,
    TextAfterQuote,
    Replaced { bytes: Vec<u8>, line: usize, character: usize },
}

struct Records<'a> {
    chars: &'a [char],
    delimiter: char,
    replaced: &'a [Replaced],
    next_mark: usize,
    rows: Vec<Row>,
    cells: Vec<String>,
    field: String,
    /// Index of the field's first character.
    field_start: usize,
    notes: Vec<Note>,
    line: usize,
    /// Index of the first character of the current line.
    line_start: usize,
    row_start: usize,
    warnings: Vec<Diagnostic>,
    replacements: usize,
    quote_problems: usize,
}

impl Records<'_> {
    fn content(&mut self, i: usize, c: char) {
        while self.replaced.get(self.next_mark).is_some_and(|m| m.at < i) {
            self.next_mark += 1;
        }
        if let Some(mark) = self.replaced.get(self.next_mark).filter(|m| m.at == i) {
            self.notes.push(Note::Replaced { bytes: mark.bytes.clone(), line: self.line, character: i - self.line_start + 1 });
            self.next_mark += 1;
        }
        self.field.push(c);
    }

    /// The content of a quoted field, `""` read as one quote.
    fn quoted_content(&mut self, from: usize, close: usize) {
        let mut j = from;
        while j < close {
            let c = self.chars[j];
            self.content(j, c);
            if c == '"' {
                j += 1; // the second quote of `""`
            } else if c == '\n' || (c == '\r' && self.chars.get(j + 1) != Some(&'\n')) {
                self.line += 1;
                self.line_start = j + 1;
            }
            j += 1;
        }
    }

    fn end_field(&mut self, end: usize) {
        let notes = std::mem::take(&mut self.notes);
        if !notes.is_empty() {
            let column = self.cells.len() + 1;
            let end = end.min(self.chars.len());
            let written: String = self.chars[self.field_start.min(end)..end].iter().collect();
            let row_start = self.row_start;
            let at = |case: Case, text: &str| {
                Params::from([Param::Case(case), Param::Row(row_start as u64), Param::Column(column as u64), Param::Text(preview(text))])
            };
            let delimiter = Param::Delimiter(self.delimiter.to_string());
            for note in notes {
                if !matches!(note, Note::Replaced { .. }) {
                    self.quote_problems += 1;
                    if self.quote_problems > LISTED {
                        continue;
                    }
                }
                let params = match note {
                    Note::Unclosed => at(Case::Unclosed, &written).with(delimiter.clone()),
                    Note::TooLong => at(Case::TooLong, &written).with(delimiter.clone()),
                    Note::QuoteAsWritten => at(Case::AsWritten, &written).with(delimiter.clone()),
                    Note::TextAfterQuote => at(Case::TextKept, &written).with(delimiter.clone()).with(Param::Reading(preview(&self.field))),
                    Note::Replaced { bytes, line, character } => {
                        self.replacements += 1;
                        if self.replacements > LISTED {
                            continue;
                        }
                        let hex: Vec<String> = bytes.iter().map(|b| format!("0x{b:02X}")).collect();
                        let mut params = Params::from([
                            Param::Row(self.row_start as u64),
                            Param::Column(column as u64),
                            Param::Character(character as u64),
                            Param::Text(preview(&self.field)),
                            Param::Bytes(hex),
                        ]);
                        if line != self.row_start {
                            params = params.with(Param::Case(Case::OtherLine)).with(Param::Line(line as u64));
                        }
                        self.warnings.push(Diagnostic::new("", Code::InvalidUtf8, params));
                        continue;
                    }
                };
                let warning = Diagnostic::new("", Code::CsvQuote, params);
                self.warnings.push(warning);
            }
        }
        self.cells.push(std::mem::take(&mut self.field));
    }

    fn end_row(&mut self, end: usize) {
        self.end_field(end);
        self.rows.push(Row { number: self.row_start, cells: std::mem::take(&mut self.cells), unreadable: Vec::new() });
    }
}

/// At most 60 characters of a field, for a message.
fn preview(text: &str) -> String {
    let mut out: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).take(60).collect();
    if text.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

#[cfg(feature = "xlsx")]
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Row>, Params> {
    // calamine is not known to panic on malformed archives, but a table import must never
    // take the app down: a panic is turned into an error where unwinding is available.
    match std::panic::catch_unwind(|| xlsx::read(bytes)) {
        Ok(result) => result,
        Err(_) => Err(Params::from([Param::Case(Case::MalformedWorkbook)])),
    }
}

#[cfg(not(feature = "xlsx"))]
fn read_xlsx(_bytes: &[u8]) -> Result<Vec<Row>, Params> {
    Err(Params::from([Param::Case(Case::NoXlsx)]))
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::{Row, Unreadable};
    use crate::diagnostic::{Case, Expected, Param, Params};
    use calamine::{DataRef, Reader, Xlsx};
    use std::collections::BTreeMap;
    use std::io::Cursor;

    /// The rows and columns of a sheet the importer reads: a plan's table is far smaller,
    /// and a cell with content beyond them is refused by name (a sheet may declare, or
    /// sparsely fill, up to 1 048 576 × 16 384 cells).
    pub const MAX_ROWS: u32 = 1_000_000;
    pub const MAX_COLUMNS: u32 = 1_000;
    /// Cells kept, counting every row up to its last cell with content.
    pub const MAX_CELLS: usize = 2_000_000;

    /// The first sheet, with numbers written the Italian way (`0,2`, `1010`) so that the
    /// value readers treat every format alike, and dates as `dd/mm/yyyy`. Cells are read
    /// one by one and only those with content are kept: neither the sheet's
    /// `<dimension>` nor the span of its cells is ever allocated as a grid.
    pub fn read(bytes: &[u8]) -> Result<Vec<Row>, Params> {
        let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| Params::from([Param::Case(Case::NotXlsx), Param::Detail(e.to_string())]))?;
        let Some(name) = workbook.sheet_names().first().cloned() else {
            return Err(Params::from([Param::Case(Case::NoSheet)]));
        };
        let sheet_error = |e: &dyn std::fmt::Display| Params::from([Param::Case(Case::SheetError), Param::Sheet(name.clone()), Param::Detail(e.to_string())]);
        let mut reader = workbook.worksheet_cells_reader(&name).map_err(|e| sheet_error(&e))?;
        let mut cells: BTreeMap<(u32, u32), Result<String, (String, Expected)>> = BTreeMap::new();
        while let Some(cell) = reader.next_cell().map_err(|e| sheet_error(&e))? {
            let value = cell.get_value();
            if matches!(value, DataRef::Empty)
                || matches!(value, DataRef::String(s) if s.is_empty())
                || matches!(value, DataRef::SharedString(s) if s.is_empty())
            {
                continue;
            }
            let (row, col) = cell.get_position();
            if row >= MAX_ROWS || col >= MAX_COLUMNS {
                return Err(Params::from([
                    Param::Case(Case::BeyondLimits),
                    Param::Sheet(name.clone()),
                    Param::Cell(cell_name(row, col)),
                    Param::Rows(MAX_ROWS.into()),
                    Param::Columns(MAX_COLUMNS.into()),
                    Param::LastColumn(column_name(MAX_COLUMNS - 1)),
                ]));
            }
            cells.insert((row, col), text(value));
            if cells.len() > MAX_CELLS {
                return Err(too_many(&name));
            }
        }
        let mut rows: Vec<Row> = Vec::new();
        let mut kept = 0usize;
        for ((row, col), value) in cells {
            let number = row as usize + 1;
            if rows.last().is_none_or(|r| r.number != number) {
                rows.push(Row { number, cells: Vec::new(), unreadable: Vec::new() });
            }
            let Some(out) = rows.last_mut() else { break };
            let col = col as usize;
            kept += col + 1 - out.cells.len();
            if kept > MAX_CELLS {
                return Err(too_many(&name));
            }
            out.cells.resize(col, String::new());
            match value {
                Ok(text) => out.cells.push(text),
                Err((text, expected)) => {
                    out.unreadable.push(Unreadable { column: col, expected, cell: cell_name(number as u32 - 1, col as u32) });
                    out.cells.push(text);
                }
            }
        }
        Ok(rows)
    }

    fn too_many(name: &str) -> Params {
        Params::from([Param::Case(Case::TooManyCells), Param::Sheet(name.to_string()), Param::Limit(MAX_CELLS as u64)])
    }

    /// A cell's text, or the text found and what was expected instead.
    fn text(cell: &DataRef) -> Result<String, (String, Expected)> {
        Ok(match cell {
            DataRef::Empty => String::new(),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
            DataRef::SharedString(s) => s.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Float(f) => finite(*f)?,
            DataRef::Bool(b) => if *b { "SI" } else { "NO" }.to_string(),
            DataRef::DateTime(d) => {
                let f = d.as_f64();
                match serial_date(f) {
                    Some(date) => date,
                    None => finite(f)?,
                }
            }
            DataRef::Error(e) => return Err((e.to_string(), Expected::SpreadsheetError)),
        })
    }

    fn finite(f: f64) -> Result<String, (String, Expected)> {
        if f.is_finite() {
            return Ok(format!("{f}").replace('.', ","));
        }
        Err((f.to_string(), if f.is_nan() { Expected::Nan } else { Expected::Infinite }))
    }

    /// Excel's serial day (1900 system) as `dd/mm/yyyy`.
    fn serial_date(serial: f64) -> Option<String> {
        if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
        let date = epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))?;
        Some(crate::format::date(date))
    }

    /// `A`, `Z`, `AA`, `XFD` for 0-based columns.
    pub fn column_name(col: u32) -> String {
        let mut n = u64::from(col) + 1;
        let mut letters = Vec::new();
        while n > 0 {
            letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
            n = (n - 1) / 26;
        }
        letters.iter().rev().collect()
    }

    /// `D7` for 0-based row 6, column 3.
    pub fn cell_name(row: u32, col: u32) -> String {
        format!("{}{}", column_name(col), u64::from(row) + 1)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn cell_names() {
            assert_eq!(cell_name(0, 0), "A1");
            assert_eq!(cell_name(6, 3), "D7");
            assert_eq!(column_name(25), "Z");
            assert_eq!(column_name(26), "AA");
            assert_eq!(column_name(999), "ALL");
            assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, delimiter: char) -> Vec<(usize, Vec<String>)> {
        split_records(text, delimiter).into_iter().map(|r| (r.number, r.cells)).collect()
    }

    #[test]
    fn quoted_fields_hold_delimiters_newlines_and_quotes() {
        let rows = cells("a;\"b;c\";\"x\ny\"\n\"he said \"\"hi\"\"\";2\n", ';');
        assert_eq!(rows[0], (1, vec!["a".into(), "b;c".into(), "x\ny".into()]));
        assert_eq!(rows[1], (3, vec!["he said \"hi\"".into(), "2".into()]));
    }

    #[test]
    fn a_stray_quote_is_plain_text() {
        let rows = cells("\"Lavoro agile progetto\tx\nnext\ty\n", '\t');
        assert_eq!(rows[0].1, vec!["\"Lavoro agile progetto", "x"]);
        assert_eq!(rows[1], (2, vec!["next".into(), "y".into()]));
    }

    #[test]
    fn formats_are_recognised() {
        assert_eq!(sniff(b"PESO\tINDICATORE\n"), TableFormat::Tsv);
        assert_eq!(sniff(b"PESO;INDICATORE;TARGET\n20,00%;x;>= 1\n"), TableFormat::CsvSemicolon);
        assert_eq!(sniff(b"PESO,INDICATORE,TARGET\n20,x,>= 1\n"), TableFormat::Csv);
        assert_eq!(sniff(b"PK\x03\x04rest"), TableFormat::Xlsx);
    }

    #[test]
    fn windows_1252_and_utf16_are_decoded() {
        assert_eq!(decode(b"societ\xe0 \x80 5"), "società € 5");
        assert_eq!(decode(b"\xef\xbb\xbfPESO"), "PESO");
        let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("Città".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode(&utf16), "Città");
    }

    fn warnings(text: &str, delimiter: char) -> Vec<String> {
        read_delimited(text, delimiter, &[]).1.into_iter().map(|d| d.message(crate::labels::Lang::En)).collect()
    }

    #[test]
    fn a_quote_closed_before_more_text_keeps_the_text_and_later_quoted_fields_still_read() {
        let text = "x;\"abc\"def;\"1;5\";y\nz;\"b;c\";w\n";
        let rows = cells(text, ';');
        assert_eq!(rows[0].1, ["x", "\"abc\"def", "1;5", "y"]);
        assert_eq!(rows[1].1, ["z", "b;c", "w"]);
        let w = warnings(text, ';');
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("row 1, column 2 (“\"abc\"def”): text follows the closing quote"), "{w:?}");
        // The quoted part holds the delimiter: it is read as quoted, then the rest.
        assert_eq!(cells("\"a;b\"c;d\n", ';')[0].1, ["a;bc", "d"]);
    }

    #[test]
    fn a_quote_in_an_unquoted_field_is_a_character() {
        let text = "ab\"c;\"d;e\";12\" pollici\n";
        assert_eq!(cells(text, ';')[0].1, ["ab\"c", "d;e", "12\" pollici"]);
        assert!(warnings(text, ';').is_empty());
    }

    #[test]
    fn an_unclosed_quote_is_text_up_to_the_end_of_its_line() {
        // The next quote is on a later line and followed by text: not a closing quote.
        let text = "a;\"abc;d\ne;\"f;g\";h\n";
        let rows = cells(text, ';');
        assert_eq!(rows[0], (1, vec!["a".into(), "\"abc".into(), "d".into()]));
        assert_eq!(rows[1], (2, vec!["e".into(), "f;g".into(), "h".into()]));
        let w = warnings(text, ';');
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("row 1, column 2 (“\"abc”): a quoted field is not closed before the end of the line"), "{w:?}");
    }

    #[test]
    fn quoted_fields_span_lines_and_rows_keep_their_line_numbers() {
        let text = "\"uno\r\ndue\";x\r\n\"tre\";\"\"\"\"\r\nfine;\"\"\r\n";
        let rows = cells(text, ';');
        assert_eq!(rows[0], (1, vec!["uno\r\ndue".into(), "x".into()]));
        assert_eq!(rows[1], (3, vec!["tre".into(), "\"".into()]));
        assert_eq!(rows[2], (4, vec!["fine".into(), String::new()]));
        assert!(warnings(text, ';').is_empty());
    }

    #[test]
    fn a_quoted_field_longer_than_any_cell_is_not_one() {
        let text = format!("\"a;b\n{}\";c\n", "x\n".repeat(40_000));
        let rows = cells(&text, ';');
        assert_eq!(rows[0].1, ["\"a", "b"]);
        let w = warnings(&text, ';');
        assert!(w[0].starts_with("row 1, column 1 (“\"a”): a quoted field is not closed within 32,767 characters"), "{w:?}");
    }

    #[test]
    fn many_stray_quotes_are_read_in_linear_time() {
        let text = "\"a;\"\"b\n".repeat(50_000);
        let rows = cells(&text, ';');
        assert_eq!(rows.len(), 50_000);
        assert_eq!(rows[49_999].1, ["\"a", "\"\"b"]);
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8_and_says_where() {
        let bytes = b"PESO;ATTIVIT\xc3\x80\nx;Attivit\xe0 svolte\n";
        let decoded = decode_reporting(bytes);
        assert_eq!(decoded.text, "PESO;ATTIVITÀ\nx;Attivit\u{fffd} svolte\n");
        assert!(decoded.notice.is_none());
        let (rows, w) = read_delimited(&decoded.text, ';', &decoded.replaced);
        assert_eq!(rows[1].cells[1], "Attivit\u{fffd} svolte");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].message(crate::labels::Lang::En).starts_with("row 2, column 2, character 10 (“Attivit\u{fffd} svolte”): byte 0xE0 is not UTF-8"), "{w:?}");
        // No UTF-8 sequence at all: Windows-1252, and said.
        let decoded = decode_reporting(b"x;Attivit\xe0\n");
        assert_eq!(decoded.text, "x;Attività\n");
        assert_eq!(decoded.notice.map(|n| n.code), Some(Code::Windows1252));
    }
}
