//! The one reader of a number a person types — the η field, table cells, CSV and pasted cells,
//! quiz answers, η lists, the landscape's range, a link's numbers — with one set of rules, so that
//! a text one place takes no other place refuses.

/// Longest text read as a number (any f64's shortest form is at most 24 characters; spaces around
/// it and long decimals from a spreadsheet fit too).
pub const MAX_TYPED: usize = 400;

/// Why a typed text is not a number the app can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotNumber {
    /// Nothing but spaces.
    Empty,
    /// Not a number at all (letters, two points, `NaN`, `Infinity`, hex, units).
    Text,
    /// A comma that could be a decimal comma or a thousands separator (`1,000`).
    Ambiguous,
    /// A number too large for an f64 (past ±1.8e308).
    TooLarge,
    /// A number other than 0 too small for an f64 (nearer 0 than 5e-324): refused, never read as 0.
    TooSmall,
}

impl NotNumber {
    /// The reason, to follow the field's name: `“abc” is not a number`.
    pub fn reason(self, text: &str) -> String {
        let quoted = format!("“{}”", super::shorten(text.trim()));
        match self {
            NotNumber::Empty => "the field is empty; type a number".into(),
            NotNumber::Text => format!("{quoted} is not a number"),
            NotNumber::Ambiguous => format!(
                "{quoted} could be a decimal comma or a thousands separator: write it with a point (1.5) or without the comma (1000)"
            ),
            NotNumber::TooLarge => format!("{quoted} is too large for a number"),
            NotNumber::TooSmall => {
                format!("{quoted} is too small for a number (the smallest is 5e-324), and is not 0")
            }
        }
    }
}

/// A number as a person types it: spaces around; a sign `-`, `+` or `−` (U+2212, as the page
/// writes it); digits with a decimal point — or a decimal comma where `comma` says a comma cannot
/// separate values and there is no point, unless it could be a thousands separator (one comma
/// followed by exactly three digits, after digits other than a lone 0); an exponent (`1e-3`); at
/// most [`MAX_TYPED`] characters. The nearest f64, correctly rounded, as [`super::parse_f64`].
///
/// # Errors
/// Empty, not a number, an ambiguous comma, or a number too large or too small for an f64 — both
/// refused alike, never read as ±∞ or 0.
pub fn read_number(text: &str, comma: bool) -> Result<f64, NotNumber> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NotNumber::Empty);
    }
    if t.len() > MAX_TYPED {
        return Err(NotNumber::Text);
    }
    let mut t = t.replace('\u{2212}', "-");
    if comma && !t.contains('.') && t.contains(',') {
        if thousands(&t) {
            return Err(NotNumber::Ambiguous);
        }
        t = t.replacen(',', ".", 1);
    }
    let v = super::parse_f64(&t).ok_or(NotNumber::Text)?;
    if v.is_infinite() {
        return Err(NotNumber::TooLarge);
    }
    // A mantissa with a digit other than 0 that came out as 0 was too small for an f64.
    let mantissa = t.split(['e', 'E']).next().unwrap_or("");
    if v == 0.0 && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        return Err(NotNumber::TooSmall);
    }
    Ok(v)
}

/// Whether a comma in `t` could be a thousands separator: `1,000`, `-12,345` (one comma, three
/// digits after it, digits other than a lone 0 before it, no exponent).
fn thousands(t: &str) -> bool {
    let Some((int, frac)) = t.split_once(',') else {
        return false;
    };
    let int = int.trim_start_matches(['-', '+']);
    frac.len() == 3
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && int != "0"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_set_of_rules() {
        let ok = |t: &str, comma: bool| read_number(t, comma);
        assert_eq!(ok(" −0.5 ", false), Ok(-0.5));
        assert_eq!(ok("-0,5", true), Ok(-0.5));
        assert_eq!(ok("0,5", false), Err(NotNumber::Text));
        assert_eq!(ok("1,5", true), Ok(1.5));
        assert_eq!(ok("0,125", true), Ok(0.125));
        assert_eq!(ok("1,000", true), Err(NotNumber::Ambiguous));
        assert_eq!(ok("+2e-3", false), Ok(2e-3));
        assert_eq!(ok("5e-324", false), Ok(5e-324));
        assert_eq!(ok("1e-400", false), Err(NotNumber::TooSmall));
        assert_eq!(ok("-1e-400", true), Err(NotNumber::TooSmall));
        assert_eq!(ok("0e-400", false), Ok(0.0));
        assert_eq!(ok("0.000", false), Ok(0.0));
        assert_eq!(ok("1e400", false), Err(NotNumber::TooLarge));
        assert_eq!(ok("-1e309", false), Err(NotNumber::TooLarge));
        for bad in [
            "abc", "NaN", "Infinity", "0x10", "1 2", "--1", "2 η", "1.2.3",
        ] {
            assert_eq!(ok(bad, true), Err(NotNumber::Text), "{bad}");
        }
        assert_eq!(ok("  ", true), Err(NotNumber::Empty));
        assert!(NotNumber::TooSmall
            .reason("1e-400")
            .contains("“1e-400” is too small"));
    }

    #[test]
    fn every_f64_s_shortest_form_reads_back_with_spaces_around() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if !v.is_finite() {
                continue;
            }
            let text = format!("  {}\t", crate::json::number(v));
            assert_eq!(
                read_number(&text, true).map(f64::to_bits),
                Ok(v.to_bits()),
                "{text}"
            );
        }
    }
}
