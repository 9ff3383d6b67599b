//! One vocabulary, one arithmetic: the shells (command line, app, JavaScript package) say
//! the domain's words and compute its numbers only through the core. Their sources are
//! read here, so a label or a rounding written again in a shell fails this test rather
//! than drifting apart from the core's (as "Achieved" in the CLI and "Reached" in the app
//! once did).

use semaforo_core::import::RowRole;
use semaforo_core::labels::{self, Lang, PERSPECTIVES};
use semaforo_core::plan::{IndicatorKind, MeasureUnit, UnitKind, Verdict};
use semaforo_core::NodeKind;
use std::path::{Path, PathBuf};

const SHELLS: [&str; 3] = ["cli/src", "web/src", "bindings/src"];

fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = SHELLS.iter().map(|d| root.join(d)).collect();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.strip_prefix(root).unwrap().to_path_buf(), text));
            }
        }
    }
    assert!(out.len() > 20, "the shells' sources were not found");
    out
}

/// Every word the core's `labels` gives, in both languages.
fn core_words() -> Vec<&'static str> {
    let verdicts = [None, Some(Verdict::Raggiunto), Some(Verdict::ParzialmenteRaggiunto), Some(Verdict::NonRaggiunto), Some(Verdict::NonValutabile)];
    let kinds = [NodeKind::Ente, NodeKind::Area, NodeKind::Strategic, NodeKind::Operational, NodeKind::Unit, NodeKind::Cruscotto, NodeKind::Group];
    let indicator_kinds = [
        IndicatorKind::Efficacia,
        IndicatorKind::Efficienza,
        IndicatorKind::Qualita,
        IndicatorKind::Volume,
        IndicatorKind::Outcome,
        IndicatorKind::Struttura,
        IndicatorKind::SaluteEconomica,
    ];
    let unit_kinds = [UnitKind::Area, UnitKind::Servizio, UnitKind::Ufficio, UnitKind::AziendaSpeciale];
    let units = [MeasureUnit::Percent, MeasureUnit::Number, MeasureUnit::Days, MeasureUnit::Euro, MeasureUnit::Date, MeasureUnit::Flag];
    let mut words = Vec::new();
    for lang in [Lang::It, Lang::En] {
        words.extend(verdicts.iter().map(|v| labels::verdict(lang, *v)));
        words.extend(kinds.iter().map(|k| labels::kind_name(lang, *k)));
        words.extend(PERSPECTIVES.iter().map(|p| labels::perspective(lang, *p)));
        words.extend(indicator_kinds.iter().map(|k| labels::indicator_kind(lang, *k)));
        words.extend(unit_kinds.iter().map(|k| labels::unit_kind(lang, *k)));
        words.extend(RowRole::ALL.iter().map(|r| labels::row_role(lang, *r)));
        words.extend(units.iter().map(|u| labels::unit_name(lang, *u)));
    }
    // Labels as a reader sees them (a capital or a phrase); a lower-case single word
    // (`indicator`, `cruscotto`) is also a serde tag or a CSS class, and symbols (`%`)
    // are plain UI text: finding those would prove nothing.
    words.retain(|w| w.chars().count() > 4 && (w.contains(' ') || w.starts_with(char::is_uppercase)));
    words.sort_unstable();
    words.dedup();
    words
}

#[test]
fn the_shells_say_the_domains_words_only_through_the_core() {
    let words = core_words();
    assert!(words.contains(&"Parzialmente raggiunto") && words.contains(&"Obiettivo operativo"));
    let mut found = Vec::new();
    for (path, text) in sources() {
        for word in &words {
            if text.contains(&format!("\"{word}\"")) {
                found.push(format!("{}: \"{word}\"", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "labels written again outside the core (use semaforo_core::labels):\n{}", found.join("\n"));
}

#[test]
fn the_shells_do_no_score_rounding_or_difference_arithmetic() {
    // The operations a score, a rounding, a delta or an agreement is made of. Drawing
    // (SVG geometry) is done in f64 and is not a score: `round()` on a float is allowed.
    let forbidden = ["checked_add(", "checked_sub(", "checked_mul(", "checked_div(", "round_half_up(", "round_dp(", "number_en("];
    let mut found = Vec::new();
    for (path, text) in sources() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for op in forbidden {
                if code.contains(op) {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "arithmetic on the domain's numbers outside the core:\n{}", found.join("\n"));
}
