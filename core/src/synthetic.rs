//! Large synthetic plans for benchmarks: the shape of seed 004 (ambiti, OS, OO,
//! indicators of every rule) at any size, deterministic, with no randomness source.

use crate::plan::*;
use chrono::NaiveDate;
use crate::decimal::Decimal;

/// A plan with about `indicators` indicators: 4 ambiti, 5 OS each, OO of 10 indicators.
pub fn plan(indicators: usize) -> Plan {
    let per_oo = 10;
    let oo_count = indicators.div_ceil(per_oo).max(1);
    let os_count = 20;
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
            let own = (0..2)
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
            published: None,
            source: None,
        },
        policy: Policy::default(),
        units: vec![],
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
        2 => (
            MeasureUnit::Date,
            Target::Deadline { date: deadline },
            Actual::Date(deadline + chrono::Days::new((n % 20) as u64) - chrono::Days::new(10)),
        ),
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
