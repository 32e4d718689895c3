//! Writing a [`Value`] as JSON text: compact, or indented for files people read.

use std::fmt::{self, Write};

use super::Value;

impl Value {
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

/// `v` for a message, rounded to 6 significant digits: `0.5`, `1234.57`, `1e308`, `-2.5e-7`, `NaN`,
/// `∞` (an echoed 1e308 must not print 309 digits).
pub fn rounded(v: f64) -> String {
    if !v.is_finite() {
        return match v {
            f64::INFINITY => "∞".into(),
            f64::NEG_INFINITY => "−∞".into(),
            _ => "NaN".into(),
        };
    }
    // The shortest digits (d.dddde±x), cut to 6 and rounded half up: no exact-precision
    // formatter (it costs the wasm 6 KB for the sake of messages).
    let text = format!("{v:e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let mut exp: i32 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if d.len() > 6 {
        let up = d[6] >= b'5';
        d.truncate(6);
        if up {
            let mut k = 6;
            while k > 0 && d[k - 1] == b'9' {
                d[k - 1] = b'0';
                k -= 1;
            }
            match k {
                0 => {
                    d.insert(0, b'1');
                    d.truncate(6);
                    exp += 1;
                }
                k => d[k - 1] += 1,
            }
        }
    }
    while d.len() > 1 && d[d.len() - 1] == b'0' {
        d.pop();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let (head, tail) = d.split_at(1);
    let dot = if tail.is_empty() { "" } else { "." };
    let mantissa = format!(
        "{sign}{}{dot}{}",
        head[0] as char,
        String::from_utf8_lossy(tail)
    );
    if (-4..6).contains(&exp) {
        // Back to plain decimals: the mantissa's digits shifted by the exponent.
        let value = super::parse_f64(&format!("{mantissa}e{exp}")).unwrap_or(v);
        number(value)
    } else {
        format!("{mantissa}e{exp}")
    }
}

/// Appends [`number`]`(v)` (as `JSON.stringify` writes numbers, bar the exponent threshold).
fn write_number(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
    } else if v.fract() == 0.0 && v.abs() < 1e16 && !(v == 0.0 && v.is_sign_negative()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_is_short_for_any_f64() {
        for (v, text) in [
            (0.5, "0.5"),
            (2.0, "2"),
            (1234.5678, "1234.57"),
            (1e308, "1e308"),
            (f64::MAX, "1.79769e308"),
            (-2.5e-7, "-2.5e-7"),
            (5e-324, "5e-324"),
            (9.999996e-5, "0.0001"),
            (-999999.7, "-1e6"),
            (0.1 + 0.2, "0.3"),
            (1.2345650000000001, "1.23457"),
            (123456.0, "123456"),
            (1e6, "1e6"),
            (0.0001, "0.0001"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "−∞"),
        ] {
            assert_eq!(rounded(v), text);
        }
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
}
