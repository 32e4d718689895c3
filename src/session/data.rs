//! Editing the patterns μ the network learns — add, move, remove, change a number, flip a target,
//! import CSV — each one step of the data's undo history (`undo.rs`), and the view of the input
//! plane, which follows the data.
//!
//! An edit keeps the weights and the loss curve: the next update learns the new data. Only data of
//! another shape (N inputs or K targets) needs a new network, drawn from the seed.

use super::undo::Entry;
use super::Session;
use crate::csv;
use crate::dataset::{Dataset, FIXED, MAX_PATTERNS, NAMES, TITLES};
use crate::setup::DatasetSpec;
use crate::stepper::Stepper;

/// What to do with the undo history when an edit succeeds.
enum Step {
    /// A new undo step.
    New,
    /// A move of pattern μ: joins the previous step when that moved μ too and `join` is set.
    Move(usize, bool),
}

impl Session {
    /// The region of the input plane the page draws: [x1_min, x1_max, x2_min, x2_max]. It starts
    /// as the data's own (with a margin), grows when a pattern falls outside it, and never shrinks
    /// by itself (see [`Session::fit_view`]).
    pub fn view(&self) -> [f64; 4] {
        self.view
    }

    /// The view back to the data's extent with its margin.
    pub fn fit_view(&mut self) {
        self.view = self.data.domain();
        self.grow_view();
    }

    /// Adds pattern (x^(0), t) at the end; returns its index μ.
    ///
    /// # Errors
    /// Wrong counts, a non-finite number, or already [`MAX_PATTERNS`] patterns; nothing changes.
    pub fn add_pattern(&mut self, x: &[f64], t: &[f64]) -> Result<usize, String> {
        let (n, k) = (self.data.inputs(), self.data.outputs());
        if x.len() != n || t.len() != k {
            return Err(format!(
                "a pattern here has {n} inputs and {k} targets, got {} and {}",
                x.len(),
                t.len()
            ));
        }
        if let Some(v) = x.iter().chain(t).find(|v| !v.is_finite()) {
            return Err(format!("a pattern's numbers must be finite, got {v}"));
        }
        if self.data.len() >= MAX_PATTERNS {
            return Err(format!(
                "the data set has {MAX_PATTERNS} patterns, the most it may have"
            ));
        }
        let (mut inputs, mut targets) = self.data.rows();
        inputs.push(x.to_vec());
        targets.push(t.to_vec());
        self.edit(inputs, targets, Step::New)?;
        Ok(self.data.len() - 1)
    }

    /// Adds a pattern drawn on the plot at (x1, x2), rounded to a thousandth of the view (for one
    /// input, x2 is ignored: the plot shows ŷ against x1); returns its index μ.
    ///
    /// # Errors
    /// More than two inputs, or as [`Session::add_pattern`].
    pub fn add_pattern_at(&mut self, x1: f64, x2: f64, t: &[f64]) -> Result<usize, String> {
        let x = self.drawn(x1, x2)?;
        self.add_pattern(&x, t)
    }

    /// Moves pattern μ to the plot point (x1, x2), rounded as [`Session::add_pattern_at`] rounds.
    /// With `join`, a move right after a move of the same μ is part of the same undo step (a drag).
    ///
    /// # Errors
    /// μ out of range or more than two inputs; nothing changes.
    pub fn move_pattern(&mut self, mu: usize, x1: f64, x2: f64, join: bool) -> Result<(), String> {
        let x = self.drawn(x1, x2)?;
        let (mut inputs, targets) = self.data.rows();
        *inputs.get_mut(mu).ok_or_else(|| self.no_pattern(mu))? = x;
        self.edit(inputs, targets, Step::Move(mu, join))
    }

