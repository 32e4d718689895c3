//! The run's timeline: the weights after every epoch of the recent past and a thinning sample of
//! the older past, so a user can scrub back and resume from any kept epoch. Bounded memory; the
//! buffers start empty (a network that is never trained costs nothing) and grow by doubling to
//! their bound, then recording only copies. Growing asks the allocator first, so running out of
//! memory is an `Err`, not a trap.

/// Epochs kept densely (every one), at most.
pub const DENSE_EPOCHS: usize = 10_000;
/// Numbers (weights × epochs) the dense part may hold: big networks keep fewer recent epochs.
pub const DENSE_NUMBERS: usize = 2_000_000;
/// Older epochs kept, at an ever coarser stride.
pub const SPARSE_EPOCHS: usize = 1_000;

/// (epoch, all weights and biases) snapshots.
#[derive(Clone, Debug)]
pub struct Timeline {
    n: usize,
    cap: usize,
    /// Dense epochs are the contiguous range lo..=hi; epoch e sits in slot e % cap.
    range: Option<(u64, u64)>,
    dense: Vec<f64>,
    sparse_epochs: Vec<u64>,
    sparse: Vec<f64>,
    /// A power of two.
    stride: u64,
    /// The last epoch recorded and its slot: the next epoch's slot without a division.
    last_slot: Option<(u64, usize)>,
}

impl Timeline {
    /// An empty timeline for networks of `n` weights and biases.
    pub fn new(n: usize) -> Timeline {
        let cap = (DENSE_NUMBERS / n.max(1)).clamp(64, DENSE_EPOCHS);
        Timeline {
            n,
            cap,
            range: None,
            dense: Vec::new(),
            sparse_epochs: Vec::new(),
            sparse: Vec::new(),
            stride: 1,
            last_slot: None,
        }
    }

    fn slot(&self, epoch: u64) -> std::ops::Range<usize> {
        let s = (epoch % self.cap as u64) as usize;
        s * self.n..(s + 1) * self.n
    }

    /// Forgets every snapshot from `epoch` on (a run resumed from an earlier point).
    pub fn truncate_from(&mut self, epoch: u64) {
        self.range = match self.range {
            Some((lo, _)) if epoch <= lo => None,
            Some((lo, hi)) => Some((lo, hi.min(epoch - 1))),
            None => None,
        };
        let keep = self.sparse_epochs.partition_point(|&e| e < epoch);
        self.sparse_epochs.truncate(keep);
        self.sparse.truncate(keep * self.n);
    }

    /// Records the weights after `epoch` epochs (dropping any snapshot from `epoch` on first).
    ///
    /// # Errors
    /// The memory to grow into could not be had; the timeline is then as it was before the call,
    /// bar snapshots from `epoch` on.
    #[inline(always)]
    pub fn record(&mut self, epoch: u64, w: &[f64]) -> Result<(), String> {
        if let Some(slot) = self.next_slot(epoch) {
            // Element by element: `copy_from_slice` is a call here (this crate is built for
            // size) and then `memory.copy`, which cost a 2-2-1 epoch about 5 %.
            for (d, v) in slot.iter_mut().zip(w) {
                *d = *v;
            }
            return Ok(());
        }
        self.record_any(epoch, w)
    }

    /// The usual case while training, inlined into the loop: `epoch` is the one after the last,
    /// its ring slot exists and nothing moves to the sparse part. Then the snapshot of `epoch` is
    /// this slot, which the caller fills with all n weights before the timeline is read (the
    /// training loop lets the epoch write its weights straight into it); otherwise None, and
    /// [`Timeline::record`] does the rest.
    #[inline(always)]
    pub fn next_slot(&mut self, epoch: u64) -> Option<&mut [f64]> {
        let ((lo, hi), (last, s)) = (self.range?, self.last_slot?);
        let full = (hi - lo + 1) as usize == self.cap;
        if last != hi || hi + 1 != epoch || (full && lo & (self.stride - 1) == 0) {
            return None;
        }
        let s = if s + 1 < self.cap { s + 1 } else { 0 };
        if (s + 1) * self.n > self.dense.len() {
            return None;
        }
        self.range = Some((if full { lo + 1 } else { lo }, epoch));
        self.last_slot = Some((epoch, s));
        self.dense.get_mut(s * self.n..(s + 1) * self.n)
    }

