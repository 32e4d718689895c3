//! The only door between JavaScript and the core: one handle, [`Lab`], for the page and for scripts.
//!
//! Every method validates its input and reports a problem as a JS `Error` with a message; nothing
//! here panics on bad input. Large, long-lived data stays in wasm memory; JS gets numbers, small
//! copied arrays (`Float64Array`) and, for the grid images, a view into wasm memory.

/// The heap: talc instead of the default dlmalloc, for size (see Cargo.toml).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod args;
mod charts;
mod data;
mod experiments;
mod frame;
mod gradient_check;
mod loglog;
mod numbers;
mod rules;
mod scaling;
mod sharing;
mod stepping;
mod teach;
mod theme;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::backprop::{backprop, Backprop};
use crate::grid::{evaluate_grid, Quantity};
use crate::model::Model;
use crate::numerical::Scheme;
use crate::session::Session;
use crate::setup::Setup;
use crate::train::Mode;
use args::{flag, number, text, whole};

/// Most epochs one `train` call runs (a larger count would freeze the page).
pub const MAX_EPOCHS_PER_CALL: u64 = 10_000_000;
/// Longest setup or changes text accepted (a setup is a few hundred characters).
const MAX_SETUP_TEXT: u32 = 64 * 1024;
/// Longest model file text accepted, in UTF-16 units (the model reader's own byte limit applies too).
const MAX_MODEL_TEXT: u32 = crate::model::MAX_BYTES as u32;

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
        self.view_and_net().0
    }

    /// [`Lab::view`] and the network it was computed for (borrowed side by side, no copy).
    pub(super) fn view_and_net(&mut self) -> (&Backprop, &crate::network::Network) {
        let (net, data) = (self.session.net(), self.session.data());
        (self.view.get_or_insert_with(|| backprop(net, data)), net)
    }

    /// Layer n from `from` to L.
    pub(super) fn check_layer(&self, n: &JsValue, from: usize) -> Result<usize, JsError> {
        let depth = self.session.net().depth() as u64;
        whole(n, "layer n", from as u64, depth).map(|n| n as usize)
    }

    /// Pattern μ from 0 to P − 1.
    pub(super) fn check_pattern(&self, mu: &JsValue) -> Result<usize, JsError> {
        args::index(mu, "pattern μ", self.session.data().len())
    }

    /// Installs a session built elsewhere as a new Lab.
    fn opened(session: Result<Session, String>) -> Result<Lab, JsError> {
        session.map(Lab::wrap).map_err(fail)
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
    pub fn from_model(json: &JsValue) -> Result<Lab, JsError> {
        let json = text(json, "model file", MAX_MODEL_TEXT)?;
        Lab::opened(Model::parse(&json).and_then(Session::new))
    }

    /// A fresh network from `{ dataset, seed, hidden, activations, learning_rate, mode }` (all
    /// optional; `"{}"` is XOR with a 2-2-1 sigmoid network). Throws on an invalid choice.
    #[wasm_bindgen(js_name = fromSetup)]
    pub fn from_setup(json: &JsValue) -> Result<Lab, JsError> {
        let json = text(json, "setup", MAX_SETUP_TEXT)?;
        Lab::opened(Setup::parse(&json).and_then(|s| Session::from_setup(&s)))
    }

    /// A NEW Lab: a fresh network from this Lab's setup with the fields of the JSON object
    /// `changes` changed (`dataset`, `seed`, `hidden`, `activations`, `learning_rate`, `mode`;
    /// `seed` and `learning_rate` may be a field's text). A data set from a model file is kept.
    /// Throws on anything invalid; this Lab is untouched.
    #[wasm_bindgen(js_name = withSetup)]
    pub fn with_setup(&self, changes: &JsValue) -> Result<Lab, JsError> {
        let changes = text(changes, "changes", MAX_SETUP_TEXT)?;
        Lab::opened(self.session.with_changes(&changes))
    }

    /// Back to the starting weights (the seed's, or the model file's own), epoch 0; η and the
    /// mode stay.
    pub fn reset(&mut self) {
        self.session.reset();
        self.weights_changed();
    }

    /// The model file v1 (JSON text) of the current weights and settings. Throws while a weight
    /// is not a finite number (after a divergence), saying how to get finite ones back.
    #[wasm_bindgen(js_name = toModel)]
    pub fn to_model(&self) -> Result<String, JsError> {
        self.session.model_file().map_err(fail)
    }

    /// Trace v1 (JSON text) at the current weights; nothing is updated.
    pub fn trace(&self) -> String {
        self.session.trace().to_string()
    }

    /// `{ gradient, cost }` (JSON text) by finite differences: `scheme` is "forward" or "central".
    #[wasm_bindgen(js_name = numericalGradient)]
    pub fn numerical_gradient(&self, eps: &JsValue, scheme: &JsValue) -> Result<String, JsError> {
        let eps = number(eps, "ε")?;
        let scheme = Scheme::parse(&text(scheme, "scheme", 16)?).map_err(fail)?;
        let g = self.session.numerical_gradient(eps, scheme).map_err(fail)?;
        Ok(g.to_string())
    }

    /// Runs whole epochs in the model's mode; returns how many ran (fewer if training diverged).
    pub fn train(&mut self, epochs: &JsValue) -> Result<f64, JsError> {
        let epochs = whole(epochs, "epochs", 0, MAX_EPOCHS_PER_CALL)?;
        self.weights_changed();
        Ok(self.session.train(epochs).map_err(fail)? as f64)
    }

    /// Sets η for the very next update: a number, or the text a person typed ("0.5", "1e-3",
    /// "0,5"). Throws for anything but a number > 0, keeping the old η.
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, eta: &JsValue) -> Result<(), JsError> {
        if eta.is_string() {
            let typed = text(eta, "learning rate η", 256)?; // measured before it is copied
            return self.session.set_learning_rate_text(&typed).map_err(fail);
        }
        let eta = number(eta, "learning rate η")?;
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
    pub fn set_mode(&mut self, mode: &JsValue) -> Result<(), JsError> {
        let mode = Mode::parse(&text(mode, "mode", 16)?).map_err(fail)?;
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

    /// Evaluates every neuron (or only ŷ) on an `nx` × `ny` grid over [`Lab::domain`]: per neuron,
    /// `ny` rows of `nx`. `which` is "x" or "a".
    ///
    /// Returns a view into wasm memory, not a copy, so that a frame's images cost no allocation.
    /// It goes stale: any later call into the module may grow the memory, which detaches the view
    /// (it then reads as empty), and the next `grid` call overwrites it. Read it at once, before
    /// calling the Lab again, or copy it (`Float32Array.from(view)`).
    pub fn grid(
        &mut self,
        nx: &JsValue,
        ny: &JsValue,
        which: &JsValue,
        outputs_only: &JsValue,
    ) -> Result<js_sys::Float32Array, JsError> {
        let side = crate::grid::MAX_SIDE as u64;
        let nx = whole(nx, "nx", 1, side)? as usize;
        let ny = whole(ny, "ny", 1, side)? as usize;
        let outputs_only = flag(outputs_only, "outputsOnly")?;
        let which = text(which, "which", 8)?;
        let which = match which.as_str() {
            "x" => Quantity::X,
            "a" => Quantity::A,
            _ => {
                return Err(fail(format!(
                    "which: expected \"x\" or \"a\", got \"{which}\""
                )))
            }
        };
        let domain = self.session.view();
        evaluate_grid(
            self.session.net(),
            domain,
            (nx, ny),
            which,
            outputs_only,
            &mut self.grid,
        )
        .map_err(fail)?;
        // SAFETY: the view aliases `self.grid` behind Rust's back. Its callers only read it, at
        // once or into a copy, before calling the Lab again (see the doc comment), and nothing
        // writes through it.
        Ok(unsafe { js_sys::Float32Array::view(&self.grid) })
    }

    /// Epochs of the kept loss-curve points.
    #[wasm_bindgen(js_name = lossEpochs)]
    pub fn loss_epochs(&self) -> Vec<f64> {
        self.session.history().epochs().to_vec()
    }

    /// Draws E against epoch on `canvas` with plotters; `log` for a logarithmic E axis, `dark` for
    /// light-on-dark colours, a vertical marker at epoch `marker` unless it is NaN (the scrubber).
    #[wasm_bindgen(js_name = drawLoss)]
    pub fn draw_loss(
        &self,
        canvas: &JsValue,
        log: &JsValue,
        dark: &JsValue,
        marker: &JsValue,
    ) -> Result<(), JsError> {
        let canvas = canvas_arg(canvas)?;
        let (log, dark) = (flag(log, "log")?, flag(dark, "dark")?);
        let marker = number(marker, "marker")?;
        charts::draw_loss(canvas, self.session.history(), log, dark, marker).map_err(fail)
    }
}

/// A `<canvas>` element passed from JS.
pub(super) fn canvas_arg(v: &JsValue) -> Result<web_sys::HtmlCanvasElement, JsError> {
    v.clone()
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| fail("canvas: expected a <canvas> element"))
}
