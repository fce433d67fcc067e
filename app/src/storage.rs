//! Drafts kept in this browser (LocalStorage). All storage access of the app goes through this
//! module.
//!
//! Each draft is stored under its own key, `kyoyu.draft.<id>`, as a small versioned wrapper
//! around core's file envelope ([`kyoyu_core::envelope`]):
//!
//! ```json
//! { "format": "kyoyu-draft", "version": 1, "id": "…", "saved_at": "2025-10-01T09:12:03.120+09:00",
//!   "created_at": "…", "exported_at": null, "previous_report": null, "file": { "format": "kyoyu-report", … } }
//! ```
//!
//! - `version` is the version of this wrapper ([`DRAFT_VERSION`]), independent of the file
//!   envelope's own version (which core migrates when the file is read). Older wrappers are
//!   upgraded when read ([`migrate`]: v0 had neither `exported_at` nor `previous_report`) and
//!   written back in the current version on the next save — never on a mere read.
//! - `previous_report` is a copy of the report this draft follows up (its `report` member), taken
//!   when 「続報を作成」 made it, so the changes can be marked even if the previous draft is
//!   later edited or deleted.
//! - `created_at` (optional) is when the draft was first saved: the export reminder uses it.
//!
//! **Nothing lost.** A key that holds something this build cannot read (corrupt, or from a
//! newer version) is listed as [`Listed::Unreadable`] and [`save`] refuses to write over it;
//! only an explicit [`delete`] removes it. [`save_checked`] refuses to write over a version saved
//! by another tab since this one last loaded or saved it ([`StorageError::Conflict`]).
//! A full storage gives [`StorageError::QuotaExceeded`]; the caller keeps the edit in memory.
//!
//! **Encryption at rest (opt-in).** When the key-check record [`CRYPTO_KEY`] exists, every draft
//! is stored sealed, `{ "format": "kyoyu-sealed", "version": 1, "iv": "<base64>", "ct": "<base64>" }`
//! (AES-256-GCM of the wrapper's JSON, the storage key bound as additional data), so only the
//! draft ids stay in clear. The key is derived from a passphrase ([`crate::seal`]) by [`unlock`]
//! and kept in memory only; the decrypted wrappers are kept in memory too, so that reading stays
//! synchronous. Writes are sealed in the background (a failure is published by
//! [`write_failure`]). The record holds `salt`, `iterations` and a sealed known value, so that a
//! wrong passphrase is detected ([`StorageError::WrongPassphrase`]) and changes nothing.

use std::cell::RefCell;
use std::collections::HashMap;

use kyoyu_core::envelope::{Envelope, FileError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::CryptoKey;

use crate::seal;

/// Every key of the app starts with this.
pub const PREFIX: &str = "kyoyu.";
/// The key prefix of drafts.
pub const DRAFT_PREFIX: &str = "kyoyu.draft.";
/// The `format` member of a stored draft.
pub const DRAFT_FORMAT: &str = "kyoyu-draft";
/// The version of the stored draft wrapper this build writes and reads.
pub const DRAFT_VERSION: u32 = 1;
/// The key of the encryption key-check record (present = encryption is on).
pub const CRYPTO_KEY: &str = "kyoyu.crypto";
/// The `format` of a sealed entry.
pub const SEALED_FORMAT: &str = "kyoyu-sealed";
/// Set once `navigator.storage.persist()` has been asked.
const PERSIST_ASKED_KEY: &str = "kyoyu.persist-asked";
/// The known value sealed in the key-check record.
const CHECK_VALUE: &str = "kyoyu-key-check-v1";

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
    /// When it was first saved (RFC 3339), if known.
    pub created_at: Option<String>,
}

