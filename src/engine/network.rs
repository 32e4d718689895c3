//! The network: N inputs, layers n = 1..L, each with m^(n) neurons, weights w_ij^(n), biases b_i^(n)
//! and its own activation g^(n).
//!
//! All weights and biases live in one flat parameter vector (the "n weights" of Blackboard 2.3), layer
//! by layer: first the m^(n) × m^(n−1) weights row by row (w_ij^(n) at row i, column j), then the
//! m^(n) biases. A gradient is a vector of the same layout, so ∂E/∂w and Δw index like w.

use crate::activation::Activation;
use crate::rng::Rng;

/// Most inputs N a network may have.
pub const MAX_INPUTS: usize = 16;
/// Most weight layers L (the lecture's example has 3).
pub const MAX_LAYERS: usize = 4;
/// Most neurons m^(n) in one layer.
pub const MAX_NEURONS: usize = 16;

/// The shape of layer n: m^(n) neurons fed by m^(n−1) outputs of the layer below.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// m^(n), neurons in this layer.
    pub m: usize,
    /// m^(n−1), outputs of the layer below (N for layer 1).
    pub fan_in: usize,
    /// g^(n).
    pub activation: Activation,
    /// Where w_00^(n) sits in the parameter vector; the biases follow the m·fan_in weights.
    pub offset: usize,
    /// Index of this layer's first neuron among all neurons of layers 1..L (for a, x, δ buffers).
    pub unit: usize,
}

impl Layer {
    /// Index of w_ij^(n) in the parameter vector.
    #[inline]
    pub fn w_index(&self, i: usize, j: usize) -> usize {
        self.offset + i * self.fan_in + j
    }

    /// Index of b_i^(n) in the parameter vector.
    #[inline]
    pub fn b_index(&self, i: usize) -> usize {
        self.offset + self.m * self.fan_in + i
    }

    /// Parameters of this layer, weights then biases: m^(n) · (m^(n−1) + 1).
    #[inline]
    pub fn param_count(&self) -> usize {
        self.m * (self.fan_in + 1)
    }
}

/// A feed-forward network: a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n), x_i^(n) = g^(n)(a_i^(n)).
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    inputs: usize,
    layers: Vec<Layer>,
    params: Vec<f64>,
}

impl Network {
    /// A network with all weights and biases zero. `layers` lists (m^(n), g^(n)) for n = 1..L.
    ///
    /// # Errors
    /// N outside 1..=16, L outside 1..=4, or any m^(n) outside 1..=16, named in the message.
    #[inline]
    pub fn new(inputs: usize, layers: &[(usize, Activation)]) -> Result<Network, String> {
        Network::with_widest(inputs, layers, MAX_NEURONS)
    }

    /// [`Network::new`] with layers of up to `widest` neurons: wider than the editor allows, for
    /// networks built only to time the algorithms (Blackboard 2.3 measured).
    ///
    /// # Errors
    /// N outside 1..=16, L outside 1..=4, or any m^(n) outside 1..=`widest`, named in the message.
    #[inline]
    pub fn with_widest(
        inputs: usize,
        layers: &[(usize, Activation)],
        widest: usize,
    ) -> Result<Network, String> {
        if !(1..=MAX_INPUTS).contains(&inputs) {
            return Err(format!("inputs: expected 1 to {MAX_INPUTS}, got {inputs}"));
        }
        if !(1..=MAX_LAYERS).contains(&layers.len()) {
            return Err(format!(
                "layers: expected 1 to {MAX_LAYERS} weight layers, got {}",
                layers.len()
            ));
        }
        let mut shaped = Vec::with_capacity(layers.len());
        let (mut fan_in, mut offset, mut unit) = (inputs, 0, 0);
        for (k, &(m, activation)) in layers.iter().enumerate() {
            if !(1..=widest).contains(&m) {
                return Err(format!(
                    "layers[{k}]: expected 1 to {widest} neurons, got {m}"
                ));
            }
            let layer = Layer {
                m,
                fan_in,
                activation,
                offset,
                unit,
            };
            offset += layer.param_count();
            unit += m;
            fan_in = m;
            shaped.push(layer);
        }
        Ok(Network {
            inputs,
            layers: shaped,
            params: vec![0.0; offset],
        })
    }

    /// Same shape, weights and biases drawn from `seed`.
    ///
    /// Scheme (Glorot uniform): w_ij^(n) and b_i^(n) ~ U(−r, r) with r = √(6 / (m^(n−1) + m^(n))),
    /// twice that for a sigmoid layer, drawn layer by layer, row by row, weights before biases,
    /// from SplitMix64 seeded with `seed`. (On XOR 2-2-1 sigmoid this solves about 7 seeds in 10;
    /// the 4× range often advised for sigmoid layers saturates the units and solves only about 4
    /// in 10.)
    #[inline]
    pub fn init(&mut self, seed: u64) {
        let mut rng = Rng::new(seed);
        for layer in &self.layers {
            let mut r = (6.0 / (layer.fan_in + layer.m) as f64).sqrt();
            if layer.activation == Activation::Sigmoid {
                r *= 2.0;
            }
            let span = layer.offset..layer.offset + layer.param_count();
            for p in &mut self.params[span] {
                *p = rng.uniform(-r, r);
            }
        }
    }

