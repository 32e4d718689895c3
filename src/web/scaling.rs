//! Blackboard 2.3 measured: networks wider than the editor allows, built only to time backprop
//! against numerical differentiation.

use wasm_bindgen::prelude::*;

use super::args::{index, numbers, whole};
use super::{fail, Lab};
use crate::scaling::{backprop_reps, central_sum, notes_cost, timing_model};
use crate::session::Session;

#[wasm_bindgen]
impl Lab {
    /// A Lab for timing only: XOR on 2-m^(1)-…-1 with `hidden` = [m^(1), …] (0 to 3 ReLU layers of
    /// 1 to 128 neurons, n ≤ 20 000: wider than the editor allows), a sigmoid output.
    #[wasm_bindgen(js_name = scalingLab)]
    pub fn scaling_lab(hidden: &JsValue) -> Result<Lab, JsError> {
        let mut widths = Vec::new();
        for m in numbers(hidden, "hidden", 8)? {
            // The core says which sizes it takes; here only that they are whole numbers.
            if m.fract() != 0.0 || m < 0.0 {
                return Err(fail("hidden: expected whole numbers of neurons"));
            }
            widths.push(m as usize);
        }
        Lab::opened(timing_model(&widths).and_then(Session::new))
    }

    /// Computes ∂E/∂w by backprop `reps` times in the same buffers (so a page times the algorithm,
    /// not the allocations or the boundary); returns a checksum of the last gradient.
    #[wasm_bindgen(js_name = benchBackprop)]
    pub fn bench_backprop(&self, reps: &JsValue) -> Result<f64, JsError> {
        let reps = whole(reps, "reps", 1, 1_000_000)? as usize;
        Ok(backprop_reps(self.session.net(), self.session.data(), reps))
    }

    /// Computes the central difference at ε = 10⁻⁶ of parameters `from` .. `from + count` only (cut
    /// at n); returns [the sum of the estimates (a checksum), multiply-adds, activations counted].
    /// The page times numerical differentiation of a large network a slice at a time with it.
    #[wasm_bindgen(js_name = benchDifference)]
    pub fn bench_difference(&self, from: &JsValue, count: &JsValue) -> Result<Vec<f64>, JsError> {
        let n = self.param_count();
        let from = index(from, "from", n)?;
        let count = whole(count, "count", 1, n as u64)? as usize;
        let (net, data) = (self.session.net(), self.session.data());
        let range = from..(from + count).min(n);
        let (sum, cost) = central_sum(net, data, 1e-6, range);
        Ok(vec![
            sum,
            cost.multiply_adds as f64,
            cost.activations as f64,
        ])
    }

    /// The notes' count for one pattern (Blackboard 2.3): [2(n + m) operations per perturbed
    /// weight, 2n(n + m) for all n weights, m], m the neurons of layers 1..L.
    #[wasm_bindgen(js_name = notesCost)]
    pub fn notes_cost(&self) -> Vec<f64> {
        let net = self.session.net();
        let [one, all] = notes_cost(net);
        vec![one as f64, all as f64, net.neurons() as f64]
    }
}
