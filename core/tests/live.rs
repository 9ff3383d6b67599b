//! Live editing gives exactly what evaluating the edited plan from scratch gives.

use proptest::prelude::*;
use semaforo_core::Decimal;
use semaforo_core::live::Live;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::{apply, Edit};
use semaforo_core::{evaluate, load_plan, Plan};

fn fixture(name: &str) -> Plan {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    load_plan(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn indicator_ids(plan: &Plan) -> Vec<String> {
    evaluate(plan).indicators.iter().map(|i| i.id.clone()).collect()
}

fn objective_ids(plan: &Plan) -> Vec<String> {
    use semaforo_core::NodeKind::*;
    evaluate(plan)
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, Area | Strategic | Operational))
        .map(|n| n.id.clone())
        .collect()
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
    for (i, edit) in edits.iter().enumerate() {
        live.apply(edit).unwrap();
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

    #[test]
    fn live_edits_through_cruscotti_and_units_equal_a_fresh_evaluation(
        edits in prop::collection::vec(edit_strategy(indicator_ids(&fixture("massa-carrara-2021.json")), objective_ids(&fixture("massa-carrara-2021.json"))), 1..8)
    ) {
        check_live(&fixture("massa-carrara-2021.json"), &edits)?;
    }
}
