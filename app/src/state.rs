//! The state of one report in the editor, as a plain type with a method for every action the
//! editor offers ([`ReportState`]), and when autosave is due ([`Autosave`]). The components
//! only show it and call its methods; everything here is tested natively.

use kyoyu_core::envelope::Envelope;
use kyoyu_core::follow_up::Change;
use kyoyu_core::forms::{FormKind, Report};
use kyoyu_core::validate::{self, Finding};
use serde_json::Value;

use crate::drafts;
use crate::storage::{Crypto, Draft, FileStore, Storage, StorageError, Store};
use crate::util;

/// A report being edited: the draft it comes from, its JSON value (what the fields show), its
/// model, findings and changes since the previous report, and its save status.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportState {
    /// The draft as last loaded or saved (its id, series, bookkeeping).
    base: Draft,
    /// The report's JSON value: the fields read and write it by path.
    value: Value,
    /// The model of `value`, converted once per edit.
    report: Report,
    findings: Vec<Finding>,
    previous: Option<Report>,
    changes: Vec<Change>,
    /// The stored version this editor last loaded or saved (its `saved_at`): a save checks it.
    pub saved_at: Option<String>,
    pub exported_at: Option<String>,
    /// Edits not stored yet.
    pub dirty: bool,
    /// Why the last save failed (the edit stays here, and is held by the storage layer).
    pub error: Option<StorageError>,
    /// Another writer's newer version: saving stops until the user chooses.
    pub conflict: Option<Draft>,
    /// The fields the user has left: their own findings are shown before 「入力内容を確認」.
    pub touched: std::collections::BTreeSet<String>,
}

impl ReportState {
    /// The state of a draft as loaded, with the report it follows up (if any).
    pub fn new(draft: Draft, previous: Option<Report>) -> ReportState {
        let report = draft.envelope.report.clone();
        let mut s = ReportState {
            value: report.to_value(),
            report,
            findings: Vec::new(),
            changes: Vec::new(),
            previous,
            saved_at: draft.saved_at.clone(),
            exported_at: draft.exported_at.clone(),
            dirty: false,
            error: None,
            conflict: None,
            touched: Default::default(),
            base: draft,
        };
        s.derive();
        s
    }

    /// The state of an edit that could not be saved (held by the storage layer): as it was,
    /// still to be saved.
    pub fn restored(held: Draft, previous: Option<Report>) -> ReportState {
        let mut s = ReportState::new(held, previous);
        s.dirty = true;
        s
    }

    fn derive(&mut self) {
        let now = chrono::Local::now().naive_local();
        self.findings = validate::validate_at(&self.report, Some(now));
        self.changes = drafts::changes_since(self.previous.as_ref(), &self.report);
    }

    /// Marks the field at `path` as left by the user; whether that is new.
    pub fn touch(&mut self, path: &str) -> bool {
        self.touched.insert(path.to_string())
    }

    /// Whether the findings of the field at `path` are shown: all once `all` (「入力内容を確認」),
    /// a field's own once it has been left.
    pub fn shows(&self, all: bool, path: &str) -> bool {
        all || self.touched.contains(path)
    }

    /// Whether the user has done anything yet (before, nothing is counted as wrong).
    pub fn started(&self, all: bool) -> bool {
        all || self.dirty || !self.touched.is_empty()
    }

    /// The series of the draft.
    pub fn series(&self) -> &kyoyu_core::envelope::Series {
        &self.base.envelope.series
    }

    pub fn id(&self) -> &str {
        &self.base.id
    }

    pub fn kind(&self) -> FormKind {
        self.report.kind()
    }

    pub fn value(&self) -> &Value {
        &self.value
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    pub fn created_at(&self) -> Option<&str> {
        self.base.created_at.as_deref()
    }

    /// Whether the report can be sent (no error).
    pub fn ready(&self) -> bool {
        validate::ready_to_send(&self.findings)
    }

    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.findings.iter().filter(|f| f.is_error()).count();
        (errors, self.findings.len() - errors)
    }

    // --- edits ---------------------------------------------------------------------------

