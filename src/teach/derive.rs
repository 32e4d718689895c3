//! Blackboard 2.2a–c for one weight w_ij^(n): Step 2, ∂Ẽ(μ)/∂w_ij^(n) = δ_i^(n) x_j^(n−1), and
//! Step 3, δ as the chain rule's sum over every path from a_i^(n) up to the error:
//!
//! δ_i^(n) = Σ over paths i = k_n → k_(n+1) → … → k_L of
//!           g′(a_(k_n)^(n)) · Π_(l=n+1..L) [ w_(k_l k_(l−1))^(l) g′(a_(k_l)^(l)) ] · (ŷ_(k_L) − t_(k_L)),
//!
//! which is backprop's δ_k^(n) = g′(a_k^(n)) Σ_j δ_j^(n+1) w_jk^(n+1) unrolled down to layer n. There
//! are Π_(l>n) m^(l) paths (up to 16³ at the editor's limits); all are summed, the largest [`MAX_LISTED`] listed.

use crate::backprop::Backprop;
use crate::dataset::Dataset;
use crate::network::Network;
use crate::pass::Pass;

use super::{j_field, weight_symbol, Json};

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

/// One path: `{ nodes: [[n, i], …], factors: [{kind, n, i, (j,) value}, …], product }`.
fn path_json(out: &mut Json, n: usize, ks: &[usize], f: &[f64], product: f64) {
    out.open("", '{').open("nodes", '[');
    for (s, &k) in ks.iter().enumerate() {
        out.nums("", &[(n + s) as f64, k as f64]);
    }
    out.close(']').open("factors", '[');
    for (s, &value) in f.iter().enumerate() {
        let l = n + s.div_ceil(2); // factor s belongs to layer n + ⌈s/2⌉
        out.open("", '{');
        if s + 1 == f.len() {
            out.text("kind", "error").num("i", ks[ks.len() - 1] as f64);
        } else {
            let kind = if s % 2 == 1 { "w" } else { "gprime" };
            out.text("kind", kind).num("n", l as f64);
            out.num("i", ks[l - n] as f64);
            if s % 2 == 1 {
                out.num("j", ks[l - n - 1] as f64);
            }
        }
        out.num("value", value).close('}');
    }
    out.close(']').num("product", product).close('}');
}

/// Pattern μ's derivation: x_j^(n−1) (1 for a bias), a_i^(n), δ_i^(n), ∂Ẽ(μ)/∂w = δ·x, the
/// largest paths, their count and the sum over all of them. Returns δ·x.
fn pattern(
    out: &mut Json,
    (net, data, bp): (&Network, &Dataset, &Backprop),
    (n, i, j): Place,
    mu: usize,
) -> f64 {
    let pass = &bp.passes[mu];
    let target = data.pattern(mu).1;
    let layer = net.layer(n);
    let x = j.map_or(1.0, |j| pass.x(net, n - 1)[j]);
    let delta = pass.delta(layer)[i];
    let mut count = 1;
    for l in n + 1..=net.depth() {
        count *= net.layer(l).m;
    }
    let (mut ks, mut f) = (Vec::new(), Vec::new());
    let mut sum = 0.0;
    // (product, path number), |product| descending: at most MAX_LISTED, kept by insertion.
    let mut top: Vec<(f64, usize)> = Vec::new();
    for p in 0..count {
        path((net, pass, target), (n, i), p, &mut ks, &mut f);
        let mut product = 1.0;
        for v in &f {
            product *= v;
        }
        sum += product;
        let mut at = top.len();
        while at > 0 && product.abs() > top[at - 1].0.abs() {
            at -= 1;
        }
        if at < MAX_LISTED {
            top.insert(at, (product, p));
            top.truncate(MAX_LISTED);
        }
    }
    let grad = delta * x;
    out.open("", '{').num("mu", mu as f64).num("x", x);
    out.num("a", pass.a(layer)[i])
        .num("delta", delta)
        .num("grad", grad);
    out.open("paths", '[');
    for &(product, p) in &top {
        path((net, pass, target), (n, i), p, &mut ks, &mut f);
        path_json(out, n, &ks, &f, product);
    }
    out.close(']')
        .num("pathCount", count as f64)
        .num("pathSum", sum)
        .close('}');
    grad
}

/// The derivation of ∂E/∂w for the parameter at `place` (valid for `net`) at the current weights,
/// as JSON text, for pattern `mu`, or summed over all patterns (`None`): per pattern δ_i^(n) as
/// the sum over paths and ∂Ẽ(μ)/∂w = δ_i^(n) x_j^(n−1); then ∂E/∂w = Σ_μ δ x (over the patterns
/// listed) and Δw = −η ∂E/∂w. `bp` is backprop at these weights (its numbers are the trace's).
pub fn derive(
    net: &Network,
    data: &Dataset,
    bp: &Backprop,
    eta: f64,
    place: Place,
    mu: Option<usize>,
) -> String {
    let (n, i, j) = place;
    let layer = net.layer(n);
    let k = j.map_or(layer.b_index(i), |j| layer.w_index(i, j));
    let mut out = Json::default();
    out.open("", '{')
        .num("n", n as f64)
        .num("i", i as f64)
        .num("j", j_field(j));
    out.num("L", net.depth() as f64)
        .num("mu", mu.map_or(-1.0, |m| m as f64));
    out.num("eta", eta).text("symbol", &weight_symbol(n, i, j));
    out.num("w", net.params()[k]).open("patterns", '[');
    let mut grad = 0.0;
    for m in 0..data.len() {
        if mu.is_none_or(|mu| mu == m) {
            grad += pattern(&mut out, (net, data, bp), place, m);
        }
    }
    out.close(']')
        .num("grad", grad)
        .num("deltaW", -eta * grad)
        .close('}');
    out.0
}
