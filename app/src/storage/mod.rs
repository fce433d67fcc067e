//! Everything the app keeps in this browser, behind one layer: [`Storage`], generic over a text
//! store for drafts ([`Store`]), a byte store for files ([`FileStore`]) and the cipher of
//! encryption at rest ([`Crypto`]). The browser's instance ([`app()`], in [`browser`]) uses
//! LocalStorage (through `gloo-storage`), IndexedDB and WebCrypto; native tests use
//! [`MemoryStore`], [`MemoryFiles`] and a test cipher, so every rule below is tested without a
//! browser.
//!
//! # Drafts
//!
//! Each draft is stored under `kyoyu.draft.<id>` ([`key`]), its id random hex
//! ([`Storage::new_id`]) — never a series id, a name or anything else from the report, so that
//! nothing of it is readable while encryption is on. The entry is a small versioned wrapper around
//! core's file envelope ([`draft`]):
//!
//! ```json
//! { "format": "kyoyu-draft", "version": 1, "id": "…", "saved_at": "2025-10-01T09:12:03.120+09:00",
//!   "created_at": "…", "exported_at": null, "previous_report": null, "file": { "format": "kyoyu-report", … } }
//! ```
//!
//! Older wrappers are read through core's migration helpers and written in the current version
//! on the next save only, never on a mere read. The draft's id is the key's: a wrapper whose `id`
//! member says otherwise is still reached (and only ever written) under its own key.
//!
//! # Nothing lost
//!
//! - An entry this build cannot read (corrupt, from a newer version, sealed with another key) is
//!   listed as [`Listed::Unreadable`]; [`Storage::save`] never writes over it, only
//!   [`Storage::delete_key`] (the user's explicit choice) removes it.
//! - [`Storage::save_checked`] refuses to write over a version saved by another writer since this
//!   one last loaded or saved it ([`StorageError::Conflict`], with their version).
//! - A full store gives [`StorageError::QuotaExceeded`]; the edit is then held in memory
//!   ([`Storage::hold`], [`Storage::held`]) so that leaving the editor and coming back offers it
//!   again, until a save succeeds.
//!
//! # Files (attachments)
//!
//! Bytes kept per draft under random keys, in the file store:
//!
//! - [`Storage::put_file`]`(draft_id, name, mime, bytes).await -> FileMeta` (a new key each call),
//! - [`Storage::get_file`]`(key).await -> Option<StoredFile>` (description and bytes),
//! - [`Storage::list_files`]`(draft_id).await -> Vec<FileMeta>` (in the order they were added),
//! - [`Storage::delete_file`]`(key).await`, [`Storage::delete_files_of`]`(draft_id).await`.
//!
//! Errors are [`StorageError`]s like drafts' (a full store is [`StorageError::QuotaExceeded`];
//! with encryption on and the key not given, [`StorageError::Locked`]). With encryption on, the
//! description (name, type, size) and the bytes are sealed; only the key and the draft id stay in
//! clear. In the browser: `storage::app().put_file(&id, …).await`.
//!
//! # Records (the address book)
//!
//! Entries of the app besides drafts that hold what the user typed ([`RECORD_KEYS`]: the address
//! book, [`BOOK_KEY`]; and each converted draft's review list, [`REVIEW_PREFIX`]) go through the
//! same layer: [`Storage::record`] and [`Storage::save_record`]. They are sealed, opened, written
//! back in clear and removed with the drafts; a write the store refuses is held in memory
//! ([`Storage::record`] returns it) until one succeeds.
//!
//! # Encryption at rest (opt-in)
//!
//! When the key-check record [`CRYPTO_KEY`] exists, every entry is stored sealed:
//! `{ "format": "kyoyu-sealed", "version": 1, "iv": "<base64>", "ct": "<base64>" }` (AES-256-GCM
//! of the text, the storage key bound as additional data). The key is derived from a passphrase
//! and kept in memory only; the opened texts are kept in memory too, so that reading stays
//! synchronous. A write is kept in memory at once and sealed right away in the background
//! ([`Storage::seal_pending`]; a failure is returned from there). Turning encryption on seals
//! every entry, kept-aside ones included (as they are: sealing keeps their bytes); whatever cannot
//! be sealed is named in [`SealReport::left_in_clear`].

pub mod browser;
pub mod draft;
pub mod store;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use kyoyu_core::envelope::FileError;
use serde::{Deserialize, Serialize};

pub use browser::app;
pub use draft::Draft;
pub use store::{FileStore, RawFile, Store};
#[cfg(test)]
pub use store::{MemoryFiles, MemoryStore};

