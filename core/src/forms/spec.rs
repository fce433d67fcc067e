//! The specification of each of the four forms: the one place where the wording of the
//! official 様式 (図4, 図4-1, 図4-2, 図7) is written down — every section number and heading,
//! label, `*` mark, hint, option list, date kind and fixed text, in the form's order.
//!
//! Everything that shows a form reads it: the app's editor (one input per [`FieldKind`]), the
//! print view ([`crate::render::print`]), the plain text and e-mail subject
//! ([`crate::render::text`]), the field labels of validation messages and diffs
//! ([`super::field_label`]), and the site's form pages.
//!
//! # Walking a form
//!
//! [`form`] gives a [`FormSpec`]: the form's title, figure, head texts, its [`Guide`] (the
//! 共通様式' 記載の手引き) and its [`Section`]s. A section has a number (「①」「2.」, empty for
//! the blocks of the form's head), a title, fixed text ([`Section::intro`], [`Section::notes`])
//! and [`FieldSpec`]s. A field has a path relative to the report (`overview.summary`), the
//! form's label, whether the form marks it `*`, and a [`FieldKind`]: text, a date of one of
//! three kinds, a number, a check box, a choice with its [`Opt`]ions, 根拠規定 (laws), or a
//! repeating [`FieldKind::Group`] whose `item` fields have paths relative to the item.
//!
//! ```
//! use kyoyu_core::forms::{spec, FieldPath, FormKind, Report};
//! let form = spec::form(FormKind::Incident);
//! assert_eq!(form.title, "情報連絡様式");
//! let s = form.sections.iter().find(|s| s.number == "②").unwrap();
//! assert_eq!(s.heading(), "②上記事象における原因の類型");
//! let causes = &s.fields[0];
//! assert_eq!(causes.path, "causes");
//! assert!(causes.kind.options().iter().any(|o| o.label == "不審メール等の受信"));
//!
//! // Reading a value of a report by path:
//! let report = Report::new(FormKind::Incident);
//! let value = report.to_value();
//! let n = FieldPath::parse("header.report_number").unwrap().get(&value);
//! assert_eq!(n.and_then(|v| v.as_u64()), Some(1));
//!
//! // Finding the field of any path (an item of a list too):
//! let (section, field) = spec::find(FormKind::Ddos, "attacks[2].source.ip").unwrap();
//! assert_eq!((section.number, field.label), ("4.", "送信元のIPアドレス"));
//! ```
//!
//! Where the extracted text of the handbook is illegible the wording was rebuilt; such a
//! section, field or option carries `rebuilt: Some(why)` and every view marks it.

use std::sync::OnceLock;

use super::{path::FieldPath, FormKind};
use crate::taxonomy::{causes, events, laws};
use crate::taxonomy::{
    ddos as tx_ddos, ransomware as tx_ransom, wording, Cause, Choice, CommonOutlook,
    DdosAttackType, EventType, ExternalInvestigation, Importance, IncidentOutlook, LeakAnnex,
    NewOrFollowUp, Note, PpcContact, PressStatus, Publication, PublicationMethod, Sector,
    SystemStatus, Tlp, YesNo,
};

/// One form: its head texts, its guide and its sections.
#[derive(Debug, Clone, PartialEq)]
pub struct FormSpec {
    pub kind: FormKind,
    /// 「情報連絡様式」.
    pub title: &'static str,
    /// The caption of the blank form in the handbook: 「図4 情報連絡様式」.
    pub figure: &'static str,
    /// 「(重要インフラ所管省庁→内閣官房)」, printed above the title.
    pub direction: Option<&'static str>,
    /// The distribution line printed under the title (情報連絡様式).
    pub distribution: Option<&'static str>,
    /// 「(*が付与された項目は必須事項)」 on the forms that mark fields `*`.
    pub required_note: Option<&'static str>,
    /// 記載の手引き of the 共通様式.
    pub guide: Option<Guide>,
    /// Fixed blocks printed after the guide (ランサムウェア: 2. ランサムウェア感染時の留意事項).
    pub cautions: Option<Cautions>,
    /// The notes printed under the guide (共通様式 ※1, ※2) or at the foot of the form.
    pub notes: Vec<Note>,
    pub sections: Vec<Section>,
    /// Sections that are not on the paper form, which kyoyu adds after it (情報提供様式:
    /// インディケータ情報, for the STIX 2.1 bundle). Edited, validated, saved and exported like
    /// the form's own sections, but never printed as part of the form: [`sections`] and the
    /// print view stay the official 様式.
    pub additions: Vec<Section>,
}

/// 記載の手引き of a 共通様式: (1) the procedures it serves (the laws of
/// [`crate::taxonomy::laws`]), (2) what to fill in.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    /// 「1. 記載の手引き」.
    pub heading: &'static str,
    /// 「(1)本様式の対象となる手続」.
    pub procedures: &'static str,
    /// The sentence before the list of procedures.
    pub procedures_intro: &'static str,
    /// The laws listed under (1), in the form's order.
    pub laws: &'static [laws::Law],
    /// 「(2)記載事項」.
    pub items: &'static str,
    /// Its paragraphs: (sub-heading, text); the sub-heading is empty on DDoS.
    pub item_texts: Vec<(&'static str, &'static str)>,
}

/// 2. ランサムウェア感染時の留意事項.
#[derive(Debug, Clone, PartialEq)]
pub struct Cautions {
    pub heading: &'static str,
    pub intro: &'static str,
    pub items: Vec<&'static str>,
}

/// A numbered part of a form (①, 2., …) or an unnumbered block of its head.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The form's number: 「①」「2.」; empty for the unnumbered blocks of the head, 「◆」 for
    /// the ◆ line of 情報連絡様式/情報提供様式.
    pub number: &'static str,
    /// The form's heading, without its number: 「発生した事象の類型」「業務への影響」.
    pub title: &'static str,
    /// The enclosing block the form prints this section in (「脅威等の内容」), if any.
    pub part: Option<&'static str>,
    /// The form marks the whole block `*` (情報連絡元*).
    pub required: bool,
    /// Fixed text the form prints before the fields (notices, instructions).
    pub intro: Vec<&'static str>,
    /// The form's footnotes for this section (※2, ※3, …), printed after the fields.
    pub notes: Vec<Note>,
    /// The heads of the columns of the table this section opens (◆: 「項目」「情報の内容」).
    pub columns: &'static [&'static str],
    /// Why the heading was rebuilt, when the seed is illegible there.
    pub rebuilt: Option<&'static str>,
    pub fields: Vec<FieldSpec>,
}

