//! The importer on tables that broke it: Unicode whose case mapping changes its length,
//! quotes that do not follow the CSV rules, a UTF-8 file with one stray byte, XLSX
//! sheets whose extent is the whole grid, and cells holding NaN, infinities or errors.
//! Each problem is reported where it is (row, column, text as written, what was
//! expected); nothing panics, nothing is silently dropped, nothing allocates the sheet's
//! bounding box.

mod common;

#[cfg(feature = "xlsx")]
use common::xlsx;
use proptest::prelude::*;
use semaforo_core::import::{import_table, ImportOptions, ImportReport, TableFormat};
use semaforo_core::{evaluate, load_plan, Code, Lang};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every allocation of this test binary passes here, so a test can say that no single
/// one was larger than a bound (the dense grid of a sheet from A1 to XFD1048576 asked
/// for 549 755 813 888 bytes at once).
struct Watched;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Watched {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Watched = Watched;

/// No allocation of the tests in this file needs more (they read tables of a few rows).
#[cfg(feature = "xlsx")]
const ALLOCATION_BOUND: usize = 64 * 1024 * 1024;

fn options() -> ImportOptions {
    ImportOptions { year: Some(2023), ente_name: Some("CCIAA".into()), ..Default::default() }
}

fn codes(report: &ImportReport) -> Vec<Code> {
    report.diagnostics.iter().map(|d| d.code).collect()
}

fn messages(report: &ImportReport, code: Code) -> Vec<String> {
    report.diagnostics.iter().filter(|d| d.code == code).map(|d| d.message(Lang::En)).collect()
}

fn names(report: &ImportReport) -> Vec<String> {
    let plan = report.plan.as_ref().expect("a plan");
    plan.ente
        .indicators
        .iter()
        .map(|i| i.name.to_string())
        .chain(plan.cruscotti.iter().flat_map(|c| c.items.iter().filter_map(|i| i.own.as_ref())).map(|i| i.name.to_string()))
        .collect()
}

// 1. Text is handled by characters: case mapping may change lengths.

#[test]
fn cruscotto_headings_with_ligatures_kelvin_dotless_i_sharp_s_and_accented_capitals_import() {
    let headings = [
        ("CRUSCOTTO – Pianiﬁcazione e ﬁnanza - Dirigente: Dott. Aﬃtti", "Pianiﬁcazione e ﬁnanza", "Dott. Aﬃtti"),
        ("Cruscotto \u{212A}elvin ıı - Responsabile: Straße İnce", "\u{212A}elvin ıı", "Straße İnce"),
        ("CRUSCOTTO: ÀREA ÉCONOMICA ÌÒÙ - DIRIGENTE: ÉMILE ÇA", "ÀREA ÉCONOMICA ÌÒÙ", "ÉMILE ÇA"),
        ("CRUSCOTTOﬁ ßİ – İİ\u{212A}", "ﬁ ßİ", "İİ\u{212A}"),
    ];
    for (heading, name, manager) in headings {
        let table = format!(
            "{heading}\tTOTALE 100,00 %\n\
             PESO\tINDICATORE\tCONSUNTIVO\tTARGET\n\
             60\tPratiche ﬁnanziate (Peso: 60%) (Tipologia: Efficacia)\t10\t>= 10\n\
             40\tİstanze evase \u{212A}\t5\t>= 5\n"
        );
        let report = import_table(table.as_bytes(), &options());
        let plan = report.plan.as_ref().unwrap_or_else(|| panic!("{heading}: {:#?}", report.diagnostics));
        let c = &plan.cruscotti[0];
        assert_eq!((c.name.as_str(), c.manager.as_deref()), (name, Some(manager)));
        assert_eq!(c.items.len(), 2, "{heading}");
        assert_eq!(names(&report), ["Pratiche ﬁnanziate", "İstanze evase \u{212A}"], "{heading}");
    }
    // The manager in a cell of its own, after its label, in text whose case mapping
    // changes length (the old reader cut it a byte early, or mid-character).
    let table = "CRUSCOTTO Pianiﬁcazione\tDirigente: İnce Aﬃtti ß\n\
                 PESO\tINDICATORE\tCONSUNTIVO\tTARGET\n100\tA\t1\t>= 1\n";
    let report = import_table(table.as_bytes(), &options());
    let c = &report.plan.as_ref().expect("a plan").cruscotti[0];
    assert_eq!(c.name, "Pianiﬁcazione");
    assert_eq!(c.manager.as_deref(), Some("İnce Aﬃtti ß"));
    // `(Peso: …)` in a name whose lower-case copy has the same length but other offsets
    // (İ grows by a byte, ẞ shrinks by one): the old reader sliced inside the ẞ.
    let table = "PESO\tINDICATORE\tCONSUNTIVO\tTARGET\n\
                 60\tİ(Peso:ẞ) Pratiche\t10\t>= 10\n\
                 40\tẞİ (PESO: 40 %) (Tipologia: Efficienza) Tempo\t5\t>= 5\n";
    let report = import_table(table.as_bytes(), &options());
    assert_eq!(names(&report), ["İ Pratiche", "ẞİ Tempo"]);
    let plan = report.plan.as_ref().expect("a plan");
    assert_eq!(plan.ente.indicators[1].kind, Some(semaforo_core::plan::IndicatorKind::Efficienza));
}

/// A piece of text whose case mapping changes its length, or that is hard on text
/// handling otherwise: ligatures, the Kelvin sign, dotless and dotted i, sharp s,
/// accented capitals, combining marks, right-to-left text and controls, emoji.
fn awkward() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("ﬁ"),
        Just("ﬂ"),
        Just("ﬃ"),
        Just("\u{212A}"),
        Just("ı"),
        Just("İ"),
        Just("ß"),
        Just("ẞ"),
        Just("À"),
        Just("É"),
        Just("Ç"),
        Just("ǅ"),
        Just("ŉ"),
        Just("ΐ"),
        Just("\u{301}"),
        Just("e\u{301}"),
        Just("\u{200f}"),
        Just("\u{202e}"),
        Just("שלום"),
        Just("مرحبا ١٢٣"),
        Just("👍🏽"),
        Just("👨‍👩‍👧"),
        Just("\u{fffd}"),
        Just("\u{a0}"),
        Just("%"),
        Just(" - "),
        Just(" – "),
        Just(":"),
        Just("("),
        Just(")"),
        Just("\""),
        Just("/"),
        Just("_"),
    ]
    .prop_map(str::to_string);
    let piece = prop_oneof![
        6 => piece,
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,3}",
    ];
    proptest::collection::vec(piece, 0..5).prop_map(|v| v.concat())
}

