//! Files and the clipboard: download (Blob + object URL + `<a download>`), reading an uploaded
//! file, copying text.

use kyoyu_core::forms::Report;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The file name of an exported report: form, date and 第N報, never the organisation:
/// `kyoyu-incident-2025-10-01-dai2.json`. The date is the report's own date when it can be
/// read, today's otherwise.
pub fn export_file_name(report: &Report, ext: &str) -> String {
    // The report's own date as core's one date reader understands it (2025年10月1日 too).
    let date = kyoyu_core::dates::when(
        report.reported_at(),
        kyoyu_core::dates::Eras::of(report.kind()),
    )
    .map(|w| w.date())
    .unwrap_or_else(|_| chrono::Local::now().date_naive())
    .format("%Y-%m-%d")
    .to_string();
    format!(
        "kyoyu-{}-{}-dai{}.{ext}",
        report.kind().id(),
        date,
        report.report_number()
    )
}

/// The longest download name offered, in characters (file systems take 255 bytes; this leaves
/// room for a browser's 「 (1)」 and keeps Japanese names under it in UTF-8 too).
pub const MAX_NAME: usize = 80;

/// `name` as offered for download: at most [`MAX_NAME`] characters, its extension kept.
pub fn download_name(name: &str) -> String {
    if name.chars().count() <= MAX_NAME {
        return name.to_string();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if name.len() - i <= 10 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    let keep = MAX_NAME - ext.chars().count();
    format!("{}{ext}", stem.chars().take(keep).collect::<String>())
}

/// Offers `text` as a file download (its name shortened by [`download_name`]).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download_part(name, mime, &JsValue::from_str(text))
}

/// Offers `bytes` as a file download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    download_part(name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers a Blob of one part (a string or a byte array) as a file download.
fn download_part(name: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::new();
    parts.push(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = crate::util::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(&download_name(name));
    a.set_hidden(true);
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    let _ = body.remove_child(&a);
    // Let the download start before the URL goes.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The name and bytes of the first file chosen in a file input (bytes, not text: decoding is
/// the reader's, which refuses what is not UTF-8 instead of replacing it).
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Option<(String, Vec<u8>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some((name, js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Copies `text` with `navigator.clipboard.writeText`; Err when the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_over_long_download_name_is_shortened_keeping_its_extension() {
        assert_eq!(download_name("KY-2025-0012-2.md"), "KY-2025-0012-2.md");
        let long = format!("{}-1.md", "a".repeat(403));
        let short = download_name(&long);
        assert_eq!(short.chars().count(), MAX_NAME);
        assert!(short.ends_with("a.md"), "{short}");
        let jp = format!("{}.json", "報".repeat(200));
        assert_eq!(download_name(&jp).chars().count(), MAX_NAME);
        assert!(download_name(&jp).len() < 255);
        assert!(download_name(&jp).ends_with(".json"));
        let no_ext = "x".repeat(100);
        assert_eq!(download_name(&no_ext), "x".repeat(MAX_NAME));
    }
}
