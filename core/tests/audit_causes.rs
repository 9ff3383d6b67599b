//! The likely cause of a published figure that differs, each from the smallest plan where
//! it is the explanation: one `check(plan, id, cause)` per cause, and none where none
//! fits. The causes are general arithmetic on the plan's own terms (another sum of
//! weights, an item left out or counted as zero, the other rule for a missed target, an
//! actual printed rounded), never a document's figures.

use semaforo_core::audit::{audit, AuditCode, Cause};
use semaforo_core::{evaluate, load_plan, Decimal};

/// A plan with one operational objective `OO` holding `indicators` (JSON), published at
/// `published`, under `policy`.
fn plan(indicators: &str, published: &str, policy: &str) -> String {
    format!(
        r#"{{"version": 1, "ente": {{"code": "ENTE", "name": "E", "year": 2023, "objectives": [
            {{"code": "OO", "level": "operational", "name": "O", "published": {{"score": "{published}"}}, "indicators": {indicators}}}]}},
            "policy": {policy}}}"#
    )
}

fn ind(code: &str, weight: &str, target: &str, actual: &str) -> String {
    format!(r#"{{"code": "{code}", "name": "{code}", "unit": "number", "weight": "{weight}", "target": {target}, "actual": {actual}}}"#)
}

const AT_LEAST_10: &str = r#"{"op": ">=", "value": "10"}"#;

fn cause_of(text: &str, id: &str) -> Option<Cause> {
    let plan = load_plan(text).unwrap_or_else(|d| panic!("{d:?}"));
    let findings = audit(&plan, &evaluate(&plan));
    let finding = findings.iter().find(|f| f.code == AuditCode::PublishedDiffers && f.location.id.as_deref() == Some(id));
    finding.unwrap_or_else(|| panic!("no published-differs on {id}: {findings:?}")).cause.clone()
}

fn d(s: &str) -> Decimal {
    Decimal::parse(s).unwrap()
}

#[test]
fn weights_not_rescaled_divide_by_100() {
    // (100·50 + 50·40) / 90 = 77,78; the document divided by 100: 70.
    let indicators = format!("[{}, {}]", ind("A", "50", AT_LEAST_10, r#"{"value": "10"}"#), ind("B", "40", AT_LEAST_10, r#"{"value": "5"}"#));
    assert_eq!(cause_of(&plan(&indicators, "70", "{}"), "OO"), Some(Cause::Weights { sum: d("90"), implied: d("100") }));
}

#[test]
fn an_item_left_out_by_the_document() {
    // 100, 100 and 0 with weights 50, 25, 25 give 75; without C, 100.
    let indicators = format!(
        "[{}, {}, {}]",
        ind("A", "50", AT_LEAST_10, r#"{"value": "10"}"#),
        ind("B", "25", AT_LEAST_10, r#"{"value": "10"}"#),
        ind("C", "25", AT_LEAST_10, r#"{"value": "0"}"#)
    );
    assert_eq!(cause_of(&plan(&indicators, "100", "{}"), "OO"), Some(Cause::Excluded { item: "C".into() }));
}

#[test]
fn an_nd_item_the_document_counts_as_zero() {
    let indicators = format!("[{}, {}]", ind("A", "50", AT_LEAST_10, r#"{"value": "10"}"#), ind("B", "50", AT_LEAST_10, r#"{"not_available": {}}"#));
    assert_eq!(cause_of(&plan(&indicators, "50", "{}"), "OO"), Some(Cause::CountedAsZero { item: "B".into() }));
    // Under the plan's N/D rule `zero` the computation agrees, and nothing is reported.
    let text = plan(&indicators, "50", r#"{"not_available": "zero"}"#);
    let plan = load_plan(&text).unwrap();
    assert!(audit(&plan, &evaluate(&plan)).iter().all(|f| f.code != AuditCode::PublishedDiffers));
}

#[test]
fn a_missed_at_most_target_scored_by_the_other_rule() {
    // 20 against <= 10: the ratio rule gives 50 %, the document 0 %: the rule `zero`.
    let at_most = r#"{"op": "<=", "value": "10"}"#;
    let indicators = format!("[{}, {}]", ind("A", "50", AT_LEAST_10, r#"{"value": "10"}"#), ind("B", "50", at_most, r#"{"value": "20"}"#));
    assert_eq!(
        cause_of(&plan(&indicators, "50", r#"{"at_most_missed": "ratio"}"#), "OO"),
        Some(Cause::MissedRule { indicator: "B".into(), rule: semaforo_core::plan::MissedRule::Zero })
    );
}

#[test]
fn an_actual_printed_rounded_is_a_notice_with_its_interval_not_an_error() {
    // 24,64 against >= 25 (weight 50) beside an indicator at 100 %: 99,28; published 99,29.
    let percent = |code: &str, actual: &str| {
        format!(
            r#"{{"code": "{code}", "name": "{code}", "unit": "percent", "weight": "50", "target": {{"op": ">=", "value": "25"}}, "actual": {{"value": "{actual}"}}}}"#
        )
    };
    let text = plan(&format!("[{}, {}]", percent("A", "24.64"), percent("B", "30")), "99.29", "{}");
    let plan = load_plan(&text).unwrap();
    let findings = audit(&plan, &evaluate(&plan));
    assert!(findings.iter().all(|f| f.code != AuditCode::PublishedDiffers), "{findings:?}");
    let implied = findings.iter().find(|f| f.code == AuditCode::ImpliedActual).expect("an implied actual");
    assert_eq!((implied.params.low(), implied.params.high()), (Some(&d("24.6425")), Some(&d("24.6475"))));
}

#[test]
fn no_cause_where_none_reproduces_the_published_figure() {
    let indicators = format!("[{}, {}]", ind("A", "50", AT_LEAST_10, r#"{"value": "9"}"#), ind("B", "50", AT_LEAST_10, r#"{"value": "8"}"#));
    assert_eq!(cause_of(&plan(&indicators, "12.34", "{}"), "OO"), None);
}
