//! The charts, hand-written SVG with a table beside each: the ente's gauge, score bars,
//! the verdicts' distribution, resources against performance, and the traffic light.
//!
//! [`Figures`] is what they draw of one view, computed once per view and passed down
//! as values: a chart, or a bar, whose figures an edit did not change compares equal
//! and is not drawn again.

pub mod data_table;
pub mod gauge;
pub mod light;
pub mod resources;
pub mod score_bars;
pub mod verdict_chart;

use std::rc::Rc;

use semaforo_core::{Decimal, Lang, NodeKind};

use crate::model::PlanView;
use score_bars::BarRow;

/// The plan's thresholds and display decimals, which every chart is drawn against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub tolerance: Decimal,
    pub critical: Decimal,
    pub decimals: u32,
}

impl Scale {
    pub fn of(view: &PlanView) -> Scale {
        Scale { tolerance: view.plan.policy.tolerance, critical: view.plan.policy.critical, decimals: view.decimals() }
    }
}

/// What the charts and the units' section draw of one view.
#[derive(PartialEq)]
pub struct Figures {
    pub scale: Scale,
    pub areas: Rc<Vec<BarRow>>,
    pub strategic: Rc<Vec<BarRow>>,
    pub units: Rc<Vec<BarRow>>,
    pub cruscotti: Rc<Vec<BarRow>>,
    pub resources: Rc<Vec<resources::ResourceRow>>,
    pub verdicts: verdict_chart::Counts,
}

impl Figures {
    /// The figures of `view` (unit names carry their kind in `lang`).
    pub fn new(view: &PlanView, lang: Lang) -> Figures {
        let of_kind = |kind: NodeKind| Rc::new(view.evaluation.nodes.iter().filter(|n| n.kind == kind).map(BarRow::of).collect());
        Figures {
            scale: Scale::of(view),
            areas: of_kind(NodeKind::Area),
            strategic: of_kind(NodeKind::Strategic),
            units: Rc::new(crate::explore::units::rows(view, lang)),
            cruscotti: of_kind(NodeKind::Cruscotto),
            resources: Rc::new(resources::rows(view)),
            verdicts: verdict_chart::counts(view),
        }
    }
}
