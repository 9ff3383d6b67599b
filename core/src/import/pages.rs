//! Which pages of a document to read (a PDF's), as people write them: `12-40`, `12-`,
//! `-40`, `12`. Outside the `pdf` feature, so that the app's importer panel checks a
//! range as the PDF reader will read it, without linking the reader.

use serde::{Deserialize, Serialize};

/// Which pages to read: 1-based, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRange {
    pub first: usize,
    pub last: usize,
}

impl PageRange {
    /// `12-40`, `12-`, `-40` or `12`.
    pub fn parse(text: &str) -> Option<PageRange> {
        let (a, b) = text.split_once('-').unwrap_or((text, text));
        let first = if a.trim().is_empty() { 1 } else { a.trim().parse().ok()? };
        let last = if b.trim().is_empty() { usize::MAX } else { b.trim().parse().ok()? };
        (first >= 1 && first <= last).then_some(PageRange { first, last })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ranges() {
        assert_eq!(PageRange::parse("12-40"), Some(PageRange { first: 12, last: 40 }));
        assert_eq!(PageRange::parse("7"), Some(PageRange { first: 7, last: 7 }));
        assert_eq!(PageRange::parse("3-").map(|r| r.first), Some(3));
        assert_eq!(PageRange::parse("40-12"), None);
        assert_eq!(PageRange::parse("0-3"), None);
        assert_eq!(PageRange::parse("a"), None);
    }
}
