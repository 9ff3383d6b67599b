//! Writes the seed files of the committed corpora that the repository does not already
//! hold as files (the fixtures themselves are read in place, see README.md):
//!
//! - `corpus/plan/seed-*`: small plans cut out of the fixtures (one ambito or one
//!   strategic objective each, with and without units and cruscotti), a small synthetic
//!   plan, the plan of `core/tests/robustness.rs`, and a few of them followed by NUL and
//!   an edit script;
//! - `corpus/share_link/seed-*`: share links made by the core's own `encode_edits`, and
//!   the JSON inside each.
//!
//! Run from anywhere, on stable: `cargo run --manifest-path core/fuzz/Cargo.toml --example seeds`.
//! (The `xlsx` seed, `corpus/xlsx/seed-cruscotto-promozione`, is the sheet and styles
//! XML of `tests/fixtures/tables/cruscotto-promozione.xlsx`; see README.md.)

use chrono::NaiveDate;
use rust_decimal::Decimal;
use semaforo_core::plan::{Actual, Objective, Plan, Target};
use semaforo_core::scenario::{encode_edits, Edit};
use semaforo_core::{evaluate, load_plan};
use std::path::{Path, PathBuf};

const MAX_SEED: usize = 16 * 1024;

fn main() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = fuzz.join("../..");
    let plans = fuzz.join("corpus/plan");
    let links = fuzz.join("corpus/share_link");
    for dir in [&plans, &links] {
        std::fs::create_dir_all(dir).unwrap();
    }

    let mut seen = std::collections::HashSet::new();
    let mut written = 0;
    let mut write = |dir: &PathBuf, name: String, bytes: &[u8]| {
        std::fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
        written += 1;
    };

    // Plans cut out of the fixtures.
    for name in ["tno-2023", "maremma-tirreno-2023", "massa-carrara-2020", "massa-carrara-2021"] {
        let text = std::fs::read_to_string(repo.join(format!("tests/fixtures/{name}.json"))).unwrap();
        let plan = load_plan(&text).expect("a fixture loads");
        let mut kept = 0;
        for (i, cut) in cuts(&plan).into_iter().enumerate() {
            let json = serde_json::to_string(&cut).unwrap();
            if json.len() <= MAX_SEED && load_plan(&json).is_ok() && kept < 6 && seen.insert(json.clone()) {
                kept += 1;
                write(&plans, format!("{name}-{i}.json"), json.as_bytes());
            }
        }
    }
    let synthetic = serde_json::to_string(&semaforo_core::synthetic::plan(20)).unwrap();
    write(&plans, "synthetic-20.json".into(), synthetic.as_bytes());
    let robustness = std::fs::read_to_string(repo.join("core/tests/robustness.rs")).unwrap();
    let start = robustness.find("const PLAN: &str = r#\"").unwrap() + "const PLAN: &str = r#\"".len();
    let end = start + robustness[start..].find("\"#;").unwrap();
    let small = &robustness[start..end];
    assert!(load_plan(small).is_ok());
    write(&plans, "robustness.json".into(), small.as_bytes());
    // The same plan with edit scripts after a NUL (see Script in src/lib.rs).
    for (i, script) in [
        &[0u8, 0, 0, 0, 1, 5][..],
        &[1, 3, 0, 1, 2, 40, 1][..],
        &[5, 1, 0, 4, 0, 0, 0],
        &[6, 0, 0, 6, 2, 0],
        &[2, 2, 0, 2, 9, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0],
    ]
    .into_iter()
    .enumerate()
    {
        let mut bytes = small.as_bytes().to_vec();
        bytes.push(0);
        bytes.extend_from_slice(script);
        write(&plans, format!("robustness-script-{i}"), &bytes);
    }

    // Share links.
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    let tno = load_plan(&std::fs::read_to_string(repo.join("tests/fixtures/tno-2023.json")).unwrap()).unwrap();
    let massa = load_plan(&std::fs::read_to_string(repo.join("tests/fixtures/massa-carrara-2021.json")).unwrap()).unwrap();
    let cruscotto_indicator = evaluate(&massa).indicators.iter().map(|i| i.id.clone()).find(|id| id.starts_with("cruscotto/"));
    let first_indicator = evaluate(&tno).indicators[0].id.clone();
    let mut lists: Vec<Vec<Edit>> = vec![
        vec![],
        // As in core/tests/whatif.rs.
        vec![
            Edit::SetActual { indicator: "OC_TD_01".into(), actual: None },
            Edit::SetTarget { indicator: "IO_01.01.01.05".into(), target: Target::Deadline { date: day("2023-06-30") } },
        ],
        vec![
            Edit::SetActual { indicator: "OC_TD_01".into(), actual: Some(Actual::Value(d("300"))) },
            Edit::SetTarget { indicator: "OC_TD_01".into(), target: Target::AtLeast { value: d("350") } },
            Edit::SetIndicatorWeight { indicator: "OC_Int_01".into(), weight: d("10") },
            Edit::Exclude { indicator: "A3.1_02".into(), reason: "prova".into() },
            Edit::SetObjectiveWeight { objective: "OS_02.03".into(), weight: d("30") },
            Edit::SetActual { indicator: "IO_01.01.01.05".into(), actual: Some(Actual::Date(day("2023-06-01"))) },
        ],
        vec![Edit::SetActual { indicator: first_indicator.clone(), actual: Some(Actual::Ratio { numerator: d("46"), denominator: d("0") }) }],
        vec![Edit::SetTarget { indicator: first_indicator.clone(), target: Target::Equal { value: d("0.0000000001") } }],
        vec![Edit::SetIndicatorWeight { indicator: first_indicator.clone(), weight: Decimal::MAX }],
        vec![Edit::SetActual { indicator: first_indicator, actual: Some(Actual::NotAvailable { reason: Some("n/d".into()) }) }],
        vec![Edit::SetObjectiveWeight { objective: "NOPE".into(), weight: d("-1") }],
    ];
    if let Some(id) = cruscotto_indicator {
        lists.push(vec![
            Edit::SetActual { indicator: id.clone(), actual: Some(Actual::Flag(true)) },
            Edit::SetTarget { indicator: id, target: Target::LessThan { value: d("5") } },
        ]);
    }
    for (i, edits) in lists.iter().enumerate() {
        write(&links, format!("{i}"), encode_edits(edits).as_bytes());
        // The JSON inside the link, which the target also takes (see share_link).
        write(&links, format!("{i}.json"), &serde_json::to_vec(edits).unwrap());
    }
    eprintln!("wrote {written} seed files");
}

