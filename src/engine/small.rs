//! The lecture's network at full speed: a batch epoch of a network with one hidden layer on a data
//! set of four patterns (XOR, AND, OR), with every a, x and δ kept in registers.
//!
//! [`crate::block::Block`] works for any shape, so its values go through buffers indexed at run time.
//! For the lecture's 2-2-1 that bookkeeping cost more than the arithmetic. The shape is fixed at
//! compile time here (N inputs, H hidden neurons, K outputs), so the loops unroll and nothing is
//! indexed; [`epoch`] picks it for the shapes it is built for and leaves the rest to the block.
//! The activations stay a run-time choice: one kernel per pair of g^(1), g^(2) is slower in
//! Chromium and costs more wasm (docs/benchmarks.md has the figures).
//!
//! It does the block's operations in the block's order (see block.rs), so the numbers are the same
//! to the bit: a_i^(n) = b_i^(n) + Σ_j w_ij^(n) x_j^(n−1), j in order; x = g(a); E added pattern by
//! pattern; δ_i^(2) = (ŷ_i − t_i) g′(a_i^(2)), δ_k^(1) = g′(a_k^(1)) Σ_j δ_j^(2) w_jk^(2);
//! ∂E/∂w summed over μ in order; Δw = −η ∂E/∂w.

use crate::block::Block;
use crate::lanes::{F64x2, Real};
use crate::math::PAIR_KIT;
use crate::network::Network;

/// Four patterns as two pairs (patterns 0–1 and 2–3).
type Quad = [F64x2; 2];

/// One batch epoch of `net` on the four patterns loaded in `block`, when the shape is one this
/// module is built for (2-2-1, the lecture's, with any activations); `None` leaves the epoch to the
/// block.
/// Returns E at the starting weights, as [`crate::train::Trainer::epoch`] does.
///
/// Also returns whether every new weight is finite; the new weights also go to `snapshot` (the
/// timeline's slot) if it is given and has their number.
#[inline]
pub fn epoch(
    net: &mut Network,
    block: &Block,
    eta: f64,
    snapshot: Option<&mut [f64]>,
) -> Option<(f64, bool)> {
    if block.width() != 4 || net.depth() != 2 {
        return None;
    }
    match (net.inputs(), net.layer(1).m, net.outputs()) {
        (2, 2, 1) => Some(epoch_of::<2, 2, 1, 9>(net, block, eta, snapshot)),
        _ => None,
    }
}

