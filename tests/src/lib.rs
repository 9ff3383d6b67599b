//! Shared by the golden tests: fixtures by name, and the comparison of every figure a
//! document published with what Semaforo computes from the same inputs.

use semaforo_core::plan::{Published, Verdict};
use semaforo_core::Decimal;
use semaforo_core::{evaluate, load_plan, Evaluation, Plan};
use std::path::PathBuf;

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

pub fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Loads a fixture, failing with every diagnostic if it has errors.
pub fn load(name: &str) -> (Plan, Evaluation) {
    let plan = load_plan(&fixture_text(name)).unwrap_or_else(|diagnostics| {
        let list: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        panic!("{name} does not load:\n{}", list.join("\n"))
    });
    let evaluation = evaluate(&plan);
    (plan, evaluation)
}

/// One published figure compared with Semaforo's.
#[derive(Debug)]
pub struct Comparison {
    pub id: String,
    pub published: Decimal,
    pub computed: Option<Decimal>,
    pub published_verdict: Option<Verdict>,
    pub computed_verdict: Option<Verdict>,
    /// The fixture's recorded reason why the figure cannot be reproduced.
    pub discrepancy: Option<String>,
}

impl Comparison {
    pub fn agrees(&self) -> bool {
        let published = Published { score: Some(self.published), verdict: self.published_verdict, ..Published::default() };
        semaforo_core::published::agrees(&published, self.computed, self.computed_verdict)
    }
}

/// Every published score of nodes and indicators in an evaluation.
pub fn comparisons(evaluation: &Evaluation) -> Vec<Comparison> {
    let mut out = Vec::new();
    let mut push = |id: &str, published: Option<&Published>, computed: Option<Decimal>, verdict: Option<Verdict>| {
        if let Some(Published { score: Some(score), verdict: published_verdict, discrepancy, .. }) = published {
            out.push(Comparison {
                id: id.to_string(),
                published: *score,
                computed,
                published_verdict: *published_verdict,
                computed_verdict: verdict,
                discrepancy: discrepancy.clone(),
            });
        }
    };
    for node in &evaluation.nodes {
        push(&node.id, node.published.as_deref(), node.score, node.verdict);
    }
    for indicator in &evaluation.indicators {
        push(&indicator.id, indicator.published.as_deref(), indicator.achievement, indicator.verdict);
    }
    out
}
