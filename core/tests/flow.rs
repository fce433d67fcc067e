//! The handbook's flow (`kyoyu_core::flow`) on the fixtures and 図5: a 共通様式 turned into a
//! 情報連絡様式, the セプター事務局's anonymisation, the 識別番号 along a series, the form for
//! each role; and the one publishable rule (`kyoyu_core::publish`).

use kyoyu_core::envelope::Envelope;
use kyoyu_core::flow::{
    anonymize, carry_identifier, recommend, series_identifier, to_incident, FlowError, How,
    IncidentKind, Role, WITHHELD,
};
use kyoyu_core::follow_up::follow_up;
use kyoyu_core::forms::*;
use kyoyu_core::publish::{publishable, url_safe, Refusal};
use kyoyu_core::taxonomy::*;
use kyoyu_core::validate::{validate, Severity};

const ZU5: &str = include_str!("../../tests/fixtures/zu5-incident.json");
const DDOS: &str = include_str!("../../tests/fixtures/ddos-two-attacks.json");
const RANSOMWARE: &str = include_str!("../../tests/fixtures/ransomware.json");
const ZU8: &str = include_str!("../../tests/fixtures/zu8-advisory.json");

fn load(text: &str) -> Report {
    Envelope::from_json(text).unwrap().report
}

fn mapped_paths(m: &kyoyu_core::flow::Mapped) -> Vec<&str> {
    m.fields.iter().map(|f| f.path.as_str()).collect()
}

#[test]
fn a_ddos_common_form_becomes_a_prefilled_incident_report() {
    let source = load(DDOS);
    let m = to_incident(&source).unwrap();
    let r = &m.report;
    assert_eq!(r.operator_name, "架空電力株式会社");
    assert_eq!(r.header.report_number, 2, "the 第N報 of the series");
    assert_eq!(
        r.header.reported_at, "2025-10-15T09:00",
        "情報連絡日時: as of the report"
    );
    assert_eq!(
        r.header.annex,
        Some(YesNo::Yes),
        "the original goes as 別紙"
    );
    assert!(
        m.annex
            .starts_with("別紙 DDoS攻撃事案共通様式(架空電力株式会社、2025年10月15日 9時0分 報告)"),
        "{}",
        m.annex
    );
    assert!(r.supplementary.contains(&m.annex), "{}", r.supplementary);
    // Suggested from the content: DDoS → システム等の利用困難 and DDoS攻撃等の大量アクセス.
    assert_eq!(r.event_type, Some(EventType::Unavailability));
    assert_eq!(r.causes, vec![Cause::Ddos]);
    assert_eq!(r.sector, Some(Sector::Electricity), "from 電気関係報告規則");
    assert!(r.overview.summary.starts_with("当社の電気料金照会サイト"));
    assert_eq!(
        r.overview.occurred_at, "2025-10-14T08:00",
        "the first attack, its year from the report"
    );
    assert!(
        r.overview.system.contains("Webサーバ 2台")
            && r.overview.system.contains("電気料金照会サイト(Webサーバ)")
    );
    assert_eq!(r.overview.system_status, Some(SystemStatus::Restored));
    assert_eq!(
        (r.impact.deviation, r.impact.spread),
        (Some(YesNo::No), Some(YesNo::No))
    );
    assert_eq!(r.timeline.len(), 6);
    assert_eq!(r.timeline[0].at, "2025-10-14T08:05");
    assert!(
        r.supplementary.contains("攻撃1") && r.supplementary.contains("最大 12Gbps"),
        "{}",
        r.supplementary
    );
    assert!(r.supplementary.contains("サービス提供への影響"));
    // 公表 検討中 has no 報道発表 option: left for the ministry.
    assert_eq!(r.external.press, None);
    assert_eq!(
        r.outlook,
        Some(IncidentOutlook::Considering),
        "対応策を継続中"
    );
    assert!(
        r.external.other_contacts.contains("電気関係報告規則第3条")
            && r.external.other_contacts.contains("警察への相談")
    );
    assert_eq!(
        r.lessons,
        "CDN事業者のDDoS緩和サービスを常時有効とする設定に変更した。"
    );
    // Left for the ministry: itself as 情報連絡元, the TLP, 重要度, the 識別番号.
    assert_eq!(r.header.contact, IncidentContact::default());
    assert_eq!((r.header.tlp, r.header.importance), (None, None));
    assert!(m.cautions.is_empty());

    // Every field filled is listed for review, in the form's order, and only those.
    let paths = mapped_paths(&m);
    for p in [
        "header.reported_at",
        "header.annex",
        "event_type",
        "causes",
        "sector",
        "operator_name",
        "overview.occurred_at",
        "overview.system",
        "overview.summary",
        "overview.system_status",
        "impact.deviation",
        "impact.spread",
        "timeline[0]",
        "timeline[5]",
        "supplementary",
        "external.other_contacts",
        "outlook",
        "lessons",
    ] {
        assert!(paths.contains(&p), "{p} not listed: {paths:?}");
    }
    let mut sorted = m.fields.clone();
    sorted.sort_by_cached_key(|f| order_key(FormKind::Incident, &f.path));
    assert_eq!(sorted, m.fields);
    let how = |p: &str| m.fields.iter().find(|f| f.path == p).unwrap().how;
    assert_eq!(how("event_type"), How::Suggested);
    assert_eq!(how("causes"), How::Suggested);
    assert_eq!(how("sector"), How::Suggested);
    assert_eq!(how("operator_name"), How::Copied);
    let op = m.fields.iter().find(|f| f.path == "operator_name").unwrap();
    assert!(op.label.contains("重要インフラ事業者等名"), "{op:?}");
    assert!(op.from.contains("報告者"), "{op:?}");

    // What the ministry still has to write is exactly what the common form does not know.
    let errors: Vec<String> = validate(&Report::Incident(r.clone()))
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.path)
        .collect();
    assert_eq!(
        errors,
        ["header.identifier", "header.contact", "header.tlp"],
        "第2報: 識別番号 too"
    );
}

