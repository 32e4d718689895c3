//! A small JSON reader and writer for the model file, the setup, the URL state and traces.
//!
//! It replaces serde_json in the wasm (about 60 KB less): numbers are read by
//! [`crate::decimal::parse`] (correctly rounded, as `str::parse`) and written by `{:?}` (the
//! shortest text that parses back to the same f64), so every weight survives a save and a load bit
//! for bit. Objects keep their keys in the order
//! they were written; when a key repeats, the last one counts (as in serde_json and `JSON.parse`).

use std::fmt::{self, Write};

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
    /// Reads one JSON value that fills `text` (surrounding white space allowed).
    ///
    /// # Errors
    /// What was expected and where, as `expected ',' or ']' at line 3 column 7`.
    pub fn parse(text: &str) -> Result<Value, String> {
        let mut r = Reader {
            s: text.as_bytes(),
            i: 0,
        };
        let v = r.value(0).map_err(|e| r.at(e))?;
        r.skip_space();
        if r.i < r.s.len() {
            return Err(r.at("trailing characters"));
        }
        Ok(v)
    }

    /// An object from `(key, value)` pairs, in that order.
    pub fn object<'k>(pairs: impl IntoIterator<Item = (&'k str, Value)>) -> Value {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// The value of `key` if this is an object holding it (the last one if it repeats).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(pairs) => pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
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

    /// Indented text (two spaces a level), for files people read.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes compact text (`indent` None) or indented text starting at `indent` levels.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(v) => write_number(out, *v),
            Value::String(s) => write_string(out, s),
            Value::Array(items) => write_seq(out, indent, ('[', ']'), items, |out, v, ind| {
                v.write(out, ind)
            }),
            Value::Object(pairs) => {
                write_seq(out, indent, ('{', '}'), pairs, |out, (k, v), ind| {
                    write_string(out, k);
                    out.push_str(if ind.is_some() { ": " } else { ":" });
                    v.write(out, ind);
                })
            }
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

/// Compact text, as `JSON.stringify` writes it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out, None);
        f.write_str(&out)
    }
}

/// `[a, b]` or `{…}`, one item a line when indented; empty ones stay `[]` / `{}`.
fn write_seq<T>(
    out: &mut String,
    indent: Option<usize>,
    (open, close): (char, char),
    items: &[T],
    item: impl Fn(&mut String, &T, Option<usize>),
) {
    out.push(open);
    let inner = indent.map(|n| n + 1);
    for (k, v) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        newline(out, inner);
        item(out, v, inner);
    }
    if !items.is_empty() {
        newline(out, indent);
    }
    out.push(close);
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(n) = indent {
        out.push('\n');
        (0..n).for_each(|_| out.push_str("  "));
    }
}

/// The shortest text that reads back to exactly `v`: whole numbers without a fraction (`2`),
/// exponent form below 1e-4 and from 1e16 (`1e-7`); ±∞ and NaN, which JSON cannot hold, as `null`.
pub fn number(v: f64) -> String {
    let mut out = String::new();
    write_number(&mut out, v);
    out
}

