//! The app's own text that is not the domain's: file sizes, search folding, SVG
//! coordinates. Scores, values, targets and labels are the core's (`semaforo_core::labels`
//! and `format`), so the page says exactly what the command line prints.

use semaforo_core::Decimal;
use semaforo_core::Lang;

/// A file size for the loading message: `1,2 MB`.
pub fn bytes(lang: Lang, n: f64) -> String {
    let (v, unit) = if n >= 1_048_576.0 { (n / 1_048_576.0, "MB") } else { (n / 1024.0, "KB") };
    let tenths = (v * 10.0).round() as u64;
    let text = format!("{}.{}", tenths / 10, tenths % 10);
    match lang {
        Lang::It => format!("{} {unit}", text.replace('.', ",")),
        Lang::En => format!("{text} {unit}"),
    }
}

/// Lower-case text for searching; accents are kept (users type them as written).
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// A plain f64 for drawing only (SVG geometry); never used for a score.
pub fn to_f64(v: Decimal) -> f64 {
    v.to_f64_lossy()
}

/// An SVG coordinate with two decimals, written with integer arithmetic: the float
/// formatter would add its weight to the wasm for drawing alone.
pub fn svg(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", h / 100, h % 100)
}

/// A plan's code or name (or a result's id) as yew's string: the same shared `Rc`, no
/// copy, however often a row is drawn.
pub fn shown(text: &semaforo_core::Text) -> yew::AttrValue {
    yew::AttrValue::from(std::rc::Rc::<str>::from(text.clone()))
}
