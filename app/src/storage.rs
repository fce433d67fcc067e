//! Drafts kept in this browser (LocalStorage, through gloo-storage). All storage access of the
//! app goes through this module.
//!
//! Each draft is stored under its own key, `kyoyu.draft.<id>`, as a small versioned wrapper
//! around core's file envelope ([`kyoyu_core::envelope`]):
//!
//! ```json
//! { "format": "kyoyu-draft", "version": 1, "id": "…", "saved_at": "2025-10-01T09:12:03+09:00",
//!   "exported_at": null, "previous_report": null, "file": { "format": "kyoyu-report", … } }
//! ```
//!
//! - `version` is the version of this wrapper ([`DRAFT_VERSION`]), independent of the file
//!   envelope's own version (which core migrates when the file is read).
//! - `previous_report` is a copy of the report this draft follows up (its `report` member), taken
//!   when 「続報を作成」 made it, so the changes can be marked even if the previous draft is
//!   later edited or deleted.
//!
//! API: [`list`], [`load`], [`save`], [`delete`], [`delete_all`]. Errors are [`StorageError`]
//! with a Japanese message. Extension points for the next engineer: quota errors (in
//! [`save`]), corrupt entries and newer versions (kept aside by [`list`] as [`Listed::Unreadable`],
//! never overwritten), multi-tab conflicts (compare `saved_at` before [`save`]) and encryption
//! (wrap/unwrap `file` in [`to_stored`] / [`from_stored`]).

use gloo_storage::{LocalStorage, Storage};
use kyoyu_core::envelope::{Envelope, FileError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every key of the app starts with this.
pub const PREFIX: &str = "kyoyu.";
/// The key prefix of drafts.
pub const DRAFT_PREFIX: &str = "kyoyu.draft.";
/// The `format` member of a stored draft.
pub const DRAFT_FORMAT: &str = "kyoyu-draft";
/// The version of the stored draft wrapper this build writes and reads.
pub const DRAFT_VERSION: u32 = 1;

/// One draft: a report in its envelope, with the app's bookkeeping.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// Stable id of the draft (the key is `kyoyu.draft.<id>`): ASCII letters, digits, `-`.
    pub id: String,
    pub envelope: Envelope,
    /// When it was last saved (RFC 3339, local offset); None before the first save.
    pub saved_at: Option<String>,
    /// When it was last exported as a file (RFC 3339), if ever.
    pub exported_at: Option<String>,
    /// The `report` member of the report this one follows up (see the module doc).
    pub previous_report: Option<Value>,
}

/// The stored shape of a draft.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredDraft {
    format: String,
    version: u32,
    id: String,
    saved_at: Option<String>,
    #[serde(default)]
    exported_at: Option<String>,
    #[serde(default)]
    previous_report: Option<Value>,
    /// core's file envelope, as its JSON value.
    file: Value,
}

/// Why a draft could not be read or written. `Display`: a Japanese message.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// No draft under this id.
    NotFound,
    /// LocalStorage is unavailable or refused the write (quota, private mode).
    Unavailable(String),
    /// The stored text is not a draft this build can read.
    Corrupt(String),
    /// Written by a newer kyoyu.
    NewerVersion(u64),
    /// The envelope inside could not be read (core's message).
    File(FileError),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::NotFound => write!(f, "この下書きはこの端末に保存されていません。"),
            StorageError::Unavailable(d) => {
                write!(f, "ブラウザの保存領域を使えません({d})。ファイルに書き出して保存してください。")
            }
            StorageError::Corrupt(d) => write!(f, "保存された下書きを読み込めません({d})。"),
            StorageError::NewerVersion(v) => write!(
                f,
                "この下書きは新しい版 (v{v}) の kyoyu で保存されました。ページを再読み込みして kyoyu を更新してください。"
            ),
            StorageError::File(e) => write!(f, "{e}"),
        }
    }
}