/// The stored shape of a draft.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct StoredDraft {
    format: String,
    version: u32,
    id: String,
    saved_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created_at: Option<String>,
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
    /// LocalStorage is unavailable or refused the write (private mode, …).
    Unavailable(String),
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// The stored text is not a draft this build can read.
    Corrupt(String),
    /// Written by a newer kyoyu.
    NewerVersion(u64),
    /// The envelope inside could not be read (core's message).
    File(FileError),
    /// The key holds data this build cannot read: it is kept aside, not overwritten.
    KeptAside,
    /// Another tab saved this draft since this one last loaded or saved it (their version).
    Conflict(Box<Draft>),
    /// Encryption is on and the passphrase has not been given yet.
    Locked,
    /// The passphrase does not open the key-check record.
    WrongPassphrase,
    /// WebCrypto failed (its error name).
    Crypto(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::NotFound => write!(f, "この下書きはこの端末に保存されていません。"),
            StorageError::Unavailable(d) => {
                write!(f, "ブラウザの保存領域を使えません({d})。ファイルに書き出して保存してください。")
            }
            StorageError::QuotaExceeded => write!(
                f,
                "保存できませんでした(端末の保存容量が不足しています)。入力内容はこの画面に残っています。JSONファイルに書き出してください。"
            ),
            StorageError::Corrupt(d) => write!(f, "保存された下書きを読み込めません({d})。"),
            StorageError::NewerVersion(v) => write!(
                f,
                "この下書きは新しい版 (v{v}) の kyoyu で保存されました。ページを再読み込みして kyoyu を更新してください。"
            ),
            StorageError::File(e) => write!(f, "{e}"),
            StorageError::KeptAside => write!(
                f,
                "この保存場所には読み込めないデータがあるため、上書きしません(ホームから元のデータを書き出せます)。"
            ),
            StorageError::Conflict(_) => write!(f, "別のタブでこの下書きが更新されました。"),
            StorageError::Locked => write!(
                f,
                "下書きは暗号化されています。パスフレーズを入力して開いてください。"
            ),
            StorageError::WrongPassphrase => write!(f, "パスフレーズが違います"),
            StorageError::Crypto(d) => write!(f, "暗号化の処理に失敗しました({d})。"),
        }
    }
}

/// What [`list`] finds under one key.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Draft(Draft),
    /// A key that holds something this build cannot read; left untouched.
    Unreadable {
        key: String,
        error: StorageError,
    },
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
        created_at: d.created_at.clone(),
        exported_at: d.exported_at.clone(),
        previous_report: d.previous_report.clone(),
        file: d.envelope.to_value(),
    }
}

/// Upgrades a stored draft wrapper of an older version to the current one
/// ([`DRAFT_VERSION`]), step by step. v0 (no `version` member, or `0`): `{format, id,
/// saved_at, file}`, without `exported_at` and `previous_report`.
pub fn migrate(mut value: Value) -> Result<Value, StorageError> {
    let version = match value.get("version") {
        None | Some(Value::Null) => 0,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| StorageError::Corrupt("版が読めません".into()))?,
    };
    if version > u64::from(DRAFT_VERSION) {
        return Err(StorageError::NewerVersion(version));
    }
    if version == 0 {
        value = migrate_v0_to_v1(value)?;
    }
    Ok(value)
}

/// v0 → v1: adds `exported_at` (never exported) and `previous_report` (none kept), and the
/// version.
pub fn migrate_v0_to_v1(value: Value) -> Result<Value, StorageError> {
    let Value::Object(mut map) = value else {
        return Err(StorageError::Corrupt("形式が違います".into()));
    };
    map.insert("version".into(), Value::from(1));
    map.entry("exported_at").or_insert(Value::Null);
    map.entry("previous_report").or_insert(Value::Null);
    map.entry("saved_at").or_insert(Value::Null);
    Ok(Value::Object(map))
}

fn from_stored(text: &str) -> Result<Draft, StorageError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
        return Err(StorageError::Corrupt("形式が違います".into()));
    }
    let value = migrate(value)?;
    let stored: StoredDraft =
        serde_json::from_value(value).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let envelope = Envelope::from_value(stored.file).map_err(StorageError::File)?;
    Ok(Draft {
        id: stored.id,
        envelope,
        saved_at: stored.saved_at,
        exported_at: stored.exported_at,
        previous_report: stored.previous_report,
        created_at: stored.created_at,
    })
}

// --- the raw store -------------------------------------------------------------------------

/// The browser's LocalStorage, or why it cannot be used.
fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| StorageError::Unavailable("localStorage を使えません".into()))
}

/// A failed `setItem`: quota or otherwise.
fn write_error(e: JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(if name.is_empty() {
            format!("{e:?}")
        } else {
            name
        })
    }
}

fn set_raw(key: &str, text: &str) -> Result<(), StorageError> {
    raw_storage()?.set_item(key, text).map_err(write_error)
}

fn get_raw(key: &str) -> Result<Option<String>, StorageError> {
    raw_storage()?
        .get_item(key)
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))
}

