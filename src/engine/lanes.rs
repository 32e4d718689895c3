//! Two patterns at once: [`F64x2`], a pair of f64 that the block's loops over patterns and the
//! activations work on. In wasm with `simd128` (see .cargo/config.toml) it is one `v128` and every
//! operation one instruction; elsewhere a plain pair, operated on lane by lane.
//!
//! Each operation is the same IEEE operation on each lane as on a lone f64, so a function written
//! once over [`Real`] gives the same bits for a pattern whether it went through alone (`f64`) or
//! in a pair.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// What the activations need of a number: f64 itself, or two of them side by side.
pub trait Real:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// Where a comparison held, lane by lane.
    type Mask: Copy;
    /// `v` in every lane.
    fn splat(v: f64) -> Self;
    /// |x|.
    fn abs(self) -> Self;
    /// |x| with the sign of `sign`.
    fn copysign(self, sign: Self) -> Self;
    /// x < y.
    fn lt(self, y: Self) -> Self::Mask;
    /// x > y.
    fn gt(self, y: Self) -> Self::Mask;
    /// x is NaN.
    fn is_nan(self) -> Self::Mask;
    /// `yes` where the mask holds, else `no`.
    fn select(mask: Self::Mask, yes: Self, no: Self) -> Self;
    /// 2^k from t = k + 1.5·2⁵² (the integer k in the low bits of t): k + 1023 shifted into the
    /// exponent field.
    fn two_to_low_bits(t: Self) -> Self;
}

