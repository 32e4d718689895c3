//! "Quiz me": the one number the next step computes for the selected neuron or weight — a_i^(n),
//! Ẽ(μ), δ_i^(n) or Δw_ij^(n) — with the formula and its known numbers as a hint, and the check of
//! a typed answer: right when |answer − truth| ≤ max(1 % of |truth|, 10⁻⁴).

use crate::dataset::Dataset;
use crate::json::{rounded, shorten};
use crate::stepper::{Phase, StepState};

use super::derive::Place;
use super::{e_symbol, fill, j_field, push, put, symbol, weight_symbol, Json};

/// Whether `kinds` ("all", or any of "forward", "delta", "update" separated by commas, e.g.
/// "delta,update") asks for questions of `kind`.
///
/// # Errors
/// Any other word.
fn wanted(kinds: &str, kind: &str) -> Result<bool, String> {
    let mut hit = false;
    for word in kinds.split(',') {
        let word = word.trim();
        if !["all", "forward", "delta", "update"].contains(&word) {
            return Err(format!(
                "kinds: expected \"forward\", \"delta\", \"update\" or \"all\", got \"{}\"",
                shorten(word)
            ));
        }
        hit |= word == "all" || word == kind;
    }
    Ok(hit)
}

/// Appends "a · b".
fn times(out: &mut String, a: f64, b: f64) {
    put(out, a);
    out.push_str(" · ");
    put(out, b);
}

/// The question for the number the next step computes (JSON text), or None when that step's kind
/// is not among `kinds`: `{ kind, quantity, symbol, mu, n, i, j, hint, truth }` (a truth that is
/// not finite as the text "NaN", "Infinity" or "-Infinity").
///
/// - Forward{μ, n}: a_i^(n) = Σ_j w_ij^(n) x_j^(n−1) + b_i^(n) ("forward", "a"), and then, in
///   `then: { quantity: "x", symbol, hint, truth }`, x_i^(n) = g(a_i^(n)), asked once a is known;
/// - Error{μ}: Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)² ("forward", "E");
/// - Backward{μ, n}: δ_i^(L) = (ŷ_i − t_i) g′(a_i^(L)), or δ_i^(n) = g′(a_i^(n)) Σ_k δ_k^(n+1)
///   w_ki^(n+1) ("delta", "delta");
/// - Update: Δw_ij^(n) = −η ∂E/∂w_ij^(n) ("update", "dw").
///
/// `selected` is the chosen neuron (n, i) or weight (n, i, j); a neuron outside the phase's layer,
/// or none, means neuron i = 0 of that layer, and w_11^(1) for an update. `truth` is read from `next`,
/// the state the step will reach (`Stepper::peek`), so it is the number the step will show; the hint is
/// the formula with the numbers known before the step.
///
/// # Errors
/// `kinds` has an unknown word.
pub fn question(
    s: &StepState,
    next: &StepState,
    data: &Dataset,
    eta: f64,
    kinds: &str,
    selected: Option<Place>,
) -> Result<Option<String>, String> {
    let net = &*s.net;
    let depth = net.depth();
    let (sn, si, sj) = selected.unwrap_or((1, 0, Some(0)));
    // (pattern, layer, what: 0 a, 1 Ẽ(μ), 2 δ, 3 Δw)
    let (mu, n, what) = match next.phase {
        Phase::Forward { mu, n } => (Some(mu), n, 0),
        Phase::Error { mu } => (Some(mu), depth, 1),
        Phase::Backward { mu, n } => (Some(mu), n, 2),
        Phase::Update { mu } => (mu, sn, 3),
        Phase::Ready => (None, sn, 3), // never the next phase
    };
    let kind = ["forward", "forward", "delta", "update"][what];
    if !wanted(kinds, kind)? {
        return Ok(None);
    }
    let i = if sn == n { si } else { 0 };
    let j = if what == 3 { sj } else { None };
    let place = (n, i, j.unwrap_or(0));
    let pass = &s.passes[mu.unwrap_or(0)];
    let ahead = &next.passes[mu.unwrap_or(0)];
    let (input, target) = data.pattern(mu.unwrap_or(0));
    let layer = net.layer(n);
    let mut h = String::new();
    let truth = match what {
        0 => {
            // a_i^(n) = b_i^(n) + Σ_j w_ij^(n) x_j^(n−1), x^(0) the input
            let x_in = if n == 1 { input } else { pass.x(net, n - 1) };
            fill(&mut h, "a@^ = Σⱼ w@ⱼ^ xⱼ< + b@^ = ", place);
            for (k, &x) in x_in.iter().enumerate() {
                let w = net.w(n, i, k);
                times(&mut h, w, x);
                h.push_str(" + ");
            }
            put(&mut h, net.b(n, i));
            ahead.a(layer)[i]
        }
        1 => {
            // Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)²
            h = e_symbol(mu.unwrap_or(0)) + " = ½ Σᵢ (tᵢ − ŷᵢ)² = ½ · [";
            for (k, (t, y)) in target.iter().zip(pass.y(net)).enumerate() {
                h.push_str(if k > 0 { " + (" } else { "(" });
                put(&mut h, *t);
                h.push_str(" − ");
                put(&mut h, *y);
                h.push_str(")²");
            }
            h.push(']');
            ahead.e
        }
        2 => {
            let (a, x) = (pass.a(layer)[i], pass.x_out(layer)[i]);
            let g_prime = layer.activation.g_prime(a, x);
            if n == depth {
                // δ_i^(L) = (ŷ_i − t_i) g′(a_i^(L))
                fill(&mut h, "δ@^ = (ŷ@ − t@) · g′(a@^) = (", place);
                put(&mut h, x);
                h.push_str(" − ");
                put(&mut h, target[i]);
                h.push_str(") · ");
                put(&mut h, g_prime);
            } else {
                // δ_i^(n) = g′(a_i^(n)) Σ_k δ_k^(n+1) w_ki^(n+1)
                fill(&mut h, "δ@^ = g′(a@^) · Σₖ δₖ> wₖ@> = ", place);
                put(&mut h, g_prime);
                h.push_str(" · (");
                for (k, d) in pass.delta(net.layer(n + 1)).iter().enumerate() {
                    let w = net.w(n + 1, k, i);
                    if k > 0 {
                        h.push_str(" + ");
                    }
                    times(&mut h, *d, w);
                }
                h.push(')');
            }
            ahead.delta(layer)[i]
        }
        _ => {
            // Δw_ij^(n) = −η ∂E/∂w_ij^(n): −η δ_i^(n) x_j^(n−1) online, summed over μ in batch
            let k = j.map_or(layer.b_index(i), |j| layer.w_index(i, j));
            let template = match (mu, j) {
                (Some(_), Some(_)) => "Δw@#^ = −η δ@^ x#< = −",
                (Some(_), None) => "Δb@^ = −η δ@^ = −",
                (None, Some(_)) => "Δw@#^ = −η ∂E/∂w@#^ = −",
                (None, None) => "Δb@^ = −η ∂E/∂b@^ = −",
            };
            fill(&mut h, template, place);
            h += &rounded(eta);
            h.push_str(" · ");
            if mu.is_some() {
                put(&mut h, pass.delta(layer)[i]);
                if let Some(j) = j {
                    h.push_str(" · ");
                    put(&mut h, pass.x(net, n - 1)[j]);
                }
            } else {
                put(&mut h, s.grad[k]);
            }
            next.delta_w[k]
        }
    };
    let sym = match what {
        0 => symbol("a", n, i, None),
        1 => e_symbol(mu.unwrap_or(0)),
        2 => symbol("δ", n, i, None),
        _ => String::from("Δ") + &weight_symbol(n, i, j),
    };
    let mut out = Json::default();
    out.open("", '{')
        .text("kind", kind)
        .text("quantity", ["a", "E", "delta", "dw"][what]);
    out.text("symbol", &sym)
        .num("mu", mu.map_or(-1.0, |m| m as f64));
    out.num("n", n as f64)
        .num("i", i as f64)
        .num("j", j_field(j));
    out.text("hint", &h);
    put_truth(&mut out, truth);
    if what == 0 {
        // The forward step computes x_i^(n) = g(a_i^(n)) too: asked once a is known.
        let mut h = String::new();
        fill(&mut h, "x@^ = g(a@^) = ", place);
        push(&mut h, &[layer.activation.name(), "("]);
        put(&mut h, truth);
        h.push(')');
        out.open("then", '{')
            .text("quantity", "x")
            .text("symbol", &symbol("x", n, i, None))
            .text("hint", &h);
        put_truth(&mut out, ahead.x_out(layer)[i]);
        out.close('}');
    }
    out.close('}');
    Ok(Some(out.0))
}

