//! `semaforo import --settings FILE`: the import's settings (an `ImportOptions` as JSON)
//! read from a file, the command line's options over them, `--save-settings` writing what
//! was used, and `--row N=ROLE` correcting how a row is read. A settings file that cannot
//! be used is exit code 2 with its name, line, column and JSON path.

mod common;
use common::*;
use std::path::PathBuf;

/// Three cruscotti; the second one's heading (row 9, `Affari generali e legali - Maria
/// Rossi … 96,40 %`) carries no word that says it is one.
fn table() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/e2e/fixtures/cruscotto-non-riconosciuto.tsv").to_str().unwrap().to_string()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn refused(args: &[&str]) -> String {
    let out = semaforo(args);
    assert_eq!(code(&out), 2, "{args:?} was accepted: {out:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout: {out:?}");
    stderr(&out)
}

#[test]
fn saved_settings_reimport_the_same_plan_as_the_options_they_came_from() {
    let saved = temp_path("saved.impostazioni.json");
    let saved = saved.to_str().unwrap();
    let by_options = semaforo(&[
        "import",
        &table(),
        "--ente",
        "CCIAA di Prova",
        "--year",
        "2024",
        "--map",
        "7=achievement",
        "--row",
        "9=cruscotto",
        "--save-settings",
        saved,
    ]);
    assert_eq!(code(&by_options), 0, "{by_options:?}");
    let settings = json(&std::fs::read_to_string(saved).unwrap());
    assert_eq!(
        settings,
        serde_json::json!({
            "format": null,
            "mapping": [[6, "achievement"]],
            "ente_name": "CCIAA di Prova",
            "year": 2024,
            "rows": [{"row": 9, "role": "cruscotto"}]
        }),
        "an ImportOptions: 0-based columns, 1-based rows"
    );
    let by_file = semaforo(&["import", &table(), "--settings", saved]);
    assert_eq!(code(&by_file), 0, "{by_file:?}");
    assert_eq!(stdout(&by_file), stdout(&by_options), "the same plan");
    assert_eq!(json(&stdout(&by_file))["ente"]["name"], "CCIAA di Prova");
    assert_eq!(json(&stdout(&by_file))["ente"]["year"], 2024);
}

