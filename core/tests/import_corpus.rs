//! The import corpus (`tests/fixtures/tables`, see its README): every table that has an
//! `.expected.json` is imported and checked against what the table shows, written down
//! independently of the importer: the numbers of cruscotti, objectives by level and
//! indicators; each cruscotto's and objective's published figure (kept in the plan's
//! `published` blocks) and computed score (within 0,01, DOMAIN.md rule 8); the figures
//! expected to disagree; the `weights-normalised` warnings; and an indicator printed in
//! several cruscotti read as one indicator referenced from each.
//!
//! Every mismatch of every table is reported at once, per table, with how the importer read
//! the table's rows. `CORPUS_TABLE=<file>` checks one table; `CORPUS_ROWS=1` also prints
//! every row's reading of the tables that fail.

use semaforo_core::import::{import_table, ImportOptions, ImportReport, RowKind};
use semaforo_core::{evaluate, Code, Decimal, Evaluation, Lang};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/tables")
}

/// Every `.expected.json` of the corpus, by file name.
fn expectations() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).expect("the corpus folder") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".expected.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, value));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Published and computed figures may differ by this much (DOMAIN.md, rule 8).
fn tolerance() -> Decimal {
    Decimal::from_str("0.01").unwrap()
}

/// A printed figure read back: XLSX turns `96,40%` into the float 0.964.
fn printed_tolerance() -> Decimal {
    Decimal::from_str("0.001").unwrap()
}

fn decimal(value: &Value) -> Option<Decimal> {
    match value {
        Value::String(s) => Decimal::from_str(s).ok(),
        Value::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        _ => None,
    }
}

fn show(value: Option<Decimal>) -> String {
    value.map_or("none".into(), |d| d.normalize().to_string())
}

fn close(a: Decimal, b: Decimal, tolerance: Decimal) -> bool {
    a.checked_sub(b).is_some_and(|gap| gap.abs() <= tolerance)
}

/// Names compared as a reader would: without case, with PDF ligatures spelled out and
/// runs of spaces as one.
fn fold(text: &str) -> String {
    let spelled = text.replace('ﬁ', "fi").replace('ﬂ', "fl").replace('ﬀ', "ff");
    spelled.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Codes compared without spaces, `_` or case: `OO 01.01.01` is `OO_01.01.01`.
fn code_key(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace() && *c != '_').collect::<String>().to_uppercase()
}

struct Checker {
    mismatches: Vec<String>,
}

impl Checker {
    fn mismatch(&mut self, what: impl Into<String>, expected: impl std::fmt::Display, got: impl std::fmt::Display) {
        self.mismatches.push(format!("{}: expected {expected}, got {got}", what.into()));
    }

    fn note(&mut self, text: impl Into<String>) {
        self.mismatches.push(text.into());
    }

    /// A printed figure: `expected` null means none is printed.
    fn published(&mut self, what: &str, expected: &Value, got: Option<Decimal>) {
        match (decimal(expected), got) {
            (None, None) => {}
            (Some(e), Some(g)) if close(e, g, printed_tolerance()) => {}
            (e, g) => self.mismatch(format!("{what} published"), show(e), show(g)),
        }
    }

    /// A computed score: `expected` null means nothing is measured.
    fn score(&mut self, what: &str, expected: &Value, got: Option<Decimal>) {
        match (decimal(expected), got) {
            (None, None) => {}
            (Some(e), Some(g)) if close(e, g, tolerance()) => {}
            (e, g) => self.mismatch(format!("{what} score"), show(e), show(g)),
        }
    }
}

/// The plan's objectives, depth first, as JSON.
fn objectives(plan: &Value) -> Vec<&Value> {
    fn walk<'a>(list: &'a Value, out: &mut Vec<&'a Value>) {
        for o in list.as_array().into_iter().flatten() {
            out.push(o);
            walk(&o["objectives"], out);
        }
    }
    let mut out = Vec::new();
    walk(&plan["ente"]["objectives"], &mut out);
    out
}

