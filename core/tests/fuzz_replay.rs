//! Replays the fuzz corpora on stable: every file of `core/fuzz/corpus/<target>/` and
//! `core/fuzz/regressions/<target>/` (and the repository's fixtures the fuzzers are
//! seeded with) goes through the same body the fuzz target runs (`core/fuzz/src/lib.rs`,
//! included here), and a panic or an input that takes too long fails the test, naming
//! the file. A panic the core catches itself counts too, as in the fuzz build: the
//! release and wasm builds abort on any panic (except an arithmetic overflow in a
//! dependency, which only this debug build checks).
//!
//! `core/fuzz/known-crashes/<target>/` holds crashes found but not fixed yet: skipped,
//! unless `SEMAFORO_FUZZ_KNOWN=1` is set, which replays them too (to check a fix; then
//! move the file to `regressions/`).
//!
//! If the test process itself dies (an allocation too large aborts it, no panic), the
//! input it was running is named in `target/tmp/fuzz-replay-<target>.txt`; with
//! `SEMAFORO_FUZZ_VERBOSE=1` every input is also printed to stderr as it starts.
//!
//! The `import` and `xlsx` bodies read XLSX only with the core's `xlsx` feature on (as
//! in `cargo test --workspace`, where the CLI turns it on); without it those inputs only
//! reach the "no XLSX in this build" error.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod bodies;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One input may take this long in a debug build before it counts as a hang
/// (libFuzzer's limit in the optimised fuzz build is 10 s).
const PER_INPUT: Duration = Duration::from_secs(30);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn files_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .filter(|p| keep(p))
        .collect();
    files.sort();
    files
}

fn any(_: &Path) -> bool {
    true
}

thread_local! {
    /// Where the last panic on this thread happened (set by the hook of `record_places`),
    /// caught or not.
    static PLACE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A panic hook that keeps, besides the default report, where each panic happened: its
/// location and the first function of the core in its backtrace (rust_decimal's
/// operators panic on overflow, so their caller is the place that matters).
fn record_places() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let location = info.location().map(|l| l.to_string()).unwrap_or_default();
            let backtrace = std::backtrace::Backtrace::force_capture().to_string();
            let mut lines = backtrace.lines();
            let mut core = None;
            while let Some(line) = lines.next() {
                let frame = line.trim_start().split_once(": ").map(|(_, f)| f).unwrap_or("");
                if frame.starts_with("semaforo_core::") {
                    let at = lines.next().map(|l| l.trim_start().trim_start_matches("at ")).unwrap_or("");
                    core = Some(if at.contains(".rs:") { format!("{frame} at {at}") } else { frame.to_string() });
                    break;
                }
            }
            let in_core = location.contains("/core/src/") || location.starts_with("src/");
            let message = info.payload().downcast_ref::<String>().map(String::as_str).or_else(|| info.payload().downcast_ref::<&str>().copied()).unwrap_or("");
            // An arithmetic overflow in a dependency (calamine's cell references) panics
            // only in this debug build: the shipped builds and the fuzz build compile
            // dependencies without overflow checks. The core's own overflows count.
            if !in_core && message.starts_with("attempt to ") && message.ends_with(" overflow") {
                return;
            }
            let place = match core {
                Some(core) if !in_core => format!("panicked at {location}, in {core}"),
                _ => format!("panicked at {location}"),
            };
            PLACE.with(|p| *p.borrow_mut() = Some(place));
            default(info);
        }));
    });
}