impl Section {
    /// 「①発生した事象の類型」 — number and title as one heading.
    pub fn heading(&self) -> String {
        match self.number {
            "" => self.title.to_string(),
            n => format!("{n}{}", self.title),
        }
    }

    /// Whether this is one of the unnumbered blocks of the form's head.
    pub fn is_head(&self) -> bool {
        self.number.is_empty()
    }
}

/// One input of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// The field path (`header.tlp`, `overview.summary`); inside a [`FieldKind::Group`]'s
    /// `item`, relative to the item (`at`, `source.ip`).
    pub path: &'static str,
    /// The form's label (「判明日時」「送信元のIPアドレス」).
    pub label: &'static str,
    /// The sub-number the form prints before the label (「(4)」), if any.
    pub number: Option<&'static str>,
    /// Number and label: 「(4)侵入方法」 (the label alone when there is no number).
    pub numbered: &'static str,
    /// A sub-heading the form prints before this field (「(2)攻撃の種類」), if any.
    pub heading: Option<&'static str>,
    /// What the paper prints in place of the label, when it differs (「(フリガナ)」 above the
    /// name it reads).
    pub printed_label: Option<&'static str>,
    /// The form marks it `*`.
    pub required: bool,
    /// The form leaves it blank on a 第1報 and asks for it from the 第2報 on (情報連絡様式's
    /// 識別番号: 「※第1報の識別番号は空欄」 — 国家サイバー統括室 assigns it after the first).
    pub blank_on_first: bool,
    pub kind: FieldKind,
    /// The handbook's help at this place (記載上の注意, notes, 表4/表5 text), for the editor.
    pub help: Option<&'static str>,
    /// The form's example (「(例: 10Gbps, 1,000,000pps, 1万RPS 等)」), printed and used as a
    /// placeholder.
    pub example: Option<&'static str>,
    /// Fixed text the form prints beside the field (「(済・予定有では日時・件名を記入)」).
    pub aside: Option<&'static str>,
    /// Printed on the same line as the field before it (担当者名 beside 省庁名).
    pub same_line: bool,
    /// A choice the form prints as a bracketed list without □: 「(影響無し/停止中/…)」.
    pub bracketed: bool,
    /// The heads of the columns when the options are printed as a table (①: 「事象の類型」
    /// 「事象の例」「チェック(1つのみ選択(※2))」).
    pub columns: &'static [&'static str],
    /// Why the label was rebuilt, when the seed is illegible there.
    pub rebuilt: Option<&'static str>,
}

impl FieldSpec {
    /// Whether it must be filled in the 第`report_number`報: the form's `*`, except on a
    /// 第1報 for a field that stays blank there ([`FieldSpec::blank_on_first`]).
    pub fn required_in(&self, report_number: u32) -> bool {
        self.required && !(self.blank_on_first && report_number <= 1)
    }

    /// 「(4)侵入方法」 — number and label.
    pub fn numbered_label(&self) -> &'static str {
        self.numbered
    }

    /// The label as printed on paper.
    pub fn paper_label(&self) -> &'static str {
        self.printed_label.unwrap_or(self.numbered)
    }

    /// The help the editor shows: the handbook's help, or the text the form prints beside
    /// the field.
    pub fn hint(&self) -> Option<&'static str> {
        self.help.or(self.aside)
    }

    /// The form's example as the editor shows it beside the field: without the brackets the
    /// paper prints around it, and with 「例:」 only where the form itself says it
    /// (「(例: ファイル名.xxx)」 → 「例: ファイル名.xxx」, 「(サーバログ等より推測)」 →
    /// 「サーバログ等より推測」).
    pub fn example_text(&self) -> Option<&'static str> {
        self.example.map(|e| {
            e.strip_prefix(['(', '('])
                .and_then(|inner| inner.strip_suffix([')', ')']))
                .unwrap_or(e)
                .trim()
        })
    }

    /// The editor's hint of the field: the handbook's help, then the form's example.
    pub fn editor_hint(&self) -> Option<String> {
        match (self.hint(), self.example_text()) {
            (Some(h), Some(e)) => Some(format!("{h} {e}")),
            (Some(h), None) => Some(h.to_string()),
            (None, Some(e)) => Some(e.to_string()),
            (None, None) => None,
        }
    }
}

/// What kind of input a field is.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    MultiLine,
    /// 西暦 年 月 日 時 分 — stored `YYYY-MM-DDTHH:MM` (HTML `datetime-local`).
    DateTime,
    /// 年 月 日 — stored `YYYY-MM-DD`.
    Date,
    /// 月 日 時 分 (no year on the form) — stored `MM-DDTHH:MM`.
    MonthDayTime,
    /// A whole number (第N報).
    Number,
    /// One check box (stored `true`/`false`): 「共有等を希望しない」.
    Check,
    /// One of the options (stored: the option's id, or `null`).
    Choice(Vec<Opt>),
    /// Any of the options (stored: a list of ids, in option order).
    Choices(Vec<Opt>),
    /// Any of the laws and guidelines of 記載の手引き (stored: a list of law ids).
    Laws(Vec<Opt>),
    /// A repeating group (stored: a list of objects), one `item` per row or block.
    Group {
        item: Vec<FieldSpec>,
        /// The label of the button adding a row: 「行を追加」.
        add_label: &'static str,
        /// What one item is called (「攻撃」「行」), for headings such as 「攻撃 2」.
        item_label: &'static str,
    },
}

impl FieldKind {
    /// The options of a choice field (empty for other kinds).
    pub fn options(&self) -> &[Opt] {
        match self {
            FieldKind::Choice(o) | FieldKind::Choices(o) | FieldKind::Laws(o) => o,
            _ => &[],
        }
    }

    /// The blank a date of this kind leaves on paper: 「年 月 日 時 分」.
    pub fn date_blank(&self) -> Option<&'static str> {
        match self {
            FieldKind::DateTime => Some("年 月 日 時 分"),
            FieldKind::Date => Some("年 月 日"),
            FieldKind::MonthDayTime => Some("月 日 時 分"),
            _ => None,
        }
    }
}

/// One option of a choice, as the form prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    /// The stable id stored in files ([`Choice::id`]).
    pub id: &'static str,
    /// The wording printed on this form (usually [`Choice::label`]; the 共通様式 print
    /// 「影響無し」 where 情報連絡様式 prints 「影響なし」).
    pub label: &'static str,
    /// The group the form prints it under (② 「意図的な原因」, ① 「上記につながる事象(※3)」).
    pub group: Option<&'static str>,
    /// What the handbook says of it: 表1's description of a cause, 表5's share scope of a TLP
    /// label, 表4's meaning of an importance level, the example of an event type.
    pub help: Option<&'static str>,
    /// Text the form prints under or beside the option (a TLP's scope, 事象の例).
    pub aside: Option<&'static str>,
    /// The path of the text that goes with it on the form (その他 ( … ), 【公表日】), relative
    /// like the field's own path, and the words printed before it (「公表日」), if any.
    pub detail: Option<(&'static str, &'static str)>,
    /// Why the wording was rebuilt, when the seed is illegible there.
    pub rebuilt: Option<&'static str>,
}

