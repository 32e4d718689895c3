//! Charts drawn with plotters on a canvas: the loss curve here, the log-log plots of the gradient
//! check in `loglog.rs`. The browser renders their text.
//!
//! No text measuring: plotters measures text (for a right-hand axis, a legend box, anchored labels)
//! by inserting an inline-styled `<span>`, which the page's Content-Security-Policy blocks. So the
//! charts set inward ticks on the right (rounding can leave a 1-pixel right label area even when we
//! ask for none, and inward ticks skip the measuring) and draw their own legends and labels
//! left-aligned.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::ops::Range;

use crate::history::LossHistory;
use crate::ticks::{self, Ticks};

/// Background, text, grid and series colours for the page theme (Okabe–Ito series colours).
pub(super) struct Theme {
    pub(super) bg: RGBColor,
    pub(super) fg: RGBColor,
    pub(super) grid: RGBColor,
    pub(super) series: [RGBColor; 4],
}

pub(super) fn theme(dark: bool) -> Theme {
    if dark {
        Theme {
            bg: RGBColor(27, 30, 36),
            fg: RGBColor(233, 235, 239),
            grid: RGBColor(70, 74, 84),
            series: [
                RGBColor(86, 180, 233),
                RGBColor(230, 159, 0),
                RGBColor(0, 158, 115),
                RGBColor(204, 121, 167),
            ],
        }
    } else {
        Theme {
            bg: WHITE,
            fg: RGBColor(29, 31, 36),
            grid: RGBColor(213, 217, 224),
            series: [
                RGBColor(0, 114, 178),
                RGBColor(213, 94, 0),
                RGBColor(0, 158, 115),
                RGBColor(204, 121, 167),
            ],
        }
    }
}

pub(super) fn area(
    canvas: web_sys::HtmlCanvasElement,
    t: &Theme,
) -> Result<DrawingArea<CanvasBackend, Shift>, String> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("chart: no 2-D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&t.bg).map_err(|e| e.to_string())?;
    Ok(root)
}

/// A font size that scales with the canvas (device pixels): `lines` lines of it fill the height.
pub(super) fn font_px(root: &DrawingArea<CanvasBackend, Shift>, lines: f64) -> f64 {
    let (_, h) = root.dim_in_pixel();
    ((h as f64) / lines).clamp(10.0, 26.0)
}

/// A chart axis: its value range, whether it is logarithmic, its name and about how many labels.
pub(super) struct Axis<'a> {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) log: bool,
    pub(super) desc: &'a str,
    pub(super) labels: usize,
}

impl Axis<'_> {
    /// The plotting coordinate of value `v`: v itself, or log₁₀ v on a log axis.
    pub(super) fn at(&self, v: f64) -> f64 {
        if self.log {
            v.log10()
        } else {
            v
        }
    }

    fn ticks(&self) -> Ticks {
        if self.log {
            ticks::log10(self.lo, self.hi, self.labels)
        } else {
            ticks::linear(self.lo, self.hi, self.labels)
        }
    }
}

/// Every chart's axis coordinate: f64, mapped linearly, ticked where [`ticks`] says. One type for
/// every axis of every chart keeps a single copy of plotters' generic drawing code in the wasm.
pub(super) struct Coord {
    inner: RangedCoordf64,
    bold: Vec<f64>,
    light: Vec<f64>,
}

impl Ranged for Coord {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(v, limit)
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            self.light.clone()
        } else {
            self.bold.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

pub(super) type Chart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<Coord, Coord>>;

fn coord(axis: &Axis, ticks: &Ticks) -> Coord {
    Coord {
        inner: (axis.at(axis.lo)..axis.at(axis.hi)).into(),
        bold: ticks.coords(),
        light: ticks.light.clone(),
    }
}

/// The chart's frame: margins, axes with their ticks, names and grid in the theme, inward right
/// ticks (see the module doc). Values go in through [`Axis::at`].
pub(super) fn frame<'a>(
    root: &'a DrawingArea<CanvasBackend, Shift>,
    t: &Theme,
    font: f64,
    (x, y): (&Axis, &Axis),
    y_area: f64,
) -> Result<Chart<'a>, String> {
    let text = (FontFamily::SansSerif, font).into_font().color(&t.fg);
    let (xt, yt) = (x.ticks(), y.ticks());
    let mut chart = ChartBuilder::on(root)
        .margin(8)
        .x_label_area_size(font * 2.8)
        .y_label_area_size(font * y_area)
        .build_cartesian_2d(coord(x, &xt), coord(y, &yt))
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .set_tick_mark_size(LabelAreaPosition::Right, -1)
        .label_style(text.clone())
        .axis_desc_style(text)
        .bold_line_style(t.grid)
        .light_line_style(t.grid.mix(0.3))
        .axis_style(t.fg)
        .x_label_formatter(&|c| xt.label(*c))
        .y_label_formatter(&|c| yt.label(*c))
        .x_desc(x.desc)
        .y_desc(y.desc)
        .draw()
        .map_err(|e| e.to_string())?;
    Ok(chart)
}

/// Draws the loss curve: E against epoch, with a log E axis when `log` and a vertical line at epoch
/// `marker` when it is finite.
pub fn draw_loss(
    canvas: web_sys::HtmlCanvasElement,
    history: &LossHistory,
    log: bool,
    dark: bool,
    marker: f64,
) -> Result<(), String> {
    let t = theme(dark);
    let root = area(canvas, &t)?;
    let points: Vec<(f64, f64)> = history
        .epochs()
        .iter()
        .zip(history.errors())
        .filter(|(_, e)| e.is_finite() && (!log || **e > 0.0))
        .map(|(&k, &e)| (k, e))
        .collect();
    let x_max = points.last().map_or(10.0, |p| p.0.max(10.0));
    let (lo, hi) = points.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    let (lo, hi) = if points.is_empty() {
        (1e-3, 1.0)
    } else {
        (lo, hi.max(lo * 1.01))
    };
    let font = font_px(&root, 13.0);
    let (w, _) = root.dim_in_pixel();
    let x = Axis {
        lo: 0.0,
        hi: x_max,
        log: false,
        desc: "epoch",
        labels: ((w as f64) / (font * 6.0)).clamp(2.0, 8.0) as usize,
    };
    let (y_lo, y_hi) = if log {
        (lo * 0.8, hi * 1.25)
    } else {
        (0.0, hi * 1.05)
    };
    let y = Axis {
        lo: y_lo,
        hi: y_hi,
        log,
        desc: "E",
        labels: 5,
    };
    let mut chart = frame(&root, &t, font, (&x, &y), 3.6)?;
    let curve = points.iter().map(|&(k, e)| (k, y.at(e)));
    chart
        .draw_series(LineSeries::new(curve, t.series[0].stroke_width(2)))
        .map_err(|e| e.to_string())?;
    if marker.is_finite() {
        let line = [(marker, y.at(y_lo)), (marker, y.at(y_hi))];
        chart
            .draw_series(LineSeries::new(line, t.series[1].stroke_width(2)))
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}