/// A sealed entry as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Sealed {
    format: String,
    version: u32,
    iv: String,
    ct: String,
}

fn parse_sealed(text: &str) -> Option<Sealed> {
    if !text.contains(SEALED_FORMAT) {
        return None;
    }
    serde_json::from_str::<Sealed>(text)
        .ok()
        .filter(|s| s.format == SEALED_FORMAT)
}

/// The key-check record.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeyCheck {
    format: String,
    version: u32,
    kdf: String,
    salt: String,
    iterations: u32,
    iv: String,
    ct: String,
}

/// A decrypted entry kept in memory: its text, and the sealed text it came from (None while
/// this tab's own write of it is being sealed).
struct Opened {
    sealed: Option<String>,
    plain: String,
}

thread_local! {
    static KEY: RefCell<Option<CryptoKey>> = const { RefCell::new(None) };
    static OPENED: RefCell<HashMap<String, Opened>> = RefCell::new(HashMap::new());
    static WRITE_SEQ: RefCell<HashMap<String, u64>> = RefCell::new(HashMap::new());
    static CHANGES: ArcRwSignal<(u64, String)> = ArcRwSignal::new((0, String::new()));
    static WRITE_FAILURE: ArcRwSignal<Option<(String, StorageError)>> = ArcRwSignal::new(None);
    static LOCK_STATE: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// Bumped whenever a key changes from outside this tab (another tab's save or delete), with the
/// key: pages re-read what they show.
pub fn changes() -> ArcRwSignal<(u64, String)> {
    CHANGES.with(|c| c.clone())
}

fn announce_change(key: &str) {
    let c = changes();
    let n = c.get_untracked().0 + 1;
    c.set((n, key.to_string()));
}

/// A background (sealed) write that failed: (draft id, why). Editors watch it.
pub fn write_failure() -> ArcRwSignal<Option<(String, StorageError)>> {
    WRITE_FAILURE.with(|c| c.clone())
}

/// Bumped when encryption is turned on or off, locked or unlocked.
pub fn lock_state() -> ArcRwSignal<u64> {
    LOCK_STATE.with(|c| c.clone())
}

fn bump_lock_state() {
    let s = lock_state();
    s.update(|n| *n += 1);
}

/// Whether drafts are stored encrypted (the key-check record exists).
pub fn encryption_on() -> bool {
    matches!(get_raw(CRYPTO_KEY), Ok(Some(_)))
}

/// Whether the key is in memory.
pub fn unlocked() -> bool {
    KEY.with(|k| k.borrow().is_some())
}

/// Whether the app must ask for the passphrase before showing drafts.
pub fn needs_unlock() -> bool {
    encryption_on() && !unlocked()
}

/// The text of an entry: as stored, or (for a sealed one) as decrypted in memory.
fn read_text(key: &str) -> Result<Option<String>, StorageError> {
    let Some(raw) = get_raw(key)? else {
        return Ok(None);
    };
    if parse_sealed(&raw).is_none() {
        return Ok(Some(raw));
    }
    if let Some(plain) = OPENED.with(|o| o.borrow().get(key).map(|e| e.plain.clone())) {
        // While another tab's newer version is being decrypted, the previous one is shown;
        // the change is announced when it is open.
        return Ok(Some(plain));
    }
    if unlocked() {
        Err(StorageError::Corrupt(
            "この端末の鍵では復号できません".into(),
        ))
    } else {
        Err(StorageError::Locked)
    }
}

/// Writes an entry: in clear, or sealed in the background when encryption is on.
fn write_text(key: &str, text: &str) -> Result<(), StorageError> {
    if !encryption_on() {
        return set_raw(key, text);
    }
    let Some(ck) = KEY.with(|k| k.borrow().clone()) else {
        return Err(StorageError::Locked);
    };
    OPENED.with(|o| {
        o.borrow_mut().insert(
            key.to_string(),
            Opened {
                sealed: None,
                plain: text.to_string(),
            },
        )
    });
    let seq = WRITE_SEQ.with(|s| {
        let mut s = s.borrow_mut();
        let n = s.entry(key.to_string()).or_insert(0);
        *n += 1;
        *n
    });
    let key = key.to_string();
    let text = text.to_string();
    leptos::task::spawn_local(async move {
        let result = match seal_text(&ck, &key, &text).await {
            Ok(sealed) => {
                // A later write of the same key supersedes this one.
                if WRITE_SEQ.with(|s| s.borrow().get(&key).copied()) != Some(seq) {
                    return;
                }
                set_raw(&key, &sealed).map(|()| {
                    OPENED.with(|o| {
                        if let Some(e) = o.borrow_mut().get_mut(&key) {
                            e.sealed = Some(sealed);
                        }
                    })
                })
            }
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            let id = key.strip_prefix(DRAFT_PREFIX).unwrap_or(&key).to_string();
            write_failure().set(Some((id, e)));
        }
    });
    Ok(())
}

async fn seal_text(ck: &CryptoKey, key: &str, text: &str) -> Result<String, StorageError> {
    let (iv, ct) = seal::encrypt(ck, text.as_bytes(), key.as_bytes())
        .await
        .map_err(StorageError::Crypto)?;
    let s = Sealed {
        format: SEALED_FORMAT.into(),
        version: 1,
        iv: seal::b64_encode(&iv),
        ct: seal::b64_encode(&ct),
    };
    serde_json::to_string(&s).map_err(|e| StorageError::Crypto(e.to_string()))
}

async fn open_text(ck: &CryptoKey, key: &str, sealed: &Sealed) -> Result<String, StorageError> {
    if sealed.version != 1 {
        return Err(StorageError::NewerVersion(u64::from(sealed.version)));
    }
    let bad = || StorageError::Corrupt("暗号化データが壊れています".into());
    let iv = seal::b64_decode(&sealed.iv).ok_or_else(bad)?;
    let ct = seal::b64_decode(&sealed.ct).ok_or_else(bad)?;
    let plain = seal::decrypt(ck, &iv, &ct, key.as_bytes())
        .await
        .map_err(|_| StorageError::Corrupt("この端末の鍵では復号できません".into()))?;
    String::from_utf8(plain).map_err(|_| bad())
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

// --- drafts ----------------------------------------------------------------------------------

/// Every draft kept in this browser (unordered), and the keys that could not be read.
pub fn list() -> Vec<Listed> {
    let Ok(keys) = draft_keys() else {
        return Vec::new();
    };
    keys.into_iter()
        .filter_map(|k| {
            let text = match read_text(&k) {
                Ok(t) => t?,
                Err(error) => return Some(Listed::Unreadable { key: k, error }),
            };
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

/// Whether anything (readable or not) is stored under this draft id.
pub fn exists(id: &str) -> bool {
    matches!(get_raw(&key(id)), Ok(Some(_)))
}

/// The draft with this id.
pub fn load(id: &str) -> Result<Draft, StorageError> {
    let text = read_text(&key(id))?.ok_or(StorageError::NotFound)?;
    from_stored(&text)
}

/// What is stored under a key, for the user to rescue: decrypted when it can be, as stored
/// otherwise.
pub fn raw_text(key: &str) -> Option<String> {
    match read_text(key) {
        Ok(t) => t,
        Err(_) => get_raw(key).ok().flatten(),
    }
}

/// Writes a draft (its `saved_at` as given: set it before calling). Refuses to write over an
/// entry this build cannot read ([`StorageError::KeptAside`]).
pub fn save(d: &Draft) -> Result<(), StorageError> {
    let k = key(&d.id);
    match read_text(&k) {
        Ok(None) => {}
        Ok(Some(text)) => {
            if from_stored(&text).is_err() {
                return Err(StorageError::KeptAside);
            }
        }
        Err(e @ (StorageError::Locked | StorageError::Unavailable(_))) => return Err(e),
        Err(_) => return Err(StorageError::KeptAside),
    }
    let text =
        serde_json::to_string(&to_stored(d)).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    write_text(&k, &text)
}

/// [`save`], unless the stored version is not the one this tab last loaded or saved
/// (`expected`: its `saved_at`); then [`StorageError::Conflict`] with the stored version.
pub fn save_checked(d: &Draft, expected: Option<&str>) -> Result<(), StorageError> {
    match load(&d.id) {
        Ok(current) if current.saved_at.as_deref() != expected => {
            return Err(StorageError::Conflict(Box::new(current)))
        }
        Ok(_) | Err(StorageError::NotFound) => {}
        Err(StorageError::Locked) => return Err(StorageError::Locked),
        Err(StorageError::Unavailable(e)) => return Err(StorageError::Unavailable(e)),
        Err(_) => return Err(StorageError::KeptAside),
    }
    save(d)
}

/// Removes one draft.
pub fn delete(id: &str) -> Result<(), StorageError> {
    delete_key(&key(id))
}

/// Removes one entry under [`DRAFT_PREFIX`] (also an unreadable one, on the user's request).
pub fn delete_key(k: &str) -> Result<(), StorageError> {
    if !k.starts_with(DRAFT_PREFIX) {
        return Err(StorageError::NotFound);
    }
    raw_storage()?
        .remove_item(k)
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    OPENED.with(|o| o.borrow_mut().remove(k));
    WRITE_SEQ.with(|s| s.borrow_mut().remove(k));
    Ok(())
}

/// Removes everything the app keeps in this browser (every `kyoyu.` key), encryption included.
pub fn delete_all() -> Result<(), StorageError> {
    let s = raw_storage()?;
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    for k in keys {
        s.remove_item(&k)
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    }
    forget_key();
    Ok(())
}

/// Now, RFC 3339 with the local offset (for `saved_at`, `exported_at`).
pub fn now_rfc3339() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

// --- other tabs ------------------------------------------------------------------------------

/// Listens to `storage` events (writes of other tabs): a sealed entry is decrypted before the
/// change is announced through [`changes`]. Call once.
pub fn watch_other_tabs() {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(k) = ev.key() else {
            // clear(): everything changed.
            OPENED.with(|o| o.borrow_mut().clear());
            announce_change("");
            return;
        };
        if k == CRYPTO_KEY {
            // Encryption turned on or off in another tab: forget what this one had opened.
            forget_key();
            announce_change("");
            return;
        }
        if !k.starts_with(DRAFT_PREFIX) {
            return;
        }
        match ev.new_value() {
            None => {
                OPENED.with(|o| o.borrow_mut().remove(&k));
                announce_change(&k);
            }
            Some(text) => match (parse_sealed(&text), KEY.with(|c| c.borrow().clone())) {
                (Some(sealed), Some(ck)) => leptos::task::spawn_local(async move {
                    match open_text(&ck, &k, &sealed).await {
                        Ok(plain) => OPENED.with(|o| {
                            o.borrow_mut().insert(
                                k.clone(),
                                Opened {
                                    sealed: Some(text),
                                    plain,
                                },
                            );
                        }),
                        Err(_) => OPENED.with(|o| {
                            o.borrow_mut().remove(&k);
                        }),
                    }
                    announce_change(&k);
                }),
                _ => {
                    OPENED.with(|o| o.borrow_mut().remove(&k));
                    announce_change(&k);
                }
            },
        }
    });
    std::mem::forget(handle);
}

// --- encryption ------------------------------------------------------------------------------

fn read_key_check() -> Result<KeyCheck, StorageError> {
    let text = get_raw(CRYPTO_KEY)?.ok_or(StorageError::NotFound)?;
    let kc: KeyCheck = serde_json::from_str(&text)
        .map_err(|e| StorageError::Corrupt(format!("{CRYPTO_KEY}: {e}")))?;
    if kc.version > 1 {
        return Err(StorageError::NewerVersion(u64::from(kc.version)));
    }
    Ok(kc)
}

/// The key of `passphrase` if it opens the key-check record.
async fn check_passphrase(passphrase: &str) -> Result<CryptoKey, StorageError> {
    let kc = read_key_check()?;
    let salt =
        seal::b64_decode(&kc.salt).ok_or_else(|| StorageError::Corrupt(CRYPTO_KEY.into()))?;
    let iterations = kc.iterations.max(seal::MIN_ITERATIONS);
    let ck = seal::derive_key(passphrase, &salt, iterations)
        .await
        .map_err(StorageError::Crypto)?;
    let sealed = Sealed {
        format: SEALED_FORMAT.into(),
        version: 1,
        iv: kc.iv,
        ct: kc.ct,
    };
    match open_text(&ck, CRYPTO_KEY, &sealed).await {
        Ok(v) if v == CHECK_VALUE => Ok(ck),
        _ => Err(StorageError::WrongPassphrase),
    }
}

/// Opens every sealed draft into memory; seals the drafts still in clear (an interrupted
/// [`enable_encryption`]).
async fn open_all(ck: &CryptoKey) -> Result<(), StorageError> {
    let mut opened = HashMap::new();
    for k in draft_keys()? {
        let Some(raw) = get_raw(&k)? else { continue };
        match parse_sealed(&raw) {
            Some(sealed) => {
                if let Ok(plain) = open_text(ck, &k, &sealed).await {
                    opened.insert(
                        k,
                        Opened {
                            sealed: Some(raw),
                            plain,
                        },
                    );
                }
            }
            None => {
                if from_stored(&raw).is_ok() {
                    let sealed = seal_text(ck, &k, &raw).await?;
                    set_raw(&k, &sealed)?;
                    opened.insert(
                        k,
                        Opened {
                            sealed: Some(sealed),
                            plain: raw,
                        },
                    );
                }
                // Anything else is kept aside as it is.
            }
        }
    }
    OPENED.with(|o| *o.borrow_mut() = opened);
    Ok(())
}

/// Gives the passphrase: the drafts can be read. A wrong one changes nothing.
pub async fn unlock(passphrase: &str) -> Result<(), StorageError> {
    let ck = check_passphrase(passphrase).await?;
    open_all(&ck).await?;
    KEY.with(|k| *k.borrow_mut() = Some(ck));
    bump_lock_state();
    Ok(())
}

fn forget_key() {
    KEY.with(|k| *k.borrow_mut() = None);
    OPENED.with(|o| o.borrow_mut().clear());
    WRITE_SEQ.with(|s| s.borrow_mut().clear());
    bump_lock_state();
}

/// Forgets the key (and every decrypted draft) in memory.
pub fn lock() {
    forget_key();
}

/// Turns encryption on: a new key from `passphrase`, its key-check record, and every readable
/// draft re-sealed. Entries this build cannot read stay as they are (kept aside).
pub async fn enable_encryption(passphrase: &str) -> Result<(), StorageError> {
    if encryption_on() {
        return Err(StorageError::Crypto("すでに暗号化されています".into()));
    }
    let salt = seal::random_bytes(16).map_err(StorageError::Crypto)?;
    let ck = seal::derive_key(passphrase, &salt, seal::ITERATIONS)
        .await
        .map_err(StorageError::Crypto)?;
    let check = seal_text(&ck, CRYPTO_KEY, CHECK_VALUE).await?;
    let check: Sealed =
        serde_json::from_str(&check).map_err(|e| StorageError::Crypto(e.to_string()))?;
    let kc = KeyCheck {
        format: "kyoyu-keycheck".into(),
        version: 1,
        kdf: "PBKDF2-SHA-256".into(),
        salt: seal::b64_encode(&salt),
        iterations: seal::ITERATIONS,
        iv: check.iv,
        ct: check.ct,
    };
    let text = serde_json::to_string(&kc).map_err(|e| StorageError::Crypto(e.to_string()))?;
    set_raw(CRYPTO_KEY, &text)?;
    if let Err(e) = open_all(&ck).await {
        // Nothing sealed yet is lost: the drafts still in clear stay readable, and the next
        // unlock finishes the job.
        KEY.with(|k| *k.borrow_mut() = Some(ck));
        bump_lock_state();
        return Err(e);
    }
    KEY.with(|k| *k.borrow_mut() = Some(ck));
    bump_lock_state();
    Ok(())
}

/// Turns encryption off (the passphrase is asked again): every sealed draft is written back in
/// clear, then the key-check record goes. If any sealed draft cannot be opened, nothing is
/// turned off.
pub async fn disable_encryption(passphrase: &str) -> Result<(), StorageError> {
    let ck = check_passphrase(passphrase).await?;
    let mut plain = Vec::new();
    for k in draft_keys()? {
        let Some(raw) = get_raw(&k)? else { continue };
        if let Some(sealed) = parse_sealed(&raw) {
            let text = open_text(&ck, &k, &sealed).await.map_err(|_| {
                StorageError::Crypto(format!("{k} を復号できないため、暗号化を解除しません"))
            })?;
            plain.push((k, text));
        }
    }
    for (k, text) in plain {
        set_raw(&k, &text)?;
    }
    raw_storage()?
        .remove_item(CRYPTO_KEY)
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    forget_key();
    Ok(())
}

// --- the browser's storage -------------------------------------------------------------------

/// Whether this site's storage is persistent (asks the browser once, the first time), and how
/// many bytes it uses.
pub async fn persistence() -> (Option<bool>, Option<f64>) {
    use wasm_bindgen_futures::JsFuture;
    let Some(w) = web_sys::window() else {
        return (None, None);
    };
    let sm = w.navigator().storage();
    if sm.is_undefined() {
        return (None, None);
    }
    let asked = matches!(get_raw(PERSIST_ASKED_KEY), Ok(Some(_)));
    let promise = if asked { sm.persisted() } else { sm.persist() };
    let persisted = match promise {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    if !asked {
        let _ = set_raw(PERSIST_ASKED_KEY, &now_rfc3339());
    }
    let usage = match sm.estimate() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.dyn_into::<web_sys::StorageEstimate>().ok())
            .and_then(|e| e.get_usage()),
        Err(_) => None,
    };
    (persisted, usage)
}

/// The reminder to export a backup, if one is due: never exported an hour after the draft was
/// made, or changed since an export more than a day old. Browsers may evict a site's data.
pub fn export_reminder(
    created_at: Option<&str>,
    exported_at: Option<&str>,
    saved_at: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<&'static str> {
    let at = |s: Option<&str>| s.and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok());
    match at(exported_at) {
        None => {
            let since = at(created_at)?;
            (now.signed_duration_since(since) > chrono::Duration::hours(1)).then_some(
                "この下書きはまだ書き出されていません。ブラウザは端末の保存データを消去することがあります。「ファイル(JSON)に書き出す」でバックアップを残してください。",
            )
        }
        Some(exported) => {
            let changed = at(saved_at).is_some_and(|s| s > exported);
            (changed && now.signed_duration_since(exported) > chrono::Duration::hours(24)).then_some(
                "この下書きは最後の書き出しから24時間以上たち、その後も変更されています。「ファイル(JSON)に書き出す」でバックアップを更新してください。",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn export_reminder_is_due_after_an_hour_or_a_day() {
        let now = chrono::DateTime::parse_from_rfc3339("2025-10-02T12:00:00+09:00")
            .unwrap()
            .to_utc();
        assert!(export_reminder(Some("2025-10-02T11:30:00+09:00"), None, None, now).is_none());
        assert!(export_reminder(Some("2025-10-02T10:30:00+09:00"), None, None, now).is_some());
        assert!(export_reminder(None, None, None, now).is_none());
        let e = Some("2025-10-01T10:00:00+09:00");
        assert!(export_reminder(None, e, Some("2025-10-01T09:00:00+09:00"), now).is_none());
        assert!(export_reminder(None, e, Some("2025-10-02T09:00:00+09:00"), now).is_some());
        assert!(export_reminder(
            None,
            Some("2025-10-02T10:00:00+09:00"),
            Some("2025-10-02T11:00:00+09:00"),
            now
        )
        .is_none());
    }

    #[test]
    fn v0_wrapper_is_upgraded() {
        let v0 = json!({"format": "kyoyu-draft", "id": "a-1", "saved_at": "2025-01-01T00:00:00+09:00", "file": {}});
        let v1 = migrate(v0).unwrap();
        assert_eq!(v1["version"], 1);
        assert_eq!(v1["exported_at"], Value::Null);
        assert_eq!(v1["previous_report"], Value::Null);
        assert_eq!(v1["saved_at"], "2025-01-01T00:00:00+09:00");
        let v0b = json!({"format": "kyoyu-draft", "version": 0, "id": "a-1", "file": {}});
        assert_eq!(migrate(v0b).unwrap()["version"], 1);
    }

    #[test]
    fn newer_versions_are_refused() {
        let v9 = json!({"format": "kyoyu-draft", "version": 9, "id": "a-1", "file": {}});
        assert_eq!(migrate(v9), Err(StorageError::NewerVersion(9)));
        let v1 = json!({"format": "kyoyu-draft", "version": 1, "id": "a-1", "saved_at": null, "file": {}});
        assert_eq!(migrate(v1.clone()).unwrap(), v1);
    }

    #[test]
    fn sealed_entries_are_recognised() {
        assert!(
            parse_sealed(r#"{"format":"kyoyu-sealed","version":1,"iv":"AA==","ct":"AA=="}"#)
                .is_some()
        );
        assert!(parse_sealed(r#"{"format":"kyoyu-draft","version":1}"#).is_none());
    }
}
