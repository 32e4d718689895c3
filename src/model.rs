//! Model file v1: a network, its training settings and its data set as JSON (import and export).
//!
//! ```json
//! { "format": "backprop-lab/model@1", "inputs": 2,
//!   "layers": [ { "activation": "sigmoid", "weights": [[0.1, -0.2], [0.3, 0.4]], "biases": [0.0, 0.1] },
//!               { "activation": "sigmoid", "weights": [[0.5, -0.6]], "biases": [0.2] } ],
//!   "learning_rate": 0.5, "mode": "batch", "seed": 7, "dataset": "xor" }
//! ```
//! `weights[i][j]` is w_ij^(n). Every rejection names the field and the reason.

use crate::json::{brief, integer, known_fields, numbers, rows, Value};

use crate::activation::Activation;
use crate::dataset::Dataset;
use crate::network::{Network, MAX_LAYERS};
use crate::train::Mode;

/// The `format` string of model file v1.
pub const FORMAT: &str = "backprop-lab/model@1";
/// η when a model file gives none.
pub const DEFAULT_ETA: f64 = 2.0;
/// The seed when a model file gives none.
pub const DEFAULT_SEED: u64 = 7;
/// Largest model file accepted, in bytes.
pub const MAX_BYTES: usize = 1 << 20;
/// Largest seed: the largest integer a JS number holds exactly, 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Whether weights can be written to a model file or a link: both hold finite numbers only, so
/// after a divergence (a weight NaN or ±∞) nothing is written that could not be read back.
///
/// # Errors
/// The reason, with the way out (restore the last good state, or reset).
pub fn writable(params: &[f64]) -> Result<(), String> {
    match params.iter().filter(|w| !w.is_finite()).count() {
        0 => Ok(()),
        bad => Err(format!(
            "{bad} of the {} weights and biases are no longer finite numbers (training diverged), \
             and a file or a link holds only finite ones: restore the last good state or reset first",
            params.len()
        )),
    }
}

/// Where the patterns come from.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetSpec {
    /// A named set from [`crate::dataset::NAMES`], generated from the model's seed.
    Named(String),
    /// Patterns written out in the file.
    Inline {
        /// x^(0) of each pattern.
        inputs: Vec<Vec<f64>>,
        /// t of each pattern.
        targets: Vec<Vec<f64>>,
    },
}

impl From<&str> for DatasetSpec {
    /// A named data set.
    fn from(name: &str) -> DatasetSpec {
        DatasetSpec::Named(name.to_string())
    }
}

impl DatasetSpec {
    /// As the `dataset` field of a model file or a setup: a name, or `{ "inputs", "targets" }`.
    pub fn to_value(&self) -> Value {
        match self {
            DatasetSpec::Named(name) => name.as_str().into(),
            DatasetSpec::Inline { inputs, targets } => Value::object([
                ("inputs", inputs.clone().into()),
                ("targets", targets.clone().into()),
            ]),
        }
    }

    /// The patterns: generated from `seed` for a named set, or read from the inline rows.
    ///
    /// # Errors
    /// An unknown name or a malformed inline set, as `dataset…: reason`.
    pub fn build(&self, seed: u64) -> Result<Dataset, String> {
        match self {
            DatasetSpec::Named(name) => {
                Dataset::named(name, seed).map_err(|e| format!("dataset: {e}"))
            }
            DatasetSpec::Inline { inputs, targets } => {
                Dataset::inline(inputs, targets).map_err(|e| format!("dataset.{e}"))
            }
        }
    }
}

/// Everything a model file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Shape, activations, weights and biases.
    pub net: Network,
    /// η, the learning rate.
    pub eta: f64,
    /// Batch or online.
    pub mode: Mode,
    /// Seed of the initial weights and of a generated data set.
    pub seed: u64,
    /// The patterns.
    pub dataset: DatasetSpec,
}

