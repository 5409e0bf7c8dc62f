//! Sorting through shared routines, so the wasm carries no standard library sort: every
//! `sort_by`/`sort_by_key`/`sort_unstable` on a new element type or closure instantiates the
//! whole algorithm again (2–5 KB of wasm each; fourteen call sites cost about 45 KB before this
//! module).
//!
//! - [`by_key`]: stable, by a `u64` key (dates, stages, positions) — one `(u64, u32)` merge sort.
//! - [`by`]: stable, by a comparison (texts) — one index merge sort behind `dyn`.
//! - Both then move the elements in place along the permutation's cycles; per element type only
//!   a swap (and `by`'s comparison) is instantiated.
//! - [`dedup_small`]: short lists of `Copy` values (rule parts, EXDATEs, `BYSETPOS` picks).
//! - [`heap`]: an unstable heapsort of `Copy` values, for the structure part (its wasm has no
//!   other sort).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use core::cmp::Ordering;

/// Sorts `v` stably by `key`.
///
/// ```
/// let mut v = vec!["b", "a", "c", "aa"];
/// cogov::sort::by_key(&mut v, |s| s.len() as u64);
/// assert_eq!(v, ["b", "a", "c", "aa"]);
/// ```
pub fn by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(v.len());
    for (i, x) in v.iter().enumerate() {
        keyed.push((key(x), i as u32));
    }
    let mut order = key_order(keyed);
    permute(v, &mut order);
}

/// [`by_key`] for a list of `Copy` elements: the sorted list is gathered into a new `Vec` by the
/// order (one copy per element) instead of swapped along the order's cycles, which costs more
/// for long lists of large elements (the sessions of a window).
///
/// ```
/// let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd')];
/// cogov::sort::by_key_copied(&mut v, |x| x.0);
/// assert_eq!(v, [(1, 'b'), (2, 'd'), (3, 'a'), (3, 'c')]);
/// ```
pub fn by_key_copied<T: Copy>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(v.len());
    for (i, x) in v.iter().enumerate() {
        keyed.push((key(x), i as u32));
    }
    let order = key_order(keyed);
    if order.iter().enumerate().all(|(k, &i)| k as u32 == i) {
        return; // in order already
    }
    *v = order
        .iter()
        .filter_map(|&i| v.get(i as usize).copied())
        .collect();
}

/// The order of `keyed` sorted (not generic: one copy). A sorted input is one run, which
/// [`keys`] leaves as it is, and the identity permutation moves nothing.
#[inline(never)]
fn key_order(mut keyed: Vec<(u64, u32)>) -> Vec<u32> {
    if !radix(&mut keyed) {
        keys(&mut keyed);
    }
    keyed.iter().map(|&(_, i)| i).collect()
}

/// Bits of the key one pass of [`radix`] sorts by.
const RADIX_BITS: u32 = 11;

/// A stable LSD radix sort by key, for long lists of many runs whose keys lie close together
/// (the sessions of a window: one run per series, starts within a few centuries): a pass per
/// [`RADIX_BITS`] bits of the keys' span, at most four, where the merge sort takes a pass per
/// doubling of the runs. `false`, leaving `keyed` as it was, for other lists. The indices of
/// `keyed` must increase (as [`by_key`] makes them): equal keys keep their order.
fn radix(keyed: &mut Vec<(u64, u32)>) -> bool {
    const DIGITS: usize = 1 << RADIX_BITS;
    if keyed.len() < 1024 {
        return false;
    }
    let (mut lo, mut hi, mut runs, mut prev) = (u64::MAX, 0u64, 1u32, 0u64);
    for &(k, _) in keyed.iter() {
        lo = lo.min(k);
        hi = hi.max(k);
        runs += u32::from(k < prev);
        prev = k;
    }
    let span = u64::BITS - (hi - lo).leading_zeros();
    let passes = span.div_ceil(RADIX_BITS);
    if passes > 4 || runs.ilog2() <= passes {
        return false;
    }
    let mut buf = vec![(0u64, 0u32); keyed.len()];
    let mut counts = [0u32; DIGITS];
    for pass in 0..passes {
        let digit = |k: u64| ((k - lo) >> (pass * RADIX_BITS)) as usize % DIGITS;
        counts.fill(0);
        for &(k, _) in keyed.iter() {
            counts[digit(k)] += 1;
        }
        let mut sum = 0;
        for c in counts.iter_mut() {
            (*c, sum) = (sum, sum + *c);
        }
        for &e in keyed.iter() {
            let c = &mut counts[digit(e.0)];
            if let Some(slot) = buf.get_mut(*c as usize) {
                *slot = e;
            }
            *c += 1;
        }
        core::mem::swap(keyed, &mut buf);
    }
    true
}

