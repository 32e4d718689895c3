//! The loss curve: E against epoch, kept at a bounded size however long training runs.
//!
//! Every epoch is offered; one in `stride` is kept. When the buffer is full, every other kept point is
//! dropped and the stride doubles, so memory stays flat and the curve keeps its shape.

/// Most points kept.
pub const CAPACITY: usize = 4096;

/// (epoch, E) pairs, evenly thinned.
#[derive(Clone, Debug)]
pub struct LossHistory {
    epochs: Vec<f64>,
    errors: Vec<f64>,
    /// 1, 2, 4, …: one epoch in `stride` is kept.
    stride: u64,
}

impl LossHistory {
    /// An empty curve.
    pub fn new() -> LossHistory {
        LossHistory {
            epochs: Vec::new(),
            errors: Vec::new(),
            stride: 1,
        }
    }

    /// Offers E at the start of `epoch`; kept when `epoch` is a multiple of the current stride.
    ///
    /// # Errors
    /// No memory to grow into (the curve is unchanged).
    #[inline(always)]
    pub fn record(&mut self, epoch: u64, e: f64) -> Result<(), String> {
        // The stride is a power of two: a mask instead of a division, every epoch, inlined into
        // the training loop; the kept epochs go on in `keep`.
        if epoch & (self.stride - 1) != 0 {
            return Ok(());
        }
        self.keep(epoch, e)
    }

    /// [`LossHistory::record`] of an epoch on the stride.
    fn keep(&mut self, epoch: u64, e: f64) -> Result<(), String> {
        if self.epochs.len() == CAPACITY {
            let keep = |v: &mut Vec<f64>| {
                let mut k = 0;
                v.retain(|_| {
                    k += 1;
                    k % 2 == 1
                });
            };
            keep(&mut self.epochs);
            keep(&mut self.errors);
            self.stride *= 2;
            if epoch & (self.stride - 1) != 0 {
                return Ok(());
            }
        }
        if self.epochs.last().is_some_and(|&last| last >= epoch as f64) {
            return Ok(()); // a step back re-offers an epoch already drawn
        }
        crate::timeline::grow(&mut self.epochs, 1)?;
        crate::timeline::grow(&mut self.errors, 1)?;
        self.epochs.push(epoch as f64);
        self.errors.push(e);
        Ok(())
    }

    /// The lowest finite E kept, if any.
    pub fn lowest(&self) -> Option<f64> {
        self.errors
            .iter()
            .copied()
            .filter(|e| e.is_finite())
            .reduce(f64::min)
    }

    /// E kept at the latest point at or before `epoch` (NaN when there is none).
    pub fn at(&self, epoch: u64) -> f64 {
        let k = self.epochs.partition_point(|&x| x <= epoch as f64);
        if k == 0 {
            f64::NAN
        } else {
            self.errors[k - 1]
        }
    }

    /// Forgets the points after `epoch` (a run resumed from an earlier point).
    pub fn truncate_after(&mut self, epoch: u64) {
        let keep = self.epochs.partition_point(|&k| k <= epoch as f64);
        self.epochs.truncate(keep);
        self.errors.truncate(keep);
    }

    /// Epoch numbers of the kept points.
    pub fn epochs(&self) -> &[f64] {
        &self.epochs
    }

    /// E at each kept point.
    pub fn errors(&self) -> &[f64] {
        &self.errors
    }

    /// Forgets everything (a new network).
    pub fn clear(&mut self) {
        *self = LossHistory::new();
    }
}

impl Default for LossHistory {
    fn default() -> LossHistory {
        LossHistory::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_bounded_and_spans_the_whole_run() {
        let mut h = LossHistory::new();
        for epoch in 0..1_000_000u64 {
            h.record(epoch, 1.0 / (1.0 + epoch as f64)).unwrap();
        }
        assert!(h.epochs().len() <= CAPACITY && h.epochs().len() > CAPACITY / 2);
        assert_eq!(h.epochs()[0], 0.0);
        assert!(*h.epochs().last().unwrap() > 990_000.0);
        assert!(h.epochs().windows(2).all(|w| w[0] < w[1]));
    }
}
