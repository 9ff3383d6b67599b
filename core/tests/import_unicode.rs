//! The importer on hostile Unicode: PDF ligatures (`ﬁ ﬂ`), combining marks, right-to-left
//! text and overrides, emoji and zero-width joiners, `ß`, `İ`, `ı` and the Kelvin sign (whose
//! case mappings change their length in bytes), non-breaking spaces, bold markers, LaTeX
//! debris and bullets, put into every cell of every kind of row the corpus has (headings,
//! dashboard titles, group rows, totals, indicator rows with codes and with prefix-only
//! codes, page furniture), in TSV, in CSV with `;`, and spliced with random bytes.
//!
//! Whatever the input: `import_table` does not panic, every row it reports is a row of the
//! input, and what it returns serialises (and a plan, if any, evaluates and loads back).

use proptest::prelude::*;
use semaforo_core::import::{import_table, ImportOptions, ImportReport};
use semaforo_core::{evaluate, load_plan};

/// Pieces of text that have broken text handling somewhere.
const NASTY: &[&str] = &[
    "ﬁ",
    "ﬂ",
    "ﬀ",
    "ﬃ",
    "Anagraﬁco Certiﬁcativa",
    "e\u{301}",
    "\u{301}",
    "\u{308}\u{308}",
    "à",
    "È",
    "ò",
    "مرحبا",
    "שלום",
    "\u{202E}",
    "\u{202D}",
    "\u{200F}",
    "\u{061C}",
    "👩\u{200D}💻",
    "🇮🇹",
    "🙂",
    "ß",
    "ẞ",
    "İ",
    "ı",
    "Kılıç",
    "İSTANBUL",
    "\u{212A}",
    "\u{212B}",
    "ǅ",
    "ŉ",
    "\u{200D}",
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{00A0}",
    "\u{202F}",
    "\u{2007}",
    "**",
    "**96,40%**",
    "$\\geq",
    "$\\geq 130,00$ %",
    "$\\leq 0,00 N.$",
    "●",
    "● ● ●",
    "•",
    "▪",
    "◦",
    "–",
    "—",
    "≥",
    "≤",
    "½",
    "Ⅻ",
    "𝟗",
    "٣",
    "２０２３",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
    "\"",
    "\"\"",
    ";",
    "'",
    "%",
    "€",
    "N.",
    "gg",
    "-",
    " - ",
    ":",
    "(",
    ")",
    "(Peso: 6,66%)",
    "(segue)",
    "Dott.ssa",
    "ad interim",
    "\r",
    "\u{85}",
    "\u{2028}",
    "\u{1F}",
    "\u{7F}",
];

fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec(proptest::sample::select(NASTY), 1..5).prop_map(|v| v.concat()),
        1 => any::<String>().prop_map(|s| s.chars().filter(|c| *c != '\n' && *c != '\t').take(12).collect()),
    ]
}

/// `text` with `insert` put at a character boundary chosen by `at`.
fn spliced(text: &str, insert: &str, at: usize) -> String {
    let cut = text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(at % (text.chars().count() + 1)).unwrap();
    format!("{}{}{}", &text[..cut], insert, &text[cut..])
}

/// A text cell of a given kind, Unicode put somewhere into it (or not).
fn cell(base: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    cell_with(0.6, base)
}

/// A figure's cell: Unicode less often, so that rows stay readable and the reading goes
/// on to build cruscotti, objectives and totals.
fn figure(base: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    cell_with(0.15, base)
}

fn cell_with(p: f64, base: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (base, proptest::option::weighted(p, nasty()), any::<usize>()).prop_map(|(base, insert, at)| match insert {
        Some(insert) => spliced(&base, &insert, at),
        None => base,
    })
}

/// Strategies built from numbers rather than regular expressions: they generate many
/// times faster in a debug build.
fn percent() -> impl Strategy<Value = String> {
    (0u32..100_000, 0u8..6).prop_map(|(n, shape)| {
        let (whole, cents) = (n / 100, n % 100);
        match shape {
            0 => format!("{whole},{cents:02}%"),
            1 => format!("{whole},{cents:02} %"),
            2 => format!("{whole}.{cents}"),
            3 => format!("0,{n}"),
            4 => "N.V.".to_string(),
            _ => "N/D".to_string(),
        }
    })
}