/// The one key sort of the crate, for callers that build `(key, index)` pairs themselves: a
/// bottom-up natural merge sort. Written by hand because the lists sorted here are mostly
/// concatenations of sorted runs (one per series), which it merges in a few linear passes where
/// `sort_unstable` does not see them; and its code is a fraction of the std sort's.
///
/// ```
/// let mut v = vec![(3, 0), (5, 1), (1, 2), (4, 3), (3, 4)]; // two runs
/// cogov::sort::keys(&mut v);
/// assert_eq!(v, [(1, 2), (3, 0), (3, 4), (4, 3), (5, 1)]);
/// ```
pub fn keys(v: &mut Vec<(u64, u32)>) {
    let n = v.len();
    let mut bounds = vec![0];
    bounds.extend((1..n).filter(|&i| v[i] < v[i - 1]));
    bounds.push(n);
    if bounds.len() <= 2 {
        return; // one run: already sorted
    }
    let mut buf = Vec::with_capacity(n);
    while bounds.len() > 2 {
        buf.clear();
        let mut next = vec![0];
        for w in bounds.windows(3).step_by(2) {
            merge(&v[w[0]..w[1]], &v[w[1]..w[2]], &mut buf);
            next.push(w[2]);
        }
        if bounds.len() % 2 == 0 {
            // an odd number of runs: the last one waits for the next pass
            buf.extend_from_slice(&v[bounds[bounds.len() - 2]..]);
            next.push(n);
        }
        core::mem::swap(v, &mut buf);
        bounds = next;
    }
}

fn merge(a: &[(u64, u32)], b: &[(u64, u32)], out: &mut Vec<(u64, u32)>) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if b[j] < a[i] {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}

/// Sorts `v` stably by a comparison, for orders no `u64` key captures.
///
/// ```
/// let mut v = vec!["b", "a", "c"];
/// cogov::sort::by(&mut v, |a, b| a.cmp(b));
/// assert_eq!(v, ["a", "b", "c"]);
/// ```
pub fn by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    let mut items = Compare { v, cmp };
    indices(&mut order, &mut items);
    cycles(&mut order, &mut items);
}

/// What the index sort needs of a list: a comparison and a swap by index. A trait of its own
/// rather than `dyn FnMut`, whose vtables carry a `call_once` shim per element type.
trait Items {
    fn cmp(&mut self, a: usize, b: usize) -> Ordering;
    fn swap(&mut self, a: usize, b: usize);
}

/// A list with its comparison (only `Items::cmp` is used) or with none (only `Items::swap`).
struct Compare<'v, T, F> {
    v: &'v mut [T],
    cmp: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Items for Compare<'_, T, F> {
    // `get`, not indexing: the indices are always in range, and no panic path is instantiated
    // per element type
    fn cmp(&mut self, a: usize, b: usize) -> Ordering {
        match (self.v.get(a), self.v.get(b)) {
            (Some(x), Some(y)) => (self.cmp)(x, y),
            _ => Ordering::Equal,
        }
    }
    fn swap(&mut self, a: usize, b: usize) {
        if a < self.v.len() && b < self.v.len() {
            self.v.swap(a, b);
        }
    }
}

/// The one comparison sort of the crate: a stable top-down merge sort of indices, by hand
/// rather than `sort_by` (whose instance costs about 4 KB of wasm). Top-down, so that the
/// small subproblems work on elements already in cache (the comparisons usually look up records
/// through the indices), with insertion sort for short ranges and no merge where the two
/// halves are already in order (lists made of sorted runs are merged in about linear time).
#[inline(never)]
fn indices(order: &mut [u32], items: &mut dyn Items) {
    let mut buf = Vec::with_capacity(order.len() / 2);
    merge_sort(order, &mut buf, items);
}