/// The specification of a form. Built once; cheap to call.
pub fn form(kind: FormKind) -> &'static FormSpec {
    static CACHE: OnceLock<[FormSpec; 4]> = OnceLock::new();
    let all = CACHE.get_or_init(|| [incident(), ddos(), ransomware(), advisory()]);
    match kind {
        FormKind::Incident => &all[0],
        FormKind::Ddos => &all[1],
        FormKind::Ransomware => &all[2],
        FormKind::Advisory => &all[3],
    }
}

/// The sections of a form, in the form's order.
pub fn sections(kind: FormKind) -> &'static [Section] {
    &form(kind).sections
}

/// The sections kyoyu adds after the paper form ([`FormSpec::additions`]).
pub fn additions(kind: FormKind) -> &'static [Section] {
    &form(kind).additions
}

/// The additions ([`FormSpec::additions`]) that hold something in `report` (the report's JSON
/// value): what the print view, the plain text and the workbook add after the form — nothing
/// when they are empty, so that those stay the official 様式.
pub fn filled_additions(
    kind: FormKind,
    report: &serde_json::Value,
) -> impl Iterator<Item = &'static Section> + '_ {
    let filled = |v: Option<&serde_json::Value>| match v {
        Some(serde_json::Value::Array(a)) => !a.is_empty(),
        Some(serde_json::Value::String(s)) => !s.is_empty(),
        Some(serde_json::Value::Null) | None => false,
        Some(_) => true,
    };
    additions(kind).iter().filter(move |s| {
        s.fields
            .iter()
            .any(|f| filled(FieldPath::parse(f.path).and_then(|p| p.get(report))))
    })
}

/// The form's sections, then its additions: every section the editor shows.
pub fn all_sections(kind: FormKind) -> impl Iterator<Item = &'static Section> {
    sections(kind).iter().chain(additions(kind))
}

/// The field at `path` (`timeline[3].at` or the pattern `timeline[].at`), with the section
/// it is in.
pub fn find(kind: FormKind, path: &str) -> Option<(&'static Section, &'static FieldSpec)> {
    let pattern = FieldPath::parse(path)?.pattern().to_string();
    for s in all_sections(kind) {
        for f in &s.fields {
            if f.path == pattern {
                return Some((s, f));
            }
            if let FieldKind::Group { item, .. } = &f.kind {
                for i in item {
                    if format!("{}[].{}", f.path, i.path) == pattern {
                        return Some((s, i));
                    }
                }
            }
        }
    }
    None
}

/// The field at `path`, when it exists.
pub fn field(kind: FormKind, path: &str) -> Option<&'static FieldSpec> {
    find(kind, path).map(|(_, f)| f)
}

/// Every field path pattern of a form, groups' items included (`timeline`, `timeline[].at`).
pub fn field_patterns(kind: FormKind) -> Vec<String> {
    let mut out = Vec::new();
    for s in all_sections(kind) {
        for f in &s.fields {
            out.push(f.path.to_string());
            if let FieldKind::Group { item, .. } = &f.kind {
                out.extend(item.iter().map(|i| format!("{}[].{}", f.path, i.path)));
            }
        }
    }
    out
}

/// The fields that are the detail of an option (printed beside it, not on their own).
pub fn is_option_detail(fields: &[FieldSpec], path: &str) -> bool {
    fields.iter().any(|f| {
        f.kind
            .options()
            .iter()
            .any(|o| o.detail.is_some_and(|(d, _)| d == path))
    })
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn field_of(path: &'static str, label: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        path,
        label,
        number: None,
        numbered: label,
        heading: None,
        printed_label: None,
        required: false,
        blank_on_first: false,
        kind,
        help: None,
        example: None,
        aside: None,
        same_line: false,
        bracketed: false,
        columns: &[],
        rebuilt: None,
    }
}

fn text(path: &'static str, label: &'static str) -> FieldSpec {
    field_of(path, label, FieldKind::Text)
}

fn multi(path: &'static str, label: &'static str) -> FieldSpec {
    field_of(path, label, FieldKind::MultiLine)
}

fn datetime(path: &'static str, label: &'static str) -> FieldSpec {
    field_of(path, label, FieldKind::DateTime)
}

impl FieldSpec {
    fn req(mut self) -> Self {
        self.required = true;
        self
    }
    fn blank_on_first(mut self) -> Self {
        self.blank_on_first = true;
        self
    }
    fn help(mut self, h: &'static str) -> Self {
        self.help = Some(h);
        self
    }
    fn ex(mut self, e: &'static str) -> Self {
        self.example = Some(e);
        self
    }
    fn head(mut self, h: &'static str) -> Self {
        self.heading = Some(h);
        self
    }
    fn num(mut self, n: &'static str) -> Self {
        self.number = Some(n);
        self.numbered = leak(format!("{n}{}", self.label));
        self
    }
    fn aside(mut self, a: &'static str) -> Self {
        self.aside = Some(a);
        self
    }
    fn printed(mut self, l: &'static str) -> Self {
        self.printed_label = Some(l);
        self
    }
    fn same_line(mut self) -> Self {
        self.same_line = true;
        self
    }
    fn bracketed(mut self) -> Self {
        self.bracketed = true;
        self
    }
    fn columns(mut self, c: &'static [&'static str]) -> Self {
        self.columns = c;
        self
    }
    fn rebuilt(mut self, why: &'static str) -> Self {
        self.rebuilt = Some(why);
        self
    }
}

fn section(number: &'static str, title: &'static str, fields: Vec<FieldSpec>) -> Section {
    Section {
        number,
        title,
        part: None,
        required: false,
        intro: vec![],
        notes: vec![],
        columns: &[],
        rebuilt: None,
        fields,
    }
}

impl Section {
    fn req(mut self) -> Self {
        self.required = true;
        self
    }
    fn intro(mut self, t: &[&'static str]) -> Self {
        self.intro.extend_from_slice(t);
        self
    }
    fn notes(mut self, t: &[Note]) -> Self {
        self.notes.extend_from_slice(t);
        self
    }
    fn part(mut self, p: &'static str) -> Self {
        self.part = Some(p);
        self
    }
    fn columns(mut self, c: &'static [&'static str]) -> Self {
        self.columns = c;
        self
    }
}

