//! What the exercise sheet's numbers are on paper, and how far from the key an answer worked out
//! from them may land. The sheet prints every weight, bias, input, target and η at [`DIGITS`]
//! significant digits, and its key is computed from those printed numbers, so a student who works
//! from the paper in full precision gets the key. A student who writes each answer (and g′) at
//! [`DIGITS`] digits and works on with what they wrote is off by a little more: every number they
//! write is off by up to half a unit in its last digit, and each blank's error is a sum of those
//! roundings times how much the blank depends on them (∂blank/∂written number, carried through the
//! lecture's formulas as backprop carries δ). The worst case, Σ |∂blank/∂r| · ½ unit, bounds it to
//! first order; the second-order terms are far below the 5 % added on top.

use crate::activation::Activation;
use crate::dataset::Dataset;
use crate::network::Network;
use crate::pass::Pass;

/// Significant digits of every number the sheet prints: the givens and the key alike.
pub const DIGITS: usize = 4;

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

/// What is added on top of the first-order bound for the terms it leaves out (products of two
/// roundings, each a few 10⁻⁴ of its number).
const SECOND_ORDER: f64 = 1.05;

/// Where the roundings of one pattern's numbers sit among the error sources: per neuron (unit u of
/// `units`) its written a, x, g′ and δ, and two more where the formula has a choice or a kink:
/// g′ from a rather than from x, and relu's g′ flipping between 0 and 1 (or x = max(0, a) losing
/// its slope) when â may be on the other side of 0.
#[derive(Clone, Copy)]
enum Source {
    A,
    X,
    G,
    D,
    Form,
    Kink,
}

/// How much each of one pattern's numbers depends on each rounding the student makes: a row of
/// coefficients per number, and the size of each rounding.
struct Errors {
    units: usize,
    /// Half a unit of each rounding (0 where none is made).
    half: Vec<f64>,
    /// ∂a_u/∂r, ∂x_u/∂r, ∂g′_u/∂r, ∂δ_u/∂r: one row of `6 · units` per neuron.
    a: Vec<f64>,
    x: Vec<f64>,
    g: Vec<f64>,
    d: Vec<f64>,
}

impl Errors {
    fn at(&self, source: Source, u: usize) -> usize {
        source as usize * self.units + u
    }

    /// Row u of `rows`.
    fn row(rows: &[f64], width: usize, u: usize) -> &[f64] {
        &rows[u * width..(u + 1) * width]
    }

    /// Σ |coefficient| · half unit: the first-order worst case of a number with these coefficients.
    fn bound(&self, row: &[f64]) -> f64 {
        row.iter()
            .zip(&self.half)
            .map(|(c, h)| c.abs() * h)
            .sum::<f64>()
            * SECOND_ORDER
    }
}

/// out += k · row.
fn add(out: &mut [f64], k: f64, row: &[f64]) {
    if k != 0.0 {
        for (o, r) in out.iter_mut().zip(row) {
            *o += k * r;
        }
    }
}