    fn edited(&mut self) {
        match Report::from_value(self.kind(), self.value.clone()) {
            Ok(r) => self.report = r,
            // A value the model does not take (cannot come from the fields) leaves the model.
            Err(_) => self.value = self.report.to_value(),
        }
        self.derive();
        self.dirty = true;
    }

    /// Writes `new` at the field `path`.
    pub fn edit(&mut self, path: &str, new: Value) {
        util::set(&mut self.value, path, new);
        self.edited();
    }

    /// Applies `f` to the list at `path`.
    pub fn edit_list(&mut self, path: &str, f: impl FnOnce(&mut Vec<Value>)) {
        if let Some(Value::Array(items)) = util::get_mut(&mut self.value, path) {
            f(items);
        }
        self.edited();
    }

    /// Adds an empty row at the end of the list at `path`; its index.
    pub fn add_row(&mut self, path: &str) -> usize {
        let mut n = 0;
        self.edit_list(path, |items| {
            items.push(Value::Object(Default::default()));
            n = items.len() - 1;
        });
        n
    }

    /// Swaps rows `i` and `j` of the list at `path`.
    pub fn move_row(&mut self, path: &str, i: usize, j: usize) {
        self.edit_list(path, |items| {
            if i < items.len() && j < items.len() {
                items.swap(i, j);
            }
        });
    }

    /// Removes row `i` of the list at `path`.
    pub fn remove_row(&mut self, path: &str, i: usize) {
        self.edit_list(path, |items| {
            if i < items.len() {
                items.remove(i);
            }
        });
    }

    /// Replaces the report with another writer's version (the conflict's), which is stored.
    pub fn load_theirs(&mut self) -> bool {
        let Some(theirs) = self.conflict.take() else {
            return false;
        };
        self.report = theirs.envelope.report.clone();
        self.value = self.report.to_value();
        self.saved_at = theirs.saved_at.clone();
        self.exported_at = theirs.exported_at.clone();
        self.base = theirs;
        self.derive();
        self.dirty = false;
        self.error = None;
        true
    }

    /// Another writer saved `theirs`: a conflict, unless it is the version this editor knows.
    pub fn stored_elsewhere(&mut self, theirs: Draft) {
        if theirs.saved_at != self.saved_at && self.conflict.is_none() {
            self.conflict = Some(theirs);
        }
    }

    // --- saving --------------------------------------------------------------------------

    /// The draft as it would be stored now, with `saved_at`.
    pub fn draft(&self, saved_at: Option<String>) -> Draft {
        Draft {
            id: self.base.id.clone(),
            envelope: Envelope {
                series: self.base.envelope.series.clone(),
                report: self.report.clone(),
            },
            saved_at,
            exported_at: self.exported_at.clone(),
            previous_report: self.base.previous_report.clone(),
            created_at: self.base.created_at.clone(),
        }
    }

    /// Saves the edits (nothing when there are none, or while a conflict waits), refusing to
    /// write over another writer's newer version. When the store refuses, the edit stays here
    /// and is held by the storage layer (offered back when the draft is opened again).
    pub fn save<S: Store, F: FileStore, C: Crypto>(&mut self, s: &Storage<S, F, C>, now: &str) {
        if !self.dirty || self.conflict.is_some() {
            return;
        }
        let mut d = self.draft(Some(now.to_string()));
        if d.created_at.is_none() {
            d.created_at = Some(now.to_string());
        }
        match s.save_checked(&d, self.saved_at.as_deref()) {
            Ok(()) => {
                self.saved_at = d.saved_at.clone();
                self.base.created_at = d.created_at.clone();
                self.dirty = false;
                self.error = None;
            }
            Err(StorageError::Conflict(theirs)) => self.conflict = Some(*theirs),
            Err(e) => {
                // Held with the stored version it is based on, so that a later save still
                // detects another writer's version.
                s.hold(self.draft(self.saved_at.clone()));
                self.error = Some(e);
            }
        }
    }

    /// A background (sealed) write of this draft failed: the edit is not stored.
    pub fn write_failed(&mut self, e: StorageError) {
        self.error = Some(e);
        self.dirty = true;
    }

