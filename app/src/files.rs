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

/// Offers `text` as a file download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::new();
    parts.push(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = crate::util::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
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

/// The text of the first file chosen in a file input.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Option<(String, String)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some((name, text))
}

/// Copies `text` with `navigator.clipboard.writeText`; Err when the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}
