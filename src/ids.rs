//! The id index: its map, strings to `u32` ([`Ids`], the only map the crate uses: the dataset's
//! id index, body and series indexes, the proposal index's interned ids), and what an id names
//! ([`Ref`], packed into the map's `u32`s).
//!
//! A small open-addressing table instead of `std`'s `HashMap`: the wasm then carries no
//! `hashbrown` (about 3 KB of code for its one instance). Keys are hashed exactly as `HashMap`
//! hashed them, with `std`'s `RandomState` (SipHash-1-3 under per-map keys): natively the keys
//! are random; on wasm32-unknown-unknown std has no entropy source and takes two memory
//! addresses, as it did for `HashMap`. Entries are kept in insertion order; the table holds the
//! position of each entry and the low 32 bits of its key's hash, probed linearly and kept at
//! most half full.

use std::hash::{BuildHasher, RandomState};

/// Strings to `u32`s.
#[derive(Clone, Debug, Default)]
pub(crate) struct Ids {
    hasher: RandomState,
    /// `(hash, position in entries + 1)`; `(_, 0)` is an empty slot. Length 0 or a power of two.
    slots: Vec<(u32, u32)>,
    entries: Vec<(String, u32)>,
}

impl Ids {
    /// An empty map.
    pub(crate) fn new() -> Ids {
        Ids::default()
    }

    /// Room for `n` more entries without growing.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.entries.reserve(n);
        self.grow_to(self.entries.len().saturating_add(n));
    }

    /// The value of `key`, if present.
    pub(crate) fn get(&self, key: &str) -> Option<&u32> {
        let (_, found) = self.find(key);
        found.map(|e| &self.entries[e].1)
    }

    /// Sets the value of `key` (replacing the value it had, if any).
    pub(crate) fn insert(&mut self, key: String, value: u32) {
        let (slot, found) = self.find(&key);
        if let Some(e) = found {
            self.entries[e].1 = value;
            return;
        }
        let hash = self.hash(&key);
        self.entries.push((key, value));
        if self.entries.len() * 2 > self.slots.len() {
            self.grow_to(self.entries.len());
        } else {
            self.slots[slot] = (hash, self.entries.len() as u32);
        }
    }

    /// The low 32 bits of `key`'s hash.
    fn hash(&self, key: &str) -> u32 {
        self.hasher.hash_one(key) as u32
    }

    /// The slot holding `key` (with its entry's position) or the empty slot where it would go.
    fn find(&self, key: &str) -> (usize, Option<usize>) {
        if self.slots.is_empty() {
            return (0, None);
        }
        let hash = self.hash(key);
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let (h, e) = self.slots[i];
            if e == 0 {
                return (i, None);
            }
            let e = e as usize - 1;
            if h == hash && self.entries[e].0 == key {
                return (i, Some(e));
            }
            i = (i + 1) & mask;
        }
    }

    /// Rebuilds the slots for at least `n` entries at most half full (no-op if they fit).
    fn grow_to(&mut self, n: usize) {
        let want = n.saturating_mul(2).max(8).next_power_of_two();
        if want <= self.slots.len() {
            return;
        }
        self.slots = vec![(0, 0); want];
        let mask = want - 1;
        for (e, (key, _)) in self.entries.iter().enumerate() {
            let hash = self.hash(key);
            let mut i = hash as usize & mask;
            while self.slots[i].1 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (hash, e as u32 + 1);
        }
    }
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    /// `sources[i]`
    Source(usize),
    /// `organizations[i]`
    Org(usize),
    /// `offices[i]`
    Office(usize),
    /// `bodies[i]`
    Body(usize),
    /// `series[i]`
    Series(usize),
    /// `sessions[i]`
    Session(usize),
    /// `proposals[i]`
    Proposal(usize),
    /// `cards[i]`
    Card(usize),
}

/// Bits of a packed [`Ref`] that hold the index (lists hold at most `feed::Limits::max_items`,
/// a million by default, far below 2^29).
const INDEX_BITS: u32 = 29;

impl Ref {
    /// The kind in the top three bits, the index below.
    pub(crate) fn pack(self) -> u32 {
        let (kind, i) = match self {
            Ref::Source(i) => (0, i),
            Ref::Org(i) => (1, i),
            Ref::Office(i) => (2, i),
            Ref::Body(i) => (3, i),
            Ref::Series(i) => (4, i),
            Ref::Session(i) => (5, i),
            Ref::Proposal(i) => (6, i),
            Ref::Card(i) => (7, i),
        };
        (kind << INDEX_BITS) | i as u32
    }

    /// The `Ref` [`Ref::pack`] packed.
    pub(crate) fn unpack(p: u32) -> Ref {
        let i = (p & ((1 << INDEX_BITS) - 1)) as usize;
        match p >> INDEX_BITS {
            0 => Ref::Source(i),
            1 => Ref::Org(i),
            2 => Ref::Office(i),
            3 => Ref::Body(i),
            4 => Ref::Series(i),
            5 => Ref::Session(i),
            6 => Ref::Proposal(i),
            _ => Ref::Card(i),
        }
    }

    /// The JSON path of the record, e.g. `bodies[3]`.
    ///
    /// ```
    /// use cogov::dataset::Ref;
    /// assert_eq!(Ref::Body(3).path(), "bodies[3]");
    /// assert_eq!(Ref::Org(0).path(), "organizations[0]");
    /// ```
    pub fn path(self) -> String {
        let (list, i) = match self {
            Ref::Source(i) => ("sources", i),
            Ref::Org(i) => ("organizations", i),
            Ref::Office(i) => ("offices", i),
            Ref::Body(i) => ("bodies", i),
            Ref::Series(i) => ("series", i),
            Ref::Session(i) => ("sessions", i),
            Ref::Proposal(i) => ("proposals", i),
            Ref::Card(i) => ("cards", i),
        };
        format!("{list}[{i}]")
    }
}

