//! Training one phase at a time, as the UI steps through it, with every intermediate number readable
//! and every step undoable.
//!
//! An epoch is, for each pattern μ: forward through layers 1..L, the error Ẽ(μ), backward through
//! layers L..1 (δ and this pattern's ∂E/∂w), then the update Δw = −η ∂E/∂w — after each pattern
//! (online) or once after all of them (batch). Each step keeps the state before it; the states share
//! unchanged parts (`Rc`), so a long undo history stays small.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::backward::backward_layer;
use crate::dataset::Dataset;
use crate::forward::{forward_layer, pattern_error, set_input};
use crate::network::Network;
use crate::pass::Pass;
use crate::train::{update, Mode};

/// How many steps back "Previous step" can go.
pub const UNDO_LIMIT: usize = 10_000;

/// The phase just completed. `mu` counts patterns from 0; `n` is the layer, 1..=L.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing computed yet in this epoch.
    Ready,
    /// a^(n) and x^(n) of pattern μ computed.
    Forward { mu: usize, n: usize },
    /// Ẽ(μ) = ½ Σ_i (t_i − ŷ_i)² computed.
    Error { mu: usize },
    /// δ^(n) of pattern μ computed, and its share of ∂E/∂w^(n) added.
    Backward { mu: usize, n: usize },
    /// Weights updated, Δw = −η ∂E/∂w: after pattern μ (online) or after all patterns (batch, `None`).
    Update { mu: Option<usize> },
}

/// "⁽¹²⁾": the lecture's layer superscript in Unicode (phase texts are plain strings).
fn sup(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = n
        .to_string()
        .bytes()
        .map(|b| DIGITS[(b - b'0') as usize])
        .collect();
    format!("⁽{digits}⁾")
}

impl Phase {
    /// What has been computed this epoch, up to and including this phase, for pattern μ and layer
    /// n (n = 0: the input): bit 1 = a^(n) and x^(n), bit 2 = δ^(n). Patterns go in order, so
    /// earlier ones are complete and later ones untouched.
    pub fn computed(&self, mu: usize, n: usize) -> u8 {
        const ALL: u8 = 3;
        let (at, here) = match *self {
            Phase::Ready => return 0,
            Phase::Update { mu: None } => return ALL,
            Phase::Forward { mu, n: done } => (mu, u8::from(n <= done)),
            Phase::Error { mu } => (mu, 1),
            Phase::Backward { mu, n: done } => (mu, 1 | (u8::from(n >= done && n > 0) << 1)),
            Phase::Update { mu: Some(mu) } => (mu, ALL),
        };
        match mu.cmp(&at) {
            std::cmp::Ordering::Less => ALL,
            std::cmp::Ordering::Equal => here,
            std::cmp::Ordering::Greater => 0,
        }
    }

    /// The phase in words, with the lecture's symbols (patterns and layers counted from 1).
    pub fn describe(&self, depth: usize) -> String {
        match *self {
            Phase::Ready => "Ready: press Next step to start the forward pass".to_string(),
            Phase::Forward { mu, n } => format!(
                "Forward pass, pattern μ = {}: layer {n}{}, a{s} = Σ w{s} x{} + b{s} and x{s} = g(a{s})",
                mu + 1,
                if n == depth { " (output, ŷ = x⁽ᴸ⁾)" } else { "" },
                sup(n - 1),
                s = sup(n),
            ),
            Phase::Error { mu } => format!(
                "Error of pattern μ = {}: Ẽ(μ) = ½ Σᵢ (tᵢ − ŷᵢ)²",
                mu + 1
            ),
            Phase::Backward { mu, n } if n == depth => format!(
                "Backward pass, pattern μ = {}: output layer {n}, δ{s} = (ŷ − t) · g′(a{s})",
                mu + 1,
                s = sup(n),
            ),
            Phase::Backward { mu, n } => format!(
                "Backward pass, pattern μ = {}: layer {n}, δ{s} = g′(a{s}) · Σⱼ δⱼ{u} wⱼₖ{u}",
                mu + 1,
                s = sup(n),
                u = sup(n + 1),
            ),
            Phase::Update { mu: Some(mu) } => format!(
                "Update after pattern μ = {} (online): Δw = −η δ x for every weight",
                mu + 1
            ),
            Phase::Update { mu: None } => {
                "Update after all patterns (batch): Δw = −η Σ_μ δ x for every weight".to_string()
            }
        }
    }
}

/// Everything known at one phase.
#[derive(Clone, Debug)]
pub struct StepState {
    /// The weights now (after the update, at an `Update` phase).
    pub net: Rc<Network>,
    /// Epochs completed.
    pub epoch: u64,
    /// The phase just completed.
    pub phase: Phase,
    /// Pattern μ's numbers this epoch (NaN where not computed yet).
    pub passes: Vec<Rc<Pass>>,
    /// ∂E/∂w summed since the last update (over the patterns done, or the current one online).
    pub grad: Rc<Vec<f64>>,
    /// Δw = −η ∂E/∂w of the latest update this epoch (NaN before it).
    pub delta_w: Rc<Vec<f64>>,
    /// The η that latest update used (NaN before it).
    pub eta: f64,
}

/// The phase machine with its undo history.
#[derive(Clone, Debug)]
pub struct Stepper {
    current: StepState,
    undo: VecDeque<StepState>,
}

