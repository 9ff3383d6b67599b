//! How the importer decides what each row is (issue 10), on the realistic shapes the
//! reports print, and how the user's corrections change it. Each case is a small table
//! and what must come of it.

use semaforo_core::import::{import_text, ImportOptions, ImportReport, RowCorrection, RowKind, RowRole};
use semaforo_core::plan::Plan;
use semaforo_core::{evaluate, format, Code, Decimal, Lang};

const HEADING: &str = "PESO\tINDICATORE\tDESCRIZIONE\tALGORITMO\tCONSUNTIVO\tTARGET\t% RAGGIUNGIMENTO";

fn options() -> ImportOptions {
    ImportOptions { year: Some(2023), ente_name: Some("Camera di commercio".into()), ..Default::default() }
}

fn import(rows: &[&str], options: &ImportOptions) -> ImportReport {
    import_text(&(rows.join("\n") + "\n"), options)
}

fn plan(report: &ImportReport) -> &Plan {
    report.plan.as_ref().unwrap_or_else(|| panic!("no plan: {:#?}\n{:#?}", report.diagnostics, report.rows))
}

fn role_of(report: &ImportReport, row: usize) -> RowRole {
    report.rows.iter().find(|r| r.row == row).unwrap_or_else(|| panic!("no row {row}")).role
}

fn cruscotto_score(plan: &Plan, code: &str) -> String {
    let evaluation = evaluate(plan);
    let node = evaluation.node(&format!("cruscotto/{code}")).unwrap_or_else(|| panic!("no cruscotto {code}"));
    format::percent(node.score.expect("a score"), 2)
}

/// Dashboard titles as real reports print them: the role of the title row, the name and
/// manager kept, and the published total wherever it stands.
#[test]
fn dashboard_titles_of_every_shape_open_a_dashboard_with_its_published_total() {
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        ("01 Cruscotto Segretario generale - Dott.ssa ROSSI\t\t\t\t\t\t96,40%\t● ● ●", "Segretario generale", Some("Dott.ssa ROSSI"), "96.40"),
        ("01 Cruscotto Segretario generale - Dott.ssa ROSSI **96,40%**", "Segretario generale", Some("Dott.ssa ROSSI"), "96.40"),
        ("CRUSCOTTO - Area Promozione - Dirigente: Dott.ssa Maria Bianchi\tTOTALE 96,40 %", "Area Promozione", Some("Dott.ssa Maria Bianchi"), "96.40"),
        ("Cruscotto n. 2: Area Servizi alle imprese\t\t\t\t\t\t96,40 %", "Area Servizi alle imprese", None, "96.40"),
        ("03 cruscotto Dirigente area \"Anagrafe\" ad interim - Dott. Verdi\t96,40%", "Dirigente area \"Anagrafe\" ad interim", Some("Dott. Verdi"), "96.40"),
        ("02 Cruscotto\tUﬃcio ﬁnanziario - Dott. Gıallı\t\t\t\t\t96,40 %", "Uﬃcio ﬁnanziario", Some("Dott. Gıallı"), "96.40"),
        ("96,40 %\tCruscotto Provveditorato - Ing. Città", "Provveditorato", Some("Ing. Città"), "96.40"),
        ("Segreteria generale - Dott. Neri (ad interim)\t\t\t\t\t\t96,40 %", "Segreteria generale", Some("Dott. Neri (ad interim)"), "96.40"),
    ];
    for (title, name, manager, published) in cases {
        let report = import(
            &[HEADING, title, "60,00%\tPratiche evase\t\tN. / N.\t94 N. / 100 N.\t>= 90,00 %\t100,00%", "40,00%\tTempo medio\t\t\t12 gg\t<= 10 gg\t83,33%"],
            &options(),
        );
        assert_eq!(role_of(&report, 2), RowRole::Cruscotto, "{title}");
        let plan = plan(&report);
        assert_eq!(plan.cruscotti.len(), 1, "{title}");
        let c = &plan.cruscotti[0];
        assert_eq!((c.name.as_str(), c.manager.as_deref()), (*name, *manager), "{title}");
        assert_eq!(c.items.len(), 2, "{title}");
        let printed = c.published.as_ref().and_then(|p| p.score);
        assert_eq!(printed, Some(published.parse().unwrap()), "{title}");
        assert_eq!(cruscotto_score(plan, &c.code), "93,33 %", "{title}");
    }
}

