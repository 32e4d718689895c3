//! The block path (src/engine/block.rs: batch training and the input plane) against the per-pattern
//! forward and backward code, on a few hundred random shapes: 1–16 inputs, 1–4 layers of 1–16
//! neurons, every activation, data sets of any size, blocks that do not divide the data set.

use backprop_lab::{
    activation::Activation,
    backprop::backprop,
    block::Block,
    dataset::Dataset,
    forward::forward,
    grid::{evaluate_grid, Quantity},
    network::{Network, MAX_INPUTS, MAX_LAYERS, MAX_NEURONS},
    pass::Pass,
    rng::Rng,
    train::{update, Mode, Trainer},
};

const CASES: usize = 300;

fn pick(rng: &mut Rng, k: usize) -> usize {
    (rng.next_u64() % k as u64) as usize
}

/// A random network (weights Glorot-initialised, then scaled by 0.2–3 so some units saturate and
/// some ReLUs die) and a random data set of P patterns, P = 4 (the block's unrolled width) one time
/// in four, else 1 to 40.
fn random_case(rng: &mut Rng, inputs: usize) -> (Network, Dataset) {
    let layers: Vec<_> = (0..1 + pick(rng, MAX_LAYERS))
        .map(|_| (1 + pick(rng, MAX_NEURONS), Activation::ALL[pick(rng, 4)]))
        .collect();
    let mut net = Network::new(inputs, &layers).unwrap();
    net.init(rng.next_u64());
    let scale = rng.uniform(0.2, 3.0);
    net.params_mut().iter_mut().for_each(|w| *w *= scale);
    let patterns = if pick(rng, 4) == 0 {
        4
    } else {
        1 + pick(rng, 40)
    };
    let xs: Vec<Vec<f64>> = (0..patterns)
        .map(|_| (0..inputs).map(|_| rng.uniform(-3.0, 3.0)).collect())
        .collect();
    let ts: Vec<Vec<f64>> = (0..patterns)
        .map(|_| (0..net.outputs()).map(|_| rng.uniform(-1.0, 1.0)).collect())
        .collect();
    (net, Dataset::inline(&xs, &ts).unwrap())
}

fn random_inputs(rng: &mut Rng) -> usize {
    1 + pick(rng, MAX_INPUTS)
}

/// Equal within a tight tolerance: 1e-12 relative, 1e-14 absolute (for values near 0).
#[track_caller]
fn assert_close(block: f64, reference: f64, what: &str) {
    assert!(
        block.is_finite() && reference.is_finite(),
        "{what}: block {block}, per pattern {reference}"
    );
    let tol = 1e-12 * block.abs().max(reference.abs()) + 1e-14;
    assert!(
        (block - reference).abs() <= tol,
        "{what}: block {block}, per pattern {reference}"
    );
}

/// Every parameter of `block` against `reference`, named by the network's parameter names.
fn assert_params_close(net: &Network, block: &[f64], reference: &[f64], what: &str) {
    for (k, (b, r)) in block.iter().zip(reference).enumerate() {
        assert_close(*b, *r, &format!("{what} {}", net.param_name(k)));
    }
}

/// The per-pattern a^(n) and x^(n) of every pattern of `data`.
fn passes(net: &Network, data: &Dataset) -> Vec<Pass> {
    (0..data.len())
        .map(|mu| {
            let mut pass = Pass::new(net);
            forward(net, data.pattern(mu).0, &mut pass);
            pass
        })
        .collect()
}

/// Every a_i^(n) and x_i^(n) of a block holding patterns `first ..` equals the per-pattern pass.
fn assert_forward_matches(
    net: &Network,
    block: &Block,
    reference: &[Pass],
    first: usize,
    case: usize,
) {
    for unit in 0..net.neurons() {
        let (a, x) = (block.a_of_unit(unit), block.x_of_unit(unit));
        for mu in 0..block.width() {
            let pass = &reference[first + mu];
            let n = net.inputs() + unit;
            assert_close(
                a[mu],
                pass.a[unit],
                &format!("case {case}, a of unit {unit}, μ = {}", first + mu),
            );
            assert_close(
                x[mu],
                pass.x[n],
                &format!("case {case}, x of unit {unit}, μ = {}", first + mu),
            );
        }
    }
}

#[test]
fn one_block_of_all_patterns_gives_the_per_pattern_outputs_error_and_gradient() {
    let mut rng = Rng::new(11);
    let mut shapes = std::collections::HashSet::new();
    for case in 0..CASES {
        let inputs = random_inputs(&mut rng);
        let (net, data) = random_case(&mut rng, inputs);
        shapes.insert(
            net.layers()
                .iter()
                .map(|l| (l.m, l.activation.name()))
                .collect::<Vec<_>>(),
        );
        let bp = backprop(&net, &data);
        let mut block = Block::new(&net, data.len());
        block.load(&data, 0);
        block.forward(&net);
        assert_forward_matches(&net, &block, &bp.passes, 0, case);
        assert_close(block.error(&net), bp.e, &format!("case {case}, E"));
        let mut grad = vec![0.0; net.params().len()];
        block.backward(&net, &mut grad);
        for (k, (b, r)) in grad.iter().zip(&bp.grad).enumerate() {
            assert_close(*b, *r, &format!("case {case}, ∂E/∂{}", net.param_name(k)));
        }
    }
    assert!(
        shapes.len() > CASES / 2,
        "too few distinct shapes: {}",
        shapes.len()
    );
}