/// The weighted lines of a cruscotto that stand for indicators (own or referenced), in
/// its groups too.
fn leaf_items(items: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for item in items.as_array().into_iter().flatten() {
        if item["group"].is_object() {
            out.extend(leaf_items(&item["group"]["items"]));
        } else if item["own"].is_object() || item["indicator"].is_string() {
            out.push(item);
        }
    }
    out
}

/// Every indicator defined in the plan (tree, ente, a top-level list if the format has
/// one, cruscotti's own), by code, with its name.
fn definitions(plan: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut add = |list: &Value| {
        for i in list.as_array().into_iter().flatten() {
            if let (Some(code), Some(name)) = (i["code"].as_str(), i["name"].as_str()) {
                out.entry(code.to_string()).or_insert_with(|| name.to_string());
            }
        }
    };
    add(&plan["indicators"]);
    add(&plan["ente"]["indicators"]);
    for o in objectives(plan) {
        add(&o["indicators"]);
    }
    for c in plan["cruscotti"].as_array().into_iter().flatten() {
        let owns: Vec<Value> = leaf_items(&c["items"]).iter().filter_map(|i| i.get("own").cloned()).collect();
        add(&Value::Array(owns));
    }
    out
}

/// (rows that are indicators, distinct indicators) as the plan holds them.
fn indicator_counts(plan: &Value) -> (usize, usize) {
    let mut rows = 0;
    let mut codes = BTreeSet::new();
    let mut defined = |list: &Value, rows: &mut usize| {
        for i in list.as_array().into_iter().flatten() {
            *rows += 1;
            codes.insert(i["code"].as_str().unwrap_or_default().to_string());
        }
    };
    defined(&plan["ente"]["indicators"], &mut rows);
    for o in objectives(plan) {
        defined(&o["indicators"], &mut rows);
    }
    let mut referenced = BTreeSet::new();
    for o in objectives(plan) {
        for s in o["shared_indicators"].as_array().into_iter().flatten() {
            rows += 1;
            referenced.insert(s["indicator"].as_str().unwrap_or_default().to_string());
        }
    }
    for c in plan["cruscotti"].as_array().into_iter().flatten() {
        for item in leaf_items(&c["items"]) {
            rows += 1;
            match item["indicator"].as_str() {
                Some(code) => {
                    referenced.insert(code.to_string());
                }
                None => {
                    codes.insert(item["own"]["code"].as_str().unwrap_or_default().to_string());
                }
            }
        }
    }
    // Indicators listed outside the tree (for cruscotti to reference) count once.
    for i in plan["indicators"].as_array().into_iter().flatten() {
        codes.insert(i["code"].as_str().unwrap_or_default().to_string());
    }
    codes.extend(referenced);
    (rows, codes.len())
}

fn level_counts(plan: &Value) -> BTreeMap<String, usize> {
    let mut out: BTreeMap<String, usize> = ["area", "strategic", "operational"].iter().map(|l| (l.to_string(), 0)).collect();
    for o in objectives(plan) {
        *out.entry(o["level"].as_str().unwrap_or("?").to_string()).or_default() += 1;
    }
    out
}

fn node_score(evaluation: &Evaluation, id: &str) -> Option<Decimal> {
    evaluation.node(id).and_then(|n| n.score)
}

fn node_published(evaluation: &Evaluation, id: &str) -> Option<Decimal> {
    evaluation.node(id).and_then(|n| n.published.as_ref()).and_then(|p| p.score)
}

