//! Validation of the four forms: a list of [`Finding`]s — the field's path, a [`Severity`] and
//! a message in Japanese that names the field as the form does and says what to do.
//!
//! # What blocks sending
//!
//! The handbook puts speed first (情報連絡様式 ※4: 「情報連絡の迅速性を優先するため、必ずしも
//! 全ての項目を記載する必要はない。」; 共通様式 ※1: 「全ての項目を記入する必要はなく、報告をしよう
//! とする時点で把握している範囲で」). So:
//!
//! - **Errors** (block 「送信可能」, see [`ready_to_send`]) are only
//!   - an empty field that the form marks with `*` — 情報連絡様式 (図4): 第N報, 識別番号 (from
//!     第2報), 情報連絡元, 情報共有範囲, 別紙有無, 分野名 (図4 prints no `*` beside 情報連絡日時 —
//!     図5, the worked example, does; the blank form rules, so a missing date warns); 情報提供様式
//!     (図7): 第N報, 識別番号, 情報提供日時, 情報提供先, 情報共有範囲, 別紙有無. The two 共通様式
//!     (図4-1, 図4-2) mark no field with `*`: nothing on them is required;
//!   - a 識別番号 filled in on 第1報 of 情報連絡様式 (「※第1報の識別番号は空欄」: the number
//!     is assigned by 国家サイバー統括室);
//!   - on 情報連絡様式 and 情報提供様式, a value that cannot be what it claims to be: e-mail
//!     address, a date that is not 西暦 or cannot be read; on every form, an unknown 根拠規定 id.
//!     The 共通様式 say any item may be written in part (※1: 「全ての項目を記入する必要はなく、
//!     報告をしようとする時点で把握している範囲で」): there a value of the wrong shape — 和暦, a
//!     法人番号 whose check digit fails, a masked IP address or port (「XX.XX.XX.XX」) — warns.
//! - **Warnings** (worth a look, never blocking): the order of times (発生 ≤ 判明/発覚 — 図5
//!   itself has 判明 before 発生; 攻撃開始 ≤ 攻撃収束; timeline rows; a time after the report's
//!   own date; a time in the future when the caller passes `now`), 「1つのみ選択」 of
//!   情報連絡様式 ① left unticked, a choice that asks for its detail without the detail
//!   (その他, 済/予定有, 実施済/実施予定, 共有等を希望しない, 続報), a 報道発表 済 with neither a
//!   別紙 nor a link (手引書 2.3(3)), ランサムウェア 別紙1–3 without the 漏えい等報告 chosen as
//!   根拠規定 or the other way round (記載の手引き (2) ②–④), フリガナ not in katakana, a
//!   telephone number of an odd shape.
//!
//! Messages name the field by its label in the form's specification ([`field_label`]).
//!
//! Core has no clock: [`validate`] skips the 「未来の日時」 check; [`validate_at`] takes `now`.
//! Nothing here panics, whatever the report holds.

pub mod checks;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::dates::Eras;
use crate::forms::FormKind;
use crate::forms::{
    field_label, path, Advisory, CommonHeader, DdosReport, IncidentReport, Indicator,
    PublicationStatus, RansomwareReport, Report, TimelineRow,
};
use crate::taxonomy::laws;
use crate::taxonomy::{
    Choice, DdosAttackType, LeakAnnex, NewOrFollowUp, PpcContact, PressStatus, Publication,
    PublicationMethod, YesNo,
};
use checks::{MonthDayTime, Problem, When};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be put right before the report is 「送信可能」.
    Error,
    /// Worth a look; does not block sending.
    Warning,
}

impl Severity {
    /// 「エラー」 / 「確認」.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "エラー",
            Severity::Warning => "確認",
        }
    }
}

/// One thing found in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The field's path (`header.tlp`, `timeline[2].at`; see [`crate::forms::path`]).
    pub path: String,
    pub severity: Severity,
    /// In Japanese, naming the field as the form does and telling what to do.
    pub message: String,
}

