//! Every diagnostic code's message in Italian and in English, rendered from the
//! parameters of a real call site: each case of `common::CASES` (the same inputs as
//! `diagnostic_codes.rs` and `docs/plan-format.md`) is read, and every diagnostic it
//! reports is rendered in both languages. A message fails when its template names a
//! parameter the diagnostic lacks, when it is empty, when it is the same in both
//! languages, when it holds a word that gives the other language away, when its numbers
//! use the other language's decimal separator, or when a problem found at a row does not
//! say the row. Codes, paths and quoted text (`ENTE`, “Piano”) are the user's or the
//! format's, and are left out of the word checks. The documentation's texts are checked
//! against these renderings too.

mod common;

use common::{diagnostics, documentation, Input, CASES};
use semaforo_core::{Code, Diagnostic, Lang};

/// Words an Italian message never has (outside quotes), and an English one.
const NOT_ITALIAN: &[&str] = &[" the ", " is ", " not ", "expected", "weight", "should", " of ", " and ", " found", " cannot "];
const NOT_ENGLISH: &[&str] = &[" il ", " non ", " della ", "atteso", "peso", "deve", " di ", " che ", " sono ", " nel ", " trovato"];

/// `text` without what is quoted: `code`, “text”, "text".
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '`' => closing = Some('`'),
                '“' => closing = Some('”'),
                '"' => closing = Some('"'),
                c => out.push(c),
            },
        }
    }
    out
}

/// A decimal written with `separator` (`,` in Italian, `.` in English) where the other
/// language writes its decimals: a digit, the separator, then one, two or more than three
/// digits (three are a thousands group).
fn foreign_decimal(text: &str, separator: char) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != separator || i == 0 || !chars[i - 1].is_ascii_digit() {
            continue;
        }
        let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && digits != 3 {
            let before = chars[..i].iter().rev().take_while(|c| c.is_ascii_digit()).count();
            return Some(chars[i - before..i + 1 + digits].iter().collect());
        }
    }
    None
}

/// What is wrong with `d`'s two messages.
fn problems(d: &Diagnostic) -> Vec<String> {
    let mut out = Vec::new();
    let mut texts = Vec::new();
    for (lang, foreign, other_separator) in [(Lang::It, NOT_ITALIAN, '.'), (Lang::En, NOT_ENGLISH, ',')] {
        let text = match d.try_message(lang) {
            Ok(text) => text,
            Err(missing) => {
                out.push(format!("{lang:?}: {missing}"));
                continue;
            }
        };
        if text.trim().is_empty() {
            out.push(format!("{lang:?}: empty"));
        }
        let bare = format!(" {} ", unquoted(&text).to_lowercase());
        for word in foreign.iter().filter(|w| bare.contains(*w)) {
            out.push(format!("{lang:?}: “{}” in: {text}", word.trim()));
        }
        if let Some(number) = foreign_decimal(&unquoted(&text), other_separator) {
            out.push(format!("{lang:?}: the number “{number}” is written the other language's way in: {text}"));
        }
        if let Some(row) = d.params.row() {
            if !text.contains(&row.to_string()) {
                out.push(format!("{lang:?}: the problem is at row {row}, and the message does not say so: {text}"));
            }
        }
        texts.push(text);
    }
    if let [it, en] = &texts[..] {
        if it == en {
            out.push(format!("the same text in both languages: {it}"));
        }
    }
    out
}

/// The codes whose case is a workbook: rendered only with the `xlsx` feature.
fn needs_xlsx(code: Code) -> bool {
    CASES.iter().filter(|c| c.code == code).all(|c| matches!(c.input, Input::Sheet(_)))
}

#[test]
fn every_code_says_its_message_in_italian_and_in_english() {
    let mut failures = Vec::new();
    let mut rendered: Vec<Code> = Vec::new();
    for case in CASES {
        let Some(found) = diagnostics(&case.input) else { continue };
        // Every diagnostic the input gives, not only the case's: the smallest inputs also
        // give `empty-plan`, `no-ente-name`, `no-year`.
        for d in &found {
            rendered.push(d.code);
            failures.extend(problems(d).into_iter().map(|p| format!("{} {}: {p}", d.code, d.path)));
        }
    }
    for &code in Code::ALL {
        if !rendered.contains(&code) && (!needs_xlsx(code) || cfg!(feature = "xlsx")) {
            failures.push(format!("{code}: no case renders it"));
        }
    }
    failures.dedup();
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
    if std::env::var_os("SEMAFORO_PRINT_MESSAGES").is_some() {
        for case in CASES {
            for d in diagnostics(&case.input).into_iter().flatten().filter(|d| d.code == case.code && d.path == case.path) {
                println!("{}\t{}\t{}", d.code, d.message(Lang::It), d.message(Lang::En));
            }
        }
    }
}

