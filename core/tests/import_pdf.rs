//! PDF import (`import::pdf`) on real PDFs from real producers (`tests/fixtures/pdf/`,
//! made by `make_pdfs.py` with LibreOffice and Chromium from the seeds' tables): the
//! tables found, with their pages; the plans they import to, whose computed figures are
//! checked against the figures the seeds publish (the golden fixtures `tno-2023.json`
//! and `maremma-tirreno-2023.json`, within 0,01, DOMAIN.md rule 8); and the bad PDFs,
//! each with its code and message.
#![cfg(feature = "pdf")]

use semaforo_core::import::pdf::{import_pdf, list_tables, PageRange, PdfImport};
use semaforo_core::import::{import_table, ImportOptions};
use semaforo_core::{evaluate, load_plan, Code, Decimal, Evaluation, Lang};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn pdf(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join("pdf").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn year() -> ImportOptions {
    ImportOptions { year: Some(2023), ..Default::default() }
}

/// Codes compared without spaces, `_` or case: `OS 01.01` is `OS_01.01`.
fn key(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace() && *c != '_').collect::<String>().to_uppercase()
}

/// Every published figure of an evaluation, by folded id: (published, computed).
fn figures(evaluation: &Evaluation) -> BTreeMap<String, (Decimal, Option<Decimal>)> {
    let mut out = BTreeMap::new();
    for n in &evaluation.nodes {
        if let Some(p) = n.published.as_deref().and_then(|p| p.score) {
            out.insert(key(&n.id), (p, n.score));
        }
    }
    for i in &evaluation.indicators {
        if let Some(p) = i.published.as_deref().and_then(|p| p.score) {
            out.insert(key(&i.id), (p, i.achievement));
        }
    }
    out
}

fn golden(name: &str) -> Evaluation {
    let text = std::fs::read_to_string(fixtures().join(name)).unwrap();
    evaluate(&load_plan(&text).unwrap_or_else(|d| panic!("{name}: {d:?}")))
}

fn close(a: Decimal, b: Decimal) -> bool {
    a.checked_sub(b).is_some_and(|d| d.abs() <= Decimal::from_str("0.01").unwrap())
}

fn plan_of(imported: &PdfImport) -> Evaluation {
    let plan = imported.report.plan.clone().unwrap_or_else(|| {
        let d: Vec<String> = imported.report.diagnostics.iter().map(|d| d.to_string()).collect();
        panic!("no plan: {}", d.join("\n"))
    });
    evaluate(&plan)
}

/// How many of the golden fixture's published figures the imported plan computes (within
/// 0,01), and the ones it computes differently or lacks: the figures the PDF prints (its
/// own published ones) are the ones checked, those the golden fixture itself reproduces
/// (a figure the seed's own inputs do not give, as OO_02.04.01's under the body's SMVP,
/// is the audit's to report, not the importer's to match).
fn reproduced(imported: &Evaluation, golden: &Evaluation) -> (usize, Vec<String>) {
    let golden = figures(golden);
    let mut agree = 0;
    let mut failures = Vec::new();
    for (id, (printed, computed)) in figures(imported) {
        let Some((published, own)) = golden.get(&id) else {
            failures.push(format!("{id}: printed {printed} in the PDF, not in the golden fixture"));
            continue;
        };
        if !own.is_some_and(|own| close(own, *published)) {
            continue;
        }
        match computed {
            Some(c) if close(c, *published) => agree += 1,
            other => failures.push(format!("{id}: golden {published}, computed {other:?}")),
        }
    }
    (agree, failures)
}

