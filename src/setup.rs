//! A fresh network from a few choices (data set, hidden layers, activations, seed, η, mode): what
//! the UI's controls describe, before any weights exist.

use crate::json::Value;

use crate::activation::Activation;
use crate::model::{DatasetSpec, Model, DEFAULT_ETA, DEFAULT_SEED, MAX_SEED};
use crate::network::{Network, MAX_LAYERS, MAX_NEURONS};
use crate::train::Mode;

/// The choices behind a fresh network. The output layer's size comes from the data set's targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// A named data set.
    pub dataset: String,
    /// Seed of the weights (and of a generated data set).
    pub seed: u64,
    /// m^(n) of the hidden layers n = 1..L−1 (empty: no hidden layer).
    pub hidden: Vec<usize>,
    /// g^(n) for n = 1..L (one more than `hidden`).
    pub activations: Vec<Activation>,
    /// η.
    pub eta: f64,
    /// Batch or online.
    pub mode: Mode,
}

impl Default for Setup {
    /// The lecture's start: XOR, a 2-2-1 sigmoid network, batch mode.
    fn default() -> Setup {
        Setup {
            dataset: "xor".into(),
            seed: DEFAULT_SEED,
            hidden: vec![2],
            activations: vec![Activation::Sigmoid; 2],
            eta: DEFAULT_ETA,
            mode: Mode::Batch,
        }
    }
}

impl Setup {
    /// Reads `{ "dataset", "seed", "hidden": [2], "activations": ["sigmoid", "sigmoid"],
    /// "learning_rate", "mode" }`; every field is optional and defaults to [`Setup::default`].
    ///
    /// # Errors
    /// Malformed JSON or any field out of range, named.
    pub fn parse(text: &str) -> Result<Setup, String> {
        let root = Value::parse(text).map_err(|e| format!("setup: not valid JSON ({e})"))?;
        let obj = root.as_object().ok_or("setup: expected a JSON object")?;
        let mut s = Setup::default();
        for (key, v) in obj {
            match key.as_str() {
                "dataset" => {
                    s.dataset = v.as_str().ok_or("dataset: expected a name")?.to_string();
                }
                "seed" => {
                    s.seed = v
                        .as_u64()
                        .filter(|&x| x <= MAX_SEED)
                        .ok_or(format!("seed: expected an integer from 0 to {MAX_SEED}"))?;
                }
                "hidden" => {
                    let sizes = v.as_array().ok_or("hidden: expected an array of sizes")?;
                    s.hidden = sizes
                        .iter()
                        .map(|m| m.as_u64().map(|m| m as usize))
                        .collect::<Option<_>>()
                        .ok_or("hidden: expected whole numbers")?;
                }
                "activations" => {
                    let names = v
                        .as_array()
                        .ok_or("activations: expected an array of names")?;
                    s.activations = names
                        .iter()
                        .map(|g| Activation::parse(g.as_str().unwrap_or("?")))
                        .collect::<Result<_, _>>()
                        .map_err(|e| format!("activations: {e}"))?;
                }
                "learning_rate" => {
                    s.eta = v
                        .as_f64()
                        .filter(|e| *e > 0.0 && e.is_finite())
                        .ok_or("learning_rate: expected a number > 0")?;
                }
                "mode" => s.mode = Mode::parse(v.as_str().unwrap_or("?"))?,
                _ => return Err(format!("{key}: unknown field")),
            }
        }
        Ok(s)
    }

    /// The model: shape checked, weights drawn from the seed.
    ///
    /// # Errors
    /// Too many layers or neurons, activations not one per layer, or an unknown data set.
    pub fn model(&self) -> Result<Model, String> {
        if self.hidden.len() + 1 > MAX_LAYERS {
            return Err(format!(
                "hidden: at most {} hidden layers, got {}",
                MAX_LAYERS - 1,
                self.hidden.len()
            ));
        }
        if let Some(m) = self.hidden.iter().find(|m| !(1..=MAX_NEURONS).contains(m)) {
            return Err(format!(
                "hidden: a layer has 1 to {MAX_NEURONS} neurons, got {m}"
            ));
        }
        if self.activations.len() != self.hidden.len() + 1 {
            return Err(format!(
                "activations: expected {} (one per layer, output included), got {}",
                self.hidden.len() + 1,
                self.activations.len()
            ));
        }
        let data = crate::dataset::Dataset::named(&self.dataset, self.seed)
            .map_err(|e| format!("dataset: {e}"))?;
        let mut shape: Vec<(usize, Activation)> = self
            .hidden
            .iter()
            .zip(&self.activations)
            .map(|(&m, &g)| (m, g))
            .collect();
        shape.push((data.outputs(), self.activations[self.hidden.len()]));
        let mut net = Network::new(data.inputs(), &shape)?;
        net.init(self.seed);
        Ok(Model {
            net,
            eta: self.eta,
            mode: self.mode,
            seed: self.seed,
            dataset: DatasetSpec::Named(self.dataset.clone()),
        })
    }
}
