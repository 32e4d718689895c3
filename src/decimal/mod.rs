//! Reading decimal text into the nearest f64, exactly as `str::parse::<f64>` does, in about 3 KB of
//! wasm instead of core's ~16 KB (its Eisel–Lemire tables and fallback). Model files, setups and URL
//! hashes read their numbers here.
//!
//! Short numbers take the exact fast path (≤ 15 digits and 10^±22: one correctly rounded f64
//! multiplication or division); the rest divide big integers: value = D·10^e = num/den, and the
//! quotient's 53 bits plus the remainder decide the rounding (ties to even), subnormals included.

mod big;

use big::Big;

/// Significant digits kept; later nonzero digits only mark the value as a little above (767 digits
/// always suffice to round an f64 correctly).
const MAX_DIGITS: usize = 800;

/// 10^0 … 10^22, every one an exact f64.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?` into the nearest f64 (ties
/// to even), ±∞ beyond f64::MAX and ±0 below the smallest subnormal — as `str::parse::<f64>`.
/// `None` for any other text (including `inf` and `NaN`, which str::parse would accept).
pub fn parse(text: &str) -> Option<f64> {
    let s = text.as_bytes();
    let mut i = 0;
    let negative = s.first() == Some(&b'-');
    if matches!(s.first(), Some(b'-' | b'+')) {
        i += 1;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut e10: i64 = 0;
    let (mut seen, mut sticky) = (false, false);
    let mut take = |d: u8, after_point: bool, digits: &mut Vec<u8>, e10: &mut i64| {
        if digits.is_empty() && d == 0 {
            *e10 -= i64::from(after_point);
        } else if digits.len() < MAX_DIGITS {
            digits.push(d);
            *e10 -= i64::from(after_point);
        } else {
            sticky |= d != 0;
            *e10 += i64::from(!after_point);
        }
    };
    while let Some(&b @ b'0'..=b'9') = s.get(i) {
        take(b - b'0', false, &mut digits, &mut e10);
        (seen, i) = (true, i + 1);
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b @ b'0'..=b'9') = s.get(i) {
            take(b - b'0', true, &mut digits, &mut e10);
            (seen, i) = (true, i + 1);
        }
    }
    if !seen {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        let minus = s.get(i) == Some(&b'-');
        if matches!(s.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let start = i;
        let mut exp: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = s.get(i) {
            exp = (exp * 10 + i64::from(b - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        e10 += if minus { -exp } else { exp };
    }
    if i != s.len() {
        return None;
    }
    if sticky {
        // A digit 1 after the kept ones: above the truncated value, below the next one.
        digits.push(1);
        e10 -= 1;
    }
    let v = magnitude(&digits, e10);
    Some(if negative { -v } else { v })
}

/// D·10^e10 for the digits D (no leading zeros), rounded to the nearest f64.
fn magnitude(digits: &[u8], e10: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // The value lies in [10^(mag−1), 10^mag).
    let mag = digits.len() as i64 + e10;
    if mag > 310 {
        return f64::INFINITY;
    }
    if mag < -324 {
        return 0.0;
    }
    if digits.len() <= 15 && e10.abs() <= 22 {
        // D < 10^15 < 2^53 and 10^|e10| ≤ 10^22 are exact f64s, so one operation rounds once.
        let d = digits.iter().fold(0.0, |acc, &x| acc * 10.0 + f64::from(x));
        let p = POW10[e10.unsigned_abs() as usize];
        return if e10 < 0 { d / p } else { d * p };
    }
    let mut num = Big::from_digits(digits);
    let mut den = Big::one();
    if e10 >= 0 {
        num.mul_pow10(e10 as u32);
    } else {
        den.mul_pow10(e10.unsigned_abs() as u32);
    }
    ratio(num, den)
}

/// num/den (both > 0) rounded to the nearest f64, ties to even.
fn ratio(num: Big, den: Big) -> f64 {
    // value = q·2^e2 with q of 53 bits (or fewer for subnormals, where e2 = −1074).
    let mut e2 = num.bits() as i64 - den.bits() as i64 - 53;
    loop {
        e2 = e2.max(-1074);
        let (mut n, mut d) = (num.clone(), den.clone());
        if e2 < 0 {
            n.shl(e2.unsigned_abs() as usize);
        } else {
            d.shl(e2 as usize);
        }
        let (q, rem) = n.div_small_quotient(&d);
        if q >= 1 << 53 {
            e2 += 1;
            continue;
        }
        if q < 1 << 52 && e2 > -1074 {
            e2 -= 1;
            continue;
        }
        // Round: compare the remainder with half the divisor.
        let mut twice = rem;
        twice.shl(1);
        let up = match twice.cmp(&d) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => q & 1 == 1,
            std::cmp::Ordering::Less => false,
        };
        let (mut q, mut e2) = (q + u64::from(up), e2);
        if q == 1 << 53 {
            (q, e2) = (1 << 52, e2 + 1);
        }
        if e2 + 52 > 1023 {
            return f64::INFINITY;
        }
        // Normal: q = 2^52 + fraction, and adding q's top bit to the exponent field (e2 + 1074) makes
        // it e2 + 1075 = e2 + 52 + bias. Subnormal: e2 = −1074, q < 2^52 is the bit pattern itself
        // (and q = 2^52 there is the smallest normal).
        return f64::from_bits((((e2 + 1074) as u64) << 52) + q);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ours must equal str::parse bit for bit (NaN never occurs: no "nan" text is generated).
    fn agrees(text: &str) {
        let ours = parse(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(
            ours,
            std,
            "{text:?}: ours {:?}, std {:?}",
            parse(text),
            text.parse::<f64>()
        );
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// The digits D with m·2^e = D·10^e exactly (e < 0): D = m·5^−e.
    fn exact_digits(m: u64, e: i32) -> String {
        let mut b = Big(vec![m as u32, (m >> 32) as u32]);
        b.trim();
        for _ in 0..-e {
            b.mul_add(5, 0);
        }
        let mut digits = Vec::new();
        while !b.0.is_empty() {
            let mut rem = 0u64;
            for limb in b.0.iter_mut().rev() {
                let cur = (rem << 32) | u64::from(*limb);
                *limb = (cur / 10) as u32;
                rem = cur % 10;
            }
            b.trim();
            digits.push(b'0' + rem as u8);
        }
        digits.reverse();
        String::from_utf8(digits).unwrap()
    }

    /// The exact midpoint (2m+1)·2^(e−1) as text, and texts just above and just below it.
    fn around_midpoint(m: u64, e: i32) -> [String; 3] {
        let d = exact_digits(2 * m + 1, e - 1);
        let below = format!("{}49e{}", &d[..d.len() - 1], e - 2);
        [format!("{d}e{}", e - 1), format!("{d}1e{}", e - 2), below]
    }

    #[test]
    fn agrees_with_str_parse() {
        for t in [
            "0",
            "-0",
            "+0",
            "1",
            "-1",
            ".5",
            "5.",
            "0.1",
            "1e0",
            "1E+2",
            "1e-2",
            "123456789012345678",
            "9007199254740993",
            "9007199254740992.5",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "-1e309",
            "2e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "5e-324",
            "1e-400",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "0.000000000000000000000000000000000000001",
            "1e1000000000",
            "1e-1000000000",
            "00000.00000e5",
            "",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1x",
            "+-1",
            "--1",
            "1 ",
            " 1",
        ] {
            agrees(t);
        }
        for t in ["inf", "-inf", "NaN", "infinity"] {
            assert_eq!(parse(t), None, "{t}: not a decimal number");
        }
        let long = format!("0.{}1", "0".repeat(2000));
        agrees(&long);
        agrees(&format!("1{}", "0".repeat(400)));
        agrees(&format!("{}e-400", "3".repeat(900)));
    }

    #[test]
    fn agrees_on_random_floats_and_their_neighbourhood() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..25_000 {
            let v = f64::from_bits(rng.next());
            if !v.is_finite() {
                continue;
            }
            agrees(&format!("{v:?}"));
            agrees(&format!("{v:e}"));
            agrees(&format!("{v:.20e}"));
            agrees(&format!("{:.*e}", (rng.next() % 18) as usize, v));
        }
        for _ in 0..20_000 {
            let n = 1 + rng.next() % 30;
            let digits: String = (0..n)
                .map(|_| char::from(b'0' + (rng.next() % 10) as u8))
                .collect();
            let e = (rng.next() % 700) as i64 - 350;
            agrees(&format!("{digits}e{e}"));
            agrees(&format!("0.{digits}e{e}"));
        }
    }

    #[test]
    fn rounds_exact_halfway_cases_to_even() {
        let mut rng = Rng(77);
        for _ in 0..3_000 {
            let m = (1u64 << 52) | (rng.next() >> 12);
            let e = -((rng.next() % 80) as i32) - 1;
            around_midpoint(m, e).iter().for_each(|t| agrees(t));
        }
        for m in [0u64, 1, 2, 3, 12345, (1 << 52) - 1] {
            around_midpoint(m, -1074).iter().for_each(|t| agrees(t));
        }
    }
}
