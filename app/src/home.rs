//! The home of the form filler: start a form, the drafts kept in this browser (grouped by
//! series, newest first, with a filter), import, delete all.

use kyoyu_core::forms::Report;
use kyoyu_core::home as first;
use kyoyu_core::taxonomy::Choice;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adopt::{self, Kept, Listener};
use crate::drafts::{self, FollowUp};
use crate::files;
use crate::notice::{Notice, NoticeView};
use crate::route::Route;
use crate::settings::{EncryptionSettings, StorageInfo};
use crate::storage::{self, browser::now_rfc3339, Draft, Listed};
use crate::util;

/// 「分野 / 組織」 of a report for the list.
fn who(r: &Report) -> String {
    match r {
        Report::Incident(r) => {
            let mut parts = Vec::new();
            if let Some(s) = r.sector {
                parts.push(s.label().to_string());
            }
            if !r.operator_name.trim().is_empty() {
                parts.push(r.operator_name.trim().to_string());
            }
            parts.join(" / ")
        }
        Report::Ddos(r) => r.reporter.name.trim().to_string(),
        Report::Ransomware(r) => r.reporter.name.trim().to_string(),
        Report::Advisory(r) => r
            .header
            .recipients
            .iter()
            .map(|x| {
                let s = x.sector.map(|s| s.label()).unwrap_or("");
                format!("{} {}", x.ministry.trim(), s).trim().to_string()
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("、"),
    }
}

/// Series, newest first; within a series, 第N報 in order.
fn grouped(mut drafts: Vec<Draft>) -> Vec<Vec<Draft>> {
    drafts.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
    let mut out: Vec<Vec<Draft>> = Vec::new();
    for d in drafts {
        let sid = d.envelope.series.id.clone();
        match out
            .iter_mut()
            .find(|g| !sid.is_empty() && g[0].envelope.series.id == sid)
        {
            Some(g) => g.push(d),
            None => out.push(vec![d]),
        }
    }
    for g in out.iter_mut() {
        g.sort_by_key(|d| std::cmp::Reverse(d.envelope.report.report_number()));
    }
    out
}

fn matches(d: &Draft, q: &str) -> bool {
    let q = q.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let r = &d.envelope.report;
    let hay = format!(
        "{} 第{}報 {} {} {}",
        r.kind().name(),
        r.report_number(),
        r.title(),
        who(r),
        r.tlp().map(|t| t.label()).unwrap_or("")
    )
    .to_lowercase();
    q.split_whitespace().all(|w| hay.contains(w))
}

/// The home: site-gen's elements (the first screen, [`kyoyu_core::home`]) taken over in place
/// ([`crate::adopt`]) — the role chooser's answer, the filter and the drafts list added to them —
/// and the sections below the first screen.
#[component]
pub fn Home() -> impl IntoView {
    let Some(home) = adopt::home_in_place() else {
        return;
    };
    let kept = Kept::new();
    on_cleanup(adopt::take_out);
    let part = |selector: &str| home.query_selector(selector).ok().flatten();
    let chooser = part(".role-chooser");

    let version = RwSignal::new(0u32);
    let filter = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Notice>);
    let drafts = part("section[aria-labelledby=\"drafts-title\"]");
    // The list's place on the first screen (「…読み込んでいます…」), there until the app's
    // first visit of the home.
    let pending = drafts
        .as_ref()
        .and_then(|s| s.query_selector(":scope > p.empty").ok().flatten());
    if let Some(input) =
        part("#draft-filter").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        // What was typed before the app had loaded counts; a later visit starts without a filter.
        if pending.is_some() {
            filter.set(input.value());
        } else {
            input.set_value("");
        }
        kept.keep(Listener::new(&input, "input", move |ev| {
            filter.set(event_target_value(&ev));
        }));
    }
    let changes = storage::browser::changes();
    let listed = Memo::new(move |_| {
        version.track();
        changes.track();
        storage::app().list()
    });
    let unreadable = move || {
        listed.with(|l| {
            l.iter()
                .filter_map(|x| match x {
                    Listed::Unreadable { key, error } => Some((key.clone(), error.to_string())),
                    Listed::Draft(_) => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let read = files::read_file(&input).await;
            input.set_value("");
            let replace = |kind: &str, n: u32| {
                util::confirm(&format!("{kind} 第{n}報 はすでにこの端末にあります。読み込んだファイルの内容で置き換えますか?"))
            };
            match read {
                None => message.set(Some(Notice::error("ファイルを読み込めませんでした。"))),
                Some((name, bytes)) => {
                    let imported = if crate::deliver::is_bundle(&name) {
                        crate::deliver::import_bundle(&bytes, replace).await
                    } else {
                        drafts::import(&storage::app(), &bytes, &now_rfc3339(), replace)
                            .map_err(|e| e.to_string())
                    };
                    match imported {
                        Ok(Some(id)) => {
                            storage::browser::seal_soon();
                            version.update(|v| *v += 1);
                            message.set(Some(Notice::ok(format!("{name} を読み込みました。"))));
                            Route::Edit(id).go();
                        }
                        Ok(None) => message.set(Some(Notice::ok(
                            "読み込みを取り消しました。下書きは変更していません。",
                        ))),
                        Err(e) => message.set(Some(Notice::error(format!("{name}: {e}")))),
                    }
                }
            }
        });
    };
    let delete_all = move |_| {
        if util::confirm(
            "この端末に保存された様式の下書きをすべて削除します。元に戻せません。よろしいですか?",
        ) {
            leptos::task::spawn_local(async move {
                message.set(Some(match storage::app().delete_all().await {
                    Ok(()) => Notice::ok("この端末のデータをすべて削除しました。"),
                    Err(e) => Notice::error(e.to_string()),
                }));
                storage::browser::bump_lock_state();
                version.update(|v| *v += 1);
            });
        }
    };

    let list = move || {
        let drafts: Vec<Draft> = listed.with(|l| {
            l.iter()
                .filter_map(|x| match x {
                    Listed::Draft(d) => Some(d.clone()),
                    Listed::Unreadable { .. } => None,
                })
                .collect()
        });
        let total = drafts.len();
        let q = filter.get();
        let shown: Vec<Draft> = drafts.into_iter().filter(|d| matches(d, &q)).collect();
        if total == 0 {
            return view! { <p class="empty">{first::NO_DRAFTS}</p> }.into_any();
        }
        if shown.is_empty() {
            return view! { <p class="empty">"絞り込みに一致する様式はありません。"</p> }
                .into_any();
        }
        let groups = grouped(shown);
        view! {
            <ul class="series-list">
                {groups.into_iter().map(|g| {
                    let n = g.len();
                    let label = if n > 1 { Some(format!("同じ事案の報告 {n}件")) } else { None };
                    view! {
                        <li class="series">
                            {label.map(|l| view! { <p class="series-label">{l}</p> })}
                            <ul class="draft-list">
                                {g.into_iter().map(|d| view! { <DraftItem draft=d version=version message=message /> }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };

    // On the app's first visit of the home, the parts it adds come one task after the other
    // (the first screen is already there); on a later one, at once.
    let first_visit = pending.is_some();
    let take_over_chooser = move || {
        if let Some(section) = chooser {
            crate::role::take_over(&section, kept);
        }
    };
    let add_list = move || {
        if let Some(pending) = pending {
            pending.remove();
        }
        if let Some(section) = drafts {
            kept.keep(adopt::append(&section, move || {
                view! {
                    {list}
                    {move || {
                        let u = unreadable();
                        (!u.is_empty()).then(|| view! {
                            <div class="message message-error unreadable">
                                <p>"次の保存データは読み込めないため、そのまま残しています(上書きはしません)。元のデータをファイルに書き出して保管できます:"</p>
                                <ul>{u.into_iter().map(|(key, error)| view! { <UnreadableItem key=key error=error version=version message=message /> }).collect_view()}</ul>
                            </div>
                        })
                    }}
                }
            }));
        }
        adopt::ready();
    };

    // Below the first screen, one section after the other, each in a task of its own.
    let import = move || {
        view! {
            <section aria-labelledby="import-title">
                <h2 id="import-title">"ファイルから読み込む"</h2>
                <label for="import-file">"様式ファイル(JSON)を選ぶ"</label>
                <p class="hint" id="hint-import-file">"kyoyu で書き出した .json ファイル(または添付ファイルも入った .zip ファイル)を読み込み、この端末の下書きにします。"</p>
                <input id="import-file" type="file" accept=".json,application/json,.zip,application/zip" aria-describedby="hint-import-file" on:change=on_import />
            </section>
            <div class="messages" aria-live="polite">
                <NoticeView notice=message />
            </div>
        }
    };
    let device = move || {
        view! {
            <section aria-labelledby="device-title">
                <h2 id="device-title">"この端末への保存"</h2>
                <StorageInfo />
                <crate::device::PersistAgain />
            </section>
        }
    };
    let encryption = move || view! { <EncryptionSettings version=version /> };
    let wipe = move || {
        view! {
            <section aria-labelledby="wipe-title">
                <h2 id="wipe-title">"この端末のデータ"</h2>
                <button type="button" class="button-warning" on:click=delete_all>"この端末のデータをすべて削除"</button>
            </section>
        }
    };
    adopt::in_turn(
        kept,
        vec![
            Box::new(take_over_chooser),
            Box::new(add_list),
            adopt::appending(kept, &home, import),
            adopt::appending(kept, &home, device),
            adopt::appending(kept, &home, encryption),
            adopt::appending(kept, &home, wipe),
        ],
        first_visit,
    );
}

#[component]
fn DraftItem(
    draft: Draft,
    version: RwSignal<u32>,
    message: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let r = draft.envelope.report.clone();
    let id = draft.id.clone();
    let tlp = r.tlp().map(|t| {
        view! { <span class=format!("tlp tlp-{}", t.id())>{t.label()}</span> }
    });
    let saved = draft
        .saved_at
        .as_deref()
        .map(util::short_datetime)
        .unwrap_or_default();
    let who = who(&r);
    let reminder = drafts::export_reminder(
        draft.created_at.as_deref(),
        draft.exported_at.as_deref(),
        draft.saved_at.as_deref(),
        chrono::Utc::now(),
    );
    let name = format!("{} 第{}報", r.kind().name(), r.report_number());
    let edit = Route::Edit(id.clone()).hash();
    let print = Route::Print(id.clone()).hash();
    let held = storage::app().held(&id).is_some();
    let d2 = draft.clone();
    let follow = move |_| {
        let asked = |n: u32| {
            util::confirm(&format!(
                "この報告の第{n}報はすでにこの端末にあります。もう一つ作成しますか?(「キャンセル」で既存の第{n}報を開きます)"
            ))
        };
        match drafts::create_follow_up(
            &storage::app(),
            &d2,
            &util::now_form(),
            &now_rfc3339(),
            asked,
        ) {
            Ok(FollowUp::Created(new_id) | FollowUp::Existing(new_id)) => {
                storage::browser::seal_soon();
                Route::Edit(new_id).go();
            }
            Err(e) => message.set(Some(Notice::error(e.to_string()))),
        }
    };
    let id2 = id.clone();
    let name2 = name.clone();
    let delete = move |_| {
        if util::confirm(&format!(
            "{name2} をこの端末から削除します。よろしいですか?"
        )) {
            match storage::app().delete(&id2) {
                Ok(()) => {
                    let id = id2.clone();
                    leptos::task::spawn_local(async move {
                        let _ = storage::app().delete_files_of(&id).await;
                    });
                    message.set(Some(Notice::ok(format!("{name2} を削除しました。"))));
                }
                Err(e) => message.set(Some(Notice::error(e.to_string()))),
            }
            version.update(|v| *v += 1);
        }
    };
    view! {
        <li class="draft">
            <p class="draft-title"><a href=edit>{name.clone()}</a>" "{tlp}</p>
            <p class="draft-meta">
                {(!who.is_empty()).then(|| view! { <span class="draft-who">{who}</span> })}
                <span class="draft-saved">{format!("最終保存 {saved}")}</span>
            </p>
            {held.then(|| view! { <p class="draft-held">"保存できなかった変更があります(開くと表示します)"</p> })}
            {reminder.map(|_| view! { <p class="draft-reminder">"ファイルに書き出していない変更があります"</p> })}
            <p class="draft-actions">
                <a href=print>"印刷用の表示"<span class="visually-hidden">{format!("({name})")}</span></a>
                <button type="button" class="button-secondary" on:click=follow>"続報を作成"<span class="visually-hidden">{format!("({name})")}</span></button>
                <button type="button" class="button-warning" on:click=delete>"削除"<span class="visually-hidden">{format!("({name})")}</span></button>
            </p>
        </li>
    }
}

/// One stored entry that cannot be read: its key, why, and a way to rescue or remove it.
#[component]
fn UnreadableItem(
    key: String,
    error: String,
    version: RwSignal<u32>,
    message: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let id = storage::id_of(&key).to_string();
    let k1 = key.clone();
    let id1 = id.clone();
    let rescue = move |_| match storage::app().raw_text(&k1) {
        Some(text) => {
            match files::download(&format!("kyoyu-raw-{id1}.json"), "application/json", &text) {
                Ok(()) => message.set(Some(Notice::ok(format!(
                    "{k1} の元のデータを書き出しました。"
                )))),
                Err(_) => message.set(Some(Notice::error("ファイルを書き出せませんでした。"))),
            }
        }
        None => message.set(Some(Notice::error(format!("{k1} はもうありません。")))),
    };
    let k2 = key.clone();
    let remove = move |_| {
        if util::confirm(&format!("読み込めないデータ {k2} を削除します。元に戻せません。先に元のデータを書き出しましたか?")) {
            match storage::app().delete_key(&k2) {
                Ok(()) => message.set(Some(Notice::ok(format!("{k2} を削除しました。")))),
                Err(e) => message.set(Some(Notice::error(e.to_string()))),
            }
            version.update(|v| *v += 1);
        }
    };
    view! {
        <li class="unreadable-item" data-key=key.clone()>
            <code>{key.clone()}</code>": "{error}
            " "
            <button type="button" class="button-secondary" on:click=rescue>"元のデータを書き出す"<span class="visually-hidden">{format!("({id})")}</span></button>
            <button type="button" class="button-warning" on:click=remove>"削除"<span class="visually-hidden">{format!("(読み込めないデータ {id})")}</span></button>
        </li>
    }
}
