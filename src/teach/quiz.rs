//! "Quiz me": the one number the next step computes for the selected neuron or weight — a_i^(n),
//! Ẽ(μ), δ_i^(n) or Δw_ij^(n) — with the formula and its known numbers as a hint, and the check of
//! a typed answer: right when |answer − truth| ≤ max(1 % of |truth|, 10⁻⁴).

use crate::backward::backward_layer;
use crate::dataset::Dataset;
use crate::forward::{forward_layer, pattern_error, set_input};
use crate::json::{rounded, shorten};
use crate::stepper::{Phase, StepState};
use crate::train::Mode;

use super::derive::Place;
use super::{j_field, shown, sub, sup, symbol, weight_symbol, Json};

/// The phase the next step completes, as [`crate::stepper::Stepper::next`] moves: forward layers
/// 1..L, the error, backward layers L..1 for each pattern; the update after each pattern (online)
/// or after the last (batch); after an epoch's last update, pattern 1 again.
pub fn next_phase(s: &StepState, mode: Mode) -> Phase {
    let (depth, last) = (s.net.depth(), s.passes.len() - 1);
    match s.phase {
        Phase::Forward { mu, n } if n < depth => Phase::Forward { mu, n: n + 1 },
        Phase::Forward { mu, .. } => Phase::Error { mu },
        Phase::Error { mu } => Phase::Backward { mu, n: depth },
        Phase::Backward { mu, n } if n > 1 => Phase::Backward { mu, n: n - 1 },
        Phase::Backward { mu, .. } if mode == Mode::Online => Phase::Update { mu: Some(mu) },
        Phase::Backward { mu, .. } if mu < last => Phase::Forward { mu: mu + 1, n: 1 },
        Phase::Backward { .. } => Phase::Update { mu: None },
        Phase::Update { mu: Some(mu) } if mu < last => Phase::Forward { mu: mu + 1, n: 1 },
        Phase::Ready | Phase::Update { .. } => Phase::Forward { mu: 0, n: 1 },
    }
}

/// Whether `kinds` ("all", or any of "forward", "delta", "update", separated by commas or
/// spaces) asks for questions of `kind`.
///
/// # Errors
/// Any other word.
fn wanted(kinds: &str, kind: &str) -> Result<bool, String> {
    let mut hit = false;
    for word in kinds.split([',', ' ']) {
        match word {
            "" => {}
            "all" => hit = true,
            "forward" | "delta" | "update" => hit |= word == kind,
            _ => {
                return Err(format!(
                    "kinds: expected \"forward\", \"delta\", \"update\" or \"all\", got \"{}\"",
                    shorten(word)
                ))
            }
        }
    }
    Ok(hit)
}

/// Appends "a · b".
fn times(out: &mut String, a: f64, b: f64) {
    *out += &shown(a);
    *out += " · ";
    *out += &shown(b);
}

