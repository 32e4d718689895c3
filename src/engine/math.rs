//! exp, expm1 and tanh for the activations, within a few ulp of libm and the same bit for bit on every
//! platform. WebAssembly has no exp instruction, so `f64::exp` there is a software routine with many
//! special cases; these are one branch-free range reduction and one polynomial, which the hot loop
//! can afford and the compiler can vectorise.

/// ln 2 split so that k·LN2_HI is exact for |k| < 2¹¹ (Cody–Waite range reduction).
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const INV_LN2: f64 = std::f64::consts::LOG2_E;
/// 1.5·2⁵²: adding it rounds to an integer (ties to even) and leaves that integer in the low bits.
const ROUNDER: f64 = 6_755_399_441_055_744.0;

use crate::lanes::{F64x2, Real};

/// 1/2!, 1/3!, …, 1/13!: e^r − 1 = r + r² Σ C[i] rⁱ to r¹³.
const C: [f64; 12] = [
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
];

/// Every constant exp, expm1, tanh and the logistic function use, as numbers of type T. For f64
/// the compiler folds them into the code. A block of pairs builds one kit and hands it to every
/// call (see block.rs), because a SIMD constant written into wasm code costs V8 three instructions
/// at each use, while a kit's value stays in a register or one load away.
#[derive(Clone, Copy, Debug)]
pub struct Kit<T> {
    c: [T; 12],
    inv_ln2: T,
    rounder: T,
    ln2_hi: T,
    ln2_lo: T,
    lo: T,
    hi: T,
    zero: T,
    one: T,
    minus_one: T,
    two: T,
    infinity: T,
    tanh_cap: T,
}

impl<T: Real> Kit<T> {
    /// The constants as T.
    #[inline(always)]
    pub fn new() -> Kit<T> {
        Kit {
            c: C.map(T::splat),
            inv_ln2: T::splat(INV_LN2),
            rounder: T::splat(ROUNDER),
            ln2_hi: T::splat(LN2_HI),
            ln2_lo: T::splat(LN2_LO),
            lo: T::splat(-708.0),
            hi: T::splat(709.0),
            zero: T::splat(0.0),
            one: T::splat(1.0),
            minus_one: T::splat(-1.0),
            two: T::splat(2.0),
            infinity: T::splat(f64::INFINITY),
            tanh_cap: T::splat(44.0),
        }
    }
}

/// The kit of pairs, in memory once for the whole run (see [`Kit`]).
pub static PAIR_KIT: Kit<F64x2> = {
    let k = F64x2::constant;
    let mut c = [k(0.0); 12];
    let mut i = 0;
    while i < 12 {
        c[i] = k(C[i]);
        i += 1;
    }
    Kit {
        c,
        inv_ln2: k(INV_LN2),
        rounder: k(ROUNDER),
        ln2_hi: k(LN2_HI),
        ln2_lo: k(LN2_LO),
        lo: k(-708.0),
        hi: k(709.0),
        zero: k(0.0),
        one: k(1.0),
        minus_one: k(-1.0),
        two: k(2.0),
        infinity: k(f64::INFINITY),
        tanh_cap: k(44.0),
    }
};

impl<T: Real> Default for Kit<T> {
    #[inline(always)]
    fn default() -> Kit<T> {
        Kit::new()
    }
}

/// e^r − 1 for |r| ≤ ln2/2, by its Taylor series to r¹³/13! (the next term is below 2⁻⁵⁵ · r),
/// evaluated in Estrin's scheme (pairs of terms, then powers of r²) so that the multiply-adds do not
/// wait on each other in one long chain.
#[inline(always)]
fn expm1_reduced<T: Real>(r: T, k: &Kit<T>) -> T {
    let c = &k.c;
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    // p(r) = Σ C[i] rⁱ, so that e^r − 1 = r + r² p(r)
    let p01 = c[0] + c[1] * r;
    let p23 = c[2] + c[3] * r;
    let p45 = c[4] + c[5] * r;
    let p67 = c[6] + c[7] * r;
    let p89 = c[8] + c[9] * r;
    let p1011 = c[10] + c[11] * r;
    let p03 = p01 + p23 * r2;
    let p47 = p45 + p67 * r2;
    let p811 = p89 + p1011 * r2;
    let p = (p03 + p47 * r4) + p811 * r8;
    r + r2 * p
}

/// x = k·ln2 + r with |r| ≤ ln2/2, for |x| ≤ 709; returns (2^k, r). No branches, no float-to-int
/// conversion and no table, so it runs on two lanes at once (f64x2 in wasm).
#[inline(always)]
fn reduce<T: Real>(x: T, k: &Kit<T>) -> (T, T) {
    let t = x * k.inv_ln2 + k.rounder;
    let n = t - k.rounder;
    let r = (x - n * k.ln2_hi) - n * k.ln2_lo;
    // The low bits of t hold n; shifted into the exponent field they make 2^n.
    (T::two_to_low_bits(t), r)
}

/// x clamped to [−708, 709] by comparisons (the same value as `f64::clamp` for every number; NaN
/// may come out as a bound, which the callers override).
#[inline(always)]
fn clamp_range<T: Real>(x: T, k: &Kit<T>) -> T {
    let x = T::select(x.lt(k.lo), k.lo, x);
    T::select(x.gt(k.hi), k.hi, x)
}

