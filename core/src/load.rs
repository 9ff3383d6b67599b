//! Reading a plan from JSON text, with every structural problem reported by path.
//!
//! A sound plan is read once, straight from the text into [`Plan`]: no generic JSON tree
//! is built, which for a large plan would take several times the memory of the file.
//! Only when that reading fails is the text read as a [`serde_json::Value`], so that all
//! problems can be reported at once: serde stops at the first error, so the typed reading
//! is retried, each time removing the value that failed, until it succeeds or a bound is
//! reached. An error whose path lies above one already reported is a consequence of that
//! removal and is not repeated; nor are the semantic warnings that only follow from a
//! value set aside (a weight that was not a number does not also make the weights "sum
//! to 50").
//!
//! The path of an error is found from where serde_json stopped in the text (its line and
//! column), by scanning the text up to there. Tracking the path during deserialisation
//! (serde_path_to_error) would double the deserialiser's code, and the browser build
//! pays for every kilobyte.

use crate::diagnostic::{has_errors, json, Case, Code, Diagnostic, Param, Problem, Wanted};
use crate::plan::{Plan, FORMAT_VERSION};
use crate::validate::validate;
use serde_json::Value;
use std::fmt::Write;

/// Past this many structural errors the report stops growing: the document is probably
/// not a plan at all, and a longer list would not help its author.
const MAX_STRUCTURAL_ERRORS: usize = 50;

/// serde_json refuses JSON nested deeper than this (arrays and objects inside each other).
const MAX_NESTING: usize = 128;

/// Semantic checks about a group of values (siblings' weights, an indicator's actual):
/// after a value in the group was set aside as malformed, what they say follows from
/// that error and is not reported again.
const FOLLOW_ON_CODES: [Code; 8] = [
    Code::MissingActual,
    Code::WeightsNot100,
    Code::ZeroWeights,
    Code::MissingWeight,
    Code::WeightsOverflow,
    Code::EmptyPlan,
    Code::ActualTargetMismatch,
    Code::UnitMismatch,
];

/// Reads a plan and validates it: the plan if there is no error, otherwise every
/// diagnostic (errors and warnings).
pub fn load_plan(text: &str) -> Result<Plan, Vec<Diagnostic>> {
    match check_plan(text) {
        (Some(plan), diagnostics) if !has_errors(&diagnostics) => Ok(plan),
        (_, diagnostics) => Err(diagnostics),
    }
}

/// Every problem of a plan text, structural and semantic, and the plan when its
/// structure is sound. When structural errors were found, the semantic checks still run
/// on what remains once the faulty values are set aside, so one pass reports all.
pub fn check_plan(text: &str) -> (Option<Plan>, Vec<Diagnostic>) {
    match read_structure(text) {
        Structure::Sound(plan) => {
            let diagnostics = validate(&plan);
            (Some(plan), diagnostics)
        }
        Structure::Faulty { mut diagnostics, rest, removals } => {
            if let Some(rest) = rest {
                let structural: Vec<String> = diagnostics.iter().map(|d| d.path.clone()).collect();
                for mut d in validate(&rest) {
                    d.path = render(&removals.original_path(&parse_path(&d.path)));
                    let follows = structural.iter().any(|s| is_ancestor(s, &d.path) || (is_ancestor(&d.path, s) && FOLLOW_ON_CODES.contains(&d.code)));
                    if !follows {
                        diagnostics.push(d);
                    }
                }
            }
            (None, diagnostics)
        }
    }
}

/// Reads a plan's structure without semantic validation.
pub fn parse_plan(text: &str) -> Result<Plan, Vec<Diagnostic>> {
    match read_structure(text) {
        Structure::Sound(plan) => Ok(plan),
        Structure::Faulty { diagnostics, .. } => Err(diagnostics),
    }
}

enum Structure {
    Sound(Plan),
    /// The structural errors, and the plan that remains without the faulty values.
    Faulty {
        diagnostics: Vec<Diagnostic>,
        rest: Option<Plan>,
        removals: Removals,
    },
}

