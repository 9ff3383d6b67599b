//! The app's entry point: everything is in the library (`lib.rs`), which the on-demand
//! import module (`web/xlsx-module`, feature `ui`) links too, for the importer's panel.

fn main() {
    semaforo_web::start();
}
