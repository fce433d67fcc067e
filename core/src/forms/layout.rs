//! A declarative description of each form, as the official form numbers it (①–⑨ for
//! 情報連絡様式, 1.–7. for the 共通様式, ①–④ for 情報提供様式): sections → fields, each with
//! its path, the form's label, whether the form marks it `*`, its kind and the handbook's help
//! at that place.
//!
//! One description serves the app's editor (which renders a generic input per [`FieldKind`])
//! and the plain-text renderer (which walks it). The print view follows the official layout
//! and uses the same paths and options.
//!
//! ```
//! use kyoyu_core::forms::{layout, FormKind};
//! let sections = layout::layout(FormKind::Incident);
//! assert_eq!(sections.iter().find(|s| s.number == "②").unwrap().fields[0].path, "causes");
//! ```

use std::sync::OnceLock;

use serde_json::Value;

use super::texts;
use super::FormKind;
use crate::taxonomy::laws;
use crate::taxonomy::{
    Cause, Choice, CommonOutlook, DdosAttackType, EventType, ExternalInvestigation, Importance,
    IncidentOutlook, LeakAnnex, NewOrFollowUp, Note, PpcContact, PressStatus, Publication,
    PublicationMethod, Sector, SystemStatus, Tlp, YesNo,
};

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
    pub fields: Vec<FieldSpec>,
}

impl Section {
    /// 「① 発生した事象の類型」 — number and title as one heading.
    pub fn heading(&self) -> String {
        match self.number {
            "" => self.title.to_string(),
            n => format!("{n}{}", self.title),
        }
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
    /// A sub-heading the form prints before this field (「(2)攻撃の種類」), if any.
    pub heading: Option<&'static str>,
    /// The form marks it `*`.
    pub required: bool,
    pub kind: FieldKind,
    /// The handbook's help at this place (記載上の注意, notes, 表4/表5 text).
    pub help: Option<&'static str>,
    /// The form's example (「(例: 10Gbps, 1,000,000pps, 1万RPS 等)」), for a placeholder.
    pub example: Option<&'static str>,
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
    /// The path of the text that goes with it on the form (その他 ( … ), 【公表日】), relative
    /// like the field's own path.
    pub detail: Option<&'static str>,
}

/// The sections of a form, in the form's order. Built once; cheap to call.
pub fn layout(kind: FormKind) -> &'static [Section] {
    static CACHE: OnceLock<[Vec<Section>; 4]> = OnceLock::new();
    let all = CACHE.get_or_init(|| [incident(), ddos(), ransomware(), advisory()]);
    match kind {
        FormKind::Incident => &all[0],
        FormKind::Ddos => &all[1],
        FormKind::Ransomware => &all[2],
        FormKind::Advisory => &all[3],
    }
}

/// The field whose full path pattern is `pattern` (`timeline[].at` or `timeline[3].at`), with
/// the section it is in.
pub fn find(kind: FormKind, pattern: &str) -> Option<(&'static Section, &'static FieldSpec)> {
    let pattern = super::path::pattern(pattern);
    for s in layout(kind) {
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

/// The value at `path` (`header.tlp`, `timeline[2].at`) of a report's JSON value
/// ([`super::Report::to_value`]).
pub fn get<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = value;
    for seg in path.split('.') {
        if seg.is_empty() {
            continue;
        }
        let (name, rest) = match seg.find('[') {
            Some(i) => (&seg[..i], &seg[i..]),
            None => (seg, ""),
        };
        if !name.is_empty() {
            v = v.get(name)?;
        }
        let mut rest = rest;
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            let idx: usize = stripped[..end].parse().ok()?;
            v = v.get(idx)?;
            rest = &stripped[end + 1..];
        }
    }
    Some(v)
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn field(path: &'static str, label: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        path,
        label,
        heading: None,
        required: false,
        kind,
        help: None,
        example: None,
    }
}

fn text(path: &'static str, label: &'static str) -> FieldSpec {
    field(path, label, FieldKind::Text)
}

fn multi(path: &'static str, label: &'static str) -> FieldSpec {
    field(path, label, FieldKind::MultiLine)
}

