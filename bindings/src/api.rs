//! The package's calls in plain Rust: text and parsed arguments in, wire values or every
//! diagnostic out. Each is a core call plus the lookups needed to answer it; nothing here
//! scores, rounds or checks a plan. `lib.rs` only moves values across the JS boundary,
//! so everything testable without a browser is tested here with `cargo test`.

use semaforo_core::audit::{self, Finding};
use semaforo_core::diagnostic::{and_more, has_errors, Localized};
use semaforo_core::evaluate::{IndicatorResult, NodeResult};
use semaforo_core::scenario::{self, Change, Scenario};
use semaforo_core::whatif::{self, GoalSeek, Sensitivity, Unknown};
use semaforo_core::Decimal;
use semaforo_core::{check_plan, format, Code, Diagnostic, Evaluation, Explanation, Lang, Plan};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::str::FromStr;

/// A result, or every problem that prevented it (at least one error).
pub type Outcome<T> = Result<T, Vec<Diagnostic>>;

/// What `evaluate` returns: the core's evaluation, the plan's warnings (their messages in
/// the language asked for), and with a scenario, what its edits changed.
#[derive(Debug, Serialize)]
pub struct EvaluationOut {
    pub nodes: Vec<NodeResult>,
    pub indicators: Vec<IndicatorResult>,
    pub warnings: Localized<Vec<Diagnostic>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<Change>>,
}

/// What `explain` returns for one node or indicator.
#[derive(Debug, Serialize)]
pub struct ExplainOut {
    pub id: String,
    /// True when the id named an indicator, false for a node.
    pub indicator: bool,
    /// The explanation rendered as one line a person can check.
    pub text: String,
    pub explanation: Explanation,
}

/// What `audit` returns: every finding of the core's audit, sorted by severity, with its
/// message and why in the language asked; how many of each severity; one line that says
/// so; and the findings as the core's CSV (the app's export and `semaforo audit --csv`).
#[derive(Debug, Serialize)]
pub struct AuditOut {
    pub findings: Localized<Vec<Finding>>,
    pub errors: usize,
    pub warnings: usize,
    pub notices: usize,
    pub summary: String,
    pub csv: String,
}

/// The audit of a report: every inconsistency between what its plan records and what
/// the document's own inputs and rules give, each with its location.
pub fn audit(text: &str, lang: Lang) -> Outcome<AuditOut> {
    let (plan, _) = load(text)?;
    let evaluation = semaforo_core::evaluate(&plan);
    let findings = audit::audit(&plan, &evaluation);
    let (errors, warnings, notices) = audit::counts(&findings);
    let summary = audit::summary(lang, &findings);
    let csv = audit::csv(&findings, lang);
    Ok(AuditOut { findings: Localized { value: findings, lang }, errors, warnings, notices, summary, csv })
}

/// Every problem of a plan text, errors and warnings; empty for a clean plan.
pub fn validate(text: &str) -> Vec<Diagnostic> {
    check_plan(text).1
}

/// The plan and its warnings, or every diagnostic when there is an error.
fn load(text: &str) -> Outcome<(Plan, Vec<Diagnostic>)> {
    match check_plan(text) {
        (Some(plan), diagnostics) if !has_errors(&diagnostics) => Ok((plan, diagnostics)),
        (_, diagnostics) => Err(diagnostics),
    }
}

