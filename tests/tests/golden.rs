//! Golden tests: every figure the seed documents published, recomputed from the
//! fixtures' inputs, within 0,01 percentage points.
//!
//! A figure that cannot be reproduced from what its document shows carries a
//! `discrepancy` in the fixture; the test expects exactly those to disagree (so a stale
//! note fails too) and prints them.

use semaforo_core::format::percent;
use semaforo_tests::{comparisons, load};

/// Checks every published figure of a fixture; returns how many were checked.
fn check_published(name: &str) -> usize {
    let (_, evaluation) = load(name);
    let all = comparisons(&evaluation);
    let mut failures = Vec::new();
    for c in &all {
        let computed = c.computed.map_or("none".to_string(), |v| percent(v, 4));
        match (&c.discrepancy, c.agrees()) {
            (None, false) => {
                failures.push(format!("{}: published {} ({:?}), computed {computed} ({:?})", c.id, c.published, c.published_verdict, c.computed_verdict))
            }
            (Some(reason), true) => failures.push(format!("{}: recorded as not reproducible ({reason}) but it agrees: remove the note", c.id)),
            (Some(reason), false) => {
                println!("{name}: {} not reproduced (published {}, computed {computed}): {reason}", c.id, c.published)
            }
            (None, true) => {}
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
    all.len()
}

#[test]
fn tno_2023_reproduces_every_published_figure() {
    let checked = check_published("tno-2023.json");
    println!("tno-2023.json: {checked} published figures checked");
    // The ente, 3 ambiti, 16 OS, the 34 OO that print a score, 25 organisational units.
    assert_eq!(checked, 1 + 3 + 16 + 34 + 25, "a published figure was lost from the fixture");
}

#[test]
fn maremma_tirreno_2023_reproduces_every_published_figure() {
    let checked = check_published("maremma-tirreno-2023.json");
    println!("maremma-tirreno-2023.json: {checked} published figures checked");
    // 83 operational objectives and 101 indicators.
    assert_eq!(checked, 83 + 101, "a published figure was lost from the fixture");
}

#[test]
fn tno_2023_headline_figures() {
    let (_, evaluation) = load("tno-2023.json");
    let shown = |id: &str| percent(evaluation.node(id).and_then(|n| n.score).expect(id), 2);
    assert_eq!(shown("ENTE"), "98,96 %");
    assert_eq!(shown("AS_01"), "99,88 %");
    assert_eq!(shown("AS_02"), "97,01 %");
    assert_eq!(shown("AS_03"), "100,00 %");
    assert_eq!(shown("OS_02.03"), "90,13 %");
    assert_eq!(shown("OO_01.01.01"), "97,33 %");
    assert_eq!(shown("OO_01.04.02"), "100,00 %");
    let verdict = |id: &str| evaluation.node(id).and_then(|n| n.verdict).expect(id);
    assert_eq!(verdict("OS_02.03"), semaforo_core::plan::Verdict::Raggiunto);
}

#[test]
fn plans_without_actuals_load_and_score_nothing() {
    for name in ["massa-carrara-2021.json", "massa-carrara-2020.json"] {
        let (plan, evaluation) = load(name);
        assert!(evaluation.indicators.iter().all(|i| i.achievement.is_none()), "{name}");
        assert!(!evaluation.indicators.is_empty(), "{name} has indicators");
        assert!(!plan.ente.objectives.is_empty(), "{name} has objectives");
    }
}
