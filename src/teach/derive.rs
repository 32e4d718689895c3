//! Blackboard 2.2a–c for one weight w_ij^(n): Step 2, ∂Ẽ(μ)/∂w_ij^(n) = δ_i^(n) x_j^(n−1), and
//! Step 3, δ as the chain rule's sum over every path from a_i^(n) up to the error:
//!
//! δ_i^(n) = Σ over paths i = k_n → k_(n+1) → … → k_L of
//!           g′(a_(k_n)^(n)) · Π_(l=n+1..L) [ w_(k_l k_(l−1))^(l) g′(a_(k_l)^(l)) ] · (ŷ_(k_L) − t_(k_L)),
//!
//! which is backprop's δ_k^(n) = g′(a_k^(n)) Σ_j δ_j^(n+1) w_jk^(n+1) unrolled down to layer n. There
//! are Π_(l>n) m^(l) paths (up to 16⁴); all are summed, the largest [`MAX_LISTED`] listed.

use crate::backprop::Backprop;
use crate::dataset::Dataset;
use crate::json::Value;
use crate::network::Network;
use crate::pass::Pass;

use super::{j_field, weight_symbol};

/// Most paths listed per pattern, largest |product| first (the sum runs over all of them).
pub const MAX_LISTED: usize = 64;

/// A parameter's place: layer n (1..L), neuron i, input j (None: the bias b_i^(n)); from 0.
pub type Place = (usize, usize, Option<usize>);

/// g′(a_k^(l)) of a pattern's pass.
fn g_prime(net: &Network, pass: &Pass, l: usize, k: usize) -> f64 {
    let layer = net.layer(l);
    layer
        .activation
        .g_prime(pass.a(layer)[k], pass.x_out(layer)[k])
}

/// Path number `p`'s neurons k_n = i, k_(n+1), …, k_L into `ks` (p in mixed radix, the output's
/// neuron the last digit), and its factors in path order into `f`: g′ of k_n, then per layer
/// l > n w_(k_l k_(l−1))^(l) and g′ of k_l, and last ŷ_(k_L) − t_(k_L).
fn path(
    (net, pass, target): (&Network, &Pass, &[f64]),
    (n, i): (usize, usize),
    mut p: usize,
    ks: &mut Vec<usize>,
    f: &mut Vec<f64>,
) {
    let depth = net.depth();
    ks.clear();
    ks.resize(depth - n + 1, i);
    for l in (n + 1..=depth).rev() {
        let m = net.layer(l).m;
        ks[l - n] = p % m;
        p /= m;
    }
    f.clear();
    f.push(g_prime(net, pass, n, i));
    for l in n + 1..=depth {
        let (k, below) = (ks[l - n], ks[l - n - 1]);
        f.push(net.w(l, k, below));
        f.push(g_prime(net, pass, l, k));
    }
    let o = ks[depth - n];
    f.push(pass.y(net)[o] - target[o]);
}

/// One path as JSON: `{ nodes: [[n, i], …], factors: [{kind, n, i, (j,) value}, …], product }`.
fn path_json(n: usize, ks: &[usize], f: &[f64], product: f64) -> Value {
    let nodes: Vec<Value> = (0..ks.len()).map(|s| vec![n + s, ks[s]].into()).collect();
    let mut factors = Vec::with_capacity(f.len());
    for (s, &value) in f.iter().enumerate() {
        let l = n + s.div_ceil(2); // factor s belongs to layer n + ⌈s/2⌉
        let mut factor = if s + 1 == f.len() {
            vec![("kind", "error".into()), ("i", ks[ks.len() - 1].into())]
        } else {
            let kind = if s % 2 == 1 { "w" } else { "gprime" };
            vec![
                ("kind", kind.into()),
                ("n", l.into()),
                ("i", ks[l - n].into()),
            ]
        };
        if s % 2 == 1 && s + 1 < f.len() {
            factor.push(("j", ks[l - n - 1].into()));
        }
        factor.push(("value", value.into()));
        factors.push(Value::object(factor));
    }
    Value::object([
        ("nodes", Value::Array(nodes)),
        ("factors", Value::Array(factors)),
        ("product", product.into()),
    ])
}

