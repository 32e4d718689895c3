//! The activation functions g^(n) a layer may use, and their derivatives g'(a).
//!
//! Each layer n has its own g^(n); the backward pass needs g'(a_i^(n)). For the logistic and tanh
//! functions g' is cheapest from the output x = g(a), so [`Activation::g_prime`] takes both.

use std::fmt;

use crate::lanes::{F64x2, Real};
use crate::math::Kit;

/// The activation g^(n) of one layer: x_i^(n) = g^(n)(a_i^(n)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// Logistic sigmoid g(a) = 1 / (1 + e^(−a)); g'(a) = g(a)(1 − g(a)).
    Sigmoid,
    /// Hyperbolic tangent g(a) = tanh a; g'(a) = 1 − tanh² a.
    Tanh,
    /// Rectified linear g(a) = max(0, a); g'(a) = 1 for a > 0, else 0.
    Relu,
    /// Identity g(a) = a; g'(a) = 1.
    Linear,
}

impl Activation {
    /// Every activation, in the order the UI lists them.
    pub const ALL: [Activation; 4] = [
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::Linear,
    ];

    /// x = g(a).
    #[inline]
    pub fn g(self, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => crate::math::sigmoid(a),
            Activation::Tanh => crate::math::tanh(a),
            Activation::Relu => a.max(0.0),
            Activation::Linear => a,
        }
    }

    /// g'(a), given the drive `a` and the output `x = g(a)` it produced.
    #[inline]
    pub fn g_prime(self, a: f64, x: f64) -> f64 {
        match self {
            Activation::Sigmoid => x * (1.0 - x),
            Activation::Tanh => 1.0 - x * x,
            Activation::Relu => {
                if a > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Linear => 1.0,
        }
    }

    /// x = g(a) for two patterns at once, each lane the same bits as [`Activation::g`]; `kit`
    /// holds the constants (see [`Kit`]).
    #[inline(always)]
    pub fn g_pair(self, a: F64x2, kit: &Kit<F64x2>) -> F64x2 {
        match self {
            Activation::Sigmoid => crate::math::sigmoid_of(a, kit),
            Activation::Tanh => crate::math::tanh_of(a, kit),
            Activation::Relu => F64x2::from_lanes(a.lanes().map(|a| a.max(0.0))),
            Activation::Linear => a,
        }
    }

    /// g'(a) for two patterns at once, each lane the same bits as [`Activation::g_prime`].
    #[inline(always)]
    pub fn g_prime_pair(self, a: F64x2, x: F64x2) -> F64x2 {
        let one = F64x2::splat(1.0);
        match self {
            Activation::Sigmoid => x * (one - x),
            Activation::Tanh => one - x * x,
            Activation::Relu => F64x2::select(a.gt(F64x2::splat(0.0)), one, F64x2::splat(0.0)),
            Activation::Linear => one,
        }
    }

    /// x = g(a) for a whole slice, the match hoisted out of the loop. Inlined into the block's
    /// loops, so that a block of known width (4 patterns) runs straight-line SIMD code.
    #[inline(always)]
    pub fn apply(self, a: &[f64], x: &mut [f64]) {
        match self {
            Activation::Sigmoid => a
                .iter()
                .zip(x)
                .for_each(|(a, x)| *x = crate::math::sigmoid(*a)),
            Activation::Tanh => a
                .iter()
                .zip(x)
                .for_each(|(a, x)| *x = crate::math::tanh(*a)),
            Activation::Relu => a.iter().zip(x).for_each(|(a, x)| *x = a.max(0.0)),
            Activation::Linear => x.copy_from_slice(a),
        }
    }

    /// d ← g'(a) · d for whole slices (a, x = g(a)), the match hoisted out of the loop.
    #[inline(always)]
    pub fn times_prime(self, a: &[f64], x: &[f64], d: &mut [f64]) {
        #[inline(always)]
        fn each(a: &[f64], x: &[f64], d: &mut [f64], f: impl Fn(f64, f64) -> f64) {
            for ((d, a), x) in d.iter_mut().zip(a).zip(x) {
                *d *= f(*a, *x);
            }
        }
        match self {
            Activation::Sigmoid => each(a, x, d, |_, x| x * (1.0 - x)),
            Activation::Tanh => each(a, x, d, |_, x| 1.0 - x * x),
            Activation::Relu => each(a, x, d, |a, _| if a > 0.0 { 1.0 } else { 0.0 }),
            Activation::Linear => {}
        }
    }

    /// The name used in model files and the UI: `sigmoid`, `tanh`, `relu`, `linear`.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Linear => "linear",
        }
    }

    /// The values x = g(a) can take or approach, [lo, hi] (±∞ for no bound): a target outside
    /// them cannot be fitted.
    pub fn range(self) -> (f64, f64) {
        match self {
            Activation::Sigmoid => (0.0, 1.0),
            Activation::Tanh => (-1.0, 1.0),
            Activation::Relu => (0.0, f64::INFINITY),
            Activation::Linear => (f64::NEG_INFINITY, f64::INFINITY),
        }
    }

    /// g′ written with x = g(a), as the lecture and the formula panel write it.
    pub fn derivative(self) -> &'static str {
        match self {
            Activation::Sigmoid => "x (1 − x)",
            Activation::Tanh => "1 − x²",
            Activation::Relu => "1 if a > 0, else 0",
            Activation::Linear => "1",
        }
    }

    /// Reads a name written by [`Activation::name`].
    ///
    /// # Errors
    /// An unknown name, with the list of known ones.
    #[inline]
    pub fn parse(name: &str) -> Result<Activation, String> {
        Activation::ALL
            .into_iter()
            .find(|g| g.name() == name)
            .ok_or_else(|| {
                format!("unknown activation \"{name}\" (expected sigmoid, tanh, relu or linear)")
            })
    }
}

impl fmt::Display for Activation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivatives_match_central_differences() {
        for g in Activation::ALL {
            for &a in &[-2.5, -0.3, 0.4, 1.7] {
                let h = 1e-6;
                let numeric = (g.g(a + h) - g.g(a - h)) / (2.0 * h);
                let exact = g.g_prime(a, g.g(a));
                assert!(
                    (numeric - exact).abs() < 1e-8,
                    "{g} at {a}: {numeric} vs {exact}"
                );
            }
        }
    }

    #[test]
    fn names_round_trip_and_unknown_is_explained() {
        for g in Activation::ALL {
            assert_eq!(Activation::parse(g.name()), Ok(g));
        }
        let err = Activation::parse("softmax").unwrap_err();
        assert!(err.contains("softmax") && err.contains("sigmoid"), "{err}");
    }
}