#[test]
fn a_ransomware_common_form_becomes_a_prefilled_incident_report() {
    let m = to_incident(&load(RANSOMWARE)).unwrap();
    let r = &m.report;
    assert_eq!(r.operator_name, "医療法人社団 架空会 みなと総合病院");
    assert_eq!(r.sector, Some(Sector::Medical), "from 業種 医療業(83)");
    assert_eq!(
        r.event_type,
        Some(EventType::Unavailability),
        "files were encrypted"
    );
    assert_eq!(
        r.causes,
        vec![Cause::Vulnerability],
        "VPN装置の脆弱性の悪用"
    );
    assert_eq!(r.overview.discovered_at, "2025-11-03T06:45");
    assert_eq!(r.overview.occurred_at, "2025-11-03T02:10");
    assert_eq!(r.impact.deviation, Some(YesNo::Yes));
    assert_eq!(r.external.press, Some(PressStatus::Planned));
    assert!(
        r.external
            .press_detail
            .contains("公表予定日: 2025年11月5日"),
        "{}",
        r.external.press_detail
    );
    assert!(r.external.press_detail.contains("ホームページ"));
    assert_eq!(
        r.external.ppc,
        Some(PpcContact::Checking),
        "a leak report (別紙1) is filed"
    );
    assert_eq!(r.outlook, Some(IncidentOutlook::Ongoing));
    assert!(
        r.supplementary.contains("ファイル名.locked") && r.supplementary.contains("身代金要求: 有")
    );
    // The operator does not want part of it shared: said before anything is sent.
    assert_eq!(m.cautions.len(), 1);
    assert!(
        m.cautions[0].contains("システムの接続形態図"),
        "{:?}",
        m.cautions
    );
    assert!(
        !r.supplementary.contains("別添の接続形態図"),
        "the withheld part is not copied"
    );
}

#[test]
fn wareki_dates_of_a_common_form_arrive_in_seireki() {
    let Report::Ransomware(mut r) = load(RANSOMWARE) else {
        panic!()
    };
    r.discovered_at = "令和7年11月3日 6時45分".into();
    r.timeline[0].at = "R7.11.3 6:45".into();
    let m = to_incident(&Report::Ransomware(r)).unwrap();
    assert_eq!(m.report.overview.discovered_at, "2025-11-03T06:45");
    assert_eq!(m.report.timeline[0].at, "2025-11-03T06:45");
}

#[test]
fn only_the_common_forms_are_turned_into_an_incident_report() {
    assert_eq!(
        to_incident(&load(ZU5)),
        Err(FlowError::NotCommonForm(FormKind::Incident))
    );
    let e = to_incident(&load(ZU8)).unwrap_err();
    assert!(
        e.to_string()
            .contains("情報提供様式は情報連絡様式に変換できません"),
        "{e}"
    );
}

