//! The handbook's path of a report (2.1, 2.2): 重要インフラ事業者等 → (セプター事務局) →
//! 重要インフラ所管省庁 → 国家サイバー統括室.
//!
//! - [`to_incident`]: a ministry turns a DDoS or ransomware 共通様式 (図4-1, 図4-2) it received
//!   into a prefilled 情報連絡様式 (図4) for 国家サイバー統括室. Every field it fills is listed
//!   for review ([`Mapped::fields`]); the event type and causes are suggestions read from the
//!   report's content; the original goes with it as 別紙.
//! - [`anonymize`]: a セプター事務局 replaces the operator's name, its contacts and its
//!   identifying numbers before passing a report on, with the list of every change for a
//!   preview ([`Anonymized::changes`]).
//! - [`carry_identifier`]: the 識別番号 that 国家サイバー統括室 assigns, entered once on a
//!   series and carried to every later 続報.
//! - [`Role`] and [`recommend`]: which form the handbook gives each party for each kind of
//!   incident, with one sentence of why and the handbook section.

use serde_json::Value;

use crate::dates::{self, DateKind, Eras, Reading};
use crate::envelope::Envelope;
use crate::forms::{
    field_label, path, DdosReport, FormKind, IncidentReport, PublicationStatus, RansomwareReport,
    Report, ServiceLevel, TimelineRow,
};
use crate::taxonomy::{
    laws, Cause, Choice, CommonOutlook, EventType, IncidentOutlook, PressStatus, Publication,
    Sector, YesNo,
};

// ---------------------------------------------------------------------------------------------
// Who fills which form

/// The four parties of the handbook's information sharing (2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// 重要インフラ事業者等 — reports to its 所管省庁 (or through its セプター事務局).
    Operator,
    /// セプター事務局 — passes an operator's report on, anonymised when the operator wishes.
    Ceptoar,
    /// 重要インフラ所管省庁 — writes the 情報連絡様式 for 国家サイバー統括室.
    Ministry,
    /// 国家サイバー統括室 — assigns the 識別番号, and informs the ministries (情報提供様式).
    Nco,
}

/// The kind of incident, as far as the choice of form goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncidentKind {
    Ddos,
    Ransomware,
    Other,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Operator, Role::Ceptoar, Role::Ministry, Role::Nco];

    /// Stable ASCII id.
    pub fn id(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::Ceptoar => "ceptoar",
            Role::Ministry => "ministry",
            Role::Nco => "nco",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }

    /// As the handbook names the party.
    pub fn label(self) -> &'static str {
        match self {
            Role::Operator => "重要インフラ事業者等",
            Role::Ceptoar => "セプター事務局",
            Role::Ministry => "重要インフラ所管省庁",
            Role::Nco => "国家サイバー統括室",
        }
    }
}

impl IncidentKind {
    pub const ALL: [IncidentKind; 3] = [
        IncidentKind::Ddos,
        IncidentKind::Ransomware,
        IncidentKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            IncidentKind::Ddos => "ddos",
            IncidentKind::Ransomware => "ransomware",
            IncidentKind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<IncidentKind> {
        IncidentKind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            IncidentKind::Ddos => "DDoS攻撃",
            IncidentKind::Ransomware => "ランサムウェア",
            IncidentKind::Other => "その他のシステムの不具合等",
        }
    }
}

/// The form the handbook gives a party, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub form: FormKind,
    /// One sentence of why.
    pub why: &'static str,
    /// The handbook section that says so (「2.1」 …) and the page's anchor on the site.
    pub section: &'static str,
    pub href: &'static str,
}