/// Sentences of codes that the smallest cases do not reach: each alternative of serde's
/// problems, of the policy's ranges, of quotes in a CSV. Each is a plan or a table, read
/// as a user would give it.
#[test]
fn the_other_sentences_of_each_code_are_said_in_both_languages_too() {
    let plan = |snippet: &str| semaforo_core::check_plan(&common::merged(snippet)).1;
    let table = |lines: &[&str]| semaforo_core::import::import_text(&lines.join("\n"), &Default::default()).diagnostics;
    let inputs: Vec<Vec<Diagnostic>> = vec![
        plan(r#"{"ente": {"objectives": [{"code": "A", "level": "zona", "name": "a"}]}}"#),
        plan(r#"{"ente": {"objectives": [{"code": "A", "level": 3, "name": "a"}]}}"#),
        plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area"}]}}"#),
        plan(r#"{"ente": {"objectives": {"code": "A"}}}"#),
        plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "a", "weight": "81,5"}]}}"#),
        plan(r#"{"ente": {"objectives": [{"code": "A", "level": "area", "name": "a", "weight": true}]}}"#),
        plan(r#"{"ente": {"indicators": [{"code": "I", "name": "i", "unit": "number", "target": {"op": "by", "date": "31/12/2023"}}]}}"#),
        plan(r#"{"ente": {"indicators": [{"code": "I", "name": "i", "unit": "number", "actual": {"value": "1", "date": "2023-01-01"}}]}}"#),
        plan(r#"{"ente": {"indicators": [{"code": "I", "name": "i", "unit": "number", "actual": {}}]}}"#),
        plan(r#"{"ente": {"indicators": [{"code": "I", "name": "i", "unit": "number", "actual": {"ratio": {"numerator": "1", "denominator": "0"}}}]}}"#),
        plan(r#"{"ente": {"year": 2023.5, "name": 7}}"#),
        plan(r#"{"policy": {"tolerance": "150", "late_penalty_per_day": "-1", "display_decimals": -1}}"#),
        plan(r#"{"units": [{"code": "U", "name": "u", "kind": "ufficio", "parent": "V"}], "sources": [{"id": "S", "title": "t"}, {"id": "S", "title": "u"}]}"#),
        plan(
            r#"{"cruscotti": [{"code": "C/1", "name": "c", "unit": "X", "items": [{"objective": "NOPE"}, {"indicator": "NOPE", "weight": "1"}, {"own": {"code": "O", "name": "o", "unit": "number"}, "weight": "-1"}, {"own": {"code": "O", "name": "o", "unit": "number"}, "weight": "0"}]}]}"#,
        ),
        plan(
            r#"{"ente": {"objectives": [{"code": "unit/A", "level": "operational", "name": "a", "objectives": [{"code": "B", "level": "strategic", "name": "b"}], "indicators": [{"code": "cruscotto/I", "name": "i", "unit": "number", "target": {"op": ">=", "value": "1"}, "actual": {"date": "2023-01-01"}}]}]}}"#,
        ),
        semaforo_core::check_plan("[1]").1,
        semaforo_core::check_plan("").1,
        semaforo_core::check_plan(r#"{"version": 1,}"#).1,
        semaforo_core::check_plan(r#"{"version": 1} x"#).1,
        semaforo_core::check_plan(&format!("{}{}", "[".repeat(200), "]".repeat(200))).1,
        semaforo_core::scenario::decode_edits("W10").err().into_iter().collect(),
        table(&["PESO;INDICATORE;CONSUNTIVO;TARGET", r#"100;"Pratiche" evase;10;>= 10"#, r#"100;"Pratiche;evase" x;10;>= 10"#]),
        table(&[
            "PESO;INDICATORE;CONSUNTIVO;TARGET",
            "Obiettivo operativo OO_01 Servizi",
            "60,5;Pratiche evase;10 gg;>= 10 %",
            "30;Tempo medio;31/12/2023;>= 5",
            ";Senza peso;5;>= 5",
        ]),
        table(&[
            "CRUSCOTTO Servizi",
            "PESO;INDICATORE;CONSUNTIVO;TARGET;% RAGGIUNGIMENTO",
            "60;Pratiche evase;10;>= 10;100,00 %",
            "30;Tempo medio;5;>= 5;100,00 %",
            "TOTALE;;;;97,50 %",
        ]),
    ];
    let mut failures = Vec::new();
    for d in inputs.iter().flatten() {
        failures.extend(problems(d).into_iter().map(|p| format!("{} {}: {p}", d.code, d.path)));
        if std::env::var_os("SEMAFORO_PRINT_MESSAGES").is_some() {
            println!("{}\t{}\t{}", d.code, d.message(Lang::It), d.message(Lang::En));
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// The import report's own texts: each problem of a cell (what was expected there) and
/// each note of a row, in both languages, with no word of the other.
#[test]
fn import_problems_and_notes_are_said_in_both_languages() {
    let table = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/tables/broken-rows.tsv")).unwrap();
    let report = semaforo_core::import::import_table(&table, &Default::default());
    let mut texts: Vec<(String, String)> = Vec::new();
    for row in &report.rows {
        for p in &row.problems {
            texts.push((p.message(Lang::It), p.message(Lang::En)));
        }
        if let Some(note) = &row.note {
            texts.push((note.text(Lang::It), note.text(Lang::En)));
        }
    }
    assert!(texts.len() >= 5, "{texts:?}");
    for (it, en) in &texts {
        let (bare_it, bare_en) = (format!(" {} ", unquoted(it).to_lowercase()), format!(" {} ", unquoted(en).to_lowercase()));
        assert!(NOT_ITALIAN.iter().all(|w| !bare_it.contains(w)), "{it}");
        assert!(NOT_ENGLISH.iter().all(|w| !bare_en.contains(w)), "{en}");
        assert!(!it.is_empty() && it != en, "{it} / {en}");
    }
    assert!(texts.iter().any(|(it, _)| it.contains("atteso: un target come")), "{texts:?}");
    assert!(texts.iter().any(|(_, en)| en.contains("expected a weight such as")), "{texts:?}");
    let summary = (report.summary(Lang::It), report.summary(Lang::En));
    assert!(summary.0.starts_with("3 indicatori importati, 3 righe con errori"), "{}", summary.0);
    assert!(summary.1.starts_with("3 indicators imported, 3 rows with errors"), "{}", summary.1);
}

/// Each code's row shows its example's message in Italian and in English, as the core
/// renders them (in the row's last two cells).
#[test]
fn the_documentation_shows_each_codes_texts_as_the_core_renders_them() {
    let section = documentation();
    let mut problems = Vec::new();
    for &code in Code::ALL {
        let Some(case) = CASES.iter().find(|c| c.code == code) else { continue };
        let Some(found) = diagnostics(&case.input) else { continue };
        let Some(d) = found.iter().find(|d| d.code == code && d.path == case.path) else { continue };
        // The documented reading of a damaged workbook is that of a build that reads
        // workbooks (the command line's); without the feature it says so instead.
        if code == Code::UnreadableTable && cfg!(not(feature = "xlsx")) {
            continue;
        }
        let start = format!("| `{code}` |");
        let Some(row) = section.lines().find(|l| l.starts_with(&start)) else {
            problems.push(format!("{code}: no row"));
            continue;
        };
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let [.., it, en] = cells[..] else {
            problems.push(format!("{code}: the row has no texts"));
            continue;
        };
        for (lang, shown) in [(Lang::It, it), (Lang::En, en)] {
            let rendered = d.message(lang);
            if shown != rendered {
                problems.push(format!("{code} ({lang:?}):\n  docs: {shown}\n  core: {rendered}"));
            }
        }
    }
    assert!(problems.is_empty(), "docs/plan-format.md, section Diagnostics:\n{}", problems.join("\n"));
}

#[test]
fn the_checks_catch_the_other_language() {
    assert_eq!(unquoted("the `ENTE` code “the weight” is \"x\""), "the  code  is ");
    assert_eq!(foreign_decimal("sommano a 50.5 e 1.000", '.'), Some("50.5".into()));
    assert_eq!(foreign_decimal("sum to 1,000,000", ','), None);
    assert_eq!(foreign_decimal("(0,3 as 30 %)", ','), Some("0,3".into()));
    let english = Diagnostic::new("x", Code::NoYear, []);
    assert!(problems(&english).is_empty());
}
