//! For `perf`: evaluates a synthetic plan (default 100 000 indicators) `RUNS` times.
//!     perf record -g target/release/examples/profile_evaluate 100000

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let runs: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let plan = semaforo_core::synthetic::plan(size);
    for _ in 0..runs {
        std::hint::black_box(semaforo_core::evaluate(&plan));
    }
}
