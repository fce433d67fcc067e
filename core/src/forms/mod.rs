//! The models of the handbook's four forms:
//!
//! | kind | form | figure | direction |
//! |---|---|---|---|
//! | [`FormKind::Incident`] | 情報連絡様式 | 図4 (例 図5) | 所管省庁 → 国家サイバー統括室 |
//! | [`FormKind::Ddos`] | DDoS攻撃事案共通様式 | 図4-1 | 被害組織 → 報告先機関 |
//! | [`FormKind::Ransomware`] | ランサムウェア事案共通様式 | 図4-2 | 被害組織 → 報告先機関 |
//! | [`FormKind::Advisory`] | 情報提供様式 | 図7 (例 図8) | 国家サイバー統括室 → 所管省庁 |
//!
//! # Conventions
//!
//! - Every field of the form, in the form's order, with the form's wording in its doc comment.
//!   Field names are snake_case ASCII and stable: they are the machine ids of files and paths.
//! - A single choice is `Option<E>` (None = nothing ticked), several is `Vec<E>` (kept in the
//!   taxonomy order), `E` one of the enums of [`crate::taxonomy`]. 根拠規定 (laws) are
//!   `Vec<String>` of law ids.
//! - Free text and every date/time is a `String` holding exactly what was typed (empty = not
//!   filled). Dates with a year use the HTML `datetime-local` format `YYYY-MM-DDTHH:MM`
//!   (`YYYY-MM-DD` for a date alone); the DDoS attack times, which have no year on the form,
//!   `MM-DDTHH:MM`. Validation parses them; the models never reject a value.
//! - 第N報 is a `u32` (≥ 1; 1 by default).
//! - `#[serde(default)]` everywhere: a partial file loads, missing fields are empty.
//!
//! # Field paths
//!
//! A field path is the serde field names joined by `.`, with `[i]` for list items:
//! `header.tlp`, `timeline[2].description`, `attacks[0].source.ip`,
//! `header.recipients[1].sector`. Validation, [`crate::follow_up::diff`] and the app's
//! focus/highlight all use them. [`FieldPath`] is their one reader (and writer); list the
//! leaves of a report with [`Report::leaf_paths`], find a path's field in the form's
//! specification with [`spec::find`], and its Japanese label with [`field_label`] (which also
//! accepts the pattern form `timeline[].description`).
//!
//! # The form specification
//!
//! [`spec`] describes each form once — sections, labels, `*` marks, options, fixed texts —
//! for every view of it (editor, print, plain text, validation messages, the site).

pub mod advisory;
pub mod common;
pub mod ddos;
pub mod incident;
pub mod path;
pub mod ransomware;
pub mod spec;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use advisory::{Advisory, AdvisoryContact, AdvisoryHeader, Indicator, Recipient};
pub use common::{CommonHeader, PublicationStatus, ServiceLevel, TimelineRow};
pub use ddos::{
    AttackDestination, AttackSource, DdosAttack, DdosReport, DdosReporter, DdosSystems,
};
pub use incident::{
    ExternalResponse, IncidentContact, IncidentHeader, IncidentImpact, IncidentOverview,
    IncidentReport,
};
pub use path::FieldPath;
pub use ransomware::{RansomwareDetails, RansomwareReport, RansomwareReporter, RansomwareSystems};

use crate::taxonomy::{Choice, Tlp};

/// Which of the four forms.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// 情報連絡様式 (図4)
    Incident,
    /// DDoS攻撃事案共通様式 (図4-1)
    Ddos,
    /// ランサムウェア事案共通様式 (図4-2)
    Ransomware,
    /// 情報提供様式 (図7)
    Advisory,
}

impl FormKind {
    /// The four kinds, in the handbook's order.
    pub const ALL: [FormKind; 4] = [
        FormKind::Incident,
        FormKind::Ddos,
        FormKind::Ransomware,
        FormKind::Advisory,
    ];

