//! One learning session: a network, its data set, η, the mode, the phase stepper and the loss curve.
//! This is the state behind the page and the scripting API; the boundary module only wraps it.

use crate::json::{rounded, Value};

use crate::dataset::Dataset;
use crate::forward::error;
use crate::history::LossHistory;
use crate::model::Model;
use crate::network::Network;
use crate::numerical::{numerical_gradient, Scheme};
use crate::setup::{check_eta, parse_eta, Setup};
use crate::stepper::Stepper;
use crate::timeline::Timeline;
use crate::trace::{cost_json, gradient_json};
use crate::train::{Mode, Trainer};
use crate::url_state::UrlState;

mod data;
mod rewind;
mod undo;

pub use rewind::RESTORE_PROBES;

/// A network being trained, step by step or epoch by epoch. It owns its setup: η, the mode, the
/// seed, the shape and the data set live here and nowhere else.
#[derive(Clone, Debug)]
pub struct Session {
    setup: Setup,
    /// The weights at epoch 0 (the seed's, or a model file's own): where Reset returns.
    start: Vec<f64>,
    data: Dataset,
    stepper: Stepper,
    trainer: Trainer,
    history: LossHistory,
    timeline: Timeline,
    /// The data's undo history.
    edits: undo::DataEdits,
    /// The region of the input plane drawn (see [`Session::view`]).
    view: [f64; 4],
}

impl Session {
    /// A session at the model's weights, epoch 0.
    ///
    /// # Errors
    /// The data set does not fit the network, or no memory for it.
    pub fn new(model: Model) -> Result<Session, String> {
        let data = model.dataset()?;
        let mut timeline = Timeline::new(model.net.params().len());
        timeline.record(0, model.net.params())?;
        Ok(Session {
            setup: Setup::of(&model),
            start: model.net.params().to_vec(),
            stepper: Stepper::new(model.net.clone(), 0, data.len()),
            trainer: Trainer::new(&model.net),
            history: LossHistory::new(),
            timeline,
            edits: undo::DataEdits::default(),
            view: data.domain(),
            data,
        })
    }

    /// A fresh network from a setup (weights drawn from its seed).
    ///
    /// # Errors
    /// An invalid setup, named.
    pub fn from_setup(setup: &Setup) -> Result<Session, String> {
        Session::new(setup.model()?)
    }

    /// A fresh session from this one's setup with the fields of the JSON object `changes` changed
    /// (see [`Setup::with_changes`]); this one is untouched.
    ///
    /// # Errors
    /// Malformed JSON or an invalid field, named.
    pub fn with_changes(&self, changes: &str) -> Result<Session, String> {
        let setup = self.setup.with_changes(changes)?;
        let mut fresh = Session::from_setup(&setup)?;
        if setup.dataset == self.setup.dataset && fresh.data.same_patterns(&self.data) {
            // The same patterns: their undo history and the view stay.
            fresh.edits = self.edits.clone();
            fresh.view = self.view;
        } else {
            // Other patterns: the history goes along; one's own data replaced is one more step.
            self.hand_over_edits(&mut fresh);
        }
        Ok(fresh)
    }

    /// Back to the starting weights (the seed's, or the model file's own), epoch 0, with an empty
    /// loss curve and timeline; η and the mode stay as they are now.
    pub fn reset(&mut self) {
        let mut net = self.net().clone();
        net.params_mut().copy_from_slice(&self.start);
        self.stepper = Stepper::new(net, 0, self.data.len());
        self.history.clear();
        self.timeline = Timeline::new(self.start.len());
        // Recording epoch 0 of a timeline that was just emptied needs no more than it had.
        let _ = self.timeline.record(0, &self.start);
    }

    /// What this session was built from, with the η and mode in force now.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// The URL hash of this session's setup at `speed` (and, if asked, the current weights).
    ///
    /// # Errors
    /// A data set from a model file, or an unknown speed; with the weights, a diverged session
    /// ([`Session::saveable`]).
    pub fn to_hash(&self, speed: u32, with_weights: bool) -> Result<String, String> {
        if with_weights {
            self.saveable()?;
        }
        let w = with_weights.then(|| self.net().params());
        UrlState::to_hash(&self.setup, speed, w)
    }

    /// The model file (JSON text) of the current weights and settings.
    ///
    /// # Errors
    /// A diverged session ([`Session::saveable`]).
    pub fn model_file(&self) -> Result<String, String> {
        self.saveable()?;
        self.model().to_json()
    }

    /// Whether the current weights may go into a file or a link: not after training diverged
    /// (E or a weight no longer a finite number), which would open on a network that cannot
    /// train (or, for weights that are not numbers, not open at all). Weights opened that way
    /// (E = ∞ at epoch 0: the data's numbers are too large) are saved as they came.
    ///
    /// # Errors
    /// The reason, with the way out.
    pub fn saveable(&self) -> Result<(), String> {
        crate::model::writable(self.net().params())?;
        match self.diverged() && self.epoch() > 0 {
            true => Err(format!(
                "training diverged (E = {} at epoch {}), and a file or a link of these weights would open on a network that cannot train: restore the last good state or reset first",
                crate::json::rounded(self.error()),
                self.epoch()
            )),
            false => Ok(()),
        }
    }

    /// The model file of the current weights and settings.
    pub fn model(&self) -> Model {
        Model {
            net: self.net().clone(),
            eta: self.setup.eta,
            mode: self.setup.mode,
            seed: self.setup.seed,
            dataset: self.setup.dataset.clone(),
        }
    }

