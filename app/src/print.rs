//! `#/print/<id>`: core's print view of a draft, with the changes since the previous report
//! underlined, and a 「印刷」 button. A draft with errors prints too, after a warning: the
//! page names the errors, and the button asks once more before opening the print dialog.

use kyoyu_core::render;
use kyoyu_core::validate::{self, Finding};
use leptos::prelude::*;

use crate::drafts::{changes_since, previous_report};
use crate::storage;

#[component]
pub fn PrintPage(id: String) -> impl IntoView {
    let draft = match storage::app().load(&id) {
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
    let prev = previous_report(&storage::app(), &draft);
    let changed: Vec<String> = changes_since(prev.as_ref(), &report)
        .into_iter()
        .map(|c| c.path)
        .collect();
    // The page has its own <h1> (above): the form starts at <h2>.
    let html = render::print_markup_in_page(&report, &changed).into_string();
    let now = chrono::Local::now().naive_local();
    let errors: Vec<Finding> = validate::validate_at(&report, Some(now))
        .into_iter()
        .filter(Finding::is_error)
        .collect();
    let n_errors = errors.len();
    let warning = (n_errors > 0).then(|| {
        let items = errors.into_iter().map(|f| view! { <li>{f.message}</li> }).collect_view();
        view! {
            <div class="print-warning message message-error" role="alert">
                <p>{format!("この様式にはエラーが{n_errors}件あります。このまま印刷できますが、提出の前に直してください。")}</p>
                <ul>{items}</ul>
            </div>
        }
    });
    let edit = format!("#/edit/{id}");
    let print = move |_| {
        let Some(w) = web_sys::window() else { return };
        if n_errors > 0 {
            let ask = format!("この様式にはエラーが{n_errors}件あります。このまま印刷しますか?");
            if !w.confirm_with_message(&ask).unwrap_or(false) {
                return;
            }
        }
        let _ = w.print();
    };
    view! {
        <div class="print-view">
            <div class="print-controls">
                <p class="breadcrumb"><a href="#/">"様式入力のホーム"</a></p>
                <h1>{format!("{}(印刷用)", report.title())}</h1>
                {warning}
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
