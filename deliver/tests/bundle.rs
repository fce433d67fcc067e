//! The export bundle: written, read back unchanged; a broken one refused with a Japanese
//! message.

mod common;

use std::io::{Cursor, Write};

use kyoyu_deliver::{bundle, Attachment, Error};

#[test]
fn a_bundle_reads_back_unchanged() {
    for name in common::FIXTURES {
        let mut files = common::attachments();
        // Two files of the same name stay two files.
        files.push(Attachment {
            name: files[0].name.clone(),
            mime: "image/png".into(),
            data: vec![1, 2, 3],
        });
        // A name that is a path is kept as a name, not unpacked as a path.
        files.push(Attachment {
            name: "../../etc/passwd".into(),
            mime: "application/octet-stream".into(),
            data: vec![],
        });
        let out = common::outgoing(name, files);
        let zip = bundle::write(&out).unwrap();
        let (envelope, back) = bundle::read(&zip).unwrap();
        assert_eq!(envelope, out.envelope, "{name}");
        assert_eq!(back, out.attachments, "{name}");

        // The workbook is in it for reading, and is the workbook of the report.
        let mut archive = zip::ZipArchive::new(Cursor::new(&zip)).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|n| n.unwrap().to_string())
            .collect();
        assert!(
            names.contains(&"kyoyu-report-dai1.xlsx".to_string()),
            "{names:?}"
        );
        assert!(
            names
                .iter()
                .all(|n| n.split('/').all(|part| part != ".." && !part.is_empty())),
            "{names:?}"
        );
        assert_eq!(
            names
                .iter()
                .filter(|n| n.starts_with("files/") && n.matches('/').count() == 1)
                .count(),
            out.attachments.len()
        );
        let mut xlsx = Vec::new();
        std::io::copy(
            &mut archive.by_name("kyoyu-report-dai1.xlsx").unwrap(),
            &mut xlsx,
        )
        .unwrap();
        assert!(
            xlsx == out.workbook().unwrap(),
            "the workbook of the report"
        );
    }
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (n, d) in entries {
        z.start_file(*n, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(d).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn refused(bytes: &[u8]) -> String {
    match bundle::read(bytes) {
        Err(e @ Error::BundleRead(_)) => e.to_string(),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_broken_bundle_is_refused_in_japanese() {
    let good = bundle::write(&common::outgoing(
        "zu5-incident.json",
        common::attachments(),
    ))
    .unwrap();
    let m = refused(&good[..good.len() / 2]);
    assert!(
        m.contains("ZIP ファイルが壊れているため読み込めません"),
        "{m}"
    );
    assert!(m.contains("下書きは変更されていません"), "{m}");

    let m = refused(&zip_of(&[("report.json", b"{}")]));
    assert!(m.contains("kyoyu-bundle.json がありません"), "{m}");

    let m = refused(&zip_of(&[(
        "kyoyu-bundle.json",
        br#"{"format":"other","version":1,"report":"r.json","workbook":"","files":[]}"#,
    )]));
    assert!(m.contains("kyoyu の書き出しファイルではありません"), "{m}");

    let manifest =
        br#"{"format":"kyoyu-bundle","version":1,"report":"r.json","workbook":"","files":[]}"#;
    let m = refused(&zip_of(&[
        ("kyoyu-bundle.json", manifest),
        ("r.json", b"{\"format\": \"kyoyu-report\", "),
    ]));
    assert!(
        m.contains("r.json: ファイルが壊れているため読み込めません"),
        "{m}"
    );

    let json = std::fs::read(format!(
        "{}/../tests/fixtures/zu5-incident.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let manifest = br#"{"format":"kyoyu-bundle","version":1,"report":"r.json","workbook":"","files":[{"path":"files/a.png","name":"a.png","mime":"image/png","size":10}]}"#;
    let m = refused(&zip_of(&[
        ("kyoyu-bundle.json", manifest),
        ("r.json", &json),
        ("files/a.png", b"short"),
    ]));
    assert!(m.contains("files/a.png の大きさが記録と違います"), "{m}");
}
