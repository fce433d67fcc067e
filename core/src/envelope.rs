//! The file format of kyoyu: a versioned JSON envelope around one report.
//!
//! ```json
//! {
//!   "format": "kyoyu-report",
//!   "version": 1,
//!   "kind": "incident",
//!   "series": { "id": "…", "number": 2, "previous": { "number": 1, "reported_at": "2023-08-19T13:15" } },
//!   "report": { … }
//! }
//! ```
//!
//! - `format` tells a kyoyu file from any other JSON; `version` is the version of this layout
//!   ([`VERSION`]); older files are brought up to date by [`migrate`] before they are read, newer
//!   ones are refused ([`FileError::NewerVersion`]) so that nothing is lost by a downgrade.
//! - `kind` is the form ([`FormKind::id`]).
//! - `series` links the reports of one incident (第1報, 第2報 …): `id` is shared by every report
//!   of the series (chosen when 第1報 is created — core has no randomness, the app supplies it),
//!   `number` is the report's 第N報, `previous` names the report this one follows up.
//! - `report` is the form's model ([`crate::forms`]); missing fields load as empty.
//!
//! Reading never panics and never yields a partial report: the whole file is checked, then
//! either an [`Envelope`] or a [`FileError`] (with a Japanese message) comes back.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::forms::{Advisory, DdosReport, FormKind, IncidentReport, RansomwareReport, Report};

/// The `format` member of every kyoyu file.
pub const FORMAT: &str = "kyoyu-report";

/// The version of the file layout this build writes and reads.
pub const VERSION: u32 = 1;

/// The first version that ever existed.
pub const FIRST_VERSION: u32 = 1;

/// The series a report belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Series {
    /// Shared by every report of one incident (第1報 and its 続報). Opaque; chosen by the app
    /// (e.g. a random UUID) when 第1報 is created.
    pub id: String,
    /// The report this one follows up; None for 第1報.
    pub previous: Option<PreviousReport>,
}

/// The report a follow-up follows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PreviousReport {
    /// Its 第N報.
    pub number: u32,
    /// Its 情報連絡日時 / 報告日時 / 情報提供日時, as typed.
    pub reported_at: String,
}

/// One report in its file envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    pub series: Series,
    pub report: Report,
}

/// Why a file could not be read. `Display` gives the message for the user, in Japanese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not UTF-8 text: the first byte that is not valid UTF-8 is at `offset` (0-based).
    NotUtf8 { offset: usize },
    /// Not JSON at all (truncated, edited by hand, another file type).
    Broken {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a kyoyu file (no `"format": "kyoyu-report"`).
    NotKyoyu,
    /// Written by a newer kyoyu, with a layout this build does not know.
    NewerVersion { found: u64, supported: u32 },
    /// A `version` that no kyoyu ever wrote (missing, 0, not a number).
    UnknownVersion { found: String },
    /// A `kind` that is none of the four forms.
    UnknownKind { found: String },
    /// A file of another form than the one asked for.
    KindMismatch { expected: FormKind, found: FormKind },
    /// The report (or series) does not fit the form's model; `detail` is serde's message.
    InvalidReport { detail: String },
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::NotUtf8 { offset } => write!(
                f,
                "ファイルが UTF-8 の文字として読めないため読み込めません({offset} バイト目)。\
                 kyoyu で保存した様式ファイル(.json)を選び直してください(文字を置き換えて読み込むことはしません)。"
            ),
            FileError::Broken { line, column, .. } => write!(
                f,
                "ファイルが壊れているため読み込めません({line}行{column}文字目)。\
                 kyoyu で保存した様式ファイル(.json)を選び直してください。"
            ),
            FileError::NotKyoyu => write!(
                f,
                "このファイルは kyoyu の様式ファイルではありません。\
                 kyoyu で保存した様式ファイル(.json)を選んでください。"
            ),
            FileError::NewerVersion { found, supported } => write!(
                f,
                "このファイルは新しい版 (v{found}) の kyoyu で作られました。\
                 この kyoyu が読めるのは v{supported} までです。\
                 ページを再読み込みして kyoyu を更新してから開いてください。"
            ),
            FileError::UnknownVersion { found } => write!(
                f,
                "このファイルの版 ({found}) は kyoyu のどの版のものでもありません。\
                 kyoyu で保存した様式ファイル(.json)を選んでください。"
            ),
            FileError::UnknownKind { found } => write!(
                f,
                "このファイルの様式「{found}」は kyoyu の様式(情報連絡様式、DDoS攻撃事案共通様式、\
                 ランサムウェア事案共通様式、情報提供様式)のいずれでもありません。"
            ),
            FileError::KindMismatch { expected, found } => write!(
                f,
                "このファイルは{}のファイルです。{}のファイルを選んでください。",
                found.name(),
                expected.name()
            ),
            FileError::InvalidReport { detail } => write!(
                f,
                "このファイルの記載内容を読み込めません(様式に合わない値があります: {detail})。\
                 ファイルは変更されていません。"
            ),
        }
    }
}

impl std::error::Error for FileError {}

