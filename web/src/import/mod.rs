//! Importing a plan from a table or a PDF: the importer's model (the user's choices,
//! which are the import's settings, and what the preview shows of the core's report),
//! its panel, its preview and its texts. The main app holds only the [`launcher`]; the
//! panel runs in the on-demand import module (`crate::ondemand`).

pub mod importer;
pub mod launcher;
pub mod messages;
pub mod model;
pub mod preview;
