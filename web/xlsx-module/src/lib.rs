//! The core's table import as a wasm module of its own, which the app loads on demand.
//!
//! The importer (about 90 KB gzipped) and calamine for XLSX (the core's `xlsx` feature,
//! about 320 KB more) would push the main bundle past its 400 KB budget, and are useless
//! to anyone who never imports a table. So `build.sh` (a Trunk post-build hook) builds
//! this crate twice: without `xlsx` into `dist/import/`, fetched with a same-origin
//! `import()` when the importer first reads a table, and with it into `dist/xlsx/`,
//! fetched only for a workbook. The app talks to it in JSON: options in, the core's own
//! `ImportReport` out, plus the plan as JSON text ready to open or download.
//!
//! With the `ui` feature (the `dist/import/` build) it also holds the importer's panel,
//! which the main app mounts into its page with [`mount_importer`]; the panel then calls
//! [`import_table`] of this same module, through JavaScript, like a workbook's import
//! calls the `dist/xlsx/` one. With the `audit` feature (the `dist/audit/` build) it holds
//! the "Verifica" panel and the core's audit ([`mount_audit`]).

use semaforo_core::diagnostic::{Code, Diagnostic};
use semaforo_core::import::{import_table as core_import_table, ImportOptions, ImportReport};
use serde_json::json;
use wasm_bindgen::prelude::*;

/// Imports a table (TSV, CSV with `,` or `;`, and XLSX when built with `xlsx`); the core
/// recognises the format from the bytes unless the options give it. `options_json` is an
/// `ImportOptions` (`{}` for the defaults). The answer is `{"report": ImportReport,
/// "plan_json": string | null}`, the report's own `plan` left null: the plan is in
/// `plan_json`. Never throws: bad options come back as a report whose
/// only diagnostic says what was wrong.
#[wasm_bindgen]
pub fn import_table(bytes: &[u8], options_json: &str) -> String {
    let mut report = match serde_json::from_str::<ImportOptions>(options_json) {
        Ok(options) => core_import_table(bytes, &options),
        Err(e) => refused(&e),
    };
    // The plan travels once, as the text the app opens (check_plan) or downloads.
    let plan_json = report.plan.take().and_then(|plan| serde_json::to_string_pretty(&plan).ok());
    json!({ "report": report, "plan_json": plan_json }).to_string()
}

/// The report of an import whose options could not be read: only that diagnostic.
fn refused(e: &serde_json::Error) -> ImportReport {
    ImportReport::nothing_read(vec![Diagnostic::json("", Code::BadImportOptions, e)])
}

/// A panel of the app mounted in the main app's page (`semaforo_web::ondemand`): its
/// handle, through which the main app sets its language and unmounts it.
#[cfg(any(feature = "ui", feature = "audit"))]
#[wasm_bindgen]
pub struct Panel(Option<Box<dyn Mounted>>);

#[cfg(any(feature = "ui", feature = "audit"))]
trait Mounted {
    fn set_lang(&mut self, lang: &str);
    fn unmount(self: Box<Self>);
}

#[cfg(any(feature = "ui", feature = "audit"))]
impl<C: yew::BaseComponent> Mounted for semaforo_web::ondemand::Mounted<C>
where
    C::Properties: Clone + PartialEq,
{
    fn set_lang(&mut self, lang: &str) {
        semaforo_web::ondemand::Mounted::set_lang(self, lang);
    }

    fn unmount(self: Box<Self>) {
        semaforo_web::ondemand::Mounted::unmount(*self);
    }
}

#[cfg(any(feature = "ui", feature = "audit"))]
#[wasm_bindgen]
impl Panel {
    pub fn set_lang(&mut self, lang: &str) {
        if let Some(panel) = &mut self.0 {
            panel.set_lang(lang);
        }
    }

    pub fn unmount(&mut self) {
        if let Some(panel) = self.0.take() {
            panel.unmount();
        }
    }
}

