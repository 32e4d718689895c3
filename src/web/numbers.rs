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
    pub fn neurons(&self, n: &JsValue) -> Result<usize, JsError> {
        let n = self.check_layer(n, 0)?;
        let net = self.session.net();
        Ok(if n == 0 { net.inputs() } else { net.layer(n).m })
    }

    /// The name of g^(n).
    pub fn activation(&self, n: &JsValue) -> Result<String, JsError> {
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

    /// The region of the input plane drawn: [x1_min, x1_max, x2_min, x2_max]. It follows the data
    /// (growing when a pattern falls outside it) until `fitView` fits it again.
    pub fn domain(&self) -> Vec<f64> {
        self.session.view().to_vec()
    }

    /// w^(n), row-major m^(n) × m^(n−1) (w_ij at i·m^(n−1) + j), then the m^(n) biases b^(n).
    pub fn weights(&self, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let n = self.check_layer(n, 1)?;
        Ok(self.layer_slice(self.session.net().params(), n))
    }

    /// a^(n) of pattern μ at the current weights (n ≥ 1).
    pub fn a(&mut self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let (view, net) = self.view_and_net();
        Ok(view.passes[mu].a(net.layer(n)).to_vec())
    }

    /// x^(n) of pattern μ at the current weights (x^(0) is the input).
    pub fn x(&mut self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 0)?);
        let (view, net) = self.view_and_net();
        Ok(view.passes[mu].x(net, n).to_vec())
    }

    /// δ^(n) = ∂E/∂a^(n) of pattern μ at the current weights.
    pub fn delta(&mut self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let (view, net) = self.view_and_net();
        Ok(view.passes[mu].delta(net.layer(n)).to_vec())
    }

    /// g′(a_i^(n)) of pattern μ at the current weights (the factor δ carries down a layer).
    #[wasm_bindgen(js_name = gPrime)]
    pub fn g_prime(&mut self, mu: &JsValue, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let (mu, n) = (self.check_pattern(mu)?, self.check_layer(n, 1)?);
        let (view, net) = self.view_and_net();
        Ok(super::stepping::g_prime(net, n, &view.passes[mu]))
    }

    /// Where w_ij^(n) sits in the layer arrays `weights(n)`, `gradient(n)`, `stepGradient(n)` and
    /// `stepDeltaW(n)`; j = −1 is the bias b_i^(n), the weight on x_0 = 1 (i, j from 0).
    #[wasm_bindgen(js_name = paramIndex)]
    pub fn param_index(&self, n: &JsValue, i: &JsValue, j: &JsValue) -> Result<usize, JsError> {
        let n = self.check_layer(n, 1)?;
        let layer = self.session.net().layer(n);
        let i = super::args::index(i, "neuron i", layer.m)?;
        let j = super::args::number(j, "input j")?;
        if j == -1.0 {
            return Ok(layer.b_index(i) - layer.offset);
        }
        let j = super::args::index(
            &JsValue::from(j),
            "input j (or −1 for the bias)",
            layer.fan_in,
        )?;
        Ok(layer.w_index(i, j) - layer.offset)
    }

    /// Ẽ(μ) for every pattern at the current weights.
    #[wasm_bindgen(js_name = patternErrors)]
    pub fn pattern_errors(&mut self) -> Vec<f64> {
        self.view().passes.iter().map(|p| p.e).collect()
    }

    /// ∂E/∂w^(n) (summed over patterns) at the current weights, laid out like [`Lab::weights`].
    pub fn gradient(&mut self, n: &JsValue) -> Result<Vec<f64>, JsError> {
        let n = self.check_layer(n, 1)?;
        let (view, net) = self.view_and_net();
        let l = net.layer(n);
        Ok(view.grad[l.offset..l.offset + l.param_count()].to_vec())
    }
}
