//! Charts drawn with plotters on a canvas: the loss curve and the log-log plots of the gradient
//! check (error against ε, cost against n). The browser renders their text.
//!
//! No text measuring: plotters measures text (for a right-hand axis, a legend box, anchored labels)
//! by inserting an inline-styled `<span>`, which the page's Content-Security-Policy blocks. So the
//! charts set inward ticks on the right (rounding can leave a 1-pixel right label area even when we
//! ask for none, and inward ticks skip the measuring) and draw their own legends and labels
//! left-aligned.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

use crate::history::LossHistory;

/// Background, text, grid and series colours for the page theme (Okabe–Ito series colours).
struct Theme {
    bg: RGBColor,
    fg: RGBColor,
    grid: RGBColor,
    series: [RGBColor; 4],
}

fn theme(dark: bool) -> Theme {
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

fn area(
    canvas: web_sys::HtmlCanvasElement,
    t: &Theme,
) -> Result<DrawingArea<CanvasBackend, Shift>, String> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("chart: no 2-D canvas")?;
    let root = backend.into_drawing_area();
    root.fill(&t.bg).map_err(|e| e.to_string())?;
    Ok(root)
}

/// A font size that scales with the canvas (device pixels): `lines` lines of it fill the height.
fn font_px(root: &DrawingArea<CanvasBackend, Shift>, lines: f64) -> f64 {
    let (_, h) = root.dim_in_pixel();
    ((h as f64) / lines).clamp(10.0, 26.0)
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
            chart
                .configure_mesh()
                .set_tick_mark_size(LabelAreaPosition::Right, -1) // see the module doc
                .x_labels(x_labels)
                .y_labels(5)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .x_desc("epoch")
                .y_desc("E")
                .label_style(text.clone())
                .axis_desc_style(text.clone())
                .bold_line_style(t.grid)
                .light_line_style(t.grid.mix(0.3))
                .axis_style(t.fg)
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

/// Draws a log-log chart of series sharing the x values `xs`: series k is `ys[k·len .. (k+1)·len]`,
/// named by the k-th entry of `names` (separated by `|`). `refs` holds triples (slope, x, y): a
/// dashed reference line of that slope through (x, y), labelled "slope s". Points that are not
/// finite and positive are left out. `legend` places the legend: "top-left", "top-middle" or
/// "bottom-left".
///
/// # Errors
/// Mismatched lengths, or a canvas without a 2-D context.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = drawLogLog)]
pub fn draw_loglog(
    canvas: web_sys::HtmlCanvasElement,
    x_desc: &str,
    y_desc: &str,
    names: &str,
    xs: Vec<f64>,
    ys: Vec<f64>,
    refs: Vec<f64>,
    legend: &str,
    dark: bool,
) -> Result<(), JsError> {
    loglog(canvas, x_desc, y_desc, names, &xs, &ys, &refs, legend, dark)
        .map_err(|e| JsError::new(&e))
}

#[allow(clippy::too_many_arguments)]
fn loglog(
    canvas: web_sys::HtmlCanvasElement,
    x_desc: &str,
    y_desc: &str,
    names: &str,
    xs: &[f64],
    ys: &[f64],
    refs: &[f64],
    legend: &str,
    dark: bool,
) -> Result<(), String> {
    let names: Vec<&str> = names.split('|').collect();
    let len = xs.len();
    if len == 0 || ys.len() != len * names.len() || refs.len() % 3 != 0 {
        return Err(format!(
            "drawLogLog: {} names need {} y values for {len} x values, got {}; refs come in triples",
            names.len(),
            len * names.len(),
            ys.len()
        ));
    }
    let good = |v: f64| v.is_finite() && v > 0.0;
    let series: Vec<Vec<(f64, f64)>> = ys
        .chunks(len)
        .map(|col| {
            xs.iter()
                .zip(col)
                .filter(|(x, y)| good(**x) && good(**y))
                .map(|(x, y)| (*x, *y))
                .collect()
        })
        .collect();
    let all: Vec<(f64, f64)> = series.iter().flatten().copied().collect();
    let t = theme(dark);
    let root = area(canvas, &t)?;
    let font = font_px(&root, 17.0);
    let text = ("sans-serif", font).into_font().color(&t.fg);
    let (x_lo, x_hi) = bounds(all.iter().map(|p| p.0));
    let (y_lo, y_hi) = bounds(all.iter().map(|p| p.1));
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .x_label_area_size(font * 2.8)
        .y_label_area_size(font * 4.2)
        .build_cartesian_2d(
            (x_lo / 1.5..x_hi * 1.5).log_scale(),
            (y_lo / 3.0..y_hi * 3.0).log_scale(),
        )
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .set_tick_mark_size(LabelAreaPosition::Right, -1) // see the module doc
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| short(*v))
        .y_label_formatter(&|v| short(*v))
        .label_style(text.clone())
        .axis_desc_style(text.clone())
        .bold_line_style(t.grid)
        .light_line_style(t.grid.mix(0.3))
        .axis_style(t.fg)
        .draw()
        .map_err(|e| e.to_string())?;
    for r in refs.chunks(3) {
        let (slope, x0, y0) = (r[0], r[1], r[2]);
        if !(good(x0) && good(y0) && slope.is_finite()) {
            continue;
        }
        let at = |x: f64| y0 * (x / x0).powf(slope);
        let (a, b) = (x_lo, x_hi);
        let line = [(a, at(a)), (b, at(b))];
        let style = t.fg.mix(0.55).stroke_width(1);
        chart
            .draw_series(DashedLineSeries::new(line, 6, 5, style))
            .map_err(|e| e.to_string())?;
        // Label the line where it leaves the plot, inside it. Plain left-aligned text only: any
        // other anchor makes plotters measure text with an inline-styled <span>, which the page's
        // Content-Security-Policy blocks.
        let (lx, ly) = if at(b) <= y_hi * 3.0 {
            (b, at(b))
        } else {
            (x0 * (y_hi * 3.0 / y0).powf(1.0 / slope), y_hi * 2.0)
        };
        let label = format!("slope {slope}");
        let (px, py) = chart.backend_coord(&(lx, ly));
        let width = (0.56 * font * label.chars().count() as f64) as i32;
        root.draw(&Text::new(
            label,
            (px - width - 6, py - font as i32),
            text.clone(),
        ))
        .map_err(|e| e.to_string())?;
    }
    for (k, points) in series.iter().enumerate() {
        let colour = t.series[k % 4];
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                colour.stroke_width(3),
            ))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(points.iter().map(|p| Circle::new(*p, 3, colour.filled())))
            .map_err(|e| e.to_string())?;
    }
    // The legend, drawn by hand at the plot's top left: plotters' own legend box measures text
    // with an inline-styled <span>, which the page's Content-Security-Policy (rightly) blocks.
    let (left, top) = chart.plotting_area().get_base_pixel();
    let (width, height) = chart.plotting_area().dim_in_pixel();
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) as f64;
    let box_w = (34.0 + 0.56 * font * longest) as i32;
    let first = if legend == "bottom-left" {
        top + height as i32 - (font * (0.9 + 1.3 * names.len() as f64)) as i32
    } else {
        top
    };
    let left = if legend == "top-middle" {
        left + (width as i32 - box_w) / 2
    } else {
        left
    };
    let box_h = (font * (0.5 + 1.3 * names.len() as f64)) as i32;
    root.draw(&Rectangle::new(
        [(left + 4, first + 2), (left + 4 + box_w, first + 2 + box_h)],
        t.bg.mix(0.85).filled(),
    ))
    .map_err(|e| e.to_string())?;
    for (k, name) in names.iter().enumerate() {
        let y = first + (font * (0.9 + 1.3 * k as f64)) as i32;
        let x = left + 10;
        let colour = t.series[k % 4];
        root.draw(&PathElement::new(
            [(x, y), (x + 22, y)],
            colour.stroke_width(3),
        ))
        .map_err(|e| e.to_string())?;
        root.draw(&Text::new(
            name.to_string(),
            (x + 28, y - (font * 0.5) as i32),
            text.clone(),
        ))
        .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if lo.is_finite() {
        (lo, hi.max(lo * 10.0))
    } else {
        (1.0, 10.0)
    }
}

/// 1e-12, 0.01, 1, 100, 1e5: short tick labels for a log axis.
fn short(v: f64) -> String {
    if v != 0.0 && !(1e-3..1e4).contains(&v.abs()) {
        format!("{v:.0e}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
