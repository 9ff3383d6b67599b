//! Plans written to break the core, each case named after what it protects: every one
//! gets a located message or the right result, never a panic. Data driven: one `check`
//! of a plan text against the `code path` lines it must report.

use semaforo_core::explain::Explanation;
use semaforo_core::plan::Plan;
use semaforo_core::whatif::{goal_seek, sensitivity, Unknown};
use semaforo_core::{check_plan, evaluate, format, load_plan, Decimal, Lang};

/// A plan of one area holding two indicators; `edit` rewrites its text.
fn plan(edit: impl Fn(String) -> String) -> String {
    edit(
        r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023, "objectives": [
        {"code": "A", "level": "area", "name": "a", "indicators": [
          {"code": "I1", "name": "x", "unit": "number", "weight": "50", "target": {"op": ">=", "value": "10"}, "actual": {"value": "5"}},
          {"code": "I2", "name": "y", "unit": "number", "weight": "50", "target": {"op": ">=", "value": "10"}, "actual": {"value": "5"}}]}]}}"#
            .to_string(),
    )
}

/// The diagnostics of `text` as `code path` lines, compared with `expected` exactly.
fn check(text: &str, expected: &[&str]) {
    let (_, diagnostics) = check_plan(text);
    let found: Vec<String> = diagnostics.iter().map(|d| format!("{} {}", d.code, d.path)).collect();
    assert_eq!(found, expected, "{diagnostics:#?}");
}