/// Every key of the app starts with this.
pub const PREFIX: &str = "kyoyu.";
/// The key prefix of drafts.
pub const DRAFT_PREFIX: &str = "kyoyu.draft.";
/// The key of the encryption key-check record (present = encryption is on).
pub const CRYPTO_KEY: &str = "kyoyu.crypto";
/// The key of the address book (To/Cc per 宛先, kept by 「送る」).
pub const BOOK_KEY: &str = "kyoyu.address-book";
/// The entries besides drafts that are kept through this layer (sealed like drafts).
pub const RECORD_KEYS: &[&str] = &[BOOK_KEY];
/// The key prefix of a converted draft's review list (the fields a 情報連絡様式 made from a 共通様式
/// was filled with, and the cautions to check before sending): a record of that draft, sealed
/// like it and removed with it.
pub const REVIEW_PREFIX: &str = "kyoyu.review.";
/// The `format` of a sealed entry.
pub const SEALED_FORMAT: &str = "kyoyu-sealed";
/// The known value sealed in the key-check record.
const CHECK_VALUE: &str = "kyoyu-key-check-v1";
/// PBKDF2 rounds for new keys (OWASP's 2023 figure for PBKDF2-HMAC-SHA256), and the fewest a
/// stored key-check record may ask for.
pub const ITERATIONS: u32 = 600_000;

/// The storage key of a draft.
pub fn key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Whether `id` is a random id as [`Storage::new_id`] makes them (32 hex digits).
pub fn is_random_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The key of draft `id`'s review list ([`REVIEW_PREFIX`]).
pub fn review_key(id: &str) -> String {
    format!("{REVIEW_PREFIX}{id}")
}

/// Whether `key` is a record: one of [`RECORD_KEYS`], or a draft's review list.
pub fn is_record_key(key: &str) -> bool {
    RECORD_KEYS.contains(&key) || key.starts_with(REVIEW_PREFIX)
}

/// Whether an entry under this key is sealed while encryption is on (a draft or a record).
fn is_sealed_key(key: &str) -> bool {
    key.starts_with(DRAFT_PREFIX) || is_record_key(key)
}

/// The draft id of a storage key.
pub fn id_of(key: &str) -> &str {
    key.strip_prefix(DRAFT_PREFIX).unwrap_or(key)
}

/// Why something could not be read or written. `Display`: a Japanese message.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// Nothing under this id.
    NotFound,
    /// The browser's storage is unavailable or refused the write (private mode, …).
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
    /// Another writer saved this draft since this one last loaded or saved it (their version).
    Conflict(Box<Draft>),
    /// Encryption is on and the passphrase has not been given yet.
    Locked,
    /// The passphrase does not open the key-check record.
    WrongPassphrase,
    /// The cipher failed (its error name).
    Crypto(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::NotFound => write!(f, "この下書きはこの端末に保存されていません。"),
            StorageError::Unavailable(d) => {
                write!(f, "ブラウザの保存領域を使えません({d})。ファイルに書き出して保存してください。")
            }
            StorageError::QuotaExceeded => write!(f, "保存できませんでした(端末の保存容量が不足しています)。"),
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
            StorageError::Locked => write!(f, "下書きは暗号化されています。パスフレーズを入力して開いてください。"),
            StorageError::WrongPassphrase => write!(f, "パスフレーズが違います"),
            StorageError::Crypto(d) => write!(f, "暗号化の処理に失敗しました({d})。"),
        }
    }
}

/// What [`Storage::list`] finds under one key. (Most entries are drafts: not boxed.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Draft(Draft),
    /// A key that holds something this build cannot read; left untouched.
    Unreadable {
        key: String,
        error: StorageError,
    },
}

/// The cipher of encryption at rest (WebCrypto in the browser).
#[allow(async_fn_in_trait)]
pub trait Crypto {
    type Key: Clone;
    /// `n` random bytes from a CSPRNG.
    fn random(&self, n: usize) -> Result<Vec<u8>, String>;
    /// The AES-256-GCM key of a passphrase (PBKDF2-SHA-256).
    async fn derive(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Self::Key, String>;
    /// Seals `plain` with `aad` bound to it: (iv, ciphertext with its tag).
    async fn seal(
        &self,
        key: &Self::Key,
        plain: &[u8],
        aad: &[u8],
    ) -> Result<(Vec<u8>, Vec<u8>), String>;
    /// Opens what `seal` sealed; Err for another key, another `aad` or changed data.
    async fn open(
        &self,
        key: &Self::Key,
        iv: &[u8],
        ct: &[u8],
        aad: &[u8],
    ) -> Result<Vec<u8>, String>;
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

/// The description of a stored file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileMeta {
    /// Its random key.
    pub key: String,
    /// The draft it belongs to.
    pub draft: String,
    pub name: String,
    pub mime: String,
    pub size: u64,
    /// When it was added (RFC 3339).
    pub added_at: String,
}

/// A stored file: its description and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFile {
    pub meta: FileMeta,
    pub bytes: Vec<u8>,
}