/// The form for `role` when the incident is of `kind`.
pub fn recommend(role: Role, kind: IncidentKind) -> Recommendation {
    const REPORT_FLOW: &str = "/handbook/kodo-keikaku/joho-renraku/#21-情報連絡の流れ";
    const REPORT_FORMS: &str = "/handbook/kodo-keikaku/joho-renraku/#22-情報連絡様式";
    const ADVISORY_FLOW: &str = "/handbook/kodo-keikaku/joho-teikyo/#31-情報提供の流れ";
    let (form, why, section) = match (role, kind) {
        (Role::Operator | Role::Ceptoar, IncidentKind::Ddos) => (
            FormKind::Ddos,
            "DDoS攻撃の被害組織は、所管省庁への報告にDDoS攻撃事案共通様式(図4-1)を使えます。所管省庁はこれを情報連絡様式に代えて国家サイバー統括室に共有できます。",
            "2.2",
        ),
        (Role::Operator | Role::Ceptoar, IncidentKind::Ransomware) => (
            FormKind::Ransomware,
            "ランサムウェアの被害組織は、所管省庁への報告にランサムウェア事案共通様式(図4-2)を使えます。所管省庁はこれを情報連絡様式に代えて国家サイバー統括室に共有できます。",
            "2.2",
        ),
        (Role::Operator, IncidentKind::Other) => (
            FormKind::Incident,
            "事業者等は所管省庁(又はセプター事務局)に連絡し、所管省庁が情報連絡様式で国家サイバー統括室に連絡します。所管省庁の求めに応じて、情報連絡様式の項目で事象を伝えてください。",
            "2.1",
        ),
        (Role::Ceptoar, IncidentKind::Other) => (
            FormKind::Incident,
            "セプター事務局は事業者等からの情報を、事業者等が望めば事業者名等を匿名化して、所管省庁に情報連絡様式の項目で伝えます。",
            "2.1",
        ),
        (Role::Ministry, _) => (
            FormKind::Incident,
            "所管省庁は事業者等から受けた報告を情報連絡様式(図4)で国家サイバー統括室に連絡します。共通様式で受けた報告は、そのまま情報連絡様式に変換できます。",
            "2.1",
        ),
        (Role::Nco, _) => (
            FormKind::Advisory,
            "国家サイバー統括室は情報連絡に識別番号を付与し、所管省庁への情報提供には情報提供様式(図7)を使います。",
            "3.1",
        ),
    };
    let href = match section {
        "2.2" => REPORT_FORMS,
        "3.1" => ADVISORY_FLOW,
        _ => REPORT_FLOW,
    };
    Recommendation {
        form,
        why,
        section,
        href,
    }
}

// ---------------------------------------------------------------------------------------------
// 共通様式 → 情報連絡様式

/// How a field of the 情報連絡様式 got its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// Copied from the common form (dates in the form's written format).
    Copied,
    /// Suggested from the common form's content (event type, causes, sector, dates without a
    /// year): to be checked before sending.
    Suggested,
}

/// One field of the new 情報連絡様式, for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedField {
    /// The field's path in the 情報連絡様式 (`operator_name`, `timeline[0].at` …).
    pub path: String,
    /// Its label on the 情報連絡様式.
    pub label: String,
    /// Where it came from, in the common form's words.
    pub from: String,
    pub how: How,
}

/// A prefilled 情報連絡様式, and what to review.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    pub report: IncidentReport,
    /// Every field filled, in the 情報連絡様式's order.
    pub fields: Vec<MappedField>,
    /// The original, to send with it as 別紙: its name.
    pub annex: String,
    /// What the ministry must see before sending (the operator's 「共有等を希望しない」).
    pub cautions: Vec<String>,
}

/// Why a report cannot be turned into a 情報連絡様式.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowError {
    /// Not one of the two 共通様式.
    NotCommonForm(FormKind),
}

impl std::fmt::Display for FlowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FlowError::NotCommonForm(k) => write!(
                f,
                "{}は情報連絡様式に変換できません。変換できるのはDDoS攻撃事案共通様式とランサムウェア事案共通様式です。",
                k.name()
            ),
        }
    }
}

impl std::error::Error for FlowError {}

/// The 情報連絡様式 a ministry sends 国家サイバー統括室 for `source`, a DDoS or ransomware
/// 共通様式 it received (2.2: 「所管省庁は…共通様式を情報連絡様式に代えて…」).
///
/// Filled: ④ operator, ③ sector (from the 業種 or the 根拠規定, suggested), ⑤ summary, dates,
/// system and its state, ⑥ service level, ⑦ timeline and 対外的な対応状況 (公表 → 報道発表),
/// ⑧ outlook, ⑨ その他; ① and ② suggested from the content; 情報連絡日時 = the report's own
/// 報告日時 (「いつ時点での内容か」); 別紙有無 = 有 (the original). Left for the ministry:
/// 情報連絡元 (itself), 情報共有範囲, 重要度, 識別番号 (assigned by 国家サイバー統括室).
pub fn to_incident(source: &Report) -> Result<Mapped, FlowError> {
    let mut m = Mapper::new(source);
    match source {
        Report::Ddos(r) => m.ddos(r),
        Report::Ransomware(r) => m.ransomware(r),
        other => return Err(FlowError::NotCommonForm(other.kind())),
    }
    Ok(m.finish())
}

