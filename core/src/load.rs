//! Reading a plan from JSON text, with every structural problem reported by path.
//!
//! serde stops at the first error. To report them all at once, the text is first read
//! as a [`serde_json::Value`]; the typed reading is then retried, each time removing the
//! value that failed, until it succeeds or a bound is reached. An error whose path lies
//! above one already reported is a consequence of that removal and is not repeated.
//!
//! The path of an error is found from where serde_json stopped in the text (its line and
//! column), by scanning the text up to there. Tracking the path during deserialisation
//! (serde_path_to_error) would double the deserialiser's code, and the browser build
//! pays for every kilobyte.

use crate::diagnostic::{has_errors, Diagnostic};
use crate::plan::{Plan, FORMAT_VERSION};
use crate::validate::validate;
use serde_json::Value;

/// Past this many structural errors the report stops growing: the document is probably
/// not a plan at all, and a longer list would not help its author.
const MAX_STRUCTURAL_ERRORS: usize = 50;

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
                for mut d in validate(&rest) {
                    d.path = removals.original_path(&d.path);
                    if !diagnostics.iter().any(|e| e.path == d.path) {
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
    Faulty { diagnostics: Vec<Diagnostic>, rest: Option<Plan>, removals: Removals },
}

fn read_structure(text: &str) -> Structure {
    let faulty = |d: Diagnostic| Structure::Faulty { diagnostics: vec![d], rest: None, removals: Removals::default() };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            return faulty(Diagnostic::error(
                "",
                "malformed-json",
                format!("the file is not valid JSON: {e}"),
            ))
        }
    };
    if let Some(problem) = check_version(&value) {
        return faulty(problem);
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut removals = Removals::default();
    // Object fields removed so far (working paths), in case one turns out to be required.
    let mut set_aside: Vec<String> = Vec::new();
    // The first reading is of the author's own text; retries read the trimmed value.
    let mut first = Some(text);
    loop {
        let reading = match first.take() {
            Some(text) => typed(text),
            None => typed(&value.to_string()),
        };
        match reading {
            Ok(plan) if diagnostics.is_empty() => return Structure::Sound(plan),
            Ok(plan) => return Structure::Faulty { diagnostics, rest: Some(plan), removals },
            Err(error) if restore_placeholder(&mut value, &error, &set_aside) => {}
            Err(error) => {
                let path = error.path;
                let message = error.message;
                let unknown_field = unknown_field_name(&message);
                let working_path = match (&unknown_field, path.is_empty()) {
                    (Some(field), true) => field.clone(),
                    (Some(field), false) if !path.ends_with(field.as_str()) => format!("{path}.{field}"),
                    _ => path.clone(),
                };
                let reported_path = removals.original_path(&working_path);
                let is_consequence = diagnostics.iter().any(|d| is_ancestor(&reported_path, &d.path));
                if !is_consequence {
                    let code = if unknown_field.is_some() { "unknown-field" } else { "wrong-shape" };
                    diagnostics.push(Diagnostic::error(reported_path, code, message));
                }
                let removed = remove_at(&mut value, &working_path, &mut removals);
                if removed && !working_path.ends_with(']') {
                    set_aside.push(working_path.clone());
                }
                if !removed || diagnostics.len() >= MAX_STRUCTURAL_ERRORS || working_path.is_empty() {
                    return Structure::Faulty { diagnostics, rest: None, removals };
                }
            }
        }
    }
}

/// Values tried in place of a required field that was set aside, so that the rest of
/// the plan can still be read and checked: the first one that the typed reading accepts
/// there stays. It never reaches the user: the plan is not loaded while errors remain.
const PLACEHOLDERS: [&str; 6] = [r#""0""#, "0", r#""""#, r#""2000-01-01""#, "[]", "false"];

/// When the reading misses a field that was set aside earlier (it was required, of the
/// wrong type), puts a placeholder there; true when one was accepted.
fn restore_placeholder(root: &mut Value, error: &TypedError, set_aside: &[String]) -> bool {
    let Some(field) = error.message.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) else {
        return false;
    };
    let path = if error.path.is_empty() { field.to_string() } else { format!("{}.{field}", error.path) };
    if !set_aside.contains(&path) {
        return false;
    }
    for placeholder in PLACEHOLDERS {
        let candidate: Value = serde_json::from_str(placeholder).expect("placeholders are JSON");
        match pointer_mut(root, &error.path) {
            Some(Value::Object(map)) => map.insert(field.to_string(), candidate),
            _ => return false,
        };
        // Accepted when the reading no longer stops at (or inside) this field.
        match typed(&root.to_string()) {
            Err(next) if is_ancestor(&path, &next.path) => {}
            _ => return true,
        }
    }
    if let Some(Value::Object(map)) = pointer_mut(root, &error.path) {
        map.remove(field);
    }
    false
}

