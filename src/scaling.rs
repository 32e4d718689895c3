//! Blackboard 2.3 measured: networks wider than the editor allows (up to n ≈ 10⁴ weights), built
//! only to time backprop (O(n)) against numerical differentiation (O(n²)), and the notes' own count.

use crate::activation::Activation;
use crate::backward::backward;
use crate::cost::OpCount;
use crate::dataset::Dataset;
use crate::forward::{forward, pattern_error};
use crate::model::Model;
use crate::network::Network;
use crate::numerical::{difference, Scheme};
use crate::pass::Pass;
use crate::setup::{DatasetSpec, DEFAULT_ETA, DEFAULT_SEED};
use crate::train::Mode;

/// Most neurons in a hidden layer of a timing network.
pub const MAX_WIDTH: usize = 128;
/// Most weights and biases n of a timing network.
pub const MAX_PARAMS: usize = 20_000;

/// XOR on 2-m^(1)-…-1 with the default seed: a network for timing only. Its hidden layers use ReLU,
/// whose g and g′ cost about one multiply-add, as the notes count a neuron's evaluation (a sigmoid's
/// e^(−a) costs some thirty multiply-adds in wasm, so with m ∝ √n at a fixed depth it bends the
/// slopes of time against n to about 0.9 and 1.75 at n ≈ 10⁴); the output keeps the sigmoid.
///
/// # Errors
/// More than 3 hidden layers, a layer outside 1..=128 neurons, or n > 20 000, named.
pub fn timing_model(hidden: &[usize]) -> Result<Model, String> {
    let mut shape = Vec::with_capacity(hidden.len() + 1);
    for &m in hidden {
        shape.push((m, Activation::Relu));
    }
    shape.push((1, Activation::Sigmoid));
    let mut net = Network::with_widest(2, &shape, MAX_WIDTH).map_err(|e| format!("hidden: {e}"))?;
    let n = net.params().len();
    if n > MAX_PARAMS {
        return Err(format!(
            "hidden: {n} weights and biases is more than the {MAX_PARAMS} a timing network may have"
        ));
    }
    net.init(DEFAULT_SEED);
    Ok(Model {
        net,
        eta: DEFAULT_ETA,
        mode: Mode::Batch,
        seed: DEFAULT_SEED,
        dataset: DatasetSpec::Named("xor".into()),
    })
}

/// ∂E/∂w by backprop `reps` times over in the same buffers: per pattern μ the forward pass, Ẽ(μ)
/// and the backward pass, as [`crate::backprop::backprop`] computes them, without its allocations,
/// so that timing it measures the algorithm. Returns Σ_k ∂E/∂w_k of the last gradient (a checksum).
pub fn backprop_reps(net: &Network, data: &Dataset, reps: usize) -> f64 {
    let mut pass = Pass::new(net);
    let mut grad = vec![0.0; net.params().len()];
    for _ in 0..reps {
        grad.fill(0.0);
        for mu in 0..data.len() {
            let (input, target) = data.pattern(mu);
            forward(net, input, &mut pass);
            pattern_error(net, target, &mut pass);
            backward(net, target, &mut pass, &mut grad);
        }
    }
    grad.iter().sum()
}

/// Σ over parameters k in `range` of their central differences (E(w + ε) − E(w − ε)) / 2ε (a
/// checksum) and what they cost: the work of [`crate::numerical::numerical_gradient`] for those
/// parameters only, so that a page can time numerical differentiation a slice of parameters at a
/// time. `range` must lie within the parameters.
pub fn central_sum(
    net: &Network,
    data: &Dataset,
    eps: f64,
    range: std::ops::Range<usize>,
) -> (f64, OpCount) {
    let mut probe = net.clone();
    let mut pass = Pass::new(net);
    let mut sum = 0.0;
    for k in range {
        sum += difference(
            &mut probe,
            data,
            &mut pass,
            k,
            eps,
            Scheme::Central,
            f64::NAN,
        );
    }
    (sum, pass.cost)
}

/// The notes' count for one pattern (Blackboard 2.3): perturbing one weight costs 2(n + m)
/// operations — n weights' multiply-adds and m neurons' evaluations of g, for w + ε and w − ε — so
/// all n weights cost 2n(n + m) = O(n²). Returns [2(n + m), 2n(n + m)].
pub fn notes_cost(net: &Network) -> [u64; 2] {
    let (n, m) = (net.params().len() as u64, net.neurons() as u64);
    [2 * (n + m), 2 * n * (n + m)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerical::numerical_gradient;

    #[test]
    fn a_timing_network_reaches_ten_thousand_weights_and_no_further_than_the_limits() {
        let model = timing_model(&[64, 64, 64]).unwrap();
        assert_eq!(model.net.params().len(), 64 * 3 + 2 * 64 * 65 + 65);
        assert_eq!(model.net.neurons(), 3 * 64 + 1);
        assert!(model.dataset().is_ok());
        for (bad, says) in [
            (vec![8; 4], "expected 1 to 4 weight layers"),
            (vec![129], "1 to 128 neurons"),
            (vec![0], "1 to 128 neurons"),
            (vec![128, 128, 128], "more than the 20000"),
        ] {
            let err = timing_model(&bad).unwrap_err();
            assert!(err.contains(says), "{bad:?}: {err}");
        }
    }

    #[test]
    fn the_notes_count_is_the_central_difference_per_pattern() {
        for hidden in [vec![2], vec![5, 3], vec![16, 16, 16]] {
            let model = timing_model(&hidden).unwrap();
            let data = model.dataset().unwrap();
            let [per_weight, all] = notes_cost(&model.net);
            let n = model.net.params().len() as u64;
            assert_eq!(all, n * per_weight);
            let c = numerical_gradient(&model.net, &data, 1e-6, Scheme::Central)
                .unwrap()
                .cost;
            assert_eq!((c.multiply_adds + c.activations) / data.len() as u64, all);
        }
        // 2-2-1: n = 9, m = 3.
        let net = timing_model(&[2]).unwrap().net;
        assert_eq!(notes_cost(&net), [24, 216]);
    }

    #[test]
    fn backprop_in_reused_buffers_is_backprop() {
        let model = timing_model(&[7, 5]).unwrap();
        let data = model.dataset().unwrap();
        let sum: f64 = crate::backprop::backprop(&model.net, &data)
            .grad
            .iter()
            .sum();
        assert_eq!(backprop_reps(&model.net, &data, 3), sum);
    }

    #[test]
    fn slices_of_central_differences_add_up_to_the_whole_gradient() {
        let model = timing_model(&[5, 4]).unwrap();
        let data = model.dataset().unwrap();
        let whole: f64 = numerical_gradient(&model.net, &data, 1e-5, Scheme::Central)
            .unwrap()
            .grad
            .iter()
            .sum();
        let n = model.net.params().len();
        let (mut sliced, mut macs) = (0.0, 0);
        for from in (0..n).step_by(7) {
            let (sum, cost) = central_sum(&model.net, &data, 1e-5, from..(from + 7).min(n));
            sliced += sum;
            macs += cost.multiply_adds;
        }
        assert!((sliced - whole).abs() < 1e-12, "{sliced} vs {whole}");
        let p = data.len() as u64;
        assert_eq!(macs, 2 * n as u64 * p * n as u64, "2n·P passes of n each");
    }
}
