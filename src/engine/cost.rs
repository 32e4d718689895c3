//! Operation counts, so that "backprop is O(n), numerical differentiation O(n²)" (Blackboard 2.3) is
//! measured by the code that does the work rather than asserted.

use std::ops::{Add, AddAssign};

/// What a computation cost: pattern forward passes, multiply-adds and activation evaluations.
///
/// One forward pass of one pattern costs Σ_n m^(n)·(m^(n−1) + 1) multiply-adds (= n, the number of
/// weights and biases; a bias is the weight on the constant input x_0 = 1) and Σ_n m^(n) evaluations
/// of g. The backward pass of one pattern adds, per layer, m^(n) evaluations of g', m^(n)·m^(n+1)
/// multiply-adds to carry δ down (layers below L) and m^(n)·(m^(n−1) + 1) for ∂E/∂w.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpCount {
    /// Pattern forward passes (one pattern through all L layers).
    pub forward_passes: u64,
    /// Multiply-adds (w·x, δ·w, δ·x).
    pub multiply_adds: u64,
    /// Evaluations of g or g'.
    pub activations: u64,
}

impl Add for OpCount {
    type Output = OpCount;
    fn add(self, o: OpCount) -> OpCount {
        OpCount {
            forward_passes: self.forward_passes + o.forward_passes,
            multiply_adds: self.multiply_adds + o.multiply_adds,
            activations: self.activations + o.activations,
        }
    }
}

impl AddAssign for OpCount {
    fn add_assign(&mut self, o: OpCount) {
        *self = *self + o;
    }
}