const HEADINGS: [&str; 14] = [
    "PESO",
    "INDICATORE",
    "DESCRIZIONE",
    "ALGORITMO",
    "VALORI MISURE",
    "CONSUNTIVO",
    "TARGET",
    "GRADO RAGGIUNGIMENTO",
    "VALUTAZIONE",
    "SCOSTAMENTO",
    "UNITÀ DI MISURA",
    "CODICE",
    "AMBITO STRATEGICO",
    "OBIETTIVO OPERATIVO",
];
const CRUSCOTTO: [&str; 7] =
    ["{}CRUSCOTTO{} – {} - Dirigente{}: {}", "Cruscotto{}", "cruscotto: {} | Responsabile {}", "TOTALE {} 90,60 %", "Dirigente{} {}", "Responsabile: {}", "{}"];
const GROUPING: [&str; 7] = ["BSC1 - {}", "01.01 - {}", "OO_{} - {}", "{} - {}", "AS_01 – {}", "{}", "{}45,00 %"];
const INDICATOR: [&str; 11] = [
    "{}30,00 %{}",
    "IO_{} {} (Peso: {}6,66%{}) (Tipologia: {})",
    "46 N. / 47 N.{}",
    ">= {}70 %",
    "Entro {}31-12-2023",
    "{}",
    "N.V.{}",
    "(peso:{})",
    "Raggiunto{}",
    "{}(PESO: 1{})",
    "{} {}",
];
const TOTAL: [&str; 3] = ["TOTALE{}", "Risultato complessivo {} 88 %", "{}"];

/// A cell: a template of its kind of row with awkward text in its holes.
fn cell(templates: &'static [&'static str]) -> impl Strategy<Value = String> {
    (proptest::sample::select(templates), awkward(), awkward()).prop_map(|(template, a, b)| {
        let mut parts = template.split("{}");
        let mut out = parts.next().unwrap_or("").to_string();
        for (n, part) in parts.enumerate() {
            out.push_str(if n == 0 { &a } else { &b });
            out.push_str(part);
        }
        out
    })
}

