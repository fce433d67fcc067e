//! The export bundle: one .zip holding a report as kyoyu's JSON, its workbook and the files
//! attached to it, which the app's import reads back unchanged ([`read`]).
//!
//! ```text
//! kyoyu-bundle.json                      the manifest (below)
//! kyoyu-incident-2023-08-19-dai1.json    the report (core's file format)
//! kyoyu-incident-2023-08-19-dai1.xlsx    the workbook (for reading; import ignores it)
//! files/screenshot.png                   the attached files, under names made unique
//! ```
//!
//! The manifest keeps what a zip does not: each file's own name and media type.
//! `{"format": "kyoyu-bundle", "version": 1, "report": "….json", "workbook": "….xlsx",
//!   "files": [{"path": "files/…", "name": "…", "mime": "…", "size": 123}]}`

use std::io::{Cursor, Read, Write};

use kyoyu_core::attachments;
use kyoyu_core::envelope::Envelope;
use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::{Attachment, Error, Outgoing};

/// The manifest's name inside the zip.
pub const MANIFEST: &str = "kyoyu-bundle.json";
/// The manifest's `format`.
pub const FORMAT: &str = "kyoyu-bundle";
/// The manifest's `version` this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    version: u32,
    report: String,
    workbook: String,
    files: Vec<FileEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct FileEntry {
    path: String,
    name: String,
    mime: String,
    size: u64,
}

/// The .zip of `out`.
pub fn write(out: &Outgoing) -> Result<Vec<u8>, Error> {
    let werr = |e: &dyn std::fmt::Display| Error::BundleWrite(e.to_string());
    let xlsx = out.workbook()?;
    let mut used = std::collections::HashSet::new();
    let files: Vec<FileEntry> = out
        .attachments
        .iter()
        .map(|a| FileEntry {
            path: format!("files/{}", unique_name(&a.name, &mut used)),
            name: a.name.clone(),
            mime: a.mime.clone(),
            size: a.data.len() as u64,
        })
        .collect();
    let manifest = Manifest {
        format: FORMAT.into(),
        version: VERSION,
        report: out.file_name("json"),
        workbook: out.file_name("xlsx"),
        files,
    };
    let deflate = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let manifest_json = serde_json::to_string_pretty(&manifest).map_err(|e| werr(&e))?;
    let json = out.envelope.to_json_pretty();
    let mut parts: Vec<(&str, &[u8])> = vec![
        (MANIFEST, manifest_json.as_bytes()),
        (&manifest.report, json.as_bytes()),
        (&manifest.workbook, &xlsx),
    ];
    for (entry, a) in manifest.files.iter().zip(&out.attachments) {
        parts.push((&entry.path, &a.data));
    }
    for (name, data) in parts {
        zip.start_file(name, deflate).map_err(|e| werr(&e))?;
        zip.write_all(data).map_err(|e| werr(&e))?;
    }
    Ok(zip.finish().map_err(|e| werr(&e))?.into_inner())
}

/// A name for `files/` that no other file of the bundle has, without path separators:
/// 「画面.png」, 「画面 (2).png」.
fn unique_name(name: &str, used: &mut std::collections::HashSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = match clean.trim_matches('.') {
        "" => "file".to_string(),
        c => c.to_string(),
    };
    let (stem, ext) = match clean.rfind('.') {
        Some(i) if i > 0 => (&clean[..i], &clean[i..]),
        _ => (clean.as_str(), ""),
    };
    let mut candidate = clean.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    candidate
}

/// The report and the attached files of a bundle written by [`write`]. Reads the whole file
/// first: on any fault nothing comes back but the error (naming what is wrong, in Japanese).
pub fn read(zip_bytes: &[u8]) -> Result<(Envelope, Vec<Attachment>), Error> {
    let rerr = |m: String| Error::BundleRead(m);
    let mut zip = ZipArchive::new(Cursor::new(zip_bytes))
        .map_err(|e| rerr(format!("ZIP ファイルが壊れているため読み込めません。({e})")))?;
    // A bundle holds at most one report's attachments, its JSON and workbook: anything much
    // larger is not one of ours (and is not unpacked into memory).
    let limit = attachments::MAX_TOTAL_BYTES * 2 + 16 * 1024 * 1024;
    let mut entry = |name: &str| -> Result<Vec<u8>, Error> {
        let f = zip.by_name(name).map_err(|_| {
            rerr(format!("ZIP ファイルに {name} がありません。kyoyu で書き出した ZIP ファイルを選んでください。"))
        })?;
        if f.size() > limit {
            return Err(rerr(format!(
                "ZIP ファイルの {name} が大きすぎます ({} バイト)。",
                f.size()
            )));
        }
        let mut data = Vec::with_capacity(f.size() as usize);
        f.take(limit).read_to_end(&mut data).map_err(|e| {
            rerr(format!(
                "ZIP ファイルの {name} が壊れているため読み込めません。({e})"
            ))
        })?;
        Ok(data)
    };
    let manifest = entry(MANIFEST)?;
    let manifest: Manifest = serde_json::from_slice(&manifest)
        .map_err(|e| rerr(format!("ZIP ファイルの {MANIFEST} を読み込めません。({e})")))?;
    if manifest.format != FORMAT {
        return Err(rerr(
            "この ZIP ファイルは kyoyu の書き出しファイルではありません。".into(),
        ));
    }
    if manifest.version > VERSION {
        return Err(rerr(format!(
            "この ZIP ファイルは新しい版 (v{}) の kyoyu で作られました。ページを再読み込みして kyoyu を更新してから開いてください。",
            manifest.version
        )));
    }
    let json = entry(&manifest.report)?;
    let json = String::from_utf8(json).map_err(|_| {
        rerr(format!(
            "ZIP ファイルの {} は UTF-8 のテキストではありません。",
            manifest.report
        ))
    })?;
    let envelope =
        Envelope::from_json(&json).map_err(|e| rerr(format!("{}: {e}", manifest.report)))?;
    let mut files = Vec::with_capacity(manifest.files.len());
    for f in &manifest.files {
        let data = entry(&f.path)?;
        if data.len() as u64 != f.size {
            return Err(rerr(format!(
                "ZIP ファイルの {} の大きさが記録と違います。",
                f.path
            )));
        }
        files.push(Attachment {
            name: f.name.clone(),
            mime: f.mime.clone(),
            data,
        });
    }
    Ok((envelope, files))
}
