//! Stepping through backprop one phase at a time, and the numbers each phase has computed.

use wasm_bindgen::prelude::*;

use super::Lab;
use crate::stepper::Phase;

/// The bit of [`Lab::step_computed`] that says a^(n) and x^(n) are computed (2 is δ^(n)).
const FORWARD: u8 = 1;

#[wasm_bindgen]
impl Lab {
    /// Advances one phase (forward layer, error, backward layer or update).
    pub fn step(&mut self) {
        self.session.step();
        self.weights_changed();
    }

    /// Goes back one phase; false when there is nothing to undo.
    #[wasm_bindgen(js_name = stepBack)]
    pub fn step_back(&mut self) -> bool {
        self.weights_changed();
        self.session.step_back()
    }

    /// The phase just completed: "ready", "forward", "error", "backward" or "update".
    #[wasm_bindgen(getter, js_name = phaseKind)]
    pub fn phase_kind(&self) -> String {
        match self.session.stepper().state().phase {
            Phase::Ready => "ready",
            Phase::Forward { .. } => "forward",
            Phase::Error { .. } => "error",
            Phase::Backward { .. } => "backward",
            Phase::Update { .. } => "update",
        }
        .to_string()
    }

    /// The pattern μ (0-based) of the current phase; -1 for "ready" and a batch update.
    #[wasm_bindgen(getter, js_name = phasePattern)]
    pub fn phase_pattern(&self) -> i32 {
        match self.session.stepper().state().phase {
            Phase::Forward { mu, .. } | Phase::Error { mu } | Phase::Backward { mu, .. } => {
                mu as i32
            }
            Phase::Update { mu: Some(mu) } => mu as i32,
            _ => -1,
        }
    }

    /// The layer n of the current phase; 0 when the phase has none.
    #[wasm_bindgen(getter, js_name = phaseLayer)]
    pub fn phase_layer(&self) -> usize {
        match self.session.stepper().state().phase {
            Phase::Forward { n, .. } | Phase::Backward { n, .. } => n,
            _ => 0,
        }
    }

    /// The current phase in words, with the lecture's symbols.
    #[wasm_bindgen(getter, js_name = phaseText)]
    pub fn phase_text(&self) -> String {
        let depth = self.session.net().depth();
        self.session.stepper().state().phase.describe(depth)
    }

    /// How many steps "Previous step" can undo.
    #[wasm_bindgen(getter, js_name = undoDepth)]
    pub fn undo_depth(&self) -> usize {
        self.session.stepper().undo_depth()
    }

    /// a^(n) of pattern μ as far as stepping has computed it this epoch (NaN = not yet).
    #[wasm_bindgen(js_name = stepA)]
    pub fn step_a(&self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let s = self.session.stepper().state();
        Ok(s.passes[mu].a(s.net.layer(n)).to_vec())
    }

    /// x^(n) of pattern μ as far as stepping has computed it this epoch (NaN = not yet).
    #[wasm_bindgen(js_name = stepX)]
    pub fn step_x(&self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 0)?);
        let s = self.session.stepper().state();
        Ok(s.passes[mu].x(&s.net, n).to_vec())
    }

    /// δ^(n) of pattern μ as far as stepping has computed it this epoch (NaN = not yet).
    #[wasm_bindgen(js_name = stepDelta)]
    pub fn step_delta(&self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let s = self.session.stepper().state();
        Ok(s.passes[mu].delta(s.net.layer(n)).to_vec())
    }

    /// g′(a^(n)) of pattern μ as far as stepping has computed a^(n) this epoch (NaN = not yet).
    #[wasm_bindgen(js_name = stepGPrime)]
    pub fn step_g_prime(&self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let s = self.session.stepper().state();
        if s.phase.computed(mu, n) & FORWARD == 0 {
            return Ok(vec![f64::NAN; s.net.layer(n).m]);
        }
        Ok(g_prime(&s.net, n, &s.passes[mu]))
    }

    /// What stepping has computed this epoch for pattern μ and layer n: 1 = a^(n) and x^(n),
    /// 2 = δ^(n), both = 3 (nothing yet, 0, at "ready"). A NaN from `stepA`, `stepX`, `stepDelta`
    /// or `stepGPrime` where this says computed is a real NaN (training diverged); elsewhere it
    /// only means "not yet". (`a`, `x`, `delta`, `gPrime` at the current weights are always
    /// computed.)
    #[wasm_bindgen(js_name = stepComputed)]
    pub fn step_computed(&self, mu: &JsValue, n: &JsValue) -> Result<u8, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 0)?);
        let s = self.session.stepper().state();
        Ok(s.phase.computed(mu, n))
    }

    /// Ẽ(μ) of every pattern as far as stepping has computed it this epoch (NaN = not yet).
    #[wasm_bindgen(js_name = stepErrors)]
    pub fn step_errors(&self) -> Vec<f64> {
        let s = self.session.stepper().state();
        s.passes.iter().map(|p| p.e).collect()
    }

    /// ∂E/∂w^(n) summed since the last update, laid out like [`Lab::weights`].
    #[wasm_bindgen(js_name = stepGradient)]
    pub fn step_gradient(&self, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let n = self.check_layer(n, 1)?;
        Ok(self.layer_slice(&self.session.stepper().state().grad, n))
    }

    /// Δw^(n) = −η ∂E/∂w^(n) of the latest update this epoch (NaN before it).
    #[wasm_bindgen(js_name = stepDeltaW)]
    pub fn step_delta_w(&self, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let n = self.check_layer(n, 1)?;
        Ok(self.layer_slice(&self.session.stepper().state().delta_w, n))
    }

    /// The η the latest update used (NaN before it).
    #[wasm_bindgen(getter, js_name = stepEta)]
    pub fn step_eta(&self) -> f64 {
        self.session.stepper().state().eta
    }
}

/// g′(a_i^(n)) for each neuron i of layer n, from the pass's a and x.
pub(super) fn g_prime(
    net: &crate::network::Network,
    n: usize,
    pass: &crate::pass::Pass,
) -> Vec<f64> {
    let layer = net.layer(n);
    pass.a(layer)
        .iter()
        .zip(pass.x(net, n))
        .map(|(&a, &x)| layer.activation.g_prime(a, x))
        .collect()
}
