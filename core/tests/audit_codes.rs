//! Every audit code, with its example, read from `docs/audit.md` (section "Codes"): one
//! heading per code, `### \`code\` · severity`, a JSON example merged into the smallest
//! plan, the path the finding is at, and its message in Italian and English. The test
//! audits each example and fails unless it reports the code at the path, with the code's
//! severity and exactly these texts, and unless every code has its section: the
//! documentation is the test's data. `BLESS=1` rewrites the two message lines of each
//! section from the renderer (review the diff).

use semaforo_core::audit::{audit, AuditCode, Finding};
use semaforo_core::{check_plan, evaluate, Lang};
use serde_json::Value;
use std::path::PathBuf;

const SMALLEST: &str = r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023}}"#;

fn docs_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/audit.md")
}

/// `patch` merged into `base`, objects key by key, anything else replaced.
fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                merge(base.entry(key).or_insert(Value::Null), value);
            }
        }
        (base, patch) => *base = patch,
    }
}

/// One code's section of the documentation.
struct Section {
    code: String,
    severity: String,
    example: String,
    path: String,
    it: String,
    en: String,
}

fn sections(text: &str) -> Vec<Section> {
    let codes = text.split_once("\n## Codes\n").expect("a Codes section").1;
    codes
        .split("\n### `")
        .skip(1)
        .map(|section| {
            let (heading, body) = section.split_once('\n').unwrap_or((section, ""));
            let (code, severity) = heading.split_once("` · ").unwrap_or((heading, ""));
            let example = body.split_once("```json\n").and_then(|(_, rest)| rest.split_once("\n```")).map_or("", |(json, _)| json);
            let line = |prefix: &str| body.lines().find_map(|l| l.strip_prefix(prefix)).unwrap_or("").to_string();
            Section {
                code: code.to_string(),
                severity: severity.trim().to_string(),
                example: example.to_string(),
                path: line("Path: `").trim_end_matches('`').to_string(),
                it: line("- it: "),
                en: line("- en: "),
            }
        })
        .collect()
}

/// The findings of a section's example.
fn findings(example: &str) -> Result<Vec<Finding>, String> {
    let mut plan: Value = serde_json::from_str(SMALLEST).unwrap();
    merge(&mut plan, serde_json::from_str(example).map_err(|e| format!("the example is not JSON: {e}"))?);
    let (plan, diagnostics) = check_plan(&plan.to_string());
    let plan = plan.filter(|_| !semaforo_core::diagnostic::has_errors(&diagnostics)).ok_or_else(|| format!("the example does not load: {diagnostics:?}"))?;
    Ok(audit(&plan, &evaluate(&plan)))
}

