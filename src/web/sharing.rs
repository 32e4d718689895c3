//! Sharing, saving and rewinding: the URL hash, weights in and out, CSV, and the run's timeline.

use wasm_bindgen::prelude::*;

use super::args::{flag, numbers, text, whole};
use super::{fail, Lab};
use crate::json::Value;
use crate::url_state::{Exercise, UrlState, MAX_HASH, SPEEDS};

/// A read hash as JSON text: `{ setup, speed, weights, ignored }`, and `sheet` when given.
fn hash_json(s: UrlState, sheet: Option<Value>) -> String {
    let activations: Vec<&str> = s.setup.activations.iter().map(|g| g.name()).collect();
    let setup = Value::object([
        ("dataset", s.setup.dataset.to_value()),
        ("seed", s.setup.seed.into()),
        ("hidden", s.setup.hidden.into()),
        ("activations", activations.into()),
        ("learning_rate", s.setup.eta.into()),
        ("mode", s.setup.mode.name().into()),
    ]);
    let mut fields = vec![
        ("setup", setup),
        ("speed", s.speed.into()),
        ("weights", s.weights.into()),
        ("ignored", s.ignored.into()),
    ];
    fields.extend(sheet.map(|v| ("sheet", v)));
    Value::object(fields).to_string()
}

#[wasm_bindgen]
impl Lab {
    /// Reads a URL hash: `{ setup, speed, weights, ignored }` as JSON text. Never throws: what it
    /// could not use is listed, with reasons, in `ignored`.
    #[wasm_bindgen(js_name = parseHash)]
    pub fn parse_hash(hash: &JsValue) -> Result<String, JsError> {
        let hash = text(hash, "hash", 16 * MAX_HASH as u32)?;
        Ok(hash_json(UrlState::parse(&hash), None))
    }

    /// Reads the exercise sheet's hash (`sheet=μ|batch&` and a share link's settings) as
    /// `parseHash` does, with `sheet`: pattern μ counted from 1, "batch", or null when not given.
    /// A `sheet=` that is neither, or given twice, is listed in `ignored` as any setting's mistake.
    #[wasm_bindgen(js_name = parseSheetHash)]
    pub fn parse_sheet_hash(hash: &JsValue) -> Result<String, JsError> {
        let hash = text(hash, "hash", 16 * MAX_HASH as u32)?;
        let state = UrlState::parse_sheet(&hash);
        let sheet = match state.exercise {
            Some(Exercise::Pattern(mu)) => u64::from(mu).into(),
            Some(Exercise::Batch) => "batch".into(),
            None => Value::Null,
        };
        Ok(hash_json(state, Some(sheet)))
    }

    /// The URL hash (without `#`) of this Lab's setup at the page's `speed` (an index into
    /// `limits().speeds`) and, if `withWeights`, its current weights. Throws for a data set from a
    /// model file, which does not fit in a link.
    #[wasm_bindgen(js_name = toHash)]
    pub fn to_hash(&self, speed: &JsValue, with_weights: &JsValue) -> Result<String, JsError> {
        let speed = whole(speed, "speed", 0, SPEEDS.len() as u64 - 1)? as u32;
        let with_weights = flag(with_weights, "withWeights")?;
        self.session.to_hash(speed, with_weights).map_err(fail)
    }

    /// Replaces every weight and bias (parameter layout, as `weights(n)` per layer). Throws for the
    /// wrong count or a non-finite value, changing nothing.
    #[wasm_bindgen(js_name = setWeights)]
    pub fn set_weights(&mut self, w: &JsValue) -> Result<(), JsError> {
        let w = numbers(w, "weights", self.session.net().params().len() as u32)?;
        self.session.set_weights(&w).map_err(fail)?;
        self.weights_changed();
        Ok(())
    }

    /// Every epoch the timeline kept, oldest first (the last 10 000 one by one, older ones thinned).
    #[wasm_bindgen(js_name = timelineEpochs)]
    pub fn timeline_epochs(&self) -> Vec<f64> {
        self.session
            .timeline_epochs()
            .into_iter()
            .map(|e| e as f64)
            .collect()
    }

    /// Goes to the weights after `epoch` epochs (from the timeline); training resumes from there.
    #[wasm_bindgen(js_name = scrubTo)]
    pub fn scrub_to(&mut self, epoch: &JsValue) -> Result<(), JsError> {
        let epoch = whole(epoch, "epoch", 0, super::args::MAX_EXACT)?;
        self.session.scrub_to(epoch).map_err(fail)?;
        self.weights_changed();
        Ok(())
    }

    /// Goes back to the last good state (finite, and E at most twice the lowest kept); returns its
    /// epoch.
    #[wasm_bindgen(js_name = restoreLastGood)]
    pub fn restore_last_good(&mut self) -> Result<f64, JsError> {
        let epoch = self.session.restore_last_good().map_err(fail)?;
        self.weights_changed();
        Ok(epoch as f64)
    }

    /// The per-pattern numbers at the current weights as CSV: μ, inputs, targets, outputs, Ẽ(μ).
    #[wasm_bindgen(js_name = patternCsv)]
    pub fn pattern_csv(&mut self) -> String {
        let data = self.session.data().clone();
        let (n, k) = (data.inputs(), data.outputs());
        let mut head = vec!["mu".to_string()];
        head.extend(crate::csv::names(n, k));
        head.extend((1..=k).map(|i| format!("y{i}")));
        head.push("E_mu".to_string());
        let mut out = String::new();
        crate::csv::push_line(&mut out, &head, String::clone);
        let (view, net) = self.view_and_net();
        let mut row = Vec::new();
        for (mu, pass) in view.passes.iter().enumerate() {
            let (x, t) = data.pattern(mu);
            row.clear();
            row.push((mu + 1) as f64);
            row.extend_from_slice(x);
            row.extend_from_slice(t);
            row.extend_from_slice(pass.y(net));
            row.push(pass.e);
            crate::csv::push_line(&mut out, &row, |&v| csv_number(v));
        }
        out
    }
}

/// A number for the CSV: the shortest text that reads back to it, or NaN / Infinity / -Infinity
/// (as spreadsheets and `Number()` read them).
fn csv_number(v: f64) -> String {
    match v {
        f64::INFINITY => "Infinity".into(),
        f64::NEG_INFINITY => "-Infinity".into(),
        v if v.is_nan() => "NaN".into(),
        v => crate::json::number(v),
    }
}
