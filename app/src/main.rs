//! kyoyu's form filler (Leptos CSR). Domain rules live in kyoyu-core; this crate is the UI:
//! the routes ([`route`]), the storage layer ([`storage`]), drafts and their series
//! ([`drafts`]), the state of a report being edited ([`state`]) and the pages over them.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use route::Route;

mod adopt;
mod contents;
mod dates_ui;
mod deliver;
mod device;
mod drafts;
mod editor;
mod fields;
mod files;
mod flow;
mod home;
mod notice;
mod print;
mod role;
mod route;
mod seal;
mod settings;
mod state;
mod storage;
mod util;

fn main() {
    console_error_panic_hook::set_once();
    // This task compiled and instantiated the WebAssembly; the app starts in the next one, so
    // that neither is long (a long task keeps the page from answering input).
    set_timeout(start, std::time::Duration::ZERO);
}

/// Starts the app in `#app-root`: its pages go in a container of their own before the home
/// site-gen wrote into the page, which the app's home takes over in place ([`adopt`]).
fn start() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.get_element_by_id("app-root").expect("#app-root");
    let home = adopt::keep(&root);
    if let Some(loading) = root.query_selector(":scope > .app-loading").ok().flatten() {
        loading.remove();
    }
    let pages = document
        .create_element("div")
        .expect("div")
        .unchecked_into::<web_sys::HtmlElement>();
    pages.set_class_name("app-pages");
    let _ = root.insert_before(&pages, home.as_ref().map(|h| h.as_ref()));
    leptos::mount::mount_to(pages, App).forget();
    // Another page is on the screen now; the home says so itself once its list is there.
    if !home.is_some_and(|h| h.is_connected()) {
        adopt::ready();
    }
}

#[component]
fn App() -> impl IntoView {
    let route = RwSignal::new(Route::current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let r = Route::current();
        if route.get_untracked() != r {
            route.set(r);
        }
        // A new page: start at its top.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || handle.remove());
    storage::browser::watch_other_tabs();
    // With encryption on, nothing is shown before the passphrase.
    let lock = storage::browser::lock_state();
    let locked = Memo::new(move |_| {
        lock.track();
        storage::app().needs_unlock()
    });

    let page = move || {
        // The home's elements are in the page while it is shown only.
        if locked.get() || route.get() != Route::Home {
            adopt::take_out();
        }
        if locked.get() {
            view! { <settings::UnlockPage /> }.into_any()
        } else {
            match route.get() {
                Route::Home => view! { <home::Home /> }.into_any(),
                Route::New(kind) => {
                    // A new draft is saved at once, and the address becomes its own.
                    let saved =
                        drafts::new_draft(&storage::app(), kind, &storage::browser::now_rfc3339())
                            .and_then(|d| storage::browser::save(&d).map(|()| d.id));
                    match saved {
                        Ok(id) => {
                            Route::Edit(id).replace();
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