/// Five dashboards whose weights each sum to 100: five dashboards, each scored on its own
/// weights (no rescaling across all of them), one printed twice over a page break.
#[test]
fn numbered_dashboards_each_keep_their_own_weights() {
    let mut rows = vec!["Relazione sulla performance 2023 - Cruscotti dei dirigenti", HEADING];
    let titles = [
        "01 Cruscotto Segretario generale - Dott.ssa ROSSI\t\t\t\t\t\t100,00%",
        "02 Cruscotto Area Anagrafe - Dott. Bianchi\t\t\t\t\t\t100,00%",
        "03 CRUSCOTTO AREA PROMOZIONE - DOTT. VERDI\t\t\t\t\t\t100,00%",
        "04 Cruscotto Area Finanza - Dott.ssa Neri\t\t\t\t\t\t100,00%",
        "05 Cruscotto Uﬃcio legale - Avv. Gialli\t\t\t\t\t\t100,00%",
    ];
    for (n, title) in titles.iter().enumerate() {
        rows.push(title);
        rows.push(if n % 2 == 0 { "50,00%\tPratiche A\t\t\t10 N.\t>= 10 N.\t100,00%" } else { "50,00%\tPratiche B\t\t\t20 N.\t>= 10 N.\t100,00%" });
        if n == 2 {
            rows.extend(["Pagina 2 di 3", HEADING, "03 CRUSCOTTO AREA PROMOZIONE - DOTT. VERDI (segue)"]);
        }
        rows.push("50,00%\tTempo medio\t\t\t8 gg\t<= 10 gg\t100,00%");
    }
    let report = import(&rows, &options());
    let plan = plan(&report);
    assert_eq!(plan.cruscotti.len(), 5);
    assert!(plan.cruscotti.iter().all(|c| c.items.len() == 2), "{:#?}", plan.cruscotti);
    assert!(!report.diagnostics.iter().any(|d| d.code == Code::WeightsNormalised), "{:#?}", report.diagnostics);
    for c in &plan.cruscotti {
        assert_eq!(cruscotto_score(plan, &c.code), "100,00 %");
    }
    assert_eq!(role_of(&report, 1), RowRole::Title);
}

/// A dashboard whose printed weights do not sum to 100 is normalised, and the warning
/// says what that does to its score against the one printed.
#[test]
fn weights_summing_to_103_are_normalised_and_the_disagreement_is_explained() {
    let report = import(
        &[
            HEADING,
            "01 Cruscotto Area Promozione - Dott. Verdi\t\t\t\t\t\t100,00 %",
            "60,00%\tA\t\t\t10 N.\t>= 10 N.\t100,00%",
            "43,00%\tB\t\t\t9 N.\t>= 10 N.\t90,00%",
        ],
        &options(),
    );
    let plan = plan(&report);
    assert_eq!(cruscotto_score(plan, "C1"), "95,83 %");
    let warning = report.diagnostics.iter().find(|d| d.code == Code::WeightsNormalised).expect("a warning");
    assert_eq!(warning.path, "cruscotti[0].items");
    // In Italian, with the numbers written the Italian way.
    let message = warning.message(Lang::It);
    assert!(message.contains("sommano a 103"), "{message}");
    assert!(message.contains("95,83 %") && message.contains("100,00 %"), "{message}");
    assert!(warning.message(Lang::En).contains("95.83 %"), "{}", warning.message(Lang::En));
    // The reason stands beside the two figures, where the app shows them.
    let discrepancy = plan.cruscotti[0].published.as_ref().and_then(|p| p.discrepancy.as_deref());
    assert_eq!(discrepancy, Some("the document's weights sum to 103, not 100: normalised, the score is 95,83 %"));
}