fn row_of(templates: &'static [&'static str]) -> BoxedStrategy<Vec<String>> {
    proptest::collection::vec(cell(templates), 1..9).boxed()
}

/// Rows of every kind: heading rows (plain or with awkward text around the headings),
/// cruscotto headings, grouping rows, indicator rows, totals and awkward text alone.
fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    let heading = proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(&HEADINGS[..]).prop_map(str::to_string),
            (proptest::sample::select(&HEADINGS[..]), awkward(), awkward()).prop_map(|(h, a, b)| format!("{a}{h}{b}")),
        ],
        3..10,
    );
    let row = prop_oneof![
        2 => heading,
        2 => row_of(&CRUSCOTTO),
        2 => row_of(&GROUPING),
        4 => row_of(&INDICATOR),
        1 => row_of(&TOTAL),
        1 => proptest::collection::vec(awkward(), 1..6),
    ];
    (proptest::collection::vec(row, 1..16), proptest::collection::vec(proptest::sample::select(&HEADINGS[..]), 3..8), any::<prop::sample::Index>()).prop_map(
        |(mut rows, plain_heading, at)| {
            // A plain heading row somewhere, so that the rows after it are read as a plan.
            let at = at.index(rows.len() + 1);
            rows.insert(at, plain_heading.into_iter().map(str::to_string).collect());
            rows
        },
    )
}

/// CSV as RFC 4180 writes it: a field with the delimiter, a quote or a line end quoted.
fn csv(rows: &[Vec<String>], delimiter: char) -> String {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|c| if c.contains([delimiter, '"', '\n', '\r']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn check_report(report: &ImportReport) -> Result<(), TestCaseError> {
    if let Some(plan) = &report.plan {
        let _ = evaluate(plan);
        let json = serde_json::to_string(plan).unwrap();
        prop_assert!(load_plan(&json).is_ok(), "an imported plan always loads back");
    }
    let _ = serde_json::to_string(report).unwrap();
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Arbitrary Unicode in every cell of rows of every kind never panics the importer,
    /// read as TSV, as CSV (where every row must come back with its cells as written) and
    /// as XLSX.
    #[test]
    fn arbitrary_unicode_in_every_cell_of_every_kind_of_row_never_panics(rows in rows()) {
        let tsv: String = rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n");
        check_report(&import_table(tsv.as_bytes(), &ImportOptions::default()))?;

        let text = csv(&rows, ';');
        let report = import_table(
            text.as_bytes(),
            &ImportOptions { format: Some(TableFormat::CsvSemicolon), ..ImportOptions::default() },
        );
        check_report(&report)?;
        prop_assert!(!codes(&report).contains(&Code::CsvQuote), "{:?}", report.diagnostics);
        if !text.starts_with('\u{feff}') {
            // Every reported row is one of the rows written, in order.
            let mut written = rows.iter();
            for row in &report.rows {
                prop_assert!(
                    written.any(|w| *w == row.cells),
                    "row {} read as {:?}, which is no row written", row.row, row.cells
                );
            }
        }

        #[cfg(feature = "xlsx")]
        {
            let rows: Vec<(u32, Vec<(u32, Cell)>)> = rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    (r as u32, row.iter().enumerate().map(|(c, t)| (c as u32, Cell::Text(t.clone()))).collect())
                })
                .collect();
            check_report(&import_table(&xlsx(&sheet(None, &rows)), &ImportOptions::default()))?;
        }
    }
}

// 3. CSV quotes as RFC 4180 says, with the usual leniency.