    /// The report as a file (name, JSON text) for 「ファイル(JSON)に書き出す」.
    pub fn json_file(&self) -> (String, String) {
        let env = Envelope {
            series: self.base.envelope.series.clone(),
            report: self.report.clone(),
        };
        (
            crate::files::export_file_name(&self.report, "json"),
            env.to_json_pretty(),
        )
    }

    /// The file was exported: recorded, and saved with the next save.
    pub fn exported(&mut self, now: &str) {
        self.exported_at = Some(now.to_string());
        self.dirty = true;
    }

    /// 「この画面の内容を別の下書きとして保存」 (during a conflict): this screen's report saved
    /// as a new draft of the same series; the other version stays. Returns the new id.
    pub fn keep_mine<S: Store, F: FileStore, C: Crypto>(
        &mut self,
        s: &Storage<S, F, C>,
        now: &str,
    ) -> Result<String, StorageError> {
        let copy = Draft {
            id: s.free_draft_id()?,
            envelope: Envelope {
                series: self.base.envelope.series.clone(),
                report: self.report.clone(),
            },
            saved_at: Some(now.to_string()),
            exported_at: None,
            previous_report: self.base.previous_report.clone(),
            created_at: Some(now.to_string()),
        };
        s.save(&copy)?;
        self.dirty = false;
        Ok(copy.id)
    }

    /// 「続報を作成」: saves the edits, then the next report (see [`drafts::create_follow_up`]).
    pub fn follow_up<S: Store, F: FileStore, C: Crypto>(
        &mut self,
        s: &Storage<S, F, C>,
        form_now: &str,
        now: &str,
        another: impl FnOnce(u32) -> bool,
    ) -> Result<drafts::FollowUp, StorageError> {
        self.save(s, now);
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let stored = s.load(self.id())?;
        drafts::create_follow_up(s, &stored, form_now, now, another)
    }

    /// 「この下書きを削除」.
    pub fn delete<S: Store, F: FileStore, C: Crypto>(
        &mut self,
        s: &Storage<S, F, C>,
    ) -> Result<(), StorageError> {
        s.delete(self.id())?;
        self.dirty = false;
        Ok(())
    }

    /// The save status shown beside the title.
    pub fn status(&self) -> String {
        match (&self.error, &self.saved_at, self.dirty) {
            _ if self.conflict.is_some() => {
                "自動保存を止めています(別のタブで更新されました)".to_string()
            }
            (Some(StorageError::QuotaExceeded), _, _) => "保存できません(容量不足)".to_string(),
            (Some(e), _, _) => format!("保存できません: {e}"),
            (None, _, true) => "未保存の変更があります(まもなく保存します)".to_string(),
            (None, Some(at), false) => format!("保存済み {}", util::hms(at)),
            (None, None, false) => "未保存".to_string(),
        }
    }
}

/// When autosave is due: [`Autosave::IDLE`] after the last edit, but never later than
/// [`Autosave::MAX_WAIT`] after the first edit not yet saved, so that steady typing still reaches
/// storage (times in milliseconds, e.g. `performance.now()`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Autosave {
    first_unsaved: Option<f64>,
    last_edit: f64,
}

impl Autosave {
    /// The pause after the last edit that saves.
    pub const IDLE: f64 = 500.0;
    /// The longest an edit waits while typing goes on (with room, under the 2 s promised, for the
    /// sealed write that follows).
    pub const MAX_WAIT: f64 = 1500.0;

    pub fn edited(&mut self, now: f64) {
        self.first_unsaved.get_or_insert(now);
        self.last_edit = now;
    }

    /// Milliseconds until a save is due (0: now), None when nothing waits.
    pub fn due_in(&self, now: f64) -> Option<f64> {
        let first = self.first_unsaved?;
        let due = (self.last_edit + Self::IDLE).min(first + Self::MAX_WAIT);
        Some((due - now).max(0.0))
    }