/// Codes as printed (`DFP 1.3`, `EC05.1`), prefixes turned into stable derived codes with
/// a warning, and no code invented for a row whose code is printed.
#[test]
fn indicator_codes_are_read_by_their_grammar() {
    let report = import(
        &[
            HEADING,
            "50,00%\tDFP 1.3 Tempestività dei pagamenti\t\t\t25 gg\t<= 30 gg\t100,00%",
            "20,00%\tEC05.1 - Grado di copertura\t\t\t95 %\t>= 90 %\t100,00%",
            "10,00%\tEC19.1: Incidenza\t\t\t95 %\t>= 90 %\t100,00%",
            "10,00%\tIS_ - Numero di pratiche evase\t\t\t95 N.\t>= 90 N.\t100,00%",
            "10,00%\tIS:- Numero visite ispettive\t\t\t95 N.\t>= 90 N.\t100,00%",
        ],
        &options(),
    );
    let codes: Vec<&str> = report.rows.iter().filter(|r| r.kind == RowKind::Indicator).filter_map(|r| r.code.as_deref()).collect();
    assert_eq!(codes, ["DFP 1.3", "EC05.1", "EC19.1", "IS_NPE", "IS_NVI"]);
    let names: Vec<&str> = plan(&report).ente.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names[0], "Tempestività dei pagamenti");
    assert_eq!(names[3], "Numero di pratiche evase");
    let derived: Vec<String> = report.diagnostics.iter().filter(|d| d.code == Code::DerivedCode).map(|d| d.message(Lang::En)).collect();
    assert_eq!(derived.len(), 2, "{derived:?}");
    assert!(derived[0].contains("“IS_”") && derived[0].contains("IS_NPE"), "{}", derived[0]);
}

/// Totals: a total row closes its dashboard's figure; a total for the whole body with
/// nothing open is the ente's published score.
#[test]
fn total_rows_give_the_published_figure_of_what_they_close() {
    let report = import(
        &[
            HEADING,
            "Cruscotto Area Promozione - Dott. Verdi",
            "60,00%\tA\t\t\t10 N.\t>= 10 N.\t100,00%",
            "40,00%\tB\t\t\t9 N.\t>= 10 N.\t90,00%",
            "Totale cruscotto\t\t\t\t\t\t96,00 %",
        ],
        &options(),
    );
    assert_eq!(role_of(&report, 5), RowRole::Total);
    let c = &plan(&report).cruscotti[0];
    assert_eq!(c.published.as_ref().and_then(|p| p.score), Some(Decimal::from_scaled(9600, 2)));

    let report = import(
        &[HEADING, "60,00%\tA\t\t\t10 N.\t>= 10 N.\t100,00%", "40,00%\tB\t\t\t9 N.\t>= 10 N.\t90,00%", "Performance di ente\t\t\t\t\t\t96,00 %"],
        &options(),
    );
    assert_eq!(role_of(&report, 4), RowRole::Total);
    let ente = &plan(&report).ente;
    assert_eq!(ente.published.as_ref().and_then(|p| p.score), Some(Decimal::from_scaled(9600, 2)));

    // A total that names the ente is the ente's, even with an objective still open.
    let report = import(
        &[
            HEADING,
            "Obiettivo strategico 1: Semplificazione",
            "60,00%\tA\t\t\t10 N.\t>= 10 N.\t100,00%",
            "40,00%\tB\t\t\t9 N.\t>= 10 N.\t90,00%",
            "Totale obiettivo 1\t\t\t\t\t\t96,00 %",
            "Performance complessiva dell'ente\t\t\t\t\t\t96,00 %",
        ],
        &options(),
    );
    let plan = plan(&report);
    assert_eq!(plan.ente.published.as_ref().and_then(|p| p.score), Some(Decimal::from_scaled(9600, 2)));
    assert_eq!(plan.ente.objectives[0].published.as_ref().and_then(|p| p.score), Some(Decimal::from_scaled(9600, 2)));
}

/// Headings of the tree named in words, with their printed scores.
#[test]
fn levels_named_in_words_open_nodes_of_that_level() {
    let report = import(
        &[
            HEADING,
            "Obiettivo strategico 1: Semplificazione\t\t\t\t\t\t95,00 %",
            "Obiettivo operativo 1.1 - Digitalizzare le pratiche\t\t\t\t\t\t95,00 %",
            "100,00%\tPratiche digitali\t\t\t95 %\t>= 100 %\t95,00%",
        ],
        &options(),
    );
    assert_eq!([role_of(&report, 2), role_of(&report, 3)], [RowRole::Strategic, RowRole::Operational]);
    let strategic = &plan(&report).ente.objectives[0];
    assert_eq!((strategic.code.as_str(), strategic.name.as_str()), ("OS_1", "Semplificazione"));
    assert_eq!(strategic.objectives[0].code, "OO_1.1");
}

/// Indicators whose names contain a domain word are still indicators: they have values.
#[test]
fn an_indicator_named_after_a_dashboard_is_an_indicator() {
    let report = import(
        &[
            HEADING,
            "50,00%\tAggiornamento del cruscotto direzionale - Dott. Rossi\t\t\t1 N.\t>= 1 N.\t100,00%",
            "50,00%\tTotale pratiche evase\t\t\t10 N.\t>= 10 N.\t100,00%",
        ],
        &options(),
    );
    assert_eq!([role_of(&report, 2), role_of(&report, 3)], [RowRole::Indicator, RowRole::Indicator]);
    assert!(plan(&report).cruscotti.is_empty());
}

