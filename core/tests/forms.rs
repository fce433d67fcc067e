//! The four form models: kinds, paths and labels.

use kyoyu_core::forms::FieldPath;
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
        for s in spec::sections(k) {
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
    (
        "ddos-three-attacks.json",
        include_str!("../../tests/fixtures/ddos-three-attacks.json"),
        FormKind::Ddos,
    ),
    (
        "long-text-incident.json",
        include_str!("../../tests/fixtures/long-text-incident.json"),
        FormKind::Incident,
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

// ---------------------------------------------------------------------------------------------
// The specification: one description per form, read by every view

use kyoyu_core::forms::spec::{self, FieldKind, FieldSpec};

fn all_fields(kind: FormKind) -> Vec<(String, &'static FieldSpec)> {
    let mut out = Vec::new();
    for s in spec::sections(kind) {
        for f in &s.fields {
            out.push((f.path.to_string(), f));
            if let FieldKind::Group { item, .. } = &f.kind {
                out.extend(item.iter().map(|i| (format!("{}[].{}", f.path, i.path), i)));
            }
        }
    }
    out
}

#[test]
fn every_path_of_the_specification_is_a_field_of_the_model() {
    // An empty report with one item in every list: each field of the specification is a leaf
    // (or a list, or an object) of the model's JSON, and each leaf of the model is in the spec.
    for kind in FormKind::ALL {
        let mut v = Report::new(kind).to_value();
        for list in ["timeline", "attacks", "header.recipients", "indicators"] {
            if let Some(a) = FieldPath::parse(list)
                .unwrap()
                .get_mut(&mut v)
                .and_then(|x| x.as_array_mut())
            {
                a.push(serde_json::json!({}));
            }
        }
        let report = Report::from_value(kind, v).unwrap();
        let value = report.to_value();
        let patterns = spec::field_patterns(kind);
        for p in &patterns {
            let concrete = p.replace("[]", "[0]");
            assert!(
                FieldPath::parse(&concrete).unwrap().get(&value).is_some(),
                "{kind:?}: {p} is not in the model"
            );
        }
        for leaf in report.leaf_paths() {
            assert!(
                spec::find(kind, &leaf).is_some(),
                "{kind:?}: the model's {leaf} is not in the specification"
            );
        }
    }
}

#[test]
fn every_path_a_check_reports_is_in_the_specification() {
    for (name, text, kind) in FIXTURES {
        let env = Envelope::from_json(text).unwrap();
        let mut reports = vec![env.report.clone(), Report::new(*kind)];
        // A report with every text set to something no check accepts.
        let mut v = env.report.to_value();
        for leaf in env.report.leaf_paths() {
            let p = FieldPath::parse(&leaf).unwrap();
            let free = spec::field(*kind, &leaf).is_some_and(|f| f.kind.options().is_empty());
            if free && p.get(&v).is_some_and(|x| x.is_string()) {
                p.set(
                    &mut v,
                    serde_json::Value::from("令和X年 ＠＠ 999.999.999.999 ﾃｽﾄ"),
                );
            }
        }
        reports.push(Report::from_value(*kind, v).unwrap());
        for r in &reports {
            for f in kyoyu_core::validate::validate(r) {
                let found =
                    spec::find(*kind, &f.path).is_some() || field_label(*kind, &f.path).is_some();
                assert!(
                    found,
                    "{name}: a finding at {} names no field of the specification",
                    f.path
                );
            }
        }
    }
}

/// The specification's own wording: section headings and titles, labels, sub-headings, fixed
/// texts beside fields, as literals.
fn wording() -> Vec<&'static str> {
    let mut out = Vec::new();
    for kind in FormKind::ALL {
        for s in spec::sections(kind) {
            out.push(s.title);
            for (_, f) in all_fields(kind)
                .into_iter()
                .filter(|(p, _)| s.fields.iter().any(|g| p.split('[').next() == Some(g.path)))
            {
                out.extend(
                    [Some(f.label), f.heading, f.aside, f.example]
                        .into_iter()
                        .flatten(),
                );
            }
        }
    }
    // A form's name is `FormKind::name`, which the specification reads.
    out.retain(|w| w.chars().count() >= 4 && !FormKind::ALL.iter().any(|k| k.name() == *w));
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_heading_or_label_is_typed_twice_in_core() {
    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    // The readers of the specification: print, plain text, validation, the forms' models.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["render", "validate", "forms"] {
        sources(&src.join(dir), &mut files);
    }
    files.retain(|(f, _)| !f.ends_with("forms/spec.rs"));
    // Comments may quote the form.
    for (_, text) in files.iter_mut() {
        *text = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
    }
    let words = wording();
    assert!(words.len() > 100, "{}", words.len());
    assert!(files.len() >= 8, "{}", files.len());
    // Written in the specification (or the taxonomy it reads) only — never again by print,
    // plain text or validation.
    let mut twice = Vec::new();
    for w in words {
        let literal = format!("\"{w}\"");
        let typed: Vec<&str> = files
            .iter()
            .filter(|(_, t)| t.contains(&literal))
            .map(|(f, _)| f.as_str())
            .collect();
        if !typed.is_empty() {
            twice.push(format!("「{w}」 in {typed:?}"));
        }
    }
    assert!(twice.is_empty(), "typed twice:\n{}", twice.join("\n"));
    // Within the specification, a section's heading is written once per form.
    for kind in FormKind::ALL {
        let mut seen = std::collections::HashSet::new();
        for s in spec::sections(kind) {
            assert!(seen.insert(s.heading()), "{kind:?}: {} twice", s.heading());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fidelity to the seed (issue 11), item by item; the seed's line numbers in brackets

fn section(kind: FormKind, number: &str) -> &'static spec::Section {
    spec::sections(kind)
        .iter()
        .find(|s| s.number == number)
        .unwrap_or_else(|| panic!("{kind:?} {number}"))
}

/// Item 1 — 図4-1 記載の手引き (2) (l.412): 「1から6までの内容を記載してください。」 The DDoS form is
/// numbered 1.–6.; 本様式の届出先・報告の根拠規定等 is 5.(3) (as 5.(4) on 図4-2, l.543) and その他(有効な
/// 対策等) is 6.
#[test]
fn fidelity_1_the_ddos_form_is_numbered_1_to_6() {
    let numbers: Vec<&str> = spec::sections(FormKind::Ddos)
        .iter()
        .map(|s| s.number)
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(numbers, ["1.", "2.", "3.", "4.", "5.", "6."]);
    let guide = spec::form(FormKind::Ddos).guide.as_ref().unwrap();
    assert!(guide.item_texts[0]
        .1
        .starts_with("1から6までの内容を記載してください。"));
    let (s, f) = spec::find(FormKind::Ddos, "laws").unwrap();
    assert_eq!(s.heading(), "5.今後の対応");
    assert_eq!(
        field_label(FormKind::Ddos, "laws"),
        Some("5.(3) 根拠規定等")
    );
    assert!(matches!(f.kind, FieldKind::Laws(_)));
    let (s, _) = spec::find(FormKind::Ddos, "filed_with").unwrap();
    assert_eq!(
        s.fields
            .iter()
            .find(|f| f.path == "filed_with")
            .unwrap()
            .heading,
        Some("(3)本様式の届出先・報告の根拠規定等")
    );
    assert_eq!(section(FormKind::Ddos, "6.").title, "その他(有効な対策等)");
    // 図4-2 has the same block as 5.(4).
    let r = spec::field(FormKind::Ransomware, "filed_with").unwrap();
    assert_eq!(r.heading, Some("(4)本様式の届出先・報告の根拠規定等"));
}

/// Item 3 — 図4-2 4.(3) (l.532): 「(3)ランサムウェアによる暗号化の有無/リークサイト等を通じた情報漏えい
/// が行われた旨の公開の有無/身代金要求の有無」 followed by one line to write in.
#[test]
fn fidelity_3_ransomware_4_3_is_one_line_of_text() {
    let f = spec::field(FormKind::Ransomware, "ransomware.facts").unwrap();
    assert_eq!(f.kind, FieldKind::Text);
    assert_eq!(f.numbered_label(), "(3)ランサムウェアによる暗号化の有無/リークサイト等を通じた情報漏えいが行われた旨の公開の有無/身代金要求の有無");
    let s = section(FormKind::Ransomware, "4.");
    assert!(
        s.fields
            .iter()
            .all(|f| !matches!(f.kind, FieldKind::Choice(_))),
        "no 有/無 choices in 4."
    );
    // A file written with the three choices of earlier builds keeps the answers.
    let old = r#"{"ransomware":{"encrypted":"yes","leak_site":"no","ransom_demanded":"yes","intrusion":"VPN"}}"#;
    let r: RansomwareReport = serde_json::from_str(old).unwrap();
    assert_eq!(r.ransomware.facts, "暗号化の有無: 有/リークサイト等を通じた情報漏えいが行われた旨の公開の有無: 無/身代金要求の有無: 有");
    assert_eq!(r.ransomware.intrusion, "VPN");
    let json = serde_json::to_value(&r).unwrap();
    assert!(
        json["ransomware"].get("encrypted").is_none(),
        "written in today's shape"
    );
}

/// Item 4 — 図4 (l.277) 「情報連絡日時 年 月 日 時 分」: no `*`.
#[test]
fn fidelity_4_no_star_on_the_date_of_the_incident_form() {
    let f = spec::field(FormKind::Incident, "header.reported_at").unwrap();
    assert!(!f.required);
    // The fields 図4 does mark: 識別番号*, 情報連絡元*, 情報共有範囲*, 別紙有無*, 分野名*, 第N報*.
    let starred: Vec<&str> = all_fields(FormKind::Incident)
        .into_iter()
        .filter(|(_, f)| f.required)
        .map(|(_, f)| f.path)
        .collect();
    assert_eq!(
        starred,
        [
            "header.report_number",
            "header.identifier",
            "header.tlp",
            "header.annex",
            "sector"
        ]
    );
    assert!(
        section(FormKind::Incident, "").required || spec::sections(FormKind::Incident)[1].required,
        "情報連絡元*"
    );
}

/// Item 6 — 2.(3)/2.(4) 事実経過(時系列) (l.418, l.524) is a heading over a free text: the spec has
/// the free text, and the rows only as kyoyu's help.
#[test]
fn fidelity_6_the_history_of_the_common_forms_is_a_free_text() {
    for (kind, n) in [(FormKind::Ddos, "(3)"), (FormKind::Ransomware, "(4)")] {
        let f = spec::field(kind, "timeline_text").unwrap();
        assert_eq!(f.kind, FieldKind::MultiLine);
        assert_eq!(f.numbered_label(), format!("{n}事実経過(時系列)"));
        let rows = spec::field(kind, "timeline").unwrap();
        assert_eq!(
            rows.paper_label(),
            "",
            "the rows print without a label of their own"
        );
    }
}

/// Item 7 — 3. (l.420, l.525): 「・システムの稼働状況 (影響無し/停止中/一部稼働中/復旧済)」, without □.
#[test]
fn fidelity_7_system_status_is_a_bracketed_list_on_the_common_forms() {
    for kind in [FormKind::Ddos, FormKind::Ransomware] {
        let f = spec::field(kind, "systems.status").unwrap();
        assert!(f.bracketed);
        let labels: Vec<&str> = f.kind.options().iter().map(|o| o.label).collect();
        assert_eq!(labels.join("/"), "影響無し/停止中/一部稼働中/復旧済");
    }
    assert!(
        !spec::field(FormKind::Incident, "overview.system_status")
            .unwrap()
            .bracketed,
        "図4 prints □ there"
    );
}

/// Item 8 — wording rebuilt where the seed is illegible is marked as rebuilt: 「外部機関による調査」
/// 「実施済又は実施中」 (l.541), 「報道機関等への資料提供」 (l.538), 「攻撃されているサービス・アプリケーション」
/// (l.429), and the example of T1499-002 (l.424: only 「…攻撃等)」 legible).
#[test]
fn fidelity_8_rebuilt_wording_is_marked() {
    let f = spec::field(FormKind::Ransomware, "investigation").unwrap();
    assert_eq!(f.numbered_label(), "(3)外部機関による調査");
    assert!(f.rebuilt.is_some());
    let done = f.kind.options().iter().find(|o| o.id == "done").unwrap();
    assert_eq!(done.label, "実施済又は実施中");
    assert!(done.rebuilt.is_some());
    let m = spec::field(FormKind::Ransomware, "publication_methods").unwrap();
    let press = m
        .kind
        .options()
        .iter()
        .find(|o| o.id == "press_release")
        .unwrap();
    assert_eq!(press.label, "報道機関等への資料提供");
    assert!(press.rebuilt.is_some());
    let svc = spec::field(FormKind::Ddos, "attacks[].destination.service").unwrap();
    assert_eq!(svc.label, "攻撃されているサービス・アプリケーション");
    assert!(svc.rebuilt.is_some());
    let types = spec::field(FormKind::Ddos, "attacks[].types").unwrap();
    let t = types
        .kind
        .options()
        .iter()
        .find(|o| o.id == "T1499-002")
        .unwrap();
    assert!(
        t.label.starts_with("サービス枯渇フラッド攻撃(") && t.label.contains("攻撃等)"),
        "{}",
        t.label
    );
    assert!(t.rebuilt.is_some());
}

/// Item 9 — 5.(3)/5.(4) 「本様式の届出先・報告の根拠規定等」 (l.543): the 届出先 as text, beside the laws.
#[test]
fn fidelity_9_the_addressee_of_the_form_is_text() {
    for kind in [FormKind::Ddos, FormKind::Ransomware] {
        let f = spec::field(kind, "filed_with").unwrap();
        assert_eq!((f.label, &f.kind), ("届出先", &FieldKind::Text));
        assert_eq!(
            f.aside,
            Some("(記載の手引き欄に記載のいずれの法令等に基づく報告かを記載すること。)")
        );
    }
    let r: DdosReport = serde_json::from_str(r#"{"filed_with":"経済産業省"}"#).unwrap();
    assert_eq!(r.filed_with, "経済産業省");
}

/// Item 10 — the order of the paper form: (フリガナ) above the name it reads (l.417, l.523), 担当者名
/// on the 省庁名 row (l.278), ransomware 2.(1)'s dates before its free text (l.524), TLP options worded
/// 「RED = 宛先限り」 (図5, l.560).
#[test]
fn fidelity_10_the_order_and_wording_of_the_paper() {
    for kind in [FormKind::Ddos, FormKind::Ransomware] {
        let paths: Vec<&str> = section(kind, "1.").fields.iter().map(|f| f.path).collect();
        for (kana, name) in [
            ("reporter.name_kana", "reporter.name"),
            ("reporter.contact_kana", "reporter.contact_name"),
        ] {
            let (k, n) = (
                paths.iter().position(|p| *p == kana).unwrap(),
                paths.iter().position(|p| *p == name).unwrap(),
            );
            assert_eq!(k + 1, n, "{kind:?}: (フリガナ) right above {name}");
        }
        let f = spec::field(kind, "reporter.name_kana").unwrap();
        assert_eq!(f.paper_label(), "(フリガナ)");
    }
    let contact = &spec::sections(FormKind::Incident)[1];
    assert_eq!(contact.title, "情報連絡元");
    assert_eq!(
        (
            contact.fields[0].label,
            contact.fields[1].label,
            contact.fields[1].same_line
        ),
        ("省庁名", "担当者名", true)
    );
    let two: Vec<&str> = section(FormKind::Ransomware, "2.")
        .fields
        .iter()
        .map(|f| f.path)
        .take(3)
        .collect();
    assert_eq!(two, ["occurred_at", "discovered_at", "summary"]);
    for kind in [FormKind::Incident, FormKind::Advisory] {
        let tlp: Vec<&str> = spec::field(kind, "header.tlp")
            .unwrap()
            .kind
            .options()
            .iter()
            .map(|o| o.label)
            .collect();
        assert_eq!(
            tlp,
            [
                "RED = 宛先限り",
                "AMBER + STRICT = 特定分野・組織内関係者限り",
                "AMBER = 特定分野・関係者限り",
                "GREEN = 重要インフラ関係主体限り",
                "CLEAR = 公開情報"
            ]
        );
    }
}

/// Item 11 — 4.(2) (l.424): each attack type with its ATT&CK id, as the paper prints it
/// (「ネットワークへのフラッド攻撃(UDPフラッド攻撃等) Direct Network Flood (T1498-001)」).
#[test]
fn fidelity_11_attack_types_carry_their_attck_ids() {
    let types = spec::field(FormKind::Ddos, "attacks[].types").unwrap();
    for o in types.kind.options() {
        if o.id.starts_with('T') {
            assert!(o.label.ends_with(&format!("({})", o.id)), "{}", o.label);
        }
    }
    let t = types
        .kind
        .options()
        .iter()
        .find(|o| o.id == "T1498-001")
        .unwrap();
    assert_eq!(
        t.label,
        "ネットワークへのフラッド攻撃(UDPフラッド攻撃等) Direct Network Flood (T1498-001)"
    );
}

#[test]
fn editor_hints_say_example_once_and_bracket_nothing_twice() {
    // The paper prints examples in brackets (「(例: ファイル名.xxx)」); the editor's hint shows
    // them once, without the brackets and without a second 「例:」.
    let mut examples = 0;
    for kind in FormKind::ALL {
        for (path, f) in all_fields(kind) {
            if let Some(e) = f.example {
                examples += 1;
                let shown = f.example_text().unwrap();
                assert!(
                    e.contains(shown),
                    "{path}: {shown:?} is not the form's {e:?}"
                );
                assert!(!shown.starts_with(['(', '(']), "{path}: {shown:?}");
            }
            if let Some(h) = f.editor_hint() {
                assert!(
                    !h.contains("例: 例") && !h.contains("例: (") && !h.contains("(("),
                    "{path}: {h:?}"
                );
                assert!(!h.contains("例:(") && !h.contains("例:例"), "{path}: {h:?}");
            }
        }
    }
    assert!(examples >= 4, "the forms' examples are read: {examples}");
    let f = spec::find(FormKind::Ransomware, "ransomware.encrypted_extension").map(|(_, f)| f);
    assert_eq!(
        f.and_then(|f| f.editor_hint()).as_deref(),
        Some("例: ファイル名.xxx")
    );
}

/// 図4 「識別番号* (※第1報の識別番号は空欄)」: starred on the form, yet required only from the
/// 第2報 on (国家サイバー統括室 assigns it after the first); no other field of any form is so.
#[test]
fn the_identifier_of_the_incident_form_is_required_from_the_second_report_on() {
    let f = spec::field(FormKind::Incident, "header.identifier").unwrap();
    assert!(f.required, "the form's *");
    assert!(!f.required_in(1));
    assert!(f.required_in(2) && f.required_in(7));
    for k in FormKind::ALL {
        for (_, f) in all_fields(k) {
            if (k, f.path) != (FormKind::Incident, "header.identifier") {
                assert_eq!(f.required_in(1), f.required, "{k:?} {}", f.path);
            }
        }
    }
}

/// The report's contact — who a reply goes to, the From of its e-mail — for each form.
#[test]
fn each_form_names_its_contact() {
    let mut r = Report::new(FormKind::Incident);
    if let Report::Incident(i) = &mut r {
        i.header.contact.person = " 共有 太郎 ".into();
        i.header.contact.email = "taro@example.go.jp\n".into();
    }
    assert_eq!(r.contact(), ("共有 太郎", "taro@example.go.jp"));
    let mut r = Report::new(FormKind::Ddos);
    if let Report::Ddos(d) = &mut r {
        d.reporter.contact_name = "情報 一郎".into();
        d.reporter.email = "csirt@example.jp".into();
        d.reporter.name = "架空電力株式会社".into();
    }
    assert_eq!(r.contact(), ("情報 一郎", "csirt@example.jp"));
    for k in [FormKind::Ransomware, FormKind::Advisory] {
        assert_eq!(Report::new(k).contact(), ("", ""), "{k:?}");
    }
}
