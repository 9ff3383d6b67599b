//! The importer on tables that broke it: Unicode whose case mapping changes its length,
//! quotes that do not follow the CSV rules, a UTF-8 file with one stray byte. Each
//! problem is reported where it is (row, column, text as written, what was expected);
//! nothing panics.

use proptest::prelude::*;
use semaforo_core::import::{import_table, ImportOptions, ImportReport, TableFormat};
use semaforo_core::{evaluate, load_plan};

fn options() -> ImportOptions {
    ImportOptions {
        year: Some(2023),
        ente_name: Some("CCIAA".into()),
        ..Default::default()
    }
}

fn codes(report: &ImportReport) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn messages<'a>(report: &'a ImportReport, code: &str) -> Vec<&'a str> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.as_str())
        .collect()
}

fn names(report: &ImportReport) -> Vec<String> {
    let plan = report.plan.as_ref().expect("a plan");
    plan.ente
        .indicators
        .iter()
        .map(|i| i.name.clone())
        .chain(
            plan.cruscotti
                .iter()
                .flat_map(|c| c.items.iter().filter_map(|i| i.own.as_ref()))
                .map(|i| i.name.clone()),
        )
        .collect()
}

// 1. Text is handled by characters: case mapping may change lengths.

#[test]
fn cruscotto_headings_with_ligatures_kelvin_dotless_i_sharp_s_and_accented_capitals_import() {
    let headings = [
        (
            "CRUSCOTTO – Pianiﬁcazione e ﬁnanza - Dirigente: Dott. Aﬃtti",
            "Pianiﬁcazione e ﬁnanza",
            "Dott. Aﬃtti",
        ),
        (
            "Cruscotto \u{212A}elvin ıı - Responsabile: Straße İnce",
            "\u{212A}elvin ıı",
            "Straße İnce",
        ),
        (
            "CRUSCOTTO: ÀREA ÉCONOMICA ÌÒÙ - DIRIGENTE: ÉMILE ÇA",
            "ÀREA ÉCONOMICA ÌÒÙ",
            "ÉMILE ÇA",
        ),
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
        let plan = report
            .plan
            .as_ref()
            .unwrap_or_else(|| panic!("{heading}: {:#?}", report.diagnostics));
        let c = &plan.cruscotti[0];
        assert_eq!(
            (c.name.as_str(), c.manager.as_deref()),
            (name, Some(manager))
        );
        assert_eq!(c.items.len(), 2, "{heading}");
        assert_eq!(
            names(&report),
            ["Pratiche ﬁnanziate", "İstanze evase \u{212A}"],
            "{heading}"
        );
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
    assert_eq!(
        plan.ente.indicators[1].kind,
        Some(semaforo_core::plan::IndicatorKind::Efficienza)
    );
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
const CRUSCOTTO: [&str; 7] = [
    "{}CRUSCOTTO{} – {} - Dirigente{}: {}",
    "Cruscotto{}",
    "cruscotto: {} | Responsabile {}",
    "TOTALE {} 90,60 %",
    "Dirigente{} {}",
    "Responsabile: {}",
    "{}",
];
const GROUPING: [&str; 7] = [
    "BSC1 - {}",
    "01.01 - {}",
    "OO_{} - {}",
    "{} - {}",
    "AS_01 – {}",
    "{}",
    "{}45,00 %",
];
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
            (
                proptest::sample::select(&HEADINGS[..]),
                awkward(),
                awkward()
            )
                .prop_map(|(h, a, b)| format!("{a}{h}{b}")),
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
    (
        proptest::collection::vec(row, 1..16),
        proptest::collection::vec(proptest::sample::select(&HEADINGS[..]), 3..8),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut rows, plain_heading, at)| {
            // A plain heading row somewhere, so that the rows after it are read as a plan.
            let at = at.index(rows.len() + 1);
            rows.insert(at, plain_heading.into_iter().map(str::to_string).collect());
            rows
        })
}

/// CSV as RFC 4180 writes it: a field with the delimiter, a quote or a line end quoted.
fn csv(rows: &[Vec<String>], delimiter: char) -> String {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|c| {
                    if c.contains([delimiter, '"', '\n', '\r']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
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
        prop_assert!(
            load_plan(&json).is_ok(),
            "an imported plan always loads back"
        );
    }
    let _ = serde_json::to_string(report).unwrap();
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Arbitrary Unicode in every cell of rows of every kind never panics the importer,
    /// read as TSV and as CSV (where every row must come back with its cells as written).
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
        prop_assert!(!codes(&report).contains(&"csv-quote"), "{:?}", report.diagnostics);
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

    }
}

