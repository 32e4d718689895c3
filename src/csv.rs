//! Patterns as CSV — a header `x1,…,xN,t1,…,tK`, then one pattern μ a line — read and written here
//! and nowhere else: files, cells pasted from a spreadsheet (tab or space separated), and links
//! (the same text with `;` between lines) all go through [`parse`] and [`write`].
//!
//! Hand-written rather than the `csv` crate: the data is numbers only, every rejection must name the
//! line and the column (which the crate reports only for its own syntax errors), and the wasm
//! budget (300 KB) has no room for a general reader.

use crate::dataset::{Dataset, MAX_PATTERNS};
use crate::json::shorten;
use crate::network::{MAX_INPUTS, MAX_NEURONS};

/// Largest CSV text read, in bytes (the model file's limit).
pub const MAX_CSV_BYTES: usize = crate::model::MAX_BYTES;

/// Patterns read from CSV, with what the reader assumed.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// x^(0) of each pattern.
    pub inputs: Vec<Vec<f64>>,
    /// t of each pattern.
    pub targets: Vec<Vec<f64>>,
    /// Assumptions worth telling the reader (e.g. no header: the last column was read as t1).
    pub notes: Vec<String>,
}

/// The refusal of `len` bytes of CSV, when that is more than [`MAX_CSV_BYTES`].
pub fn too_large(len: usize) -> Option<String> {
    let tenths = (len as u64 * 10).div_ceil(1 << 20);
    (len > MAX_CSV_BYTES).then(|| {
        format!(
            "the data is {}.{} MB, more than the {} MB a data set may be",
            tenths / 10,
            tenths % 10,
            MAX_CSV_BYTES >> 20
        )
    })
}

/// How the cells of a line are separated.
#[derive(Clone, Copy, PartialEq)]
enum Split {
    Comma,
    /// `;` (spreadsheets in locales with a decimal comma).
    Semicolon,
    Tab,
    Spaces,
}

impl Split {
    /// The separator of a file, from its first line.
    fn detect(line: &str) -> Split {
        if line.contains('\t') {
            Split::Tab
        } else if line.contains(';') {
            Split::Semicolon
        } else if line.contains(',') {
            Split::Comma
        } else {
            Split::Spaces
        }
    }

    /// A line's cells, trimmed and unquoted (a quoted `"1,5"` is one cell), each with whether it
    /// was quoted. A separator at the end of a line (spreadsheets write one) ends it without
    /// another cell.
    fn cells(self, line: &str) -> Vec<(&str, bool)> {
        fn unquote(c: &str) -> (&str, bool) {
            let c = c.trim();
            match c.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
                Some(inner) => (inner.trim(), true),
                None => (c, false),
            }
        }
        let sep = match self {
            Split::Comma => ',',
            Split::Semicolon => ';',
            Split::Tab => '\t',
            Split::Spaces => return line.split_whitespace().map(unquote).collect(),
        };
        let mut out = Vec::new();
        let (mut start, mut quoted) = (0, false);
        for (i, c) in line.char_indices() {
            if c == '"' {
                quoted = !quoted;
            } else if c == sep && !quoted {
                out.push(unquote(&line[start..i]));
                start = i + 1;
            }
        }
        out.push(unquote(&line[start..]));
        if out.len() > 1 && out[out.len() - 1] == ("", false) {
            out.pop();
        }
        out
    }
}

/// A header cell: `x3` → (input, 3), `t1` or `t` → (target, 1); case and `_` do not matter.
fn header_cell(cell: &str) -> Option<(bool, usize)> {
    let c = cell.to_ascii_lowercase().replace('_', "");
    let (input, rest) = match c.as_bytes().first() {
        Some(b'x') => (true, &c[1..]),
        Some(b't') => (false, &c[1..]),
        _ => return None,
    };
    match rest {
        "" if !input => Some((false, 1)),
        r if !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()) => {
            r.parse().ok().map(|k| (input, k))
        }
        _ => None,
    }
}

/// Column names `x1,…,xN,t1,…,tK`.
pub(crate) fn names(n: usize, k: usize) -> Vec<String> {
    let mut v = Vec::with_capacity(n + k);
    for c in 0..n + k {
        v.push(match c < n {
            true => format!("x{}", c + 1),
            false => format!("t{}", c - n + 1),
        });
    }
    v
}

/// The first character that is not text (a NUL, a control character, or the replacement
/// character a browser puts where bytes were not UTF-8): its line and column, 1-based.
fn not_text(text: &str) -> Option<(usize, usize)> {
    for (l, line) in text.split('\n').enumerate() {
        let bad = |c: char| {
            c == '\u{fffd}' || c == '\u{0}' || (c.is_control() && !matches!(c, '\t' | '\r'))
        };
        if let Some(col) = line.chars().position(bad) {
            return Some((l + 1, col + 1));
        }
    }
    None
}

