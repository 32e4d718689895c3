//! The experiments (η sweep, seeds, loss landscape) for JavaScript: see `crate::experiments`.
//! Workers run the sweep and the seeds on a Lab of their own (`Lab.fromModel(lab.toModel())`);
//! the landscape runs on the page's Lab, at its current weights.

use wasm_bindgen::prelude::*;

use super::args::{finite, index, numbers, text, whole, MAX_EXACT};
use super::{fail, Lab};
use crate::experiments::landscape::{landscape, landscape_at, moved_most, path};
use crate::experiments::seeds::seed_runs;
use crate::experiments::sweep::sweep_eta;
use crate::experiments::{self as ex, parse_count, parse_eta_list, parse_span};
use crate::json::Value;
use crate::setup::MAX_SEED;
use crate::teach::{weight_symbol, Json};
use crate::train::Mode;

/// An epoch number as JSON: the number, or null for none.
fn epoch_or_null(k: Option<u64>) -> f64 {
    k.map_or(f64::NAN, |k| k as f64)
}

/// The `experiments` object of `Lab.limits()`.
pub(super) fn limits() -> Value {
    Value::object([
        ("maxEtas", ex::MAX_ETAS.into()),
        ("maxEpochs", ex::MAX_EXPERIMENT_EPOCHS.into()),
        ("maxSeeds", ex::MAX_SEEDS.into()),
        ("minThumb", ex::MIN_THUMB.into()),
        ("maxThumb", ex::MAX_THUMB.into()),
        ("minRes", ex::MIN_RES.into()),
        ("maxRes", ex::MAX_RES.into()),
        ("minSpan", ex::MIN_SPAN.into()),
        ("maxSpan", ex::MAX_SPAN.into()),
        ("maxPathPoints", ex::MAX_PATH_POINTS.into()),
        ("defaultEtas", ex::DEFAULT_ETAS[..].into()),
        ("defaultEpochs", ex::DEFAULT_EPOCHS.into()),
        ("defaultSeeds", ex::DEFAULT_SEEDS.into()),
        ("defaultSeedEpochs", ex::DEFAULT_SEED_EPOCHS.into()),
        ("defaultRes", ex::DEFAULT_RES.into()),
        ("defaultSpan", ex::DEFAULT_SPAN.into()),
        ("defaultThumb", ex::DEFAULT_THUMB.into()),
        ("defaultWindow", ex::DEFAULT_WINDOW.into()),
    ])
}

impl Lab {
    /// Parameters p and q (indices into all weights and biases, as `paramLocation`).
    fn param_pair(&self, p: &JsValue, q: &JsValue) -> Result<(usize, usize), JsError> {
        let n = self.session.net().params().len();
        Ok((index(p, "parameter p", n)?, index(q, "parameter q", n)?))
    }
}

#[wasm_bindgen]
impl Lab {
    /// The η sweep from this Lab's seed's initial weights, in its mode: one run of `epochs` epochs
    /// per η of `etas` (a Float64Array or an array of numbers). JSON text `{ runs: [{ eta, epochs,
    /// e, final, solvedAt, divergedAt }] }`: E after each epoch of `epochs` (0, then up to 256
    /// log-evenly spread, the last run included; a non-finite E as null), solvedAt / divergedAt an
    /// epoch or null.
    #[wasm_bindgen(js_name = sweepEta)]
    pub fn sweep_eta(&self, etas: &JsValue, epochs: &JsValue) -> Result<String, JsError> {
        let etas = numbers(etas, "η values", ex::MAX_ETAS as u32)?;
        let epochs = whole(epochs, "epochs", 1, ex::MAX_EXPERIMENT_EPOCHS)?;
        let runs = sweep_eta(&self.session, &etas, epochs).map_err(fail)?;
        let mut out = Json::default();
        out.open("", '{').open("runs", '[');
        for run in runs {
            out.open("", '{').num("eta", run.eta).open("epochs", '[');
            for &(k, _) in &run.curve {
                out.num("", k as f64);
            }
            out.close(']').open("e", '[');
            for &(_, e) in &run.curve {
                out.num("", e);
            }
            out.close(']')
                .num("final", run.final_e)
                .num("solvedAt", epoch_or_null(run.solved_at))
                .num("divergedAt", epoch_or_null(run.diverged_at))
                .close('}');
        }
        out.close(']').close('}');
        Ok(out.0)
    }

    /// Trains this Lab's architecture at its η from seeds `firstSeed .. firstSeed + count`, `epochs`
    /// epochs each in `mode` ("batch" or "online"). A Float64Array, 5 + thumb² numbers per seed:
    /// [seed, final E, solvedAt (−1: never), patterns right, divergedAt (−1: never), then thumb ×
    /// thumb values of ŷ₁ over the data's domain, rows from the top].
    #[wasm_bindgen(js_name = seedRuns)]
    pub fn seed_runs(
        &self,
        first_seed: &JsValue,
        count: &JsValue,
        epochs: &JsValue,
        mode: &JsValue,
        thumb: &JsValue,
    ) -> Result<Vec<f64>, JsError> {
        let first = whole(first_seed, "first seed", 0, MAX_SEED)?;
        let count = whole(count, "seeds", 1, ex::MAX_SEEDS)?;
        let epochs = whole(epochs, "epochs", 1, ex::MAX_EXPERIMENT_EPOCHS)?;
        let mode = Mode::parse(&text(mode, "mode", 16)?).map_err(fail)?;
        let thumb = whole(thumb, "thumb", ex::MIN_THUMB as u64, ex::MAX_THUMB as u64)? as usize;
        let runs = seed_runs(&self.session, (first, count), epochs, mode, thumb).map_err(fail)?;
        let mut out = Vec::new();
        out.try_reserve_exact(runs.len() * (5 + thumb * thumb))
            .map_err(|_| fail("seeds: out of memory for the results"))?;
        let or_none = |k: Option<u64>| k.map_or(-1.0, |k| k as f64);
        for run in runs {
            out.push(run.seed as f64);
            out.push(run.final_e);
            out.push(or_none(run.solved_at));
            out.push(run.right as f64);
            out.push(or_none(run.diverged_at));
            out.extend_from_slice(&run.thumb);
        }
        Ok(out)
    }