/// How the importer read the table's rows, in short: rows per kind (and per role, when
/// the importer gives roles), and the error rows.
fn reading(report: &ImportReport) -> String {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &report.rows {
        *kinds.entry(format!("{:?}", row.kind).to_lowercase()).or_default() += 1;
        *roles.entry(row.role.name()).or_default() += 1;
    }
    fn list<K: std::fmt::Display>(m: &BTreeMap<K, usize>) -> String {
        m.iter().map(|(r, n)| format!("{r} {n}")).collect::<Vec<_>>().join(", ")
    }
    let mut out = format!("    rows read as: {}", list(&kinds));
    if roles.len() > 1 {
        out += &format!("\n    roles: {}", list(&roles));
    }
    for row in report.errors().take(8) {
        let problems: Vec<String> = row.problems.iter().map(|p| format!("{} `{}` (expected {})", p.header, p.text, p.expectation(Lang::En))).collect();
        out += &format!("\n    error row {}: {}", row.row, problems.join("; "));
    }
    if report.errors().count() > 8 {
        out += &format!("\n    … and {} more error rows", report.errors().count() - 8);
    }
    let diagnostics: Vec<String> =
        report.diagnostics.iter().filter(|d| d.is_error()).take(5).map(|d| format!("{} {}: {}", d.code, d.path, d.message(Lang::En))).collect();
    if !diagnostics.is_empty() {
        out += &format!("\n    errors: {}", diagnostics.join(" | "));
    }
    if std::env::var_os("CORPUS_ROWS").is_some() {
        for row in &report.rows {
            let cells: Vec<&str> = row.cells.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
            let text = cells.join(" | ");
            let text: String = text.chars().take(110).collect();
            out += &format!(
                "\n    {:>4} {:<12} {:<12} {:<10} {}",
                row.row,
                format!("{:?}", row.kind).to_lowercase(),
                row.role.name(),
                row.code.as_deref().unwrap_or(""),
                text
            );
        }
    }
    out
}

