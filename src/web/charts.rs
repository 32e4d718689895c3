//! The loss chart, drawn with plotters on a canvas: E against epoch. The theme and canvas set-up are
//! in `theme.rs`, the frame (axes, grid, labels) in `frame.rs`, the log-log plots of the gradient
//! check in `loglog.rs`. The browser renders their text.

use plotters::prelude::*;

use super::frame::{frame, polyline, Axis};
use super::theme::{area, font_px, theme};
use crate::history::LossHistory;

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
        (0.0, (hi * 1.05).max(1e-9)) // an axis even when every E is 0
    };
    let y = Axis {
        lo: y_lo,
        hi: y_hi,
        log,
        desc: "E",
        labels: 5,
    };
    let plot = frame(&root, &t, font, (&x, &y), 3.6)?;
    let curve = points.iter().map(|&(k, e)| (k, y.at(e)));
    polyline(&root, &plot, curve, t.series[0].stroke_width(2))?;
    if marker.is_finite() {
        let line = [(marker, y.at(y_lo)), (marker, y.at(y_hi))];
        polyline(&root, &plot, line.into_iter(), t.series[1].stroke_width(2))?;
    }
    root.present().map_err(|e| e.to_string())
}