impl Finding {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            path: path.into(),
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            path: path.into(),
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 「送信可能」: no finding is an error (warnings do not block).
pub fn ready_to_send(findings: &[Finding]) -> bool {
    !findings.iter().any(Finding::is_error)
}

/// The findings at `path` or under it (`header.contact` gives those of
/// `header.contact.email` too) — for the message beside a field.
pub fn findings_at<'a>(
    findings: &'a [Finding],
    at: &'a str,
) -> impl Iterator<Item = &'a Finding> + 'a {
    findings.iter().filter(move |f| path::is_under(&f.path, at))
}

/// Validates a report of any kind, without the 「未来の日時」 check (core has no clock).
pub fn validate(report: &Report) -> Vec<Finding> {
    validate_at(report, None)
}

/// Validates a report; with `now` (local time, as the forms are written) also warns of
/// dates in the future.
pub fn validate_at(report: &Report, now: Option<NaiveDateTime>) -> Vec<Finding> {
    match report {
        Report::Incident(r) => validate_incident(r, now),
        Report::Ddos(r) => validate_ddos(r, now),
        Report::Ransomware(r) => validate_ransomware(r, now),
        Report::Advisory(r) => validate_advisory(r, now),
    }
}

// ---------------------------------------------------------------------------------------------
// The collector

