//! The setup each built-in data set opens with: its architecture, η, mode and seed.

use crate::activation::Activation;
use crate::train::Mode;

/// The architecture, η, mode and seed a data set opens with.
#[derive(Clone, Debug, PartialEq)]
pub struct Defaults {
    /// m^(n) of the hidden layers n = 1..L−1.
    pub hidden: Vec<usize>,
    /// g^(n) for n = 1..L (one more than `hidden`).
    pub activations: Vec<Activation>,
    /// η.
    pub eta: f64,
    /// Batch or online.
    pub mode: Mode,
    /// Seed of the weights and of a generated data set.
    pub seed: u64,
}

/// The architecture, η, mode and seed a built-in data set opens with; None for an unknown name.
///
/// Each solves its data set from its seed: every pattern on the right side of ½ (noisy XOR: at
/// least 95 % of them) within 20 000 epochs, the spiral in about 1300, the rest in a few hundred or
/// fewer (tests/datasets.rs). XOR is the lecture's 2-2-1 sigmoid network at η = 2; AND and OR,
/// linearly separable, need no hidden layer, and nor do the blobs; the circle and noisy XOR take
/// 4 tanh hidden units, the spiral two layers of 8. η is [`crate::advice::suggested_eta`]'s, but the lecture's 2
/// for the gates and twice the suggestion for the spiral (half the epochs, as reliable over seeds).
pub fn defaults(name: &str) -> Option<Defaults> {
    use Activation::{Sigmoid, Tanh};
    let (hidden, g, eta): (&[usize], Activation, f64) = match name {
        "xor" => (&[2], Sigmoid, 2.0),
        "and" | "or" => (&[], Sigmoid, 2.0),
        "xor-noisy" => (&[4], Tanh, 0.1),
        "circle" => (&[4], Tanh, 0.1),
        "blobs" => (&[], Sigmoid, 0.2),
        "spiral" => (&[8, 8], Tanh, 0.1),
        _ => return None,
    };
    let mut activations = vec![g; hidden.len()];
    activations.push(Sigmoid);
    Some(Defaults {
        hidden: hidden.to_vec(),
        activations,
        eta,
        mode: Mode::Batch,
        seed: super::DEFAULT_SEED,
    })
}
