//! The stored wrapper of a draft and its migrations (through core's one migration framework,
//! [`kyoyu_core::envelope::migrate_with`]).

use kyoyu_core::envelope::{migrate_with, Envelope, FileError, MigrationStep};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::StorageError;

/// The `format` member of a stored draft.
pub const DRAFT_FORMAT: &str = "kyoyu-draft";
/// The version of the stored draft wrapper this build writes and reads.
pub const DRAFT_VERSION: u32 = 1;
/// The first version of the wrapper (v0 had no `version` member).
const FIRST_DRAFT_VERSION: u32 = 0;
/// `DRAFT_MIGRATIONS[i]` turns wrapper version `i` into `i + 1`.
const DRAFT_MIGRATIONS: &[MigrationStep] = &[v0_to_v1];

/// One draft: a report in its envelope, with the app's bookkeeping.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The draft's id: random hex, never derived from the report (the key is
    /// `kyoyu.draft.<id>`, readable while everything else is sealed).
    pub id: String,
    pub envelope: Envelope,
    /// When it was last saved (RFC 3339, local offset); None before the first save.
    pub saved_at: Option<String>,
    /// When it was last exported as a file (RFC 3339), if ever.
    pub exported_at: Option<String>,
    /// The `report` member of the report this one follows up (taken when 「続報を作成」 made
    /// it, so the changes can be marked even if that draft is later edited or deleted).
    pub previous_report: Option<Value>,
    /// When it was first saved (RFC 3339), if known (the export reminder uses it).
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

/// The text stored for a draft (always the current wrapper version).
pub fn to_text(d: &Draft) -> String {
    let stored = StoredDraft {
        format: DRAFT_FORMAT.to_string(),
        version: DRAFT_VERSION,
        id: d.id.clone(),
        saved_at: d.saved_at.clone(),
        created_at: d.created_at.clone(),
        exported_at: d.exported_at.clone(),
        previous_report: d.previous_report.clone(),
        file: d.envelope.to_value(),
    };
    // Strings, numbers and JSON values only: this always serializes.
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored draft of any wrapper version up to [`DRAFT_VERSION`]. Its id is `id`, the
/// one of the key it was found under (the `id` member is a copy, rewritten on the next save).
pub fn from_text(id: &str, text: &str) -> Result<Draft, StorageError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let Value::Object(mut map) = value else {
        return Err(StorageError::Corrupt("形式が違います".into()));
    };
    if map.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
        return Err(StorageError::Corrupt("形式が違います".into()));
    }
    let version = match map.get("version") {
        None | Some(Value::Null) => 0,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| StorageError::Corrupt("版が読めません".into()))?,
    };
    if version > u64::from(DRAFT_VERSION) {
        return Err(StorageError::NewerVersion(version));
    }
    migrate_with(
        &mut map,
        version as u32,
        FIRST_DRAFT_VERSION,
        DRAFT_MIGRATIONS,
    )
    .map_err(StorageError::File)?;
    let stored: StoredDraft = serde_json::from_value(Value::Object(map))
        .map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let envelope = Envelope::from_value(stored.file).map_err(StorageError::File)?;
    Ok(Draft {
        id: id.to_string(),
        envelope,
        saved_at: stored.saved_at,
        exported_at: stored.exported_at,
        previous_report: stored.previous_report,
        created_at: stored.created_at,
    })
}

/// v0 → v1: adds `exported_at` (never exported), `previous_report` (none kept) and a missing
/// `saved_at`.
fn v0_to_v1(map: &mut Map<String, Value>) -> Result<(), FileError> {
    map.entry("exported_at").or_insert(Value::Null);
    map.entry("previous_report").or_insert(Value::Null);
    map.entry("saved_at").or_insert(Value::Null);
    map.entry("id").or_insert(Value::from(""));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kyoyu_core::forms::{FormKind, Report};
    use serde_json::json;

    fn file() -> Value {
        Envelope::new("s", Report::new(FormKind::Incident)).to_value()
    }

    #[test]
    fn a_v0_wrapper_is_read_as_v1() {
        let v0 = json!({"format": "kyoyu-draft", "id": "a-1", "saved_at": "2025-01-01T00:00:00+09:00", "file": file()});
        let d = from_text("a-1", &v0.to_string()).unwrap();
        assert_eq!(d.saved_at.as_deref(), Some("2025-01-01T00:00:00+09:00"));
        assert_eq!(d.exported_at, None);
        assert_eq!(d.previous_report, None);
        let v0b = json!({"format": "kyoyu-draft", "version": 0, "id": "a-1", "file": file()});
        assert_eq!(from_text("a-1", &v0b.to_string()).unwrap().saved_at, None);
        let written: Value = serde_json::from_str(&to_text(&d)).unwrap();
        assert_eq!(written["version"], 1);
        assert_eq!(written["exported_at"], Value::Null);
    }

    #[test]
    fn newer_and_foreign_wrappers_are_refused() {
        let v9 = json!({"format": "kyoyu-draft", "version": 9, "id": "a-1", "file": {}});
        assert_eq!(
            from_text("a-1", &v9.to_string()),
            Err(StorageError::NewerVersion(9))
        );
        assert!(matches!(
            from_text("a", "{\"format\":\"other\"}"),
            Err(StorageError::Corrupt(_))
        ));
        assert!(matches!(
            from_text("a", "{\"format\":\"kyoyu-dr"),
            Err(StorageError::Corrupt(_))
        ));
    }

    #[test]
    fn the_id_is_the_keys_not_the_copy_inside() {
        let text = json!({"format": "kyoyu-draft", "version": 1, "id": "someone-else", "saved_at": null, "file": file()});
        assert_eq!(from_text("mine", &text.to_string()).unwrap().id, "mine");
    }
}
