//! The interval of actuals a published score implies is exact: for random actuals and
//! targets, the interval solved back from the rounded achievement always holds the
//! actual, its low end scores exactly what prints as the published figure, and its high
//! end what prints one cent more (the interval is half-open). The same for one term of a
//! weighted mean, the others held fixed.

use proptest::prelude::*;
use semaforo_core::audit::implied::{implied_actual, published_scores, term_for_mean};
use semaforo_core::Decimal;

fn d(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale).unwrap()
}

/// actual / target × 100, as scoring computes it.
fn achievement(actual: Decimal, target: Decimal) -> Decimal {
    actual.checked_div(target).unwrap().checked_mul(Decimal::ONE_HUNDRED).unwrap()
}

fn cent() -> Decimal {
    Decimal::unit_in_place(2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_interval_holds_the_actual_and_its_ends_round_to_the_published_score_and_just_past(
        target in 1i64..10_000_000, target_scale in 0u32..4, share in 1i64..9_999, actual_scale in 0u32..6,
    ) {
        let target = d(target, target_scale);
        // An actual below the target (above it the achievement is 100 %, with no upper end).
        let actual = target.checked_mul(d(share, 4)).unwrap().round_down(actual_scale);
        prop_assume!(actual > Decimal::ZERO && actual < target);
        let published = achievement(actual, target).round_half_up(2);
        prop_assume!(published > Decimal::ZERO && published < Decimal::ONE_HUNDRED);
        let interval = implied_actual(published, target).expect("an interval");
        prop_assert!(interval.contains(actual), "{actual} outside [{}, {})", interval.low, interval.high);
        prop_assert_eq!(achievement(interval.low, target).round_half_up(2), published);
        prop_assert_eq!(achievement(interval.high, target).round_half_up(2), published.checked_add(cent()).unwrap());
    }

    #[test]
    fn one_term_of_a_mean_is_solved_back_exactly(
        others in proptest::collection::vec((0i64..10_000, 1i64..100), 0..5), score in 1i64..10_000, weight in 1i64..100,
    ) {
        let score = d(score, 2);
        let weight = Decimal::from(weight as u64);
        let others: Vec<(Decimal, Decimal)> = others.into_iter().map(|(m, p)| (d(m, 2), Decimal::from(p as u64))).collect();
        let sum_others = Decimal::checked_sum(others.iter().map(|(m, p)| m.checked_mul(*p).unwrap())).unwrap();
        let sum_weights = Decimal::checked_sum(others.iter().map(|(_, p)| *p).chain([weight])).unwrap();
        let mean = |m: Decimal| m.checked_mul(weight).unwrap().checked_add(sum_others).unwrap().checked_div(sum_weights).unwrap();
        let published = mean(score).round_half_up(2);
        // Scores are not negative: at 0 the low end, −0,005, would print as −0,01.
        prop_assume!(published > Decimal::ZERO);
        let interval = term_for_mean(published_scores(published).unwrap(), sum_weights, sum_others, weight).expect("an interval");
        prop_assert!(interval.contains(score), "{score} outside [{}, {})", interval.low, interval.high);
        // Division by a weight is exact to 28 digits: the ends print as the published mean
        // and the next cent, up to that last digit.
        let low = mean(interval.low).round_half_up(12).round_half_up(2);
        let high = mean(interval.high).round_half_up(12).round_half_up(2);
        prop_assert_eq!(low, published);
        prop_assert_eq!(high, published.checked_add(cent()).unwrap());
    }
}
