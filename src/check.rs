//! Gradient checking: how far a finite-difference estimate is from backprop, per parameter at one
//! ε. The page runs one check per ε of a sweep to show truncation error (∝ ε for the forward
//! difference, ε² for the central one) against round-off (∝ 1/ε), the V of Blackboard 2.3's
//! trade-off.

use crate::cost::OpCount;
use crate::dataset::Dataset;
use crate::forward::error_with;
use crate::network::Network;
use crate::numerical::{check_eps, difference, Scheme};
use crate::pass::Pass;

/// Both finite differences for every parameter at one ε, computed a slice at a time so that a page
/// can spread the O(n²) work over many frames. The network must not change while it runs.
#[derive(Clone, Debug)]
pub struct GradientCheck {
    eps: f64,
    e0: f64,
    next: usize,
    probe: Network,
    fwd_pass: Pass,
    cen_pass: Pass,
    /// Forward-difference estimates so far.
    pub forward: Vec<f64>,
    /// Central-difference estimates so far.
    pub central: Vec<f64>,
}

impl GradientCheck {
    /// Starts a check at ε; computes the baseline E(w) of the forward difference.
    ///
    /// # Errors
    /// ε not a finite number > 0.
    pub fn new(net: &Network, data: &Dataset, eps: f64) -> Result<GradientCheck, String> {
        check_eps(eps)?;
        let mut fwd_pass = Pass::new(net);
        let e0 = error_with(net, data, &mut fwd_pass);
        Ok(GradientCheck {
            eps,
            e0,
            next: 0,
            probe: net.clone(),
            cen_pass: Pass::new(net),
            fwd_pass,
            forward: Vec::with_capacity(net.params().len()),
            central: Vec::with_capacity(net.params().len()),
        })
    }

    /// Estimates up to `count` more parameters; returns whether all are done.
    pub fn advance(&mut self, data: &Dataset, count: usize) -> bool {
        let end = self
            .next
            .saturating_add(count)
            .min(self.probe.params().len());
        for k in self.next..end {
            let (eps, e0) = (self.eps, self.e0);
            let f = difference(
                &mut self.probe,
                data,
                &mut self.fwd_pass,
                k,
                eps,
                Scheme::Forward,
                e0,
            );
            let c = difference(
                &mut self.probe,
                data,
                &mut self.cen_pass,
                k,
                eps,
                Scheme::Central,
                e0,
            );
            self.forward.push(f);
            self.central.push(c);
        }
        self.next = end;
        self.done()
    }

    /// Whether every parameter has both estimates.
    pub fn done(&self) -> bool {
        self.next == self.probe.params().len()
    }

    /// Parameters done, as a fraction of n.
    pub fn progress(&self) -> f64 {
        self.next as f64 / self.probe.params().len() as f64
    }

    /// ε.
    pub fn eps(&self) -> f64 {
        self.eps
    }

    /// What the forward difference has cost so far: (n + 1)·P pattern forward passes when done.
    pub fn forward_cost(&self) -> OpCount {
        self.fwd_pass.cost
    }

    /// What the central difference has cost so far: 2n·P pattern forward passes when done.
    pub fn central_cost(&self) -> OpCount {
        self.cen_pass.cost
    }
}

/// Least-squares slope of log y against log x (points with a non-positive coordinate are skipped).
pub fn loglog_slope(xs: &[f64], ys: &[f64]) -> f64 {
    let pts: Vec<(f64, f64)> = xs
        .iter()
        .zip(ys)
        .filter(|(x, y)| **x > 0.0 && **y > 0.0)
        .map(|(x, y)| (x.ln(), y.ln()))
        .collect();
    let n = pts.len() as f64;
    let (sx, sy) = pts.iter().fold((0.0, 0.0), |(a, b), p| (a + p.0, b + p.1));
    let (mx, my) = (sx / n, sy / n);
    let (num, den) = pts.iter().fold((0.0, 0.0), |(a, b), p| {
        (a + (p.0 - mx) * (p.1 - my), b + (p.0 - mx) * (p.0 - mx))
    });
    num / den
}

