//! The charts, hand-written SVG with a table beside each: the ente's gauge, score bars,
//! the verdicts' distribution, resources against performance, and the traffic light.

pub mod data_table;
pub mod gauge;
pub mod light;
pub mod resources;
pub mod score_bars;
pub mod verdict_chart;
