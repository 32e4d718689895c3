//! The hot path: a block of B patterns through the network together, layer by layer, each value
//! stored as [neuron][pattern] so the innermost loops run over patterns (contiguous, and
//! vectorisable). It computes exactly what [`crate::forward`] and [`crate::backward`] compute for one
//! pattern — the same operations in the same order, so the numbers agree to the bit — and is used
//! for batch training and for evaluating the input plane.

use crate::dataset::Dataset;
use crate::lanes::{F64x2, Real};
use crate::math::PAIR_KIT;
use crate::network::Network;

/// Values of a block of patterns: x^(0..L), a^(1..L), δ^(1..L), each [neuron][pattern].
#[derive(Clone, Debug)]
pub struct Block {
    width: usize,
    inputs: usize,
    /// x^(0) then x^(1..L), neuron-major: x_j of pattern μ at `(row) * width + μ`.
    x: Vec<f64>,
    a: Vec<f64>,
    delta: Vec<f64>,
    /// Targets t_i of the loaded patterns, [output][pattern].
    t: Vec<f64>,
    /// Which patterns are loaded (data set generation, first pattern), so a training loop loads once.
    loaded: Option<(u64, usize)>,
}

impl Block {
    /// Buffers for `width` patterns of `net`.
    pub fn new(net: &Network, width: usize) -> Block {
        let m = net.neurons();
        Block {
            width,
            inputs: net.inputs(),
            x: vec![0.0; (net.inputs() + m) * width],
            a: vec![0.0; m * width],
            delta: vec![0.0; m * width],
            t: vec![0.0; net.outputs() * width],
            loaded: None,
        }
    }

    /// B, the patterns this block holds.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Input j of every pattern of the block, to write.
    pub fn input_row_mut(&mut self, j: usize) -> &mut [f64] {
        self.loaded = None;
        &mut self.x[j * self.width..(j + 1) * self.width]
    }

    /// Loads patterns `start .. start + B` of `data` as x^(0) and targets (once: a second call with
    /// the same data set, by [`Dataset::generation`], and start does nothing).
    pub fn load(&mut self, data: &Dataset, start: usize) {
        let key = (data.generation(), start);
        if self.loaded == Some(key) {
            return;
        }
        for mu in 0..self.width {
            let (input, target) = data.pattern(start + mu);
            for (j, v) in input.iter().enumerate() {
                self.x[j * self.width + mu] = *v;
            }
            for (i, v) in target.iter().enumerate() {
                self.t[i * self.width + mu] = *v;
            }
        }
        self.loaded = Some(key);
    }

    /// Input x_j^(0) of the four loaded patterns as two pairs (a block of width 4).
    #[inline(always)]
    pub fn input_pairs(&self, j: usize) -> [F64x2; 2] {
        pairs::<2>(&self.x, j)
    }

    /// Target t_i of the four loaded patterns as two pairs (a block of width 4).
    #[inline(always)]
    pub fn target_pairs(&self, i: usize) -> [F64x2; 2] {
        pairs::<2>(&self.t, i)
    }

    /// Output x_i^(n) of neuron `unit` (counted over layers 1..L) for every pattern of the block.
    pub fn x_of_unit(&self, unit: usize) -> &[f64] {
        let row = self.inputs + unit;
        &self.x[row * self.width..(row + 1) * self.width]
    }

    /// Drive a_i^(n) of neuron `unit` for every pattern of the block.
    pub fn a_of_unit(&self, unit: usize) -> &[f64] {
        &self.a[unit * self.width..(unit + 1) * self.width]
    }

    /// The forward pass: a_i^(n) = b_i^(n) + Σ_j w_ij^(n) x_j^(n−1) and x_i^(n) = g^(n)(a_i^(n)) for
    /// every pattern of the block, layer n = 1..L.
    pub fn forward(&mut self, net: &Network) {
        // A block of 4 (XOR, AND, OR) goes as two pairs of patterns (f64x2 in wasm), the
        // activations included, in straight code.
        match self.width {
            4 => self.forward_pairs::<2>(net),
            _ => self.forward_w::<0>(net),
        }
    }