/// Evaluates a plan, or with a scenario (JSON text of `{ name, edits }`) the plan with
/// its edits applied. An edit naming a code the plan lacks is an error here: a script
/// should not get scores silently computed without one of its edits. The warnings'
/// messages are in `lang`.
pub fn evaluate(text: &str, scenario_json: Option<&str>, lang: Lang) -> Outcome<EvaluationOut> {
    let (plan, warnings) = load(text)?;
    let warnings = Localized { value: warnings, lang };
    let Some(scenario_json) = scenario_json else {
        let Evaluation { nodes, indicators, .. } = semaforo_core::evaluate(&plan);
        return Ok(EvaluationOut { nodes, indicators, warnings, changes: None });
    };
    let scenario: Scenario = read_json(scenario_json, Code::BadScenario)?;
    let (edited, problems) = scenario::apply(&plan, &scenario.edits);
    if !problems.is_empty() {
        return Err(problems);
    }
    let before = semaforo_core::evaluate(&plan);
    let after = semaforo_core::evaluate(&edited);
    let changes = scenario::compare(&before, &after);
    let Evaluation { nodes, indicators, .. } = after;
    Ok(EvaluationOut { nodes, indicators, warnings, changes: Some(changes) })
}

/// The explanation of one node or indicator (nodes first, should an objective and an
/// indicator share a code), rendered in `lang`.
pub fn explain(text: &str, id: &str, lang: Lang) -> Outcome<ExplainOut> {
    let (plan, _) = load(text)?;
    let evaluation = semaforo_core::evaluate(&plan);
    let (explanation, indicator) = match (evaluation.node(id), evaluation.indicator(id)) {
        (Some(node), _) => (&node.explanation, false),
        (None, Some(result)) => (&result.explanation, true),
        (None, None) => return Err(vec![Diagnostic::unknown_id("id", id)]),
    };
    Ok(ExplainOut { id: id.to_string(), indicator, text: explanation.render(lang), explanation: explanation.clone() })
}

/// The value of one indicator's actual (or target) that brings `node` to `goal`.
pub fn goal_seek(text: &str, indicator: &str, node: &str, goal: &str, unknown: Unknown) -> Outcome<GoalSeek> {
    let (plan, _) = load(text)?;
    let goal = decimal("goal", goal)?;
    if semaforo_core::evaluate(&plan).node(node).is_none() {
        return Err(vec![Diagnostic::unknown_id("node", node)]);
    }
    Ok(whatif::goal_seek(&plan, indicator, node, goal, unknown))
}

/// Every indicator that counts in `node`, the most influential first.
pub fn sensitivity(text: &str, node: &str) -> Outcome<Vec<Sensitivity>> {
    let (plan, _) = load(text)?;
    let evaluation = semaforo_core::evaluate(&plan);
    if evaluation.node(node).is_none() {
        return Err(vec![Diagnostic::unknown_id("node", node)]);
    }
    Ok(whatif::sensitivity(&plan, &evaluation, node))
}

/// Most decimals a `Decimal` can carry.
const MAX_DECIMALS: u32 = 28;

/// `"98.9612"` → `"98,96 %"` (Italian, the way the documents print it) or `"98.96 %"`.
pub fn format_percent(value: &str, decimals: Option<u32>, lang: Lang) -> Outcome<String> {
    let value = decimal("value", value)?;
    let decimals = decimals.unwrap_or(2);
    if decimals > MAX_DECIMALS {
        return Err(vec![Diagnostic::decimals_out_of_range("decimals", decimals, MAX_DECIMALS)]);
    }
    Ok(format::percent_in(lang, value, decimals))
}

/// A decimal argument, written as the plan format writes them: `"98.5"`, with a dot.
pub fn decimal(argument: &str, text: &str) -> Result<Decimal, Vec<Diagnostic>> {
    Decimal::from_str(text.trim()).map_err(|e| vec![Diagnostic::not_a_decimal(argument, text, &e)])
}

/// Reads JSON text into `T`, reporting a failure with its path inside the value.
pub fn read_json<T: DeserializeOwned>(json: &str, code: Code) -> Outcome<T> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![Diagnostic::json(path, code, error.inner())]
    })
}

