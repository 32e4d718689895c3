//! Trace v1: "show me all the numbers" — every a, x, δ, Ẽ(μ), E and ∂E/∂w at the current weights,
//! as JSON, plus the operation count. Nothing is updated.
//!
//! ```json
//! { "format": "backprop-lab/trace@1", "E": 0.51,
//!   "patterns": [ { "input": [0, 0], "target": [0], "E": 0.12,
//!                   "a": [[…layer 1…], […layer 2…]], "x": [[…], […]], "delta": [[…], […]] } ],
//!   "gradient": [ { "weights": [[…]], "biases": […] } ],
//!   "cost": { "forward_passes": 4, "multiply_adds": 80, "activations": 24 } }
//! ```

use serde_json::{json, Value};

use crate::backprop::backprop;
use crate::cost::OpCount;
use crate::dataset::Dataset;
use crate::network::Network;

/// The `format` string of trace v1.
pub const FORMAT: &str = "backprop-lab/trace@1";

/// The trace v1 document for `net` on `data`.
pub fn trace(net: &Network, data: &Dataset) -> Value {
    let bp = backprop(net, data);
    let per_layer = |values: &dyn Fn(&crate::network::Layer) -> Vec<f64>| -> Vec<Vec<f64>> {
        net.layers().iter().map(values).collect()
    };
    let patterns: Vec<Value> = bp
        .passes
        .iter()
        .enumerate()
        .map(|(mu, pass)| {
            let (input, target) = data.pattern(mu);
            json!({
                "input": input,
                "target": target,
                "E": pass.e,
                "a": per_layer(&|l| pass.a(l).to_vec()),
                "x": per_layer(&|l| pass.x_out(l).to_vec()),
                "delta": per_layer(&|l| pass.delta(l).to_vec()),
            })
        })
        .collect();
    json!({
        "format": FORMAT,
        "E": bp.e,
        "patterns": patterns,
        "gradient": gradient_json(net, &bp.grad),
        "cost": cost_json(&bp.cost),
    })
}

/// A vector in the parameter layout as `[ { "weights": [[…]], "biases": […] }, … ]`, layer 1 first.
pub fn gradient_json(net: &Network, grad: &[f64]) -> Value {
    let layers: Vec<Value> = net
        .layers()
        .iter()
        .map(|l| {
            let w: Vec<&[f64]> = (0..l.m)
                .map(|i| &grad[l.w_index(i, 0)..l.w_index(i, 0) + l.fan_in])
                .collect();
            json!({ "weights": w, "biases": &grad[l.b_index(0)..l.b_index(0) + l.m] })
        })
        .collect();
    Value::Array(layers)
}

/// `{ "forward_passes", "multiply_adds", "activations" }`.
pub fn cost_json(cost: &OpCount) -> Value {
    json!({
        "forward_passes": cost.forward_passes,
        "multiply_adds": cost.multiply_adds,
        "activations": cost.activations,
    })
}
