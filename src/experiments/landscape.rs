//! The loss landscape: E over a plane through the current weights along two parameters w_p and
//! w_q, the gradient there, which two parameters moved most lately, and the training path.

use crate::backprop::backprop;
use crate::block::Block;
use crate::dataset::Dataset;
use crate::json::number;
use crate::network::Network;
use crate::timeline::Timeline;

use super::{MAX_PATH_POINTS, MAX_RES, MAX_SPAN, MIN_RES, MIN_SPAN};

/// Two parameter indices of `net`, different.
fn check_pair(net: &Network, p: usize, q: usize) -> Result<(), String> {
    let n = net.params().len();
    if p >= n || q >= n {
        return Err(format!("parameters: expected indices from 0 to {}", n - 1));
    }
    if p == q {
        return Err("the two parameters must differ".into());
    }
    Ok(())
}

/// E on a res × res grid over the plane through the current weights w⁰ along w_p and w_q; cell
/// r·res + c holds E at
/// w_p = w_p⁰ + span·(2c/(res − 1) − 1) (left to right) and
/// w_q = w_q⁰ + span·(1 − 2r/(res − 1)) (top row: the largest w_q),
/// every other weight at its current value. With res odd the centre cell is E at the current
/// weights exactly. All patterns go through the network as one [`Block`], one forward pass per
/// cell, nothing allocated per cell.
///
/// # Errors
/// p or q not a parameter, p = q, span outside [`MIN_SPAN`]..=[`MAX_SPAN`], res outside
/// [`MIN_RES`]..=[`MAX_RES`], or no memory for the grid.
pub fn landscape(
    net: &Network,
    data: &Dataset,
    (p, q): (usize, usize),
    span: f64,
    res: usize,
) -> Result<Vec<f64>, String> {
    check_pair(net, p, q)?;
    if !(MIN_SPAN..=MAX_SPAN).contains(&span) {
        let (lo, hi) = (number(MIN_SPAN), number(MAX_SPAN));
        return Err(format!("span: expected a number from {lo} to {hi}"));
    }
    if !(MIN_RES..=MAX_RES).contains(&res) {
        return Err(format!(
            "res: expected a whole number from {MIN_RES} to {MAX_RES}"
        ));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(res * res)
        .map_err(|_| "landscape: out of memory for the grid".to_string())?;
    // Only the layers from w_p's or w_q's (the lower) up change: the rest is computed once.
    let upper = upper_part(net, data, p.min(q));
    let (mut w, data, skipped) = match &upper {
        Some((w, d, skipped)) => (w.clone(), d, *skipped),
        None => (net.clone(), data, 0),
    };
    let (p, q) = (p - skipped, q - skipped);
    let mut block = Block::new(&w, data.len());
    block.load(data, 0);
    let (p0, q0) = (w.params()[p], w.params()[q]);
    let last = (res - 1) as f64;
    for r in 0..res {
        w.params_mut()[q] = q0 + span * (1.0 - 2.0 * r as f64 / last);
        for c in 0..res {
            w.params_mut()[p] = p0 + span * (2.0 * c as f64 / last - 1.0);
            block.forward(&w);
            out.push(block.error(&w));
        }
    }
    Ok(out)
}

/// The layers n₀..L of `net`, n₀ the layer of parameter `k`, as a network of their own, and the
/// patterns as they reach layer n₀: inputs x^(n₀−1) at the current weights, the same targets; with
/// the number of parameters below layer n₀. The same operations in the same order as the whole
/// network's layers n₀..L, so E comes out bit for bit the same. None when k is in layer 1, or
/// when x^(n₀−1) is not a data set (a diverged network, no patterns).
fn upper_part(net: &Network, data: &Dataset, k: usize) -> Option<(Network, Dataset, usize)> {
    let n0 = net.param_location(k)?.0;
    if n0 == 1 {
        return None;
    }
    let mut block = Block::new(net, data.len());
    block.load(data, 0);
    block.forward(net);
    let below = net.layer(n0 - 1);
    let (mut inputs, mut targets) = (Vec::new(), Vec::new());
    for mu in 0..data.len() {
        let mut x = Vec::with_capacity(below.m);
        for i in 0..below.m {
            x.push(block.x_of_unit(below.unit + i)[mu]);
        }
        inputs.push(x);
        targets.push(data.pattern(mu).1.to_vec());
    }
    let mut shape = Vec::new();
    for l in &net.layers()[n0 - 1..] {
        shape.push((l.m, l.activation));
    }
    let mut upper = Network::new(below.m, &shape).ok()?;
    let skipped = net.layer(n0).offset;
    upper.params_mut().copy_from_slice(&net.params()[skipped..]);
    Some((upper, Dataset::inline(&inputs, &targets).ok()?, skipped))
}

/// [E, ∂E/∂w_p, ∂E/∂w_q] at the current weights, by backpropagation (the −∇E arrow's point and
/// components).
///
/// # Errors
/// p or q not a parameter, or p = q.
pub fn landscape_at(
    net: &Network,
    data: &Dataset,
    (p, q): (usize, usize),
) -> Result<[f64; 3], String> {
    check_pair(net, p, q)?;
    let b = backprop(net, data);
    Ok([b.e, b.grad[p], b.grad[q]])
}

/// The kept epoch to compare `now` with: the earliest kept epoch from `now − window` on (the window
/// clamped to what the timeline holds), at most `now`.
fn looked_back(timeline: &Timeline, now: u64, window: u64) -> Option<u64> {
    let epochs = timeline.epochs();
    let k = epochs.partition_point(|&e| e < now.saturating_sub(window));
    epochs.get(k).copied().filter(|&e| e <= now)
}

/// The two parameters (p, q) with the largest |w(now) − w(now − window)|, the larger first; ties go
/// to the lower index, and a parameter that became NaN counts as not moved. `w_now` are the
/// current weights; w(now − window) the timeline's earliest kept weights from that epoch on (the
/// window clamped to what it holds). Every network has at least 2 parameters (one neuron's weight
/// and bias). Nothing moved (epoch 0): (0, 1).
pub fn moved_most(timeline: &Timeline, now: u64, w_now: &[f64], window: u64) -> (usize, usize) {
    let Some(then) = looked_back(timeline, now, window).and_then(|e| timeline.weights(e)) else {
        return (0, 1);
    };
    // (index, |Δw|) of the largest and the second largest so far; NaN never compares larger
    let (mut first, mut second) = ((0, -1.0), (1, -1.0));
    for (k, (now, then)) in w_now.iter().zip(then).enumerate() {
        let d = (now - then).abs();
        if d > first.1 {
            if k != first.0 {
                second = first;
            }
            first = (k, d);
        } else if d > second.1 && k != first.0 {
            second = (k, d);
        }
    }
    (first.0, second.0)
}

/// The training path on the plane of w_p, w_q: (w_p, w_q) at every kept epoch up to `now`, oldest
/// first, thinned evenly to at most [`MAX_PATH_POINTS`] (the first and the last kept).
///
/// # Errors
/// p or q not a parameter of `net` (the timeline's network), or p = q.
pub fn path(
    net: &Network,
    timeline: &Timeline,
    now: u64,
    (p, q): (usize, usize),
) -> Result<Vec<(f64, f64)>, String> {
    check_pair(net, p, q)?;
    let epochs = timeline.epochs();
    let n = epochs.partition_point(|&e| e <= now); // kept epochs are in order
    let mut out = Vec::with_capacity(n.min(MAX_PATH_POINTS));
    for i in 0..n.min(MAX_PATH_POINTS) {
        let k = if n <= MAX_PATH_POINTS {
            i
        } else {
            i * (n - 1) / (MAX_PATH_POINTS - 1)
        };
        if let Some(w) = timeline.weights(epochs[k]) {
            out.push((w[p], w[q]));
        }
    }
    Ok(out)
}