struct Out {
    findings: Vec<Finding>,
    now: Option<NaiveDateTime>,
    kind: FormKind,
    /// 共通様式 ※1: 「全ての項目を記入する必要はなく、報告をしようとする時点で把握している
    /// 範囲で」 — a value of the wrong shape is worth a look there, never blocking.
    partial: bool,
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Out {
    fn new(kind: FormKind, now: Option<NaiveDateTime>) -> Out {
        Out {
            findings: Vec::new(),
            now,
            kind,
            partial: kind.is_common_form(),
        }
    }

    /// The field's name in messages: its label as the form's specification words it.
    fn name(&self, path: &str) -> String {
        field_label(self.kind, path).unwrap_or(path).to_string()
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding::error(path, message));
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding::warning(path, message));
    }

    fn problem(&mut self, path: impl Into<String>, field: &str, p: Problem) {
        let message = p.message(field);
        if p.is_warning() {
            self.warning(path, message)
        } else if self.partial {
            self.warning(path, format!("{message}{PARTIAL_NOTE}"))
        } else {
            self.error(path, message)
        }
    }

    /// 第N報* (≥ 1).
    fn report_number(&mut self, n: u32, path: &str) {
        if n == 0 {
            self.error(path, "第N報は1以上の数字で記入してください(第1報は1)。");
        }
    }

    /// A `*` field that must not be empty.
    fn required_text(&mut self, value: &str, path: &str) {
        if !filled(value) {
            let field = self.name(path);
            self.error(path, format!("{field}は必須項目です。記入してください。"));
        }
    }

    /// A `*` choice that must be ticked.
    fn required_choice<T>(&mut self, value: &Option<T>, path: &str) {
        if value.is_none() {
            let field = self.name(path);
            self.error(path, format!("{field}は必須項目です。選択してください。"));
        }
    }

    /// A 西暦 date-time; None when empty or wrong (then a finding is recorded). Warns when it
    /// lies in the future of `now`.
    fn date(&mut self, value: &str, path: &str) -> Option<When> {
        self.date_checked(value, path, true)
    }

    /// As [`Out::date`]; `past_only` false for a date that may lie ahead (公表予定日).
    fn date_checked(&mut self, value: &str, path: &str, past_only: bool) -> Option<When> {
        if !filled(value) {
            return None;
        }
        let field = &self.name(path);
        match checks::date_time_in(value, Eras::of(self.kind)) {
            Ok(w) => {
                if past_only {
                    self.future(w, path, field);
                }
                Some(w)
            }
            Err(p) => {
                self.problem(path, field, p);
                None
            }
        }
    }

    fn future(&mut self, w: When, path: &str, field: &str) {
        if let Some(now) = self.now {
            if w.is_after(When::DateTime(now)) {
                self.warning(
                    path,
                    format!(
                        "{field}が未来の日時({})になっています。日時を確かめてください。",
                        checks::format_when(w)
                    ),
                );
            }
        }
    }

    /// Warns when `later` (the field at `path`) comes before `earlier`.
    fn order(
        &mut self,
        earlier: Option<When>,
        later: Option<When>,
        path: &str,
        message: impl FnOnce(When, When) -> String,
    ) {
        if let (Some(a), Some(b)) = (earlier, later) {
            if a.is_after(b) {
                self.warning(path, message(a, b));
            }
        }
    }

    /// A filled field that `check` finds wrong (e-mail, telephone, フリガナ, 法人番号).
    fn check<T>(
        &mut self,
        value: &str,
        path: &str,
        check: impl FnOnce(&str) -> Result<T, Problem>,
    ) {
        if filled(value) {
            if let Err(p) = check(value) {
                let field = self.name(path);
                self.problem(path, &field, p);
            }
        }
    }

    fn email(&mut self, value: &str, path: &str) {
        self.check(value, path, checks::email)
    }

    fn telephone(&mut self, value: &str, path: &str) {
        self.check(value, path, checks::telephone)
    }

    fn furigana(&mut self, value: &str, path: &str) {
        self.check(value, path, checks::furigana)
    }

    /// A detail that a choice asks for (「済・予定有では日時・件名を記入」 …): a warning.
    fn detail(&mut self, needed: bool, value: &str, path: &str, message: &str) {
        if needed && !filled(value) {
            self.warning(path, message);
        }
    }

    /// 事実経過 / 推移等: 西暦 rows are checked for order and the future (and against the
    /// report's own date); rows written another way (図5 prints 「XX/XX 00:00」) are kept as
    /// typed, except 和暦, which is an error. `MM/DD HH:MM` rows are ordered among themselves.
    fn timeline(
        &mut self,
        rows: &[TimelineRow],
        base: &str,
        field: &str,
        reported: Option<(When, &str)>,
    ) {
        let mut last_full: Option<(usize, When)> = None;
        let mut last_md: Option<(usize, MonthDayTime)> = None;
        for (i, row) in rows.iter().enumerate() {
            if !filled(&row.at) {
                continue;
            }
            let p = path::field(&path::item(base, i), "at");
            let row_field = format!("{field}の{}行目の日時", i + 1);
            let eras = Eras::of(self.kind);
            if let (Some(_), Eras::Western) = (checks::japanese_era(&row.at), eras) {
                if let Err(e) = checks::date_time(&row.at) {
                    self.problem(&p, &row_field, e);
                }
                continue;
            }
            if let Ok(w) = checks::date_time_in(&row.at, eras) {
                if let Some((j, prev)) = last_full {
                    if prev.is_after(w) {
                        self.warning(
                            &p,
                            format!(
                                "{row_field}({})が{}行目({})より前になっています。時系列の順に並べてください。",
                                checks::format_when(w),
                                j + 1,
                                checks::format_when(prev)
                            ),
                        );
                    }
                }
                self.future(w, &p, &row_field);
                if let Some((r, label)) = reported {
                    if w.is_after(r) {
                        self.warning(
                            &p,
                            format!(
                                "{row_field}({})が{label}({})より後になっています。{label}はいつ時点の内容かを示す日時です。どちらかを確かめてください。",
                                checks::format_when(w),
                                checks::format_when(r)
                            ),
                        );
                    }
                }
                last_full = Some((i, w));
            } else if let Ok(md) = checks::month_day_time(&row.at) {
                if let Some((j, prev)) = last_md {
                    if !prev.precedes(md) {
                        self.warning(
                            &p,
                            format!("{row_field}が{}行目より前になっています。時系列の順に並べてください。", j + 1),
                        );
                    }
                }
                last_md = Some((i, md));
            }
        }
    }

    /// 根拠規定等: every id must be a law of this form's 記載の手引き.
    fn laws(&mut self, kind: FormKind, ids: &[String], base: &str, field: &str) {
        for (i, id) in ids.iter().enumerate() {
            if !law_is_known(kind, id) {
                let shown = match laws::law(id) {
                    Some(l) => l.text.to_string(),
                    None => id.chars().take(40).collect(),
                };
                self.error(
                    path::item(base, i),
                    format!(
                        "{field}の「{shown}」は{}の記載の手引きに挙げられた法令等にありません。一覧から選び直してください。",
                        kind.name()
                    ),
                );
            } else if ids[..i].contains(id) {
                self.warning(
                    path::item(base, i),
                    format!("{field}に同じ法令等が2回選ばれています。"),
                );
            }
        }
    }

    fn finish(self) -> Vec<Finding> {
        self.findings
    }
}

