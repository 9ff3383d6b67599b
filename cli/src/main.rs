//! `semaforo`: check and evaluate plan files from the command line, for an OIV auditor
//! or a site build that works in batch. All logic is in `semaforo-core`; this file only
//! reads files, parses arguments and prints.

use args::Invocation;
use semaforo_core::diagnostic::{self, has_errors, Localized};
use semaforo_core::evaluate::{Evaluation, Item, NodeKind, NodeResult};
use semaforo_core::plan::{Published, Verdict};
use semaforo_core::published::Agreement;
use semaforo_core::{check_plan, evaluate, synthetic, Decimal, Diagnostic, Lang, Plan};
use semaforo_core::{format, labels};
use serde::Serialize;
use std::collections::HashMap;
use std::process::ExitCode;
use terminal::escape;

mod args;
mod audit;
mod import;
mod terminal;

fn usage() -> String {
    format!(
        "\
semaforo: check and evaluate performance plans (Semaforo plan format v1)

Usage:
  semaforo check PLAN               validation report; exit code 1 on errors
  semaforo evaluate PLAN            the tree with scores and verdicts; the plan's warnings on stderr
  semaforo evaluate PLAN --json     every node and indicator, scores as exact decimals, and the warnings
  semaforo evaluate PLAN --explain  the table, with the rule behind every number
  semaforo audit PLAN               every inconsistency of a report, located, with why it matters;
                                    exit code 1 when a finding is an error
  semaforo audit PLAN --json|--csv  the findings as JSON (code, location, params, message, why) or CSV
  semaforo schema                   the JSON Schema of the plan format
  semaforo synthetic N              a made-up plan of about N indicators (at most {}), for benchmarks
  semaforo import TABLE [--settings FILE] [--map COL=FIELD]… [--row ROW=ROLE]… [--save-settings FILE] …
                                    a table (TSV, CSV, XLSX) or a report's PDF as a plan on stdout; row
                                    errors on stderr

Options of check, evaluate, audit and import:
  --lang it|en                      language of the messages, the table and explanations (default it);
                                    codes and paths are the same in both

Options of import:
  --format tsv|csv|semicolon|xlsx   the table's format (default: recognised from the file)
  --map COL=FIELD                   read column COL (1 for the first) as FIELD; COL=auto: as its heading
                                    says. FIELD: {fields}
  --row ROW=ROLE                    read row ROW of the file (1 for the first line) as ROLE; ROW=auto: as
                                    its cells say. ROLE: {roles}
  --ente NAME, --year YEAR          the ente's name and the plan's year, when the table lacks them
  --settings FILE                   import settings (JSON: format, mapping, ente_name, year, rows),
                                    as --save-settings or the app’s “Scarica impostazioni” write them;
                                    the options above override or extend them
  --save-settings FILE              write the settings used (the file's and the options') to FILE
  --report                          the whole import report (every row and column) instead of the plan

Options of import for a PDF (its tables read from the positions of its text):
  --list-tables                     list the tables found (pages, rows, columns, heading) and stop
  --tables N,M                      import these tables (1 for the first; default: every table with a
                                    heading row); their rows are numbered through them in order
  --pages FIRST-LAST                read these pages only (from 1; 12-40, 12-, -40 or 12)

Exit codes: 0 done; 1 the plan has errors, an audit finding is an error (a published figure
the document's own inputs and rules do not give), or no plan could be imported; 2 the command line
or a file could not be used.
",
        synthetic::MAX_INDICATORS,
        fields = wrap(semaforo_core::import::Field::ALL.iter().map(|f| f.name())),
        roles = wrap(semaforo_core::import::RowRole::ALL.iter().map(|r| r.name())),
    )
}

/// Names for the usage text, comma-separated, wrapped under the descriptions' column.
fn wrap<'a>(names: impl Iterator<Item = &'a str>) -> String {
    const INDENT: usize = 36;
    const WIDTH: usize = 100;
    let names: Vec<&str> = names.collect();
    let mut out = String::new();
    let mut column = INDENT + 12;
    for (i, name) in names.iter().enumerate() {
        let word = if i + 1 < names.len() { format!("{name},") } else { name.to_string() };
        if column + 1 + word.len() > WIDTH {
            out.push_str(&format!("\n{:INDENT$}", ""));
            column = INDENT;
        } else if i > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(&word);
        column += word.len();
    }
    out
}

fn main() -> ExitCode {
    let mut args = Vec::new();
    for (n, arg) in std::env::args_os().skip(1).enumerate() {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(arg) => {
                terminal::err_line(&format!("semaforo: argument {} is not UTF-8 text: {}", n + 1, arg.to_string_lossy()));
                return ExitCode::from(2);
            }
        }
    }
    if args.is_empty() {
        terminal::err(&usage());
        return ExitCode::from(2);
    }
    let args = match args::parse(&args) {
        Ok(Invocation::Help) => return done(terminal::out(&usage())),
        Ok(Invocation::Run(args)) => args,
        Err(message) => return usage_error(&message),
    };
    let operand = |i: usize| args.operands[i].as_str();
    let lang = match args.value("--lang") {
        None | Some("it") => Lang::It,
        Some("en") => Lang::En,
        Some(other) => return usage_error(&format!("unknown language `{}` for `--lang`; one of it, en", escape(other))),
    };
    match args.command.name {
        "check" => check(operand(0), lang),
        "evaluate" => evaluate_command(operand(0), args.flag("--json"), args.flag("--explain"), lang),
        "audit" => audit::run(operand(0), args.flag("--json"), args.flag("--csv"), lang),
        "synthetic" => synthetic_command(operand(0)),
        "schema" => done(terminal::out_json(&schemars::schema_for!(Plan), true)),
        "import" => import::run(&args, lang),
        other => usage_error(&format!("`{other}` is not implemented")),
    }
}

