//! The one number type of the core: an exact decimal whose arithmetic cannot panic.
//!
//! A newtype over [`rust_decimal::Decimal`], as typst's `Decimal` is. It has no `+`, `-`,
//! `*` or `/` operators: only `checked_*` methods that return `None` on overflow or
//! division by zero, so code that scores a plan cannot overflow by accident: a raw
//! `a / b` on two scores does not compile. Negation, comparison, rounding and
//! formatting cannot overflow and are offered as they are.
//!
//! In the plan format a decimal is written as a string (`"97.87"`) and read from a
//! string or a JSON number *as written*: `33.3` is 33.3, not the nearest binary float,
//! because serde_json keeps the number's text (its `arbitrary_precision` feature) and
//! this type parses that text. Exponents (`1e-3`) are accepted; a value that needs more
//! than 28 decimal places or 28 digits is refused rather than rounded.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An exact decimal of up to 28 significant digits.
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal(rust_decimal::Decimal);

/// Why a text is not a decimal, in words for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    /// `81,5`: Italian documents write a decimal comma; the plan format uses a dot.
    Comma,
    /// Not a number at all.
    Invalid,
    /// More digits or decimal places than a decimal holds (28).
    TooPrecise,
    /// Larger than a decimal holds (about 7,9 × 10²⁸).
    TooLarge,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseError::Empty => "an empty text is not a number",
            ParseError::Comma => "write decimals with a dot, not a comma (`81.5`, not `81,5`)",
            ParseError::Invalid => "not a number: expected digits with an optional `.` and exponent (`97.87`, `1e3`)",
            ParseError::TooPrecise => "more than 28 significant digits or decimal places: it cannot be kept exactly",
            ParseError::TooLarge => "too large: a decimal holds at most about 7.9e28",
        })
    }
}

impl std::error::Error for ParseError {}

impl ParseError {
    /// Every reason, for reading serde's message back (`diagnostic::json`).
    pub const ALL: &'static [ParseError] = &[ParseError::Empty, ParseError::Comma, ParseError::Invalid, ParseError::TooPrecise, ParseError::TooLarge];
}

/// What the reader of a `Decimal` expects, in serde's messages ("expected …").
pub const EXPECTING: &str = "a decimal number, as a string (\"97.87\") or a JSON number";

/// serde's message for a float no decimal can hold.
pub const NOT_FINITE: &str = "not a finite number a decimal can hold (at most about 7.9e28)";

impl Decimal {
    pub const ZERO: Decimal = Decimal(rust_decimal::Decimal::ZERO);
    pub const ONE: Decimal = Decimal(rust_decimal::Decimal::ONE);
    pub const ONE_HUNDRED: Decimal = Decimal(rust_decimal::Decimal::ONE_HUNDRED);
    /// The largest value: any larger result is an overflow.
    pub const MAX: Decimal = Decimal(rust_decimal::Decimal::MAX);
    /// The smallest (most negative) value.
    pub const MIN: Decimal = Decimal(rust_decimal::Decimal::MIN);
    /// The most decimal places a value can have.
    pub const MAX_SCALE: u32 = 28;

    /// `mantissa × 10^-scale`, for constants: `from_scaled(5, 2)` is 0.05. A scale above
    /// 28 is taken as 28.
    pub const fn from_scaled(mantissa: u32, scale: u32) -> Decimal {
        let scale = if scale > Self::MAX_SCALE { Self::MAX_SCALE } else { scale };
        Decimal(rust_decimal::Decimal::from_parts(mantissa, 0, 0, false, scale))
    }

    /// Any value: a 96-bit mantissa in three words, a sign and a scale (above 28 taken as
    /// 28). For generators of test values.
    pub const fn from_parts(lo: u32, mid: u32, hi: u32, negative: bool, scale: u32) -> Decimal {
        let scale = if scale > Self::MAX_SCALE { Self::MAX_SCALE } else { scale };
        Decimal(rust_decimal::Decimal::from_parts(lo, mid, hi, negative, scale))
    }

