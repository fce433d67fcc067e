//! This device's storage: whether it is persistent and how much is used, encryption at rest
//! (turn on, lock, turn off), and the passphrase prompt shown before any draft when it is on.

use leptos::prelude::*;

use crate::notice::{Notice, NoticeView};
use crate::storage::{self, browser::bump_lock_state, SealReport};
use crate::util;

/// 「12 KB」.
fn bytes(n: f64) -> String {
    if n < 1024.0 * 1024.0 {
        format!("{} KB", (n / 1024.0).ceil() as u64)
    } else {
        format!("{:.1} MB", n / 1024.0 / 1024.0)
    }
}

/// 「この端末への保存: 永続化 済 · 使用量 12 KB」.
#[component]
pub fn StorageInfo() -> impl IntoView {
    let info = RwSignal::new(None::<(Option<bool>, Option<f64>)>);
    leptos::task::spawn_local(async move {
        let r = storage::browser::persistence().await;
        info.try_set(Some(r));
    });
    move || {
        info.get().map(|(persisted, usage)| {
            let p = match persisted {
                Some(true) => "永続化 済",
                Some(false) => "永続化 未許可",
                None => "永続化 不明",
            };
            let u = usage.map(|u| format!(" · 使用量 {}", bytes(u))).unwrap_or_default();
            let hint = (persisted != Some(true)).then(|| view! {
                <p class="hint">"永続化されていない保存データは、容量が足りなくなるとブラウザに消去されることがあります。大切な下書きはファイルに書き出してください。"</p>
            });
            view! {
                <p class="storage-info" id="storage-info">{format!("この端末への保存: {p}{u}")}</p>
                {hint}
            }
        })
    }
}

/// What turning encryption on did, said plainly: what was sealed, and what stays in clear and why.
pub fn sealed_text(r: &SealReport) -> String {
    let book = if r.records > 0 {
        "、保存した宛先"
    } else {
        ""
    };
    let mut text = format!(
        "この端末の下書きを暗号化しました(下書き {}件、読み込めないまま残しているデータ {}件、添付ファイル {}件{book})。次にこのページを開くときはパスフレーズが必要です。",
        r.drafts, r.kept_aside, r.files
    );
    if !r.named_keys.is_empty() {
        text.push_str(&format!(
            "次の {}件は以前の版の kyoyu で作られたため、内容は暗号化しましたが、保存場所の名前(キー)は読めるまま残っています: {}",
            r.named_keys.len(),
            r.named_keys.join("、")
        ));
    }
    if !r.left_in_clear.is_empty() {
        let items: Vec<String> = r
            .left_in_clear
            .iter()
            .map(|(what, why)| format!("{what}({why})"))
            .collect();
        text.push_str(&format!(
            "次の {}件は暗号化できなかったため、暗号化されないまま残っています(次にパスフレーズを入力したときにもう一度暗号化します): {}",
            items.len(),
            items.join("、")
        ));
    }
    text
}

fn sealed_notice(r: &SealReport) -> Notice {
    if r.left_in_clear.is_empty() {
        Notice::ok(sealed_text(r))
    } else {
        Notice::error(sealed_text(r))
    }
}

const FORGOTTEN: &str = "パスフレーズを忘れると、暗号化した下書きは二度と読めません。復元する方法はありません(管理者にも開発者にもできません)。必要な下書きは先にファイルに書き出してください。";