impl Real for f64 {
    type Mask = bool;
    #[inline(always)]
    fn splat(v: f64) -> f64 {
        v
    }
    #[inline(always)]
    fn abs(self) -> f64 {
        f64::abs(self)
    }
    #[inline(always)]
    fn copysign(self, sign: f64) -> f64 {
        f64::copysign(self, sign)
    }
    #[inline(always)]
    fn lt(self, y: f64) -> bool {
        self < y
    }
    #[inline(always)]
    fn gt(self, y: f64) -> bool {
        self > y
    }
    #[inline(always)]
    fn is_nan(self) -> bool {
        f64::is_nan(self)
    }
    #[inline(always)]
    fn select(mask: bool, yes: f64, no: f64) -> f64 {
        if mask {
            yes
        } else {
            no
        }
    }
    #[inline(always)]
    fn two_to_low_bits(t: f64) -> f64 {
        f64::from_bits(t.to_bits().wrapping_add(1023) << 52)
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod pair {
    use core::arch::wasm32::*;

    /// Two f64 in one wasm `v128`.
    #[derive(Clone, Copy, Debug)]
    pub struct F64x2(v128);

    impl F64x2 {
        /// (s[0], s[1]).
        #[inline(always)]
        pub fn load(s: &[f64]) -> F64x2 {
            F64x2(f64x2(s[0], s[1]))
        }
        /// (p, q).
        #[inline(always)]
        pub fn from_lanes([p, q]: [f64; 2]) -> F64x2 {
            F64x2(f64x2(p, q))
        }
        /// (v, v), in a constant.
        pub const fn constant(v: f64) -> F64x2 {
            F64x2(f64x2(v, v))
        }
        /// Writes the lanes to s[0], s[1].
        #[inline(always)]
        pub fn store(self, s: &mut [f64]) {
            let s = &mut s[..2];
            s[0] = f64x2_extract_lane::<0>(self.0);
            s[1] = f64x2_extract_lane::<1>(self.0);
        }
        /// The two lanes.
        #[inline(always)]
        pub fn lanes(self) -> [f64; 2] {
            [
                f64x2_extract_lane::<0>(self.0),
                f64x2_extract_lane::<1>(self.0),
            ]
        }
    }

    macro_rules! op {
        ($trait:ident, $method:ident, $f:ident) => {
            impl std::ops::$trait for F64x2 {
                type Output = F64x2;
                #[inline(always)]
                fn $method(self, y: F64x2) -> F64x2 {
                    F64x2($f(self.0, y.0))
                }
            }
        };
    }
    op!(Add, add, f64x2_add);
    op!(Sub, sub, f64x2_sub);
    op!(Mul, mul, f64x2_mul);
    op!(Div, div, f64x2_div);

    impl std::ops::Neg for F64x2 {
        type Output = F64x2;
        #[inline(always)]
        fn neg(self) -> F64x2 {
            F64x2(f64x2_neg(self.0))
        }
    }

    impl super::Real for F64x2 {
        type Mask = v128;
        #[inline(always)]
        fn splat(v: f64) -> F64x2 {
            F64x2(f64x2_splat(v))
        }
        #[inline(always)]
        fn abs(self) -> F64x2 {
            F64x2(f64x2_abs(self.0))
        }
        #[inline(always)]
        fn copysign(self, sign: F64x2) -> F64x2 {
            F64x2(v128_bitselect(sign.0, self.0, f64x2_splat(-0.0)))
        }
        #[inline(always)]
        fn lt(self, y: F64x2) -> v128 {
            f64x2_lt(self.0, y.0)
        }
        #[inline(always)]
        fn gt(self, y: F64x2) -> v128 {
            f64x2_gt(self.0, y.0)
        }
        #[inline(always)]
        fn is_nan(self) -> v128 {
            f64x2_ne(self.0, self.0)
        }
        #[inline(always)]
        fn select(mask: v128, yes: F64x2, no: F64x2) -> F64x2 {
            F64x2(v128_bitselect(yes.0, no.0, mask))
        }
        #[inline(always)]
        fn two_to_low_bits(t: F64x2) -> F64x2 {
            F64x2(i64x2_shl(i64x2_add(t.0, i64x2_splat(1023)), 52))
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod pair {
    use super::Real;

    /// Two f64 side by side, operated on lane by lane.
    #[derive(Clone, Copy, Debug)]
    pub struct F64x2([f64; 2]);

    impl F64x2 {
        /// (s[0], s[1]).
        #[inline(always)]
        pub fn load(s: &[f64]) -> F64x2 {
            F64x2([s[0], s[1]])
        }
        /// (p, q).
        #[inline(always)]
        pub fn from_lanes(lanes: [f64; 2]) -> F64x2 {
            F64x2(lanes)
        }
        /// (v, v), in a constant.
        pub const fn constant(v: f64) -> F64x2 {
            F64x2([v, v])
        }
        /// Writes the lanes to s[0], s[1].
        #[inline(always)]
        pub fn store(self, s: &mut [f64]) {
            s[..2].copy_from_slice(&self.0);
        }
        /// The two lanes.
        #[inline(always)]
        pub fn lanes(self) -> [f64; 2] {
            self.0
        }
        #[inline(always)]
        fn map(self, f: impl Fn(f64) -> f64) -> F64x2 {
            F64x2([f(self.0[0]), f(self.0[1])])
        }
        #[inline(always)]
        fn zip(self, y: F64x2, f: impl Fn(f64, f64) -> f64) -> F64x2 {
            F64x2([f(self.0[0], y.0[0]), f(self.0[1], y.0[1])])
        }
    }

    macro_rules! op {
        ($trait:ident, $method:ident, $op:tt) => {
            impl std::ops::$trait for F64x2 {
                type Output = F64x2;
                #[inline(always)]
                fn $method(self, y: F64x2) -> F64x2 {
                    self.zip(y, |a, b| a $op b)
                }
            }
        };
    }
    op!(Add, add, +);
    op!(Sub, sub, -);
    op!(Mul, mul, *);
    op!(Div, div, /);

    impl std::ops::Neg for F64x2 {
        type Output = F64x2;
        #[inline(always)]
        fn neg(self) -> F64x2 {
            self.map(|x| -x)
        }
    }

    impl Real for F64x2 {
        type Mask = [bool; 2];
        #[inline(always)]
        fn splat(v: f64) -> F64x2 {
            F64x2([v, v])
        }
        #[inline(always)]
        fn abs(self) -> F64x2 {
            self.map(f64::abs)
        }
        #[inline(always)]
        fn copysign(self, sign: F64x2) -> F64x2 {
            self.zip(sign, f64::copysign)
        }
        #[inline(always)]
        fn lt(self, y: F64x2) -> [bool; 2] {
            [self.0[0] < y.0[0], self.0[1] < y.0[1]]
        }
        #[inline(always)]
        fn gt(self, y: F64x2) -> [bool; 2] {
            [self.0[0] > y.0[0], self.0[1] > y.0[1]]
        }
        #[inline(always)]
        fn is_nan(self) -> [bool; 2] {
            [self.0[0].is_nan(), self.0[1].is_nan()]
        }
        #[inline(always)]
        fn select(mask: [bool; 2], yes: F64x2, no: F64x2) -> F64x2 {
            F64x2([
                f64::select(mask[0], yes.0[0], no.0[0]),
                f64::select(mask[1], yes.0[1], no.0[1]),
            ])
        }
        #[inline(always)]
        fn two_to_low_bits(t: F64x2) -> F64x2 {
            t.map(f64::two_to_low_bits)
        }
    }
}

pub use pair::F64x2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_gives_each_lane_what_a_lone_f64_gives() {
        let (x, y) = ([1.5, -0.0], [f64::NAN, 3.0]);
        let (px, py) = (F64x2::load(&x), F64x2::load(&y));
        let bits = |v: [f64; 2]| v.map(f64::to_bits);
        for (pair, lone) in [
            ((px + py).lanes(), [x[0] + y[0], x[1] + y[1]]),
            ((px / py).lanes(), [x[0] / y[0], x[1] / y[1]]),
            (
                px.copysign(py).lanes(),
                [x[0].copysign(y[0]), x[1].copysign(y[1])],
            ),
            (
                F64x2::select(px.lt(py), px, py).lanes(),
                [f64::select(x[0] < y[0], x[0], y[0]), -0.0],
            ),
        ] {
            assert_eq!(bits(pair), bits(lone));
        }
        let t = F64x2::load(&[6_755_399_441_055_744.0 + 3.0, 6_755_399_441_055_744.0 - 2.0]);
        assert_eq!(Real::two_to_low_bits(t).lanes(), [8.0, 0.25]);
        let mut out = [0.0; 3];
        px.store(&mut out[1..]);
        assert_eq!(bits([out[1], out[2]]), bits(x));
    }
}
