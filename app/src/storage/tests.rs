//! Every rule of "nothing lost" against the in-memory store. The cipher here is a test double
//! that seals reversibly and authenticates the additional data (it is not cryptography: the
//! browser's WebCrypto is tested in Chromium); what is tested is which entries the layer seals,
//! opens, keeps and refuses.

use std::cell::Cell;
use std::hash::{DefaultHasher, Hash, Hasher};

use futures::executor::block_on;
use kyoyu_core::envelope::Envelope;
use kyoyu_core::forms::{FormKind, Report};
use serde_json::{json, Value};

use super::*;

#[derive(Default)]
pub(crate) struct TestCrypto {
    counter: Cell<u64>,
}

fn h(parts: &[&[u8]]) -> u64 {
    let mut s = DefaultHasher::new();
    for p in parts {
        p.hash(&mut s);
    }
    s.finish()
}

fn stream(key: &[u8], iv: &[u8], n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| h(&[key, iv, &(i as u64).to_le_bytes()]) as u8)
        .collect()
}

impl Crypto for TestCrypto {
    type Key = Vec<u8>;

    fn random(&self, n: usize) -> Result<Vec<u8>, String> {
        let c = self.counter.get() + 1;
        self.counter.set(c);
        Ok((0..n)
            .map(|i| h(&[&c.to_le_bytes(), &[i as u8]]) as u8)
            .collect())
    }