fn opt<E: Choice>(c: E) -> Opt {
    Opt {
        id: c.id(),
        label: c.label(),
        group: None,
        help: None,
        aside: None,
        detail: None,
        rebuilt: None,
    }
}

/// The options of a [`Choice`] enum, with its labels.
pub fn options<E: Choice>() -> Vec<Opt> {
    E::ALL.iter().map(|&c| opt(c)).collect()
}

fn with<E: Choice>(f: impl Fn(E, &mut Opt)) -> Vec<Opt> {
    E::ALL
        .iter()
        .map(|&c| {
            let mut o = opt(c);
            f(c, &mut o);
            o
        })
        .collect()
}

fn one<E: Choice>() -> FieldKind {
    FieldKind::Choice(options::<E>())
}

/// Texts composed once from the taxonomy's parts (the specification is built once per
/// process).
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// 「(*が付与された項目は必須事項)」.
const REQUIRED_NOTE: &str = "(*が付与された項目は必須事項)";

/// The legend of the underlines in a follow-up (共通様式 記載の手引き (2):
/// 「前回の報告から記載を変更した箇所に下線を引くなど、変更箇所が分かるようにしてください。」).
pub const CHANGED_LEGEND: &str = "下線: 前回の報告から変更した箇所";

/// The legend of the mark of rebuilt wording.
pub const REBUILT_LEGEND: &str =
    "†: 手引書の抽出テキストが判読できないため、文言を前後から復元した箇所";

/// The scope text printed in brackets beside a TLP label on `kind`'s form (図4 / 図7), with
/// the brackets; "" for CLEAR.
pub fn tlp_scope(kind: FormKind, tlp: Tlp) -> String {
    let scope = match kind {
        FormKind::Advisory => tlp.advisory_form_scope(),
        _ => tlp.report_form_scope(),
    };
    scope.map(|s| format!("({s})")).unwrap_or_default()
}

/// 「※2 最初に…」「(注)報告を…」 — a note as the forms print it.
pub fn note_text(n: Note) -> String {
    if n.mark.is_empty() {
        n.text.to_string()
    } else if n.mark.starts_with('(') {
        format!("{}{}", n.mark, n.text)
    } else {
        format!("{} {}", n.mark, n.text)
    }
}

/// Each TLP label worded as the form prints it (「RED = 宛先限り」), with its scope text
/// under it and 表5's definition as its help.
fn tlp_options(kind: FormKind) -> Vec<Opt> {
    with::<Tlp>(|t, o| {
        o.label = leak(format!("{} = {}", t.form_key(), t.name()));
        let scope = tlp_scope(kind, t);
        o.aside = (!scope.is_empty()).then(|| leak(scope.clone()));
        o.help = Some(leak(format!(
            "{}{} — 表5: {}",
            t.name(),
            scope,
            t.definition()
        )));
    })
}

/// 表4's meaning of each importance level (情報連絡 or 情報提供).
fn importance_options(kind: FormKind) -> Vec<Opt> {
    with::<Importance>(|i, o| {
        o.help = Some(match kind {
            FormKind::Advisory => i.advisory_meaning(),
            _ => i.report_meaning(),
        })
    })
}

/// 重要度 of 情報連絡様式 and 情報提供様式: the paper prints the options alone.
fn importance(kind: FormKind) -> FieldSpec {
    field_of(
        "header.importance",
        "重要度",
        FieldKind::Choice(importance_options(kind)),
    )
    .printed("")
}

/// 第N報* of 情報連絡様式 and 情報提供様式, printed 「(第 N 報*)」 under the title.
fn report_number() -> FieldSpec {
    field_of("header.report_number", "第N報", FieldKind::Number)
        .req()
        .printed("")
}

/// The laws and guidelines of 記載の手引き (1).
fn law_options(kind: FormKind) -> Vec<Opt> {
    let list = match kind {
        FormKind::Ransomware => laws::ransomware_laws(),
        _ => laws::ddos_laws(),
    };
    list.iter()
        .map(|l| Opt {
            id: l.id,
            label: l.text,
            group: None,
            help: None,
            aside: None,
            detail: None,
            rebuilt: None,
        })
        .collect()
}

/// The common forms print 影響無し; 情報連絡様式 prints 影響なし.
fn common_status_options() -> Vec<Opt> {
    with::<SystemStatus>(|st, o| o.label = st.common_form_label())
}

const TIMELINE_AT: &str = "日時";
const TIMELINE_WHAT: &str = "事象・対応状況等";
/// 図5: 「必要に応じて行を追加して経緯を記載。」
const TIMELINE_HINT: &str = "必要に応じて行を追加して経緯を記載。";

fn timeline(label: &'static str) -> FieldSpec {
    field_of(
        "timeline",
        label,
        FieldKind::Group {
            item: vec![
                datetime("at", TIMELINE_AT),
                multi("description", TIMELINE_WHAT),
            ],
            add_label: "行を追加",
            item_label: "行",
        },
    )
    .help(TIMELINE_HINT)
}

// ---------------------------------------------------------------------------------------------
// 情報連絡様式 (図4)
// ---------------------------------------------------------------------------------------------

/// ② as a table: 表1's two first columns, then the check column of the form.
const CAUSE_COLUMNS: [&str; 3] = [
    causes::TABLE1_HEADINGS[0],
    causes::TABLE1_HEADINGS[1],
    "チェック(複数選択可)",
];

/// The heads of the ◆ table of 情報連絡様式 and 情報提供様式.
const CONTENT_COLUMNS: [&str; 2] = ["項目", "情報の内容"];

fn incident() -> FormSpec {
    let kind = FormKind::Incident;
    FormSpec {
        kind,
        title: kind.name(),
        figure: "図4 情報連絡様式",
        direction: Some("(重要インフラ所管省庁→内閣官房)"),
        distribution: Some(wording::REPORT_DISTRIBUTION),
        required_note: Some(REQUIRED_NOTE),
        guide: None,
        cautions: None,
        notes: vec![
            wording::REPORT_NOTE_4,
            wording::REPORT_NOTE_5,
            wording::REPORT_NOTE_6,
        ],
        sections: incident_sections(),
        additions: vec![],
    }
}