/// A field's own label in the form's specification (「攻撃開始」).
fn label_of(kind: FormKind, path: &str) -> &str {
    crate::forms::spec::field(kind, path).map_or(path, |f| f.label)
}

/// Appended to a finding that the 共通様式' ※1 turns from an error into a warning.
const PARTIAL_NOTE: &str =
    "(共通様式では把握している範囲での記載で構いません(※1)。送信は妨げません。)";

/// Whether `id` is a 根拠規定 (law, guideline or procedure) listed in the 記載の手引き of
/// `kind`'s form. The hook for `taxonomy::laws`.
pub fn law_is_known(kind: FormKind, id: &str) -> bool {
    let list = match kind {
        FormKind::Ddos => laws::ddos_laws(),
        FormKind::Ransomware => laws::ransomware_laws(),
        FormKind::Incident | FormKind::Advisory => return false,
    };
    list.iter().any(|l| l.id == id)
}

// ---------------------------------------------------------------------------------------------
// 情報連絡様式 (図4)

/// 情報連絡様式 (図4).
pub fn validate_incident(r: &IncidentReport, now: Option<NaiveDateTime>) -> Vec<Finding> {
    let mut o = Out::new(FormKind::Incident, now);
    let h = &r.header;

    // 第N報*, 識別番号* (「※第1報の識別番号は空欄」)
    o.report_number(h.report_number, "header.report_number");
    if h.report_number == 1 && filled(&h.identifier) {
        o.error(
            "header.identifier",
            "第1報の識別番号は空欄にしてください(識別番号は国家サイバー統括室が付与します)。",
        );
    } else if h.report_number >= 2 && !filled(&h.identifier) {
        o.error(
            "header.identifier",
            "識別番号は第2報以降の必須項目です。第1報の後に国家サイバー統括室から通知された識別番号を記入してください。",
        );
    }

    // 情報連絡日時 — 図4, the form that must not be altered, prints no `*` here (図5, the
    // worked example, does): a missing date is worth a look, not an error.
    if !filled(&h.reported_at) {
        o.warning(
            "header.reported_at",
            "情報連絡日時が記入されていません。いつ時点での内容かの日付・時間を西暦・24時間表記で記入してください。",
        );
    }
    let reported = o.date(&h.reported_at, "header.reported_at");

    // 情報連絡元*
    let c = &h.contact;
    if [
        &c.ministry,
        &c.bureau,
        &c.person,
        &c.phone,
        &c.fax,
        &c.email,
    ]
    .iter()
    .all(|s| !filled(s))
    {
        o.error(
            "header.contact",
            "情報連絡元は必須項目です。省庁名・担当者名・連絡先を記入してください。",
        );
    }
    o.telephone(&c.phone, "header.contact.phone");
    o.telephone(&c.fax, "header.contact.fax");
    o.email(&c.email, "header.contact.email");

    // 情報共有範囲*, 別紙有無*
    o.required_choice(&h.tlp, "header.tlp");
    o.required_choice(&h.annex, "header.annex");

    // ① 1つのみ選択 — the model holds one; none ticked is worth a look (no `*`).
    if r.event_type.is_none() {
        o.warning(
            "event_type",
            "①発生した事象の類型が選択されていません。最初に検知した事象を1つ選択してください。",
        );
    }

    // ③ 分野名*
    o.required_choice(&r.sector, "sector");

    // ⑤ 判明日時, 発生日時
    let ov = &r.overview;
    let discovered = o.date(&ov.discovered_at, "overview.discovered_at");
    let occurred = o.date(&ov.occurred_at, "overview.occurred_at");
    let noted = filled(&ov.occurred_at_note);
    o.order(occurred, discovered, "overview.discovered_at", |a, b| {
        format!(
            "判明日時({})が発生日時({})より前になっています。{}",
            checks::format_when(b),
            checks::format_when(a),
            if noted {
                "日時を確かめてください(発生日時が注記のとおり推測によるものであれば、このままで構いません)。"
            } else {
                "日時を確かめてください。推測による発生日時であれば、その旨を発生日時の注記(例: サーバログ等より推測)に書き添えてください。"
            }
        )
    });
    o.order(discovered, reported, "header.reported_at", |a, b| {
        format!(
            "情報連絡日時({})が判明日時({})より前になっています。日時を確かめてください。",
            checks::format_when(b),
            checks::format_when(a)
        )
    });
    if discovered.is_none() {
        o.order(occurred, reported, "header.reported_at", |a, b| {
            format!(
                "情報連絡日時({})が発生日時({})より前になっています。日時を確かめてください。",
                checks::format_when(b),
                checks::format_when(a)
            )
        });
    }

    // ⑦ 推移等
    let n = o.name("timeline");
    let rl = o.name("header.reported_at");
    o.timeline(
        &r.timeline,
        "timeline",
        &n,
        reported.map(|w| (w, rl.as_str())),
    );

    // ⑦ 対外的な対応状況
    let ex = &r.external;
    o.detail(
        matches!(ex.press, Some(PressStatus::Done | PressStatus::Planned)),
        &ex.press_detail,
        "external.press_detail",
        &format!(
            "報道発表、報道等への掲載で「{}」を選んだときは、日時・件名を記入してください。",
            ex.press.map(|p| p.label()).unwrap_or("")
        ),
    );
    o.detail(
        ex.ppc == Some(PpcContact::Done),
        &ex.ppc_detail,
        "external.ppc_detail",
        "個人情報保護委員会への連絡で「済」を選んだときは、日時・件名を記入してください。",
    );
    // 2.3(3) 別紙: 「報道発表・ウェブサイトでの発表等を行っている場合には、リンク先の明示や
    // 当該資料を別紙として添付することが望まれます。」
    let linked = ["http://", "https://", "www."]
        .iter()
        .any(|m| ex.press_detail.contains(m));
    if ex.press == Some(PressStatus::Done) && h.annex != Some(YesNo::Yes) && !linked {
        o.warning(
            "external.press_detail",
            "報道発表等が「済」です。発表資料を別紙として添付する(別紙有無を「有」にする)か、掲載ページのアドレス(URL)を記入してください(手引書 2.3(3) 別紙)。",
        );
    }

    o.finish()
}