fn message(text: &str) -> String {
    let (_, diagnostics) = check_plan(text);
    diagnostics.iter().map(|d| d.message(Lang::En)).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_huge_display_precision_is_refused_and_formatting_never_panics() {
    let text = plan(|t| t.replace("}]}]}}", r#"}]}]}, "policy": {"display_decimals": 65536}}"#));
    check(&text, &["policy-range policy.display_decimals"]);
    assert!(message(&text).contains("at most 6 decimals"));
    let (plan, _) = check_plan(&text);
    let evaluation = evaluate(&plan.unwrap());
    for node in &evaluation.nodes {
        let _ = node.score.map(|s| format::percent(s, 65536));
    }
}

#[test]
fn objective_codes_cannot_take_the_ids_of_the_ente_units_or_cruscotti() {
    check(&plan(|t| t.replacen(r#""code": "A""#, r#""code": "ENTE""#, 1)), &["reserved-code ente.objectives[0].code"]);
    check(&plan(|t| t.replacen(r#""code": "A""#, r#""code": "unit/U""#, 1)), &["reserved-code ente.objectives[0].code"]);
    check(&plan(|t| t.replacen(r#""code": "A""#, r#""code": "cruscotto/C1""#, 1)), &["reserved-code ente.objectives[0].code"]);
    check(&plan(|t| t.replacen(r#""code": "I1""#, r#""code": "cruscotto/C/I1""#, 1)), &["reserved-code ente.objectives[0].indicators[0].code"]);
    let cruscotto = r#"}]}]}, "cruscotti": [{"code": "C/G", "name": "c", "items": [{"indicator": "I1"}]}]}"#;
    check(&plan(|t| t.replace("}]}]}}", cruscotto)), &["reserved-code cruscotti[0].code"]);
    // A `/` inside a tree code is fine: documents write `OO 1/2023`.
    check(&plan(|t| t.replacen(r#""code": "A""#, r#""code": "OO 1/2023""#, 1)), &[]);
}

#[test]
fn a_ratio_too_large_to_compute_is_an_error_not_a_silent_exclusion() {
    let ratio = r#"{"ratio": {"numerator": "46", "denominator": "1e-28"}}"#;
    let text = plan(|t| t.replacen(r#"{"value": "5"}"#, ratio, 1));
    check(&text, &["ratio-overflow ente.objectives[0].indicators[0].actual.ratio"]);
    let parsed = semaforo_core::parse_plan(&text).unwrap();
    let evaluation = evaluate(&parsed);
    let Explanation::Unscorable { reason } = &evaluation.indicator("I1").unwrap().explanation else { panic!() };
    assert!(reason.contains("too large"), "{reason}");
}

#[test]
fn goal_seek_and_sensitivity_survive_extreme_late_penalties() {
    for penalty in ["1e-28", "0.0000000000000000000000000001", "79228162514264337593543950335", "1e20"] {
        let deadline = r#""unit": "date", "weight": "50", "target": {"op": "by", "date": "2023-05-31"}, "actual": {"date": "2023-06-04"}"#;
        let text = plan(|t| {
            t.replacen(r#""unit": "number", "weight": "50", "target": {"op": ">=", "value": "10"}, "actual": {"value": "5"}"#, deadline, 1)
                .replace("}]}]}}", &format!(r#"}}]}}]}}, "policy": {{"late_penalty_per_day": "{penalty}"}}}}"#))
        });
        let plan: Plan = load_plan(&text).unwrap_or_else(|d| panic!("{penalty}: {d:?}"));
        let evaluation = evaluate(&plan);
        for goal in ["0", "50", "75", "100"] {
            for unknown in [Unknown::Actual, Unknown::Target] {
                let _ = goal_seek(&plan, "I1", "ENTE", Decimal::parse(goal).unwrap(), unknown);
            }
        }
        let _ = sensitivity(&plan, &evaluation, "ENTE");
    }
}

#[test]
fn json_numbers_are_accepted_at_every_decimal_field_exactly_as_written() {
    let strings = plan(|t| t.replace(r#"}]}]}}"#, r#"}]}]}, "policy": {"tolerance": "90", "critical": "50", "late_penalty_per_day": "1"}}"#));
    let numbers = regex_lite_unquote(&strings);
    assert!(!numbers.contains(r#""50""#), "{numbers}");
    let (a, b) = (load_plan(&strings).unwrap(), load_plan(&numbers).unwrap());
    assert_eq!(a, b);
    let weighted = load_plan(&plan(|t| t.replacen(r#""weight": "50""#, r#""weight": 33.3"#, 1))).unwrap();
    assert_eq!(weighted.ente.objectives[0].indicators[0].weight.map(|w| w.to_string()).as_deref(), Some("33.3"));
    let exact = plan(|t| t.replacen(r#""value": "5""#, r#""value": 0.1234567890123456789012345678"#, 1));
    let plan = load_plan(&exact).unwrap();
    let actual = &plan.ente.objectives[0].indicators[0].actual;
    assert_eq!(format!("{actual:?}"), "Some(Value(0.1234567890123456789012345678))");
}

/// `"weight": "50"` becomes `"weight": 50`, for every string that is a plain number.
fn regex_lite_unquote(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        let end = rest[start + 1..].find('"').map(|e| start + 1 + e).unwrap();
        let inner = &rest[start + 1..end];
        out.push_str(&rest[..start]);
        let is_number = !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        let is_value = rest[end + 1..].trim_start().starts_with([',', '}']);
        if is_number && is_value {
            out.push_str(inner);
        } else {
            out.push_str(&rest[start..=end]);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_version_that_is_present_but_not_1_says_so() {
    check(&plan(|t| t.replacen(r#""version": 1"#, r#""version": "1""#, 1)), &["unsupported-version version"]);
    check(&plan(|t| t.replacen(r#""version": 1"#, r#""version": 2"#, 1)), &["unsupported-version version"]);
    check(&plan(|t| t.replacen(r#""version": 1, "#, "", 1)), &["missing-version version"]);
}

#[test]
fn json_nested_past_the_limit_names_the_limit() {
    let deep = format!(r#"{{"version": 1, "ente": {}{}}}"#, "[".repeat(200), "]".repeat(200));
    check(&deep, &["malformed-json "]);
    assert!(message(&deep).contains("128 levels"), "{}", message(&deep));
}

#[test]
fn a_wrong_enum_shape_lists_the_choices() {
    let text = plan(|t| t.replacen(r#""level": "area""#, r#""level": 3"#, 1));
    check(&text, &["wrong-shape ente.objectives[0].level"]);
    assert_eq!(message(&text), "expected one of `area`, `strategic` or `operational`");
    let two = plan(|t| t.replacen(r#"{"value": "5"}"#, r#"{"value": "5", "flag": true}"#, 1));
    assert!(message(&two).contains("exactly one of `value`, `ratio`"), "{}", message(&two));
}

#[test]
fn a_value_set_aside_does_not_also_raise_the_warnings_that_follow_from_it() {
    check(&plan(|t| t.replacen(r#""weight": "50""#, r#""weight": true"#, 1)), &["wrong-shape ente.objectives[0].indicators[0].weight"]);
    check(&plan(|t| t.replacen(r#"{"value": "5"}"#, r#"{"value": true}"#, 1)), &["wrong-shape ente.objectives[0].indicators[0].actual.value"]);
}

#[test]
fn a_decimal_comma_says_to_use_a_dot() {
    let text = plan(|t| t.replacen(r#""weight": "50""#, r#""weight": "81,5""#, 1));
    check(&text, &["wrong-shape ente.objectives[0].indicators[0].weight"]);
    assert!(message(&text).contains("with a dot"), "{}", message(&text));
}

#[test]
fn an_unknown_key_with_a_dot_is_located_and_the_other_errors_still_found() {
    let text = plan(|t| t.replacen(r#""version": 1"#, r#""version": 1, "x.y": 2"#, 1).replacen(r#""name": "x""#, r#""name": "x", "a.b": 1, "weight2": 3"#, 1));
    check(
        &text,
        &[r#"unknown-field ["x.y"]"#, r#"unknown-field ente.objectives[0].indicators[0]["a.b"]"#, "unknown-field ente.objectives[0].indicators[0].weight2"],
    );
}

#[test]
fn a_key_written_with_escapes_is_located_by_its_value() {
    let text = plan(|t| t.replacen(r#""name": "x""#, r#""name": "x", "\u0063olour": 1"#, 1));
    check(&text, &["unknown-field ente.objectives[0].indicators[0].colour"]);
}

#[test]
fn a_duplicate_json_key_is_reported_once_at_its_path() {
    check(&plan(|t| t.replacen(r#""name": "x""#, r#""name": "x", "name": "z""#, 1)), &["duplicate-key ente.objectives[0].indicators[0].name"]);
    check(&plan(|t| t.replacen(r#"{"value": "5"}"#, r#"{"value": "5", "value": "6"}"#, 1)), &["duplicate-key ente.objectives[0].indicators[0].actual.value"]);
}

#[test]
fn a_duplicate_key_beside_a_missing_field_does_not_loop() {
    // The reading of the text stops at the repeated key, the tree's at the missing
    // `ente`: only the first is skipped as reported, or the retries never end.
    check(r#"{"version": 1, "version": 1}"#, &["duplicate-key version", "wrong-shape ente"]);
}

#[test]
fn two_groups_of_one_code_in_a_cruscotto_are_refused_as_their_ids_would_collide() {
    // Found by the fuzz target `plan`: the second group took the first one's score in
    // live editing, since both had the id `cruscotto/C/G`.
    let group = r#"{"weight": "50", "group": {"code": "G", "name": "g", "items": [{"indicator": "I1"}]}}"#;
    let cruscotto = format!(r#"}}]}}]}}, "cruscotti": [{{"code": "C", "name": "c", "items": [{group}, {group}]}}]}}"#);
    check(&plan(|t| t.replace("}]}]}}", &cruscotto)), &["duplicate-code cruscotti[0].items[1].group.code"]);
}

/// `plan()` with the plan's own `indicators` (JSON array text) and one cruscotto whose
/// items name `items` (codes), equal weights.
fn with_library(indicators: &str, items: &[&str]) -> String {
    let items: Vec<String> = items.iter().map(|code| format!(r#"{{"indicator": "{code}"}}"#)).collect();
    let tail = format!(r#"}}]}}]}}, "indicators": {indicators}, "cruscotti": [{{"code": "C", "name": "c", "items": [{}]}}]}}"#, items.join(", "));
    plan(|t| t.replace("}]}]}}", &tail))
}

fn library_indicator(code: &str, extra: &str) -> String {
    format!(r#"{{"code": "{code}", "name": "l", "unit": "number", "target": {{"op": ">=", "value": "10"}}, "actual": {{"value": "8"}}{extra}}}"#)
}

#[test]
fn the_plans_own_indicators_are_checked_like_the_trees() {
    let l1 = library_indicator("L1", "");
    check(&with_library(&format!("[{l1}]"), &["L1", "I1"]), &[]);
    // One namespace with the tree's indicators: both would have the id `I1`.
    check(&with_library(&format!("[{}]", library_indicator("I1", "")), &["I1"]), &["duplicate-code indicators[0].code"]);
    assert!(message(&with_library(&format!("[{}]", library_indicator("I1", "")), &["I1"])).contains("ente.objectives[0].indicators[0]"));
    check(&with_library(&format!("[{l1}, {l1}]"), &["L1"]), &["duplicate-code indicators[1].code"]);
    check(&with_library(&format!("[{}]", library_indicator("cruscotto/C/X", "")), &["cruscotto/C/X"]), &["reserved-code indicators[0].code"]);
    // A reference to nothing, and an indicator that nothing weighs.
    check(&with_library(&format!("[{l1}]"), &["L9"]), &["missing-reference cruscotti[0].items[0].indicator", "unreferenced-indicator indicators[0]"]);
    // Its own weight is not used: each reference gives one.
    check(&with_library(&format!("[{}]", library_indicator("L1", r#", "weight": "30""#)), &["L1"]), &["ignored-weight indicators[0].weight"]);
    // An objective may weigh it through `shared_indicators`.
    let shared = plan(|t| {
        t.replacen(r#""indicators": ["#, r#""shared_indicators": [{"indicator": "L1", "weight": "0"}], "indicators": ["#, 1)
            .replace("}]}]}}", &format!(r#"}}]}}]}}, "indicators": [{l1}]}}"#))
    });
    check(&shared, &[]);
    check(
        &shared.replace(r#"{"indicator": "L1""#, r#"{"indicator": "L2""#),
        &["missing-reference ente.objectives[0].shared_indicators[0].indicator", "unreferenced-indicator indicators[0]"],
    );
}

#[test]
fn structural_errors_in_the_plans_own_indicators_have_their_paths() {
    let list = format!(
        "[{}, {}, {}]",
        library_indicator("L1", r#", "colour": "red""#),
        library_indicator("L2", r#", "kind": "speed""#),
        library_indicator("L3", "").replace(r#"{"op": ">=", "value": "10"}"#, r#""90""#)
    );
    let text = with_library(&list, &["L1", "L2", "L3"]);
    check(&text, &["unknown-field indicators[0].colour", "wrong-shape indicators[1].kind", "wrong-shape indicators[2].target"]);
    let message = message(&text);
    assert!(message.contains("`efficacia`, `efficienza`") && message.contains(r#"a target such as `{"op": ">=""#), "{message}");
}