#[test]
fn seed_004_sections_3_1_to_3_3_are_three_tables_spanning_pages() {
    let listed = list_tables(&pdf("tno-2023-relazione.pdf"), None);
    assert!(listed.diagnostics.is_empty(), "{:?}", listed.diagnostics);
    // Page 1 is prose: the premise. Section 3.1 starts on page 2, 3.2 on the page where
    // 3.1 ends, after a paragraph; 3.3 is prose and the OIV's benchmark table, one page.
    let pages: Vec<(usize, usize)> = listed.tables.iter().map(|t| (t.pages[0], *t.pages.last().unwrap())).collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert_eq!(pages[0].0, 2);
    assert!(pages[0].1 > 5 && pages[1].0 == pages[0].1 && pages[1].1 > pages[1].0 + 10, "{pages:?}");
    assert!(pages[2].0 >= pages[1].1, "{pages:?}");
    assert!(listed.tables.iter().all(|t| t.columns == 5 && t.ruled));
    // The benchmark's heading names no plan column: not a plan table, not chosen by default.
    assert!(listed.tables[0].header.is_some() && listed.tables[1].header.is_some());
    assert!(listed.tables[2].header.is_none());
}

/// The acceptance of issue 14: the PDF of sections 3.1-3.3, imported as it comes (the
/// tables with a heading row), gives every figure the golden fixture reproduces: the
/// ente, 3 ambiti, 16 strategic and 33 operational objectives.
#[test]
fn seed_004_sections_3_1_to_3_3_reproduce_the_golden_fixture() {
    let imported = import_pdf(&pdf("tno-2023-relazione.pdf"), None, None, &year());
    assert_eq!(imported.chosen, [0, 1]);
    let evaluation = plan_of(&imported);
    let (agree, failures) = reproduced(&evaluation, &golden("tno-2023.json"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(agree, 1 + 3 + 16 + 33);
    assert_eq!(imported.report.indicators(), 197);
    assert!(imported.report.diagnostics.iter().all(|d| d.severity != semaforo_core::Severity::Error), "{:?}", imported.report.diagnostics);
}

#[test]
fn seed_004_section_3_1_reproduces_the_ente_the_ambiti_and_the_strategic_objectives() {
    let imported = import_pdf(&pdf("tno-2023-relazione.pdf"), None, Some(&[0]), &year());
    let (agree, failures) = reproduced(&plan_of(&imported), &golden("tno-2023.json"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The ente, 3 ambiti, 16 strategic objectives: every figure section 3.1 prints.
    assert_eq!(agree, 1 + 3 + 16);
}

#[test]
fn seed_004_section_3_2_reproduces_its_operational_objectives() {
    let imported = import_pdf(&pdf("tno-2023-relazione.pdf"), None, Some(&[1]), &year());
    let evaluation = plan_of(&imported);
    let (agree, failures) = reproduced(&evaluation, &golden("tno-2023.json"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every operational objective section 3.2 prints with a figure the golden fixture
    // reproduces, and their 166 indicators.
    assert_eq!(agree, 33);
    assert_eq!(imported.report.indicators(), 197 - 31);
}

#[test]
fn seed_004_section_3_2_printed_by_chromium_reads_the_same() {
    // (Its first part, OS_01.01 to OS_01.04: 15 operational objectives, 57 indicators.)
    let imported = import_pdf(&pdf("tno-2023-operativi-chromium.pdf"), None, None, &year());
    let (agree, failures) = reproduced(&plan_of(&imported), &golden("tno-2023.json"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(agree, 15);
    assert_eq!(imported.report.indicators(), 57);
}

#[test]
fn seed_002_reproduces_its_182_reproducible_figures() {
    let bytes = pdf("maremma-tirreno-2023.pdf");
    let listed = list_tables(&bytes, None);
    assert_eq!(listed.tables.len(), 1, "one table over every page after the title");
    assert_eq!(listed.tables[0].header.as_ref().map(Vec::len), Some(12));
    let imported = import_pdf(&bytes, None, None, &ImportOptions::default());
    let evaluation = plan_of(&imported);
    let golden = golden("maremma-tirreno-2023.json");
    let published = figures(&golden);
    let mine = figures(&evaluation);
    // The golden test's count: 83 operational objectives and 101 indicators, of which 182
    // reproduce (two are recorded as not reproducible from what the seed prints).
    let agree = published.iter().filter(|(id, (p, _))| mine.get(*id).and_then(|(_, c)| *c).is_some_and(|c| close(c, *p))).count();
    let missed: Vec<&String> = published.keys().filter(|id| !mine.get(*id).and_then(|(_, c)| *c).is_some_and(|c| close(c, published[*id].0))).collect();
    // Rows LibreOffice breaks across a page (07.01.2-5, 08.01.2, 10.03.2, 13.02.1) are
    // joined again; 13.02 and 13.02.1 are the seed's own discrepancies.
    assert_eq!(agree, 182, "not reproduced: {missed:?}");
    assert_eq!(missed, ["13.02", "13.02.1"]);
}

#[test]
fn the_heading_repeated_on_every_page_is_read_once() {
    let listed = list_tables(&pdf("maremma-tirreno-2023.pdf"), None);
    let imported = import_pdf(&pdf("maremma-tirreno-2023.pdf"), None, None, &ImportOptions::default());
    assert!(listed.tables[0].pages.len() > 20);
    let headers = imported.report.rows.iter().filter(|r| r.cells.first().is_some_and(|c| c == "GRUPPO")).count();
    assert_eq!(headers, 1);
}

#[test]
fn pages_can_be_chosen() {
    let bytes = pdf("tno-2023-relazione.pdf");
    let listed = list_tables(&bytes, PageRange::parse("1-1"));
    assert!(listed.tables.is_empty());
    assert_eq!(listed.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), [Code::NoPdfTables]);
    let last = list_tables(&bytes, None).tables[1].pages.clone();
    let range = PageRange { first: last[1], last: *last.last().unwrap() };
    let listed = list_tables(&bytes, Some(range));
    assert_eq!(listed.tables.len(), 1);
    assert_eq!(listed.tables[0].pages[0], range.first);
}

#[test]
fn a_table_without_rules_is_read_from_its_text() {
    let imported = import_pdf(&pdf("cruscotto-promozione-chromium.pdf"), None, None, &year());
    assert!(!imported.tables.tables.iter().any(|t| t.ruled));
    assert!(imported.report.indicators() >= 4, "{:#?}", imported.report.rows);
}

#[test]
fn import_table_reads_a_pdf_too() {
    let report = import_table(&pdf("tno-2023-relazione.pdf"), &year());
    assert!(report.plan.is_some() || report.indicators() > 0);
}

/// Each bad PDF: its code, and its message in both languages.
#[test]
fn bad_pdfs_say_what_is_wrong() {
    let cases: [(&str, Code, &str, &str); 5] = [
        ("bad-truncated.pdf", Code::UnreadablePdf, "il PDF è troncato", "the PDF is truncated"),
        ("bad-encrypted.pdf", Code::EncryptedPdf, "protetto da password", "protected by a password"),
        (
            "bad-scanned.pdf",
            Code::ScannedPdf,
            "questo PDF contiene immagini del testo, non testo: Semaforo non può leggerlo senza OCR",
            "this PDF holds images of text, not text: Semaforo cannot read it without OCR",
        ),
        ("bad-damaged.pdf", Code::UnreadablePdf, "il PDF è danneggiato", "the PDF is damaged"),
        ("bad-zip.pdf", Code::UnreadablePdf, "archivio ZIP", "ZIP archive"),
    ];
    let mut failures = Vec::new();
    for (name, code, it, en) in cases {
        let imported = import_pdf(&pdf(name), None, None, &ImportOptions::default());
        let d = &imported.report.diagnostics;
        match d.first() {
            Some(first) if first.code == code && first.message(Lang::It).contains(it) && first.message(Lang::En).contains(en) => {}
            _ => failures.push(format!("{name}: {:?}", d.iter().map(|d| d.message(Lang::En)).collect::<Vec<_>>())),
        }
        assert!(imported.report.plan.is_none());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every prefix of a real PDF, and the PDF with bytes flipped, reads without a panic (the
/// fuzz target does this at random; here a few deterministic cuts).
#[test]
fn cut_and_damaged_pdfs_never_panic() {
    let bytes = pdf("cruscotto-promozione-chromium.pdf");
    for cut in (0..bytes.len()).step_by(bytes.len() / 23 + 1) {
        let _ = list_tables(&bytes[..cut], None);
    }
    for at in (100..bytes.len()).step_by(bytes.len() / 17 + 1) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5a;
        let _ = import_pdf(&flipped, None, None, &ImportOptions::default());
    }
}
