//! Where a chart axis puts its labelled ticks and its light grid lines, for a linear axis and for a
//! log axis (whose coordinate is log₁₀ of the value). `src/web/frame.rs` draws them; the labels are
//! written with integer arithmetic, so no fixed-precision float formatting is needed.

/// Labelled ticks `(coordinate, label)` and unlabelled light grid lines, in axis coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ticks {
    /// The labelled ticks, ascending.
    pub bold: Vec<(f64, String)>,
    /// Light grid lines between them.
    pub light: Vec<f64>,
}

impl Ticks {
    /// The coordinates of the labelled ticks.
    pub fn coords(&self) -> Vec<f64> {
        self.bold.iter().map(|t| t.0).collect()
    }
}

/// A step of m × 10^p (m = 1, 2 or 5): the smallest that puts about `max` ticks on `lo..hi`.
fn nice_step(lo: f64, hi: f64, max: usize) -> (i64, i32) {
    let raw = (hi - lo) / max.max(1) as f64;
    let p = raw.log10().floor() as i32;
    [(1, p), (2, p), (5, p), (1, p + 1)]
        .into_iter()
        .find(|&(m, p)| m as f64 * 10f64.powi(p) >= raw * (1.0 - 1e-9))
        .unwrap_or((1, p + 1))
}

/// The k with k·step in `lo..=hi`.
fn multiples(lo: f64, hi: f64, step: f64) -> std::ops::RangeInclusive<i64> {
    (lo / step - 1e-9).ceil() as i64..=(hi / step + 1e-9).floor() as i64
}

/// n × 10^p written out exactly, with −p decimals when p < 0 (`decimal(25, -2)` = "0.25"). Integer
/// arithmetic only, so the wasm needs no fixed-precision float formatting.
pub fn decimal(n: i64, p: i32) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let digits = n.unsigned_abs().to_string();
    if n == 0 && p >= 0 {
        return "0".into();
    }
    if p >= 0 {
        return format!("{sign}{digits}{}", "0".repeat(p as usize));
    }
    let d = p.unsigned_abs() as usize;
    let padded = format!(
        "{}{digits}",
        "0".repeat((d + 1).saturating_sub(digits.len()))
    );
    let (int, frac) = padded.split_at(padded.len() - d);
    format!("{sign}{int}.{frac}")
}

/// Ticks of a linear axis on `lo..hi`, about `max` labelled, at 1-2-5 steps, five light lines
/// a step.
pub fn linear(lo: f64, hi: f64, max: usize) -> Ticks {
    if !(lo.is_finite() && hi.is_finite() && hi > lo) {
        return Ticks::default();
    }
    let (m, p) = nice_step(lo, hi, max);
    let step = m as f64 * 10f64.powi(p);
    Ticks {
        bold: multiples(lo, hi, step)
            .map(|k| (k as f64 * step, decimal(k * m, p)))
            .collect(),
        light: multiples(lo, hi, step / 5.0)
            .map(|k| k as f64 * step / 5.0)
            .collect(),
    }
}

/// log₁₀(m × 10^d).
fn log(m: i64, d: i32) -> f64 {
    (m as f64).log10() + d as f64
}

/// m × 10^d for a log axis, short: 1e-12, 0.02, 5, 1000, 1e4, 2e5.
fn short(m: i64, d: i32) -> String {
    if (-3..4).contains(&d) {
        decimal(m, d)
    } else {
        format!("{m}e{d}")
    }
}