/// What the panel says to the main app, through the function it gave: a verb and two words.
#[cfg(any(feature = "ui", feature = "audit"))]
fn caller(callback: js_sys::Function) -> impl Fn(&str, &str, &str) + Clone {
    let callback = std::rc::Rc::new(callback);
    move |verb: &str, a: &str, b: &str| {
        let _ = callback.call3(&JsValue::NULL, &verb.into(), &a.into(), &b.into());
    }
}

/// Mounts the importer's panel into `element` in the language `lang` (`it`, `en`); it
/// calls back `("open", name, plan JSON)` to open a plan, then `("close", "", "")`. An
/// `input` starting with `pdf` ("Apri il PDF della relazione") mounts it ready for a
/// PDF, its file chooser opened.
#[cfg(feature = "ui")]
#[wasm_bindgen]
pub fn mount_importer(element: web_sys::Element, lang: &str, input: &str, callback: js_sys::Function) -> Panel {
    use semaforo_web::import::importer::{Importer, ImporterProps};
    let call = caller(callback);
    let close = call.clone();
    let props = ImporterProps {
        onopen: yew::Callback::from(move |(name, json): (yew::AttrValue, std::rc::Rc<String>)| call("open", &name, &json)),
        onclose: yew::Callback::from(move |()| close("close", "", "")),
        pdf: input.starts_with("pdf"),
    };
    Panel(Some(Box::new(semaforo_web::ondemand::mount::<Importer>(element, lang, props))))
}

/// Mounts the audit's panel ("Verifica") of the plan `plan` (JSON) into `element` in the
/// language `lang`; it calls back `("select", id, node above it or "")` to show a result.
#[cfg(feature = "audit")]
#[wasm_bindgen]
pub fn mount_audit(element: web_sys::Element, lang: &str, plan: &str, callback: js_sys::Function) -> Panel {
    use semaforo_web::verify::findings::{Findings, FindingsProps};
    let call = caller(callback);
    let props =
        FindingsProps { plan: plan.to_string().into(), onselect: yew::Callback::from(move |(id, under): (String, String)| call("select", &id, &under)) };
    Panel(Some(Box::new(semaforo_web::ondemand::mount::<Findings>(element, lang, props))))
}

/// The tables of a PDF (built with `pdf`, into `dist/pdf/`): `pages` is `""` (every
/// page) or a range `"12-40"`. The answer is the core's `PdfTables` as JSON: `{"pages":
/// number of pages, "read": {"first", "last"} | null, "tables": [{"index" (0-based),
/// "pages": [1-based…], "columns", "rows", "header": [cells] | null, "preview": [[cells]…],
/// "ruled"}], "diagnostics": [Diagnostic…]}`, texts in `lang` (`"it"` or `"en"`; anything
/// else is Italian). Never throws.
#[cfg(feature = "pdf")]
#[wasm_bindgen]
pub fn list_pdf_tables(bytes: &[u8], pages: &str, lang: &str) -> String {
    use semaforo_core::diagnostic::Localized;
    use semaforo_core::import::pdf::{list_tables, PageRange};
    let listed = list_tables(bytes, PageRange::parse(pages));
    serde_json::to_string(&Localized { value: &listed, lang: language(lang) }).unwrap_or_default()
}

/// Imports the chosen tables of a PDF: `tables_json` is `null` (every table with a heading
/// row) or an array of 0-based indices from `list_pdf_tables`; `options_json` an
/// `ImportOptions` as for `import_table` (its `rows` count 1, 2, … through the chosen
/// tables in order). The answer is what `import_table` answers, `{"report": ImportReport,
/// "plan_json": string | null}`, plus `"tables"` (the listing, as `list_pdf_tables`),
/// `"chosen"` (the indices used) and `"row_pages"` (`[{"row", "page", "table"}]`: where
/// each row of the report is printed). Never throws: bad options or a bad `tables_json`
/// come back as a report whose only diagnostic says what was wrong.
#[cfg(feature = "pdf")]
#[wasm_bindgen]
pub fn import_pdf(bytes: &[u8], pages: &str, tables_json: &str, options_json: &str) -> String {
    use semaforo_core::import::pdf::{import_pdf as core_import_pdf, PageRange};
    let parsed = serde_json::from_str::<ImportOptions>(options_json)
        .and_then(|options| serde_json::from_str::<Option<Vec<usize>>>(if tables_json.trim().is_empty() { "null" } else { tables_json }).map(|t| (options, t)));
    let (options, tables) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return json!({ "report": refused(&e), "plan_json": null, "tables": null, "chosen": [], "row_pages": [] }).to_string(),
    };
    let mut imported = core_import_pdf(bytes, PageRange::parse(pages), tables.as_deref(), &options);
    let plan_json = imported.report.plan.take().and_then(|plan| serde_json::to_string_pretty(&plan).ok());
    let mut value = serde_json::to_value(&imported).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("plan_json".into(), json!(plan_json));
    }
    value.to_string()
}