fn check_table(name: &str, expected: &Value) -> Result<(), String> {
    let table = expected["table"].as_str().unwrap_or_else(|| panic!("{name}: no `table`"));
    let bytes = std::fs::read(corpus_dir().join(table)).unwrap_or_else(|e| panic!("{table}: {e}"));
    let options = ImportOptions {
        year: expected["options"]["year"].as_i64().map(|y| y as i32),
        ente_name: expected["options"]["ente_name"].as_str().map(String::from),
        ..Default::default()
    };
    let report = import_table(&bytes, &options);
    let mut check = Checker { mismatches: Vec::new() };
    let counts = &expected["counts"];

    let errors = report.errors().count();
    let expected_errors = counts["error_rows"].as_u64().unwrap_or(0) as usize;
    if errors != expected_errors {
        check.mismatch("rows that cannot be read", expected_errors, errors);
    }
    let weights_normalised = report.diagnostics.iter().filter(|d| d.code == Code::WeightsNormalised).count();
    let listed = expected["weights_normalised"].as_array().map_or(0, Vec::len);
    if listed > weights_normalised || (listed == 0 && weights_normalised > 0) {
        let what: Vec<String> =
            report.diagnostics.iter().filter(|d| d.code == Code::WeightsNormalised).map(|d| format!("{} ({})", d.path, d.message(Lang::En))).collect();
        check.mismatch("`weights-normalised` warnings", format!("{listed} ({:?})", expected["weights_normalised"]), format!("{weights_normalised} {what:?}"));
    }

    let Some(plan) = &report.plan else {
        let diagnostics: Vec<String> = report.diagnostics.iter().map(|d| format!("{} {}: {}", d.code, d.path, d.message(Lang::En))).take(6).collect();
        check.note(format!("no plan was built; diagnostics: {}", diagnostics.join(" | ")));
        let list: Vec<String> = check.mismatches.iter().map(|m| format!("  - {m}")).collect();
        return Err(format!("{}\n{}", list.join("\n"), reading(&report)));
    };
    let evaluation = evaluate(plan);
    let json = serde_json::to_value(plan).expect("a plan serialises");

    // Counts.
    let cruscotti = json["cruscotti"].as_array().cloned().unwrap_or_default();
    let expected_cruscotti = counts["cruscotti"].as_u64().unwrap_or(0) as usize;
    if cruscotti.len() != expected_cruscotti {
        let names: Vec<String> = cruscotti.iter().map(|c| c["name"].as_str().unwrap_or("").to_string()).collect();
        check.mismatch("cruscotti", expected_cruscotti, format!("{} {names:?}", cruscotti.len()));
    }
    let levels = level_counts(&json);
    for level in ["area", "strategic", "operational"] {
        let want = counts["objectives"][level].as_u64().unwrap_or(0) as usize;
        let got = levels.get(level).copied().unwrap_or(0);
        if want != got {
            check.mismatch(format!("{level} objectives"), want, got);
        }
    }
    let (rows, distinct) = indicator_counts(&json);
    let want_rows = counts["indicator_rows"].as_u64().unwrap_or(0) as usize;
    if rows != want_rows {
        check.mismatch("indicator rows", want_rows, format!("{rows} ({} rows read as indicators)", report.indicators()));
    }
    let want_distinct = counts["indicators"].as_u64().unwrap_or(0) as usize;
    if distinct != want_distinct {
        check.mismatch("distinct indicators", want_distinct, distinct);
    }

    // The ente.
    if expected["ente"].is_object() {
        check.published("ente", &expected["ente"]["published"], node_published(&evaluation, "ENTE"));
        check.score("ente", &expected["ente"]["score"], node_score(&evaluation, "ENTE"));
    }

    // Cruscotti, in order.
    for (n, want) in expected["cruscotti"].as_array().into_iter().flatten().enumerate() {
        let what = format!("cruscotto {}", n + 1);
        let Some(got) = cruscotti.get(n) else {
            check.note(format!("{what} ({}): missing", want["name"].as_str().unwrap_or("")));
            continue;
        };
        let name = got["name"].as_str().unwrap_or("");
        let want_name = want["name"].as_str().unwrap_or("");
        if !fold(name).contains(&fold(want_name)) {
            check.mismatch(format!("{what} name"), format!("…{want_name}…"), format!("`{name}`"));
        }
        let manager = got["manager"].as_str();
        match (want["manager"].as_str(), manager) {
            (None, None) => {}
            (Some(w), Some(m)) if fold(m).contains(&fold(w)) => {}
            (w, m) => check.mismatch(format!("{what} manager"), w.map_or("none".into(), |w| format!("…{w}…")), m.map_or("none".into(), |m| format!("`{m}`"))),
        }
        let code = got["code"].as_str().unwrap_or("");
        let id = format!("cruscotto/{code}");
        check.published(&what, &want["published"], decimal(&got["published"]["score"]));
        check.score(&what, &want["score"], node_score(&evaluation, &id));
    }

    // Objectives, by printed code.
    let all = objectives(&json);
    for want in expected["objectives"].as_array().into_iter().flatten() {
        let code = want["code"].as_str().unwrap_or("");
        let what = format!("objective {code}");
        let found: Vec<&&Value> = all.iter().filter(|o| code_key(o["code"].as_str().unwrap_or("")) == code_key(code)).collect();
        let Some(got) = found.first() else {
            let read: Vec<&str> = all.iter().filter_map(|o| o["code"].as_str()).take(12).collect();
            check.note(format!("{what}: not in the plan (objectives read: {read:?}{})", if all.len() > 12 { " …" } else { "" }));
            continue;
        };
        if found.len() > 1 {
            check.note(format!("{what}: {} objectives have this code", found.len()));
        }
        if let Some(level) = want["level"].as_str() {
            if got["level"].as_str() != Some(level) {
                check.mismatch(format!("{what} level"), level, got["level"].as_str().unwrap_or("none"));
            }
        }
        let id = got["code"].as_str().unwrap_or("");
        check.published(&what, &want["published"], decimal(&got["published"]["score"]));
        check.score(&what, &want["score"], node_score(&evaluation, id));
    }

    // Figures expected to disagree are reported as disagreeing.
    for d in expected["disagreements"].as_array().into_iter().flatten() {
        let (what, id) = if let Some(n) = d["cruscotto"].as_u64() {
            let code = cruscotti.get(n as usize - 1).and_then(|c| c["code"].as_str()).unwrap_or("?");
            (format!("cruscotto {n}"), format!("cruscotto/{code}"))
        } else {
            let code = d["objective"].as_str().unwrap_or("");
            let id =
                all.iter().find(|o| code_key(o["code"].as_str().unwrap_or("")) == code_key(code)).and_then(|o| o["code"].as_str()).unwrap_or(code).to_string();
            (format!("objective {code}"), id)
        };
        match (node_published(&evaluation, &id), node_score(&evaluation, &id)) {
            (Some(p), Some(s)) if !close(p, s, tolerance()) => {}
            (p, s) => {
                check.note(format!("{what}: expected to disagree ({}), got published {} and computed {}", d["why"].as_str().unwrap_or(""), show(p), show(s)))
            }
        }
    }

    // An indicator printed in several cruscotti is one indicator referenced from each.
    let defined = definitions(&json);
    for shared in expected["shared"].as_array().into_iter().flatten() {
        let code = shared["code"].as_str();
        let name = fold(shared["name"].as_str().unwrap_or(""));
        let what = format!("indicator {}", code.map_or_else(|| format!("`{name}…`"), String::from));
        let matches_code = |c: &str| code.is_some_and(|want| code_key(c) == code_key(want) || code_key(c).starts_with(&code_key(want)));
        let matches_name = |c: &str| defined.get(c).is_some_and(|n| fold(n).contains(&name));
        let mut referenced = BTreeSet::new();
        for n in shared["cruscotti"].as_array().into_iter().flatten().filter_map(Value::as_u64) {
            let Some(c) = cruscotti.get(n as usize - 1) else { continue };
            let items = leaf_items(&c["items"]);
            let refs: Vec<&str> = items.iter().filter_map(|i| i["indicator"].as_str()).filter(|r| matches_code(r) || matches_name(r)).collect();
            let owns = items
                .iter()
                .filter(|i| {
                    let own = &i["own"];
                    own["code"].as_str().is_some_and(matches_code) || own["name"].as_str().is_some_and(|n| fold(n).contains(&name))
                })
                .count();
            match (refs.as_slice(), owns) {
                ([one], 0) => {
                    referenced.insert(one.to_string());
                }
                ([], 0) => check.note(format!("{what}: not found in cruscotto {n}")),
                ([], _) => check.note(format!("{what}: cruscotto {n} holds it as its own indicator, not a reference to the one indicator")),
                (many, _) => check.note(format!("{what}: cruscotto {n} references {many:?} and holds {owns} own copies")),
            }
        }
        if referenced.len() > 1 {
            check.note(format!("{what}: the cruscotti reference different indicators {referenced:?}"));
        }
    }

    if check.mismatches.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\n{}", check.mismatches.iter().map(|m| format!("  - {m}")).collect::<Vec<_>>().join("\n"), reading(&report)))
    }
}