fn incident_sections() -> Vec<Section> {
    let kind = FormKind::Incident;
    vec![
        section(
            "",
            kind.name(),
            vec![
                importance(kind),
                report_number(),
                text("header.identifier", "識別番号")
                    .req()
                    .blank_on_first()
                    .aside("(※第1報の識別番号は空欄)"),
                // 図4 prints no `*` here (図5, the worked example, does): the blank form rules.
                datetime("header.reported_at", "情報連絡日時")
                    .help("いつ時点での内容かの日付・時間を記載。西暦で記載。24時間表記で記載。"),
            ],
        ),
        section(
            "",
            "情報連絡元",
            vec![
                text("header.contact.ministry", "省庁名"),
                text("header.contact.person", "担当者名").same_line(),
                text("header.contact.bureau", "部局名"),
                text("header.contact.phone", "電話番号"),
                text("header.contact.fax", "FAX番号").same_line(),
                text("header.contact.email", "電子メールアドレス"),
            ],
        )
        .req(),
        section(
            "",
            "情報共有範囲",
            vec![
                field_of("header.tlp", "情報共有範囲", FieldKind::Choice(tlp_options(kind))).req(),
                multi("header.tlp_note", "特記事項").help("選択したTLP(範囲)に関する補足情報を記載。"),
            ],
        )
        .req()
        .notes(&[crate::taxonomy::tlp::REPORT_FORM_NOTE_1]),
        section(
            "①",
            "発生した事象の類型",
            vec![field_of(
                "event_type",
                events::HEADINGS[0],
                FieldKind::Choice(with::<EventType>(|e, o| {
                    o.group = Some(e.class().label());
                    o.aside = e.example();
                    o.help = e.example();
                })),
            )
            .columns(&events::HEADINGS)
            .help("最初に明らかとなった事象を選択。")],
        )
        .notes(&[events::NOTE_SELECT_ONE, events::NOTE_LEADING_TO]),
        section(
            "②",
            "上記事象における原因の類型",
            vec![field_of(
                "causes",
                CAUSE_COLUMNS[1],
                FieldKind::Choices(with::<Cause>(|c, o| {
                    o.group = Some(c.group().label());
                    o.help = Some(c.description());
                })),
            )
            .columns(&CAUSE_COLUMNS)
            .help("発生原因について選択する。複数選択可。")],
        ),
        section("◆", "情報連絡の内容(※4)", vec![field_of("header.annex", "別紙有無", one::<YesNo>()).req()])
            .columns(&CONTENT_COLUMNS),
        section(
            "③",
            "分野名",
            vec![field_of("sector", "分野名", one::<Sector>()).req().help("リストから選択")],
        )
        .notes(&[wording::REPORT_NOTE_5]),
        section(
            "④",
            "事象が発生した重要インフラ事業者等名",
            vec![text("operator_name", "事象が発生した重要インフラ事業者等名")],
        ),
        section(
            "⑤",
            "概要",
            vec![
                datetime("overview.discovered_at", "判明日時"),
                datetime("overview.occurred_at", "発生日時"),
                text("overview.occurred_at_note", "発生日時の補足").ex("(サーバログ等より推測)"),
                multi("overview.system", "事象が発生したシステム・委託先業者等"),
                multi("overview.summary", "発生事象の概要"),
                field_of("overview.system_status", "システムの稼働状況", one::<SystemStatus>()),
            ],
        ),
        section(
            "⑥",
            "重要インフラサービス等への影響",
            vec![
                field_of("impact.deviation", "重要インフラサービスのサービス維持レベル(※6)逸脱の有無", one::<YesNo>())
                    .help(wording::REPORT_NOTE_6.text),
                field_of("impact.spread", "他の事業者等への波及の可能性", one::<YesNo>()),
            ],
        ),
        section(
            "⑦",
            "当該事象に係る推移等",
            vec![
                timeline("推移等"),
                multi("supplementary", "(補足情報)"),
                field_of(
                    "external.press",
                    "報道発表、報道等への掲載",
                    FieldKind::Choice(options::<PressStatus>()),
                )
                .head("対外的な対応状況")
                .aside("(済・予定有では日時・件名を記入)"),
                multi("external.press_detail", "報道発表等の日時・件名")
                    .help("報道発表等がある場合は、別紙の添付する、あるいは掲載ページのアドレス等を記載。"),
                field_of(
                    "external.ppc",
                    "個人情報保護委員会への連絡",
                    FieldKind::Choice(options::<PpcContact>()),
                )
                .aside("(済では日時・件名を記入)")
                .help("図4(様式)の選択肢は「済/確認中/不要」、図5(記載例)では「済/予定有/確認中」と印字されている。本ツールは図4に従う。"),
                multi("external.ppc_detail", "個人情報保護委員会への連絡の日時・件名"),
                multi("external.other_contacts", "その他国家サイバー統括室以外に連絡を行った先"),
            ],
        ),
        section("⑧", "今後の予定", vec![field_of("outlook", "今後の予定", one::<IncidentOutlook>())]),
        section("⑨", "その他・得られた教訓等", vec![multi("lessons", "その他・得られた教訓等")]),
    ]
}

// ---------------------------------------------------------------------------------------------
// 共通様式 (図4-1, 図4-2)
// ---------------------------------------------------------------------------------------------

/// The notice on sharing with 内閣官房国家サイバー統括室 (two paragraphs).
const SHARING_NOTICE: [&str; 2] = [
    "本様式に記載いただいた内容は、報告先機関から、内閣官房国家サイバー統括室に共有されます。内閣官房国家サイバー統括室は、報告された内容を整理分析の上、被害者が分からないようにした上で、被害の拡大防止のため、注意喚起等に活用することがあります。",
    "記載内容の全部又は一部について、内閣官房国家サイバー統括室との共有等を希望しない場合は、その旨及び共有等を希望しない内容について以下に記載してください。",
];

/// The (注) under the opt-out; the ransomware form adds 「別紙1から別紙3までの内容を除き、」.
fn opt_out_note(kind: FormKind) -> Note {
    let except = if kind == FormKind::Ransomware {
        "別紙1から別紙3までの内容を除き、"
    } else {
        ""
    };
    Note {
        id: if kind == FormKind::Ransomware { "ransomware-opt-out-note" } else { "ddos-opt-out-note" },
        mark: "(注)",
        text: leak(format!(
            "報告を行う者が、重要インフラのサイバーセキュリティに係る行動計画(2022年6月17日サイバーセキュリティ戦略本部決定)に定める重要インフラ事業者等である場合は、同行動計画に基づき、「共有等を希望しない」とした場合でも、{except}内閣官房国家サイバー統括室に共有されることがあります。"
        )),
    }
}

/// (2) 記載事項 ①共通 / the only paragraph of DDoS.
const ITEMS_COMMON: &str = "1から6までの内容を記載してください。また、続報として提出する場合には、前回の報告から記載を変更した箇所に下線を引くなど、変更箇所が分かるようにしてください。";

