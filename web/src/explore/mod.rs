//! Exploring a plan: the tree and the detail of what is selected, the finder, the units
//! and the cruscotti.

pub mod cruscotti;
pub mod detail;
pub mod finder;
pub mod tree;
pub mod units;