fn read_structure(text: &str) -> Structure {
    let faulty = |d: Diagnostic| Structure::Faulty { diagnostics: vec![d], rest: None, removals: Removals::default() };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_error = match typed(text) {
        Ok(mut plan) if plan.version == FORMAT_VERSION => {
            shrink(&mut plan.ente.objectives);
            plan.indicators.shrink_to_fit();
            return Structure::Sound(plan);
        }
        Ok(plan) => return faulty(unsupported_version(&plan.version.to_string())),
        Err(error) => error,
    };
    let mut value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return faulty(malformed_json(&e)),
    };
    if let Some(problem) = check_version(&value) {
        return faulty(problem);
    }
    // A repeated key is lost silently by every JSON reader: the tree kept the last one.
    let duplicates = duplicate_keys(text);
    let mut diagnostics: Vec<Diagnostic> =
        duplicates.iter().map(|(path, key)| Diagnostic::new(render(path), Code::DuplicateKey, [Param::Key(key.clone())])).collect();
    let mut removals = Removals::default();
    // Object fields removed so far (working paths), in case one turns out to be required.
    let mut set_aside: Vec<Path> = Vec::new();
    // The first failure was of the author's own text; retries read the trimmed tree.
    let mut pending = Some(first_error);
    loop {
        let of_the_text = pending.is_some();
        let reading = match pending.take() {
            Some(error) => Err(error),
            None => typed(&value.to_string()),
        };
        let error = match reading {
            Ok(plan) if diagnostics.is_empty() => return Structure::Sound(plan),
            Ok(plan) => return Structure::Faulty { diagnostics, rest: Some(plan), removals },
            Err(error) => error,
        };
        if restore_placeholder(&mut value, &error, &set_aside) {
            continue;
        }
        let unknown_field = unknown_field_name(&error.message);
        let missing_field = missing_field_name(&error.message);
        let mut working_path = error.path.clone();
        if let Some(field) = &unknown_field {
            if working_path.last() != Some(&Step::Key(field.clone())) {
                working_path.push(Step::Key(field.clone()));
            }
        }
        // A missing field is reported where it belongs; what is set aside is the object
        // that lacks it (its placeholders were refused).
        let mut problem_path = working_path.clone();
        if let Some(field) = &missing_field {
            problem_path.push(Step::Key(field.clone()));
        }
        // The reading of the text stopped at a repeated key, already reported; the tree,
        // which the next readings read, holds it once.
        if of_the_text && duplicates.iter().any(|(path, _)| problem_path.starts_with(path) || path.starts_with(&problem_path)) {
            continue;
        }
        let original = removals.original_path(&problem_path);
        let reported_path = render(&original);
        let is_consequence =
            diagnostics.iter().any(|d| is_ancestor(&reported_path, &d.path) || (is_ancestor(&d.path, &reported_path) && missing_field.is_some()));
        if !is_consequence {
            let code = if unknown_field.is_some() { Code::UnknownField } else { Code::WrongShape };
            diagnostics.push(Diagnostic::new(reported_path, code, problem_params(&error.message, &original, &value)));
        }
        let removed = remove_at(&mut value, &working_path, &mut removals);
        if removed && !matches!(working_path.last(), Some(Step::Index(_))) {
            set_aside.push(working_path.clone());
        }
        if !removed || diagnostics.len() >= MAX_STRUCTURAL_ERRORS || working_path.is_empty() {
            return Structure::Faulty { diagnostics, rest: None, removals };
        }
    }
}

/// Gives back the room the reader's lists grew into: filled by doubling, the lists of
/// a large plan keep about a third of their room empty for as long as the plan lives.
fn shrink(objectives: &mut Vec<crate::plan::Objective>) {
    objectives.shrink_to_fit();
    for objective in objectives {
        objective.indicators.shrink_to_fit();
        shrink(&mut objective.objectives);
    }
}

