//! Settings that suit the data: the architecture, η and mode each built-in data set opens with, an
//! η suggested from P and the network for any data, and warnings read off the loss curve.
//!
//! E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)² stays the lecture's sum over patterns, so a batch step sums P
//! gradients: with P = 100 it is 25 times XOR's (P = 4). Rather than averaging, η is scaled here.

use crate::activation::Activation;
use crate::dataset::Dataset;
use crate::forward::forward;
use crate::history::LossHistory;
use crate::json::rounded;
use crate::network::Network;
use crate::pass::Pass;
use crate::train::Mode;

/// An η that suits this data and network, rounded to 1, 2 or 5 × 10^k:
///
/// η = 16 / (P · s · k · L), in both modes, where
/// - P, the number of patterns: a batch step sums P gradients; online, each update is one
///   pattern's, but the P updates of an epoch move the weights about as far as one batch step
///   (measured: online with √P in place of P the spiral fails; with P every set solves);
/// - s = max(1, √((1 + mean_μ |x^(0),μ|²) / 2)), the inputs' root mean square with the bias input
///   x_0 = 1, against XOR's √((1 + 1) / 2) = 1 (larger inputs, larger ∂E/∂w^(1));
/// - k, how steep the layers make E: 1 for a sigmoid output (g′ ≤ ¼), 16 for tanh (g′ ≤ 1, and
///   16 = (1 / ¼)²), 32 for relu or linear (unbounded too); at least 4 when a hidden layer is relu
///   or linear;
/// - L, the number of weight layers: each adds its own share.
///
/// It gives the lecture's η = 2 for XOR with 2-2-1 sigmoid in batch mode, and 0.1 for 100 points
/// with one tanh hidden layer. The factors are measured (every built-in set, sigmoid, tanh and
/// relu hidden layers, sigmoid, tanh and linear outputs, 10 seeds each): this η solves about as
/// often as any and within about 3× of the fastest η's epochs; at 4× nearly all runs still solve,
/// at 8× most runs fail. s enters as √ of the x² in ∂E/∂w^(1) because units fed large inputs
/// saturate, which damps the rest; scaling the inputs to about ±1 helps more than any η.
pub fn suggested_eta(data: &Dataset, net: &Network) -> f64 {
    let p = data.len().max(1) as f64;
    // s, the inputs' root mean square with the bias input x_0 = 1, against XOR's √((1 + 1) / 2).
    let mut squares = 0.0;
    for mu in 0..data.len() {
        squares += data.pattern(mu).0.iter().map(|x| x * x).sum::<f64>();
    }
    let s = ((1.0 + squares / p) / 2.0).sqrt().max(1.0);
    let steepness = |g: Activation| -> f64 {
        match g {
            Activation::Sigmoid => 1.0,
            Activation::Tanh => 16.0,
            Activation::Relu | Activation::Linear => 32.0,
        }
    };
    let (hidden, out) = net.layers().split_at(net.depth() - 1);
    let unbounded_hidden = hidden
        .iter()
        .any(|l| matches!(l.activation, Activation::Relu | Activation::Linear));
    let k = steepness(out[0].activation).max(if unbounded_hidden { 4.0 } else { 1.0 });
    one_two_five(16.0 / (p * s * k * net.depth() as f64))
}

/// The nearest of 1, 2 or 5 × 10^k to `v` on a log scale.
fn one_two_five(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let k = v.log10().floor();
    // 10^k parsed from text, the f64 nearest it (as `powf` would give, without libm's pow).
    let m = v / crate::json::parse_f64(&format!("1e{k}")).unwrap_or(1.0);
    // Boundaries at the geometric means: √2, √10, √50.
    let (digit, k) = match m {
        m if m < 2f64.sqrt() => (1, k),
        m if m < 10f64.sqrt() => (2, k),
        m if m < 50f64.sqrt() => (5, k),
        _ => (1, k + 1.0),
    };
    // Parsed from text so 0.05 is the double nearest 0.05, not 5 × 0.01.
    crate::json::parse_f64(&format!("{digit}e{k}")).unwrap_or(v)
}

/// η's advice: the suggested value and a sentence about it.
#[derive(Clone, Debug, PartialEq)]
pub struct EtaAdvice {
    /// [`suggested_eta`].
    pub suggested: f64,
    /// "η = 2 with 100 patterns is likely too large: try 0.1".
    pub text: String,
}

/// How far η may stray above [`suggested_eta`] before it is called too large. At 4× nearly every
/// measured run still solves; at 8× most fail (outputs saturate, E oscillates): the next step up
/// the 1-2-5 grid past 4× is already 5×.
pub const TOO_LARGE: f64 = 4.0;