#[test]
fn every_corpus_table_imports_to_what_it_shows() {
    let only = std::env::var("CORPUS_TABLE").ok();
    let mut passed = Vec::new();
    let mut failed = Vec::new();
    let mut skipped = Vec::new();
    for (name, expected) in expectations() {
        let table = expected["table"].as_str().unwrap_or("").to_string();
        if only.as_deref().is_some_and(|o| o != table && o != name) {
            continue;
        }
        if table.ends_with(".xlsx") && !cfg!(feature = "xlsx") {
            skipped.push(table);
            continue;
        }
        match check_table(&name, &expected) {
            Ok(()) => passed.push(table),
            Err(why) => failed.push((table, why)),
        }
    }
    println!("import corpus: {} tables pass, {} fail", passed.len(), failed.len());
    for table in &passed {
        println!("  pass {table}");
    }
    for table in &skipped {
        println!("  skip {table} (XLSX needs the core's `xlsx` feature: cargo test -p semaforo-core --features xlsx)");
    }
    if !failed.is_empty() {
        let mut text = String::new();
        for (table, why) in &failed {
            text += &format!("\nFAIL {table}\n{why}\n");
        }
        panic!("{} of {} corpus tables do not import to what they show:\n{text}", failed.len(), failed.len() + passed.len());
    }
}