fn code() -> impl Strategy<Value = String> {
    const CODES: &[&str] = &[
        "DFP 1.3",
        "DFP 1.3 -",
        "EC05.1_",
        "EC19.1_",
        "IO_01.01.01.07",
        "IO 01.01.01.07",
        "00_01.04.01.02",
        "A3.1_02_",
        "IS_",
        "IS_ -",
        "IS:-",
        "İS_",
        "ıs_",
        "C1.1_07",
        "OC_TD_01_",
        "OS_01.02",
        "1.1",
    ];
    prop_oneof![
        3 => proptest::sample::select(CODES).prop_map(String::from),
        1 => (0u8..26, 0u32..100, 0u32..100, any::<bool>()).prop_map(|(l, a, b, sep)| {
            format!("{}{}{a:02}.{b:02}", (b'A' + l) as char, if sep { "_" } else { " " })
        }),
    ]
}

fn name() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "Grado",
        "di",
        "copertura",
        "delle",
        "attività",
        "formative",
        "Tempestività",
        "dei",
        "pagamenti",
        "(MEF):",
        "≤",
        "0",
        "Numero",
        "procedure",
        "mediazione/conciliazione",
        "Area",
        "Segretario",
        "generale",
        "Promozione",
        "e",
        "sviluppo",
        "del",
        "territorio",
        "Qualità",
        "Città",
        "N.",
        "-",
        "Dott.",
        "ROSSI",
        "Niccolò",
        "31/12/2023",
        "100,00%",
    ];
    proptest::collection::vec(proptest::sample::select(WORDS), 0..7).prop_map(|w| w.join(" "))
}

fn heading_row() -> impl Strategy<Value = Vec<String>> {
    const HEADINGS: &[&str] = &[
        "PESO",
        "INDICATORE",
        "DESCRIZIONE",
        "ALGORITMO",
        "CONSUNTIVO",
        "TARGET",
        "% RAGGIUNGIMENTO",
        "GRADO RAGGIUNGIMENTO",
        "VALORI MISURE",
        "VALUTAZIONE",
        "CODICE",
        "OBIETTIVO OPERATIVO",
        "AMBITO STRATEGICO",
        "OBBIETTIVO STRATEGICO",
        "Target 2023",
        "VALORE RILEVATO",
        "N.",
        "PEſO",
        "İNDİCATORE",
        "ındıcatore",
    ];
    const USUAL: &[&str] = &["PESO", "INDICATORE", "DESCRIZIONE", "ALGORITMO", "CONSUNTIVO", "TARGET", "% RAGGIUNGIMENTO"];
    prop_oneof![
        2 => proptest::collection::vec(cell(proptest::sample::select(HEADINGS).prop_map(String::from)), 1..9),
        3 => proptest::collection::vec(figure(Just(String::new())), USUAL.len()).prop_map(|cells| {
            cells.iter().zip(USUAL).map(|(c, h)| format!("{h}{c}")).collect()
        }),
    ]
}

fn title_row() -> impl Strategy<Value = Vec<String>> {
    let title = prop_oneof![
        (1u32..40, name(), name()).prop_map(|(n, a, m)| format!("{n:02} Cruscotto {a} - Dott.ssa {m}")),
        (name(), name()).prop_map(|(a, m)| format!("CRUSCOTTO {} - DIRIGENTE: {}", a.to_uppercase(), m.to_uppercase())),
        (1u32..9, name()).prop_map(|(n, a)| format!("Cruscotto n. {n}: Area {a}")),
        name().prop_map(|a| format!("Dirigente area \"{a}\"")),
        (name(), percent()).prop_map(|(a, p)| format!("01 Cruscotto {a} (ad interim) - Dott. X **{p}**")),
        name().prop_map(|a| format!("02 Cruscotto {a} (segue)")),
    ];
    (cell(title), proptest::collection::vec(figure(prop_oneof![percent(), Just("● ● ●".to_string()), Just(String::new()), name()]), 0..7))
        .prop_map(|(t, rest)| std::iter::once(t).chain(rest).collect())
}

