//! The browser's storage: drafts in LocalStorage (through `gloo-storage`), files in IndexedDB
//! (through `idb`), sealing with WebCrypto ([`crate::seal`]); the one instance the app uses
//! ([`app`]), the signals pages watch, other tabs' writes, and the persistence of this site's
//! storage.

use std::rc::Rc;

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage as _};
use idb::{
    Database, DatabaseEvent, Factory, IndexParams, KeyPath, ObjectStoreParams, Query,
    TransactionMode, TransactionResult,
};
use js_sys::{Object, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{FileStore, RawFile, Storage, StorageError, Store};
use crate::seal::WebCrypto;

/// The storage the app uses.
pub type AppStorage = Storage<LocalStore, IdbFiles, WebCrypto>;

thread_local! {
    static APP: Rc<AppStorage> = Rc::new(Storage::new(LocalStore, IdbFiles::default(), WebCrypto, now_rfc3339));
    static CHANGES: ArcRwSignal<(u64, String)> = ArcRwSignal::new((0, String::new()));
    static WRITE_FAILURE: ArcRwSignal<Option<(String, StorageError)>> = ArcRwSignal::new(None);
    static LOCK_STATE: ArcRwSignal<u64> = ArcRwSignal::new(0);
}

/// The app's storage (one per page).
pub fn app() -> Rc<AppStorage> {
    APP.with(Rc::clone)
}

/// Now, RFC 3339 with the local offset (for `saved_at`, `exported_at`, `added_at`).
pub fn now_rfc3339() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

/// Bumped whenever a key changes from outside this tab (another tab's save or delete), with the
/// key: pages re-read what they show.
pub fn changes() -> ArcRwSignal<(u64, String)> {
    CHANGES.with(|c| c.clone())
}

/// A background (sealed) write that failed: (draft id, or a record's key, why). Editors and
/// the address book watch it.
pub fn write_failure() -> ArcRwSignal<Option<(String, StorageError)>> {
    WRITE_FAILURE.with(|c| c.clone())
}

/// Bumped when encryption is turned on or off, locked or unlocked.
pub fn lock_state() -> ArcRwSignal<u64> {
    LOCK_STATE.with(|c| c.clone())
}

pub fn bump_lock_state() {
    lock_state().update(|n| *n += 1);
}

/// [`Storage::save`], then (with encryption on) the sealed write started at once.
pub fn save(d: &super::Draft) -> Result<(), StorageError> {
    app().save(d)?;
    seal_soon();
    Ok(())
}

/// [`Storage::save_record`], then (with encryption on) the sealed write started at once.
pub fn save_record(key: &str, text: &str) -> Result<(), StorageError> {
    app().save_record(key, text)?;
    seal_soon();
    Ok(())
}

/// Starts sealing what waits in memory; a failure is published by [`write_failure`].
pub fn seal_soon() {
    let s = app();
    if !s.has_pending() {
        return;
    }
    leptos::task::spawn_local(async move {
        for failure in s.seal_pending().await {
            write_failure().set(Some(failure));
        }
    });
}

/// Listens to `storage` events (writes of other tabs): a sealed entry is opened before the
/// change is announced through [`changes`]. Call once.
pub fn watch_other_tabs() {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        let value = ev.new_value();
        leptos::task::spawn_local(async move {
            if app().note_external(key.as_deref(), value.as_deref()).await {
                if key.as_deref() == Some(super::CRYPTO_KEY) {
                    bump_lock_state();
                }
                let c = changes();
                let n = c.get_untracked().0 + 1;
                c.set((n, key.unwrap_or_default()));
            }
        });
    });
    std::mem::forget(handle);
}

// --- LocalStorage ------------------------------------------------------------------------------

/// LocalStorage, through `gloo-storage`. Its availability is checked with `web_sys` first
/// because gloo's accessor throws when the browser refuses storage (private modes, policies).
#[derive(Debug)]
pub struct LocalStore;

fn local() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|_| LocalStorage::raw())
        .ok_or_else(|| StorageError::Unavailable("localStorage を使えません".into()))
}

fn is_quota(name: &str) -> bool {
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        local()?
            .get_item(key)
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))
    }

    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        let storage = local()?;
        // Entries are JSON, written as they are (gloo's `set` serializes its value); only a
        // kept-aside entry given back in clear may not be JSON, and is written as it was.
        let failed = match serde_json::value::RawValue::from_string(text.to_string()) {
            Ok(raw) => match LocalStorage::set(key, &raw) {
                Ok(()) => return Ok(()),
                Err(GlooError::JsError(js)) => js.name,
                Err(other) => return Err(StorageError::Unavailable(other.to_string())),
            },
            Err(_) => match storage.set_item(key, text) {
                Ok(()) => return Ok(()),
                Err(e) => Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .unwrap_or_default(),
            },
        };
        Err(if is_quota(&failed) {
            StorageError::QuotaExceeded
        } else {
            StorageError::Unavailable(failed)
        })
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        local()?;
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = local()?;
        Ok((0..LocalStorage::length())
            .filter_map(|i| s.key(i).ok().flatten())
            .collect())
    }
}

// --- IndexedDB ---------------------------------------------------------------------------------

const DB_NAME: &str = "kyoyu";
const DB_VERSION: u32 = 1;
const FILES: &str = "files";
const BY_DRAFT: &str = "draft";