/// `"truth"`: the number, or "NaN", "Infinity", "-Infinity" as text when training diverged (JSON
/// has no such numbers; [`read_answer`] reads them back).
fn put_truth(out: &mut Json, v: f64) {
    if v.is_finite() {
        out.num("truth", v);
    } else {
        out.text(
            "truth",
            if v.is_nan() {
                "NaN"
            } else if v > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            },
        );
    }
}

/// What a student typed, as a number: "0.5", " -1e-3 ", "0,5" (a decimal comma), "−0.2" (the
/// Unicode minus), and "NaN", "Infinity", "∞" with a sign.
///
/// # Errors
/// Anything else, as [`crate::json::read_number`] says: "Your answer: “abc” is not a number".
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
    match special {
        Some(v) => Ok(if neg { -v } else { v }),
        None => crate::json::read_number(&t, true)
            .map_err(|why| format!("Your answer: {}", why.reason(text))),
    }
}

/// How far an answer may be from the truth and still count: this fraction of |truth| …
pub const RELATIVE: f64 = 0.01;
/// … or, for tiny numbers, this much.
pub const ABSOLUTE: f64 = 1e-4;

/// Whether `answer` counts as `truth`: |answer − truth| ≤ max(0.01 |truth|, 10⁻⁴); a non-finite
/// truth (training diverged) only by the same non-finite answer.
pub fn is_right(answer: f64, truth: f64) -> bool {
    if truth.is_finite() {
        (answer - truth).abs() <= (RELATIVE * truth.abs()).max(ABSOLUTE)
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
