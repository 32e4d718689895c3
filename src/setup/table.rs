//! The settings table: every setting of a setup declared once — its key in setup JSON and model
//! files, its key in links, its label and help for the page, its range — with its one reader and
//! its one writer. Setup JSON (`fromSetup`, `withSetup`), links, model files and `Lab.limits` all
//! walk this table, so a setting added here is read, written and shown everywhere alike.

use crate::json::Value;

use super::{check_eta, parse_dataset, parse_eta, parse_seed, DatasetSpec, Setup, MAX_SEED};
use crate::activation::Activation;
use crate::dataset::NAMES;
use crate::network::{MAX_LAYERS, MAX_NEURONS};
use crate::train::Mode;

/// One setting of a setup.
pub struct Setting {
    /// Its key in setup JSON and in model files.
    pub key: &'static str,
    /// Its key in links.
    pub link: &'static str,
    /// Its name on the page.
    pub label: &'static str,
    /// One sentence on what it does, for the page.
    pub help: &'static str,
    /// Its values, in words (the page says it next to a refused value).
    pub range: fn() -> String,
    /// Whether a model file carries it as a field of its own (the shape is in the file's layers).
    pub in_model: bool,
    /// Whether its value is a list (comma-separated in links).
    pub list: bool,
    /// Reads a value (JSON; a link's text comes as a string, or a list of numbers and strings)
    /// into the setup.
    pub read: fn(&mut Setup, &Value) -> Result<(), String>,
    /// The setup's value of it.
    pub write: fn(&Setup) -> Value,
}

/// Every setting, in the order links and model files write them.
pub const SETTINGS: [Setting; 6] = [
    Setting {
        key: "dataset",
        link: "dataset",
        label: "Dataset",
        help: "The patterns to learn: a built-in set (each opens with its own network, η, mode and seed) or your own.",
        range: || "a built-in data set's name, or patterns { inputs, targets }".into(),
        in_model: true,
        list: false,
        read: |s, v| {
            let spec = parse_dataset(v)?;
            if let DatasetSpec::Named(name) = &spec {
                if !NAMES.contains(&name.as_str()) {
                    return Err(format!(
                        "dataset: “{}” is not a data set (expected {})",
                        crate::json::shorten(name),
                        NAMES.join(", ")
                    ));
                }
            }
            s.dataset = spec;
            Ok(())
        },
        write: |s| s.dataset.to_value(),
    },
    Setting {
        key: "hidden",
        link: "hidden",
        label: "Hidden layers",
        help: "The number of neurons m⁽ⁿ⁾ of each hidden layer n = 1 … L − 1; none for a network without one.",
        range: || {
            format!(
                "up to {} hidden layers of 1 to {MAX_NEURONS} neurons",
                MAX_LAYERS - 1
            )
        },
        in_model: false,
        list: true,
        read: |s, v| {
            let sizes = v.as_array().ok_or("hidden: expected a list of sizes")?;
            if sizes.len() >= MAX_LAYERS {
                return Err(format!(
                    "hidden: at most {} hidden layers, got {}",
                    MAX_LAYERS - 1,
                    sizes.len()
                ));
            }
            let mut hidden = Vec::with_capacity(sizes.len());
            for m in sizes {
                match m.as_u64() {
                    Some(m) if (1..=MAX_NEURONS as u64).contains(&m) => hidden.push(m as usize),
                    Some(_) | None if m.as_f64().is_some() => {
                        return Err(format!(
                            "hidden: a layer has 1 to {MAX_NEURONS} neurons, got {}",
                            crate::json::rounded(m.as_f64().unwrap_or(f64::NAN))
                        ))
                    }
                    _ => return Err("hidden: expected whole numbers of neurons".into()),
                }
            }
            s.hidden = hidden;
            Ok(())
        },
        write: |s| s.hidden.clone().into(),
    },
    Setting {
        key: "activations",
        link: "g",
        label: "Activations g",
        help: "The activation g⁽ⁿ⁾ of each layer, the output layer's last: x = g(a).",
        range: || {
            let names: Vec<&str> = Activation::ALL.iter().map(|g| g.name()).collect();
            format!("one of {} per layer", names.join(", "))
        },
        in_model: false,
        list: true,
        read: |s, v| {
            let names = v.as_array().ok_or("activations: expected a list of names")?;
            s.activations = names
                .iter()
                .map(|g| Activation::parse(g.as_str().unwrap_or("?")))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("activations: {e}"))?;
            Ok(())
        },
        write: |s| {
            let names: Vec<&str> = s.activations.iter().map(|g| g.name()).collect();
            names.into()
        },
    },
    Setting {
        key: "seed",
        link: "seed",
        label: "Seed",
        help: "Draws the starting weights (and a generated data set's points): the same seed, the same numbers.",
        range: || format!("a whole number from 0 to {MAX_SEED}"),
        in_model: true,
        list: false,
        read: |s, v| {
            s.seed = match v {
                Value::String(text) => parse_seed(text)?,
                _ => v.as_u64().filter(|&x| x <= MAX_SEED).ok_or(format!(
                    "seed: expected a whole number from 0 to {MAX_SEED}"
                ))?,
            };
            Ok(())
        },
        write: |s| s.seed.into(),
    },
    Setting {
        key: "learning_rate",
        link: "eta",
        label: "Learning rate η",
        help: "The step of each update, Δw = −η ∂E/∂w.",
        range: || "a number > 0".into(),
        in_model: true,
        list: false,
        read: |s, v| {
            s.eta = match v {
                Value::String(text) => parse_eta(text)?,
                Value::Number(x) => check_eta(*x)?,
                _ => return Err("learning rate η: expected a number > 0".into()),
            };
            Ok(())
        },
        write: |s| s.eta.into(),
    },
    Setting {
        key: "mode",
        link: "mode",
        label: "Mode",
        help: "batch: one update after all patterns; online: one update after each pattern.",
        range: || "batch or online".into(),
        in_model: true,
        list: false,
        read: |s, v| {
            s.mode = Mode::parse(v.as_str().unwrap_or("?"))?;
            Ok(())
        },
        write: |s| s.mode.name().into(),
    },
];