    /// `mantissa × 10^-scale`; `None` when the scale is above 28.
    pub fn new(mantissa: i64, scale: u32) -> Option<Decimal> {
        rust_decimal::Decimal::try_new(mantissa, scale).ok().map(Decimal)
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        self.0.checked_add(other.0).map(Decimal)
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.0.checked_sub(other.0).map(Decimal)
    }

    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        self.0.checked_mul(other.0).map(Decimal)
    }

    /// `None` on division by zero and on overflow; a quotient is rounded at the 28th
    /// decimal place (1 / 3 is 0.3333333333333333333333333333).
    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        self.0.checked_div(other.0).map(Decimal)
    }

    /// The sum of all values, `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Decimal>>(values: I) -> Option<Decimal> {
        values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn is_sign_negative(self) -> bool {
        self.0.is_sign_negative()
    }

    /// Strictly above zero.
    pub fn is_positive(self) -> bool {
        self > Decimal::ZERO
    }

    pub fn abs(self) -> Decimal {
        Decimal(self.0.abs())
    }

    /// The same value without trailing zeros: `97.0100` becomes `97.01`.
    pub fn normalize(self) -> Decimal {
        Decimal(self.0.normalize())
    }

    /// Rounded half away from zero to `decimals` places (at most 28), as the documents
    /// round for print: 90,125 is 90,13.
    pub fn round_half_up(self, decimals: u32) -> Decimal {
        Decimal(self.0.round_dp_with_strategy(decimals.min(Self::MAX_SCALE), rust_decimal::RoundingStrategy::MidpointAwayFromZero))
    }

    /// Rounded towards −∞ to `decimals` places.
    pub fn round_down(self, decimals: u32) -> Decimal {
        Decimal(self.0.round_dp_with_strategy(decimals.min(Self::MAX_SCALE), rust_decimal::RoundingStrategy::ToNegativeInfinity))
    }

    pub fn floor(self) -> Decimal {
        Decimal(self.0.floor())
    }

    pub fn ceil(self) -> Decimal {
        Decimal(self.0.ceil())
    }

    /// Decimal places as written (`97.10` has 2).
    pub fn scale(self) -> u32 {
        self.0.scale()
    }

    /// The integer `m` with `self = m × 10^-scale` (|m| < 2^96), for exact sums (`exact.rs`).
    pub(crate) fn mantissa(self) -> i128 {
        self.0.mantissa()
    }

    /// `mantissa × 10^-scale`; `None` when it does not fit (|m| ≥ 2^96 or scale above 28).
    pub(crate) fn from_mantissa(mantissa: i128, scale: u32) -> Option<Decimal> {
        rust_decimal::Decimal::try_from_i128_with_scale(mantissa, scale).ok().map(Decimal)
    }

    /// `10^-decimals`: one unit in the last of `decimals` places (`0.01` for 2).
    pub fn unit_in_place(decimals: u32) -> Decimal {
        Decimal(rust_decimal::Decimal::new(1, decimals.min(Self::MAX_SCALE)))
    }

    /// The whole part, when it fits.
    pub fn to_i64(self) -> Option<i64> {
        use rust_decimal::prelude::ToPrimitive;
        self.0.trunc().to_i64()
    }

    pub fn to_u64(self) -> Option<u64> {
        use rust_decimal::prelude::ToPrimitive;
        self.0.trunc().to_u64()
    }

    /// For charts only: an approximation that must never feed a score.
    pub fn to_f64_lossy(self) -> f64 {
        use rust_decimal::prelude::ToPrimitive;
        self.0.to_f64().unwrap_or(0.0)
    }

    /// Reads a decimal as the plan format writes it: optional sign, digits, an optional
    /// `.` and decimals, an optional exponent. Nothing is rounded.
    pub fn parse(text: &str) -> Result<Decimal, ParseError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ParseError::Empty);
        }
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (&text[..at], Some(&text[at + 1..])),
            None => (text, None),
        };
        let digits = mantissa.strip_prefix(['-', '+']).unwrap_or(mantissa);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || !all_digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
            let comma =
                digits.contains(',') && digits.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') && digits.bytes().any(|b| b.is_ascii_digit());
            return Err(if comma { ParseError::Comma } else { ParseError::Invalid });
        }
        let value = rust_decimal::Decimal::from_str_exact(mantissa).map_err(|_| {
            // 29 whole digits fit only below 7.9e28; anything longer cannot fit at all.
            if whole.trim_start_matches('0').len() >= 29 {
                ParseError::TooLarge
            } else {
                ParseError::TooPrecise
            }
        })?;
        let Some(exponent) = exponent else { return Ok(Decimal(value)) };
        let exponent_digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        if exponent_digits.is_empty() || !all_digits(exponent_digits) {
            return Err(ParseError::Invalid);
        }
        let negative = exponent.starts_with('-');
        // An exponent of more than a few digits cannot give a decimal unless the value is 0.
        let power: u32 = exponent_digits.parse().unwrap_or(u32::MAX);
        if value.is_zero() {
            return Ok(Decimal::ZERO);
        }
        let mut result = Decimal(value);
        if negative {
            let scale = value.scale().saturating_add(power);
            if scale > Self::MAX_SCALE {
                return Err(ParseError::TooPrecise);
            }
            let mut shifted = value;
            shifted.set_scale(scale).map_err(|_| ParseError::TooPrecise)?;
            result = Decimal(shifted);
        } else {
            for _ in 0..power.min(64) {
                result = result.checked_mul(Decimal::from(10)).ok_or(ParseError::TooLarge)?;
            }
            if power > 64 {
                return Err(ParseError::TooLarge);
            }
        }
        Ok(result)
    }
}

