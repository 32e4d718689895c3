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
    if !(eps.is_finite() && eps > 0.0) {
        return Err(format!("epsilon: expected a finite number > 0, got {eps}"));
    }
    let mut probe = net.clone();
    let mut pass = Pass::new(net);
    let e0 = match scheme {
        Scheme::Forward => error_with(net, data, &mut pass),
        Scheme::Central => f64::NAN,
    };
    let mut grad = Vec::with_capacity(net.params().len());
    for k in 0..net.params().len() {
        let w = net.params()[k];
        probe.params_mut()[k] = w + eps;
        let e_plus = error_with(&probe, data, &mut pass);
        let g = match scheme {
            Scheme::Forward => (e_plus - e0) / eps,
            Scheme::Central => {
                probe.params_mut()[k] = w - eps;
                (e_plus - error_with(&probe, data, &mut pass)) / (2.0 * eps)
            }
        };
        probe.params_mut()[k] = w;
        grad.push(g);
    }
    Ok(NumericalGradient {
        grad,
        cost: pass.cost,
    })
}
