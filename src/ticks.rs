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

/// A step of m × 10^p (m = 1, 2 or 5): the smallest that puts about `max` ticks on `lo..hi`;
/// `None` when the range is too narrow for f64 to tell ticks apart.
fn nice_step(lo: f64, hi: f64, max: usize) -> Option<(i64, i32)> {
    // Half the width first: hi − lo itself overflows for ranges wider than f64::MAX.
    let raw = (hi * 0.5 - lo * 0.5) * (2.0 / max.max(1) as f64);
    if !(raw.is_finite() && raw > 0.0) {
        return None;
    }
    let p = raw.log10().floor() as i32;
    [(1, p), (2, p), (5, p), (1, p + 1)]
        .into_iter()
        .find(|&(m, p)| m as f64 * pow10(p) >= raw * (1.0 - 1e-9))
        .filter(|&(m, p)| (m as f64 * pow10(p)).is_finite() && m as f64 * pow10(p) > 0.0)
}

/// 10^p for any p an f64 step can have (powi alone underflows to 0 below 1e-307 in steps).
fn pow10(p: i32) -> f64 {
    if p < -300 {
        10f64.powi(p + 300) * 1e-300
    } else {
        10f64.powi(p)
    }
}

/// The k with k·step in `lo..=hi`; `None` when there would be more than `most`, or k·step could
/// not be told apart (far from 0 on a narrow range).
fn multiples(lo: f64, hi: f64, step: f64, most: usize) -> Option<std::ops::RangeInclusive<i64>> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    let (a, b) = ((lo / step - 1e-9).ceil(), (hi / step + 1e-9).floor());
    (a.abs() < EXACT && b.abs() < EXACT && b - a < most as f64).then_some(a as i64..=b as i64)
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

/// n × 10^p as a short label: plain decimals while the value's exponent is from −4 to 5 ("0.25",
/// "5000", "-0.3", "1.000000000000002"), else exponent form with the trailing zeros folded in
/// ("2.5e-300", "1e6"). At most 19 digits either way (n is an i64).
pub fn label(n: i64, p: i32) -> String {
    if n == 0 {
        return if (-5..0).contains(&p) {
            decimal(0, p)
        } else {
            "0".into()
        };
    }
    let digits = n.unsigned_abs().to_string();
    let exponent = p + digits.len() as i32 - 1;
    if (-4..=5).contains(&exponent) {
        return decimal(n, p);
    }
    let kept = digits.trim_end_matches('0');
    let sign = if n < 0 { "-" } else { "" };
    let (head, tail) = kept.split_at(1);
    let point = if tail.is_empty() { "" } else { "." };
    format!("{sign}{head}{point}{tail}e{exponent}")
}

/// A label for any finite f64 (the ends of a range too narrow for steps): the shortest text that
/// reads back to it, so two different ends never look alike (at most 24 characters).
fn any_label(v: f64) -> String {
    crate::json::number(v)
}

