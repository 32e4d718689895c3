//! What the exercise sheet's numbers are on paper, and how far from the key an answer worked out
//! from them may land. The sheet prints every weight, bias, input, target and η at [`DIGITS`]
//! significant digits, and its key is computed from those printed numbers, so a student who works
//! from the paper in full precision gets the key. A student who writes each answer (and g′) at
//! [`DIGITS`] digits and works on with what they wrote is off by a little more: that error is
//! bounded, worst case, by carrying half a unit in each written number's last digit through the
//! lecture's formulas: a sum adds its terms' errors, a product u·v is off by at most
//! |u| e_v + |v| e_u + e_u e_v, g by at most its steepest slope near a.

use crate::activation::Activation;
use crate::dataset::Dataset;
use crate::network::Network;
use crate::pass::Pass;

/// Significant digits of every number the sheet prints: the givens and the key alike.
pub const DIGITS: usize = 4;

/// |g″| at its steepest: ¼ · 2/(3√3) for the sigmoid, 4/(3√3) for tanh.
const SIGMOID_BEND: f64 = 0.096_225_044_864_937_63;
const TANH_BEND: f64 = 0.769_800_358_919_501;

/// `v` as the sheet prints it: rounded to [`DIGITS`] significant digits (the nearest f64 to them,
/// which the page writes back as exactly those digits).
pub fn printed(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // v = d.ddd·10^k: scaled by 10^(DIGITS − 1 − k) to a whole number, rounded, scaled back (a k
    // off by one near a power of ten only changes which neighbour is printed, not that the page
    // and the key agree). A whole power of ten is exact up to 10²², so is r for most numbers.
    let shift = DIGITS as i32 - 1 - v.abs().log10().floor() as i32;
    let r = if shift >= 0 {
        let scale = 10f64.powi(shift);
        (v * scale).round() / scale
    } else {
        let scale = 10f64.powi(-shift);
        (v / scale).round() * scale
    };
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// The network, the data and η as the sheet prints them.
///
/// # Errors
/// None in practice: the printed patterns are as many, as long and as finite as the data's.
pub fn on_paper(
    net: &Network,
    data: &Dataset,
    eta: f64,
) -> Result<(Network, Dataset, f64), String> {
    let mut paper = net.clone();
    for w in paper.params_mut() {
        *w = printed(*w);
    }
    let (xs, ts) = data.rows();
    let round = |rows: Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        rows.into_iter()
            .map(|r| r.into_iter().map(printed).collect())
            .collect()
    };
    let patterns = Dataset::inline(&round(xs), &round(ts))?;
    Ok((paper, patterns, printed(eta)))
}

/// Half a unit in the last of [`DIGITS`] significant digits of a number of size `v`: 0.0005·10^k
/// for v = d.ddd·10^k.
fn half_unit(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 0.0;
    }
    let mut k = v.log10().floor() as i32;
    if 10f64.powi(k + 1) <= v {
        k += 1; // log10 a hair low just above a power of ten
    }
    0.5 * 10f64.powi(k + 1 - DIGITS as i32)
}

/// The error of a number within `e` of `v` once written at [`DIGITS`] digits.
fn written(v: f64, e: f64) -> f64 {
    e + half_unit(v.abs() + e)
}

/// The error of û·v̂ against u·v when |û − u| ≤ `eu` and |v̂ − v| ≤ `ev`.
fn product(u: f64, eu: f64, v: f64, ev: f64) -> f64 {
    u.abs() * ev + v.abs() * eu + eu * ev
}

/// The largest |g′| on [a − e, a + e]: how far g(â) can be from g(a).
fn slope(g: Activation, a: f64, e: f64) -> f64 {
    match g {
        Activation::Sigmoid | Activation::Tanh => {
            // g′ is largest at 0 and falls off to both sides.
            let c = (a - e).max(0.0).min(a + e);
            g.g_prime(c, g.g(c))
        }
        Activation::Relu => f64::from(u8::from(a + e > 0.0)),
        Activation::Linear => 1.0,
    }
}

/// How far g′ can be when the student takes it from x̂ (within `ex` of x) as the sheet gives it,
/// x(1 − x) or 1 − x², or from â (within `ea` of a); relu's 0 or 1 flips when â may cross 0.
fn prime(g: Activation, (a, ea): (f64, f64), (x, ex): (f64, f64)) -> f64 {
    match g {
        // x̂(1 − x̂) − x(1 − x) = (x̂ − x)(1 − x − x̂)
        Activation::Sigmoid => (ex * ((1.0 - 2.0 * x).abs() + ex)).max(SIGMOID_BEND * ea),
        // x² − x̂² = (x − x̂)(x + x̂)
        Activation::Tanh => (ex * (2.0 * x.abs() + ex)).max(TANH_BEND * ea),
        Activation::Relu => f64::from(u8::from(a.abs() <= ea)),
        Activation::Linear => 0.0,
    }
}