fn guide(kind: FormKind) -> Guide {
    let ransom = kind == FormKind::Ransomware;
    let item_texts = if ransom {
        let mut v = vec![("①共通", ITEMS_COMMON)];
        for (n, a) in ["②", "③", "④"].into_iter().zip(LeakAnnex::ALL) {
            v.push((
                leak(format!("{n}{}を行う場合", a.law().text)),
                leak(format!("{}も記載してください。", a.label())),
            ));
        }
        v
    } else {
        vec![("", ITEMS_COMMON)]
    };
    Guide {
        heading: if ransom {
            "記載の手引き"
        } else {
            "1. 記載の手引き"
        },
        procedures: "(1)本様式の対象となる手続",
        procedures_intro: if ransom {
            laws::RANSOMWARE_INTRO
        } else {
            laws::DDOS_INTRO
        },
        laws: if ransom {
            laws::ransomware_laws()
        } else {
            laws::ddos_laws()
        },
        items: "(2)記載事項",
        item_texts,
    }
}

fn common_head(kind: FormKind) -> Vec<Section> {
    let mut head = vec![
        // The form prints the date and the addressee without a label.
        datetime("header.reported_at", "報告日時").printed(""),
        text("header.addressee", "宛先(報告先機関の長)")
            .printed("")
            .aside("(報告先機関の長)殿"),
        field_of(
            "header.new_or_follow_up",
            "新規又は続報の別",
            FieldKind::Choice(with::<NewOrFollowUp>(|n, o| {
                if n == NewOrFollowUp::FollowUp {
                    o.detail = Some(("header.previous_reported_at", "前回報告"));
                }
            })),
        ),
        datetime("header.previous_reported_at", "前回報告の日時"),
    ];
    if kind == FormKind::Ransomware {
        head.push(
            text("receipt_number", "受付番号")
                .printed("受付番号※")
                .aside("※個人情報保護委員会より通知されている場合"),
        );
    }
    head.push(
        field_of(
            "header.report_number",
            "第N報(kyoyuの通し番号)",
            FieldKind::Number,
        )
        // Not on the paper form: kyoyu's count within the series.
        .printed(""),
    );
    vec![
        section("", kind.name(), head),
        section(
            "",
            "内閣官房国家サイバー統括室との共有",
            vec![
                field_of(
                    "header.opt_out",
                    "内閣官房国家サイバー統括室への共有等を希望しない。",
                    FieldKind::Check,
                ),
                multi("header.opt_out_detail", "共有等を希望しない内容"),
            ],
        )
        .intro(&SHARING_NOTICE)
        .notes(&[opt_out_note(kind)]),
    ]
}

const FURIGANA: &str = "(フリガナ)";

fn reporter(kind: FormKind) -> Section {
    let mut f = vec![
        text("reporter.name_kana", "報告者の氏名又は名称(フリガナ)").printed(FURIGANA),
        text("reporter.name", "報告者の氏名又は名称"),
        text("reporter.corporate_number", "法人番号(13桁)"),
    ];
    if kind == FormKind::Ransomware {
        f.push(text("reporter.industry", "業種・業種番号"));
        f.push(multi("reporter.address", "報告者の住所又は居所"));
        f.push(text("reporter.representative_kana", "代表者の氏名(フリガナ)").printed(FURIGANA));
        f.push(text(
            "reporter.representative",
            "代表者の氏名(報告者が法人等の場合に限る。)",
        ));
    }
    f.extend([
        text("reporter.contact_kana", "事務連絡者の氏名(フリガナ)").printed(FURIGANA),
        text("reporter.contact_name", "事務連絡者の氏名"),
        text("reporter.department", "所属部署"),
        text("reporter.phone", "電話番号"),
        text("reporter.email", "E-mail"),
    ]);
    section("1.", "報告者の概要", f)
}

fn service_level() -> Vec<FieldSpec> {
    vec![
        field_of("service_level.deviation", "重要インフラサービスのサービス維持レベルの逸脱の有無", one::<YesNo>())
            .head("(2)重要インフラサービス維持レベルについて(重要インフラのサイバーセキュリティに係る行動計画(2022年6月17日サイバーセキュリティ戦略本部決定)に定める重要インフラ事業者等に該当する場合に記載すること。該当しない場合は記載を要さない。)"),
        field_of("service_level.spread", "他の事業者等への波及の可能性", one::<YesNo>()),
        multi("service_level.impact", "サービス提供への影響、想定される最大リスク 等"),
    ]
}

/// 事実経過(時系列): a free text on paper; kyoyu offers rows of 日時 + 事象 beside it.
fn history(number: &'static str) -> Vec<FieldSpec> {
    vec![
        multi("timeline_text", "事実経過(時系列)").num(number),
        timeline("事実経過の行(日時・事象)")
            .printed("")
            .help("様式では自由記述欄です。上の欄に文章で書くか、日時ごとの行で書いてください(両方でも構いません)。"),
    ]
}

fn systems(kind: FormKind) -> Section {
    let mut f = vec![
        multi("systems.equipment", "影響を受けた機器の種類・台数等"),
        field_of(
            "systems.status",
            "システムの稼働状況",
            FieldKind::Choice(common_status_options()),
        )
        .bracketed(),
    ];
    if kind == FormKind::Ransomware {
        f.push(multi("systems.environment", "設置環境"));
        f.push(multi("systems.topology", "システムの接続形態図"));
    }
    section("3.", "影響を受けたシステム", f)
}

fn publication_status() -> Vec<FieldSpec> {
    vec![
        field_of(
            "publication.status",
            "事案の公表",
            FieldKind::Choice(with::<Publication>(|p, o| match p {
                Publication::Done => o.detail = Some(("publication.date", "公表日")),
                Publication::Planned => o.detail = Some(("publication.date", "公表予定日")),
                _ => {}
            })),
        )
        .head("(1)公表の実施状況"),
        field_of("publication.date", "公表日/公表予定日", FieldKind::Date),
    ]
}

fn outlook(number: &'static str) -> FieldSpec {
    field_of("outlook", "今後の予定", one::<CommonOutlook>()).num(number)
}

/// 本様式の届出先・報告の根拠規定等: the 届出先 as text and the laws of the guide.
fn laws_fields(kind: FormKind, number: Option<&'static str>) -> Vec<FieldSpec> {
    let title = "本様式の届出先・報告の根拠規定等";
    let mut head = text("filed_with", "届出先")
        .aside("(記載の手引き欄に記載のいずれの法令等に基づく報告かを記載すること。)");
    if let Some(n) = number {
        head = head.head(leak(format!("{n}{title}")));
    }
    vec![
        head,
        field_of("laws", "根拠規定等", FieldKind::Laws(law_options(kind))),
    ]
}

