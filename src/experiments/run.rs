//! One training run from given weights, as `Session::train` runs it (the same
//! [`Trainer::epoch`] calls, stopping after the epoch that made E or a weight non-finite), watching
//! for the first epoch after which the task is solved and recording E at chosen epochs.

use crate::dataset::Dataset;
use crate::forward::error_with;
use crate::network::Network;
use crate::pass::Pass;
use crate::train::{Mode, Trainer};

use super::{judge, solved_below};

/// What one run came to.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Epochs run (fewer than asked when it diverged).
    pub epochs: u64,
    /// E after the last epoch run.
    pub final_e: f64,
    /// The first epoch k (0 = the start) after which [`super::solved`] held.
    pub solved_at: Option<u64>,
    /// The epoch whose E (at its start) or weights (at its end) were not finite; the run stopped
    /// after it.
    pub diverged_at: Option<u64>,
    /// (k, E after k epochs) at the epochs asked for that were run, and at the last epoch run.
    pub curve: Vec<(u64, f64)>,
}

/// Buffers for runs of one network shape (reused from run to run: a run allocates only its curve).
#[derive(Clone, Debug)]
pub struct Runner {
    trainer: Trainer,
    pass: Pass,
    /// The weights before the current epoch (batch mode: the epoch's E is theirs).
    before: Network,
}

impl Runner {
    /// Buffers for `net`'s shape.
    pub fn new(net: &Network) -> Runner {
        Runner {
            trainer: Trainer::new(net),
            pass: Pass::new(net),
            before: net.clone(),
        }
    }

    /// Trains `net` for `epochs` epochs at η = `eta` in `mode`; E after k epochs is recorded for each
    /// k of `marks` (ascending) that is run, and after the last epoch run.
    ///
    /// Batch mode's epoch returns E at the weights it starts from, so the task is judged (one
    /// forward pass per pattern) only when that E is below the threshold: the weights before each
    /// epoch are kept for it. Online, the weights are judged after every epoch until solved.
    pub fn run(
        &mut self,
        net: &mut Network,
        data: &Dataset,
        (eta, mode): (f64, Mode),
        epochs: u64,
        marks: &[u64],
    ) -> Outcome {
        let (p, below) = (data.len(), solved_below(data));
        let batch = mode == Mode::Batch;
        let mut curve = Vec::with_capacity(marks.len() + 1);
        let (e0, right0) = judge(net, data, &mut self.pass);
        let mut solved_at = (right0 == p && e0 < below).then_some(0);
        if marks.first() == Some(&0) {
            curve.push((0, e0));
        }
        let mut next = 0; // the first mark after the epochs done
        let (mut done, mut diverged_at) = (0, None);
        while done < epochs {
            let watching = solved_at.is_none();
            if watching && batch {
                self.before.params_mut().copy_from_slice(net.params());
            }
            let e = self.trainer.epoch(net, data, eta, mode);
            done += 1;
            if watching {
                if batch {
                    // e = E after done − 1 epochs (epoch 0 was judged above)
                    if done >= 2 && e < below {
                        let (e, right) = judge(&self.before, data, &mut self.pass);
                        solved_at = (right == p && e < below).then_some(done - 1);
                    }
                } else {
                    let (e, right) = judge(net, data, &mut self.pass);
                    solved_at = (right == p && e < below).then_some(done);
                }
            }
            let diverged = !e.is_finite() || !net.is_finite();
            while marks.get(next).is_some_and(|&k| k < done) {
                next += 1;
            }
            if marks.get(next) == Some(&done) || diverged || done == epochs {
                curve.push((done, error_with(net, data, &mut self.pass)));
            }
            if diverged {
                diverged_at = Some(done);
                break;
            }
        }
        if solved_at.is_none() && batch && done > 0 {
            let (e, right) = judge(net, data, &mut self.pass);
            solved_at = (right == p && e < below).then_some(done);
        }
        let final_e = match curve.last() {
            Some(&(k, e)) if k == done => e,
            _ => error_with(net, data, &mut self.pass),
        };
        Outcome {
            epochs: done,
            final_e,
            solved_at,
            diverged_at,
            curve,
        }
    }
}
