//! Validation: the pure checks, the rules of each form, the 図5 worked example, and that
//! nothing panics.

use kyoyu_core::forms::{
    Advisory, DdosAttack, DdosReport, IncidentReport, Indicator, RansomwareReport, Recipient,
    Report, TimelineRow,
};
use kyoyu_core::taxonomy::{
    DdosAttackType, EventType, NewOrFollowUp, PpcContact, PressStatus, Publication,
    PublicationMethod, Sector, Tlp, YesNo,
};
use kyoyu_core::validate::checks::{self, IpEntry, Problem};
use kyoyu_core::validate::{findings_at, ready_to_send, validate, validate_at, Finding, Severity};

// ---------------------------------------------------------------------------------------------
// 法人番号

#[test]
fn corporate_number_of_the_nta_is_valid() {
    assert_eq!(
        checks::corporate_number("7000012050002"),
        Ok("7000012050002".to_string())
    );
}

#[test]
fn corporate_number_check_digit_formula() {
    let base = [0, 0, 0, 0, 1, 2, 0, 5, 0, 0, 0, 2];
    assert_eq!(checks::corporate_number_check_digit(&base), 7);
}

#[test]
fn corporate_number_any_single_digit_changed_is_invalid() {
    // Every single-digit change is caught, except the one the mod-9 check digit cannot see:
    // a base digit changed between 0 and 9 (the weighted sum moves by 9 or 18, ≡ 0 mod 9).
    let good: Vec<char> = "7000012050002".chars().collect();
    let mut undetectable = 0;
    for i in 0..13 {
        for d in '0'..='9' {
            if d == good[i] {
                continue;
            }
            let mut v = good.clone();
            v[i] = d;
            let s: String = v.into_iter().collect();
            let zero_nine = i > 0 && matches!((good[i], d), ('0', '9') | ('9', '0'));
            if zero_nine {
                undetectable += 1;
                assert!(checks::corporate_number(&s).is_ok(), "{s}");
            } else {
                assert_eq!(
                    checks::corporate_number(&s),
                    Err(Problem::CorporateNumberCheckDigit),
                    "{s} should be invalid"
                );
            }
        }
    }
    // 8 of the 12 base digits of 7000012050002 are 0.
    assert_eq!(undetectable, 8);
}

#[test]
fn corporate_number_check_digit_changed_is_invalid() {
    for d in ['1', '2', '3', '4', '5', '6', '8', '9', '0'] {
        let s = format!("{d}000012050002");
        assert_eq!(
            checks::corporate_number(&s),
            Err(Problem::CorporateNumberCheckDigit),
            "{s}"
        );
    }
}

#[test]
fn corporate_number_wrong_length_and_non_digits_have_distinct_messages() {
    let short = checks::corporate_number("700001205000").unwrap_err();
    assert_eq!(short, Problem::CorporateNumberLength { digits: 12 });
    assert_eq!(
        short.message("法人番号"),
        "法人番号は13桁の数字で記入してください(現在 12桁)。"
    );
    let long = checks::corporate_number("70000120500021").unwrap_err();
    assert_eq!(long, Problem::CorporateNumberLength { digits: 14 });

    let letters = checks::corporate_number("7000O12050002").unwrap_err();
    assert_eq!(letters, Problem::CorporateNumberNotDigit { found: 'O' });
    let hyphen = checks::corporate_number("7-0000-1205-0002").unwrap_err();
    assert!(matches!(
        hyphen,
        Problem::CorporateNumberNotDigit { found: '-' }
    ));

    let messages = [
        short.message("法人番号"),
        letters.message("法人番号"),
        Problem::CorporateNumberCheckDigit.message("法人番号"),
    ];
    assert_ne!(messages[0], messages[1]);
    assert_ne!(messages[1], messages[2]);
    assert_ne!(messages[0], messages[2]);
    assert!(messages[1].contains("「O」"));
}

#[test]
fn corporate_number_full_width_digits_are_normalised() {
    // Decision: accepted, returned in half-width.
    assert_eq!(
        checks::corporate_number("７００００１２０５０００２"),
        Ok("7000012050002".to_string())
    );
    assert_eq!(
        checks::corporate_number(" 7000012050002 "),
        Ok("7000012050002".to_string())
    );
    assert_eq!(
        checks::corporate_number("７００００１２０５０００３"),
        Err(Problem::CorporateNumberCheckDigit)
    );
}

// ---------------------------------------------------------------------------------------------
// フリガナ, e-mail, telephone

#[test]
fn furigana() {
    for ok in [
        "カブシキガイシャ マルマル",
        "レンラク タロウ",
        "ヴィー・エー",
        "コーポレーション",
        "ヤマダ\u{3000}ハナコ",
    ] {
        assert_eq!(checks::furigana(ok), Ok(()), "{ok}");
    }
    assert_eq!(
        checks::furigana("れんらく たろう"),
        Err(Problem::FuriganaHiragana)
    );
    assert_eq!(
        checks::furigana("ﾚﾝﾗｸ ﾀﾛｳ"),
        Err(Problem::FuriganaHalfWidth)
    );
    assert_eq!(
        checks::furigana("連絡 太郎"),
        Err(Problem::FuriganaNotKatakana { found: '連' })
    );
    assert_eq!(
        checks::furigana("Renraku"),
        Err(Problem::FuriganaNotKatakana { found: 'R' })
    );
}

