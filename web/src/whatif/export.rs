//! The results as the what-if section hands them to the user: CSV for a spreadsheet.

use semaforo_core::labels;
use semaforo_core::{format, Decimal, Evaluation, Lang};

/// The results as CSV for a spreadsheet: semicolons, Italian decimals and a BOM, as
/// Excel in Italian expects. Every node, then every indicator.
pub fn results_csv(lang: Lang, baseline: &Evaluation, now: &Evaluation) -> String {
    let number = |v: Option<Decimal>| v.map(|v| format::number_in(lang, v, 2)).unwrap_or_default();
    let delta = |b: Option<Decimal>, a: Option<Decimal>| semaforo_core::scenario::delta(b, a).map(|d| format::number_in(lang, d, 2)).unwrap_or_default();
    let head = match lang {
        Lang::It => ["codice", "nome", "tipo", "peso", "piano", "simulazione", "differenza", "valutazione"],
        Lang::En => ["code", "name", "kind", "weight", "plan", "scenario", "difference", "verdict"],
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&head.join(";"));
    out.push_str("\r\n");
    let mut line = |cells: [String; 8]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    for node in &now.nodes {
        let before = baseline.node(&node.id).and_then(|n| n.score);
        line([
            node.code.to_string(),
            node.name.to_string(),
            labels::kind_name(lang, node.kind).to_string(),
            number(node.weight),
            number(before),
            number(node.score),
            delta(before, node.score),
            labels::verdict(lang, node.verdict).to_string(),
        ]);
    }
    for indicator in &now.indicators {
        let before = baseline.indicator(&indicator.id).and_then(|i| i.achievement);
        line([
            indicator.code.to_string(),
            indicator.name.to_string(),
            labels::indicator_word(lang).to_string(),
            number(indicator.weight),
            number(before),
            number(indicator.achievement),
            delta(before, indicator.achievement),
            labels::verdict(lang, indicator.verdict).to_string(),
        ]);
    }
    out
}

fn csv_cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlanView;
    use semaforo_core::load_plan;

    #[test]
    fn results_for_a_spreadsheet() {
        let view = PlanView::new(load_plan(include_str!("../../../tests/fixtures/tno-2023.json")).unwrap());
        let csv = results_csv(Lang::It, &view.evaluation, &view.evaluation);
        assert!(csv.starts_with("\u{feff}codice;nome;tipo;peso;piano;simulazione;differenza;valutazione\r\n"));
        assert!(csv.contains("ENTE;"), "{}", &csv[..300]);
        assert!(csv.contains(";98,96;98,96;0,00;Raggiunto"));
    }
}
