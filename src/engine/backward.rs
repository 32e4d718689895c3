//! The backward pass (Blackboard 2.2c): where δ is computed, and each pattern's share of ∂E/∂w.

use crate::network::Network;
use crate::pass::Pass;

/// Layer n of the backward pass, for n = L down to 1 (layer n + 1 must be done first):
///
/// - output layer: δ_i^(L) = ∂E/∂a_i^(L) = (ŷ_i − t_i) · g'(a_i^(L));
/// - below it:     δ_k^(n) = g'(a_k^(n)) · Σ_j δ_j^(n+1) w_jk^(n+1)  (chain rule over all units j
///   that a_k^(n) feeds);
///
/// then adds this pattern's share to the gradient, in the parameter layout of [`Network`]:
/// ∂E/∂w_ij^(n) += δ_i^(n) x_j^(n−1) and ∂E/∂b_i^(n) += δ_i^(n).
pub fn backward_layer(net: &Network, n: usize, target: &[f64], pass: &mut Pass, grad: &mut [f64]) {
    let layer = net.layer(n);
    let (unit, m, g) = (layer.unit, layer.m, layer.activation);
    let x_start = pass.x.len() - pass.a.len() + unit; // N + unit: x^(n) starts here
    if n == net.depth() {
        for (i, t) in target.iter().enumerate().take(m) {
            let (a, y) = (pass.a[unit + i], pass.x[x_start + i]);
            // δ_i^(L) = (ŷ_i − t_i) g'(a_i^(L))
            pass.delta[unit + i] = (y - t) * g.g_prime(a, y);
        }
    } else {
        let above = net.layer(n + 1);
        let w = &net.params()[above.offset..above.offset + above.m * above.fan_in];
        let (lower, upper) = pass.delta.split_at_mut(above.unit);
        let delta_above = &upper[..above.m];
        for k in 0..m {
            // Σ_j δ_j^(n+1) w_jk^(n+1)
            let mut sum = 0.0;
            for (j, d) in delta_above.iter().enumerate() {
                sum += d * w[j * m + k];
            }
            let (a, x) = (pass.a[unit + k], pass.x[x_start + k]);
            // δ_k^(n) = g'(a_k^(n)) · Σ_j δ_j^(n+1) w_jk^(n+1)
            lower[unit + k] = g.g_prime(a, x) * sum;
        }
        pass.cost.multiply_adds += (m * above.m) as u64;
    }
    // ∂E/∂w_ij^(n) += δ_i^(n) x_j^(n−1);  ∂E/∂b_i^(n) += δ_i^(n)
    let fan_in = layer.fan_in;
    let x_in = &pass.x[x_start - fan_in..x_start];
    let (gw, gb) = grad[layer.offset..layer.offset + layer.param_count()].split_at_mut(m * fan_in);
    for i in 0..m {
        let d = pass.delta[unit + i];
        for (g_ij, x_j) in gw[i * fan_in..(i + 1) * fan_in].iter_mut().zip(x_in) {
            *g_ij += d * x_j;
        }
        gb[i] += d;
    }
    pass.cost.multiply_adds += layer.param_count() as u64;
    pass.cost.activations += m as u64;
}

/// The whole backward pass of one pattern (forward pass done): layers L..1, adding the pattern's
/// ∂Ẽ/∂w to `grad`.
pub fn backward(net: &Network, target: &[f64], pass: &mut Pass, grad: &mut [f64]) {
    for n in (1..=net.depth()).rev() {
        backward_layer(net, n, target, pass, grad);
    }
}