#[test]
fn email() {
    for ok in [
        "renraku.taro@xx.go.jp",
        "a+b@example.co.jp",
        "x_y-z@sub.example.com",
        " t@example.jp ",
    ] {
        assert_eq!(checks::email(ok), Ok(()), "{ok}");
    }
    assert_eq!(
        checks::email("renraku.taro＠xx.go.jp"),
        Err(Problem::EmailFullWidth)
    );
    assert_eq!(
        checks::email("renraku.taro.xx.go.jp"),
        Err(Problem::EmailAt)
    );
    assert_eq!(checks::email("a@b@example.jp"), Err(Problem::EmailAt));
    assert_eq!(checks::email("taro @example.jp"), Err(Problem::EmailSpace));
    assert_eq!(checks::email("@example.jp"), Err(Problem::EmailLocal));
    assert_eq!(checks::email(".taro@example.jp"), Err(Problem::EmailLocal));
    assert_eq!(checks::email("taro@localhost"), Err(Problem::EmailDomain));
    assert_eq!(checks::email("taro@-example.jp"), Err(Problem::EmailDomain));
    assert_eq!(checks::email("taro@example..jp"), Err(Problem::EmailDomain));
}

#[test]
fn telephone() {
    for ok in [
        "03-1234-5678",
        "0312345678",
        "090-1234-5678",
        "0120-123-456",
        "(03)1234-5678",
        "+81-3-1234-5678",
        "+81 90 1234 5678",
        "+81(0)3-1234-5678",
        "03-1234-5678 内線123",
        "03-1234-5678 ext. 12",
        "03-1234-5678(代表)",
        "０３－１２３４－５６７８",
        "+1 202 555 0123",
    ] {
        assert_eq!(checks::telephone(ok), Ok(()), "{ok}");
    }
    // 伏せ字 as in the handbook's examples.
    assert_eq!(checks::telephone("03-XXXX-YYYY"), Ok(()));
    assert_eq!(
        checks::telephone("03-1234-ABCD"),
        Err(Problem::TelephoneChar { found: 'A' })
    );
    assert_eq!(
        checks::telephone("電話"),
        Err(Problem::TelephoneChar { found: '電' })
    );
    assert_eq!(
        checks::telephone("-"),
        Err(Problem::TelephoneDigits { digits: 0 })
    );
    assert_eq!(
        checks::telephone("03-1234-567"),
        Err(Problem::TelephoneDigits { digits: 9 })
    );
    assert_eq!(
        checks::telephone("3-1234-5678"),
        Err(Problem::TelephoneNoLeadingZero)
    );
    assert!(Problem::TelephoneNoLeadingZero.is_warning());
}

// ---------------------------------------------------------------------------------------------
// IP addresses and ports

#[test]
fn ip_addresses() {
    use std::net::IpAddr;
    let v4: IpAddr = "192.0.2.1".parse().unwrap();
    assert_eq!(
        checks::ip_addresses("192.0.2.1"),
        Ok(vec![IpEntry::Address(v4)])
    );
    assert_eq!(
        checks::ip_addresses("192.0.2[.]1"),
        Ok(vec![IpEntry::Address(v4)])
    );
    assert_eq!(
        checks::ip_addresses("１９２.０.２.１"),
        Ok(vec![IpEntry::Address(v4)])
    );
    assert_eq!(
        checks::ip_addresses("192.0.2.0/24, 2001:db8::/32、198.51.100.7\n2001:db8::1")
            .map(|v| v.len()),
        Ok(4)
    );
    assert!(matches!(
        checks::ip_addresses("192.0.2.1-192.0.2.20").as_deref(),
        Ok([IpEntry::Range(..)])
    ));
    assert!(matches!(
        checks::ip_addresses("192.0.2.1-20").as_deref(),
        Ok([IpEntry::Range(..)])
    ));
    // Japanese notes are left alone.
    assert_eq!(
        checks::ip_addresses("192.0.2.1 ほか多数(別ファイル参照)").map(|v| v.len()),
        Ok(1)
    );
    assert_eq!(checks::ip_addresses("不明"), Ok(vec![]));

    assert!(matches!(
        checks::ip_addresses("192.0.2.256"),
        Err(Problem::IpAddress { .. })
    ));
    assert!(matches!(
        checks::ip_addresses("192.0.2"),
        Err(Problem::IpAddress { .. })
    ));
    assert!(matches!(
        checks::ip_addresses("XX.XX.XX.XX"),
        Err(Problem::IpAddress { .. })
    ));
    assert!(matches!(
        checks::ip_addresses("2001:db8:::1"),
        Err(Problem::IpAddress { .. })
    ));
    assert!(matches!(
        checks::ip_addresses("192.0.2.0/33"),
        Err(Problem::IpPrefix { max: 32, .. })
    ));
    assert!(matches!(
        checks::ip_addresses("2001:db8::/129"),
        Err(Problem::IpPrefix { max: 128, .. })
    ));
    assert!(matches!(
        checks::ip_addresses("192.0.2.9-192.0.2.1"),
        Err(Problem::IpRange { .. })
    ));
    assert!(matches!(
        checks::ip_addresses("192.0.2.1-2001:db8::1"),
        Err(Problem::IpRange { .. })
    ));
    let m = Problem::IpAddress {
        token: "192.0.2.256".into(),
    }
    .message("送信元のIPアドレス");
    assert!(m.starts_with("送信元のIPアドレスの「192.0.2.256」"), "{m}");
}

