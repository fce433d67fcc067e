//! Finding one's way in a long form: the contents list of its sections (sticky beside the form
//! on wide screens, a menu above it on phones), and the links from fields to the reference
//! tables they need (表5 TLP, 表1 原因, 表3 サービス維持レベル …).

use kyoyu_core::forms::{spec, FormKind};
use kyoyu_core::taxonomy::causes;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the heading of the editor's section `index` (in [`spec::all_sections`]' order).
pub fn section_id(index: usize) -> String {
    format!("sec-{index}")
}

/// The contents list of every section the editor shows for a form of `kind`: the form's own,
/// then those kyoyu adds after it (情報提供様式: インディケータ情報), from the same description
/// as the sections themselves. Each entry moves to its section (the address stays the
/// editor's: the app's routes live in the hash).
#[component]
pub fn Contents(kind: FormKind) -> impl IntoView {
    let wide = web_sys::window()
        .and_then(|w| w.match_media("(min-width: 60em)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(true);
    let items = spec::all_sections(kind)
        .enumerate()
        .map(|(i, s)| {
            let target = section_id(i);
            let href = format!("#{target}");
            view! {
                <li><a href=href on:click=move |ev| {
                    ev.prevent_default();
                    go_to(&target);
                }>{s.heading()}</a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="form-contents" aria-label="この様式の目次">
            <details open=wide>
                <summary>"目次"</summary>
                <ol>{items}</ol>
            </details>
        </nav>
    }
}

/// Scrolls to the heading `id` and moves the focus there.
fn go_to(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = el.set_attribute("tabindex", "-1");
    el.scroll_into_view();
    let _ = el.focus();
}

/// The reference table a field needs, if any: (its page on the site, the link's text).
pub fn reference(path: &str) -> Option<(&'static str, &'static str)> {
    Some(match path {
        "header.tlp" => ("/reference/tlp/#table5", "表5 情報共有範囲(TLP)"),
        "header.importance" => ("/reference/importance/", "表4 重要度"),
        "causes" => ("/reference/causes/#table1", causes::TABLE1_TITLE),
        "event_type" => ("/reference/events/", "発生した事象の類型"),
        "sector" | "header.recipients[].sector" => ("/reference/sectors/", "表2 重要インフラ分野"),
        "impact.deviation" | "service_level.deviation" => {
            ("/reference/sectors/", "表3 分野ごとのサービス維持レベル")
        }
        _ => return None,
    })
}

/// The link under a field to its reference table (a new tab: the draft stays open).
pub fn reference_link(path: &str) -> Option<impl IntoView> {
    let (href, text) = reference(&kyoyu_core::forms::path::pattern(path))?;
    Some(view! {
        <p class="field-ref"><a href=href target="_blank" rel="noopener">{format!("参照: {text}")}</a></p>
    })
}
