//! Golden tests of the audit: the full list of findings of every fixture, in
//! `fixtures/audit/NAME.txt`, each finding as its Italian line, its English line and its
//! data as JSON (code, severity, location, params, cause). A change in what the audit
//! finds, where, or how it says it fails here; `BLESS=1 cargo test -p semaforo-tests
//! --test audit_golden` rewrites the files (review the diff: it is the audit's behaviour
//! on the four seed documents).

use semaforo_core::audit::{audit, Finding};
use semaforo_core::diagnostic::Localized;
use semaforo_core::Lang;
use semaforo_tests::{fixture_names, fixtures_dir, load};

fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        out.push_str(&finding.line(Lang::It));
        out.push('\n');
        out.push_str(&finding.line(Lang::En));
        out.push('\n');
        let mut data = serde_json::to_value(Localized { value: finding, lang: Lang::En }).unwrap();
        let object = data.as_object_mut().unwrap();
        object.remove("message");
        object.remove("why");
        out.push_str(&serde_json::to_string(&data).unwrap());
        out.push_str("\n\n");
    }
    out
}

fn audited(name: &str) -> Vec<Finding> {
    let (plan, evaluation) = load(name);
    audit(&plan, &evaluation)
}

#[test]
fn every_fixture_reports_its_golden_findings() {
    let mut failures = Vec::new();
    for name in fixture_names() {
        let path = fixtures_dir().join("audit").join(name.replace(".json", ".txt"));
        let actual = render(&audited(&name));
        if std::env::var_os("BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{name}: the audit's findings changed (BLESS=1 to accept):\n{actual}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the issue found by reading the seeds against their fixtures, each at its place.
#[test]
fn the_problems_read_in_the_seeds_are_found_where_they_are() {
    let expect = |name: &str, wanted: &[(&str, &str, &str)]| {
        let findings = audited(name);
        for (code, id, needle) in wanted {
            let found = findings.iter().any(|f| f.code.as_str() == *code && f.location.id.as_deref() == Some(id) && f.message(Lang::It).contains(needle));
            let lines: Vec<String> = findings.iter().map(|f| f.line(Lang::It)).collect();
            assert!(found, "{name}: no {code} on {id} saying “{needle}”; found:\n{}", lines.join("\n"));
        }
    };
    expect(
        "maremma-tirreno-2023.json",
        &[
            ("percent-over-100", "09.05.1", "800 %"),
            ("percent-over-100", "10.03.2", "300 %"),
            ("percent-over-100", "12.01.2", "800 %"),
            ("published-differs", "13.02.1", "100,00 %"),
            ("published-differs", "13.02", "100,00 %"),
        ],
    );
    expect(
        "tno-2023.json",
        &[
            ("code-defined-twice", "OC_TBS_03@OO_03.01.01", "OC_TBS_03"),
            ("ratio-with-count-target", "IO_01.06.01.13", "<= 12 N."),
            ("deviation-differs", "IO_03.01.01.06", "6,31"),
            ("published-differs", "OO_01.05.02", "pesi che sommano a 101"),
            ("implied-actual", "OS_01.02", "24,64"),
            ("implied-actual", "OO_02.04.01", "0,97"),
            ("not-available-in-final-report", "IO_01.06.01.18", "N/D"),
            ("composition-missing", "unit/SERV_COMPLIANCE", "cruscotto"),
        ],
    );
    let tno = audited("tno-2023.json");
    let thresholds = tno.iter().find(|f| f.code.as_str() == "thresholds-differ").expect("the legend of 3.0 against 3.3");
    assert_eq!((thresholds.location.section.as_deref(), thresholds.location.line), (Some("3.0"), Some(577)));
    let twice = tno.iter().find(|f| f.code.as_str() == "code-defined-twice").unwrap();
    assert_eq!(twice.location.line, Some(1229), "the second definition, line 1229 of seed 004");
}

/// Seed 004's resources are numbers, summed up the tree, and its totals add up.
#[test]
fn the_resources_of_seed_004_add_up() {
    let (plan, _) = load("tno-2023.json");
    let totals = semaforo_core::audit::resources::totals(&plan);
    let ente = &totals[0];
    let d = |s: &str| semaforo_core::Decimal::parse(s).unwrap();
    assert_eq!(ente.stated.promotional_spent, Some(d("5803045.00")));
    assert_eq!(ente.summed.promotional_spent.map(|v| v.normalize()), Some(d("5803045")));
    let as_02 = totals.iter().find(|n| n.id == "AS_02").unwrap();
    assert_eq!(as_02.summed.promotional_spent.map(|v| v.normalize()), Some(d("5324235.97")));
    assert!(!audited("tno-2023.json").iter().any(|f| f.code.as_str().starts_with("budget-")), "the document's totals add up");
}