/// One of the two 共通様式 (図4-1, 図4-2): no direction line, its 記載の手引き and the two notes.
fn common_form(
    kind: FormKind,
    figure: &'static str,
    cautions: Option<Cautions>,
    sections: Vec<Section>,
) -> FormSpec {
    FormSpec {
        kind,
        title: kind.name(),
        figure,
        direction: None,
        distribution: None,
        required_note: None,
        guide: Some(guide(kind)),
        cautions,
        notes: vec![wording::COMMON_NOTE_1, wording::COMMON_NOTE_2],
        additions: vec![],
        sections,
    }
}

/// The 共通様式' last two sections: 5. 今後の対応 (`response`, then 届出先・根拠規定等 numbered
/// `laws_number`) and 6. その他 with the form's own heading.
fn closing_sections(
    kind: FormKind,
    mut response: Vec<FieldSpec>,
    laws_number: &'static str,
    other: &'static str,
) -> [Section; 2] {
    response.extend(laws_fields(kind, Some(laws_number)));
    [
        section("5.", "今後の対応", response),
        section("6.", other, vec![multi("other", other)]),
    ]
}

fn ddos() -> FormSpec {
    common_form(
        FormKind::Ddos,
        "図4-1 DDoS攻撃事案共通様式",
        None,
        ddos_sections(),
    )
}

/// The example of T1499-002, which the seed prints but garbles (l.424: only 「…攻撃等)」 is
/// legible): rebuilt from the technique's own description (floods of requests that exhaust a
/// service, HTTP floods first among them).
const SERVICE_EXHAUSTION_EXAMPLE: &str = "HTTPフラッド攻撃等";

fn attack_types() -> Vec<Opt> {
    with::<DdosAttackType>(|a, o| {
        if let Some(ja) = a.japanese_name() {
            let ex = a
                .example()
                .or((a == DdosAttackType::ServiceExhaustionFlood)
                    .then_some(SERVICE_EXHAUSTION_EXAMPLE))
                .map(|e| format!("({e})"))
                .unwrap_or_default();
            // The form prints the Japanese name, its example, then the ATT&CK technique.
            o.label = leak(format!("{ja}{ex} {} ({})", a.label(), a.id()));
        }
        o.aside = a.note();
        o.help = a.note();
        o.rebuilt = a.uncertain();
        if a == DdosAttackType::Other {
            o.detail = Some(("type_other", ""));
        }
    })
}

fn ddos_sections() -> Vec<Section> {
    let kind = FormKind::Ddos;
    let mut s = common_head(kind);
    s.push(reporter(kind));
    let mut impact = vec![multi("summary", "事案の概要").num("(1)")];
    impact.extend(service_level());
    impact.extend(history("(3)"));
    s.push(section("2.", "業務への影響", impact));
    s.push(systems(kind));
    let attack = vec![
        field_of("started_at", "攻撃開始", FieldKind::MonthDayTime).head("(1)攻撃日時"),
        field_of("ended_at", "攻撃収束", FieldKind::MonthDayTime),
        multi("note", "特記事項"),
        field_of("types", "攻撃類型", FieldKind::Choices(attack_types()))
            .num("①")
            .head("(2)攻撃の種類"),
        text("type_other", "その他の攻撃の種類"),
        multi("type_detail", "詳細")
            .num("②")
            .ex(tx_ddos::DETAIL_EXAMPLE),
        text("protocol", "通信プロトコル")
            .num("(3)")
            .ex(tx_ddos::PROTOCOL_EXAMPLE),
        multi("source.ip", "送信元のIPアドレス")
            .head("(4)送信元情報")
            .help(tx_ddos::MANY_SOURCES_NOTE),
        text("source.port", "送信元のポート番号"),
        multi("source.equipment", "送信元の機器・ネットワーク"),
        multi("destination.ip", "送信先のIPアドレス").head("(5)送信先情報"),
        text("destination.port", "送信先のポート番号"),
        multi(
            "destination.service",
            "攻撃されているサービス・アプリケーション",
        )
        .rebuilt("抽出では「…されてい」「・アプリケー」の断片のみ判読できる。"),
        text("volume", "通信量")
            .num("(6)")
            .ex(tx_ddos::TRAFFIC_EXAMPLE),
    ];
    s.push(
        section(
            "4.",
            "攻撃の情報",
            vec![field_of(
                "attacks",
                "攻撃",
                FieldKind::Group {
                    item: attack,
                    add_label: "攻撃を追加(別の表を作成)",
                    item_label: "攻撃",
                },
            )],
        )
        .intro(&[tx_ddos::ONE_TABLE_PER_ATTACK])
        .notes(&[Note {
            id: "ddos-many-sources",
            mark: "",
            text: tx_ddos::MANY_SOURCES_NOTE,
        }]),
    );
    // 「1から6までの内容を記載してください」: 届出先・根拠規定等 is 5.(3), その他 is 6.
    let mut response = publication_status();
    response.push(outlook("(2)"));
    s.extend(closing_sections(
        kind,
        response,
        "(3)",
        "その他(有効な対策等)",
    ));
    s
}

fn ransomware() -> FormSpec {
    let cautions = Cautions {
        heading: tx_ransom::CAUTIONS_TITLE,
        intro: tx_ransom::CAUTIONS_INTRO,
        items: tx_ransom::CAUTIONS.iter().map(|c| c.text).collect(),
    };
    common_form(
        FormKind::Ransomware,
        "図4-2 ランサムウェア事案共通様式",
        Some(cautions),
        ransomware_sections(),
    )
}

