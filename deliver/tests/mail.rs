//! The e-mail draft read back by a mail parser (mail-parser), as a mail program reads it.

mod common;

use kyoyu_core::render;
use kyoyu_deliver::mail::{self, Recipients, XLSX_MIME};
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};

fn recipients() -> Recipients {
    Recipients {
        to: vec![
            "soc@example.go.jp".into(),
            "  ".into(),
            "cyber@example.go.jp".into(),
        ],
        cc: vec!["manager@example.co.jp".into()],
    }
}

#[test]
fn every_part_of_the_draft_reads_back() {
    for name in common::FIXTURES {
        let out = common::outgoing(name, common::attachments());
        let report = &out.envelope.report;
        let eml = mail::eml(&out, &recipients()).unwrap();
        let msg = MessageParser::default()
            .parse(&eml)
            .unwrap_or_else(|| panic!("{name}: not a message"));

        // The subject, encoded for transport, decodes to core's subject.
        let raw = String::from_utf8_lossy(&eml);
        let subject_line = raw.lines().find(|l| l.starts_with("Subject:")).unwrap();
        assert!(
            subject_line.contains("=?utf-8?"),
            "{name}: subject not RFC 2047-encoded: {subject_line}"
        );
        assert_eq!(
            msg.subject(),
            Some(render::subject(report).as_str()),
            "{name}"
        );
        assert!(raw.is_ascii(), "{name}: 8-bit data in the message");

        // Opened as a draft to send.
        assert!(
            matches!(msg.header("X-Unsent"), Some(HeaderValue::Text(t)) if t == "1"),
            "{name}: X-Unsent"
        );
        let to: Vec<&str> = msg
            .to()
            .unwrap()
            .iter()
            .filter_map(|a| a.address())
            .collect();
        assert_eq!(to, ["soc@example.go.jp", "cyber@example.go.jp"], "{name}");
        let cc: Vec<&str> = msg
            .cc()
            .unwrap()
            .iter()
            .filter_map(|a| a.address())
            .collect();
        assert_eq!(cc, ["manager@example.co.jp"], "{name}");
        let (person, email) = report.contact();
        let from = msg.from().unwrap().first().unwrap();
        assert_eq!(from.address(), Some(email), "{name}");
        assert_eq!(
            from.name(),
            Some(person).filter(|p| !p.is_empty()),
            "{name}"
        );
        assert!(msg.date().is_some(), "{name}: Date");

        // The body is the plain text (mail's lines end in CRLF).
        let body = msg.body_text(0).unwrap().replace("\r\n", "\n");
        assert_eq!(body, render::plain_text(report), "{name}");

        // Attachments: the workbook, the kyoyu file, the user's files — each byte for byte.
        let parts: Vec<_> = msg.attachments().collect();
        assert_eq!(parts.len(), 4, "{name}");
        assert_eq!(parts[0].attachment_name(), Some("kyoyu-report-dai1.xlsx"));
        let ct = parts[0].content_type().unwrap();
        assert_eq!(
            format!("{}/{}", ct.ctype(), ct.subtype().unwrap()),
            XLSX_MIME
        );
        assert!(
            parts[0].contents() == out.workbook().unwrap().as_slice(),
            "{name}: the workbook"
        );
        assert_eq!(parts[1].attachment_name(), Some("kyoyu-report-dai1.json"));
        let back = kyoyu_core::envelope::Envelope::from_json(
            std::str::from_utf8(parts[1].contents()).unwrap(),
        )
        .unwrap();
        assert_eq!(back, out.envelope, "{name}: the kyoyu file in the draft");
        for (part, a) in parts[2..].iter().zip(&out.attachments) {
            assert_eq!(part.attachment_name(), Some(a.name.as_str()), "{name}");
            assert_eq!(
                part.content_type()
                    .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or(""))),
                Some(a.mime.clone())
            );
            assert_eq!(part.contents(), a.data.as_slice(), "{name}: {}", a.name);
        }
    }
}

#[test]
fn a_draft_without_addresses_or_files_still_has_its_workbook_and_json() {
    let mut out = common::outgoing("zu5-incident.json", vec![]);
    if let kyoyu_core::forms::Report::Incident(r) = &mut out.envelope.report {
        r.header.contact.email.clear();
    }
    let eml = mail::eml(&out, &Recipients::default()).unwrap();
    let msg = MessageParser::default().parse(&eml).unwrap();
    assert!(
        msg.from().is_none(),
        "no From without the report's e-mail address"
    );
    assert!(msg.to().is_none());
    assert_eq!(msg.attachments().count(), 2);
}
