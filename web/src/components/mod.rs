//! The app's components, one per file.

pub mod app;
pub mod cruscotti;
pub mod data_table;
pub mod detail;
pub mod diagnostics;
pub mod finder;
pub mod gauge;
pub mod light;
pub mod opener;
pub mod resources;
pub mod score_bars;
pub mod tree;
pub mod units;
pub mod verdict_chart;
