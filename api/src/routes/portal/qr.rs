//! Drawing the EPC QR code: error correction level M, as EPC069-12 requires, with the quiet zone
//! of four modules that ISO/IEC 18004 asks around a symbol, as PNG or SVG.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

/// Pixels per module of the PNG: a version 13 symbol (69 modules) comes out 616 pixels wide,
/// which a phone camera reads off a screen or a print.
const PIXELS_PER_MODULE_U32: u32 = 8;
const PIXELS_PER_MODULE: usize = PIXELS_PER_MODULE_U32 as usize;
/// The light margin around the symbol, in modules (ISO/IEC 18004).
const QUIET_ZONE: usize = 4;

/// Why a code could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum QrImageError {
    /// The payload does not fit a QR symbol (never for an EPC payload of at most 331 bytes).
    #[error("QR encoding: {0}")]
    Encode(#[from] qrcode::types::QrError),
    /// PNG encoding.
    #[error("PNG encoding: {0}")]
    Png(#[from] png::EncodingError),
}

fn symbol(payload: &str) -> Result<QrCode, QrImageError> {
    Ok(QrCode::with_error_correction_level(
        payload.as_bytes(),
        EcLevel::M,
    )?)
}

/// The code as an SVG document.
///
/// # Errors
/// [`QrImageError::Encode`].
pub fn svg(payload: &str) -> Result<String, QrImageError> {
    Ok(symbol(payload)?
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(PIXELS_PER_MODULE_U32, PIXELS_PER_MODULE_U32)
        .build())
}

/// The code as a greyscale PNG.
///
/// # Errors
/// [`QrImageError`].
pub fn png(payload: &str) -> Result<Vec<u8>, QrImageError> {
    let code = symbol(payload)?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
    let mut pixels = vec![u8::MAX; side * side];
    for (index, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (column, row) = (index % modules + QUIET_ZONE, index / modules + QUIET_ZONE);
        for y in row * PIXELS_PER_MODULE..(row + 1) * PIXELS_PER_MODULE {
            let start = y * side + column * PIXELS_PER_MODULE;
            if let Some(run) = pixels.get_mut(start..start + PIXELS_PER_MODULE) {
                run.fill(0);
            }
        }
    }
    let mut out = Vec::new();
    let side = u32::try_from(side).unwrap_or(u32::MAX);
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}
