//! kyoyu's form filler (Leptos CSR). Domain rules live in kyoyu-core; this crate is the UI.
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! {
        <main id="app">
            <h1>"kyoyu 様式入力"</h1>
        </main>
    }
}
