//! Exact sums of decimals, so that a weighted mean's Σ(m·p) and Σp do not depend on the
//! order of their terms: a live edit can then update a sum by the change of one term
//! (subtract the old, add the new) and get exactly what adding every term again gives.
//!
//! A `Decimal` is `m × 10^-s` with |m| < 2^96 and s ≤ 28, so it is an integer number of
//! 10^-28 below 2^96 × 10^28 < 2^190. `ExactSum` holds such an integer in 256 bits (two's
//! complement): adding or subtracting fewer than 2^64 terms cannot overflow, so every
//! operation is exact and they commute. Only [`ExactSum::to_decimal`] rounds, once, at the
//! end: to the most digits a `Decimal` holds, half to even as `rust_decimal`'s own
//! additions round, without trailing zeros.

use crate::decimal::Decimal;

/// An exact sum of decimals, in units of 10^-28.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ExactSum([u64; 4]);

const fn pow10(n: u32) -> u128 {
    let mut v = 1u128;
    let mut i = 0;
    while i < n {
        v *= 10;
        i += 1;
    }
    v
}

/// 2^96: a `Decimal`'s mantissa is below it.
const MANTISSA_LIMIT: u128 = 1 << 96;

impl ExactSum {
    #[cfg(test)]
    pub(crate) const ZERO: ExactSum = ExactSum([0; 4]);

    /// The value of one decimal.
    pub(crate) fn of(value: Decimal) -> ExactSum {
        let mantissa = value.mantissa();
        // The scale is at most 28: the factor is at most 10^28 < 2^94.
        let factor = pow10(Decimal::MAX_SCALE.saturating_sub(value.scale()));
        let magnitude = mul(mantissa.unsigned_abs(), factor);
        let sum = ExactSum(magnitude);
        if mantissa < 0 {
            sum.negated()
        } else {
            sum
        }
    }

    /// `self + value`, exact.
    pub(crate) fn plus(self, value: Decimal) -> ExactSum {
        self.add(ExactSum::of(value))
    }

    /// `self - value`, exact.
    pub(crate) fn minus(self, value: Decimal) -> ExactSum {
        self.add(ExactSum::of(value).negated())
    }

    fn add(self, other: ExactSum) -> ExactSum {
        // Wrapping is modular arithmetic: exact while the true sum stays within 2^255,
        // which fewer than 2^64 terms below 2^190 guarantee.
        let mut out = [0u64; 4];
        let mut carry = false;
        for (i, limb) in out.iter_mut().enumerate() {
            let (a, c1) = self.0[i].overflowing_add(other.0[i]);
            let (b, c2) = a.overflowing_add(u64::from(carry));
            *limb = b;
            carry = c1 || c2;
        }
        ExactSum(out)
    }

    fn negated(self) -> ExactSum {
        let inverted = ExactSum(self.0.map(|l| !l));
        inverted.add(ExactSum([1, 0, 0, 0]))
    }

    fn is_negative(self) -> bool {
        self.0[3] >> 63 == 1
    }

    pub(crate) fn is_zero(self) -> bool {
        self.0 == [0; 4]
    }

    /// The sum as a decimal, rounded half to even to the most digits a `Decimal` holds,
    /// without trailing zeros; `None` when it is beyond `Decimal::MAX`.
    pub(crate) fn to_decimal(self) -> Option<Decimal> {
        let negative = self.is_negative();
        let magnitude = if negative { self.negated().0 } else { self.0 };
        let bits = 256 - leading_zeros(&magnitude);
        // The fewest decimal places to drop so that the mantissa fits: at least
        // floor((bits - 97) · log10 2), found by trying upwards (one or two more at most).
        let mut drop = if bits <= 96 { 0 } else { ((bits - 97) as u64 * 30_103 / 100_000) as u32 };
        loop {
            if drop > Decimal::MAX_SCALE {
                return None;
            }
            let mantissa = round_div_pow10(magnitude, drop)?;
            if mantissa < MANTISSA_LIMIT {
                let signed = if negative { -(mantissa as i128) } else { mantissa as i128 };
                return Decimal::from_mantissa(signed, Decimal::MAX_SCALE - drop).map(Decimal::normalize);
            }
            drop += 1;
        }
    }
}

fn leading_zeros(limbs: &[u64; 4]) -> u32 {
    let mut zeros = 0;
    for limb in limbs.iter().rev() {
        if *limb == 0 {
            zeros += 64;
        } else {
            return zeros + limb.leading_zeros();
        }
    }
    zeros
}

/// a × b, both below 2^128, in four 64-bit limbs.
fn mul(a: u128, b: u128) -> [u64; 4] {
    let a = [a as u64, (a >> 64) as u64];
    let b = [b as u64, (b >> 64) as u64];
    let mut out = [0u64; 4];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u128;
        for (j, &y) in b.iter().enumerate() {
            let t = u128::from(x) * u128::from(y) + u128::from(out[i + j]) + carry;
            out[i + j] = t as u64;
            carry = t >> 64;
        }
        out[i + 2] = carry as u64;
    }
    out
}