#[cfg(test)]
mod tests {
    use super::{Ids, Ref};

    #[test]
    fn inserts_finds_replaces_and_grows() {
        let mut ids = Ids::new();
        assert_eq!(ids.get("x"), None);
        for i in 0..1000u32 {
            ids.insert(format!("id-{i}"), i);
        }
        for i in 0..1000u32 {
            assert_eq!(ids.get(&format!("id-{i}")), Some(&i));
        }
        assert_eq!(ids.get("id-1000"), None);
        assert_eq!(ids.get(""), None);
        ids.insert("id-5".to_string(), 99);
        assert_eq!(ids.get("id-5"), Some(&99));
        assert_eq!(ids.entries.len(), 1000);
        let mut r = Ids::new();
        r.reserve(100);
        let slots = r.slots.len();
        for i in 0..100u32 {
            r.insert(i.to_string(), i);
        }
        assert_eq!(r.slots.len(), slots);
        assert_eq!(r.get("42"), Some(&42));
        r.insert(String::new(), 7);
        assert_eq!(r.get(""), Some(&7));
    }

    /// splitmix64: a small deterministic generator (no dependency; the same cases every run).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Keys of one map whose hashes agree in their low `bits` bits: they share a home slot in
    /// every table of up to `2^bits` slots, so each lookup walks one long probe run.
    fn clustered(ids: &Ids, bits: u32, n: usize) -> Vec<String> {
        let mask = (1u32 << bits) - 1;
        let mut out = Vec::new();
        let mut home = None;
        for i in 0.. {
            let key = format!("c{i}");
            let h = ids.hash(&key) & mask;
            if *home.get_or_insert(h) == h {
                out.push(key);
                if out.len() == n {
                    return out;
                }
            }
        }
        unreachable!()
    }

    /// Two different keys with the same 32-bit hash under this map's hasher (a birthday search:
    /// about 2^16 keys), so the key comparison after a hash match is exercised too.
    fn full_collision(ids: &Ids) -> (String, String) {
        let mut seen = std::collections::BTreeMap::new();
        for i in 0u32.. {
            let key = format!("f{i}");
            if let Some(other) = seen.insert(ids.hash(&key), key.clone()) {
                return (other, key);
            }
        }
        unreachable!()
    }

    /// The model: `BTreeMap` for the values, a `Vec` for the first-insertion order.
    fn check(ids: &Ids, model: &std::collections::BTreeMap<String, u32>, order: &[String]) {
        assert_eq!(ids.entries.len(), model.len());
        assert!(ids.slots.is_empty() || ids.slots.len().is_power_of_two());
        assert!(ids.entries.len() * 2 <= ids.slots.len());
        for (key, value) in model {
            assert_eq!(ids.get(key), Some(value), "key {key:?}");
        }
        let keys: Vec<&str> = ids.entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, order.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn behaves_as_a_btreemap_over_random_operations() {
        use std::collections::BTreeMap;
        let mut rng = Rng(0x00c0_9000);
        for round in 0..60 {
            let mut ids = Ids::new();
            if round % 3 == 1 {
                ids.reserve(rng.below(300));
            }
            // a pool mixing plain, empty, non-ASCII and colliding keys; a pool smaller than
            // the operation count makes replacements and hits frequent
            let mut pool: Vec<String> = (0..rng.below(1500) + 1).map(|i| format!("k{i}")).collect();
            pool.extend(["", "가", "가나", "ｋ1", "k1 "].map(String::from));
            pool.extend(clustered(&ids, 10, 40));
            if round % 10 == 0 {
                let (a, b) = full_collision(&ids);
                assert_eq!(ids.hash(&a), ids.hash(&b));
                pool.extend([a, b]);
            }
            let mut model = BTreeMap::new();
            let mut order = Vec::new();
            let ops = rng.below(4000) + 1;
            for op in 0..ops {
                let key = &pool[rng.below(pool.len())];
                if rng.below(3) == 0 {
                    assert_eq!(ids.get(key), model.get(key), "get {key:?}");
                    let absent = format!("absent-{op}");
                    assert_eq!(ids.get(&absent), None);
                } else {
                    let value = rng.next() as u32;
                    if model.insert(key.clone(), value).is_none() {
                        order.push(key.clone());
                    }
                    let slots = ids.slots.len();
                    ids.insert(key.clone(), value);
                    // grows only when it would be more than half full
                    if ids.slots.len() != slots {
                        assert!(
                            model.len() * 2 > slots,
                            "grew at {} entries from {slots} slots",
                            model.len()
                        );
                    }
                }
                if op % 257 == 0 {
                    check(&ids, &model, &order);
                }
            }
            check(&ids, &model, &order);
        }
    }

    #[test]
    fn refs_pack_and_unpack() {
        for i in [0, 1, 999_999, (1 << 29) - 1] {
            for r in [
                Ref::Source(i),
                Ref::Org(i),
                Ref::Office(i),
                Ref::Body(i),
                Ref::Series(i),
                Ref::Session(i),
                Ref::Proposal(i),
                Ref::Card(i),
            ] {
                assert_eq!(Ref::unpack(r.pack()), r);
            }
        }
    }
}
