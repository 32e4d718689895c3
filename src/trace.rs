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

use crate::json::Value;

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
            Value::object([
                ("input", input.into()),
                ("target", target.into()),
                ("E", pass.e.into()),
                ("a", per_layer(&|l| pass.a(l).to_vec()).into()),
                ("x", per_layer(&|l| pass.x_out(l).to_vec()).into()),
                ("delta", per_layer(&|l| pass.delta(l).to_vec()).into()),
            ])
        })
        .collect();
    Value::object([
        ("format", FORMAT.into()),
        ("E", bp.e.into()),
        ("patterns", patterns.into()),
        ("gradient", gradient_json(net, &bp.grad)),
        ("cost", cost_json(&bp.cost)),
    ])
}

/// A vector in the parameter layout as `[ { "weights": [[…]], "biases": […] }, … ]`, layer 1 first.
pub fn gradient_json(net: &Network, grad: &[f64]) -> Value {
    let layers: Vec<Value> = net
        .layers()
        .iter()
        .map(|l| {
            let w: Vec<Value> = (0..l.m)
                .map(|i| grad[l.w_index(i, 0)..l.w_index(i, 0) + l.fan_in].into())
                .collect();
            let b = &grad[l.b_index(0)..l.b_index(0) + l.m];
            Value::object([("weights", w.into()), ("biases", b.into())])
        })
        .collect();
    Value::Array(layers)
}

/// `{ "forward_passes", "multiply_adds", "activations" }`.
pub fn cost_json(cost: &OpCount) -> Value {
    Value::object([
        ("forward_passes", cost.forward_passes.into()),
        ("multiply_adds", cost.multiply_adds.into()),
        ("activations", cost.activations.into()),
    ])
}
