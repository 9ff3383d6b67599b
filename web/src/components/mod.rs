//! The app's components, one per file.

pub mod app;
pub mod cruscotti;
pub mod data_table;
pub mod detail;
pub mod diagnostics;
// Embedded views (issue 5).
pub mod copy_snippet;
pub mod embed_view;
pub mod file_drop;
pub mod finder;
pub mod gauge;
// Table import (issue 6).
pub mod importer;
pub mod importer_preview;
pub mod light;
pub mod opener;
pub mod resources;
pub mod score_bars;
pub mod tree;
pub mod units;
pub mod verdict_chart;
// What-if (issue 4).
pub mod compare;
pub mod edit_field;
pub mod edit_form;
pub mod edits_panel;
pub mod goal_seek;
pub mod scenarios;
pub mod sensitivity;
