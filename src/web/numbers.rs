//! The network's shape, its data set, and the lecture's numbers at the current weights, per layer
//! and pattern, as `Float64Array`s.

use wasm_bindgen::prelude::*;

use super::Lab;

#[wasm_bindgen]
impl Lab {
    /// N, the number of inputs.
    #[wasm_bindgen(getter)]
    pub fn inputs(&self) -> usize {
        self.session.net().inputs()
    }

    /// L, the number of weight layers.
    #[wasm_bindgen(getter)]
    pub fn depth(&self) -> usize {
        self.session.net().depth()
    }

    /// m^(n), neurons in layer n (n = 0 gives N).
    pub fn neurons(&self, n: f64) -> Result<usize, JsError> {
        let n = self.check_layer(n, 0)?;
        let net = self.session.net();
        Ok(if n == 0 { net.inputs() } else { net.layer(n).m })
    }

    /// The name of g^(n).
    pub fn activation(&self, n: f64) -> Result<String, JsError> {
        let n = self.check_layer(n, 1)?;
        Ok(self.session.net().layer(n).activation.name().to_string())
    }

    /// The data set's name ("custom" for patterns given in a model file).
    #[wasm_bindgen(getter, js_name = datasetName)]
    pub fn dataset_name(&self) -> String {
        self.session.data().name().to_string()
    }

    /// P, the number of patterns.
    #[wasm_bindgen(getter, js_name = patternCount)]
    pub fn pattern_count(&self) -> usize {
        self.session.data().len()
    }

    /// Pattern μ as [x_1 … x_N, t_1 … t_K].
    pub fn pattern(&self, mu: f64) -> Result<Vec<f64>, JsError> {
        let mu = self.check_pattern(mu)?;
        let (x, t) = self.session.data().pattern(mu);
        Ok([x, t].concat())
    }

    /// All inputs, flat (P × N), and all targets, flat (P × K), for drawing the data set.
    #[wasm_bindgen(js_name = patternInputs)]
    pub fn pattern_inputs(&self) -> Vec<f64> {
        let d = self.session.data();
        (0..d.len())
            .flat_map(|mu| d.pattern(mu).0.to_vec())
            .collect()
    }

    /// All targets, flat (P × K).
    #[wasm_bindgen(js_name = patternTargets)]
    pub fn pattern_targets(&self) -> Vec<f64> {
        let d = self.session.data();
        (0..d.len())
            .flat_map(|mu| d.pattern(mu).1.to_vec())
            .collect()
    }

    /// The input-plane region worth drawing: [x1_min, x1_max, x2_min, x2_max].
    pub fn domain(&self) -> Vec<f64> {
        self.session.data().domain().to_vec()
    }

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
