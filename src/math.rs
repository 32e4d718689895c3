//! exp, expm1 and tanh for the activations, within a few ulp of libm and the same bit for bit on every
//! platform. WebAssembly has no exp instruction, so `f64::exp` there is a software routine with many
//! special cases; these are a table of 64 powers of two and a short polynomial, which the hot loop
//! can afford.

/// 64/ln2, and ln2/64 split so that N·LN2_64_HI is exact (Cody–Waite range reduction).
const INV_LN2_64: f64 = 92.33248261689366;
const LN2_64_HI: f64 = 0.010830417275428772;
const LN2_64_LO: f64 = 7.420820373486988e-09;

/// 2^(j/64) for j = 0..63, each correctly rounded (bit patterns computed with 60-digit decimals).
const TABLE: [u64; 64] = [
    0x3ff0000000000000,
    0x3ff02c9a3e778061,
    0x3ff059b0d3158574,
    0x3ff0874518759bc8,
    0x3ff0b5586cf9890f,
    0x3ff0e3ec32d3d1a2,
    0x3ff11301d0125b51,
    0x3ff1429aaea92de0,
    0x3ff172b83c7d517b,
    0x3ff1a35beb6fcb75,
    0x3ff1d4873168b9aa,
    0x3ff2063b88628cd6,
    0x3ff2387a6e756238,
    0x3ff26b4565e27cdd,
    0x3ff29e9df51fdee1,
    0x3ff2d285a6e4030b,
    0x3ff306fe0a31b715,
    0x3ff33c08b26416ff,
    0x3ff371a7373aa9cb,
    0x3ff3a7db34e59ff7,
    0x3ff3dea64c123422,
    0x3ff4160a21f72e2a,
    0x3ff44e086061892d,
    0x3ff486a2b5c13cd0,
    0x3ff4bfdad5362a27,
    0x3ff4f9b2769d2ca7,
    0x3ff5342b569d4f82,
    0x3ff56f4736b527da,
    0x3ff5ab07dd485429,
    0x3ff5e76f15ad2148,
    0x3ff6247eb03a5585,
    0x3ff6623882552225,
    0x3ff6a09e667f3bcd,
    0x3ff6dfb23c651a2f,
    0x3ff71f75e8ec5f74,
    0x3ff75feb564267c9,
    0x3ff7a11473eb0187,
    0x3ff7e2f336cf4e62,
    0x3ff82589994cce13,
    0x3ff868d99b4492ed,
    0x3ff8ace5422aa0db,
    0x3ff8f1ae99157736,
    0x3ff93737b0cdc5e5,
    0x3ff97d829fde4e50,
    0x3ff9c49182a3f090,
    0x3ffa0c667b5de565,
    0x3ffa5503b23e255d,
    0x3ffa9e6b5579fdbf,
    0x3ffae89f995ad3ad,
    0x3ffb33a2b84f15fb,
    0x3ffb7f76f2fb5e47,
    0x3ffbcc1e904bc1d2,
    0x3ffc199bdd85529c,
    0x3ffc67f12e57d14b,
    0x3ffcb720dcef9069,
    0x3ffd072d4a07897c,
    0x3ffd5818dcfba487,
    0x3ffda9e603db3285,
    0x3ffdfc97337b9b5f,
    0x3ffe502ee78b3ff6,
    0x3ffea4afa2a490da,
    0x3ffefa1bee615a27,
    0x3fff50765b6e4540,
    0x3fffa7c1819e90d8,
];

/// e^r − 1 for |r| ≤ 0.7, by its Taylor series to r¹⁷/17! (the next term is below 2⁻⁵⁶ · r).
#[inline(always)]
fn expm1_small(r: f64) -> f64 {
    const C: [f64; 16] = [
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5040.0,
        1.0 / 40320.0,
        1.0 / 362880.0,
        1.0 / 3628800.0,
        1.0 / 39916800.0,
        1.0 / 479001600.0,
        1.0 / 6227020800.0,
        1.0 / 87178291200.0,
        1.0 / 1307674368000.0,
        1.0 / 20922789888000.0,
        1.0 / 355687428096000.0,
    ];
    let mut p = C[15];
    for c in C[..15].iter().rev() {
        p = p * r + c;
    }
    r + r * r * p
}

/// e^x: x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so e^x = 2^k · 2^(j/64) · e^r and e^r needs
/// only five Taylor terms (r⁶/720 < 2⁻⁵⁴).
#[inline]
pub fn exp(x: f64) -> f64 {
    if !(-708.0..=709.0).contains(&x) {
        return x.exp(); // overflow, underflow to subnormals, NaN: rare, leave them to libm
    }
    let n = (x * INV_LN2_64).round();
    let r = (x - n * LN2_64_HI) - n * LN2_64_LO;
    let n = n as i64;
    let (k, j) = (n >> 6, (n & 63) as usize);
    let t = f64::from_bits(TABLE[j]);
    let p = r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0)))));
    let scale = f64::from_bits(((k + 1023) as u64) << 52);
    scale * (t + t * p)
}

/// e^x − 1, accurate also for tiny x.
#[inline]
pub fn expm1(x: f64) -> f64 {
    if x.abs() <= 0.346 {
        expm1_small(x)
    } else {
        exp(x) - 1.0
    }
}

/// tanh a: through expm1 for |a| < 0.35 so that small a keep their digits, else 1 − 2/(e^{2|a|} + 1).
#[inline]
pub fn tanh(a: f64) -> f64 {
    let m = a.abs();
    let t = if m < 0.35 {
        let e = expm1_small(2.0 * m);
        e / (e + 2.0)
    } else if m > 22.0 {
        1.0
    } else {
        1.0 - 2.0 / (exp(2.0 * m) + 1.0)
    };
    if a.is_nan() {
        a
    } else {
        t.copysign(a)
    }
}

/// The logistic function 1 / (1 + e^{−a}).
#[inline]
pub fn sigmoid(a: f64) -> f64 {
    1.0 / (1.0 + exp(-a))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place.
    fn ulps(a: f64, b: f64) -> f64 {
        if a == b {
            return 0.0;
        }
        let spacing = f64::from_bits(b.abs().to_bits() + 1) - b.abs();
        (a - b).abs() / spacing
    }

    #[test]
    fn within_four_ulps_of_libm_over_the_range_training_meets() {
        let mut worst = [0.0f64; 4];
        let mut x = -40.0;
        while x < 40.0 {
            for (k, (ours, libm)) in [
                (exp(x), x.exp()),
                (expm1(x), x.exp_m1()),
                (tanh(x), x.tanh()),
                (sigmoid(x), 1.0 / (1.0 + (-x).exp())),
            ]
            .into_iter()
            .enumerate()
            {
                worst[k] = worst[k].max(ulps(ours, libm));
            }
            x += 0.000_731;
        }
        assert!(
            worst.iter().all(|&u| u <= 4.0),
            "worst ulps exp, expm1, tanh, sigmoid: {worst:?}"
        );
    }

    #[test]
    fn tiny_and_extreme_arguments() {
        assert_eq!(tanh(1e-300), 1e-300);
        assert!(ulps(expm1(1e-10), 1e-10 + 5e-21) <= 1.0);
        assert_eq!(tanh(30.0), 1.0);
        assert_eq!(tanh(-30.0), -1.0);
        assert_eq!(exp(-800.0), 0.0);
        assert_eq!(exp(800.0), f64::INFINITY);
        assert!(exp(f64::NAN).is_nan() && tanh(f64::NAN).is_nan());
        assert_eq!(sigmoid(-800.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
    }
}
