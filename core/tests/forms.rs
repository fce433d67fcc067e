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
    assert_eq!(
        serde_json::to_string(&FormKind::Ransomware).unwrap(),
        "\"ransomware\""
    );
}

#[test]
fn common_forms_have_no_tlp() {
    assert_eq!(Report::new(FormKind::Ddos).tlp(), None);
    let mut r = IncidentReport::default();
    r.header.tlp = Some(kyoyu_core::taxonomy::Tlp::Green);
    assert_eq!(
        Report::from(r).tlp(),
        Some(kyoyu_core::taxonomy::Tlp::Green)
    );
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
    // Labels come from the layout, read in their section (and sub-heading) of the form.
    assert_eq!(
        field_label(FormKind::Ddos, "attacks[3].source.ip"),
        Some("4.(4) 送信元のIPアドレス")
    );
    assert_eq!(
        field_label(FormKind::Incident, "header.tlp"),
        Some("情報共有範囲")
    );
    assert_eq!(
        field_label(FormKind::Incident, "overview.discovered_at"),
        Some("⑤概要 判明日時")
    );
    assert_eq!(
        field_label(FormKind::Incident, "header.contact.email"),
        Some("情報連絡元 電子メールアドレス")
    );
    assert_eq!(
        field_label(FormKind::Incident, "event_type"),
        Some("①発生した事象の類型")
    );
    assert_eq!(
        field_label(FormKind::Incident, "header.annex"),
        Some("別紙有無")
    );
    assert_eq!(
        field_label(FormKind::Incident, "timeline[].at"),
        Some("⑦当該事象に係る推移等 日時")
    );
    // Objects and rows that hold fields are named too.
    assert_eq!(
        field_label(FormKind::Incident, "header.contact"),
        Some("情報連絡元")
    );
    assert_eq!(field_label(FormKind::Incident, "overview"), Some("⑤概要"));
    assert_eq!(
        field_label(FormKind::Incident, "timeline[4]"),
        Some("⑦当該事象に係る推移等の行")
    );
    assert_eq!(field_label(FormKind::Ddos, "attacks[1]"), Some("攻撃"));
    assert_eq!(
        field_label(FormKind::Ransomware, "reporter.representative"),
        Some("1.報告者の概要 代表者の氏名")
    );
}

#[test]
fn labels_follow_the_layout_and_name_one_field_each() {
    for k in FormKind::ALL {
        let all = fields(k);
        let mut seen = std::collections::HashMap::new();
        for f in &all {
            assert!(!f.label.is_empty(), "{k:?}: empty label for {}", f.path);
            assert!(
                !f.label.contains("(※") && !f.label.ends_with('。'),
                "{k:?}: {}",
                f.label
            );
            if let Some(other) = seen.insert(f.label, f.path) {
                panic!("{k:?}: {} and {other} are both 「{}」", f.path, f.label);
            }
        }
        // Every field of the layout has its label, in the layout's order.
        let mut last = 0;
        for s in layout::layout(k) {
            for f in &s.fields {
                let i = all
                    .iter()
                    .position(|x| x.path == f.path)
                    .unwrap_or_else(|| panic!("{k:?}: {}", f.path));
                assert!(i >= last, "{k:?}: {} out of order", f.path);
                last = i;
            }
        }
    }
}

#[test]
fn every_leaf_of_the_fixtures_has_a_label() {
    for (name, text, kind) in FIXTURES {
        let env = Envelope::from_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let paths = env.report.leaf_paths();
        assert!(!paths.is_empty(), "{name}");
        for p in paths {
            assert!(field_label(*kind, &p).is_some(), "{name}: no label for {p}");
        }
    }
}

#[test]
fn paths() {
    assert_eq!(path::field("", "header"), "header");
    assert_eq!(
        path::field(&path::item("attacks", 0), "source"),
        "attacks[0].source"
    );
    assert_eq!(
        path::pattern("attacks[12].source.ip"),
        "attacks[].source.ip"
    );
    assert_eq!(path::first_index("timeline[2].at"), Some(2));
    assert!(path::is_under("timeline[2].at", "timeline"));
    assert!(!path::is_under("timelines", "timeline"));
}

#[test]
fn title_is_short() {
    let mut r = IncidentReport {
        operator_name: "〇〇株式会社".into(),
        ..Default::default()
    };
    r.header.report_number = 2;
    assert_eq!(Report::from(r).title(), "情報連絡様式 第2報 — 〇〇株式会社");
}

// ---- the file format -------------------------------------------------------------------------

use kyoyu_core::envelope::{self, Envelope, FileError};