    /// The network at the current weights.
    pub fn net(&self) -> &Network {
        self.stepper.net()
    }

    /// The patterns.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// η.
    pub fn eta(&self) -> f64 {
        self.setup.eta
    }

    /// Batch or online.
    pub fn mode(&self) -> Mode {
        self.setup.mode
    }

    /// The seed the weights were drawn from.
    pub fn seed(&self) -> u64 {
        self.setup.seed
    }

    /// Epochs completed.
    pub fn epoch(&self) -> u64 {
        self.stepper.state().epoch
    }

    /// The phase stepper (current phase and all its numbers).
    pub fn stepper(&self) -> &Stepper {
        &self.stepper
    }

    /// E against epoch.
    pub fn history(&self) -> &LossHistory {
        &self.history
    }

    /// The kept weights of past epochs (the experiments' loss landscape draws the path from it).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)² at the current weights.
    pub fn error(&self) -> f64 {
        error(self.net(), &self.data)
    }

    /// Sets η; the very next update uses it.
    ///
    /// # Errors
    /// NaN, ±∞ or η ≤ 0; η stays as it was.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), String> {
        self.setup.eta =
            check_eta(eta).map_err(|e| format!("{e}; η stays {}", rounded(self.setup.eta)))?;
        Ok(())
    }

    /// Sets η from what a person typed (see [`crate::setup::parse_eta`]).
    ///
    /// # Errors
    /// Empty, not a number, or not > 0; η stays as it was.
    pub fn set_learning_rate_text(&mut self, text: &str) -> Result<(), String> {
        self.setup.eta =
            parse_eta(text).map_err(|e| format!("{e}. η stays {}", rounded(self.setup.eta)))?;
        Ok(())
    }

    /// Switches batch/online; a partly stepped epoch is dropped (its updates already made stay).
    pub fn set_mode(&mut self, mode: Mode) {
        if mode != self.setup.mode {
            self.setup.mode = mode;
            self.stepper.reset_epoch();
        }
    }

    /// Runs whole epochs (dropping a partly stepped one); stops early, after an epoch whose E (at the
    /// weights it started from, as the loss curve records it) was not finite or whose update made a
    /// weight non-finite. So weights that are still finite but give E = ∞ are seen, and stopped at,
    /// one epoch later. Returns the epochs run.
    ///
    /// # Errors
    /// Memory ran out for the loss curve or the timeline; the epochs run so far stay done.
    pub fn train(&mut self, epochs: u64) -> Result<u64, String> {
        if !self.trainer.fits(self.stepper.net()) {
            self.trainer = Trainer::new(self.stepper.net());
        }
        let start = self.epoch();
        self.history.truncate_after(start); // resuming after a scrub back drops the old future
        let net = self.stepper.net_for_training();
        let (eta, mode) = (self.setup.eta, self.setup.mode);
        let mut done = 0;
        let mut kept = Ok(());
        while done < epochs {
            // The epoch's weights go straight into the timeline's slot when it has one ready (the
            // usual case); otherwise they are recorded after the loss curve, which may need memory.
            let slot = self.timeline.next_slot(start + done + 1);
            let recorded = slot.is_some();
            let (e, finite) = match slot {
                Some(slot) => self.trainer.epoch_into(net, &self.data, eta, mode, slot),
                None => {
                    let e = self.trainer.epoch(net, &self.data, eta, mode);
                    (e, net.is_finite())
                }
            };
            done += 1;
            if let Err(err) = self.history.record(start + done - 1, e) {
                kept = Err(err);
                break;
            }
            if !recorded {
                if let Err(err) = self.timeline.record(start + done, net.params()) {
                    kept = Err(err);
                    break;
                }
            }
            if !e.is_finite() || !finite {
                break;
            }
        }
        self.stepper.set_epoch(start + done);
        kept.map(|()| done)
            .map_err(|e| format!("{e}; training stopped after epoch {}", start + done))
    }

    /// Whether E or any weight is no longer a finite number (training diverged).
    pub fn diverged(&self) -> bool {
        !self.net().is_finite() || !self.error().is_finite()
    }

    /// One phase forward. Completing an epoch adds its Σ Ẽ(μ) to the loss curve.
    pub fn step(&mut self) {
        let before = self.epoch();
        self.stepper
            .next(&self.data, self.setup.eta, self.setup.mode);
        if self.epoch() > before {
            let e = self.stepper.state().passes.iter().map(|p| p.e).sum();
            self.history.truncate_after(before);
            // Out of memory here leaves a gap in the curve and the timeline, nothing worse.
            let _ = self.history.record(before, e);
            let _ = self
                .timeline
                .record(self.epoch(), self.stepper.net().params());
        }
    }

    /// One phase back; false when there is nothing to undo.
    pub fn step_back(&mut self) -> bool {
        self.stepper.prev()
    }

    /// Trace v1 at the current weights.
    pub fn trace(&self) -> Value {
        crate::trace::trace(self.net(), &self.data)
    }

    /// `{ "gradient": […], "cost": {…} }` by finite differences at the current weights.
    ///
    /// # Errors
    /// ε not a finite number > 0.
    pub fn numerical_gradient(&self, eps: f64, scheme: Scheme) -> Result<Value, String> {
        let g = numerical_gradient(self.net(), &self.data, eps, scheme)?;
        Ok(Value::object([
            ("gradient", gradient_json(self.net(), &g.grad)),
            ("cost", cost_json(&g.cost)),
        ]))
    }
}
