//! Importing the tables of a published PDF (the Piano, the Relazione sulla performance):
//! the PDF's text is read with its position on the page ([`text`], on lopdf), the
//! tables are found from those positions ([`layout`]), listed with their pages and a
//! preview ([`list_tables`]), and the tables the user chooses are handed, as rows of
//! cells, to the table importer ([`import_pdf`]), so that row roles, column readings,
//! corrections and settings work as for any table.
//!
//! A PDF that cannot be read says why, with a code: not a PDF (`unreadable-pdf`, a ZIP
//! renamed `.pdf` among them), cut short, damaged, protected by a password
//! (`encrypted-pdf`), images of text without the text (`scanned-pdf`), no table
//! (`no-pdf-tables`). Nothing panics and the work is bounded: the file's size, the pages
//! read, each stream's decompressed size, the operators and characters of a page, the
//! nesting of form XObjects ([`text::Limits`]).

pub mod layout;
pub mod text;

pub use super::listing::{PageRange, TableListing};
use super::{build, table, ImportOptions, ImportReport};
use crate::diagnostic::{Case, Code, Diagnostic, Localized, Param, Params, SerializeIn};
use crate::labels::Lang;
use layout::FoundTable;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// Pages read at most from one PDF (ask for a range to read others).
pub const MAX_PAGES: usize = 1000;
/// Bytes of a PDF read at most.
pub const MAX_BYTES: usize = 256 << 20;
/// Rows of a table shown in its preview.
const PREVIEW_ROWS: usize = 3;

/// The tables of a PDF, or why there are none.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfTables {
    /// Pages the PDF has (0 when it could not be read).
    pub pages: usize,
    /// Pages read.
    pub read: Option<PageRange>,
    pub tables: Vec<TableListing>,
    pub diagnostics: Vec<Diagnostic>,
    found: Vec<FoundTable>,
}

impl SerializeIn for PdfTables {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("PdfTables", 4)?;
        s.serialize_field("pages", &self.pages)?;
        s.serialize_field("read", &self.read)?;
        s.serialize_field("tables", &self.tables)?;
        s.serialize_field("diagnostics", &Localized { value: &self.diagnostics, lang })?;
        s.end()
    }
}

impl Serialize for PdfTables {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::default(), serializer)
    }
}

/// A PDF's chosen tables imported: the listing, the tables used, the page of each row,
/// and the table importer's report (its rows numbered 1, 2, … through the chosen tables
/// in order, as [`ImportOptions::rows`] corrects them).
#[derive(Debug, Clone, PartialEq)]
pub struct PdfImport {
    pub tables: PdfTables,
    /// 0-based indices of the tables imported.
    pub chosen: Vec<usize>,
    /// For each row of the report, by its number: (row, page, table).
    pub row_pages: Vec<(usize, usize, usize)>,
    pub report: ImportReport,
}

impl SerializeIn for PdfImport {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("PdfImport", 4)?;
        s.serialize_field("tables", &Localized { value: &self.tables, lang })?;
        s.serialize_field("chosen", &self.chosen)?;
        let rows: Vec<serde_json::Value> = self.row_pages.iter().map(|(r, p, t)| serde_json::json!({"row": r, "page": p, "table": t})).collect();
        s.serialize_field("row_pages", &rows)?;
        s.serialize_field("report", &Localized { value: &self.report, lang })?;
        s.end()
    }
}

impl Serialize for PdfImport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_in(Lang::default(), serializer)
    }
}

fn unreadable(case: Option<Case>, detail: Option<String>) -> Diagnostic {
    let mut params: Vec<Param> = Vec::new();
    if let Some(c) = case {
        params.push(Param::Case(c));
    }
    if let Some(d) = detail {
        params.push(Param::Detail(d));
    }
    Diagnostic::new("", Code::UnreadablePdf, Params::from(params))
}

