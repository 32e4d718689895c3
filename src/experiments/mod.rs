//! Experiments a fast engine can run in seconds: an η sweep, many seeds, and the loss landscape.
//!
//! Every run starts from the seed's initial weights: the session's network (its architecture and
//! activations) with [`Network::init`]`(seed)`, the function [`crate::setup::Setup::model`] draws
//! epoch 0's weights with, on the session's data set. Training is [`crate::train::Trainer::epoch`],
//! the loop `Session::train` runs, so a run here gives the same numbers, bit for bit, as the main
//! view trained for as many epochs (`tests/experiments.rs`).
//!
//! - [`sweep`]: one run per η, E against epoch (the valley between "too slow" and "diverges").
//! - [`seeds`]: one run per seed, how many solve the task (the lecture's local minima, measured).
//! - [`landscape`]: E over a plane through the current weights along two parameters.
//!
//! The limits below are the core's: the page reads them from `Lab.limits()` (`experiments`).

pub mod landscape;
pub mod run;
pub mod seeds;
pub mod sweep;

use crate::dataset::Dataset;
use crate::forward::forward;
use crate::network::Network;
use crate::pass::Pass;
use crate::setup::check_eta;

/// Most η values in one sweep.
pub const MAX_ETAS: usize = 64;
/// Most epochs of one experiment run.
pub const MAX_EXPERIMENT_EPOCHS: u64 = 100_000;
/// Most seeds in one seeds experiment.
pub const MAX_SEEDS: u64 = 10_000;
/// Smallest side of a seed's thumbnail (thumb × thumb values of ŷ₁).
pub const MIN_THUMB: usize = 4;
/// Largest side of a seed's thumbnail.
pub const MAX_THUMB: usize = 32;
/// Smallest side of the loss landscape's grid.
pub const MIN_RES: usize = 11;
/// Largest side of the loss landscape's grid.
pub const MAX_RES: usize = 301;
/// Smallest half-width of the landscape's plane (w_p⁰ ± span).
pub const MIN_SPAN: f64 = 1e-3;
/// Largest half-width of the landscape's plane.
pub const MAX_SPAN: f64 = 1e3;
/// Most points of a training path drawn on the landscape.
pub const MAX_PATH_POINTS: usize = 2000;

/// The sweep's η values by default: 10^(−2 + k/3) for k = 0..12 (0.01 … 100), rounded to three
/// significant digits so that the field shows them short.
pub const DEFAULT_ETAS: [f64; 13] = [
    0.01, 0.0215, 0.0464, 0.1, 0.215, 0.464, 1.0, 2.15, 4.64, 10.0, 21.5, 46.4, 100.0,
];
/// Epochs of a sweep run by default.
pub const DEFAULT_EPOCHS: u64 = 2000;
/// Seeds of a seeds experiment by default.
pub const DEFAULT_SEEDS: u64 = 100;
/// Epochs of a seed's run by default (as `tests/xor.rs` trains them).
pub const DEFAULT_SEED_EPOCHS: u64 = 5000;
/// The landscape's side by default (odd: the centre cell is the current weights).
pub const DEFAULT_RES: usize = 101;
/// The landscape's half-width by default.
pub const DEFAULT_SPAN: f64 = 4.0;
/// A thumbnail's side by default.
pub const DEFAULT_THUMB: usize = 16;
/// The epochs looked back over to pick the two parameters that moved most, by default.
pub const DEFAULT_WINDOW: u64 = 100;

/// The network of `template`'s shape and activations with the weights `seed` draws, exactly as a
/// session's epoch 0 ([`Network::init`]).
pub fn initial_net(template: &Network, seed: u64) -> Network {
    let mut net = template.clone();
    net.init(seed);
    net
}

/// Whether y lies on the same side of ½ as t (both above, both below, or both exactly ½).
fn same_side(y: f64, t: f64) -> bool {
    y.partial_cmp(&0.5).is_some() && y.partial_cmp(&0.5) == t.partial_cmp(&0.5)
}

/// (E, patterns right) at the network's weights, using `pass` as scratch: E = ½ Σ_μ Σ_i (t_i − ŷ_i)²
/// summed in the order of [`crate::forward::error`] (bit for bit the same), a pattern right when
/// every output ŷ_i is on the same side of ½ as its target t_i.
pub fn judge(net: &Network, data: &Dataset, pass: &mut Pass) -> (f64, usize) {
    let (mut e, mut right) = (0.0, 0);
    for mu in 0..data.len() {
        let (input, target) = data.pattern(mu);
        forward(net, input, pass);
        e += crate::forward::pattern_error(net, target, pass);
        right += usize::from(
            pass.y(net)
                .iter()
                .zip(target)
                .all(|(&y, &t)| same_side(y, t)),
        );
    }
    (e, right)
}

/// E below which a task counts as solved: 0.01 · P / 4 (0.01 for XOR's four patterns).
pub fn solved_below(data: &Dataset) -> f64 {
    0.01 * data.len() as f64 / 4.0
}

