//! The exercise sheet's numbers: the network, the patterns, and the blanks for one pattern μ (or a
//! whole batch epoch) in the lecture's order, each with its answer. The sheet page lays them out
//! (and writes the Markdown); every number is the trace's at the current weights.

use crate::backprop::backprop;
use crate::dataset::{NAMES, TITLES};
use crate::session::Session;

use super::{e_symbol, j_field, symbol, weight_symbol, Json};

/// One blank: `{ mu, kind, n, i, j, symbol, value }`.
fn blank(out: &mut Json, mu: f64, kind: &str, (n, i): (usize, usize), j: f64, sym: &str, v: f64) {
    out.open("", '{')
        .num("mu", mu)
        .text("kind", kind)
        .num("n", n as f64);
    out.num("i", i as f64)
        .num("j", j)
        .text("symbol", sym)
        .num("value", v)
        .close('}');
}

/// The sheet (JSON text) for pattern `mu`, or one batch epoch over all patterns (`None`):
///
/// `{ seed, eta, mode, dataset, title, sizes, activations, weights: [{n, w, b}], patterns:
/// [{mu, input, target}], mu, blanks: [{mu, kind, n, i, j, symbol, value}] }`.
///
/// Blanks in the lecture's order: per pattern a_i^(n) and x_i^(n) = g(a_i^(n)) of every neuron,
/// layers 1..L; Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)² (n = L, i = 0); δ_i^(n) of every neuron, layers L..1;
/// then for every weight and bias (j = −1), layer by layer, neuron by neuron: online
/// Δw_ij^(n) = −η δ_i^(n) x_j^(n−1); batch first every ∂E/∂w_ij^(n) = Σ_μ δ_i^(n) x_j^(n−1)
/// ("grad"), then every Δw_ij^(n) = −η ∂E/∂w_ij^(n) ("dw").
pub fn sheet(session: &Session, mu: Option<usize>) -> String {
    let (net, data, eta) = (session.net(), session.data(), session.eta());
    let bp = backprop(net, data);
    let setup = session.setup();
    let name = setup.dataset_name();
    let title = NAMES
        .iter()
        .position(|n| *n == name)
        .map_or("your data", |k| TITLES[k]);
    let depth = net.depth();
    let mut out = Json::default();
    out.open("", '{')
        .num("seed", setup.seed as f64)
        .num("eta", eta);
    // The quiz's rule, for the sheet's "what counts as right".
    out.open("tolerance", '{')
        .num("relative", super::quiz::RELATIVE)
        .num("absolute", super::quiz::ABSOLUTE)
        .close('}');
    out.text("mode", setup.mode.name())
        .text("dataset", name)
        .text("title", title);
    out.open("sizes", '[').num("", net.inputs() as f64);
    for l in net.layers() {
        out.num("", l.m as f64);
    }
    out.close(']').open("activations", '[');
    for l in net.layers() {
        out.text("", l.activation.name());
    }
    out.close(']').open("weights", '[');
    for n in 1..=depth {
        let l = net.layer(n);
        out.open("", '{').num("n", n as f64).open("w", '[');
        for i in 0..l.m {
            out.nums(
                "",
                &net.params()[l.w_index(i, 0)..l.w_index(i, 0) + l.fan_in],
            );
        }
        out.close(']');
        out.nums("b", &net.params()[l.b_index(0)..l.b_index(0) + l.m])
            .close('}');
    }
    out.close(']').open("patterns", '[');
    for m in 0..data.len() {
        let (input, target) = data.pattern(m);
        out.open("", '{').num("mu", m as f64).nums("input", input);
        out.nums("target", target).close('}');
    }
    let mu_field = mu.map_or(-1.0, |m| m as f64);
    out.close(']').num("mu", mu_field).open("blanks", '[');
    for m in 0..data.len() {
        if mu.is_some_and(|mu| mu != m) {
            continue;
        }
        let (pass, mf) = (&bp.passes[m], m as f64);
        for n in 1..=depth {
            let l = net.layer(n);
            for i in 0..l.m {
                // a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n), x_i^(n) = g(a_i^(n))
                for (kind, v) in [("a", pass.a(l)[i]), ("x", pass.x_out(l)[i])] {
                    blank(
                        &mut out,
                        mf,
                        kind,
                        (n, i),
                        -1.0,
                        &symbol(kind, n, i, None),
                        v,
                    );
                }
            }
        }
        blank(&mut out, mf, "E", (depth, 0), -1.0, &e_symbol(m), pass.e);
        for n in (1..=depth).rev() {
            let l = net.layer(n);
            for i in 0..l.m {
                let (d, sym) = (pass.delta(l)[i], symbol("δ", n, i, None));
                blank(&mut out, mf, "delta", (n, i), -1.0, &sym, d);
            }
        }
    }
    let kinds: &[&str] = if mu.is_some() {
        &["dw"]
    } else {
        &["grad", "dw"]
    };
    for &kind in kinds {
        for n in 1..=depth {
            let l = net.layer(n);
            for i in 0..l.m {
                for j in (0..=l.fan_in).map(|j| (j < l.fan_in).then_some(j)) {
                    let k = j.map_or(l.b_index(i), |j| l.w_index(i, j));
                    // ∂E/∂w summed over the patterns of the sheet: one pattern's δ_i x_j, or all
                    let g = match mu {
                        Some(m) => {
                            let p = &bp.passes[m];
                            p.delta(l)[i] * j.map_or(1.0, |j| p.x(net, n - 1)[j])
                        }
                        None => bp.grad[k],
                    };
                    let (prefix, v) = if kind == "dw" {
                        ("Δ", -eta * g)
                    } else {
                        ("∂E/∂", g)
                    };
                    let sym = String::from(prefix) + &weight_symbol(n, i, j);
                    blank(&mut out, mu_field, kind, (n, i), j_field(j), &sym, v);
                }
            }
        }
    }
    out.close(']').close('}');
    out.0
}