impl Model {
    /// Reads and validates a model file.
    ///
    /// # Errors
    /// Malformed JSON, a wrong format string, unknown fields, out-of-range shapes, wrong row lengths,
    /// non-finite numbers, or a data set that does not fit the network — each as `field: reason`.
    pub fn parse(text: &str) -> Result<Model, String> {
        if text.len() > MAX_BYTES {
            return Err(format!(
                "model file: {} bytes is larger than the {MAX_BYTES}-byte limit",
                text.len()
            ));
        }
        let root = Value::parse(text).map_err(|e| format!("model file: not valid JSON ({e})"))?;
        let obj = root
            .as_object()
            .ok_or("model file: expected a JSON object")?;
        known_fields(
            obj,
            "",
            &[
                "format",
                "inputs",
                "layers",
                "learning_rate",
                "mode",
                "seed",
                "dataset",
            ],
        )?;
        match root.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => return Err(format!("format: expected \"{FORMAT}\", got {other}")),
            None => return Err(format!("format: missing (expected \"{FORMAT}\")")),
        }
        let inputs = match root.get("inputs") {
            Some(v) => integer(v, "inputs", 1, 16)? as usize,
            None => return Err("inputs: missing".into()),
        };
        let layers = root
            .get("layers")
            .ok_or("layers: missing")?
            .as_array()
            .ok_or("layers: expected an array of layers")?;
        if layers.is_empty() || layers.len() > MAX_LAYERS {
            return Err(format!(
                "layers: expected 1 to {MAX_LAYERS} layers, got {}",
                layers.len()
            ));
        }
        let mut shape = Vec::new();
        let mut values = Vec::new();
        let mut fan_in = inputs;
        for (k, layer) in layers.iter().enumerate() {
            let (activation, w, b) = parse_layer(layer, k, fan_in)?;
            fan_in = b.len();
            shape.push((b.len(), activation));
            values.push((w, b));
        }
        let mut net = Network::new(inputs, &shape)?;
        for (k, (w, b)) in values.into_iter().enumerate() {
            for (i, row) in w.iter().enumerate() {
                for (j, &v) in row.iter().enumerate() {
                    net.set_w(k + 1, i, j, v);
                }
                net.set_b(k + 1, i, b[i]);
            }
        }
        let eta = match root.get("learning_rate") {
            None => DEFAULT_ETA,
            Some(v) => v
                .as_f64()
                .and_then(|eta| crate::setup::check_eta(eta).ok())
                .ok_or_else(|| format!("learning_rate: expected a number > 0, got {}", brief(v)))?,
        };
        let mode = match root.get("mode") {
            None => Mode::Batch,
            Some(Value::String(s)) => Mode::parse(s)?,
            Some(v) => return Err(format!("mode: expected \"batch\" or \"online\", got {v}")),
        };
        let seed = match root.get("seed") {
            None => DEFAULT_SEED,
            Some(v) => integer(v, "seed", 0, MAX_SEED)?,
        };
        let dataset = match root.get("dataset") {
            None => DatasetSpec::Named("xor".into()),
            Some(v) => parse_dataset(v)?,
        };
        let model = Model {
            net,
            eta,
            mode,
            seed,
            dataset,
        };
        model.dataset()?;
        Ok(model)
    }

    /// Builds the data set and checks that it fits the network (N inputs, m^(L) targets).
    ///
    /// # Errors
    /// An unknown name, a malformed inline set, or a shape mismatch.
    pub fn dataset(&self) -> Result<Dataset, String> {
        let data = DatasetSpec::build(&self.dataset, self.seed)?;
        if data.inputs() != self.net.inputs() {
            return Err(format!(
                "dataset: patterns have {} inputs but the network has inputs = {}",
                data.inputs(),
                self.net.inputs()
            ));
        }
        if data.outputs() != self.net.outputs() {
            return Err(format!(
                "dataset: targets have {} numbers but the last layer has {} neurons",
                data.outputs(),
                self.net.outputs()
            ));
        }
        Ok(data)
    }

    /// The model file v1 text (pretty-printed JSON; every f64 round-trips exactly).
    ///
    /// # Errors
    /// Weights that are not finite numbers ([`writable`]): the file could not be read back.
    pub fn to_json(&self) -> Result<String, String> {
        writable(self.net.params())?;
        let layers: Vec<Value> = (1..=self.net.depth())
            .map(|n| {
                let layer = self.net.layer(n);
                let w: Vec<Vec<f64>> = (0..layer.m)
                    .map(|i| (0..layer.fan_in).map(|j| self.net.w(n, i, j)).collect())
                    .collect();
                let b: Vec<f64> = (0..layer.m).map(|i| self.net.b(n, i)).collect();
                Value::object([
                    ("activation", layer.activation.name().into()),
                    ("weights", w.into()),
                    ("biases", b.into()),
                ])
            })
            .collect();
        Ok(Value::object([
            ("format", FORMAT.into()),
            ("inputs", self.net.inputs().into()),
            ("layers", layers.into()),
            ("learning_rate", self.eta.into()),
            ("mode", self.mode.name().into()),
            ("seed", self.seed.into()),
            ("dataset", self.dataset.to_value()),
        ])
        .pretty())
    }
}