impl Stepper {
    /// Ready at the start of an epoch with `net`'s weights, `epoch` epochs done.
    pub fn new(net: Network, epoch: u64, patterns: usize) -> Stepper {
        let nan = |len| Rc::new(vec![f64::NAN; len]);
        let params = net.params().len();
        let blank = Rc::new(Pass::new(&net));
        Stepper {
            current: StepState {
                net: Rc::new(net),
                epoch,
                phase: Phase::Ready,
                passes: vec![blank; patterns],
                grad: Rc::new(vec![0.0; params]),
                delta_w: nan(params),
                eta: f64::NAN,
            },
            undo: VecDeque::new(),
        }
    }

    /// The state after the latest step.
    pub fn state(&self) -> &StepState {
        &self.current
    }

    /// The weights now.
    pub fn net(&self) -> &Network {
        &self.current.net
    }

    fn epoch_done(&self) -> bool {
        let last = self.current.passes.len().saturating_sub(1);
        matches!(self.current.phase, Phase::Update { mu: Some(mu) } if mu == last)
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// The weights this epoch's numbers were computed with: at an update step the weights before
    /// it (the update has just changed them), else the weights now.
    pub fn computed_with(&self) -> &Network {
        match (self.current.phase, self.undo.back()) {
            (Phase::Update { .. }, Some(before)) => &before.net,
            _ => &self.current.net,
        }
    }

    /// The state the next [`Stepper::next`] would reach, without taking the step (the quiz reads
    /// the number it is about to reveal from here; the undo history is not copied).
    pub fn peek(&self, data: &Dataset, eta: f64, mode: Mode) -> StepState {
        let mut ahead = Stepper {
            current: self.current.clone(),
            undo: VecDeque::new(),
        };
        ahead.next(data, eta, mode);
        ahead.current
    }

    /// Advances one phase. η is read only by an update, so a change shows at the very next one.
    pub fn next(&mut self, data: &Dataset, eta: f64, mode: Mode) {
        let before = self.current.clone();
        let depth = self.current.net.depth();
        let last = data.len() - 1;
        let start_epoch = matches!(
            self.current.phase,
            Phase::Ready | Phase::Update { mu: None }
        ) || self.epoch_done();
        let next = match self.current.phase {
            _ if start_epoch => Phase::Forward { mu: 0, n: 1 },
            Phase::Forward { mu, n } if n < depth => Phase::Forward { mu, n: n + 1 },
            Phase::Forward { mu, .. } => Phase::Error { mu },
            Phase::Error { mu } => Phase::Backward { mu, n: depth },
            Phase::Backward { mu, n } if n > 1 => Phase::Backward { mu, n: n - 1 },
            Phase::Backward { mu, .. } if mode == Mode::Online => Phase::Update { mu: Some(mu) },
            Phase::Backward { mu, .. } if mu < last => Phase::Forward { mu: mu + 1, n: 1 },
            Phase::Backward { .. } => Phase::Update { mu: None },
            Phase::Update { mu: Some(mu) } => Phase::Forward { mu: mu + 1, n: 1 },
            Phase::Ready | Phase::Update { mu: None } => unreachable!("handled by start_epoch"),
        };
        let s = &mut self.current;
        if start_epoch {
            let blank = Rc::new(Pass::new(&s.net));
            s.passes.iter_mut().for_each(|p| *p = Rc::clone(&blank));
            s.delta_w = Rc::new(vec![f64::NAN; s.net.params().len()]);
            s.eta = f64::NAN;
        }
        match next {
            Phase::Forward { mu, n } => {
                let pass = Rc::make_mut(&mut s.passes[mu]);
                if n == 1 {
                    pass.clear();
                    set_input(pass, data.pattern(mu).0);
                    if mu == 0 || mode == Mode::Online {
                        s.grad = Rc::new(vec![0.0; s.net.params().len()]);
                    }
                }
                forward_layer(&s.net, n, pass);
                if n == depth {
                    pass.cost.forward_passes += 1;
                }
            }
            Phase::Error { mu } => {
                pattern_error(&s.net, data.pattern(mu).1, Rc::make_mut(&mut s.passes[mu]));
            }
            Phase::Backward { mu, n } => {
                let pass = Rc::make_mut(&mut s.passes[mu]);
                let grad = Rc::make_mut(&mut s.grad).as_mut_slice();
                backward_layer(&s.net, n, data.pattern(mu).1, pass, grad);
            }
            Phase::Update { mu } => {
                s.delta_w = Rc::new(s.grad.iter().map(|g| -eta * g).collect());
                s.eta = eta;
                update(Rc::make_mut(&mut s.net), &s.grad, eta);
                if mu.is_none() || mu == Some(last) {
                    s.epoch += 1;
                }
            }
            Phase::Ready => {}
        }
        s.phase = next;
        self.undo.push_back(before);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.pop_front();
        }
    }

    /// Goes back one phase, restoring every number exactly. Returns false when there is no history.
    pub fn prev(&mut self) -> bool {
        match self.undo.pop_back() {
            Some(state) => {
                self.current = state;
                true
            }
            None => false,
        }
    }

    /// Mutable access to the weights for whole-epoch training; forgets the partial epoch and the undo
    /// history (they describe weights that are about to change).
    pub fn net_for_training(&mut self) -> &mut Network {
        self.reset_epoch();
        Rc::make_mut(&mut self.current.net)
    }

    /// Back to `Ready` at the current weights, dropping a partial epoch and the undo history.
    pub fn reset_epoch(&mut self) {
        let epoch = self.current.epoch;
        let patterns = self.current.passes.len();
        let net = Rc::clone(&self.current.net);
        self.undo.clear();
        *self = Stepper::new(Rc::unwrap_or_clone(net), epoch, patterns);
    }

    /// Sets the epoch counter (for a restored model or a reset).
    pub fn set_epoch(&mut self, epoch: u64) {
        self.current.epoch = epoch;
    }
}