/// The file store in IndexedDB: database `kyoyu`, object store `files` (key path `key`, an index
/// on `draft`), each record `{ key, draft, meta, bytes }`.
#[derive(Default)]
pub struct IdbFiles {
    db: std::cell::RefCell<Option<Rc<Database>>>,
}

fn idb_error(e: idb::Error) -> StorageError {
    let text = e.to_string();
    if text.contains("QuotaExceededError") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(format!("IndexedDB: {text}"))
    }
}

fn to_js(f: &RawFile) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"key".into(), &JsValue::from_str(&f.key));
    let _ = Reflect::set(&o, &"draft".into(), &JsValue::from_str(&f.draft));
    let _ = Reflect::set(&o, &"meta".into(), &JsValue::from_str(&f.meta));
    let _ = Reflect::set(&o, &"bytes".into(), &Uint8Array::from(f.bytes.as_slice()));
    o.into()
}

fn from_js(v: &JsValue) -> Option<RawFile> {
    let s = |name: &str| {
        Reflect::get(v, &JsValue::from_str(name))
            .ok()
            .and_then(|x| x.as_string())
    };
    let bytes = Reflect::get(v, &"bytes".into())
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()?
        .to_vec();
    Some(RawFile {
        key: s("key")?,
        draft: s("draft")?,
        meta: s("meta")?,
        bytes,
    })
}

impl IdbFiles {
    async fn db(&self) -> Result<Rc<Database>, StorageError> {
        if let Some(db) = self.db.borrow().clone() {
            return Ok(db);
        }
        let factory = Factory::new().map_err(idb_error)?;
        let mut request = factory.open(DB_NAME, Some(DB_VERSION)).map_err(idb_error)?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            if db.store_names().iter().any(|n| n == FILES) {
                return;
            }
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("key")));
            if let Ok(store) = db.create_object_store(FILES, params) {
                let _ = store.create_index(
                    BY_DRAFT,
                    KeyPath::new_single("draft"),
                    Some(IndexParams::new()),
                );
            }
        });
        let db = Rc::new(request.await.map_err(idb_error)?);
        *self.db.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    /// A transaction on the file store, and the store.
    async fn files(
        &self,
        mode: TransactionMode,
    ) -> Result<(idb::Transaction, idb::ObjectStore), StorageError> {
        let db = self.db().await?;
        let tx = db.transaction(&[FILES], mode).map_err(idb_error)?;
        let store = tx.object_store(FILES).map_err(idb_error)?;
        Ok((tx, store))
    }
}

impl FileStore for IdbFiles {
    async fn put(&self, file: &RawFile) -> Result<(), StorageError> {
        let (tx, store) = self.files(TransactionMode::ReadWrite).await?;
        let put = store.put(&to_js(file), None).map_err(idb_error)?.await;
        // A full storage aborts the transaction: its error names the cause.
        let web_tx: web_sys::IdbTransaction = tx.into();
        let watch = web_tx.clone();
        let done = idb::Transaction::from(web_tx).await;
        let aborted = |r: &Result<TransactionResult, idb::Error>| {
            !matches!(r, Ok(TransactionResult::Committed))
        };
        if put.is_err() || aborted(&done) {
            let name = watch.error().map(|e| e.name()).unwrap_or_default();
            if is_quota(&name) {
                return Err(StorageError::QuotaExceeded);
            }
            put.map_err(idb_error)?;
            done.map_err(idb_error)?;
            return Err(StorageError::Unavailable(format!("IndexedDB: {name}")));
        }
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Option<RawFile>, StorageError> {
        let (_tx, store) = self.files(TransactionMode::ReadOnly).await?;
        let v = store
            .get(Query::from(JsValue::from_str(key)))
            .map_err(idb_error)?
            .await
            .map_err(idb_error)?;
        Ok(v.as_ref().and_then(from_js))
    }

    async fn list(&self, draft: Option<&str>) -> Result<Vec<RawFile>, StorageError> {
        let (_tx, store) = self.files(TransactionMode::ReadOnly).await?;
        let all = match draft {
            Some(d) => {
                let index = store.index(BY_DRAFT).map_err(idb_error)?;
                index
                    .get_all(Some(Query::from(JsValue::from_str(d))), None)
                    .map_err(idb_error)?
                    .await
            }
            None => store.get_all(None, None).map_err(idb_error)?.await,
        }
        .map_err(idb_error)?;
        Ok(all.iter().filter_map(from_js).collect())
    }

    async fn delete(&self, key: &str) -> Result<(), StorageError> {
        let (tx, store) = self.files(TransactionMode::ReadWrite).await?;
        store
            .delete(Query::from(JsValue::from_str(key)))
            .map_err(idb_error)?
            .await
            .map_err(idb_error)?;
        tx.await.map_err(idb_error)?;
        Ok(())
    }
}

// --- the browser's storage -----------------------------------------------------------------------

/// Set once `navigator.storage.persist()` has been asked.
const PERSIST_ASKED_KEY: &str = "kyoyu.persist-asked";

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
    let asked = matches!(LocalStore.get(PERSIST_ASKED_KEY), Ok(Some(_)));
    let promise = if asked { sm.persisted() } else { sm.persist() };
    let persisted = match promise {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    if !asked {
        let _ = LocalStore.set(
            PERSIST_ASKED_KEY,
            &serde_json::to_string(&now_rfc3339()).unwrap_or_default(),
        );
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
