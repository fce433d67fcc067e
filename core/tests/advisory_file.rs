//! The advisory file: round trip with the model, and errors that name the line.

use kyoyu_core::advisory_file::{file_name, parse, parse_located, parse_tlp, to_file};
use kyoyu_core::forms::{Advisory, AdvisoryContact, AdvisoryHeader, Indicator, Recipient};
use kyoyu_core::indicators::IndicatorKind;
use kyoyu_core::taxonomy::{Choice, Importance, Sector, Tlp, YesNo};
use proptest::prelude::*;

const EXAMPLE: &str = r#"+++
importance = "caution"
number = 2
id = "KY-2025-0001"
date = "2025-10-01T10:00"
tlp = "CLEAR"
tlp_note = "特になし"
annex = "no"

[[recipients]]
ministry = "経済産業省"
sector = "electricity"

[[recipients]]
ministry = "総務省"
sector = "telecom"

[contact]
person = "提供 花子"
phone = "03-0000-0000"
fax = "03-0000-0001"
email = "teikyo.hanako@example.go.jp"

[[indicators]]
value = "198.51.100.0/24"
note = "攻撃の送信元"

[[indicators]]
value = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
type = "sha256"
+++

## ① 概要

VPN装置の脆弱性を悪用する攻撃が確認されています。

詳細は次のとおりです。

## ② 対象

製品X バージョン1.0から1.4

## ③ 対処方針

○修正版へ更新する。
○ログを確認する。

## ④ その他

特になし
"#;

fn example() -> Advisory {
    Advisory {
        header: AdvisoryHeader {
            importance: Some(Importance::Caution),
            report_number: 2,
            identifier: "KY-2025-0001".into(),
            provided_at: "2025-10-01T10:00".into(),
            recipients: vec![
                Recipient {
                    ministry: "経済産業省".into(),
                    sector: Some(Sector::Electricity),
                },
                Recipient {
                    ministry: "総務省".into(),
                    sector: Some(Sector::Telecom),
                },
            ],
            tlp: Some(Tlp::Clear),
            tlp_note: "特になし".into(),
            annex: Some(YesNo::No),
        },
        overview: "VPN装置の脆弱性を悪用する攻撃が確認されています。\n\n詳細は次のとおりです。"
            .into(),
        target: "製品X バージョン1.0から1.4".into(),
        response: "○修正版へ更新する。\n○ログを確認する。".into(),
        other: "特になし".into(),
        contact: AdvisoryContact {
            person: "提供 花子".into(),
            phone: "03-0000-0000".into(),
            fax: "03-0000-0001".into(),
            email: "teikyo.hanako@example.go.jp".into(),
        },
        indicators: vec![
            Indicator {
                kind: None,
                value: "198.51.100.0/24".into(),
                note: "攻撃の送信元".into(),
            },
            Indicator {
                kind: Some(IndicatorKind::Sha256),
                value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into(),
                note: String::new(),
            },
        ],
    }
}

