//! Opening a plan: the file picker and drop zone, and the validation report of a plan
//! that could not be opened (or opened with warnings).

pub mod diagnostics;
pub mod file_drop;
pub mod opener;
