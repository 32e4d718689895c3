//! Teaching with the blackboard (issue #14): the derivation of one weight's gradient as a sum over
//! paths, the quiz's questions and tolerance, and the exercise sheet's numbers.
//!
//! Everything here is JSON for the page (the page typesets it); symbols are Unicode, as the phase
//! texts write them: a₁⁽¹⁾, δ₂⁽²⁾, Δw₁₂⁽¹⁾ (indices from 1 on the page, from 0 in the fields).

pub mod derive;
pub mod quiz;
pub mod sheet;

use crate::json::rounded;

/// `k` in Unicode sub- (`base` = '₀') or superscript digits (`base` = '⁰'; ¹²³ are out of line).
fn script(k: usize, sup: bool) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    for b in k.to_string().bytes() {
        let d = (b - b'0') as usize;
        out.push(if sup {
            SUP[d]
        } else {
            char::from_u32('₀' as u32 + d as u32).unwrap_or('?')
        });
    }
    out
}

/// The lecture's symbol of a place: `name` with neuron i (and input j, unless None) as subscripts
/// counted from 1, and layer n as a superscript: `symbol("w", 1, 0, Some(1))` = "w₁₂⁽¹⁾".
/// Two-digit indices are separated by a comma ("w₁₀,₂⁽¹⁾").
pub fn symbol(name: &str, n: usize, i: usize, j: Option<usize>) -> String {
    let mut s = format!("{name}{}", script(i + 1, false));
    if let Some(j) = j {
        if i >= 9 || j >= 9 {
            s.push(',');
        }
        s += &script(j + 1, false);
    }
    s + "⁽" + &script(n, true) + "⁾"
}

/// w_ij^(n), or b_i^(n) for j = None (the bias, the weight on x_0 = 1).
pub fn weight_symbol(n: usize, i: usize, j: Option<usize>) -> String {
    symbol(if j.is_some() { "w" } else { "b" }, n, i, j)
}

/// A number in a formula: 6 significant digits, a negative one in parentheses with the Unicode
/// minus, "(−0.2)".
pub fn shown(v: f64) -> String {
    let s = rounded(v);
    match s.strip_prefix('-') {
        Some(abs) => format!("(−{abs})"),
        None => s,
    }
}

/// j as the API writes it: the input index, or −1 for the bias.
pub(crate) fn j_field(j: Option<usize>) -> f64 {
    j.map_or(-1.0, |j| j as f64)
}
