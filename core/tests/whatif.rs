//! What-if on the seed 004 plan: scenarios, goal seek and sensitivity, checked against
//! plain evaluation.

use proptest::prelude::*;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::{apply, compare, decode_edits, encode_edits, Edit, Scenario};
use semaforo_core::whatif::{goal_seek, sensitivity, weights_in, GoalSeek, SeekValue, Unknown};
use semaforo_core::Decimal;
use semaforo_core::{evaluate, load_plan, Plan};
use std::str::FromStr;

/// Loaded per test: a plan shares its codes (`Rc`), and tests run on threads of their own.
fn tno() -> Plan {
    load_plan(include_str!("../../tests/fixtures/tno-2023.json")).expect("valid fixture")
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn score(plan: &Plan, node: &str) -> Decimal {
    evaluate(plan).node(node).and_then(|n| n.score).unwrap()
}

#[test]
fn an_empty_scenario_changes_nothing() {
    let (plan, problems) = apply(&tno(), &[]);
    assert!(problems.is_empty());
    assert_eq!(&plan, &tno());
    assert!(compare(&evaluate(&tno()), &evaluate(&plan)).is_empty());
}

#[test]
fn a_missed_target_moves_every_score_up_the_tree() {
    let edit = Edit::SetActual { indicator: "OC_TD_01".into(), actual: Some(Actual::Value(d("100"))) };
    let (plan, problems) = apply(&tno(), &[edit]);
    assert!(problems.is_empty());
    let changes = compare(&evaluate(&tno()), &evaluate(&plan));
    let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
    for id in ["ENTE", "AS_02", "OS_02.03", "OO_02.03.01", "OC_TD_01"] {
        assert!(ids.contains(&id), "{id} should change: {ids:?}");
    }
    let ente = changes.iter().find(|c| c.id == "ENTE").unwrap();
    assert!(ente.delta.unwrap() < Decimal::ZERO);
}

/// Two evaluations of differently shaped plans pair their results by id, not position:
/// the same changes whichever order the results come in.
#[test]
fn compare_pairs_results_by_id_when_the_plans_differ_in_shape() {
    let edit = Edit::SetActual { indicator: "OC_TD_01".into(), actual: Some(Actual::Value(d("100"))) };
    let (edited, _) = apply(&tno(), &[edit]);
    let aligned = compare(&evaluate(&tno()), &evaluate(&edited));
    // The same plan with its first objective moved last: every result at another place.
    let mut shuffled = tno();
    shuffled.ente.objectives.rotate_left(1);
    let before = evaluate(&shuffled);
    assert_ne!(before.nodes[1].id, evaluate(&tno()).nodes[1].id, "the order really differs");
    assert_eq!(compare(&before, &evaluate(&edited)), aligned);
}

#[test]
fn edits_naming_missing_codes_are_reported_with_their_position() {
    let edits = [
        Edit::SetIndicatorWeight { indicator: "OC_TD_01".into(), weight: d("10") },
        Edit::SetIndicatorWeight { indicator: "NOPE".into(), weight: d("10") },
        Edit::SetObjectiveWeight { objective: "OS_99".into(), weight: d("10") },
    ];
    let (_, problems) = apply(&tno(), &edits);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["edits[1].indicator", "edits[2].objective"]);
}

#[test]
fn undo_redo_and_one_edit_per_field_typed() {
    let mut scenario = Scenario::new("prova");
    let set = |v: &str| Edit::SetTarget { indicator: "OC_TD_01".into(), target: Target::AtLeast { value: d(v) } };
    scenario.push(set("3"));
    scenario.push(set("35"));
    scenario.push(set("350"));
    assert_eq!(scenario.edits, vec![set("350")], "typing in one field is one edit");
    scenario.push(Edit::Exclude { indicator: "OC_Int_01".into(), reason: "prova".into() });
    assert!(scenario.undo());
    assert_eq!(scenario.edits.len(), 1);
    assert!(scenario.redo());
    assert_eq!(scenario.edits.len(), 2);
    assert_eq!(scenario.revert(0), Some(set("350")));
    scenario.reset();
    assert!(scenario.edits.is_empty() && !scenario.undo());
}