/// The user's corrections: a title row the reading cannot know is a dashboard becomes
/// one; a row read as an indicator is ignored; a broken row is merged into the one above.
#[test]
fn corrections_set_what_a_row_is() {
    let rows = [
        HEADING,
        "Cruscotto Area Anagrafe - Dott. Bianchi\t\t\t\t\t\t100,00 %",
        "100,00%\tCertificati\t\t\t10 N.\t>= 10 N.\t100,00%",
        "Gestione documentale\t\t\t\t\t\t90,00 %",
        "50,00%\tProtocollo\t\t\t9 N.\t>= 10 N.\t90,00%",
        "50,00%\tDelibere\t\t\t9 N.",
        ">= 10 N.\t90,00%",
        "Nota: dati al 31/12/2023",
    ];
    let read = import(&rows, &options());
    assert_ne!(role_of(&read, 4), RowRole::Cruscotto, "no word says row 4 is a dashboard");
    assert_eq!(plan(&read).cruscotti.len(), 1);

    let mut options = options();
    options.rows = vec![
        RowCorrection { row: 4, role: RowRole::Cruscotto },
        RowCorrection { row: 7, role: RowRole::Continuation },
        RowCorrection { row: 8, role: RowRole::Ignore },
    ];
    let corrected = import(&rows, &options);
    let row = corrected.rows.iter().find(|r| r.row == 4).unwrap();
    assert_eq!((row.role, row.corrected, row.kind), (RowRole::Cruscotto, true, RowKind::Group));
    assert_eq!(role_of(&corrected, 7), RowRole::Continuation);
    assert_eq!(corrected.rows.iter().find(|r| r.row == 8).unwrap().kind, RowKind::Skipped);
    let plan = plan(&corrected);
    assert_eq!(plan.cruscotti.len(), 2);
    assert_eq!(plan.cruscotti[1].name, "Gestione documentale");
    assert_eq!(plan.cruscotti[1].items.len(), 2);
    assert_eq!(cruscotto_score(plan, "C2"), "90,00 %");

    // The settings are the options as JSON: they re-import the same plan.
    let settings = serde_json::to_string(&options).unwrap();
    let again: ImportOptions = serde_json::from_str(&settings).unwrap();
    assert_eq!(import(&rows, &again).plan, corrected.plan);
}

/// A row marked as an indicator is read as one even where it would have been a tail; a
/// row marked as a heading of a level opens a node of that level.
#[test]
fn corrections_to_indicator_and_to_a_level() {
    let rows = [HEADING, "Servizi digitali\t\t\t\t\t\t95,00 %", "100,00%\tPratiche digitali\t\t\t95 %\t>= 100 %\t95,00%"];
    let mut options = options();
    options.rows = vec![RowCorrection { row: 2, role: RowRole::Operational }];
    let report = import(&rows, &options);
    let objective = &plan(&report).ente.objectives[0];
    assert_eq!((objective.name.as_str(), objective.indicators.len()), ("Servizi digitali", 1));
    assert_eq!(objective.published.as_ref().and_then(|p| p.score), Some(Decimal::from_scaled(9500, 2)));
}

/// A running head repeated on every page names the body and the year when nothing else
/// does; it is not read as anything else.
#[test]
fn a_running_head_names_the_ente_and_the_year() {
    let head = "Comune di Borgo Alto - Relazione sulla performance 2024";
    let report = import(
        &[head, HEADING, "50,00%\tA\t\t\t10 N.\t>= 10 N.\t100,00%", "Pagina 1 di 2", head, HEADING, "50,00%\tB\t\t\t10 N.\t>= 10 N.\t100,00%"],
        &ImportOptions::default(),
    );
    let plan = plan(&report);
    assert_eq!((plan.ente.name.as_str(), plan.ente.year), ("Comune di Borgo Alto", 2024));
    assert_eq!(plan.ente.indicators.len(), 2);
    assert!(!report.diagnostics.iter().any(|d| d.code == Code::NoEnteName || d.code == Code::NoYear), "{:#?}", report.diagnostics);
}