/// The settings of encryption at rest, on the home page.
#[component]
pub fn EncryptionSettings(version: RwSignal<u32>) -> impl IntoView {
    let lock = storage::browser::lock_state();
    let on = Memo::new(move |_| {
        lock.track();
        version.track();
        storage::app().encryption_on()
    });
    let open = RwSignal::new(false);
    let pass = RwSignal::new(String::new());
    let pass2 = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<Notice>);

    let reset = move || {
        pass.set(String::new());
        pass2.set(String::new());
        open.set(false);
        busy.set(false);
    };
    let enable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let p = pass.get_untracked();
        if p.chars().count() < 8 {
            message.set(Some(Notice::error(
                "パスフレーズは8文字以上にしてください。",
            )));
            util::focus_id("enc-pass");
            return;
        }
        if p != pass2.get_untracked() {
            message.set(Some(Notice::error("確認のパスフレーズが一致しません。")));
            util::focus_id("enc-pass2");
            return;
        }
        busy.set(true);
        message.set(Some(Notice::ok("鍵を作成し、下書きを暗号化しています…")));
        leptos::task::spawn_local(async move {
            match storage::app().enable_encryption(&p).await {
                Ok(report) => {
                    reset();
                    message.set(Some(sealed_notice(&report)));
                }
                Err(e) => {
                    busy.set(false);
                    message.set(Some(Notice::error(e.to_string())));
                }
            }
            bump_lock_state();
            version.update(|v| *v += 1);
        });
    };
    let disable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let p = pass.get_untracked();
        busy.set(true);
        message.set(Some(Notice::ok("パスフレーズを確かめています…")));
        leptos::task::spawn_local(async move {
            match storage::app().disable_encryption(&p).await {
                Ok(()) => {
                    reset();
                    message.set(Some(Notice::ok(
                        "暗号化を解除しました。下書きは暗号化せずにこの端末に保存されます。",
                    )));
                }
                Err(e) => {
                    busy.set(false);
                    pass.set(String::new());
                    message.set(Some(Notice::error(e.to_string())));
                    util::focus_id("enc-pass");
                }
            }
            bump_lock_state();
            version.update(|v| *v += 1);
        });
    };
    let lock_now = move |_| {
        storage::app().lock();
        bump_lock_state();
    };

    let pass_input = move |id: &'static str,
                           label: &'static str,
                           sig: RwSignal<String>,
                           autocomplete: &'static str| {
        view! {
            <div class="field">
                <label class="label" for=id>{label}</label>
                <input id=id class="input" type="password" autocomplete=autocomplete
                    prop:value=move || sig.get() on:input=move |ev| sig.set(event_target_value(&ev)) />
            </div>
        }
    };

    view! {
        <section aria-labelledby="encryption-title" class="encryption">
            <h2 id="encryption-title">"端末内の下書きの暗号化"</h2>
            {move || if on.get() {
                view! {
                    <p class="encryption-state">"暗号化: 有効(下書き・添付ファイル・保存した宛先はパスフレーズから作った鍵で暗号化して保存しています)"</p>
                    <p>
                        <button type="button" class="button-secondary" on:click=lock_now>"ロック(パスフレーズを再入力するまで下書きを隠す)"</button>
                        <button type="button" class="button-secondary" aria-expanded=move || open.get().to_string()
                            on:click=move |_| open.update(|o| *o = !*o)>"暗号化を解除する"</button>
                    </p>
                    {move || open.get().then(|| view! {
                        <form class="encryption-form" on:submit=disable>
                            {pass_input("enc-pass", "パスフレーズ", pass, "current-password")}
                            <button type="submit" class="button-warning" disabled=move || busy.get()>"暗号化を解除"</button>
                        </form>
                    })}
                }.into_any()
            } else {
                view! {
                    <p class="encryption-state">"暗号化: 無効"</p>
                    <p>
                        <button type="button" class="button-secondary" aria-expanded=move || open.get().to_string()
                            on:click=move |_| open.update(|o| *o = !*o)>"端末内の下書きを暗号化する"</button>
                    </p>
                    {move || open.get().then(|| view! {
                        <form class="encryption-form" on:submit=enable>
                            <p class="message message-error encryption-warning"><strong>"ご注意: "</strong>{FORGOTTEN}</p>
                            <p class="hint">"この端末の下書き(様式の内容・題名・組織名)、添付ファイルと「送る」で保存した宛先を、読み込めないまま残しているデータも含めてパスフレーズで暗号化します。下書きと添付ファイルの番号(無作為に作ったID)だけは暗号化されません。"</p>
                            {pass_input("enc-pass", "パスフレーズ(8文字以上)", pass, "new-password")}
                            {pass_input("enc-pass2", "パスフレーズ(確認)", pass2, "new-password")}
                            <button type="submit" class="button" disabled=move || busy.get()>"暗号化を有効にする"</button>
                        </form>
                    })}
                }.into_any()
            }}
            <div aria-live="polite">
                <NoticeView notice=message />
            </div>
        </section>
    }
}

