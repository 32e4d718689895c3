//! Rewinding a session: the timeline's epochs, scrubbing to one, restoring the last good state
//! after a blow-up, and replacing the weights (a shared link's).

use super::Session;
use crate::forward::error;
use crate::stepper::Stepper;

/// Most kept epochs [`Session::restore_last_good`] evaluates exactly (each costs one E).
pub const RESTORE_PROBES: usize = 64;

impl Session {
    /// Every epoch the timeline kept (the last 10 000 one by one, older ones thinned).
    pub fn timeline_epochs(&self) -> Vec<u64> {
        self.timeline.epochs()
    }

    /// Goes back (or forward) to the weights after `epoch` epochs, kept in the timeline. The loss
    /// curve and the timeline keep their later part until training resumes from here.
    ///
    /// # Errors
    /// An epoch the timeline does not hold.
    pub fn scrub_to(&mut self, epoch: u64) -> Result<(), String> {
        let w = self
            .timeline
            .weights(epoch)
            .ok_or_else(|| format!("epoch {epoch} is not in the timeline"))?
            .to_vec();
        let mut net = self.net().clone();
        net.params_mut().copy_from_slice(&w);
        self.stepper = Stepper::new(net, epoch, self.data.len());
        Ok(())
    }

    /// Goes back to the last good state: the latest kept epoch whose E is finite and at most twice
    /// the lowest E on the loss curve (a state a moment before a blow-up has finite but hopeless
    /// weights). Returns that epoch.
    ///
    /// Bounded work on any network: the loss curve says which kept epochs are worth a look (E at
    /// or just before each), and at most [`RESTORE_PROBES`] of them are evaluated exactly, newest
    /// first; failing those, the one with the lowest E seen wins.
    ///
    /// # Errors
    /// No kept epoch has a finite E, or none has finite weights (said apart: E can be finite at
    /// NaN weights).
    pub fn restore_last_good(&mut self) -> Result<u64, String> {
        let best = self.history.lowest().unwrap_or(f64::INFINITY);
        let mut probe = self.net().clone();
        let mut exact = |epoch: u64| {
            probe
                .params_mut()
                .copy_from_slice(self.timeline.weights(epoch).expect("listed"));
            if probe.is_finite() {
                error(&probe, &self.data)
            } else {
                f64::NAN
            }
        };
        let epochs = self.timeline.epochs();
        let hopeful = epochs
            .iter()
            .rev()
            .filter(|&&k| {
                let curve = self.history.at(k);
                curve.is_nan() || curve <= 4.0 * best
            })
            .take(RESTORE_PROBES);
        let mut fallback: Option<(u64, f64)> = None;
        for &epoch in hopeful {
            let e = exact(epoch);
            if e.is_finite() && e <= 2.0 * best {
                self.scrub_to(epoch)?;
                return Ok(epoch);
            }
            if e.is_finite() && fallback.is_none_or(|(_, f)| e < f) {
                fallback = Some((epoch, e));
            }
        }
        if fallback.is_none() {
            // Nothing hopeful was finite: the first epoch kept is the last resort.
            if let Some(&first) = epochs.first() {
                let e = exact(first);
                if e.is_finite() {
                    fallback = Some((first, e));
                }
            }
        }
        let Some((epoch, _)) = fallback else {
            let finite = |k: &u64| {
                self.timeline
                    .weights(*k)
                    .is_some_and(|w| w.iter().all(|v| v.is_finite()))
            };
            return Err(match epochs.iter().any(finite) {
                true => "no kept epoch has a finite E".into(),
                false => "the weights of every kept epoch are no longer finite numbers (E can look finite at such weights: a ReLU gives 0 for NaN)".into(),
            });
        };
        self.scrub_to(epoch)?;
        Ok(epoch)
    }

    /// Replaces every weight and bias (parameter layout); the epoch count stays.
    ///
    /// # Errors
    /// The wrong number of values, or one that is not finite; nothing changes then.
    pub fn set_weights(&mut self, w: &[f64]) -> Result<(), String> {
        let n = self.net().params().len();
        if w.len() != n {
            return Err(format!("weights: expected {n} numbers, got {}", w.len()));
        }
        if let Some(k) = w.iter().position(|v| !v.is_finite()) {
            return Err(format!("weights[{k}]: expected a finite number"));
        }
        let mut net = self.net().clone();
        net.params_mut().copy_from_slice(w);
        let epoch = self.epoch();
        self.timeline.record(epoch, w)?;
        self.stepper = Stepper::new(net, epoch, self.data.len());
        Ok(())
    }
}
