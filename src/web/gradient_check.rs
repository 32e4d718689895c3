//! The numerical-differentiation lab's side of the boundary: parameter names and places, backprop's
//! gradient and cost, and a finite-difference check that runs a slice at a time.

use wasm_bindgen::prelude::*;

use super::args::{index, number, numbers, text, whole};
use super::{fail, Lab};
use crate::backprop::backprop;
use crate::check::{loglog_slope, relative_errors, GradientCheck};
use crate::cost::OpCount;
use crate::numerical::{numerical_gradient, Scheme};

fn cost_array(c: OpCount) -> Vec<f64> {
    vec![
        c.forward_passes as f64,
        c.multiply_adds as f64,
        c.activations as f64,
    ]
}

/// Least-squares slope of log y against log x (what the scaling chart prints).
#[wasm_bindgen(js_name = loglogSlope)]
pub fn loglog_slope_js(xs: &JsValue, ys: &JsValue) -> Result<f64, JsError> {
    let (xs, ys) = (numbers(xs, "xs", 1 << 20)?, numbers(ys, "ys", 1 << 20)?);
    if xs.len() != ys.len() {
        return Err(fail(format!(
            "xs and ys: expected as many ys as xs, got {} and {}",
            xs.len(),
            ys.len()
        )));
    }
    Ok(loglog_slope(&xs, &ys))
}

#[wasm_bindgen]
impl Lab {
    /// n, the number of weights and biases.
    #[wasm_bindgen(getter, js_name = paramCount)]
    pub fn param_count(&self) -> usize {
        self.session.net().params().len()
    }

    /// Where parameter k sits: [n, i, j] for w_ij^(n), [n, i, −1] for the bias b_i^(n) (i, j from 0).
    #[wasm_bindgen(js_name = paramLocation)]
    pub fn param_location(&self, k: &JsValue) -> Result<Vec<i32>, JsError> {
        let k = index(k, "parameter k", self.param_count())?;
        let loc = self
            .session
            .net()
            .param_location(k)
            .ok_or_else(|| fail(format!("parameter k: {k} is not in this network")))?;
        Ok(vec![
            loc.0 as i32,
            loc.1 as i32,
            loc.2.map_or(-1, |j| j as i32),
        ])
    }

    /// ∂E/∂w for every weight and bias by backprop, computed afresh (for timing), parameter layout.
    #[wasm_bindgen(js_name = gradientAll)]
    pub fn gradient_all(&self) -> Vec<f64> {
        backprop(self.session.net(), self.session.data()).grad
    }

    /// Computes the whole gradient `reps` times by "backprop", or by the "forward" or "central"
    /// difference at ε = 10⁻⁶, inside wasm (so a page can time the algorithm, not the boundary);
    /// returns a checksum of the last gradient.
    #[wasm_bindgen(js_name = benchGradient)]
    pub fn bench_gradient(&self, method: &JsValue, reps: &JsValue) -> Result<f64, JsError> {
        let method = text(method, "method", 16)?;
        let reps = whole(reps, "reps", 1, 1_000_000)?;
        let (net, data) = (self.session.net(), self.session.data());
        let once = || -> Result<Vec<f64>, String> {
            match method.as_str() {
                "backprop" => Ok(backprop(net, data).grad),
                scheme => Ok(numerical_gradient(net, data, 1e-6, Scheme::parse(scheme)?)?.grad),
            }
        };
        let mut last = Vec::new();
        for _ in 0..reps {
            last = once().map_err(fail)?;
        }
        Ok(last.iter().sum())
    }

    /// What backprop over all patterns costs: [forward passes, multiply-adds, activations].
    #[wasm_bindgen(js_name = backpropCost)]
    pub fn backprop_cost(&mut self) -> Vec<f64> {
        cost_array(self.view().cost)
    }

    /// Starts a finite-difference check of every parameter at ε (both schemes).
    #[wasm_bindgen(js_name = startCheck)]
    pub fn start_check(&mut self, eps: &JsValue) -> Result<(), JsError> {
        let eps = number(eps, "ε")?;
        let check =
            GradientCheck::new(self.session.net(), self.session.data(), eps).map_err(fail)?;
        self.check = Some(check);
        Ok(())
    }

    /// Checks up to `count` more parameters; returns the fraction done (1 when finished). Throws
    /// when no check is running (none started, or the weights changed since).
    #[wasm_bindgen(js_name = advanceCheck)]
    pub fn advance_check(&mut self, count: &JsValue) -> Result<f64, JsError> {
        // More than every parameter at once is the same as every parameter.
        let count =
            whole(count, "count", 1, super::args::MAX_EXACT)?.min(self.param_count() as u64);
        let data = self.session.data().clone();
        let check = self.check.as_mut().ok_or_else(|| {
            fail("no gradient check is running (start one; changing the weights stops it)")
        })?;
        check.advance(&data, count as usize);
        Ok(check.progress())
    }

    fn running(&self) -> Result<&GradientCheck, JsError> {
        self.check
            .as_ref()
            .ok_or_else(|| fail("no gradient check is running"))
    }

    /// Forward-difference estimates so far, (E(w + ε) − E(w)) / ε.
    #[wasm_bindgen(js_name = checkForward)]
    pub fn check_forward(&self) -> Result<Vec<f64>, JsError> {
        Ok(self.running()?.forward.clone())
    }

    /// Central-difference estimates so far, (E(w + ε) − E(w − ε)) / 2ε.
    #[wasm_bindgen(js_name = checkCentral)]
    pub fn check_central(&self) -> Result<Vec<f64>, JsError> {
        Ok(self.running()?.central.clone())
    }

    /// The check's cost so far: forward difference [passes, multiply-adds, activations], then the
    /// central difference's three.
    #[wasm_bindgen(js_name = checkCosts)]
    pub fn check_costs(&self) -> Result<Vec<f64>, JsError> {
        let c = self.running()?;
        Ok([cost_array(c.forward_cost()), cost_array(c.central_cost())].concat())
    }

    /// |estimate − backprop| / max(|backprop|, |estimate|, 10⁻³·max|backprop|) per parameter.
    #[wasm_bindgen(js_name = relativeErrors)]
    pub fn relative_errors(&mut self, estimate: &JsValue) -> Result<Vec<f64>, JsError> {
        let estimate = numbers(estimate, "estimate", self.param_count() as u32)?;
        // `numbers` refused more than one estimate per parameter.
        let bp = &self.view().grad;
        Ok(relative_errors(&bp[..estimate.len()], &estimate))
    }
}
