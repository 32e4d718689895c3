//! The charts' colours (the page theme, Okabe–Ito series colours), their canvas and font size.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

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