/// Runs every file through `body`; fails listing each file that panicked or hung.
fn replay(target: &str, body: fn(&[u8]), seeds: Vec<PathBuf>) {
    record_places();
    let fuzz = root().join("fuzz");
    let mut files = seeds;
    files.extend(files_in(&fuzz.join("corpus").join(target), any));
    files.extend(files_in(&fuzz.join("regressions").join(target), any));
    if std::env::var_os("SEMAFORO_FUZZ_KNOWN").is_some_and(|v| v == "1") {
        files.extend(files_in(&fuzz.join("known-crashes").join(target), any));
    }
    let marker = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-replay-{target}.txt"));
    let verbose = std::env::var_os("SEMAFORO_FUZZ_VERBOSE").is_some_and(|v| v == "1");
    let started = Instant::now();
    let mut failures = Vec::new();
    for file in &files {
        let data = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // In case the input aborts the whole process, where no panic can be caught.
        let _ = std::fs::write(&marker, file.display().to_string());
        if verbose {
            // Straight to stderr, past the harness's capture, so that it shows on an abort.
            let _ = writeln!(std::io::stderr(), "fuzz_replay {target}: {}", file.display());
        }
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| body(&data));
            let place = PLACE.with(|p| p.take());
            let _ = tx.send(match outcome {
                // A panic the core caught (it wraps calamine in catch_unwind) still
                // counts: the release and wasm builds have panic = "abort", and so does
                // libFuzzer's hook.
                Ok(()) => match place {
                    Some(place) => Err(format!("{place} (caught; with panic = \"abort\" this aborts)")),
                    None => Ok(()),
                },
                Err(payload) => {
                    let message = payload
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "a panic without a message".into());
                    Err(format!("{}: {message}", place.unwrap_or_default()))
                }
            });
        });
        match rx.recv_timeout(PER_INPUT) {
            Ok(Ok(())) => {}
            Ok(Err(message)) => failures.push(format!("{}: {message}", file.display())),
            Err(_) => failures.push(format!("{}: still running after {PER_INPUT:?}", file.display())),
        }
    }
    assert!(failures.is_empty(), "{target}: {} of {} inputs failed:\n{}", failures.len(), files.len(), failures.join("\n"));
    eprintln!("{target}: {} inputs in {:.1?}", files.len(), started.elapsed());
}

#[test]
fn plan_corpus() {
    let fixtures = root().join("../tests/fixtures");
    replay("plan", bodies::plan, files_in(&fixtures, |p| p.extension().is_some_and(|e| e == "json")));
}

#[test]
fn import_corpus() {
    let tables = root().join("../tests/fixtures/tables");
    let seeds = files_in(&tables, |p| p.extension().is_some_and(|e| e == "tsv" || e == "csv" || e == "xlsx"));
    replay("import", bodies::import, seeds);
}

/// The `pdf` target's corpus and crashes, and the PDF fixtures it starts from (read
/// only with the core's `pdf` feature; without it each is refused, not read).
#[test]
fn pdf_corpus() {
    let pdfs = root().join("../tests/fixtures/pdf");
    replay("pdf", bodies::pdf, files_in(&pdfs, |p| p.extension().is_some_and(|e| e == "pdf")));
}

#[test]
fn xlsx_corpus() {
    replay("xlsx", bodies::xlsx, Vec::new());
}

#[test]
fn share_link_corpus() {
    replay("share_link", bodies::share_link, Vec::new());
}

/// The workbook the `xlsx` target builds is one the importer reads: the fixture's
/// sheet, wrapped by it, imports as the fixture file itself does.
#[cfg(feature = "xlsx")]
#[test]
fn the_xlsx_target_builds_readable_workbooks() {
    use semaforo_core::import::{import_table, ImportOptions};
    let corpus = root().join("fuzz/corpus/xlsx/seed-cruscotto-promozione");
    let seed = std::fs::read(&corpus).expect("the xlsx seed");
    let (sheet, styles) = seed.split_at(seed.iter().position(|&b| b == 0).expect("sheet NUL shared NUL styles"));
    let styles = &styles[2..]; // no shared strings: the sheet's strings are inline
    let built = import_table(&bodies::xlsx_workbook(sheet, None, Some(styles)), &ImportOptions::default());
    let fixture = std::fs::read(root().join("../tests/fixtures/tables/cruscotto-promozione.xlsx")).unwrap();
    let original = import_table(&fixture, &ImportOptions::default());
    assert!(built.plan.is_some(), "{:?}", built.diagnostics);
    assert_eq!(built.plan, original.plan);
}
