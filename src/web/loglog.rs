//! The log-log charts of the gradient check: error against ε, cost against n (see `frame.rs` for
//! why no text is ever measured).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use wasm_bindgen::prelude::*;

use super::args::{flag, numbers, text};
use super::frame::{dashed, frame, polyline, Axis};
use super::theme::{area, font_px, theme};

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
    canvas: &JsValue,
    x_desc: &JsValue,
    y_desc: &JsValue,
    names: &JsValue,
    xs: &JsValue,
    ys: &JsValue,
    refs: &JsValue,
    legend: &JsValue,
    dark: &JsValue,
) -> Result<(), JsError> {
    let canvas = super::canvas_arg(canvas)?;
    let [x_desc, y_desc, names, legend] = [
        (x_desc, "xDesc"),
        (y_desc, "yDesc"),
        (names, "names"),
        (legend, "legend"),
    ]
    .map(|(v, name)| text(v, name, 256));
    let (xs, ys, refs) = (
        numbers(xs, "xs", MAX_POINTS)?,
        numbers(ys, "ys", MAX_POINTS)?,
        numbers(refs, "refs", MAX_POINTS)?,
    );
    let dark = flag(dark, "dark")?;
    loglog(
        canvas, &x_desc?, &y_desc?, &names?, &xs, &ys, &refs, &legend?, dark,
    )
    .map_err(|e| JsError::new(&e))
}

/// Most numbers one chart argument takes.
const MAX_POINTS: u32 = 100_000;

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
    let text = (FontFamily::SansSerif, font).into_font().color(&t.fg);
    let (x_lo, x_hi) = bounds(all.iter().map(|p| p.0));
    let (y_lo, y_hi) = bounds(all.iter().map(|p| p.1));
    let x = Axis {
        lo: x_lo / 1.5,
        hi: x_hi * 1.5,
        log: true,
        desc: x_desc,
        labels: 6,
    };
    let y = Axis {
        lo: y_lo / 3.0,
        hi: y_hi * 3.0,
        log: true,
        desc: y_desc,
        labels: 6,
    };
    let plot = frame(&root, &t, font, (&x, &y), 4.2)?;
    let at = |(a, b): (f64, f64)| (x.at(a), y.at(b));
    let mut slope_labels = Vec::new();
    for r in refs.chunks(3) {
        let (slope, x0, y0) = (r[0], r[1], r[2]);
        if !(good(x0) && good(y0) && slope.is_finite()) {
            continue;
        }
        // A power law y = y0·(x/x0)^slope is a straight line in the chart's log10 coordinates.
        let (cx0, cy0) = at((x0, y0));
        let line = |cx: f64| (cx, cy0 + slope * (cx - cx0));
        let (a, b) = (x.at(x_lo), x.at(x_hi));
        let style = t.fg.mix(0.55).stroke_width(1);
        dashed(&root, &plot, (line(a), line(b)), (6.0, 5.0), style)?;
        // Label the line where it leaves the plot, inside it.
        let top = y.at(y.hi);
        let end = if line(b).1 <= top {
            line(b)
        } else {
            (cx0 + (top - cy0) / slope, y.at(y_hi * 2.0))
        };
        let label = format!("slope {slope}");
        let (px, py) = plot.px(end);
        // Ending left of the line's end and above it, but never above the plot's top edge (the
        // canvas aligns the text: nothing is measured).
        slope_labels.push((label, (px - 6, (py - font as i32).max(plot.top + 2))));
    }
    for (k, points) in series.iter().enumerate() {
        let colour = t.series[k % 4];
        polyline(
            &root,
            &plot,
            points.iter().map(|&p| at(p)),
            colour.stroke_width(3),
        )?;
        for &p in points {
            root.draw(&Circle::new(plot.px(at(p)), 3, colour.filled()))
                .map_err(|e| e.to_string())?;
        }
    }
    // The legend, drawn by hand: plotters' own legend box measures text with an inline-styled
    // <span>, which the page's Content-Security-Policy (rightly) blocks; its width is estimated.
    let (left, top) = (plot.left, plot.top);
    let (width, height) = (plot.right - plot.left, plot.bottom - plot.top);
    let longest = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) as f64;
    let box_w = (34.0 + 0.56 * font * longest) as i32;
    let first = if legend == "bottom-left" {
        top + height - (font * (0.9 + 1.3 * names.len() as f64)) as i32
    } else {
        top
    };
    let left = if legend == "top-middle" {
        left + (width - box_w) / 2
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
            *name,
            (x + 28, y - (font * 0.5) as i32),
            text.clone(),
        ))
        .map_err(|e| e.to_string())?;
    }
    // The slope labels last, so the legend's backdrop never veils them.
    let style = text.pos(Pos::new(HPos::Right, VPos::Top));
    for (label, at) in &slope_labels {
        root.draw(&Text::new(label.as_str(), *at, style.clone()))
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