fn group_row() -> impl Strategy<Value = Vec<String>> {
    let label = prop_oneof![
        (0u32..1000, 0u8..3).prop_map(|(n, parts)| match parts {
            0 => format!("{n:03}"),
            1 => format!("{:02}.{:02}", n / 10, n % 10),
            _ => format!("{:02}.{:02}.{:02}", n / 100, (n / 10) % 10, n % 10),
        }),
        Just("BSC1".to_string()),
        Just("AS_01".to_string()),
        Just("AS 01".to_string()),
        Just("OS_01.02".to_string()),
        Just("OO 01.02.04".to_string()),
        Just("Obiettivo operativo OO_01.01.01".to_string()),
    ];
    (cell((label, name()).prop_map(|(c, n)| format!("{c} - {n}"))), proptest::collection::vec(figure(prop_oneof![percent(), Just(String::new())]), 0..11))
        .prop_map(|(l, rest)| std::iter::once(l).chain(rest).collect())
}

fn total_row() -> impl Strategy<Value = Vec<String>> {
    let label = prop_oneof![
        Just("TOTALE".to_string()),
        Just("Totale obiettivo operativo OO 01.01.01".to_string()),
        Just("Risultato complessivo del cruscotto".to_string()),
        Just("Risultato misurato obiettivo".to_string()),
        Just("PERFORMANCE DI ENTE".to_string()),
    ];
    prop_oneof![
        (cell(label.clone()), proptest::collection::vec(figure(prop_oneof![percent(), Just(String::new())]), 0..7))
            .prop_map(|(l, rest)| std::iter::once(l).chain(rest).collect()),
        // the figure first, then the label
        (figure(percent()), cell(label)).prop_map(|(p, l)| vec![p, l]),
    ]
}

fn indicator_row() -> impl Strategy<Value = Vec<String>> {
    const UNITS: &[&str] = &["N.", "gg", "%", "€", ""];
    const OPS: &[&str] = &[">=", "<=", "=", ">", "<", "=>", "=<", "≥", "≤", ""];
    let actual = prop_oneof![
        percent(),
        (0u32..2_000_000, proptest::sample::select(UNITS)).prop_map(|(n, u)| format!("{}.{:03},{:02} {u}", n / 100_000, (n / 100) % 1000, n % 100)),
        (0u32..10_000).prop_map(|n| format!("-{},{:02} N.", n / 100, n % 100)),
        (1u32..32, 1u32..13, 1990u32..2100).prop_map(|(d, m, y)| format!("{d:02}/{m:02}/{y}")),
        (0u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a} N. / {b} N.")),
    ];
    let target = prop_oneof![
        (proptest::sample::select(OPS), 0u32..100_000, proptest::sample::select(UNITS)).prop_map(|(op, n, u)| format!("{op} {},{:02} {u}", n / 100, n % 100)),
        (1u32..32, 1u32..13, 1990u32..2100).prop_map(|(d, m, y)| format!("Entro {d:02}/{m:02}/{y}")),
        Just("$\\geq 130,00$ %".to_string()),
        Just("$\\leq 1,00 N.$".to_string()),
    ];
    (
        figure(percent()),
        cell((code(), name()).prop_map(|(c, n)| format!("{c} {n}"))),
        cell(name()),
        cell(name()),
        figure(actual),
        figure(target),
        figure(percent()),
        proptest::collection::vec(cell(name()), 0..3),
    )
        .prop_map(|(w, i, d, a, c, t, g, extra)| {
            let mut row = vec![w, i, d, a, c, t, g];
            row.extend(extra);
            row
        })
}

