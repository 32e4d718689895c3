//! The patterns μ = 1..P a network learns: the lecture's XOR, the linearly separable AND and OR, and
//! 2-D point sets generated from the seed for play beyond the lecture.

use crate::math::sin_cos;
use crate::rng::Rng;

/// Every named data set, the lecture's first.
pub const NAMES: [&str; 7] = ["xor", "and", "or", "xor-noisy", "circle", "blobs", "spiral"];

/// The named data sets the seed does not change (the lecture's truth tables).
pub const FIXED: [&str; 3] = ["xor", "and", "or"];

/// What the page calls each of [`NAMES`], in the same order.
pub const TITLES: [&str; 7] = [
    "XOR (the lecture)",
    "AND",
    "OR",
    "noisy XOR quadrants",
    "circle",
    "two blobs",
    "spiral",
];

/// Most patterns an inline data set may have.
pub const MAX_PATTERNS: usize = 1000;

/// Patterns (x^(0),μ, t^μ), stored flat: input μ is `x[μ·N .. (μ+1)·N]`, target μ `t[μ·K ..]`.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Which patterns these are: a number no other data set built in this run has (a copy keeps
    /// it). What a training block caches is keyed on it (a data set's address can be reused).
    generation: u64,
    name: String,
    inputs: usize,
    outputs: usize,
    x: Vec<f64>,
    t: Vec<f64>,
    domain: [f64; 4],
}