/// Divides by a divisor below 2^64, returning the quotient and the remainder.
fn div_small(limbs: [u64; 4], divisor: u64) -> ([u64; 4], u64) {
    let mut out = [0u64; 4];
    let mut rem = 0u64;
    for i in (0..4).rev() {
        let current = (u128::from(rem) << 64) | u128::from(limbs[i]);
        out[i] = (current / u128::from(divisor)) as u64;
        rem = (current % u128::from(divisor)) as u64;
    }
    (out, rem)
}

/// `magnitude / 10^places` rounded half to even, when the quotient is below 2^128.
fn round_div_pow10(magnitude: [u64; 4], places: u32) -> Option<u128> {
    // 10^places in at most two steps below 2^64 (10^19 < 2^64 and places ≤ 28).
    let first = places.min(19);
    let second = places - first;
    let (a, b) = (pow10(first) as u64, pow10(second) as u64);
    let (q1, r1) = div_small(magnitude, a);
    let (q2, r2) = div_small(q1, b);
    if q2[2] != 0 || q2[3] != 0 {
        return None;
    }
    let quotient = u128::from(q2[0]) | (u128::from(q2[1]) << 64);
    // The remainder of the whole division, r2 · a + r1 < 10^places, against half of 10^places.
    let remainder = u128::from(r2) * u128::from(a) + u128::from(r1);
    let half = pow10(places) / 2;
    let round_up = places > 0 && (remainder > half || (remainder == half && quotient % 2 == 1));
    quotient.checked_add(u128::from(round_up))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn sum(values: &[&str]) -> Option<Decimal> {
        values.iter().fold(ExactSum::ZERO, |s, v| s.plus(d(v))).to_decimal()
    }

    #[test]
    fn exact_sums_are_exact_and_normalised() {
        assert_eq!(sum(&["1.5", "2.25", "-0.75"]), Some(d("3")));
        assert_eq!(sum(&[]), Some(Decimal::ZERO));
        assert_eq!(sum(&["-5", "2"]), Some(d("-3")));
        assert_eq!(sum(&["0.0000000000000000000000000001", "1"]), Some(d("1.0000000000000000000000000001")));
        assert_eq!(sum(&["79228162514264337593543950335"]), Some(Decimal::MAX));
        assert_eq!(sum(&["79228162514264337593543950335", "1"]), None);
        assert_eq!(sum(&["-79228162514264337593543950335", "-1"]), None);
    }

    #[test]
    fn a_sum_beyond_28_digits_is_rounded_once_whatever_the_order() {
        let third = d("33.333333333333333333333333333");
        let two_thirds = d("66.666666666666666666666666667");
        let forwards = ExactSum::ZERO.plus(third).plus(two_thirds).plus(d("0.5")).to_decimal();
        let backwards = ExactSum::ZERO.plus(d("0.5")).plus(two_thirds).plus(third).to_decimal();
        assert_eq!(forwards, backwards);
        assert_eq!(forwards, Some(d("100.5")));
        // Three thirds at 27 places: 99.999…9 has 29 digits, one too many, and rounds to 100.
        let third = d("33.333333333333333333333333333");
        assert_eq!(sum(&["33.333333333333333333333333333"; 3]), Some(d("100")));
        // Adding then removing a term gives back exactly the sum without it.
        let s = ExactSum::ZERO.plus(third).plus(d("12.5")).minus(third);
        assert_eq!(s.to_decimal(), Some(d("12.5")));
        assert!(ExactSum::ZERO.plus(third).minus(third).is_zero());
    }

    #[test]
    fn rounding_is_half_to_even_as_rust_decimals_own() {
        // 2^96 ≈ 7.9e28: 29 significant digits do not fit, so the last is rounded.
        assert_eq!(sum(&["11111111111111111111111111111", "0.5"]), Some(d("11111111111111111111111111112")));
        assert_eq!(sum(&["-11111111111111111111111111111", "-0.5"]), Some(d("-11111111111111111111111111112")));
        assert_eq!(sum(&["7.1111111111111111111111111115", "1"]), Some(d("8.111111111111111111111111112")));
        assert_eq!(sum(&["7.1111111111111111111111111125", "1"]), Some(d("8.111111111111111111111111112")));
        assert_eq!(sum(&["7.1111111111111111111111111126", "1"]), Some(d("8.111111111111111111111111113")));
        // As rust_decimal rounds the same addition.
        let (a, b) = (d("7.1111111111111111111111111125"), d("1"));
        assert_eq!(sum(&["7.1111111111111111111111111125", "1"]), a.checked_add(b));
    }
}
