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
use crate::network::{Network, MAX_LAYERS, MAX_NEURONS};
use crate::setup::table::{self, SETTINGS};
use crate::setup::{check_eta, DatasetSpec, Setup};
use crate::train::Mode;

/// The `format` string of model file v1.
pub const FORMAT: &str = "backprop-lab/model@1";
/// Largest model file accepted, in bytes.
pub const MAX_BYTES: usize = 1 << 20;

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
        let mut fields = vec!["format", "inputs", "layers"];
        fields.extend(SETTINGS.iter().filter(|s| s.in_model).map(|s| s.key));
        known_fields(obj, "", &fields)?;
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
        // The settings a model file carries as fields of their own, each read by its setting's
        // reader; the shape and the activations are in the layers.
        let mut setup = Setup::default();
        for setting in SETTINGS.iter().filter(|s| s.in_model) {
            if let Some(v) = root.get(setting.key) {
                (setting.read)(&mut setup, v)
                    .map_err(|e| format!("{}: {}", setting.key, table::reason(setting, &e)))?;
            }
        }
        let Setup {
            eta,
            mode,
            seed,
            dataset,
            ..
        } = setup;
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
        let mut fields = vec![
            ("format".to_string(), FORMAT.into()),
            ("inputs".to_string(), self.net.inputs().into()),
            ("layers".to_string(), layers.into()),
        ];
        let setup = Setup::of(self);
        fields.extend(
            SETTINGS
                .iter()
                .filter(|s| s.in_model)
                .map(|s| (s.key.to_string(), (s.write)(&setup))),
        );
        Ok(Value::Object(fields).pretty())
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

/// A setup and the model it describes, both ways.
impl Setup {
    /// The setup a model file describes (its shape, its data set, its settings).
    pub fn of(model: &Model) -> Setup {
        let layers = model.net.layers();
        Setup {
            dataset: model.dataset.clone(),
            seed: model.seed,
            hidden: layers[..layers.len() - 1].iter().map(|l| l.m).collect(),
            activations: layers.iter().map(|l| l.activation).collect(),
            eta: model.eta,
            mode: model.mode,
        }
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
        check_eta(self.eta)?;
        let data = DatasetSpec::build(&self.dataset, self.seed)?;
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
            dataset: self.dataset.clone(),
        })
    }
}
