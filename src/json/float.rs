//! Decimal text to the nearest f64, for every number the app reads (JSON, and through
//! [`super::read_number`] CSV, links and whatever a person types).
//!
//! The same results as `str::parse::<f64>` (correctly rounded, ties to even; ±∞ past the largest
//! f64), without its Eisel–Lemire table: 10.4 KB of 128-bit powers of five that gzip cannot
//! shrink, about 7 % of the gzipped wasm. Short numbers take Clinger's exact fast
//! path; up to 19 significant digits with at most 21 decimals (every weight the app writes down
//! to ~1e-14) one exact 128-bit division; anything else an estimate corrected by exact big-integer
//! comparisons against the halfway points between neighbouring f64s.

use std::cmp::Ordering;

/// Significant digits kept: a halfway point between two f64s has at most 767, so the digits past
/// 800 only matter as "some of them are not 0" (kept as one more digit 1).
const MAX_DIGITS: usize = 800;

/// `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent; `1.` and
/// `.5` are fine) as the nearest f64; None for anything else, including `inf` and `NaN`.
pub fn parse_f64(text: &str) -> Option<f64> {
    let s = text.as_bytes();
    let mut i = 0;
    let neg = s.first() == Some(&b'-');
    if matches!(s.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    // The value is D · 10^exp, D the integer of `digits` (leading zeros dropped).
    let mut digits: Vec<u8> = Vec::new();
    let (mut exp, mut any, mut dot, mut sticky) = (0i64, false, false, false);
    while i < s.len() {
        match s[i] {
            b'.' if !dot => dot = true,
            d @ b'0'..=b'9' => {
                any = true;
                if digits.len() < MAX_DIGITS {
                    if d != b'0' || !digits.is_empty() {
                        digits.push(d - b'0');
                    }
                    exp -= dot as i64;
                } else {
                    sticky |= d != b'0';
                    exp += !dot as i64;
                }
            }
            _ => break,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if i < s.len() {
        if s[i] | 0x20 != b'e' {
            return None;
        }
        i += 1;
        let e_neg = s.get(i) == Some(&b'-');
        if matches!(s.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let (start, mut e) = (i, 0i64);
        while i < s.len() && s[i].is_ascii_digit() {
            e = (e * 10 + (s[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start || i < s.len() {
            return None;
        }
        exp += if e_neg { -e } else { e };
    }
    if sticky {
        digits.push(1);
        exp -= 1;
    }
    let v = magnitude(&digits, exp);
    Some(if neg { -v } else { v })
}

/// The f64 nearest D · 10^exp, D the integer of the decimal `digits` (no leading zero).
fn magnitude(digits: &[u8], exp: i64) -> f64 {
    let n = digits.len() as i64;
    if n == 0 {
        return 0.0;
    }
    if n + exp > 310 {
        return f64::INFINITY; // ≥ 1e309
    }
    if n + exp < -324 {
        return 0.0; // < 1e-325, below half the smallest subnormal
    }
    let head = &digits[..digits.len().min(19)];
    let w = head.iter().fold(0u64, |w, &d| w * 10 + d as u64);
    if n <= 19 {
        // Clinger: w and 10^|exp| are exact f64s, so one rounding.
        if w < 1 << 53 && exp.abs() <= 22 {
            let p = 10f64.powi(exp.unsigned_abs() as i32); // exact up to 10^22
            return if exp < 0 { w as f64 / p } else { w as f64 * p };
        }
        // w · 10^exp as an exact u128, rounded once by the conversion.
        if exp >= 0 {
            if let Some(v) = 10u128
                .checked_pow(exp as u32)
                .and_then(|p| p.checked_mul(w as u128))
            {
                return v as f64;
            }
        } else if exp >= -31 {
            // w · 2^s / 10^k = w · 2^s / 5^k · 2^−k, with bit 127 of the dividend set: the division
            // by 5^k (in steps of 5^13 < 2^32, u64 arithmetic only) leaves a quotient of at
            // least 55 bits, a sticky bit for the remainder, one rounding, then exact scaling.
            let s = w.leading_zeros() + 64;
            let (mut q, mut inexact) = ((w as u128) << s, false);
            let mut k = -exp as u32;
            while k > 0 {
                let step = k.min(13);
                inexact |= div_small(&mut q, 5u32.pow(step));
                k -= step;
            }
            let scale = f64::from_bits(((1023 - s as i64 + exp) as u64) << 52);
            return (q | inexact as u128) as f64 * scale;
        }
    }
    // An estimate from the first 19 digits (off by a few ulps at most), then corrected.
    let mut x = w as f64;
    let mut e = exp + n - head.len() as i64;
    while e != 0 {
        let step = e.clamp(-22, 22);
        let p = 10f64.powi(step.unsigned_abs() as i32);
        x = if step < 0 { x / p } else { x * p };
        e -= step;
    }
    let x = if x.is_finite() { x } else { f64::MAX };
    correct(x, &Big::decimal(digits), exp)
}

/// The f64 nearest V = D · 10^exp, starting from the estimate `x` ≥ 0 and stepping one ulp at a
/// time while V lies beyond a halfway point to a neighbour (at a tie, towards the even mantissa).
fn correct(mut x: f64, d: &Big, exp: i64) -> f64 {
    // V = left / right with both sides integers: compare left · 2^−k with right · m · 2^k.
    let mut left = d.clone();
    let mut right = Big(vec![1]);
    if exp >= 0 {
        left.mul_pow10(exp as u64);
    } else {
        right.mul_pow10(exp.unsigned_abs());
    }
    let vs = |(m, k): (u64, i64)| {
        let mut l = left.clone();
        let mut r = right.clone();
        r.mul(m);
        if k >= 0 {
            r.shl(k as u64);
        } else {
            l.shl(k.unsigned_abs());
        }
        l.compare(&r)
    };
    loop {
        let odd = split(x).0 & 1 == 1;
        let up = f64::from_bits(x.to_bits() + 1);
        match vs(halfway(x, up)) {
            Ordering::Greater => {
                x = up;
                if x.is_infinite() {
                    return x;
                }
                continue;
            }
            Ordering::Equal if odd => return up,
            _ => {}
        }
        if x > 0.0 {
            let down = f64::from_bits(x.to_bits() - 1);
            match vs(halfway(down, x)) {
                Ordering::Less => {
                    x = down;
                    continue;
                }
                Ordering::Equal if odd => return down,
                _ => {}
            }
        }
        return x;
    }
}

/// `n` divided by `d` in place (long division by 32-bit digits); whether there was a remainder.
fn div_small(n: &mut u128, d: u32) -> bool {
    let (mut q, mut rem) = (0u128, 0u64);
    for i in (0..4).rev() {
        let cur = rem << 32 | (*n >> (32 * i)) as u32 as u64;
        q |= ((cur / d as u64) as u128) << (32 * i);
        rem = cur % d as u64;
    }
    *n = q;
    rem != 0
}

/// A finite f64 ≥ 0 (or +∞, as 2^1024) as m · 2^e with an integer m.
fn split(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let (raw, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    match raw {
        0 => (frac, -1074),
        0x7ff => (1, 1024),
        _ => (frac | 1 << 52, raw - 1075),
    }
}

/// The point halfway between `a` < `b`, as m · 2^k.
fn halfway(a: f64, b: f64) -> (u64, i64) {
    let ((ma, ea), (mb, eb)) = (split(a), split(b));
    let e = ea.min(eb);
    ((ma << (ea - e)) + (mb << (eb - e)), e - 1)
}

/// A natural number, 32-bit limbs, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn decimal(digits: &[u8]) -> Big {
        let mut b = Big(vec![0]);
        for chunk in digits.chunks(9) {
            let v = chunk.iter().fold(0u64, |v, &d| v * 10 + d as u64);
            b.mul_add(10u64.pow(chunk.len() as u32), v);
        }
        b
    }

    /// self · m + add.
    fn mul_add(&mut self, m: u64, add: u64) {
        let mut carry = add as u128;
        for limb in &mut self.0 {
            carry += *limb as u128 * m as u128;
            *limb = carry as u32;
            carry >>= 32;
        }
        while carry != 0 {
            self.0.push(carry as u32);
            carry >>= 32;
        }
    }

    fn mul(&mut self, m: u64) {
        self.mul_add(m, 0);
    }

    fn mul_pow10(&mut self, mut k: u64) {
        while k > 0 {
            let step = k.min(19);
            self.mul(10u64.pow(step as u32));
            k -= step;
        }
    }

    fn shl(&mut self, bits: u64) {
        self.mul(1 << (bits % 32));
        let mut shifted = vec![0; (bits / 32) as usize];
        shifted.extend_from_slice(&self.0);
        self.0 = shifted;
    }

    fn compare(&self, other: &Big) -> Ordering {
        let len = |b: &Big| b.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        let (a, b) = (&self.0[..len(self)], &other.0[..len(other)]);
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    fn same(text: &str) {
        let want = text.parse::<f64>().ok();
        let got = parse_f64(text);
        assert_eq!(
            got.map(f64::to_bits),
            want.map(f64::to_bits),
            "{text:?}: {got:?} vs {want:?}"
        );
    }

    #[test]
    fn reads_as_str_parse_does() {
        for t in [
            "0", "-0", "+0", "1", "1.", ".5", "+.5e-3", "1E5", "00012", "0.001", "", "+", "-", ".",
            "+.", "1e", "1e+", "e1", "1.2.3", "1e1.5", "--1", "1-", "+-1", "1e-", ".e1", "0e999999999999999999",
            "1e400", "1e-400", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "4.9406564584124654e-324", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999", "9007199254740993", "9007199254740992.5", "0.1", "0.3",
            "123456789012345678901234567890", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "1e23", "8.98846567431158e307", "0.12345678901234567", "1.2345678901234567e-7",
        ] {
            same(t);
        }
        let long = format!("0.{}1", "0".repeat(2000));
        same(&long);
        let halfway_plus = format!("9007199254740993{}1", "0".repeat(900));
        same(&halfway_plus);
        same(&halfway_plus[..halfway_plus.len() - 1]);
    }

    #[test]
    fn random_texts_and_floats_read_as_str_parse_does() {
        let mut rng = crate::rng::Rng::new(7);
        let alphabet = b"0123456789.+-eE00099";
        for _ in 0..50_000 {
            let len = 1 + (rng.next_u64() % 24) as usize;
            let t: String = (0..len)
                .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize] as char)
                .collect();
            same(&t);
        }
        for k in 0..60_000 {
            // Every third one a subnormal or a small normal, the rest any finite f64.
            let bits = rng.next_u64();
            let v = f64::from_bits(if k % 3 == 0 { bits >> 10 } else { bits });
            if v.is_finite() {
                same(&format!("{v:?}"));
                same(&format!("{v:e}"));
                same(&format!("{:.3e}", v));
                same(&format!("{:.25e}", v));
                // Just above and below halfway points: the shortest text plus digits.
                same(&format!("{v:e}").replacen('e', "5000000000000000000001e", 1));
            }
        }
    }
}
