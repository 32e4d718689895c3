//! The data as the page edits it: patterns drawn on the plot, typed in the table, imported as CSV;
//! undo and redo; the view of the input plane; what the data is now and advice on η.

use wasm_bindgen::prelude::*;

use super::args::{finite, flag, numbers, text, whole};
use super::{fail, Lab};
use crate::csv::MAX_CSV_BYTES;
use crate::json::Value;

#[wasm_bindgen]
impl Lab {
    /// Adds a pattern drawn on the plot at (x1, x2) with targets `t` (K numbers); for one input x2
    /// is ignored. The point is rounded to a thousandth of the view. Returns its index μ.
    #[wasm_bindgen(js_name = addPatternAt)]
    pub fn add_pattern_at(
        &mut self,
        x1: &JsValue,
        x2: &JsValue,
        t: &JsValue,
    ) -> Result<usize, JsError> {
        let (x1, x2) = (finite(x1, "x1")?, finite(x2, "x2")?);
        let t = self.targets_arg(t)?;
        let mu = self.session.add_pattern_at(x1, x2, &t).map_err(fail)?;
        self.data_changed();
        Ok(mu)
    }

    /// Adds pattern (x^(0), t) exactly as given (N and K numbers); returns its index μ.
    #[wasm_bindgen(js_name = addPattern)]
    pub fn add_pattern(&mut self, x: &JsValue, t: &JsValue) -> Result<usize, JsError> {
        let x = numbers(x, "inputs", self.session.data().inputs() as u32)?;
        let t = self.targets_arg(t)?;
        let mu = self.session.add_pattern(&x, &t).map_err(fail)?;
        self.data_changed();
        Ok(mu)
    }

    /// Moves pattern μ to the plot point (x1, x2), rounded as `addPatternAt` rounds. With `join`,
    /// the move joins the previous move of the same μ in one undo step (the rest of a drag).
    #[wasm_bindgen(js_name = movePattern)]
    pub fn move_pattern(
        &mut self,
        mu: &JsValue,
        x1: &JsValue,
        x2: &JsValue,
        join: &JsValue,
    ) -> Result<(), JsError> {
        let mu = self.check_pattern(mu)?;
        let (x1, x2) = (finite(x1, "x1")?, finite(x2, "x2")?);
        let join = flag(join, "join")?;
        self.session.move_pattern(mu, x1, x2, join).map_err(fail)?;
        self.data_changed();
        Ok(())
    }

    /// Removes pattern μ (not the last one).
    #[wasm_bindgen(js_name = removePattern)]
    pub fn remove_pattern(&mut self, mu: &JsValue) -> Result<(), JsError> {
        let mu = self.check_pattern(mu)?;
        self.session.remove_pattern(mu).map_err(fail)?;
        self.data_changed();
        Ok(())
    }

    /// Sets one number of pattern μ from typed text: `column` 0..N−1 is x1..xN, then t1..tK.
    #[wasm_bindgen(js_name = setPatternValue)]
    pub fn set_pattern_value(
        &mut self,
        mu: &JsValue,
        column: &JsValue,
        value: &JsValue,
    ) -> Result<(), JsError> {
        let mu = self.check_pattern(mu)?;
        let d = self.session.data();
        let columns = (d.inputs() + d.outputs()) as u64;
        let column = whole(column, "column", 0, columns - 1)? as usize;
        let value = text(value, "value", 400)?;
        self.session
            .set_pattern_value(mu, column, &value)
            .map_err(fail)?;
        self.data_changed();
        Ok(())
    }

    /// Fills cells from pattern μ's `column` on (0..N−1 is x1..xN, then t1..tK) with a block of
    /// cells pasted from a spreadsheet (one row a line, tab-separated), as a spreadsheet does: one
    /// undo step. Returns how many cells were set; throws (changing nothing) for a cell that is not
    /// a number or a block that does not fit.
    #[wasm_bindgen(js_name = pasteCells)]
    pub fn paste_cells(
        &mut self,
        mu: &JsValue,
        column: &JsValue,
        cells: &JsValue,
    ) -> Result<f64, JsError> {
        let mu = self.check_pattern(mu)?;
        let d = self.session.data();
        let columns = (d.inputs() + d.outputs()) as u64;
        let column = whole(column, "column", 0, columns - 1)? as usize;
        let cells = text(cells, "cells", crate::csv::MAX_CSV_BYTES as u32)?;
        let count = self.session.paste_cells(mu, column, &cells).map_err(fail)?;
        self.data_changed();
        Ok(count as f64)
    }

    /// Flips target t_i of pattern μ between 0 and 1.
    #[wasm_bindgen(js_name = flipTarget)]
    pub fn flip_target(&mut self, mu: &JsValue, i: &JsValue) -> Result<(), JsError> {
        let mu = self.check_pattern(mu)?;
        let i = super::args::index(i, "target i", self.session.data().outputs())?;
        self.session.flip_target(mu, i).map_err(fail)?;
        self.data_changed();
        Ok(())
    }

    /// Replaces the patterns with CSV text (header `x1,…,t1,…`; comma, semicolon, tab or space
    /// separated). Returns `{ "notes": [...] }` as JSON text; throws with the line and column of the
    /// first problem, changing nothing.
    #[wasm_bindgen(js_name = importCsv)]
    pub fn import_csv(&mut self, csv: &JsValue) -> Result<String, JsError> {
        if let Some(s) = csv.dyn_ref::<js_sys::JsString>() {
            // Refused before it is copied (one UTF-16 unit is at least one byte).
            if let Some(e) = crate::csv::too_large(s.length() as usize) {
                return Err(fail(e));
            }
        }
        let csv = text(csv, "csv", MAX_CSV_BYTES as u32)?;
        let notes = self.session.import_csv(&csv).map_err(fail)?;
        self.data_changed();
        Ok(Value::object([("notes", notes.into())]).to_string())
    }