    /// Stable ASCII id: `incident`, `ddos`, `ransomware`, `advisory`.
    pub fn id(self) -> &'static str {
        match self {
            FormKind::Incident => "incident",
            FormKind::Ddos => "ddos",
            FormKind::Ransomware => "ransomware",
            FormKind::Advisory => "advisory",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<FormKind> {
        FormKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The form's Japanese name, as printed.
    pub fn name(self) -> &'static str {
        match self {
            FormKind::Incident => "情報連絡様式",
            FormKind::Ddos => "DDoS攻撃事案共通様式",
            FormKind::Ransomware => "ランサムウェア事案共通様式",
            FormKind::Advisory => "情報提供様式",
        }
    }

    /// The handbook's figure number of the blank form: 図4, 図4-1, 図4-2, 図7.
    pub fn figure(self) -> &'static str {
        match self {
            FormKind::Incident => "図4",
            FormKind::Ddos => "図4-1",
            FormKind::Ransomware => "図4-2",
            FormKind::Advisory => "図7",
        }
    }

    /// Whether this is one of the two 共通様式 (報告日時 / 新規又は続報 / 前回報告, no TLP).
    pub fn is_common_form(self) -> bool {
        matches!(self, FormKind::Ddos | FormKind::Ransomware)
    }
}

impl std::fmt::Display for FormKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A filled (or partly filled) form of any of the four kinds.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // a handful per page; boxing would burden every match
pub enum Report {
    Incident(IncidentReport),
    Ddos(DdosReport),
    Ransomware(RansomwareReport),
    Advisory(Advisory),
}

impl Report {
    /// An empty form of this kind (第1報).
    pub fn new(kind: FormKind) -> Report {
        match kind {
            FormKind::Incident => Report::Incident(IncidentReport::default()),
            FormKind::Ddos => Report::Ddos(DdosReport::default()),
            FormKind::Ransomware => Report::Ransomware(RansomwareReport::default()),
            FormKind::Advisory => Report::Advisory(Advisory::default()),
        }
    }

    pub fn kind(&self) -> FormKind {
        match self {
            Report::Incident(_) => FormKind::Incident,
            Report::Ddos(_) => FormKind::Ddos,
            Report::Ransomware(_) => FormKind::Ransomware,
            Report::Advisory(_) => FormKind::Advisory,
        }
    }

    /// 第N報 (for the 共通様式, kyoyu's count within the series).
    pub fn report_number(&self) -> u32 {
        match self {
            Report::Incident(r) => r.header.report_number,
            Report::Ddos(r) => r.header.report_number,
            Report::Ransomware(r) => r.header.report_number,
            Report::Advisory(r) => r.header.report_number,
        }
    }

    /// Sets 第N報.
    pub fn set_report_number(&mut self, n: u32) {
        match self {
            Report::Incident(r) => r.header.report_number = n,
            Report::Ddos(r) => r.header.report_number = n,
            Report::Ransomware(r) => r.header.report_number = n,
            Report::Advisory(r) => r.header.report_number = n,
        }
    }

    /// 情報共有範囲. The 共通様式 have no TLP field on paper: None.
    pub fn tlp(&self) -> Option<Tlp> {
        match self {
            Report::Incident(r) => r.header.tlp,
            Report::Advisory(r) => r.header.tlp,
            Report::Ddos(_) | Report::Ransomware(_) => None,
        }
    }

    /// The date and time of this report as typed: 情報連絡日時 / 報告日時 / 情報提供日時.
    pub fn reported_at(&self) -> &str {
        match self {
            Report::Incident(r) => &r.header.reported_at,
            Report::Ddos(r) => &r.header.reported_at,
            Report::Ransomware(r) => &r.header.reported_at,
            Report::Advisory(r) => &r.header.provided_at,
        }
    }

    /// Who reports, as (name, e-mail address), trimmed — the person a reply goes to, and the
    /// From of the report's e-mail: 情報連絡元's 担当者名 and 電子メールアドレス (情報連絡様式),
    /// the 事務連絡者 of the 共通様式, 本件問合せ先 (情報提供様式). Either may be empty.
    pub fn contact(&self) -> (&str, &str) {
        let (name, email) = match self {
            Report::Incident(r) => (&r.header.contact.person, &r.header.contact.email),
            Report::Ddos(r) => (&r.reporter.contact_name, &r.reporter.email),
            Report::Ransomware(r) => (&r.reporter.contact_name, &r.reporter.email),
            Report::Advisory(r) => (&r.contact.person, &r.contact.email),
        };
        (name.trim(), email.trim())
    }