/// Smaller plans: each ambito alone, each strategic objective alone (under its ambito),
/// each with the plan's units and cruscotti and without them, without source references.
fn cuts(plan: &Plan) -> Vec<Plan> {
    let mut trees: Vec<Vec<Objective>> = Vec::new();
    for area in &plan.ente.objectives {
        trees.push(vec![area.clone()]);
        for strategic in &area.objectives {
            let mut only = area.clone();
            only.objectives = vec![strategic.clone()];
            trees.push(vec![only]);
        }
    }
    let mut out = Vec::new();
    for tree in trees {
        let mut with = plan.clone();
        with.ente.objectives = tree;
        with.ente.indicators.clear();
        with.ente.source = None;
        with.sources.clear();
        strip_sources(&mut with.ente.objectives);
        let mut without = with.clone();
        without.units.clear();
        without.cruscotti.clear();
        strip_units(&mut without.ente.objectives);
        out.push(with);
        out.push(without);
    }
    out
}

/// Source references make a plan long and reach nothing the fuzzer should mutate.
fn strip_sources(objectives: &mut [Objective]) {
    for objective in objectives {
        objective.source = None;
        for indicator in &mut objective.indicators {
            indicator.source = None;
        }
        strip_sources(&mut objective.objectives);
    }
}

fn strip_units(objectives: &mut [Objective]) {
    for objective in objectives {
        objective.units.clear();
        strip_units(&mut objective.objectives);
    }
}
