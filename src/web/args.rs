//! Reading JavaScript arguments. Every public method takes its arguments as `JsValue` and reads them
//! here, so a wrong type or range is an `Error` that names the argument — never a trap in the wasm
//! (wasm-bindgen reads a number passed for a string as a pointer) and never a silent coercion
//! (`train(true)` running an epoch, `-1` wrapping to 4294967295). Texts and arrays are measured
//! before they are copied into wasm memory, so an oversized one is refused without growing it.
//!
//! Reading an argument may run the caller's code (a Proxy's traps, a getter, a detached buffer):
//! every JS operation that can throw is imported with `catch` here, so the exception becomes an
//! `Error` of ours instead of unwinding through wasm (which would leave the Lab borrowed for good).

use js_sys::{Array, Float64Array, JsString};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsError, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray(v)` (throws for a revoked Proxy).
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
    /// `Array.from(v)`: a plain copy, running the caller's getters and traps now, where a throw is
    /// caught.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = from)]
    fn plain_copy(v: &JsValue) -> Result<Array, JsValue>;
}

/// Why reading `name` threw, as our own error.
fn unreadable(name: &str, e: &JsValue) -> JsError {
    let why = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "it threw".into());
    let why: String = why.chars().take(80).collect();
    fail(format!("{name}: could not be read ({why})"))
}

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
    } else if is_array(v).unwrap_or(false) {
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
    let typed = v.dyn_ref::<Float64Array>().is_some();
    if !typed && !is_array(v).map_err(|e| unreadable(name, &e))? {
        return Err(wrong(name, "a Float64Array or an array of numbers", v));
    }
    let len = js_sys::Reflect::get(v, &JsValue::from_str("length"))
        .map_err(|e| unreadable(name, &e))?
        .as_f64()
        .unwrap_or(f64::INFINITY);
    if len > f64::from(max) {
        return Err(fail(format!(
            "{name}: expected at most {max} numbers, got {}",
            rounded(len)
        )));
    }
    let copy = plain_copy(v).map_err(|e| unreadable(name, &e))?;
    if copy.length() > max {
        return Err(fail(format!(
            "{name}: expected at most {max} numbers, got more"
        )));
    }
    (0..copy.length())
        .map(|k| {
            let item = copy.get(k);
            item.as_f64()
                .ok_or_else(|| wrong(&format!("{name}[{k}]"), "a number", &item))
        })
        .collect()
}