/// A heading whose name wraps onto the next row (a page break in a PDF, a copy that kept
/// the line break) keeps the weight printed at its end: the weight is the node's, and the
/// name is whole.
#[test]
fn a_weight_printed_on_the_row_continuing_a_heading_is_the_headings() {
    let block = |code: &str, name: &str, rest: Option<&str>, weight: &str, actual: &str| {
        let mut rows = Vec::new();
        match rest {
            Some(rest) => {
                rows.push(format!("Obiettivo strategico\t{code} - {name}"));
                rows.push(format!("\t{rest} (Peso: {weight})"));
            }
            None => rows.push(format!("Obiettivo strategico\t{code} - {name} (Peso: {weight})")),
        }
        rows.push("Risultato misurato obiettivo\t100,00 %".to_string());
        rows.push("Indicatore\tAlgoritmo\tTarget 2023\tConsuntivo 2023\tScostamento rispetto al target".to_string());
        rows.push(format!("IS_{code}_Pratiche evase (Peso: 100,00%)\tN. pratiche\t>= 10,00 N.\t{actual} N.\t+0,00 N."));
        rows
    };
    let mut rows = vec!["AS_01 - Ottimizzazione della struttura".to_string()];
    rows.extend(block("OS_01.01", "Curare la crescita", None, "60,00%", "10,00"));
    rows.extend(block("OS_01.02", "Supportare", Some("l'innovazione dei processi"), "40,00%", "5,00"));
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let report = import(&rows, &options());
    let plan = plan(&report);
    let area = &plan.ente.objectives[0];
    let second = &area.objectives[1];
    assert_eq!(second.name, "Supportare l'innovazione dei processi");
    assert_eq!(second.weight.map(|w| w.to_string()), Some("40.00".to_string()));
    assert_eq!(area.objectives[0].weight.map(|w| w.to_string()), Some("60.00".to_string()));
}

/// A report's section 3.2 repeats the strategic objectives of section 3.1, without their
/// ambito, to list their operational objectives: `OS_01.01` is the node read under
/// `AS_01`, not a new one under the ambito read last, and its operational objectives go
/// under it. (A code that does not extend its first parent's, `2.1` under two
/// programmes, stays two nodes: the corpus's plan annex.)
#[test]
fn a_strategic_objective_repeated_in_a_later_section_is_the_same_node() {
    let heading = "Indicatore\tAlgoritmo\tTarget 2023\tConsuntivo 2023\tScostamento rispetto al target";
    let rows = [
        "AS_01 - Ottimizzazione della struttura",
        "Obiettivo strategico\tOS_01.01 - Curare la crescita (Peso: 100,00%)",
        heading,
        "IS_01.01_Pratiche evase (Peso: 100,00%)\tN. pratiche\t>= 10,00 N.\t10,00 N.\t+0,00 N.",
        "AS_02 - Crescita delle imprese",
        "Obiettivo strategico\tOS_02.01 - Stimolare lo sviluppo (Peso: 100,00%)",
        heading,
        "IS_02.01_Domande (Peso: 100,00%)\tN. domande\t>= 10,00 N.\t5,00 N.\t-5,00 N.",
        "OS_01.01 - Curare la crescita",
        "Obiettivo operativo OO_01.01.01 - Costruiamo (Peso: 100,00%)",
        "Risultato misurato obiettivo\t100,00 %",
        heading,
        "IO_01.01.01.01 Proposta (Peso: 100,00%)\tData\tEntro 31/05/2023\t26/05/2023\t-5,00 gg",
        "OS_02.01 - Stimolare lo sviluppo",
        "Obiettivo operativo OO_02.01.01 - Tavolo (Peso: 100,00%)",
        heading,
        "IO_02.01.01.01 Tavolo (Peso: 100,00%)\tData\tEntro 30/06/2023\t27/06/2023\t-3,00 gg",
    ];
    let report = import(&rows, &options());
    let plan = plan(&report);
    let codes = |n: &semaforo_core::plan::Objective| n.objectives.iter().map(|o| o.code.clone()).collect::<Vec<_>>();
    assert_eq!(plan.ente.objectives.len(), 2);
    assert_eq!(codes(&plan.ente.objectives[0]), ["OS_01.01"]);
    assert_eq!(codes(&plan.ente.objectives[1]), ["OS_02.01"]);
    assert_eq!(codes(&plan.ente.objectives[0].objectives[0]), ["OO_01.01.01"]);
    assert_eq!(codes(&plan.ente.objectives[1].objectives[0]), ["OO_02.01.01"]);
}
