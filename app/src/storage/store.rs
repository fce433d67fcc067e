//! The raw stores under the storage layer: text entries for drafts ([`Store`]: LocalStorage in
//! the browser, [`MemoryStore`] in native tests) and byte records for files ([`FileStore`]:
//! IndexedDB in the browser, [`MemoryFiles`] in native tests). They keep what they are given and
//! know no rule: the rules live in [`super::Storage`]. The in-memory twins exist for the native
//! tests only.

#[cfg(test)]
use std::cell::{Cell, RefCell};
#[cfg(test)]
use std::collections::BTreeMap;

use super::StorageError;

/// A synchronous store of text entries (LocalStorage's shape).
pub trait Store {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes `text` under `key`; [`StorageError::QuotaExceeded`] when full.
    fn set(&self, key: &str, text: &str) -> Result<(), StorageError>;
    /// Removes `key` (nothing when absent).
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// One stored file record: its random key, the draft it belongs to, its description (JSON in
/// clear, or a sealed entry) and its bytes (as given, or sealed).
#[derive(Debug, Clone, PartialEq)]
pub struct RawFile {
    pub key: String,
    pub draft: String,
    pub meta: String,
    pub bytes: Vec<u8>,
}

/// An asynchronous store of file records (IndexedDB's shape).
#[allow(async_fn_in_trait)]
#[cfg_attr(not(test), allow(dead_code))] // `get` serves the attachments of the editor.
pub trait FileStore {
    /// Writes a record (replacing one with the same key); [`StorageError::QuotaExceeded`] when
    /// full.
    async fn put(&self, file: &RawFile) -> Result<(), StorageError>;
    async fn get(&self, key: &str) -> Result<Option<RawFile>, StorageError>;
    /// The records of one draft, or every record (`None`).
    async fn list(&self, draft: Option<&str>) -> Result<Vec<RawFile>, StorageError>;
    async fn delete(&self, key: &str) -> Result<(), StorageError>;
}

/// The in-memory twin of LocalStorage, with a capacity (in bytes of keys and texts, as
/// LocalStorage counts them roughly) to test a full storage.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    capacity: Cell<Option<usize>>,
}

#[cfg(test)]
impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Limits what the store holds (None: no limit); writes past it fail as a full storage does.
    pub fn set_capacity(&self, bytes: Option<usize>) {
        self.capacity.set(bytes);
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

#[cfg(test)]
impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, text: &str) -> Result<(), StorageError> {
        if let Some(cap) = self.capacity.get() {
            if self.used_without(key) + key.len() + text.len() > cap {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_string(), text.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// The in-memory twin of the IndexedDB file store, with a capacity in bytes.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryFiles {
    records: RefCell<BTreeMap<String, RawFile>>,
    capacity: Cell<Option<usize>>,
}

#[cfg(test)]
impl MemoryFiles {
    pub fn new() -> MemoryFiles {
        MemoryFiles::default()
    }

    pub fn set_capacity(&self, bytes: Option<usize>) {
        self.capacity.set(bytes);
    }
}

#[cfg(test)]
impl FileStore for MemoryFiles {
    async fn put(&self, file: &RawFile) -> Result<(), StorageError> {
        if let Some(cap) = self.capacity.get() {
            let used: usize = self
                .records
                .borrow()
                .values()
                .filter(|r| r.key != file.key)
                .map(|r| r.meta.len() + r.bytes.len())
                .sum();
            if used + file.meta.len() + file.bytes.len() > cap {
                return Err(StorageError::QuotaExceeded);
            }
        }
        self.records
            .borrow_mut()
            .insert(file.key.clone(), file.clone());
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Option<RawFile>, StorageError> {
        Ok(self.records.borrow().get(key).cloned())
    }

    async fn list(&self, draft: Option<&str>) -> Result<Vec<RawFile>, StorageError> {
        Ok(self
            .records
            .borrow()
            .values()
            .filter(|r| draft.is_none_or(|d| r.draft == d))
            .cloned()
            .collect())
    }

    async fn delete(&self, key: &str) -> Result<(), StorageError> {
        self.records.borrow_mut().remove(key);
        Ok(())
    }
}