/// How far below [`suggested_eta`] η may be before it is called too small. Epochs to solve grow
/// as 1/η: 10× smaller is 10× slower, while a few times smaller still solves in good time, and a
/// small η is never harmful, only slow.
pub const TOO_SMALL: f64 = 10.0;

/// Some(advice) when η is more than [`TOO_LARGE`] times [`suggested_eta`] or less than
/// 1/[`TOO_SMALL`] of it, e.g. "η = 2 with 100 patterns is likely too large: try 0.1"; None when
/// it is fine.
pub fn eta_advice(eta: f64, data: &Dataset, net: &Network) -> Option<EtaAdvice> {
    let suggested = suggested_eta(data, net);
    let verdict = if eta > TOO_LARGE * suggested {
        "too large"
    } else if eta * TOO_SMALL < suggested {
        "too small"
    } else {
        return None;
    };
    let p = data.len();
    let patterns = if p == 1 { "pattern" } else { "patterns" };
    let text = format!(
        "η = {} with {p} {patterns} is likely {verdict}: try {}",
        rounded(eta),
        rounded(suggested)
    );
    Some(EtaAdvice { suggested, text })
}

/// Recorded epochs the oscillation check looks back over.
pub const WINDOW: usize = 50;

/// An output x^(L) within this of g^(L)'s bound counts as saturated: there g′ < 0.01, under 4 % of
/// the sigmoid's peak ¼.
pub const SATURATED: f64 = 0.01;

/// Warnings from the loss curve and the outputs; empty when all is well.
///
/// - "E oscillates: …" when, over a block of [`WINDOW`] recorded points (the last complete one,
///   or the one before it: blocks start at multiples of WINDOW, so the answer holds for a block),
///   E rises at least 2 times in 5, the mean step |ΔE| is at least 1 % of E, and E does not fall overall (the last tenth's
///   mean is not below 98 % of the first tenth's). Points are thinned as the curve grows (see
///   [`LossHistory`]), so a pure period-2 swing can hide once the curve keeps every second epoch.
/// - "every output is saturated: …" when every output x^(L) of every pattern lies within
///   [`SATURATED`] of g^(L)'s bounds (sigmoid 0 and 1, tanh ±1; never for linear or relu) and some
///   pattern is on the wrong side of the middle of g's range (½ for a sigmoid): g′ ≈ 0, so δ^(L) ≈ 0 and learning stalls. (A network that
///   has learned its 0/1 targets saturates too; that is no warning.)
///
/// Costs one pass over the curve's last points and at most one forward pass over the patterns.
pub fn warnings(history: &LossHistory, net: &Network, data: &Dataset) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(text) = oscillation(history.errors()) {
        out.push(Warning {
            kind: "oscillation",
            text,
        });
    }
    if let Some(text) = saturation(net, data) {
        out.push(Warning {
            kind: "saturation",
            text,
        });
    }
    out
}

/// A warning: its kind (`oscillation` or `saturation`, for a page to name it) and its sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// `oscillation` or `saturation`.
    pub kind: &'static str,
    /// What is wrong and what to try.
    pub text: String,
}

/// The oscillation warning for E's recorded values, if they oscillate (see [`warnings`]).
fn oscillation(errors: &[f64]) -> Option<String> {
    // Judged on whole blocks of WINDOW points (so the answer cannot flip with every new epoch),
    // the last complete one or the one before it (so once on, it stays on for a block).
    if errors.last().is_some_and(|e| !e.is_finite()) {
        return None; // diverged: the page says so on its own
    }
    let end = errors.len() - errors.len() % WINDOW;
    let block = |k: usize| {
        end.checked_sub(k * WINDOW)
            .map(|e0| &errors[e0..e0 + WINDOW])
    };
    block(1)
        .and_then(oscillating)
        .or_else(|| block(2).and_then(oscillating))
}

/// The oscillation warning for one block of [`WINDOW`] recorded values of E, if they oscillate.
fn oscillating(e: &[f64]) -> Option<String> {
    if e.len() < WINDOW || e.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let (mut ups, mut downs, mut size) = (0, 0, 0.0);
    for w in e.windows(2) {
        let d = w[1] - w[0];
        ups += (d > 0.0) as usize;
        downs += (d < 0.0) as usize;
        size += d.abs();
    }
    let size = size / (e.len() - 1) as f64; // the mean step |ΔE|
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let tenth = WINDOW / 10;
    let no_fall = mean(&e[WINDOW - tenth..]) >= 0.98 * mean(&e[..tenth]);
    (5 * ups >= 2 * (ups + downs) && size >= 0.01 * mean(e) && no_fall).then(|| {
        format!(
            "E oscillates: over {WINDOW} recorded epochs it rose {ups} times and fell \
             {downs} times without falling overall; η may be too large: try a smaller one"
        )
    })
}