/// A new [`Dataset::generation`].
fn next_generation() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Dataset {
    /// A number that tells these patterns from any other data set's built in this run (a copy
    /// keeps it).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// A named data set; generated ones are drawn from `seed`. Targets are 0 or 1.
    ///
    /// # Errors
    /// An unknown name, with the list of known ones.
    #[inline]
    pub fn named(name: &str, seed: u64) -> Result<Dataset, String> {
        let gate = |t: [f64; 4]| {
            let x = vec![0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0];
            (x, t.to_vec(), [-0.5, 1.5, -0.5, 1.5])
        };
        let mut rng = Rng::new(seed ^ 0xDA7A_5E7D);
        let (x, t, domain) = match name {
            "xor" => gate([0.0, 1.0, 1.0, 0.0]),
            "and" => gate([0.0, 0.0, 0.0, 1.0]),
            "or" => gate([0.0, 1.0, 1.0, 1.0]),
            "xor-noisy" => points(100, &mut rng, noisy_xor),
            "circle" => points(100, &mut rng, circle),
            "blobs" => points(100, &mut rng, blobs),
            "spiral" => points(100, &mut rng, spiral),
            _ => {
                // (A loop, not NAMES.join: the only join of &strs in the wasm, 1 KB of its own.)
                let mut known = String::new();
                for n in NAMES {
                    if !known.is_empty() {
                        known.push_str(", ");
                    }
                    known.push_str(n);
                }
                return Err(format!(
                    "unknown data set \"{name}\" (expected one of {known})"
                ));
            }
        };
        // The drawn square, widened where a generated point falls outside it.
        let r = extent(&x, 2);
        let outside = r[0] < domain[0] || r[1] > domain[1] || r[2] < domain[2] || r[3] > domain[3];
        let e = padded(r);
        let domain = if outside {
            [
                domain[0].min(e[0]),
                domain[1].max(e[1]),
                domain[2].min(e[2]),
                domain[3].max(e[3]),
            ]
        } else {
            domain
        };
        Ok(Dataset {
            generation: next_generation(),
            name: name.to_string(),
            inputs: 2,
            outputs: 1,
            x,
            t,
            domain,
        })
    }

    /// A data set given pattern by pattern (rows of equal length, all finite; −0 is read as 0).
    ///
    /// # Errors
    /// No patterns, more than [`MAX_PATTERNS`], ragged rows, empty rows or non-finite numbers.
    #[inline]
    pub fn inline(inputs: &[Vec<f64>], targets: &[Vec<f64>]) -> Result<Dataset, String> {
        if inputs.is_empty() || inputs.len() > MAX_PATTERNS {
            return Err(format!(
                "inputs: expected 1 to {MAX_PATTERNS} patterns, got {}",
                inputs.len()
            ));
        }
        if targets.len() != inputs.len() {
            return Err(format!(
                "targets: expected {} rows (one per input), got {}",
                inputs.len(),
                targets.len()
            ));
        }
        let flat = |rows: &[Vec<f64>], field: &str| -> Result<(usize, Vec<f64>), String> {
            let width = rows[0].len();
            if width == 0 {
                return Err(format!("{field}[0]: expected at least one number"));
            }
            let mut out = Vec::with_capacity(rows.len() * width);
            for (mu, row) in rows.iter().enumerate() {
                if row.len() != width {
                    return Err(format!(
                        "{field}[{mu}]: expected {width} numbers, got {}",
                        row.len()
                    ));
                }
                if let Some(j) = row.iter().position(|v| !v.is_finite()) {
                    return Err(format!("{field}[{mu}][{j}]: expected a finite number"));
                }
                // −0 is stored as 0: the same pattern whichever way the zero was written.
                out.extend(row.iter().map(|v| v + 0.0));
            }
            Ok((width, out))
        };
        let (n, x) = flat(inputs, "inputs")?;
        let (k, t) = flat(targets, "targets")?;
        let domain = padded(extent(&x, n));
        Ok(Dataset {
            generation: next_generation(),
            name: "custom".to_string(),
            inputs: n,
            outputs: k,
            x,
            t,
            domain,
        })
    }

    /// The name (`custom` for an inline set).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// P, the number of patterns.
    pub fn len(&self) -> usize {
        self.x.len() / self.inputs
    }

    /// Whether there are no patterns (never, for a constructed data set).
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// N, numbers per input.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// K, numbers per target.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// Pattern μ (0-based): its input x^(0) and target t.
    pub fn pattern(&self, mu: usize) -> (&[f64], &[f64]) {
        let (n, k) = (self.inputs, self.outputs);
        (&self.x[mu * n..(mu + 1) * n], &self.t[mu * k..(mu + 1) * k])
    }

    /// The region of the input plane worth drawing: [x1_min, x1_max, x2_min, x2_max].
    pub fn domain(&self) -> [f64; 4] {
        self.domain
    }

    /// Inputs and targets as rows, one per pattern (as [`Dataset::inline`] takes them).
    #[inline]
    pub fn rows(&self) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
        let (mut inputs, mut targets) = (Vec::new(), Vec::new());
        for mu in 0..self.len() {
            let (x, t) = self.pattern(mu);
            inputs.push(x.to_vec());
            targets.push(t.to_vec());
        }
        (inputs, targets)
    }

    /// Whether both hold the same patterns in the same order (numbers bit for bit).
    #[inline]
    pub fn same_patterns(&self, other: &Dataset) -> bool {
        let same = |a: &[f64], b: &[f64]| {
            a.len() == b.len() && a.iter().zip(b).all(|(u, v)| u.to_bits() == v.to_bits())
        };
        (self.inputs, self.outputs) == (other.inputs, other.outputs)
            && same(&self.x, &other.x)
            && same(&self.t, &other.t)
    }

    /// Whether both hold the same patterns, in any order (each matched once; O(P²) compares, no
    /// sort: the wasm has no sort to spare, and the sets compared hold at most 100 patterns).
    #[inline]
    pub fn same_set(&self, other: &Dataset) -> bool {
        if (self.inputs, self.outputs, self.len()) != (other.inputs, other.outputs, other.len()) {
            return false;
        }
        let bits = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(u, v)| u.to_bits() == v.to_bits());
        let same = |mu: usize, nu: usize| {
            let ((x, t), (y, s)) = (self.pattern(mu), other.pattern(nu));
            bits(x, y) && bits(t, s)
        };
        let mut used = vec![false; other.len()];
        (0..self.len()).all(
            |mu| match (0..other.len()).find(|&nu| !used[nu] && same(mu, nu)) {
                Some(nu) => {
                    used[nu] = true;
                    true
                }
                None => false,
            },
        )
    }
}

