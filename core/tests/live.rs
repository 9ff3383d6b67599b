//! Live editing gives exactly what evaluating the edited plan from scratch gives, and the
//! scores that differ from the baseline, kept edit by edit (`Differences`), are those a
//! comparison of the whole plan finds.

use proptest::prelude::*;
use semaforo_core::live::Live;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::{apply, compare, Differences, Edit};
use semaforo_core::Decimal;
use semaforo_core::{evaluate, load_plan, synthetic, Plan};

fn fixture(name: &str) -> Plan {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    load_plan(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Two cruscotti and no tree: the indicators they have in common are the plan's own.
const SHARED: &str = "cruscotti-condivisi-2021.json";

fn indicator_ids(plan: &Plan) -> Vec<String> {
    evaluate(plan).indicators.iter().map(|i| i.id.to_string()).collect()
}

fn objective_ids(plan: &Plan) -> Vec<String> {
    use semaforo_core::NodeKind::*;
    evaluate(plan).nodes.iter().filter(|n| matches!(n.kind, Area | Strategic | Operational)).map(|n| n.id.to_string()).collect()
}

fn edit_strategy(indicators: Vec<String>, objectives: Vec<String>) -> impl Strategy<Value = Edit> {
    let value = (0u32..2000).prop_map(|v| Decimal::from_scaled(v, 1));
    let ind = prop::sample::select(indicators);
    let obj = prop::sample::select(objectives);
    prop_oneof![
        (ind.clone(), value.clone()).prop_map(|(i, v)| Edit::SetActual { indicator: i, actual: Some(Actual::Value(v)) }),
        (ind.clone(), 0u32..400).prop_map(|(i, days)| Edit::SetActual {
            indicator: i,
            actual: Some(Actual::Date(chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(days as u64))),
        }),
        ind.clone().prop_map(|i| Edit::SetActual { indicator: i, actual: None }),
        (ind.clone(), value.clone()).prop_map(|(i, v)| Edit::SetTarget { indicator: i, target: Target::AtMost { value: v } }),
        (ind.clone(), value.clone()).prop_map(|(i, v)| Edit::SetIndicatorWeight { indicator: i, weight: v }),
        ind.prop_map(|i| Edit::Exclude { indicator: i, reason: "prova".into() }),
        (obj, value).prop_map(|(o, v)| Edit::SetObjectiveWeight { objective: o, weight: v }),
    ]
}

fn check_live(plan: &Plan, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut live = Live::new(plan.clone());
    let baseline = evaluate(plan);
    // The scores that differ from the baseline, kept from what each edit touched, are
    // those a comparison of the whole plan finds.
    let mut differences = Differences::default();
    for (i, edit) in edits.iter().enumerate() {
        live.apply(edit).unwrap();
        differences.update(&baseline, live.evaluation(), live.touched());
        prop_assert_eq!(differences.changes(&baseline, live.evaluation()), compare(&baseline, live.evaluation()), "after edit {} {:?}", i, edit);
        let (edited, problems) = apply(plan, &edits[..=i]);
        prop_assert!(problems.is_empty());
        prop_assert_eq!(live.plan(), &edited);
        let scratch = evaluate(&edited);
        for (a, b) in live.evaluation().nodes.iter().zip(&scratch.nodes) {
            prop_assert_eq!(a, b, "after edit {} {:?}", i, edit);
        }
        prop_assert_eq!(live.evaluation(), &scratch);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn live_edits_on_seed_004_equal_a_fresh_evaluation(
        edits in prop::collection::vec(edit_strategy(indicator_ids(&fixture("tno-2023.json")), objective_ids(&fixture("tno-2023.json"))), 1..6)
    ) {
        check_live(&fixture("tno-2023.json"), &edits)?;
    }

}

/// A synthetic plan of 100 000 indicators whose objectives are scored from their
/// children: every OS weighs 500 OO, each weighs 10 indicators, whose scores have
/// 28 significant digits (sums of them must be rounded: the case where updating a sum by
/// one term could differ from adding all terms again).
fn wide_plan() -> Plan {
    let mut plan = synthetic::plan(100_000);
    plan.policy.score_from = semaforo_core::plan::ScoreFrom::Children;
    plan
}

fn large_ids(plan: &Plan) -> (Vec<String>, Vec<String>) {
    let evaluation = evaluate(plan);
    // Spread through the plan: every 997th indicator, every 101st objective.
    let indicators = evaluation.indicators.iter().step_by(997).map(|i| i.id.to_string()).collect();
    let objectives = evaluation.nodes.iter().skip(1).step_by(101).map(|n| n.id.to_string()).collect();
    (indicators, objectives)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2, ..ProptestConfig::default() })]

    #[test]
    fn live_edits_on_100_000_indicators_equal_a_fresh_evaluation(
        edits in {
            let (indicators, objectives) = large_ids(&wide_plan());
            prop::collection::vec(edit_strategy(indicators, objectives), 1..4)
        }
    ) {
        check_large(&wide_plan(), &edits)?;
    }

    #[test]
    fn live_edits_on_100_000_indicators_scored_from_their_own_equal_a_fresh_evaluation(
        edits in {
            let plan = synthetic::plan(100_000);
            let (indicators, objectives) = large_ids(&plan);
            prop::collection::vec(edit_strategy(indicators, objectives), 1..4)
        }
    ) {
        check_large(&synthetic::plan(100_000), &edits)?;
    }
}

