//! The exercise sheet's numbers: the network, the patterns, and the blanks for one pattern μ (or a
//! whole batch epoch) in the lecture's order, each with its answer and, where the printed digits
//! allow no closer, how far from it an answer still counts. The sheet page lays them out (and
//! writes the Markdown). Every number is as the page prints it: the weights, inputs, targets and
//! η at the current weights rounded to the printed digits, and the key the trace's from those.

use crate::backprop::backprop;
use crate::dataset::{NAMES, TITLES};
use crate::session::Session;

use super::rounding::{gradient_error, on_paper, pass_errors, update_error, within, DIGITS};
use super::{e_symbol, j_field, symbol, weight_symbol, Json};

/// One blank: `{ mu, kind, n, i, j, symbol, value }`, and `within` when an answer worked out from
/// the printed numbers may be off by more than the quiz's rule (`v`: the value and that error).
fn blank(
    out: &mut Json,
    mu: f64,
    kind: &str,
    (n, i): (usize, usize),
    j: f64,
    sym: &str,
    v: (f64, f64),
) {
    out.open("", '{')
        .num("mu", mu)
        .text("kind", kind)
        .num("n", n as f64);
    out.num("i", i as f64)
        .num("j", j)
        .text("symbol", sym)
        .num("value", v.0);
    if let Some(w) = within(v.0, v.1) {
        out.num("within", w);
    }
    out.close('}');
}

/// The sheet (JSON text) for pattern `mu`, or one batch epoch over all patterns (`None`):
///
/// `{ seed, eta, tolerance: {relative, absolute}, digits, mode, dataset, title, sizes,
/// activations, weights: [{n, w, b}], patterns: [{mu, input, target}], mu, blanks: [{mu, kind, n,
/// i, j, symbol, value, within?}] }`.
///
/// The page prints every number at `digits` significant digits, and the weights, patterns and η
/// are given rounded to them: the key is computed from the numbers on paper (the app's numbers at
/// the same weights may differ in the last digits). An answer counts when it is
/// within `within` of the key as printed or, for a blank without `within`, within the quiz's
/// `tolerance` (max(1 % of |value|, 10⁻⁴)): `within` is there when a student who works from the
/// printed numbers and writes each answer at `digits` digits may be off by more (see
/// [`super::rounding`]).
///
/// Blanks in the lecture's order: per pattern a_i^(n) and x_i^(n) = g(a_i^(n)) of every neuron,
/// layers 1..L; Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)² (n = L, i = 0); δ_i^(n) of every neuron, layers L..1;
/// then for every weight and bias (j = −1), layer by layer, neuron by neuron: online
/// Δw_ij^(n) = −η δ_i^(n) x_j^(n−1); batch first every ∂E/∂w_ij^(n) = Σ_μ δ_i^(n) x_j^(n−1)
/// ("grad"), then every Δw_ij^(n) = −η ∂E/∂w_ij^(n) ("dw").
///
/// # Errors
/// None in practice (the data rounded to the printed digits is refused as a data set).
pub fn sheet(session: &Session, mu: Option<usize>) -> Result<String, String> {
    let (net, data, eta) = on_paper(session.net(), session.data(), session.eta())?;
    let (net, data) = (&net, &data);
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
        .close('}')
        .num("digits", DIGITS as f64);
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
    // How far each number of the patterns on the sheet may be off when worked out from the paper.
    let errors: Vec<Option<_>> = (0..data.len())
        .map(|m| {
            mu.is_none_or(|mu| mu == m)
                .then(|| pass_errors(net, data, &bp.passes[m], m))
        })
        .collect();
    for (m, (pass, err)) in bp.passes.iter().zip(&errors).enumerate() {
        let Some((err, _)) = err else {
            continue;
        };
        let mf = m as f64;
        for n in 1..=depth {
            let l = net.layer(n);
            for i in 0..l.m {
                // a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n), x_i^(n) = g(a_i^(n))
                let a = (pass.a(l)[i], err.a(l)[i]);
                for (kind, v) in [("a", a), ("x", (pass.x_out(l)[i], err.x_out(l)[i]))] {
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
        let e = (pass.e, err.e);
        blank(&mut out, mf, "E", (depth, 0), -1.0, &e_symbol(m), e);
        for n in (1..=depth).rev() {
            let l = net.layer(n);
            for i in 0..l.m {
                let (d, sym) = ((pass.delta(l)[i], err.delta(l)[i]), symbol("δ", n, i, None));
                blank(&mut out, mf, "delta", (n, i), -1.0, &sym, d);
            }
        }
    }
    // The error of Σ_μ δ_i x_j over the patterns on the sheet, per weight and bias.
    let mut term_errors = vec![0.0; net.params().len()];
    for (_, terms) in errors.iter().flatten() {
        for (sum, e) in term_errors.iter_mut().zip(terms) {
            *sum += e;
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
                    // Its error: one pattern's δx online, a sum of them written down in batch.
                    let terms = term_errors[k];
                    let eg = if mu.is_some() {
                        terms
                    } else {
                        gradient_error(g, terms)
                    };
                    let (prefix, v) = if kind == "dw" {
                        ("Δ", (-eta * g, update_error(eta, g, eg)))
                    } else {
                        ("∂E/∂", (g, eg))
                    };
                    let sym = String::from(prefix) + &weight_symbol(n, i, j);
                    blank(&mut out, mu_field, kind, (n, i), j_field(j), &sym, v);
                }
            }
        }
    }
    out.close(']').close('}');
    Ok(out.0)
}