/// What turning encryption on did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SealReport {
    /// Drafts sealed.
    pub drafts: usize,
    /// Unreadable entries sealed as they are (still kept aside, now unreadable without the key).
    pub kept_aside: usize,
    /// Files sealed.
    pub files: usize,
    /// Records ([`is_record_key`]: the address book, review lists) sealed.
    pub records: usize,
    /// What stays in clear, and why (a storage key or file name, and the error).
    pub left_in_clear: Vec<(String, StorageError)>,
    /// Keys not made of a random id (written by an earlier version, e.g. from a file's series
    /// id): their contents are sealed, their names stay readable.
    pub named_keys: Vec<String>,
}

/// A text kept in memory while encryption is on.
struct Opened {
    plain: String,
}

/// The storage layer: drafts, files, encryption at rest, with the rules of the module doc.
pub struct Storage<S: Store, F: FileStore, C: Crypto> {
    store: S,
    files: F,
    crypto: C,
    /// The clock (RFC 3339), for `added_at`.
    #[cfg_attr(not(test), allow(dead_code))] // read by put_file
    now: fn() -> String,
    key: RefCell<Option<C::Key>>,
    opened: RefCell<HashMap<String, Opened>>,
    /// Keys written while encryption is on and not sealed yet, with the sequence number of their
    /// last write (a later write supersedes an earlier one still being sealed).
    pending: RefCell<BTreeMap<String, u64>>,
    seq: Cell<u64>,
    held: RefCell<HashMap<String, Draft>>,
    /// Records whose last write the store refused (key, text).
    held_records: RefCell<HashMap<String, String>>,
}

impl<S: Store, F: FileStore, C: Crypto> Storage<S, F, C> {
    pub fn new(store: S, files: F, crypto: C, now: fn() -> String) -> Self {
        Storage {
            store,
            files,
            crypto,
            now,
            key: RefCell::new(None),
            opened: RefCell::new(HashMap::new()),
            pending: RefCell::new(BTreeMap::new()),
            seq: Cell::new(0),
            held: RefCell::new(HashMap::new()),
            held_records: RefCell::new(HashMap::new()),
        }
    }

    /// The raw text store (what the browser would hold).
    #[cfg(test)]
    pub fn raw(&self) -> &S {
        &self.store
    }

    #[cfg(test)]
    pub fn raw_files(&self) -> &F {
        &self.files
    }

