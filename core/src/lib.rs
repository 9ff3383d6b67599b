//! Semaforo's core: the plan format, exact scoring, explanations and validation for the
//! performance plans of Italian public bodies.
//!
//! The core does no IO, reads no clock and knows nothing of the browser: it turns text
//! into a [`Plan`], a plan into an [`Evaluation`], and says why. Scores are exact
//! decimals ([`Decimal`], with checked arithmetic only); rounding happens only when formatting.
//!
//! ```
//! let text = include_str!("../../tests/fixtures/tno-2023.json");
//! let plan = semaforo_core::load_plan(text).expect("a valid plan");
//! let evaluation = semaforo_core::evaluate(&plan);
//! let ente = evaluation.node("ENTE").unwrap();
//! assert_eq!(semaforo_core::format::percent(ente.score.unwrap(), 2), "98,96 %");
//! ```

pub mod audit;
pub mod decimal;
pub mod diagnostic;
pub mod evaluate;
pub(crate) mod exact;
pub mod explain;
pub mod format;
pub mod import;
pub mod labels;
pub mod live;
pub mod load;
pub mod parse;
pub mod plan;
pub mod published;
pub mod scenario;
pub mod scenario_set;
pub mod score;
mod stable_codes;
pub mod synthetic;
pub mod text;
pub mod validate;
pub mod whatif;

pub use decimal::Decimal;
pub use diagnostic::{Code, Diagnostic, Severity};
pub use evaluate::{evaluate, Evaluation, IndicatorResult, NodeKind, NodeResult};
pub use explain::{Explanation, Lang};
pub use load::{check_plan, load_plan, parse_plan};
pub use plan::Plan;
pub use text::Text;
pub use validate::validate;
