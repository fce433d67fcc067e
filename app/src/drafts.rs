//! Drafts and their series, over the storage layer: a new draft, the draft holding 第N報 of a
//! series, 「続報を作成」, the report a draft follows up and what changed since, importing a file,
//! the export reminder. Home, the editor and print use these; none of them asks the user anything
//! (the caller passes the answer in).

use kyoyu_core::envelope::{Envelope, FileError};
use kyoyu_core::follow_up::{self, Change};
use kyoyu_core::forms::{FormKind, Report};

use crate::storage::{Crypto, Draft, FileStore, Storage, StorageError, Store};

/// A new, empty draft of `kind` (第1報 of a new series with a random id), not yet saved.
pub fn new_draft<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    kind: FormKind,
    now: &str,
) -> Result<Draft, StorageError> {
    Ok(Draft {
        id: s.free_draft_id()?,
        envelope: Envelope::new(s.new_id()?, Report::new(kind)),
        saved_at: None,
        exported_at: None,
        previous_report: None,
        created_at: Some(now.to_string()),
    })
}

/// A new draft holding `report`, 第1報 of a new series (the 情報連絡様式 made from a 共通様式,
/// an anonymised copy), saved.
pub fn save_in_new_series<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    report: Report,
    now: &str,
) -> Result<Draft, StorageError> {
    let d = Draft {
        id: s.free_draft_id()?,
        envelope: Envelope::new(s.new_id()?, report),
        saved_at: Some(now.to_string()),
        exported_at: None,
        previous_report: None,
        created_at: Some(now.to_string()),
    };
    s.save(&d)?;
    Ok(d)
}

/// Enters the 識別番号 on every stored report of `series` that carries one, but the draft
/// `except` (open in the editor, which enters it itself); how many drafts changed.
pub fn carry_identifier<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    series: &str,
    identifier: &str,
    except: &str,
    now: &str,
) -> Result<usize, StorageError> {
    let mut others: Vec<Draft> = s
        .drafts()
        .into_iter()
        .filter(|d| d.id != except && d.envelope.series.id == series)
        .collect();
    let mut envelopes: Vec<Envelope> = others.iter().map(|d| d.envelope.clone()).collect();
    kyoyu_core::flow::carry_identifier(&mut envelopes, series, identifier);
    let mut changed = 0;
    for (d, e) in others.iter_mut().zip(envelopes) {
        if d.envelope != e {
            d.envelope = e;
            d.saved_at = Some(now.to_string());
            s.save(d)?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// The stored draft holding 第`n`報 of `series`, if any.
pub fn find_in_series<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    series: &str,
    n: u32,
) -> Option<Draft> {
    s.drafts()
        .into_iter()
        .find(|d| d.envelope.series.id == series && d.envelope.report.report_number() == n)
}

/// What 「続報を作成」 needs to know from the user.
pub enum FollowUp {
    /// Saved as a new draft (its id).
    Created(String),
    /// 第N報 already exists and the user chose to open it (its id).
    Existing(String),
}

/// 「続報を作成」: the next report of `d`'s series, saved. When that 第N報 already exists,
/// `another(n)` says whether to make another one anyway. `form_now` is now in the forms' format,
/// `now` in RFC 3339.
pub fn create_follow_up<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    d: &Draft,
    form_now: &str,
    now: &str,
    another: impl FnOnce(u32) -> bool,
) -> Result<FollowUp, StorageError> {
    let env = follow_up::follow_up(&d.envelope, form_now);
    let n = env.report.report_number();
    if let Some(existing) = find_in_series(s, &env.series.id, n) {
        if !another(n) {
            return Ok(FollowUp::Existing(existing.id));
        }
    }
    let draft = Draft {
        id: s.free_draft_id()?,
        previous_report: Some(d.envelope.report.to_value()),
        envelope: env,
        saved_at: Some(now.to_string()),
        exported_at: None,
        created_at: Some(now.to_string()),
    };
    s.save(&draft)?;
    Ok(FollowUp::Created(draft.id))
}

/// The report `d` follows up: the copy taken when it was made, or the series' previous report
/// kept in this browser.
pub fn previous_report<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    d: &Draft,
) -> Option<Report> {
    let kind = d.envelope.kind();
    if let Some(v) = &d.previous_report {
        return Report::from_value(kind, v.clone()).ok();
    }
    let prev = d.envelope.series.previous.as_ref()?;
    find_in_series(s, &d.envelope.series.id, prev.number).map(|p| p.envelope.report)
}

/// What changed since the previous report ([`follow_up::content_changes`]); nothing for a first
/// report.
pub fn changes_since(prev: Option<&Report>, report: &Report) -> Vec<Change> {
    prev.map(|prev| follow_up::content_changes(prev, report))
        .unwrap_or_default()
}

/// Why an import failed. `Display`: the Japanese message (the file's name is added by the caller).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    File(FileError),
    Storage(StorageError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::File(e) => write!(f, "{e}"),
            ImportError::Storage(StorageError::QuotaExceeded) => write!(
                f,
                "{} 読み込んだファイルは下書きにしていません(この端末の下書きは変更していません)。不要な下書きを書き出してから削除し、もう一度読み込んでください。",
                StorageError::QuotaExceeded
            ),
            ImportError::Storage(e) => write!(f, "{e} 読み込んだファイルは下書きにしていません。"),
        }
    }
}