#[test]
fn ceptoar_anonymises_the_operator_with_a_list_of_changes() {
    let source = load(DDOS);
    let a = anonymize(&source, "A社");
    let Report::Ddos(r) = &a.report else { panic!() };
    assert_eq!(r.reporter.name, "A社");
    for v in [
        &r.reporter.name_kana,
        &r.reporter.corporate_number,
        &r.reporter.contact_name,
        &r.reporter.phone,
        &r.reporter.email,
    ] {
        assert_eq!(v, "");
    }
    let phone = a
        .changes
        .iter()
        .find(|c| c.path == "reporter.phone")
        .unwrap();
    assert_eq!(
        (phone.before.as_str(), phone.after.as_str()),
        ("03-0000-1234", "")
    );
    // The e-mail's domain inside the summary (the operator's own site).
    assert!(
        r.summary.contains("https://www.(事業者のドメイン)/"),
        "{}",
        r.summary
    );
    // Nothing identifying is left anywhere in the report.
    let json = a.report.to_value().to_string();
    for secret in [
        "架空電力",
        "7000012050002",
        "情報 一郎",
        "03-0000-1234",
        "example.jp",
        "カクウデンリョク",
    ] {
        assert!(!json.contains(secret), "{secret} left in {json}");
    }
    // The preview lists every change, with the field's label, before and after.
    let name = a
        .changes
        .iter()
        .find(|c| c.path == "reporter.name")
        .unwrap();
    assert_eq!(
        (name.before.as_str(), name.after.as_str()),
        ("架空電力株式会社", "A社")
    );
    assert!(!name.label.is_empty());
    assert!(a.changes.iter().any(|c| c.path == "summary"));
    // Everything else is untouched.
    let changed: Vec<&str> = a.changes.iter().map(|c| c.path.as_str()).collect();
    for c in kyoyu_core::follow_up::diff(&source, &a.report) {
        assert!(
            changed.contains(&c.path.as_str()),
            "{} changed without being listed",
            c.path
        );
    }
    assert_eq!(
        kyoyu_core::follow_up::diff(&source, &a.report).len(),
        a.changes.len()
    );
}

#[test]
fn ceptoar_anonymises_zu5_and_the_ransomware_report() {
    let a = anonymize(&load(ZU5), "");
    let Report::Incident(r) = &a.report else {
        panic!()
    };
    assert_eq!(r.operator_name, "A社", "the default alias");
    assert!(
        r.timeline[0].description.contains("A社のHP"),
        "{}",
        r.timeline[0].description
    );
    // 情報連絡元 is the sender's own (the ministry), not the operator's.
    assert_eq!(r.header.contact.person, "連絡 太郎");

    let a = anonymize(&load(RANSOMWARE), "B病院");
    let Report::Ransomware(r) = &a.report else {
        panic!()
    };
    assert_eq!(r.reporter.name, "B病院");
    assert_eq!(r.reporter.address, "");
    assert_eq!(r.reporter.representative, "");
    let json = a.report.to_value().to_string();
    for secret in [
        "みなと総合病院",
        "東京都港区",
        "架空 太郎",
        "連絡 花子",
        "johobu@",
        "03-0000-5678",
    ] {
        assert!(!json.contains(secret), "{secret} left");
    }
    // Emptied contacts are not filled, not invalid: the report can still be sent.
    assert!(kyoyu_core::validate::ready_to_send(&validate(&a.report)));
    // A contact repeated inside a text is withheld there.
    let Report::Ransomware(mut src) = load(RANSOMWARE) else {
        panic!()
    };
    src.other = "連絡先は 03-0000-5678(連絡 花子)まで。".into();
    let Report::Ransomware(r) = anonymize(&Report::Ransomware(src), "B病院").report else {
        panic!()
    };
    assert_eq!(r.other, format!("連絡先は {WITHHELD}({WITHHELD})まで。"));
}