fn malformed_json(error: &serde_json::Error) -> Diagnostic {
    let (line, column) = (Param::Line(error.line() as u64), Param::Column(error.column() as u64));
    if error.to_string().starts_with("recursion limit exceeded") {
        return Diagnostic::new("", Code::MalformedJson, [Param::Case(Case::TooDeep), Param::Max(MAX_NESTING as u64), line, column]);
    }
    Diagnostic::json("", Code::MalformedJson, error)
}

fn unsupported_version(found: &str) -> Diagnostic {
    Diagnostic::new("version", Code::UnsupportedVersion, [Param::Version(FORMAT_VERSION.into()), Param::Json(found.to_string())])
}

/// Values tried in place of a required field that was set aside, so that the rest of
/// the plan can still be read and checked: the first one that the typed reading accepts
/// there stays. It never reaches the user: the plan is not loaded while errors remain.
const PLACEHOLDERS: [&str; 6] = [r#""0""#, "0", r#""""#, r#""2000-01-01""#, "[]", "false"];

/// When the reading misses a field that was set aside earlier (it was required, of the
/// wrong type), puts a placeholder there; true when one was accepted.
fn restore_placeholder(root: &mut Value, error: &TypedError, set_aside: &[Path]) -> bool {
    let Some(field) = missing_field_name(&error.message) else {
        return false;
    };
    let mut path = error.path.clone();
    path.push(Step::Key(field.clone()));
    if !set_aside.contains(&path) {
        return false;
    }
    for placeholder in PLACEHOLDERS {
        let candidate: Value = serde_json::from_str(placeholder).expect("placeholders are JSON");
        match walk_mut(root, &error.path) {
            Some(Value::Object(map)) => map.insert(field.clone(), candidate),
            _ => return false,
        };
        // Accepted when the reading no longer stops at (or inside) this field.
        match typed(&root.to_string()) {
            Err(next) if next.path.starts_with(&path) => {}
            _ => return true,
        }
    }
    if let Some(Value::Object(map)) = walk_mut(root, &error.path) {
        map.remove(&field);
    }
    false
}

fn walk_mut<'v>(root: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    let mut node = root;
    for step in steps {
        node = match step {
            Step::Key(k) => node.as_object_mut()?.get_mut(k)?,
            Step::Index(i) => node.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(node)
}

fn walk<'v>(root: &'v Value, steps: &[Step]) -> Option<&'v Value> {
    let mut node = root;
    for step in steps {
        node = match step {
            Step::Key(k) => node.as_object()?.get(k)?,
            Step::Index(i) => node.as_array()?.get(*i)?,
        };
    }
    Some(node)
}

/// Array elements removed so far, so that paths are reported with the indices of the
/// file the author wrote, not of the trimmed copy.
#[derive(Default)]
struct Removals(Vec<(Path, usize)>);

impl Removals {
    fn original_path(&self, working: &[Step]) -> Path {
        let mut out: Path = Vec::with_capacity(working.len());
        for step in working {
            match step {
                Step::Key(k) => out.push(Step::Key(k.clone())),
                Step::Index(i) => {
                    let mut i = *i;
                    for (array, removed) in self.0.iter().rev() {
                        if *array == out && i >= *removed {
                            i += 1;
                        }
                    }
                    out.push(Step::Index(i));
                }
            }
        }
        out
    }
}

/// A typed reading that failed: where, and serde's message without its position.
struct TypedError {
    path: Path,
    message: String,
}

fn typed(text: &str) -> Result<Plan, TypedError> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        TypedError { path: path_at(text, offset_of(text, e.line(), e.column())), message }
    })
}

/// What serde refused, as data (`diagnostic::json`); where serde only says "expected
/// value", what the format expects at `path`.
fn problem_params(message: &str, path: &[Step], root: &Value) -> Vec<Param> {
    if message == "expected value" {
        return expectation(path, root).unwrap_or_else(|| vec![Param::Problem(Problem::MissingValue)]);
    }
    json::data(message)
}