/// The setting of JSON key `key`.
pub fn by_key(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.key == key)
}

/// The setting of link key `key`.
pub fn by_link(key: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|s| s.link == key)
}

/// A reader's reason without the setting's name in front (`"hidden: …"`, `"learning rate η: …"`),
/// for a caller that names the setting its own way (a link's part, a model file's field).
pub fn reason<'a>(setting: &Setting, problem: &'a str) -> &'a str {
    match problem.split_once(": ") {
        Some((name, rest)) if name == setting.key || name.eq_ignore_ascii_case(setting.label) => {
            rest
        }
        _ => problem,
    }
}

/// A link's text of a setting as the value its reader takes: a list's items as numbers where they
/// are numbers, else as text; anything else as text (η and the seed read typed text).
pub fn link_value(setting: &Setting, text: &str) -> Value {
    if !setting.list {
        return Value::String(text.to_string());
    }
    if text.is_empty() {
        return Value::Array(Vec::new());
    }
    let item = |t: &str| match crate::json::read_number(t, false) {
        Ok(x) => Value::Number(x),
        Err(_) => Value::String(t.to_string()),
    };
    Value::Array(text.split(',').map(item).collect())
}

/// A value as a link writes it: numbers in their shortest exact form, a list's items comma-separated.
pub fn link_text(v: &Value) -> String {
    match v {
        Value::Number(x) => crate::json::number(*x),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(link_text).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// What reading a set of settings gave: the setup, and the problems (one per refused value, in the
/// order given), each naming the setting.
pub struct Read {
    /// The setup with every value that was read.
    pub setup: Setup,
    /// `(key, reason)` of each value that was refused, and of a shape that did not fit.
    pub problems: Vec<(&'static str, String)>,
}

/// Reads `values` (each a setting and its value) on top of `base`, as links, setup JSON and model
/// files all do:
/// 1. a built-in data set named among them brings its own setup first
///    ([`super::presets::defaults`]); the other values apply on top;
/// 2. each value goes through its setting's reader; a refused one is a problem and leaves the
///    setting as it was;
/// 3. the activations fit the layers: given for another number of layers, they are a problem and
///    stay as they were; then new hidden layers take the last hidden layer's activation (tanh when
///    there was none) and the output layer keeps its own.
pub fn read(base: &Setup, values: &[(&'static Setting, Value)]) -> Read {
    let mut setup = base.clone();
    let named = values
        .iter()
        .find(|(s, _)| s.key == "dataset")
        .and_then(|(_, v)| v.as_str());
    if let Some(d) = named.and_then(super::presets::defaults) {
        setup.apply_defaults(d);
    }
    let before = setup.activations.clone();
    let mut problems = Vec::new();
    let mut activations_read = false;
    for (s, v) in values {
        match (s.read)(&mut setup, v) {
            Ok(()) => activations_read |= s.key == "activations",
            Err(e) => problems.push((s.key, e)),
        }
    }
    let layers = setup.hidden.len() + 1;
    if activations_read && setup.activations.len() != layers {
        problems.push((
            "activations",
            format!(
                "activations: expected {layers} (one per layer, output included), got {}",
                setup.activations.len()
            ),
        ));
        setup.activations = before;
    }
    setup.fit_activations();
    Read { setup, problems }
}
