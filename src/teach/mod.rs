//! Teaching with the blackboard: the derivation of one weight's gradient as a sum over paths, the
//! quiz's questions and tolerance, and the exercise sheet's numbers with how far an answer worked
//! out from its printed digits may land.
//!
//! Everything here is JSON for the page (the page typesets it); symbols are Unicode, as the phase
//! texts write them: a₁⁽¹⁾, δ₂⁽²⁾, Δw₁₂⁽¹⁾ (indices from 1 on the page, from 0 in the fields).

pub mod derive;
pub mod quiz;
pub mod rounding;
pub mod sheet;

use crate::json::{number, rounded, Value};

/// JSON text written as it goes: in the wasm a fraction of the size of building a [`Value`] tree
/// (no per-shape object code, no drop glue). Fields are `key` then value; an array's items have
/// the key "".
#[derive(Default)]
pub struct Json(pub String);

impl Json {
    /// `"key":` (nothing for an array item), after a comma unless a container just opened.
    fn key(&mut self, key: &str) -> &mut Json {
        if !matches!(self.0.as_bytes().last(), None | Some(b'[' | b'{' | b':')) {
            self.0.push(',');
        }
        if !key.is_empty() {
            self.0.push('"');
            self.0.push_str(key);
            self.0.push_str("\":");
        }
        self
    }

    /// A number (NaN and ±∞, which JSON cannot hold, as `null`).
    pub fn num(&mut self, key: &str, v: f64) -> &mut Json {
        self.key(key).0.push_str(&number(v));
        self
    }

    /// A string, escaped.
    pub fn text(&mut self, key: &str, v: &str) -> &mut Json {
        let v = Value::from(v).to_string();
        self.key(key).0.push_str(&v);
        self
    }

    /// An array of numbers.
    pub fn nums(&mut self, key: &str, vs: &[f64]) -> &mut Json {
        self.open(key, '[');
        for &v in vs {
            self.num("", v);
        }
        self.close(']')
    }

    /// Opens an object `{` or an array `[`.
    pub fn open(&mut self, key: &str, bracket: char) -> &mut Json {
        self.key(key).0.push(bracket);
        self
    }

    /// Closes an object `}` or an array `]`.
    pub fn close(&mut self, bracket: char) -> &mut Json {
        self.0.push(bracket);
        self
    }
}

/// Appends k in Unicode sub- or superscript digits: 12 → "₁₂" or "¹²".
fn digits(out: &mut String, k: usize, sup: bool) {
    if k >= 10 {
        digits(out, k / 10, sup);
    }
    let d = (k % 10) as u32;
    out.push(
        match (sup, d) {
            (false, _) => char::from_u32(0x2080 + d), // ₀…₉
            (true, 1) => Some('¹'),
            (true, 2 | 3) => char::from_u32(0xB0 + d), // ², ³
            (true, _) => char::from_u32(0x2070 + d),   // ⁰, ⁴…⁹
        }
        .unwrap_or('?'),
    );
}

/// Appends `template` with a place's indices filled in, as the lecture writes them: `@` → i and
/// `#` → j as subscripts counted from 1 (after a comma when either has two digits), `^` → ⁽n⁾,
/// `<` → ⁽n−1⁾, `>` → ⁽n+1⁾. `fill(s, "w@#^", (1, 0, 1))` appends "w₁₂⁽¹⁾".
pub fn fill(out: &mut String, template: &str, (n, i, j): (usize, usize, usize)) {
    for c in template.chars() {
        match c {
            '@' => digits(out, i + 1, false),
            '#' => {
                if i >= 9 || j >= 9 {
                    out.push(',');
                }
                digits(out, j + 1, false);
            }
            '<' | '^' | '>' => {
                out.push('⁽');
                digits(out, n + usize::from(c == '>') - usize::from(c == '<'), true);
                out.push('⁾');
            }
            c => out.push(c),
        }
    }
}

/// The lecture's symbol of a place: `name` with neuron i (and input j, unless None) as subscripts
/// counted from 1, and layer n as a superscript: `symbol("w", 1, 0, Some(1))` = "w₁₂⁽¹⁾".
/// Two-digit indices are separated by a comma ("w₁₀,₂⁽¹⁾").
pub fn symbol(name: &str, n: usize, i: usize, j: Option<usize>) -> String {
    let mut s = String::from(name);
    let template = if j.is_some() { "@#^" } else { "@^" };
    fill(&mut s, template, (n, i, j.unwrap_or(0)));
    s
}

/// w_ij^(n), or b_i^(n) for j = None (the bias, the weight on x_0 = 1).
pub fn weight_symbol(n: usize, i: usize, j: Option<usize>) -> String {
    symbol(if j.is_some() { "w" } else { "b" }, n, i, j)
}

/// "Ẽ(μ=2)" for pattern μ = 1 (counted from 0 in the API, from 1 on the page).
pub fn e_symbol(mu: usize) -> String {
    String::from("Ẽ(μ=") + &(mu + 1).to_string() + ")"
}

/// Appends the parts.
pub fn push(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Appends a number as a formula shows it: 6 significant digits, a negative one in parentheses
/// with the Unicode minus, "(−0.2)".
pub fn put(out: &mut String, v: f64) {
    let s = rounded(v);
    match s.strip_prefix('-') {
        Some(abs) => push(out, &["(−", abs, ")"]),
        None => out.push_str(&s),
    }
}

/// j as the API writes it: the input index, or −1 for the bias.
pub(crate) fn j_field(j: Option<usize>) -> f64 {
    j.map_or(-1.0, |j| j as f64)
}