pub(crate) fn usage_error(message: &str) -> ExitCode {
    terminal::err(&format!("semaforo: {message}\n(`semaforo --help` lists the commands and their options)\n"));
    ExitCode::from(2)
}

fn done(written: Result<(), ExitCode>) -> ExitCode {
    written.err().unwrap_or(ExitCode::SUCCESS)
}

fn synthetic_command(size: &str) -> ExitCode {
    let most = synthetic::MAX_INDICATORS;
    match size.parse::<usize>() {
        Ok(size) if size <= most => done(terminal::out_json(&synthetic::plan(size), false)),
        Err(_) if size.is_empty() || !size.bytes().all(|b| b.is_ascii_digit()) => {
            terminal::err_line(&format!("synthetic: expected a number of indicators up to {most}, found `{size}`"));
            ExitCode::from(2)
        }
        _ => {
            terminal::err_line(&format!("synthetic: at most {most} indicators, found `{size}`"));
            ExitCode::from(2)
        }
    }
}

/// The file as text; exit code 2 when it cannot be read or is not UTF-8.
pub(crate) fn read(path: &str) -> Result<String, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| {
        terminal::err_line(&format!("{path}: cannot read the file: {e}"));
        ExitCode::from(2)
    })?;
    String::from_utf8(bytes).map_err(|e| {
        terminal::err_line(&not_utf8(path, e.as_bytes(), e.utf8_error().valid_up_to()));
        ExitCode::from(2)
    })
}

/// Where a file stops being UTF-8: the offset of the first invalid byte, its line, and
/// what to do.
fn not_utf8(path: &str, bytes: &[u8], at: usize) -> String {
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    let byte = bytes.get(at).map(|b| format!(" (0x{b:02X})")).unwrap_or_default();
    let advice = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        "the file looks like UTF-16: save it as UTF-8"
    } else {
        "a plan is UTF-8 text: save it as UTF-8"
    };
    format!("{path}: not UTF-8: invalid byte{byte} at byte offset {at} (line {line}); {advice}")
}

/// One line per diagnostic, `PATH: severity[code] json.path: message`, the message in
/// `lang`, each escaped whole.
pub(crate) fn diagnostic_lines(path: &str, diagnostics: &[Diagnostic], lang: Lang) -> String {
    diagnostics.iter().map(|d| format!("{}\n", escape(&format!("{path}: {}", d.line(lang))))).collect()
}