/// Ticks of a linear axis on `lo..hi`, about `max` labelled, at 1-2-5 steps, five light lines
/// a step. Any finite range works in bounded work: at most 2·`max` + 2 labelled ticks; a range
/// too narrow for distinct steps, or with no step inside it, gets its two ends, a single point
/// itself.
pub fn linear(lo: f64, hi: f64, max: usize) -> Ticks {
    if !(lo.is_finite() && hi.is_finite() && hi >= lo) {
        return Ticks::default();
    }
    let (lo, hi) = (lo + 0.0, hi + 0.0); // −0 is labelled 0
    let most = 2 * max.max(1) + 2;
    let stepped = nice_step(lo, hi, max).and_then(|(m, p)| {
        let step = m as f64 * pow10(p);
        // Each value is the f64 nearest its label (k·m × 10^p read as decimal text: powi's own
        // rounding grows with |p|); the ones rounding put outside lo..hi are dropped.
        let bold: Vec<(f64, String)> = multiples(lo, hi, step, most)?
            .filter_map(|k| {
                let v = crate::json::parse_f64(&format!("{}e{p}", k * m))?;
                (lo..=hi).contains(&v).then(|| (v, label(k * m, p)))
            })
            .collect();
        let light = multiples(lo, hi, step / 5.0, 5 * most)?;
        (!bold.is_empty()).then(|| Ticks {
            bold,
            light: light
                .map(|k| k as f64 * step / 5.0)
                .filter(|v| (lo..=hi).contains(v))
                .collect(),
        })
    });
    stepped.unwrap_or_else(|| {
        let mut ends = vec![(lo, any_label(lo))];
        if hi > lo {
            ends.push((hi, any_label(hi)));
        }
        Ticks {
            bold: ends,
            light: Vec::new(),
        }
    })
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
        assert_eq!(
            labels(&linear(1.0, 1.0, 5)),
            ["1"],
            "a single point is its own tick"
        );
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

    /// A range of any width (1e-300 to 1e308, subnormal too), centred anywhere (0, far away, near
    /// ±f64::MAX), or a single point.
    fn range(rng: &mut crate::rng::Rng) -> (f64, f64) {
        let e = |rng: &mut crate::rng::Rng, lo: f64, hi: f64| 10f64.powf(rng.uniform(lo, hi));
        let sign = |rng: &mut crate::rng::Rng| {
            if rng.uniform(0.0, 1.0) < 0.5 {
                -1.0
            } else {
                1.0
            }
        };
        let centre = match (rng.uniform(0.0, 4.0)) as u32 {
            0 => 0.0,
            1 => sign(rng) * e(rng, -300.0, 300.0),
            2 => sign(rng) * f64::MAX * rng.uniform(0.0, 1.0),
            _ => rng.uniform(-10.0, 10.0),
        };
        let width = match (rng.uniform(0.0, 5.0)) as u32 {
            0 => 0.0,
            1 => 5e-324 * rng.uniform(1.0, 100.0).floor(),
            2 => e(rng, 300.0, 308.25),
            _ => e(rng, -300.0, 300.0),
        };
        let lo = (centre - width / 2.0).max(-f64::MAX);
        let hi = (centre + width / 2.0).min(f64::MAX);
        (lo.min(hi), hi.max(lo))
    }

    #[test]
    fn any_finite_range_gets_few_ordered_short_ticks_inside_it() {
        let mut rng = crate::rng::Rng::new(11);
        for _ in 0..20_000 {
            let (lo, hi) = range(&mut rng);
            let max = 1 + (rng.uniform(0.0, 11.0) as usize);
            let t = linear(lo, hi, max);
            let ctx = format!("{lo:e}..{hi:e}, max {max}: {:?}", labels(&t));
            assert!(!t.bold.is_empty() && t.bold.len() <= 2 * max + 2, "{ctx}");
            assert!(t.light.len() <= 5 * (2 * max + 2), "{ctx}");
            let slack = (hi * 0.5 - lo * 0.5).abs() * 1e-6;
            for (v, l) in &t.bold {
                assert!(
                    v.is_finite() && *v >= lo - slack && *v <= hi + slack,
                    "{ctx}"
                );
                assert!(!l.is_empty() && l.len() <= 24, "{ctx}");
            }
            assert!(
                t.bold
                    .windows(2)
                    .all(|w| w[0].0 < w[1].0 && w[0].1 != w[1].1),
                "{ctx}"
            );
            if lo > 0.0 {
                let g = log10(lo, hi, max);
                assert!(
                    g.bold.len() <= 4 * max + 4 && g.light.len() <= 4000,
                    "log {ctx}"
                );
                assert!(g.bold.iter().all(|(_, l)| l.len() <= 24), "log {ctx}");
            }
        }
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
        assert_eq!(label(25, -301), "2.5e-300");
        assert_eq!(label(1, 6), "1e6");
        assert_eq!(label(15, 5), "1.5e6");
        assert_eq!(label(-2, -5), "-2e-5");
        assert_eq!(label(1000000000000002, -15), "1.000000000000002");
        assert_eq!(label(0, -1), "0.0");
        assert_eq!(label(0, 300), "0");
    }
}