struct Mapper<'a> {
    source: &'a Report,
    out: IncidentReport,
    fields: Vec<MappedField>,
    cautions: Vec<String>,
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl<'a> Mapper<'a> {
    fn new(source: &'a Report) -> Mapper<'a> {
        Mapper {
            source,
            out: IncidentReport::default(),
            fields: Vec::new(),
            cautions: Vec::new(),
        }
    }

    fn note(&mut self, to: &str, from: &str, how: How) {
        let label = field_label(FormKind::Incident, to)
            .unwrap_or(to)
            .to_string();
        let from = field_label(self.source.kind(), from)
            .unwrap_or(from)
            .to_string();
        self.fields.push(MappedField {
            path: to.to_string(),
            label,
            from,
            how,
        });
    }

    /// A date of the common form (和暦 allowed there) in the 情報連絡様式's 西暦.
    fn date(&mut self, value: &str, to: &str, from: &str) -> String {
        if !filled(value) {
            return String::new();
        }
        self.note(to, from, How::Copied);
        dates::written(value, DateKind::DateTime, Eras::AlsoJapanese)
            .unwrap_or_else(|| value.trim().to_string())
    }

    fn text(&mut self, value: &str, to: &str, from: &str) -> String {
        if filled(value) {
            self.note(to, from, How::Copied);
        }
        value.trim().to_string()
    }

    fn common(&mut self, h: &crate::forms::CommonHeader, name: &str, summary: &str) {
        self.out.header.report_number = h.report_number.max(1);
        self.out.header.reported_at =
            self.date(&h.reported_at, "header.reported_at", "header.reported_at");
        self.out.header.annex = Some(YesNo::Yes);
        self.note("header.annex", "元の報告(別紙として添付)", How::Copied);
        self.out.operator_name = self.text(name, "operator_name", "reporter.name");
        self.out.overview.summary = self.text(summary, "overview.summary", "summary");
        if h.opt_out {
            self.cautions.push(format!(
                "報告者は「内閣官房国家サイバー統括室への共有等を希望しない。」にチェックしています(内容: {})。国家サイバー統括室に送る前に、希望しない内容が含まれていないか確かめてください。",
                if filled(&h.opt_out_detail) { h.opt_out_detail.trim() } else { "記載なし" }
            ));
        }
    }

    fn service_level(&mut self, s: &ServiceLevel) {
        self.out.impact.deviation = s.deviation;
        if s.deviation.is_some() {
            self.note("impact.deviation", "service_level.deviation", How::Copied);
        }
        self.out.impact.spread = s.spread;
        if s.spread.is_some() {
            self.note("impact.spread", "service_level.spread", How::Copied);
        }
    }

    fn timeline(&mut self, rows: &[TimelineRow]) {
        for (i, row) in rows.iter().enumerate() {
            if !filled(&row.at) && !filled(&row.description) {
                continue;
            }
            let n = self.out.timeline.len();
            let at = dates::written(&row.at, DateKind::DateTime, Eras::AlsoJapanese)
                .unwrap_or_else(|| row.at.trim().to_string());
            self.out.timeline.push(TimelineRow {
                at,
                description: row.description.trim().to_string(),
            });
            self.note(
                &path::item("timeline", n),
                &path::item("timeline", i),
                How::Copied,
            );
        }
    }

    fn publication(&mut self, p: &PublicationStatus, detail: &str) {
        let press = match p.status {
            Some(Publication::Done) => Some(PressStatus::Done),
            Some(Publication::Planned) => Some(PressStatus::Planned),
            Some(Publication::None) => Some(PressStatus::None),
            // 検討中 has no 報道発表 option: left for the ministry.
            Some(Publication::Considering) | None => None,
        };
        if press.is_none() {
            return;
        }
        self.out.external.press = press;
        self.note("external.press", "publication.status", How::Copied);
        let mut lines = Vec::new();
        if let Ok(r) = dates::read(&p.date, DateKind::Date, Eras::AlsoJapanese) {
            let which = if p.status == Some(Publication::Planned) {
                "公表予定日"
            } else {
                "公表日"
            };
            lines.push(format!("{which}: {}", r.shown()));
        }
        if filled(detail) {
            lines.push(detail.trim().to_string());
        }
        if !lines.is_empty() {
            self.out.external.press_detail = lines.join("\n");
            self.note("external.press_detail", "publication.date", How::Copied);
        }
    }

    fn outlook(&mut self, o: Option<CommonOutlook>) {
        // 情報連絡様式 ⑧ has four options; 対応策を継続中 is 「今後の対応策を継続検討」.
        self.out.outlook = o.map(|o| match o {
            CommonOutlook::Ongoing => IncidentOutlook::Ongoing,
            CommonOutlook::Continuing => IncidentOutlook::Considering,
            CommonOutlook::Completed => IncidentOutlook::Completed,
        });
        if o.is_some() {
            self.note("outlook", "outlook", How::Copied);
        }
    }

    fn sector(&mut self, industry: &str, law_ids: &[String]) {
        let from_industry = sector_in_text(industry).map(|s| (s, "reporter.industry"));
        let from_laws = law_ids
            .iter()
            .find_map(|id| sector_of_law(id))
            .map(|s| (s, "laws"));
        if let Some((s, from)) = from_industry.or(from_laws) {
            self.out.sector = Some(s);
            self.note("sector", from, How::Suggested);
        }
    }

    /// 届出先・根拠規定 → ⑦ その他国家サイバー統括室以外に連絡を行った先.
    fn laws(&mut self, law_ids: &[String]) {
        let names: Vec<&str> = law_ids
            .iter()
            .filter_map(|id| laws::law(id))
            .map(|l| l.text)
            .collect();
        if !names.is_empty() {
            self.out.external.other_contacts =
                format!("本様式の届出先・報告の根拠規定等: {}", names.join("、"));
            self.note("external.other_contacts", "laws", How::Copied);
        }
    }

    fn suggest(&mut self, event: EventType, causes: Vec<Cause>, from: &str) {
        self.out.event_type = Some(event);
        self.note("event_type", from, How::Suggested);
        if !causes.is_empty() {
            let mut causes = causes;
            causes.sort_by_key(|c| Cause::ALL.iter().position(|x| x == c));
            causes.dedup();
            self.out.causes = causes;
            self.note("causes", from, How::Suggested);
        }
    }

    fn ddos(&mut self, r: &DdosReport) {
        self.common(&r.header, &r.reporter.name, &r.summary);
        // ① DDoS: the service could not be used; ② DDoS攻撃等の大量アクセス.
        self.suggest(EventType::Unavailability, vec![Cause::Ddos], "attacks");
        self.sector("", &r.laws);
        // ⑤ 発生日時: the first attack's start, its year from the report's date.
        let year = dates::when(&r.header.reported_at, Eras::AlsoJapanese)
            .ok()
            .map(|w| w.date());
        let first = r
            .attacks
            .iter()
            .filter_map(|a| dates::month_day_time(&a.started_at).ok())
            .min();
        if let (Some(md), Some(reported)) = (first, year) {
            use chrono::Datelike;
            let y = if (md.month, md.day) > (reported.month(), reported.day()) {
                reported.year() - 1
            } else {
                reported.year()
            };
            if let Some(t) = chrono::NaiveDate::from_ymd_opt(y, md.month, md.day)
                .and_then(|d| d.and_hms_opt(md.hour, md.minute, 0))
            {
                self.out.overview.occurred_at = Reading::DateTime(t).written();
                self.note(
                    "overview.occurred_at",
                    "attacks[0].started_at",
                    How::Suggested,
                );
            }
        }
        let services: Vec<&str> = r
            .attacks
            .iter()
            .map(|a| a.destination.service.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let mut system = vec![r.systems.equipment.trim().to_string()];
        system.extend(
            services
                .iter()
                .map(|s| format!("攻撃されているサービス: {s}")),
        );
        system.retain(|s| !s.is_empty());
        system.dedup();
        if !system.is_empty() {
            self.out.overview.system = system.join("\n");
            self.note("overview.system", "systems.equipment", How::Copied);
        }
        self.status(r.systems.status);
        self.service_level(&r.service_level);
        self.timeline(&r.timeline);
        // ⑦ 補足情報: the attacks in one line each, and the service's impact.
        let mut sup = Vec::new();
        for (i, a) in r.attacks.iter().enumerate() {
            let types: Vec<&str> = a.types.iter().map(|t| t.label()).collect();
            let mut parts = vec![format!("攻撃{}", i + 1)];
            let span = [dates::shown(&a.started_at), dates::shown(&a.ended_at)];
            if span.iter().any(|s| !s.is_empty()) {
                parts.push(format!("{}〜{}", span[0], span[1]));
            }
            for p in [
                types.join("・"),
                a.type_detail.trim().to_string(),
                a.protocol.trim().to_string(),
                a.volume.trim().to_string(),
            ] {
                if !p.is_empty() {
                    parts.push(p);
                }
            }
            sup.push(format!("・{}", parts.join(" / ")));
        }
        if filled(&r.service_level.impact) {
            sup.push(format!(
                "・サービス提供への影響: {}",
                r.service_level.impact.trim()
            ));
        }
        self.supplementary(sup, "attacks");
        self.publication(&r.publication, "");
        self.outlook(r.outlook);
        self.laws(&r.laws);
        self.out.lessons = self.text(&r.other, "lessons", "other");
    }

    fn ransomware(&mut self, r: &RansomwareReport) {
        self.common(&r.header, &r.reporter.name, &r.summary);
        let d = &r.ransomware;
        // ① the first event detected: the encryption made systems unusable; a leak when
        // only a leak site showed it; otherwise the infection. (3) is one line of text on the
        // form (「暗号化: 有/リークサイトでの公開: …」): read by its parts.
        let said_yes = |what: &str| {
            d.facts
                .split(['/', '/', '、', '\n'])
                .any(|part| part.contains(what) && part.contains('有'))
        };
        let event = if said_yes("暗号化") || filled(&d.encrypted_extension) {
            EventType::Unavailability
        } else if said_yes("リーク") {
            EventType::Leak
        } else {
            EventType::Malware
        };
        self.suggest(event, causes_in_text(&d.intrusion), "ransomware.intrusion");
        self.sector(&r.reporter.industry, &r.laws);
        self.out.overview.discovered_at =
            self.date(&r.discovered_at, "overview.discovered_at", "discovered_at");
        self.out.overview.occurred_at =
            self.date(&r.occurred_at, "overview.occurred_at", "occurred_at");
        self.out.overview.system =
            self.text(&r.systems.equipment, "overview.system", "systems.equipment");
        self.status(r.systems.status);
        self.service_level(&r.service_level);
        self.timeline(&r.timeline);
        let mut sup = Vec::new();
        for (label, v) in [
            ("サービス提供への影響", &r.service_level.impact),
            ("脅迫文", &d.ransom_note),
            ("暗号化されたファイルの拡張子", &d.encrypted_extension),
            ("暗号化の有無等", &d.facts),
            ("侵入方法", &d.intrusion),
            ("インディケータ情報", &d.indicators),
            ("外部機関による調査", &r.investigation_detail),
        ] {
            if filled(v) {
                sup.push(format!("・{label}: {}", v.trim()));
            }
        }
        self.supplementary(sup, "ransomware");
        let methods: Vec<&str> = r.publication_methods.iter().map(|m| m.label()).collect();
        let mut detail = Vec::new();
        if !methods.is_empty() {
            detail.push(format!("公表の方法: {}", methods.join("、")));
        }
        if filled(&r.publication_text) {
            detail.push(format!("公表文: {}", r.publication_text.trim()));
        }
        self.publication(&r.publication, &detail.join("\n"));
        if r.leak_annexes.is_empty() {
            // Nothing said of 個人情報保護委員会.
        } else {
            self.out.external.ppc = Some(crate::taxonomy::PpcContact::Checking);
            self.note("external.ppc", "leak_annexes", How::Suggested);
        }
        self.outlook(r.outlook);
        self.laws(&r.laws);
        self.out.lessons = self.text(&r.other, "lessons", "other");
    }

    fn status(&mut self, s: Option<crate::taxonomy::SystemStatus>) {
        self.out.overview.system_status = s;
        if s.is_some() {
            self.note("overview.system_status", "systems.status", How::Copied);
        }
    }

    fn supplementary(&mut self, lines: Vec<String>, from: &str) {
        let mut lines = lines;
        lines.push(format!(
            "・詳細は別紙({})のとおり。",
            annex_name(self.source)
        ));
        self.out.supplementary = lines.join("\n");
        self.note("supplementary", from, How::Copied);
    }

    fn finish(mut self) -> Mapped {
        let kind = FormKind::Incident;
        self.fields
            .sort_by_cached_key(|f| crate::forms::order_key(kind, &f.path));
        Mapped {
            annex: annex_name(self.source),
            report: self.out,
            fields: self.fields,
            cautions: self.cautions,
        }
    }
}

/// 「別紙 DDoS攻撃事案共通様式(架空電力株式会社、2025年10月15日 9時0分 報告)」.
pub fn annex_name(source: &Report) -> String {
    let who = match source {
        Report::Ddos(r) => r.reporter.name.trim().to_string(),
        Report::Ransomware(r) => r.reporter.name.trim().to_string(),
        _ => String::new(),
    };
    let at = dates::shown(source.reported_at());
    let mut inner: Vec<String> = Vec::new();
    if !who.is_empty() {
        inner.push(who);
    }
    if !at.is_empty() {
        inner.push(format!("{at} 報告"));
    }
    if inner.is_empty() {
        format!("別紙 {}", source.kind().name())
    } else {
        format!("別紙 {}({})", source.kind().name(), inner.join("、"))
    }
}

/// The sector a 業種 text names (「医療業(83)」 → 医療), by the sectors' names and a few words
/// the 業種 of each sector is written with.
fn sector_in_text(text: &str) -> Option<Sector> {
    const WORDS: [(&str, Sector); 12] = [
        ("病院", Sector::Medical),
        ("診療", Sector::Medical),
        ("電気", Sector::Electricity),
        ("通信", Sector::Telecom),
        ("放送", Sector::Telecom),
        ("銀行", Sector::Finance),
        ("保険", Sector::Finance),
        ("証券", Sector::Finance),
        ("鉄道", Sector::Railway),
        ("地方公共団体", Sector::Government),
        ("水道", Sector::Water),
        ("運輸", Sector::Logistics),
    ];
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    // The longer names first: 「石油化学」 is 化学, not 石油.
    let mut by_name: Vec<Sector> = Sector::ALL.to_vec();
    by_name.sort_by_key(|s| std::cmp::Reverse(s.label().chars().count()));
    by_name
        .into_iter()
        .find(|s| t.contains(s.label()))
        .or_else(|| WORDS.iter().find(|(w, _)| t.contains(w)).map(|(_, s)| *s))
}

/// The sector of a 根拠規定 of the common forms' list (the sector reports; 警察 and the like
/// have none).
fn sector_of_law(id: &str) -> Option<Sector> {
    const PREFIXES: [(&str, Sector); 20] = [
        ("telecom-", Sector::Telecom),
        ("broadcast-", Sector::Telecom),
        ("fsa-", Sector::Finance),
        ("exchange-", Sector::Finance),
        ("book-entry-", Sector::Finance),
        ("fiea-", Sector::Finance),
        ("clearing-", Sector::Finance),
        ("aviation-", Sector::Aviation),
        ("airport-", Sector::Airport),
        ("railway-", Sector::Railway),
        ("electricity-", Sector::Electricity),
        ("gas-", Sector::Gas),
        ("local-government-", Sector::Government),
        ("medical-", Sector::Medical),
        ("water-", Sector::Water),
        ("logistics-", Sector::Logistics),
        ("petrochemical-", Sector::Chemical),
        ("installment-sales-", Sector::Credit),
        ("credit-", Sector::Credit),
        ("petroleum-", Sector::Petroleum),
    ];
    let law = laws::law(id)?;
    if law.kind != laws::LawKind::SectorReport {
        return None;
    }
    if id.starts_with("port-") {
        return Some(Sector::Port);
    }
    PREFIXES
        .iter()
        .find(|(p, _)| id.starts_with(p))
        .map(|(_, s)| *s)
}

/// ② causes suggested by a ransomware report's 侵入方法 (表1's words).
fn causes_in_text(text: &str) -> Vec<Cause> {
    const WORDS: [(&str, Cause); 9] = [
        ("脆弱性", Cause::Vulnerability),
        ("パッチ", Cause::Vulnerability),
        ("フィッシング", Cause::SuspiciousEmail),
        ("メール", Cause::SuspiciousEmail),
        ("パスワード", Cause::IdSpoofing),
        ("認証情報", Cause::IdSpoofing),
        ("委託", Cause::ContractorError),
        ("保守事業者", Cause::ContractorError),
        ("添付ファイル", Cause::SuspiciousFile),
    ];
    let found: Vec<Cause> = WORDS
        .iter()
        .filter(|(w, _)| text.contains(w))
        .map(|(_, c)| *c)
        .collect();
    if found.is_empty() && filled(text) {
        vec![Cause::Other]
    } else if found.is_empty() {
        vec![Cause::Unknown]
    } else {
        found
    }
}

// ---------------------------------------------------------------------------------------------
// セプター事務局's anonymisation

/// One replacement, for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub path: String,
    /// The field's label on its form.
    pub label: String,
    pub before: String,
    pub after: String,
}

/// A report with the operator made anonymous, and every change.
#[derive(Debug, Clone, PartialEq)]
pub struct Anonymized {
    pub report: Report,
    pub changes: Vec<Replacement>,
}

/// What a contact or number becomes where it appears inside a free text (the fields
/// themselves are emptied).
pub const WITHHELD: &str = "(非開示)";

/// The report with the operator's name (and its フリガナ, and the name inside every free
/// text) replaced by `alias` (e.g. 「A社」), its contacts (people, department, address,
/// telephone, e-mail and its domain) and identifying numbers (法人番号, 受付番号) emptied, and
/// replaced by [`WITHHELD`] where a free text repeats them — 2.1: セプター事務局 may pass on an operator's information without naming it.
/// The 情報連絡様式's 情報連絡元 is the sender's own and stays.
pub fn anonymize(report: &Report, alias: &str) -> Anonymized {
    let alias = if filled(alias) { alias.trim() } else { "A社" };
    // The identifying fields of each form: the names (→ alias), and the rest (→ emptied).
    const REPORTER: [&str; 7] = [
        "reporter.name_kana",
        "reporter.corporate_number",
        "reporter.contact_name",
        "reporter.contact_kana",
        "reporter.department",
        "reporter.phone",
        "reporter.email",
    ];
    const RANSOMWARE_ONLY: [&str; 4] = [
        "reporter.address",
        "reporter.representative",
        "reporter.representative_kana",
        "receipt_number",
    ];
    let (names, withheld): (&[&str], Vec<&str>) = match report {
        Report::Incident(_) => (&["operator_name"], Vec::new()),
        Report::Ddos(_) => (&["reporter.name"], REPORTER.to_vec()),
        Report::Ransomware(_) => (
            &["reporter.name"],
            [&REPORTER[..], &RANSOMWARE_ONLY[..]].concat(),
        ),
        Report::Advisory(_) => (&[], Vec::new()),
    };
    let mut value = report.to_value();
    // What to look for inside the free texts: each identifying value, longest first, and
    // the name without its legal form (「架空電力株式会社」 → 「架空電力」).
    let mut needles: Vec<(String, String)> = Vec::new();
    for p in names {
        if let Some(name) = get(&value, p).filter(|s| filled(s)) {
            let name = name.trim().to_string();
            if let Some(short) = short_name(&name) {
                needles.push((short, alias.to_string()));
            }
            needles.push((name, alias.to_string()));
        }
    }
    for p in &withheld {
        if let Some(v) = get(&value, p).filter(|s| filled(s) && s.trim().chars().count() >= 3) {
            needles.push((v.trim().to_string(), WITHHELD.to_string()));
            if let Some(domain) = v
                .trim()
                .split_once('@')
                .map(|(_, d)| d.to_string())
                .filter(|d| d.contains('.'))
            {
                needles.push((domain, "(事業者のドメイン)".to_string()));
            }
        }
    }
    needles.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
    needles.dedup();

    let kind = report.kind();
    let mut changes = Vec::new();
    let identifying: Vec<&str> = names.iter().chain(withheld.iter()).copied().collect();
    let header_contact = |p: &str| p.starts_with("header.contact");
    for p in report.leaf_paths() {
        let Some(before) = get(&value, &p).map(str::to_string) else {
            continue;
        };
        if !filled(&before) {
            continue;
        }
        let after = if names.contains(&p.as_str()) {
            alias.to_string()
        } else if identifying.contains(&p.as_str()) {
            // Emptied, not marked: an empty field is not filled, where a mark would be an
            // invalid telephone, e-mail or 法人番号.
            String::new()
        } else if header_contact(&p) {
            continue;
        } else {
            let mut t = before.clone();
            for (n, r) in &needles {
                t = t.replace(n.as_str(), r);
            }
            t
        };
        if after != before {
            set(&mut value, &p, &after);
            let label = field_label(kind, &p).unwrap_or(&p).to_string();
            changes.push(Replacement {
                path: p,
                label,
                before,
                after,
            });
        }
    }
    let report = Report::from_value(kind, value).unwrap_or_else(|_| report.clone());
    Anonymized { report, changes }
}

/// The name without a legal form at its start or end (株式会社, 医療法人社団 …), when that
/// leaves at least two characters.
fn short_name(name: &str) -> Option<String> {
    const FORMS: [&str; 8] = [
        "株式会社",
        "有限会社",
        "合同会社",
        "一般社団法人",
        "公益財団法人",
        "医療法人社団",
        "医療法人",
        "独立行政法人",
    ];
    let mut s = name.trim().to_string();
    for f in FORMS {
        s = s
            .trim_start_matches(f)
            .trim_end_matches(f)
            .trim()
            .to_string();
    }
    (s != name.trim() && s.chars().count() >= 2).then_some(s)
}

fn pointer(p: &str) -> String {
    // `timeline[2].at` → `/timeline/2/at`
    let mut out = String::new();
    for part in p.split('.') {
        match part.split_once('[') {
            Some((name, rest)) => {
                out.push('/');
                out.push_str(name);
                out.push('/');
                out.push_str(rest.trim_end_matches(']'));
            }
            None => {
                out.push('/');
                out.push_str(part);
            }
        }
    }
    out
}

fn get<'v>(v: &'v Value, p: &str) -> Option<&'v str> {
    v.pointer(&pointer(p)).and_then(Value::as_str)
}