/// Pattern μ's derivation: x_j^(n−1) (1 for a bias), a_i^(n), δ_i^(n), ∂Ẽ(μ)/∂w = δ·x, the
/// largest paths, their count and the sum over all of them. Returns the JSON and δ·x.
fn pattern(
    net: &Network,
    data: &Dataset,
    bp: &Backprop,
    (n, i, j): Place,
    mu: usize,
) -> (Value, f64) {
    let pass = &bp.passes[mu];
    let target = data.pattern(mu).1;
    let layer = net.layer(n);
    let x = j.map_or(1.0, |j| pass.x(net, n - 1)[j]);
    let delta = pass.delta(layer)[i];
    let count: usize = (n + 1..=net.depth()).map(|l| net.layer(l).m).product();
    let (mut ks, mut f) = (Vec::new(), Vec::new());
    let mut sum = 0.0;
    // (product, path number), |product| descending: at most MAX_LISTED, kept by insertion.
    let mut top: Vec<(f64, usize)> = Vec::new();
    for p in 0..count {
        path((net, pass, target), (n, i), p, &mut ks, &mut f);
        let product: f64 = f.iter().product();
        sum += product;
        if top.len() < MAX_LISTED || product.abs() > top[MAX_LISTED - 1].0.abs() {
            let at = top
                .iter()
                .position(|t| product.abs() > t.0.abs())
                .unwrap_or(top.len());
            top.insert(at, (product, p));
            top.truncate(MAX_LISTED);
        }
    }
    let mut paths = Vec::with_capacity(top.len());
    for &(product, p) in &top {
        path((net, pass, target), (n, i), p, &mut ks, &mut f);
        paths.push(path_json(n, &ks, &f, product));
    }
    let grad = delta * x;
    let json = Value::object([
        ("mu", mu.into()),
        ("x", x.into()),
        ("a", pass.a(layer)[i].into()),
        ("delta", delta.into()),
        ("grad", grad.into()),
        ("paths", Value::Array(paths)),
        ("pathCount", count.into()),
        ("pathSum", sum.into()),
    ]);
    (json, grad)
}

/// The derivation of ∂E/∂w for the parameter at `place` (valid for `net`) at the current weights,
/// for pattern `mu`, or summed over all patterns (`None`): per pattern δ_i^(n) as the sum over
/// paths and ∂Ẽ(μ)/∂w = δ_i^(n) x_j^(n−1); then ∂E/∂w = Σ_μ δ x (the listed patterns) and
/// Δw = −η ∂E/∂w. `bp` is backprop at these weights (its numbers are the trace's).
pub fn derive(
    net: &Network,
    data: &Dataset,
    bp: &Backprop,
    eta: f64,
    place: Place,
    mu: Option<usize>,
) -> Value {
    let (n, i, j) = place;
    let mut grad = 0.0;
    let mut patterns = Vec::new();
    for m in 0..data.len() {
        if mu.is_none_or(|mu| mu == m) {
            let (json, g) = pattern(net, data, bp, place, m);
            grad += g;
            patterns.push(json);
        }
    }
    let layer = net.layer(n);
    let k = j.map_or(layer.b_index(i), |j| layer.w_index(i, j));
    Value::object([
        ("n", n.into()),
        ("i", i.into()),
        ("j", j_field(j).into()),
        ("L", net.depth().into()),
        ("mu", mu.map_or(-1.0, |m| m as f64).into()),
        ("eta", eta.into()),
        ("symbol", weight_symbol(n, i, j).into()),
        ("w", net.params()[k].into()),
        ("patterns", Value::Array(patterns)),
        ("grad", grad.into()),
        ("deltaW", (-eta * grad).into()),
    ])
}
