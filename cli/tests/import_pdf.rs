//! `semaforo import report.pdf`: the report's tables listed with their pages, the chosen
//! ones imported to a plan whose computed figures are the published ones (seed 004's
//! sections 3.1-3.3, made a PDF by LibreOffice: tests/fixtures/pdf/), pages and tables
//! chosen, and bad PDFs told as such, with the exit codes of the other imports.

mod common;
use common::{fixture, semaforo, temp_path};

fn pdf(name: &str) -> String {
    fixture(&format!("pdf/{name}")).to_string_lossy().into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_report_pdf_imports_to_a_plan_that_gives_its_published_figures() {
    let out = semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--year", "2023", "--ente", "CCIAA Toscana Nord-Ovest"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // The tables imported, with their pages, on stderr; the benchmark of 3.3 is not one.
    assert!(stderr.contains("tabella 1: pagine 2–9") && stderr.contains("tabella 2: pagine 9–"), "{stderr}");
    assert!(!stderr.contains("tabella 3"), "{stderr}");
    assert!(stderr.contains("197 indicatori importati, 0 righe con errori"), "{stderr}");
    let plan = temp_path("tno-relazione.json");
    std::fs::write(&plan, &out.stdout).unwrap();
    let evaluated = semaforo(&["evaluate", plan.to_str().unwrap()]);
    let tree = text(&evaluated.stdout);
    // The ente as computed from the PDF's rows, and as the PDF prints it.
    let ente = tree.lines().find(|l| l.starts_with("ENTE")).unwrap_or_default();
    assert!(ente.contains("CCIAA Toscana Nord-Ovest") && ente.contains("98,96 %"), "{tree}");
    let line = |code: &str| tree.lines().find(|l| l.trim_start().starts_with(code)).unwrap_or_default().to_string();
    assert!(line("OS 01.02").contains("99,28 %"), "{tree}");
    assert!(line("OO_03.04.02").contains("100,00 %"), "{tree}");
}

#[test]
fn tables_and_pages_can_be_listed_and_chosen() {
    let listed = semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--list-tables"]);
    assert_eq!(listed.status.code(), Some(0));
    let lines: Vec<String> = text(&listed.stdout).lines().map(String::from).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].starts_with("tabella 1: pagine 2–9") && lines[0].contains("intestazione: Indicatore | Algoritmo"), "{lines:?}");
    assert!(lines[2].starts_with("tabella 3: pagina 29") && lines[2].contains("nessuna intestazione"), "{lines:?}");
    let english = text(&semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--list-tables", "--lang", "en"]).stdout);
    assert!(english.starts_with("table 1: pages 2–9"), "{english}");
    // The first table alone: the ente, ambiti and strategic objectives.
    let first = semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--tables", "1", "--year", "2023"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(text(&first.stderr).contains("31 indicatori importati"), "{}", text(&first.stderr));
    // The benchmark table alone is no plan; a page of prose has no table.
    let benchmark = semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--tables", "3"]);
    assert_eq!(benchmark.status.code(), Some(1));
    let prose = semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--pages", "1"]);
    assert_eq!(prose.status.code(), Some(1));
    assert!(text(&prose.stderr).contains("no-pdf-tables"), "{}", text(&prose.stderr));
    // Options that cannot be used: exit 2, saying what was expected.
    let bad = semaforo(&["import", &pdf("tno-2023-relazione.pdf"), "--pages", "9-3"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("expected FIRST-LAST"), "{}", text(&bad.stderr));
    let table = fixture("tables/cruscotto-promozione.tsv");
    let not_pdf = semaforo(&["import", table.to_str().unwrap(), "--tables", "1"]);
    assert_eq!(not_pdf.status.code(), Some(2));
}

#[test]
fn bad_pdfs_are_told_as_such_in_either_language() {
    for (name, code, it, en) in [
        ("bad-encrypted.pdf", "encrypted-pdf", "protetto da password", "protected by a password"),
        ("bad-scanned.pdf", "scanned-pdf", "senza OCR", "without OCR"),
        ("bad-truncated.pdf", "unreadable-pdf", "troncato", "truncated"),
        ("bad-zip.pdf", "unreadable-pdf", "archivio ZIP", "ZIP archive"),
        ("bad-damaged.pdf", "unreadable-pdf", "danneggiato", "damaged"),
    ] {
        let out = semaforo(&["import", &pdf(name)]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}");
        assert!(stderr.contains(&format!("error[{code}]")) && stderr.contains(it), "{name}: {stderr}");
        let english = text(&semaforo(&["import", &pdf(name), "--lang", "en"]).stderr);
        assert!(english.contains(en), "{name}: {english}");
    }
}
