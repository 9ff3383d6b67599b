//! The command line refuses what it does not understand: an unknown option, an option of
//! another command, a language or a mapping it cannot read, a value that is missing. Each
//! is exit code 2 with a message naming it, never silently ignored.

mod common;
use common::*;

fn refused(args: &[&str]) -> String {
    let out = semaforo(args);
    assert_eq!(code(&out), 2, "{args:?} was accepted: {out:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout: {out:?}");
    stderr(&out)
}

fn plan() -> String {
    fixture("tno-2023.json").to_str().unwrap().to_string()
}

#[test]
fn a_mistyped_option_is_refused_with_a_suggestion_and_the_valid_options() {
    let message = refused(&["evaluate", &plan(), "--jsno"]);
    assert!(message.contains("unknown option `--jsno`; did you mean `--json`?"), "{message}");
    assert!(message.contains("--json, --explain, --lang it|en"), "{message}");
    let message = refused(&["--explian", "evaluate", &plan()]);
    assert!(message.contains("did you mean `--explain`?"), "{message}");
    let message = refused(&["evaluate", &plan(), "--verbose"]);
    assert!(message.contains("unknown option `--verbose`") && !message.contains("did you mean"), "{message}");
    let message = refused(&["evalute", &plan()]);
    assert!(message.contains("unknown command `evalute`; did you mean `evaluate`?"), "{message}");
}

#[test]
fn an_unknown_language_is_refused() {
    let message = refused(&["evaluate", &plan(), "--lang", "xx"]);
    assert!(message.contains("unknown language `xx` for `--lang`; one of it, en"), "{message}");
    for lang in ["it", "en"] {
        assert_eq!(code(&semaforo(&["evaluate", &plan(), "--lang", lang])), 0);
    }
    assert_eq!(code(&semaforo(&["evaluate", &plan(), "--lang=en"])), 0);
}

#[test]
fn a_missing_value_is_refused() {
    assert!(refused(&["evaluate", &plan(), "--lang"]).contains("`--lang` needs a value: --lang it|en"));
    assert!(refused(&["evaluate", &plan(), "--lang", "--json"]).contains("`--lang` needs a value"));
    let table = fixture("tables/cruscotto-promozione.tsv");
    let table = table.to_str().unwrap();
    assert!(refused(&["import", table, "--map"]).contains("`--map` needs a value: --map COL=FIELD"));
    assert!(refused(&["import", table, "--map", "3"]).contains("--map 3: expected COL=FIELD"));
    assert!(refused(&["import", table, "--year"]).contains("`--year` needs a value"));
    assert!(refused(&["evaluate"]).contains("`evaluate` needs PLAN"));
}

#[test]
fn an_option_of_another_command_is_refused() {
    let message = refused(&["check", &plan(), "--json"]);
    assert!(message.contains("`--json` is an option of `evaluate`, `audit`, not of `check`"), "{message}");
    assert!(message.contains("options of `check`: --lang it|en"), "{message}");
    let table = fixture("tables/cruscotto-promozione.tsv");
    let message = refused(&["import", table.to_str().unwrap(), "--explain"]);
    assert!(message.contains("`--explain` is an option of `evaluate`, not of `import`"), "{message}");
    assert!(message.contains("options of `import`: --format"), "{message}");
    assert!(refused(&["synthetic", "10", "--lang", "en"]).contains("`--lang` is an option of `check`, `evaluate`, `audit`, `import`, not of `synthetic`"));
    assert!(refused(&["evaluate", &plan(), "--report"]).contains("`--report` is an option of `import`"));
    assert!(refused(&["synthetic", "10", "--json"]).contains("`--json` is an option of `evaluate`"));
    assert!(refused(&["schema", "extra"]).contains("unexpected argument `extra`"));
}

#[test]
fn import_map_column_zero_is_refused_not_read_as_column_one() {
    let table = fixture("tables/cruscotto-promozione.tsv");
    let table = table.to_str().unwrap();
    for spec in ["0=weight", "0=", "=weight", "-1=weight", "x=weight"] {
        let message = refused(&["import", table, &format!("--map={spec}")]);
        assert!(message.contains("COL is a column number, 1 for the first"), "{spec}: {message}");
    }
    assert!(refused(&["import", table, "--map", "1="]).contains("FIELD is missing; one of group, area,"));
    assert!(refused(&["import", table, "--map", "1=pesso"]).contains("unknown field `pesso`"));
    assert!(refused(&["import", table, "--format", "xslx"]).contains("did you mean `xlsx`?"));
}

#[test]
fn help_is_on_stdout_with_exit_code_zero_and_no_arguments_is_an_error() {
    for args in [&["--help"][..], &["-h"], &["help"], &["evaluate", "--help"]] {
        let out = semaforo(args);
        assert_eq!(code(&out), 0, "{args:?}");
        assert!(stdout(&out).contains("semaforo evaluate PLAN --json"), "{args:?}");
    }
    let out = semaforo(&[]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("Usage:"));
}

#[test]
fn arguments_after_a_double_dash_are_operands() {
    let dir = temp_path("dash");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(fixture("tno-2023.json"), dir.join("--plan.json")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_semaforo")).current_dir(&dir).args(["evaluate", "--json", "--", "--plan.json"]).output().unwrap();
    assert_eq!(code(&out), 0, "{out:?}");
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_an_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_semaforo")).arg("check").arg(std::ffi::OsStr::from_bytes(b"plan-\xff.json")).output().unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("argument 2 is not UTF-8 text"), "{out:?}");
}