/// The choices of the format's enumerations, by the field that holds them. Written out
/// (asking serde for them would compile a reader per type into the browser build); a test
/// holds each list equal to what serde accepts.
const CHOICES: [(&str, &[&str]); 9] = [
    ("level", &["area", "strategic", "operational"]),
    ("unit", &["percent", "number", "days", "euro", "date", "flag"]),
    ("unit_kind", &["area", "servizio", "ufficio", "azienda_speciale"]),
    ("kind", &["efficacia", "efficienza", "qualita", "volume", "outcome", "struttura", "salute_economica"]),
    ("perspective", &["utenti_imprese_territorio", "processi_interni", "apprendimento_crescita", "economico_finanziaria"]),
    ("verdict", &["raggiunto", "parzialmente_raggiunto", "non_raggiunto", "non_valutabile"]),
    ("score_from", &["indicators", "children", "both"]),
    ("missed", &["zero", "ratio"]),
    ("actual", &["value", "ratio", "date", "flag", "not_evaluable", "not_available"]),
];

fn choices(field: &str) -> Option<Vec<String>> {
    CHOICES.iter().find(|(name, _)| *name == field).map(|(_, choices)| choices.iter().map(|c| c.to_string()).collect())
}

/// What the format expects at `path`, from the choices of the type that is read there.
fn expectation(path: &[Step], root: &Value) -> Option<Vec<Param>> {
    fn key(step: Option<&Step>) -> Option<&str> {
        match step {
            Some(Step::Key(k)) => Some(k.as_str()),
            _ => None,
        }
    }
    let last = key(path.last())?;
    let in_units = matches!(path.first(), Some(Step::Key(k)) if k == "units");
    let field = match last {
        "kind" if in_units => "unit_kind",
        "at_most_missed" | "equal_missed" => "missed",
        // The first key of an actual that holds more than one.
        _ if key(path.iter().rev().nth(1)) == Some("actual") => {
            let keys = walk(root, &path[..path.len() - 1])?.as_object()?.keys().cloned().collect::<Vec<_>>();
            return Some(vec![Param::Problem(Problem::SeveralKeys), Param::Choices(choices("actual")?), Param::Keys(keys)]);
        }
        other => other,
    };
    let mut params = vec![Param::Problem(Problem::MissingValue), Param::Choices(choices(field)?)];
    if field == "actual" {
        params.push(Param::Wanted(Wanted::Actual));
    }
    Some(params)
}

/// The byte offset of serde_json's 1-based line and column (columns count bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + column).min(text.len())
}

/// One JSON string starting at `bytes[start]` (a quote): its end (the closing quote) and
/// its value with escapes resolved (`"\u0063olour"` is the key `colour`).
fn string_at(text: &str, start: usize) -> (usize, Option<String>) {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    // An unterminated string (truncated text) has no value.
    let raw = text.get(start..=i).filter(|raw| raw.len() >= 2 && raw.ends_with('"'));
    let value = raw.and_then(|raw| match raw.contains('\\') {
        true => serde_json::from_str(raw).ok(),
        false => raw.get(1..raw.len() - 1).map(str::to_string),
    });
    (i, value)
}

/// The JSON path of the value being read at byte `offset` of `text`: at each open level,
/// the key last read (objects) or the element's position (arrays). Scanning stops at
/// `offset`, so a value that was just read is still the current one.
fn path_at(text: &str, offset: usize) -> Path {
    scan(text, offset).0
}

/// Every key written twice in one object: the path of its second occurrence, and the key.
fn duplicate_keys(text: &str) -> Vec<(Path, String)> {
    scan(text, text.len()).1
}