/// Imports a file's bytes as a draft: on success its id; `None` when 第N報 of that series
/// exists and `replace` (asked with the form's name and N) says no. Bytes that are not UTF-8,
/// a broken file or a full storage change no draft.
pub fn import<S: Store, F: FileStore, C: Crypto>(
    s: &Storage<S, F, C>,
    bytes: &[u8],
    now: &str,
    replace: impl FnOnce(&str, u32) -> bool,
) -> Result<Option<String>, ImportError> {
    let mut env = Envelope::from_bytes(bytes).map_err(ImportError::File)?;
    if env.series.id.is_empty() {
        env.series.id = s.new_id().map_err(ImportError::Storage)?;
    }
    let n = env.report.report_number();
    let (id, previous_report, created_at) = match find_in_series(s, &env.series.id, n) {
        Some(existing) => {
            if !replace(env.report.kind().name(), n) {
                return Ok(None);
            }
            (existing.id, existing.previous_report, existing.created_at)
        }
        None => (
            s.free_draft_id().map_err(ImportError::Storage)?,
            None,
            Some(now.to_string()),
        ),
    };
    let d = Draft {
        id: id.clone(),
        envelope: env,
        saved_at: Some(now.to_string()),
        exported_at: None,
        previous_report,
        created_at,
    };
    s.save(&d).map_err(ImportError::Storage)?;
    Ok(Some(id))
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
pub(crate) mod tests {
    use super::*;
    use crate::storage::tests::{storage, TestStorage};

    const NOW: &str = "2025-10-01T09:00:00.000+09:00";

    fn saved(s: &TestStorage, kind: FormKind) -> Draft {
        let mut d = new_draft(s, kind, NOW).unwrap();
        d.saved_at = Some(NOW.into());
        s.save(&d).unwrap();
        d
    }

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
    fn a_follow_up_is_the_next_report_of_the_series_and_asks_before_a_second_one() {
        let s = storage();
        let first = saved(&s, FormKind::Incident);
        let FollowUp::Created(id) =
            create_follow_up(&s, &first, "2025-10-01T10:00", NOW, |_| panic!("not asked")).unwrap()
        else {
            panic!("created")
        };
        let second = s.load(&id).unwrap();
        assert_eq!(second.envelope.report.report_number(), 2);
        assert_eq!(second.envelope.series.id, first.envelope.series.id);
        assert_eq!(
            previous_report(&s, &second),
            Some(first.envelope.report.clone())
        );
        assert_eq!(
            find_in_series(&s, &first.envelope.series.id, 2).map(|d| d.id),
            Some(id.clone())
        );
        match create_follow_up(&s, &first, "2025-10-01T10:00", NOW, |n| {
            assert_eq!(n, 2);
            false
        })
        .unwrap()
        {
            FollowUp::Existing(e) => assert_eq!(e, id),
            FollowUp::Created(_) => panic!("the existing one is opened"),
        }
        assert!(matches!(
            create_follow_up(&s, &first, "2025-10-01T10:00", NOW, |_| true).unwrap(),
            FollowUp::Created(_)
        ));
        assert_eq!(s.drafts().len(), 3);
    }

    #[test]
    fn an_import_never_alters_in_silence_and_a_full_storage_changes_nothing() {
        let s = storage();
        let env = Envelope::new("imported-series-名前", Report::new(FormKind::Ddos));
        let id = import(&s, env.to_json_pretty().as_bytes(), NOW, |_, _| {
            panic!("new")
        })
        .unwrap()
        .unwrap();
        assert_eq!(id.len(), 32, "a random id, not the series id");
        assert_eq!(s.load(&id).unwrap().envelope, env);
        // The same 第N報 again: replaced only when the user says so.
        assert_eq!(
            import(&s, env.to_json_pretty().as_bytes(), NOW, |_, _| false),
            Ok(None)
        );
        assert_eq!(
            import(&s, env.to_json_pretty().as_bytes(), NOW, |k, n| k
                == "DDoS攻撃事案共通様式"
                && n == 1),
            Ok(Some(id))
        );
        // Not UTF-8: refused with the offset.
        let mut bad = env.to_json_pretty().into_bytes();
        bad.insert(30, 0x93);
        assert_eq!(
            import(&s, &bad, NOW, |_, _| true),
            Err(ImportError::File(FileError::NotUtf8 { offset: 30 }))
        );
        // Full: the message says nothing was typed and nothing was changed.
        let before = s.drafts();
        s.raw().set_capacity(Some(10));
        let other = Envelope::new("another", Report::new(FormKind::Incident));
        let e = import(&s, other.to_json_pretty().as_bytes(), NOW, |_, _| true).unwrap_err();
        assert_eq!(e, ImportError::Storage(StorageError::QuotaExceeded));
        let msg = e.to_string();
        assert!(
            msg.contains("読み込んだファイルは下書きにしていません") && !msg.contains("入力内容"),
            "{msg}"
        );
        assert_eq!(s.drafts(), before);
    }
}