/// `text` without a byte-order mark and with `\n` for the line ends of every system: `\r\n`
/// (Windows), `\n`, and `\r` alone (old Mac spreadsheets).
///
/// # Errors
/// Where the text stops being text (a binary file).
fn plain_lines(text: &str) -> Result<String, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (One pass over the characters: a search for "\r\n" as a string costs ~2 KB of wasm.)
    let mut unix = String::with_capacity(text.len());
    let mut after_cr = false;
    for c in text.chars() {
        if !(after_cr && c == '\n') {
            unix.push(if c == '\r' { '\n' } else { c });
        }
        after_cr = c == '\r';
    }
    if let Some((line, col)) = not_text(&unix) {
        return Err(format!(
            "line {line}, column {col}: this is not text (a binary file?); expected numbers separated by commas"
        ));
    }
    Ok(unix)
}

/// One cell's number (`at` names the cell in the reason).
///
/// # Errors
/// Empty, not a number, or too large for an f64.
fn cell_number(cell: &str, comma: bool, at: &str) -> Result<f64, String> {
    use crate::json::NotNumber;
    crate::json::read_number(cell, comma).map_err(|why| match why {
        NotNumber::Empty => format!("{at}: the cell is empty"),
        NotNumber::Text => format!(
            "{at}: {} (NaN and Infinity are not allowed either)",
            why.reason(cell)
        ),
        _ => format!("{at}: {}", why.reason(cell)),
    })
}

