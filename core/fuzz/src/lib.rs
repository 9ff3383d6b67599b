//! The bodies of the fuzz targets, as plain functions of bytes.
//!
//! Written once and used twice: by the libFuzzer targets in `fuzz_targets/` (nightly,
//! `cargo fuzz`) and by the stable replay test `core/tests/fuzz_replay.rs`, which
//! includes this file with `#[path]` and runs every committed corpus and regression
//! file through it. So this file may use only what the core's own tests can: the core
//! and its dependencies (`chrono`, `serde_json`, `base64`), nothing of libFuzzer.
//!
//! A body panics exactly when it finds a bug: a panic in the core, or one of the few
//! invariants checked here failing (live editing equals evaluation from scratch, share
//! links, edited plans and imported plans round-trip).

use chrono::NaiveDate;
use semaforo_core::diagnostic::has_errors;
use semaforo_core::evaluate::Evaluation;
use semaforo_core::explain::Lang;
use semaforo_core::import::{import_table, Field, ImportOptions, TableFormat};
use semaforo_core::live::Live;
use semaforo_core::plan::{Actual, Target};
use semaforo_core::scenario::{self, Edit, Scenario};
use semaforo_core::whatif::{self, Unknown};
use semaforo_core::Decimal;
use semaforo_core::{check_plan, evaluate, format, load_plan, parse_plan, Plan};

/// At most this many edits, goal seeks and sensitivities per input: each goal seek
/// evaluates the plan three times, and the replay runs in debug.
const MAX_OPS: usize = 12;
const MAX_SEEKS: usize = 3;
const MAX_SENSITIVITIES: usize = 2;

// ---------------------------------------------------------------------------------
// plan: bytes → text → check_plan → evaluate → audit → live edits, goal seek, sensitivity,
// formatting.
// ---------------------------------------------------------------------------------

/// The `plan` target. The input is a plan text, optionally followed by a NUL byte and
/// an edit script (a NUL cannot appear in a valid JSON text, so the split is
/// unambiguous). Without a script the edits come from a hash of the text, so that
/// plain plan files exercise the what-if code too.
pub fn plan(data: &[u8]) {
    let (text, script) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], Script::new(&data[nul + 1..])),
        None => (data, Script::hashed(data)),
    };
    let text = String::from_utf8_lossy(text);
    let (plan, diagnostics) = check_plan(&text);
    for diagnostic in &diagnostics {
        let _ = diagnostic.to_string();
    }
    let Some(plan) = plan.filter(|_| !has_errors(&diagnostics)) else { return };
    exercise_plan(plan, script);
}