    /// Everything so far was saved (or written into the state to save).
    pub fn saved(&mut self) {
        self.first_unsaved = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::{new_draft, FollowUp};
    use crate::storage::tests::{storage, TestStorage};
    use kyoyu_core::forms::path as fpath;

    const T0: &str = "2025-10-01T09:00:00.000+09:00";
    const T1: &str = "2025-10-01T09:00:01.000+09:00";
    const T2: &str = "2025-10-01T09:00:02.000+09:00";

    fn opened(s: &TestStorage, kind: FormKind) -> ReportState {
        let mut d = new_draft(s, kind, T0).unwrap();
        d.saved_at = Some(T0.into());
        s.save(&d).unwrap();
        ReportState::new(s.load(&d.id).unwrap(), None)
    }

    fn text(st: &ReportState, path: &str) -> String {
        util::get_str(st.value(), path)
    }

    #[test]
    fn an_edit_changes_value_model_and_findings_and_is_saved_once() {
        let s = storage();
        let mut st = opened(&s, FormKind::Incident);
        let (errors, _) = st.counts();
        let findings = st.findings().len();
        assert!(errors > 0 && !st.ready());
        assert!(st.findings().iter().any(|f| f.path == "header.reported_at"));
        st.edit("header.reported_at", Value::from("2025-10-01T08:30"));
        assert!(!st.findings().iter().any(|f| f.path == "header.reported_at"));
        st.edit("operator_name", Value::from("株式会社テスト"));
        assert!(st.dirty);
        assert_eq!(text(&st, "operator_name"), "株式会社テスト");
        match st.report() {
            Report::Incident(r) => assert_eq!(r.operator_name, "株式会社テスト"),
            _ => unreachable!(),
        }
        assert!(
            st.findings().len() < findings,
            "the finding of the empty date went"
        );
        assert_eq!(st.status(), "未保存の変更があります(まもなく保存します)");
        st.save(&s, T1);
        assert!(!st.dirty);
        assert_eq!(st.saved_at.as_deref(), Some(T1));
        assert!(st.status().starts_with("保存済み "));
        assert_eq!(s.load(st.id()).unwrap().envelope.report, *st.report());
        // Nothing to save: nothing written.
        st.save(&s, T2);
        assert_eq!(s.load(st.id()).unwrap().saved_at.as_deref(), Some(T1));
    }

    #[test]
    fn rows_are_added_moved_and_removed() {
        let s = storage();
        let mut st = opened(&s, FormKind::Ddos);
        let before = st.value()["attacks"].as_array().map(Vec::len).unwrap_or(0);
        let i = st.add_row("attacks");
        assert_eq!(i, before);
        let j = st.add_row("attacks");
        let note = |n: usize| fpath::field(&fpath::item("attacks", n), "note");
        st.edit(&note(i), Value::from("FIRST"));
        st.edit(&note(j), Value::from("SECOND"));
        st.move_row("attacks", i, j);
        assert_eq!(text(&st, &note(i)), "SECOND");
        st.remove_row("attacks", i);
        assert_eq!(text(&st, &note(i)), "FIRST");
        assert_eq!(
            st.value()["attacks"].as_array().map(Vec::len),
            Some(before + 1)
        );
        st.save(&s, T1);
        assert_eq!(s.load(st.id()).unwrap().envelope.report, *st.report());
    }

    #[test]
    fn a_conflict_stops_saving_until_the_user_chooses_and_both_versions_are_kept() {
        let s = storage();
        let mut mine = opened(&s, FormKind::Incident);
        let mut theirs = ReportState::new(s.load(mine.id()).unwrap(), None);
        theirs.edit("operator_name", Value::from("THEIRS"));
        theirs.save(&s, T1);
        mine.edit("lessons", Value::from("MINE"));
        mine.save(&s, T2);
        assert!(mine.conflict.is_some());
        assert!(mine.dirty);
        assert_eq!(
            mine.status(),
            "自動保存を止めています(別のタブで更新されました)"
        );
        mine.save(&s, T2);
        assert_eq!(
            util::get_str(
                &s.load(mine.id()).unwrap().envelope.report.to_value(),
                "operator_name"
            ),
            "THEIRS"
        );
        // Keep mine as a copy in the same series: both stay.
        let copy = mine.keep_mine(&s, T2).unwrap();
        let copy = s.load(&copy).unwrap();
        assert_eq!(
            util::get_str(&copy.envelope.report.to_value(), "lessons"),
            "MINE"
        );
        assert_eq!(
            copy.envelope.series,
            s.load(mine.id()).unwrap().envelope.series
        );
        // Or load theirs: replaced, nothing written.
        let mut other = ReportState::new(s.load(theirs.id()).unwrap(), None);
        other.stored_elsewhere(s.load(theirs.id()).unwrap());
        assert!(
            other.conflict.is_none(),
            "the version it knows is no conflict"
        );
        theirs.edit("lessons", Value::from("THIRD"));
        theirs.save(&s, "2025-10-01T09:00:03.000+09:00");
        other.stored_elsewhere(s.load(theirs.id()).unwrap());
        assert!(other.load_theirs());
        assert_eq!(text(&other, "lessons"), "THIRD");
        assert!(!other.dirty && other.conflict.is_none());
    }

    #[test]
    fn a_refused_save_keeps_the_edit_and_holds_it_for_the_next_opening() {
        let s = storage();
        let mut st = opened(&s, FormKind::Incident);
        s.raw().set_capacity(Some(50));
        st.edit("operator_name", Value::from("HELD-EDIT"));
        st.save(&s, T1);
        assert_eq!(st.error, Some(StorageError::QuotaExceeded));
        assert!(st.dirty);
        assert_eq!(st.status(), "保存できません(容量不足)");
        // Leaving and coming back: the held edit is offered, based on the stored version.
        let held = s.held(st.id()).unwrap();
        assert_eq!(held.saved_at.as_deref(), Some(T0));
        let mut again = ReportState::restored(held, None);
        assert!(again.dirty);
        assert_eq!(text(&again, "operator_name"), "HELD-EDIT");
        s.raw().set_capacity(None);
        again.save(&s, T2);
        assert!(again.error.is_none() && !again.dirty);
        assert_eq!(s.held(again.id()), None);
        assert_eq!(
            util::get_str(
                &s.load(again.id()).unwrap().envelope.report.to_value(),
                "operator_name"
            ),
            "HELD-EDIT"
        );
    }

    #[test]
    fn export_follow_up_and_delete() {
        let s = storage();
        let mut st = opened(&s, FormKind::Incident);
        st.edit("operator_name", Value::from("EXPORTED"));
        let (name, json) = st.json_file();
        assert!(
            name.starts_with("kyoyu-incident-") && name.ends_with("-dai1.json"),
            "{name}"
        );
        assert_eq!(Envelope::from_json(&json).unwrap().report, *st.report());
        st.exported(T1);
        st.save(&s, T1);
        assert_eq!(s.load(st.id()).unwrap().exported_at.as_deref(), Some(T1));
        let FollowUp::Created(next) = st.follow_up(&s, "2025-10-01T10:00", T2, |_| true).unwrap()
        else {
            panic!()
        };
        let next = s.load(&next).unwrap();
        assert_eq!(next.envelope.report.report_number(), 2);
        assert_eq!(next.previous_report, Some(st.report().to_value()));
        st.delete(&s).unwrap();
        assert_eq!(s.load(st.id()), Err(StorageError::NotFound));
    }

    #[test]
    fn autosave_waits_for_a_pause_but_never_longer_than_the_maximum() {
        let mut a = Autosave::default();
        assert_eq!(a.due_in(0.0), None);
        a.edited(0.0);
        assert_eq!(a.due_in(0.0), Some(Autosave::IDLE));
        // A key every 250 ms: the pause never comes, the maximum does.
        let mut t = 0.0;
        while t + 250.0 < Autosave::MAX_WAIT {
            t += 250.0;
            a.edited(t);
            assert!(a.due_in(t).unwrap() > 0.0, "not due at {t}");
        }
        assert_eq!(a.due_in(1500.0), Some(0.0));
        a.saved();
        assert_eq!(a.due_in(1500.0), None);
        a.edited(1600.0);
        assert_eq!(a.due_in(1600.0), Some(Autosave::IDLE));
        const { assert!(Autosave::MAX_WAIT + Autosave::IDLE <= 2000.0) };
    }
}