fn furniture_row() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (1u32..99, 1u32..99).prop_map(|(a, b)| vec![format!("Pagina {a} di {b}")]),
        cell(Just("Camera di Commercio della Toscana Nord-Ovest - Relazione sulla Performance 2023".to_string())).prop_map(|t| vec![t]),
        Just(vec!["------------------------------------------".to_string()]),
        Just(vec![String::new()]),
        cell(name()).prop_map(|t| vec![t]),
    ]
}

fn any_row() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        1 => heading_row(),
        2 => title_row(),
        2 => group_row(),
        1 => total_row(),
        5 => indicator_row(),
        1 => furniture_row(),
    ]
}

/// A table: a heading row somewhere near the top, then rows of every kind.
fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (proptest::collection::vec(any_row(), 0..4), heading_row(), proptest::collection::vec(any_row(), 0..24))
        .prop_map(|(before, heading, after)| before.into_iter().chain([heading]).chain(after).collect())
}

fn tsv(rows: &[Vec<String>], crlf: bool) -> String {
    rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join(if crlf { "\r\n" } else { "\n" })
}

/// CSV `;` as Excel writes it (fields with `;`, quotes or line breaks quoted), or raw.
fn csv(rows: &[Vec<String>], quote: bool) -> String {
    let field = |c: &String| {
        if quote && (c.contains(';') || c.contains('"') || c.contains('\n') || c.contains('\r')) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    rows.iter().map(|r| r.iter().map(field).collect::<Vec<_>>().join(";")).collect::<Vec<_>>().join("\r\n")
}

/// How many lines the input has at most: a row of the report is one of them. Every line
/// break, in any encoding the reader accepts (UTF-8, UTF-16, Windows-1252), holds a
/// `\n` or `\r` byte.
fn line_bound(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() + 1
}

fn check(bytes: &[u8], options: &ImportOptions) -> Result<ImportReport, TestCaseError> {
    let report = import_table(bytes, options);
    let lines = line_bound(bytes);
    for row in &report.rows {
        prop_assert!(row.row >= 1 && row.row <= lines, "row {} reported, the input has at most {} lines", row.row, lines);
        for p in &row.problems {
            prop_assert!(!p.expectation(semaforo_core::Lang::It).is_empty(), "row {}: a problem without what was expected", row.row);
        }
    }
    prop_assert!(serde_json::to_string(&report).is_ok());
    if let Some(plan) = &report.plan {
        let _ = evaluate(plan);
        let json = serde_json::to_string(plan).unwrap();
        prop_assert!(load_plan(&json).is_ok(), "an imported plan loads back: {json}");
    }
    Ok(report)
}

proptest! {
    // 100 cases each: about 10 s of a debug build on one core.
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn unicode_in_every_cell_of_every_row_never_panics(rows in table(), crlf in any::<bool>(), year in proptest::option::of(2000i32..2100)) {
        let text = tsv(&rows, crlf);
        check(text.as_bytes(), &ImportOptions { year, ..Default::default() })?;
        // As UTF-16 with its BOM (Excel's "Testo Unicode").
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        check(&utf16, &ImportOptions::default())?;
    }

    #[test]
    fn unicode_in_semicolon_csv_never_panics(rows in table(), quote in any::<bool>()) {
        let text = csv(&rows, quote);
        check(text.as_bytes(), &ImportOptions::default())?;
        // Windows-1252 as Italian Excel saves it: what it cannot hold becomes `?`.
        let latin: Vec<u8> = text.chars().map(|c| if (c as u32) < 0x100 { c as u32 as u8 } else { b'?' }).collect();
        check(&latin, &ImportOptions::default())?;
    }

    #[test]
    fn tables_spliced_with_random_bytes_never_panic(
        rows in table(),
        noise in proptest::collection::vec((any::<usize>(), proptest::collection::vec(any::<u8>(), 1..6)), 0..8),
        raw in proptest::collection::vec(any::<u8>(), 0..1500),
    ) {
        let mut bytes = tsv(&rows, false).into_bytes();
        for (at, junk) in noise {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, junk);
        }
        check(&bytes, &ImportOptions::default())?;
        check(&raw, &ImportOptions::default())?;
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&raw);
        let _ = import_table(&zip, &ImportOptions::default());
    }
}