    /// [`Block::forward`] for a block of exactly 2·P patterns, P pairs at a time.
    fn forward_pairs<const P: usize>(&mut self, net: &Network) {
        let bw = 2 * P;
        let params = net.params();
        // The activations' constants, read from memory: behind an opaque reference, so that they
        // are not folded back into each use.
        let kit = std::hint::black_box(&PAIR_KIT);
        for layer in net.layers() {
            let (fan_in, g) = (layer.fan_in, layer.activation);
            let x_row0 = self.inputs + layer.unit; // first row of x^(n)
            let (below, above) = self.x.split_at_mut(x_row0 * bw);
            let x_in = &below[(x_row0 - fan_in) * bw..];
            for i in 0..layer.m {
                // a_i^(n) = b_i^(n) + Σ_j w_ij^(n) x_j^(n−1), added in that order
                let mut a = [F64x2::splat(params[layer.b_index(i)]); P];
                for j in 0..fan_in {
                    let w = F64x2::splat(params[layer.w_index(i, j)]);
                    let x = &x_in[j * bw..(j + 1) * bw];
                    for (p, a) in a.iter_mut().enumerate() {
                        *a = *a + w * F64x2::load(&x[2 * p..]);
                    }
                }
                let a_row = &mut self.a[(layer.unit + i) * bw..(layer.unit + i + 1) * bw];
                let x_row = &mut above[i * bw..(i + 1) * bw];
                for (p, a) in a.into_iter().enumerate() {
                    a.store(&mut a_row[2 * p..]);
                    g.g_pair(a, kit).store(&mut x_row[2 * p..]);
                }
            }
        }
    }

    fn forward_w<const W: usize>(&mut self, net: &Network) {
        let bw = if W == 0 { self.width } else { W };
        let params = net.params();
        for layer in net.layers() {
            let (fan_in, g) = (layer.fan_in, layer.activation);
            let x_row0 = self.inputs + layer.unit; // first row of x^(n)
            let (below, above) = self.x.split_at_mut(x_row0 * bw);
            let x_in = &below[(x_row0 - fan_in) * bw..];
            for i in 0..layer.m {
                let a = &mut self.a[(layer.unit + i) * bw..(layer.unit + i + 1) * bw];
                a.fill(params[layer.b_index(i)]);
                for j in 0..fan_in {
                    let w = params[layer.w_index(i, j)];
                    for (a, x) in a.iter_mut().zip(&x_in[j * bw..(j + 1) * bw]) {
                        *a += w * x;
                    }
                }
                let x_out = &mut above[i * bw..(i + 1) * bw];
                g.apply(a, x_out);
            }
        }
    }

    /// E of the loaded patterns, Σ_μ ½ Σ_i (t_i − ŷ_i)².
    pub fn error(&self, net: &Network) -> f64 {
        if self.width == 4 {
            return self.error_pairs::<2>(net);
        }
        let out = net.layer(net.depth());
        let bw = self.width;
        let mut e = 0.0;
        for mu in 0..bw {
            let mut sum = -0.0; // as f64's Sum starts, so this equals forward::pattern_error
            for i in 0..out.m {
                let (t, y) = (self.t[i * bw + mu], self.x_of_unit(out.unit + i)[mu]);
                sum += (t - y) * (t - y);
            }
            e += 0.5 * sum;
        }
        e
    }

    /// [`Block::error`] for a block of exactly 2·P patterns, P pairs at a time.
    fn error_pairs<const P: usize>(&self, net: &Network) -> f64 {
        let out = net.layer(net.depth());
        // −0 to start, as f64's Sum does (see `error`)
        let mut sum = [F64x2::splat(-0.0); P];
        for i in 0..out.m {
            let (t, y) = (
                pairs::<P>(&self.t, i),
                pairs::<P>(&self.x, self.inputs + out.unit + i),
            );
            for p in 0..P {
                let diff = t[p] - y[p];
                sum[p] = sum[p] + diff * diff;
            }
        }
        let mut e = 0.0;
        for s in sum {
            for v in (F64x2::splat(0.5) * s).lanes() {
                e += v;
            }
        }
        e
    }

    /// The backward pass for the loaded patterns, adding their ∂E/∂w to `grad` (parameter layout):
    /// δ_i^(L) = (ŷ_i − t_i) g'(a_i^(L)), δ_k^(n) = g'(a_k^(n)) Σ_j δ_j^(n+1) w_jk^(n+1),
    /// ∂E/∂w_ij^(n) += Σ_μ δ_i^(n) x_j^(n−1), ∂E/∂b_i^(n) += Σ_μ δ_i^(n), patterns in order.
    pub fn backward(&mut self, net: &Network, grad: &mut [f64]) {
        match self.width {
            4 => self.backward_pairs::<2, false>(net, grad),
            _ => self.backward_w::<0>(net, grad),
        }
    }

    /// [`Block::backward`] into a gradient that starts from 0: `grad` is overwritten with the
    /// loaded patterns' ∂E/∂w (the same numbers as zeroing it first and adding, without a fill
    /// of the buffer, which wasm makes a call out of).
    pub fn gradient(&mut self, net: &Network, grad: &mut [f64]) {
        match self.width {
            4 => self.backward_pairs::<2, true>(net, grad),
            _ => {
                grad.fill(0.0);
                self.backward_w::<0>(net, grad);
            }
        }
    }

