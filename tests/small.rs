//! The lecture's network in registers (src/engine/small.rs) against the block it stands in for:
//! batch epochs of 2-2-1 on four patterns give the same E and the same weights to the bit, for every
//! pair of activations, from ordinary, saturating and non-finite weights, and the shapes it is not
//! built for are left to the block.

use backprop_lab::{
    activation::Activation,
    block::Block,
    dataset::Dataset,
    network::Network,
    rng::Rng,
    small,
    train::{update, Mode, Trainer},
};

/// One batch epoch the block's way (what `Trainer::epoch` did before small.rs): forward, E,
/// gradient, update.
fn block_epoch(block: &mut Block, net: &mut Network, data: &Dataset, eta: f64) -> f64 {
    let mut grad = vec![0.0; net.params().len()];
    block.load(data, 0);
    block.forward(net);
    let e = block.error(net);
    block.gradient(net, &mut grad);
    update(net, &grad, eta);
    e
}

/// The same bits, or both NaN (which NaN an operation returns depends on its operands' order,
/// which the compiler may swap: IEEE leaves the payload open).
fn same_bits(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// Four random patterns with inputs in [−3, 3] and targets in [−1, 1] (or XOR's own).
fn four_patterns(rng: &mut Rng, case: usize) -> Dataset {
    if case % 3 == 0 {
        return Dataset::named("xor", 0).unwrap();
    }
    let xs: Vec<Vec<f64>> = (0..4)
        .map(|_| vec![rng.uniform(-3.0, 3.0), rng.uniform(-3.0, 3.0)])
        .collect();
    let ts: Vec<Vec<f64>> = (0..4).map(|_| vec![rng.uniform(-1.0, 1.0)]).collect();
    Dataset::inline(&xs, &ts).unwrap()
}

#[test]
fn the_kernel_gives_the_blocks_numbers_to_the_bit() {
    let mut rng = Rng::new(21);
    for case in 0..256 {
        // Every pair of activations, sigmoid and tanh (the lecture's) three times as often.
        let pick = |k: usize| Activation::ALL[[0, 1, 0, 1, 2, 3, 0, 1][k % 8]];
        let g = [pick(case), pick(case / 8)];
        let mut net = Network::new(2, &[(2, g[0]), (1, g[1])]).unwrap();
        net.init(rng.next_u64());
        // Ordinary weights, saturating ones (×30), huge ones, and now and then a NaN or an infinity.
        let scale = if case % 7 == 0 {
            1e200
        } else {
            [1.0, 30.0][case / 2 % 2]
        };
        net.params_mut().iter_mut().for_each(|w| *w *= scale);
        if case % 11 == 0 {
            net.params_mut()[case % 9] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY][case % 3];
        }
        let data = four_patterns(&mut rng, case);
        let eta = [0.5, 2.0, rng.uniform(0.01, 50.0)][case % 3];
        let mut reference = net.clone();
        let mut block = Block::new(&reference, 4);
        let mut loaded = Block::new(&net, 4);
        loaded.load(&data, 0);
        for epoch in 0..300 {
            let want = block_epoch(&mut block, &mut reference, &data, eta);
            // The kernel itself (Trainer::epoch takes it for 2-2-1 on four patterns, or falls back).
            let (got, _) = small::epoch(&mut net, &loaded, eta, None).expect("the kernel's shape");
            assert!(
                same_bits(got, want),
                "case {case} ({g:?}), epoch {epoch}: E {got:e}, the block's {want:e}"
            );
            for (k, (w, r)) in net.params().iter().zip(reference.params()).enumerate() {
                assert!(
                    same_bits(*w, *r),
                    "case {case} ({g:?}), epoch {epoch}: {} = {w:e}, the block's {r:e}",
                    net.param_name(k)
                );
            }
        }
        // And Trainer::epoch, which goes through the kernel, goes on with the same numbers.
        let mut trainer = Trainer::new(&net);
        let want = block_epoch(&mut block, &mut reference, &data, eta);
        assert!(same_bits(
            trainer.epoch(&mut net, &data, eta, Mode::Batch),
            want
        ));
        assert!(net
            .params()
            .iter()
            .zip(reference.params())
            .all(|(w, r)| same_bits(*w, *r)));
    }
}

#[test]
fn the_kernel_takes_only_the_shapes_it_is_built_for() {
    use Activation::Sigmoid;
    let xor = Dataset::named("xor", 0).unwrap();
    let takes = |layers: &[(usize, Activation)], data: &Dataset| {
        let mut net = Network::new(data.inputs(), layers).unwrap();
        net.init(3);
        let mut block = Block::new(&net, data.len());
        block.load(data, 0);
        small::epoch(&mut net, &block, 0.5, None).is_some()
    };
    for g1 in Activation::ALL {
        for g2 in Activation::ALL {
            assert!(takes(&[(2, g1), (1, g2)], &xor), "{g1:?}, {g2:?}");
        }
    }
    assert!(!takes(&[(3, Sigmoid), (1, Sigmoid)], &xor));
    assert!(!takes(&[(1, Sigmoid)], &xor));
    assert!(!takes(&[(2, Sigmoid), (2, Sigmoid), (1, Sigmoid)], &xor));
    let eight = Dataset::named("circle", 0).unwrap();
    assert!(eight.len() != 4);
    assert!(!takes(&[(2, Sigmoid), (1, Sigmoid)], &eight));
}

#[test]
fn epoch_into_hands_over_the_new_weights_and_whether_they_are_finite() {
    use Activation::{Relu, Sigmoid, Tanh};
    let mut rng = Rng::new(22);
    for case in 0..60 {
        let g = [[Sigmoid, Sigmoid], [Tanh, Sigmoid], [Relu, Sigmoid]][case % 3];
        // 2-3-1 is left to the block, and so is online mode.
        let hidden = if case % 5 == 4 { 3 } else { 2 };
        let mode = if case % 7 == 6 {
            Mode::Online
        } else {
            Mode::Batch
        };
        let mut net = Network::new(2, &[(hidden, g[0]), (1, g[1])]).unwrap();
        net.init(rng.next_u64());
        let data = four_patterns(&mut rng, case);
        let mut twin = net.clone();
        let (mut trainer, mut twin_trainer) = (Trainer::new(&net), Trainer::new(&twin));
        // η large enough that some runs leave the finite numbers.
        let eta = [0.5, 1e300][case % 2];
        let mut snapshot = vec![f64::NAN; net.params().len()];
        for epoch in 0..50 {
            let (e, finite) = trainer.epoch_into(&mut net, &data, eta, mode, &mut snapshot);
            let want = twin_trainer.epoch(&mut twin, &data, eta, mode);
            let what = format!("case {case} ({g:?}, {hidden} hidden, {mode:?}), epoch {epoch}");
            assert!(same_bits(e, want), "{what}: E {e:e}, epoch's {want:e}");
            assert_eq!(finite, net.is_finite(), "{what}");
            let all = snapshot.iter().zip(net.params()).zip(twin.params());
            for (k, ((s, w), t)) in all.enumerate() {
                assert!(
                    same_bits(*s, *w) && same_bits(*w, *t),
                    "{what}: {}",
                    net.param_name(k)
                );
            }
        }
    }
}
