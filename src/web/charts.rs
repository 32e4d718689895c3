//! Charts drawn with plotters on a canvas: the loss curve here, the log-log plots of the gradient
//! check in `loglog.rs`. The browser renders their text.
//!
//! No text measuring: plotters measures text (for a right-hand axis, a legend box, anchored labels)
//! by inserting an inline-styled `<span>`, which the page's Content-Security-Policy blocks. So the
//! charts set inward ticks on the right (rounding can leave a 1-pixel right label area even when we
//! ask for none, and inward ticks skip the measuring) and draw their own legends and labels
//! left-aligned.

use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::history::LossHistory;

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

/// The theme's look of a chart's mesh (fonts, grid, axes), with inward right ticks (see the module
/// doc).
pub(super) fn themed<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    t: &Theme,
    text: &TextStyle<'b>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
    mesh.set_tick_mark_size(LabelAreaPosition::Right, -1)
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .bold_line_style(t.grid)
        .light_line_style(t.grid.mix(0.3))
        .axis_style(t.fg)
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
    let x_labels = ((w as f64) / (font * 6.0)).clamp(2.0, 8.0) as usize;
    let text = ("sans-serif", font).into_font().color(&t.fg);
    let mut builder = ChartBuilder::on(&root);
    builder
        .margin(8)
        .x_label_area_size(font * 2.8)
        .y_label_area_size(font * 3.6);
    let series = LineSeries::new(points.iter().copied(), t.series[0].stroke_width(2));
    // The two y axes have different types, so the shared drawing is a macro, not a closure.
    macro_rules! plot {
        ($y_range:expr) => {{
            let mut chart = builder
                .build_cartesian_2d(0.0..x_max, $y_range)
                .map_err(|e| e.to_string())?;
            themed(&mut chart.configure_mesh(), &t, &text)
                .x_labels(x_labels)
                .y_labels(5)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .x_desc("epoch")
                .y_desc("E")
                .draw()
                .map_err(|e| e.to_string())?;
            chart.draw_series(series).map_err(|e| e.to_string())?;
            if marker.is_finite() {
                let (y0, y1) = (chart.y_range().start, chart.y_range().end);
                let line = [(marker, y0), (marker, y1)];
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        line,
                        t.series[1].stroke_width(2),
                    )))
                    .map_err(|e| e.to_string())?;
            }
        }};
    }
    if log {
        plot!((lo * 0.8..hi * 1.25).log_scale());
    } else {
        plot!(0.0..hi * 1.05);
    }
    root.present().map_err(|e| e.to_string())
}
