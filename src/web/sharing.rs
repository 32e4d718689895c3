//! Sharing, saving and rewinding: the URL hash, weights in and out, CSV, and the run's timeline.

use wasm_bindgen::prelude::*;

use super::{fail, Lab};
use crate::json::Value;
use crate::url_state::UrlState;

#[wasm_bindgen]
impl Lab {
    /// Reads a URL hash: `{ setup, speed, weights, ignored }` as JSON text. Never throws: what it
    /// could not use is listed, with reasons, in `ignored`.
    #[wasm_bindgen(js_name = parseHash)]
    pub fn parse_hash(hash: &str) -> String {
        let s = UrlState::parse(hash);
        let activations: Vec<&str> = s.setup.activations.iter().map(|g| g.name()).collect();
        let setup = Value::object([
            ("dataset", s.setup.dataset.into()),
            ("seed", s.setup.seed.into()),
            ("hidden", s.setup.hidden.into()),
            ("activations", activations.into()),
            ("learning_rate", s.setup.eta.into()),
            ("mode", s.setup.mode.name().into()),
        ]);
        Value::object([
            ("setup", setup),
            ("speed", s.speed.into()),
            ("weights", s.weights.into()),
            ("ignored", s.ignored.into()),
        ])
        .to_string()
    }

    /// The URL hash (without `#`) of `setupJson` (as for `fromSetup`), a speed and, if `withWeights`,
    /// this Lab's current weights.
    #[wasm_bindgen(js_name = toHash)]
    pub fn to_hash(
        &self,
        setup_json: &str,
        speed: u32,
        with_weights: bool,
    ) -> Result<String, JsError> {
        let setup = crate::setup::Setup::parse(setup_json).map_err(fail)?;
        let w = with_weights.then(|| self.session.net().params());
        Ok(UrlState::to_hash(&setup, speed, w))
    }

    /// Replaces every weight and bias (parameter layout, as `weights(n)` per layer). Throws for the
    /// wrong count or a non-finite value, changing nothing.
    #[wasm_bindgen(js_name = setWeights)]
    pub fn set_weights(&mut self, w: Vec<f64>) -> Result<(), JsError> {
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
    pub fn scrub_to(&mut self, epoch: f64) -> Result<(), JsError> {
        if !(epoch.fract() == 0.0 && epoch >= 0.0) {
            return Err(fail(format!(
                "epoch must be a whole number ≥ 0, got {epoch}"
            )));
        }
        self.session.scrub_to(epoch as u64).map_err(fail)?;
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
        let net = self.session.net().clone();
        let data = self.session.data().clone();
        let names = |p: &str, n: usize| (1..=n).map(|i| format!("{p}{i}")).collect::<Vec<_>>();
        let mut head = vec!["mu".to_string()];
        head.extend(names("x", data.inputs()));
        head.extend(names("t", data.outputs()));
        head.extend(names("y", data.outputs()));
        head.push("E_mu".to_string());
        let mut out = head.join(",") + "\n";
        for (mu, pass) in self.view().passes.iter().enumerate() {
            let (x, t) = data.pattern(mu);
            let mut row = vec![(mu + 1).to_string()];
            row.extend(x.iter().chain(t).chain(pass.y(&net)).map(|v| v.to_string()));
            row.push(pass.e.to_string());
            out += &(row.join(",") + "\n");
        }
        out
    }
}