impl FromStr for Decimal {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Decimal, ParseError> {
        Decimal::parse(text)
    }
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;

    /// Cannot overflow: the range is symmetric.
    fn neg(self) -> Decimal {
        Decimal(-self.0)
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Decimal {
            fn from(value: $t) -> Decimal {
                Decimal(rust_decimal::Decimal::from(value))
            }
        }
    )*};
}
from_integer!(i8, i16, i32, i64, u8, u16, u32, u64, usize);

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Written as a string, so that every reader keeps every digit.
impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// The key under which serde_json's `arbitrary_precision` hands over a number's text.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        Decimal::parse(text).map_err(|e| E::custom(format!("`{text}`: {e}")))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    /// A float from a reader without the number's text (a JavaScript object): rounded
    /// to its 15 significant digits, which is what its author wrote for any number a
    /// person types (`33.3`, not 33.299999999999997). Not formatted as text first: the
    /// float formatter would add its weight to the browser build.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        use rust_decimal::prelude::FromPrimitive;
        rust_decimal::Decimal::from_f64(value).map(Decimal).ok_or_else(|| E::custom(NOT_FINITE))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(key) if key == JSON_NUMBER_TOKEN => {
                let text: std::borrow::Cow<'de, str> = map.next_value()?;
                self.visit_str(&text)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": ["string", "number"],
            "pattern": r"^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn reads_decimals_as_written() {
        for (text, expected) in [
            ("97.87", "97.87"),
            ("-13.52", "-13.52"),
            ("+5", "5"),
            ("33.3", "33.3"),
            (".5", "0.5"),
            ("5.", "5"),
            ("1e3", "1000"),
            ("1E-3", "0.001"),
            ("2.5e-2", "0.025"),
            ("1e-28", "0.0000000000000000000000000001"),
            ("0e999999", "0"),
        ] {
            assert_eq!(d(text).to_string(), expected, "{text}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_keep_exactly_with_the_reason() {
        for (text, error) in [
            ("", ParseError::Empty),
            ("81,5", ParseError::Comma),
            ("1.010,50", ParseError::Comma),
            ("abc", ParseError::Invalid),
            ("1_000", ParseError::Invalid),
            ("1e", ParseError::Invalid),
            ("NaN", ParseError::Invalid),
            ("1e-29", ParseError::TooPrecise),
            ("0.00000000000000000000000000001", ParseError::TooPrecise),
            ("1e29", ParseError::TooLarge),
            ("1e99999999999", ParseError::TooLarge),
            ("99999999999999999999999999999999", ParseError::TooLarge),
        ] {
            assert_eq!(Decimal::parse(text), Err(error), "{text}");
        }
    }

    #[test]
    fn arithmetic_reports_overflow_instead_of_panicking() {
        assert_eq!(Decimal::MAX.checked_add(Decimal::ONE), None);
        assert_eq!(Decimal::MAX.checked_mul(d("2")), None);
        assert_eq!(Decimal::ONE.checked_div(Decimal::ZERO), None);
        assert_eq!(d("46").checked_div(d("1e-28")), None);
    }

    #[test]
    fn json_numbers_are_read_as_their_text() {
        #[derive(Deserialize)]
        struct Row {
            a: Decimal,
            b: Decimal,
            c: Decimal,
            d: Decimal,
        }
        let row: Row = serde_json::from_str(r#"{"a": 33.3, "b": 20, "c": "0.1", "d": 0.1234567890123456789012345678}"#).unwrap();
        assert_eq!(row.a.to_string(), "33.3");
        assert_eq!(row.b.to_string(), "20");
        assert_eq!(row.c.to_string(), "0.1");
        assert_eq!(row.d.to_string(), "0.1234567890123456789012345678");
        let error = serde_json::from_str::<Row>(r#"{"a": "81,5", "b": 1, "c": 1, "d": 1}"#).err().unwrap().to_string();
        assert!(error.contains("with a dot"), "{error}");
    }

    #[test]
    fn floats_from_readers_without_the_text_keep_what_was_typed() {
        use serde::de::IntoDeserializer;
        let read = |v: f64| Decimal::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(v));
        assert_eq!(read(33.3).unwrap().to_string(), "33.3");
        assert_eq!(read(0.1).unwrap().to_string(), "0.1");
        assert!(read(f64::NAN).is_err());
        assert!(read(1e300).is_err());
    }

    #[test]
    fn written_as_strings() {
        assert_eq!(serde_json::to_string(&d("97.10")).unwrap(), r#""97.10""#);
    }
}