impl Envelope {
    /// 第1報 (or any report) in a new series.
    pub fn new(series_id: impl Into<String>, report: Report) -> Envelope {
        Envelope {
            series: Series {
                id: series_id.into(),
                previous: None,
            },
            report,
        }
    }

    pub fn kind(&self) -> FormKind {
        self.report.kind()
    }

    /// 第N報 of the report (written as `series.number`).
    pub fn number(&self) -> u32 {
        self.report.report_number()
    }

    /// The file's JSON value.
    pub fn to_value(&self) -> Value {
        let series = json!({
            "id": self.series.id,
            "number": self.number(),
            "previous": self.series.previous,
        });
        json!({
            "format": FORMAT,
            "version": VERSION,
            "kind": self.kind().id(),
            "series": series,
            "report": self.report.to_value(),
        })
    }

    /// The file, pretty-printed (what "save" and "export" write), fields in the form's order.
    pub fn to_json_pretty(&self) -> String {
        fn out<R: Serialize>(env: &Envelope, report: &R) -> String {
            let file = FileOut {
                format: FORMAT,
                version: VERSION,
                kind: env.kind().id(),
                series: SeriesOut {
                    id: &env.series.id,
                    number: env.number(),
                    previous: &env.series.previous,
                },
                report,
            };
            // The models hold only strings, numbers, bools, lists and unit enums: this
            // always serializes.
            let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
            s.push('\n');
            s
        }
        match &self.report {
            Report::Incident(r) => out(self, r),
            Report::Ddos(r) => out(self, r),
            Report::Ransomware(r) => out(self, r),
            Report::Advisory(r) => out(self, r),
        }
    }

    /// Reads a file's bytes: UTF-8 (a leading byte-order mark is allowed), nothing replaced —
    /// bytes that are not UTF-8 are refused with their offset.
    pub fn from_bytes(bytes: &[u8]) -> Result<Envelope, FileError> {
        const BOM: &[u8] = b"\xEF\xBB\xBF";
        let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
        let text = std::str::from_utf8(&bytes[skip..]).map_err(|e| FileError::NotUtf8 {
            offset: skip + e.valid_up_to(),
        })?;
        Envelope::from_json(text)
    }

    /// Reads a file of any kind.
    pub fn from_json(text: &str) -> Result<Envelope, FileError> {
        let value: Value = serde_json::from_str(text).map_err(|e| FileError::Broken {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        Envelope::from_value(value)
    }

    /// Reads a file that must be of `kind` (e.g. opened from that form's page).
    pub fn from_json_expecting(text: &str, kind: FormKind) -> Result<Envelope, FileError> {
        let env = Envelope::from_json(text)?;
        if env.kind() != kind {
            return Err(FileError::KindMismatch {
                expected: kind,
                found: env.kind(),
            });
        }
        Ok(env)
    }

    /// Reads a file already parsed as JSON.
    pub fn from_value(value: Value) -> Result<Envelope, FileError> {
        let Value::Object(mut doc) = value else {
            return Err(FileError::NotKyoyu);
        };
        if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(FileError::NotKyoyu);
        }
        let version = match doc.get("version") {
            Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or(0),
            Some(other) => {
                return Err(FileError::UnknownVersion {
                    found: other.to_string(),
                })
            }
            None => {
                return Err(FileError::UnknownVersion {
                    found: "なし".to_string(),
                })
            }
        };
        if version > u64::from(VERSION) {
            return Err(FileError::NewerVersion {
                found: version,
                supported: VERSION,
            });
        }
        if version < u64::from(FIRST_VERSION) {
            return Err(FileError::UnknownVersion {
                found: version.to_string(),
            });
        }
        migrate(&mut doc, version as u32)?;

        let kind_id = match doc.get("kind") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                return Err(FileError::UnknownKind {
                    found: other.to_string(),
                })
            }
            None => {
                return Err(FileError::UnknownKind {
                    found: "なし".to_string(),
                })
            }
        };
        let kind = FormKind::from_id(&kind_id).ok_or(FileError::UnknownKind { found: kind_id })?;

        let report_value = match doc.remove("report") {
            Some(v @ Value::Object(_)) => v,
            Some(_) | None => {
                return Err(FileError::InvalidReport {
                    detail: "report がありません".to_string(),
                })
            }
        };
        let report =
            Report::from_value(kind, report_value).map_err(|e| FileError::InvalidReport {
                detail: format!("report: {e}"),
            })?;

        let series_value = doc.remove("series").unwrap_or(Value::Object(Map::new()));
        let number = match series_value.get("number") {
            None | Some(Value::Null) => None,
            Some(v) => Some(v.as_u64().ok_or_else(|| FileError::InvalidReport {
                detail: format!("series.number: {v}"),
            })?),
        };
        let series: Series =
            serde_json::from_value(series_value).map_err(|e| FileError::InvalidReport {
                detail: format!("series: {e}"),
            })?;
        if let Some(n) = number {
            if n != u64::from(report.report_number()) {
                return Err(FileError::InvalidReport {
                    detail: format!(
                        "series.number ({n}) と第N報 ({}) が一致しません",
                        report.report_number()
                    ),
                });
            }
        }
        Ok(Envelope { series, report })
    }
}

