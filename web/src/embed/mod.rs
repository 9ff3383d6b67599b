//! Embedded views (`?embed=`): the address, snippet and height messages shared with the
//! host page, the view itself, and the "copy embed code" button beside each view.

pub mod copy_snippet;
pub mod host;
pub mod view;