#[cfg(feature = "pdf")]
fn language(lang: &str) -> semaforo_core::Lang {
    if lang == "en" {
        semaforo_core::Lang::En
    } else {
        semaforo_core::Lang::It
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use semaforo_core::import::RowKind;

    fn answer(bytes: &[u8], options: &str) -> (ImportReport, Option<String>) {
        let mut value: serde_json::Value = serde_json::from_str(&import_table(bytes, options)).expect("JSON");
        let plan_json = value["plan_json"].as_str().map(str::to_string);
        (serde_json::from_value(value["report"].take()).expect("a report"), plan_json)
    }

    #[test]
    #[cfg(feature = "xlsx")]
    fn reads_the_cruscotto_workbook_and_its_published_total() {
        let (report, plan_json) = answer(include_bytes!("../../../tests/fixtures/tables/cruscotto-promozione.xlsx"), "{}");
        let plan = semaforo_core::check_plan(plan_json.as_deref().expect("plan JSON")).0.expect("a plan");
        let score = semaforo_core::evaluate(&plan).node("cruscotto/C1").and_then(|n| n.score);
        assert_eq!(score.map(|s| semaforo_core::format::percent(s, 2)).as_deref(), Some("90,60 %"));
        assert_eq!(report.rows.iter().filter(|r| r.kind == RowKind::Indicator).count(), 5);
    }

    #[test]
    fn reads_a_semicolon_csv_in_windows_1252() {
        let (report, _) = answer(include_bytes!("../../../tests/fixtures/tables/cruscotto-promozione.csv"), "{}");
        assert_eq!(report.indicators(), 5);
    }

    #[test]
    #[cfg(feature = "pdf")]
    fn lists_and_imports_the_tables_of_a_pdf() {
        let bytes = include_bytes!("../../../tests/fixtures/pdf/tno-2023-relazione.pdf");
        let listed: serde_json::Value = serde_json::from_str(&list_pdf_tables(bytes, "", "en")).expect("JSON");
        assert_eq!(listed["tables"].as_array().map(Vec::len), Some(3), "sections 3.1, 3.2 and 3.3");
        let answer: serde_json::Value = serde_json::from_str(&import_pdf(bytes, "", "[1]", "{\"year\": 2023}")).expect("JSON");
        assert_eq!(answer["chosen"], serde_json::json!([1]));
        let plan = semaforo_core::check_plan(answer["plan_json"].as_str().expect("plan JSON")).0.expect("a plan");
        let score = semaforo_core::evaluate(&plan).node("OO_01.01.01").and_then(|n| n.score);
        assert_eq!(score.map(|s| semaforo_core::format::percent(s, 2)).as_deref(), Some("97,33 %"));
        let bad: serde_json::Value = serde_json::from_str(&import_pdf(bytes, "", "[\"x\"]", "{}")).expect("JSON");
        assert_eq!(bad["report"]["diagnostics"][0]["code"], "bad-import-options");
    }

    #[test]
    fn bad_options_are_a_report_not_a_panic() {
        let (report, plan_json) = answer(b"x", "{\"nope\": 1}");
        assert_eq!(report.diagnostics[0].code, Code::BadImportOptions);
        assert!(plan_json.is_none());
    }
}
