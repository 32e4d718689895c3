//! Reading JSON fields with errors that name the field and the reason (`layers[1].weights[0][2]:
//! expected a finite number, got "x"`), for the model file and the setup.

use super::Value;

/// Rejects any key of `obj` not in `known` (a typo would otherwise be silently ignored).
///
/// # Errors
/// The first unknown key, with the list of known ones.
pub fn known_fields(obj: &[(String, Value)], path: &str, known: &[&str]) -> Result<(), String> {
    match obj
        .iter()
        .map(|(k, _)| k)
        .find(|k| !known.contains(&k.as_str()))
    {
        Some(k) => Err(format!(
            "{path}{}: unknown field (expected {})",
            shorten(k),
            known.join(", ")
        )),
        None => Ok(()),
    }
}

/// `s`, cut to 40 characters with an ellipsis, control characters shown as `�` (a message must not
/// carry a NUL or a line break from the input).
pub fn shorten(s: &str) -> String {
    let clean = |c: char| if c.is_control() { '\u{fffd}' } else { c };
    let cut: String = s.chars().take(40).map(clean).collect();
    if s.chars().count() > 40 {
        format!("{cut}…")
    } else {
        cut
    }
}

/// An integer from `lo` to `hi`.
///
/// # Errors
/// Anything else, named by `field`.
pub fn integer(v: &Value, field: &str, lo: u64, hi: u64) -> Result<u64, String> {
    match v.as_u64() {
        Some(i) if (lo..=hi).contains(&i) => Ok(i),
        _ => Err(format!(
            "{field}: expected an integer from {lo} to {hi}, got {}",
            brief(v)
        )),
    }
}

/// A value as short JSON text, for a message.
pub fn brief(v: &Value) -> String {
    shorten(&v.to_string())
}

/// An array of finite numbers.
///
/// # Errors
/// Anything else, naming the element.
pub fn numbers(v: &Value, field: &str) -> Result<Vec<f64>, String> {
    let items = v
        .as_array()
        .ok_or_else(|| format!("{field}: expected an array of numbers, got {}", brief(v)))?;
    items
        .iter()
        .enumerate()
        .map(|(j, x)| {
            x.as_f64()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("{field}[{j}]: expected a finite number, got {}", brief(x)))
        })
        .collect()
}

/// An array of arrays of finite numbers.
///
/// # Errors
/// Anything else, naming the row and element.
pub fn rows(v: &Value, field: &str) -> Result<Vec<Vec<f64>>, String> {
    let items = v
        .as_array()
        .ok_or_else(|| format!("{field}: expected an array of rows, got {}", brief(v)))?;
    items
        .iter()
        .enumerate()
        .map(|(i, row)| numbers(row, &format!("{field}[{i}]")))
        .collect()
}
