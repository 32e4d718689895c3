//! The η sweep: from the seed's initial weights, one run per η for the same number of epochs, in
//! the session's mode. Which η is best, and what "too large a step" does to E.

use crate::session::Session;

use super::run::Runner;
use super::{check_epochs, check_etas, initial_net};

/// Most curve points of a run after epoch 0.
pub const CURVE_POINTS: usize = 256;

/// One η's run.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    /// η.
    pub eta: f64,
    /// (k, E after k epochs): k = 0, then up to [`CURVE_POINTS`] epochs spread log-evenly over
    /// 1..=epochs ([`curve_epochs`]), always with the last epoch run (the diverged one, if so).
    pub curve: Vec<(u64, f64)>,
    /// E after the last epoch run.
    pub final_e: f64,
    /// The first epoch after which [`super::solved`] held.
    pub solved_at: Option<u64>,
    /// The first epoch whose E or weights were not finite; the run stopped there.
    pub diverged_at: Option<u64>,
}

/// The epochs a curve is sampled at: 0, then for i = 1..=256 the smallest k > the previous one
/// with log₁₀ k ≥ (i / 256) · log₁₀ `epochs` (every epoch when there are at most 256); the last is
/// `epochs`.
pub fn curve_epochs(epochs: u64) -> Vec<u64> {
    let mut out = vec![0];
    if epochs <= CURVE_POINTS as u64 {
        out.extend(1..=epochs);
        return out;
    }
    let top = (epochs as f64).log10();
    let mut prev = 0;
    for i in 1..=CURVE_POINTS {
        let target = top * i as f64 / CURVE_POINTS as f64;
        // the smallest k in prev + 1 ..= epochs with log₁₀ k ≥ target (binary search)
        let (mut lo, mut hi) = (prev + 1, epochs);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if (mid as f64).log10() >= target {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(lo);
        prev = lo;
        if prev == epochs {
            break;
        }
    }
    out
}

/// Trains a copy of the session's initial network (its seed's weights) for `epochs` epochs at each
/// η of `etas`, in the session's mode, on its data set. Each run is what `Session::train` would do
/// from epoch 0 at that η, bit for bit.
///
/// # Errors
/// No η, more than [`super::MAX_ETAS`], an η not > 0, or epochs outside
/// 1..=[`super::MAX_EXPERIMENT_EPOCHS`].
pub fn sweep_eta(session: &Session, etas: &[f64], epochs: u64) -> Result<Vec<SweepRun>, String> {
    check_etas(etas)?;
    check_epochs(epochs)?;
    let start = initial_net(session.net(), session.seed());
    let marks = curve_epochs(epochs);
    let mut runner = Runner::new(&start);
    let mut runs = Vec::with_capacity(etas.len());
    for &eta in etas {
        let mut net = start.clone();
        let o = runner.run(
            &mut net,
            session.data(),
            (eta, session.mode()),
            epochs,
            &marks,
        );
        runs.push(SweepRun {
            eta,
            curve: o.curve,
            final_e: o.final_e,
            solved_at: o.solved_at,
            diverged_at: o.diverged_at,
        });
    }
    Ok(runs)
}
