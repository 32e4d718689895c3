//! A chart's frame — plot area, grid, axes, tick labels, axis names — and the lines drawn in it,
//! all with a handful of plotters elements (filled rectangles, paths, text, circles) on the canvas's
//! root area. plotters' ChartBuilder and mesh would do the same with generic code instantiated per
//! coordinate and series type (tens of KB of wasm), and measure right-hand labels with an
//! inline-styled `<span>` that the page's Content-Security-Policy blocks; the canvas backend
//! aligns text natively, so right-aligned and centred labels need no measuring here.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;

use super::theme::Theme;
use crate::ticks::{self, Ticks};

pub(super) type Root = DrawingArea<CanvasBackend, Shift>;

/// A chart axis: its value range, whether it is logarithmic, its name and about how many labels.
pub(super) struct Axis<'a> {
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) log: bool,
    pub(super) desc: &'a str,
    pub(super) labels: usize,
}

impl Axis<'_> {
    /// The chart coordinate of value `v`: v itself, or log₁₀ v on a log axis.
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

    /// (lowest, highest) chart coordinate.
    fn span(&self) -> (f64, f64) {
        (self.at(self.lo), self.at(self.hi))
    }
}

/// The plot area in device pixels and the chart coordinates its edges stand for.
pub(super) struct Frame {
    /// Left, top, right, bottom edges (pixels).
    pub(super) left: i32,
    pub(super) top: i32,
    pub(super) right: i32,
    pub(super) bottom: i32,
    x: (f64, f64),
    y: (f64, f64),
}

impl Frame {
    /// The pixel of chart coordinates (cx, cy).
    pub(super) fn px(&self, (cx, cy): (f64, f64)) -> (i32, i32) {
        let along = |c: f64, (lo, hi): (f64, f64), from: i32, to: i32| {
            let f = if hi > lo { (c - lo) / (hi - lo) } else { 0.5 };
            (f64::from(from) + f * f64::from(to - from)).round() as i32
        };
        (
            along(cx, self.x, self.left, self.right),
            along(cy, self.y, self.bottom, self.top),
        )
    }
}

fn fail<E: std::fmt::Display>(e: E) -> String {
    format!("chart: {e}")
}

/// A crisp horizontal or vertical line from (x0, y0) to (x1, y1): a filled rectangle at least one
/// pixel wide and high.
fn rule(
    root: &Root,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    colour: RGBAColor,
) -> Result<(), String> {
    root.draw(&Rectangle::new(
        [(x0, y0), (x1.max(x0 + 1), y1.max(y0 + 1))],
        colour.filled(),
    ))
    .map_err(fail)
}