type ParsedLayer = (Activation, Vec<Vec<f64>>, Vec<f64>);

fn parse_layer(layer: &Value, k: usize, fan_in: usize) -> Result<ParsedLayer, String> {
    let at = format!("layers[{k}]");
    let obj = layer
        .as_object()
        .ok_or_else(|| format!("{at}: expected an object with activation, weights, biases"))?;
    known_fields(obj, &format!("{at}."), &["activation", "weights", "biases"])?;
    let activation = match layer.get("activation") {
        Some(Value::String(s)) => {
            Activation::parse(s).map_err(|e| format!("{at}.activation: {e}"))?
        }
        Some(v) => {
            return Err(format!(
                "{at}.activation: expected a name, got {}",
                brief(v)
            ))
        }
        None => return Err(format!("{at}.activation: missing")),
    };
    let b = numbers(
        layer
            .get("biases")
            .ok_or_else(|| format!("{at}.biases: missing"))?,
        &format!("{at}.biases"),
    )?;
    if b.is_empty() || b.len() > crate::network::MAX_NEURONS {
        return Err(format!(
            "{at}.biases: expected 1 to {} neurons, got {}",
            crate::network::MAX_NEURONS,
            b.len()
        ));
    }
    let w = rows(
        layer
            .get("weights")
            .ok_or_else(|| format!("{at}.weights: missing"))?,
        &format!("{at}.weights"),
    )?;
    if w.len() != b.len() {
        return Err(format!(
            "{at}.weights: expected {} rows (one per bias), got {}",
            b.len(),
            w.len()
        ));
    }
    let below = if k == 0 {
        "input".to_string()
    } else {
        format!("neuron of layers[{}]", k - 1)
    };
    for (i, row) in w.iter().enumerate() {
        if row.len() != fan_in {
            return Err(format!(
                "{at}.weights[{i}]: expected {fan_in} numbers (one per {below}), got {}",
                row.len()
            ));
        }
    }
    Ok((activation, w, b))
}

/// The `dataset` field: a name, or `{ "inputs": [[…]], "targets": [[…]] }`.
pub(crate) fn parse_dataset(v: &Value) -> Result<DatasetSpec, String> {
    match v {
        Value::String(name) => Ok(DatasetSpec::Named(name.clone())),
        Value::Object(obj) => {
            known_fields(obj, "dataset.", &["inputs", "targets"])?;
            let get = |f: &str| {
                v.get(f)
                    .ok_or_else(|| format!("dataset.{f}: missing"))
                    .and_then(|v| rows(v, &format!("dataset.{f}")))
            };
            Ok(DatasetSpec::Inline {
                inputs: get("inputs")?,
                targets: get("targets")?,
            })
        }
        _ => Err(format!(
            "dataset: expected a name or {{ \"inputs\": [...], \"targets\": [...] }}, got {}",
            brief(v)
        )),
    }
}