/// [x1_min, x1_max, x2_min, x2_max] of inputs stored flat, N per pattern (x2 = 0 for N = 1).
#[inline]
fn extent(x: &[f64], n: usize) -> [f64; 4] {
    let mut d = [
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for p in x.chunks(n) {
        let y = if n > 1 { p[1] } else { 0.0 };
        d = [d[0].min(p[0]), d[1].max(p[0]), d[2].min(y), d[3].max(y)];
    }
    d
}

/// Most a domain reaches from 0: its width, up to f64::MAX, stays a finite number.
const REACH: f64 = f64::MAX / 2.0;

/// The data's extent [x1_min, x1_max, x2_min, x2_max] with a margin on each axis: a quarter of the
/// wider side while both sides are of a size (so XOR's square stays square), at least 0.25, and
/// at least 0.1 % of the axis's own distance from 0 (so a single point far out still gets a view of
/// its own); within ±f64::MAX / 2, so every width is a finite number.
#[inline]
fn padded(d: [f64; 4]) -> [f64; 4] {
    let d = d.map(|v| v.clamp(-0.9 * REACH, 0.9 * REACH));
    let half = |lo: f64, hi: f64| hi * 0.5 - lo * 0.5; // no overflow, unlike hi − lo
    let (h1, h2) = (half(d[0], d[1]), half(d[2], d[3]));
    let pad = |lo: f64, hi: f64, own: f64| {
        let shared = if h1.max(h2) <= 1e3 * own.max(0.25) {
            h1.max(h2)
        } else {
            own
        };
        (shared * 0.5).max(0.25).max(lo.abs().max(hi.abs()) * 1e-3)
    };
    let (p1, p2) = (pad(d[0], d[1], h1), pad(d[2], d[3], h2));
    let clamp = |v: f64| v.clamp(-REACH, REACH);
    [
        clamp(d[0] - p1),
        clamp(d[1] + p1),
        clamp(d[2] - p2),
        clamp(d[3] + p2),
    ]
}

type Generator = fn(usize, usize, &mut Rng) -> ([f64; 2], f64);

#[inline]
fn points(count: usize, rng: &mut Rng, make: Generator) -> (Vec<f64>, Vec<f64>, [f64; 4]) {
    let (mut x, mut t) = (Vec::with_capacity(2 * count), Vec::with_capacity(count));
    for i in 0..count {
        let (p, target) = make(i, count, rng);
        x.extend_from_slice(&p);
        t.push(target);
    }
    (x, t, [-1.25, 1.25, -1.25, 1.25])
}

/// Uniform in the square, kept off the axes, labelled 1 where x1·x2 < 0, then jittered.
#[inline]
fn noisy_xor(_: usize, _: usize, rng: &mut Rng) -> ([f64; 2], f64) {
    let off_axis = |rng: &mut Rng| {
        let v = rng.uniform(-1.0, 1.0);
        v + 0.1 * v.signum()
    };
    let (x1, x2) = (off_axis(rng) * 0.9, off_axis(rng) * 0.9);
    let t = if x1 * x2 < 0.0 { 1.0 } else { 0.0 };
    ([x1 + 0.1 * rng.normal(), x2 + 0.1 * rng.normal()], t)
}

/// Half inside radius 0.5 (target 1), half in the ring 0.7..1.0 (target 0).
#[inline]
fn circle(i: usize, count: usize, rng: &mut Rng) -> ([f64; 2], f64) {
    let inside = i < count / 2;
    let r = if inside {
        rng.uniform(0.0, 0.5)
    } else {
        rng.uniform(0.7, 1.0)
    };
    let (sin, cos) = sin_cos(rng.uniform(0.0, std::f64::consts::TAU));
    ([r * cos, r * sin], if inside { 1.0 } else { 0.0 })
}

/// Two Gaussian blobs, σ = 0.3, centred at (−0.5, −0.5) (target 0) and (0.5, 0.5) (target 1).
#[inline]
fn blobs(i: usize, count: usize, rng: &mut Rng) -> ([f64; 2], f64) {
    let c = if i < count / 2 { -0.5 } else { 0.5 };
    let p = [c + 0.3 * rng.normal(), c + 0.3 * rng.normal()];
    (p, if c > 0.0 { 1.0 } else { 0.0 })
}

/// Two interleaved spiral arms of 1¾ turns, targets 0 and 1, with a little noise.
#[inline]
fn spiral(i: usize, count: usize, rng: &mut Rng) -> ([f64; 2], f64) {
    let half = count / 2;
    let (arm, k) = (i / half, (i % half) as f64 / half as f64);
    let (r, phi) = (
        0.05 + 0.95 * k,
        1.75 * std::f64::consts::TAU * k + arm as f64 * std::f64::consts::PI,
    );
    let (sin, cos) = sin_cos(phi);
    let p = [r * cos + 0.03 * rng.normal(), r * sin + 0.03 * rng.normal()];
    (p, arm as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xor_is_the_lectures_truth_table() {
        let d = Dataset::named("xor", 0).unwrap();
        assert_eq!(d.len(), 4);
        let rows: Vec<_> = (0..4).map(|mu| d.pattern(mu)).collect();
        assert_eq!(rows[1], (&[0.0, 1.0][..], &[1.0][..]));
        assert_eq!(rows[3], (&[1.0, 1.0][..], &[0.0][..]));
    }

    #[test]
    fn any_finite_data_gets_a_view_of_finite_positive_width() {
        let sets: [&[f64]; 7] = [
            &[1e6, -1e6],
            &[1e300, -1e300],
            &[f64::MAX, -f64::MAX],
            &[f64::MAX, f64::MAX],
            &[1e6, 1e6 + 1e-300],
            &[3.0, 3.0],
            &[-5e-324, 5e-324],
        ];
        // One axis far out does not squeeze the other: x₁ in [0, 1], x₂ around 1e6.
        let inputs = vec![vec![0.0, 1e6], vec![1.0, 1e6 + 1.0]];
        let d = Dataset::inline(&inputs, &[vec![0.0], vec![1.0]])
            .unwrap()
            .domain();
        assert!(d[1] - d[0] < 10.0, "{d:?}");
        for x in sets {
            let inputs: Vec<Vec<f64>> = x.iter().map(|&v| vec![v, v]).collect();
            let targets = vec![vec![0.0]; x.len()];
            let d = Dataset::inline(&inputs, &targets).unwrap().domain();
            for (lo, hi) in [(d[0], d[1]), (d[2], d[3])] {
                let w = hi - lo;
                assert!(w.is_finite() && w > 0.0, "{x:?}: {d:?}");
            }
        }
    }

    #[test]
    fn generated_sets_follow_the_seed_and_are_balanced() {
        for name in &NAMES[3..] {
            let a = Dataset::named(name, 3).unwrap();
            assert!(a.same_patterns(&Dataset::named(name, 3).unwrap()), "{name}");
            assert!(
                !a.same_patterns(&Dataset::named(name, 4).unwrap()),
                "{name}"
            );
            let ones = (0..a.len()).filter(|&mu| a.pattern(mu).1[0] == 1.0).count();
            assert!((25..=75).contains(&ones), "{name}: {ones} of {}", a.len());
            assert!(a.x.iter().all(|v| v.abs() < 1.6), "{name}");
        }
    }

    #[test]
    fn bad_names_and_ragged_inline_sets_are_explained() {
        assert!(Dataset::named("moons", 0).unwrap_err().contains("spiral"));
        let err = Dataset::inline(&[vec![0.0, 1.0], vec![1.0]], &[vec![1.0], vec![0.0]]);
        assert_eq!(err.unwrap_err(), "inputs[1]: expected 2 numbers, got 1");
        let err = Dataset::inline(&[vec![0.0]], &[vec![f64::NAN]]);
        assert_eq!(err.unwrap_err(), "targets[0][0]: expected a finite number");
        assert!(Dataset::inline(&[], &[]).is_err());
    }
}
