//! The map as a PNG: the model's picture (the same shapes as the SVG) painted on a canvas the
//! page never shows. Nothing is loaded — no image of the SVG, no data: URL — so a strict CSP
//! that refuses `img-src blob:` still allows it, and the canvas is never tainted.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use crate::model::{Picture, Shape, PICTURE_FONTS, PICTURE_FONT_SIZE, PICTURE_PAD};

/// Paints `picture` and saves it as `file_name` once the browser has encoded it.
pub fn save_png(picture: &Picture, file_name: String) {
    let Some(canvas) = paint(picture) else { return };
    let saved = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            super::download::save_blob(&file_name, &blob);
        }
    });
    let _ = canvas.to_blob(saved.unchecked_ref());
}

fn paint(picture: &Picture) -> Option<HtmlCanvasElement> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    let scale = picture.png_scale();
    canvas.set_width((picture.width.max(1) as f32 * scale) as u32);
    canvas.set_height((picture.height.max(1) as f32 * scale) as u32);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = ctx.scale(scale as f64, scale as f64);
    ctx.set_fill_style_str(picture.background);
    ctx.fill_rect(0.0, 0.0, picture.width as f64, picture.height as f64);
    let _ = ctx.translate(PICTURE_PAD as f64, PICTURE_PAD as f64);
    let fonts = [
        ["", &PICTURE_FONT_SIZE.to_string(), "px ", PICTURE_FONTS].concat(),
        ["700 ", &PICTURE_FONT_SIZE.to_string(), "px ", PICTURE_FONTS].concat(),
    ];
    for shape in &picture.shapes {
        match shape {
            Shape::Line { path, colour, width, dash } => {
                let Ok(curve) = Path2d::new_with_path_string(path) else { continue };
                let segments = js_sys::Array::new();
                for d in dash.iter().flatten() {
                    segments.push(&JsValue::from(*d));
                }
                let _ = ctx.set_line_dash(&segments);
                ctx.set_stroke_style_str(colour);
                ctx.set_line_width(*width as f64);
                ctx.stroke_with_path(&curve);
            }
            Shape::Card { x, y, width, height, ink, paper } => {
                let _ = ctx.set_line_dash(&js_sys::Array::new());
                ctx.begin_path();
                let _ = ctx.round_rect_with_f64(*x as f64, *y as f64, *width as f64, *height as f64, 8.0);
                ctx.set_fill_style_str(paper);
                ctx.fill();
                ctx.set_stroke_style_str(ink);
                ctx.set_line_width(2.0);
                ctx.stroke();
            }
            Shape::Text { x, y, colour, bold, text } => {
                ctx.set_font(&fonts[usize::from(*bold)]);
                ctx.set_fill_style_str(colour);
                let _ = ctx.fill_text(text, *x as f64, *y as f64);
            }
        }
    }
    Some(canvas)
}
