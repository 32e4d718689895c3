//! The teaching side of the boundary: derivation, quiz and exercise sheet (issue #14). The numbers
//! and the JSON come from `crate::teach`; here the arguments are read and checked.

use wasm_bindgen::prelude::*;

use super::args::{index, number};
use super::Lab;
use crate::backprop::backprop;
use crate::teach::derive::{derive, Place};

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
    /// Blackboard 2.2's derivation of ∂E/∂w_ij^(n) at the current weights (JSON text): per pattern
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
        let (net, data) = (self.session.net(), self.session.data());
        let bp = backprop(net, data);
        Ok(derive(net, data, &bp, self.session.eta(), place, mu))
    }
}
