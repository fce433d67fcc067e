//! `#/print/<id>`: core's print view of a draft, with the changes since the previous report
//! underlined, and a 「印刷」 button.

use kyoyu_core::render;
use leptos::prelude::*;

use crate::editor::{changes_since, previous_report};
use crate::storage;

#[component]
pub fn PrintPage(id: String) -> impl IntoView {
    let draft = match storage::load(&id) {
        Ok(d) => d,
        Err(e) => {
            return view! {
                <h1>"下書きを開けません"</h1>
                <p class="message message-error" role="alert">{e.to_string()}</p>
                <p><a href="#/">"様式入力のホームへ"</a></p>
            }
            .into_any()
        }
    };
    let report = draft.envelope.report.clone();
    let prev = previous_report(&draft);
    let changed: Vec<String> = changes_since(prev.as_ref(), &report)
        .into_iter()
        .map(|c| c.path)
        .collect();
    let html = render::print_html(&report, &changed);
    let edit = format!("#/edit/{id}");
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="print-view">
            <div class="print-controls">
                <p class="breadcrumb"><a href="#/">"様式入力のホーム"</a></p>
                <h1>{format!("{}(印刷用)", report.title())}</h1>
                <p>
                    <button type="button" class="button" on:click=print>"印刷"</button>
                    " "
                    <a class="button-secondary" href=edit>"編集に戻る"</a>
                </p>
            </div>
            <div class="print-body" inner_html=html></div>
        </div>
    }
    .into_any()
}