const FIXTURES: &[(&str, &str, FormKind)] = &[
    (
        "zu5-incident.json",
        include_str!("../../tests/fixtures/zu5-incident.json"),
        FormKind::Incident,
    ),
    (
        "zu8-advisory.json",
        include_str!("../../tests/fixtures/zu8-advisory.json"),
        FormKind::Advisory,
    ),
    (
        "ddos-two-attacks.json",
        include_str!("../../tests/fixtures/ddos-two-attacks.json"),
        FormKind::Ddos,
    ),
    (
        "ransomware.json",
        include_str!("../../tests/fixtures/ransomware.json"),
        FormKind::Ransomware,
    ),
];

#[test]
fn fixtures_round_trip_unchanged() {
    for (name, text, kind) in FIXTURES {
        let env = Envelope::from_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(env.kind(), *kind, "{name}");
        let out = env.to_json_pretty();
        // Same JSON value, and the same text: the fixtures are written in the file's own layout.
        let a: serde_json::Value = serde_json::from_str(text).unwrap();
        let b: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(a, b, "{name}: value changed");
        assert_eq!(&out, text, "{name}: text changed");
        assert_eq!(Envelope::from_json(&out).unwrap(), env, "{name}");
    }
}

#[test]
fn zu5_holds_the_worked_example() {
    let env = Envelope::from_json(FIXTURES[0].1).unwrap();
    let Report::Incident(r) = &env.report else {
        panic!("not incident")
    };
    use kyoyu_core::taxonomy::*;
    assert_eq!(r.header.reported_at, "2023-08-19T13:15");
    assert_eq!(r.header.tlp, Some(Tlp::Green));
    assert_eq!(r.header.annex, Some(YesNo::No));
    assert_eq!(r.event_type, Some(EventType::Destruction));
    assert_eq!(r.overview.system_status, Some(SystemStatus::Stopped));
    assert_eq!(r.external.press, Some(PressStatus::Done));
    assert_eq!(r.outlook, Some(IncidentOutlook::Ongoing));
    assert_eq!(r.timeline.len(), 3);
    assert_eq!(env.report.title(), "情報連絡様式 第1報 — 〇〇株式会社");
}

#[test]
fn fixtures_use_known_law_ids() {
    for (name, text, _) in FIXTURES {
        let env = Envelope::from_json(text).unwrap();
        let laws = match &env.report {
            Report::Ddos(r) => &r.laws,
            Report::Ransomware(r) => &r.laws,
            _ => continue,
        };
        assert!(!laws.is_empty(), "{name}");
        for id in laws {
            assert!(
                kyoyu_core::taxonomy::laws::law(id).is_some(),
                "{name}: unknown law {id}"
            );
        }
    }
}