// 3. CSV quotes as RFC 4180 says, with the usual leniency.

#[test]
fn a_quote_that_does_not_close_cleanly_is_reported_where_it_is_and_later_quoted_fields_still_read()
{
    let table = "PESO;INDICATORE;CONSUNTIVO;TARGET\r\n\
                 30,00%;\"Pratiche \"urgenti\" evase;46 N. / 47 N.;>= 90 %\r\n\
                 20,00%;\"Tempo medio; in giorni\";12 gg;<= 10 gg\r\n\
                 20,00%;\"Istanze\r\nprotocollate\";5;>= 5\r\n\
                 20,00%;\"Sportelli aperti;7;>= 5\r\n\
                 10,00%;\"Reclami; gestiti\";\"3\";\">= 3\"\r\n";
    let report = import_table(table.as_bytes(), &options());
    assert_eq!(report.format, Some(TableFormat::CsvSemicolon));
    assert_eq!(
        report.errors().count(),
        0,
        "{:#?}",
        report.errors().collect::<Vec<_>>()
    );
    assert!(
        !codes(&report).contains(&"weights-normalised"),
        "{:#?}",
        report.diagnostics
    );
    let cells = |row: usize| {
        report
            .rows
            .iter()
            .find(|r| r.row == row)
            .map(|r| r.cells.clone())
            .unwrap_or_default()
    };
    assert_eq!(cells(2)[1], "\"Pratiche \"urgenti\" evase");
    assert_eq!(
        cells(3),
        ["20,00%", "Tempo medio; in giorni", "12 gg", "<= 10 gg"]
    );
    // A quoted cell over two lines: the row after it is line 6.
    assert_eq!(cells(4), ["20,00%", "Istanze\r\nprotocollate", "5", ">= 5"]);
    assert_eq!(cells(6), ["20,00%", "\"Sportelli aperti", "7", ">= 5"]);
    assert_eq!(cells(7), ["10,00%", "Reclami; gestiti", "3", ">= 3"]);
    assert_eq!(
        names(&report),
        [
            "\"Pratiche \"urgenti\" evase",
            "Tempo medio; in giorni",
            "Istanze protocollate",
            "\"Sportelli aperti",
            "Reclami; gestiti"
        ]
    );
    let warnings = messages(&report, "csv-quote");
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0].starts_with(
            "row 2, column 2 (“\"Pratiche \"urgenti\" evase”): text follows the closing quote"
        ),
        "{warnings:#?}"
    );
    assert!(
        warnings[1].starts_with(
            "row 6, column 2 (“\"Sportelli aperti”): a quoted field is not closed before the end of the line"
        ),
        "{warnings:#?}"
    );
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
    let warnings = messages(&report, "csv-quote");
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].starts_with("row 2, column 2 "), "{warnings:#?}");
    assert!(
        warnings[1].starts_with("row 3, column 2 (“\"Pratiche; evase\"x”)")
            && warnings[1].ends_with("the field reads “Pratiche; evasex”"),
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
    assert_eq!(
        names(&report),
        [
            "Attività di promozione",
            "Qualità del servizio \u{fffd} sportello"
        ]
    );
    assert!(!codes(&report).contains(&"windows-1252"));
    let warnings = messages(&report, "invalid-utf8");
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("row 3, column 2, character 25 (“Qualità del servizio \u{fffd} sportello”): byte 0x96 is not UTF-8"),
        "{warnings:#?}"
    );
}

#[test]
fn a_file_with_no_utf8_sequence_is_windows_1252_and_says_so() {
    let table = b"PESO;INDICATORE;CONSUNTIVO;TARGET\n60;Attivit\xe0 \x96 sportello;10;>= 10\n40;Qualit\xe0;5;>= 5\n";
    let report = import_table(table, &options());
    assert_eq!(names(&report), ["Attività – sportello", "Qualità"]);
    let notice = messages(&report, "windows-1252");
    assert_eq!(notice.len(), 1, "{:#?}", report.diagnostics);
    assert!(notice[0].contains("read as Windows-1252"), "{notice:?}");
    assert!(!codes(&report).contains(&"invalid-utf8"));
}
