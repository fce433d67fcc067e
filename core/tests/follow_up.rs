//! Follow-ups (第N報 / 続報) and diff.

use kyoyu_core::envelope::Envelope;
use kyoyu_core::follow_up::{content_changes, diff, follow_up, is_changed, Change, ChangeKind};
use kyoyu_core::forms::*;
use kyoyu_core::taxonomy::*;
use proptest::prelude::*;

const ZU5: &str = include_str!("../../tests/fixtures/zu5-incident.json");
const DDOS: &str = include_str!("../../tests/fixtures/ddos-two-attacks.json");
const RANSOMWARE: &str = include_str!("../../tests/fixtures/ransomware.json");
const ZU8: &str = include_str!("../../tests/fixtures/zu8-advisory.json");

fn paths(changes: &[Change]) -> Vec<&str> {
    changes.iter().map(|c| c.path.as_str()).collect()
}

#[test]
fn incident_follow_up() {
    let first = Envelope::from_json(ZU5).unwrap();
    let next = follow_up(&first, "2023-08-20T10:00");
    assert_eq!(next.number(), 2);
    assert_eq!(next.series.id, "zu5-example");
    let prev = next.series.previous.as_ref().unwrap();
    assert_eq!(
        (prev.number, prev.reported_at.as_str()),
        (1, "2023-08-19T13:15")
    );
    let Report::Incident(r) = &next.report else {
        panic!()
    };
    assert_eq!(r.header.reported_at, "2023-08-20T10:00");
    assert_eq!(r.header.identifier, "");
    assert_eq!(r.operator_name, "〇〇株式会社");
    assert_eq!(
        paths(&diff(&first.report, &next.report)),
        ["header.report_number", "header.reported_at"]
    );
    // A third report keeps the series and the 識別番号 assigned meanwhile.
    let mut second = next.clone();
    if let Report::Incident(r) = &mut second.report {
        r.header.identifier = "R5-0001".into();
    }
    let third = follow_up(&second, "");
    assert_eq!(third.number(), 3);
    assert_eq!(third.series.id, "zu5-example");
    let Report::Incident(r) = &third.report else {
        panic!()
    };
    assert_eq!(r.header.identifier, "R5-0001");
    assert_eq!(r.header.reported_at, "");
    // The file of a follow-up round-trips.
    assert_eq!(Envelope::from_json(&third.to_json_pretty()).unwrap(), third);
}

#[test]
fn common_form_follow_up() {
    for text in [DDOS, RANSOMWARE] {
        let first = Envelope::from_json(text).unwrap();
        let next = follow_up(&first, "2025-12-01T09:00");
        let (header, prev_at) = match (&next.report, &first.report) {
            (Report::Ddos(n), Report::Ddos(p)) => (n.header.clone(), p.header.reported_at.clone()),
            (Report::Ransomware(n), Report::Ransomware(p)) => {
                (n.header.clone(), p.header.reported_at.clone())
            }
            _ => panic!(),
        };
        assert_eq!(header.new_or_follow_up, Some(NewOrFollowUp::FollowUp));
        assert_eq!(header.previous_reported_at, prev_at);
        assert_eq!(header.reported_at, "2025-12-01T09:00");
        assert_eq!(header.report_number, first.number() + 1);
        assert_eq!(next.series.previous.as_ref().unwrap().reported_at, prev_at);
        for c in diff(&first.report, &next.report) {
            assert!(c.path.starts_with("header."), "{c:?}");
        }
    }
}

#[test]
fn advisory_follow_up() {
    let first = Envelope::from_json(ZU8).unwrap();
    let next = follow_up(&first, "2022-10-01T13:00");
    assert_eq!(
        paths(&diff(&first.report, &next.report)),
        ["header.report_number", "header.provided_at"]
    );
}

#[test]
fn content_changes_leave_out_what_a_follow_up_sets() {
    for text in [ZU5, DDOS, RANSOMWARE, ZU8] {
        let first = Envelope::from_json(text).unwrap();
        for now in ["", "2025-12-01T09:00"] {
            let second = follow_up(&first, now);
            assert!(!diff(&first.report, &second.report).is_empty());
            assert_eq!(
                content_changes(&first.report, &second.report),
                [],
                "{}",
                first.report.kind().id()
            );
            let third = follow_up(&second, now);
            assert_eq!(
                content_changes(&second.report, &third.report),
                [],
                "{}",
                first.report.kind().id()
            );
        }
    }
}

