//! A fresh network from a few choices (data set, hidden layers, activations, seed, η, mode): what
//! the UI's controls describe, before any weights exist. The Lab owns one; the page reads it.
//!
//! η and the seed are validated here and nowhere else: [`check_eta`] for numbers, [`parse_eta`]
//! and [`parse_seed`] for what a person typed. The model file, the URL hash, the setup JSON and the
//! Lab all call them.

use crate::json::{rounded, Value};

use crate::activation::Activation;
use crate::model::{DatasetSpec, Model, DEFAULT_ETA, DEFAULT_SEED, MAX_SEED};
use crate::network::{Network, MAX_LAYERS, MAX_NEURONS};
use crate::train::Mode;

/// The choices behind a fresh network. The input and output layers' sizes come from the data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// A named data set, or patterns given in a model file.
    pub dataset: DatasetSpec,
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
            dataset: DatasetSpec::Named("xor".into()),
            seed: DEFAULT_SEED,
            hidden: vec![2],
            activations: vec![Activation::Sigmoid; 2],
            eta: DEFAULT_ETA,
            mode: Mode::Batch,
        }
    }
}

/// η as a learning rate: a finite number > 0.
///
/// # Errors
/// NaN, ±∞, zero or negative, with the value rounded.
pub fn check_eta(eta: f64) -> Result<f64, String> {
    if eta.is_finite() && eta > 0.0 {
        Ok(eta)
    } else {
        Err(format!(
            "learning rate η must be a number > 0, got {}",
            rounded(eta)
        ))
    }
}

/// "  “abc” " for a message: the text as typed, cut to 24 characters.
fn quoted(text: &str) -> String {
    let cut: String = text.chars().take(24).collect();
    let more = if cut.len() < text.len() { "…" } else { "" };
    format!("“{cut}{more}”")
}

/// η typed by a person: a decimal number > 0 such as `0.5`, ` 2 `, `1e-3` or `0,5` (a decimal
/// comma); nothing else (no `Infinity`, no hex, no units).
///
/// # Errors
/// Empty, not a number, or not a learning rate — saying which.
pub fn parse_eta(text: &str) -> Result<f64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("learning rate η: the field is empty; type a number > 0, like 0.5".into());
    }
    match crate::json::parse_typed(t) {
        Some(v) => check_eta(v),
        _ => Err(format!(
            "learning rate η: {} is not a number; type a number > 0, like 0.5",
            quoted(text)
        )),
    }
}

/// A seed typed by a person: a whole number from 0 to 2⁵³ − 1.
///
/// # Errors
/// Empty or anything else, saying which.
pub fn parse_seed(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let range = format!("a whole number from 0 to {MAX_SEED}");
    if t.is_empty() {
        return Err(format!("seed: the field is empty; type {range}"));
    }
    match t.parse::<u64>() {
        Ok(seed) if seed <= MAX_SEED && t.bytes().all(|b| b.is_ascii_digit()) => Ok(seed),
        _ => Err(format!("seed: {} is not {range}", quoted(text))),
    }
}

/// A seed given as a JSON number or as typed text.
fn seed_value(v: &Value) -> Result<u64, String> {
    match v {
        Value::String(s) => parse_seed(s),
        _ => v.as_u64().filter(|&x| x <= MAX_SEED).ok_or(format!(
            "seed: expected a whole number from 0 to {MAX_SEED}"
        )),
    }
}

/// η given as a JSON number or as typed text.
fn eta_value(v: &Value) -> Result<f64, String> {
    match v {
        Value::String(s) => parse_eta(s),
        Value::Number(x) => check_eta(*x),
        _ => Err("learning rate η: expected a number > 0".into()),
    }
}

impl Setup {
    /// Reads `{ "dataset", "seed", "hidden": [2], "activations": ["sigmoid", "sigmoid"],
    /// "learning_rate", "mode" }`; every field is optional and defaults to [`Setup::default`].
    ///
    /// # Errors
    /// Malformed JSON or any field out of range, named.
    pub fn parse(text: &str) -> Result<Setup, String> {
        Setup::default().with_changes(text)
    }

