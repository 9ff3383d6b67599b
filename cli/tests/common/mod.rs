//! What the command-line tests share: running `semaforo`, temporary files, fixtures.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name)
}

pub fn semaforo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_semaforo")).args(args).output().expect("semaforo runs")
}

/// Runs `semaforo`, killing it past `limit`: a test of something that must not take
/// forever fails instead of hanging. Standard output goes through a file, so a large
/// output never fills a pipe.
pub fn semaforo_within(args: &[&str], limit: Duration, name: &str) -> Output {
    let out = temp_path(&format!("{name}.stdout"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_semaforo"))
        .args(args)
        .stdout(Stdio::from(std::fs::File::create(&out).unwrap()))
        .stderr(Stdio::piped())
        .spawn()
        .expect("semaforo runs");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("semaforo {args:?} did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut output = child.wait_with_output().unwrap();
    output.stdout = std::fs::read(&out).unwrap();
    output
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 on stdout")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 on stderr")
}

/// A path in this test process's own temporary directory.
pub fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("semaforo-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = temp_path(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// The exit code, which must be 0, 1 or 2: never a signal, never a panic (134 in release).
pub fn code(output: &Output) -> i32 {
    let code = output.status.code().unwrap_or_else(|| panic!("killed by a signal: {output:?}"));
    assert!((0..=2).contains(&code), "exit code {code}: {output:?}");
    code
}
