//! The module's interface for the app (wasm-bindgen): plain strings and bytes across, so the
//! two wasm modules share no types. A request is JSON:
//!
//! ```json
//! { "envelope": { …kyoyu file… }, "previous": { …kyoyu file… } | null,
//!   "base_name": "kyoyu-incident-2023-08-19-dai1",
//!   "files": [{ "name": "画面.png", "mime": "image/png", "size": 1234 }],
//!   "to": ["…"], "cc": ["…"], "date": 1692418500 }
//! ```
//!
//! and the attached files' bytes come as one buffer, one after the other in the order of
//! `files` (one copy across the boundary instead of one call per file).

use kyoyu_core::envelope::Envelope;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::{bundle, mail, Attachment, Outgoing};

#[derive(Deserialize)]
struct Request {
    envelope: Value,
    #[serde(default)]
    previous: Option<Value>,
    base_name: String,
    #[serde(default)]
    files: Vec<FileMeta>,
    #[serde(default)]
    to: Vec<String>,
    #[serde(default)]
    cc: Vec<String>,
    #[serde(default)]
    date: i64,
}

#[derive(Serialize, Deserialize)]
struct FileMeta {
    name: String,
    mime: String,
    size: usize,
}

fn js(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn outgoing(request: &str, data: &[u8]) -> Result<(Outgoing, Request), JsError> {
    let mut req: Request = serde_json::from_str(request)
        .map_err(|e| js(format!("内部エラー: 依頼を読めません ({e})")))?;
    let envelope = Envelope::from_value(std::mem::take(&mut req.envelope)).map_err(js)?;
    let previous = match req.previous.take() {
        Some(v) if !v.is_null() => Some(Envelope::from_value(v).map_err(js)?.report),
        _ => None,
    };
    let mut attachments = Vec::with_capacity(req.files.len());
    let mut at = 0usize;
    for f in &req.files {
        let end = at.checked_add(f.size).filter(|&e| e <= data.len());
        let Some(end) = end else {
            return Err(js(format!(
                "内部エラー: 添付ファイル「{}」のデータが足りません",
                f.name
            )));
        };
        attachments.push(Attachment {
            name: f.name.clone(),
            mime: f.mime.clone(),
            data: data[at..end].to_vec(),
        });
        at = end;
    }
    let out = Outgoing {
        envelope,
        previous,
        attachments,
        base_name: req.base_name.clone(),
        now: req.date,
    };
    Ok((out, req))
}

/// The workbook of the request's report.
#[wasm_bindgen]
pub fn workbook(request: &str) -> Result<Vec<u8>, JsError> {
    let (out, _) = outgoing(request, &[])?;
    out.workbook().map_err(js)
}

/// The e-mail draft (.eml) of the request's report, with its workbook, JSON and files.
#[wasm_bindgen]
pub fn eml(request: &str, data: &[u8]) -> Result<Vec<u8>, JsError> {
    let (out, req) = outgoing(request, data)?;
    let to = mail::Recipients {
        to: req.to,
        cc: req.cc,
    };
    mail::eml(&out, &to).map_err(js)
}

/// The export bundle (.zip) of the request's report.
#[wasm_bindgen]
pub fn bundle(request: &str, data: &[u8]) -> Result<Vec<u8>, JsError> {
    let (out, _) = outgoing(request, data)?;
    bundle::write(&out).map_err(js)
}

/// A bundle read back: the kyoyu file (JSON text), the files' names, types and sizes (JSON),
/// and the files' bytes one after the other.
#[wasm_bindgen]
pub struct Unpacked {
    envelope: String,
    files: String,
    data: Vec<u8>,
}

#[wasm_bindgen]
impl Unpacked {
    #[wasm_bindgen(getter)]
    pub fn envelope(&self) -> String {
        self.envelope.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn files(&self) -> String {
        self.files.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn data(&self) -> Vec<u8> {
        self.data.clone()
    }
}

/// Reads an export bundle (.zip) back.
#[wasm_bindgen]
pub fn read_bundle(zip: &[u8]) -> Result<Unpacked, JsError> {
    let (envelope, files) = bundle::read(zip).map_err(js)?;
    let meta: Vec<FileMeta> = files
        .iter()
        .map(|f| FileMeta {
            name: f.name.clone(),
            mime: f.mime.clone(),
            size: f.data.len(),
        })
        .collect();
    let data = files.into_iter().flat_map(|f| f.data).collect();
    Ok(Unpacked {
        envelope: envelope.to_json_pretty(),
        files: serde_json::to_string(&meta).map_err(js)?,
        data,
    })
}
