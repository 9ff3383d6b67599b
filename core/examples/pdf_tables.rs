//! The tables Semaforo finds in a PDF, as tab-separated rows (each preceded by its page),
//! for looking at what the reader made of a file:
//!     cargo run --release -p semaforo-core --features pdf --example pdf_tables -- FILE [FIRST-LAST]
use semaforo_core::import::pdf::{list_tables, tables_as_tsv, PageRange};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: pdf_tables FILE [FIRST-LAST]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let range = args.get(2).and_then(|r| PageRange::parse(r));
    let listed = list_tables(&bytes, range);
    for d in &listed.diagnostics {
        eprintln!("{d}");
    }
    for t in &listed.tables {
        println!("## table {} pages {:?} rows {} columns {} ruled {}", t.index + 1, t.pages, t.rows, t.columns, t.ruled);
        print!("{}", tables_as_tsv(&bytes, range, Some(&[t.index])));
    }
}
