//! Reading JavaScript arguments. Every public method takes its arguments as `JsValue` and reads them
//! here, so a wrong type or range is an `Error` that names the argument — never a trap in the wasm
//! (wasm-bindgen reads a number passed for a string as a pointer) and never a silent coercion
//! (`train(true)` running an epoch, `-1` wrapping to 4294967295). Texts and arrays are measured
//! before they are copied into wasm memory, so an oversized one is refused without growing it.

use js_sys::{Array, Float64Array, JsString};
use wasm_bindgen::{JsCast, JsError, JsValue};

use super::fail;
use crate::json::rounded;

/// What `v` is, for a message: `true`, `-1`, `NaN`, `the text "abc"`, `an object`, …
fn describe(v: &JsValue) -> String {
    if v.is_undefined() {
        "undefined (a missing argument?)".into()
    } else if v.is_null() {
        "null".into()
    } else if let Some(b) = v.as_bool() {
        format!("the boolean {b}")
    } else if let Some(x) = v.as_f64() {
        rounded(x)
    } else if let Some(s) = v.dyn_ref::<JsString>() {
        let head: String = s.slice(0, 24).into();
        let more = if s.length() > 24 { "…" } else { "" };
        format!("the text \"{head}{more}\"")
    } else if v.is_bigint() {
        "a BigInt".into()
    } else if v.is_symbol() {
        "a symbol".into()
    } else if v.is_function() {
        "a function".into()
    } else if Array::is_array(v) {
        "an array".into()
    } else {
        "an object".into()
    }
}

/// The largest integer a JS number holds exactly, 2⁵³ − 1: the top of every count and index.
pub(super) const MAX_EXACT: u64 = (1 << 53) - 1;

/// `name: expected …, got …`.
fn wrong(name: &str, expected: &str, v: &JsValue) -> JsError {
    fail(format!("{name}: expected {expected}, got {}", describe(v)))
}

/// A JS string of at most `max` UTF-16 code units.
pub(super) fn text(v: &JsValue, name: &str, max: u32) -> Result<String, JsError> {
    let s = v
        .dyn_ref::<JsString>()
        .ok_or_else(|| wrong(name, "a string", v))?;
    if s.length() > max {
        return Err(fail(format!(
            "{name}: {} characters is more than the {max} accepted",
            s.length()
        )));
    }
    Ok(s.into())
}

/// A JS number (NaN and ±∞ included: the caller says which numbers it takes).
pub(super) fn number(v: &JsValue, name: &str) -> Result<f64, JsError> {
    v.as_f64().ok_or_else(|| wrong(name, "a number", v))
}

/// A finite JS number.
pub(super) fn finite(v: &JsValue, name: &str) -> Result<f64, JsError> {
    v.as_f64()
        .filter(|x| x.is_finite())
        .ok_or_else(|| wrong(name, "a finite number", v))
}

/// A whole JS number from `lo` to `hi`.
pub(super) fn whole(v: &JsValue, name: &str, lo: u64, hi: u64) -> Result<u64, JsError> {
    v.as_f64()
        .filter(|x| x.fract() == 0.0 && (lo as f64..=hi as f64).contains(x))
        .map(|x| x as u64)
        .ok_or_else(|| {
            wrong(
                name,
                &format!("a whole number from {lo} to {}", rounded(hi as f64)),
                v,
            )
        })
}

/// An index from 0 to `len` − 1 (a pattern μ, a parameter k, …).
pub(super) fn index(v: &JsValue, name: &str, len: usize) -> Result<usize, JsError> {
    if len == 0 {
        return Err(fail(format!("{name}: there is nothing to index")));
    }
    whole(v, name, 0, len as u64 - 1).map(|k| k as usize)
}

/// A JS boolean.
pub(super) fn flag(v: &JsValue, name: &str) -> Result<bool, JsError> {
    v.as_bool().ok_or_else(|| wrong(name, "true or false", v))
}

/// A `Float64Array`, or an `Array` of numbers, of at most `max` items.
pub(super) fn numbers(v: &JsValue, name: &str, max: u32) -> Result<Vec<f64>, JsError> {
    let expected = "a Float64Array or an array of numbers";
    let too_many = |len: u32| {
        fail(format!(
            "{name}: {len} numbers is more than the {max} accepted"
        ))
    };
    if let Some(a) = v.dyn_ref::<Float64Array>() {
        if a.length() > max {
            return Err(too_many(a.length()));
        }
        return Ok(a.to_vec());
    }
    if !Array::is_array(v) {
        return Err(wrong(name, expected, v));
    }
    let a: &Array = v.unchecked_ref();
    if a.length() > max {
        return Err(too_many(a.length()));
    }
    (0..a.length())
        .map(|k| {
            let item = a.get(k);
            item.as_f64()
                .ok_or_else(|| wrong(&format!("{name}[{k}]"), "a number", &item))
        })
        .collect()
}