/// Reads the structure of `text` up to byte `end`, without building a tree: the path of
/// the value being read there, and the keys repeated in an object before it.
fn scan(text: &str, end: usize) -> (Path, Vec<(Path, String)>) {
    enum Open {
        Object { keys: std::collections::HashSet<String>, current: Option<String> },
        Array(usize),
    }
    fn path(stack: &[Open]) -> Path {
        stack
            .iter()
            .filter_map(|level| match level {
                Open::Object { current: Some(key), .. } => Some(Step::Key(key.clone())),
                Open::Object { current: None, .. } => None,
                Open::Array(n) => Some(Step::Index(*n)),
            })
            .collect()
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut expecting_key = false;
    let mut repeated = Vec::new();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                stack.push(Open::Object { keys: Default::default(), current: None });
                expecting_key = true;
            }
            b'[' => stack.push(Open::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Array(n)) => *n += 1,
                Some(Open::Object { .. }) => expecting_key = true,
                None => {}
            },
            b'"' => {
                let (string_end, string) = string_at(text, i);
                if expecting_key {
                    if let (Some(Open::Object { keys, current }), Some(key)) = (stack.last_mut(), string) {
                        let again = !keys.insert(key.clone());
                        *current = Some(key.clone());
                        if again {
                            repeated.push((path(&stack), key));
                        }
                    }
                    expecting_key = false;
                }
                i = string_end;
            }
            _ => {}
        }
        i += 1;
    }
    (path(&stack), repeated)
}

fn check_version(value: &Value) -> Option<Diagnostic> {
    let Some(object) = value.as_object() else {
        return Some(Diagnostic::new("", Code::WrongShape, [Param::Case(Case::NotObject)]));
    };
    match object.get("version") {
        Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => None,
        Some(v) => Some(unsupported_version(&v.to_string())),
        None => Some(Diagnostic::new("version", Code::MissingVersion, [Param::Version(FORMAT_VERSION.into())])),
    }
}

fn missing_field_name(message: &str) -> Option<String> {
    message.strip_prefix("missing field `")?.strip_suffix('`').map(str::to_string)
}

fn unknown_field_name(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// `a.b` is an ancestor of `a.b[0].c` (and of itself).
fn is_ancestor(ancestor: &str, path: &str) -> bool {
    ancestor.is_empty() || path == ancestor || (path.starts_with(ancestor) && matches!(path.as_bytes().get(ancestor.len()), Some(b'.') | Some(b'[')))
}

/// One step of a JSON path: an object's key or an array's index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

type Path = Vec<Step>;

/// `ente.objectives[0].weight`; a key that is not a plain name is written in brackets,
/// as JSON (`ente["a.b"]`), so that a key with a dot cannot be mistaken for two.
fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Key(k) => {
                let _ = write!(out, "[{}]", serde_json::to_string(k).unwrap_or_default());
            }
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    out
}

/// The steps of a path as [`render`] writes it.
fn parse_path(path: &str) -> Path {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            rest = after;
        } else if rest.starts_with("[\"") {
            // A quoted key: up to the closing quote that is not escaped.
            let (end, key) = string_at(rest, 1);
            out.push(Step::Key(key.unwrap_or_default()));
            rest = rest.get(end + 2..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']').unwrap_or(after.len());
            if let Ok(i) = after[..close].parse() {
                out.push(Step::Index(i));
            }
            rest = after.get(close + 1..).unwrap_or("");
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            out.push(Step::Key(rest[..end].to_string()));
            rest = &rest[end..];
        }
    }
    out
}