fn ransomware_sections() -> Vec<Section> {
    let kind = FormKind::Ransomware;
    let mut s = common_head(kind);
    s.push(reporter(kind));
    // 2.(1): the two dates stand before the free text on the form.
    let mut impact = vec![
        datetime("occurred_at", "発生日時").head("(1)事案の概要"),
        datetime("discovered_at", "発覚日時"),
        // Under the heading 「(1)事案の概要」 the paper prints no second label.
        multi("summary", "事案の概要").printed(""),
    ];
    impact.extend(service_level());
    impact.push(
        field_of(
            "leak_annexes",
            "報告を行う様式",
            FieldKind::Choices(with::<LeakAnnex>(|a, o| {
                o.label = leak(format!("{}({})【{}】", a.label(), a.title(), a.for_whom()));
            })),
        )
        .head(leak(format!(
            "(3)個人データ、保有個人情報又は特定個人情報の漏えい等について({})",
            tx_ransom::ANNEX_INSTRUCTION
        )))
        .help("別紙1〜3の様式そのものは手引書に含まれていません。漏えい等報告は個人情報保護委員会の様式で行ってください。"),
    );
    impact.extend(history("(4)"));
    s.push(section("2.", "業務への影響", impact));
    s.push(systems(kind));
    s.push(section(
        "4.",
        "ランサムウェアの情報(記入可能な項目で記載してください。)",
        vec![
            multi("ransomware.ransom_note", "脅迫文(身代金を要求する表示)、その他表示されたもの(一部分かるものでも可)").num("(1)"),
            text("ransomware.encrypted_extension", "暗号化されたファイルの拡張子").num("(2)").ex("(例: ファイル名.xxx)"),
            // One line of text on the form (l.532), not three 有/無 choices.
            text("ransomware.facts", "ランサムウェアによる暗号化の有無/リークサイト等を通じた情報漏えいが行われた旨の公開の有無/身代金要求の有無").num("(3)"),
            multi("ransomware.intrusion", "侵入方法").num("(4)").ex("(例: 脆弱性の悪用/フィッシングメール)"),
            multi("ransomware.indicators", "ランサムウェアの特徴(インディケータ情報)")
                .num("(5)")
                .ex("(例: 攻撃元のIPアドレス、事案に係るログ情報等)"),
        ],
    ));
    let mut response = publication_status();
    response.extend([
        field_of(
            "publication_methods",
            "公表の方法",
            FieldKind::Choices(with::<PublicationMethod>(|m, o| {
                if m == PublicationMethod::Other {
                    o.detail = Some(("publication_method_other", ""));
                }
                if m == PublicationMethod::PressRelease {
                    o.rebuilt = Some("抽出では「報道機関等へ」までしか判読できない。");
                }
            })),
        ),
        text("publication_method_other", "公表の方法(その他)"),
        multi("publication_text", "公表文"),
        outlook("(2)"),
        field_of(
            "investigation",
            "外部機関による調査",
            FieldKind::Choice(with::<ExternalInvestigation>(|e, o| {
                if e == ExternalInvestigation::Done {
                    o.rebuilt = Some("抽出では「実施済又は」までしか判読できない。");
                }
            })),
        )
        .num("(3)")
        .rebuilt("抽出では「外部機関によ」までしか判読できない。"),
        text("investigation_detail", "詳細"),
    ]);
    s.extend(closing_sections(
        kind,
        response,
        "(4)",
        "その他(特記事項等)",
    ));
    s
}

// ---------------------------------------------------------------------------------------------
// 情報提供様式 (図7)
// ---------------------------------------------------------------------------------------------

fn advisory() -> FormSpec {
    let kind = FormKind::Advisory;
    FormSpec {
        kind,
        title: kind.name(),
        figure: "図7 情報提供様式",
        direction: Some("(内閣官房→重要インフラ所管省庁)"),
        distribution: None,
        required_note: Some(REQUIRED_NOTE),
        guide: None,
        cautions: None,
        notes: vec![],
        sections: advisory_sections(),
        additions: vec![advisory_indicators()],
    }
}

fn advisory_sections() -> Vec<Section> {
    let kind = FormKind::Advisory;
    let threat = "脅威等の内容";
    vec![
        section(
            "",
            kind.name(),
            vec![
                importance(kind),
                report_number(),
                text("header.identifier", "識別番号").req(),
                datetime("header.provided_at", "情報提供日時").req(),
                field_of(
                    "header.recipients",
                    "情報提供先(所管省庁名及び分野名)",
                    FieldKind::Group {
                        item: vec![
                            text("ministry", "所管省庁名"),
                            field_of("sector", "分野名", one::<Sector>()),
                        ],
                        add_label: "情報提供先を追加",
                        item_label: "情報提供先",
                    },
                )
                .req(),
            ],
        ),
        section(
            "",
            "情報共有範囲",
            vec![
                field_of(
                    "header.tlp",
                    "情報共有範囲",
                    FieldKind::Choice(tlp_options(kind)),
                )
                .req(),
                multi("header.tlp_note", "特記事項"),
            ],
        )
        .req(),
        section(
            "◆",
            "情報提供の内容",
            vec![field_of("header.annex", "別紙有無", one::<YesNo>()).req()],
        )
        .columns(&CONTENT_COLUMNS),
        section("①", "概要", vec![multi("overview", "概要")]).part(threat),
        section("②", "対象", vec![multi("target", "対象")]).part(threat),
        section("③", "対処方針", vec![multi("response", "対処方針")]),
        section("④", "その他", vec![multi("other", "その他")]),
        section(
            "",
            "本件問合せ先(重要インフラ所管省庁からの問合せに限る。)",
            vec![
                text("contact.person", "重要インフラ防護担当"),
                text("contact.phone", "電話番号"),
                text("contact.fax", "FAX番号"),
                text("contact.email", "電子メールアドレス"),
            ],
        )
        .intro(&["国家サイバー統括室"]),
    ]
}

/// インディケータ情報 — not on 図7 (its ③ 対処方針 lists addresses and domains in the text,
/// 図8): the list the published STIX 2.1 bundle carries as `indicator` and `vulnerability`
/// objects.
fn advisory_indicators() -> Section {
    use crate::indicators::IndicatorKind;
    section(
        "",
        "インディケータ情報",
        vec![field_of(
            "indicators",
            "インディケータ",
            FieldKind::Group {
                item: vec![
                    text("value", "値")
                        .help("IPv4/IPv6 アドレスか範囲(198.51.100.0/24)、ドメイン名、URL、ファイルのハッシュ値(MD5・SHA-1・SHA-256・SHA-512)、CVE 番号のいずれか1つ。")
                        .ex("(例: 198.51.100.23)"),
                    field_of("kind", "種類", one::<IndicatorKind>())
                        .help("選ばなければ値の形から判定します(ハッシュ値は桁数から)。"),
                    text("note", "備考").help("1行の短い説明(例: 攻撃の送信元、マルウェアの通信先)。"),
                ],
                add_label: "インディケータを追加",
                item_label: "インディケータ",
            },
        )],
    )
    .intro(&["この欄は図7の様式にはありません。本文(③ 対処方針 など)に書いた IP アドレス・ドメイン名・URL・ハッシュ値・CVE 番号を1行に1つずつ入れると、公開用ファイルに入り、サイトの STIX 2.1 バンドルで機械が照合できる形(indicator / vulnerability)になります。印刷用の表示には入りません。"])
}
