//! The loss curve, E against epoch, drawn with plotters on a canvas.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::history::LossHistory;

/// Draws `history` on `canvas`; a log E axis when `log`. Colours follow the page theme (`dark`).
pub fn draw(
    canvas: web_sys::HtmlCanvasElement,
    history: &LossHistory,
    log: bool,
    dark: bool,
) -> Result<(), String> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("loss chart: no 2-D canvas")?;
    let root = backend.into_drawing_area();
    let (bg, fg, grid, line) = if dark {
        (
            RGBColor(24, 26, 32),
            RGBColor(230, 230, 230),
            RGBColor(70, 74, 84),
            RGBColor(255, 176, 0),
        )
    } else {
        (
            WHITE,
            RGBColor(30, 30, 30),
            RGBColor(215, 215, 215),
            RGBColor(0, 90, 181),
        )
    };
    root.fill(&bg).map_err(|e| e.to_string())?;
    let (epochs, errors) = (history.epochs(), history.errors());
    let points: Vec<(f64, f64)> = epochs
        .iter()
        .zip(errors)
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
    let (w, h) = root.dim_in_pixel();
    let font = ((h as f64) / 13.0).clamp(10.0, 26.0);
    let x_labels = ((w as f64) / (font * 6.0)).clamp(2.0, 8.0) as usize;
    let text = ("sans-serif", font).into_font().color(&fg);
    let mut builder = ChartBuilder::on(&root);
    builder
        .margin(8)
        .x_label_area_size(font * 2.8)
        .y_label_area_size(font * 3.6);
    let series = LineSeries::new(points.iter().copied(), line.stroke_width(2));
    // The two y axes have different types, so the shared drawing is a macro, not a closure.
    macro_rules! plot {
        ($y_range:expr) => {{
            let mut chart = builder
                .build_cartesian_2d(0.0..x_max, $y_range)
                .map_err(|e| e.to_string())?;
            chart
                .configure_mesh()
                .x_labels(x_labels)
                .y_labels(5)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .x_desc("epoch")
                .y_desc("E")
                .label_style(text.clone())
                .axis_desc_style(text.clone())
                .bold_line_style(grid)
                .light_line_style(grid.mix(0.3))
                .axis_style(fg)
                .draw()
                .map_err(|e| e.to_string())?;
            chart.draw_series(series).map_err(|e| e.to_string())?;
        }};
    }
    if log {
        plot!((lo * 0.8..hi * 1.25).log_scale());
    } else {
        plot!(0.0..hi * 1.05);
    }
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}
