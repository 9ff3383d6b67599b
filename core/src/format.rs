//! Numbers, percents and dates as Italian documents write them: `1.010,50`, `97,87 %`,
//! `31/12/2023`. Rounding is half away from zero and happens only here, never in scoring.

use crate::decimal::Decimal;
use crate::labels::Lang;
use chrono::NaiveDate;

/// The most decimals a plan may ask to be shown (`policy.display_decimals`); validation
/// refuses more, and formatting never shows more, whatever it is asked.
pub const MAX_DISPLAY_DECIMALS: u32 = 6;

/// `1234.5` with 2 decimals: `1.234,50`. More than 28 decimals (all a value can have)
/// are shown as 28.
pub fn number(value: Decimal, decimals: u32) -> String {
    let decimals = decimals.min(Decimal::MAX_SCALE) as usize;
    let rounded = value.round_half_up(decimals as u32);
    // Padded by hand: rust_decimal's `{:.N}` writes into a fixed buffer that large
    // values with many decimals overflow.
    let text = rounded.abs().to_string();
    let (int_part, written) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let frac_part = (decimals > 0).then(|| format!("{written:0<decimals$}"));
    let mut out = String::with_capacity(text.len() + 4);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(digit);
    }
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// `98.9612` with 2 decimals: `98,96 %`.
pub fn percent(value: Decimal, decimals: u32) -> String {
    format!("{} %", number(value, decimals))
}

/// A number with an explicit sign, as deviations are printed: `+8,32`, `-0,36`, `0,00`.
pub fn signed(value: Decimal, decimals: u32) -> String {
    let text = number(value, decimals);
    if text.starts_with('-') || value.round_half_up(decimals).is_zero() {
        text
    } else {
        format!("+{text}")
    }
}

/// `2023-12-31`: `31/12/2023`. Written by hand: chrono's strftime machinery would add
/// weight to the browser build for one fixed pattern.
pub fn date(value: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{:04}", value.day(), value.month(), value.year())
}

/// Number formatting in English, for the English interface: `1,234.50`.
pub fn number_en(value: Decimal, decimals: u32) -> String {
    swap_separators(&number(value, decimals))
}

/// [`number`] in the reader's language: `1.234,50` in Italian, `1,234.50` in English.
pub fn number_in(lang: Lang, value: Decimal, decimals: u32) -> String {
    match lang {
        Lang::It => number(value, decimals),
        Lang::En => number_en(value, decimals),
    }
}

/// [`percent`] in the reader's language: `98,96 %`, `98.96 %`.
pub fn percent_in(lang: Lang, value: Decimal, decimals: u32) -> String {
    format!("{} %", number_in(lang, value, decimals))
}

/// [`signed`] in the reader's language: `+8,32`, `+8.32`.
pub fn signed_in(lang: Lang, value: Decimal, decimals: u32) -> String {
    let text = signed(value, decimals);
    match lang {
        Lang::It => text,
        Lang::En => swap_separators(&text),
    }
}

/// An input as it was written, with its own decimals up to 4: an auditor sees 24,645,
/// not a rounded 24,65.
pub fn as_written(lang: Lang, value: Decimal) -> String {
    number_in(lang, value, value.normalize().scale().clamp(0, 4))
}

fn swap_separators(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn italian_numbers() {
        let cases = [
            ("0", 2, "0,00"),
            ("97.8723", 2, "97,87"),
            ("1010", 0, "1.010"),
            ("1234567.891", 2, "1.234.567,89"),
            ("-13.52", 2, "-13,52"),
            ("90.125", 2, "90,13"),
            ("-0.001", 2, "0,00"),
            ("999.999", 2, "1.000,00"),
        ];
        for (input, decimals, expected) in cases {
            assert_eq!(number(d(input), decimals), expected, "{input}");
        }
    }

    #[test]
    fn percents_dates_signs() {
        assert_eq!(percent(d("98.9612"), 2), "98,96 %");
        assert_eq!(signed(d("8.32"), 2), "+8,32");
        assert_eq!(signed(d("-0.36"), 2), "-0,36");
        assert_eq!(signed(d("0.001"), 2), "0,00");
        assert_eq!(date(NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()), "31/12/2023");
        assert_eq!(number_en(d("1234.5"), 2), "1,234.50");
    }

    #[test]
    fn asking_for_any_number_of_decimals_does_not_panic() {
        assert_eq!(number(d("1.5"), 65536), format!("1,5{}", "0".repeat(27)));
        assert_eq!(percent(Decimal::MAX, u32::MAX).len(), "79.228.162.514.264.337.593.543.950.335,".len() + 28 + 2);
    }
}