#[test]
fn content_changes_keep_what_the_user_changed() {
    let first = Envelope::from_json(DDOS).unwrap();
    let mut next = follow_up(&first, "2025-12-01T09:00");
    let Report::Ddos(r) = &mut next.report else {
        panic!()
    };
    r.summary.push_str("(追記)");
    r.header.addressee = "別の宛先".into();
    let changes = content_changes(&first.report, &next.report);
    assert_eq!(paths(&changes), ["header.addressee", "summary"]);
    assert_eq!(changes[1].kind, ChangeKind::Changed);
    // Another form: the one change of the whole report, as in `diff`.
    let other = Report::new(FormKind::Incident);
    assert_eq!(paths(&content_changes(&first.report, &other)), [""]);

    let first = Envelope::from_json(ZU8).unwrap();
    let mut next = follow_up(&first, "2022-10-01T13:00");
    let Report::Advisory(a) = &mut next.report else {
        panic!()
    };
    a.overview.push_str("(更新)");
    assert_eq!(
        paths(&content_changes(&first.report, &next.report)),
        ["overview"]
    );
}

#[test]
fn diff_lists_rows_and_fields_in_form_order() {
    let old = Envelope::from_json(DDOS).unwrap().report;
    let mut new = old.clone();
    let Report::Ddos(r) = &mut new else { panic!() };
    r.other = "追記".into();
    r.attacks[1].source.ip = "192.0.2.99".into();
    r.attacks.push(DdosAttack::default());
    r.timeline.remove(5);
    r.attacks[0].types.push(DdosAttackType::Unknown);
    r.systems.status = Some(SystemStatus::Stopped);
    let changes = diff(&old, &new);
    assert_eq!(
        paths(&changes),
        [
            "timeline[5]",
            "systems.status",
            "attacks[0].types",
            "attacks[1].source.ip",
            "attacks[2]",
            "other"
        ]
    );
    assert_eq!(changes[0].kind, ChangeKind::Removed);
    assert_eq!(changes[4].kind, ChangeKind::Added);
    assert_eq!(
        changes[3].before,
        Some(serde_json::json!("192.0.2.15, 192.0.2.77 ほか約3,000件"))
    );
    assert!(is_changed(&changes, "attacks[2].volume"));
    assert!(is_changed(&changes, "attacks[1]"));
    assert!(is_changed(&changes, "attacks"));
    assert!(!is_changed(&changes, "attacks[0].source.ip"));
    assert!(!is_changed(&changes, "summary"));
}

#[test]
fn diff_of_advisory_recipients_and_kinds() {
    let old = Envelope::from_json(ZU8).unwrap().report;
    let mut new = old.clone();
    let Report::Advisory(a) = &mut new else {
        panic!()
    };
    a.header.recipients[1].sector = Some(Sector::Finance);
    a.header.recipients.push(Recipient {
        ministry: "ZZ省".into(),
        sector: None,
    });
    assert_eq!(
        paths(&diff(&old, &new)),
        ["header.recipients[1].sector", "header.recipients[2]"]
    );
    let other = Report::new(FormKind::Incident);
    assert_eq!(paths(&diff(&old, &other)), [""]);
}

// ---- properties -----------------------------------------------------------------------------

/// Any text, with the characters that break HTML, JSON and CSV well represented.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        Just(String::new()),
        Just("<script>alert(\"x\")</script>".to_string()),
        Just("'\"&<>\\\n\t\u{0}".to_string()),
        "\\PC{0,20}",
        "[ぁ-んァ-ン一-龥0-9A-Za-z:\\-T ]{0,12}",
    ]
    .boxed()
}

fn choice<E: Choice + std::fmt::Debug>() -> BoxedStrategy<Option<E>> {
    proptest::option::of(proptest::sample::select(E::ALL)).boxed()
}

fn choices<E: Choice + Ord + std::fmt::Debug>() -> impl Strategy<Value = Vec<E>> {
    proptest::sample::subsequence(E::ALL, 0..=E::ALL.len())
}

fn rows() -> impl Strategy<Value = Vec<TimelineRow>> {
    proptest::collection::vec(
        (text(), text()).prop_map(|(at, description)| TimelineRow { at, description }),
        0..4,
    )
}

