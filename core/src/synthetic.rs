//! Large synthetic plans for benchmarks: the shape of seed 004 (ambiti, OS, OO,
//! indicators of every rule) at any size, deterministic, with no randomness source.

use crate::decimal::Decimal;
use crate::plan::*;
use chrono::NaiveDate;

/// The most indicators a synthetic plan holds. Larger requests get a plan of this size: a
/// caller that takes the size from a user (`semaforo synthetic N`) should refuse them,
/// rather than build a plan that does not fit in memory.
pub const MAX_INDICATORS: usize = 2_000_000;

const PER_OO: usize = 10;
const OS_COUNT: usize = 20;
const PER_OS: usize = 2;

/// How many indicators [`plan`]`(requested)` holds: `requested` rounded up to a whole
/// number of OO, plus two for each OS, and never more than [`MAX_INDICATORS`].
pub fn indicator_count(requested: usize) -> usize {
    operational_count(requested) * PER_OO + OS_COUNT * PER_OS
}

fn operational_count(requested: usize) -> usize {
    requested.div_ceil(PER_OO).clamp(1, (MAX_INDICATORS - OS_COUNT * PER_OS) / PER_OO)
}

/// A plan with about `indicators` indicators ([`indicator_count`] says exactly how many, at
/// most [`MAX_INDICATORS`]): 4 ambiti, 5 OS each, OO of 10 indicators.
pub fn plan(indicators: usize) -> Plan {
    let per_oo = PER_OO;
    let oo_count = operational_count(indicators);
    let os_count = OS_COUNT;
    let mut n = 0usize;
    let mut areas = Vec::new();
    for a in 0..4 {
        let mut strategic = Vec::new();
        for s in 0..os_count / 4 {
            let os_index = a * (os_count / 4) + s;
            let mut operational = Vec::new();
            for o in (os_index..oo_count).step_by(os_count) {
                let inds = (0..per_oo)
                    .map(|i| {
                        n += 1;
                        indicator(format!("I{n:06}"), i, n)
                    })
                    .collect();
                operational.push(objective(format!("OO_{a}.{s}.{o}"), Level::Operational, Some(Decimal::ONE), inds, vec![]));
            }
            let own = (0..PER_OS)
                .map(|i| {
                    n += 1;
                    indicator(format!("S{n:06}"), i, n)
                })
                .collect();
            strategic.push(objective(format!("OS_{a}.{s}"), Level::Strategic, Some(Decimal::from(20)), own, operational));
        }
        areas.push(objective(format!("AS_{a}"), Level::Area, None, vec![], strategic));
    }
    Plan {
        version: FORMAT_VERSION,
        ente: Ente {
            code: "ENTE".into(),
            name: "Ente sintetico".into(),
            short_name: None,
            year: 2023,
            description: None,
            objectives: areas,
            indicators: vec![],
            budget: None,
            published: None,
            source: None,
        },
        policy: Policy::default(),
        units: vec![],
        indicators: vec![],
        cruscotti: vec![],
        sources: vec![],
    }
}

fn objective(code: String, level: Level, weight: Option<Decimal>, indicators: Vec<Indicator>, objectives: Vec<Objective>) -> Objective {
    Objective { weight, indicators, objectives, ..Objective::new(code.clone(), level, format!("Obiettivo {code}")) }
}

fn indicator(code: String, i: usize, n: usize) -> Indicator {
    let deadline = NaiveDate::from_ymd_opt(2023, 6, 30).expect("a valid date");
    let (unit, target, actual) = match i % 4 {
        0 => (MeasureUnit::Number, Target::AtLeast { value: Decimal::from(100) }, Actual::Value(Decimal::from(80 + n % 40))),
        1 => (MeasureUnit::Days, Target::AtMost { value: Decimal::from(10) }, Actual::Value(Decimal::from(5 + n % 10))),
        2 => (MeasureUnit::Date, Target::Deadline { date: deadline }, Actual::Date(deadline + chrono::Days::new((n % 20) as u64) - chrono::Days::new(10))),
        _ => (
            MeasureUnit::Percent,
            Target::AtLeast { value: Decimal::from(90) },
            Actual::Ratio { numerator: Decimal::from(40 + n % 10), denominator: Decimal::from(50) },
        ),
    };
    Indicator {
        weight: Some(Decimal::from(10)),
        target: Some(target),
        actual: Some(actual),
        ..Indicator::new(code.clone(), format!("Indicatore {code}"), unit)
    }
}
