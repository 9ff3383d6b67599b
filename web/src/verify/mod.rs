//! Checking a report as the OIV does (issue 11). The main app holds only the
//! [`launcher`] (the section's button); the [`findings`] panel, with the core's audit and
//! its texts, runs in the on-demand module `dist/audit/` (`crate::ondemand`).

pub mod findings;
pub mod launcher;
