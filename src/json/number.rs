//! Numbers: the literal's grammar and its conversion to `f64`.

use super::parser::Parser;
use super::{Res, BAD_NUMBER};

/// Powers of ten exactly representable in `f64` (Clinger's fast path).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Parser<'_> {
    pub(super) fn number(&mut self) -> Res<f64> {
        let (b, start) = (self.b, self.pos);
        let neg = b.get(start) == Some(&b'-');
        let int = start + usize::from(neg);
        let (mut m, mut nd, mut exp) = (0u64, 0usize, 0i64);
        let mut i = digits(b, int, &mut m, &mut nd);
        if i == int {
            return Err(self.unexpected(BAD_NUMBER, i, "a digit after '-'"));
        }
        if b.get(int) == Some(&b'0') && i > int + 1 {
            return Err(self.fail(BAD_NUMBER, int, "leading zeros are not allowed".into()));
        }
        if b.get(i) == Some(&b'.') {
            let f = i + 1;
            i = digits(b, f, &mut m, &mut nd);
            if i == f {
                return Err(self.unexpected(BAD_NUMBER, i, "a digit after '.'"));
            }
            exp = -((i - f).min(1 << 20) as i64);
        }
        if let Some(b'e' | b'E') = b.get(i) {
            let eneg = b.get(i + 1) == Some(&b'-');
            i += 1 + usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
            let (es, mut e) = (i, 0i64);
            while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
                e = (e * 10 + i64::from(d - b'0')).min(1 << 20);
                i += 1;
            }
            if i == es {
                return Err(self.unexpected(BAD_NUMBER, i, "a digit in the exponent"));
            }
            exp += if eneg { -e } else { e };
        }
        self.pos = i;
        if nd <= 15 && (-22..=22).contains(&exp) {
            // Exact mantissa and power of ten: one correctly rounded operation.
            let x = m as f64;
            let x = if exp < 0 {
                x / POW10[(-exp) as usize]
            } else {
                x * POW10[exp as usize]
            };
            return Ok(if neg { -x } else { x });
        }
        // Rare in feeds (over 15 significant digits or a large exponent): scale the first 19
        // digits by powers of ten. Within a few ulps of the correctly rounded value, and it
        // spares the wasm core's exact float parser (~15 KB gzip).
        let mut e = exp.saturating_add(nd.saturating_sub(19) as i64);
        let mut x = m as f64;
        while e != 0 && x != 0.0 && x.is_finite() {
            let step = e.clamp(-22, 22);
            x = if step < 0 {
                x / POW10[(-step) as usize]
            } else {
                x * POW10[step as usize]
            };
            e -= step;
        }
        if x.is_finite() {
            Ok(if neg { -x } else { x })
        } else {
            Err(self.fail(BAD_NUMBER, start, "number is out of range".into()))
        }
    }
}

/// Accumulates the decimal digits at `b[i..]` into `m` (the first 19 only) and `nd`;
/// returns the index after them.
#[inline]
fn digits(b: &[u8], mut i: usize, m: &mut u64, nd: &mut usize) -> usize {
    while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
        if *m == 0 && d == b'0' {
            // leading zeros are not significant digits
            i += 1;
            continue;
        }
        if *nd < 19 {
            *m = *m * 10 + u64::from(d - b'0');
        }
        *nd += 1;
        i += 1;
    }
    i
}
