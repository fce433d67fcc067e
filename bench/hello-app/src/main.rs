//! Hello, world in Leptos 0.8 (CSR): one component with a heading.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! { <h1>"こんにちは、世界"</h1> }
}