#[test]
fn broken_json_names_line_and_column() {
    let e = Envelope::from_json("{\n  \"format\": \"kyoyu-report\",\n  \"version\": 1,\n  oops\n}")
        .unwrap_err();
    match &e {
        FileError::Broken { line, column, .. } => {
            assert_eq!(*line, 4);
            assert!(*column >= 3);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("4行"), "{e}");
    assert!(matches!(
        Envelope::from_json(""),
        Err(FileError::Broken { .. })
    ));
    let trunc = &FIXTURES[0].1[..200];
    assert!(matches!(
        Envelope::from_json(trunc),
        Err(FileError::Broken { .. })
    ));
}

#[test]
fn another_format_is_not_kyoyu() {
    for text in [
        r#"{"foo":1}"#,
        "[1,2]",
        "42",
        r#"{"format":"other","version":1}"#,
    ] {
        let e = Envelope::from_json(text).unwrap_err();
        assert_eq!(e, FileError::NotKyoyu, "{text}");
        assert_eq!(e.to_string(), "このファイルは kyoyu の様式ファイルではありません。kyoyu で保存した様式ファイル(.json)を選んでください。");
    }
}

#[test]
fn newer_version_is_refused() {
    let text = FIXTURES[0].1.replace("\"version\": 1", "\"version\": 2");
    let e = Envelope::from_json(&text).unwrap_err();
    assert_eq!(
        e,
        FileError::NewerVersion {
            found: 2,
            supported: 1
        }
    );
    assert!(
        e.to_string()
            .starts_with("このファイルは新しい版 (v2) の kyoyu で作られました。"),
        "{e}"
    );
    for v in ["0", "\"1\"", "-1", "1.5"] {
        let text = FIXTURES[0]
            .1
            .replace("\"version\": 1", &format!("\"version\": {v}"));
        assert!(
            matches!(
                Envelope::from_json(&text),
                Err(FileError::UnknownVersion { .. })
            ),
            "{v}"
        );
    }
}

#[test]
fn wrong_kind_is_refused() {
    let e = Envelope::from_json_expecting(FIXTURES[0].1, FormKind::Advisory).unwrap_err();
    assert_eq!(
        e,
        FileError::KindMismatch {
            expected: FormKind::Advisory,
            found: FormKind::Incident
        }
    );
    assert_eq!(
        e.to_string(),
        "このファイルは情報連絡様式のファイルです。情報提供様式のファイルを選んでください。"
    );
    assert!(Envelope::from_json_expecting(FIXTURES[0].1, FormKind::Incident).is_ok());
    let text = FIXTURES[0]
        .1
        .replace("\"kind\": \"incident\"", "\"kind\": \"phishing\"");
    assert!(matches!(
        Envelope::from_json(&text),
        Err(FileError::UnknownKind { .. })
    ));
}

#[test]
fn invalid_report_gives_no_partial_report() {
    let text = FIXTURES[0]
        .1
        .replace("\"tlp\": \"GREEN\"", "\"tlp\": \"PURPLE\"");
    let e = Envelope::from_json(&text).unwrap_err();
    assert!(matches!(e, FileError::InvalidReport { .. }), "{e:?}");
    assert!(e.to_string().contains("読み込めません"));
    let text = FIXTURES[0]
        .1
        .replace("\"report_number\": 1", "\"report_number\": \"一\"");
    assert!(matches!(
        Envelope::from_json(&text),
        Err(FileError::InvalidReport { .. })
    ));
    let text = FIXTURES[0].1.replace("\"number\": 1", "\"number\": 5");
    assert!(matches!(
        Envelope::from_json(&text),
        Err(FileError::InvalidReport { .. })
    ));
    let no_report = r#"{"format":"kyoyu-report","version":1,"kind":"ddos"}"#;
    assert!(matches!(
        Envelope::from_json(no_report),
        Err(FileError::InvalidReport { .. })
    ));
}

#[test]
fn partial_file_loads() {
    let text = r#"{"format":"kyoyu-report","version":1,"kind":"ddos","report":{"attacks":[{"source":{"ip":"192.0.2.1"}}]}}"#;
    let env = Envelope::from_json(text).unwrap();
    let Report::Ddos(r) = &env.report else {
        panic!()
    };
    assert_eq!(r.attacks[0].source.ip, "192.0.2.1");
    assert_eq!(env.number(), 1);
    assert_eq!(env.series, envelope::Series::default());
}

#[test]
fn migration_machinery_applies_steps_in_order() {
    use serde_json::{json, Map, Value};
    // A synthetic v1 → v2 → v3 history: v2 renamed "tlp_label" to "tlp", v3 added "series".
    fn v1_to_v2(doc: &mut Map<String, Value>) -> Result<(), FileError> {
        let report = doc
            .get_mut("report")
            .and_then(Value::as_object_mut)
            .ok_or(FileError::NotKyoyu)?;
        if let Some(t) = report.remove("tlp_label") {
            report.insert("tlp".into(), t);
        }
        Ok(())
    }
    fn v2_to_v3(doc: &mut Map<String, Value>) -> Result<(), FileError> {
        doc.entry("series").or_insert(json!({"id": "migrated"}));
        Ok(())
    }
    let steps: &[envelope::MigrationStep] = &[v1_to_v2, v2_to_v3];
    let Value::Object(mut doc) =
        json!({"format": "kyoyu-report", "version": 1, "report": {"tlp_label": "RED"}})
    else {
        unreachable!()
    };
    envelope::migrate_with(&mut doc, 1, 1, steps).unwrap();
    assert_eq!(
        Value::Object(doc.clone()),
        json!({"format": "kyoyu-report", "version": 3, "report": {"tlp": "RED"}, "series": {"id": "migrated"}})
    );
    let Value::Object(mut doc2) = json!({"version": 2, "report": {}}) else {
        unreachable!()
    };
    envelope::migrate_with(&mut doc2, 2, 1, steps).unwrap();
    assert_eq!(doc2["version"], json!(3));
    assert!(doc2.contains_key("series"));
    // The current version needs no step.
    let mut doc3 = Map::new();
    envelope::migrate(&mut doc3, envelope::VERSION).unwrap();
    assert!(doc3.is_empty());
}

#[test]
fn schemas_are_generated_for_every_form() {
    for k in FormKind::ALL {
        let s = envelope::schema(k);
        assert_eq!(s["properties"]["kind"]["const"], k.id());
        assert_eq!(s["properties"]["format"]["const"], "kyoyu-report");
        let text = s.to_string();
        assert!(text.contains("report_number"), "{k:?}");
    }
    let s = envelope::schema(FormKind::Ddos).to_string();
    assert!(s.contains("T1498-001") && s.contains("started_at"));
    let s = envelope::schema(FormKind::Incident).to_string();
    assert!(s.contains("AMBER+STRICT") && s.contains("情報共有範囲"));
}
