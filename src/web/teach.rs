//! The teaching side of the boundary: derivation, quiz and exercise sheet. The numbers and the
//! JSON come from `crate::teach`; here the arguments are read and checked.

use wasm_bindgen::prelude::*;

use super::args::{index, number, text, whole};
use super::{fail, Lab};
use crate::backprop::backprop;
use crate::teach::derive::{derive, Place};
use crate::teach::quiz::{check, question};
use crate::teach::sheet::sheet;

/// −1 (None: "all" or "the bias") or an index from 0 to `len` − 1.
fn all_or_index(v: &JsValue, name: &str, len: usize) -> Result<Option<usize>, JsError> {
    if number(v, name)? == -1.0 {
        return Ok(None);
    }
    index(v, name, len).map(Some)
}

/// Rust-only checks.
impl Lab {
    /// The place [n, i, j] of w_ij^(n) (j = −1: the bias b_i^(n)) in this network.
    fn place(&self, n: &JsValue, i: &JsValue, j: &JsValue) -> Result<Place, JsError> {
        let n = self.check_layer(n, 1)?;
        let layer = self.session.net().layer(n);
        let i = index(i, "neuron i", layer.m)?;
        Ok((
            n,
            i,
            all_or_index(j, "input j (or −1 for the bias)", layer.fan_in)?,
        ))
    }
}

#[wasm_bindgen]
impl Lab {
    /// Blackboard 2.2's derivation of ∂E/∂w_ij^(n) at the current weights — at an update step, the
    /// weights before it, which the numbers on the page were computed with — (JSON text): per pattern
    /// (`mu`, or −1 for all, summed) x, a, δ = Σ over paths of Π factors (g′, w, ŷ − t), the
    /// largest 64 paths, ∂Ẽ(μ)/∂w = δ·x; then ∂E/∂w and Δw = −η ∂E/∂w. j = −1: the bias.
    pub fn derive(
        &self,
        n: &JsValue,
        i: &JsValue,
        j: &JsValue,
        mu: &JsValue,
    ) -> Result<String, JsError> {
        let place = self.place(n, i, j)?;
        let mu = all_or_index(mu, "pattern μ (or −1 for all)", self.session.data().len())?;
        // The weights the page's numbers were computed with (before the update, at an update step).
        let (net, data) = (self.session.stepper().computed_with(), self.session.data());
        let bp = backprop(net, data);
        Ok(derive(net, data, &bp, self.session.eta(), place, mu))
    }

    /// "Quiz me": the number the next `step()` computes for the selection, as a question (JSON
    /// text `{ kind, quantity, symbol, mu, n, i, j, hint, truth }`), or null when that step's
    /// kind ("forward": a and Ẽ(μ), "delta": δ, "update": Δw) is not among `kinds` ("all" or
    /// any of them). The selection is w_ij^(n) or neuron i of layer n (j is read for an update;
    /// −1 = the bias); n = 0 for none.
    #[wasm_bindgen(js_name = quizQuestion)]
    pub fn quiz_question(
        &self,
        kinds: &JsValue,
        n: &JsValue,
        i: &JsValue,
        j: &JsValue,
    ) -> Result<JsValue, JsError> {
        let kinds = text(kinds, "kinds", 64)?;
        let selected = if n.as_f64() == Some(0.0) {
            // No selection: i and j must say so too (0), not be read as something else.
            whole(i, "neuron i (0 with layer n = 0)", 0, 0)?;
            whole(j, "input j (0 with layer n = 0)", 0, 0)?;
            None
        } else {
            Some(self.place(n, i, j)?)
        };
        let s = &self.session;
        let (stepper, eta) = (s.stepper(), s.eta());
        let next = stepper.peek(s.data(), eta, s.mode());
        let q = question(stepper.state(), &next, s.data(), eta, &kinds, selected).map_err(fail)?;
        Ok(q.map_or(JsValue::NULL, |q| JsValue::from_str(&q)))
    }

    /// Checks a typed answer against the quiz's `truth`: `{ right, value }` (JSON text); right
    /// when |answer − truth| ≤ max(1 % of |truth|, 10⁻⁴). Reads "0.5", "0,5", "−0.2", "1e-3".
    /// Throws "Your answer: “abc” is not a number" for anything else.
    #[wasm_bindgen(js_name = quizCheck)]
    pub fn quiz_check(answer: &JsValue, truth: &JsValue) -> Result<String, JsError> {
        let answer = text(answer, "Your answer", 256)?;
        // A diverged truth comes as text, as quizQuestion wrote it; any other text is refused.
        let truth = match truth.as_string().as_deref() {
            Some("NaN") => f64::NAN,
            Some("Infinity") => f64::INFINITY,
            Some("-Infinity") => f64::NEG_INFINITY,
            _ => number(truth, "truth")?,
        };
        check(&answer, truth).map_err(fail)
    }

    /// The exercise sheet (JSON text) for pattern `mu`, or −1 for one whole batch epoch: the
    /// network, the patterns, and the blanks (a, x, Ẽ(μ), δ, then ∂E/∂w and Δw) with their
    /// answers, in the lecture's order; every number as printed (`digits` significant digits), the
    /// key computed from the printed weights, patterns and η, and `within` on a blank where an
    /// answer worked out from them may be off by more than the quiz's rule.
    #[wasm_bindgen(js_name = exerciseSheet)]
    pub fn exercise_sheet(&self, mu: &JsValue) -> Result<String, JsError> {
        let mu = all_or_index(mu, "pattern μ (or −1 for all)", self.session.data().len())?;
        sheet(&self.session, mu).map_err(fail)
    }
}