/// Draws the frame — light and bold grid lines at the ticks, the left and bottom axes with
/// outward tick marks, tick labels, and the axis names (x centred below, y turned up the left
/// side) — and returns where the plot area is. `y_area` is the width of the y labels and name, in
/// font sizes.
pub(super) fn frame(
    root: &Root,
    t: &Theme,
    font: f64,
    (x, y): (&Axis, &Axis),
    y_area: f64,
) -> Result<Frame, String> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let margin = 8;
    let f = |k: f64| (font * k).round() as i32;
    let frame = Frame {
        left: margin + f(y_area),
        top: margin + f(0.5),
        right: w - margin - f(0.5),
        bottom: h - margin - f(2.8),
        x: x.span(),
        y: y.span(),
    };
    let (xt, yt) = (x.ticks(), y.ticks());
    let in_x = |c: f64| (frame.x.0.min(frame.x.1)..=frame.x.0.max(frame.x.1)).contains(&c);
    let in_y = |c: f64| (frame.y.0.min(frame.y.1)..=frame.y.0.max(frame.y.1)).contains(&c);
    let light = t.grid.mix(0.3);
    let bold = t.grid.mix(1.0);
    for (cs, colour) in [(&xt.light, light), (&xt.coords(), bold)] {
        for &c in cs.iter().filter(|&&c| in_x(c)) {
            let (px, _) = frame.px((c, 0.0));
            rule(root, (px, frame.top), (px, frame.bottom), colour)?;
        }
    }
    for (cs, colour) in [(&yt.light, light), (&yt.coords(), bold)] {
        for &c in cs.iter().filter(|&&c| in_y(c)) {
            let (_, py) = frame.px((0.0, c));
            rule(root, (frame.left, py), (frame.right, py), colour)?;
        }
    }
    let fg = t.fg.mix(1.0);
    rule(
        root,
        (frame.left - 1, frame.top),
        (frame.left, frame.bottom + 1),
        fg,
    )?;
    rule(
        root,
        (frame.left - 1, frame.bottom),
        (frame.right, frame.bottom + 1),
        fg,
    )?;
    let text = (FontFamily::SansSerif, font).into_font().color(&t.fg);
    let tick = 5;
    for (c, label) in xt.bold.iter().filter(|b| in_x(b.0)) {
        let (px, _) = frame.px((*c, 0.0));
        rule(root, (px, frame.bottom), (px, frame.bottom + tick), fg)?;
        let style = text.pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(
            label.as_str(),
            (px, frame.bottom + tick + 2),
            style,
        ))
        .map_err(fail)?;
    }
    for (c, label) in yt.bold.iter().filter(|b| in_y(b.0)) {
        let (_, py) = frame.px((0.0, *c));
        rule(root, (frame.left - tick, py), (frame.left, py), fg)?;
        let style = text.pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(
            label.as_str(),
            (frame.left - tick - 3, py),
            style,
        ))
        .map_err(fail)?;
    }
    let x_name = text.pos(Pos::new(HPos::Center, VPos::Bottom));
    let centre = (frame.left + frame.right) / 2;
    root.draw(&Text::new(x.desc, (centre, h - margin / 2), x_name))
        .map_err(fail)?;
    let y_name = text
        .pos(Pos::new(HPos::Center, VPos::Top))
        .transform(FontTransform::Rotate270);
    let middle = (frame.top + frame.bottom) / 2;
    root.draw(&Text::new(y.desc, (margin / 2, middle), y_name))
        .map_err(fail)?;
    Ok(frame)
}

/// Draws a line through `points` (chart coordinates). Every line of every chart is one
/// `PathElement` on the root area: each further plotters series or element type would add its own
/// generic drawing code to the wasm.
pub(super) fn polyline(
    root: &Root,
    frame: &Frame,
    points: impl Iterator<Item = (f64, f64)>,
    style: ShapeStyle,
) -> Result<(), String> {
    let pixels: Vec<(i32, i32)> = points.map(|p| frame.px(p)).collect();
    root.draw(&PathElement::new(pixels, style)).map_err(fail)
}

/// A dashed line from `a` to `b` (chart coordinates), `on` pixels drawn and `off` skipped, cut to
/// the plot area.
pub(super) fn dashed(
    root: &Root,
    frame: &Frame,
    (a, b): ((f64, f64), (f64, f64)),
    (on, off): (f64, f64),
    style: ShapeStyle,
) -> Result<(), String> {
    let (pa, pb) = (frame.px(a), frame.px(b));
    let (x0, y0) = (f64::from(pa.0), f64::from(pa.1));
    let (dx, dy) = (f64::from(pb.0) - x0, f64::from(pb.1) - y0);
    // Liang–Barsky: the part t0..t1 of the segment inside the plot area.
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, x0 - f64::from(frame.left)),
        (dx, f64::from(frame.right) - x0),
        (-dy, y0 - f64::from(frame.top)),
        (dy, f64::from(frame.bottom) - y0),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return Ok(());
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    let length = dx.hypot(dy);
    let at = |t: f64| ((x0 + t * dx).round() as i32, (y0 + t * dy).round() as i32);
    let mut t = t0;
    while t < t1 && length > 0.0 {
        let end = (t + on / length).min(t1);
        root.draw(&PathElement::new([at(t), at(end)], style))
            .map_err(fail)?;
        t = end + off / length;
    }
    Ok(())
}