#[test]
fn blocks_narrower_than_the_data_set_sum_to_the_same_error_and_gradient() {
    let mut rng = Rng::new(12);
    for case in 0..CASES {
        let inputs = random_inputs(&mut rng);
        let (net, data) = random_case(&mut rng, inputs);
        let bp = backprop(&net, &data);
        // Blocks of B patterns, the last one holding the P mod B left over.
        let width = 1 + pick(&mut rng, data.len());
        let (mut e, mut grad) = (0.0, vec![0.0; net.params().len()]);
        let mut start = 0;
        while start < data.len() {
            let mut block = Block::new(&net, width.min(data.len() - start));
            block.load(&data, start);
            block.forward(&net);
            assert_forward_matches(&net, &block, &bp.passes, start, case);
            e += block.error(&net);
            block.backward(&net, &mut grad);
            start += block.width();
        }
        assert_close(e, bp.e, &format!("case {case}, E in blocks of {width}"));
        let what = format!("case {case}, blocks of {width}, ∂E/∂");
        assert_params_close(&net, &grad, &bp.grad, &what);
    }
}

#[test]
fn a_batch_epoch_gives_the_per_pattern_weights_and_error() {
    let mut rng = Rng::new(13);
    for case in 0..CASES {
        let inputs = random_inputs(&mut rng);
        let (mut net, data) = random_case(&mut rng, inputs);
        let eta = rng.uniform(0.01, 2.0);
        let mut trainer = Trainer::new(&net);
        for epoch in 0..2 {
            let bp = backprop(&net, &data);
            let mut reference = net.clone();
            update(&mut reference, &bp.grad, eta);
            let e = trainer.epoch(&mut net, &data, eta, Mode::Batch);
            assert_close(e, bp.e, &format!("case {case}, epoch {epoch}, E"));
            let what = format!("case {case}, epoch {epoch}, new");
            assert_params_close(&net, net.params(), reference.params(), &what);
        }
    }
}

#[test]
fn inputs_written_row_by_row_give_the_per_pattern_forward_pass() {
    let mut rng = Rng::new(14);
    for case in 0..CASES {
        let inputs = random_inputs(&mut rng);
        let (net, data) = random_case(&mut rng, inputs);
        let mut block = Block::new(&net, data.len());
        for j in 0..inputs {
            let row = block.input_row_mut(j);
            for (mu, v) in row.iter_mut().enumerate() {
                *v = data.pattern(mu).0[j];
            }
        }
        block.forward(&net);
        assert_forward_matches(&net, &block, &passes(&net, &data), 0, case);
    }
}

#[test]
fn the_input_plane_holds_the_forward_pass_at_every_grid_point() {
    let mut rng = Rng::new(15);
    for case in 0..CASES / 3 {
        let (net, _) = random_case(&mut rng, 2);
        let (nx, ny) = (1 + pick(&mut rng, 24), 1 + pick(&mut rng, 24));
        let (x0, y0) = (rng.uniform(-5.0, 5.0), rng.uniform(-5.0, 5.0));
        let domain = [
            x0,
            x0 + rng.uniform(0.1, 8.0),
            y0,
            y0 + rng.uniform(0.1, 8.0),
        ];
        let at = |k: usize, n: usize, lo: f64, hi: f64| {
            if n == 1 {
                0.5 * (lo + hi)
            } else {
                lo + (hi - lo) * k as f64 / (n - 1) as f64
            }
        };
        let mut out = Vec::new();
        for which in [Quantity::A, Quantity::X] {
            evaluate_grid(&net, domain, (nx, ny), which, false, &mut out).unwrap();
            let plane = nx * ny;
            let mut pass = Pass::new(&net);
            for row in 0..ny {
                for col in 0..nx {
                    let x = [
                        at(col, nx, domain[0], domain[1]),
                        at(row, ny, domain[3], domain[2]),
                    ];
                    forward(&net, &x, &mut pass);
                    for unit in 0..net.neurons() {
                        let want = match which {
                            Quantity::A => pass.a[unit],
                            Quantity::X => pass.x[2 + unit],
                        };
                        let got = out[unit * plane + row * nx + col];
                        assert_eq!(
                            got, want as f32,
                            "case {case}, {which:?} of unit {unit} at row {row}, column {col}"
                        );
                    }
                }
            }
        }
    }
}