    /// [`Timeline::record`] in every case.
    fn record_any(&mut self, epoch: u64, w: &[f64]) -> Result<(), String> {
        debug_assert_eq!(w.len(), self.n);
        if !matches!(self.range, Some((_, hi)) if hi + 1 == epoch) {
            self.truncate_from(epoch); // not the usual next epoch: a resumed or restarted run
        }
        // Slot epoch % cap, counted on from the last epoch's slot while training goes epoch by
        // epoch (a division per epoch was a noticeable part of a 2-2-1 epoch).
        let s = match self.last_slot {
            Some((last, s)) if last + 1 == epoch && s + 1 < self.cap => s + 1,
            Some((last, _)) if last + 1 == epoch => 0,
            _ => (epoch % self.cap as u64) as usize,
        };
        let slot = s * self.n..(s + 1) * self.n;
        // Whether the oldest dense epoch (or, after a gap, the last one) moves to the sparse part.
        let to_sparse = match self.range {
            Some((lo, hi)) if hi + 1 == epoch => {
                (hi - lo + 1) as usize == self.cap && lo & (self.stride - 1) == 0
            }
            Some(_) => true,
            None => false,
        };
        if slot.end > self.dense.len() {
            // Grow by doubling up to the ring's size: a few allocations in a run's first epochs,
            // none after (and none at all for a network that is never trained).
            let slots = (2 * self.dense.len() / self.n.max(1)).clamp(1, self.cap);
            let len = slots.max(slot.end / self.n.max(1)) * self.n;
            let extra = len - self.dense.len();
            grow(&mut self.dense, extra)?;
            self.dense.resize(len, 0.0);
        }
        if to_sparse && self.sparse_epochs.len() < SPARSE_EPOCHS {
            grow(&mut self.sparse_epochs, 1)?;
            grow(&mut self.sparse, self.n)?;
        }
        match self.range {
            Some((lo, hi)) if hi + 1 == epoch => {
                if (hi - lo + 1) as usize == self.cap {
                    // The oldest dense epoch leaves; keep it if it falls on the sparse stride.
                    if to_sparse {
                        self.keep_sparse(lo);
                    }
                    self.range = Some((lo + 1, epoch));
                } else {
                    self.range = Some((lo, epoch));
                }
            }
            Some((_, hi)) => {
                // A gap (never made by training): start the dense range afresh.
                self.keep_sparse(hi);
                self.range = Some((epoch, epoch));
            }
            None => self.range = Some((epoch, epoch)),
        }
        self.dense[slot].copy_from_slice(w);
        self.last_slot = Some((epoch, s));
        Ok(())
    }

    fn keep_sparse(&mut self, epoch: u64) {
        if self.sparse_epochs.len() == SPARSE_EPOCHS {
            // Full: keep every other one, double the stride.
            let n = self.n;
            let mut kept = 0;
            for k in (0..SPARSE_EPOCHS).step_by(2) {
                self.sparse_epochs[kept] = self.sparse_epochs[k];
                self.sparse.copy_within(k * n..(k + 1) * n, kept * n);
                kept += 1;
            }
            self.sparse_epochs.truncate(kept);
            self.sparse.truncate(kept * n);
            self.stride *= 2;
        }
        let slot = self.slot(epoch);
        self.sparse_epochs.push(epoch); // room was made in `record`
        self.sparse.extend_from_slice(&self.dense[slot]);
    }

    /// Every kept epoch, oldest first.
    pub fn epochs(&self) -> Vec<u64> {
        let mut out = self.sparse_epochs.clone();
        if let Some((lo, hi)) = self.range {
            out.extend(lo..=hi);
        }
        out
    }

    /// The weights after `epoch` epochs, if kept.
    pub fn weights(&self, epoch: u64) -> Option<&[f64]> {
        match self.range {
            Some((lo, hi)) if (lo..=hi).contains(&epoch) => Some(&self.dense[self.slot(epoch)]),
            _ => {
                let k = self.sparse_epochs.binary_search(&epoch).ok()?;
                Some(&self.sparse[k * self.n..(k + 1) * self.n])
            }
        }
    }
}

/// Room for `extra` more items in `v` (amortised doubling), or an `Err` when memory runs out.
pub(crate) fn grow<T>(v: &mut Vec<T>, extra: usize) -> Result<(), String> {
    v.try_reserve(extra).map_err(|_| {
        format!(
            "out of memory: the browser gave no room for {} more numbers",
            extra
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_recent_epoch_and_a_thinned_past_within_bounds() {
        let mut t = Timeline::new(3);
        for e in 0..1_000_000u64 {
            t.record(e, &[e as f64, 1.0, 2.0]).unwrap();
        }
        let epochs = t.epochs();
        assert!(epochs.len() <= DENSE_EPOCHS + SPARSE_EPOCHS);
        assert_eq!(*epochs.last().unwrap(), 999_999);
        assert!(epochs.windows(2).all(|w| w[0] < w[1]), "increasing");
        assert_eq!(
            epochs[epochs.len() - DENSE_EPOCHS],
            990_000,
            "the last 10 000 one by one"
        );
        assert!(epochs[0] < 1000, "the early past is still there, thinned");
        for &e in epochs.iter().step_by(97) {
            assert_eq!(t.weights(e).unwrap()[0], e as f64);
        }
    }

    #[test]
    fn resuming_from_an_earlier_epoch_drops_the_later_ones() {
        let mut t = Timeline::new(2);
        for e in 0..50u64 {
            t.record(e, &[e as f64, 0.0]).unwrap();
        }
        t.record(20, &[-1.0, 0.0]).unwrap(); // resumed after scrubbing back to 19
        assert_eq!(*t.epochs().last().unwrap(), 20);
        assert_eq!(t.weights(20).unwrap()[0], -1.0);
        assert!(t.weights(30).is_none());
    }

    #[test]
    fn big_networks_keep_fewer_recent_epochs_one_by_one() {
        // 1000 weights: DENSE_NUMBERS / 1000 = 2000 recent epochs one by one, not DENSE_EPOCHS.
        let (mut big, mut small) = (Timeline::new(1000), Timeline::new(3));
        for e in 0..3500u64 {
            big.record(e, &[e as f64; 1000]).unwrap();
            small.record(e, &[e as f64; 3]).unwrap();
        }
        assert!((1500..3500).all(|e| big.weights(e) == Some(&[e as f64; 1000][..])));
        // Past the dense part only the thinned past is left, at the sparse stride (2 by now).
        assert!(
            big.weights(1499).is_none(),
            "1499 is older than the last 2000"
        );
        assert!(big.weights(1498).is_some());
        assert_eq!(
            small.epochs(),
            (0..3500).collect::<Vec<_>>(),
            "3 weights: all dense"
        );
    }
}