    /// N, the number of inputs x_1^(0) … x_N^(0).
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// The layers n = 1..L, in order (`layers()[n − 1]` is layer n).
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Layer n, for n = 1..=L.
    pub fn layer(&self, n: usize) -> &Layer {
        &self.layers[n - 1]
    }

    /// L, the number of weight layers.
    pub fn depth(&self) -> usize {
        self.layers.len()
    }

    /// m^(L), the number of outputs ŷ.
    pub fn outputs(&self) -> usize {
        self.layers[self.layers.len() - 1].m
    }

    /// Neurons in layers 1..L (the "m" of the operation count).
    pub fn neurons(&self) -> usize {
        self.layers.iter().map(|l| l.m).sum()
    }

    /// All weights and biases, in the layout described at the top of this module.
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// Mutable access to all weights and biases.
    pub fn params_mut(&mut self) -> &mut [f64] {
        &mut self.params
    }

    /// w_ij^(n).
    pub fn w(&self, n: usize, i: usize, j: usize) -> f64 {
        self.params[self.layer(n).w_index(i, j)]
    }

    /// b_i^(n).
    pub fn b(&self, n: usize, i: usize) -> f64 {
        self.params[self.layer(n).b_index(i)]
    }

    /// Sets w_ij^(n).
    pub fn set_w(&mut self, n: usize, i: usize, j: usize, value: f64) {
        let k = self.layer(n).w_index(i, j);
        self.params[k] = value;
    }

    /// Sets b_i^(n).
    pub fn set_b(&mut self, n: usize, i: usize, value: f64) {
        let k = self.layer(n).b_index(i);
        self.params[k] = value;
    }

    /// Whether every weight and bias is a finite number.
    pub fn is_finite(&self) -> bool {
        self.params.iter().all(|p| p.is_finite())
    }

    /// Where parameter `k` sits: (n, i, Some(j)) for w_ij^(n), (n, i, None) for b_i^(n); indices i, j
    /// from 0, layer n from 1. None past the end.
    #[inline]
    pub fn param_location(&self, k: usize) -> Option<(usize, usize, Option<usize>)> {
        for (idx, layer) in self.layers.iter().enumerate() {
            let local = k.wrapping_sub(layer.offset);
            if local < layer.m * layer.fan_in {
                return Some((idx + 1, local / layer.fan_in, Some(local % layer.fan_in)));
            }
            if local < layer.param_count() {
                return Some((idx + 1, local - layer.m * layer.fan_in, None));
            }
        }
        None
    }

    /// A short human name for parameter `k`: `w_12^(1)` or `b_1^(2)` (indices 1-based, as in the notes).
    #[inline]
    pub fn param_name(&self, k: usize) -> String {
        match self.param_location(k) {
            Some((n, i, Some(j))) => format!("w_{}{}^({n})", i + 1, j + 1),
            Some((n, i, None)) => format!("b_{}^({n})", i + 1),
            None => format!("parameter {k}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Activation::*;

    #[test]
    fn counts_weights_as_the_notes_do() {
        // 2-2-1: m^(1)(N+1) + m^(2)(m^(1)+1) = 2·3 + 1·3.
        let net = Network::new(2, &[(2, Sigmoid), (1, Sigmoid)]).unwrap();
        assert_eq!(net.params().len(), 9);
        assert_eq!(net.neurons(), 3);
        assert_eq!(net.layer(2).offset, 6);
        assert_eq!(net.layer(2).b_index(0), 8);
        assert_eq!(net.param_name(5), "b_2^(1)");
        assert_eq!(net.param_name(7), "w_12^(2)");
    }

    #[test]
    fn rejects_out_of_range_shapes_with_the_reason() {
        type Case = (usize, Vec<(usize, Activation)>, &'static str);
        let cases: [Case; 5] = [
            (0, vec![(1, Tanh)], "inputs: expected 1 to 16, got 0"),
            (17, vec![(1, Tanh)], "inputs: expected 1 to 16, got 17"),
            (2, vec![], "expected 1 to 4 weight layers, got 0"),
            (
                2,
                vec![(2, Tanh); 5],
                "expected 1 to 4 weight layers, got 5",
            ),
            (
                2,
                vec![(17, Tanh), (1, Tanh)],
                "layers[0]: expected 1 to 16 neurons, got 17",
            ),
        ];
        for (inputs, layers, want) in cases {
            let err = Network::new(inputs, &layers).unwrap_err();
            assert!(err.contains(want), "{err} should contain {want}");
        }
        let err = Network::new(2, &[(2, Tanh), (0, Tanh)]).unwrap_err();
        assert!(err.contains("layers[1]") && err.contains("got 0"), "{err}");
    }

    #[test]
    fn init_is_a_function_of_the_seed() {
        let mut a = Network::new(2, &[(3, Tanh), (1, Sigmoid)]).unwrap();
        let mut b = a.clone();
        a.init(5);
        b.init(5);
        assert_eq!(a, b);
        b.init(6);
        assert_ne!(a, b);
        assert!(a.params().iter().all(|p| p.abs() < 4.0 * 1.0 && *p != 0.0));
    }
}
