//! kyoyu's form filler (Leptos CSR). Domain rules live in kyoyu-core; this crate is the UI.
//!
//! Hash routes, so that any static host serves it offline: `#/` home, `#/new/<kind>`,
//! `#/edit/<draft-id>`, `#/print/<draft-id>`.
use kyoyu_core::forms::FormKind;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

mod contents;
mod dates_ui;
mod device;
mod editor;
mod fields;
mod files;
mod flow;
mod home;
mod print;
mod role;
mod seal;
mod settings;
mod storage;
mod util;

fn main() {
    console_error_panic_hook::set_once();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document
        .get_element_by_id("app-root")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("#app-root");
    root.set_inner_html("");
    let _ = root.set_attribute("data-app-ready", "");
    leptos::mount::mount_to(root, App).forget();
}

/// Where the hash points.
#[derive(Debug, Clone, PartialEq)]
enum Route {
    Home,
    New(FormKind),
    Edit(String),
    Print(String),
    NotFound(String),
}

fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let mut parts = path.splitn(2, '/');
    match (parts.next().unwrap_or(""), parts.next()) {
        ("", _) => Route::Home,
        ("new", Some(k)) => match FormKind::from_id(k) {
            Some(kind) => Route::New(kind),
            None => Route::NotFound(hash),
        },
        ("edit", Some(id)) if !id.is_empty() => Route::Edit(id.to_string()),
        ("print", Some(id)) if !id.is_empty() => Route::Print(id.to_string()),
        _ => Route::NotFound(hash),
    }
}

#[component]
fn App() -> impl IntoView {
    let route = RwSignal::new(current_route());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = current_route();
        if route.get_untracked() != r {
            route.set(r);
        }
        // A new page: start at its top.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || handle.remove());
    storage::watch_other_tabs();
    // With encryption on, nothing is shown before the passphrase.
    let lock = storage::lock_state();
    let locked = Memo::new(move |_| {
        lock.track();
        storage::needs_unlock()
    });

    let page = move || {
        if locked.get() {
            view! { <settings::UnlockPage /> }.into_any()
        } else {
            match route.get() {
                Route::Home => view! { <home::Home /> }.into_any(),
                Route::New(kind) => {
                    // A new draft is saved at once, and the address becomes its own.
                    let d = editor::new_draft(kind);
                    match storage::save(&d) {
                        Ok(()) => {
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().replace(&format!("#/edit/{}", d.id));
                            }
                            view! { <p>"新しい様式を準備しています…"</p> }.into_any()
                        }
                        Err(e) => view! {
                            <h1>"様式を作成できません"</h1>
                            <p class="message message-error" role="alert">{e.to_string()}</p>
                        }
                        .into_any(),
                    }
                }
                Route::Edit(id) => view! { <editor::EditorPage id=id /> }.into_any(),
                Route::Print(id) => view! { <print::PrintPage id=id /> }.into_any(),
                Route::NotFound(h) => view! {
                    <h1>"ページが見つかりません"</h1>
                    <p>{format!("「{h}」という画面はありません。")}</p>
                    <p><a href="#/">"様式入力のホームへ"</a></p>
                }
                .into_any(),
            }
        }
    };
    view! {
        <device::OfflineIndicator />
        {page}
    }
}