/// `EXAMPLE` with line `n` (1-based) replaced.
fn with_line(n: usize, line: &str) -> String {
    EXAMPLE
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == n {
                format!("{line}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

fn line_no(needle: &str) -> usize {
    EXAMPLE.lines().position(|l| l.starts_with(needle)).unwrap() + 1
}

#[test]
fn reads_the_documented_example() {
    assert_eq!(parse(EXAMPLE).unwrap(), example());
}

#[test]
fn writes_what_it_reads() {
    let a = example();
    let file = to_file(&a);
    assert!(file.starts_with("+++\n"), "{file}");
    assert!(file.contains("tlp = \"CLEAR\""), "{file}");
    assert!(file.contains("## ① 概要\n\nVPN装置"), "{file}");
    assert_eq!(parse(&file).unwrap(), a);
}

#[test]
fn the_default_advisory_round_trips() {
    let a = Advisory::default();
    assert_eq!(parse(&to_file(&a)).unwrap(), a);
}

#[test]
fn lines_of_fields() {
    let l = parse_located(EXAMPLE).unwrap();
    assert_eq!(l.line_of("header.tlp"), line_no("tlp ="));
    assert_eq!(l.line_of("header.identifier"), line_no("id ="));
    assert_eq!(l.line_of("header.report_number"), line_no("number ="));
    assert_eq!(
        l.line_of("header.recipients[1].sector"),
        line_no("sector = \"telecom\"")
    );
    assert_eq!(l.line_of("contact.email"), line_no("email ="));
    assert_eq!(
        l.line_of("indicators[0].value"),
        line_no("value = \"198.51.100.0/24\"")
    );
    assert_eq!(l.line_of("indicators[1].kind"), line_no("type ="));
    // No note written: the line of the indicator's table (its `[[indicators]]` line).
    assert_eq!(
        l.line_of("indicators[1].note"),
        line_no("value = \"e3b0") - 1
    );
    assert_eq!(l.line_of("overview"), line_no("## ① 概要"));
    assert_eq!(l.line_of("other"), line_no("## ④ その他"));
    // Unknown or absent fields fall back to the nearest written parent, then line 1.
    assert_eq!(
        l.line_of("header.recipients[1].nothing"),
        l.line_of("header.recipients[1]")
    );
    let bare = parse_located("+++\nid = \"x\"\n+++\n").unwrap();
    assert_eq!(bare.line_of("header.tlp"), 1);
    assert!(!bare.has("header.tlp"));
}

#[test]
fn missing_keys_take_the_models_defaults() {
    let a = parse("+++\n+++\n").unwrap();
    assert_eq!(a, Advisory::default());
    assert_eq!(a.header.report_number, 1);
}

#[test]
fn inline_recipients_and_bare_headings_are_read() {
    let text = "+++\nrecipients = [{ ministry = \"金融庁\", sector = \"finance\" }, { ministry = \"XX省\" }]\n+++\n## 概要\nあ\n## ③対処方針\nい\n";
    let a = parse(text).unwrap();
    assert_eq!(a.header.recipients.len(), 2);
    assert_eq!(a.header.recipients[1].sector, None);
    assert_eq!(a.overview, "あ");
    assert_eq!(a.response, "い");
    assert_eq!(a.target, "");
}

#[test]
fn inline_indicators_are_read_and_written_as_tables() {
    let text = "+++\nindicators = [{ value = \"example.com\" }, { value = \"CVE-2024-3400\", type = \"cve\", note = \"悪用を確認\" }]\n+++\n";
    let a = parse(text).unwrap();
    assert_eq!(a.indicators.len(), 2);
    assert_eq!(a.indicators[0].kind, None);
    assert_eq!(a.indicators[1].kind, Some(IndicatorKind::Cve));
    assert_eq!(a.indicators[1].note, "悪用を確認");
    let file = to_file(&a);
    assert!(
        file.contains("[[indicators]]  # インディケータ情報\nvalue = \"example.com\"\n"),
        "{file}"
    );
    assert_eq!(parse(&file).unwrap(), a);
    let (line, msg) =
        err("+++\nid = \"x\"\n\n[[indicators]]\nvalue = \"a.example\"\nkind = \"url\"\n+++\n");
    assert_eq!(line, 6, "{msg}");
    assert!(
        msg.contains("kind") && msg.contains("[[indicators]] (value, type, note)"),
        "{msg}"
    );
}

#[test]
fn crlf_files_are_read() {
    let crlf = EXAMPLE.replace('\n', "\r\n");
    assert_eq!(parse(&crlf).unwrap(), example());
    let bom = format!("\u{feff}{EXAMPLE}");
    assert_eq!(parse(&bom).unwrap(), example());
}

fn err(text: &str) -> (usize, String) {
    let e = parse(text).expect_err("should fail");
    (e.line, e.message)
}

#[test]
fn unknown_keys_fail_at_their_line() {
    let n = line_no("annex =");
    let (line, msg) = err(&with_line(n, "title = \"件名\""));
    assert_eq!(line, n, "{msg}");
    assert!(msg.contains("title") && msg.contains("使える項目"), "{msg}");

    let n = line_no("fax =");
    let (line, msg) = err(&with_line(n, "mobile = \"090\""));
    assert_eq!(line, n, "{msg}");
    assert!(msg.contains("mobile"), "{msg}");

    let n = line_no("sector = \"telecom\"");
    let (line, msg) = err(&with_line(n, "bunya = \"telecom\""));
    assert_eq!(line, n, "{msg}");
}

#[test]
fn bad_values_fail_at_their_line() {
    for (needle, bad, expect) in [
        ("importance =", "importance = \"urgent\"", "重要度"),
        ("importance =", "importance = \"注意喚起\"", "caution"),
        ("number =", "number = -1", "1 以上"),
        ("number =", "number = \"2\"", "整数"),
        ("annex =", "annex = \"無\"", "no(無)"),
        (
            "sector = \"electricity\"",
            "sector = \"電力\"",
            "electricity(電力)",
        ),
        ("tlp =", "tlp = \"clear\"", "大文字"),
        ("tlp =", "tlp = \"CLEAR \"", "空白"),
        ("tlp =", "tlp = \"TLP:CLEAR\"", "「TLP:」を付けずに"),
        ("tlp =", "tlp = \"WHITE\"", "TLP 1.0"),
        ("tlp =", "tlp = \"TLP:WHITE\"", "CLEAR と書いて"),
        ("tlp =", "tlp = \"PINK\"", "いずれか"),
        ("tlp =", "tlp = CLEAR", "TOML"),
        ("id =", "id = 12", "文字列"),
        ("date =", "date = 2025-10-01T10:00:00", "文字列"),
        (
            "type =",
            "type = \"hash\"",
            "sha256(ファイルのハッシュ値(SHA-256))",
        ),
        ("type =", "type = \"SHA-256\"", "値の形から判定"),
        ("note =", "note = 1", "文字列"),
    ] {
        let n = line_no(needle);
        let (line, msg) = err(&with_line(n, bad));
        assert_eq!(line, n, "{bad}: {msg}");
        assert!(msg.contains(expect), "{bad}: {msg}");
    }
}

#[test]
fn duplicate_keys_fail() {
    let n = line_no("tlp =");
    let text = with_line(n, "tlp = \"CLEAR\"\ntlp = \"RED\"");
    let (line, msg) = err(&text);
    assert!(line == n || line == n + 1, "{line}: {msg}");
    assert!(msg.contains("2回"), "{msg}");
}

#[test]
fn the_frame_is_checked() {
    assert_eq!(err("importance = \"alert\"\n").0, 1);
    assert!(err("# 見出し\n").1.contains("+++"));
    let (line, msg) = err("+++\nid = \"x\"\n");
    assert_eq!(line, 1);
    assert!(msg.contains("終わり"), "{msg}");
}

#[test]
fn the_body_is_checked() {
    let n = line_no("## ② 対象");
    let (line, msg) = err(&with_line(n, "## 対象とする製品"));
    assert_eq!(line, n);
    assert!(msg.contains("見出し"), "{msg}");

    let n = line_no("## ④ その他");
    let (line, msg) = err(&with_line(n, "## ① 概要"));
    assert_eq!(line, n);
    assert!(msg.contains("2回"), "{msg}");

    let text = "+++\n+++\n\n# 件名\n\n## ① 概要\nx\n";
    assert_eq!(err(text).0, 4);
}

#[test]
fn tlp_is_exact() {
    for t in Tlp::ALL {
        assert_eq!(parse_tlp(t.id()), Ok(*t));
    }
    for bad in [
        "clear",
        "Clear",
        " CLEAR",
        "CLEAR ",
        "TLP:CLEAR",
        "tlp:clear",
        "WHITE",
        "white",
        "TLP:WHITE",
        "",
        "AMBER + STRICT",
    ] {
        assert!(parse_tlp(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn texts_that_look_like_markup_survive() {
    let mut a = example();
    a.overview = "## ② 対象\n\\## x\n### 小見出し\n\\\n\n+++\n  ".into();
    a.target = "\n\n先頭と末尾の空行\n\n".into();
    a.response = "\u{3000}字下げ\r\n\t\"引用\" \\ バックスラッシュ".into();
    a.other = "\\\\".into();
    a.header.tlp_note = "改行\nと \"引用符\" と \u{0} と \u{7f}".into();
    let file = to_file(&a);
    assert_eq!(parse(&file).unwrap(), a, "{file}");
}

#[test]
fn file_names() {
    assert_eq!(file_name(&example()), "KY-2025-0001-2.md");
    assert_eq!(file_name(&Advisory::default()), "advisory-1.md");
    let mut a = example();
    a.header.identifier = "識別 番号/1".into();
    assert_eq!(file_name(&a), "1-2.md");
}

// ---------------------------------------------------------------------------------------------
// Property: parse(to_file(a)) == a

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("## ".to_string()),
        Just("##".to_string()),
        Just("## ① 概要".to_string()),
        Just("\\".to_string()),
        Just("+++".to_string()),
        Just("\"".to_string()),
        Just("'''".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{feff}".to_string()),
        Just("#".to_string()),
        any::<char>().prop_map(String::from),
        "[a-zA-Z0-9あ-ん漢字○・]{0,6}",
    ];
    prop::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

fn choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(T::ALL))
}

fn advisory() -> impl Strategy<Value = Advisory> {
    let recipient =
        (text(), choice::<Sector>()).prop_map(|(ministry, sector)| Recipient { ministry, sector });
    let header = (
        choice::<Importance>(),
        any::<u32>(),
        text(),
        text(),
        prop::collection::vec(recipient, 0..3),
        choice::<Tlp>(),
        text(),
        choice::<YesNo>(),
    )
        .prop_map(
            |(
                importance,
                report_number,
                identifier,
                provided_at,
                recipients,
                tlp,
                tlp_note,
                annex,
            )| AdvisoryHeader {
                importance,
                report_number,
                identifier,
                provided_at,
                recipients,
                tlp,
                tlp_note,
                annex,
            },
        );
    let contact =
        (text(), text(), text(), text()).prop_map(|(person, phone, fax, email)| AdvisoryContact {
            person,
            phone,
            fax,
            email,
        });
    let indicator = (choice::<IndicatorKind>(), text(), text())
        .prop_map(|(kind, value, note)| Indicator { kind, value, note });
    (
        header,
        text(),
        text(),
        text(),
        text(),
        contact,
        prop::collection::vec(indicator, 0..3),
    )
        .prop_map(
            |(header, overview, target, response, other, contact, indicators)| Advisory {
                header,
                overview,
                target,
                response,
                other,
                contact,
                indicators,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn round_trip(a in advisory()) {
        let file = to_file(&a);
        let back = parse(&file);
        prop_assert_eq!(back.as_ref(), Ok(&a), "{}", file);
    }

    #[test]
    fn never_panics(s in "\\PC*") {
        let _ = parse(&s);
        let _ = parse(&format!("+++\n{s}\n+++\n{s}"));
    }
}
