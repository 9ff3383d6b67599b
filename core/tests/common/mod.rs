//! The smallest input that makes Semaforo report each diagnostic code: one table,
//! [`CASES`], of (code, input, path), and [`diagnostics`], which reads a case's input as
//! the core (or, for a shell's code, the shell's constructor in the core) does. Shared by
//! `diagnostic_codes.rs` (every code has a case, reported at its path, documented) and
//! `diagnostic_messages.rs` (every code's message in both languages), so that messages
//! are rendered from the parameters of real call sites.
#![allow(dead_code)]

use semaforo_core::import::{import_table, ImportOptions};
use semaforo_core::scenario::{self, Edit, Scenario};
use semaforo_core::{check_plan, Code, Decimal, Diagnostic};
use serde_json::Value;

/// The smallest plan that loads; [`Input::Plan`] examples are merged into it.
pub const SMALLEST: &str = r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023}}"#;

/// What is read to make a code appear.
pub enum Input {
    /// Merged into [`SMALLEST`] (an object key by key, any other value replaced), then
    /// loaded and validated.
    Plan(&'static str),
    /// A plan's text as it is, loaded and validated.
    Text(&'static str),
    /// One edit (its JSON) applied to [`SMALLEST`].
    Edit(&'static str),
    /// A share link's edits, decoded.
    ShareLink(&'static str),
    /// A table's lines, cells separated by `;`, imported with no options.
    Table(&'static [&'static str]),
    /// A file's bytes, imported with no options.
    Bytes(&'static [u8]),
    /// A workbook of one sheet, its rows written as [`Input::Table`]'s lines (a cell that
    /// reads as a number is a number, one starting with `#` a formula error), imported
    /// with no options. Read with the `xlsx` feature only.
    Sheet(&'static [&'static str]),
    /// Reported by a shell, not by the core, and checked by the shell's own tests
    /// (`bindings/src/api.rs`, `web/xlsx-module/src/lib.rs`): what is given to it (a call
    /// of the JavaScript package, the import module's options), or "" when no input can;
    /// and the diagnostic the shell makes of it, with the core's constructor it calls.
    Shell(&'static str, fn() -> Diagnostic),
}

use Input::*;

/// Reading `input` reports `code` at `path` ("" for the whole document).
pub struct Case {
    pub code: Code,
    pub input: Input,
    pub path: &'static str,
}

const fn case(code: Code, input: Input, path: &'static str) -> Case {
    Case { code, input, path }
}

/// The header of the tables below: the columns the importer recognises.
pub const HEADER: &str = "PESO;INDICATORE;CONSUNTIVO;TARGET";

#[rustfmt::skip]
pub const CASES: &[Case] = &[
    // Reading a plan's structure.
    case(Code::MalformedJson, Text(r#"{"version": 1,"#), ""),
    case(Code::MissingVersion, Text(r#"{"ente": {"code": "ENTE", "name": "E", "year": 2023}}"#), "version"),
    case(Code::UnsupportedVersion, Plan(r#"{"version": 2}"#), "version"),
    case(Code::WrongShape, Plan(r#"{"ente": {"year": "2023"}}"#), "ente.year"),
    case(Code::UnknownField, Plan(r#"{"ente": {"colour": "red"}}"#), "ente.colour"),
    case(Code::DuplicateKey, Text(r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "name": "F", "year": 2023}}"#), "ente.name"),

    // Validating a plan.
    case(Code::EnteCode, Plan(r#"{"ente": {"code": "E"}}"#), "ente.code"),
    case(Code::ReservedCode, Plan(r#"{"ente": {"objectives": [{"code": "ENTE", "level": "area", "name": "A"}]}}"#), "ente.objectives[0].code"),
    case(Code::DuplicateCode, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A"}, {"code": "A", "level": "area", "name": "B"}]}}"#), "ente.objectives[1].code"),
    case(Code::EmptyCode, Plan(r#"{"ente": {"objectives": [{"code": " ", "level": "area", "name": "A"}]}}"#), "ente.objectives[0].code"),
    case(Code::MissingReference, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "units": ["U"]}]}}"#), "ente.objectives[0].units[0]"),
    case(Code::MissingReference, Edit(r#"{"edit": "set_actual", "indicator": "I", "actual": {"value": "1"}}"#), "edits[0].indicator"),
    case(Code::UnitCycle, Plan(r#"{"units": [{"code": "U", "name": "U", "kind": "ufficio", "parent": "U"}]}"#), "units[0].parent"),
    case(Code::ItemShape, Plan(r#"{"cruscotti": [{"code": "C", "name": "C", "items": [{}]}]}"#), "cruscotti[0].items[0]"),
    case(Code::PolicyRange, Plan(r#"{"policy": {"display_decimals": 7}}"#), "policy.display_decimals"),
    case(Code::PolicyOrder, Plan(r#"{"policy": {"tolerance": "50", "critical": "90"}}"#), "policy.critical"),
    case(Code::NegativeBudget, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "budget": {"spent": "-1"}}]}}"#), "ente.objectives[0].budget.spent"),
    case(Code::ActualTargetMismatch, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "target": {"op": ">=", "value": "1"}, "actual": {"date": "2023-06-30"}}]}}"#), "ente.indicators[0].actual"),
    case(Code::UnitMismatch, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "target": {"op": "by", "date": "2023-06-30"}, "actual": {"date": "2023-06-30"}}]}}"#), "ente.indicators[0].unit"),
    case(Code::ZeroDenominator, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "actual": {"ratio": {"numerator": "1", "denominator": "0"}}}]}}"#), "ente.indicators[0].actual.ratio.denominator"),
    case(Code::RatioOverflow, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "actual": {"ratio": {"numerator": "46", "denominator": "1e-28"}}}]}}"#), "ente.indicators[0].actual.ratio"),
    case(Code::MissingActual, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "target": {"op": ">=", "value": "1"}}]}}"#), "ente.indicators[0].actual"),
    case(Code::MissingReason, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "actual": {"not_evaluable": {"reason": ""}}}]}}"#), "ente.indicators[0].actual.not_evaluable.reason"),
    case(Code::DuplicateYear, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "yearly_targets": [{"year": 2024, "target": {"op": ">=", "value": "1"}}, {"year": 2024, "target": {"op": ">=", "value": "2"}}]}]}}"#), "ente.indicators[0].yearly_targets[1].year"),
    case(Code::PublishedRange, Plan(r#"{"ente": {"indicators": [{"code": "I", "name": "I", "unit": "number", "published": {"score": "101"}}]}}"#), "ente.indicators[0].published.score"),
    case(Code::MissingWeight, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "weight": "50"}, {"code": "B", "level": "area", "name": "B"}]}}"#), "ente.objectives[1].weight"),
    case(Code::NegativeWeight, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "weight": "-1"}]}}"#), "ente.objectives[0].weight"),
    case(Code::WeightsOverflow, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "weight": "79228162514264337593543950335"}, {"code": "B", "level": "area", "name": "B", "weight": "1"}]}}"#), "ente.objectives"),
    case(Code::ZeroWeights, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "weight": "0"}]}}"#), "ente.objectives"),
    case(Code::WeightsNot100, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "weight": "50"}]}}"#), "ente.objectives"),
    case(Code::IgnoredWeight, Plan(r#"{"indicators": [{"code": "I", "name": "I", "unit": "number", "weight": "50"}]}"#), "indicators[0].weight"),
    case(Code::UnreferencedIndicator, Plan(r#"{"indicators": [{"code": "I", "name": "I", "unit": "number"}]}"#), "indicators[0]"),
    case(Code::UnusualNesting, Plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "A", "objectives": [{"code": "B", "level": "area", "name": "B"}]}]}}"#), "ente.objectives[0].objectives[0].level"),
    case(Code::EmptyPlan, Plan("{}"), "ente.objectives"),

    // What-if.
    case(Code::BadShareLink, ShareLink("%%%"), "edits"),

    // Importing a table: reading the bytes.
    case(Code::UnreadableTable, Bytes(b"PK\x03\x04 not a workbook"), ""),
    // Importing a PDF (read only with the core's `pdf` feature).
    case(Code::UnreadablePdf, Bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog"), ""),
    case(Code::EncryptedPdf, Bytes(include_bytes!("../../../tests/fixtures/pdf/bad-encrypted.pdf")), ""),
    case(Code::ScannedPdf, Bytes(include_bytes!("../../../tests/fixtures/pdf/bad-scanned.pdf")), ""),
    case(Code::NoPdfTables, Bytes(PROSE_PDF), ""),
    case(Code::PdfCutShort, Bytes(PROSE_PDF.split_at(PROSE_PDF.len() - 6).0), ""),
    case(Code::Windows1252, Bytes(b"PESO;INDICATORE;CONSUNTIVO;TARGET\n100;Qualit\xe0 dei servizi;10;>= 10\n"), ""),
    case(Code::InvalidUtf8, Bytes(b"PESO;INDICATORE;CONSUNTIVO;TARGET\n100;Qualit\xc3\xa0 dei servizi \xe0;10;>= 10\n"), ""),
    case(Code::CsvQuote, Table(&[HEADER, r#"100;"Pratiche evase;10;>= 10"#]), ""),
    case(Code::UnreadableCell, Sheet(&["CRUSCOTTO Servizi;#REF!", HEADER, "100;Pratiche evase;10;>= 10"]), ""),

    // Importing a table: building the plan.
    case(Code::NoHeader, Table(&["100;Pratiche evase;10;>= 10"]), ""),
    case(Code::UnknownColumn, Table(&["PESO;INDICATORE;CONSUNTIVO;TARGET;COLORE", "100;Pratiche evase;10;>= 10;verde"]), "columns[4]"),
    case(Code::NoIndicators, Table(&[HEADER]), ""),
    case(Code::SameCodeDifferentIndicator, Table(&["CRUSCOTTO Servizi", HEADER, "100;DFP 1.3 Tempestività dei pagamenti;25;<= 30", "CRUSCOTTO Personale", "100;DFP 1.3 Tempestività dei pagamenti;25;<= 20"]), ""),
    case(Code::DerivedCode, Table(&[HEADER, "100;IS_ - Numero di pratiche evase;95;>= 90"]), ""),
    case(Code::XlsxFractions, Sheet(&[HEADER, "0.6;Pratiche evase;10;>= 10", "0.4;Tempo medio;5;>= 5"]), ""),
    case(Code::WeightsNormalised, Table(&[HEADER, "60;Pratiche evase;10;>= 10", "30;Tempo medio;5;>= 5"]), "ente.indicators"),
    case(Code::NoEnteName, Table(&[HEADER, "100;Pratiche evase;10;>= 10"]), "ente.name"),
    case(Code::NoYear, Table(&[HEADER, "100;Pratiche evase;10;>= 10"]), "ente.year"),

    // The shells.
    case(Code::BadArgument, Shell(r#"formatPercent("abc")"#, || Diagnostic::not_a_decimal("value", "abc", &Decimal::parse("abc").unwrap_err())), "value"),
    case(Code::BadScenario, Shell(r#"evaluate(plan, {"edits": []})"#, || Diagnostic::json("", Code::BadScenario, &serde_json::from_str::<Scenario>(r#"{"edits": []}"#).unwrap_err())), ""),
    case(Code::UnknownId, Shell(r#"explain(plan, "NOPE")"#, || Diagnostic::unknown_id("id", "NOPE")), "id"),
    case(Code::Internal, Shell("", || Diagnostic::internal("invalid type: unit value")), ""),
    case(Code::BadImportOptions, Shell(r#"{"nope": 1}"#, || Diagnostic::json("", Code::BadImportOptions, &serde_json::from_str::<ImportOptions>(r#"{"nope": 1}"#).unwrap_err())), ""),
];

/// What reading a case's input reports (for a shell's code, the diagnostic the shell
/// makes); `None` when this build cannot read it (a workbook without the `xlsx` feature).
/// A PDF of one page of prose (no cross-reference table: a reader rebuilds it), ending
/// in `%%EOF\n`.
pub const PROSE_PDF: &[u8] = b"%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj
4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
5 0 obj << /Length 43 >> stream
BT /F1 12 Tf 72 700 Td (Premessa) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
";

pub fn diagnostics(input: &Input) -> Option<Vec<Diagnostic>> {
    let import = |bytes: &[u8]| import_table(bytes, &ImportOptions::default()).diagnostics;
    Some(match input {
        Plan(snippet) => check_plan(&merged(snippet)).1,
        Text(text) => check_plan(text).1,
        Edit(edit) => {
            let edit: Edit = serde_json::from_str(edit).expect("an edit");
            let plan = check_plan(SMALLEST).0.expect("the smallest plan");
            scenario::apply(&plan, &[edit]).1
        }
        ShareLink(link) => scenario::decode_edits(link).err().into_iter().collect(),
        Table(lines) => import(lines.join("\n").as_bytes()),
        // Without the `pdf` feature a PDF is refused (`unreadable-pdf`), never read.
        Bytes(bytes) if semaforo_core::import::is_pdf(bytes) && !cfg!(feature = "pdf") => return None,
        Bytes(bytes) => import(bytes),
        Sheet(lines) => workbook(lines).map(|bytes| import(&bytes))?,
        Shell(_, made) => vec![made()],
    })
}

/// `snippet` merged into [`SMALLEST`].
pub fn merged(snippet: &str) -> String {
    fn merge(into: &mut Value, from: Value) {
        match (into, from) {
            (Value::Object(into), Value::Object(from)) => {
                for (key, value) in from {
                    match into.get_mut(&key) {
                        Some(slot) => merge(slot, value),
                        None => {
                            into.insert(key, value);
                        }
                    }
                }
            }
            (into, from) => *into = from,
        }
    }
    let mut plan: Value = serde_json::from_str(SMALLEST).unwrap();
    merge(&mut plan, serde_json::from_str(snippet).expect("a JSON snippet"));
    plan.to_string()
}

/// The bytes of an XLSX workbook holding `lines` on its one sheet; `None` without the
/// `xlsx` feature, which could not read it.
#[cfg(not(feature = "xlsx"))]
pub fn workbook(_lines: &[&str]) -> Option<Vec<u8>> {
    None
}

/// The bytes of an XLSX workbook holding `lines` on its one sheet, zipped here (stored,
/// no compression): no fixture, no zip library.
#[cfg(feature = "xlsx")]
pub fn workbook(lines: &[&str]) -> Option<Vec<u8>> {
    let mut sheet = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    ));
    for (r, line) in lines.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in line.split(';').enumerate() {
            let at = format!("{}{}", char::from(b'A' + c as u8), r + 1);
            let escaped = cell.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            sheet.push_str(&if cell.starts_with('#') {
                format!(r#"<c r="{at}" t="e"><v>{escaped}</v></c>"#)
            } else if cell.parse::<f64>().is_ok() {
                format!(r#"<c r="{at}"><v>{cell}</v></c>"#)
            } else {
                format!(r#"<c r="{at}" t="inlineStr"><is><t>{escaped}</t></is></c>"#)
            });
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    Some(xlsx(&sheet))
}

/// A workbook of one sheet (`sheet` is its XML), zipped here (stored, no compression): no
/// fixture, no zip library. Also used by `import_robustness.rs` for sheets it writes itself.
pub fn xlsx(sheet: &str) -> Vec<u8> {
    let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let files = [
        (
            "[Content_Types].xml",
            format!(
                r#"{xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"{xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"{xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{relationships}"><sheets><sheet name="Piano" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"{xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        ("xl/worksheets/sheet1.xml", sheet.to_string()),
    ];
    zip_stored(&files)
}

/// A ZIP archive of `files`, stored without compression.
fn zip_stored(files: &[(&str, String)]) -> Vec<u8> {
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, text) in files {
        let data = text.as_bytes();
        let offset = out.len() as u32;
        // Version needed, flags, method (stored), time, date (1980-01-01), crc, sizes,
        // name length, extra field length: the same in both headers.
        let common = |v: &mut Vec<u8>| {
            for half in [20u16, 0, 0, 0, 0x21] {
                v.extend(half.to_le_bytes());
            }
            for word in [crc32(data), data.len() as u32, data.len() as u32] {
                v.extend(word.to_le_bytes());
            }
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        common(&mut central);
        // Comment length, disk, internal attributes; external attributes; offset.
        for half in [0u16, 0, 0] {
            central.extend(half.to_le_bytes());
        }
        central.extend(0u32.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    for half in [0u16, 0, files.len() as u16, files.len() as u16] {
        out.extend(half.to_le_bytes());
    }
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(central_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The section of `docs/plan-format.md` that lists the codes: from its heading to the next
/// of the same level.
pub fn documentation() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/plan-format.md");
    let text = std::fs::read_to_string(path).expect("docs/plan-format.md");
    let start = text.find("\n## Diagnostics\n").expect("a section \"## Diagnostics\"");
    let section = &text[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    section[..end].to_string()
}