fn pointer_mut<'v>(root: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    walk_mut(root, &steps(path))
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

/// Array elements removed so far, so that paths are reported with the indices of the
/// file the author wrote, not of the trimmed copy.
#[derive(Default)]
struct Removals(Vec<(String, usize)>);

impl Removals {
    fn original_path(&self, working: &str) -> String {
        let mut out = String::new();
        for step in steps(working) {
            match step {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&k);
                }
                Step::Index(mut i) => {
                    for (array, removed) in self.0.iter().rev() {
                        if *array == out && i >= *removed {
                            i += 1;
                        }
                    }
                    out.push_str(&format!("[{i}]"));
                }
            }
        }
        out
    }
}

/// A typed reading that failed: where, and serde's message without its position.
struct TypedError {
    path: String,
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

/// The byte offset of serde_json's 1-based line and column (columns count bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + column).min(text.len())
}

/// The JSON path of the value being read at byte `offset` of `text`: at each open level,
/// the key last read (objects) or the element's position (arrays). Scanning stops at
/// `offset`, so a value that was just read is still the current one.
fn path_at(text: &str, offset: usize) -> String {
    enum Open {
        Object(Option<String>),
        Array(usize),
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                stack.push(Open::Object(None));
                expecting_key = true;
            }
            b'[' => stack.push(Open::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Array(n)) => *n += 1,
                Some(Open::Object(_)) => expecting_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Open::Object(key)) = stack.last_mut() {
                        *key = text.get(start..i).map(str::to_string);
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for level in stack {
        match level {
            Open::Object(Some(key)) if path.is_empty() => path.push_str(&key),
            Open::Object(Some(key)) => {
                path.push('.');
                path.push_str(&key);
            }
            Open::Object(None) => {}
            Open::Array(n) => path.push_str(&format!("[{n}]")),
        }
    }
    path
}

fn check_version(value: &Value) -> Option<Diagnostic> {
    let Some(object) = value.as_object() else {
        return Some(Diagnostic::error("", "wrong-shape", "a plan is a JSON object with `version`, `ente` and `policy`"));
    };
    match object.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => None,
        Some(v) => Some(Diagnostic::error(
            "version",
            "unsupported-version",
            format!("this is a plan of format version {v}; this Semaforo reads version {FORMAT_VERSION}"),
        )),
        None => Some(Diagnostic::error(
            "version",
            "missing-version",
            format!("expected `\"version\": {FORMAT_VERSION}` at the top of the plan"),
        )),
    }
}

fn unknown_field_name(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// `a.b` is an ancestor of `a.b[0].c` (and of itself).
fn is_ancestor(ancestor: &str, path: &str) -> bool {
    ancestor.is_empty()
        || path == ancestor
        || (path.starts_with(ancestor) && matches!(path.as_bytes().get(ancestor.len()), Some(b'.') | Some(b'[')))
}

enum Step {
    Key(String),
    Index(usize),
}

/// Splits `a.b[2].c` into steps. Keys with dots or brackets are not in the format.
fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                out.push(Step::Key(rest[..open].to_string()));
            }
            rest = &rest[open..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let close = stripped.find(']').unwrap_or(stripped.len());
                if let Ok(i) = stripped[..close].parse() {
                    out.push(Step::Index(i));
                }
                rest = stripped.get(close + 1..).unwrap_or("");
            }
        } else {
            out.push(Step::Key(rest.to_string()));
        }
    }
    out
}

/// Removes the value at `path`; false when there is nothing there to remove.
fn remove_at(root: &mut Value, path: &str, removals: &mut Removals) -> bool {
    let steps = steps(path);
    let Some((last, parents)) = steps.split_last() else { return false };
    let Some(node) = walk_mut(root, parents) else { return false };
    match (last, node) {
        (Step::Key(k), Value::Object(map)) => map.remove(k).is_some(),
        (Step::Index(i), Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
            let array_path = removals.original_path(path.rsplit_once('[').map_or("", |(head, _)| head));
            removals.0.push((array_path, *i));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