/// [`epoch`] for N inputs, H hidden neurons and K outputs: P = H(N + 1) + K(H + 1) parameters,
/// laid out as [`Network`] lays them out (layer by layer, each layer's weights w_ij row by row,
/// then its biases), so that every index is known at compile time.
#[inline(never)]
fn epoch_of<const N: usize, const H: usize, const K: usize, const P: usize>(
    net: &mut Network,
    block: &Block,
    eta: f64,
    snapshot: Option<&mut [f64]>,
) -> (f64, bool) {
    let kit = std::hint::black_box(&PAIR_KIT);
    let x0: [Quad; N] = std::array::from_fn(|j| block.input_pairs(j));
    let t: [Quad; K] = std::array::from_fn(|i| block.target_pairs(i));
    let (g1, g2) = (net.layer(1).activation, net.layer(2).activation);
    debug_assert_eq!(P, H * (N + 1) + K * (H + 1));
    debug_assert_eq!(net.layer(2).offset, H * (N + 1));
    let Some(p) = net.params_mut().first_chunk_mut::<P>() else {
        return (f64::NAN, false); // not reached: `epoch` picks P from the shape
    };
    // Indices of w_ij^(1), b_i^(1), w_ij^(2) and b_i^(2) in the parameter vector.
    let w1_at = |i: usize, j: usize| i * N + j;
    let b1_at = |i: usize| H * N + i;
    let w2_at = |i: usize, j: usize| H * (N + 1) + i * H + j;
    let b2_at = |i: usize| H * (N + 1) + K * H + i;
    let w1: [[f64; N]; H] = std::array::from_fn(|i| std::array::from_fn(|j| p[w1_at(i, j)]));
    let b1: [f64; H] = std::array::from_fn(|i| p[b1_at(i)]);
    let w2: [[f64; H]; K] = std::array::from_fn(|i| std::array::from_fn(|j| p[w2_at(i, j)]));
    let b2: [f64; K] = std::array::from_fn(|i| p[b2_at(i)]);

    // Forward: a_i^(n) = b_i^(n) + Σ_j w_ij^(n) x_j^(n−1), x_i^(n) = g^(n)(a_i^(n)).
    let drive = |b: f64, w: &[f64], x: &[Quad]| -> Quad {
        std::array::from_fn(|q| {
            let mut a = F64x2::splat(b);
            for (w, x) in w.iter().zip(x) {
                a = a + F64x2::splat(*w) * x[q];
            }
            a
        })
    };
    let a1: [Quad; H] = std::array::from_fn(|i| drive(b1[i], &w1[i], &x0));
    let x1: [Quad; H] = std::array::from_fn(|i| std::array::from_fn(|q| g1.g_pair(a1[i][q], kit)));
    let a2: [Quad; K] = std::array::from_fn(|i| drive(b2[i], &w2[i], &x1));
    let y: [Quad; K] = std::array::from_fn(|i| std::array::from_fn(|q| g2.g_pair(a2[i][q], kit)));

    // E = Σ_μ ½ Σ_i (t_i − ŷ_i)², each pattern's sum from −0 as f64's Sum starts (Block::error).
    let mut sum = [F64x2::splat(-0.0); 2];
    for i in 0..K {
        for q in 0..2 {
            let diff = t[i][q] - y[i][q];
            sum[q] = sum[q] + diff * diff;
        }
    }
    let mut e = 0.0;
    for s in sum {
        for v in (F64x2::splat(0.5) * s).lanes() {
            e += v;
        }
    }

    // Backward: δ_i^(2) = (ŷ_i − t_i) g′(a_i^(2)), δ_k^(1) = g′(a_k^(1)) Σ_j δ_j^(2) w_jk^(2).
    let d2: [Quad; K] = std::array::from_fn(|i| {
        std::array::from_fn(|q| (y[i][q] - t[i][q]) * g2.g_prime_pair(a2[i][q], y[i][q]))
    });
    let d1: [Quad; H] = std::array::from_fn(|k| {
        std::array::from_fn(|q| {
            let mut s = F64x2::splat(0.0);
            for j in 0..K {
                s = s + d2[j][q] * F64x2::splat(w2[j][k]);
            }
            s * g1.g_prime_pair(a1[k][q], x1[k][q])
        })
    });

    // ∂E/∂w_ij = Σ_μ δ_i x_j and ∂E/∂b_i = Σ_μ δ_i, patterns in order; w ← w − η ∂E/∂w.
    for i in 0..K {
        for j in 0..H {
            let g = sum_over_patterns([d2[i][0] * x1[j][0], d2[i][1] * x1[j][1]]);
            p[w2_at(i, j)] = w2[i][j] - eta * g;
        }
        p[b2_at(i)] = b2[i] - eta * sum_over_patterns(d2[i]);
    }
    for i in 0..H {
        for j in 0..N {
            let g = sum_over_patterns([d1[i][0] * x0[j][0], d1[i][1] * x0[j][1]]);
            p[w1_at(i, j)] = w1[i][j] - eta * g;
        }
        p[b1_at(i)] = b1[i] - eta * sum_over_patterns(d1[i]);
    }
    if let Some(to) = snapshot.and_then(|s| s.first_chunk_mut::<P>()) {
        *to = *p;
    }
    (e, p.iter().all(|w| w.is_finite()))
}

/// Σ over the four patterns in order, from 0 (as the block's gradient starts each ∂E/∂w).
#[inline(always)]
fn sum_over_patterns(v: Quad) -> f64 {
    let mut acc = 0.0;
    for pair in v {
        for x in pair.lanes() {
            acc += x;
        }
    }
    acc
}
