//! Reading numbers, quantities and dates as Italian documents and readers write them:
//! the inverse of [`crate::format`]. `1.010,50`, `97,87 %`, `5,16 gg`, `31/12/2023`.
//!
//! Used by the importer on table cells (after removing what PDF extraction leaves
//! behind, `import::values::clean`) and by the app on what a person types in an edit
//! field, in the interface's language ([`number_in`]). Every reader returns `None` for
//! text it cannot read; nothing here rounds.

use crate::decimal::Decimal;
use crate::labels::Lang;
use crate::plan::MeasureUnit;
use chrono::NaiveDate;
use std::str::FromStr;

/// A number typed in the reader's language, with or without its unit: in Italian
/// `97,5`, `1.010,5`, `-13,52`, `97,5 %`; in English `97.5`, `1,010.5`, `97.5 %`. What
/// [`crate::format::number_in`] and `percent_in` write, this reads back.
pub fn number_in(lang: Lang, text: &str) -> Option<Decimal> {
    let swapped;
    let text = match lang {
        Lang::It => text,
        Lang::En => {
            // English separators are the Italian ones swapped: one reader serves both.
            swapped = text
                .chars()
                .map(|c| match c {
                    '.' => ',',
                    ',' => '.',
                    c => c,
                })
                .collect::<String>();
            &swapped
        }
    };
    quantity(text.trim()).map(|q| q.value).or_else(|| number(text))
}

/// An Italian number: `1.010`, `97,87`, `-13,52`, `+8,32`, `8.922`. A plain `3.46` (one
/// dot, not followed by exactly three digits) is read as a decimal point, since nothing
/// else would make sense of it.
pub fn number(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').map_or(t, str::trim_start)),
    };
    if digits.is_empty() || digits.len() > 40 || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    if !digits.starts_with(|c: char| c.is_ascii_digit()) && !digits.starts_with(',') {
        return None;
    }
    let normalised = if let Some((int, frac)) = digits.split_once(',') {
        if frac.contains(',') || frac.contains('.') || !thousands_groups(int, true) {
            return None;
        }
        let int = if int.is_empty() { "0".to_string() } else { int.replace('.', "") };
        if frac.is_empty() {
            int
        } else {
            format!("{int}.{frac}")
        }
    } else if digits.contains('.') {
        let groups: Vec<&str> = digits.split('.').collect();
        if thousands_groups(digits, false) {
            groups.concat()
        } else if groups.len() == 2 && !groups[0].is_empty() && !groups[1].is_empty() {
            digits.to_string()
        } else {
            return None;
        }
    } else {
        digits.to_string()
    };
    let value = Decimal::from_str(&normalised).ok()?;
    Some(if negative { -value } else { value })
}

/// Whether `int` is digits grouped by thousands dots (`1.010`, `11.879`); with
/// `plain_ok`, undotted digits count too.
fn thousands_groups(int: &str, plain_ok: bool) -> bool {
    if !int.contains('.') {
        return plain_ok && int.chars().all(|c| c.is_ascii_digit());
    }
    let mut groups = int.split('.');
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len()) && !(first.len() > 1 && first.starts_with('0')) && first != "0";
    first_ok && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// A number with its unit, as the documents print values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    pub unit: Option<MeasureUnit>,
}

/// `97,87 %`, `1.010 N.`, `5,16 gg`, `€ 1.200,50`, `2`, `3,46 N.`.
pub fn quantity(text: &str) -> Option<Quantity> {
    let lower = text.to_lowercase();
    let mut rest = lower.trim();
    let mut unit = None;
    for (prefix, u) in [("€", MeasureUnit::Euro), ("eur ", MeasureUnit::Euro), ("euro ", MeasureUnit::Euro)] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            unit = Some(u);
        }
    }
    const SUFFIXES: [(&str, MeasureUnit); 14] = [
        ("%", MeasureUnit::Percent),
        ("n.", MeasureUnit::Number),
        ("n", MeasureUnit::Number),
        ("nr.", MeasureUnit::Number),
        ("num.", MeasureUnit::Number),
        ("gg lavorativi", MeasureUnit::Days),
        ("gg.", MeasureUnit::Days),
        ("gg", MeasureUnit::Days),
        ("giorni", MeasureUnit::Days),
        ("giorno", MeasureUnit::Days),
        ("€", MeasureUnit::Euro),
        ("euro", MeasureUnit::Euro),
        ("eur", MeasureUnit::Euro),
        ("punti", MeasureUnit::Number),
    ];
    if unit.is_none() {
        for (suffix, u) in SUFFIXES {
            if let Some(r) = rest.strip_suffix(suffix) {
                // `n` alone must not eat the end of a word: it follows a digit or a space.
                if r.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
                    rest = r.trim_end();
                    unit = Some(u);
                    break;
                }
            }
        }
    }
    let value = number(rest)?;
    Some(Quantity { value, unit })
}

/// `31-12-2023`, `31/12/2023`, `31.12.2023`, `31/12/23`, `2023-12-31`, with an optional
/// time after it (`31/12/2023 00:00:00`, as spreadsheets export dates).
pub fn date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let t = t.split([' ', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(n(parts[0])? as i32, n(parts[1])?, n(parts[2])?);
    }
    let year = match parts[2].len() {
        4 => n(parts[2])? as i32,
        2 => 2000 + n(parts[2])? as i32,
        _ => return None,
    };
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, n(parts[1])?, n(parts[0])?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn what_format_writes_parse_reads_back_in_both_languages() {
        for v in ["0", "97.87", "1010.5", "-13.52", "1234567.891", "0.05"] {
            for lang in [Lang::It, Lang::En] {
                let written = format::number_in(lang, d(v), 3);
                assert_eq!(number_in(lang, &written), Some(d(v)), "{lang:?} {written}");
                let percent = format::percent_in(lang, d(v), 3);
                assert_eq!(number_in(lang, &percent), Some(d(v)), "{lang:?} {percent}");
            }
        }
        let day = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
        assert_eq!(date(&format::date(day)), Some(day));
    }

    #[test]
    fn typed_numbers() {
        let cases = [
            (Lang::It, "97,5", Some("97.5")),
            (Lang::It, "1.010,5", Some("1010.5")),
            (Lang::It, "97,5 %", Some("97.5")),
            (Lang::It, "−3", Some("-3")),
            (Lang::It, "abc", None),
            (Lang::En, "1,010.5", Some("1010.5")),
            (Lang::En, "97.5%", Some("97.5")),
            (Lang::En, "1,234", Some("1234")),
            (Lang::En, "", None),
        ];
        for (lang, text, expected) in cases {
            assert_eq!(number_in(lang, text), expected.map(d), "{lang:?} {text:?}");
        }
    }
}