    /// E on a res × res grid over the plane through the current weights along parameters p
    /// (columns, left to right: w_p⁰ − span … w_p⁰ + span) and q (rows, top to bottom: w_q⁰ + span …
    /// w_q⁰ − span); a Float64Array, cell r·res + c. With res odd the centre is E now.
    pub fn landscape(
        &self,
        p: &JsValue,
        q: &JsValue,
        span: &JsValue,
        res: &JsValue,
    ) -> Result<Vec<f64>, JsError> {
        let pair = self.param_pair(p, q)?;
        let span = finite(span, "span")?;
        let res = whole(res, "res", ex::MIN_RES as u64, ex::MAX_RES as u64)? as usize;
        let s = &self.session;
        landscape(s.net(), s.data(), pair, span, res).map_err(fail)
    }

    /// [E, ∂E/∂w_p, ∂E/∂w_q] at the current weights (by backpropagation).
    #[wasm_bindgen(js_name = landscapeAt)]
    pub fn landscape_at(&self, p: &JsValue, q: &JsValue) -> Result<Vec<f64>, JsError> {
        let pair = self.param_pair(p, q)?;
        let s = &self.session;
        Ok(landscape_at(s.net(), s.data(), pair)
            .map_err(fail)?
            .to_vec())
    }

    /// [p, q]: the two parameters that moved most over the last `window` epochs (the larger first).
    #[wasm_bindgen(js_name = movedMost)]
    pub fn moved_most(&self, window: &JsValue) -> Result<Vec<u32>, JsError> {
        let window = whole(window, "window", 0, MAX_EXACT)?;
        let s = &self.session;
        let (p, q) = moved_most(s.timeline(), s.epoch(), s.net().params(), window);
        Ok(vec![p as u32, q as u32])
    }

    /// The training path on the plane of w_p and w_q: [w_p, w_q, w_p, w_q, …] at the kept epochs up
    /// to the current one, oldest first, at most 2000 points.
    #[wasm_bindgen(js_name = landscapePath)]
    pub fn landscape_path(&self, p: &JsValue, q: &JsValue) -> Result<Vec<f64>, JsError> {
        let pair = self.param_pair(p, q)?;
        let s = &self.session;
        let points = path(s.net(), s.timeline(), s.epoch(), pair).map_err(fail)?;
        let mut flat = Vec::with_capacity(2 * points.len());
        for (wp, wq) in points {
            flat.push(wp);
            flat.push(wq);
        }
        Ok(flat)
    }

    /// The lecture's symbol of parameter k: "w₁₂⁽¹⁾" for w_12^(1), "b₁⁽²⁾" for the bias b_1^(2).
    #[wasm_bindgen(js_name = paramLabel)]
    pub fn param_label(&self, k: &JsValue) -> Result<String, JsError> {
        let net = self.session.net();
        let k = index(k, "parameter k", net.params().len())?;
        let (n, i, j) = net
            .param_location(k)
            .ok_or_else(|| fail("parameter k: not in this network"))?;
        Ok(weight_symbol(n, i, j))
    }

    /// The η values typed in a field ("0.01, 0.1 1"): a Float64Array, or an Error whose message is
    /// for the field (`η values: "abc" is not a number`).
    #[wasm_bindgen(js_name = parseEtaList)]
    pub fn parse_eta_list(typed: &JsValue) -> Result<Vec<f64>, JsError> {
        parse_eta_list(&text(typed, "η values", 4096)?).map_err(fail)
    }

    /// The landscape's range ± typed in a field: a number from 0.001 to 1000, or an Error whose
    /// message is for the field (`range: enter a number from 0.001 to 1000`).
    #[wasm_bindgen(js_name = parseSpan)]
    pub fn parse_span(typed: &JsValue) -> Result<f64, JsError> {
        parse_span(&text(typed, "range", 256)?).map_err(fail)
    }

    /// E below which a run on this Lab's data counts as solved (with every output on its target's
    /// side of ½): 0.01 · P / 4 for P patterns, 0.01 for XOR. For drawing that line.
    #[wasm_bindgen(getter, js_name = solvedBelow)]
    pub fn solved_below(&self) -> f64 {
        ex::solved_below(self.session.data())
    }

    /// A count typed in a field: `what` is "epochs" (1 to 100000) or "seeds" (1 to 10000). An Error
    /// whose message is for the field (`seeds: enter a whole number from 1 to 10000`).
    #[wasm_bindgen(js_name = parseCount)]
    pub fn parse_count(typed: &JsValue, what: &JsValue) -> Result<f64, JsError> {
        let what = text(what, "what", 16)?;
        let max = match what.as_str() {
            "epochs" => ex::MAX_EXPERIMENT_EPOCHS,
            "seeds" => ex::MAX_SEEDS,
            _ => return Err(fail("what: expected \"epochs\" or \"seeds\"")),
        };
        let typed = text(typed, &what, 256)?; // a message names the field
        Ok(parse_count(&typed, &what, 1, max).map_err(fail)? as f64)
    }
}