#[test]
fn a_quote_that_does_not_close_cleanly_is_reported_where_it_is_and_later_quoted_fields_still_read() {
    let table = "PESO;INDICATORE;CONSUNTIVO;TARGET\r\n\
                 30,00%;\"Pratiche \"urgenti\" evase;46 N. / 47 N.;>= 90 %\r\n\
                 20,00%;\"Tempo medio; in giorni\";12 gg;<= 10 gg\r\n\
                 20,00%;\"Istanze\r\nprotocollate\";5;>= 5\r\n\
                 20,00%;\"Sportelli aperti;7;>= 5\r\n\
                 10,00%;\"Reclami; gestiti\";\"3\";\">= 3\"\r\n";
    let report = import_table(table.as_bytes(), &options());
    assert_eq!(report.format, Some(TableFormat::CsvSemicolon));
    assert_eq!(report.errors().count(), 0, "{:#?}", report.errors().collect::<Vec<_>>());
    assert!(!codes(&report).contains(&Code::WeightsNormalised), "{:#?}", report.diagnostics);
    let cells = |row: usize| report.rows.iter().find(|r| r.row == row).map(|r| r.cells.clone()).unwrap_or_default();
    assert_eq!(cells(2)[1], "\"Pratiche \"urgenti\" evase");
    assert_eq!(cells(3), ["20,00%", "Tempo medio; in giorni", "12 gg", "<= 10 gg"]);
    // A quoted cell over two lines: the row after it is line 6.
    assert_eq!(cells(4), ["20,00%", "Istanze\r\nprotocollate", "5", ">= 5"]);
    assert_eq!(cells(6), ["20,00%", "\"Sportelli aperti", "7", ">= 5"]);
    assert_eq!(cells(7), ["10,00%", "Reclami; gestiti", "3", ">= 3"]);
    assert_eq!(names(&report), ["\"Pratiche \"urgenti\" evase", "Tempo medio; in giorni", "Istanze protocollate", "\"Sportelli aperti", "Reclami; gestiti"]);
    let warnings = messages(&report, Code::CsvQuote);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].starts_with("row 2, column 2 (“\"Pratiche \"urgenti\" evase”): text follows the closing quote"), "{warnings:#?}");
    assert!(warnings[1].starts_with("row 6, column 2 (“\"Sportelli aperti”): a quoted field is not closed before the end of the line"), "{warnings:#?}");
}

#[test]
fn text_after_a_closing_quote_is_kept_and_the_row_is_read_at_its_own_columns() {
    let table = "PESO;INDICATORE;CONSUNTIVO;TARGET\n\
                 50;\"abc\"def;\"1,5\";>= 1\n\
                 50;\"Pratiche; evase\"x;2;>= 2\n";
    let report = import_table(table.as_bytes(), &options());
    assert_eq!(report.errors().count(), 0, "{:#?}", report.rows);
    let row = |n: usize| report.rows.iter().find(|r| r.row == n).unwrap();
    assert_eq!(row(2).cells, ["50", "\"abc\"def", "1,5", ">= 1"]);
    assert_eq!(row(3).cells, ["50", "Pratiche; evasex", "2", ">= 2"]);
    let warnings = messages(&report, Code::CsvQuote);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].starts_with("row 2, column 2 "), "{warnings:#?}");
    assert!(
        warnings[1].starts_with("row 3, column 2 (“\"Pratiche; evase\"x”)") && warnings[1].ends_with("the field reads “Pratiche; evasex”"),
        "{warnings:#?}"
    );
}

// 4. The encoding is decided by evidence.

#[test]
fn a_utf8_file_with_one_stray_windows_1252_byte_stays_utf8_and_says_where() {
    let mut table = "PESO;INDICATORE;CONSUNTIVO;TARGET\n\
                     60;Attività di promozione;10;>= 10\n\
                     40;Qualità del servizio "
        .as_bytes()
        .to_vec();
    table.push(0x96); // an en dash in Windows-1252
    table.extend(b" sportello;5;>= 5\n");
    let report = import_table(&table, &options());
    assert_eq!(names(&report), ["Attività di promozione", "Qualità del servizio \u{fffd} sportello"]);
    assert!(!codes(&report).contains(&Code::Windows1252));
    let warnings = messages(&report, Code::InvalidUtf8);
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].starts_with("row 3, column 2, character 25 (“Qualità del servizio \u{fffd} sportello”): byte 0x96 is not UTF-8"), "{warnings:#?}");
}

#[test]
fn a_file_with_no_utf8_sequence_is_windows_1252_and_says_so() {
    let table = b"PESO;INDICATORE;CONSUNTIVO;TARGET\n60;Attivit\xe0 \x96 sportello;10;>= 10\n40;Qualit\xe0;5;>= 5\n";
    let report = import_table(table, &options());
    assert_eq!(names(&report), ["Attività – sportello", "Qualità"]);
    let notice = messages(&report, Code::Windows1252);
    assert_eq!(notice.len(), 1, "{:#?}", report.diagnostics);
    assert!(notice[0].contains("read as Windows-1252"), "{notice:?}");
    assert!(!codes(&report).contains(&Code::InvalidUtf8));
}

// 2 and 5. XLSX: cells one by one, never the sheet's grid; NaN, infinities and errors
// reported at their cell.