prop_compose! {
    fn incident()(
        (importance, report_number, identifier, reported_at, tlp, tlp_note, annex) in
            (choice::<Importance>(), 1u32..1000, text(), text(), choice::<Tlp>(), text(), choice::<YesNo>()),
        (ministry, bureau, person, phone, fax, email) in (text(), text(), text(), text(), text(), text()),
        (event_type, causes, sector, operator_name) in (choice::<EventType>(), choices::<Cause>(), choice::<Sector>(), text()),
        (discovered_at, occurred_at, occurred_at_note, system, summary, system_status) in
            (text(), text(), text(), text(), text(), choice::<SystemStatus>()),
        (deviation, spread, timeline, supplementary) in (choice::<YesNo>(), choice::<YesNo>(), rows(), text()),
        (press, press_detail, ppc, ppc_detail, other_contacts, outlook, lessons) in
            (choice::<PressStatus>(), text(), choice::<PpcContact>(), text(), text(), choice::<IncidentOutlook>(), text()),
    ) -> IncidentReport {
        IncidentReport {
            header: IncidentHeader {
                importance, report_number, identifier, reported_at,
                contact: IncidentContact { ministry, bureau, person, phone, fax, email },
                tlp, tlp_note, annex,
            },
            event_type, causes, sector, operator_name,
            overview: IncidentOverview { discovered_at, occurred_at, occurred_at_note, system, summary, system_status },
            impact: IncidentImpact { deviation, spread },
            timeline, supplementary,
            external: ExternalResponse { press, press_detail, ppc, ppc_detail, other_contacts },
            outlook, lessons,
        }
    }
}

prop_compose! {
    fn attack()(
        (started_at, ended_at, note, types, type_other, type_detail, protocol) in
            (text(), text(), text(), choices::<DdosAttackType>(), text(), text(), text()),
        (sip, sport, sequip, dip, dport, dservice, volume) in (text(), text(), text(), text(), text(), text(), text()),
    ) -> DdosAttack {
        DdosAttack {
            started_at, ended_at, note, types, type_other, type_detail, protocol,
            source: AttackSource { ip: sip, port: sport, equipment: sequip },
            destination: AttackDestination { ip: dip, port: dport, service: dservice },
            volume,
        }
    }
}

fn common_header() -> impl Strategy<Value = CommonHeader> {
    (
        1u32..1000,
        text(),
        text(),
        choice::<NewOrFollowUp>(),
        text(),
        any::<bool>(),
        text(),
    )
        .prop_map(
            |(
                report_number,
                reported_at,
                addressee,
                new_or_follow_up,
                previous_reported_at,
                opt_out,
                opt_out_detail,
            )| {
                CommonHeader {
                    report_number,
                    reported_at,
                    addressee,
                    new_or_follow_up,
                    previous_reported_at,
                    opt_out,
                    opt_out_detail,
                }
            },
        )
}

prop_compose! {
    fn ddos()(
        header in common_header(),
        (name, name_kana, corporate_number, contact_name, contact_kana, department, phone, email) in
            (text(), text(), text(), text(), text(), text(), text(), text()),
        (summary, deviation, spread, impact, timeline) in (text(), choice::<YesNo>(), choice::<YesNo>(), text(), rows()),
        (equipment, status, attacks) in (text(), choice::<SystemStatus>(), proptest::collection::vec(attack(), 0..3)),
        (pstatus, pdate, outlook, laws, other) in
            (choice::<Publication>(), text(), choice::<CommonOutlook>(), proptest::collection::vec(text(), 0..3), text()),
        (timeline_text, filed_with) in (text(), text()),
    ) -> DdosReport {
        DdosReport {
            header,
            reporter: DdosReporter { name, name_kana, corporate_number, contact_name, contact_kana, department, phone, email },
            summary,
            service_level: ServiceLevel { deviation, spread, impact },
            timeline_text,
            timeline,
            systems: DdosSystems { equipment, status },
            attacks,
            publication: PublicationStatus { status: pstatus, date: pdate },
            outlook, filed_with, laws, other,
        }
    }
}