fn set(v: &mut Value, p: &str, s: &str) {
    if let Some(slot) = v.pointer_mut(&pointer(p)) {
        *slot = Value::String(s.to_string());
    }
}

// ---------------------------------------------------------------------------------------------
// 識別番号 of a series

/// Enters the 識別番号 that 国家サイバー統括室 assigned on every report of `series_id` that
/// carries one — each 続報 (第2報 and later) of a 情報連絡様式 («※第1報の識別番号は空欄»),
/// every report of a 情報提供様式 — and returns the 第N報 of those it changed.
pub fn carry_identifier(reports: &mut [Envelope], series_id: &str, identifier: &str) -> Vec<u32> {
    let id = identifier.trim();
    let mut changed = Vec::new();
    for e in reports.iter_mut().filter(|e| e.series.id == series_id) {
        let n = e.report.report_number();
        let slot = match &mut e.report {
            Report::Incident(r) if n >= 2 => &mut r.header.identifier,
            Report::Advisory(r) => &mut r.header.identifier,
            _ => continue,
        };
        if slot != id {
            *slot = id.to_string();
            changed.push(n);
        }
    }
    changed.sort_unstable();
    changed
}

/// The 識別番号 already entered on a report of `series_id` (the latest that has one).
pub fn series_identifier<'e>(
    reports: impl IntoIterator<Item = &'e Envelope>,
    series_id: &str,
) -> Option<String> {
    reports
        .into_iter()
        .filter(|e| e.series.id == series_id)
        .filter_map(|e| {
            let id = match &e.report {
                Report::Incident(r) => &r.header.identifier,
                Report::Advisory(r) => &r.header.identifier,
                _ => return None,
            };
            filled(id).then(|| (e.report.report_number(), id.trim().to_string()))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, id)| id)
}
