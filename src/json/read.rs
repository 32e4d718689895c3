//! Reading JSON text into a [`Value`], with the line and column of the first problem.

use super::{Value, MAX_DEPTH};

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
        let v = r.value(0).map_err(|e| r.at(&e))?;
        r.skip_space();
        if r.i < r.s.len() {
            return Err(r.at("trailing characters"));
        }
        Ok(v)
    }
}

/// For each key, whether an earlier one equals it: O(n log n) however the keys are chosen (a
/// heapsort of the indices by key, then a scan of neighbours). Shared by the JSON reader and the
/// link reader; hand-written, as neither hashing nor the standard sort earns its bytes in the
/// wasm for this one check.
#[inline(never)]
pub(crate) fn repeats(keys: &[&str]) -> Vec<bool> {
    let n = keys.len();
    // Ties by index, so in each run of equal keys the first written comes first.
    let less = |a: usize, b: usize| (keys[a], a) < (keys[b], b);
    let mut order: Vec<usize> = (0..n).collect();
    let sift = |order: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(order[child], order[child + 1]) {
            child += 1;
        }
        if !less(order[root], order[child]) {
            break;
        }
        order.swap(root, child);
        root = child;
    };
    for root in (0..n / 2).rev() {
        sift(&mut order, root, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift(&mut order, 0, end);
    }
    let mut out = vec![false; n];
    for w in order.windows(2) {
        if keys[w[0]] == keys[w[1]] {
            out[w[1]] = true;
        }
    }
    out
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

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        self.skip_space();
        match self.peek() {
            None => Err("end of text while reading a value".into()),
            Some(b'{') => self.object(depth),
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
                Err("expected a value".into())
            }
        }
    }

    /// `{ … }` (the brace is next). A key may appear once: with two, which one counts is a guess a
    /// reader should not make silently, so the object is refused, naming the key.
    fn object(&mut self, depth: usize) -> Result<Value, String> {
        let start = self.i;
        let pairs = self.seq(depth, b'}', Reader::pair)?;
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        if let Some(j) = repeats(&keys).iter().position(|&r| r) {
            let key = keys[j];
            self.i = start;
            return Err(format!(
                "duplicate key \"{}\" in the object",
                super::shorten(key)
            ));
        }
        Ok(Value::Object(pairs))
    }

    /// `"key": value` inside an object.
    fn pair(&mut self, depth: usize) -> Result<(String, Value), String> {
        self.skip_space();
        if self.peek() != Some(b'"') {
            return Err("expected a key in double quotes".into());
        }
        let key = self.string()?;
        self.skip_space();
        if !self.eat(b':') {
            return Err("expected ':'".into());
        }
        Ok((key, self.value(depth)?))
    }

    /// The items of `[ … ]` or `{ … }` (the opening bracket is next), each read by `item`.
    fn seq<T>(
        &mut self,
        depth: usize,
        close: u8,
        item: fn(&mut Self, usize) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        if depth >= MAX_DEPTH {
            return Err("nested too deeply".into());
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
                    "expected ',' or ']'".into()
                } else {
                    "expected ',' or '}'".into()
                });
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`, which must be a finite f64.
    fn number(&mut self) -> Result<f64, String> {
        let start = self.i;
        self.eat(b'-');
        if !self.eat(b'0') && self.digits() == 0 {
            return Err("expected a digit".into());
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err("expected a digit after '.'".into());
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err("expected a digit in the exponent".into());
            }
        }
        // The bytes are ASCII digits and signs, so this is valid UTF-8 and a valid Rust float.
        let text = std::str::from_utf8(&self.s[start..self.i])
            .map_err(|_| "invalid number".to_string())?;
        match super::parse_f64(text) {
            Some(v) if v.is_finite() => Ok(v),
            _ => {
                self.i = start;
                Err("number out of range".into())
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
    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while !matches!(self.peek(), None | Some(b'"' | b'\\' | 0..=0x1f)) {
                self.i += 1;
            }
            // The input is a &str and we stop only at ASCII bytes, so the run is whole UTF-8.
            out.push_str(
                std::str::from_utf8(&self.s[run..self.i])
                    .map_err(|_| "invalid UTF-8".to_string())?,
            );
            match self.peek() {
                None => return Err("end of text inside a string".into()),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(
                        "control character inside a string (write it as \\n, \\t or \\u…)".into(),
                    )
                }
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, String> {
        let c = self
            .peek()
            .ok_or_else(|| "end of text inside a string".to_string())?;
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
                        return Err("unpaired surrogate in a \\u escape".into());
                    }
                    let lo = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&lo) {
                        return Err("unpaired surrogate in a \\u escape".into());
                    }
                    0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                } else {
                    hi
                };
                char::from_u32(code)
                    .ok_or_else(|| "unpaired surrogate in a \\u escape".to_string())?
            }
            _ => {
                self.i -= 1;
                return Err("invalid escape".into());
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| "expected four hex digits".to_string())?;
        let mut code = 0;
        for &d in digits {
            code = code * 16
                + char::from(d)
                    .to_digit(16)
                    .ok_or_else(|| "expected four hex digits".to_string())?;
        }
        self.i += 4;
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_key_to_repeat_is_named_even_among_100k() {
        let mut text = String::from("{");
        for k in (0..100_000).rev() {
            text += &format!("\"k{k}\":0,");
        }
        text += "\"k99999\":1,\"k5\":2,\"k5\":3}";
        let e = Value::parse(&text).unwrap_err();
        assert!(e.starts_with("duplicate key \"k99999\""), "{e}");
        assert_eq!(
            repeats(&["b", "a", "b", "a", "c", "a"]),
            [false, false, true, true, false, true]
        );
        assert!(repeats(&[]).is_empty());
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
            (
                "{\"a\":1,\n \"b\":{\"c\":1,\"c\":2}}",
                "duplicate key \"c\" in the object at line 2 column 6",
            ),
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
}