fn ends_like_pdf(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

fn contains(bytes: &[u8], what: &[u8]) -> bool {
    bytes.windows(what.len()).any(|w| w == what)
}

/// What reading the pages gives: the page count, the pages read, their texts by number,
/// and the warnings.
type Read = (usize, Option<PageRange>, Vec<(usize, text::PageText)>, Vec<Diagnostic>);

/// Reads the pages' text, or says why it cannot.
fn read_pages(bytes: &[u8], range: Option<PageRange>) -> Result<Read, Diagnostic> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(unreadable(Some(Case::ZipPdf), None));
    }
    if !super::is_pdf(bytes) {
        return Err(unreadable(Some(Case::NotPdf), None));
    }
    if bytes.len() > MAX_BYTES {
        return Err(Diagnostic::new("", Code::UnreadablePdf, Params::from([Param::Case(Case::TooLarge), Param::Max((MAX_BYTES >> 20) as u64)])));
    }
    let limits = text::Limits::default();
    let options = lopdf::LoadOptions { max_decompressed_size: Some(limits.stream_bytes), ..lopdf::LoadOptions::default() };
    let truncated = !ends_like_pdf(bytes);
    let doc = match lopdf::Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword | lopdf::Error::UnsupportedSecurityHandler(_)) => {
            return Err(Diagnostic::new("", Code::EncryptedPdf, Params::default()))
        }
        Err(_) if contains(bytes, b"/Encrypt") => return Err(Diagnostic::new("", Code::EncryptedPdf, Params::default())),
        Err(_) if truncated => return Err(unreadable(Some(Case::TruncatedPdf), None)),
        Err(e) => return Err(unreadable(None, Some(e.to_string()))),
    };
    if doc.is_encrypted() {
        return Err(Diagnostic::new("", Code::EncryptedPdf, Params::default()));
    }
    let pages = doc.get_pages();
    let count = pages.len();
    if count == 0 {
        return Err(if truncated { unreadable(Some(Case::TruncatedPdf), None) } else { unreadable(Some(Case::NoPages), None) });
    }
    let mut diagnostics = Vec::new();
    let wanted = range.unwrap_or(PageRange { first: 1, last: usize::MAX });
    let first = wanted.first.min(count);
    let mut last = wanted.last.min(count);
    if last + 1 - first > MAX_PAGES {
        last = first + MAX_PAGES - 1;
        diagnostics.push(Diagnostic::new(
            "",
            Code::PdfCutShort,
            Params::from([Param::Case(Case::TooManyPages), Param::Count(count as u64), Param::Max(MAX_PAGES as u64)]),
        ));
    }
    if truncated {
        diagnostics.push(Diagnostic::new("", Code::PdfCutShort, Params::from([Param::Case(Case::TruncatedPdf)])));
    }
    let mut read = Vec::new();
    for (number, id) in pages.iter().map(|(n, id)| (*n as usize, *id)).filter(|(n, _)| *n >= first && *n <= last) {
        let page = text::read_page(&doc, id, &limits);
        if page.cut_short {
            diagnostics.push(Diagnostic::new("", Code::PdfCutShort, Params::from([Param::Page(number as u64)])));
        }
        read.push((number, page));
    }
    Ok((count, Some(PageRange { first, last }), read, diagnostics))
}

/// Finds the tables of a PDF's pages (all, or `range`).
pub fn list_tables(bytes: &[u8], range: Option<PageRange>) -> PdfTables {
    let (pages, read, texts, mut diagnostics) = match read_pages(bytes, range) {
        Ok(r) => r,
        Err(d) => return PdfTables { pages: 0, read: None, tables: Vec::new(), diagnostics: vec![d], found: Vec::new() },
    };
    let glyphs: usize = texts.iter().map(|(_, p)| p.glyphs.len()).sum();
    let images: usize = texts.iter().map(|(_, p)| p.images).sum();
    if glyphs == 0 {
        let d = if images > 0 {
            Diagnostic::new("", Code::ScannedPdf, Params::from([Param::Count(texts.len() as u64)]))
        } else {
            unreadable(Some(Case::NoText), None)
        };
        diagnostics.insert(0, d);
        return PdfTables { pages, read, tables: Vec::new(), diagnostics, found: Vec::new() };
    }
    let found = layout::tables(&texts);
    let tables: Vec<TableListing> = found.iter().enumerate().map(|(index, t)| listing(index, t)).collect();
    if tables.is_empty() {
        let r = read.unwrap_or(PageRange { first: 1, last: pages });
        diagnostics.push(Diagnostic::new("", Code::NoPdfTables, Params::from([Param::Page(r.first as u64), Param::LastPage(r.last as u64)])));
    }
    PdfTables { pages, read, tables, diagnostics, found }
}

