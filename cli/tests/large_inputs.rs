//! Sizes a user can ask for: `synthetic N` is bounded.

mod common;
use common::*;
use semaforo_core::synthetic::{indicator_count, MAX_INDICATORS};

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