fn check(path: &str, lang: Lang) -> ExitCode {
    let text = match read(path) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let (_, diagnostics) = check_plan(&text);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let summary = format!("{}: {}\n", escape(path), diagnostic::counts(lang, errors, warnings));
    if let Err(code) = terminal::out(&(diagnostic_lines(path, &diagnostics, lang) + &summary)) {
        return code;
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `evaluate --json`: the evaluation's fields (`nodes`, `indicators`) as they always were,
/// and beside them the plan's warnings, with their code, parameters and message.
#[derive(Serialize)]
struct Results<'a> {
    #[serde(flatten)]
    evaluation: &'a Evaluation,
    diagnostics: Localized<&'a [Diagnostic]>,
}

/// Reads and checks a plan to be scored (`evaluate`, `audit`): its diagnostics on standard
/// error; the plan and them, unless it has errors (then the exit code).
pub(crate) fn scorable(path: &str, lang: Lang) -> Result<(Plan, Vec<Diagnostic>), ExitCode> {
    let text = read(path)?;
    let (plan, diagnostics) = check_plan(&text);
    // The plan holds what it needs: the text would only add its size to the peak.
    drop(text);
    // Errors or warnings, the reader of the scores is told, on standard error.
    terminal::err(&diagnostic_lines(path, &diagnostics, lang));
    match plan {
        Some(plan) if !has_errors(&diagnostics) => Ok((plan, diagnostics)),
        _ => Err(ExitCode::FAILURE),
    }
}

fn evaluate_command(path: &str, json: bool, explain: bool, lang: Lang) -> ExitCode {
    let (plan, diagnostics) = match scorable(path, lang) {
        Ok(checked) => checked,
        Err(code) => return code,
    };
    let evaluation = evaluate(&plan);
    if json {
        let diagnostics = Localized { value: diagnostics.as_slice(), lang };
        done(terminal::out_json(&Results { evaluation: &evaluation, diagnostics }, true))
    } else {
        done(table(&plan, &evaluation, explain, lang))
    }
}

/// Table text is written out in pieces of about this size, so that the table of a large
/// plan is never held whole beside the plan and its evaluation.
const TABLE_CHUNK: usize = 1 << 16;

/// Prints the tree as an indented table: code, name, weight, score, verdict.
fn table(plan: &Plan, evaluation: &Evaluation, explain: bool, lang: Lang) -> Result<(), ExitCode> {
    let mut written: Result<(), ExitCode> = Ok(());
    let decimals = plan.policy.display_decimals;
    let mut out = String::new();
    let header = match lang {
        Lang::It => ["Codice", "Nome", "Peso", "Risultato", "Valutazione"],
        Lang::En => ["Code", "Name", "Weight", "Score", "Verdict"],
    };
    out.push_str(&format!("{:<34} {:<48} {:>8} {:>10}  {}\n", header[0], header[1], header[2], header[3], header[4]));
    let mut write_node = |node: &NodeResult, depth: usize, out: &mut String| {
        out.push_str(&row(depth, &node.code, &node.name, node.weight, node.score, node.verdict, decimals, lang));
        out.push_str(&published_note(depth, node.published.as_deref(), node.score, decimals, lang));
        if explain {
            out.push_str(&format!("{:indent$}  = {}\n", "", escape(&node.explanation.render(lang)), indent = depth * 2));
        }
        // The weight each indicator has here (a cruscotto may weigh it differently from the
        // tree), looked up once per node: the first item of that indicator, as before.
        let mut items: HashMap<&str, &Item> = HashMap::with_capacity(node.items.len());
        for item in node.items.iter().filter(|item| item.indicator) {
            items.entry(&*item.id).or_insert(item);
        }
        for id in &node.indicators {
            if let Some(i) = evaluation.indicator(id) {
                let weight = items.get(&**id).map_or(i.weight, |item| item.weight);
                out.push_str(&row(depth + 1, &i.code, &i.name, weight, i.achievement, i.verdict, decimals, lang));
                out.push_str(&published_note(depth + 1, i.published.as_deref(), i.achievement, decimals, lang));
                if explain {
                    out.push_str(&format!("{:indent$}  = {}\n", "", escape(&i.explanation.render(lang)), indent = (depth + 1) * 2));
                }
            }
        }
        if out.len() > TABLE_CHUNK {
            if written.is_ok() {
                written = terminal::out(out);
            }
            out.clear();
        }
    };
    fn walk(evaluation: &Evaluation, id: &str, depth: usize, out: &mut String, write: &mut dyn FnMut(&NodeResult, usize, &mut String)) {
        if let Some(node) = evaluation.node(id) {
            write(node, depth, out);
            for child in &node.children {
                // A cruscotto lists referenced objectives as children: show them once, in the tree.
                if evaluation.node(child).is_some_and(|c| c.parent.as_deref() == Some(id)) {
                    walk(evaluation, child, depth + 1, out, write);
                }
            }
        }
    }
    walk(evaluation, "ENTE", 0, &mut out, &mut write_node);
    let others: Vec<&NodeResult> = evaluation.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Unit | NodeKind::Cruscotto) && n.parent.is_none()).collect();
    if !others.is_empty() {
        out.push('\n');
        for node in others {
            walk(evaluation, &node.id, 0, &mut out, &mut write_node);
        }
    }
    written?;
    terminal::out(&out)
}

#[allow(clippy::too_many_arguments)]
fn row(depth: usize, code: &str, name: &str, weight: Option<Decimal>, score: Option<Decimal>, verdict: Option<Verdict>, decimals: u32, lang: Lang) -> String {
    let code = format!("{:indent$}{}", "", escape(code), indent = depth * 2);
    let name = escape(name);
    let name: String = if name.chars().count() > 48 { name.chars().take(47).chain(['…']).collect() } else { name.into_owned() };
    let weight = weight.map(|w| format::number_in(lang, w, decimals)).unwrap_or_default();
    let score = labels::score(lang, score, decimals);
    let verdict = verdict.map(|v| format!("{} {}", labels::verdict_mark(Some(v)), labels::verdict(lang, Some(v)))).unwrap_or_default();
    format!("{code:<34} {name:<48} {weight:>8} {score:>10}  {verdict}\n")
}

/// Where the document printed another figure than the one computed: a line under the
/// row with the printed figure, and the likely reason when the plan records one.
fn published_note(depth: usize, published: Option<&Published>, computed: Option<Decimal>, decimals: u32, lang: Lang) -> String {
    let Some(published) = published else { return String::new() };
    let Some(printed) = published.score else { return String::new() };
    if semaforo_core::published::compare(printed, computed) == Agreement::Agrees {
        return String::new();
    }
    let number = format::percent_in(lang, printed, decimals);
    let label = match lang {
        Lang::It => "il documento pubblica",
        Lang::En => "the document publishes",
    };
    let mut note = format!("{:indent$}  ≠ {label} {number}", "", indent = depth * 2);
    if let Some(reason) = &published.discrepancy {
        note.push_str(&format!(": {}", escape(reason)));
    }
    note.push('\n');
    note
}
