//! The lecture's numbers at the current weights, per layer and pattern, as `Float64Array`s.

use wasm_bindgen::prelude::*;

use super::Lab;

#[wasm_bindgen]
impl Lab {
    /// w^(n), row-major m^(n) × m^(n−1) (w_ij at i·m^(n−1) + j), then the m^(n) biases b^(n).
    pub fn weights(&self, n: f64) -> Result<Vec<f64>, JsError> {
        let n = self.check_layer(n, 1)?;
        Ok(self.layer_slice(self.session.net().params(), n))
    }

    /// a^(n) of pattern μ at the current weights (n ≥ 1).
    pub fn a(&mut self, mu: f64, n: f64) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let layer = self.session.net().layer(n).clone();
        Ok(self.view().passes[mu].a(&layer).to_vec())
    }

    /// x^(n) of pattern μ at the current weights (x^(0) is the input).
    pub fn x(&mut self, mu: f64, n: f64) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 0)?);
        let net = self.session.net().clone();
        Ok(self.view().passes[mu].x(&net, n).to_vec())
    }

    /// δ^(n) = ∂E/∂a^(n) of pattern μ at the current weights.
    pub fn delta(&mut self, mu: f64, n: f64) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let layer = self.session.net().layer(n).clone();
        Ok(self.view().passes[mu].delta(&layer).to_vec())
    }

    /// Ẽ(μ) for every pattern at the current weights.
    #[wasm_bindgen(js_name = patternErrors)]
    pub fn pattern_errors(&mut self) -> Vec<f64> {
        self.view().passes.iter().map(|p| p.e).collect()
    }

    /// ∂E/∂w^(n) (summed over patterns) at the current weights, laid out like [`Lab::weights`].
    pub fn gradient(&mut self, n: f64) -> Result<Vec<f64>, JsError> {
        let n = self.check_layer(n, 1)?;
        let grad = self.view().grad.clone();
        Ok(self.layer_slice(&grad, n))
    }
}