    /// Path of [`Report::reported_at`]'s field: `header.reported_at` or `header.provided_at`.
    pub fn reported_at_path(&self) -> &'static str {
        match self {
            Report::Advisory(_) => "header.provided_at",
            _ => "header.reported_at",
        }
    }

    /// A short human title, e.g. 「情報連絡様式 第2報 — 〇〇株式会社」.
    pub fn title(&self) -> String {
        let subject: String = match self {
            Report::Incident(r) => {
                if !r.operator_name.trim().is_empty() {
                    r.operator_name.trim().to_string()
                } else {
                    r.sector.map(|s| s.label().to_string()).unwrap_or_default()
                }
            }
            Report::Ddos(r) => r.reporter.name.trim().to_string(),
            Report::Ransomware(r) => r.reporter.name.trim().to_string(),
            Report::Advisory(r) => r.overview.trim().to_string(),
        };
        let subject = first_line_truncated(&subject, 40);
        let head = format!("{} 第{}報", self.kind().name(), self.report_number());
        if subject.is_empty() {
            head
        } else {
            format!("{head} — {subject}")
        }
    }

    /// The report as a JSON value (the `report` member of a file).
    pub fn to_value(&self) -> serde_json::Value {
        let v = match self {
            Report::Incident(r) => serde_json::to_value(r),
            Report::Ddos(r) => serde_json::to_value(r),
            Report::Ransomware(r) => serde_json::to_value(r),
            Report::Advisory(r) => serde_json::to_value(r),
        };
        // The models hold only strings, numbers, bools, lists and unit enums: infallible.
        v.unwrap_or(serde_json::Value::Null)
    }

    /// Reads a report of `kind` from a JSON value (missing fields are empty).
    pub fn from_value(
        kind: FormKind,
        value: serde_json::Value,
    ) -> Result<Report, serde_json::Error> {
        Ok(match kind {
            FormKind::Incident => Report::Incident(serde_json::from_value(value)?),
            FormKind::Ddos => Report::Ddos(serde_json::from_value(value)?),
            FormKind::Ransomware => Report::Ransomware(serde_json::from_value(value)?),
            FormKind::Advisory => Report::Advisory(serde_json::from_value(value)?),
        })
    }

    /// The path of every leaf field of this report (lists expanded: `timeline[0].at`, …; a
    /// list of choices such as `causes` is one leaf), in the form's order.
    pub fn leaf_paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        collect_leaves(&self.to_value(), "", &mut out);
        let kind = self.kind();
        out.sort_by_cached_key(|p| order_key(kind, p));
        out
    }
}

impl From<IncidentReport> for Report {
    fn from(r: IncidentReport) -> Self {
        Report::Incident(r)
    }
}
impl From<DdosReport> for Report {
    fn from(r: DdosReport) -> Self {
        Report::Ddos(r)
    }
}
impl From<RansomwareReport> for Report {
    fn from(r: RansomwareReport) -> Self {
        Report::Ransomware(r)
    }
}
impl From<Advisory> for Report {
    fn from(r: Advisory) -> Self {
        Report::Advisory(r)
    }
}

fn first_line_truncated(s: &str, max_chars: usize) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    if line.chars().count() > max_chars {
        let mut t: String = line.chars().take(max_chars).collect();
        t.push('…');
        t
    } else {
        line.to_string()
    }
}

fn collect_leaves(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                collect_leaves(child, &path::field(at, k), out);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object()) => {
            for (i, child) in items.iter().enumerate() {
                collect_leaves(child, &path::item(at, i), out);
            }
        }
        _ => out.push(at.to_string()),
    }
}

mod labels;
pub use labels::{field_label, fields, order_key, Field};
