//! The state of this device in view: whether the browser is offline (the app keeps working),
//! and asking again for persistent storage.

use leptos::prelude::*;

fn online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

/// A banner while the browser is offline, saying that the form filler keeps working.
#[component]
pub fn OfflineIndicator() -> impl IntoView {
    let on = RwSignal::new(online());
    let a = window_event_listener(leptos::ev::online, move |_| on.set(true));
    let b = window_event_listener(leptos::ev::offline, move |_| on.set(false));
    on_cleanup(move || {
        a.remove();
        b.remove();
    });
    move || {
        (!on.get()).then(|| view! {
            <p class="message offline-indicator" role="status">
                <strong>"オフラインです。"</strong>
                "様式の入力・保存・印刷・ファイルへの書き出しはこのまま続けられます(この端末の中だけで動いています)。"
            </p>
        })
    }
}

/// 「永続化を申請する」: asks the browser again to keep this site's data
/// (`navigator.storage.persist()`), and says what it answered.
#[component]
pub fn PersistAgain() -> impl IntoView {
    let answer = RwSignal::new(None::<Option<bool>>);
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let r = persist().await;
            answer.try_set(Some(r));
        });
    };
    view! {
        <p>
            <button type="button" class="button-secondary" on:click=ask>"保存データの永続化を申請する"</button>
        </p>
        {move || answer.get().map(|r| {
            let m = match r {
                Some(true) => "永続化されました。容量が足りなくなっても、この端末の下書きはブラウザに消去されません。",
                Some(false) => "ブラウザは永続化を許可しませんでした。ブックマークやホーム画面への追加の後にもう一度申請できます。大切な下書きはファイルに書き出してください。",
                None => "このブラウザは永続化の申請に対応していません。大切な下書きはファイルに書き出してください。",
            };
            view! { <p class="message persist-answer" role="status">{m}</p> }
        })}
    }
}

async fn persist() -> Option<bool> {
    use wasm_bindgen_futures::JsFuture;
    let sm = web_sys::window()?.navigator().storage();
    if sm.is_undefined() {
        return None;
    }
    JsFuture::from(sm.persist().ok()?)
        .await
        .ok()
        .and_then(|v| v.as_bool())
}
