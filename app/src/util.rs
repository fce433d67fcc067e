//! Small helpers of the UI: reading and writing a report's JSON value by field path, element ids
//! derived from paths, the clock, the DOM.

use kyoyu_core::forms::FieldPath;
use serde_json::Value;
use wasm_bindgen::JsCast;

/// The element id of the input of a field path: `timeline[2].at` → `f-timeline-2-at`.
pub fn field_id(path: &str) -> String {
    let mut s = String::from("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => s.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => s.push(c),
            _ => s.push('_'),
        }
    }
    s
}

/// The mutable value at `path`, creating objects on the way (lists must exist).
pub fn get_mut<'a>(root: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    FieldPath::parse(path)?.get_mut(root)
}

/// Sets the value at `path`.
pub fn set(root: &mut Value, path: &str, new: Value) {
    if let Some(p) = FieldPath::parse(path) {
        p.set(root, new);
    }
}

/// The value at `path` as text ("" when absent or not text).
pub fn get_str(root: &Value, path: &str) -> String {
    match FieldPath::parse(path).and_then(|p| p.get(root)) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Now as `YYYY-MM-DDTHH:MM` (local), the forms' date-time format.
pub fn now_form() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M").to_string()
}

/// `HH:MM:SS` of an RFC 3339 time (for 「保存済み HH:MM:SS」).
pub fn hms(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}

/// 「2025-10-01 09:12」 of an RFC 3339 time.
pub fn short_datetime(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Moves focus to the input of `path` (or, for a block such as `header.contact`, to its first
/// input); scrolls it into view. Returns whether an element was found.
pub fn focus_field(path: &str) -> bool {
    let id = field_id(path);
    let doc = document();
    let el = doc
        .get_element_by_id(&id)
        .filter(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
        .or_else(|| {
            let sel = format!(
                "input[id^=\"{id}-\"], select[id^=\"{id}-\"], textarea[id^=\"{id}-\"], button[id^=\"{id}-\"]"
            );
            doc.query_selector(&sel).ok().flatten()
        });
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(e) => {
            e.scroll_into_view();
            let _ = e.focus();
            true
        }
        None => false,
    }
}

/// Focuses the element with this id, if any.
pub fn focus_id(id: &str) {
    if let Some(e) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// Focuses the element `id` once a render has put it in the page: in the next frame, or — when
/// the render that shows it has not run yet (Leptos schedules its effects) — in one of the few
/// frames after it. Focus never lands on a stale element, and never goes missing.
pub fn focus_when_shown(id: impl Into<String>) {
    fn attempt(id: String, frames_left: u32) {
        leptos::prelude::request_animation_frame(move || match document().get_element_by_id(&id) {
            Some(_) => focus_id(&id),
            None if frames_left > 0 => attempt(id, frames_left - 1),
            None => {}
        });
    }
    attempt(id.into(), 30);
}

/// Whether a JSON value holds anything typed or chosen (a non-empty text, a choice, a ticked
/// box), anywhere inside it.
pub fn has_content(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(items) => items.iter().any(has_content),
        Value::Object(m) => m.values().any(has_content),
        Value::Bool(b) => *b,
        Value::Null | Value::Number(_) => false,
    }
}

/// `window.confirm`.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