fn merge_sort(order: &mut [u32], buf: &mut Vec<u32>, items: &mut dyn Items) {
    let n = order.len();
    let less = |items: &mut dyn Items, a: u32, b: u32| items.cmp(a as usize, b as usize).is_lt();
    if n <= 16 {
        for i in 1..n {
            let x = order[i];
            let mut j = i;
            while j > 0 && less(items, x, order[j - 1]) {
                order[j] = order[j - 1];
                j -= 1;
            }
            order[j] = x;
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut order[..mid], buf, items);
    merge_sort(&mut order[mid..], buf, items);
    if !less(items, order[mid], order[mid - 1]) {
        return; // the halves are already in order
    }
    // the left half moves to `buf`; writing at `k` never passes the unread right part (`k < j`)
    buf.clear();
    buf.extend_from_slice(&order[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buf.len() && j < n {
        // the right element goes first only when strictly less: stable
        if less(items, order[j], buf[i]) {
            order[k] = order[j];
            j += 1;
        } else {
            order[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < buf.len() {
        order[k] = buf[i];
        i += 1;
        k += 1;
    }
}

/// Puts `v[order[k]]` at `k` for every `k`, in place (only the swap is instantiated per `T`).
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    let mut items = Compare {
        v,
        cmp: |_: &T, _: &T| Ordering::Equal,
    };
    cycles(order, &mut items);
}

/// Follows the cycles of the permutation `order`, swapping along each (marks `order` done).
#[inline(never)]
fn cycles(order: &mut [u32], items: &mut dyn Items) {
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let src = order[k] as usize;
            order[k] = k as u32;
            if src == start {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
}

/// Sorts a short list and removes repeats (insertion sort: small code, and these lists hold a
/// handful of values, mostly already in order).
///
/// ```
/// let mut v = vec![3, 1, 3, 2];
/// cogov::sort::dedup_small(&mut v);
/// assert_eq!(v, [1, 2, 3]);
/// ```
pub fn dedup_small<T: Ord + Copy>(v: &mut Vec<T>) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
    v.dedup();
}

/// Sorts `v` in place, unstable, in `n log n` and little code (a heapsort): for the structure
/// part's checks, so the structure-only wasm carries no merge sort.
///
/// ```
/// let mut v = vec![3, 1, 3, 2, 0];
/// cogov::sort::heap(&mut v);
/// assert_eq!(v, [0, 1, 2, 3, 3]);
/// ```
pub fn heap<T: Ord + Copy>(v: &mut [T]) {
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// Moves `v[i]` down the heap `v[..n]` (each parent at least its children).
fn sift<T: Ord + Copy>(v: &mut [T], mut i: usize, n: usize) {
    loop {
        let mut c = 2 * i + 1;
        if c >= n {
            return;
        }
        if c + 1 < n && v[c] < v[c + 1] {
            c += 1;
        }
        if v[i] >= v[c] {
            return;
        }
        v.swap(i, c);
        i = c;
    }
}

/// A day as a key that orders like `Option<NaiveDate>` (absent first).
///
/// ```
/// use cogov::{date::parse_date, sort::day_key};
/// let (a, b) = (parse_date("1999-12-31").unwrap(), parse_date("2000-01-01").unwrap());
/// assert!(day_key(None) < day_key(Some(a)) && day_key(Some(a)) < day_key(Some(b)));
/// ```
pub fn day_key(d: Option<NaiveDate>) -> u64 {
    d.map_or(0, |d| (i64::from(d.num_days_from_ce()) + (1 << 40)) as u64)
}

/// A local date-time as a key that orders like `NaiveDateTime`.
///
/// ```
/// use cogov::{date::parse_local, sort::time_key};
/// let t = |s| time_key(parse_local(s).unwrap());
/// assert!(t("2022-01-13T23:59") < t("2022-01-14T00:00"));
/// ```
pub fn time_key(t: NaiveDateTime) -> u64 {
    day_key(Some(t.date())) * 86_400 + u64::from(t.num_seconds_from_midnight())
}

/// The seconds since 1970-01-01T00:00 of the local date-time whose [`time_key`] is `key`
/// (`t.and_utc().timestamp()`, without converting the date again).
///
/// ```
/// use cogov::{date::parse_local, sort::{key_seconds, time_key}};
/// for s in ["1900-01-01T00:00", "1969-12-31T23:59", "1970-01-01T00:00", "2026-07-14T10:30", "2200-12-31T23:59"] {
///     let t = parse_local(s).unwrap();
///     assert_eq!(key_seconds(time_key(t)), t.and_utc().timestamp());
/// }
/// ```
pub fn key_seconds(key: u64) -> i64 {
    // day 719,163 from the common era is 1970-01-01
    key as i64 - ((1i64 << 40) + 719_163) * 86_400
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random sequence (xorshift64) for the sort tests.
    fn xorshift(mut x: u64) -> impl FnMut() -> u64 {
        move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        }
    }

    #[test]
    fn keys_order_like_the_values() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let days = [
            None,
            Some(d(-50, 1, 1)),
            Some(d(1, 1, 1)),
            Some(d(2026, 7, 14)),
        ];
        for w in days.windows(2) {
            assert!(day_key(w[0]) < day_key(w[1]));
        }
        let t = |h, mi| d(2026, 7, 14).and_hms_opt(h, mi, 0).unwrap();
        assert!(time_key(t(9, 0)) < time_key(t(9, 1)));
        assert!(time_key(t(23, 59)) < time_key(d(2026, 7, 15).and_hms_opt(0, 0, 0).unwrap()));
    }

    #[test]
    fn keys_sorts_like_std_on_runs_random_and_reversed_input() {
        let mut rnd = xorshift(12345u64);
        for n in [0usize, 1, 2, 3, 5, 64, 1000, 4097] {
            let random: Vec<(u64, u32)> = (0..n).map(|i| (rnd() % 50, i as u32)).collect();
            let reversed: Vec<(u64, u32)> = (0..n).rev().map(|i| (i as u64, 0)).collect();
            let runs: Vec<(u64, u32)> = (0..n)
                .map(|i| ((i % 7) as u64 * 3 + (i / 7) as u64, 1))
                .collect();
            for input in [random, reversed, runs] {
                let mut want = input.clone();
                want.sort_unstable();
                let mut got = input;
                keys(&mut got);
                assert_eq!(got, want, "n = {n}");
            }
        }
    }

    /// Long lists of many runs with close keys take the radix path: stable, as std's sort.
    #[test]
    fn by_key_radix_is_stable_and_matches_std() {
        let mut rnd = xorshift(99u64);
        let mut radix_taken = 0;
        for (n, runs, span) in [
            (1024usize, 40usize, 5_000u64),
            (5000, 77, 1 << 29),
            (9000, 200, 1 << 43),
            (3000, 3000, 7),
            (20_000, 300, 1 << 34),
            (4000, 4, 1 << 20),
            (4000, 100, 1 << 50),
        ] {
            let base = 1u64 << 45;
            let mut v: Vec<(u64, u32)> = Vec::new();
            for r in 0..runs {
                let len = n / runs + usize::from(r < n % runs);
                let mut run: Vec<u64> = (0..len).map(|_| base + rnd() % span).collect();
                run.sort_unstable();
                v.extend(run.into_iter().map(|k| (k, r as u32)));
            }
            let mut keyed: Vec<(u64, u32)> =
                v.iter().enumerate().map(|(i, e)| (e.0, i as u32)).collect();
            radix_taken += usize::from(radix(&mut keyed.clone()));
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            let mut copied = v.clone();
            by_key_copied(&mut copied, |x| x.0);
            assert_eq!(copied, want, "n = {n}, runs = {runs}");
            by_key(&mut v, |x| x.0);
            assert_eq!(v, want, "n = {n}, runs = {runs}");
            keys(&mut keyed);
            assert!(keyed.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(
            radix_taken, 5,
            "the radix path was taken for the lists of many runs"
        );
    }

    #[test]
    fn by_is_stable_and_matches_std() {
        let mut v: Vec<(u8, u32)> = (0..500u32).map(|i| ((i * 7919 % 13) as u8, i)).collect();
        let mut want = v.clone();
        want.sort_by_key(|x| x.0);
        let mut k = v.clone();
        by_key(&mut k, |x| u64::from(x.0));
        let mut c = v.clone();
        by_key_copied(&mut c, |x| u64::from(x.0));
        assert_eq!(c, want);
        by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, want);
        assert_eq!(k, want);
    }

    #[test]
    fn permute_places_each_element_where_the_order_says() {
        let mut x = 777u64;
        for n in [0usize, 1, 2, 3, 10, 257] {
            for _ in 0..20 {
                let mut order: Vec<u32> = (0..n as u32).collect();
                for i in (1..n).rev() {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    order.swap(i, (x % (i as u64 + 1)) as usize);
                }
                let v: Vec<String> = (0..n).map(|i| i.to_string()).collect();
                let want: Vec<String> = order.iter().map(|&i| v[i as usize].clone()).collect();
                let mut got = v;
                permute(&mut got, &mut order.clone());
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn by_sorts_like_std_stable_sort_on_many_shapes() {
        let mut rnd = xorshift(4242u64);
        for n in [0usize, 1, 2, 3, 7, 64, 1000, 4097] {
            let random: Vec<(u64, u32)> = (0..n).map(|i| (rnd() % 9, i as u32)).collect();
            let reversed: Vec<(u64, u32)> =
                (0..n).rev().map(|i| (i as u64 / 3, i as u32)).collect();
            let runs: Vec<(u64, u32)> = (0..n).map(|i| ((i % 5) as u64, i as u32)).collect();
            for input in [random, reversed, runs] {
                let mut want = input.clone();
                want.sort_by_key(|p| p.0);
                let mut got = input;
                by(&mut got, |a, b| a.0.cmp(&b.0));
                assert_eq!(got, want, "n = {n}");
            }
        }
    }
}
