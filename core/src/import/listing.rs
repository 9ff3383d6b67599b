//! A PDF as the user chooses from it: which pages to read, as people write them (`12-40`,
//! `12-`, `-40`, `12`), and the tables found there. Outside the `pdf` feature, so that the
//! app's importer panel, which does not link the PDF reader, checks a range as the reader
//! will read it and reads the reader's listing into these same types.

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

/// A table found in the PDF, as the user chooses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableListing {
    /// 0-based, as `pdf::import_pdf`'s `tables` names it.
    pub index: usize,
    /// 1-based pages it is printed on.
    pub pages: Vec<usize>,
    pub columns: usize,
    pub rows: usize,
    /// The row naming its columns, if one does (a table of a plan has one).
    pub header: Option<Vec<String>>,
    /// Its first rows after the heading.
    pub preview: Vec<Vec<String>>,
    /// Its columns are cut by drawn rules (else by the gaps of its text).
    pub ruled: bool,
}

/// Pages as people write them: `3–5, 7`.
pub fn page_list(pages: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        out.push(if j > i { format!("{}–{}", pages[i], pages[j]) } else { pages[i].to_string() });
        i = j + 1;
    }
    out.join(", ")
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

    #[test]
    fn pages_are_listed_as_people_write_them() {
        assert_eq!(page_list(&[3, 4, 5, 7, 9, 10]), "3–5, 7, 9–10");
        assert_eq!(page_list(&[2]), "2");
        assert_eq!(page_list(&[]), "");
    }
}
