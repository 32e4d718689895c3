//! The numbers of one pattern μ going through the network: x^(0), a^(n), x^(n), δ^(n) and Ẽ(μ).
//!
//! Flat buffers, allocated once and reused, so training allocates nothing per pattern. Layer n's
//! neurons sit at `layer.unit ..` in `a` and `delta`, and at `N + layer.unit ..` in `x`, right after
//! x^(n−1): the input of a layer is the slice just before its output.

use crate::cost::OpCount;
use crate::network::{Layer, Network};

/// One pattern's forward and backward numbers. Entries not computed yet are NaN.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    /// a_i^(n) for all neurons of layers 1..L.
    pub a: Vec<f64>,
    /// x^(0) (the N inputs), then x_i^(n) for all neurons of layers 1..L.
    pub x: Vec<f64>,
    /// δ_i^(n) = ∂E/∂a_i^(n) (this pattern's share) for all neurons of layers 1..L.
    pub delta: Vec<f64>,
    /// Ẽ(μ) = ½ Σ_i (t_i^μ − ŷ_i^μ)².
    pub e: f64,
    /// What this pass has cost so far.
    pub cost: OpCount,
    inputs: usize,
}

impl Pass {
    /// Buffers for `net`, every number NaN ("not computed yet").
    pub fn new(net: &Network) -> Pass {
        let m = net.neurons();
        Pass {
            a: vec![f64::NAN; m],
            x: vec![f64::NAN; net.inputs() + m],
            delta: vec![f64::NAN; m],
            e: f64::NAN,
            cost: OpCount::default(),
            inputs: net.inputs(),
        }
    }

    /// Marks every number but the input as not computed yet (NaN).
    pub fn clear(&mut self) {
        self.x[self.inputs..].fill(f64::NAN);
        self.a.fill(f64::NAN);
        self.delta.fill(f64::NAN);
        self.e = f64::NAN;
    }

    /// a^(n) of `layer`.
    pub fn a(&self, layer: &Layer) -> &[f64] {
        &self.a[layer.unit..layer.unit + layer.m]
    }

    /// x^(n) of `layer`.
    pub fn x_out(&self, layer: &Layer) -> &[f64] {
        let start = self.inputs + layer.unit;
        &self.x[start..start + layer.m]
    }

    /// x^(n) for n = 0..=L (x^(0) is the input).
    pub fn x(&self, net: &Network, n: usize) -> &[f64] {
        if n == 0 {
            &self.x[..self.inputs]
        } else {
            self.x_out(net.layer(n))
        }
    }

    /// δ^(n) of `layer`.
    pub fn delta(&self, layer: &Layer) -> &[f64] {
        &self.delta[layer.unit..layer.unit + layer.m]
    }

    /// ŷ = x^(L).
    pub fn y(&self, net: &Network) -> &[f64] {
        self.x(net, net.depth())
    }
}