    /// Removes pattern μ.
    ///
    /// # Errors
    /// μ out of range, or the last pattern; nothing changes.
    pub fn remove_pattern(&mut self, mu: usize) -> Result<(), String> {
        if mu >= self.data.len() {
            return Err(self.no_pattern(mu));
        }
        if self.data.len() == 1 {
            return Err("a data set needs at least one pattern: this is the last one".into());
        }
        let (mut inputs, mut targets) = self.data.rows();
        inputs.remove(mu);
        targets.remove(mu);
        self.edit(inputs, targets, Step::New)
    }

    /// Sets one number of pattern μ from what a person typed: `column` 0..N−1 is x1..xN, N..N+K−1
    /// is t1..tK (a decimal comma is fine).
    ///
    /// # Errors
    /// μ or the column out of range, or not a finite number — naming the cell; nothing changes.
    pub fn set_pattern_value(
        &mut self,
        mu: usize,
        column: usize,
        text: &str,
    ) -> Result<(), String> {
        let cell = self.cell_name(mu, column)?;
        let v = crate::json::read_number(text, true)
            .map_err(|why| format!("{cell}: {}", why.reason(text)))?;
        let n = self.data.inputs();
        let (mut inputs, mut targets) = self.data.rows();
        match column < n {
            true => inputs[mu][column] = v,
            false => targets[mu][column - n] = v,
        }
        self.edit(inputs, targets, Step::New)
    }

    /// The name of cell `column` of pattern μ, as the table's column heads say it: `x2 of pattern 1`.
    ///
    /// # Errors
    /// μ or the column out of range.
    fn cell_name(&self, mu: usize, column: usize) -> Result<String, String> {
        let (n, k) = (self.data.inputs(), self.data.outputs());
        if mu >= self.data.len() {
            return Err(self.no_pattern(mu));
        }
        match column {
            c if c < n => Ok(format!("x{} of pattern {}", c + 1, mu + 1)),
            c if c < n + k => Ok(format!("t{} of pattern {}", c - n + 1, mu + 1)),
            c => Err(format!(
                "column {c} is not one of 0 to {} (x1 … x{n}, t1 … t{k})",
                n + k - 1
            )),
        }
    }

    /// Fills cells from pattern μ's `column` on (x1..xN, then t1..tK) with a block pasted from a
    /// spreadsheet ([`csv::block`]), row r of the block into pattern μ + r, as a spreadsheet does;
    /// one undo step. Returns how many cells it set.
    ///
    /// # Errors
    /// A cell that is not a number, or a block that reaches past the last pattern or column —
    /// naming both; nothing changes.
    pub fn paste_cells(&mut self, mu: usize, column: usize, text: &str) -> Result<usize, String> {
        let from = self.cell_name(mu, column)?;
        let block = csv::block(text)?;
        let (n, k, p) = (self.data.inputs(), self.data.outputs(), self.data.len());
        let wide = block.iter().map(Vec::len).max().unwrap_or(0);
        if mu + block.len() > p || column + wide > n + k {
            let plural = |count: usize, what: &str| match count {
                1 => format!("1 {what}"),
                c => format!("{c} {what}s"),
            };
            return Err(format!(
                "the pasted block ({} × {}) from {from} on does not fit: the table ends at pattern {p} and column t{k}",
                plural(block.len(), "row"),
                plural(wide, "column"),
            ));
        }
        let (mut inputs, mut targets) = self.data.rows();
        for (r, row) in block.iter().enumerate() {
            for (c, &v) in row.iter().enumerate() {
                match column + c < n {
                    true => inputs[mu + r][column + c] = v,
                    false => targets[mu + r][column + c - n] = v,
                }
            }
        }
        self.edit(inputs, targets, Step::New)?;
        Ok(block.iter().map(Vec::len).sum())
    }

    /// Flips target t_i of pattern μ: 1 if it is below 0.5, else 0.
    ///
    /// # Errors
    /// μ or i out of range; nothing changes.
    pub fn flip_target(&mut self, mu: usize, i: usize) -> Result<(), String> {
        let (inputs, mut targets) = self.data.rows();
        let k = self.data.outputs();
        let t = targets
            .get_mut(mu)
            .ok_or_else(|| self.no_pattern(mu))?
            .get_mut(i)
            .ok_or_else(|| format!("target i = {i} is not one of 0 to {}", k - 1))?;
        *t = if *t < 0.5 { 1.0 } else { 0.0 };
        self.edit(inputs, targets, Step::New)
    }