fn exercise_plan(plan: Plan, mut script: Script) {
    let decimals = plan.policy.display_decimals;
    let before = evaluate(&plan);
    format_evaluation(&before, decimals);
    // The audit of every plan, its texts in both languages and its CSV.
    let findings = semaforo_core::audit::audit(&plan, &before);
    for lang in [semaforo_core::Lang::It, semaforo_core::Lang::En] {
        for finding in &findings {
            let _ = (finding.message(lang), finding.why(lang));
        }
        let _ = semaforo_core::audit::csv(&findings, lang);
    }

    let indicators: Vec<String> = before.indicators.iter().map(|i| i.id.to_string()).collect();
    let nodes: Vec<String> = before.nodes.iter().map(|n| n.id.to_string()).collect();

    let mut live = Live::new(plan.clone());
    let mut scenario = Scenario::new("fuzz");
    let mut applied: Vec<Edit> = Vec::new();
    let (mut seeks, mut sensitivities) = (0, 0);
    for _ in 0..MAX_OPS {
        if script.done() {
            break;
        }
        match script.byte() % 8 {
            0..=4 => {
                let edit = script.edit(&indicators, &nodes);
                scenario.push(edit.clone());
                if live.apply(&edit).is_ok() {
                    applied.push(edit);
                }
            }
            5 if seeks < MAX_SEEKS => {
                seeks += 1;
                let indicator = script.pick(&indicators);
                let node = script.pick(&nodes);
                let goal = script.decimal();
                let unknown = if script.byte() & 1 == 0 { Unknown::Actual } else { Unknown::Target };
                let answer = whatif::goal_seek(live.plan(), &indicator, &node, goal, unknown);
                if let whatif::GoalSeek::Found { achievement, reached, edit, .. } = answer {
                    let _ = (format::percent(achievement, decimals), format::percent(reached, decimals));
                    // The answer is an edit like any other: apply it too.
                    if live.apply(&edit).is_ok() {
                        applied.push(edit);
                    }
                }
            }
            6 if sensitivities < MAX_SENSITIVITIES => {
                sensitivities += 1;
                let node = script.pick(&nodes);
                for s in whatif::sensitivity(live.plan(), live.evaluation(), &node) {
                    let _ = format::number(s.weight_in_node, decimals);
                    if let Some(per_unit) = s.per_unit {
                        let _ = format::signed(per_unit, decimals);
                    }
                }
                let _ = whatif::weights_in(live.evaluation(), &node);
            }
            _ => {
                if !scenario.undo() {
                    scenario.redo();
                }
            }
        }
    }

    // Live editing gives exactly what evaluating the edited plan from scratch gives.
    let (edited, _) = scenario::apply(&plan, &applied);
    assert_eq!(live.plan(), &edited, "live plan differs from the edits applied to a copy");
    let scratch = evaluate(&edited);
    assert_eq!(live.evaluation(), &scratch, "live evaluation differs from evaluation from scratch");
    format_evaluation(live.evaluation(), decimals);
    for change in scenario::compare(&before, live.evaluation()) {
        if let Some(delta) = change.delta {
            let _ = format::signed(delta, decimals);
        }
    }
    // The edits survive a share link, those of goal seek too; the edited plan, exported
    // as a file, reopens as the same plan.
    round_trip_link(&scenario.edits);
    round_trip_link(&applied);
    let exported = serde_json::to_string(live.plan()).expect("a plan serialises");
    match parse_plan(&exported) {
        Ok(reopened) => assert_eq!(&reopened, live.plan(), "an edited plan reopens as a different plan"),
        Err(diagnostics) => {
            let errors: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
            panic!("an edited plan, exported, does not reopen: {errors:?}");
        }
    }
    let _ = scenario::apply(&plan, &scenario.edits);
}

/// Formats every score, achievement, deviation and explanation, as the shells do.
fn format_evaluation(evaluation: &Evaluation, decimals: u32) {
    for node in &evaluation.nodes {
        if let Some(score) = node.score {
            let _ = (format::percent(score, decimals), format::number_en(score, decimals), format::signed(score, decimals));
        }
        if let Some(weight) = node.weight {
            let _ = format::number(weight, decimals);
        }
        let _ = (node.explanation.render(Lang::It), node.explanation.render(Lang::En));
    }
    for indicator in &evaluation.indicators {
        if let Some(achievement) = indicator.achievement {
            let _ = (format::percent(achievement, decimals), format::number_en(achievement, decimals));
        }
        if let Some(deviation) = &indicator.deviation {
            let _ = format::signed(deviation.value, decimals);
        }
        let _ = (indicator.explanation.render(Lang::It), indicator.explanation.render(Lang::En));
    }
}

fn round_trip_link(edits: &[Edit]) {
    let link = scenario::encode_edits(edits);
    match scenario::decode_edits(&link) {
        Ok(decoded) => assert_eq!(decoded, edits, "a share link does not give back its edits"),
        Err(e) => panic!("a share link made by encode_edits does not decode: {e}"),
    }
}

/// The bytes that choose the edits: read in order, zeros once they run out.
struct Script {
    bytes: Vec<u8>,
    at: usize,
}

impl Script {
    fn new(bytes: &[u8]) -> Self {
        Script { bytes: bytes.to_vec(), at: 0 }
    }