/// The `message` of the Error thrown for `diagnostics`, in `lang`: the first error in
/// full, and how many more problems its `diagnostics` property holds.
pub fn error_message(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let Some(first) = diagnostics.iter().find(|d| d.is_error()).or(diagnostics.first()) else {
        return "semaforo: unknown error".into();
    };
    match diagnostics.len() {
        1 => first.line(lang),
        n => format!("{} {}", first.line(lang), and_more(lang, n - 1, ".diagnostics")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const TNO: &str = include_str!("../../tests/fixtures/tno-2023.json");

    fn wire<T: Serialize>(value: &T) -> Value {
        serde_json::to_value(value).unwrap()
    }

    fn codes_and_paths(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(|d| format!("{} {}", d.code, d.path)).collect()
    }

    #[test]
    fn a_plan_with_json_numbers_for_its_decimals_is_accepted_as_the_schema_allows() {
        let plan = r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023, "objectives": [
            {"code": "A", "level": "area", "name": "a", "indicators": [
              {"code": "I", "name": "i", "unit": "percent", "weight": 100, "target": {"op": ">=", "value": 90}, "actual": {"value": 33.3}}]}]},
            "policy": {"tolerance": 90, "critical": 50, "late_penalty_per_day": 1}}"#;
        assert_eq!(codes_and_paths(&validate(plan)), Vec::<String>::new());
        let out = wire(&evaluate(plan, None, Lang::It).unwrap());
        // 33.3 / 90, exactly: read as the text written, not as the nearest binary float.
        assert_eq!(out["indicators"][0]["achievement"], "37");
    }

    #[test]
    fn an_indicator_of_the_plans_own_list_comes_once_without_a_parent_and_a_scenario_moves_both_cruscotti() {
        let plan = include_str!("../../tests/fixtures/cruscotti-condivisi-2021.json");
        let out = wire(&evaluate(plan, None, Lang::It).unwrap());
        let shared: Vec<&Value> = out["indicators"].as_array().unwrap().iter().filter(|i| i["id"] == "Percent_IndiceTrasp").collect();
        assert_eq!(shared.len(), 1);
        assert!(shared[0].get("parent").is_none() && shared[0].get("weight").is_none(), "{}", shared[0]);
        let scenario = r#"{"name": "s", "edits": [{"edit": "set_actual", "indicator": "Percent_IndiceTrasp", "actual": {"value": "90"}}]}"#;
        let out = wire(&evaluate(plan, Some(scenario), Lang::It).unwrap());
        let moved: Vec<&str> = out["changes"].as_array().unwrap().iter().filter_map(|c| c["id"].as_str()).filter(|id| !id.contains("/2.3.1")).collect();
        assert_eq!(
            moved,
            ["cruscotto/CR_SERV_RI", "cruscotto/CR_SERV_RF", "unit/SERV_RI", "unit/AREA_ARM", "unit/SERV_RF", "unit/AREA_PA", "Percent_IndiceTrasp"]
        );
    }

    #[test]
    fn the_seed_004_ente_scores_98_96_with_decimals_as_exact_strings() {
        let out = wire(&evaluate(TNO, None, Lang::It).unwrap());
        let ente = &out["nodes"][0];
        assert_eq!(ente["id"], "ENTE");
        let score = ente["score"].as_str().expect("a decimal is a string on the wire");
        assert_eq!(format_percent(score, None, Lang::It).unwrap(), "98,96 %");
        assert!(out["indicators"][0]["achievement"].is_string());
        assert_eq!(ente["explanation"]["rule"], "weighted_mean");
        assert!(out.get("changes").is_none());
        assert!(out["warnings"].is_array());
    }

    #[test]
    fn an_invalid_plan_is_every_diagnostic_with_its_path() {
        let plan = json!({"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023, "objectives": [
            {"code": "A", "level": "area", "name": "a", "indicators": [
                {"code": "I0", "name": "x", "unit": "metres"},
                {"code": "I1", "name": "y", "unit": "number", "wrong": 1}]}]}})
        .to_string();
        let found = codes_and_paths(&evaluate(&plan, None, Lang::It).unwrap_err());
        assert!(found.contains(&"wrong-shape ente.objectives[0].indicators[0].unit".into()), "{found:?}");
        assert!(found.contains(&"unknown-field ente.objectives[0].indicators[1].wrong".into()), "{found:?}");
        assert_eq!(codes_and_paths(&validate("{")), vec!["malformed-json "]);
        assert!(validate(TNO).iter().all(|d| !d.is_error()));
    }

    #[test]
    fn a_scenario_is_applied_and_its_changes_listed() {
        let scenario = json!({"name": "s", "edits": [
            {"edit": "set_actual", "indicator": "DFP 1.3", "actual": {"value": "10"}}]})
        .to_string();
        let out = wire(&evaluate(TNO, Some(&scenario), Lang::It).unwrap());
        let changes = out["changes"].as_array().unwrap();
        assert!(changes.iter().any(|c| c["id"] == "DFP 1.3" && c["indicator"] == true));
        assert!(changes.iter().any(|c| c["id"] == "ENTE" && c["delta"].as_str().unwrap().starts_with('-')));
        let empty = json!({"name": "nothing", "edits": []}).to_string();
        assert_eq!(wire(&evaluate(TNO, Some(&empty), Lang::It).unwrap())["changes"], json!([]));
    }

    #[test]
    fn bad_edits_and_bad_scenarios_are_errors_with_paths() {
        let cases = [
            (json!({"name": "s", "edits": [{"edit": "exclude", "indicator": "NOPE", "reason": "r"}]}), "missing-reference edits[0].indicator"),
            (json!({"name": "s", "edits": [{"edit": "set_target", "indicator": "X", "target": {"op": "~", "value": "1"}}]}), "bad-scenario edits[0]"), // serde buffers tagged enums: the path stops at the edit
            (json!({"edits": []}), "bad-scenario "),
            (json!([1]), "bad-scenario [0]"),
        ];
        for (scenario, expected) in cases {
            let problems = evaluate(TNO, Some(&scenario.to_string()), Lang::It).unwrap_err();
            assert_eq!(codes_and_paths(&problems), vec![expected], "{scenario}");
        }
    }

    #[test]
    fn explain_renders_one_node_or_indicator_in_either_language() {
        let ente = explain(TNO, "ENTE", Lang::It).unwrap();
        assert!(!ente.indicator);
        assert!(ente.text.ends_with("98,96 %"), "{}", ente.text);
        let indicator = explain(TNO, "DFP 1.3", Lang::En).unwrap();
        assert!(indicator.indicator);
        assert_eq!(wire(&indicator)["explanation"]["rule"], "met");
        assert!(indicator.text.contains("target met"), "{}", indicator.text);
        assert_eq!(codes_and_paths(&explain(TNO, "NOPE", Lang::It).unwrap_err()), vec!["unknown-id id"]);
    }

    #[test]
    fn goal_seek_and_sensitivity_wrap_the_core() {
        let found = wire(&goal_seek(TNO, "DFP 1.3", "OS_01.01", "90", Unknown::Actual).unwrap());
        assert!(found["outcome"].is_string(), "{found}");
        let list = wire(&sensitivity(TNO, "OS_01.01").unwrap());
        assert!(list.as_array().is_some_and(|l| !l.is_empty()));
        assert!(list[0]["weight_in_node"].is_string());
        assert_eq!(codes_and_paths(&sensitivity(TNO, "NOPE").unwrap_err()), vec!["unknown-id node"]);
        assert_eq!(codes_and_paths(&goal_seek(TNO, "DFP 1.3", "NOPE", "90", Unknown::Actual).unwrap_err()), vec!["unknown-id node"]);
        assert_eq!(codes_and_paths(&goal_seek(TNO, "DFP 1.3", "ENTE", "90,5", Unknown::Actual).unwrap_err()), vec!["bad-argument goal"]);
    }

    #[test]
    fn percents_are_formatted_the_italian_way() {
        let cases = [("98.9612", None, "98,96 %"), ("1234.5", Some(1), "1.234,5 %"), (" 0 ", Some(0), "0 %"), ("-13.525", Some(2), "-13,53 %")];
        for (value, decimals, expected) in cases {
            assert_eq!(format_percent(value, decimals, Lang::It).unwrap(), expected, "{value}");
        }
        assert_eq!(format_percent("1234.5", Some(1), Lang::En).unwrap(), "1,234.5 %");
        let problems = format_percent("abc", None, Lang::It).unwrap_err();
        assert_eq!(codes_and_paths(&problems), vec!["bad-argument value"]);
        assert_eq!(
            problems[0].message(Lang::It),
            "“abc” non è un decimale come “98.5” (con il punto): sono attese cifre, con un eventuale `.` ed esponente (`97.87`, `1e3`)"
        );
        assert_eq!(
            problems[0].message(Lang::En),
            "“abc” is not a decimal such as “98.5” (with a dot): expected digits with an optional `.` and exponent (`97.87`, `1e3`)"
        );
        assert_eq!(codes_and_paths(&format_percent("1", Some(29), Lang::It).unwrap_err()), vec!["bad-argument decimals"]);
    }

    #[test]
    fn the_error_message_names_the_first_error_and_counts_the_rest_in_either_language() {
        let warning = Diagnostic::new("a", Code::MissingActual, [semaforo_core::diagnostic::Param::Code("I".into())]);
        let error = Diagnostic::unknown_id("b.c", "X");
        assert_eq!(error_message(std::slice::from_ref(&error), Lang::En), "error[unknown-id] b.c: the plan has no node or indicator `X`");
        assert_eq!(
            error_message(&[warning.clone(), error.clone()], Lang::En),
            "error[unknown-id] b.c: the plan has no node or indicator `X` (and 1 more: see .diagnostics)"
        );
        assert_eq!(
            error_message(&[warning, error], Lang::It),
            "error[unknown-id] b.c: il piano non ha un nodo o un indicatore `X` (e un altro: vedere .diagnostics)"
        );
        assert_eq!(error_message(&[], Lang::It), "semaforo: unknown error");
    }

    #[test]
    fn the_typescript_union_of_codes_is_every_code() {
        let types = include_str!("types.d.ts");
        let start = types.find("export type DiagnosticCode =").expect("the union");
        let union = &types[start..start + types[start..].find(';').unwrap()];
        let listed: Vec<&str> = union.split('"').skip(1).step_by(2).collect();
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes, "bindings/src/types.d.ts, DiagnosticCode");
    }

    #[test]
    fn the_audit_of_seed_004_lists_its_findings_with_locations_in_either_language() {
        let italian = wire(&audit(TNO, Lang::It).unwrap());
        let english = wire(&audit(TNO, Lang::En).unwrap());
        let findings = italian["findings"].as_array().unwrap();
        assert_eq!(italian["errors"], 1, "{}", italian["summary"]);
        assert_eq!(findings[0]["severity"], "error");
        let twice = findings.iter().find(|f| f["code"] == "code-defined-twice").expect("OC_TBS_03 twice");
        assert_eq!(twice["location"]["line"], 1229);
        assert_eq!(twice["location"]["section"], "3.2");
        assert!(twice["message"].as_str().unwrap().contains("è stampato qui"), "{twice}");
        let english_twice = english["findings"].as_array().unwrap().iter().find(|f| f["code"] == "code-defined-twice").unwrap();
        assert_eq!(english_twice["params"], twice["params"]);
        assert!(english_twice["why"].as_str().unwrap().contains("two measures"), "{english_twice}");
        assert!(italian["csv"].as_str().unwrap().starts_with("gravità,codice,"));
        assert!(english["csv"].as_str().unwrap().starts_with("severity,code,"));
        assert_eq!(codes_and_paths(&audit("{", Lang::It).unwrap_err()), vec!["malformed-json "]);
    }

    #[test]
    fn the_typescript_union_of_audit_codes_is_every_code() {
        let types = include_str!("types.d.ts");
        let start = types.find("export type AuditCode =").expect("the union");
        let union = &types[start..start + types[start..].find(';').unwrap()];
        let listed: Vec<&str> = union.split('"').skip(1).step_by(2).collect();
        let codes: Vec<&str> = semaforo_core::audit::AuditCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes, "bindings/src/types.d.ts, AuditCode");
    }

    #[test]
    fn diagnostics_on_the_wire_have_their_code_params_and_message_in_the_language_asked() {
        let plan = r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023, "objectives": [
            {"code": "A", "level": "area", "name": "a", "weight": "50"}]}}"#;
        let italian = wire(&evaluate(plan, None, Lang::It).unwrap());
        let english = wire(&evaluate(plan, None, Lang::En).unwrap());
        let (it, en) = (&italian["warnings"][0], &english["warnings"][0]);
        assert_eq!((&it["code"], &it["params"]), (&en["code"], &en["params"]));
        assert_eq!(it["params"]["sum"], "50");
        assert!(it["message"].as_str().unwrap().contains("sommano a 50"), "{it}");
        assert!(en["message"].as_str().unwrap().contains("sum to 50"), "{en}");
    }
}