/// Removes the value at `path`; false when there is nothing there to remove.
fn remove_at(root: &mut Value, path: &[Step], removals: &mut Removals) -> bool {
    let Some((last, parents)) = path.split_last() else { return false };
    let Some(node) = walk_mut(root, parents) else { return false };
    match (last, node) {
        (Step::Key(k), Value::Object(map)) => map.remove(k).is_some(),
        (Step::Index(i), Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
            removals.0.push((removals.original_path(parents), *i));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Actual, IndicatorKind, Level, MeasureUnit, MissedRule, Perspective, ScoreFrom, UnitKind, Verdict};
    use serde::de::DeserializeOwned;

    /// The variants serde accepts, from its own message for an impossible one.
    fn choices_of<T: DeserializeOwned>() -> String {
        let message = serde_json::from_str::<T>(r#""""#).err().unwrap().to_string();
        // "expected one of `a`, `b`, `c`", or "expected `a` or `b`" for two.
        let start = message.find("expected ").unwrap() + "expected ".len();
        let listed = &message[start..message.rfind(" at line ").unwrap()];
        listed.trim_start_matches("one of ").replace("` or `", "`, `")
    }

    #[test]
    fn the_choices_in_messages_are_the_ones_serde_accepts() {
        let expected = [
            ("level", choices_of::<Level>()),
            ("unit", choices_of::<MeasureUnit>()),
            ("unit_kind", choices_of::<UnitKind>()),
            ("kind", choices_of::<IndicatorKind>()),
            ("perspective", choices_of::<Perspective>()),
            ("verdict", choices_of::<Verdict>()),
            ("score_from", choices_of::<ScoreFrom>()),
            ("missed", choices_of::<MissedRule>()),
            ("actual", choices_of::<Actual>()),
        ];
        for (field, serde_says) in expected {
            let listed = choices(field).map(|c| c.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "));
            assert_eq!(listed, Some(serde_says), "{field}");
        }
    }

    fn paths(text: &str) -> Vec<String> {
        let (_, diagnostics) = check_plan(text);
        diagnostics.into_iter().map(|d| format!("{} {}", d.code, d.path)).collect()
    }

    #[test]
    fn malformed_json_and_versions_are_reported_first() {
        assert_eq!(paths("{"), vec!["malformed-json "]);
        assert_eq!(paths("[]"), vec!["wrong-shape "]);
        assert_eq!(paths(r#"{"ente": {}}"#), vec!["missing-version version"]);
        assert_eq!(paths(r#"{"version": 2}"#), vec!["unsupported-version version"]);
    }

    #[test]
    fn paths_keep_the_indices_of_the_file_after_a_bad_element_is_set_aside() {
        let text = r#"{"version": 1, "ente": {"code": "ENTE", "name": "E", "year": 2023, "objectives": [
            {"code": "A", "level": "area", "name": "a", "indicators": [
              {"code": "I0", "name": "x", "unit": "metres"},
              {"code": "I1", "name": "y", "unit": "number", "wrong": 1},
              {"code": "I2", "name": "z", "unit": "number", "weight": "-1"}
            ]}]}}"#;
        let found = paths(text);
        assert!(found.contains(&"wrong-shape ente.objectives[0].indicators[0].unit".to_string()), "{found:?}");
        assert!(found.contains(&"unknown-field ente.objectives[0].indicators[1].wrong".to_string()), "{found:?}");
        assert!(found.contains(&"negative-weight ente.objectives[0].indicators[2].weight".to_string()), "{found:?}");
    }

    #[test]
    fn a_required_field_of_the_wrong_type_does_not_hide_the_other_problems() {
        let text = r#"{"version": 1, "ente": {"code": "X", "name": "E", "year": "2023", "objectives": [
            {"code": "A", "level": "area", "name": "a", "colour": 1, "weight": "-1"},
            {"code": "A", "level": "area", "name": "b", "weight": "2"}]}}"#;
        let found = paths(text);
        for expected in [
            "wrong-shape ente.year",
            "unknown-field ente.objectives[0].colour",
            "ente-code ente.code",
            "negative-weight ente.objectives[0].weight",
            "duplicate-code ente.objectives[1].code",
        ] {
            assert!(found.contains(&expected.to_string()), "{expected} missing from {found:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = "\u{feff}{\"version\": 1, \"ente\": {\"code\": \"ENTE\", \"name\": \"E\", \"year\": 2023}}";
        assert!(load_plan(text).is_ok());
    }
}