fn listing(index: usize, t: &FoundTable) -> TableListing {
    let header = t.rows.iter().position(|r| super::columns::is_header_row(&r.cells));
    let start = header.map_or(0, |h| h + 1);
    TableListing {
        index,
        pages: t.pages.clone(),
        columns: t.columns,
        rows: t.rows.len(),
        header: header.map(|h| t.rows[h].cells.clone()),
        preview: t.rows.iter().skip(start).take(PREVIEW_ROWS).map(|r| r.cells.clone()).collect(),
        ruled: t.ruled,
    }
}

/// Imports the chosen tables of a PDF (`None`: every table with a heading row, or every
/// table if none has one) as one table, read by the table importer with `options`.
pub fn import_pdf(bytes: &[u8], range: Option<PageRange>, tables: Option<&[usize]>, options: &ImportOptions) -> PdfImport {
    let listed = list_tables(bytes, range);
    let chosen: Vec<usize> = match tables {
        Some(list) => {
            let mut c: Vec<usize> = list.iter().copied().filter(|i| *i < listed.tables.len()).collect();
            c.dedup();
            c
        }
        None => {
            let with_header: Vec<usize> = listed.tables.iter().filter(|t| t.header.is_some()).map(|t| t.index).collect();
            if with_header.is_empty() {
                listed.tables.iter().map(|t| t.index).collect()
            } else {
                with_header
            }
        }
    };
    let mut rows = Vec::new();
    let mut row_pages = Vec::new();
    for &i in &chosen {
        for r in &listed.found[i].rows {
            let number = rows.len() + 1;
            row_pages.push((number, r.page, i));
            rows.push(table::Row { number, cells: r.cells.clone(), unreadable: Vec::new() });
        }
    }
    let mut diagnostics = listed.diagnostics.clone();
    let report = if rows.is_empty() {
        if !listed.tables.is_empty() {
            diagnostics.push(Diagnostic::new("", Code::NoPdfTables, Params::from([Param::Case(Case::NoneChosen), Param::Count(listed.tables.len() as u64)])));
        }
        ImportReport::nothing_read(diagnostics)
    } else {
        let table = table::Table { format: table::TableFormat::Tsv, rows, warnings: Vec::new() };
        let built = build::build(&table, options);
        diagnostics.extend(built.diagnostics);
        ImportReport { format: None, plan: built.plan, columns: built.columns, header_row: built.header_row, rows: built.rows, diagnostics }
    };
    PdfImport { tables: listed, chosen, row_pages, report }
}

/// The rows of the chosen tables as tab-separated text, as a copy from the PDF would
/// give them (for `semaforo import --pdf-text` and for looking at what was read).
pub fn tables_as_tsv(bytes: &[u8], range: Option<PageRange>, tables: Option<&[usize]>) -> String {
    let listed = list_tables(bytes, range);
    let chosen: Vec<usize> = tables.map_or_else(|| (0..listed.found.len()).collect(), |t| t.iter().copied().filter(|i| *i < listed.found.len()).collect());
    let mut out = String::new();
    for i in chosen {
        for r in &listed.found[i].rows {
            let cells: Vec<String> = r.cells.iter().map(|c| c.replace(['\t', '\n', '\r'], " ")).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf_and_a_zip_say_so() {
        let code = |b: &[u8]| list_tables(b, None).diagnostics.first().map(|d| (d.code, d.params.clone()));
        assert_eq!(code(b"PK\x03\x04rest").map(|c| c.0), Some(Code::UnreadablePdf));
        assert_eq!(code(b"hello").map(|c| c.0), Some(Code::UnreadablePdf));
        assert_eq!(code(b"%PDF-1.4\n1 0 obj").map(|c| c.0), Some(Code::UnreadablePdf));
    }
}