/// As `check_live`, comparing only at the end (a fresh evaluation of 100 000 indicators
/// per edit would make the test slow) and the results written out, digit for digit.
fn check_large(plan: &Plan, edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut live = Live::new(plan.clone());
    let baseline = live.evaluation().clone();
    let mut differences = Differences::default();
    for edit in edits {
        live.apply(edit).unwrap();
        differences.update(&baseline, live.evaluation(), live.touched());
    }
    prop_assert_eq!(differences.changes(&baseline, live.evaluation()), compare(&baseline, live.evaluation()));
    prop_assert_eq!(&differences, &Differences::between(&baseline, live.evaluation()));
    let (edited, problems) = apply(plan, edits);
    prop_assert!(problems.is_empty());
    let scratch = evaluate(&edited);
    prop_assert!(live.evaluation() == &scratch, "after {:?}", edits);
    prop_assert_eq!(serde_json::to_string(live.evaluation()).unwrap(), serde_json::to_string(&scratch).unwrap());
    Ok(())
}

#[test]
fn an_edit_updates_only_the_nodes_above_it() {
    let mut live = Live::new(wide_plan());
    let oo = live.evaluation().indicators[5_000].parent.as_deref().unwrap().to_string();
    let id = live.evaluation().indicators[5_000].id.to_string();
    // OO, OS, AS, ENTE: four nodes, each updated by the change of one term (no node
    // re-reads its items), though each OS weighs 500 OO.
    live.apply(&Edit::SetActual { indicator: id.clone(), actual: Some(Actual::Value(Decimal::from(37))) }).unwrap();
    assert_eq!((live.recomputed(), live.items_read()), (4, 0), "below {oo}");
    // What the edit reports as touched, for the changed scores the app lists: the
    // indicator and the four nodes, not the plan.
    assert_eq!((live.touched().0.len(), live.touched().1), (4, &[5_000][..]));
    live.apply(&Edit::SetIndicatorWeight { indicator: id.clone(), weight: Decimal::from(3) }).unwrap();
    assert_eq!((live.recomputed(), live.items_read()), (4, 0));
    live.apply(&Edit::SetObjectiveWeight { objective: oo.clone(), weight: Decimal::from(2) }).unwrap();
    assert_eq!((live.recomputed(), live.items_read()), (3, 0));
    // Not measured: it leaves its OO's mean, which is recomputed from its 10 items; the
    // nodes above are still updated by one term.
    live.apply(&Edit::SetActual { indicator: id.clone(), actual: None }).unwrap();
    assert_eq!((live.recomputed(), live.items_read()), (4, 10));
    // Scored from their own indicators (the default), an OS does not weigh its OO.
    let mut live = Live::new(synthetic::plan(100_000));
    live.apply(&Edit::SetActual { indicator: id, actual: Some(Actual::Value(Decimal::from(37))) }).unwrap();
    assert_eq!((live.recomputed(), live.items_read()), (1, 0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn live_edits_of_the_plans_own_indicators_equal_a_fresh_evaluation(
        edits in prop::collection::vec(edit_strategy(indicator_ids(&fixture(SHARED)), vec!["CR_SERV_RI".into()]), 1..8)
    ) {
        // A dashboards-only plan has no objective to weigh: the one named is not in it,
        // and an edit of it would be refused, so the strategy's objective edits are left out.
        let edits: Vec<Edit> = edits.into_iter().filter(|e| !matches!(e, Edit::SetObjectiveWeight { .. })).collect();
        check_live(&fixture(SHARED), &edits)?;
    }

    #[test]
    fn live_edits_through_cruscotti_and_units_equal_a_fresh_evaluation(
        edits in prop::collection::vec(edit_strategy(indicator_ids(&fixture("massa-carrara-2021.json")), objective_ids(&fixture("massa-carrara-2021.json"))), 1..8)
    ) {
        check_live(&fixture("massa-carrara-2021.json"), &edits)?;
    }
}

#[test]
fn one_edit_of_a_shared_indicator_moves_every_cruscotto_that_weighs_it() {
    let plan = fixture(SHARED);
    let mut live = Live::new(plan.clone());
    let before = live.evaluation().clone();
    let edit = Edit::SetActual { indicator: "Percent_IndiceTrasp".into(), actual: Some(Actual::Value(Decimal::from(90))) };
    live.apply(&edit).unwrap();
    let score = |e: &semaforo_core::Evaluation, id: &str| e.node(id).and_then(|n| n.score).map(|s| s.round_half_up(2).to_string());
    // Each cruscotto weighs the indicator 20 % (a group of it alone): 90 % -> 100 % is +2 points.
    for (id, was, now) in [
        ("cruscotto/CR_SERV_RI", "96.78", "98.78"),
        ("cruscotto/CR_SERV_RF", "86.78", "88.78"),
        ("cruscotto/CR_SERV_RI/2.3.1", "90", "100"),
        ("unit/SERV_RF", "86.78", "88.78"),
        ("unit/AREA_ARM", "96.78", "98.78"),
    ] {
        assert_eq!(score(&before, id).as_deref(), Some(was), "{id}");
        assert_eq!(score(live.evaluation(), id).as_deref(), Some(now), "{id}");
    }
    let (edited, problems) = apply(&plan, &[edit]);
    assert!(problems.is_empty());
    assert_eq!(live.evaluation(), &evaluate(&edited));
}

#[test]
fn an_objective_weighing_an_indicator_of_the_plans_list_follows_its_edits() {
    let mut plan = fixture(SHARED);
    let mut objective = semaforo_core::plan::Objective::new("OO_T", semaforo_core::plan::Level::Operational, "Trasparenza");
    objective.shared_indicators.push(semaforo_core::plan::SharedIndicator { indicator: "Percent_IndiceTrasp".into(), weight: None });
    plan.ente.objectives.push(objective);
    let mut live = Live::new(plan.clone());
    let edits = [
        Edit::SetActual { indicator: "Percent_IndiceTrasp".into(), actual: Some(Actual::Value(Decimal::from(45))) },
        Edit::SetIndicatorWeight { indicator: "Percent_IndiceTrasp".into(), weight: Decimal::from(7) },
        Edit::SetTarget { indicator: "Percent_IndiceTrasp".into(), target: Target::AtLeast { value: Decimal::from(50) } },
    ];
    for (i, edit) in edits.iter().enumerate() {
        live.apply(edit).unwrap();
        let scratch = evaluate(&apply(&plan, &edits[..=i]).0);
        assert_eq!(live.evaluation(), &scratch, "after edit {i}");
    }
    let score = |id: &str| live.evaluation().node(id).and_then(|n| n.score).map(|s| s.normalize().to_string());
    assert_eq!(score("OO_T").as_deref(), Some("90"));
    assert_eq!(score("ENTE").as_deref(), Some("90"));
}