/// How far the student's numbers of one pattern may be from the key's, when `net` and `data` are
/// the paper's (the weights and inputs exact): every a, x = g(a), δ and Ẽ(μ) as written, in a
/// [`Pass`] of their own, and per weight and bias the error of δ_i^(n) x_j^(n−1) (x = 1 for a bias)
/// before it is written or summed.
pub fn pass_errors(net: &Network, data: &Dataset, pass: &Pass, mu: usize) -> (Pass, Vec<f64>) {
    let target = data.pattern(mu).1;
    let units = net.neurons();
    let width = 6 * units;
    let mut e = Errors {
        units,
        half: vec![0.0; width],
        a: vec![0.0; units * width],
        x: vec![0.0; units * width],
        g: vec![0.0; units * width],
        d: vec![0.0; units * width],
    };
    let mut out = Pass::new(net);
    out.x[..net.inputs()].fill(0.0);
    let params = net.params();
    let mut row = vec![0.0; width];
    // Forward: a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n), x_i^(n) = g(a_i^(n)), and g′ from x.
    for n in 1..=net.depth() {
        let l = net.layer(n);
        let below = (n > 1).then(|| net.layer(n - 1));
        for i in 0..l.m {
            let u = l.unit + i;
            let (a, x) = (pass.a(l)[i], pass.x_out(l)[i]);
            row.fill(0.0);
            if let Some(below) = below {
                for j in 0..l.fan_in {
                    let w = params[l.w_index(i, j)];
                    add(&mut row, w, Errors::row(&e.x, width, below.unit + j));
                }
            }
            let at = e.at(Source::A, u);
            (row[at], e.half[at]) = (1.0, half_unit(a));
            let ea = e.bound(&row);
            e.a[u * width..(u + 1) * width].copy_from_slice(&row);
            out.a[l.unit + i] = ea;
            // x = g(â): slope g′(a); relu near its kink: slope 1, less up to all of â's error
            let near_kink = l.activation == Activation::Relu && a.abs() <= ea;
            let slope = if near_kink {
                1.0
            } else {
                l.activation.g_prime(a, x)
            };
            for c in row.iter_mut() {
                *c *= slope;
            }
            if near_kink {
                let at = e.at(Source::Kink, u);
                (row[at], e.half[at]) = (1.0, ea);
            }
            let at = e.at(Source::X, u);
            (row[at], e.half[at]) = (1.0, half_unit(x));
            out.x[net.inputs() + u] = e.bound(&row);
            e.x[u * width..(u + 1) * width].copy_from_slice(&row);
            // g′ as the sheet gives it, x(1 − x) or 1 − x², or from a (differing by the x rounding's
            // share); relu's 0 or 1 may flip near the kink
            let (at_g, at_form) = (e.at(Source::G, u), e.at(Source::Form, u));
            let g = &mut e.g[u * width..(u + 1) * width];
            let (dg, form) = match l.activation {
                Activation::Sigmoid => (1.0 - 2.0 * x, (1.0 - 2.0 * x).abs() * e.half[at]),
                Activation::Tanh => (-2.0 * x, 2.0 * x.abs() * e.half[at]),
                Activation::Relu | Activation::Linear => (0.0, 0.0),
            };
            add(g, dg, Errors::row(&e.x, width, u));
            let smooth = matches!(l.activation, Activation::Sigmoid | Activation::Tanh);
            let written_g = if smooth {
                half_unit(l.activation.g_prime(a, x))
            } else {
                0.0
            };
            // (near relu's kink, Source::Kink holds x's lost slope; g′ may flip by a whole 1)
            let form = if near_kink { 1.0 } else { form };
            for (at, half) in [(at_g, written_g), (at_form, form)] {
                (g[at], e.half[at]) = (1.0, half);
            }
        }
    }
    // Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)²: ∂Ẽ/∂ŷ_i = ŷ_i − t_i.
    let depth = net.depth();
    let top = net.layer(depth);
    row.fill(0.0);
    for (i, &t) in target.iter().enumerate() {
        add(
            &mut row,
            pass.y(net)[i] - t,
            Errors::row(&e.x, width, top.unit + i),
        );
    }
    out.e = written(pass.e, e.bound(&row));
    // Backward: δ_i^(L) = (ŷ_i − t_i) g′(a_i^(L)), δ_k^(n) = g′(a_k^(n)) Σ_i δ_i^(n+1) w_ik^(n+1).
    for n in (1..=depth).rev() {
        let l = net.layer(n);
        for k in 0..l.m {
            let u = l.unit + k;
            let (a, x) = (pass.a(l)[k], pass.x_out(l)[k]);
            let g = l.activation.g_prime(a, x);
            row.fill(0.0);
            let s = if n == depth {
                add(&mut row, g, Errors::row(&e.x, width, u));
                x - target[k]
            } else {
                let up = net.layer(n + 1);
                let mut s = 0.0;
                for i in 0..up.m {
                    let w = params[up.w_index(i, k)];
                    s += pass.delta(up)[i] * w;
                    add(&mut row, g * w, Errors::row(&e.d, width, up.unit + i));
                }
                s
            };
            add(&mut row, s, Errors::row(&e.g, width, u));
            let at = e.at(Source::D, u);
            (row[at], e.half[at]) = (1.0, half_unit(pass.delta(l)[k]));
            out.delta[u] = e.bound(&row);
            e.d[u * width..(u + 1) * width].copy_from_slice(&row);
        }
    }
    // δ_i^(n) x_j^(n−1) of every weight, and δ_i^(n) of every bias.
    let mut terms = vec![0.0; params.len()];
    for (k, term) in terms.iter_mut().enumerate() {
        let Some((n, i, j)) = net.param_location(k) else {
            continue;
        };
        let l = net.layer(n);
        row.fill(0.0);
        match j {
            Some(j) => {
                add(
                    &mut row,
                    pass.x(net, n - 1)[j],
                    Errors::row(&e.d, width, l.unit + i),
                );
                if n > 1 {
                    let below = net.layer(n - 1).unit + j;
                    add(&mut row, pass.delta(l)[i], Errors::row(&e.x, width, below));
                }
            }
            None => row.copy_from_slice(Errors::row(&e.d, width, l.unit + i)),
        }
        *term = e.bound(&row);
    }
    (out, terms)
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
