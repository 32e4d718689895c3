//! What a setup names as its data and its randomness: the data set (a built-in one by name, or
//! patterns written out), the seed, and the defaults and limits of η and the seed.

use crate::json::{brief, known_fields, rows, Value};

use crate::dataset::Dataset;

/// η when a setup, a link or a model file gives none: the lecture's.
pub const DEFAULT_ETA: f64 = 2.0;
/// The seed when a setup, a link or a model file gives none.
pub const DEFAULT_SEED: u64 = 7;
/// Largest seed: the largest integer a JS number holds exactly, 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;

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

/// The `dataset` field: a name, or `{ "inputs": [[…]], "targets": [[…]] }`.
pub fn parse_dataset(v: &Value) -> Result<DatasetSpec, String> {
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
