//! Training by gradient descent, Δw_ij^(n) = −η ∂E/∂w_ij^(n), in batch or online mode.
//!
//! This is the hot loop: one [`Pass`] and one gradient buffer are allocated up front and reused, so
//! an epoch allocates nothing.

use crate::backward::backward;
use crate::block::Block;
use crate::dataset::Dataset;
use crate::forward::{forward, pattern_error};
use crate::network::Network;
use crate::pass::Pass;

/// When the weights are updated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// One update per epoch with the gradient summed over all patterns: Δw = −η Σ_μ δ x.
    Batch,
    /// One update per pattern, in data set order: Δw = −η δ^μ x^μ.
    Online,
}

impl Mode {
    /// `batch` or `online`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Batch => "batch",
            Mode::Online => "online",
        }
    }

    /// Reads a name written by [`Mode::name`].
    ///
    /// # Errors
    /// Any other name.
    pub fn parse(name: &str) -> Result<Mode, String> {
        match name {
            "batch" => Ok(Mode::Batch),
            "online" => Ok(Mode::Online),
            _ => Err(format!(
                "mode: expected \"batch\" or \"online\", got \"{name}\""
            )),
        }
    }
}

/// Reusable buffers for training one network shape.
#[derive(Clone, Debug)]
pub struct Trainer {
    pass: Pass,
    grad: Vec<f64>,
    block: Option<Block>,
}

impl Trainer {
    /// Buffers sized for `net`.
    pub fn new(net: &Network) -> Trainer {
        Trainer {
            pass: Pass::new(net),
            grad: vec![0.0; net.params().len()],
            block: None,
        }
    }

    /// Whether these buffers fit `net`'s shape.
    pub fn fits(&self, net: &Network) -> bool {
        self.grad.len() == net.params().len() && self.pass.a.len() == net.neurons()
    }

    /// One epoch over all patterns; returns Σ_μ Ẽ(μ) as the patterns came up: E at the starting
    /// weights in batch mode; online, each pattern's error at the weights when it came up.
    ///
    /// A pattern's δ is always computed with the weights from before that pattern's update.
    pub fn epoch(&mut self, net: &mut Network, data: &Dataset, eta: f64, mode: Mode) -> f64 {
        match mode {
            Mode::Batch => self.batch(net, data, eta, None).0,
            Mode::Online => {
                let mut e = 0.0;
                for mu in 0..data.len() {
                    let (input, target) = data.pattern(mu);
                    self.grad.fill(0.0);
                    forward(net, input, &mut self.pass);
                    e += pattern_error(net, target, &mut self.pass);
                    backward(net, target, &mut self.pass, &mut self.grad);
                    update(net, &self.grad, eta);
                }
                e
            }
        }
    }

    /// [`Trainer::epoch`], also writing the new weights into `snapshot` (one place per weight: the
    /// timeline's slot for this epoch) and telling whether they are all finite: the training
    /// loop's epoch, to which the lecture's 2-2-1 hands its weights over from registers.
    pub fn epoch_into(
        &mut self,
        net: &mut Network,
        data: &Dataset,
        eta: f64,
        mode: Mode,
        snapshot: &mut [f64],
    ) -> (f64, bool) {
        debug_assert_eq!(snapshot.len(), net.params().len());
        let e = match mode {
            Mode::Batch => match self.batch(net, data, eta, Some(&mut *snapshot)) {
                (e, Some(finite)) => return (e, finite), // small.rs filled the snapshot
                (e, None) => e,
            },
            Mode::Online => self.epoch(net, data, eta, mode),
        };
        snapshot.copy_from_slice(net.params());
        (e, net.is_finite())
    }

    /// A batch epoch: all patterns as one block (see block.rs), the same numbers as pattern by
    /// pattern with the loops over patterns innermost; the lecture's 2-2-1 on four patterns from
    /// registers (small.rs), which also fills `snapshot` and says whether the new weights are
    /// finite (Some), where the block does neither (None).
    fn batch(
        &mut self,
        net: &mut Network,
        data: &Dataset,
        eta: f64,
        snapshot: Option<&mut [f64]>,
    ) -> (f64, Option<bool>) {
        if self.block.as_ref().is_none_or(|b| b.width() != data.len()) {
            self.block = Some(Block::new(net, data.len()));
        }
        let block = self.block.as_mut().expect("just made");
        block.load(data, 0);
        if let Some((e, finite)) = crate::small::epoch(net, block, eta, snapshot) {
            return (e, Some(finite));
        }
        block.forward(net);
        let e = block.error(net);
        block.gradient(net, &mut self.grad);
        update(net, &self.grad, eta);
        (e, None)
    }
}

/// w ← w + Δw with Δw = −η ∂E/∂w, for every weight and bias.
pub fn update(net: &mut Network, grad: &[f64], eta: f64) {
    for (w, g) in net.params_mut().iter_mut().zip(grad) {
        *w -= eta * g;
    }
}