/// Appends [`number`]`(v)` (as `JSON.stringify` writes numbers, bar the exponent threshold).
fn write_number(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
    } else if v.fract() == 0.0 && v.abs() < 1e15 && !(v == 0.0 && v.is_sign_negative()) {
        let _ = write!(out, "{}", v as i64);
    } else {
        let _ = write!(out, "{v:?}");
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

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

/// The reader: `s[i..]` is what is left.
struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    /// `what` at the current line and column (both from 1).
    fn at(&self, what: &str) -> String {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = 1 + String::from_utf8_lossy(&before[start..]).chars().count();
        format!("{what} at line {line} column {column}")
    }

    fn skip_space(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// Consumes `b` if it is next.
    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.i += usize::from(hit);
        hit
    }

    fn value(&mut self, depth: usize) -> Result<Value, &'static str> {
        self.skip_space();
        match self.peek() {
            None => Err("end of text while reading a value"),
            Some(b'{') => self.seq(depth, b'}', Reader::pair).map(Value::Object),
            Some(b'[') => self.seq(depth, b']', Reader::value).map(Value::Array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => {
                for (word, v) in [
                    ("null", Value::Null),
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                ] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(v);
                    }
                }
                Err("expected a value")
            }
        }
    }

    /// `"key": value` inside an object.
    fn pair(&mut self, depth: usize) -> Result<(String, Value), &'static str> {
        self.skip_space();
        if self.peek() != Some(b'"') {
            return Err("expected a key in double quotes");
        }
        let key = self.string()?;
        self.skip_space();
        if !self.eat(b':') {
            return Err("expected ':'");
        }
        Ok((key, self.value(depth)?))
    }

    /// The items of `[ … ]` or `{ … }` (the opening bracket is next), each read by `item`.
    fn seq<T>(
        &mut self,
        depth: usize,
        close: u8,
        item: fn(&mut Self, usize) -> Result<T, &'static str>,
    ) -> Result<Vec<T>, &'static str> {
        if depth >= MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.i += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(close) {
            return Ok(items);
        }
        loop {
            items.push(item(self, depth + 1)?);
            self.skip_space();
            if self.eat(close) {
                return Ok(items);
            }
            if !self.eat(b',') {
                return Err(if close == b']' {
                    "expected ',' or ']'"
                } else {
                    "expected ',' or '}'"
                });
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, which must be a finite f64.
    fn number(&mut self) -> Result<f64, &'static str> {
        let start = self.i;
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return Err("expected a digit");
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err("expected a digit after '.'");
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err("expected a digit in the exponent");
            }
        }
        // The bytes are ASCII digits and signs, so this is valid UTF-8 and a valid Rust float.
        let text = std::str::from_utf8(&self.s[start..self.i]).map_err(|_| "invalid number")?;
        match crate::decimal::parse(text) {
            Some(v) if v.is_finite() => Ok(v),
            _ => {
                self.i = start;
                Err("number out of range")
            }
        }
    }

    /// How many ASCII digits were consumed.
    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    /// A string (the opening quote is next), escapes resolved.
    fn string(&mut self) -> Result<String, &'static str> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while !matches!(self.peek(), None | Some(b'"' | b'\\' | 0..=0x1f)) {
                self.i += 1;
            }
            // The input is a &str and we stop only at ASCII bytes, so the run is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.s[run..self.i]).map_err(|_| "invalid UTF-8")?);
            match self.peek() {
                None => return Err("end of text inside a string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err("control character inside a string (write it as \\n, \\t or \\u…)")
                }
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, &'static str> {
        let c = self.peek().ok_or("end of text inside a string")?;
        self.i += 1;
        Ok(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = if (0xd800..0xdc00).contains(&hi) {
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err("unpaired surrogate in a \\u escape");
                    }
                    let lo = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&lo) {
                        return Err("unpaired surrogate in a \\u escape");
                    }
                    0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                } else {
                    hi
                };
                char::from_u32(code).ok_or("unpaired surrogate in a \\u escape")?
            }
            _ => {
                self.i -= 1;
                return Err("invalid escape");
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or("expected four hex digits")?;
        let mut code = 0;
        for &d in digits {
            code = code * 16
                + char::from(d)
                    .to_digit(16)
                    .ok_or("expected four hex digits")?;
        }
        self.i += 4;
        Ok(code)
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
    fn pretty_indents_two_spaces() {
        let v = Value::object([("a", vec![1.0, 2.5].into()), ("b", Value::Array(vec![]))]);
        assert_eq!(
            v.pretty(),
            "{\n  \"a\": [\n    1,\n    2.5\n  ],\n  \"b\": []\n}"
        );
    }

    #[test]
    fn floats_round_trip_bit_for_bit() {
        let mut s = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let v = f64::from_bits(s);
            if v.is_finite() {
                let back = Value::parse(&Value::from(v).to_string()).unwrap();
                assert_eq!(back.as_f64().unwrap().to_bits(), v.to_bits(), "{v:?}");
            }
        }
        for v in [
            0.0,
            -0.0,
            1e15,
            -1e15,
            1e16,
            123456789012345.0,
            5e-324,
            f64::MAX,
        ] {
            let back = Value::parse(&Value::from(v).to_string()).unwrap();
            assert_eq!(back.as_f64().unwrap().to_bits(), v.to_bits(), "{v:?}");
        }
    }

    #[test]
    fn rejects_with_place_and_reason() {
        for (text, why) in [
            ("", "end of text while reading a value at line 1 column 1"),
            ("[1,]", "expected a value at line 1 column 4"),
            ("{\n  \"a\" 1}", "expected ':' at line 2 column 7"),
            ("[1 2]", "expected ',' or ']' at line 1 column 4"),
            ("{\"a\":1 \"b\"}", "expected ',' or '}' at line 1 column 8"),
            ("01", "trailing characters at line 1 column 2"),
            ("1e999", "number out of range at line 1 column 1"),
            ("-", "expected a digit at line 1 column 2"),
            ("1.", "expected a digit after '.' at line 1 column 3"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
            (
                "\"\\ud800\"",
                "unpaired surrogate in a \\u escape at line 1 column 8",
            ),
            ("\"a\nb\"", "control character"),
            ("nul", "expected a value at line 1 column 1"),
            (
                "{1:2}",
                "expected a key in double quotes at line 1 column 2",
            ),
            ("[NaN]", "expected a value"),
            ("\"abc", "end of text inside a string"),
        ] {
            let e = Value::parse(text).unwrap_err();
            assert!(e.starts_with(why), "{text:?}: {e}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(Value::parse(&deep)
            .unwrap_err()
            .starts_with("nested too deeply"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(Value::parse(&ok).is_ok());
    }

    #[test]
    fn last_repeated_key_counts_and_integers_are_exact() {
        let v = Value::parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(v.get("a").unwrap().as_u64(), Some(2));
        assert_eq!(Value::Number(2.5).as_u64(), None);
        assert_eq!(Value::Number(-1.0).as_u64(), None);
        assert_eq!(Value::Number(EXACT).as_u64(), Some(1 << 53));
        assert_eq!(Value::Number(EXACT * 2.0).as_u64(), None);
    }
}
