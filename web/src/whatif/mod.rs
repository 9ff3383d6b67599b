//! What-if: the model of the page's scenarios (`model`, which holds the core's `Live`),
//! kept in the browser (`storage`) and held for the page (`state`: a `Reducible` and `use_whatif`), with its panels: the
//! fields of the selected item (`edit_form`, `edit_field`), the section of scenarios,
//! edits, exports and tools (`edits_panel`, `scenarios`, `compare`, `goal_seek`,
//! `sensitivity`), their text (`text`) and exported files (`export`).

pub mod compare;
pub mod edit_field;
pub mod edit_form;
pub mod edits_panel;
pub mod export;
pub mod goal_seek;
pub mod model;
pub mod scenarios;
pub mod sensitivity;
pub mod state;
pub mod storage;
pub mod text;