// ---------------------------------------------------------------------------------------------
// 共通様式 (図4-1, 図4-2)

fn common_header(o: &mut Out, h: &CommonHeader) -> Option<When> {
    o.report_number(h.report_number, "header.report_number");
    let reported = o.date(&h.reported_at, "header.reported_at");
    let previous = o.date(&h.previous_reported_at, "header.previous_reported_at");
    match h.new_or_follow_up {
        Some(NewOrFollowUp::FollowUp) => {
            o.detail(
                true,
                &h.previous_reported_at,
                "header.previous_reported_at",
                "「続報」を選んだときは、前回報告の日時を記入してください。",
            );
        }
        Some(NewOrFollowUp::New) => {
            if filled(&h.previous_reported_at) {
                o.warning(
                    "header.new_or_follow_up",
                    "前回報告の日時が記入されていますが「新規」が選ばれています。続報であれば「続報」を選んでください。",
                );
            } else if h.report_number >= 2 {
                o.warning(
                    "header.new_or_follow_up",
                    format!("第{}報ですが「新規」が選ばれています。続報であれば「続報」を選び、前回報告の日時を記入してください。", h.report_number),
                );
            }
        }
        None => {}
    }
    o.order(previous, reported, "header.previous_reported_at", |a, b| {
        format!(
            "前回報告日時({})が報告日時({})より後になっています。日時を確かめてください。",
            checks::format_when(a),
            checks::format_when(b)
        )
    });
    if h.opt_out {
        o.detail(
            true,
            &h.opt_out_detail,
            "header.opt_out_detail",
            "「共有等を希望しない」を選んだときは、共有等を希望しない内容を記入してください(記載内容の全部か一部か)。",
        );
    } else if filled(&h.opt_out_detail) {
        o.warning(
            "header.opt_out",
            "共有等を希望しない内容が記入されていますが、「内閣官房国家サイバー統括室への共有等を希望しない。」にチェックが付いていません。希望しない場合はチェックを付けてください。",
        );
    }
    reported
}

