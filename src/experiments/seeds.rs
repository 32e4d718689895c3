//! Many seeds: the same architecture and η trained from seeds s₀ … s₀ + S − 1, each run on its
//! own, so any split of the seeds over workers gives the same numbers. How many solve the task is
//! the lecture's lesson about local minima, measured.

use crate::grid::{evaluate_grid, Quantity};
use crate::session::Session;
use crate::setup::MAX_SEED;
use crate::train::Mode;

use super::run::Runner;
use super::{check_epochs, right_count, MAX_SEEDS, MAX_THUMB, MIN_THUMB};

/// One seed's run.
#[derive(Clone, Debug, PartialEq)]
pub struct SeedRun {
    /// The seed of the initial weights.
    pub seed: u64,
    /// E after the last epoch run.
    pub final_e: f64,
    /// The first epoch after which [`super::solved`] held.
    pub solved_at: Option<u64>,
    /// Patterns with every output on the right side of ½ at the end ([`super::right_count`]).
    pub right: usize,
    /// The first epoch whose E or weights were not finite; the run stopped there.
    pub diverged_at: Option<u64>,
    /// thumb × thumb values of ŷ₁ over the data set's domain, rows from the top (largest x₂),
    /// columns from the left, as the boundary view's grid ([`evaluate_grid`]); NaN for a network
    /// with more than 2 inputs (no plane to draw).
    pub thumb: Vec<f64>,
}

/// Trains the session's architecture from each seed of `first_seed .. first_seed + count` for
/// `epochs` epochs at the session's η in `mode`, on the session's data set. Each run is what
/// `Session::train` would do from that seed's epoch 0, bit for bit.
///
/// # Errors
/// count outside 1..=[`MAX_SEEDS`], seeds past the largest seed, epochs outside
/// 1..=[`super::MAX_EXPERIMENT_EPOCHS`], thumb outside [`MIN_THUMB`]..=[`MAX_THUMB`], or no memory
/// for the results.
pub fn seed_runs(
    session: &Session,
    (first_seed, count): (u64, u64),
    epochs: u64,
    mode: Mode,
    thumb: usize,
) -> Result<Vec<SeedRun>, String> {
    if !(1..=MAX_SEEDS).contains(&count) {
        return Err(format!("seeds: enter a whole number from 1 to {MAX_SEEDS}"));
    }
    if first_seed > MAX_SEED - (count - 1) {
        return Err(format!("seeds: the last seed must be at most {MAX_SEED}"));
    }
    check_epochs(epochs)?;
    if !(MIN_THUMB..=MAX_THUMB).contains(&thumb) {
        return Err(format!(
            "thumb: expected a side from {MIN_THUMB} to {MAX_THUMB}"
        ));
    }
    let (data, eta) = (session.data(), session.eta());
    let mut net = session.net().clone();
    let mut runner = Runner::new(&net);
    let mut runs = Vec::new();
    runs.try_reserve_exact(count as usize)
        .map_err(|_| "seeds: out of memory for the results".to_string())?;
    let mut grid = Vec::new();
    for seed in first_seed..first_seed + count {
        net.init(seed); // epoch 0's weights, as Setup::model draws them
        let o = runner.run(&mut net, data, (eta, mode), epochs, &[]);
        let mut picture = Vec::new();
        picture
            .try_reserve_exact(thumb * thumb)
            .map_err(|_| "seeds: out of memory for the thumbnails".to_string())?;
        match evaluate_grid(
            &net,
            data.domain(),
            (thumb, thumb),
            Quantity::X,
            true,
            &mut grid,
        ) {
            Ok(()) => picture.extend(grid[..thumb * thumb].iter().map(|&y| f64::from(y))),
            Err(_) => picture.resize(thumb * thumb, f64::NAN),
        }
        runs.push(SeedRun {
            seed,
            final_e: o.final_e,
            solved_at: o.solved_at,
            right: right_count(&net, data),
            diverged_at: o.diverged_at,
            thumb: picture,
        });
    }
    Ok(runs)
}
