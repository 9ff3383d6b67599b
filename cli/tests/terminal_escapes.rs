//! Plan text never drives the terminal: an ESC, a CR, a backspace, a C1 control or a bidi
//! override in a name, a code, a message, a cell or a path is printed as an escape
//! (`\x1b`, `\r`, `\u{202e}`), by `evaluate`, `check` and `import` alike; inside
//! `--json` it stays the same string to a JSON reader, with no raw control in the bytes.

mod common;
use common::*;

/// Characters that act on a terminal or on the direction of what follows.
const RAW: &[char] = &['\x1b', '\r', '\x08', '\x07', '\u{9b}', '\u{202e}', '\u{2066}', '\x7f'];

fn assert_no_raw_controls(what: &str, text: &str) {
    for line in text.lines() {
        if let Some(c) = line.chars().find(|c| RAW.contains(c) || (c.is_control() && *c != '\t')) {
            panic!("{what}: raw {c:?} in {line:?}");
        }
    }
}

/// A plan that validates, its text full of controls (as JSON escapes in the file).
const PLAN: &str = r#"{"version": 1, "ente": {"code": "ENTE", "name": "Ente \u001b]0;pwned\u0007 sintetico", "year": 2023, "objectives": [
  {"code": "OO\r01", "level": "operational", "name": "Obiettivo \u202eodaicnunnA\u202c", "indicators": [
    {"code": "I\b1", "name": "Tempo \u009b2J medio", "unit": "number", "weight": "60", "target": {"op": ">=", "value": "10"}, "actual": {"value": "8"}},
    {"code": "I2", "name": "Rilevazione\u2066", "unit": "number", "weight": "50", "target": {"op": ">=", "value": "10"},
     "actual": {"not_evaluable": {"reason": "\u001b[31mcause esogene\u007f"}}}
  ]}]}}"#;

#[test]
fn evaluate_escapes_plan_text_in_the_table_and_its_explanations() {
    let path = temp_file("controls.json", PLAN);
    let out = semaforo(&["evaluate", path.to_str().unwrap(), "--explain"]);
    assert_eq!(code(&out), 0, "{out:?}");
    let text = stdout(&out);
    assert_no_raw_controls("evaluate", &text);
    assert_no_raw_controls("evaluate's warnings", &stderr(&out));
    for escaped in [
        r"Ente \x1b]0;pwned\x07 sintetico",
        r"OO\r01",
        r"Obiettivo \u{202e}odaicnunnA\u{202c}",
        r"I\x081",
        r"Tempo \u{9b}2J medio",
        r"Rilevazione\u{2066}",
        r"\x1b[31mcause esogene\x7f",
    ] {
        assert!(text.contains(escaped), "missing {escaped} in:\n{text}");
    }
    assert!(stderr(&out).contains("weights-not-100"), "the warning of the plan is shown: {out:?}");
}

#[test]
fn evaluate_json_keeps_the_strings_and_writes_no_raw_control() {
    let path = temp_file("controls-json.json", PLAN);
    let out = semaforo(&["evaluate", path.to_str().unwrap(), "--json"]);
    assert_eq!(code(&out), 0, "{out:?}");
    let text = stdout(&out);
    assert_no_raw_controls("evaluate --json", &text);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["nodes"][0]["name"], "Ente \u{1b}]0;pwned\u{7} sintetico");
    assert!(json["nodes"].as_array().unwrap().iter().any(|n| n["name"] == "Obiettivo \u{202e}odaicnunnA\u{202c}"));
    assert!(json["indicators"].as_array().unwrap().iter().any(|i| i["name"] == "Tempo \u{9b}2J medio"));
}

