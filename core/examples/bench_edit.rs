//! Benchmark: one what-if edit on a plan of 10 000 indicators, applied and re-evaluated.
//! Prints figures; run with `cargo run --release -p semaforo-core --example bench_edit`.

use semaforo_core::live::Live;
use semaforo_core::plan::Actual;
use semaforo_core::scenario::{apply, Edit};
use semaforo_core::{evaluate, synthetic};
use std::time::{Duration, Instant};

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let plan = synthetic::plan(size);
    let count = evaluate(&plan).indicators.len();
    let text = serde_json::to_string(&plan).unwrap();
    println!("plan: {count} indicators, {} KB of JSON", text.len() / 1024);
    if std::env::var("PROFILE").is_ok() {
        profile_parts(&plan);
    }

    let time = |label: &str, runs: u32, mut f: Box<dyn FnMut()>| {
        let mut samples: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        samples.sort();
        let median = samples[samples.len() / 2];
        let worst = samples[samples.len() - 1];
        println!("{label:<34} median {:>9.3} ms   worst {:>9.3} ms   ({runs} runs)", ms(median), ms(worst));
    };
    let plan_for_load = text.clone();
    time(
        "load + validate",
        10,
        Box::new(move || {
            semaforo_core::load_plan(&plan_for_load).unwrap();
        }),
    );
    let p = plan.clone();
    time(
        "evaluate",
        30,
        Box::new(move || {
            evaluate(&p);
        }),
    );
    let p = plan.clone();
    let mut n = 0u32;
    time(
        "one edit: copy, apply, evaluate all",
        30,
        Box::new(move || {
            n += 1;
            let edit = Edit::SetActual { indicator: "I009999".into(), actual: Some(Actual::Value(n.into())) };
            let (edited, _) = apply(&p, &[edit]);
            evaluate(&edited);
        }),
    );
    let mut live = Live::new(plan.clone());
    let mut n = 0u32;
    time(
        "one edit, live (what the app does)",
        200,
        Box::new(move || {
            n += 1;
            let edit = Edit::SetActual { indicator: "I009999".into(), actual: Some(Actual::Value(n.into())) };
            live.apply(&edit).unwrap();
        }),
    );
    let mut live = Live::new(plan.clone());
    let mut n = 0u32;
    time(
        "one weight edit of an OS, live",
        200,
        Box::new(move || {
            n += 1;
            let edit = Edit::SetObjectiveWeight { objective: "OS_1.2".into(), weight: (10 + n % 20).into() };
            live.apply(&edit).unwrap();
        }),
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[allow(dead_code)]
fn profile_parts(plan: &semaforo_core::Plan) {
    let mut inds = Vec::new();
    fn walk<'a>(o: &'a [semaforo_core::plan::Objective], out: &mut Vec<&'a semaforo_core::plan::Indicator>) {
        for x in o {
            out.extend(x.indicators.iter());
            walk(&x.objectives, out);
        }
    }
    walk(&plan.ente.objectives, &mut inds);
    let start = Instant::now();
    for _ in 0..10 {
        for i in &inds {
            std::hint::black_box(semaforo_core::score::score_indicator(i, &plan.policy));
        }
    }
    println!("score_indicator x{}: {:.2} ms per pass", inds.len(), ms(start.elapsed()) / 10.0);
    let start = Instant::now();
    for _ in 0..10 {
        std::hint::black_box(plan.clone());
    }
    println!("plan clone: {:.2} ms", ms(start.elapsed()) / 10.0);
}