/// What [`list`] finds under one key.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Draft(Draft),
    /// A key that holds something this build cannot read; left untouched.
    Unreadable { key: String, error: StorageError },
}

/// The storage key of a draft.
pub fn key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

fn to_stored(d: &Draft) -> StoredDraft {
    StoredDraft {
        format: DRAFT_FORMAT.to_string(),
        version: DRAFT_VERSION,
        id: d.id.clone(),
        saved_at: d.saved_at.clone(),
        exported_at: d.exported_at.clone(),
        previous_report: d.previous_report.clone(),
        file: d.envelope.to_value(),
    }
}

fn from_stored(text: &str) -> Result<Draft, StorageError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
        return Err(StorageError::Corrupt("形式が違います".into()));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(DRAFT_VERSION) => return Err(StorageError::NewerVersion(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(StorageError::Corrupt("版がありません".into())),
    }
    let stored: StoredDraft =
        serde_json::from_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let envelope = Envelope::from_value(stored.file).map_err(StorageError::File)?;
    Ok(Draft {
        id: stored.id,
        envelope,
        saved_at: stored.saved_at,
        exported_at: stored.exported_at,
        previous_report: stored.previous_report,
    })
}

/// The browser's LocalStorage, or why it cannot be used (checked first, so that gloo's
/// `LocalStorage::raw()`, which panics without one, is never reached in that case).
fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    let available = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some();
    if available {
        Ok(LocalStorage::raw())
    } else {
        Err(StorageError::Unavailable("localStorage を使えません".into()))
    }
}

/// Every key under [`DRAFT_PREFIX`].
fn draft_keys() -> Result<Vec<String>, StorageError> {
    let s = raw_storage()?;
    let n = s.length().unwrap_or(0);
    let mut keys = Vec::new();
    for i in 0..n {
        if let Ok(Some(k)) = s.key(i) {
            if k.starts_with(DRAFT_PREFIX) {
                keys.push(k);
            }
        }
    }
    Ok(keys)
}

/// Every draft kept in this browser (unordered), and the keys that could not be read.
pub fn list() -> Vec<Listed> {
    let Ok(keys) = draft_keys() else { return Vec::new() };
    let s = match raw_storage() {
        Ok(s) => s,
        Err(_) => return Vec::new(),
    };
    keys.into_iter()
        .filter_map(|k| {
            let text = s.get_item(&k).ok().flatten()?;
            Some(match from_stored(&text) {
                Ok(d) => Listed::Draft(d),
                Err(error) => Listed::Unreadable { key: k, error },
            })
        })
        .collect()
}

/// The drafts that could be read.
pub fn drafts() -> Vec<Draft> {
    list()
        .into_iter()
        .filter_map(|l| match l {
            Listed::Draft(d) => Some(d),
            Listed::Unreadable { .. } => None,
        })
        .collect()
}

/// The draft with this id.
pub fn load(id: &str) -> Result<Draft, StorageError> {
    let s = raw_storage()?;
    let text = s
        .get_item(&key(id))
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?
        .ok_or(StorageError::NotFound)?;
    from_stored(&text)
}

/// Writes a draft (its `saved_at` as given: set it before calling).
pub fn save(d: &Draft) -> Result<(), StorageError> {
    raw_storage()?;
    LocalStorage::set(key(&d.id), to_stored(d))
        .map_err(|e| StorageError::Unavailable(e.to_string()))
}

/// Removes one draft.
pub fn delete(id: &str) -> Result<(), StorageError> {
    raw_storage()?;
    LocalStorage::delete(key(id));
    Ok(())
}

/// Removes everything the app keeps in this browser (every `kyoyu.` key).
pub fn delete_all() -> Result<(), StorageError> {
    let s = raw_storage()?;
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for k in keys {
        s.remove_item(&k).map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    }
    Ok(())
}

/// Now, RFC 3339 with the local offset (for `saved_at`, `exported_at`).
pub fn now_rfc3339() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}