prop_compose! {
    fn ransomware()(
        header in common_header(),
        (receipt_number, name, name_kana, corporate_number, industry, address) in (text(), text(), text(), text(), text(), text()),
        (representative, representative_kana, contact_name, contact_kana, department, phone, email) in
            (text(), text(), text(), text(), text(), text(), text()),
        (summary, occurred_at, discovered_at, deviation, spread, impact) in
            (text(), text(), text(), choice::<YesNo>(), choice::<YesNo>(), text()),
        (leak_annexes, timeline, equipment, status, environment, topology) in
            (choices::<LeakAnnex>(), rows(), text(), choice::<SystemStatus>(), text(), text()),
        (ransom_note, encrypted_extension, facts, intrusion, indicators) in
            (text(), text(), text(), text(), text()),
        (timeline_text, filed_with) in (text(), text()),
        (pstatus, pdate, publication_methods, publication_method_other, publication_text) in
            (choice::<Publication>(), text(), choices::<PublicationMethod>(), text(), text()),
        (outlook, investigation, investigation_detail, laws, other) in
            (choice::<CommonOutlook>(), choice::<ExternalInvestigation>(), text(), proptest::collection::vec(text(), 0..3), text()),
    ) -> RansomwareReport {
        RansomwareReport {
            header, receipt_number,
            reporter: RansomwareReporter {
                name, name_kana, corporate_number, industry, address, representative, representative_kana,
                contact_name, contact_kana, department, phone, email,
            },
            summary, occurred_at, discovered_at,
            service_level: ServiceLevel { deviation, spread, impact },
            leak_annexes, timeline_text, timeline,
            systems: RansomwareSystems { equipment, status, environment, topology },
            ransomware: RansomwareDetails { ransom_note, encrypted_extension, facts, intrusion, indicators },
            publication: PublicationStatus { status: pstatus, date: pdate },
            publication_methods, publication_method_other, publication_text,
            outlook, investigation, investigation_detail, filed_with, laws, other,
        }
    }
}

prop_compose! {
    fn advisory()(
        (importance, report_number, identifier, provided_at, tlp, tlp_note, annex) in
            (choice::<Importance>(), 1u32..1000, text(), text(), choice::<Tlp>(), text(), choice::<YesNo>()),
        recipients in proptest::collection::vec((text(), choice::<Sector>()).prop_map(|(ministry, sector)| Recipient { ministry, sector }), 0..4),
        (overview, target, response, other, person, phone, fax, email) in (text(), text(), text(), text(), text(), text(), text(), text()),
    ) -> Advisory {
        Advisory {
            header: AdvisoryHeader { importance, report_number, identifier, provided_at, recipients, tlp, tlp_note, annex },
            overview, target, response, other,
            contact: AdvisoryContact { person, phone, fax, email },
            indicators: vec![],
        }
    }
}

fn report() -> BoxedStrategy<Report> {
    prop_oneof![
        incident().prop_map(Report::Incident).boxed(),
        ddos().prop_map(Report::Ddos).boxed(),
        ransomware().prop_map(Report::Ransomware).boxed(),
        advisory().prop_map(Report::Advisory).boxed(),
    ]
    .boxed()
}

/// The fields a follow-up may change: 第N報, and the dates of the series.
const FOLLOW_UP_FIELDS: &[&str] = &[
    "header.report_number",
    "header.reported_at",
    "header.provided_at",
    "header.previous_reported_at",
    "header.new_or_follow_up",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn diff_with_itself_is_empty(r in report()) {
        prop_assert!(diff(&r, &r).is_empty());
    }

    #[test]
    fn follow_up_changes_only_number_series_and_dates(r in report(), series in text(), now in text()) {
        let env = Envelope::new(series.clone(), r.clone());
        let next = follow_up(&env, &now);
        prop_assert_eq!(next.number(), r.report_number() + 1);
        prop_assert_eq!(&next.series.id, &series);
        prop_assert_eq!(next.series.previous.as_ref().map(|p| p.number), Some(r.report_number()));
        prop_assert_eq!(next.report.reported_at(), now.as_str());
        let changes = diff(&r, &next.report);
        prop_assert!(changes.iter().any(|c| c.path == "header.report_number"));
        for c in &changes {
            prop_assert!(FOLLOW_UP_FIELDS.contains(&c.path.as_str()), "unexpected change {:?}", c);
        }
    }

    #[test]
    fn content_changes_of_a_follow_up_are_empty(r in report(), series in text(), now in text()) {
        let env = Envelope::new(series, r.clone());
        let next = follow_up(&env, &now);
        prop_assert_eq!(content_changes(&r, &next.report), vec![]);
        let third = follow_up(&next, &now);
        prop_assert_eq!(content_changes(&next.report, &third.report), vec![]);
    }

    #[test]
    fn any_report_round_trips_through_the_file(r in report(), series in text()) {
        let env = Envelope::new(series, r);
        let back = Envelope::from_json(&env.to_json_pretty());
        prop_assert_eq!(back, Ok(env));
    }

    #[test]
    fn a_changed_field_is_found(r in incident(), s in text()) {
        let mut changed = r.clone();
        changed.lessons.push_str("追記");
        changed.lessons.push_str(&s);
        let changes = diff(&Report::Incident(r), &Report::Incident(changed));
        prop_assert_eq!(paths(&changes), vec!["lessons"]);
    }
}