#[test]
fn share_links_round_trip_and_damaged_ones_are_errors() {
    let edits = vec![
        Edit::SetActual { indicator: "OC_TD_01".into(), actual: None },
        Edit::SetTarget { indicator: "IO_01.01.01.05".into(), target: Target::Deadline { date: "2023-06-30".parse().unwrap() } },
    ];
    let link = encode_edits(&edits);
    assert!(link.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(decode_edits(&link).unwrap(), edits);
    assert!(decode_edits("%%%").is_err());
    assert!(decode_edits(&link[..link.len() / 2]).is_err());
}

fn distinct_field_edits() -> Vec<Edit> {
    vec![
        Edit::SetActual { indicator: "OC_TD_01".into(), actual: Some(Actual::Value(d("300"))) },
        Edit::SetTarget { indicator: "OC_TD_01".into(), target: Target::AtLeast { value: d("350") } },
        Edit::SetIndicatorWeight { indicator: "OC_Int_01".into(), weight: d("10") },
        Edit::Exclude { indicator: "A3.1_02".into(), reason: "prova".into() },
        Edit::SetObjectiveWeight { objective: "OS_02.03".into(), weight: d("30") },
        Edit::SetActual { indicator: "IO_01.01.01.05".into(), actual: Some(Actual::Date("2023-06-01".parse().unwrap())) },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn edits_of_different_fields_commute(order in Just(distinct_field_edits()).prop_shuffle()) {
        let (a, _) = apply(&tno(), &distinct_field_edits());
        let (b, _) = apply(&tno(), &order);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(evaluate(&a), evaluate(&b));
    }
}

#[test]
fn edits_of_the_same_field_do_not_commute_the_later_wins() {
    let first = Edit::SetActual { indicator: "OC_TD_01".into(), actual: Some(Actual::Value(d("300"))) };
    let second = Edit::Exclude { indicator: "OC_TD_01".into(), reason: "x".into() };
    let (a, _) = apply(&tno(), &[first.clone(), second.clone()]);
    let (b, _) = apply(&tno(), &[second, first]);
    assert_ne!(evaluate(&a).indicator("OC_TD_01").unwrap().achievement, evaluate(&b).indicator("OC_TD_01").unwrap().achievement);
}

#[test]
fn goal_seek_answers_reach_their_goal_when_fed_back() {
    let cases = [
        ("OC_TD_01", "ENTE", "99", Unknown::Actual),
        ("OC_TD_01", "OS_02.03", "95", Unknown::Actual),
        ("OC_TD_01", "OS_02.03", "95", Unknown::Target),
        ("OC_Int_01", "AS_02", "98", Unknown::Actual),
        ("IO_01.01.01.05", "OO_01.01.01", "97", Unknown::Actual),
        ("IO_01.01.01.05", "OO_01.01.01", "98", Unknown::Target),
        ("C1.1_07", "OS_03.01", "90", Unknown::Actual),
        ("A3.1_02", "OS_01.02", "100", Unknown::Actual),
    ];
    for (indicator, node, goal, unknown) in cases {
        let goal = d(goal);
        match goal_seek(&tno(), indicator, node, goal, unknown) {
            GoalSeek::Found { edit, reached, value, .. } => {
                let (plan, problems) = apply(&tno(), &[edit]);
                assert!(problems.is_empty());
                let fed_back = score(&plan, node);
                assert_eq!(fed_back, reached);
                assert!(fed_back >= sub(goal, d("0.000000001")), "{indicator} -> {node}: {fed_back} < {goal} ({value:?})");
                if matches!(value, SeekValue::Number(_)) {
                    assert!(sub(fed_back, goal).abs() < d("0.000000001"), "{indicator}: {fed_back} vs {goal}");
                } else {
                    // Whole days: at most one day's penalty above the goal.
                    assert!(sub(fed_back, goal) < Decimal::ONE, "{indicator}: {fed_back} vs {goal}");
                }
            }
            other => panic!("{indicator} -> {node} {goal}: {other:?}"),
        }
    }
}

#[test]
fn goal_seek_says_when_no_value_can_reach_the_goal() {
    match goal_seek(&tno(), "OC_TD_01", "ENTE", d("99.9"), Unknown::Actual) {
        GoalSeek::Unreachable { highest: Some(high), .. } => assert!(high < d("99.9")),
        other => panic!("{other:?}"),
    }
    // An indicator of an OO does not count in its OS, which is scored from its own.
    assert!(matches!(goal_seek(&tno(), "IO_01.01.01.05", "OS_01.01", d("99"), Unknown::Actual), GoalSeek::Unreachable { .. }));
    assert!(matches!(goal_seek(&tno(), "NOPE", "ENTE", d("99"), Unknown::Actual), GoalSeek::Unreachable { .. }));
}

#[test]
fn weights_in_the_ente_add_up_to_one() {
    let evaluation = evaluate(&tno());
    let total = Decimal::checked_sum(weights_in(&evaluation, "ENTE").into_values()).unwrap();
    assert!(sub(total, Decimal::ONE).abs() < d("0.0000000001"), "{total}");
}

#[test]
fn sensitivity_matches_a_finite_difference_computed_by_evaluation() {
    let evaluation = evaluate(&tno());
    let base = score(&tno(), "ENTE");
    let ranked = sensitivity(&tno(), &evaluation, "ENTE");
    assert!(ranked.len() > 20);
    assert!(ranked.windows(2).all(|w| w[0].per_unit.unwrap_or_default() >= w[1].per_unit.unwrap_or_default()));
    let mut checked = 0;
    for s in &ranked {
        let Some(per_unit) = s.per_unit else { continue };
        let indicator = semaforo_core::scenario::find_indicator_mut(&mut tno(), &s.indicator).cloned().unwrap();
        let slipped = match (&indicator.target, &indicator.actual) {
            (Some(Target::Deadline { .. }), Some(Actual::Date(done))) => Actual::Date(done.succ_opt().unwrap()),
            (Some(target), Some(actual)) => {
                let x = semaforo_core::score::actual_number(actual, indicator.unit).unwrap();
                let h = d("0.0001");
                match target {
                    Target::AtMost { .. } | Target::LessThan { .. } => Actual::Value(x.checked_add(h).unwrap()),
                    _ => Actual::Value(sub(x, h)),
                }
            }
            _ => continue,
        };
        let h = if matches!(slipped, Actual::Date(_)) { Decimal::ONE } else { d("0.0001") };
        let (plan, _) = apply(&tno(), &[Edit::SetActual { indicator: s.indicator.clone(), actual: Some(slipped) }]);
        let finite = sub(base, score(&plan, "ENTE")).checked_div(h).unwrap();
        let tolerance = per_unit.abs().checked_mul(d("0.001")).and_then(|t| t.checked_add(d("0.0000000001"))).unwrap();
        assert!(sub(finite, per_unit).abs() <= tolerance, "{}: analytic {per_unit}, finite {finite}", s.indicator);
        checked += 1;
    }
    assert!(checked > 20, "checked {checked}");
}

/// `a − b` in a test, where no value is near overflow.
fn sub(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).expect("test values are far from overflow")
}

#[test]
fn goal_seek_and_sensitivity_reach_an_indicator_of_the_plans_own_list_through_a_cruscotto() {
    let plan = load_plan(include_str!("../../tests/fixtures/cruscotti-condivisi-2021.json")).unwrap();
    // Weighed 20 % in CR_SERV_RI (a group of it alone): 96.78… + 2 points at 100 %.
    let GoalSeek::Found { value, edit, reached, .. } = goal_seek(&plan, "Percent_IndiceTrasp", "cruscotto/CR_SERV_RI", d("98"), Unknown::Actual) else {
        panic!("a value exists")
    };
    assert_eq!(reached, d("98"));
    let (edited, problems) = apply(&plan, &[edit]);
    assert!(problems.is_empty());
    assert_eq!(score(&edited, "cruscotto/CR_SERV_RI"), d("98"));
    let SeekValue::Number(actual) = value else { panic!() };
    assert!(actual > d("81") && actual < d("90"), "{actual}");
    // The same edit moves the other cruscotto, which weighs it the same.
    assert!(score(&edited, "cruscotto/CR_SERV_RF") > score(&plan, "cruscotto/CR_SERV_RF"));
    let ranked = sensitivity(&plan, &evaluate(&plan), "cruscotto/CR_SERV_RF");
    let shared = ranked.iter().find(|s| s.indicator == "Percent_IndiceTrasp").expect("listed");
    assert_eq!(shared.weight_in_node, d("0.2"));
}

/// A plan whose two objectives and whose indicators carry no weight: equal shares.
const EQUAL_WEIGHTS: &str = r#"{
  "version": 1,
  "ente": { "code": "ENTE", "name": "Ente", "year": 2023, "objectives": [
    { "code": "OS_1", "level": "strategic", "name": "Uno", "indicators": [
      { "code": "I1", "name": "a", "unit": "percent", "target": { "op": ">=", "value": "90" }, "actual": { "value": "45" } },
      { "code": "I2", "name": "b", "unit": "percent", "target": { "op": ">=", "value": "90" }, "actual": { "value": "90" } },
      { "code": "I3", "name": "c", "unit": "percent", "target": { "op": ">=", "value": "90" }, "actual": { "value": "90" } } ] },
    { "code": "OS_2", "level": "strategic", "name": "Due", "indicators": [
      { "code": "I4", "name": "d", "unit": "percent", "target": { "op": ">=", "value": "90" }, "actual": { "value": "90" } } ] } ] }
}"#;