#[test]
fn check_escapes_codes_messages_and_paths() {
    let broken = r#"{"version": 1, "ente": {"code": "ENTE", "name": "x", "year": 2023, "C1colour": 1, "objectives": [
      {"code": "A", "level": "area", "name": "a", "indicators": [
        {"code": "I\u001b[2J", "name": "i", "unit": "number", "weight": "50", "target": {"op": ">=", "value": "1"}, "actual": {"value": "1"}},
        {"code": "I\u001b[2J", "name": "j", "unit": "number", "weight": "50", "target": {"op": ">=", "value": "1"}, "actual": {"value": "1"}}
      ]}]}}"#
        // Raw in the file: JSON needs only C0 controls escaped.
        .replace("C1", "\u{9b}");
    let path = temp_file("broken\x1b[2J\u{202e}.json", broken);
    let out = semaforo(&["check", path.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{out:?}");
    let text = stdout(&out);
    assert_no_raw_controls("check", &text);
    assert!(text.contains(r"broken\x1b[2J\u{202e}.json: "), "the path is escaped:\n{text}");
    assert!(text.contains(r"I\x1b[2J"), "the duplicate code is escaped:\n{text}");
    // A key that is not a plain name is written as JSON in brackets, so dots in it are not steps.
    assert!(text.contains(r#"ente["\u{9b}colour"]: campo `\u{9b}colour` sconosciuto"#), "the unknown field is escaped:\n{text}");
    // The file name reaches stderr too, when the file cannot be read.
    let missing = semaforo(&["check", "missing\r\x1b[1A.json"]);
    assert_eq!(code(&missing), 2);
    assert_no_raw_controls("check's error", &stderr(&missing));
    assert!(stderr(&missing).contains(r"missing\r\x1b[1A.json: cannot read the file"));
}

#[test]
fn import_escapes_cells_headings_and_diagnostics() {
    let table = "PESO\tINDICATORE\tALGORITMO\tCONSUNTIVO\tTARGET\x1b[7m\n\
                 50,00%\tImprese \u{202e}raggiunte\tN. imprese\t1.200 N.\talmeno\x1b[2J settanta\r\n\
                 50,00%\tSondaggi\tN.\t5\t>= 5\n";
    let path = temp_file("controls.tsv", table);
    let out = semaforo(&["import", path.to_str().unwrap(), "--ente", "Ente\x1b[5m"]);
    assert!(code(&out) <= 1, "{out:?}");
    let report = stderr(&out);
    assert_no_raw_controls("import", &report);
    assert!(report.contains(r"almeno\x1b[2J settanta"), "the cell is escaped:\n{report}");
    assert!(report.contains(r"TARGET\x1b[7m"), "the heading is escaped:\n{report}");
    assert_no_raw_controls("import's plan", &stdout(&out));
    let refused = semaforo(&["import", path.to_str().unwrap(), "--map", "1=\x1b[2Jweight"]);
    assert_eq!(code(&refused), 2);
    assert_no_raw_controls("import's argument error", &stderr(&refused));
    assert!(stderr(&refused).contains(r"unknown field `\x1b[2jweight`"), "{refused:?}");
}

#[test]
fn an_unknown_option_with_controls_is_escaped_in_the_message() {
    let out = semaforo(&["evaluate", "p.json", "--x\x1b]0;t\x07"]);
    assert_eq!(code(&out), 2);
    assert_no_raw_controls("argument error", &stderr(&out));
    assert!(stderr(&out).contains(r"unknown option `--x\x1b]0;t\x07`"), "{out:?}");
}

#[test]
fn audit_escapes_plan_text_in_its_lines_and_its_csv_keeping_only_the_rows_crlf() {
    // The weights sum to 110: a finding that names `OO\r01`.
    let path = temp_file("controls-audit.json", PLAN);
    let out = semaforo(&["audit", path.to_str().unwrap()]);
    let text = stdout(&out);
    assert_no_raw_controls("audit", &text);
    assert!(text.contains(r"`OO\r01`"), "{text}");
    let csv = stdout(&semaforo(&["audit", path.to_str().unwrap(), "--csv"]));
    for row in csv.split("\r\n") {
        assert_no_raw_controls("audit --csv", row);
    }
    assert!(csv.contains(r"`OO\r01`") && csv.ends_with("\r\n"), "{csv}");
}
