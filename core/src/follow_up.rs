//! Follow-ups (第N報 / 続報) and the diff between two reports.
//!
//! [`follow_up`] makes the next report of a series from the previous one; [`diff`] lists every
//! field that changed between two reports — what the print view underlines
//! (「前回の報告から記載を変更した箇所に下線を引くなど、変更箇所が分かるように」) and the editor
//! highlights. Both work for the four forms; `diff` is written once, over the reports' JSON
//! values, so a field added to a model is diffed without touching this file.
//! [`content_changes`] is `diff` without the fields a follow-up sets itself: what the app and
//! the published advisories mark as changed since the previous report.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::envelope::{Envelope, PreviousReport, Series};
use crate::forms::{path, Report};

use crate::taxonomy::NewOrFollowUp;

/// The next report of `previous`'s series:
///
/// - 第N報 + 1, same series id, `series.previous` = the previous report's number and date;
/// - everything the previous report said is carried over (識別番号 included), for the user to
///   update;
/// - 共通様式: 新規又は続報の別 = 続報, 前回報告日時 = the previous 報告日時;
/// - the new report's own 情報連絡日時 / 報告日時 / 情報提供日時 = `now` (pass `""` to leave it
///   for the user). Core has no clock: the caller gives the time, as `YYYY-MM-DDTHH:MM`.
pub fn follow_up(previous: &Envelope, now: &str) -> Envelope {
    let prev_number = previous.report.report_number();
    let prev_at = previous.report.reported_at().to_string();
    let mut report = previous.report.clone();
    report.set_report_number(prev_number.saturating_add(1));
    match &mut report {
        Report::Incident(r) => r.header.reported_at = now.to_string(),
        Report::Advisory(r) => r.header.provided_at = now.to_string(),
        Report::Ddos(r) => {
            r.header.new_or_follow_up = Some(NewOrFollowUp::FollowUp);
            r.header.previous_reported_at = prev_at.clone();
            r.header.reported_at = now.to_string();
        }
        Report::Ransomware(r) => {
            r.header.new_or_follow_up = Some(NewOrFollowUp::FollowUp);
            r.header.previous_reported_at = prev_at.clone();
            r.header.reported_at = now.to_string();
        }
    }
    Envelope {
        series: Series {
            id: previous.series.id.clone(),
            previous: Some(PreviousReport {
                number: prev_number,
                reported_at: prev_at,
            }),
        },
        report,
    }
}

/// Whether `field_path` is one of the fields [`follow_up`] sets itself in a report of
/// `report`'s form: 第N報, the report's own date ([`Report::reported_at_path`]) and, in the
/// 共通様式, 新規又は続報の別 and 前回報告日時.
fn is_set_by_follow_up(report: &Report, field_path: &str) -> bool {
    let common = matches!(report, Report::Ddos(_) | Report::Ransomware(_));
    field_path == "header.report_number"
        || field_path == report.reported_at_path()
        || (common
            && matches!(
                field_path,
                "header.new_or_follow_up" | "header.previous_reported_at"
            ))
}

/// The changes a reader should see underlined between `previous` and `next` (「前回の報告から
/// 記載を変更した箇所」): [`diff`] without the fields a follow-up itself sets — 第N報, the
/// report's own date (情報連絡日時 / 報告日時 / 情報提供日時) and, in the 共通様式, 新規又は続報の別
/// and 前回報告日時 — which change in every follow-up and are not what 「変更箇所」 means.
/// For any envelope `e`, `content_changes(&e.report, &follow_up(&e, now).report)` is empty.
pub fn content_changes(previous: &Report, next: &Report) -> Vec<Change> {
    let mut out = diff(previous, next);
    out.retain(|c| !is_set_by_follow_up(next, &c.path));
    out
}

/// What happened to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A list row that the new report has and the old one has not (`timeline[3]`).
    Added,
    /// A list row that the old report has and the new one has not.
    Removed,
    /// A field whose value differs.
    Changed,
}

/// One change between two reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The field path ([`crate::forms`]): a leaf (`header.tlp`, `timeline[0].at`, `causes`)
    /// or, for an added/removed row, the row (`attacks[1]`). `""` when the two reports are
    /// of different forms.
    pub path: String,
    pub kind: ChangeKind,
    /// The old value (None for an added row).
    pub before: Option<Value>,
    /// The new value (None for a removed row).
    pub after: Option<Value>,
}

impl Change {
    /// Whether this change concerns the field at `field_path` (the field itself, a field
    /// inside it, or a row that contains it) — for underlining and highlighting.
    pub fn touches(&self, field_path: &str) -> bool {
        path::is_under(field_path, &self.path) || path::is_under(&self.path, field_path)
    }
}

/// Whether any of `changes` concerns the field at `field_path`.
pub fn is_changed(changes: &[Change], field_path: &str) -> bool {
    changes.iter().any(|c| c.touches(field_path))
}

/// Every field that differs between `old` and `new`, in the form's order.
///
/// Objects are compared field by field; lists of rows (timeline, attacks, 情報提供先) row by
/// row by position — rows beyond the shorter list are [`ChangeKind::Added`] or
/// [`ChangeKind::Removed`]; a list of choices (`causes`, `laws`, `types` …) is one field.
pub fn diff(old: &Report, new: &Report) -> Vec<Change> {
    if old.kind() != new.kind() {
        return vec![Change {
            path: String::new(),
            kind: ChangeKind::Changed,
            before: Some(Value::from(old.kind().id())),
            after: Some(Value::from(new.kind().id())),
        }];
    }
    let mut out = Vec::new();
    diff_values(&old.to_value(), &new.to_value(), "", &mut out);
    let kind = old.kind();
    out.sort_by_cached_key(|c| crate::forms::order_key(kind, &c.path));
    out
}

/// The diff of two JSON values (the machinery of [`diff`], usable on any serde model).
pub fn diff_values(old: &Value, new: &Value, at: &str, out: &mut Vec<Change>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let p = path::field(at, k);
                match b.get(k) {
                    Some(vb) => diff_values(va, vb, &p, out),
                    None => out.push(Change {
                        path: p,
                        kind: ChangeKind::Changed,
                        before: Some(va.clone()),
                        after: None,
                    }),
                }
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    out.push(Change {
                        path: path::field(at, k),
                        kind: ChangeKind::Changed,
                        before: None,
                        after: Some(vb.clone()),
                    });
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if is_row_list(a) && is_row_list(b) => {
            for i in 0..a.len().max(b.len()) {
                let p = path::item(at, i);
                match (a.get(i), b.get(i)) {
                    (Some(ra), Some(rb)) => diff_values(ra, rb, &p, out),
                    (Some(ra), None) => out.push(Change {
                        path: p,
                        kind: ChangeKind::Removed,
                        before: Some(ra.clone()),
                        after: None,
                    }),
                    (None, Some(rb)) => out.push(Change {
                        path: p,
                        kind: ChangeKind::Added,
                        before: None,
                        after: Some(rb.clone()),
                    }),
                    (None, None) => {}
                }
            }
        }
        _ => {
            if old != new {
                out.push(Change {
                    path: at.to_string(),
                    kind: ChangeKind::Changed,
                    before: Some(old.clone()),
                    after: Some(new.clone()),
                });
            }
        }
    }
}

/// A list of rows (objects), as opposed to a list of choices; an empty list is both.
fn is_row_list(items: &[Value]) -> bool {
    items.iter().all(Value::is_object)
}
