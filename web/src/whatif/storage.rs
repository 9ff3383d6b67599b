//! The what-if model's browser side: scenarios in localStorage and the share link in the
//! address.
//!
//! Scenarios are kept per plan, under a key made of the plan's name and a hash of its
//! content, so that two plans with the same file name never mix their scenarios. They are
//! written only after the user changed something, never when a plan or scenario file
//! failed to load.

use gloo::storage::{LocalStorage, Storage};

use super::model::Stored;

const PREFIX: &str = "semaforo.whatif.v1";

/// The storage key of a plan: `semaforo.whatif.v1:<name>:<fingerprint of its text>`.
pub fn key(name: &str, fingerprint: u64) -> String {
    format!("{PREFIX}:{name}:{fingerprint:016x}")
}

/// The fingerprint of a plan's text as it was read (the file, or the importer's plan):
/// the same file keeps its scenarios. Hashed as read rather than written out again, which
/// at 100 000 indicators took more of the opening than evaluating the plan.
pub fn fingerprint(text: &str) -> u64 {
    fnv1a(text.as_bytes())
}

/// FNV-1a, 64 bits: stable across builds and browsers, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// What storage kept for a plan: `Ok(None)` if nothing, `Err` if it cannot be read.
pub fn load(key: &str) -> Result<Option<Stored>, String> {
    let Ok(storage) = LocalStorage::raw().get_item(key) else { return Err("localStorage is not available".into()) };
    match storage {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text).map(Some).map_err(|e| e.to_string()),
    }
}

/// Writes the scenarios of a plan; an error (storage full or blocked) is returned for
/// the page to show, never lost silently.
pub fn save(key: &str, stored: &Stored) -> Result<(), String> {
    let text = serde_json::to_string_pretty(stored).map_err(|e| e.to_string())?;
    LocalStorage::raw().set_item(key, &text).map_err(|_| "localStorage refused the write (full or blocked)".to_string())
}

/// The edits of a share link (`#edits=…`), if the page was opened with one.
pub fn link_edits() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let value = hash.trim_start_matches('#').split('&').find_map(|part| part.strip_prefix("edits="))?;
    Some(value.to_string())
}

/// Takes the share link out of the address once it is applied: a reload must not add
/// the same scenario again (the scenario itself is in storage by then).
pub fn clear_link() {
    let window = gloo::utils::window();
    let location = window.location();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// This page's address (with its `?plan=`) and the edits as a share link.
pub fn share_url(encoded: &str) -> String {
    let location = gloo::utils::window().location();
    format!("{}{}{}#edits={encoded}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key is the one earlier versions stored scenarios under: the FNV-1a of the plan
    /// written pretty, whole.
    #[test]
    fn the_key_of_a_plan_is_its_name_and_the_hash_of_its_text() {
        let text = include_str!("../../../tests/fixtures/tno-2023.json");
        let whole = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
        assert_eq!(key("tno-2023.json", fingerprint(text)), format!("semaforo.whatif.v1:tno-2023.json:{whole:016x}"));
        // Another text is another plan, even if only a value differs.
        assert_ne!(fingerprint(text), fingerprint(&text.replacen("98.96", "98.97", 1)));
    }
}