#[test]
fn ports() {
    assert_eq!(checks::ports("0"), Ok(vec![0..=0]));
    assert_eq!(checks::ports("65535"), Ok(vec![65535..=65535]));
    assert_eq!(checks::ports("1024-2048"), Ok(vec![1024..=2048]));
    assert_eq!(
        checks::ports("80, 443、53/udp"),
        Ok(vec![80..=80, 443..=443, 53..=53])
    );
    assert_eq!(checks::ports("1024～2048"), Ok(vec![1024..=2048]));
    assert_eq!(checks::ports("ランダム"), Ok(vec![]));
    assert!(matches!(
        checks::ports("65536"),
        Err(Problem::PortOutOfRange { .. })
    ));
    assert!(matches!(
        checks::ports("99999999999999999999999"),
        Err(Problem::PortOutOfRange { .. })
    ));
    assert!(matches!(checks::ports("-1"), Err(Problem::Port { .. })));
    assert!(matches!(checks::ports("http"), Err(Problem::Port { .. })));
    assert!(matches!(
        checks::ports("2048-1024"),
        Err(Problem::PortRange { .. })
    ));
}

// Dates: core/tests/dates.rs (the one reader of dates).

// ---------------------------------------------------------------------------------------------
// Rules

fn paths(findings: &[Finding], severity: Severity) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| f.path.as_str())
        .collect()
}

fn minimal_incident() -> IncidentReport {
    let mut r = IncidentReport::default();
    r.header.report_number = 1;
    r.header.reported_at = "2023-08-19T13:15".into();
    r.header.contact.ministry = "XX省".into();
    r.header.tlp = Some(Tlp::Green);
    r.header.annex = Some(YesNo::No);
    r.event_type = Some(EventType::Destruction);
    r.sector = Some(Sector::Finance);
    r
}

#[test]
fn empty_incident_has_errors_only_on_starred_fields() {
    let f = validate(&Report::new(kyoyu_core::forms::FormKind::Incident));
    assert!(!ready_to_send(&f));
    let mut errors = paths(&f, Severity::Error);
    errors.sort();
    assert_eq!(
        errors,
        ["header.annex", "header.contact", "header.tlp", "sector"]
    );
    // 情報連絡日時 (no `*` on 図4) and ① (no `*`): warnings.
    assert_eq!(
        paths(&f, Severity::Warning),
        ["header.reported_at", "event_type"]
    );
    for e in &f {
        assert!(e.message.ends_with('。'), "{}", e.message);
    }
}

#[test]
fn minimal_incident_is_ready() {
    let f = validate(&minimal_incident().into());
    assert_eq!(f, vec![]);
    assert!(ready_to_send(&f));
}

#[test]
fn identifier_empty_on_first_report_required_later() {
    let mut r = minimal_incident();
    r.header.identifier = "X-0001".into();
    let f = validate(&r.clone().into());
    assert_eq!(paths(&f, Severity::Error), ["header.identifier"]);
    assert!(f[0].message.contains("第1報の識別番号は空欄"));

    r.header.report_number = 2;
    assert_eq!(validate(&r.clone().into()), vec![]);
    r.header.identifier.clear();
    let f = validate(&r.clone().into());
    assert_eq!(paths(&f, Severity::Error), ["header.identifier"]);

    r.header.report_number = 0;
    let f = validate(&r.into());
    assert!(paths(&f, Severity::Error).contains(&"header.report_number"));
}

#[test]
fn incident_malformed_values_are_errors() {
    let mut r = minimal_incident();
    r.header.reported_at = "令和5年8月19日".into();
    r.header.contact.email = "renraku.taro＠xx.go.jp".into();
    r.overview.discovered_at = "2023-08-32T00:00".into();
    r.header.contact.phone = "03-1234-ABCD".into();
    let f = validate(&r.into());
    assert_eq!(
        paths(&f, Severity::Error),
        [
            "header.reported_at",
            "header.contact.email",
            "overview.discovered_at"
        ]
    );
    assert_eq!(paths(&f, Severity::Warning), ["header.contact.phone"]);
    assert!(f[0].message.contains("西暦"));
}

#[test]
fn incident_order_and_details_are_warnings() {
    let mut r = minimal_incident();
    r.header.reported_at = "2023-08-19T13:15".into();
    r.overview.discovered_at = "2023-08-19T14:00".into();
    r.overview.occurred_at = "2023-08-19T15:00".into();
    r.timeline = vec![
        TimelineRow {
            at: "2023-08-19T10:00".into(),
            description: "a".into(),
        },
        TimelineRow {
            at: "2023-08-19T09:00".into(),
            description: "b".into(),
        },
        TimelineRow {
            at: "2023-08-20T09:00".into(),
            description: "c".into(),
        },
    ];
    r.external.press = Some(PressStatus::Planned);
    r.external.ppc = Some(PpcContact::Done);
    let f = validate(&r.into());
    assert!(ready_to_send(&f), "{f:#?}");
    assert_eq!(
        paths(&f, Severity::Warning),
        [
            "overview.discovered_at",
            "header.reported_at",
            "timeline[1].at",
            "timeline[2].at",
            "external.press_detail",
            "external.ppc_detail"
        ]
    );
    assert!(f[4].message.contains("「予定有」"));
}

