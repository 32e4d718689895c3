//! A fresh network from a few choices (data set, hidden layers, activations, seed, η, mode): what
//! the UI's controls describe, before any weights exist. The Lab owns one; the page reads it.
//!
//! Every setting is one entry of [`table::SETTINGS`] (its keys, label, range, reader and writer),
//! which setup JSON, links, model files and the page all walk; [`presets`] holds the setup each
//! built-in data set opens with, [`spec`] the data set and seed a setup names. η and the seed are
//! validated here and nowhere else: [`check_eta`] for numbers, [`parse_eta`] and [`parse_seed`]
//! for what a person typed.

use crate::json::{rounded, Value};

use crate::activation::Activation;
use crate::train::Mode;

pub mod presets;
pub mod spec;
pub mod table;

pub use presets::{defaults, Defaults};
pub use spec::{parse_dataset, DatasetSpec, DEFAULT_ETA, DEFAULT_SEED, MAX_SEED};

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

/// η typed by a person, read by [`crate::json::read_number`]: a number > 0 such as `0.5`, ` 2 `,
/// `1e-3` or `0,5` (a decimal comma); nothing else (no `Infinity`, no hex, no units).
///
/// # Errors
/// Empty, not a number, or not a learning rate — saying which.
pub fn parse_eta(text: &str) -> Result<f64, String> {
    match crate::json::read_number(text, true) {
        Ok(v) => check_eta(v),
        Err(why) => Err(format!(
            "learning rate η: {}; type a number > 0, like 0.5",
            why.reason(text).replace("; type a number", "")
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

impl Setup {
    /// Reads `{ "dataset", "seed", "hidden": [2], "activations": ["sigmoid", "sigmoid"],
    /// "learning_rate", "mode" }`; every field is optional and defaults to [`Setup::default`].
    ///
    /// # Errors
    /// Malformed JSON or any field out of range, named.
    pub fn parse(text: &str) -> Result<Setup, String> {
        Setup::default().with_changes(text)
    }

    /// This setup with the fields of the JSON object `text` changed, each read by its setting of
    /// [`table::SETTINGS`] as [`table::read`] says (`seed` and `learning_rate` may also be the text
    /// of an input field): a built-in data set named here brings its own setup under the other
    /// fields; a custom data set stays unless `dataset` names another; new hidden layers take the
    /// last hidden layer's activation (tanh when there was none).
    ///
    /// # Errors
    /// Malformed JSON or any field out of range, named; `self` is unchanged.
    pub fn with_changes(&self, text: &str) -> Result<Setup, String> {
        let root = Value::parse(text).map_err(|e| format!("setup: not valid JSON ({e})"))?;
        let obj = root.as_object().ok_or("setup: expected a JSON object")?;
        let mut values = Vec::with_capacity(obj.len());
        for (key, v) in obj {
            let setting = table::by_key(key)
                .ok_or_else(|| format!("{}: unknown field", crate::json::shorten(key)))?;
            values.push((setting, v.clone()));
        }
        let read = table::read(self, &values);
        match read.problems.into_iter().next() {
            Some((_, problem)) => Err(problem),
            None => Ok(read.setup),
        }
    }

    /// Fits the activations to the layers: the output layer keeps its own, the hidden layers that
    /// stay keep theirs, and a new hidden layer takes the last hidden layer's (tanh when there was
    /// none).
    pub fn fit_activations(&mut self) {
        if self.activations.len() == self.hidden.len() + 1 {
            return;
        }
        let out = self.activations.pop().unwrap_or(Activation::Sigmoid);
        let last = self.activations.last().copied().unwrap_or(Activation::Tanh);
        self.activations.resize(self.hidden.len(), last);
        self.activations.push(out);
    }

    /// This setup as setup JSON: every setting of the table, by its key.
    pub fn to_value(&self) -> Value {
        Value::Object(
            table::SETTINGS
                .iter()
                .map(|s| (s.key.to_string(), (s.write)(self)))
                .collect(),
        )
    }

    /// The architecture, η, mode and seed a built-in data set opens with.
    pub fn apply_defaults(&mut self, d: Defaults) {
        self.hidden = d.hidden;
        self.activations = d.activations;
        self.eta = d.eta;
        self.mode = d.mode;
        self.seed = d.seed;
    }

    /// The data set's name: a built-in one, or "custom".
    pub fn dataset_name(&self) -> &str {
        match &self.dataset {
            DatasetSpec::Named(name) => name,
            DatasetSpec::Inline { .. } => "custom",
        }
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
        assert!(parse_eta("1e999")
            .unwrap_err()
            .contains("“1e999” is too large"));
        assert!(parse_eta("1e-999")
            .unwrap_err()
            .contains("“1e-999” is too small"));
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
