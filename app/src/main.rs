//! kyoyu's form filler (Leptos CSR). Domain rules live in kyoyu-core; this crate is the UI.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let root = document
        .get_element_by_id("app-root")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("#app-root");
    root.set_inner_html("");
    let _ = root.set_attribute("data-app-ready", "");
    leptos::mount::mount_to(root, App).forget();
}

#[component]
fn App() -> impl IntoView {
    view! {
        <h1>"様式入力"</h1>
    }
}
