//! One learning session: a network, its data set, η, the mode, the phase stepper and the loss curve.
//! This is the state behind the page and the scripting API; the boundary module only wraps it.

use serde_json::{json, Value};

use crate::dataset::Dataset;
use crate::forward::error;
use crate::history::LossHistory;
use crate::model::{DatasetSpec, Model};
use crate::network::Network;
use crate::numerical::{numerical_gradient, Scheme};
use crate::stepper::Stepper;
use crate::trace::{cost_json, gradient_json};
use crate::train::{Mode, Trainer};

/// A network being trained, step by step or epoch by epoch.
#[derive(Clone, Debug)]
pub struct Session {
    data: Dataset,
    spec: DatasetSpec,
    seed: u64,
    eta: f64,
    mode: Mode,
    stepper: Stepper,
    trainer: Trainer,
    history: LossHistory,
}

impl Session {
    /// A session at the model's weights, epoch 0.
    ///
    /// # Errors
    /// The data set does not fit the network.
    pub fn new(model: Model) -> Result<Session, String> {
        let data = model.dataset()?;
        Ok(Session {
            stepper: Stepper::new(model.net.clone(), 0, data.len()),
            trainer: Trainer::new(&model.net),
            history: LossHistory::new(),
            data,
            spec: model.dataset,
            seed: model.seed,
            eta: model.eta,
            mode: model.mode,
        })
    }

    /// The model file of the current weights and settings.
    pub fn model(&self) -> Model {
        Model {
            net: self.net().clone(),
            eta: self.eta,
            mode: self.mode,
            seed: self.seed,
            dataset: self.spec.clone(),
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
        self.eta
    }

    /// Batch or online.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The seed the weights were drawn from.
    pub fn seed(&self) -> u64 {
        self.seed
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

    /// E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)² at the current weights.
    pub fn error(&self) -> f64 {
        error(self.net(), &self.data)
    }

    /// Sets η; the very next update uses it.
    ///
    /// # Errors
    /// NaN, ±∞ or η ≤ 0; η stays as it was.
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), String> {
        if !(eta.is_finite() && eta > 0.0) {
            return Err(format!(
                "learning rate η must be a finite number > 0, got {eta}; η stays {}",
                self.eta
            ));
        }
        self.eta = eta;
        Ok(())
    }

    /// Switches batch/online; a partly stepped epoch is dropped (its updates already made stay).
    pub fn set_mode(&mut self, mode: Mode) {
        if mode != self.mode {
            self.mode = mode;
            self.stepper.reset_epoch();
        }
    }

    /// Runs whole epochs (dropping a partly stepped one); stops early, after the epoch that made E or
    /// a weight non-finite. Returns the epochs run.
    pub fn train(&mut self, epochs: u64) -> u64 {
        if !self.trainer.fits(self.stepper.net()) {
            self.trainer = Trainer::new(self.stepper.net());
        }
        let start = self.epoch();
        let net = self.stepper.net_for_training();
        let mut done = 0;
        while done < epochs {
            let e = self.trainer.epoch(net, &self.data, self.eta, self.mode);
            self.history.record(start + done, e);
            done += 1;
            if !e.is_finite() || !net.is_finite() {
                break;
            }
        }
        self.stepper.set_epoch(start + done);
        done
    }

    /// Whether E or any weight is no longer a finite number (training diverged).
    pub fn diverged(&self) -> bool {
        !self.net().is_finite() || !self.error().is_finite()
    }

    /// One phase forward. Completing an epoch adds its Σ Ẽ(μ) to the loss curve.
    pub fn step(&mut self) {
        let before = self.epoch();
        self.stepper.next(&self.data, self.eta, self.mode);
        if self.epoch() > before {
            let e = self.stepper.state().passes.iter().map(|p| p.e).sum();
            self.history.record(before, e);
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
        Ok(json!({
            "gradient": gradient_json(self.net(), &g.grad),
            "cost": cost_json(&g.cost),
        }))
    }
}