    /// Replaces the patterns with those of CSV text (see [`crate::csv::parse`]); returns notes on
    /// what the reader assumed and on targets the output cannot reach. Data of another shape gets
    /// a new network for it, drawn from the seed.
    ///
    /// # Errors
    /// The first problem, with its line and column; nothing changes.
    pub fn import_csv(&mut self, text: &str) -> Result<Vec<String>, String> {
        let shape = (self.data.inputs(), self.data.outputs());
        let table = csv::parse(text, shape)?;
        self.edit(table.inputs, table.targets, Step::New)?;
        self.fit_view(); // new data: its own view, not the old one's union with it
        let mut notes = table.notes;
        notes.extend(self.data_notes());
        Ok(notes)
    }

    /// The patterns as CSV (see [`crate::csv::write`]).
    pub fn data_csv(&self) -> String {
        csv::write(&self.data)
    }

    /// The title of the built-in data set these patterns equal (in any order), once the data was
    /// edited or given pattern by pattern: "this is now OR".
    pub fn data_match(&self) -> Option<&'static str> {
        // (Opened from the menu or a file as it is, the data is what its name says.)
        self.data_match_name().map(|k| TITLES[k])
    }

    /// Whether the data equals AND or OR (see [`Session::data_match`]): one straight line
    /// separates the targets, so no hidden layer is needed.
    pub fn data_separable(&self) -> bool {
        ["and", "or"]
            .iter()
            .any(|name| Dataset::named(name, 0).is_ok_and(|d| d.same_set(&self.data)))
    }

    /// Whether the data in force came from an edit here, or was given pattern by pattern.
    pub(super) fn edited(&self) -> bool {
        self.edits.touched || matches!(self.setup.dataset, DatasetSpec::Inline { .. })
    }

    /// The index in [`NAMES`] of the built-in data set equal to the edited data, in any order.
    fn data_match_name(&self) -> Option<usize> {
        if !self.edited() {
            return None;
        }
        (0..NAMES.len()).find(|&k| {
            Dataset::named(NAMES[k], self.setup.seed).is_ok_and(|d| d.same_set(&self.data))
        })
    }

    /// Notes on targets the output layer's activation cannot reach (kept, but E cannot reach 0).
    pub fn data_notes(&self) -> Vec<String> {
        let g = self.net().layers().last().map(|l| l.activation);
        let Some(g) = g else { return Vec::new() };
        let (lo, hi) = g.range();
        // (Plain loops: this runs after every edit, and iterator chains cost the wasm more.)
        let (mut count, mut first, mut huge) = (0, None, false);
        for mu in 0..self.data.len() {
            for (i, &t) in self.data.pattern(mu).1.iter().enumerate() {
                huge |= t.abs() > 1e150;
                if t < lo || t > hi {
                    count += 1;
                    first.get_or_insert((mu, i, t));
                }
            }
        }
        let mut notes = Vec::new();
        if huge && !self.error().is_finite() {
            notes.push(
                "E = ∞: targets this large overflow the squares (t − y)² in E, so nothing can be learnt; scale them down"
                    .to_string(),
            );
        }
        if let Some((mu, i, t)) = first {
            let what = match count {
                1 => "1 target lies".to_string(),
                c => format!("{c} targets lie"),
            };
            notes.push(format!(
                "{what} outside what a {} output reaches ({} to {}), e.g. t{} = {} of pattern {}: kept, but E cannot reach 0 (a linear output can fit any target)",
                g.name(),
                crate::json::rounded(lo),
                crate::json::rounded(hi),
                i + 1,
                crate::json::rounded(t),
                mu + 1
            ));
        }
        notes
    }

    /// Inputs for a point drawn on the plot.
    fn drawn(&self, x1: f64, x2: f64) -> Result<Vec<f64>, String> {
        if !x1.is_finite() || !x2.is_finite() {
            return Err("a drawn point must have finite coordinates".into());
        }
        let v = self.view;
        let width = |lo: f64, hi: f64| 2.0 * (hi * 0.5 - lo * 0.5);
        let x1 = csv::round_to_view(x1, width(v[0], v[1]));
        match self.data.inputs() {
            1 => Ok(vec![x1]),
            2 => Ok(vec![x1, csv::round_to_view(x2, width(v[2], v[3]))]),
            n => Err(format!(
                "drawing on the plot needs 1 or 2 inputs; this data has {n}: edit the table instead"
            )),
        }
    }

    fn no_pattern(&self, mu: usize) -> String {
        format!(
            "pattern μ = {mu} is not one of 0 to {}",
            self.data.len() - 1
        )
    }

    /// Applies new rows as one step of the undo history (or as part of the latest, for a drag).
    fn edit(
        &mut self,
        inputs: Vec<Vec<f64>>,
        targets: Vec<Vec<f64>>,
        step: Step,
    ) -> Result<(), String> {
        let new = Dataset::inline(&inputs, &targets).map_err(|e| format!("dataset.{e}"))?;
        if new.same_patterns(&self.data) {
            return Ok(()); // nothing changed: no undo step
        }
        let same_shape = (new.inputs(), new.outputs()) == (self.data.inputs(), self.data.outputs());
        let before = match same_shape {
            true => Entry::Data(self.setup.dataset.clone(), self.setup.seed),
            false => Entry::Whole(Box::new(self.snapshot()), false),
        };
        self.apply(DatasetSpec::Inline { inputs, targets })?;
        let (moving, joins) = match step {
            Step::New => (None, false),
            Step::Move(mu, join) => (Some(mu), join && self.edits.moving == Some(mu)),
        };
        if !joins {
            self.edits.record(before);
        }
        self.edits.moving = moving;
        self.edits.touched = true;
        Ok(())
    }

    /// Puts a data set in force: XOR, AND or OR when the patterns equal one exactly; the same
    /// weights when N and K stay, else a new network from the seed. The view grows to hold it.
    pub(super) fn apply(&mut self, spec: DatasetSpec) -> Result<(), String> {
        let seed = self.setup.seed;
        let mut data = spec.build(seed)?;
        let mut spec = spec;
        if let DatasetSpec::Inline { .. } = spec {
            if let Some(named) = FIXED
                .iter()
                .filter_map(|name| Dataset::named(name, seed).ok())
                .find(|d| d.same_patterns(&data))
            {
                spec = DatasetSpec::Named(named.name().to_string());
                data = named;
            }
        }
        let net = self.net();
        if (data.inputs(), data.outputs()) == (net.inputs(), net.outputs()) {
            self.stepper = Stepper::new(net.clone(), self.epoch(), data.len());
            self.setup.dataset = spec;
            self.data = data;
        } else {
            let mut setup = self.setup.clone();
            setup.dataset = spec;
            let mut fresh = Session::from_setup(&setup)?;
            fresh.edits = std::mem::take(&mut self.edits);
            *self = fresh; // its view is the new data's own
        }
        self.grow_view();
        Ok(())
    }

    /// Widens the view to the data's extent when a pattern lies outside it.
    fn grow_view(&mut self) {
        let v = self.view;
        let inside = (0..self.data.len()).all(|mu| {
            let x = self.data.pattern(mu).0;
            let y = x.get(1).copied().unwrap_or(0.5 * v[2] + 0.5 * v[3]);
            (v[0]..=v[1]).contains(&x[0]) && (v[2]..=v[3]).contains(&y)
        });
        if !inside {
            let d = self.data.domain();
            self.view = [
                v[0].min(d[0]),
                v[1].max(d[1]),
                v[2].min(d[2]),
                v[3].max(d[3]),
            ];
        }
    }
}