#[test]
fn timeline_rows_as_typed_are_kept_but_wareki_is_an_error() {
    let mut r = minimal_incident();
    r.timeline = vec![
        TimelineRow {
            at: "XX/XX 00:00".into(),
            description: "".into(),
        },
        TimelineRow {
            at: "08/19 03:00".into(),
            description: "".into(),
        },
        TimelineRow {
            at: "08/19 01:00".into(),
            description: "".into(),
        },
        TimelineRow {
            at: "令和5年8月19日".into(),
            description: "".into(),
        },
    ];
    let f = validate(&r.into());
    assert_eq!(paths(&f, Severity::Error), ["timeline[3].at"]);
    assert_eq!(paths(&f, Severity::Warning), ["timeline[2].at"]);
}

#[test]
fn future_dates_need_now() {
    let mut r = minimal_incident();
    r.header.reported_at = "2099-01-02T00:00".into();
    r.overview.discovered_at = "2099-01-01T00:00".into();
    assert_eq!(validate(&r.clone().into()), vec![]);
    let now = chrono::NaiveDateTime::parse_from_str("2025-08-19 12:00", "%Y-%m-%d %H:%M").unwrap();
    let f = validate_at(&r.into(), Some(now));
    assert_eq!(
        paths(&f, Severity::Warning),
        ["header.reported_at", "overview.discovered_at"]
    );
    assert!(f[0].message.contains("未来"));
    assert!(ready_to_send(&f));
}

#[test]
fn empty_common_forms_have_no_errors() {
    // 図4-1 and 図4-2 mark no field with `*`.
    for kind in [
        kyoyu_core::forms::FormKind::Ddos,
        kyoyu_core::forms::FormKind::Ransomware,
    ] {
        assert_eq!(validate(&Report::new(kind)), vec![]);
    }
}

#[test]
fn common_header_rules() {
    let mut r = DdosReport::default();
    r.header.reported_at = "2025-08-19T10:00".into();
    r.header.new_or_follow_up = Some(NewOrFollowUp::FollowUp);
    r.header.opt_out = true;
    let f = validate(&r.clone().into());
    assert_eq!(
        paths(&f, Severity::Warning),
        ["header.previous_reported_at", "header.opt_out_detail"]
    );
    assert!(ready_to_send(&f));

    r.header.previous_reported_at = "2025-08-20T10:00".into();
    r.header.opt_out_detail = "全部".into();
    let f = validate(&r.clone().into());
    assert_eq!(
        paths(&f, Severity::Warning),
        ["header.previous_reported_at"]
    );
    assert!(f[0].message.contains("前回報告日時"));

    // The 共通様式 take 和暦 (core/tests/dates.rs): read, nothing to say about it.
    r.header.previous_reported_at = "R7.8.18".into();
    let f = validate(&r.clone().into());
    assert!(paths(&f, Severity::Error).is_empty());
    assert!(!f.iter().any(|f| f.message.contains("和暦")), "{f:?}");
    // 共通様式 ※1: what cannot be read is worth a look, not an error.
    r.header.previous_reported_at = "昨日".into();
    let f = validate(&r.into());
    assert_eq!(paths(&f, Severity::Error), Vec::<String>::new());
    assert_eq!(
        paths(&f, Severity::Warning),
        ["header.previous_reported_at"]
    );
    assert!(
        f[0].message.contains("読み取れません") && f[0].message.contains("(※1)"),
        "{}",
        f[0].message
    );
}

#[test]
fn ddos_rules() {
    let mut r = DdosReport::default();
    r.reporter.corporate_number = "700001205000".into();
    r.reporter.name_kana = "まるまる".into();
    r.reporter.email = "foo".into();
    r.attacks = vec![DdosAttack {
        started_at: "08-19T14:00".into(),
        ended_at: "08-19T13:00".into(),
        types: vec![
            DdosAttackType::Other,
            DdosAttackType::NetworkDos,
            DdosAttackType::DirectNetworkFlood,
        ],
        ..Default::default()
    }];
    r.attacks[0].source.ip = "198.51.100.0/24, 203.0.113.999".into();
    r.attacks[0].source.port = "ランダム".into();
    r.attacks[0].destination.ip = "192.0.2.10".into();
    r.attacks[0].destination.port = "80, 70000".into();
    r.publication.status = Some(Publication::Done);
    let f = validate(&r.into());
    // 共通様式 ※1 (「全ての項目を記入する必要はなく…把握している範囲で」): nothing blocks.
    assert_eq!(paths(&f, Severity::Error), Vec::<String>::new());
    assert_eq!(
        paths(&f, Severity::Warning),
        [
            "reporter.name_kana",
            "reporter.corporate_number",
            "reporter.email",
            "attacks[0].ended_at",
            "attacks[0].type_other",
            "attacks[0].types",
            "attacks[0].source.ip",
            "attacks[0].destination.port",
            "publication.date"
        ]
    );
    assert!(
        f[1].message.starts_with(
            "1.報告者の概要 法人番号(13桁)は13桁の数字で記入してください(現在 12桁)。"
        ),
        "{}",
        f[1].message
    );
    assert!(f.iter().any(|x| x.message.contains("「203.0.113.999」")));
}