/// Bounds on how far the student's numbers of one pattern may be from the key's, in a [`Pass`] of
/// their own: every a, x = g(a), δ and Ẽ(μ) as written, when `net` and `data` are the paper's
/// (the weights and inputs exact, x^(0) without error).
pub fn pass_errors(net: &Network, data: &Dataset, pass: &Pass, mu: usize) -> Pass {
    let target = data.pattern(mu).1;
    let mut out = Pass::new(net);
    out.x[..net.inputs()].fill(0.0);
    let params = net.params();
    // Forward: a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n), x_i^(n) = g(a_i^(n)).
    for n in 1..=net.depth() {
        let l = net.layer(n);
        let at = net.inputs() + l.unit;
        for i in 0..l.m {
            let w = &params[l.w_index(i, 0)..l.w_index(i, 0) + l.fan_in];
            let sum = w
                .iter()
                .zip(out.x(net, n - 1))
                .map(|(w, ex)| w.abs() * ex)
                .sum();
            let (a, x) = (pass.a(l)[i], pass.x_out(l)[i]);
            let ea = written(a, sum);
            out.a[l.unit + i] = ea;
            out.x[at + i] = written(x, slope(l.activation, a, ea) * ea);
        }
    }
    // Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)²: ½ (d̂² − d²) = ½ (d̂ − d)(d̂ + d).
    let depth = net.depth();
    let mut e = 0.0;
    for (i, &t) in target.iter().enumerate() {
        let (d, ed) = (t - pass.y(net)[i], out.y(net)[i]);
        e += d.abs() * ed + ed * ed / 2.0;
    }
    out.e = written(pass.e, e);
    // Backward: δ_i^(L) = (ŷ_i − t_i) g′(a_i^(L)), δ_k^(n) = g′(a_k^(n)) Σ_i δ_i^(n+1) w_ik^(n+1).
    for n in (1..=depth).rev() {
        let l = net.layer(n);
        for k in 0..l.m {
            let (a, x) = (pass.a(l)[k], pass.x_out(l)[k]);
            let (ea, ex) = (out.a(l)[k], out.x_out(l)[k]);
            let g = l.activation.g_prime(a, x);
            let eg = written(g, prime(l.activation, (a, ea), (x, ex)));
            let (s, es) = if n == depth {
                (x - target[k], ex)
            } else {
                let up = net.layer(n + 1);
                (0..up.m).fold((0.0, 0.0), |(s, es), i| {
                    let w = params[up.w_index(i, k)];
                    (s + pass.delta(up)[i] * w, es + out.delta(up)[i] * w.abs())
                })
            };
            out.delta[l.unit + k] = written(pass.delta(l)[k], product(s, es, g, eg));
        }
    }
    out
}

/// The error of δ_i^(n) x_j^(n−1) (j = None: the bias, x = 1) of one pattern, before it is
/// written; `errors` from [`pass_errors`].
pub fn term_error(
    net: &Network,
    (pass, errors): (&Pass, &Pass),
    (n, i): (usize, usize),
    j: Option<usize>,
) -> f64 {
    let l = net.layer(n);
    let (d, ed) = (pass.delta(l)[i], errors.delta(l)[i]);
    match j {
        Some(j) => product(d, ed, pass.x(net, n - 1)[j], errors.x(net, n - 1)[j]),
        None => ed,
    }
}

/// The error of Δw = −η g once written, given g within `eg` (g: δx online; ∂E/∂w as written, in
/// batch).
pub fn update_error(eta: f64, g: f64, eg: f64) -> f64 {
    written(eta * g, eta.abs() * eg)
}

/// The error of ∂E/∂w = Σ_μ δ x once written, given the sum of its terms' errors.
pub fn gradient_error(grad: f64, terms: f64) -> f64 {
    written(grad, terms)
}

/// How far from the key `v`, as printed, an answer within `error` of v may be (2 digits, rounded
/// up) when that is more than the quiz's rule allows, max(1 % of |v|, 10⁻⁴); None when the rule
/// covers it.
pub fn within(v: f64, error: f64) -> Option<f64> {
    use super::quiz::{ABSOLUTE, RELATIVE};
    // An answer within `error` of v is within error + half a unit of the key as printed; the
    // marker applies the rule to the key as printed, at most half a unit below |v|.
    let half = half_unit(v);
    let far = (error + half) * (1.0 + 1e-9);
    if !far.is_finite() || far <= (RELATIVE * (v.abs() - half)).max(ABSOLUTE) {
        return None;
    }
    // ⌈far⌉ at 2 digits, c·10^k (c = 10…99) as the nearest f64 to those digits: a whole power of
    // ten divides or multiplies exactly.
    let k = far.log10().floor() as i32 - 1;
    let c = if k < 0 {
        (far * 10f64.powi(-k)).ceil()
    } else {
        (far / 10f64.powi(k)).ceil()
    };
    Some(if k < 0 {
        c / 10f64.powi(-k)
    } else {
        c * 10f64.powi(k)
    })
}