/// A plan kept evaluated for a script's edits (`live(plan)` in JavaScript): each edit
/// re-evaluates only what depends on it, in time that grows with the tree's depth
/// (`semaforo_core::live::Live`), so a script never reloads the plan per edit. Refused,
/// with every diagnostic, when the plan has an error; its warnings come with it.
pub fn live(text: &str) -> Outcome<(semaforo_core::live::Live, Vec<Diagnostic>)> {
    let (plan, warnings) = load(text)?;
    Ok((semaforo_core::live::Live::new(plan), warnings))
}

/// Applies one edit (JSON text of an `Edit`) to a live plan; a malformed edit or one
/// naming a code the plan lacks is refused and changes nothing.
pub fn live_edit(live: &mut semaforo_core::live::Live, edit_json: &str) -> Outcome<()> {
    let edit: semaforo_core::scenario::Edit = read_json(edit_json, Code::BadScenario)?;
    live.apply(&edit).map_err(|d| vec![d])
}

/// A live plan's results, as `evaluate` gives them (without `changes`).
#[derive(Debug, Serialize)]
pub struct LiveEvaluation<'a> {
    pub nodes: &'a [NodeResult],
    pub indicators: &'a [IndicatorResult],
    pub warnings: Localized<&'a [Diagnostic]>,
}

#[cfg(test)]
mod live_tests {
    use super::*;

    fn plan() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/tno-2023.json")).unwrap()
    }

    #[test]
    fn a_live_plan_follows_its_edits_as_evaluate_with_a_scenario_does() {
        let text = plan();
        let (mut live, _) = live(&text).unwrap();
        let edit = r#"{"edit": "set_actual", "indicator": "OC_TD_01", "actual": {"value": "400"}}"#;
        live_edit(&mut live, edit).unwrap();
        let scenario = format!(r#"{{"name": "s", "edits": [{edit}]}}"#);
        let expected = evaluate(&text, Some(&scenario), Lang::It).unwrap();
        assert_eq!(live.evaluation().nodes, expected.nodes);
        assert_eq!(live.evaluation().indicators, expected.indicators);
        assert!(live.recomputed() > 0);
        let unknown = live_edit(&mut live, r#"{"edit": "set_actual", "indicator": "NOPE", "actual": null}"#).unwrap_err();
        assert_eq!(unknown[0].code, Code::MissingReference);
        assert_eq!(live_edit(&mut live, "{").unwrap_err()[0].code, Code::BadScenario);
    }
}