/// e^x on f64 or on two lanes at once ([`exp`] for one number).
#[inline(always)]
pub fn exp_of<T: Real>(x: T, k: &Kit<T>) -> T {
    let (two_n, r) = reduce(clamp_range(x, k), k);
    let y = two_n + two_n * expm1_reduced(r, k);
    let y = T::select(x.lt(k.lo), k.zero, y);
    let y = T::select(x.gt(k.hi), k.infinity, y);
    T::select(x.is_nan(), x, y)
}

/// e^x − 1 on f64 or on two lanes at once ([`expm1`] for one number).
#[inline(always)]
pub fn expm1_of<T: Real>(x: T, k: &Kit<T>) -> T {
    let (two_n, r) = reduce(clamp_range(x, k), k);
    let y = two_n * expm1_reduced(r, k) + (two_n - k.one);
    let y = T::select(x.lt(k.lo), k.minus_one, y);
    let y = T::select(x.gt(k.hi), k.infinity, y);
    T::select(x.is_nan(), x, y)
}

/// tanh on f64 or on two lanes at once ([`tanh`] for one number).
#[inline(always)]
pub fn tanh_of<T: Real>(a: T, k: &Kit<T>) -> T {
    // min(2|a|, 44) as a comparison: `f64::min` is a libm call in wasm (its NaN rule differs from
    // the instruction's) and does not vectorise; for NaN both give 44, overridden below.
    let two_a = k.two * a.abs();
    let x = T::select(two_a.lt(k.tanh_cap), two_a, k.tanh_cap);
    // e^x − 1 as in [`expm1_of`], whose clamping and NaN cases cannot arise for x in [0, 44].
    let (two_n, r) = reduce(x, k);
    let t = two_n * expm1_reduced(r, k) + (two_n - k.one);
    let y = (t / (t + k.two)).copysign(a);
    T::select(a.is_nan(), a, y)
}

/// The logistic function on f64 or on two lanes at once ([`sigmoid`] for one number).
#[inline(always)]
pub fn sigmoid_of<T: Real>(a: T, k: &Kit<T>) -> T {
    k.one / (k.one + exp_of(-a, k))
}

/// e^x. Results below the normal range flush to 0 (x < −708), above it are ∞ (x > 709).
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    exp_of(x, &Kit::new())
}

/// e^x − 1, accurate also for tiny x: 2^k·p + (2^k − 1), neither part cancelling.
#[inline(always)]
pub fn expm1(x: f64) -> f64 {
    expm1_of(x, &Kit::new())
}

/// tanh a = t / (t + 2) with t = e^{2|a|} − 1, sign restored; 1 for |a| > 22 (t is then far past
/// 2 / ulp).
#[inline(always)]
pub fn tanh(a: f64) -> f64 {
    tanh_of(a, &Kit::new())
}

/// The logistic function 1 / (1 + e^{−a}).
#[inline(always)]
pub fn sigmoid(a: f64) -> f64 {
    sigmoid_of(a, &Kit::new())
}

/// π/2 in two parts: k·PIO2_HI is exact for |k| < 2²⁰ (fdlibm's split).
const PIO2_HI: f64 = f64::from_bits(0x3ff9_21fb_5440_0000);
const PIO2_LO: f64 = f64::from_bits(0x3dd0_b461_1a62_6331);

/// 1/n! for n = 0..19.
const INV_FACTORIAL: [f64; 20] = {
    let mut f = [1.0; 20];
    let mut n = 1;
    while n < 20 {
        f[n] = f[n - 1] / n as f64;
        n += 1;
    }
    f
};

/// (sin x, cos x) within a few ulp for |x| ≤ 10⁵, for the data sets' angles. The same bits on every
/// platform, and without libm's general range reduction (5 KB of wasm) that huge arguments need:
/// x = k·π/2 + r with |r| ≤ π/4, Taylor series of sin r and cos r to r¹⁷ and r¹⁸ (the next terms
/// are below 10⁻¹⁹), then the quadrant k mod 4 swaps and negates them.
pub fn sin_cos(x: f64) -> (f64, f64) {
    let k = (x * std::f64::consts::FRAC_2_PI).round();
    let r = (x - k * PIO2_HI) - k * PIO2_LO;
    let r2 = r * r;
    // Σ (−1)ⁿ r²ⁿ/(2n+1)! and Σ (−1)ⁿ r²ⁿ/(2n)! for n = 9 down to 1 (Horner).
    let (mut s, mut c) = (0.0, 0.0);
    for n in (1..=9).rev() {
        let sign = if n % 2 == 1 { -1.0 } else { 1.0 };
        s = s * r2 + sign * INV_FACTORIAL[2 * n + 1];
        c = c * r2 + sign * INV_FACTORIAL[2 * n];
    }
    let (s, c) = (r + r * r2 * s, 1.0 + r2 * c);
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
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
    fn sin_cos_within_two_ulps_of_libm_where_the_data_sets_use_them() {
        let mut x = -50.0;
        while x < 50.0 {
            let (s, c) = sin_cos(x);
            for (ours, libm) in [(s, x.sin()), (c, x.cos())] {
                assert!(
                    ulps(ours, libm) <= 2.0 || (ours - libm).abs() < 1e-16,
                    "x = {x}: {ours} vs {libm}"
                );
            }
            x += 0.000_913;
        }
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
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