/// 報告者の概要 (1.) of both common forms: 報告者 (フリガナ, 法人番号), the ransomware
/// form's 代表者 (フリガナ), 事務連絡者 (フリガナ, 電話番号, E-mail).
fn reporter(
    o: &mut Out,
    [name_kana, corporate_number]: [&str; 2],
    representative_kana: Option<&str>,
    [contact_kana, phone, email]: [&str; 3],
) {
    o.furigana(name_kana, "reporter.name_kana");
    o.check(
        corporate_number,
        "reporter.corporate_number",
        checks::corporate_number,
    );
    if let Some(kana) = representative_kana {
        o.furigana(kana, "reporter.representative_kana");
    }
    o.furigana(contact_kana, "reporter.contact_kana");
    o.telephone(phone, "reporter.phone");
    o.email(email, "reporter.email");
}

fn publication(o: &mut Out, p: &PublicationStatus) {
    let planned = p.status == Some(Publication::Planned);
    o.date_checked(&p.date, "publication.date", !planned);
    match p.status {
        Some(Publication::Done) => o.detail(
            true,
            &p.date,
            "publication.date",
            "事案の公表で「実施済」を選んだときは、公表日を記入してください。",
        ),
        Some(Publication::Planned) => o.detail(
            true,
            &p.date,
            "publication.date",
            "事案の公表で「実施予定」を選んだときは、公表予定日を記入してください。",
        ),
        _ => {}
    }
}