#[test]
fn the_identifier_is_entered_once_and_carried_to_every_later_report() {
    let first = Envelope::from_json(ZU5).unwrap();
    let second = follow_up(&first, "2023-08-20T10:00");
    let third = follow_up(&second, "2023-08-21T10:00");
    let other = Envelope::new("another-series", Report::new(FormKind::Incident));
    let mut other2 = follow_up(&other, "");
    if let Report::Incident(r) = &mut other2.report {
        r.header.identifier = "KY-OTHER".into();
    }
    let mut all = vec![first, second, third, other, other2];
    let changed = carry_identifier(&mut all, "zu5-example", " KY-2023-0042 ");
    assert_eq!(
        changed,
        vec![2, 3],
        "第1報 stays blank (※第1報の識別番号は空欄)"
    );
    let id = |e: &Envelope| match &e.report {
        Report::Incident(r) => r.header.identifier.clone(),
        _ => unreachable!(),
    };
    assert_eq!(id(&all[0]), "");
    assert_eq!(id(&all[1]), "KY-2023-0042");
    assert_eq!(id(&all[2]), "KY-2023-0042");
    assert_eq!(id(&all[4]), "KY-OTHER", "another series is untouched");
    assert_eq!(
        series_identifier(&all, "zu5-example").as_deref(),
        Some("KY-2023-0042")
    );
    assert_eq!(series_identifier(&all[..1], "zu5-example"), None);
    // Entering it again changes nothing; the next 続報 carries it.
    assert!(carry_identifier(&mut all, "zu5-example", "KY-2023-0042").is_empty());
    assert_eq!(id(&follow_up(&all[2], "")), "KY-2023-0042");
}

#[test]
fn the_form_for_each_role() {
    use FormKind::*;
    let cases = [
        (Role::Operator, IncidentKind::Ddos, Ddos),
        (Role::Operator, IncidentKind::Ransomware, Ransomware),
        (Role::Operator, IncidentKind::Other, Incident),
        (Role::Ceptoar, IncidentKind::Ddos, Ddos),
        (Role::Ministry, IncidentKind::Ddos, Incident),
        (Role::Ministry, IncidentKind::Other, Incident),
        (Role::Nco, IncidentKind::Other, Advisory),
    ];
    for (role, kind, form) in cases {
        let r = recommend(role, kind);
        assert_eq!(r.form, form, "{role:?} {kind:?}");
        assert!(
            r.why.ends_with('。') && r.why.matches('。').count() <= 2,
            "{}",
            r.why
        );
        assert!(r.href.starts_with("/handbook/") && !r.section.is_empty());
    }
    for role in Role::ALL {
        assert_eq!(Role::from_id(role.id()), Some(role));
    }
    for k in IncidentKind::ALL {
        assert_eq!(IncidentKind::from_id(k.id()), Some(k));
    }
}

#[test]
fn publishable_only_when_clear_valid_and_url_safe() {
    let Report::Advisory(mut a) = load(ZU8) else {
        panic!()
    };
    // 図8 is TLP:GREEN, and its 情報提供日時 is masked (2022-XX-XX).
    let refusals = publishable(&a).unwrap_err();
    assert_eq!(refusals[0], Refusal::NotClear(Some(Tlp::Green)));
    assert!(refusals[0].message().contains("TLP:GREEN"));
    assert!(
        refusals.iter().any(|r| r.path() == "header.provided_at"),
        "{refusals:?}"
    );

    a.header.tlp = Some(Tlp::Clear);
    a.header.provided_at = "2025-10-01T10:00".into();
    assert_eq!(publishable(&a), Ok(()));

    a.header.identifier = "KY 2025/0013".into();
    let r = publishable(&a).unwrap_err();
    assert_eq!(r, vec![Refusal::IdNotUrlSafe("KY 2025/0013".into())]);
    assert_eq!(r[0].path(), "header.identifier");
    assert!(r[0].message().contains("URL"));

    a.header.identifier = "KY-2025-0013".into();
    a.header.tlp = None;
    let r = publishable(&a).unwrap_err();
    assert_eq!(
        r,
        vec![Refusal::NotClear(None)],
        "an unchosen TLP is said once"
    );
    // The id names a folder of the site: not too long, not one of its own names.
    a.header.tlp = Some(Tlp::Clear);
    a.header.identifier = "K".repeat(65);
    assert_eq!(publishable(&a).unwrap_err(), vec![Refusal::IdTooLong(65)]);
    a.header.identifier = "Feed.atom".into();
    let r = publishable(&a).unwrap_err();
    assert_eq!(r, vec![Refusal::IdReserved("feed.atom".into())]);
    assert!(r[0].message().contains("/advisories/feed.atom"));
    assert_eq!(
        kyoyu_core::publish::id_refusal(""),
        None,
        "a missing id is validation's"
    );
    assert!(url_safe("KY-2025.0013_a") && !url_safe("-KY") && !url_safe("") && !url_safe("識別"));
}
