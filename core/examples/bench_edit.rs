//! Benchmark: load, evaluation and live edits on a synthetic plan (default 10 000
//! indicators), natively. One edit is timed on 50 indicators spread through the plan
//! (median of 5 edits each), and the median and worst of those are printed, for the
//! default plan and for one whose objectives are scored from their children (each OS
//! then weighs a tenth of the OO). The last line is for `scripts/bench` to read.
//!     cargo run --release -p semaforo-core --example bench_edit -- [N]

use semaforo_core::live::Live;
use semaforo_core::plan::{Actual, Indicator, Objective, Policy, ScoreFrom};
use semaforo_core::scenario::Edit;
use semaforo_core::score::score_indicator;
use semaforo_core::{evaluate, synthetic, Decimal, Plan};
use std::time::{Duration, Instant};

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let plan = synthetic::plan(size);
    let count = synthetic::indicator_count(size);
    let text = serde_json::to_string(&plan).unwrap_or_default();
    println!("plan: {count} indicators, {} KB of JSON", text.len() / 1024);
    // Fewer runs on larger plans: about two seconds of each.
    let runs = (2_000_000 / count.max(1)).clamp(3, 30) as u32;

    let load = median_of(runs, || {
        std::hint::black_box(semaforo_core::load_plan(&text).is_ok());
    });
    println!("{:<44} median {:>10.3} ms   ({runs} runs)", "load (parse + validate)", ms(load));
    let eval = median_of(runs, || {
        std::hint::black_box(evaluate(&plan));
    });
    println!("{:<44} median {:>10.3} ms   ({runs} runs)", "evaluate", ms(eval));
    // What evaluation cannot go below with these decimals: every indicator scored and
    // every objective's weighted mean summed and divided, with no result kept.
    let arithmetic = median_of(runs, || {
        std::hint::black_box(arithmetic_alone(&plan.ente.objectives, &plan.ente.indicators, ScoreFrom::Both, &plan.policy));
    });
    // The same ente score, or the floor would be of some other sum.
    let ente = evaluate(&plan).nodes.first().and_then(|n| n.score).map(|s| s.round_half_up(8));
    let same = arithmetic_alone(&plan.ente.objectives, &plan.ente.indicators, ScoreFrom::Both, &plan.policy).map(|s| s.round_half_up(8)) == ente;
    println!(
        "{:<44} median {:>10.3} ms   ({:.0} % of evaluate; ente {})",
        "  the arithmetic alone, no results built",
        ms(arithmetic),
        100.0 * ms(arithmetic) / ms(eval).max(1e-9),
        if same { "the same" } else { "differs: the floor is not comparable" }
    );
    let (median, worst, nodes) = edits(plan.clone());
    println!("{:<44} median {:>10.3} µs   worst {:>8.3} µs   ({nodes} nodes per edit at most)", "one live edit, 50 indicators", us(median), us(worst));
    let mut wide = plan;
    wide.policy.score_from = ScoreFrom::Children;
    let (wide_median, wide_worst, wide_nodes) = edits(wide);
    println!(
        "{:<44} median {:>10.3} µs   worst {:>8.3} µs   ({wide_nodes} nodes per edit at most)",
        "  the same, objectives scored from children",
        us(wide_median),
        us(wide_worst)
    );
    println!(
        "BENCH native indicators={count} load_ms={:.3} evaluate_ms={:.3} arithmetic_ms={:.3} edit_median_us={:.3} edit_worst_us={:.3} wide_edit_median_us={:.3} wide_edit_worst_us={:.3}",
        ms(load),
        ms(eval),
        ms(arithmetic),
        us(median),
        us(worst),
        us(wide_median),
        us(wide_worst)
    );
}

/// The score of a subtree, R = Σ(m·p) / Σp over what its rule scores it from (a weight
/// left out counts as 1: equal weights): the arithmetic of `evaluate` without its
/// results, explanations or look-up maps.
fn arithmetic_alone(objectives: &[Objective], indicators: &[Indicator], from: ScoreFrom, policy: &Policy) -> Option<Decimal> {
    let add = |(products, weights): (Decimal, Decimal), score: Option<Decimal>, weight: Option<Decimal>| match score {
        Some(m) => {
            let p = weight.unwrap_or(Decimal::ONE);
            Some((products.checked_add(m.checked_mul(p)?)?, weights.checked_add(p)?))
        }
        None => Some((products, weights)),
    };
    let zero = (Decimal::ZERO, Decimal::ZERO);
    let mut own = zero;
    for indicator in indicators {
        own = add(own, score_indicator(indicator, policy).achievement, indicator.weight)?;
    }
    let mut children = zero;
    for objective in objectives {
        let rule = objective.score_from.unwrap_or(policy.score_from);
        children = add(children, arithmetic_alone(&objective.objectives, &objective.indicators, rule, policy), objective.weight)?;
    }
    let (products, weights) = match from {
        ScoreFrom::Indicators if !indicators.is_empty() => own,
        ScoreFrom::Children if objectives.is_empty() => own,
        ScoreFrom::Indicators | ScoreFrom::Children => children,
        ScoreFrom::Both => (own.0.checked_add(children.0)?, own.1.checked_add(children.1)?),
    };
    products.checked_div(weights)
}

/// One edit of the actual of each of 50 indicators spread through the plan, 5 times
/// each: the median over indicators of their median, the worst of their medians, and
/// the most nodes an edit updated.
fn edits(plan: Plan) -> (Duration, Duration, usize) {
    let mut live = Live::new(plan);
    let ids: Vec<String> = {
        let all = &live.evaluation().indicators;
        (0..50).filter_map(|k| all.get(k * all.len() / 50).map(|i| i.id.to_string())).collect()
    };
    let mut medians = Vec::new();
    let mut nodes = 0;
    for id in &ids {
        let mut n = 0u32;
        let sample = median_of(5, || {
            n += 1;
            let edit = Edit::SetActual { indicator: id.clone(), actual: Some(Actual::Value((60 + n).into())) };
            std::hint::black_box(live.apply(&edit).is_ok());
        });
        nodes = nodes.max(live.recomputed());
        medians.push(sample);
    }
    medians.sort();
    let median = medians.get(medians.len() / 2).copied().unwrap_or_default();
    let worst = medians.last().copied().unwrap_or_default();
    (median, worst, nodes)
}

fn median_of(runs: u32, mut f: impl FnMut()) -> Duration {
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
