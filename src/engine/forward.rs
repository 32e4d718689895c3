//! The forward pass (Blackboard 2.2a) and the error E.

use crate::dataset::Dataset;
use crate::network::Network;
use crate::pass::Pass;

/// Puts pattern μ's input into x^(0). (Everything else is overwritten by the passes; to mark it
/// "not computed yet" as the stepper does, call [`Pass::clear`] first.)
pub fn set_input(pass: &mut Pass, input: &[f64]) {
    pass.x[..input.len()].copy_from_slice(input);
}

/// Layer n of the forward pass:
/// a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n)  (the bias is the weight on x_0 = 1),
/// x_i^(n) = g^(n)(a_i^(n)).
pub fn forward_layer(net: &Network, n: usize, pass: &mut Pass) {
    let layer = net.layer(n);
    let (fan_in, m, g) = (layer.fan_in, layer.m, layer.activation);
    let w = &net.params()[layer.offset..layer.offset + m * fan_in];
    let b = &net.params()[layer.offset + m * fan_in..layer.offset + layer.param_count()];
    let x_start = pass.x.len() - pass.a.len() + layer.unit; // N + unit
    let (below, above) = pass.x.split_at_mut(x_start);
    let x_in = &below[x_start - fan_in..];
    let a_out = &mut pass.a[layer.unit..layer.unit + m];
    for i in 0..m {
        // a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n)
        let row = &w[i * fan_in..(i + 1) * fan_in];
        let mut a = b[i];
        for (w_ij, x_j) in row.iter().zip(x_in) {
            a += w_ij * x_j;
        }
        a_out[i] = a;
        // x_i^(n) = g^(n)(a_i^(n))
        above[i] = g.g(a);
    }
    pass.cost.multiply_adds += layer.param_count() as u64;
    pass.cost.activations += m as u64;
}

/// The whole forward pass of one pattern: x^(0) = input, then layers 1..L; ŷ = x^(L).
pub fn forward(net: &Network, input: &[f64], pass: &mut Pass) {
    set_input(pass, input);
    for n in 1..=net.depth() {
        forward_layer(net, n, pass);
    }
    pass.cost.forward_passes += 1;
}

/// Ẽ(μ) = ½ Σ_i (t_i^μ − ŷ_i^μ)², stored in `pass.e` and returned. Needs the forward pass done.
pub fn pattern_error(net: &Network, target: &[f64], pass: &mut Pass) -> f64 {
    let y = pass.y(net);
    let e = 0.5
        * y.iter()
            .zip(target)
            .map(|(y, t)| (t - y) * (t - y))
            .sum::<f64>();
    pass.e = e;
    e
}

/// E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)², a sum over all patterns (not a mean), using `pass` as scratch.
pub fn error_with(net: &Network, data: &Dataset, pass: &mut Pass) -> f64 {
    let mut e = 0.0;
    for mu in 0..data.len() {
        let (input, target) = data.pattern(mu);
        forward(net, input, pass);
        e += pattern_error(net, target, pass);
    }
    e
}

/// E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)² at the network's current weights.
pub fn error(net: &Network, data: &Dataset) -> f64 {
    error_with(net, data, &mut Pass::new(net))
}
