//! Importing a plan from a table: the importer's model (the user's choices, which are the
//! import's settings, and what the preview shows of the core's report), its panel and
//! its preview. The main app holds only the [`launcher`]; the panel runs in the
//! on-demand import module (`crate::ondemand`).

pub mod importer;
pub mod launcher;
pub mod model;
pub mod preview;