    /// 64 pseudo-random bytes from a hash of the input (FNV-1a, then xorshift).
    fn hashed(data: &[u8]) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in data {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let mut bytes = Vec::with_capacity(64);
        for _ in 0..8 {
            h ^= h << 13;
            h ^= h >> 7;
            h ^= h << 17;
            bytes.extend_from_slice(&h.to_le_bytes());
        }
        Script { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    /// One of the ids, or now and then one the plan does not have.
    fn pick(&mut self, ids: &[String]) -> String {
        let n = usize::from(self.u16());
        if ids.is_empty() || n % 16 == 15 {
            return ["", "NOPE", "cruscotto/", "cruscotto/X/Y", "ENTE"][n % 5].to_string();
        }
        ids[n % ids.len()].clone()
    }

    /// A decimal: the usual values, the extremes, or any 96-bit mantissa and scale.
    fn decimal(&mut self) -> Decimal {
        match self.byte() % 10 {
            0 => Decimal::ZERO,
            1 => Decimal::ONE_HUNDRED,
            2 => Decimal::from(i64::from(self.byte()) - 128),
            3 => Decimal::from_scaled(u32::from(self.u16()), u32::from(self.byte() % 5)),
            4 => Decimal::MAX,
            5 => Decimal::MIN,
            6 => Decimal::from_scaled(1, 28),
            7 => -Decimal::from_scaled(u32::from(self.u16()), u32::from(self.byte() % 3)),
            _ => {
                let (lo, mid, hi) = (self.u32(), self.u32(), self.u32());
                let flags = self.byte();
                Decimal::from_parts(lo, mid, hi, flags & 0x80 != 0, u32::from(flags) % 29)
            }
        }
    }

    /// A date near the plans' years, or the first or last the plan format can write
    /// (years 0000 to 9999, `YYYY-MM-DD`): a user or a plan file can give no other, so
    /// a date outside them comes from the core's own arithmetic.
    fn date(&mut self) -> NaiveDate {
        let base = NaiveDate::from_ymd_opt(2023, 1, 1).expect("a date");
        match self.byte() % 6 {
            0 => NaiveDate::from_ymd_opt(0, 1, 1).expect("a date"),
            1 => NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date"),
            2 => base - chrono::Days::new(u64::from(self.u16())),
            _ => base + chrono::Days::new(u64::from(self.u16() % 1200)),
        }
    }

    fn target(&mut self) -> Target {
        match self.byte() % 6 {
            0 => Target::AtLeast { value: self.decimal() },
            1 => Target::MoreThan { value: self.decimal() },
            2 => Target::AtMost { value: self.decimal() },
            3 => Target::LessThan { value: self.decimal() },
            4 => Target::Equal { value: self.decimal() },
            _ => Target::Deadline { date: self.date() },
        }
    }

    fn actual(&mut self) -> Option<Actual> {
        Some(match self.byte() % 7 {
            0 => return None,
            1 => Actual::Value(self.decimal()),
            2 => Actual::Ratio { numerator: self.decimal(), denominator: self.decimal() },
            3 => Actual::Date(self.date()),
            4 => Actual::Flag(self.byte() % 2 == 1),
            5 => Actual::NotAvailable { reason: None },
            _ => Actual::NotEvaluable { reason: "fuzz".into() },
        })
    }

    fn edit(&mut self, indicators: &[String], nodes: &[String]) -> Edit {
        let indicator = self.pick(indicators);
        match self.byte() % 5 {
            0 => Edit::SetTarget { target: self.target(), indicator },
            1 => Edit::SetActual { actual: self.actual(), indicator },
            2 => Edit::SetIndicatorWeight { weight: self.decimal(), indicator },
            3 => Edit::SetObjectiveWeight { objective: self.pick(nodes), weight: self.decimal() },
            _ => Edit::Exclude { indicator, reason: "fuzz".into() },
        }
    }
}

// ---------------------------------------------------------------------------------
// import: bytes → the table importer (TSV, CSV, XLSX) → the plan, evaluated.
// ---------------------------------------------------------------------------------

/// The `import` target. A first byte from 1 to 8 chooses how to read the rest
/// (`1`: recognise the format, `2` TSV, `3` CSV, `4` CSV with `;`, `5` XLSX, `6`-`8`:
/// recognise it, with a column mapping taken from the next two bytes); any other first
/// byte is part of the table, read as the importer recognises it. So the table files
/// of `tests/fixtures/tables/` are inputs as they are.
pub fn import(data: &[u8]) {
    let mut options = ImportOptions::default();
    let table = match data.first() {
        Some(&selector @ 1..=8) => {
            let rest = &data[1..];
            options.year = Some(2023);
            match selector {
                2 => options.format = Some(TableFormat::Tsv),
                3 => options.format = Some(TableFormat::Csv),
                4 => options.format = Some(TableFormat::CsvSemicolon),
                5 => options.format = Some(TableFormat::Xlsx),
                6..=8 if rest.len() >= 2 => {
                    let column = usize::from(rest[0] % 16);
                    options.mapping.push((column, Field::ALL[usize::from(rest[1]) % Field::ALL.len()]));
                    if selector == 8 {
                        options.ente_name = Some("Ente".into());
                    }
                    return import_with(&rest[2..], &options);
                }
                _ => {}
            }
            rest
        }
        _ => data,
    };
    import_with(table, &options);
}

fn import_with(table: &[u8], options: &ImportOptions) {
    let report = import_table(table, options);
    let _ = (report.errors().count(), report.indicators());
    for diagnostic in &report.diagnostics {
        let _ = diagnostic.to_string();
    }
    if let Some(plan) = report.plan {
        exercise_imported(plan);
    }
}

/// An imported plan is evaluated and formatted, and, like a downloaded import, it must
/// reopen as the same plan.
fn exercise_imported(plan: Plan) {
    let evaluation = evaluate(&plan);
    format_evaluation(&evaluation, plan.policy.display_decimals);
    let json = serde_json::to_string(&plan).expect("a plan serialises");
    match load_plan(&json) {
        Ok(reopened) => assert_eq!(reopened, plan, "an imported plan reopens as a different plan"),
        Err(diagnostics) => {
            let errors: Vec<String> = diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
            panic!("an imported plan does not reopen: {errors:?}");
        }
    }
}

// ---------------------------------------------------------------------------------
// xlsx: bytes → the XML parts of a workbook, zipped → the importer.
// ---------------------------------------------------------------------------------

/// The `xlsx` target. Random bytes are almost never a ZIP that survives its checksums,
/// so this target fuzzes what is inside one: the input is the first sheet's XML,
/// optionally followed by NUL and the shared strings' XML, and by another NUL and the
/// styles' XML (an empty part is left out); they are stored (not deflated) in a
/// well-formed workbook, which is imported as XLSX (with the `xlsx` feature; without it
/// the import is an error).
pub fn xlsx(data: &[u8]) {
    let mut parts = data.splitn(3, |&b| b == 0);
    let sheet = parts.next().unwrap_or_default();
    let shared = parts.next().filter(|p| !p.is_empty());
    let styles = parts.next().filter(|p| !p.is_empty());
    let workbook = xlsx_workbook(sheet, shared, styles);
    import_with(&workbook, &ImportOptions { format: Some(TableFormat::Xlsx), year: Some(2023), ..Default::default() });
}

/// The `pdf` target: the bytes as a PDF (a `%PDF-` header put in front if they have
/// none, so that every input reaches the PDF reader), its tables found and imported as
/// `import_table` does for a PDF, with the core's `pdf` feature (without it, the replay
/// checks that a PDF is refused, not read). The report is written in both languages.
pub fn pdf(data: &[u8]) {
    let bytes: std::borrow::Cow<[u8]> = if semaforo_core::import::is_pdf(data) { data.into() } else { [b"%PDF-1.4\n".as_slice(), data].concat().into() };
    import_with(&bytes, &ImportOptions { year: Some(2023), ..Default::default() });
}

/// A workbook of one sheet with these parts, as the bytes of an XLSX file.
pub fn xlsx_workbook(sheet: &[u8], shared: Option<&[u8]>, styles: Option<&[u8]>) -> Vec<u8> {
    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    const SHEET_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    const STRINGS_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
    const STYLES_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    let mut overrides = String::from(
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    );
    let mut rels = format!(r#"<Relationship Id="rId1" Type="{SHEET_TYPE}" Target="worksheets/sheet1.xml"/>"#);
    if shared.is_some() {
        overrides.push_str(
            r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
        );
        rels.push_str(&format!(r#"<Relationship Id="rId2" Type="{STRINGS_TYPE}" Target="sharedStrings.xml"/>"#));
    }
    if styles.is_some() {
        overrides.push_str(r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#);
        rels.push_str(&format!(r#"<Relationship Id="rId3" Type="{STYLES_TYPE}" Target="styles.xml"/>"#));
    }
    let content_types = format!(
        r#"{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>"#
    );
    let root_rels = format!(
        r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let workbook = format!(
        r#"{XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let workbook_rels = format!(r#"{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#);
    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(shared) = shared {
        files.push(("xl/sharedStrings.xml", shared));
    }
    if let Some(styles) = styles {
        files.push(("xl/styles.xml", styles));
    }
    stored_zip(&files)
}

/// A ZIP archive with every file stored uncompressed, with correct CRC-32s.
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: u16) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let crc = crc32(data);
        let offset = out.len() as u32;
        let size = data.len() as u32;
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        for v in [20, 0, 0, 0, 0x21] {
            u16le(&mut out, v); // version, flags, method (stored), time, date
        }
        for v in [crc, size, size] {
            u32le(&mut out, v);
        }
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0, 0, 0, 0x21] {
            u16le(&mut central, v);
        }
        for v in [crc, size, size] {
            u32le(&mut central, v);
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, v); // name, extra, comment length, disk, internal attributes
        }
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, files.len() as u16, files.len() as u16] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central_size);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

// ---------------------------------------------------------------------------------
// share_link: text → decode_edits → the edits applied to fixture plans.
// ---------------------------------------------------------------------------------

/// Two fixtures a share link's edits are applied to: TNO 2023 (the default plan) and
/// Massa-Carrara 2021 (cruscotti, whose indicators have `cruscotto/…` ids). One set per
/// thread: a plan shares its codes (`Rc`), and the replay runs each input on a thread
/// of its own.
fn with_fixtures(body: impl FnOnce(&[Plan])) {
    thread_local! {
        static FIXTURES: Vec<Plan> = [include_str!("../../../tests/fixtures/tno-2023.json"), include_str!("../../../tests/fixtures/massa-carrara-2021.json")]
            .into_iter()
            .map(|text| load_plan(text).expect("a fixture loads"))
            .collect();
    }
    FIXTURES.with(|plans| body(plans));
}

/// The `share_link` target: the text of a `#edits=` link. Mutating base64 seldom gives
/// JSON, so a text that starts with `[` (not a base64 character) is taken for the JSON
/// inside a link and encoded first: the fuzzer can then mutate the edits themselves.
pub fn share_link(data: &[u8]) {
    use base64::Engine;
    let text = String::from_utf8_lossy(data);
    let link = if text.trim_start().starts_with('[') { base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data) } else { text.into_owned() };
    let Ok(edits) = scenario::decode_edits(&link) else { return };
    round_trip_link(&edits);
    with_fixtures(|plans| {
        for plan in plans {
            let before = &evaluate(plan);
            let decimals = plan.policy.display_decimals;
            let (edited, problems) = scenario::apply(plan, &edits);
            for problem in &problems {
                let _ = problem.to_string();
            }
            let after = evaluate(&edited);
            format_evaluation(&after, decimals);
            for change in scenario::compare(before, &after) {
                if let Some(delta) = change.delta {
                    let _ = format::signed(delta, decimals);
                }
            }
            // The app applies a link's edits through Live: the same result.
            let mut live = Live::new(plan.clone());
            for edit in &edits {
                let _ = live.apply(edit);
            }
            assert_eq!(live.plan(), &edited, "live plan differs from the link's edits applied to a copy");
            assert_eq!(live.evaluation(), &after, "live evaluation differs from evaluation from scratch");
        }
    });
}