/// A block of cells pasted into the pattern table (copied from a spreadsheet): one row a line,
/// cells separated as in a file (tabs, as spreadsheets copy them), every cell a finite number.
/// Rows may differ in length.
///
/// # Errors
/// An empty block, or the first cell that is not a number, as `line L, column C: reason`.
pub fn block(text: &str) -> Result<Vec<Vec<f64>>, String> {
    if let Some(e) = too_large(text.len()) {
        return Err(e);
    }
    let text = plain_lines(text)?;
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let Some(&(_, first)) = lines.first() else {
        return Err("nothing was pasted: expected numbers, one row a line".into());
    };
    let split = Split::detect(first);
    let mut rows = Vec::with_capacity(lines.len());
    for (i, line) in lines {
        let cells = split.cells(line);
        let mut row = Vec::with_capacity(cells.len());
        for (col, (cell, quoted)) in cells.into_iter().enumerate() {
            let at = format!("line {}, column {}", i + 1, col + 1);
            row.push(cell_number(cell, split != Split::Comma || quoted, &at)?);
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Reads patterns from CSV text. Without a header the columns are split as in `shape` = (N, K) of
/// the data now when their count is N + K, else the last column is the target t1.
///
/// # Errors
/// Too large, not text, empty, a bad header, a line with a missing or extra column, a cell that is
/// not a finite number, more than [`MAX_PATTERNS`] patterns — each as `line L, column C: reason`.
pub fn parse(text: &str, shape: (usize, usize)) -> Result<Table, String> {
    if let Some(e) = too_large(text.len()) {
        return Err(e);
    }
    let text = plain_lines(text)?;
    // Blank lines, and lines of separators only (`,,` between blocks of a spreadsheet), are skipped.
    let blank = |l: &str| {
        l.trim_matches(|c: char| matches!(c, ',' | ';' | '"') || c.is_whitespace())
            .is_empty()
    };
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !blank(l));
    let Some((first_no, first)) = lines.next() else {
        return Err(
            "the data is empty: expected a header like x1,x2,t1 and one pattern a line".into(),
        );
    };
    let split = Split::detect(first);
    let comma = split != Split::Comma;
    let head = split.cells(first);
    let mut notes = Vec::new();
    // A cell a number too large, too small or ambiguous is still a number, not a header.
    let is_number = |&(c, quoted): &(&str, bool)| {
        use crate::json::NotNumber::{Empty, Text};
        !matches!(
            crate::json::read_number(c, comma || quoted),
            Err(Empty | Text)
        )
    };
    // A first line that starts with a number is a pattern (its other cells are checked as such).
    let (n, k, header) = if head.first().is_some_and(is_number) {
        let c = head.len();
        if c < 2 {
            return Err(format!(
                "line {first_no}: one column; expected inputs and then targets, like x1,x2,t1"
            ));
        }
        let (n, k) = if c == shape.0 + shape.1 {
            shape
        } else {
            (c - 1, 1)
        };
        notes.push(format!(
            "no header: the columns were read as {}",
            names(n, k).join(", ")
        ));
        (n, k, false)
    } else {
        let (mut n, mut k) = (0, 0);
        for (col, &(cell, _)) in head.iter().enumerate() {
            match header_cell(cell) {
                Some((true, j)) if k == 0 && j == n + 1 => n += 1,
                Some((false, i)) if n > 0 && i == k + 1 => k += 1,
                _ => {
                    let expected = match (n, k) {
                        (0, _) => "x1".to_string(),
                        (n, 0) => format!("x{} or t1", n + 1),
                        (_, k) => format!("t{}", k + 1),
                    };
                    return Err(format!(
                        "line {first_no}, column {}: header “{}”: expected {expected} (a header names inputs x1, x2, … then targets t1, …)",
                        col + 1,
                        shorten(cell)
                    ));
                }
            }
        }
        if k == 0 {
            return Err(format!(
                "line {first_no}: the header has no target column (t1)"
            ));
        }
        (n, k, true)
    };
    if n > MAX_INPUTS || k > MAX_NEURONS {
        return Err(format!(
            "line {first_no}: {n} inputs and {k} targets; at most {MAX_INPUTS} inputs and {MAX_NEURONS} targets"
        ));
    }
    let columns = names(n, k);
    let mut table = Table {
        inputs: Vec::new(),
        targets: Vec::new(),
        notes,
    };
    let rest = std::iter::once((first_no, first))
        .filter(|_| !header)
        .chain(lines);
    for (line_no, line) in rest {
        if table.inputs.len() == MAX_PATTERNS {
            return Err(format!(
                "line {line_no}: more than {MAX_PATTERNS} patterns (the most a data set may have)"
            ));
        }
        let cells = split.cells(line);
        if cells.len() != n + k {
            let col = cells.len().min(n + k) + 1;
            let what = if cells.len() < n + k {
                format!("{} is missing", columns[col - 1])
            } else {
                "one column too many".to_string()
            };
            return Err(format!(
                "line {line_no}, column {col}: {what} (expected {} columns: {})",
                n + k,
                columns.join(", ")
            ));
        }
        let mut row = Vec::with_capacity(n + k);
        for (col, &(cell, quoted)) in cells.iter().enumerate() {
            let at = format!("line {line_no}, column {} ({})", col + 1, columns[col]);
            // A quoted "1,5" can only be a decimal comma.
            row.push(cell_number(cell, comma || quoted, &at)?);
        }
        table.targets.push(row.split_off(n));
        table.inputs.push(row);
    }
    if table.inputs.is_empty() {
        return Err(format!(
            "line {first_no}: a header and no patterns; expected one pattern a line below it"
        ));
    }
    Ok(table)
}

/// The patterns as CSV: the header `x1,…,xN,t1,…,tK`, then one line per pattern, each number in the
/// shortest form that reads back to the same f64, `\n` after every line.
pub fn write(data: &Dataset) -> String {
    let mut out = String::new();
    push_line(
        &mut out,
        &names(data.inputs(), data.outputs()),
        String::clone,
    );
    let mut row = Vec::new();
    for mu in 0..data.len() {
        let (x, t) = data.pattern(mu);
        row.clear();
        row.extend_from_slice(x);
        row.extend_from_slice(t);
        push_line(&mut out, &row, |&v| crate::json::number(v));
    }
    out
}

/// Appends one CSV line: the cells, each written by `cell`, separated by commas.
pub(crate) fn push_line<T>(out: &mut String, cells: &[T], cell: fn(&T) -> String) {
    for (c, v) in cells.iter().enumerate() {
        if c > 0 {
            out.push(',');
        }
        out.push_str(&cell(v));
    }
    out.push('\n');
}

/// The patterns for a link: [`write`]'s text with `;` between lines (`x1,x2,t1;0,0,0;…`).
pub fn write_link(data: &Dataset) -> String {
    write(data).trim_end().replace('\n', ";")
}

/// Reads [`write_link`]'s form.
///
/// # Errors
/// As [`parse`], with "line" counting the `;`-separated parts.
pub fn parse_link(text: &str) -> Result<Table, String> {
    parse(&text.replace(';', "\n"), (0, 0))
}

/// `v` rounded to the resolution worth keeping for a point drawn on a plot `width` wide (a
/// thousandth of the width, to a power of ten), so a drawn pattern stays short in a link. Exact
/// where it rounds: m / 10^d with m and 10^d both exact f64s (d ≤ 22, |m| < 2^53) is the f64
/// nearest the decimal m·10^−d; a resolution finer than that leaves `v` as it is.
pub fn round_to_view(v: f64, width: f64) -> f64 {
    if !v.is_finite() || !width.is_finite() || width <= 0.0 {
        return v;
    }
    let k = (width / 1000.0).log10().floor();
    let exact = |m: f64| m.is_finite() && m.abs() < 9007199254740992.0;
    if k < 0.0 {
        if k < -22.0 {
            return v;
        }
        let scale = 10f64.powi(-k as i32);
        let m = (v * scale).round() + 0.0; // −0 (from −0.0004) is 0: data has no signed zeros
        if exact(m) {
            m / scale
        } else {
            v
        }
    } else {
        let step = 10f64.powi(k.min(308.0) as i32);
        let m = (v / step).round() + 0.0;
        if exact(m) && step <= 1e22 {
            m * step
        } else {
            v
        }
    }
}
