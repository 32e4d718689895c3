//! A small JSON reader and writer for the model file, the setup, the URL state and traces:
//! the value here, reading in `read.rs`, writing in `write.rs`.
//!
//! It replaces serde_json in the wasm (about 60 KB less): numbers are read by `parse_f64` in
//! `float.rs` (correctly rounded, as `str::parse`, without its 10 KB table) and written by `{:?}`
//! (the shortest text that parses back to the same f64), so every weight survives a save and a
//! load bit for bit. Objects keep their keys in the order they were written; a key that repeats
//! is refused (serde_json and `JSON.parse` silently keep the last one, which hides a typo or a
//! merge gone wrong). Field readers with messages that name the field are in `fields.rs`.

mod fields;
mod float;
mod read;
mod typed;
mod write;

pub use fields::{brief, integer, known_fields, numbers, rows, shorten};
pub use float::parse_f64;
pub(crate) use read::repeats;
pub use typed::{read_number, NotNumber, MAX_TYPED};
pub use write::{number, rounded};

/// How deep arrays and objects may nest before the reader gives up (as serde_json: 128).
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Every number is an f64, as in JavaScript.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A finite number.
    Number(f64),
    /// A string.
    String(String),
    /// `[ … ]`.
    Array(Vec<Value>),
    /// `{ … }`, keys in the order written.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object from `(key, value)` pairs, in that order.
    pub fn object<'k>(pairs: impl IntoIterator<Item = (&'k str, Value)>) -> Value {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// The value of `key` if this is an object holding it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The pairs, if this is an object.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Number(v) => Some(v),
            _ => None,
        }
    }

    /// The number if it is a whole number from 0 to 2^53 (every integer a JS number holds exactly).
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Value::Number(v) if v.fract() == 0.0 && (0.0..=EXACT).contains(&v) => Some(v as u64),
            _ => None,
        }
    }
}

/// `v["key"]`: the value of `key`, or `null` when `v` is not an object or lacks it.
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&Value::Null)
    }
}

/// `v[k]`: item `k`, or `null` when `v` is not an array or is shorter.
impl std::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, k: usize) -> &Value {
        self.as_array()
            .and_then(|a| a.get(k))
            .unwrap_or(&Value::Null)
    }
}

/// 2^53: up to here every integer is an exact f64.
const EXACT: f64 = 9_007_199_254_740_992.0;

impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Number(v)
    }
}

impl From<u64> for Value {
    fn from(v: u64) -> Value {
        Value::Number(v as f64)
    }
}

impl From<usize> for Value {
    fn from(v: usize) -> Value {
        Value::Number(v as f64)
    }
}

impl From<u32> for Value {
    fn from(v: u32) -> Value {
        Value::Number(f64::from(v))
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::String(v.to_string())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::String(v)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl<T: Clone + Into<Value>> From<&[T]> for Value {
    fn from(v: &[T]) -> Value {
        Value::Array(v.iter().cloned().map(Into::into).collect())
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Value {
        Value::Array(v.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_every_kind() {
        let text =
            r#"{"a":[1,-0.5,1e-7,true,false,null],"b":{"c":"x\"\\\n\u00e9\ud83d\ude00"},"d":{}}"#;
        let v = Value::parse(text).unwrap();
        assert_eq!(v.get("a").unwrap().as_array().unwrap().len(), 6);
        assert_eq!(
            v.get("b").unwrap().get("c").unwrap().as_str(),
            Some("x\"\\\né😀")
        );
        assert_eq!(
            v.to_string(),
            r#"{"a":[1,-0.5,1e-7,true,false,null],"b":{"c":"x\"\\\né😀"},"d":{}}"#
        );
        assert_eq!(Value::parse(&v.pretty()).unwrap(), v);
        assert_eq!(Value::parse(&v.to_string()).unwrap(), v);
    }

    #[test]
    fn repeated_keys_are_refused_and_integers_are_exact() {
        let e = Value::parse(r#"{"a":1,"a":2}"#).unwrap_err();
        assert!(e.starts_with("duplicate key \"a\""), "{e}");
        assert!(
            Value::parse(r#"[{"a":1},{"a":2}]"#).is_ok(),
            "one key per object"
        );
        assert_eq!(Value::Number(2.5).as_u64(), None);
        assert_eq!(Value::Number(-1.0).as_u64(), None);
        assert_eq!(Value::Number(EXACT).as_u64(), Some(1 << 53));
        assert_eq!(Value::Number(EXACT * 2.0).as_u64(), None);
    }
}