    /// This setup with the fields of the JSON object `text` changed (as [`Setup::parse`] reads
    /// them; `seed` and `learning_rate` may also be the text of an input field). `dataset` naming a
    /// built-in set brings its defaults (architecture, η, mode, seed: [`crate::advice::defaults`])
    /// under the other fields given; a custom data set stays unless `dataset` names another; new `hidden` sizes without `activations` keep the
    /// activations of the layers that stay, and a new hidden layer takes the last hidden layer's
    /// (tanh when there was none).
    ///
    /// # Errors
    /// Malformed JSON or any field out of range, named; `self` is unchanged.
    pub fn with_changes(&self, text: &str) -> Result<Setup, String> {
        let root = Value::parse(text).map_err(|e| format!("setup: not valid JSON ({e})"))?;
        let obj = root.as_object().ok_or("setup: expected a JSON object")?;
        let mut s = self.clone();
        // A built-in data set named here opens with its own architecture, η, mode and seed; the
        // other fields of the same change then apply on top.
        if let Some(d) = root
            .get("dataset")
            .and_then(|v| v.as_str())
            .and_then(crate::advice::defaults)
        {
            s.apply_defaults(d);
        }
        let mut new_activations = false;
        for (key, v) in obj {
            match key.as_str() {
                "dataset" => s.dataset = crate::model::parse_dataset(v)?,
                "seed" => s.seed = seed_value(v)?,
                "hidden" => {
                    let sizes = v.as_array().ok_or("hidden: expected an array of sizes")?;
                    s.hidden = sizes
                        .iter()
                        .map(|m| m.as_u64().map(|m| m.min(usize::MAX as u64) as usize))
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
                    new_activations = true;
                }
                "learning_rate" => s.eta = eta_value(v)?,
                "mode" => s.mode = Mode::parse(v.as_str().unwrap_or("?"))?,
                _ => return Err(format!("{}: unknown field", crate::json::shorten(key))),
            }
        }
        if !new_activations && s.activations.len() != s.hidden.len() + 1 {
            let out = s.activations.pop().unwrap_or(Activation::Sigmoid);
            let last = s.activations.last().copied().unwrap_or(Activation::Tanh);
            s.activations.resize(s.hidden.len(), last);
            s.activations.push(out);
        }
        Ok(s)
    }

    /// The architecture, η, mode and seed a built-in data set opens with.
    pub fn apply_defaults(&mut self, d: crate::advice::Defaults) {
        self.hidden = d.hidden;
        self.activations = d.activations;
        self.eta = d.eta;
        self.mode = d.mode;
        self.seed = d.seed;
    }

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

    /// The data set's name: a built-in one, or "custom".
    pub fn dataset_name(&self) -> &str {
        match &self.dataset {
            DatasetSpec::Named(name) => name,
            DatasetSpec::Inline { .. } => "custom",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_read_or_refused_with_the_reason() {
        assert_eq!(parse_eta(" 0,5 "), Ok(0.5));
        assert_eq!(parse_eta("1e-3"), Ok(1e-3));
        for bad in [
            "", "  ", "abc", "inf", "Infinity", "NaN", "0x10", "1 2", "--1", "2 η",
        ] {
            assert!(parse_eta(bad).is_err(), "{bad:?}");
        }
        assert!(parse_eta("").unwrap_err().contains("empty"));
        assert!(parse_eta("-1").unwrap_err().contains("> 0, got -1"));
        assert!(parse_eta("1e999").unwrap_err().contains("got ∞"));
        assert_eq!(parse_seed("42"), Ok(42));
        assert_eq!(parse_seed("9007199254740991"), Ok(MAX_SEED));
        for bad in ["", "-1", "1.5", "9007199254740992", "1e3", "+3", "seven"] {
            assert!(parse_seed(bad).is_err(), "{bad:?}");
        }
        assert!(parse_seed(" ").unwrap_err().contains("empty"));
    }

    #[test]
    fn changes_keep_the_rest_and_a_custom_data_set() {
        let base = Setup::default().with_changes(r#"{"seed": "3"}"#).unwrap();
        assert_eq!(base.seed, 3);
        let mixed = base
            .with_changes(r#"{"activations": ["relu", "linear"]}"#)
            .unwrap();
        let grown = mixed.with_changes(r#"{"hidden": [4, 4, 3]}"#).unwrap();
        use Activation::{Linear, Relu, Tanh};
        assert_eq!(
            grown.activations,
            [Relu, Relu, Relu, Linear],
            "the new layers copy the last"
        );
        let none = mixed.with_changes(r#"{"hidden": []}"#).unwrap();
        assert_eq!(none.activations, [Linear], "the output layer keeps its own");
        assert_eq!(
            none.with_changes(r#"{"hidden": [2]}"#).unwrap().activations,
            [Tanh, Linear]
        );
        assert!(base.with_changes(r#"{"seed": ""}"#).is_err());
        assert!(base.with_changes(r#"{"learning_rate": "abc"}"#).is_err());
        let custom = Setup {
            dataset: DatasetSpec::Inline {
                inputs: vec![vec![0.0], vec![1.0]],
                targets: vec![vec![0.0], vec![1.0]],
            },
            ..Setup::default()
        };
        let reseeded = custom.with_changes(r#"{"seed": 11}"#).unwrap();
        assert_eq!(reseeded.dataset_name(), "custom");
        assert_eq!(reseeded.model().unwrap().net.inputs(), 1);
    }
}
