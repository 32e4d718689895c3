//! ∂E/∂w for every weight and bias by backpropagation: one forward and one backward pass per pattern.

use crate::backward::backward;
use crate::cost::OpCount;
use crate::dataset::Dataset;
use crate::forward::{forward, pattern_error};
use crate::network::Network;
use crate::pass::Pass;

/// Everything backprop computed at the current weights (nothing updated).
#[derive(Clone, Debug)]
pub struct Backprop {
    /// Pattern μ's a, x, δ and Ẽ(μ), for μ = 1..P.
    pub passes: Vec<Pass>,
    /// E = Σ_μ Ẽ(μ).
    pub e: f64,
    /// ∂E/∂w = Σ_μ δ_i^(n) x_j^(n−1) (and Σ_μ δ_i^(n) for biases), in the parameter layout.
    pub grad: Vec<f64>,
    /// Forward plus backward cost over all patterns.
    pub cost: OpCount,
}

/// Runs forward, error and backward for every pattern and sums the gradient.
pub fn backprop(net: &Network, data: &Dataset) -> Backprop {
    let mut grad = vec![0.0; net.params().len()];
    let mut passes = Vec::with_capacity(data.len());
    let (mut e, mut cost) = (0.0, OpCount::default());
    for mu in 0..data.len() {
        let (input, target) = data.pattern(mu);
        let mut pass = Pass::new(net);
        forward(net, input, &mut pass);
        e += pattern_error(net, target, &mut pass);
        backward(net, target, &mut pass, &mut grad);
        cost += pass.cost;
        passes.push(pass);
    }
    Backprop {
        passes,
        e,
        grad,
        cost,
    }
}