#[test]
fn the_first_weight_typed_among_equal_siblings_makes_the_others_explicit_and_changes_no_score() {
    use semaforo_core::scenario::explicit_equal_weights;
    let plan = load_plan(EQUAL_WEIGHTS).expect("valid plan");
    let evaluation = evaluate(&plan);
    let fill = explicit_equal_weights(&evaluation, "I1", true);
    assert_eq!(
        fill,
        [Edit::SetIndicatorWeight { indicator: "I2".into(), weight: d("33.33") }, Edit::SetIndicatorWeight { indicator: "I3".into(), weight: d("33.33") },]
    );
    let objectives = explicit_equal_weights(&evaluation, "OS_2", false);
    assert_eq!(objectives, [Edit::SetObjectiveWeight { objective: "OS_1".into(), weight: d("50") }]);
    // The siblings made explicit and the edited one at the same share: every score stays.
    let mut edits = fill.clone();
    edits.push(Edit::SetIndicatorWeight { indicator: "I1".into(), weight: d("33.33") });
    edits.extend(objectives);
    edits.push(Edit::SetObjectiveWeight { objective: "OS_2".into(), weight: d("50") });
    let (edited, problems) = apply(&plan, &edits);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(compare(&evaluation, &evaluate(&edited)).is_empty());
    // Once explicit, nothing more to fill; an indicator alone has no sibling to fill.
    assert!(explicit_equal_weights(&evaluate(&edited), "I1", true).is_empty());
    assert!(explicit_equal_weights(&evaluation, "I4", true).is_empty());
}
