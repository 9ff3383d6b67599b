#![no_main]
// The body lives in src/lib.rs, shared with the stable replay test.
libfuzzer_sys::fuzz_target!(|data: &[u8]| semaforo_core_fuzz::pdf(data));