/// Ticks of a log axis on the values `lo..hi` (both > 0), in coordinates log₁₀ v: decades (every
/// k-th if there are more than `max`), else 1-2-5 × 10^k, else — a span under a factor of 2 —
/// linear steps.
pub fn log10(lo: f64, hi: f64, max: usize) -> Ticks {
    if !(lo > 0.0 && hi.is_finite() && hi > lo) {
        return Ticks::default();
    }
    let (clo, chi) = (lo.log10(), hi.log10());
    let decades: Vec<i32> = ((clo - 1e-9).ceil() as i32..=(chi + 1e-9).floor() as i32).collect();
    // The m × 10^d in lo..=hi, for the given mantissas m.
    let mantissas = |ms: &[i64]| -> Vec<(i64, i32)> {
        ((clo.floor() as i32)..=(chi.ceil() as i32))
            .flat_map(|d| ms.iter().map(move |&m| (m, d)))
            .filter(|&(m, d)| (clo - 1e-9..=chi + 1e-9).contains(&log(m, d)))
            .collect()
    };
    let log = |(m, d): (i64, i32)| log(m, d);
    let labelled = |ticks: Vec<(i64, i32)>| -> Vec<(f64, String)> {
        ticks
            .into_iter()
            .map(|t| (log(t), short(t.0, t.1)))
            .collect()
    };
    if decades.len() >= 2 {
        let every = decades.len().div_ceil(max.max(1)) as i32;
        let bold = decades
            .iter()
            .filter(|d| d.rem_euclid(every) == 0)
            .map(|&d| (1, d))
            .collect();
        let light = if every == 1 {
            mantissas(&[2, 3, 4, 5, 6, 7, 8, 9])
        } else {
            decades.iter().map(|&d| (1, d)).collect()
        };
        return Ticks {
            bold: labelled(bold),
            light: light.into_iter().map(log).collect(),
        };
    }
    let one_two_five = mantissas(&[1, 2, 5]);
    if one_two_five.len() >= 2 {
        return Ticks {
            bold: labelled(one_two_five),
            light: mantissas(&[3, 4, 6, 7, 8, 9])
                .into_iter()
                .map(log)
                .collect(),
        };
    }
    let lin = linear(lo, hi, max);
    Ticks {
        bold: lin
            .bold
            .into_iter()
            .filter(|t| t.0 > 0.0)
            .map(|(v, s)| (v.log10(), s))
            .collect(),
        light: lin
            .light
            .into_iter()
            .filter(|&v| v > 0.0)
            .map(f64::log10)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(t: &Ticks) -> Vec<&str> {
        t.bold.iter().map(|b| b.1.as_str()).collect()
    }

    #[test]
    fn linear_ticks_step_by_one_two_five() {
        assert_eq!(
            labels(&linear(0.0, 10.0, 5)),
            ["0", "2", "4", "6", "8", "10"]
        );
        assert_eq!(labels(&linear(0.0, 0.52, 5)), ["0.0", "0.2", "0.4"]);
        assert_eq!(labels(&linear(0.0, 12_345.0, 4)), ["0", "5000", "10000"]);
        assert_eq!(
            labels(&linear(-0.3, 0.3, 6)),
            ["-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"]
        );
        assert_eq!(linear(0.0, 10.0, 5).light.len(), 26);
        assert!(linear(1.0, 1.0, 5).bold.is_empty());
        assert!(linear(f64::NAN, 1.0, 5).bold.is_empty());
    }

    #[test]
    fn log_ticks_are_decades_then_one_two_five_then_linear() {
        let t = log10(1e-13, 1.0, 6);
        assert_eq!(labels(&t), ["1e-12", "1e-9", "1e-6", "0.001", "1"]);
        assert_eq!(t.light.len(), 14, "every decade 1e-13…1, labelled or not");
        assert_eq!(labels(&log10(0.005, 20.0, 6)), ["0.01", "0.1", "1", "10"]);
        assert_eq!(labels(&log10(0.03, 0.3, 6)), ["0.05", "0.1", "0.2"]);
        assert_eq!(labels(&log10(0.31, 0.42, 5)), ["0.35", "0.40"]);
        assert_eq!(labels(&log10(2e-7, 3e-4, 6)), ["1e-6", "1e-5", "1e-4"]);
        assert!(log10(0.0, 1.0, 5).bold.is_empty());
        let c = log10(0.005, 20.0, 6);
        assert_eq!(
            c.light.len(),
            5 + 8 * 3 + 1,
            "5e-3…9e-3, three full decades, 20"
        );
    }

    #[test]
    fn labels_are_exact_decimals() {
        assert_eq!(short(1, -12), "1e-12");
        assert_eq!(short(2, -2), "0.02");
        assert_eq!(short(5, 0), "5");
        assert_eq!(short(1, 2), "100");
        assert_eq!(short(2, 5), "2e5");
        assert_eq!(short(1, 3), "1000");
        assert_eq!(short(1, 4), "1e4");
        assert_eq!(decimal(25, -2), "0.25");
        assert_eq!(decimal(-3, -1), "-0.3");
        assert_eq!(decimal(0, -1), "0.0");
        assert_eq!(decimal(-7, -3), "-0.007");
        assert_eq!(decimal(12, 3), "12000");
        assert_eq!(decimal(-40, 0), "-40");
        assert_eq!(decimal(0, 3), "0");
    }
}
