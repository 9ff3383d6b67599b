//! Sizes a user can ask for: `synthetic N` is bounded, and `evaluate` prints an objective
//! of a hundred thousand indicators in time linear in them.

mod common;
use common::*;
use semaforo_core::synthetic::{indicator_count, MAX_INDICATORS};
use std::time::Duration;

#[test]
fn synthetic_refuses_sizes_past_its_bound_and_names_it() {
    for size in ["18446744073709551615", "99999999999999999999999", &(MAX_INDICATORS + 1).to_string()] {
        let out = semaforo(&["synthetic", size]);
        assert_eq!(code(&out), 2, "{size}: {out:?}");
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).contains(&format!("at most {MAX_INDICATORS} indicators, found `{size}`")), "{out:?}");
    }
    for size in ["-1", "ten", ""] {
        let out = semaforo(&["synthetic", size]);
        assert_eq!(code(&out), 2, "{size}: {out:?}");
    }
    let out = semaforo(&["synthetic", "100"]);
    assert_eq!(code(&out), 0);
    let plan = semaforo_core::load_plan(&stdout(&out)).expect("a valid plan");
    assert_eq!(semaforo_core::evaluate(&plan).indicators.len(), indicator_count(100));
}

#[test]
fn synthetic_plan_never_holds_more_than_its_bound() {
    assert_eq!(indicator_count(1000), 1040, "the sizes below the bound are as they were");
    assert_eq!(indicator_count(0), 50);
    for requested in [MAX_INDICATORS - 40, MAX_INDICATORS, MAX_INDICATORS + 1, usize::MAX] {
        assert!(indicator_count(requested) <= MAX_INDICATORS, "{requested}");
    }
    assert_eq!(indicator_count(usize::MAX), MAX_INDICATORS);
}

/// One objective holding `n` indicators, each with its own weight.
fn one_objective(n: usize) -> String {
    let indicators: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"code": "I{i:06}", "name": "Indicatore {i}", "unit": "number", "weight": "{}", "target": {{"op": ">=", "value": "100"}}, "actual": {{"value": "{}"}}}}"#,
                1 + i % 3,
                50 + i % 100
            )
        })
        .collect();
    format!(
        r#"{{"version": 1, "ente": {{"code": "ENTE", "name": "Ente", "year": 2023, "objectives": [{{"code": "OO", "level": "operational", "name": "Uno", "indicators": [{}]}}]}}}}"#,
        indicators.join(",\n")
    )
}

/// Printing looked each indicator's weight up by walking its objective's items: 50 000
/// indicators took 3,9 s in a release build, 300 000 did not finish in a minute. Here a
/// debug build prints 100 000 in a few seconds; the quadratic walk took minutes.
#[test]
fn evaluate_prints_an_objective_of_100000_indicators_in_linear_time() {
    let n = 100_000;
    let path = temp_file("one-objective.json", one_objective(n));
    let out = semaforo_within(&["evaluate", path.to_str().unwrap()], Duration::from_secs(90), "one-objective");
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(temp_path("one-objective.stdout"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with('I')).collect();
    assert_eq!(rows.len(), n, "every indicator is printed once");
    for (i, row) in rows.iter().enumerate().step_by(9_973) {
        let fields: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(fields[0], format!("I{i:06}"), "in plan order: {row}");
        assert_eq!(fields[3], format!("{},00", 1 + i % 3), "with its own weight: {row}");
    }
}