    /// [`Block::backward`] for a block of exactly 2·P patterns, P pairs at a time; with `FRESH`
    /// each ∂E/∂w starts from 0 instead of from what `grad` holds.
    fn backward_pairs<const P: usize, const FRESH: bool>(
        &mut self,
        net: &Network,
        grad: &mut [f64],
    ) {
        let bw = 2 * P;
        let params = net.params();
        let depth = net.depth();
        for n in (1..=depth).rev() {
            let layer = net.layer(n);
            let (m, unit, g) = (layer.m, layer.unit, layer.activation);
            for i in 0..m {
                let a = pairs::<P>(&self.a, unit + i);
                let x = pairs::<P>(&self.x, self.inputs + unit + i);
                let sum = if n == depth {
                    // ŷ_i − t_i
                    let t = pairs::<P>(&self.t, i);
                    std::array::from_fn(|p| x[p] - t[p])
                } else {
                    // Σ_j δ_j^(n+1) w_ji^(n+1), j in order
                    let above = net.layer(n + 1);
                    let mut sum = [F64x2::splat(0.0); P];
                    for j in 0..above.m {
                        let w = F64x2::splat(params[above.w_index(j, i)]);
                        let d = pairs::<P>(&self.delta, above.unit + j);
                        for (s, d) in sum.iter_mut().zip(d) {
                            *s = *s + d * w;
                        }
                    }
                    sum
                };
                let d: [F64x2; P] = std::array::from_fn(|p| sum[p] * g.g_prime_pair(a[p], x[p]));
                let delta = &mut self.delta[(unit + i) * bw..(unit + i + 1) * bw];
                for (p, d) in d.iter().enumerate() {
                    d.store(&mut delta[2 * p..]);
                }
                // ∂E/∂w_ij^(n) += δ_i^(n) x_j^(n−1) and ∂E/∂b_i^(n) += δ_i^(n), patterns in order
                for j in 0..layer.fan_in {
                    let x_in = pairs::<P>(&self.x, self.inputs + unit - layer.fan_in + j);
                    let k = layer.w_index(i, j);
                    let mut acc = if FRESH { 0.0 } else { grad[k] };
                    for (d, x) in d.iter().zip(x_in) {
                        for v in (*d * x).lanes() {
                            acc += v;
                        }
                    }
                    grad[k] = acc;
                }
                let k = layer.b_index(i);
                let mut acc = if FRESH { 0.0 } else { grad[k] };
                for d in d {
                    for v in d.lanes() {
                        acc += v;
                    }
                }
                grad[k] = acc;
            }
        }
    }

    fn backward_w<const W: usize>(&mut self, net: &Network, grad: &mut [f64]) {
        let bw = if W == 0 { self.width } else { W };
        let params = net.params();
        let depth = net.depth();
        for n in (1..=depth).rev() {
            let layer = net.layer(n);
            let (m, unit, g) = (layer.m, layer.unit, layer.activation);
            let a = &self.a[unit * bw..(unit + m) * bw];
            let x = &self.x[(self.inputs + unit) * bw..(self.inputs + unit + m) * bw];
            if n == depth {
                // ŷ − t here; times g'(a) below
                let delta = &mut self.delta[unit * bw..(unit + m) * bw];
                for ((d, y), t) in delta.iter_mut().zip(x).zip(&self.t) {
                    *d = y - t;
                }
            } else {
                // Σ_j δ_j^(n+1) w_jk^(n+1) here; times g'(a) below
                let above = net.layer(n + 1);
                let (lower, upper) = self.delta.split_at_mut(above.unit * bw);
                let delta_above = &upper[..above.m * bw];
                let delta = &mut lower[unit * bw..(unit + m) * bw];
                for (k, sum) in delta.chunks_exact_mut(bw).enumerate() {
                    sum.fill(0.0);
                    for (j, d) in delta_above.chunks_exact(bw).enumerate() {
                        let w = params[above.w_index(j, k)];
                        for (s, d) in sum.iter_mut().zip(d) {
                            *s += d * w;
                        }
                    }
                }
            }
            let delta = &mut self.delta[unit * bw..(unit + m) * bw];
            g.times_prime(a, x, delta);
            let x_in = &self.x[(self.inputs + unit - layer.fan_in) * bw..(self.inputs + unit) * bw];
            for (i, d) in delta.chunks_exact(bw).enumerate() {
                for (j, x) in x_in.chunks_exact(bw).enumerate() {
                    let k = layer.w_index(i, j);
                    let mut acc = grad[k];
                    for (d, x) in d.iter().zip(x) {
                        acc += d * x;
                    }
                    grad[k] = acc;
                }
                let k = layer.b_index(i);
                let mut acc = grad[k];
                for d in d {
                    acc += d;
                }
                grad[k] = acc;
            }
        }
    }
}

/// Row `r` of a [neuron][pattern] buffer of 2·P patterns, as P pairs.
#[inline(always)]
fn pairs<const P: usize>(v: &[f64], r: usize) -> [F64x2; P] {
    let row = &v[r * 2 * P..(r + 1) * 2 * P];
    std::array::from_fn(|p| F64x2::load(&row[2 * p..]))
}