impl FieldSpec {
    fn req(mut self) -> Self {
        self.required = true;
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
}

fn section(number: &'static str, title: &'static str, fields: Vec<FieldSpec>) -> Section {
    Section {
        number,
        title,
        part: None,
        required: false,
        intro: vec![],
        notes: vec![],
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
}

/// The options of a [`Choice`] enum, with its labels.
pub fn options<E: Choice>() -> Vec<Opt> {
    E::ALL
        .iter()
        .map(|c| Opt {
            id: c.id(),
            label: c.label(),
            group: None,
            help: None,
            detail: None,
        })
        .collect()
}

fn with<E: Choice>(f: impl Fn(E, &mut Opt)) -> Vec<Opt> {
    E::ALL
        .iter()
        .map(|&c| {
            let mut o = Opt {
                id: c.id(),
                label: c.label(),
                group: None,
                help: None,
                detail: None,
            };
            f(c, &mut o);
            o
        })
        .collect()
}

fn one<E: Choice>() -> FieldKind {
    FieldKind::Choice(options::<E>())
}

/// Texts composed once from the taxonomy's parts (the layout is built once per process).
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Each TLP label with the form's scope text and 表5's definition as its help.
fn tlp_options(kind: FormKind) -> Vec<Opt> {
    with::<Tlp>(|t, o| {
        o.help = Some(leak(format!(
            "{}{} — 表5: {}",
            t.name(),
            texts::tlp_scope(kind, t),
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
            detail: None,
        })
        .collect()
}

/// The common forms print 影響無し; 情報連絡様式 prints 影響なし.
fn common_status_options() -> Vec<Opt> {
    with::<SystemStatus>(|st, o| o.label = st.common_form_label())
}

fn timeline(path: &'static str, label: &'static str, heading: &'static str) -> FieldSpec {
    field(
        path,
        label,
        FieldKind::Group {
            item: vec![
                field("at", "日時", FieldKind::DateTime),
                multi("description", "事象・対応状況等"),
            ],
            add_label: "行を追加",
            item_label: "行",
        },
    )
    .head(heading)
    .help(texts::incident::TIMELINE_HINT)
}

// ---------------------------------------------------------------------------------------------
// 情報連絡様式 (図4)
// ---------------------------------------------------------------------------------------------

fn incident() -> Vec<Section> {
    use texts::incident as t;
    let notes: std::collections::HashMap<&str, &str> = t::WRITING_NOTES.iter().copied().collect();
    vec![
        section(
            "",
            t::TITLE,
            vec![
                field(
                    "header.importance",
                    t::IMPORTANCE,
                    FieldKind::Choice(importance_options(FormKind::Incident)),
                ),
                field("header.report_number", "第N報", FieldKind::Number).req(),
                text("header.identifier", t::IDENTIFIER)
                    .req()
                    .help(t::FIRST_REPORT_ID_NOTE),
                field("header.reported_at", t::REPORTED_AT, FieldKind::DateTime)
                    .req()
                    .help(notes["header.reported_at"]),
            ],
        )
        .intro(&[t::DIRECTION, t::DISTRIBUTION, texts::REQUIRED_NOTE]),
        section(
            "",
            t::CONTACT,
            vec![
                text("header.contact.ministry", t::MINISTRY),
                text("header.contact.bureau", t::BUREAU),
                text("header.contact.person", t::PERSON),
                text("header.contact.phone", t::PHONE),
                text("header.contact.fax", t::FAX),
                text("header.contact.email", t::EMAIL),
            ],
        )
        .req(),
        section(
            "",
            t::TLP,
            vec![
                field(
                    "header.tlp",
                    t::TLP,
                    FieldKind::Choice(tlp_options(FormKind::Incident)),
                )
                .req(),
                multi("header.tlp_note", t::TLP_NOTE).help(notes["header.tlp_note"]),
            ],
        )
        .req()
        .notes(&[t::NOTE_1]),
        section(
            "①",
            "発生した事象の類型",
            vec![field(
                "event_type",
                "事象の類型",
                FieldKind::Choice(with::<EventType>(|e, o| {
                    o.group = Some(e.class().label());
                    o.help = e.example();
                })),
            )
            .help("最初に検知した事象を1つのみ選択する。(※2)")],
        )
        .notes(&[t::NOTE_2, t::NOTE_3]),
        section(
            "②",
            "上記事象における原因の類型",
            vec![field(
                "causes",
                "原因(複数選択可)",
                FieldKind::Choices(with::<Cause>(|c, o| {
                    o.group = Some(c.group().label());
                    o.help = Some(c.description());
                })),
            )
            .help(notes["causes"])],
        ),
        section(
            "◆",
            "情報連絡の内容(※4)",
            vec![field("header.annex", t::ANNEX, one::<YesNo>()).req()],
        )
        .notes(&[t::NOTE_4]),
        section(
            "③",
            "分野名",
            vec![field("sector", "分野名", one::<Sector>())
                .req()
                .help(t::SECTOR_HINT)],
        )
        .notes(&[t::NOTE_5]),
        section(
            "④",
            "事象が発生した重要インフラ事業者等名",
            vec![text(
                "operator_name",
                "事象が発生した重要インフラ事業者等名",
            )],
        ),
        section(
            "⑤",
            "概要",
            vec![
                field(
                    "overview.discovered_at",
                    t::DISCOVERED_AT,
                    FieldKind::DateTime,
                ),
                field("overview.occurred_at", t::OCCURRED_AT, FieldKind::DateTime),
                text("overview.occurred_at_note", "発生日時の補足").ex("(サーバログ等より推測)"),
                multi("overview.system", t::SYSTEM),
                multi("overview.summary", t::SUMMARY),
                field(
                    "overview.system_status",
                    t::SYSTEM_STATUS,
                    one::<SystemStatus>(),
                ),
            ],
        ),
        section(
            "⑥",
            "重要インフラサービス等への影響",
            vec![
                field("impact.deviation", t::DEVIATION, one::<YesNo>()).help(t::NOTE_6.text),
                field("impact.spread", t::SPREAD, one::<YesNo>()),
            ],
        )
        .notes(&[t::NOTE_6]),
        section(
            "⑦",
            "当該事象に係る推移等",
            vec![
                timeline("timeline", "推移等", "日時 / 事象・対応状況等"),
                multi("supplementary", "補足情報"),
                field(
                    "external.press",
                    t::PRESS,
                    FieldKind::Choice(with::<PressStatus>(|p, o| {
                        if p != PressStatus::None {
                            o.detail = Some("external.press_detail");
                        }
                    })),
                )
                .head(t::EXTERNAL)
                .help(t::PRESS_NOTE),
                multi("external.press_detail", "報道発表等の日時・件名")
                    .help(notes["external.press_detail"]),
                field(
                    "external.ppc",
                    t::PPC,
                    FieldKind::Choice(with::<PpcContact>(|p, o| {
                        if p == PpcContact::Done {
                            o.detail = Some("external.ppc_detail");
                        }
                    })),
                )
                .help(t::PPC_NOTE),
                multi(
                    "external.ppc_detail",
                    "個人情報保護委員会への連絡の日時・件名",
                ),
                multi("external.other_contacts", t::OTHER_CONTACTS),
            ],
        ),
        section(
            "⑧",
            "今後の予定",
            vec![field("outlook", "今後の予定", one::<IncidentOutlook>())],
        ),
        section(
            "⑨",
            "その他・得られた教訓等",
            vec![multi("lessons", "その他・得られた教訓等")],
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// 共通様式 (図4-1, 図4-2)
// ---------------------------------------------------------------------------------------------

fn common_head(kind: FormKind) -> Vec<Section> {
    use texts::common as c;
    let mut head = vec![
        field("header.reported_at", c::REPORTED_AT, FieldKind::DateTime),
        text("header.addressee", "宛先(報告先機関の長)"),
        field(
            "header.new_or_follow_up",
            c::NEW_OR_FOLLOW_UP,
            FieldKind::Choice(with::<NewOrFollowUp>(|n, o| {
                if n == NewOrFollowUp::FollowUp {
                    o.detail = Some("header.previous_reported_at");
                }
            })),
        ),
        field(
            "header.previous_reported_at",
            "前回報告の日時",
            FieldKind::DateTime,
        ),
    ];
    if kind == FormKind::Ransomware {
        head.push(text("receipt_number", "受付番号").help(texts::ransomware::RECEIPT_NUMBER_NOTE));
    }
    head.push(field(
        "header.report_number",
        "第N報(kyoyuの通し番号)",
        FieldKind::Number,
    ));
    let note = match kind {
        FormKind::Ransomware => texts::ransomware::OPT_OUT_NOTE,
        _ => texts::ddos::OPT_OUT_NOTE,
    };
    vec![
        section("", kind.name(), head),
        section(
            "",
            "内閣官房国家サイバー統括室との共有",
            vec![
                field("header.opt_out", c::OPT_OUT, FieldKind::Check),
                multi("header.opt_out_detail", c::OPT_OUT_DETAIL),
            ],
        )
        .intro(&c::SHARING_NOTICE)
        .notes(&[note]),
    ]
}

fn reporter(kind: FormKind) -> Section {
    use texts::common as c;
    let mut f = vec![
        text("reporter.name", c::REPORTER_NAME),
        text("reporter.name_kana", "報告者の氏名又は名称(フリガナ)"),
        text("reporter.corporate_number", c::CORPORATE_NUMBER),
    ];
    if kind == FormKind::Ransomware {
        use texts::ransomware as r;
        f.push(text("reporter.industry", r::INDUSTRY));
        f.push(multi("reporter.address", r::ADDRESS));
        f.push(text("reporter.representative", r::REPRESENTATIVE));
        f.push(text(
            "reporter.representative_kana",
            "代表者の氏名(フリガナ)",
        ));
    }
    f.extend([
        text("reporter.contact_name", c::LIAISON_NAME),
        text("reporter.contact_kana", "事務連絡者の氏名(フリガナ)"),
        text("reporter.department", c::DEPARTMENT),
        text("reporter.phone", c::PHONE),
        text("reporter.email", c::EMAIL),
    ]);
    section("1.", "報告者の概要", f).notes(&[c::NOTE_1, c::NOTE_2])
}

fn service_level() -> Vec<FieldSpec> {
    use texts::common as c;
    vec![
        field("service_level.deviation", c::DEVIATION, one::<YesNo>()).head(c::SERVICE_LEVEL),
        field("service_level.spread", c::SPREAD, one::<YesNo>()),
        multi("service_level.impact", c::SERVICE_IMPACT),
    ]
}

fn publication_status() -> FieldSpec {
    use texts::common as c;
    field(
        "publication.status",
        c::PUBLICATION_CASE,
        FieldKind::Choice(with::<Publication>(|p, o| {
            if matches!(p, Publication::Done | Publication::Planned) {
                o.detail = Some("publication.date");
            }
        })),
    )
    .head(c::PUBLICATION)
}

fn ddos() -> Vec<Section> {
    use crate::taxonomy::ddos as tx;
    use texts::common as c;
    use texts::ddos as d;
    let mut s = common_head(FormKind::Ddos);
    s.push(reporter(FormKind::Ddos));
    let mut impact = vec![multi("summary", "事案の概要").head(c::INCIDENT_SUMMARY)];
    impact.extend(service_level());
    impact.push(timeline("timeline", "事実経過(時系列)", d::TIMELINE));
    s.push(section("2.", "業務への影響", impact));
    s.push(section(
        "3.",
        "影響を受けたシステム",
        vec![
            multi("systems.equipment", c::DEVICES),
            field(
                "systems.status",
                "システムの稼働状況",
                FieldKind::Choice(common_status_options()),
            ),
        ],
    ));
    let types = with::<DdosAttackType>(|a, o| {
        o.help = a.japanese_name().map(|ja| {
            let ex = a.example().map(|e| format!("({e})")).unwrap_or_default();
            let note = a.note().map(|n| format!(" {n}")).unwrap_or_default();
            leak(format!("{ja}{ex}{note}"))
        });
        if a == DdosAttackType::Other {
            o.detail = Some("type_other");
        }
    });
    s.push(
        section(
            "4.",
            "攻撃の情報",
            vec![field(
                "attacks",
                "攻撃",
                FieldKind::Group {
                    item: vec![
                        field("started_at", d::STARTED, FieldKind::MonthDayTime).head(d::PERIOD),
                        field("ended_at", d::ENDED, FieldKind::MonthDayTime),
                        multi("note", d::PERIOD_NOTE),
                        field("types", "攻撃類型", FieldKind::Choices(types)).head(d::KIND),
                        text("type_other", "その他の攻撃の種類"),
                        multi("type_detail", "詳細").ex(tx::DETAIL_EXAMPLE),
                        text("protocol", "通信プロトコル")
                            .head(d::PROTOCOL)
                            .ex(tx::PROTOCOL_EXAMPLE),
                        multi("source.ip", d::SOURCE_IP)
                            .head(d::SOURCE)
                            .help(tx::MANY_SOURCES_NOTE),
                        text("source.port", d::SOURCE_PORT),
                        multi("source.equipment", d::SOURCE_DEVICE),
                        multi("destination.ip", d::TARGET_IP).head(d::TARGET),
                        text("destination.port", d::TARGET_PORT),
                        multi("destination.service", d::TARGET_SERVICE),
                        text("volume", "通信量")
                            .head(d::VOLUME)
                            .ex(tx::TRAFFIC_EXAMPLE),
                    ],
                    add_label: "攻撃を追加(別の表を作成)",
                    item_label: "攻撃",
                },
            )
            .help(tx::ONE_TABLE_PER_ATTACK)],
        )
        .intro(&[tx::MANY_SOURCES_NOTE]),
    );
    s.push(section(
        "5.",
        "今後の対応",
        vec![
            publication_status(),
            field("publication.date", "公表日/公表予定日", FieldKind::Date),
            field("outlook", "今後の予定", one::<CommonOutlook>()).head(c::OUTLOOK),
        ],
    ));
    s.push(section(
        "6.",
        "本様式の届出先・報告の根拠規定等",
        vec![field(
            "laws",
            "根拠規定等",
            FieldKind::Laws(law_options(FormKind::Ddos)),
        )
        .help(c::LAWS_NOTE)],
    ));
    s.push(section(
        "7.",
        "その他(有効な対策等)",
        vec![multi("other", "その他(有効な対策等)")],
    ));
    s
}

fn ransomware() -> Vec<Section> {
    use texts::common as c;
    use texts::ransomware as r;
    let mut s = common_head(FormKind::Ransomware);
    s.push(reporter(FormKind::Ransomware));
    let mut impact = vec![
        multi("summary", "事案の概要").head(c::INCIDENT_SUMMARY),
        field("occurred_at", r::OCCURRED_AT, FieldKind::DateTime),
        field("discovered_at", r::DISCOVERED_AT, FieldKind::DateTime),
    ];
    impact.extend(service_level());
    impact.push(
        field(
            "leak_annexes",
            "報告を行う様式",
            FieldKind::Choices(with::<LeakAnnex>(|a, o| {
                o.help = Some(leak(format!("({})【{}】", a.title(), a.for_whom())));
            })),
        )
        .head(r::LEAK)
        .help(leak(format!(
            "{} {}",
            crate::taxonomy::ransomware::ANNEX_INSTRUCTION,
            r::LEAK_ANNEX_HINT
        ))),
    );
    impact.push(timeline("timeline", "事実経過(時系列)", r::TIMELINE));
    s.push(section("2.", "業務への影響", impact));
    s.push(section(
        "3.",
        "影響を受けたシステム",
        vec![
            multi("systems.equipment", c::DEVICES),
            field(
                "systems.status",
                "システムの稼働状況",
                FieldKind::Choice(common_status_options()),
            ),
            multi("systems.environment", r::ENVIRONMENT),
            multi("systems.topology", r::TOPOLOGY),
        ],
    ));
    s.push(section(
        "4.",
        "ランサムウェアの情報(記入可能な項目で記載してください。)",
        vec![
            multi("ransomware.ransom_note", "脅迫文・その他表示されたもの").head(r::DISPLAYED),
            text(
                "ransomware.encrypted_extension",
                "暗号化されたファイルの拡張子",
            )
            .head(r::EXTENSION)
            .ex(r::EXTENSION_EXAMPLE),
            field("ransomware.encrypted", r::ENCRYPTED, one::<YesNo>()).head(r::FACTS),
            field("ransomware.leak_site", r::LEAK_SITE, one::<YesNo>()),
            field(
                "ransomware.ransom_demanded",
                r::RANSOM_DEMAND,
                one::<YesNo>(),
            ),
            multi("ransomware.intrusion", "侵入方法")
                .head(r::INTRUSION)
                .ex(r::INTRUSION_EXAMPLE),
            multi("ransomware.indicators", "インディケータ情報")
                .head(r::INDICATORS)
                .ex(r::INDICATORS_EXAMPLE),
        ],
    ));
    s.push(section(
        "5.",
        "今後の対応",
        vec![
            publication_status(),
            field("publication.date", "公表日/公表予定日", FieldKind::Date),
            field(
                "publication_methods",
                r::PUBLICATION_METHOD,
                FieldKind::Choices(with::<PublicationMethod>(|m, o| {
                    if m == PublicationMethod::Other {
                        o.detail = Some("publication_method_other");
                    }
                })),
            ),
            text("publication_method_other", "公表の方法(その他)"),
            multi("publication_text", r::PUBLICATION_TEXT),
            field("outlook", "今後の予定", one::<CommonOutlook>()).head(c::OUTLOOK),
            field(
                "investigation",
                "外部機関による調査",
                FieldKind::Choice(options::<ExternalInvestigation>()),
            )
            .head(r::INVESTIGATION),
            multi("investigation_detail", r::INVESTIGATION_DETAIL),
            field(
                "laws",
                "根拠規定等",
                FieldKind::Laws(law_options(FormKind::Ransomware)),
            )
            .head(r::LAWS)
            .help(c::LAWS_NOTE),
        ],
    ));
    s.push(section(
        "6.",
        "その他(特記事項等)",
        vec![multi("other", "その他(特記事項等)")],
    ));
    s
}

// ---------------------------------------------------------------------------------------------
// 情報提供様式 (図7)
// ---------------------------------------------------------------------------------------------

fn advisory() -> Vec<Section> {
    use texts::advisory as a;
    vec![
        section(
            "",
            a::TITLE,
            vec![
                field(
                    "header.importance",
                    "重要度",
                    FieldKind::Choice(importance_options(FormKind::Advisory)),
                ),
                field("header.report_number", "第N報", FieldKind::Number).req(),
                text("header.identifier", a::IDENTIFIER).req(),
                field("header.provided_at", a::PROVIDED_AT, FieldKind::DateTime).req(),
                field(
                    "header.recipients",
                    "情報提供先(所管省庁名及び分野名)",
                    FieldKind::Group {
                        item: vec![
                            text("ministry", "所管省庁名"),
                            field("sector", "分野名", one::<Sector>()),
                        ],
                        add_label: "情報提供先を追加",
                        item_label: "情報提供先",
                    },
                )
                .req(),
            ],
        )
        .intro(&[a::DIRECTION, texts::REQUIRED_NOTE]),
        section(
            "",
            a::TLP,
            vec![
                field(
                    "header.tlp",
                    a::TLP,
                    FieldKind::Choice(tlp_options(FormKind::Advisory)),
                )
                .req(),
                multi("header.tlp_note", a::TLP_NOTE),
            ],
        )
        .req(),
        section(
            "◆",
            "情報提供の内容",
            vec![field("header.annex", "別紙有無", one::<YesNo>()).req()],
        ),
        section("①", "概要", vec![multi("overview", "概要")]).part(a::THREAT),
        section("②", "対象", vec![multi("target", "対象")]).part(a::THREAT),
        section("③", "対処方針", vec![multi("response", "対処方針")]),
        section("④", "その他", vec![multi("other", "その他")]),
        section(
            "",
            a::CONTACT,
            vec![
                text("contact.person", "重要インフラ防護担当(担当者)"),
                text("contact.phone", a::PHONE),
                text("contact.fax", a::FAX),
                text("contact.email", a::EMAIL),
            ],
        )
        .intro(&[a::CONTACT_OFFICE]),
    ]
}