/// |num − bp| / max(|bp|, |num|, floor) per parameter, with floor = 10⁻³ · max_k |bp_k| so that a
/// parameter whose gradient is nearly zero does not turn round-off into a huge ratio.
pub fn relative_errors(bp: &[f64], num: &[f64]) -> Vec<f64> {
    let scale = bp.iter().fold(0.0f64, |m, g| m.max(g.abs()));
    let floor = (1e-3 * scale).max(f64::MIN_POSITIVE);
    bp.iter()
        .zip(num)
        .map(|(b, n)| {
            let diff = (n - b).abs();
            if diff == 0.0 {
                0.0
            } else {
                diff / b.abs().max(n.abs()).max(floor)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backprop::backprop;
    use crate::numerical::numerical_gradient;
    use crate::setup::Setup;

    /// The largest relative error of any parameter.
    fn worst(bp: &[f64], num: &[f64]) -> f64 {
        relative_errors(bp, num).into_iter().fold(0.0, f64::max)
    }

    /// The page's ε sweep: for each ε, a whole check, then the largest relative error of the
    /// forward and of the central difference.
    #[test]
    fn the_sweep_is_a_finite_v_with_slopes_one_and_two() {
        let model = Setup::default().model().unwrap();
        let data = model.dataset().unwrap();
        let bp = backprop(&model.net, &data).grad;
        let sweep: Vec<[f64; 3]> = (0..=26)
            .map(|k| {
                let e = 10f64.powf(-14.0 + 0.5 * k as f64);
                let mut check = GradientCheck::new(&model.net, &data, e).unwrap();
                while !check.advance(&data, 64) {}
                [e, worst(&bp, &check.forward), worst(&bp, &check.central)]
            })
            .collect();
        assert!(sweep.iter().flatten().all(|v| v.is_finite()), "{sweep:?}");
        // The V: large at both ends, small in between.
        for scheme in [1, 2] {
            let best = sweep
                .iter()
                .map(|r| r[scheme])
                .fold(f64::INFINITY, f64::min);
            assert!(best < 1e-6, "scheme {scheme}: best {best}");
            assert!(sweep[0][scheme] > 100.0 * best && sweep[26][scheme] > 100.0 * best);
        }
        // Truncation side: one decade of ε is one decade of error (forward), two (central).
        let slope = |col: usize, a: usize, b: usize| {
            (sweep[b][col] / sweep[a][col]).log10() / (sweep[b][0] / sweep[a][0]).log10()
        };
        let (fwd, cen) = (slope(1, 20, 24), slope(2, 20, 24)); // ε from 1e-4 to 1e-2
        assert!((fwd - 1.0).abs() < 0.15, "forward slope {fwd}");
        assert!((cen - 2.0).abs() < 0.15, "central slope {cen}");
    }

    #[test]
    fn the_sliced_check_equals_the_whole_estimates_and_counts_the_closed_forms() {
        let model = Setup {
            hidden: vec![3, 2],
            activations: vec![crate::activation::Activation::Tanh; 3],
            ..Setup::default()
        }
        .model()
        .unwrap();
        let data = model.dataset().unwrap();
        let mut check = GradientCheck::new(&model.net, &data, 1e-4).unwrap();
        let mut slices = 0;
        while !check.advance(&data, 4) {
            slices += 1;
        }
        assert!(slices > 3);
        let fwd = numerical_gradient(&model.net, &data, 1e-4, Scheme::Forward).unwrap();
        let cen = numerical_gradient(&model.net, &data, 1e-4, Scheme::Central).unwrap();
        assert_eq!(check.forward, fwd.grad);
        assert_eq!(check.central, cen.grad);
        assert_eq!(check.forward_cost(), fwd.cost);
        assert_eq!(check.central_cost(), cen.cost);
        let (n, p) = (model.net.params().len() as u64, data.len() as u64);
        assert_eq!(check.forward_cost().forward_passes, (n + 1) * p);
        assert_eq!(check.central_cost().forward_passes, 2 * n * p);
    }

    #[test]
    fn loglog_slopes_of_powers() {
        let xs = [1.0, 10.0, 100.0, 1000.0];
        let ys: Vec<f64> = xs.iter().map(|x: &f64| 3.0 * x.powi(2)).collect();
        assert!((loglog_slope(&xs, &ys) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn relative_errors_ignore_noise_on_vanishing_gradients() {
        let rel = relative_errors(&[1.0, 0.0, 1e-12], &[1.0 + 1e-9, 1e-13, 0.0]);
        assert!(rel.iter().all(|r| *r < 1e-8), "{rel:?}");
        assert_eq!(worst(&[2.0], &[1.0]), 0.5);
        assert_eq!(worst(&[0.0], &[0.0]), 0.0);
    }
}
