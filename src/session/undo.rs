//! The data's undo history, apart from the phase stepper's: each edit is one step back to the
//! data before it, or — when the step changed more than the data (another N or K, another data set
//! from the menu) — to the whole session before it.

use super::Session;
use crate::setup::DatasetSpec;
use crate::timeline::Timeline;

/// Data edits kept for undo; older ones are forgotten.
pub const UNDO_DEPTH: usize = 100;

/// Steps of the data's history holding a whole session (a network from before another N or K,
/// or another data set from the menu) keep their timeline this many; older ones keep the network,
/// η, the mode, the weights and the loss curve, and of the timeline only the epoch in force (a
/// timeline holds up to 16 MB).
pub const WHOLE_DEPTH: usize = 8;

/// One step of the data's history: the data on the other side of it (with the seed a generated
/// set was drawn from), or the whole session when the step changed more than the data (`light`:
/// its timeline was cut to the epoch in force).
#[derive(Clone, Debug)]
pub(super) enum Entry {
    Data(DatasetSpec, u64),
    Whole(Box<Session>, bool),
}

/// The data's undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct DataEdits {
    pub(super) undo: Vec<Entry>,
    pub(super) redo: Vec<Entry>,
    /// The pattern the latest edit moved: the next moves of one drag join its undo step.
    pub(super) moving: Option<usize>,
    /// Whether the data in force came out of this history (an edit, an undo), not as opened.
    pub(super) touched: bool,
}

impl DataEdits {
    /// A new undo step back to `before`; the redo stack is dropped.
    pub(super) fn record(&mut self, before: Entry) {
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
        let heavy = self
            .undo
            .iter()
            .filter(|e| matches!(e, Entry::Whole(_, false)))
            .count();
        if heavy > WHOLE_DEPTH {
            if let Some(Entry::Whole(s, light)) = self
                .undo
                .iter_mut()
                .find(|e| matches!(e, Entry::Whole(_, false)))
            {
                s.lighten();
                *light = true;
            }
        }
        self.redo.clear();
        self.moving = None;
    }
}

impl Session {
    /// Cuts the timeline to the epoch in force (an old step of the data's history).
    fn lighten(&mut self) {
        let mut timeline = Timeline::new(self.net().params().len());
        // Out of memory here leaves the timeline empty: scrubbing has nothing to go to, nothing worse.
        let _ = timeline.record(self.epoch(), self.net().params());
        self.timeline = timeline;
    }

    /// This session as a step of the data's history: everything but that history.
    pub(super) fn snapshot(&self) -> Session {
        Session {
            setup: self.setup.clone(),
            start: self.start.clone(),
            data: self.data.clone(),
            stepper: self.stepper.clone(),
            trainer: self.trainer.clone(),
            history: self.history.clone(),
            timeline: self.timeline.clone(),
            edits: DataEdits {
                touched: self.edits.touched,
                ..DataEdits::default()
            },
            view: self.view,
        }
    }

    /// Hands the data's history to a new session with another data set (from the menu or a new
    /// seed); when this one's data was one's own or edited, replacing it is one more undo step
    /// (the whole session comes back).
    pub(super) fn hand_over_edits(&self, fresh: &mut Session) {
        fresh.edits = self.edits.clone();
        if self.edited() {
            fresh
                .edits
                .record(Entry::Whole(Box::new(self.snapshot()), false));
        }
        fresh.edits.touched = false;
    }

    /// Whether a data edit can be undone, and redone.
    pub fn data_edits(&self) -> (bool, bool) {
        (!self.edits.undo.is_empty(), !self.edits.redo.is_empty())
    }

    /// Undoes the latest data edit; false when there is none.
    pub fn undo_data(&mut self) -> bool {
        self.travel(true)
    }

    /// Redoes the latest undone data edit; false when there is none.
    pub fn redo_data(&mut self) -> bool {
        self.travel(false)
    }

    /// One step back (`undo`) or forward in the data's history.
    fn travel(&mut self, undo: bool) -> bool {
        let from = if undo {
            &mut self.edits.undo
        } else {
            &mut self.edits.redo
        };
        let Some(entry) = from.pop() else {
            return false;
        };
        let back = match entry {
            Entry::Data(spec, seed) => {
                let now = Entry::Data(self.setup.dataset.clone(), self.setup.seed);
                // A generated set drawn from another seed comes back as the patterns it was.
                let spec = match (&spec, seed == self.setup.seed) {
                    (DatasetSpec::Named(_), false) => match spec.build(seed) {
                        Ok(d) => {
                            let (inputs, targets) = d.rows();
                            DatasetSpec::Inline { inputs, targets }
                        }
                        Err(_) => spec,
                    },
                    _ => spec,
                };
                match self.apply(spec.clone()) {
                    Ok(()) => now,
                    Err(_) => {
                        // Cannot happen for data that was in force before; keep the history whole.
                        let from = if undo {
                            &mut self.edits.undo
                        } else {
                            &mut self.edits.redo
                        };
                        from.push(Entry::Data(spec, seed));
                        return false;
                    }
                }
            }
            Entry::Whole(session, _) => {
                let mut edits = std::mem::take(&mut self.edits);
                let mut now = std::mem::replace(self, *session);
                // Each side keeps whether its data came from an edit.
                (now.edits.touched, edits.touched) = (edits.touched, self.edits.touched);
                self.edits = edits;
                Entry::Whole(Box::new(now), false)
            }
        };
        let data_step = matches!(back, Entry::Data(..));
        let to = if undo {
            &mut self.edits.redo
        } else {
            &mut self.edits.undo
        };
        to.push(back);
        if data_step {
            self.edits.touched = !self.edits.undo.is_empty();
        }
        self.edits.moving = None;
        true
    }
}
