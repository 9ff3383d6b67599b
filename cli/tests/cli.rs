//! The command line as a user runs it: exit codes, the table, the JSON results.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name)
}

fn semaforo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_semaforo")).args(args).output().expect("semaforo runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn evaluate_prints_the_tree_with_italian_figures() {
    let out = semaforo(&["evaluate", fixture("tno-2023.json").to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    let line = |code: &str| text.lines().find(|l| l.trim_start().starts_with(code)).unwrap_or_else(|| panic!("{code}")).to_string();
    assert!(line("ENTE").contains("98,96 %"), "{}", line("ENTE"));
    assert!(line("AS_02").contains("97,01 %"));
    assert!(line("OS_02.03").contains("90,13 %") && line("OS_02.03").contains("Raggiunto"));
}

#[test]
fn evaluate_shows_where_the_document_prints_another_figure_and_why() {
    let out = semaforo(&["evaluate", fixture("maremma-tirreno-2023.json").to_str().unwrap()]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.trim_start().starts_with("13.02 ")).expect("objective 13.02");
    assert!(lines[at].contains("0,00 %"), "{}", lines[at]);
    assert!(lines[at + 1].trim_start().starts_with("≠ il documento pubblica 100,00 %: "), "{}", lines[at + 1]);
    // Figures that agree within 0,01 (DOMAIN.md, rule 8) get no note.
    let notes = lines.iter().filter(|l| l.contains('≠')).count();
    assert_eq!(notes, 2, "13.02 and its indicator only:\n{text}");
    let english = stdout(&semaforo(&["evaluate", fixture("maremma-tirreno-2023.json").to_str().unwrap(), "--lang", "en"]));
    assert!(english.contains("≠ the document publishes 100.00 %"));
}

#[test]
fn evaluate_explains_every_number_and_speaks_english() {
    let path = fixture("tno-2023.json");
    let out = semaforo(&["evaluate", path.to_str().unwrap(), "--explain"]);
    let text = stdout(&out);
    assert!(text.contains("242 N. / 400 N. = 60,50 %"), "the OC_TD_01 ratio");
    assert!(text.contains("26 giorni dopo il 31/05/2023: 100 − 26 × 1 = 74,00 %"));
    let english = stdout(&semaforo(&["evaluate", path.to_str().unwrap(), "--explain", "--lang", "en"]));
    assert!(english.contains("98.96 %") && english.contains("Reached"));
}

#[test]
fn evaluate_json_gives_every_node_with_exact_decimal_strings() {
    let out = semaforo(&["evaluate", fixture("tno-2023.json").to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nodes = json["nodes"].as_array().unwrap();
    let ente = nodes.iter().find(|n| n["code"] == "ENTE").unwrap();
    let score = ente["score"].as_str().expect("a decimal string");
    assert!(score.starts_with("98.962629"), "{score}");
    assert_eq!(ente["verdict"], "raggiunto");
    let indicators = json["indicators"].as_array().unwrap();
    let oc = indicators.iter().find(|i| i["code"] == "OC_TD_01").unwrap();
    assert_eq!(oc["achievement"], "60.5");
}

#[test]
fn check_lists_every_problem_with_its_path_and_fails() {
    let dir = std::env::temp_dir().join(format!("semaforo-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(
        &broken,
        r#"{"version": 1, "ente": {"code": "ENTE", "name": "x", "year": 2023, "objectives": [
            {"code": "A", "level": "area", "name": "a", "colour": "red", "indicators": [
              {"code": "I", "name": "i", "unit": "number", "weight": "-1", "target": {"op": ">=", "value": "1"}, "actual": {"value": true}},
              {"code": "I", "name": "j", "unit": "date", "weight": "2", "target": {"op": "by", "date": "2023-01-01"}, "actual": {"value": "3"}}
            ]}]}}"#,
    )
    .unwrap();
    let out = semaforo(&["check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for expected in [
        "ente.objectives[0].colour",
        "ente.objectives[0].indicators[0].actual.value",
        "ente.objectives[0].indicators[0].weight",
        "ente.objectives[0].indicators[1].code",
        "ente.objectives[0].indicators[1].actual",
    ] {
        assert!(text.contains(expected), "missing {expected} in:\n{text}");
    }
    // Italian by default, English with `--lang en`: the same lines, codes and paths.
    assert!(text.contains("error[negative-weight] ente.objectives[0].indicators[0].weight: un peso non può essere negativo; trovato -1"), "{text}");
    assert!(text.contains(": 5 errori, 0 avvisi"), "{text}");
    let english = stdout(&semaforo(&["check", broken.to_str().unwrap(), "--lang", "en"]));
    assert!(english.contains("error[negative-weight] ente.objectives[0].indicators[0].weight: a weight cannot be negative, found -1"), "{english}");
    assert!(english.contains(": 5 errors, 0 warnings"), "{english}");
    assert_eq!(english.lines().count(), text.lines().count());
    let good = semaforo(&["check", fixture("tno-2023.json").to_str().unwrap()]);
    assert_eq!(good.status.code(), Some(0));
    let missing = semaforo(&["check", dir.join("nope.json").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let out = semaforo(&["schema"]);
    let committed = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/plan.schema.json")).unwrap();
    assert_eq!(stdout(&out), committed, "run `cargo run -p semaforo-cli -- schema > docs/plan.schema.json`");
}

/// A plan that evaluates with warnings: weights that do not sum to 100, an N.V. with no
/// reason.
const PLAN_WITH_WARNINGS: &str = r#"{"version": 1, "ente": {"code": "ENTE", "name": "x", "year": 2023, "objectives": [
  {"code": "OO", "level": "operational", "name": "o", "indicators": [
    {"code": "I1", "name": "i", "unit": "number", "weight": "30", "target": {"op": ">=", "value": "10"}, "actual": {"value": "8"}},
    {"code": "I2", "name": "j", "unit": "number", "weight": "30", "target": {"op": ">=", "value": "10"}, "actual": {"not_evaluable": {"reason": " "}}}
  ]}]}}"#;

fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("semaforo-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn evaluate_shows_the_plans_warnings_on_stderr_as_check_does() {
    let path = temp_file("warnings.json", PLAN_WITH_WARNINGS);
    let path = path.to_str().unwrap();
    let check = semaforo(&["check", path]);
    assert_eq!(check.status.code(), Some(0));
    let warnings: Vec<String> = stdout(&check).lines().filter(|l| l.contains(": warning[")).map(String::from).collect();
    assert!(warnings.len() >= 2, "{warnings:?}");
    let out = semaforo(&["evaluate", path]);
    assert_eq!(out.status.code(), Some(0));
    let shown = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(shown.lines().collect::<Vec<_>>(), warnings, "the same lines as check: path, code and message");
    assert!(shown.contains("warning[weights-not-100] ente.objectives[0].indicators"), "{shown}");
    assert!(stdout(&out).contains("OO"), "and the table");
}

#[test]
fn evaluate_json_lists_the_diagnostics_beside_the_results() {
    let path = temp_file("warnings-json.json", PLAN_WITH_WARNINGS);
    let out = semaforo(&["evaluate", path.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    for key in ["nodes", "indicators", "diagnostics"] {
        assert!(keys.contains(&key), "{keys:?}");
    }
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let weights = diagnostics.iter().find(|d| d["code"] == "weights-not-100").expect("the weights warning");
    assert_eq!(weights["severity"], "warning");
    assert_eq!(weights["path"], "ente.objectives[0].indicators");
    // The code and its parameters for programs, the message for people (Italian unless
    // `--lang en`).
    assert_eq!(weights["params"], serde_json::json!({"siblings": "indicators", "sum": "60"}));
    assert!(weights["message"].as_str().unwrap().contains("sommano a 60, non a 100"), "{weights}");
    let english = semaforo(&["evaluate", path.to_str().unwrap(), "--json", "--lang", "en"]);
    let english: serde_json::Value = serde_json::from_slice(&english.stdout).unwrap();
    let weights_en = english["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "weights-not-100").unwrap();
    assert!(weights_en["message"].as_str().unwrap().contains("sum to 60, not 100"), "{weights_en}");
    assert_eq!(weights_en["params"], weights["params"]);
    // A plan with nothing to say still has the field, empty.
    let clean = PLAN_WITH_WARNINGS.replace(r#""weight": "30""#, r#""weight": "50""#).replace(r#"" ""#, r#""cause esogene""#);
    let clean = temp_file("clean.json", clean);
    let clean = semaforo(&["evaluate", clean.to_str().unwrap(), "--json"]);
    let clean: serde_json::Value = serde_json::from_slice(&clean.stdout).unwrap();
    assert_eq!(clean["diagnostics"], serde_json::json!([]));
    assert!(clean["nodes"].is_array() && clean["indicators"].is_array());
}

#[test]
fn a_plan_that_is_not_utf8_is_refused_with_its_byte_offset() {
    let mut bytes = br#"{"version": 1, "ente": {"code": "ENTE", "name": "Qualit"#.to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xe0 della vita\", \"year\": 2023, \"objectives\": []}}");
    let path = temp_file("latin1.json", &bytes);
    for command in ["check", "evaluate"] {
        let out = semaforo(&[command, path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let message = String::from_utf8(out.stderr).unwrap();
        assert!(message.contains(path.to_str().unwrap()), "{message}");
        assert!(message.contains(&format!("not UTF-8: invalid byte (0xE0) at byte offset {offset} (line 1)")), "{message}");
    }
    let utf16 = temp_file("utf16.json", b"\xff\xfe{\x00}\x00");
    let message = String::from_utf8(semaforo(&["check", utf16.to_str().unwrap()]).stderr).unwrap();
    assert!(message.contains("byte offset 0") && message.contains("UTF-16"), "{message}");
}

#[test]
fn a_closed_pipe_is_not_an_error_and_a_failed_write_is() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for args in [&["synthetic", "200000"][..], &["evaluate", fixture("tno-2023.json").to_str().unwrap()]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_semaforo")).args(args).stdout(Stdio::piped()).spawn().unwrap();
        let mut start = [0u8; 8];
        child.stdout.take().unwrap().read_exact(&mut start).unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(0), "{args:?}: like `| head`");
    }
    if std::path::Path::new("/dev/full").exists() {
        for args in [&["synthetic", "10"][..], &["check", fixture("tno-2023.json").to_str().unwrap()], &["--help"]] {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
            let out = Command::new(env!("CARGO_BIN_EXE_semaforo")).args(args).stdout(full).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}: a full disk is not a result");
            assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write the output"), "{out:?}");
        }
    }
}
