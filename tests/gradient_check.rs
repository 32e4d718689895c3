//! Backprop against central differences on many random networks, and the operation counts against
//! their closed forms.

use backprop_lab::{
    activation::Activation,
    backprop::backprop,
    dataset::Dataset,
    network::Network,
    numerical::{numerical_gradient, Scheme},
    rng::Rng,
};

mod common;

fn random_case(rng: &mut Rng, smooth_only: bool) -> (Network, Dataset) {
    let pick = |rng: &mut Rng, k: usize| (rng.next_u64() % k as u64) as usize;
    let inputs = 1 + pick(rng, 4);
    let depth = 1 + pick(rng, 4);
    let smooth = [Activation::Sigmoid, Activation::Tanh, Activation::Linear];
    let layers: Vec<_> = (0..depth)
        .map(|_| {
            let g = if smooth_only {
                smooth[pick(rng, 3)]
            } else {
                Activation::ALL[pick(rng, 4)]
            };
            (1 + pick(rng, 6), g)
        })
        .collect();
    let mut net = Network::new(inputs, &layers).unwrap();
    net.init(rng.next_u64());
    let patterns = 1 + pick(rng, 5);
    let data = common::random_patterns(rng, &net, patterns);
    (net, data)
}

/// |b − n| relative to the larger magnitude, floored at 1e-4 · max(E, 1): below that floor the
/// round-off in E(w ± ε) (about 1e-16 · E / ε) outweighs the gradient, and a ratio of two rounding
/// errors says nothing about backprop.
fn relative_error(b: f64, n: f64, e: f64) -> f64 {
    (b - n).abs() / b.abs().max(n.abs()).max(1e-4 * e.max(1.0))
}

#[test]
fn backprop_agrees_with_central_differences_on_300_random_networks() {
    let mut rng = Rng::new(2024);
    let mut worst: f64 = 0.0;
    let mut shapes_seen = std::collections::HashSet::new();
    for case in 0..300 {
        let (net, data) = random_case(&mut rng, true);
        shapes_seen.insert((
            net.depth(),
            net.layers()
                .iter()
                .map(|l| l.activation.name())
                .collect::<Vec<_>>(),
        ));
        let bp = backprop(&net, &data);
        let num = numerical_gradient(&net, &data, 1e-5, Scheme::Central).unwrap();
        for (k, (b, n)) in bp.grad.iter().zip(&num.grad).enumerate() {
            let rel = relative_error(*b, *n, bp.e);
            worst = worst.max(rel);
            assert!(
                rel <= 1e-6,
                "case {case}, {}: backprop {b} vs central {n} (relative error {rel:e})",
                net.param_name(k)
            );
        }
    }
    assert!(
        shapes_seen.len() > 50,
        "too few distinct shapes: {}",
        shapes_seen.len()
    );
    println!("worst relative error over 300 networks: {worst:e}");
}

#[test]
fn relu_networks_agree_away_from_the_kink() {
    let mut rng = Rng::new(99);
    let mut checked = 0;
    for _ in 0..100 {
        let (net, data) = random_case(&mut rng, false);
        let bp = backprop(&net, &data);
        let near_kink = bp.passes.iter().any(|p| p.a.iter().any(|a| a.abs() < 1e-3));
        if near_kink {
            continue;
        }
        let num = numerical_gradient(&net, &data, 1e-5, Scheme::Central).unwrap();
        for (b, n) in bp.grad.iter().zip(&num.grad) {
            assert!(relative_error(*b, *n, bp.e) <= 1e-6, "{b} vs {n}");
        }
        checked += 1;
    }
    assert!(checked > 50);
}

#[test]
fn operation_counts_equal_the_closed_forms() {
    for shape in [
        vec![2, 1],
        vec![2, 2, 1],
        vec![2, 8, 8, 1],
        vec![3, 16, 16, 16, 2],
    ] {
        let layers: Vec<_> = shape[1..].iter().map(|&m| (m, Activation::Tanh)).collect();
        let mut net = Network::new(shape[0], &layers).unwrap();
        net.init(1);
        let data = Dataset::inline(
            &vec![vec![0.5; shape[0]]; 4],
            &vec![vec![0.0; *shape.last().unwrap()]; 4],
        )
        .unwrap();
        let p = data.len() as u64;
        // n = Σ m^(n)(m^(n−1) + 1) weights and biases; m = Σ m^(n) neurons.
        let n: u64 = shape.windows(2).map(|w| (w[1] * (w[0] + 1)) as u64).sum();
        let m: u64 = shape[1..].iter().map(|&m| m as u64).sum();
        let carry: u64 = shape[1..].windows(2).map(|w| (w[0] * w[1]) as u64).sum();
        assert_eq!(n, net.params().len() as u64);

        let fwd = numerical_gradient(&net, &data, 1e-4, Scheme::Forward)
            .unwrap()
            .cost;
        assert_eq!(fwd.forward_passes, (n + 1) * p, "{shape:?}");
        assert_eq!(fwd.multiply_adds, (n + 1) * p * n);
        assert_eq!(fwd.activations, (n + 1) * p * m);

        let central = numerical_gradient(&net, &data, 1e-4, Scheme::Central)
            .unwrap()
            .cost;
        assert_eq!(central.forward_passes, 2 * n * p);
        assert_eq!(central.multiply_adds, 2 * n * p * n);

        let bp = backprop(&net, &data).cost;
        assert_eq!(bp.forward_passes, p);
        assert_eq!(bp.multiply_adds, p * (2 * n + carry), "{shape:?}");
        assert_eq!(bp.activations, p * 2 * m);
    }
}

#[test]
fn numerical_gradient_rejects_a_bad_epsilon() {
    let mut rng = Rng::new(1);
    let (net, data) = random_case(&mut rng, true);
    for eps in [0.0, -1e-3, f64::NAN, f64::INFINITY] {
        let err = numerical_gradient(&net, &data, eps, Scheme::Forward).unwrap_err();
        assert!(err.starts_with("epsilon:"), "{err}");
    }
}