    /// A new random id (128 bits, hex): for drafts and files.
    pub fn new_id(&self) -> Result<String, StorageError> {
        let bytes = self.crypto.random(16).map_err(StorageError::Crypto)?;
        Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A new draft id that no stored entry uses.
    pub fn free_draft_id(&self) -> Result<String, StorageError> {
        loop {
            let id = self.new_id()?;
            if !self.exists(&id) {
                return Ok(id);
            }
        }
    }

    // --- encryption state ----------------------------------------------------------------

    /// Whether entries are stored sealed (the key-check record exists).
    pub fn encryption_on(&self) -> bool {
        matches!(self.store.get(CRYPTO_KEY), Ok(Some(_)))
    }

    /// Whether the key is in memory.
    pub fn unlocked(&self) -> bool {
        self.key.borrow().is_some()
    }

    /// Whether the app must ask for the passphrase before showing drafts.
    pub fn needs_unlock(&self) -> bool {
        self.encryption_on() && !self.unlocked()
    }

    fn current_key(&self) -> Option<C::Key> {
        self.key.borrow().clone()
    }

    // --- entries -------------------------------------------------------------------------

    /// The text of an entry: as stored, or (for a sealed one) as opened in memory.
    fn read_text(&self, key: &str) -> Result<Option<String>, StorageError> {
        if let Some(o) = self.opened.borrow().get(key) {
            return Ok(Some(o.plain.clone()));
        }
        let Some(raw) = self.store.get(key)? else {
            return Ok(None);
        };
        if parse_sealed(&raw).is_none() {
            return Ok(Some(raw));
        }
        if self.unlocked() {
            Err(StorageError::Corrupt(
                "この端末の鍵では復号できません".into(),
            ))
        } else {
            Err(StorageError::Locked)
        }
    }

    /// Writes an entry: in clear, or kept in memory and queued for sealing when encryption is on.
    fn write_text(&self, key: &str, text: &str) -> Result<(), StorageError> {
        if !self.encryption_on() {
            return self.store.set(key, text);
        }
        if !self.unlocked() {
            return Err(StorageError::Locked);
        }
        self.opened.borrow_mut().insert(
            key.to_string(),
            Opened {
                plain: text.to_string(),
            },
        );
        let n = self.seq.get() + 1;
        self.seq.set(n);
        self.pending.borrow_mut().insert(key.to_string(), n);
        Ok(())
    }

    /// Whether writes wait to be sealed.
    pub fn has_pending(&self) -> bool {
        !self.pending.borrow().is_empty()
    }

    /// Seals and stores every write kept in memory; returns the ones that failed (draft id, why).
    /// A failed one stays in memory and is tried again by the next call.
    pub async fn seal_pending(&self) -> Vec<(String, StorageError)> {
        let mut failed = Vec::new();
        loop {
            let next = self
                .pending
                .borrow()
                .iter()
                .next()
                .map(|(k, n)| (k.clone(), *n));
            let Some((k, n)) = next else { break };
            let plain = self.opened.borrow().get(&k).map(|o| o.plain.clone());
            let (Some(plain), Some(ck)) = (plain, self.current_key()) else {
                self.pending.borrow_mut().remove(&k);
                continue;
            };
            let result = match self.seal_text(&ck, &k, &plain).await {
                Ok(sealed) => {
                    if self.pending.borrow().get(&k) != Some(&n) {
                        // Written again meanwhile: that write is sealed next.
                        continue;
                    }
                    self.store.set(&k, &sealed)
                }
                Err(e) => Err(e),
            };
            if self.pending.borrow().get(&k) == Some(&n) {
                self.pending.borrow_mut().remove(&k);
            }
            if let Err(e) = result {
                if is_record_key(&k) {
                    // Not stored: held, as a refused write of [`Storage::save_record`] is.
                    self.held_records.borrow_mut().insert(k.clone(), plain);
                }
                failed.push((id_of(&k).to_string(), e));
            }
        }
        failed
    }

    async fn seal_bytes(
        &self,
        ck: &C::Key,
        aad: &str,
        plain: &[u8],
    ) -> Result<String, StorageError> {
        let (iv, ct) = self
            .crypto
            .seal(ck, plain, aad.as_bytes())
            .await
            .map_err(StorageError::Crypto)?;
        let s = Sealed {
            format: SEALED_FORMAT.into(),
            version: 1,
            iv: B64.encode(iv),
            ct: B64.encode(ct),
        };
        serde_json::to_string(&s).map_err(|e| StorageError::Crypto(e.to_string()))
    }

    async fn seal_text(&self, ck: &C::Key, key: &str, text: &str) -> Result<String, StorageError> {
        self.seal_bytes(ck, key, text.as_bytes()).await
    }

    async fn open_bytes(
        &self,
        ck: &C::Key,
        aad: &str,
        sealed: &Sealed,
    ) -> Result<Vec<u8>, StorageError> {
        if sealed.version != 1 {
            return Err(StorageError::NewerVersion(u64::from(sealed.version)));
        }
        let bad = || StorageError::Corrupt("暗号化データが壊れています".into());
        let iv = B64.decode(&sealed.iv).map_err(|_| bad())?;
        let ct = B64.decode(&sealed.ct).map_err(|_| bad())?;
        self.crypto
            .open(ck, &iv, &ct, aad.as_bytes())
            .await
            .map_err(|_| StorageError::Corrupt("この端末の鍵では復号できません".into()))
    }

    async fn open_text(
        &self,
        ck: &C::Key,
        key: &str,
        sealed: &Sealed,
    ) -> Result<String, StorageError> {
        let plain = self.open_bytes(ck, key, sealed).await?;
        String::from_utf8(plain)
            .map_err(|_| StorageError::Corrupt("暗号化データが壊れています".into()))
    }

    /// Every key under [`DRAFT_PREFIX`].
    fn draft_keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(DRAFT_PREFIX))
            .collect())
    }

    /// Every key that is sealed while encryption is on: the drafts' and the records'.
    fn sealed_keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self
            .store
            .keys()?
            .into_iter()
            .filter(|k| is_sealed_key(k))
            .collect())
    }

    // --- records -------------------------------------------------------------------------

    /// The text of a record ([`is_record_key`]): the edit held after a refused write, or as
    /// stored (opened); [`StorageError::Locked`] while encryption is on and locked.
    pub fn record(&self, key: &str) -> Result<Option<String>, StorageError> {
        debug_assert!(is_record_key(key));
        if self.needs_unlock() {
            return Err(StorageError::Locked);
        }
        if let Some(text) = self.held_records.borrow().get(key) {
            return Ok(Some(text.clone()));
        }
        self.read_text(key)
    }

    /// Whether the last write of a record was refused (its edit is held, not stored).
    pub fn record_unsaved(&self, key: &str) -> bool {
        self.held_records.borrow().contains_key(key)
    }

    /// Writes a record: in clear, or (encryption on) kept in memory and sealed by
    /// [`Storage::seal_pending`]. A refused write (full, locked, unavailable) is held in memory,
    /// so that [`Storage::record`] still gives the edit, and the error is returned.
    pub fn save_record(&self, key: &str, text: &str) -> Result<(), StorageError> {
        debug_assert!(is_record_key(key));
        match self.write_text(key, text) {
            Ok(()) => {
                self.held_records.borrow_mut().remove(key);
                Ok(())
            }
            Err(e) => {
                self.held_records
                    .borrow_mut()
                    .insert(key.to_string(), text.to_string());
                Err(e)
            }
        }
    }

    // --- drafts --------------------------------------------------------------------------

    /// Every entry under [`DRAFT_PREFIX`] (unordered): the drafts, and the keys that could not
    /// be read.
    pub fn list(&self) -> Vec<Listed> {
        let Ok(keys) = self.draft_keys() else {
            return Vec::new();
        };
        keys.into_iter()
            .filter_map(|k| {
                let text = match self.read_text(&k) {
                    Ok(t) => t?,
                    Err(error) => return Some(Listed::Unreadable { key: k, error }),
                };
                Some(match draft::from_text(id_of(&k), &text) {
                    Ok(d) => Listed::Draft(d),
                    Err(error) => Listed::Unreadable { key: k, error },
                })
            })
            .collect()
    }

    /// The drafts that could be read.
    pub fn drafts(&self) -> Vec<Draft> {
        self.list()
            .into_iter()
            .filter_map(|l| match l {
                Listed::Draft(d) => Some(d),
                Listed::Unreadable { .. } => None,
            })
            .collect()
    }

    /// Whether anything (readable or not) is stored under this draft id.
    pub fn exists(&self, id: &str) -> bool {
        self.opened.borrow().contains_key(&key(id))
            || matches!(self.store.get(&key(id)), Ok(Some(_)))
    }

    /// The draft with this id.
    pub fn load(&self, id: &str) -> Result<Draft, StorageError> {
        let text = self.read_text(&key(id))?.ok_or(StorageError::NotFound)?;
        draft::from_text(id, &text)
    }

    /// What is stored under a key, for the user to rescue: opened when it can be, as stored
    /// otherwise.
    pub fn raw_text(&self, key: &str) -> Option<String> {
        match self.read_text(key) {
            Ok(t) => t,
            Err(_) => self.store.get(key).ok().flatten(),
        }
    }

    /// Writes a draft (its `saved_at` as given: set it before calling). Refuses to write over an
    /// entry this build cannot read ([`StorageError::KeptAside`]). A successful save drops the
    /// held edit of this draft.
    pub fn save(&self, d: &Draft) -> Result<(), StorageError> {
        let k = key(&d.id);
        match self.read_text(&k) {
            Ok(None) => {}
            Ok(Some(text)) => {
                if draft::from_text(&d.id, &text).is_err() {
                    return Err(StorageError::KeptAside);
                }
            }
            Err(e @ (StorageError::Locked | StorageError::Unavailable(_))) => return Err(e),
            Err(_) => return Err(StorageError::KeptAside),
        }
        self.write_text(&k, &draft::to_text(d))?;
        self.held.borrow_mut().remove(&d.id);
        Ok(())
    }

    /// [`Storage::save`], unless the stored version is not the one this writer last loaded or
    /// saved (`expected`: its `saved_at`); then [`StorageError::Conflict`] with the stored one.
    pub fn save_checked(&self, d: &Draft, expected: Option<&str>) -> Result<(), StorageError> {
        match self.load(&d.id) {
            Ok(current) if current.saved_at.as_deref() != expected => {
                return Err(StorageError::Conflict(Box::new(current)))
            }
            Ok(_) | Err(StorageError::NotFound) => {}
            Err(e @ (StorageError::Locked | StorageError::Unavailable(_))) => return Err(e),
            Err(_) => return Err(StorageError::KeptAside),
        }
        self.save(d)
    }

    /// Keeps an edit that could not be saved, in memory, until a save of that draft succeeds.
    pub fn hold(&self, d: Draft) {
        self.held.borrow_mut().insert(d.id.clone(), d);
    }

    /// The edit held for this draft, if any.
    pub fn held(&self, id: &str) -> Option<Draft> {
        self.held.borrow().get(id).cloned()
    }

    /// Removes one draft (and its held edit; its files are removed by
    /// [`Storage::delete_files_of`]).
    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        self.delete_key(&key(id))
    }

    /// Removes one entry under [`DRAFT_PREFIX`] (also an unreadable one, on the user's request),
    /// and the draft's review list.
    pub fn delete_key(&self, k: &str) -> Result<(), StorageError> {
        if !k.starts_with(DRAFT_PREFIX) {
            return Err(StorageError::NotFound);
        }
        self.store.remove(k)?;
        self.opened.borrow_mut().remove(k);
        self.pending.borrow_mut().remove(k);
        self.held.borrow_mut().remove(id_of(k));
        self.delete_record(&review_key(id_of(k)))
    }

    /// Removes a record ([`is_record_key`]), what is held or waits to be sealed of it included.
    pub fn delete_record(&self, key: &str) -> Result<(), StorageError> {
        debug_assert!(is_record_key(key));
        self.store.remove(key)?;
        self.opened.borrow_mut().remove(key);
        self.pending.borrow_mut().remove(key);
        self.held_records.borrow_mut().remove(key);
        Ok(())
    }

    /// Removes everything the app keeps (every `kyoyu.` key, every file), encryption included.
    pub async fn delete_all(&self) -> Result<(), StorageError> {
        for k in self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(PREFIX))
        {
            self.store.remove(&k)?;
        }
        for f in self.files.list(None).await? {
            self.files.delete(&f.key).await?;
        }
        self.held.borrow_mut().clear();
        self.held_records.borrow_mut().clear();
        self.forget_key();
        Ok(())
    }

    /// Another writer (tab) changed `key` to `new_value` (None: removed): what this layer keeps
    /// in memory follows. Returns whether the key is one of the app's.
    pub async fn note_external(&self, key: Option<&str>, new_value: Option<&str>) -> bool {
        let Some(k) = key else {
            self.opened.borrow_mut().clear();
            return true;
        };
        if k == CRYPTO_KEY {
            self.forget_key();
            return true;
        }
        if !is_sealed_key(k) {
            return false;
        }
        if self.pending.borrow().contains_key(k) {
            // This tab's own write is being sealed: it wins here, the conflict check sees theirs.
            self.pending.borrow_mut().remove(k);
        }
        let opened = match (new_value.and_then(parse_sealed), self.current_key()) {
            (Some(sealed), Some(ck)) => self.open_text(&ck, k, &sealed).await.ok(),
            _ => None,
        };
        match opened {
            Some(plain) => {
                self.opened
                    .borrow_mut()
                    .insert(k.to_string(), Opened { plain });
            }
            None => {
                self.opened.borrow_mut().remove(k);
            }
        }
        true
    }

    // --- files ---------------------------------------------------------------------------

    /// Stores `bytes` for draft `draft` under a new random key.
    #[cfg_attr(not(test), allow(dead_code))] // for the attachments of the editor
    pub async fn put_file(
        &self,
        draft: &str,
        name: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<FileMeta, StorageError> {
        let meta = FileMeta {
            key: format!("file-{}", self.new_id()?),
            draft: draft.to_string(),
            name: name.to_string(),
            mime: mime.to_string(),
            size: bytes.len() as u64,
            added_at: (self.now)(),
        };
        let raw = self.file_record(&meta, bytes).await?;
        self.files.put(&raw).await?;
        Ok(meta)
    }

    /// The record of a file: in clear, or sealed when encryption is on.
    async fn file_record(&self, meta: &FileMeta, bytes: &[u8]) -> Result<RawFile, StorageError> {
        let meta_text =
            serde_json::to_string(meta).map_err(|e| StorageError::Corrupt(e.to_string()))?;
        if !self.encryption_on() {
            return Ok(RawFile {
                key: meta.key.clone(),
                draft: meta.draft.clone(),
                meta: meta_text,
                bytes: bytes.to_vec(),
            });
        }
        let ck = self.current_key().ok_or(StorageError::Locked)?;
        let sealed_meta = self
            .seal_bytes(&ck, &format!("{}#meta", meta.key), meta_text.as_bytes())
            .await?;
        let sealed = self.seal_bytes(&ck, &meta.key, bytes).await?;
        Ok(RawFile {
            key: meta.key.clone(),
            draft: meta.draft.clone(),
            meta: sealed_meta,
            bytes: sealed.into_bytes(),
        })
    }

    /// Opens a record (sealed or not).
    async fn open_file(&self, raw: RawFile) -> Result<StoredFile, StorageError> {
        let Some(sealed_meta) = parse_sealed(&raw.meta) else {
            let meta: FileMeta = serde_json::from_str(&raw.meta)
                .map_err(|e| StorageError::Corrupt(e.to_string()))?;
            return Ok(StoredFile {
                meta,
                bytes: raw.bytes,
            });
        };
        let ck = self.current_key().ok_or(StorageError::Locked)?;
        let meta = self
            .open_bytes(&ck, &format!("{}#meta", raw.key), &sealed_meta)
            .await?;
        let meta: FileMeta =
            serde_json::from_slice(&meta).map_err(|e| StorageError::Corrupt(e.to_string()))?;
        let sealed: Sealed = serde_json::from_slice(&raw.bytes)
            .map_err(|_| StorageError::Corrupt("暗号化データが壊れています".into()))?;
        let bytes = self.open_bytes(&ck, &raw.key, &sealed).await?;
        Ok(StoredFile { meta, bytes })
    }

    /// A stored file, if its key exists.
    #[cfg_attr(not(test), allow(dead_code))] // for the attachments of the editor
    pub async fn get_file(&self, key: &str) -> Result<Option<StoredFile>, StorageError> {
        match self.files.get(key).await? {
            Some(raw) => Ok(Some(self.open_file(raw).await?)),
            None => Ok(None),
        }
    }

    /// The files of a draft, in the order they were added.
    #[cfg_attr(not(test), allow(dead_code))] // for the attachments of the editor
    pub async fn list_files(&self, draft: &str) -> Result<Vec<FileMeta>, StorageError> {
        let mut out = Vec::new();
        for raw in self.files.list(Some(draft)).await? {
            out.push(self.open_file(raw).await?.meta);
        }
        out.sort_by(|a, b| a.added_at.cmp(&b.added_at).then(a.key.cmp(&b.key)));
        Ok(out)
    }

    #[cfg_attr(not(test), allow(dead_code))] // for the attachments of the editor
    pub async fn delete_file(&self, key: &str) -> Result<(), StorageError> {
        self.files.delete(key).await
    }

    /// Removes every file of a draft.
    pub async fn delete_files_of(&self, draft: &str) -> Result<(), StorageError> {
        for raw in self.files.list(Some(draft)).await? {
            self.files.delete(&raw.key).await?;
        }
        Ok(())
    }

    // --- encryption ----------------------------------------------------------------------

    fn read_key_check(&self) -> Result<KeyCheck, StorageError> {
        let text = self.store.get(CRYPTO_KEY)?.ok_or(StorageError::NotFound)?;
        let kc: KeyCheck = serde_json::from_str(&text)
            .map_err(|e| StorageError::Corrupt(format!("{CRYPTO_KEY}: {e}")))?;
        if kc.version > 1 {
            return Err(StorageError::NewerVersion(u64::from(kc.version)));
        }
        Ok(kc)
    }

    /// The key of `passphrase` if it opens the key-check record.
    async fn check_passphrase(&self, passphrase: &str) -> Result<C::Key, StorageError> {
        let kc = self.read_key_check()?;
        let salt = B64
            .decode(&kc.salt)
            .map_err(|_| StorageError::Corrupt(CRYPTO_KEY.into()))?;
        let iterations = kc.iterations.max(ITERATIONS);
        let ck = self
            .crypto
            .derive(passphrase, &salt, iterations)
            .await
            .map_err(StorageError::Crypto)?;
        let sealed = Sealed {
            format: SEALED_FORMAT.into(),
            version: 1,
            iv: kc.iv,
            ct: kc.ct,
        };
        match self.open_text(&ck, CRYPTO_KEY, &sealed).await {
            Ok(v) if v == CHECK_VALUE => Ok(ck),
            _ => Err(StorageError::WrongPassphrase),
        }
    }

    /// Opens every sealed entry into memory; seals every entry still in clear (drafts and
    /// kept-aside entries alike, as they are) and every file in clear.
    async fn open_all(&self, ck: &C::Key) -> SealReport {
        let mut report = SealReport::default();
        let mut opened = HashMap::new();
        let keys = match self.sealed_keys() {
            Ok(k) => k,
            Err(e) => {
                report.left_in_clear.push((DRAFT_PREFIX.to_string(), e));
                return report;
            }
        };
        for k in keys {
            let is_record = is_record_key(&k);
            if !is_record && !is_random_id(id_of(&k)) {
                report.named_keys.push(k.clone());
            }
            let raw = match self.store.get(&k) {
                Ok(Some(raw)) => raw,
                Ok(None) => continue,
                Err(e) => {
                    report.left_in_clear.push((k, e));
                    continue;
                }
            };
            if let Some(sealed) = parse_sealed(&raw) {
                // One that does not open (another key) stays as it is, listed as unreadable.
                if let Ok(plain) = self.open_text(ck, &k, &sealed).await {
                    opened.insert(k, Opened { plain });
                }
                continue;
            }
            let readable = draft::from_text(id_of(&k), &raw).is_ok();
            match self
                .seal_text(ck, &k, &raw)
                .await
                .and_then(|s| self.store.set(&k, &s))
            {
                Ok(()) => {
                    if is_record {
                        report.records += 1;
                    } else if readable {
                        report.drafts += 1;
                    } else {
                        report.kept_aside += 1;
                    }
                    opened.insert(k, Opened { plain: raw });
                }
                Err(e) => report.left_in_clear.push((k, e)),
            }
        }
        *self.opened.borrow_mut() = opened;
        *self.key.borrow_mut() = Some(ck.clone());
        match self.files.list(None).await {
            Ok(files) => {
                for raw in files
                    .into_iter()
                    .filter(|r| parse_sealed(&r.meta).is_none())
                {
                    let name = raw.key.clone();
                    let sealed = async {
                        let file = self.open_file(raw).await?;
                        let rec = self.file_record(&file.meta, &file.bytes).await?;
                        self.files.put(&rec).await
                    };
                    match sealed.await {
                        Ok(()) => report.files += 1,
                        Err(e) => report.left_in_clear.push((name, e)),
                    }
                }
            }
            Err(e) => report.left_in_clear.push(("files".into(), e)),
        }
        report
    }

    /// Gives the passphrase: the drafts can be read (and anything found in clear is sealed). A
    /// wrong one changes nothing.
    pub async fn unlock(&self, passphrase: &str) -> Result<SealReport, StorageError> {
        let ck = self.check_passphrase(passphrase).await?;
        Ok(self.open_all(&ck).await)
    }

    fn forget_key(&self) {
        *self.key.borrow_mut() = None;
        self.opened.borrow_mut().clear();
        self.pending.borrow_mut().clear();
    }

    /// Forgets the key (and every opened entry) in memory.
    pub fn lock(&self) {
        self.forget_key();
    }

    /// Turns encryption on: a new key from `passphrase`, its key-check record, then every entry
    /// and file sealed (see [`SealReport`]).
    pub async fn enable_encryption(&self, passphrase: &str) -> Result<SealReport, StorageError> {
        if self.encryption_on() {
            return Err(StorageError::Crypto("すでに暗号化されています".into()));
        }
        let salt = self.crypto.random(16).map_err(StorageError::Crypto)?;
        let ck = self
            .crypto
            .derive(passphrase, &salt, ITERATIONS)
            .await
            .map_err(StorageError::Crypto)?;
        let check = self.seal_text(&ck, CRYPTO_KEY, CHECK_VALUE).await?;
        let check: Sealed =
            serde_json::from_str(&check).map_err(|e| StorageError::Crypto(e.to_string()))?;
        let kc = KeyCheck {
            format: "kyoyu-keycheck".into(),
            version: 1,
            kdf: "PBKDF2-SHA-256".into(),
            salt: B64.encode(&salt),
            iterations: ITERATIONS,
            iv: check.iv,
            ct: check.ct,
        };
        let text = serde_json::to_string(&kc).map_err(|e| StorageError::Crypto(e.to_string()))?;
        self.store.set(CRYPTO_KEY, &text)?;
        // Anything not sealed now is sealed by the next unlock.
        Ok(self.open_all(&ck).await)
    }

    /// Turns encryption off (the passphrase is asked again): every sealed entry and file is
    /// written back in clear, then the key-check record goes. If any sealed entry cannot be
    /// opened, nothing is turned off.
    pub async fn disable_encryption(&self, passphrase: &str) -> Result<(), StorageError> {
        let ck = self.check_passphrase(passphrase).await?;
        let mut plain = Vec::new();
        for k in self.sealed_keys()? {
            let Some(raw) = self.store.get(&k)? else {
                continue;
            };
            if let Some(sealed) = parse_sealed(&raw) {
                let text = self.open_text(&ck, &k, &sealed).await.map_err(|_| {
                    StorageError::Crypto(format!("{k} を復号できないため、暗号化を解除しません"))
                })?;
                plain.push((k, text));
            }
        }
        *self.key.borrow_mut() = Some(ck);
        let mut files = Vec::new();
        for raw in self.files.list(None).await? {
            if parse_sealed(&raw.meta).is_some() {
                files.push(self.open_file(raw).await?);
            }
        }
        for (k, text) in plain {
            self.store.set(&k, &text)?;
        }
        for f in files {
            let meta =
                serde_json::to_string(&f.meta).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            self.files
                .put(&RawFile {
                    key: f.meta.key.clone(),
                    draft: f.meta.draft.clone(),
                    meta,
                    bytes: f.bytes,
                })
                .await?;
        }
        self.store.remove(CRYPTO_KEY)?;
        self.forget_key();
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests;