#[test]
fn the_command_line_overrides_and_extends_the_settings_file() {
    let file = temp_file(
        "override.json",
        r#"{"ente_name": "Dal file", "year": 2022, "mapping": [[6, "achievement"], [2, "ignore"]], "rows": [{"row": 9, "role": "cruscotto"}, {"row": 1, "role": "title"}]}"#,
    );
    let saved = temp_path("override-saved.json");
    let out = semaforo(&[
        "import",
        &table(),
        "--settings",
        file.to_str().unwrap(),
        "--year",
        "2023",
        "--map",
        "3=description",
        "--map",
        "7=auto",
        "--map",
        "5=actual",
        "--row",
        "9=total",
        "--row",
        "1=auto",
        "--row",
        "3=cruscotto",
        "--save-settings",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{out:?}");
    let settings = json(&std::fs::read_to_string(&saved).unwrap());
    assert_eq!(settings["ente_name"], "Dal file", "kept from the file");
    assert_eq!(settings["year"], 2023, "overridden");
    assert_eq!(settings["mapping"], serde_json::json!([[2, "description"], [4, "actual"]]), "replaced, dropped (auto), added");
    assert_eq!(settings["rows"], serde_json::json!([{"row": 9, "role": "total"}, {"row": 3, "role": "cruscotto"}]));
    assert_eq!(json(&stdout(&out))["ente"]["year"], 2023);
}

#[test]
fn a_settings_file_that_is_not_settings_is_refused_with_its_line_and_json_path() {
    let cases = [
        ("not-json.json", "{\n  \"rows\": [\n    {\"row\": 9, \"role\": \"cruscotto\"},\n  ]\n}\n", ":4:3: not import settings: rows: trailing comma"),
        (
            "unknown-field.json",
            "{\n  \"mapping\": [],\n  \"colonne\": [3]\n}",
            ":3:11: not import settings: colonne: unknown field `colonne`, expected one of `format`, `mapping`, `ente_name`, `year`, `rows`",
        ),
        (
            "bad-role.json",
            "{\"rows\": [{\"row\": 9, \"role\": \"cruscoto\"}]}",
            ":1:39: not import settings: rows[0].role: unknown variant `cruscoto`, expected one of `header`, `title`",
        ),
        ("bad-column.json", "{\"mapping\": [[\"3\", \"target\"]]}", ":1:17: not import settings: mapping[0][0]: invalid type: string \"3\", expected usize"),
        ("no-role.json", "{\"rows\": [{\"row\": 9}]}", ": not import settings: rows[0]: missing field `role`"),
        ("plan.json", "{\"version\": 1, \"ente\": {}}", ":1:10: not import settings: version: unknown field `version`"),
        ("empty.json", "", ":1:0: not import settings: EOF while parsing a value"),
        (
            "twice.json",
            "{\"rows\": [{\"row\": 9, \"role\": \"total\"}, {\"row\": 9, \"role\": \"title\"}]}",
            ": rows[1]: row 9 is corrected to title here and to total at rows[0]",
        ),
        ("row-zero.json", "{\"rows\": [{\"row\": 0, \"role\": \"total\"}]}", ": rows[0].row: rows are numbered from 1, as in the file"),
        (
            "column-twice.json",
            "{\"mapping\": [[2, \"target\"], [2, \"actual\"]]}",
            ": mapping[1]: column 2 (0-based) is mapped to actual here and to target at mapping[0]",
        ),
    ];
    for (name, text, expected) in cases {
        let file = temp_file(name, text);
        let file = file.to_str().unwrap();
        let message = refused(&["import", &table(), "--settings", file]);
        assert!(message.starts_with(&format!("semaforo import: {file}")), "{name}: {message}");
        assert!(message.contains(expected), "{name}: expected {expected:?} in:\n{message}");
        assert!(message.contains("the JSON that `--save-settings` writes"), "{name}: {message}");
        assert!(!message.contains("usage:"), "{name}: the file is the problem, not the command line: {message}");
    }
    let missing = temp_path("no-such-settings.json");
    let message = refused(&["import", &table(), "--settings", missing.to_str().unwrap()]);
    assert!(message.contains("no-such-settings.json: cannot read the settings"), "{message}");
}

#[test]
fn a_row_correction_names_a_row_and_a_role_among_the_choices() {
    let message = refused(&["import", &table(), "--row", "9=cruscoto"]);
    assert!(message.contains("--row 9=cruscoto: unknown role `cruscoto`; did you mean `cruscotto`?"), "{message}");
    assert!(message.contains("one of header, title, perspective, area, strategic, operational, cruscotto, indicator, total, continuation, ignore, or auto"));
    assert!(message.contains("usage: semaforo import TABLE"), "{message}");
    assert!(refused(&["import", &table(), "--row", "0=total"]).contains("ROW is a row (line) of the file, 1 for the first"));
    assert!(refused(&["import", &table(), "--row", "9"]).contains("expected ROW=ROLE"));
    assert!(refused(&["import", &table(), "--row"]).contains("`--row` needs a value: --row ROW=ROLE"));
    assert!(refused(&["import", &table(), "--row", "9=total", "--row", "9=title"]).contains("row 9 is already corrected to total"));
    assert!(refused(&["import", &table(), "--settings", "a.json", "--settings", "b.json"]).contains("`--settings` given twice"));
}

#[test]
fn a_correction_of_a_row_the_table_does_not_have_is_reported() {
    let out = semaforo(&["import", &table(), "--row", "40=total", "--lang", "en"]);
    assert_eq!(code(&out), 0, "{out:?}");
    let message = stderr(&out);
    assert!(message.contains("cruscotto-non-riconosciuto.tsv:40: no such row (or an empty one): the correction to total was not used"), "{message}");
    let italian = stderr(&semaforo(&["import", &table(), "--row", "40=total"]));
    assert!(
        italian.contains("cruscotto-non-riconosciuto.tsv:40: la tabella non ha questa riga (o la riga è vuota): la correzione in “totale” non è stata usata"),
        "{italian}"
    );
}

#[test]
fn settings_that_cannot_be_written_are_an_error_before_anything_is_imported() {
    let dir = temp_path("no-such-dir");
    let target = dir.join("settings.json");
    let out = semaforo(&["import", &table(), "--save-settings", target.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{out:?}");
    assert!(stderr(&out).contains("cannot write the settings"), "{out:?}");
    assert!(out.stdout.is_empty());
}

#[test]
fn help_lists_the_import_options() {
    let help = stdout(&semaforo(&["--help"]));
    for text in ["--settings FILE", "--save-settings FILE", "--row ROW=ROLE", "continuation, ignore", "COL=auto"] {
        assert!(help.contains(text), "{text}: {help}");
    }
    assert!(help.lines().all(|l| l.chars().count() <= 110), "{help}");
}

/// What a correction does is the core's (`ImportOptions::rows`): row 9 read as a cruscotto
/// heading opens a cruscotto of its own, with its two indicators and its published total,
/// instead of being an error row whose indicators join the cruscotto above.
#[test]
fn a_row_corrected_to_a_cruscotto_heading_becomes_one() {
    let misread = json(&stdout(&semaforo(&["import", &table(), "--report"])));
    let row9 = misread["rows"].as_array().unwrap().iter().find(|r| r["row"] == 9).unwrap().clone();
    assert_eq!(row9["kind"], "error", "without the correction, row 9 is misread: {row9}");
    assert_eq!(misread["plan"]["cruscotti"].as_array().unwrap().len(), 2);
    let out = semaforo(&["import", &table(), "--row", "9=cruscotto", "--report"]);
    assert_eq!(code(&out), 0, "{out:?}");
    let report = json(&stdout(&out));
    let row = report["rows"].as_array().unwrap().iter().find(|r| r["row"] == 9).unwrap().clone();
    assert_eq!(row["role"], "cruscotto");
    assert_eq!(row["corrected"], true);
    assert!(stderr(&out).contains("0 righe con errori"), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 riga letta come corretta"), "{}", stderr(&out));
    // The report's texts in the language asked for, its codes and parameters the same.
    assert_eq!(report["diagnostics"][0]["code"], "no-ente-name");
    assert!(report["diagnostics"][0]["message"].as_str().unwrap().starts_with("la tabella non indica"), "{}", report["diagnostics"][0]);
    let english = json(&stdout(&semaforo(&["import", &table(), "--row", "9=cruscotto", "--report", "--lang", "en"])));
    assert!(english["diagnostics"][0]["message"].as_str().unwrap().starts_with("the table does not name"), "{}", english["diagnostics"][0]);
    let note = |report: &serde_json::Value| report["rows"].as_array().unwrap().iter().find_map(|r| r.get("note").cloned()).unwrap();
    assert_eq!(note(&report)["kind"], note(&english)["kind"]);
    assert_ne!(note(&report)["text"], note(&english)["text"]);
    let plan = semaforo(&["import", &table(), "--row", "9=cruscotto"]);
    let path = temp_file("corrected.plan.json", &plan.stdout);
    let evaluation = json(&stdout(&semaforo(&["evaluate", path.to_str().unwrap(), "--json"])));
    let cruscotti: Vec<(String, String)> = evaluation["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["id"].as_str().unwrap().starts_with("cruscotto/"))
        .map(|n| (n["name"].as_str().unwrap().to_string(), n["score"].as_str().unwrap_or("").to_string()))
        .collect();
    assert_eq!(cruscotti.len(), 3, "{cruscotti:?}");
    assert!(cruscotti[1].0.contains("Affari generali e legali"), "{cruscotti:?}");
    assert!(cruscotti[1].1.starts_with("96.4"), "{cruscotti:?}");
}
