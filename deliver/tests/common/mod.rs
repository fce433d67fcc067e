//! The fixtures shared by the tests: the repository's own report files, and attached files.
#![allow(dead_code)] // each test binary uses its part

use std::io::{Cursor, Read};

use kyoyu_core::envelope::Envelope;
use kyoyu_deliver::{Attachment, Outgoing};

/// `tests/fixtures/NAME` of the repository, as a kyoyu file.
pub fn fixture(name: &str) -> Envelope {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Envelope::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every report fixture of the repository (one or more of each form).
pub const FIXTURES: [&str; 6] = [
    "long-text-incident.json",
    "ddos-three-attacks.json",
    "zu5-incident.json",
    "ddos-two-attacks.json",
    "ransomware.json",
    "zu8-advisory.json",
];

/// A PNG-like binary (every byte value, so no encoding can pass it unchanged by luck) and a
/// Japanese-named text file.
pub fn attachments() -> Vec<Attachment> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..=255u8).cycle().take(70_000));
    vec![
        Attachment {
            name: "画面のスクリーンショット.png".into(),
            mime: "image/png".into(),
            data: png,
        },
        Attachment {
            name: "送信元IPアドレス一覧.txt".into(),
            mime: "text/plain".into(),
            data: "192.0.2.1\n192.0.2.2\n".as_bytes().to_vec(),
        },
    ]
}

pub fn outgoing(name: &str, attachments: Vec<Attachment>) -> Outgoing {
    Outgoing {
        envelope: fixture(name),
        previous: None,
        attachments,
        base_name: "kyoyu-report-dai1".into(),
        now: 1_692_418_500,
    }
}

/// A part of an .xlsx as text (`xl/worksheets/sheet1.xml`, `xl/styles.xml`).
pub fn part(xlsx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}
