//! Bytes to rows of cells: tab-separated text (a copy from a spreadsheet or a PDF), CSV
//! with commas or semicolons (as Italian Excel writes it), and XLSX (with the `xlsx`
//! feature). Text may be UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Testo
//! Unicode") or Windows-1252 (Excel's "CSV" on Italian Windows); nothing is dropped: a
//! row keeps every cell as written, and its 1-based row number in the file.

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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub format: TableFormat,
    pub rows: Vec<Row>,
}

/// Reads a table; the error says why the bytes are not a table of that format.
pub fn read_table(bytes: &[u8], format: Option<TableFormat>) -> Result<Table, String> {
    let format = format.unwrap_or_else(|| sniff(bytes));
    let rows = match format {
        TableFormat::Xlsx => read_xlsx(bytes)?,
        TableFormat::Tsv => split_records(&decode(bytes), '\t'),
        TableFormat::Csv => split_records(&decode(bytes), ','),
        TableFormat::CsvSemicolon => split_records(&decode(bytes), ';'),
    };
    Ok(Table { format, rows })
}

/// Recognises the format: a ZIP signature is XLSX; text with tabs is TSV; otherwise the
/// separator found on most of the first lines (semicolon before comma, since Italian
/// decimals are written with commas).
pub fn sniff(bytes: &[u8]) -> TableFormat {
    if bytes.starts_with(b"PK\x03\x04") {
        return TableFormat::Xlsx;
    }
    let text = decode(&bytes[..bytes.len().min(64 * 1024)]);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    if lines.iter().any(|l| l.contains('\t')) {
        return TableFormat::Tsv;
    }
    let with = |c: char| lines.iter().filter(|l| l.contains(c)).count();
    let half = lines.len().div_ceil(2).max(1);
    if with(';') >= half {
        TableFormat::CsvSemicolon
    } else if with(',') >= half
        && lines
            .iter()
            .map(|l| l.matches(',').count())
            .min()
            .unwrap_or(0)
            >= 1
    {
        TableFormat::Csv
    } else {
        TableFormat::Tsv
    }
}

/// Bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let units = rest
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{fffd}'))
            .collect();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let units = rest
            .chunks_exact(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{fffd}'))
            .collect();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Windows-1252: Latin-1 except for 0x80-0x9F (€, curly quotes, dashes…). The table is
/// 32 characters, so no encoding library is needed in the browser build.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Splits delimited text into records. A field that starts with `"` is quoted (it may
/// hold the delimiter, newlines and `""`) only if a closing quote followed by the
/// delimiter or the end of a line exists; otherwise the quote is plain text, so a stray
/// quote from a PDF never swallows the rest of the file.
pub fn split_records(text: &str, delimiter: char) -> Vec<Row> {
    let chars: Vec<char> = text.chars().collect();
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1usize;
    let mut row_start = 1usize;
    let mut i = 0usize;
    let mut at_field_start = true;
    // Past this position no quoted field can close (a search already failed).
    let mut no_close_after = usize::MAX;
    let end_row =
        |cells: &mut Vec<String>, field: &mut String, rows: &mut Vec<Row>, start: usize| {
            cells.push(std::mem::take(field));
            rows.push(Row {
                number: start,
                cells: std::mem::take(cells),
            });
        };
    while i < chars.len() {
        let c = chars[i];
        if at_field_start && c == '"' && i < no_close_after {
            if let Some(close) = closing_quote(&chars, i, delimiter) {
                let mut j = i + 1;
                while j < close {
                    if chars[j] == '"' {
                        j += 1; // `""` is one quote
                    }
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    field.push(chars[j]);
                    j += 1;
                }
                i = close + 1;
                at_field_start = false;
                continue;
            }
            no_close_after = i;
        }
        match c {
            '\r' if chars.get(i + 1) == Some(&'\n') => {}
            '\n' | '\r' => {
                end_row(&mut cells, &mut field, &mut rows, row_start);
                line += 1;
                row_start = line;
                at_field_start = true;
            }
            c if c == delimiter => {
                cells.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
        i += 1;
    }
    if !field.is_empty() || !cells.is_empty() {
        end_row(&mut cells, &mut field, &mut rows, row_start);
    }
    rows
}

/// The index of the quote closing the field opened at `open`, if any.
fn closing_quote(chars: &[char], open: usize, delimiter: char) -> Option<usize> {
    let mut j = open + 1;
    while j < chars.len() {
        if chars[j] == '"' {
            if chars.get(j + 1) == Some(&'"') {
                j += 2;
                continue;
            }
            return match chars.get(j + 1) {
                None | Some('\n') | Some('\r') => Some(j),
                Some(&c) if c == delimiter => Some(j),
                _ => None,
            };
        }
        j += 1;
    }
    None
}

#[cfg(feature = "xlsx")]
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Row>, String> {
    // calamine is not known to panic on malformed archives, but a table import must never
    // take the app down: a panic is turned into an error where unwinding is available.
    match std::panic::catch_unwind(|| xlsx::read(bytes)) {
        Ok(result) => result,
        Err(_) => Err("the XLSX file could not be read (malformed workbook)".into()),
    }
}

#[cfg(not(feature = "xlsx"))]
fn read_xlsx(_bytes: &[u8]) -> Result<Vec<Row>, String> {
    Err("this build of Semaforo does not read XLSX files (the `xlsx` feature is off): save the sheet as CSV".into())
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::Row;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    /// The first sheet, with numbers written the Italian way (`0,2`, `1010`) so that the
    /// value readers treat every format alike, and dates as `dd/mm/yyyy`.
    pub fn read(bytes: &[u8]) -> Result<Vec<Row>, String> {
        let mut workbook: Xlsx<_> =
            Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("not a readable XLSX file: {e}"))?;
        let Some(name) = workbook.sheet_names().first().cloned() else {
            return Err("the workbook has no sheet".into());
        };
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| format!("sheet {name}: {e}"))?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let mut out: Vec<String> = vec![String::new(); first_col as usize];
            out.extend(cells.iter().map(text));
            rows.push(Row {
                number: first_row as usize + i + 1,
                cells: out,
            });
        }
        Ok(rows)
    }

    fn text(cell: &Data) -> String {
        match cell {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) => float(*f),
            Data::Bool(b) => if *b { "SI" } else { "NO" }.to_string(),
            Data::DateTime(d) => serial_date(d.as_f64()).unwrap_or_else(|| float(d.as_f64())),
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Error(e) => format!("#{e}"),
        }
    }

    fn float(f: f64) -> String {
        if f.is_finite() {
            format!("{f}").replace('.', ",")
        } else {
            String::new()
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, delimiter: char) -> Vec<(usize, Vec<String>)> {
        split_records(text, delimiter)
            .into_iter()
            .map(|r| (r.number, r.cells))
            .collect()
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
        assert_eq!(
            sniff(b"PESO;INDICATORE;TARGET\n20,00%;x;>= 1\n"),
            TableFormat::CsvSemicolon
        );
        assert_eq!(
            sniff(b"PESO,INDICATORE,TARGET\n20,x,>= 1\n"),
            TableFormat::Csv
        );
        assert_eq!(sniff(b"PK\x03\x04rest"), TableFormat::Xlsx);
    }

    #[test]
    fn windows_1252_and_utf16_are_decoded() {
        assert_eq!(decode(b"societ\xe0 \x80 5"), "società € 5");
        assert_eq!(decode(b"\xef\xbb\xbfPESO"), "PESO");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Città".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16), "Città");
    }
}