/// DDoS攻撃事案共通様式 (図4-1).
pub fn validate_ddos(r: &DdosReport, now: Option<NaiveDateTime>) -> Vec<Finding> {
    let mut o = Out::new(FormKind::Ddos, now);
    let reported = common_header(&mut o, &r.header);

    let rp = &r.reporter;
    reporter(
        &mut o,
        [&rp.name_kana, &rp.corporate_number],
        None,
        [&rp.contact_kana, &rp.phone, &rp.email],
    );

    let n = o.name("timeline_text");
    let rl = o.name("header.reported_at");
    o.timeline(
        &r.timeline,
        "timeline",
        &n,
        reported.map(|w| (w, rl.as_str())),
    );

    for (i, a) in r.attacks.iter().enumerate() {
        let base = path::item("attacks", i);
        let n = if r.attacks.len() > 1 {
            format!("攻撃{}の", i + 1)
        } else {
            String::new()
        };
        let at = |o: &mut Out, value: &str, leaf: &str, label: &str| -> Option<MonthDayTime> {
            if !filled(value) {
                return None;
            }
            match checks::month_day_time(value) {
                Ok(t) => Some(t),
                Err(p) => {
                    o.problem(path::field(&base, leaf), &format!("{n}{label}"), p);
                    None
                }
            }
        };
        let (started, ended) = (
            label_of(FormKind::Ddos, "attacks[].started_at"),
            label_of(FormKind::Ddos, "attacks[].ended_at"),
        );
        let start = at(&mut o, &a.started_at, "started_at", started);
        let end = at(&mut o, &a.ended_at, "ended_at", ended);
        if let (Some(s), Some(e)) = (start, end) {
            if !s.precedes(e) {
                o.warning(
                    path::field(&base, "ended_at"),
                    format!("{n}{ended}が{started}より前になっています。日時を確かめてください。"),
                );
            }
        }

        let types = &a.types;
        o.detail(
            types.contains(&DdosAttackType::Other),
            &a.type_other,
            &path::field(&base, "type_other"),
            &format!(
                "{n}攻撃の種類で「その他」を選んだときは、( )内に攻撃の種類を記入してください。"
            ),
        );
        if types.contains(&DdosAttackType::Unknown) && types.len() > 1 {
            o.warning(
                path::field(&base, "types"),
                format!("{n}攻撃の種類で「不明」と他の種類が一緒に選ばれています。どちらかにしてください。"),
            );
        }
        let sub_1498 = types.iter().any(|t| {
            matches!(
                t,
                DdosAttackType::DirectNetworkFlood | DdosAttackType::ReflectionAmplification
            )
        });
        if types.contains(&DdosAttackType::NetworkDos) && sub_1498 {
            o.warning(
                path::field(&base, "types"),
                format!("{n}攻撃の種類の T1498 は T1498-001・T1498-002 のいずれに該当するか不明な場合に選ぶものです。該当するものが分かっていれば T1498 のチェックを外してください。"),
            );
        }
        let sub_1499 = types.iter().any(|t| {
            matches!(
                t,
                DdosAttackType::OsExhaustionFlood
                    | DdosAttackType::ServiceExhaustionFlood
                    | DdosAttackType::ApplicationExhaustionFlood
                    | DdosAttackType::ApplicationExploitation
            )
        });
        if types.contains(&DdosAttackType::EndpointDos) && sub_1499 {
            o.warning(
                path::field(&base, "types"),
                format!("{n}攻撃の種類の T1499 は T1499-001〜T1499-004 のいずれに該当するか不明な場合に選ぶものです。該当するものが分かっていれば T1499 のチェックを外してください。"),
            );
        }

        for (leaf, ip, port, side) in [
            ("source", &a.source.ip, &a.source.port, "送信元"),
            (
                "destination",
                &a.destination.ip,
                &a.destination.port,
                "送信先",
            ),
        ] {
            let b = path::field(&base, leaf);
            if filled(ip) {
                if let Err(p) = checks::ip_addresses(ip) {
                    o.problem(path::field(&b, "ip"), &format!("{n}{side}のIPアドレス"), p);
                }
            }
            if filled(port) {
                if let Err(p) = checks::ports(port) {
                    o.problem(
                        path::field(&b, "port"),
                        &format!("{n}{side}のポート番号"),
                        p,
                    );
                }
            }
        }
    }

    publication(&mut o, &r.publication);
    let n = o.name("laws");
    o.laws(FormKind::Ddos, &r.laws, "laws", &n);
    o.finish()
}