#[derive(Serialize)]
struct FileOut<'a, R: Serialize> {
    format: &'static str,
    version: u32,
    kind: &'static str,
    series: SeriesOut<'a>,
    report: &'a R,
}

#[derive(Serialize)]
struct SeriesOut<'a> {
    id: &'a str,
    number: u32,
    previous: &'a Option<PreviousReport>,
}

/// One migration step: rewrites a document of version `n` into version `n + 1` in place.
pub type MigrationStep = fn(&mut Map<String, Value>) -> Result<(), FileError>;

/// The migration steps, in order: `MIGRATIONS[i]` turns version `FIRST_VERSION + i` into
/// `FIRST_VERSION + i + 1`. Version 1 is the first version, so there are none yet; when
/// version 2 is introduced, its step goes here (and `VERSION` becomes 2).
pub const MIGRATIONS: &[MigrationStep] = &[];

/// Brings a document of version `from` up to [`VERSION`], with [`MIGRATIONS`].
pub fn migrate(doc: &mut Map<String, Value>, from: u32) -> Result<(), FileError> {
    migrate_with(doc, from, FIRST_VERSION, MIGRATIONS)
}

/// Brings a document of version `from` up to version `first + steps.len()`, applying
/// `steps[from - first ..]` in order and writing the new `version` after each step.
/// (The machinery of [`migrate`], separate so that it can be tested with synthetic steps.)
pub fn migrate_with(
    doc: &mut Map<String, Value>,
    from: u32,
    first: u32,
    steps: &[MigrationStep],
) -> Result<(), FileError> {
    if from < first {
        return Err(FileError::UnknownVersion {
            found: from.to_string(),
        });
    }
    let mut version = from;
    while ((version - first) as usize) < steps.len() {
        steps[(version - first) as usize](doc)?;
        version += 1;
        doc.insert("version".to_string(), Value::from(version));
    }
    Ok(())
}

/// The shape of a file of one form, for the JSON Schema only.
#[derive(JsonSchema)]
#[allow(dead_code)]
struct SchemaEnvelope<R> {
    /// Always "kyoyu-report".
    format: String,
    /// The version of the file layout.
    version: u32,
    /// The form: "incident", "ddos", "ransomware" or "advisory".
    kind: String,
    /// The series the report belongs to.
    series: SchemaSeries,
    /// The form's contents.
    report: R,
}

#[derive(JsonSchema)]
#[allow(dead_code)]
struct SchemaSeries {
    /// Shared by every report of one incident.
    id: String,
    /// 第N報 of this report.
    number: u32,
    /// The report this one follows up; null for 第1報.
    previous: Option<PreviousReport>,
}

/// The JSON Schema of a file of `kind` (generated from the models by schemars).
pub fn schema(kind: FormKind) -> Value {
    let schema = match kind {
        FormKind::Incident => schemars::schema_for!(SchemaEnvelope<IncidentReport>),
        FormKind::Ddos => schemars::schema_for!(SchemaEnvelope<DdosReport>),
        FormKind::Ransomware => schemars::schema_for!(SchemaEnvelope<RansomwareReport>),
        FormKind::Advisory => schemars::schema_for!(SchemaEnvelope<Advisory>),
    };
    let mut value: Value = schema.into();
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "title".into(),
            Value::from(format!("kyoyu: {}", kind.name())),
        );
        obj.insert(
            "$id".into(),
            Value::from(format!("urn:kyoyu:schema:{}:v{VERSION}", kind.id())),
        );
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            let consts = [
                ("format", Value::from(FORMAT)),
                ("version", Value::from(VERSION)),
                ("kind", Value::from(kind.id())),
            ];
            for (name, c) in consts {
                if let Some(Value::Object(p)) = props.get_mut(name) {
                    p.insert("const".into(), c);
                }
            }
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_their_offset() {
        let good = Envelope::new("s", Report::new(FormKind::Incident)).to_json_pretty();
        assert!(Envelope::from_bytes(good.as_bytes()).is_ok());
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(good.as_bytes());
        assert!(Envelope::from_bytes(&bom).is_ok());
        // Shift_JIS 「あ」 (0x82 0xA0) inside a string, at byte 40.
        let mut sjis = good.clone().into_bytes();
        let at = 40;
        sjis.splice(at..at, [0x82, 0xA0]);
        assert_eq!(
            Envelope::from_bytes(&sjis),
            Err(FileError::NotUtf8 { offset: at })
        );
        bom.splice(3 + at..3 + at, [0xFF]);
        assert_eq!(
            Envelope::from_bytes(&bom),
            Err(FileError::NotUtf8 { offset: 3 + at })
        );
        let msg = FileError::NotUtf8 { offset: 40 }.to_string();
        assert!(
            msg.contains("UTF-8") && msg.contains("40 バイト目"),
            "{msg}"
        );
    }
}
