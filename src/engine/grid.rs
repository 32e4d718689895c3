//! What every neuron computes over the input plane: x_i^(n)(x_1, x_2) (or a_i^(n)) on a regular
//! grid, for the decision boundary (ŷ) and the small maps drawn inside each neuron.

use crate::block::Block;
use crate::network::Network;

/// Largest grid side accepted.
pub const MAX_SIDE: usize = 1024;

/// Which number of each neuron to map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// The drive a_i^(n).
    A,
    /// The output x_i^(n) = g(a_i^(n)).
    X,
}

/// Evaluates a 2-input network on an `nx` × `ny` grid over `domain` = [x1_min, x1_max, x2_min,
/// x2_max]; row 0 is the top (largest x_2), column 0 the left (smallest x_1).
///
/// `out` receives, for each neuron of layers 1..L in order (or only the outputs ŷ when
/// `outputs_only`), `ny` rows of `nx` values. It is resized, never reallocated when big enough.
///
/// With one input, x_2 plays no part: every row is the same curve over x_1 (ask for `ny` = 1).
///
/// # Errors
/// A network with other than 1 or 2 inputs, or a side outside 1..=[`MAX_SIDE`].
pub fn evaluate_grid(
    net: &Network,
    domain: [f64; 4],
    (nx, ny): (usize, usize),
    which: Quantity,
    outputs_only: bool,
    out: &mut Vec<f32>,
) -> Result<(), String> {
    if !(1..=2).contains(&net.inputs()) {
        return Err(format!(
            "grid: the input plane needs a network with 1 or 2 inputs, this one has {}",
            net.inputs()
        ));
    }
    if !(1..=MAX_SIDE).contains(&nx) || !(1..=MAX_SIDE).contains(&ny) {
        return Err(format!(
            "grid: sides must be 1 to {MAX_SIDE} points, got {nx} × {ny}"
        ));
    }
    let first = if outputs_only {
        net.layer(net.depth()).unit
    } else {
        0
    };
    let units = net.neurons() - first;
    let plane = nx * ny;
    // Asked of the allocator first: out of memory is an Err for the page to show, not a trap.
    let more = (units * plane).saturating_sub(out.len());
    out.try_reserve(more)
        .map_err(|_| format!("grid: out of memory for {} values", units * plane))?;
    out.resize(units * plane, 0.0);
    let step = |lo: f64, hi: f64, k: usize, n: usize| {
        if n == 1 {
            0.5 * (lo + hi)
        } else {
            lo + (hi - lo) * k as f64 / (n - 1) as f64
        }
    };
    // One grid row at a time as a block of nx patterns (see block.rs): x_1 is the same in every
    // row, x_2 the same along a row.
    let mut block = Block::new(net, nx);
    let x1: Vec<f64> = (0..nx)
        .map(|col| step(domain[0], domain[1], col, nx))
        .collect();
    block.input_row_mut(0).copy_from_slice(&x1);
    for row in 0..ny {
        if net.inputs() == 2 {
            block
                .input_row_mut(1)
                .fill(step(domain[3], domain[2], row, ny));
        }
        block.forward(net);
        for u in 0..units {
            let values = match which {
                Quantity::A => block.a_of_unit(first + u),
                Quantity::X => block.x_of_unit(first + u),
            };
            let dest = &mut out[u * plane + row * nx..u * plane + (row + 1) * nx];
            for (d, v) in dest.iter_mut().zip(values) {
                *d = *v as f32;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::forward::forward;
    use crate::pass::Pass;

    #[test]
    fn corners_hold_the_forward_pass_at_the_domain_corners() {
        let mut net = Network::new(2, &[(2, Activation::Tanh), (1, Activation::Sigmoid)]).unwrap();
        net.init(3);
        let mut out = Vec::new();
        evaluate_grid(
            &net,
            [-1.0, 1.0, -2.0, 2.0],
            (5, 3),
            Quantity::X,
            false,
            &mut out,
        )
        .unwrap();
        assert_eq!(out.len(), 3 * 15);
        let mut pass = Pass::new(&net);
        forward(&net, &[-1.0, 2.0], &mut pass); // top left
        assert_eq!(out[2 * 15], pass.y(&net)[0] as f32);
        forward(&net, &[1.0, -2.0], &mut pass); // bottom right
        assert_eq!(out[15 + 14], pass.x[3] as f32);
        let mut only = Vec::new();
        evaluate_grid(
            &net,
            [-1.0, 1.0, -2.0, 2.0],
            (5, 3),
            Quantity::X,
            true,
            &mut only,
        )
        .unwrap();
        assert_eq!(only[..], out[30..]);
    }

    #[test]
    fn refuses_other_input_counts_and_sizes() {
        let net = Network::new(3, &[(1, Activation::Tanh)]).unwrap();
        let mut out = Vec::new();
        assert!(evaluate_grid(&net, [0.0; 4], (4, 4), Quantity::X, true, &mut out).is_err());
        let net = Network::new(2, &[(1, Activation::Tanh)]).unwrap();
        let err = evaluate_grid(&net, [0.0; 4], (0, 4), Quantity::A, true, &mut out).unwrap_err();
        assert!(err.contains("0 × 4"), "{err}");
    }
}