/// ランサムウェア事案共通様式 (図4-2).
pub fn validate_ransomware(r: &RansomwareReport, now: Option<NaiveDateTime>) -> Vec<Finding> {
    let mut o = Out::new(FormKind::Ransomware, now);
    let reported = common_header(&mut o, &r.header);

    let rp = &r.reporter;
    reporter(
        &mut o,
        [&rp.name_kana, &rp.corporate_number],
        Some(&rp.representative_kana),
        [&rp.contact_kana, &rp.phone, &rp.email],
    );

    let occurred = o.date(&r.occurred_at, "occurred_at");
    let discovered = o.date(&r.discovered_at, "discovered_at");
    o.order(occurred, discovered, "discovered_at", |a, b| {
        format!(
            "発覚日時({})が発生日時({})より前になっています。日時を確かめてください(発生日時が推測であれば、その旨を事案の概要に書き添えてください)。",
            checks::format_when(b),
            checks::format_when(a)
        )
    });
    o.order(discovered, reported, "header.reported_at", |a, b| {
        format!(
            "報告日時({})が発覚日時({})より前になっています。日時を確かめてください。",
            checks::format_when(b),
            checks::format_when(a)
        )
    });

    let n = o.name("timeline_text");
    let rl = o.name("header.reported_at");
    o.timeline(
        &r.timeline,
        "timeline",
        &n,
        reported.map(|w| (w, rl.as_str())),
    );

    publication(&mut o, &r.publication);
    o.detail(
        r.publication_methods.contains(&PublicationMethod::Other),
        &r.publication_method_other,
        "publication_method_other",
        "公表の方法で「その他」を選んだときは、( )内に公表の方法を記入してください。",
    );
    // 5.(3) 外部機関による調査 offers (詳細: ) without asking for it: nothing to flag.
    // 2.(3) 別紙1–3 and the 漏えい等報告 chosen as 根拠規定 (記載の手引き (2) ②–④): one
    // without the other is worth a look.
    for a in LeakAnnex::ALL {
        let law = a.law();
        let ticked = r.leak_annexes.contains(a);
        let chosen = r.laws.iter().any(|l| l == law.id);
        if ticked && !chosen {
            o.warning(
                "laws",
                format!(
                    "2.(3)で{}にチェックがありますが、本様式の届出先・報告の根拠規定等に「{}」が選ばれていません。この漏えい等報告を行う場合は選んでください。",
                    a.label(),
                    law.text
                ),
            );
        } else if chosen && !ticked {
            o.warning(
                "leak_annexes",
                format!(
                    "本様式の届出先・報告の根拠規定等に「{}」が選ばれていますが、2.(3)で{}にチェックがありません。記載の手引きのとおり{}も記載し、チェックしてください。",
                    law.text,
                    a.label(),
                    a.label()
                ),
            );
        }
    }
    let n = o.name("laws");
    o.laws(FormKind::Ransomware, &r.laws, "laws", &n);
    o.finish()
}

// ---------------------------------------------------------------------------------------------
// 情報提供様式 (図7)

/// 情報提供様式 (図7).
pub fn validate_advisory(r: &Advisory, now: Option<NaiveDateTime>) -> Vec<Finding> {
    let mut o = Out::new(FormKind::Advisory, now);
    let h = &r.header;
    o.report_number(h.report_number, "header.report_number");
    o.required_text(&h.identifier, "header.identifier");
    o.required_text(&h.provided_at, "header.provided_at");
    o.date(&h.provided_at, "header.provided_at");
    if !h
        .recipients
        .iter()
        .any(|rc| filled(&rc.ministry) || rc.sector.is_some())
    {
        o.error(
            "header.recipients",
            "情報提供先は必須項目です。所管省庁名及び分野名を記入してください。",
        );
    }
    o.required_choice(&h.tlp, "header.tlp");
    o.required_choice(&h.annex, "header.annex");
    let c = &r.contact;
    o.telephone(&c.phone, "contact.phone");
    o.telephone(&c.fax, "contact.fax");
    o.email(&c.email, "contact.email");
    indicators(&mut o, &r.indicators);
    o.finish()
}

/// インディケータ情報 of 情報提供様式: each value of its kind ([`crate::indicators::check`]),
/// each note one short line, no indicator twice (it would be one STIX object twice).
fn indicators(o: &mut Out, list: &[Indicator]) {
    let mut seen: Vec<(crate::indicators::Checked, usize)> = Vec::new();
    for (i, ind) in list.iter().enumerate() {
        let n = i + 1;
        let at = path::item("indicators", i);
        match crate::indicators::check(ind.kind, &ind.value) {
            Ok(c) => {
                if let Some((_, first)) = seen.iter().find(|(s, _)| *s == c) {
                    o.error(
                        path::field(&at, "value"),
                        format!("インディケータ {n}: 「{}」はインディケータ {first} と同じです。1つにまとめてください。", c.value),
                    );
                } else {
                    seen.push((c, n));
                }
            }
            Err(m) => o.error(
                path::field(&at, "value"),
                format!("インディケータ {n}: {m}"),
            ),
        }
        if let Err(m) = crate::indicators::check_note(&ind.note) {
            o.error(path::field(&at, "note"), format!("インディケータ {n}: {m}"));
        }
    }
}
