//! The four form models: kinds, paths and labels.

use kyoyu_core::forms::*;

#[test]
fn kinds_have_ids_and_names() {
    for k in FormKind::ALL {
        assert_eq!(FormKind::from_id(k.id()), Some(k));
        assert!(!k.name().is_empty());
        assert_eq!(Report::new(k).kind(), k);
        assert_eq!(Report::new(k).report_number(), 1);
    }
    assert_eq!(FormKind::Ddos.name(), "DDoS攻撃事案共通様式");
    assert_eq!(serde_json::to_string(&FormKind::Ransomware).unwrap(), "\"ransomware\"");
}

#[test]
fn common_forms_have_no_tlp() {
    assert_eq!(Report::new(FormKind::Ddos).tlp(), None);
    let mut r = IncidentReport::default();
    r.header.tlp = Some(kyoyu_core::taxonomy::Tlp::Green);
    assert_eq!(Report::from(r).tlp(), Some(kyoyu_core::taxonomy::Tlp::Green));
}

#[test]
fn partial_json_loads() {
    let r: IncidentReport = serde_json::from_str(r#"{"header":{"tlp":"GREEN"}}"#).unwrap();
    assert_eq!(r.header.report_number, 1);
    assert_eq!(r.header.tlp, Some(kyoyu_core::taxonomy::Tlp::Green));
}

fn filled(kind: FormKind) -> Report {
    let mut r = Report::new(kind);
    match &mut r {
        Report::Incident(r) => r.timeline.push(TimelineRow::default()),
        Report::Ddos(r) => {
            r.timeline.push(TimelineRow::default());
            r.attacks.push(DdosAttack::default());
        }
        Report::Ransomware(r) => r.timeline.push(TimelineRow::default()),
        Report::Advisory(r) => r.header.recipients.push(Recipient::default()),
    }
    r
}

#[test]
fn every_leaf_path_has_a_label() {
    for k in FormKind::ALL {
        let r = filled(k);
        for p in r.leaf_paths() {
            assert!(field_label(k, &p).is_some(), "{k:?}: no label for {p}");
        }
    }
    assert_eq!(field_label(FormKind::Ddos, "attacks[3].source.ip"), Some("送信元のIPアドレス"));
    assert_eq!(field_label(FormKind::Incident, "header.tlp"), Some("情報共有範囲"));
}

#[test]
fn paths() {
    assert_eq!(path::field("", "header"), "header");
    assert_eq!(path::field(&path::item("attacks", 0), "source"), "attacks[0].source");
    assert_eq!(path::pattern("attacks[12].source.ip"), "attacks[].source.ip");
    assert_eq!(path::first_index("timeline[2].at"), Some(2));
    assert!(path::is_under("timeline[2].at", "timeline"));
    assert!(!path::is_under("timelines", "timeline"));
}

#[test]
fn title_is_short() {
    let mut r = IncidentReport::default();
    r.operator_name = "〇〇株式会社".into();
    r.header.report_number = 2;
    assert_eq!(Report::from(r).title(), "情報連絡様式 第2報 — 〇〇株式会社");
}
