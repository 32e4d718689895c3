//! The core's rules and limits, for the page to read instead of keeping copies: the shapes a
//! network may have, the activations and data sets on offer, the training speeds, and where a chart
//! axis puts its ticks.

use wasm_bindgen::prelude::*;

use super::args::{finite, whole};
use super::{fail, Lab, MAX_EPOCHS_PER_CALL};
use crate::activation::Activation;
use crate::dataset::{MAX_PATTERNS, NAMES, TITLES};
use crate::json::Value;
use crate::network::{MAX_INPUTS, MAX_LAYERS, MAX_NEURONS};
use crate::setup::table::SETTINGS;
use crate::setup::MAX_SEED;
use crate::url_state::{Speed, DEFAULT_SPEED, SPEEDS};

#[wasm_bindgen]
impl Lab {
    /// Every limit and choice the page offers, as JSON text (read it once): `maxInputs`,
    /// `maxLayers`, `maxHidden`, `maxNeurons`, `maxPatterns`, `maxSeed`, `maxEpochsPerCall`,
    /// `maxModelBytes` (a model file), `maxCsvBytes` (CSV data), `maxGridSide` (a side of `grid`),
    /// `settings` (the settings table: `key` in setup JSON and model files, `link` key, `label`,
    /// `help`, `range` in words, `default`), `activations` (`name`, `derivative`), `datasets`
    /// (`name`, `title`), `speeds`
    /// (`perSecond` or `perFrame`), `defaultSpeed`, and `experiments` (the η sweep's, the seeds' and
    /// the loss landscape's limits and defaults: `crate::experiments`).
    pub fn limits() -> String {
        let activations: Vec<Value> = Activation::ALL
            .iter()
            .map(|g| {
                Value::object([
                    ("name", g.name().into()),
                    ("derivative", g.derivative().into()),
                ])
            })
            .collect();
        let datasets: Vec<Value> = NAMES
            .iter()
            .zip(TITLES)
            .map(|(&name, title)| Value::object([("name", name.into()), ("title", title.into())]))
            .collect();
        let speeds: Vec<Value> = SPEEDS
            .iter()
            .map(|s| match *s {
                Speed::PerSecond(k) => Value::object([("perSecond", k.into())]),
                Speed::PerFrame(k) => Value::object([("perFrame", k.into())]),
            })
            .collect();
        let defaults = crate::setup::Setup::default();
        let settings: Vec<Value> = SETTINGS
            .iter()
            .map(|s| {
                Value::object([
                    ("key", s.key.into()),
                    ("link", s.link.into()),
                    ("label", s.label.into()),
                    ("help", s.help.into()),
                    ("range", (s.range)().into()),
                    ("default", (s.write)(&defaults)),
                ])
            })
            .collect();
        Value::object([
            ("settings", settings.into()),
            ("maxInputs", MAX_INPUTS.into()),
            ("maxLayers", MAX_LAYERS.into()),
            ("maxHidden", (MAX_LAYERS - 1).into()),
            ("maxNeurons", MAX_NEURONS.into()),
            ("maxPatterns", MAX_PATTERNS.into()),
            ("maxSeed", MAX_SEED.into()),
            ("maxEpochsPerCall", MAX_EPOCHS_PER_CALL.into()),
            ("maxModelBytes", crate::model::MAX_BYTES.into()),
            ("maxCsvBytes", crate::csv::MAX_CSV_BYTES.into()),
            ("maxGridSide", crate::grid::MAX_SIDE.into()),
            ("activations", activations.into()),
            ("datasets", datasets.into()),
            ("speeds", speeds.into()),
            ("defaultSpeed", DEFAULT_SPEED.into()),
            ("experiments", super::experiments::limits()),
        ])
        .to_string()
    }

    /// Labelled ticks of a linear axis from `lo` to `hi` (any finite range), about `max` of them:
    /// an array of `[value, label]` pairs, values ascending, labels short ("0.5", "1e6").
    pub fn ticks(lo: &JsValue, hi: &JsValue, max: &JsValue) -> Result<js_sys::Array, JsError> {
        let (lo, hi) = (finite(lo, "lo")?, finite(hi, "hi")?);
        let max = whole(max, "max", 1, 100)? as usize;
        if lo > hi {
            return Err(fail("lo and hi: expected lo ≤ hi"));
        }
        let out = js_sys::Array::new();
        for (v, label) in crate::ticks::linear(lo, hi, max).bold {
            out.push(&js_sys::Array::of2(&v.into(), &label.into()));
        }
        Ok(out)
    }
}