/// A cell of a hand-written sheet.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
enum Cell {
    Text(String),
    /// A `<v>` as written, with no type: a number for calamine (`1e309`, `NaN`).
    Number(&'static str),
    /// `t="e"`: a formula error (`#DIV/0!`).
    Error(&'static str),
    /// A cell with a style and no value, as Excel writes formatted empty cells.
    Styled,
}

#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
fn column(col: u32) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// SpreadsheetML for rows of (0-based row, cells by 0-based column), with an optional
/// `<dimension ref=…>`.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
fn sheet(dimension: Option<&str>, rows: &[(u32, Vec<(u32, Cell)>)]) -> String {
    let escape = |t: &str| {
        t.chars()
            .map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                // Not allowed in XML 1.0.
                c if (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}') => "?".to_string(),
                c => c.to_string(),
            })
            .collect::<String>()
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    if let Some(d) = dimension {
        xml.push_str(&format!("<dimension ref=\"{d}\"/>"));
    }
    xml.push_str("<sheetData>");
    for (r, cells) in rows {
        xml.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in cells {
            let at = format!("{}{}", column(*c), r + 1);
            xml.push_str(&match cell {
                Cell::Text(t) => format!("<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", escape(t)),
                Cell::Number(v) => format!("<c r=\"{at}\"><v>{v}</v></c>"),
                Cell::Error(e) => format!("<c r=\"{at}\" t=\"e\"><v>{e}</v></c>"),
                Cell::Styled => format!("<c r=\"{at}\" s=\"0\"/>"),
            });
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
fn text(row: u32, cells: &[&str]) -> (u32, Vec<(u32, Cell)>) {
    (row, cells.iter().enumerate().filter(|(_, t)| !t.is_empty()).map(|(c, t)| (c as u32, Cell::Text(t.to_string()))).collect())
}

#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
fn small_plan() -> Vec<(u32, Vec<(u32, Cell)>)> {
    vec![
        text(0, &["PESO", "INDICATORE", "CONSUNTIVO", "TARGET"]),
        text(1, &["60", "Pratiche evase", "10", ">= 10"]),
        text(2, &["40", "Tempo medio", "5", ">= 5"]),
    ]
}

#[cfg(feature = "xlsx")]
#[test]
fn a_sheet_with_cells_at_a1_and_xfd1048576_is_refused_by_name_without_allocating_the_grid() {
    let mut rows = small_plan();
    rows.push((1_048_575, vec![(16_383, Cell::Text("x".into()))]));
    let bytes = xlsx(&sheet(None, &rows));
    assert!(bytes.len() < 4096, "a small file: {} bytes", bytes.len());
    let report = import_table(&bytes, &options());
    assert!(report.plan.is_none());
    assert_eq!(codes(&report), [Code::UnreadableTable]);
    let message = &report.diagnostics[0].message(Lang::En);
    assert!(message.starts_with("sheet “Piano”: cell XFD1048576 has content beyond the 1,000,000 rows and 1,000 columns (A to ALL)"), "{message}");
    let italian = report.diagnostics[0].message(Lang::It);
    assert!(italian.starts_with("foglio “Piano”: la cella XFD1048576 ha un contenuto oltre le 1.000.000 righe e 1.000 colonne (da A a ALL)"), "{italian}");
    // Within the rows, beyond the columns; within the columns, beyond the rows.
    for (row, col, name) in [(5, 1_000, "ALM6"), (1_000_000, 3, "D1000001")] {
        let mut rows = small_plan();
        rows.push((row, vec![(col, Cell::Number("1"))]));
        let report = import_table(&xlsx(&sheet(None, &rows)), &options());
        assert!(report.diagnostics[0].message(Lang::En).contains(&format!("cell {name} has content beyond")), "{:?}", report.diagnostics);
    }
    // At the last row and column read: a plan, and nothing the size of the grid.
    let mut rows = small_plan();
    rows.push((999_999, vec![(999, Cell::Text("nota".into()))]));
    let report = import_table(&xlsx(&sheet(None, &rows)), &options());
    assert_eq!(report.plan.expect("a plan").ente.indicators.len(), 2);
    assert!(LARGEST.load(Ordering::Relaxed) < ALLOCATION_BOUND);
}

#[cfg(feature = "xlsx")]
#[test]
fn a_declared_dimension_or_styled_empty_cells_spanning_the_whole_sheet_allocate_nothing() {
    for dimension in ["A1:XFD1048576", "A1:ZZZZZ99999999", "A1", "XFD1048576:A1"] {
        let mut rows = small_plan();
        rows.push((1_048_575, vec![(0, Cell::Styled), (16_383, Cell::Styled)]));
        let report = import_table(&xlsx(&sheet(Some(dimension), &rows)), &options());
        if dimension == "XFD1048576:A1" && report.plan.is_none() {
            // calamine 0.32 subtracts the start from the end: an overflow, which panics in
            // a debug build (caught: an unreadable workbook) and wraps in a release build
            // (the dimension is then unused). Either way nothing is allocated from it.
            assert_eq!(codes(&report), [Code::UnreadableTable]);
            continue;
        }
        let plan = report.plan.unwrap_or_else(|| panic!("{dimension}: {:?}", report.diagnostics));
        assert_eq!(plan.ente.indicators.len(), 2, "{dimension}");
        assert_eq!(report.rows.len(), 3, "{dimension}: empty cells make no rows");
    }
    assert!(LARGEST.load(Ordering::Relaxed) < ALLOCATION_BOUND);
}

#[cfg(feature = "xlsx")]
#[test]
fn nan_infinite_and_error_cells_are_row_problems_at_their_cell_never_dropped() {
    let rows = vec![
        (0, vec![(0, Cell::Text("CRUSCOTTO Servizi".into())), (4, Cell::Error("#REF!"))]),
        text(1, &["PESO", "INDICATORE", "CONSUNTIVO", "TARGET"]),
        text(2, &["25", "Pratiche evase", "10", ">= 10"]),
        (3, vec![(0, Cell::Number("25")), (1, Cell::Text("Tempo medio".into())), (2, Cell::Number("NaN")), (3, Cell::Text(">= 5".into()))]),
        (4, vec![(0, Cell::Number("25")), (1, Cell::Text("Istanze".into())), (2, Cell::Number("1e309")), (3, Cell::Text(">= 5".into()))]),
        (5, vec![(0, Cell::Error("#DIV/0!")), (1, Cell::Text("Reclami".into())), (2, Cell::Number("-1e309")), (3, Cell::Text(">= 5".into()))]),
        (6, vec![(2, Cell::Error("#N/A"))]),
    ];
    let report = import_table(&xlsx(&sheet(None, &rows)), &options());
    let problems: Vec<(usize, usize, &str, &str, String)> =
        report.errors().flat_map(|r| r.problems.iter().map(move |p| (r.row, p.column, p.header.as_str(), p.text.as_str(), p.expectation(Lang::En)))).collect();
    assert_eq!(
        problems,
        [
            (4, 2, "CONSUNTIVO", "NaN", "a finite number: cell C4 holds NaN (not a number)".into()),
            (5, 2, "CONSUNTIVO", "inf", "a finite number: cell C5 holds an infinite number (beyond what a number can hold)".into()),
            (6, 0, "PESO", "#DIV/0!", "a value: cell A6 holds the spreadsheet error “#DIV/0!” (a formula that could not be computed)".into()),
            (6, 2, "CONSUNTIVO", "-inf", "a finite number: cell C6 holds an infinite number (beyond what a number can hold)".into()),
            (7, 2, "CONSUNTIVO", "#N/A", "a value: cell C7 holds the spreadsheet error “#N/A” (a formula that could not be computed)".into()),
        ]
    );
    // The cells as found stay in the report's rows.
    let row = |n: usize| report.rows.iter().find(|r| r.row == n).unwrap();
    assert_eq!(row(4).cells, ["25", "Tempo medio", "NaN", ">= 5"]);
    assert_eq!(row(7).kind, semaforo_core::import::RowKind::Error);
    // A heading row keeps its reading, with a warning naming the cell.
    assert_eq!(row(1).kind, semaforo_core::import::RowKind::Group);
    assert_eq!(
        messages(&report, Code::UnreadableCell),
        ["row 1, column 5 “colonna 5”: cannot read “#REF!”: expected a value: cell E1 holds the spreadsheet error “#REF!” (a formula that could not be computed); the row was read without this cell"]
    );
    // Only the readable indicator is imported, and its weight is said to be rescaled.
    let plan = report.plan.as_ref().expect("a plan");
    assert_eq!(plan.cruscotti[0].items.len(), 1);
    assert!(codes(&report).contains(&Code::WeightsNormalised));
}