/// Asked before any draft is shown when encryption is on.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let pass = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let p = pass.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = storage::app().unlock(&p).await;
            bump_lock_state();
            if let Err(e) = result {
                // Still locked: this page stays.
                error.try_set(Some(e.to_string()));
                busy.try_set(false);
                pass.try_set(String::new());
                util::focus_id("unlock-pass");
            }
        });
    };
    let wipe = move |_| {
        if util::confirm("この端末に保存された様式の下書きをすべて削除します(暗号化された下書きは読めないまま消えます)。元に戻せません。よろしいですか?") {
            leptos::task::spawn_local(async move {
                let _ = storage::app().delete_all().await;
                bump_lock_state();
            });
        }
    };
    util::focus_when_shown("unlock-pass");
    view! {
        <div class="unlock">
            <h1>"パスフレーズを入力してください"</h1>
            <p>"この端末の下書きは暗号化されています。パスフレーズを入力すると、下書きを表示します。"</p>
            <form class="unlock-form" on:submit=submit>
                <div class="field">
                    <label class="label" for="unlock-pass">"パスフレーズ"</label>
                    <input id="unlock-pass" class="input" type="password" autocomplete="current-password"
                        aria-describedby="unlock-error"
                        prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
                </div>
                <div id="unlock-error">
                    {move || error.get().map(|e| view! { <p class="message message-error" role="alert">{e}</p> })}
                </div>
                <button type="submit" class="button" disabled=move || busy.get()>"開く"</button>
                {move || busy.get().then(|| view! { <p role="status">"パスフレーズを確かめています…"</p> })}
            </form>
            <details class="forgotten">
                <summary>"パスフレーズを忘れた場合"</summary>
                <p>"暗号化した下書きを開く方法はありません。ファイルに書き出したものがあれば、データを削除したあとで読み込めます。"</p>
                <button type="button" class="button-warning" on:click=wipe>"この端末のデータをすべて削除"</button>
            </details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StorageError;

    #[test]
    fn the_sealing_message_names_what_stays_in_clear() {
        let all = SealReport {
            drafts: 2,
            kept_aside: 1,
            files: 3,
            ..SealReport::default()
        };
        let t = sealed_text(&all);
        assert!(t.starts_with("この端末の下書きを暗号化しました(下書き 2件、読み込めないまま残しているデータ 1件、添付ファイル 3件)"), "{t}");
        assert!(!t.contains("暗号化されないまま") && !t.contains("宛先"));
        let with_book = SealReport {
            records: 1,
            ..all.clone()
        };
        assert!(sealed_text(&with_book).contains("添付ファイル 3件、保存した宛先)"));
        let some = SealReport {
            left_in_clear: vec![("kyoyu.draft.0a".into(), StorageError::QuotaExceeded)],
            ..all
        };
        let t = sealed_text(&some);
        assert!(
            t.contains("暗号化されないまま残っています")
                && t.contains(
                    "kyoyu.draft.0a(保存できませんでした(端末の保存容量が不足しています)。)"
                ),
            "{t}"
        );
        assert!(!sealed_notice(&some).ok);
        let named = SealReport {
            named_keys: vec!["kyoyu.draft.acme-1".into()],
            ..SealReport::default()
        };
        assert!(sealed_text(&named)
            .contains("保存場所の名前(キー)は読めるまま残っています: kyoyu.draft.acme-1"));
    }
}