#[test]
fn ddos_attack_time_shape() {
    let r = DdosReport {
        attacks: vec![DdosAttack {
            started_at: "8月19日".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let f = validate(&r.into());
    assert_eq!(paths(&f, Severity::Warning), ["attacks[0].started_at"]);
    assert!(ready_to_send(&f));
}

#[test]
fn ransomware_rules() {
    let mut r = RansomwareReport {
        occurred_at: "2025-08-19T10:00".into(),
        discovered_at: "2025-08-18T10:00".into(),
        ..Default::default()
    };
    r.reporter.corporate_number = "７００００１２０５０００２".into();
    r.reporter.representative_kana = "ﾀﾞｲﾋｮｳ".into();
    r.publication_methods = vec![PublicationMethod::Other];
    r.publication.status = Some(Publication::Planned);
    r.publication.date = "2025/08/31".into();
    let f = validate(&r.into());
    assert!(ready_to_send(&f), "{f:#?}");
    assert_eq!(
        paths(&f, Severity::Warning),
        [
            "reporter.representative_kana",
            "discovered_at",
            "publication_method_other"
        ]
    );
}

#[test]
fn advisory_rules() {
    let f = validate(&Advisory::default().into());
    let mut errors = paths(&f, Severity::Error);
    errors.sort();
    assert_eq!(
        errors,
        [
            "header.annex",
            "header.identifier",
            "header.provided_at",
            "header.recipients",
            "header.tlp"
        ]
    );

    let mut a = Advisory::default();
    a.header.identifier = "Txxxxxx".into();
    a.header.provided_at = "2022-08-01T13:00".into();
    a.header.recipients = vec![Recipient {
        ministry: "XX省".into(),
        sector: Some(Sector::Telecom),
    }];
    a.header.tlp = Some(Tlp::Green);
    a.header.annex = Some(YesNo::No);
    a.contact.email = "teikyo.hanako@xx.go.jp".into();
    assert_eq!(validate(&a.clone().into()), vec![]);
    // 識別番号 is required from 第1報 on this form (図8: 第1報, Txxxxxx).
    a.header.identifier.clear();
    assert_eq!(
        paths(&validate(&a.into()), Severity::Error),
        ["header.identifier"]
    );
}

#[test]
fn advisory_indicators_are_checked_one_by_one() {
    let mut a = Advisory::default();
    a.header.identifier = "KY-1".into();
    a.header.provided_at = "2025-10-01T10:00".into();
    a.header.recipients = vec![Recipient {
        ministry: "総務省".into(),
        sector: Some(Sector::Telecom),
    }];
    a.header.tlp = Some(Tlp::Clear);
    a.header.annex = Some(YesNo::No);
    let ind = |value: &str, note: &str| Indicator {
        kind: None,
        value: value.into(),
        note: note.into(),
    };
    a.indicators = vec![
        ind("198.51.100.23", "送信元"),
        ind("example.com", ""),
        ind("CVE-2024-3400", ""),
    ];
    assert_eq!(validate(&a.clone().into()), vec![]);
    a.indicators.extend([
        ind("198.51.100.999", ""),
        ind("EXAMPLE.com", ""),
        ind("", ""),
        ind("203.0.113.5", "一行目\n二行目"),
    ]);
    let f = validate(&a.into());
    let errors: Vec<(&str, &str)> = f
        .iter()
        .filter(|f| f.is_error())
        .map(|f| (f.path.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(errors[0].0, "indicators[3].value");
    assert!(
        errors[0]
            .1
            .starts_with("インディケータ 4: 「198.51.100.999」は IPv4"),
        "{}",
        errors[0].1
    );
    assert_eq!(errors[1].0, "indicators[4].value");
    assert!(
        errors[1].1.contains("インディケータ 2 と同じ"),
        "{}",
        errors[1].1
    );
    assert_eq!(errors[2].0, "indicators[5].value");
    assert!(errors[2].1.contains("値がありません"), "{}", errors[2].1);
    assert_eq!(errors[3].0, "indicators[6].note");
    assert!(errors[3].1.contains("1行"), "{}", errors[3].1);
}

#[test]
fn findings_at_a_group() {
    let mut r = minimal_incident();
    r.header.contact.email = "bad".into();
    let f = validate(&r.into());
    assert_eq!(findings_at(&f, "header.contact").count(), 1);
    assert_eq!(findings_at(&f, "header").count(), 1);
    assert_eq!(findings_at(&f, "header.tlp").count(), 0);
}

#[test]
fn laws_must_be_known_ids_of_the_form() {
    let mut r = DdosReport {
        laws: vec![
            "telecom-business-act-28".into(),
            "no-such-law".into(),
            "telecom-business-act-28".into(),
        ],
        ..Default::default()
    };
    let f = validate(&r.clone().into());
    assert_eq!(paths(&f, Severity::Error), ["laws[1]"]);
    assert_eq!(paths(&f, Severity::Warning), ["laws[2]"]);
    assert!(f[0].message.contains("「no-such-law」"), "{}", f[0].message);

    // The leak reports are on the ransomware form's list only.
    r.laws = vec!["appi-26-1".into()];
    let f = validate(&r.into());
    assert_eq!(paths(&f, Severity::Error), ["laws[0]"]);
    assert!(
        f[0].message
            .contains("個人情報の保護に関する法律第26条第1項"),
        "{}",
        f[0].message
    );
    let mut rw = RansomwareReport {
        laws: vec!["appi-26-1".into(), "telecom-business-act-28".into()],
        ..Default::default()
    };
    // Chosen as 根拠規定 without 別紙1 ticked under 2.(3): worth a look.
    assert_eq!(
        paths(&validate(&rw.clone().into()), Severity::Warning),
        ["leak_annexes"]
    );
    rw.leak_annexes = vec![kyoyu_core::taxonomy::LeakAnnex::Annex1];
    assert_eq!(validate(&rw.into()), vec![]);
}

// ---------------------------------------------------------------------------------------------
// 図5, the worked example of 情報連絡様式

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn zu5_gives_one_warning_and_no_errors() {
    let envelope = kyoyu_core::envelope::Envelope::from_json(&fixture("zu5-incident.json"))
        .expect("図5 fixture loads");
    let mut report = envelope.report;
    // 図5 fills ③分野名* with the placeholder 「○○分野」, which no `Sector` can hold, so the
    // fixture may leave it null. Then — and only then — the one error is that 分野名 is
    // empty; any real sector stands in for the placeholder for the rest of the test.
    if let Report::Incident(r) = &mut report {
        if r.sector.is_none() {
            let f = validate(&Report::Incident(r.clone()));
            let errors: Vec<_> = f
                .iter()
                .filter(|f| f.is_error())
                .map(|f| f.path.as_str())
                .collect();
            assert_eq!(errors, ["sector"], "{f:#?}");
            r.sector = Some(Sector::Finance);
        }
    } else {
        panic!("図5 is a 情報連絡様式");
    }
    let findings = validate(&report);
    assert!(ready_to_send(&findings), "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.path, "overview.discovered_at");
    assert!(
        f.message.contains("判明日時") && f.message.contains("発生日時"),
        "{}",
        f.message
    );
}

#[test]
fn other_fixtures_validate_without_panicking() {
    for name in [
        "ddos-two-attacks.json",
        "ransomware.json",
        "zu8-advisory.json",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name);
        if let Ok(text) = std::fs::read_to_string(path) {
            if let Ok(e) = kyoyu_core::envelope::Envelope::from_json(&text) {
                let _ = validate(&e.report);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Never panics

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Strings that mix what the checks look at: digits (half and full width), separators,
    /// katakana, 和暦, addresses, and anything at all.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[0-9０-９:/TＴ .\\-+()@xX\\[\\]~～、,]{0,24}",
            "(令和|平成|R|H|S)?[0-9]{0,4}[-/年.]?[0-9]{0,2}[-/月]?[0-9]{0,2}[T 日]?[0-9]{0,2}:?[0-9]{0,2}",
            "[ァ-ヺーぁ-ゖｦ-ﾟ・ 　a-z]{0,12}",
            "([0-9a-f]{0,4}[:.]){0,9}(/[0-9]{0,3})?(-[0-9a-f.:]{0,12})?",
            "[0-9]{0,6}([-~～][0-9]{0,6})?(/[a-z]{0,3})?",
        ]
    }

    fn texts() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(text(), 0..40)
    }

    fn sample<T: kyoyu_core::taxonomy::Choice>(n: u8) -> Option<T> {
        let all = T::ALL;
        let i = n as usize % (all.len() + 1);
        all.get(i).copied()
    }

    /// A report of `kind` whose every text is taken from `t` and every choice from `n`.
    fn build(kind: u8, t: &[String], n: &[u8]) -> Report {
        let mut ti = 0usize;
        let mut s = || {
            ti += 1;
            t.get(ti % t.len().max(1)).cloned().unwrap_or_default()
        };
        let mut ni = 0usize;
        let mut c = || {
            ni += 1;
            n.get(ni % n.len().max(1)).copied().unwrap_or(0)
        };
        match kind % 4 {
            0 => {
                let mut r = IncidentReport::default();
                r.header.report_number = u32::from(c()) % 4;
                r.header.identifier = s();
                r.header.reported_at = s();
                r.header.contact.phone = s();
                r.header.contact.fax = s();
                r.header.contact.email = s();
                r.header.tlp = sample(c());
                r.header.annex = sample(c());
                r.event_type = sample(c());
                r.sector = sample(c());
                r.overview.discovered_at = s();
                r.overview.occurred_at = s();
                r.timeline = (0..c() % 5)
                    .map(|_| TimelineRow {
                        at: s(),
                        description: s(),
                    })
                    .collect();
                r.external.press = sample(c());
                r.external.press_detail = s();
                r.external.ppc = sample(c());
                r.into()
            }
            1 => {
                let mut r = DdosReport::default();
                r.header.report_number = u32::from(c());
                r.header.reported_at = s();
                r.header.previous_reported_at = s();
                r.header.new_or_follow_up = sample(c());
                r.header.opt_out = c() % 2 == 0;
                r.header.opt_out_detail = s();
                r.reporter.name_kana = s();
                r.reporter.corporate_number = s();
                r.reporter.contact_kana = s();
                r.reporter.phone = s();
                r.reporter.email = s();
                r.timeline = (0..c() % 5)
                    .map(|_| TimelineRow {
                        at: s(),
                        description: s(),
                    })
                    .collect();
                r.attacks = (0..c() % 3)
                    .map(|_| {
                        let mut a = DdosAttack {
                            started_at: s(),
                            ended_at: s(),
                            types: (0..c() % 4)
                                .filter_map(|_| sample::<DdosAttackType>(c()))
                                .collect(),
                            type_other: s(),
                            ..Default::default()
                        };
                        a.source.ip = s();
                        a.source.port = s();
                        a.destination.ip = s();
                        a.destination.port = s();
                        a
                    })
                    .collect();
                r.publication.status = sample(c());
                r.publication.date = s();
                r.laws = (0..c() % 3).map(|_| s()).collect();
                r.into()
            }
            2 => {
                let mut r = RansomwareReport::default();
                r.header.reported_at = s();
                r.header.previous_reported_at = s();
                r.header.new_or_follow_up = sample(c());
                r.reporter.corporate_number = s();
                r.reporter.name_kana = s();
                r.reporter.representative_kana = s();
                r.reporter.phone = s();
                r.reporter.email = s();
                r.occurred_at = s();
                r.discovered_at = s();
                r.timeline = (0..c() % 5)
                    .map(|_| TimelineRow {
                        at: s(),
                        description: s(),
                    })
                    .collect();
                r.publication.status = sample(c());
                r.publication.date = s();
                r.publication_methods = (0..c() % 3)
                    .filter_map(|_| sample::<PublicationMethod>(c()))
                    .collect();
                r.laws = (0..c() % 3).map(|_| s()).collect();
                r.into()
            }
            _ => {
                let mut a = Advisory::default();
                a.header.report_number = u32::from(c());
                a.header.identifier = s();
                a.header.provided_at = s();
                a.header.recipients = (0..c() % 3)
                    .map(|_| Recipient {
                        ministry: s(),
                        sector: sample(c()),
                    })
                    .collect();
                a.header.tlp = sample(c());
                a.header.annex = sample(c());
                a.contact.phone = s();
                a.contact.fax = s();
                a.contact.email = s();
                a.into()
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn validate_never_panics(kind in any::<u8>(), t in texts(), n in prop::collection::vec(any::<u8>(), 1..40)) {
            let report = build(kind, &t, &n);
            let now = chrono::NaiveDateTime::parse_from_str("2025-08-19 12:00", "%Y-%m-%d %H:%M").ok();
            let findings = validate_at(&report, now);
            for f in &findings {
                prop_assert!(!f.message.is_empty());
                prop_assert!(!f.path.is_empty());
            }
            let _ = ready_to_send(&findings);
        }

        #[test]
        fn checks_never_panic(s in text()) {
            let _ = checks::corporate_number(&s);
            let _ = checks::furigana(&s);
            let _ = checks::email(&s);
            let _ = checks::telephone(&s);
            let _ = checks::ip_addresses(&s);
            let _ = checks::ip_address(&s);
            let _ = checks::ports(&s);
            let _ = checks::date_time(&s);
            let _ = checks::month_day_time(&s);
            let _ = checks::japanese_era(&s);
        }

        #[test]
        fn any_json_report_validates(v in arb_json()) {
            for kind in kyoyu_core::forms::FormKind::ALL {
                if let Ok(r) = Report::from_value(kind, v.clone()) {
                    let _ = validate(&r);
                }
            }
        }

        #[test]
        fn valid_corporate_numbers_are_accepted(base in prop::array::uniform12(0u8..10)) {
            let check = checks::corporate_number_check_digit(&base);
            let s: String = std::iter::once(check).chain(base).map(|d| char::from(b'0' + d)).collect();
            prop_assert_eq!(checks::corporate_number(&s), Ok(s.clone()));
        }
    }

    fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{json, Value};
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u32>().prop_map(|n| json!(n)),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec(
                    (
                        prop::sample::select(vec![
                            "header",
                            "reported_at",
                            "report_number",
                            "identifier",
                            "timeline",
                            "at",
                            "attacks",
                            "started_at",
                            "ended_at",
                            "source",
                            "ip",
                            "port",
                            "laws",
                            "overview",
                            "discovered_at",
                            "occurred_at",
                            "reporter",
                            "corporate_number",
                        ]),
                        inner
                    ),
                    0..5
                )
                .prop_map(|kv| Value::Object(
                    kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )),
            ]
        })
    }
}

#[test]
fn planned_publication_may_lie_ahead() {
    let now = chrono::NaiveDateTime::parse_from_str("2025-08-19 12:00", "%Y-%m-%d %H:%M").ok();
    let mut r = DdosReport::default();
    r.publication.status = Some(Publication::Planned);
    r.publication.date = "2025-09-01".into();
    assert_eq!(validate_at(&r.clone().into(), now), vec![]);
    r.publication.status = Some(Publication::Done);
    let f = validate_at(&r.into(), now);
    assert_eq!(paths(&f, Severity::Warning), ["publication.date"]);
    assert!(
        f[0].message.contains("公表日") && f[0].message.contains("が未来の日時"),
        "{}",
        f[0].message
    );
}

// ---------------------------------------------------------------------------------------------
// Fidelity to the seed (issue 11): what blocks and what only warns

/// Item 4 — 図4 as extracted (seed l.277) prints 「情報連絡日時 年 月 日 時 分」 with no `*`;
/// 図5 (l.554) marks it. 図4, the form that must not be altered, rules: a missing date warns.
#[test]
fn fidelity_4_reported_at_of_the_incident_form_is_not_required() {
    let mut r = minimal_incident();
    r.header.reported_at.clear();
    let f = validate(&r.into());
    assert!(ready_to_send(&f), "{f:?}");
    assert_eq!(paths(&f, Severity::Warning), ["header.reported_at"]);
    assert!(f[0].message.contains("情報連絡日時"), "{}", f[0].message);
    let field =
        kyoyu_core::forms::spec::field(kyoyu_core::forms::FormKind::Incident, "header.reported_at")
            .unwrap();
    assert!(!field.required, "no * on 図4");
}

/// Item 5 — 共通様式 ※1 (seed l.416, l.522): 「いずれの項目も、全ての項目を記入する必要はなく、報告を
/// しようとする時点で把握している範囲で、その内容を記載すること。」 A 和暦 date, a 法人番号 whose
/// check digit fails and a masked IP address or port are worth a look there, never blocking.
#[test]
fn fidelity_5_partial_values_on_the_common_forms_only_warn() {
    let mut d = DdosReport::default();
    d.header.reported_at = "令和7年10月16日 18時00分".into();
    d.reporter.corporate_number = "1000012050002".into();
    d.attacks = vec![DdosAttack::default()];
    d.attacks[0].source.ip = "XX.XX.XX.XX".into();
    d.attacks[0].source.port = "XX".into();
    d.timeline = vec![TimelineRow {
        at: "R7.10.16 13:00".into(),
        description: "検知".into(),
    }];
    let f = validate(&d.into());
    assert!(ready_to_send(&f), "{f:?}");
    let warned = paths(&f, Severity::Warning);
    for p in [
        "reporter.corporate_number",
        "attacks[0].source.ip",
        "attacks[0].source.port",
    ] {
        assert!(warned.contains(&p), "{p} warns: {warned:?}");
    }
    // 和暦 is read on the 共通様式 (core/tests/dates.rs): nothing to say about those dates.
    for p in ["header.reported_at", "timeline[0].at"] {
        assert!(!warned.contains(&p), "{p} is read: {f:?}");
    }
    assert!(
        f.iter()
            .all(|x| x.message.contains("(※1)") || !x.message.contains("西暦")),
        "{f:?}"
    );

    let mut r = RansomwareReport {
        occurred_at: "令和7年11月3日".into(),
        ..Default::default()
    };
    r.reporter.corporate_number = "1000012050002".into();
    assert!(ready_to_send(&validate(&r.into())));

    // 情報連絡様式 has no ※1: a 和暦 date stays an error there.
    let mut i = minimal_incident();
    i.header.reported_at = "令和5年8月19日".into();
    assert_eq!(
        paths(&validate(&i.into()), Severity::Error),
        ["header.reported_at"]
    );
}

/// Item 5 — the fixtures of the 共通様式 carry values written as people write them (「198.51.100.0/24
/// ほか多数(別ファイルで提出)」「XX.XX.XX.XX(調査中)」): ready to send.
#[test]
fn fidelity_5_the_common_form_fixtures_are_ready_to_send() {
    for name in [
        "ddos-two-attacks.json",
        "ddos-three-attacks.json",
        "ransomware.json",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name);
        let env =
            kyoyu_core::envelope::Envelope::from_json(&std::fs::read_to_string(path).unwrap())
                .unwrap();
        let f = validate(&env.report);
        assert!(ready_to_send(&f), "{name}: {f:?}");
    }
}

/// Item 2 — ランサムウェア事案共通様式 記載の手引き (2) ②–④ (seed l.508–510): 「個人情報の保護に関する
/// 法律第26条第1項の規定による漏えい等報告を行う場合 別紙1も記載してください。」 and 2.(3) (l.522):
/// 「報告を行う様式にチェックすること。」 One without the other warns, both ways, for each 別紙.
#[test]
fn fidelity_2_leak_annexes_and_leak_report_laws_go_together() {
    use kyoyu_core::taxonomy::{Choice, LeakAnnex};
    for a in LeakAnnex::ALL {
        let only_annex = RansomwareReport {
            leak_annexes: vec![*a],
            ..Default::default()
        };
        let f = validate(&only_annex.into());
        assert_eq!(paths(&f, Severity::Warning), ["laws"], "{a:?}");
        assert!(
            f[0].message.contains(a.law().text) && f[0].message.contains(a.label()),
            "{}",
            f[0].message
        );

        let only_law = RansomwareReport {
            laws: vec![a.law().id.to_string()],
            ..Default::default()
        };
        let f = validate(&only_law.into());
        assert_eq!(paths(&f, Severity::Warning), ["leak_annexes"], "{a:?}");
        assert!(f[0].message.contains("記載の手引き"), "{}", f[0].message);

        let both = RansomwareReport {
            leak_annexes: vec![*a],
            laws: vec![a.law().id.to_string()],
            ..Default::default()
        };
        assert_eq!(validate(&both.into()), vec![], "{a:?}");
    }
}

/// Item 12 — 2.3(3) 別紙 (seed l.712): 「報道発表・ウェブサイトでの発表等を行っている場合には、リンク先の
/// 明示や当該資料を別紙として添付することが望まれます。」 報道発表 済 with no 別紙 and no link warns.
#[test]
fn fidelity_12_a_press_release_asks_for_the_release_or_its_url() {
    let mut r = minimal_incident();
    r.external.press = Some(PressStatus::Done);
    r.external.press_detail = "10月1日 ニュースリリースを掲載".into();
    let f = validate(&r.clone().into());
    assert!(ready_to_send(&f));
    assert_eq!(paths(&f, Severity::Warning), ["external.press_detail"]);
    assert!(
        f[0].message.contains("別紙") && f[0].message.contains("URL"),
        "{}",
        f[0].message
    );

    let mut with_url = r.clone();
    with_url
        .external
        .press_detail
        .push_str(" https://example.com/news/1");
    assert_eq!(validate(&with_url.into()), vec![]);

    let mut with_annex = r.clone();
    with_annex.header.annex = Some(YesNo::Yes);
    assert_eq!(validate(&with_annex.into()), vec![]);

    // 予定有: nothing released yet, nothing to attach.
    r.external.press = Some(PressStatus::Planned);
    assert_eq!(validate(&r.into()), vec![]);
}
