//! The only door between JavaScript and the core: one handle, [`Lab`], for the page and for scripts.
//!
//! Every method validates its input and reports a problem as a JS `Error` with a message; nothing
//! here panics on bad input. Large, long-lived data stays in wasm memory; JS gets numbers, small
//! copied arrays (`Float64Array`) and, for the grid images, a view into wasm memory.

mod charts;
mod frame;
mod gradient_check;
mod loglog;
mod numbers;
mod sharing;
mod stepping;

use wasm_bindgen::prelude::*;

use crate::backprop::{backprop, Backprop};
use crate::grid::{evaluate_grid, Quantity};
use crate::model::Model;
use crate::numerical::Scheme;
use crate::session::Session;
use crate::setup::Setup;
use crate::train::Mode;

/// Most epochs one `train` call runs (a larger count would freeze the page).
pub const MAX_EPOCHS_PER_CALL: f64 = 1e7;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

pub(super) fn fail(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

/// A network, its data set and its training state, driven from JavaScript.
#[wasm_bindgen]
pub struct Lab {
    pub(super) session: Session,
    view: Option<Backprop>,
    grid: Vec<f32>,
    pub(super) check: Option<crate::check::GradientCheck>,
}

/// The Rust-only side: caches and checks.
impl Lab {
    fn wrap(session: Session) -> Lab {
        Lab {
            session,
            view: None,
            grid: Vec::new(),
            check: None,
        }
    }

    /// Forgets everything computed from the weights (they are about to change, or just did).
    pub(super) fn weights_changed(&mut self) {
        self.view = None;
        self.check = None;
    }

    /// Backprop at the current weights, computed once per change of weights.
    pub(super) fn view(&mut self) -> &Backprop {
        let (net, data) = (self.session.net(), self.session.data());
        self.view.get_or_insert_with(|| backprop(net, data))
    }

    pub(super) fn check_layer(&self, n: f64, from: usize) -> Result<usize, JsError> {
        let depth = self.session.net().depth();
        if n.fract() != 0.0 || n < from as f64 || n > depth as f64 {
            return Err(fail(format!(
                "layer n must be a whole number from {from} to L = {depth}, got {n}"
            )));
        }
        Ok(n as usize)
    }

    pub(super) fn check_pattern(&self, mu: f64) -> Result<usize, JsError> {
        let p = self.session.data().len();
        if mu.fract() != 0.0 || mu < 0.0 || mu >= p as f64 {
            return Err(fail(format!(
                "pattern index must be a whole number from 0 to {}, got {mu}",
                p - 1
            )));
        }
        Ok(mu as usize)
    }

    pub(super) fn layer_slice(&self, values: &[f64], n: usize) -> Vec<f64> {
        let l = self.session.net().layer(n);
        values[l.offset..l.offset + l.param_count()].to_vec()
    }
}

#[wasm_bindgen]
impl Lab {
    /// Opens a model file v1. Throws `Error(reason)` when it is invalid.
    #[wasm_bindgen(js_name = fromModel)]
    pub fn from_model(json: &str) -> Result<Lab, JsError> {
        let model = Model::parse(json).map_err(fail)?;
        Ok(Lab::wrap(Session::new(model).map_err(fail)?))
    }

    /// A fresh network from `{ dataset, seed, hidden, activations, learning_rate, mode }` (all
    /// optional; `"{}"` is XOR with a 2-2-1 sigmoid network). Throws on an invalid choice.
    #[wasm_bindgen(js_name = fromSetup)]
    pub fn from_setup(json: &str) -> Result<Lab, JsError> {
        let model = Setup::parse(json).and_then(|s| s.model()).map_err(fail)?;
        Ok(Lab::wrap(Session::new(model).map_err(fail)?))
    }

    /// The model file v1 (JSON text) of the current weights and settings.
    #[wasm_bindgen(js_name = toModel)]
    pub fn to_model(&self) -> String {
        self.session.model().to_json()
    }

    /// Trace v1 (JSON text) at the current weights; nothing is updated.
    pub fn trace(&self) -> String {
        self.session.trace().to_string()
    }

    /// `{ gradient, cost }` (JSON text) by finite differences: `scheme` is "forward" or "central".
    #[wasm_bindgen(js_name = numericalGradient)]
    pub fn numerical_gradient(&self, eps: f64, scheme: &str) -> Result<String, JsError> {
        let scheme = Scheme::parse(scheme).map_err(fail)?;
        let g = self.session.numerical_gradient(eps, scheme).map_err(fail)?;
        Ok(g.to_string())
    }

    /// Runs whole epochs in the model's mode; returns how many ran (fewer if training diverged).
    pub fn train(&mut self, epochs: f64) -> Result<f64, JsError> {
        if !(epochs.fract() == 0.0 && (0.0..=MAX_EPOCHS_PER_CALL).contains(&epochs)) {
            return Err(fail(format!(
                "epochs must be a whole number from 0 to {MAX_EPOCHS_PER_CALL}, got {epochs}"
            )));
        }
        self.weights_changed();
        Ok(self.session.train(epochs as u64) as f64)
    }

    /// Sets η for the very next update. Throws for NaN, ±Infinity or η ≤ 0, keeping the old η.
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, eta: f64) -> Result<(), JsError> {
        self.session.set_learning_rate(eta).map_err(fail)
    }

    /// η.
    #[wasm_bindgen(getter, js_name = learningRate)]
    pub fn learning_rate(&self) -> f64 {
        self.session.eta()
    }

    /// E = ½ Σ_i Σ_μ (t_i^μ − y_i^μ)² at the current weights.
    #[wasm_bindgen(getter)]
    pub fn error(&mut self) -> f64 {
        self.view().e
    }

    /// Epochs completed.
    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> f64 {
        self.session.epoch() as f64
    }

    /// "batch" or "online".
    #[wasm_bindgen(getter)]
    pub fn mode(&self) -> String {
        self.session.mode().name().to_string()
    }

    /// Switches "batch" / "online" (a partly stepped epoch is dropped).
    #[wasm_bindgen(js_name = setMode)]
    pub fn set_mode(&mut self, mode: &str) -> Result<(), JsError> {
        let mode = Mode::parse(mode).map_err(fail)?;
        self.session.set_mode(mode);
        self.weights_changed();
        Ok(())
    }

    /// The seed of the initial weights.
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> f64 {
        self.session.seed() as f64
    }

    /// Whether E or a weight has stopped being a finite number.
    #[wasm_bindgen(getter)]
    pub fn diverged(&self) -> bool {
        self.session.diverged()
    }

    // ---- pictures ----

    /// Evaluates every neuron (or only ŷ) on an `nx` × `ny` grid over [`Lab::domain`]; returns a view
    /// into wasm memory (valid until the next call into the Lab): per neuron, `ny` rows of `nx`.
    /// `which` is "x" or "a".
    pub fn grid(
        &mut self,
        nx: usize,
        ny: usize,
        which: &str,
        outputs_only: bool,
    ) -> Result<js_sys::Float32Array, JsError> {
        let which = match which {
            "x" => Quantity::X,
            "a" => Quantity::A,
            _ => {
                return Err(fail(format!(
                    "which: expected \"x\" or \"a\", got \"{which}\""
                )))
            }
        };
        let domain = self.session.data().domain();
        evaluate_grid(
            self.session.net(),
            domain,
            (nx, ny),
            which,
            outputs_only,
            &mut self.grid,
        )
        .map_err(fail)?;
        // SAFETY: the view is read by JS before any further call into this module can grow memory.
        Ok(unsafe { js_sys::Float32Array::view(&self.grid) })
    }

    /// Epochs of the kept loss-curve points.
    #[wasm_bindgen(js_name = lossEpochs)]
    pub fn loss_epochs(&self) -> Vec<f64> {
        self.session.history().epochs().to_vec()
    }

    /// E at each kept loss-curve point.
    #[wasm_bindgen(js_name = lossErrors)]
    pub fn loss_errors(&self) -> Vec<f64> {
        self.session.history().errors().to_vec()
    }

    /// Draws E against epoch on `canvas` with plotters; `log` for a logarithmic E axis, `dark` for
    /// light-on-dark colours, a vertical marker at epoch `marker` unless it is NaN (the scrubber).
    #[wasm_bindgen(js_name = drawLoss)]
    pub fn draw_loss(
        &self,
        canvas: web_sys::HtmlCanvasElement,
        log: bool,
        dark: bool,
        marker: f64,
    ) -> Result<(), JsError> {
        charts::draw_loss(canvas, self.session.history(), log, dark, marker).map_err(fail)
    }
}
