//! Positions of results by id, holding no copy of any id.
//!
//! An evaluation of 100 000 indicators looked its results up through maps keyed by a
//! `String` copy of each id: one allocation per result, and the largest part of the
//! memory an evaluation adds to its results. The table below stores positions only and,
//! to compare, reads the id at that position from the list the caller passes in.

use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

#[derive(Debug, Clone, Default)]
pub(crate) struct Positions {
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Positions {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Positions { table: HashTable::with_capacity(capacity), hasher: DefaultHashBuilder::default() }
    }

    /// The position of `id`, where `id_at` gives the id at each position already added.
    pub(crate) fn get<'a>(&self, id: &str, id_at: impl Fn(usize) -> &'a str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&p| id_at(p as usize) == id).map(|&p| p as usize)
    }

    /// Adds `id` at `position` unless it is there already: the first result with an id
    /// keeps it (validation reports the repeats).
    pub(crate) fn add_first<'a>(&mut self, id: &str, position: usize, id_at: impl Fn(usize) -> &'a str) {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(id);
        // A plan of more than 4 294 967 295 results cannot be read into memory anyway.
        let position = u32::try_from(position).expect("fewer than 2^32 results");
        self.table
            .entry(hash, |&p| id_at(p as usize) == id, |&p| hasher.hash_one(id_at(p as usize)))
            .or_insert(position);
    }

    pub(crate) fn clear(&mut self) {
        self.table.clear();
    }
}

/// The positions are derived from the result lists, which are compared themselves.
impl PartialEq for Positions {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_id_and_keeps_the_first_of_a_repeat() {
        let ids = ["A", "B", "A", "C"];
        let mut positions = Positions::with_capacity(0);
        for (p, id) in ids.iter().enumerate() {
            positions.add_first(id, p, |q| ids[q]);
        }
        assert_eq!(positions.get("A", |q| ids[q]), Some(0));
        assert_eq!(positions.get("B", |q| ids[q]), Some(1));
        assert_eq!(positions.get("C", |q| ids[q]), Some(3));
        assert_eq!(positions.get("D", |q| ids[q]), None);
        positions.clear();
        assert_eq!(positions.get("A", |q| ids[q]), None);
    }
}