    async fn derive(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Vec<u8>, String> {
        Ok(h(&[passphrase.as_bytes(), salt, &iterations.to_le_bytes()])
            .to_le_bytes()
            .to_vec())
    }

    async fn seal(
        &self,
        key: &Vec<u8>,
        plain: &[u8],
        aad: &[u8],
    ) -> Result<(Vec<u8>, Vec<u8>), String> {
        let iv = self.random(12)?;
        let mut ct: Vec<u8> = plain
            .iter()
            .zip(stream(key, &iv, plain.len()))
            .map(|(a, b)| a ^ b)
            .collect();
        ct.extend(h(&[key, &iv, aad, plain]).to_le_bytes());
        Ok((iv, ct))
    }

    async fn open(
        &self,
        key: &Vec<u8>,
        iv: &[u8],
        ct: &[u8],
        aad: &[u8],
    ) -> Result<Vec<u8>, String> {
        let n = ct.len().checked_sub(8).ok_or("short")?;
        let plain: Vec<u8> = ct[..n]
            .iter()
            .zip(stream(key, iv, n))
            .map(|(a, b)| a ^ b)
            .collect();
        (ct[n..] == h(&[key, iv, aad, &plain]).to_le_bytes())
            .then_some(plain)
            .ok_or_else(|| "OperationError".into())
    }
}

pub(crate) type TestStorage = Storage<MemoryStore, MemoryFiles, TestCrypto>;

pub(crate) fn storage() -> TestStorage {
    Storage::new(
        MemoryStore::new(),
        MemoryFiles::new(),
        TestCrypto::default(),
        || "2025-10-01T09:00:00.000+09:00".into(),
    )
}

fn draft(s: &TestStorage, name: &str) -> Draft {
    let mut report = Report::new(FormKind::Incident);
    if let Report::Incident(r) = &mut report {
        r.operator_name = name.to_string();
    }
    Draft {
        id: s.free_draft_id().unwrap(),
        envelope: Envelope::new("series-of-株式会社", report),
        saved_at: Some("2025-10-01T09:00:00.000+09:00".into()),
        exported_at: None,
        previous_report: None,
        created_at: None,
    }
}

fn name_of(d: &Draft) -> String {
    match &d.envelope.report {
        Report::Incident(r) => r.operator_name.clone(),
        _ => String::new(),
    }
}

/// Every stored text, keys and values.
fn all_text(s: &TestStorage) -> String {
    let store = s.raw();
    store
        .keys()
        .unwrap()
        .iter()
        .map(|k| format!("{k}={}\n", store.get(k).unwrap().unwrap()))
        .collect()
}

#[test]
fn a_draft_is_saved_loaded_listed_and_deleted() {
    let s = storage();
    let d = draft(&s, "ALPHA");
    s.save(&d).unwrap();
    assert_eq!(s.load(&d.id).unwrap(), d);
    assert_eq!(s.drafts(), vec![d.clone()]);
    assert!(s.exists(&d.id));
    s.delete(&d.id).unwrap();
    assert_eq!(s.load(&d.id), Err(StorageError::NotFound));
    assert!(s.list().is_empty());
}

#[test]
fn keys_are_random_ids_only() {
    let s = storage();
    let a = draft(&s, "秘密の組織");
    let b = draft(&s, "秘密の組織");
    assert_ne!(a.id, b.id);
    for d in [&a, &b] {
        assert_eq!(d.id.len(), 32);
        assert!(is_random_id(&d.id));
        s.save(d).unwrap();
    }
    for k in s.raw().keys().unwrap() {
        assert!(!k.contains("series") && !k.contains("組織"), "{k}");
    }
}

#[test]
fn unreadable_entries_are_listed_kept_and_never_overwritten() {
    let s = storage();
    let corrupt = r#"{"format":"kyoyu-draft","version":1,"id":"x","file":{"format":"kyoyu-rep"#;
    let newer = json!({"format": "kyoyu-draft", "version": 99, "id": "y", "file": {}}).to_string();
    s.raw().set(&key("broken"), corrupt).unwrap();
    s.raw().set(&key("future"), &newer).unwrap();
    let listed = s.list();
    assert_eq!(listed.len(), 2);
    assert!(listed
        .iter()
        .all(|l| matches!(l, Listed::Unreadable { .. })));
    assert!(listed.contains(&Listed::Unreadable {
        key: key("future"),
        error: StorageError::NewerVersion(99)
    }));
    let mut d = draft(&s, "OVER");
    for id in ["broken", "future"] {
        d.id = id.into();
        assert_eq!(s.save(&d), Err(StorageError::KeptAside));
        assert_eq!(s.save_checked(&d, None), Err(StorageError::KeptAside));
    }
    assert_eq!(
        s.raw().get(&key("broken")).unwrap().as_deref(),
        Some(corrupt)
    );
    assert_eq!(s.raw_text(&key("future")), Some(newer.clone()));
    assert_eq!(s.raw().get(&key("future")).unwrap(), Some(newer));
    // Only the user's explicit choice removes one; nothing else can be removed that way.
    s.delete_key(&key("broken")).unwrap();
    assert_eq!(s.raw().get(&key("broken")).unwrap(), None);
    assert_eq!(s.delete_key("kyoyu.crypto"), Err(StorageError::NotFound));
}

#[test]
fn a_writer_never_overwrites_another_writers_newer_save() {
    let s = storage();
    let mut d = draft(&s, "FIRST");
    s.save(&d).unwrap();
    // Another tab saves a newer version.
    let mut theirs = d.clone();
    theirs.saved_at = Some("2025-10-01T09:00:05.000+09:00".into());
    s.save(&theirs).unwrap();
    // This one still believes the first version is stored.
    d.saved_at = Some("2025-10-01T09:00:06.000+09:00".into());
    match s.save_checked(&d, Some("2025-10-01T09:00:00.000+09:00")) {
        Err(StorageError::Conflict(t)) => assert_eq!(*t, theirs),
        other => panic!("{other:?}"),
    }
    assert_eq!(s.load(&d.id).unwrap(), theirs);
    // Knowing their version, it may write.
    s.save_checked(&d, theirs.saved_at.as_deref()).unwrap();
    assert_eq!(s.load(&d.id).unwrap(), d);
}

#[test]
fn a_key_whose_stored_id_differs_is_reached_and_written_under_its_own_key() {
    let s = storage();
    let other = draft(&s, "OTHER");
    s.save(&other).unwrap();
    let mut mine = draft(&s, "MINE");
    mine.id = other.id.clone();
    // An entry under key A whose wrapper says it is `other`'s, with the same save time.
    let text = draft::to_text(&mine);
    s.raw().set(&key("a0a0"), &text).unwrap();
    let found = s.load("a0a0").unwrap();
    assert_eq!(found.id, "a0a0");
    assert_eq!(name_of(&found), "MINE");
    assert!(s.drafts().iter().any(|d| d.id == "a0a0"));
    let mut edited = found.clone();
    edited.saved_at = Some("2025-10-01T10:00:00.000+09:00".into());
    s.save_checked(&edited, found.saved_at.as_deref()).unwrap();
    assert_eq!(
        name_of(&s.load(&other.id).unwrap()),
        "OTHER",
        "the other draft is untouched"
    );
    let stored: Value = serde_json::from_str(&s.raw().get(&key("a0a0")).unwrap().unwrap()).unwrap();
    assert_eq!(stored["id"], "a0a0");
}

#[test]
fn a_full_store_keeps_the_stored_version_and_holds_the_edit() {
    let s = storage();
    let mut d = draft(&s, "SAVED");
    s.save(&d).unwrap();
    s.raw().set_capacity(Some(100));
    d.envelope.report = {
        let mut r = d.envelope.report.clone();
        if let Report::Incident(x) = &mut r {
            x.operator_name = "UNSAVED".into();
        }
        r
    };
    assert_eq!(s.save(&d), Err(StorageError::QuotaExceeded));
    assert_eq!(name_of(&s.load(&d.id).unwrap()), "SAVED");
    s.hold(d.clone());
    assert_eq!(s.held(&d.id), Some(d.clone()));
    // Room again: the save goes through and the held edit is dropped.
    s.raw().set_capacity(None);
    s.save(&d).unwrap();
    assert_eq!(s.held(&d.id), None);
    assert_eq!(name_of(&s.load(&d.id).unwrap()), "UNSAVED");
}

#[test]
fn an_older_wrapper_is_migrated_on_the_next_save_only() {
    let s = storage();
    let file = Envelope::new("s", Report::new(FormKind::Ddos)).to_value();
    let v0 = json!({"format": "kyoyu-draft", "id": "old", "saved_at": "2024-04-01T09:00:00.000+09:00", "file": file}).to_string();
    s.raw().set(&key("old"), &v0).unwrap();
    let d = s.load("old").unwrap();
    assert_eq!(d.envelope.kind(), FormKind::Ddos);
    let _ = s.list();
    assert_eq!(
        s.raw().get(&key("old")).unwrap(),
        Some(v0),
        "reading writes nothing"
    );
    s.save(&d).unwrap();
    let v1: Value = serde_json::from_str(&s.raw().get(&key("old")).unwrap().unwrap()).unwrap();
    assert_eq!(v1["version"], 1);
    assert_eq!(v1["exported_at"], Value::Null);
}

#[test]
fn encryption_seals_everything_including_kept_aside_entries_and_files() {
    let s = storage();
    let d = draft(&s, "ZETA-SECRET");
    s.save(&d).unwrap();
    s.raw()
        .set(&key("broken"), "{\"not\": \"a draft ZETA-CORRUPT\"}")
        .unwrap();
    let f =
        block_on(s.put_file(&d.id, "screenshot-ZETA.png", "image/png", b"PNG-ZETA-BYTES")).unwrap();
    let report = block_on(s.enable_encryption("correct horse")).unwrap();
    assert_eq!(
        report,
        SealReport {
            drafts: 1,
            kept_aside: 1,
            files: 1,
            records: 0,
            left_in_clear: vec![],
            named_keys: vec![key("broken")],
        }
    );
    let text = all_text(&s);
    assert!(!text.contains("ZETA"), "{text}");
    assert!(!text.contains("series"));
    let raw = block_on(s.raw_files().get(&f.key)).unwrap().unwrap();
    assert!(!raw.meta.contains("ZETA") && !String::from_utf8_lossy(&raw.bytes).contains("ZETA"));
    // Still readable here, and the kept-aside entry still kept aside (and rescued as it was).
    assert_eq!(s.load(&d.id).unwrap(), d);
    assert_eq!(
        s.raw_text(&key("broken")).as_deref(),
        Some("{\"not\": \"a draft ZETA-CORRUPT\"}")
    );
    assert!(s
        .list()
        .iter()
        .any(|l| matches!(l, Listed::Unreadable { .. })));
    assert_eq!(
        block_on(s.get_file(&f.key)).unwrap().unwrap().bytes,
        b"PNG-ZETA-BYTES"
    );
    // A new write is kept in memory, then sealed.
    let mut d2 = d.clone();
    d2.saved_at = Some("2025-10-01T09:01:00.000+09:00".into());
    s.save(&d2).unwrap();
    assert!(s.has_pending());
    assert_eq!(s.load(&d.id).unwrap(), d2);
    assert!(block_on(s.seal_pending()).is_empty());
    assert!(!s.has_pending());
    assert!(!all_text(&s).contains("ZETA"));

    // Locked: nothing is shown, nothing can be written.
    s.lock();
    assert!(s.needs_unlock());
    assert_eq!(s.load(&d.id), Err(StorageError::Locked));
    assert_eq!(s.save(&d2), Err(StorageError::Locked));
    assert!(matches!(
        block_on(s.list_files(&d.id)),
        Err(StorageError::Locked)
    ));
    let before = all_text(&s);
    assert_eq!(
        block_on(s.unlock("wrong horse")).unwrap_err(),
        StorageError::WrongPassphrase
    );
    assert_eq!(all_text(&s), before, "a wrong passphrase changes nothing");
    block_on(s.unlock("correct horse")).unwrap();
    assert_eq!(s.load(&d.id).unwrap(), d2);
    assert_eq!(block_on(s.list_files(&d.id)).unwrap(), vec![f.clone()]);

    // Off again: everything in clear, as it was.
    assert_eq!(
        block_on(s.disable_encryption("nope")),
        Err(StorageError::WrongPassphrase)
    );
    block_on(s.disable_encryption("correct horse")).unwrap();
    assert!(!s.encryption_on());
    assert!(all_text(&s).contains("ZETA-SECRET") && all_text(&s).contains("ZETA-CORRUPT"));
    assert_eq!(
        block_on(s.raw_files().get(&f.key)).unwrap().unwrap().bytes,
        b"PNG-ZETA-BYTES"
    );
}

#[test]
fn what_cannot_be_sealed_is_named() {
    let s = storage();
    let d = draft(&s, "KEPT");
    s.save(&d).unwrap();
    // Room for the key-check record, not for the sealed draft (larger than the clear one).
    let used: usize = s
        .raw()
        .keys()
        .unwrap()
        .iter()
        .map(|k| k.len() + s.raw().get(k).unwrap().unwrap().len())
        .sum();
    s.raw().set_capacity(Some(used + 400));
    let report = block_on(s.enable_encryption("correct horse")).unwrap();
    assert_eq!(report.drafts, 0);
    assert_eq!(
        report.left_in_clear,
        vec![(key(&d.id), StorageError::QuotaExceeded)]
    );
    // The draft is still there, readable, and sealed by a later unlock when there is room.
    assert_eq!(s.load(&d.id).unwrap(), d);
    s.raw().set_capacity(None);
    s.lock();
    assert_eq!(block_on(s.unlock("correct horse")).unwrap().drafts, 1);
    assert!(!all_text(&s).contains("KEPT"));
}

#[test]
fn another_writers_sealed_save_is_opened_and_a_removal_followed() {
    let s = storage();
    let d = draft(&s, "ONE");
    s.save(&d).unwrap();
    block_on(s.enable_encryption("pass phrase")).unwrap();
    // Another tab with the same key writes a newer version: the sealed text arrives.
    let mut theirs = d.clone();
    theirs.saved_at = Some("2025-10-01T09:09:09.000+09:00".into());
    let ck = s.current_key().unwrap();
    let sealed = block_on(s.seal_text(&ck, &key(&d.id), &draft::to_text(&theirs))).unwrap();
    s.raw().set(&key(&d.id), &sealed).unwrap();
    assert!(block_on(s.note_external(Some(&key(&d.id)), Some(&sealed))));
    assert_eq!(s.load(&d.id).unwrap(), theirs);
    s.raw().remove(&key(&d.id)).unwrap();
    block_on(s.note_external(Some(&key(&d.id)), None));
    assert_eq!(s.load(&d.id), Err(StorageError::NotFound));
    assert!(!block_on(s.note_external(Some("other.app"), Some("x"))));
}

#[test]
fn files_are_kept_per_draft_under_random_keys_and_a_full_store_says_so() {
    let s = storage();
    let a = block_on(s.put_file("d1", "a.png", "image/png", &[1, 2, 3])).unwrap();
    let b = block_on(s.put_file("d1", "b.txt", "text/plain", b"hello")).unwrap();
    let c = block_on(s.put_file("d2", "c.txt", "text/plain", b"other")).unwrap();
    assert_ne!(a.key, b.key);
    assert!(!a.key.contains("a.png"));
    assert_eq!(a.size, 3);
    let listed: Vec<String> = block_on(s.list_files("d1"))
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(listed.len(), 2);
    assert!(listed.contains(&"a.png".to_string()) && listed.contains(&"b.txt".to_string()));
    assert_eq!(
        block_on(s.get_file(&b.key)).unwrap().unwrap().bytes,
        b"hello"
    );
    block_on(s.delete_file(&a.key)).unwrap();
    assert_eq!(block_on(s.get_file(&a.key)).unwrap(), None);
    block_on(s.delete_files_of("d1")).unwrap();
    assert!(block_on(s.list_files("d1")).unwrap().is_empty());
    assert_eq!(block_on(s.list_files("d2")).unwrap(), vec![c]);
    s.raw_files().set_capacity(Some(10));
    assert_eq!(
        block_on(s.put_file("d2", "big.bin", "application/octet-stream", &[0; 64])),
        Err(StorageError::QuotaExceeded)
    );
    block_on(s.delete_all()).unwrap();
    assert!(block_on(s.raw_files().list(None)).unwrap().is_empty());
}

#[test]
fn delete_all_removes_only_the_apps_keys() {
    let s = storage();
    let d = draft(&s, "X");
    s.save(&d).unwrap();
    s.raw().set("another-app", "\"kept\"").unwrap();
    block_on(s.delete_all()).unwrap();
    assert_eq!(s.raw().keys().unwrap(), vec!["another-app".to_string()]);
}

#[test]
fn the_address_book_is_sealed_opened_and_unsealed_with_the_drafts() {
    let s = storage();
    let book = r#"{"entries":[{"name":"警察","to":["desk-ZETA@example.go.jp"],"cc":[]}]}"#;
    assert_eq!(s.record(BOOK_KEY), Ok(None));
    s.save_record(BOOK_KEY, book).unwrap();
    assert!(
        all_text(&s).contains("desk-ZETA"),
        "in clear while encryption is off"
    );

    // Turning encryption on seals the existing book; a later write is sealed too.
    let report = block_on(s.enable_encryption("correct horse")).unwrap();
    assert_eq!((report.records, report.named_keys.len()), (1, 0));
    assert!(!all_text(&s).contains("ZETA"), "{}", all_text(&s));
    assert_eq!(s.record(BOOK_KEY).unwrap().as_deref(), Some(book));
    let edited = book.replace("desk-ZETA", "desk2-ZETA");
    s.save_record(BOOK_KEY, &edited).unwrap();
    assert!(block_on(s.seal_pending()).is_empty());
    assert!(!all_text(&s).contains("ZETA"));
    assert!(s.drafts().is_empty(), "a record is no draft");

    // Locked: nothing of it is shown or written; the passphrase opens it again.
    s.lock();
    assert_eq!(s.record(BOOK_KEY), Err(StorageError::Locked));
    let before = all_text(&s);
    assert_eq!(
        s.save_record(BOOK_KEY, "{\"entries\":[]}"),
        Err(StorageError::Locked)
    );
    assert_eq!(all_text(&s), before);
    assert_eq!(s.record(BOOK_KEY), Err(StorageError::Locked));
    block_on(s.unlock("correct horse")).unwrap();
    // The write refused while locked is held (nothing lost), not the stored one.
    assert_eq!(
        s.record(BOOK_KEY).unwrap().as_deref(),
        Some("{\"entries\":[]}")
    );
    s.save_record(BOOK_KEY, &edited).unwrap();
    assert!(block_on(s.seal_pending()).is_empty());

    // Another tab's sealed write is opened.
    let theirs = book.replace("desk-ZETA", "desk3-ZETA");
    let ck = s.current_key().unwrap();
    let sealed = block_on(s.seal_text(&ck, BOOK_KEY, &theirs)).unwrap();
    s.raw().set(BOOK_KEY, &sealed).unwrap();
    assert!(block_on(s.note_external(Some(BOOK_KEY), Some(&sealed))));
    assert_eq!(
        s.record(BOOK_KEY).unwrap().as_deref(),
        Some(theirs.as_str())
    );

    // Off again: the book in clear, as it was.
    block_on(s.disable_encryption("correct horse")).unwrap();
    assert_eq!(
        s.raw().get(BOOK_KEY).unwrap().as_deref(),
        Some(theirs.as_str())
    );

    // 「すべて削除」 removes it.
    block_on(s.delete_all()).unwrap();
    assert_eq!(s.raw().get(BOOK_KEY).unwrap(), None);
    assert_eq!(s.record(BOOK_KEY), Ok(None));
}

#[test]
fn a_review_list_is_sealed_like_its_draft_and_removed_with_it() {
    let s = storage();
    let d = draft(&s, "X");
    s.save(&d).unwrap();
    let mine = review_key(&d.id);
    let review = r#"{"cautions":["共有等を希望しない: 委託先名-OMEGA"]}"#;
    s.save_record(&mine, review).unwrap();
    block_on(s.enable_encryption("correct horse")).unwrap();
    assert!(!all_text(&s).contains("OMEGA"), "{}", all_text(&s));
    assert_eq!(s.record(&mine).unwrap().as_deref(), Some(review));
    s.lock();
    assert_eq!(s.record(&mine), Err(StorageError::Locked));
    block_on(s.unlock("correct horse")).unwrap();
    assert_eq!(s.record(&mine).unwrap().as_deref(), Some(review));

    // Deleting the draft removes its review list; another draft's stays.
    let other = draft(&s, "Y");
    let theirs = review_key(&other.id);
    s.save(&other).unwrap();
    s.save_record(&theirs, review).unwrap();
    assert!(block_on(s.seal_pending()).is_empty());
    s.delete(&d.id).unwrap();
    assert_eq!(s.raw().get(&mine).unwrap(), None);
    assert_eq!(s.record(&mine), Ok(None));
    assert!(s.raw().get(&theirs).unwrap().is_some());

    // 「確認しました」 removes it alone.
    s.delete_record(&theirs).unwrap();
    assert_eq!(s.record(&theirs), Ok(None));
    assert!(s.load(&other.id).is_ok());
}

#[test]
fn a_full_store_keeps_the_address_book_edit() {
    let s = storage();
    s.save_record(BOOK_KEY, "{\"entries\":[]}").unwrap();
    s.raw().set_capacity(Some(10));
    let edit = r#"{"entries":[{"name":"NISC","to":["a@example.go.jp"],"cc":[]}]}"#;
    assert_eq!(
        s.save_record(BOOK_KEY, edit),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(
        s.raw().get(BOOK_KEY).unwrap().as_deref(),
        Some("{\"entries\":[]}")
    );
    assert_eq!(s.record(BOOK_KEY).unwrap().as_deref(), Some(edit), "held");
    assert!(s.record_unsaved(BOOK_KEY));
    s.raw().set_capacity(None);
    s.save_record(BOOK_KEY, edit).unwrap();
    assert_eq!(s.raw().get(BOOK_KEY).unwrap().as_deref(), Some(edit));
    assert!(!s.record_unsaved(BOOK_KEY));

    // With encryption on, a sealed write the store refuses in the background is held too.
    block_on(s.enable_encryption("correct horse")).unwrap();
    let edit2 = edit.replace("NISC", "警察");
    s.save_record(BOOK_KEY, &edit2).unwrap();
    s.raw().set_capacity(Some(10));
    let failed = block_on(s.seal_pending());
    assert_eq!(
        failed,
        vec![(BOOK_KEY.to_string(), StorageError::QuotaExceeded)]
    );
    assert!(s.record_unsaved(BOOK_KEY));
    assert_eq!(s.record(BOOK_KEY).unwrap().as_deref(), Some(edit2.as_str()));
}
