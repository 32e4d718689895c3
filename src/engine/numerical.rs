//! Numerical differentiation (Blackboard 2.3): perturb one weight by ε, run the forward pass over all
//! patterns again, and compare E. n weights cost n (or 2n) forward passes of cost O(n) each: O(n²).

use crate::cost::OpCount;
use crate::dataset::Dataset;
use crate::forward::error_with;
use crate::network::Network;
use crate::pass::Pass;

/// Which finite difference to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// ∂E/∂w ≈ (E(w + ε) − E(w)) / ε, the notes' form: error O(ε), (n + 1)·P forward passes.
    Forward,
    /// ∂E/∂w ≈ (E(w + ε) − E(w − ε)) / (2ε): error O(ε²), 2n·P forward passes.
    Central,
}

impl Scheme {
    /// Reads `forward` or `central`.
    ///
    /// # Errors
    /// Any other name.
    #[inline]
    pub fn parse(name: &str) -> Result<Scheme, String> {
        match name {
            "forward" => Ok(Scheme::Forward),
            "central" => Ok(Scheme::Central),
            _ => Err(format!(
                "scheme: expected \"forward\" or \"central\", got \"{name}\""
            )),
        }
    }
}

/// A gradient estimated by finite differences, and what it cost.
#[derive(Clone, Debug)]
pub struct NumericalGradient {
    /// ∂E/∂w estimates, in the parameter layout of [`Network`].
    pub grad: Vec<f64>,
    /// Forward passes, multiply-adds and activations spent.
    pub cost: OpCount,
}

/// Estimates ∂E/∂w for every weight and bias by perturbing each by ε in turn.
///
/// # Errors
/// ε not a finite number > 0.
pub fn numerical_gradient(
    net: &Network,
    data: &Dataset,
    eps: f64,
    scheme: Scheme,
) -> Result<NumericalGradient, String> {
    check_eps(eps)?;
    let mut probe = net.clone();
    let mut pass = Pass::new(net);
    let e0 = match scheme {
        Scheme::Forward => error_with(net, data, &mut pass),
        Scheme::Central => f64::NAN,
    };
    let grad = (0..net.params().len())
        .map(|k| difference(&mut probe, data, &mut pass, k, eps, scheme, e0))
        .collect();
    Ok(NumericalGradient {
        grad,
        cost: pass.cost,
    })
}

/// Checks that ε is a finite number > 0.
///
/// # Errors
/// Any other ε, in words.
pub fn check_eps(eps: f64) -> Result<(), String> {
    if eps.is_finite() && eps > 0.0 {
        Ok(())
    } else {
        Err(format!("epsilon: expected a finite number > 0, got {eps}"))
    }
}

/// One finite difference for parameter k: (E(w + ε) − E(w)) / ε with `e0` = E(w) (forward), or
/// (E(w + ε) − E(w − ε)) / 2ε (central). `probe` holds the weights and is left as it was found.
pub fn difference(
    probe: &mut Network,
    data: &Dataset,
    pass: &mut Pass,
    k: usize,
    eps: f64,
    scheme: Scheme,
    e0: f64,
) -> f64 {
    let w = probe.params()[k];
    probe.params_mut()[k] = w + eps;
    let e_plus = error_with(probe, data, pass);
    let g = match scheme {
        Scheme::Forward => (e_plus - e0) / eps,
        Scheme::Central => {
            probe.params_mut()[k] = w - eps;
            (e_plus - error_with(probe, data, pass)) / (2.0 * eps)
        }
    };
    probe.params_mut()[k] = w;
    g
}