    /// The core's refusal of a CSV of `bytes` bytes (too large), or undefined when the size is
    /// fine: the page asks before it reads a file.
    #[wasm_bindgen(js_name = csvTooLarge)]
    pub fn csv_too_large(bytes: &JsValue) -> Result<Option<String>, JsError> {
        let bytes = whole(bytes, "bytes", 0, super::args::MAX_EXACT)?;
        Ok(crate::csv::too_large(bytes.min(usize::MAX as u64) as usize))
    }

    /// The patterns as CSV: header `x1,…,xN,t1,…,tK`, one pattern a line, shortest exact numbers.
    #[wasm_bindgen(js_name = dataCsv)]
    pub fn data_csv(&self) -> String {
        self.session.data_csv()
    }

    /// Undoes the latest data edit; false when there was none.
    #[wasm_bindgen(js_name = undoData)]
    pub fn undo_data(&mut self) -> bool {
        let done = self.session.undo_data();
        self.travelled(done)
    }

    /// Redoes the latest undone data edit; false when there was none.
    #[wasm_bindgen(js_name = redoData)]
    pub fn redo_data(&mut self) -> bool {
        let done = self.session.redo_data();
        self.travelled(done)
    }

    /// `{ "undo": bool, "redo": bool }` as JSON text: whether a data edit can be undone, redone.
    #[wasm_bindgen(js_name = dataEdits)]
    pub fn data_edits(&self) -> String {
        let (undo, redo) = self.session.data_edits();
        Value::object([("undo", undo.into()), ("redo", redo.into())]).to_string()
    }

    /// The view back to the data's extent (with a margin).
    #[wasm_bindgen(js_name = fitView)]
    pub fn fit_view(&mut self) {
        self.session.fit_view();
    }

    /// What the data is, as JSON text: `name`, `title`, `matches` (the title of a built-in data set
    /// an edited data set now equals, or null), `separable` (it equals AND or OR, which one straight
    /// line separates), `patterns` P, `inputs` N, `outputs` K,
    /// `targetRange` ([lo, hi] the output activation reaches; null for any) and `notes`.
    #[wasm_bindgen(js_name = dataInfo)]
    pub fn data_info(&self) -> String {
        let s = &self.session;
        let d = s.data();
        let name = s.setup().dataset_name();
        let title = crate::dataset::NAMES
            .iter()
            .position(|n| *n == name)
            .map_or("your data", |k| crate::dataset::TITLES[k]);
        let g = s.net().layers().last().map(|l| l.activation);
        let range = g
            .map(|g| g.range())
            .filter(|(lo, hi)| lo.is_finite() || hi.is_finite());
        let range = range.map(|(lo, hi)| {
            let end = |v: f64| {
                if v.is_finite() {
                    Value::from(v)
                } else {
                    Value::Null
                }
            };
            Value::Array(vec![end(lo), end(hi)])
        });
        Value::object([
            ("name", name.into()),
            ("title", title.into()),
            ("matches", s.data_match().into()),
            ("separable", s.data_separable().into()),
            ("patterns", d.len().into()),
            ("inputs", d.inputs().into()),
            ("outputs", d.outputs().into()),
            ("targetRange", range.unwrap_or(Value::Null)),
            ("notes", s.data_notes().into()),
        ])
        .to_string()
    }
}

#[wasm_bindgen]
impl Lab {
    /// Advice on η for this data and network, as JSON text: `eta` (`{ "suggested", "text" }` when η
    /// is far from what suits P and the architecture, else null), `warnings` (`{ "kind":
    /// "oscillation" | "saturation", "text" }`: E oscillates, every output saturated) and `scaling` (one line on how P scales a step). Costs one forward pass.
    pub fn advice(&self) -> String {
        let s = &self.session;
        let eta = crate::advice::eta_advice(s.eta(), s.data(), s.net())
            .map(|a| Value::object([("suggested", a.suggested.into()), ("text", a.text.into())]));
        let warnings: Vec<Value> = crate::advice::warnings(s.history(), s.net(), s.data())
            .into_iter()
            .map(|w| Value::object([("kind", w.kind.into()), ("text", w.text.into())]))
            .collect();
        Value::object([
            ("eta", eta.unwrap_or(Value::Null)),
            ("warnings", warnings.into()),
            (
                "scaling",
                crate::advice::scaling_line(s.data(), s.mode()).into(),
            ),
        ])
        .to_string()
    }
}

/// The Rust-only side.
impl Lab {
    /// K target numbers.
    fn targets_arg(&self, t: &JsValue) -> Result<Vec<f64>, JsError> {
        let k = self.session.data().outputs();
        let t = numbers(t, "targets", k as u32)?;
        if t.len() != k {
            return Err(fail(format!(
                "targets: expected {k} numbers (one per output), got {}",
                t.len()
            )));
        }
        Ok(t)
    }

    /// After an undo or redo: forgets what was computed from the data if it moved; returns `done`.
    fn travelled(&mut self, done: bool) -> bool {
        if done {
            self.data_changed();
        }
        done
    }

    /// Forgets everything computed from the data (it just changed).
    fn data_changed(&mut self) {
        self.weights_changed();
    }
}