#[test]
fn every_corpus_table_has_an_expectation_and_every_expectation_a_table() {
    let expected: BTreeSet<String> = expectations().iter().map(|(_, e)| e["table"].as_str().unwrap_or("").to_string()).collect();
    let mut tables = BTreeSet::new();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if [".tsv", ".csv", ".xlsx"].iter().any(|e| name.ends_with(e)) {
            tables.insert(name);
        }
    }
    let without: Vec<&String> = tables.difference(&expected).collect();
    let missing: Vec<&String> = expected.difference(&tables).collect();
    assert!(without.is_empty(), "tables without an expectation: {without:?}");
    assert!(missing.is_empty(), "expectations of missing tables: {missing:?}");
    assert!(tables.len() >= 15, "the corpus holds {} tables", tables.len());
}

/// The structure an import gives: cruscotti, objectives by level, indicator rows and
/// distinct indicators.
fn structure(table: &str, year: Option<i64>) -> String {
    let bytes = std::fs::read(corpus_dir().join(table)).unwrap_or_else(|e| panic!("{table}: {e}"));
    let options = ImportOptions { year: year.map(|y| y as i32), ..Default::default() };
    let report = import_table(&bytes, &options);
    let Some(plan) = &report.plan else { return "no plan".into() };
    let json = serde_json::to_value(plan).unwrap();
    let (rows, distinct) = indicator_counts(&json);
    let names: Vec<&str> = json["cruscotti"].as_array().into_iter().flatten().filter_map(|c| c["name"].as_str()).collect();
    format!(
        "{} cruscotti {names:?}, objectives {:?}, {rows} indicator rows, {distinct} indicators, {} rows read as indicators",
        names.len(),
        level_counts(&json),
        report.rows.iter().filter(|r| r.kind == RowKind::Indicator).count()
    )
}

#[test]
fn tables_without_results_import_to_the_structure_of_their_reported_twin() {
    let mut differ = Vec::new();
    for (name, expected) in expectations() {
        let Some(twin) = expected["twin"].as_str() else { continue };
        let table = expected["table"].as_str().unwrap();
        let twin_expected = expectations()
            .into_iter()
            .find(|(_, e)| e["table"].as_str() == Some(twin))
            .unwrap_or_else(|| panic!("{name}: no expectation for its twin {twin}"))
            .1;
        // The expectations agree with each other, and nothing is published or measured …
        let strip = |v: &Value| {
            let mut c = v["counts"].clone();
            c["error_rows"] = Value::Null;
            c
        };
        assert_eq!(strip(&expected), strip(&twin_expected), "{name} and {twin}: the expected structure differs");
        for list in ["cruscotti", "objectives"] {
            for entry in expected[list].as_array().into_iter().flatten() {
                assert!(entry["published"].is_null() && entry["score"].is_null(), "{name}: {entry}");
            }
        }
        // … and the imports agree.
        let year = expected["options"]["year"].as_i64();
        let (draft, reported) = (structure(table, year), structure(twin, twin_expected["options"]["year"].as_i64()));
        if draft != reported {
            differ.push(format!(
                "{table}: {draft}
{twin}: {reported}"
            ));
        }
    }
    assert!(differ.is_empty(), "drafts that do not import to their twin's structure:\n{}", differ.join("\n\n"));
}