/// Whether the network solves the task — the criterion of `tests/xor.rs`, generalised: every
/// output ŷ_i^μ of every pattern μ on the same side of ½ as its target t_i^μ, and
/// E = ½ Σ_μ Σ_i (t_i^μ − ŷ_i^μ)² < 0.01 · P / 4 for P patterns (for XOR's 4: E < 0.01).
/// A data set without patterns is never solved.
pub fn solved(net: &Network, data: &Dataset) -> bool {
    let (e, right) = judge(net, data, &mut Pass::new(net));
    right == data.len() && e < solved_below(data)
}

/// How many patterns have every output on the same side of ½ as its target.
pub fn right_count(net: &Network, data: &Dataset) -> usize {
    judge(net, data, &mut Pass::new(net)).1
}

/// `text` cut to 24 characters, for a message.
fn cut(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

/// The η values typed in a field: numbers separated by commas, semicolons or spaces ("0.1, 1 10").
/// A comma between two digits ("1,5") could be a decimal comma or a separator, so it is refused
/// with a message saying how to write either, rather than read as two values.
///
/// # Errors
/// Says which item is wrong: `η values: "abc" is not a number`, `η values: 0 is not > 0`,
/// `η values: enter at least one`, `η values: at most 64, got 70`, `η values: "1,5" — write a
/// decimal with a point (1.5) and separate values with ", " or spaces`.
pub fn parse_eta_list(text: &str) -> Result<Vec<f64>, String> {
    for item in text.split(|c: char| c == ';' || c.is_whitespace()) {
        let b = item.as_bytes();
        if (1..b.len().saturating_sub(1))
            .any(|k| b[k] == b',' && b[k - 1].is_ascii_digit() && b[k + 1].is_ascii_digit())
        {
            return Err(format!(
                "η values: \"{}\" — write a decimal with a point (1.5) and separate values with \", \" or spaces",
                cut(item)
            ));
        }
    }
    let mut etas = Vec::new();
    for item in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if item.is_empty() {
            continue;
        }
        let v = match crate::json::read_number(item, false) {
            Ok(v) => v,
            Err(crate::json::NotNumber::Text) => {
                return Err(format!("η values: \"{}\" is not a number", cut(item)))
            }
            Err(why) => return Err(format!("η values: {}", why.reason(item))),
        };
        check_eta(v).map_err(|_| eta_refused(&cut(item), v))?;
        etas.push(v);
    }
    check_count(etas.len())?;
    Ok(etas)
}

/// Why η = `v` (shown as `shown`) is refused.
fn eta_refused(shown: &str, v: f64) -> String {
    if v.is_finite() {
        format!("η values: {shown} is not > 0")
    } else {
        format!("η values: {shown} is not a finite number")
    }
}

/// 1 to [`MAX_ETAS`] values.
fn check_count(n: usize) -> Result<(), String> {
    match n {
        0 => Err("η values: enter at least one".into()),
        n if n > MAX_ETAS => Err(format!("η values: at most {MAX_ETAS}, got {n}")),
        _ => Ok(()),
    }
}

/// η values given as numbers: 1 to [`MAX_ETAS`] of them, each a learning rate
/// ([`check_eta`]: finite, > 0).
///
/// # Errors
/// As [`parse_eta_list`], with the value rounded.
pub fn check_etas(etas: &[f64]) -> Result<(), String> {
    check_count(etas.len())?;
    for &v in etas {
        check_eta(v).map_err(|_| eta_refused(&crate::json::rounded(v), v))?;
    }
    Ok(())
}

/// A count typed in a field: a whole number from `min` to `max` (digits only, spaces around).
///
/// # Errors
/// Anything else: `seeds: enter a whole number from 1 to 10000`.
pub fn parse_count(text: &str, what: &str, min: u64, max: u64) -> Result<u64, String> {
    let t = text.trim();
    let digits = !t.is_empty() && t.len() <= 19 && t.bytes().all(|b| b.is_ascii_digit());
    match t.parse::<u64>() {
        Ok(n) if digits && (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("{what}: enter a whole number from {min} to {max}")),
    }
}

/// The landscape's range ± typed in a field: a number from [`MIN_SPAN`] to [`MAX_SPAN`] (a decimal
/// comma read as a point, "−" as "-").
///
/// # Errors
/// Anything else: `range: enter a number from 0.001 to 1000`.
pub fn parse_span(text: &str) -> Result<f64, String> {
    match crate::json::read_number(text, true) {
        Ok(v) if (MIN_SPAN..=MAX_SPAN).contains(&v) => Ok(v),
        _ => Err("range: enter a number from 0.001 to 1000".into()),
    }
}

/// Epochs of an experiment run: 1 to [`MAX_EXPERIMENT_EPOCHS`].
///
/// # Errors
/// Out of range, saying the range.
pub fn check_epochs(epochs: u64) -> Result<(), String> {
    if (1..=MAX_EXPERIMENT_EPOCHS).contains(&epochs) {
        Ok(())
    } else {
        Err(format!(
            "epochs: enter a whole number from 1 to {MAX_EXPERIMENT_EPOCHS}"
        ))
    }
}