/// The saturation warning for `net` on `data`, if every output is saturated (see [`warnings`]).
fn saturation(net: &Network, data: &Dataset) -> Option<String> {
    let (lo, hi) = net.layers()[net.depth() - 1].activation.range();
    if !(lo.is_finite() && hi.is_finite()) {
        return None; // relu, linear: no bound on both sides to saturate at
    }
    let mut pass = Pass::new(net);
    let mut wrong = 0;
    for mu in 0..data.len() {
        let (input, target) = data.pattern(mu);
        forward(net, input, &mut pass);
        let y = pass.x(net, net.depth());
        if y.iter().any(|&y| y - lo > SATURATED && hi - y > SATURATED) {
            return None;
        }
        // On the wrong side of the middle of g's range (½ for a sigmoid, 0 for tanh).
        let mid = 0.5 * lo + 0.5 * hi;
        wrong += y.iter().zip(target).any(|(y, t)| (y > &mid) != (t > &mid)) as usize;
    }
    (wrong > 0).then(|| {
        format!(
            "every output is saturated: x⁽ᴸ⁾ sits within {SATURATED} of g⁽ᴸ⁾'s bounds for all {} \
             patterns, so g′ ≈ 0 and learning stalls with {wrong} wrong; try a smaller η or \
             another seed",
            data.len()
        )
    })
}

/// One line for where η is set, on how P scales a step.
///
/// Batch: "E sums over the P = 100 patterns, so a batch step is 25× XOR's: scale η by 1/P."
/// Online: each update is one pattern's, but an epoch's P updates add up to about one batch step.
pub fn scaling_line(data: &Dataset, mode: Mode) -> String {
    let p = data.len();
    let times = format!("{}× XOR's", rounded(p as f64 / 4.0));
    match mode {
        Mode::Batch if p == 4 => {
            "E sums over the P = 4 patterns: a batch step adds their 4 gradients; with more patterns, scale η by 1/P.".to_string()
        }
        Mode::Batch => {
            let patterns = if p == 1 { "pattern" } else { "patterns" };
            format!(
                "E sums over the P = {p} {patterns}, so a batch step is {times}: scale η by 1/P."
            )
        }
        Mode::Online if p == 4 => {
            "Online, each update is one pattern's gradient; the P = 4 updates of an epoch add up to about one batch step, and with more patterns, scale η by 1/P.".to_string()
        }
        Mode::Online => format!(
            "Online, each update is one pattern's gradient, but the P = {p} updates of an epoch \
             add up to about one batch step, {times}: scale η by 1/P here too."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etas_round_to_one_two_five() {
        let cases = [
            (2.0, 2.0),
            (0.08, 0.1),
            (0.053, 0.05),
            (0.04, 0.05),
            (0.16, 0.2),
            (0.027, 0.02),
            (3.3, 5.0),
            (7.2, 10.0),
            (1.3e-7, 1e-7),
        ];
        for (v, want) in cases {
            assert_eq!(one_two_five(v), want, "{v}");
        }
        assert_eq!(one_two_five(f64::NAN), 1.0);
    }

    #[test]
    fn oscillation_needs_swings_without_progress() {
        let swing: Vec<f64> = (0..60).map(|k| 5.0 + (k % 2) as f64).collect();
        assert!(oscillation(&swing).is_some());
        assert!(
            oscillation(&swing[..WINDOW - 1]).is_none(),
            "too few points"
        );
        let falling: Vec<f64> = (0..60).map(|k| 5.0 - 0.05 * k as f64).collect();
        assert!(oscillation(&falling).is_none());
        let falling_with_swings: Vec<f64> = (0..60)
            .map(|k| 5.0 - 0.05 * k as f64 + 0.2 * (k % 2) as f64)
            .collect();
        assert!(
            oscillation(&falling_with_swings).is_none(),
            "E falls overall"
        );
        let jitter: Vec<f64> = (0..60).map(|k| 5.0 + 1e-9 * (k % 2) as f64).collect();
        assert!(
            oscillation(&jitter).is_none(),
            "rounding noise at a plateau"
        );
        let mut broken = swing.clone();
        broken[59] = f64::NAN;
        assert!(oscillation(&broken).is_none());
    }

    #[test]
    fn the_oscillation_warning_changes_only_at_block_ends() {
        // A noisy plateau: E swings irregularly; the warning may change only every WINDOW points.
        let mut rng = crate::rng::Rng::new(3);
        let e: Vec<f64> = (0..1000)
            .map(|_| 5.0 + (rng.next_u64() % 1000) as f64 / 1000.0)
            .collect();
        for n in WINDOW..e.len() {
            if n % WINDOW != 0 {
                assert_eq!(oscillation(&e[..n]), oscillation(&e[..n - 1]), "at {n}");
            }
        }
    }
}
