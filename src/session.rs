//! One learning session: a network, its data set, η, the mode, the phase stepper and the loss curve.
//! This is the state behind the page and the scripting API; the boundary module only wraps it.

use crate::json::Value;

use crate::dataset::Dataset;
use crate::forward::error;
use crate::history::LossHistory;
use crate::model::{DatasetSpec, Model};
use crate::network::Network;
use crate::numerical::{numerical_gradient, Scheme};
use crate::stepper::Stepper;
use crate::timeline::Timeline;
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
    timeline: Timeline,
}

impl Session {
    /// A session at the model's weights, epoch 0.
    ///
    /// # Errors
    /// The data set does not fit the network.
    pub fn new(model: Model) -> Result<Session, String> {
        let data = model.dataset()?;
        let mut timeline = Timeline::new(model.net.params().len());
        timeline.record(0, model.net.params());
        Ok(Session {
            stepper: Stepper::new(model.net.clone(), 0, data.len()),
            trainer: Trainer::new(&model.net),
            history: LossHistory::new(),
            timeline,
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
        self.history.truncate_after(start); // resuming after a scrub back drops the old future
        let net = self.stepper.net_for_training();
        let mut done = 0;
        while done < epochs {
            let e = self.trainer.epoch(net, &self.data, self.eta, self.mode);
            self.history.record(start + done, e);
            done += 1;
            self.timeline.record(start + done, net.params());
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
            self.history.truncate_after(before);
            self.history.record(before, e);
            self.timeline
                .record(self.epoch(), self.stepper.net().params());
        }
    }

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
    /// the lowest E kept (a state a moment before a blow-up has finite but hopeless weights).
    /// Returns that epoch.
    ///
    /// # Errors
    /// No kept epoch has a finite E.
    pub fn restore_last_good(&mut self) -> Result<u64, String> {
        let mut probe = self.net().clone();
        let scored: Vec<(u64, f64)> = self
            .timeline
            .epochs()
            .into_iter()
            .map(|epoch| {
                probe
                    .params_mut()
                    .copy_from_slice(self.timeline.weights(epoch).expect("listed"));
                let e = if probe.is_finite() {
                    error(&probe, &self.data)
                } else {
                    f64::NAN
                };
                (epoch, e)
            })
            .collect();
        let best = scored
            .iter()
            .map(|s| s.1)
            .filter(|e| e.is_finite())
            .fold(f64::INFINITY, f64::min);
        let good = scored
            .iter()
            .rev()
            .find(|(_, e)| e.is_finite() && *e <= 2.0 * best)
            .ok_or("no kept epoch has a finite E")?
            .0;
        self.scrub_to(good)?;
        Ok(good)
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
        self.stepper = Stepper::new(net, epoch, self.data.len());
        self.timeline.record(epoch, w);
        Ok(())
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
