//! `semaforo audit`: the findings as lines, JSON or CSV, in either language, and the exit
//! code (1 when a finding is an error, 0 otherwise, 2 for a command line that cannot be
//! used).

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name).to_string_lossy().into_owned()
}

fn semaforo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_semaforo")).args(args).output().expect("semaforo runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn audit_lists_every_finding_located_with_why_it_matters_and_fails_on_errors() {
    let path = fixture("tno-2023.json");
    let out = semaforo(&["audit", &path]);
    assert_eq!(out.status.code(), Some(1), "seed 004 has a published score its inputs do not give");
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(first.contains("error[published-differs] ente.objectives[0].objectives[4].objectives[0].published.score (sezione 3.2, riga 968)"), "{first}");
    assert!(first.contains("pesi che sommano a 101"), "{first}");
    let why = text.lines().nth(1).unwrap();
    assert!(why.starts_with("    il punteggio validato"), "{why}");
    assert!(text.contains("warning[code-defined-twice]") && text.contains("(sezione 3.2, riga 1229)"));
    assert!(text.contains("notice[implied-actual]") && text.contains("`A3.1_02` un consuntivo da 24,6425 fino a 24,6475 escluso"));
    assert!(text.trim_end().ends_with("1 errore, 30 avvisi, 4 note"), "{text}");
    let english = stdout(&semaforo(&["audit", &path, "--lang", "en"]));
    assert!(english.contains("(section 3.2, line 968): the document publishes 99.13 % for `OO_01.05.02`"), "{english}");
    assert!(english.trim_end().ends_with("1 error, 30 warnings, 4 notices"));
}

#[test]
fn audit_without_errors_exits_0_and_says_so() {
    let out = semaforo(&["audit", &fixture("massa-carrara-2021.json")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).ends_with("massa-carrara-2021.json: nessun problema trovato\n"), "{}", stdout(&out));
    let warnings_only = semaforo(&["audit", &fixture("massa-carrara-2020.json"), "--lang", "en"]);
    assert_eq!(warnings_only.status.code(), Some(0), "warnings do not fail the audit");
}

#[test]
fn audit_json_has_the_data_and_the_texts_in_the_language_asked() {
    let out = semaforo(&["audit", &fixture("maremma-tirreno-2023.json"), "--json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json.as_array().unwrap();
    assert_eq!(findings.len(), 5);
    let over = findings.iter().find(|f| f["location"]["id"] == "09.05.1").unwrap();
    assert_eq!(over["code"], "percent-over-100");
    assert_eq!(over["severity"], "warning");
    assert_eq!(over["location"]["line"], 113);
    assert_eq!(over["params"]["actual"], "800");
    assert!(over["message"].as_str().unwrap().contains("cannot exceed 100 %"));
    assert!(over["why"].as_str().unwrap().contains("typing error"));
}

#[test]
fn audit_csv_is_one_row_per_finding_after_the_headings() {
    let out = semaforo(&["audit", &fixture("maremma-tirreno-2023.json"), "--csv"]);
    let text = stdout(&out);
    let rows: Vec<&str> = text.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 6, "{text}");
    assert!(rows[0].starts_with("gravità,codice,id,codice nel piano,percorso JSON,sezione,riga,problema,"));
    assert!(rows[1].starts_with("errore,published-differs,13.02,13.02,"), "{}", rows[1]);
}

#[test]
fn audit_refuses_json_and_csv_together_and_a_plan_that_does_not_load() {
    let both = semaforo(&["audit", &fixture("tno-2023.json"), "--json", "--csv"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("`--json` and `--csv` cannot be given together"));
    let dir = std::env::temp_dir().join(format!("semaforo-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, r#"{"version": 1, "ente": {"code": "ENTE", "name": "x", "year": "2023"}}"#).unwrap();
    let out = semaforo(&["audit", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[wrong-shape] ente.year"));
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(dir);
}