/// The question for the number the next step computes (JSON text), or None when that step's kind
/// is not among `kinds`: `{ kind, quantity, symbol, mu, n, i, j, hint, truth }`.
///
/// - Forward{μ, n}: a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n) ("forward", "a");
/// - Error{μ}: Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)² ("forward", "E");
/// - Backward{μ, n}: δ_i^(L) = (ŷ_i − t_i) g′(a_i^(L)), or δ_i^(n) = g′(a_i^(n)) Σ_k δ_k^(n+1)
///   w_ki^(n+1) ("delta", "delta");
/// - Update: Δw_ij^(n) = −η ∂E/∂w_ij^(n) ("update", "dw").
///
/// `selected` is the chosen neuron (n, i) or weight (n, i, j); a neuron outside the phase's layer,
/// or none, means neuron i = 0 of that layer, and w_11^(1) for an update. `truth` is computed by
/// the same engine functions the step runs, so it is the number the step will show.
///
/// # Errors
/// `kinds` has an unknown word.
pub fn question(
    s: &StepState,
    data: &Dataset,
    (eta, mode): (f64, Mode),
    kinds: &str,
    selected: Option<Place>,
) -> Result<Option<String>, String> {
    let net = &*s.net;
    let next = next_phase(s, mode);
    let (kind, quantity) = match next {
        Phase::Forward { .. } => ("forward", "a"),
        Phase::Error { .. } => ("forward", "E"),
        Phase::Backward { .. } => ("delta", "delta"),
        _ => ("update", "dw"),
    };
    if !wanted(kinds, kind)? {
        return Ok(None);
    }
    let (sn, si, sj) = selected.unwrap_or((1, 0, Some(0)));
    let (mu, n) = match next {
        Phase::Forward { mu, n } | Phase::Backward { mu, n } => (Some(mu), n),
        Phase::Error { mu } => (Some(mu), net.depth()),
        Phase::Update { mu } => (mu, sn),
        Phase::Ready => (None, sn),
    };
    let i = if sn == n { si } else { 0 };
    let mut pass = (*s.passes[mu.unwrap_or(0)]).clone();
    let (input, target) = data.pattern(mu.unwrap_or(0));
    let layer = net.layer(n);
    let (is, ns) = (sub(i + 1), sup(n));
    let mut j = None;
    let mut hint;
    let truth = match next {
        Phase::Forward { .. } => {
            // a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n), x^(0) the input
            if n == 1 {
                set_input(&mut pass, input);
            }
            hint = format!("a{is}{ns} = Σⱼ w{is}ⱼ{ns} xⱼ{} + b{is}{ns} = ", sup(n - 1));
            for (k, &x) in pass.x(net, n - 1).iter().enumerate() {
                times(&mut hint, net.w(n, i, k), x);
                hint += " + ";
            }
            hint += &shown(net.b(n, i));
            forward_layer(net, n, &mut pass);
            pass.a(layer)[i]
        }
        Phase::Error { mu } => {
            // Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)²
            hint = format!("Ẽ(μ={}) = ½ Σᵢ (tᵢ − ŷᵢ)² = ½ · [", mu + 1);
            for (k, (t, y)) in target.iter().zip(pass.y(net)).enumerate() {
                if k > 0 {
                    hint += " + ";
                }
                hint = hint + "(" + &shown(*t) + " − " + &shown(*y) + ")²";
            }
            hint += "]";
            pattern_error(net, target, &mut pass)
        }
        Phase::Backward { .. } => {
            let (a, x) = (pass.a(layer)[i], pass.x_out(layer)[i]);
            let g_prime = layer.activation.g_prime(a, x);
            if n == net.depth() {
                // δ_i^(L) = (ŷ_i − t_i) g′(a_i^(L))
                hint = format!("δ{is}{ns} = (ŷ{is} − t{is}) · g′(a{is}{ns}) = (");
                hint = hint + &shown(x) + " − " + &shown(target[i]) + ") · " + &shown(g_prime);
            } else {
                // δ_i^(n) = g′(a_i^(n)) Σ_k δ_k^(n+1) w_ki^(n+1)
                let us = sup(n + 1);
                hint = format!("δ{is}{ns} = g′(a{is}{ns}) · Σₖ δₖ{us} wₖ{is}{us} = ");
                hint = hint + &shown(g_prime) + " · (";
                for (k, d) in pass.delta(net.layer(n + 1)).iter().enumerate() {
                    if k > 0 {
                        hint += " + ";
                    }
                    times(&mut hint, *d, net.w(n + 1, k, i));
                }
                hint += ")";
            }
            backward_layer(
                net,
                n,
                target,
                &mut pass,
                &mut vec![0.0; net.params().len()],
            );
            pass.delta(layer)[i]
        }
        _ => {
            // Δw_ij^(n) = −η ∂E/∂w_ij^(n): −η δ_i^(n) x_j^(n−1) online, summed over μ in batch
            j = sj;
            let w = weight_symbol(n, i, j);
            let k = j.map_or(layer.b_index(i), |j| layer.w_index(i, j));
            let eta_shown = String::from("−") + &rounded(eta);
            hint = format!("Δ{w} = −η ");
            if mu.is_some() {
                let x = j.map_or(1.0, |j| pass.x(net, n - 1)[j]);
                hint += &symbol("δ", n, i, None);
                if let Some(j) = j {
                    hint += " ";
                    hint += &symbol("x", n - 1, j, None);
                }
                hint = hint + " = " + &eta_shown + " · ";
                times(&mut hint, pass.delta(layer)[i], x);
            } else {
                hint = hint + "∂E/∂" + &w + " = " + &eta_shown + " · " + &shown(s.grad[k]);
            }
            -eta * s.grad[k]
        }
    };
    let symbol = match next {
        Phase::Forward { .. } => symbol("a", n, i, None),
        Phase::Error { mu } => format!("Ẽ(μ={})", mu + 1),
        Phase::Backward { .. } => symbol("δ", n, i, None),
        _ => format!("Δ{}", weight_symbol(n, i, j)),
    };
    let mut out = Json::default();
    out.open("", '{')
        .text("kind", kind)
        .text("quantity", quantity);
    out.text("symbol", &symbol)
        .num("mu", mu.map_or(-1.0, |m| m as f64));
    out.num("n", n as f64)
        .num("i", i as f64)
        .num("j", j_field(j));
    out.text("hint", &hint).num("truth", truth).close('}');
    Ok(Some(out.0))
}

/// What a student typed, as a number: "0.5", " -1e-3 ", "0,5" (a decimal comma), "−0.2" (the
/// Unicode minus), and "NaN", "Infinity", "∞" with a sign.
///
/// # Errors
/// Anything else: "Your answer: 'abc' is not a number".
pub fn read_answer(text: &str) -> Result<f64, String> {
    let t = text.trim().replace('−', "-");
    let (neg, body) = match t.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let special = match body.to_ascii_lowercase().as_str() {
        "nan" => Some(f64::NAN),
        "infinity" | "inf" | "∞" => Some(f64::INFINITY),
        _ => None,
    };
    special
        .map(|v| if neg { -v } else { v })
        .or_else(|| crate::csv::decimal(&t, true))
        .ok_or_else(|| format!("Your answer: '{}' is not a number", shorten(text.trim())))
}

/// Whether `answer` counts as `truth`: |answer − truth| ≤ max(0.01 |truth|, 10⁻⁴); a non-finite
/// truth (training diverged) only by the same non-finite answer.
pub fn is_right(answer: f64, truth: f64) -> bool {
    if truth.is_finite() {
        (answer - truth).abs() <= (0.01 * truth.abs()).max(1e-4)
    } else {
        answer == truth || answer.is_nan() && truth.is_nan()
    }
}

/// `{ "right": bool, "value": the number read }` (JSON text) for a typed answer.
///
/// # Errors
/// The answer is not a number (see [`read_answer`]).
pub fn check(answer: &str, truth: f64) -> Result<String, String> {
    let value = read_answer(answer)?;
    let mut out = Json::default();
    out.open("", '{').0 += if is_right(value, truth) {
        "\"right\":true"
    } else {
        "\"right\":false"
    };
    out.num("value", value).close('}');
    Ok(out.0)
}
