//! The browser's storage, where it is allowed: private modes and sandboxed frames may refuse it,
//! sometimes only on write.

pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Per tab: an embed's view survives a reload without touching the host page's URL.
pub fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn read(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage?.get_item(key).ok().flatten()
}

/// Whether a write (or, for an empty value, a removal) went through.
pub fn write(storage: Option<web_sys::Storage>, key: &str, value: &str) -> bool {
    match storage {
        Some(s) if value.is_empty() => s.remove_item(key).is_ok(),
        Some(s) => s.set_item(key, value).is_ok(),
        None => false,
    }
}