#[test]
fn every_code_is_documented_with_an_example_that_reports_it() {
    let text = std::fs::read_to_string(docs_path()).unwrap();
    let sections = sections(&text);
    let mut problems = Vec::new();
    let mut blessed = text.clone();
    for &code in AuditCode::ALL {
        let found: Vec<&Section> = sections.iter().filter(|s| s.code == code.as_str()).collect();
        let [section] = found[..] else {
            problems.push(format!("{code}: {} sections in docs/audit.md, not one", found.len()));
            continue;
        };
        if section.severity != code.severity().as_str() {
            problems.push(format!("{code}: documented as {}, is {}", section.severity, code.severity().as_str()));
        }
        let findings = match findings(&section.example) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{code}: {e}"));
                continue;
            }
        };
        let Some(finding) = findings.iter().find(|f| f.code == code && f.location.path == section.path) else {
            let lines: Vec<String> = findings.iter().map(|f| f.line(Lang::En)).collect();
            problems.push(format!("{code}: no finding at `{}`; found:\n    {}", section.path, lines.join("\n    ")));
            continue;
        };
        for (lang, documented, prefix) in [(Lang::It, &section.it, "- it: "), (Lang::En, &section.en, "- en: ")] {
            let message = finding.message(lang);
            assert!(!message.contains('{'), "{code}: a parameter is missing in “{message}”");
            if &message != documented {
                problems.push(format!("{code} ({lang:?}): documented “{documented}”, rendered “{message}”"));
                let old = format!("Path: `{}`\n", section.path);
                if let Some(at) = blessed.find(&format!("### `{code}` ·")) {
                    let from = at + blessed[at..].find(&old).unwrap_or(0);
                    let line_start = from + blessed[from..].find(prefix).unwrap_or(0);
                    let line_end = line_start + blessed[line_start..].find('\n').unwrap_or(0);
                    blessed.replace_range(line_start..line_end, &format!("{prefix}{message}"));
                }
            }
            assert!(!finding.why(lang).is_empty(), "{code}: no why");
        }
    }
    if std::env::var_os("BLESS").is_some() && blessed != text {
        std::fs::write(docs_path(), blessed).unwrap();
        return;
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn messages_are_in_their_language_and_say_something_different() {
    let text = std::fs::read_to_string(docs_path()).unwrap();
    for section in sections(&text) {
        let Ok(findings) = findings(&section.example) else { continue };
        for finding in findings {
            let (it, en) = (finding.message(Lang::It), finding.message(Lang::En));
            assert_ne!(it, en, "{}: the same text in both languages", finding.code);
            assert_ne!(finding.why(Lang::It), finding.why(Lang::En), "{}", finding.code);
            for word in [" the ", " of ", " is "] {
                assert!(!it.contains(word), "{}: English “{word}” in the Italian “{it}”", finding.code);
            }
            for word in [" il ", " della ", " è "] {
                assert!(!en.contains(word), "{}: Italian “{word}” in the English “{en}”", finding.code);
            }
        }
    }
}

/// Values at the edges of what a decimal holds, in every field the audit reads: it
/// reports what it can and never panics.
#[test]
fn extreme_values_do_not_panic() {
    for value in ["79228162514264337593543950335", "-79228162514264337593543950335", "0.0000000000000000000000000001", "0", "-1", "1e-28"] {
        let example = format!(
            r#"{{"policy": {{"final_report": true, "stated_thresholds": [{{"tolerance": "{value}", "critical": "{value}"}}]}},
              "ente": {{"budget": {{"promotional_planned": "{value}", "spent": "{value}"}}, "published": {{"score": "{value}", "verdict": "raggiunto"}}, "objectives": [
              {{"code": "A", "level": "area", "name": "A", "weight": "{value}", "budget": {{"spent": "{value}", "promotional_spent": "{value}", "promotional_share": "{value}"}},
                "published": {{"score": "{value}", "verdict": "non_raggiunto"}}, "objectives": [
                {{"code": "O", "level": "operational", "name": "O", "weight": "{value}", "published": {{"score": "{value}"}}, "indicators": [
                  {{"code": "I", "name": "I", "algorithm": "numero a / numero b", "unit": "percent", "weight": "{value}", "target": {{"op": ">=", "value": "{value}"}},
                    "actual": {{"value": "{value}"}}, "published": {{"score": "{value}", "deviation": "{value}"}}, "printed_elsewhere": [{{"weight": "{value}", "target": {{"op": "<=", "value": "{value}"}}}}]}},
                  {{"code": "J", "name": "J", "unit": "number", "weight": "{value}", "target": {{"op": "=", "value": "{value}"}}, "actual": {{"ratio": {{"numerator": "{value}", "denominator": "{value}"}}}},
                    "published": {{"score": "{value}"}}}}]}}]}}]}},
              "units": [{{"code": "U", "name": "U", "kind": "ufficio", "published": {{"score": "{value}"}}}}]}}"#
        );
        let mut plan: Value = serde_json::from_str(SMALLEST).unwrap();
        merge(&mut plan, serde_json::from_str(&example).unwrap());
        let (plan, _) = check_plan(&plan.to_string());
        let plan = plan.unwrap_or_else(|| panic!("{value}: the plan does not load"));
        let findings = audit(&plan, &evaluate(&plan));
        for finding in &findings {
            for lang in [Lang::It, Lang::En] {
                assert!(!finding.message(lang).contains('{'), "{value}: {finding:?}");
            }
        }
        let _ = semaforo_core::audit::csv(&findings, Lang::It);
    }
}

/// A plan with nothing to object to: the synthetic plans of the benchmarks, their weights
/// made to sum to 100 among siblings (they weigh each OO 1 and each OS's own pair of
/// indicators 10 and 10, which scores the same as equal weights and 50 and 50).
#[test]
fn a_clean_synthetic_plan_has_no_findings() {
    fn clean(objectives: &mut [semaforo_core::plan::Objective]) {
        let operational = objectives.iter().all(|o| o.level == semaforo_core::plan::Level::Operational);
        for objective in objectives.iter_mut() {
            if operational {
                objective.weight = None;
            }
            if objective.level == semaforo_core::plan::Level::Strategic {
                for indicator in &mut objective.indicators {
                    indicator.weight = Some(semaforo_core::Decimal::from(50u64));
                }
            }
            clean(&mut objective.objectives);
        }
    }
    for size in [10, 500] {
        let mut plan = semaforo_core::synthetic::plan(size);
        let before = evaluate(&plan).node("ENTE").and_then(|n| n.score);
        clean(&mut plan.ente.objectives);
        assert_eq!(evaluate(&plan).node("ENTE").and_then(|n| n.score), before, "the same scores");
        let findings = audit(&plan, &evaluate(&plan));
        let lines: Vec<String> = findings.iter().map(|f| f.line(Lang::En)).collect();
        assert!(findings.is_empty(), "synthetic {size}:\n{}", lines.join("\n"));
    }
}
