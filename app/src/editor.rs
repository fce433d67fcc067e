//! The editor of a draft (`#/edit/<id>`): small components over one [`ReportState`] — the
//! header and status, the error summary, the messages about saving, the form's sections, the
//! actions and the mail panel — and autosave ([`Autosave`]: a pause, or at most its maximum
//! wait while typing goes on; at once when the page is hidden or left).

use kyoyu_core::forms::{FormKind, Report};
use kyoyu_core::render;
use kyoyu_core::taxonomy::ransomware as rw;
use kyoyu_core::validate::Finding;
use leptos::prelude::*;

use crate::drafts::{self, FollowUp};
use crate::fields::{FormCtx, FormSections};
use crate::files;
use crate::notice::{Notice, NoticeView};
use crate::route::Route;
use crate::state::{Autosave, ReportState};
use crate::storage::{self, browser::now_rfc3339, StorageError};
use crate::util::{self, field_id, focus_field, focus_when_shown};

/// `#/edit/<id>`: the draft, or the edit of it that could not be saved (held in memory).
#[component]
pub fn EditorPage(id: String) -> impl IntoView {
    let s = storage::app();
    match s.load(&id) {
        Ok(d) => {
            let prev = drafts::previous_report(&s, &d);
            let (state, restored) = match s.held(&id) {
                Some(held) => (ReportState::restored(held, prev), true),
                None => (ReportState::new(d, prev), false),
            };
            view! { <Editor state=state restored=restored /> }.into_any()
        }
        Err(e) => view! {
            <h1>"下書きを開けません"</h1>
            <p class="message message-error" role="alert">{e.to_string()}</p>
            <p><a href="#/">"様式入力のホームへ"</a></p>
        }
        .into_any(),
    }
}

/// The message of a held edit shown again.
const RESTORED: &str = "この下書きには保存できなかった変更があります。その変更を表示しています(まだこの端末には保存されていません)。保存できるようになると自動で保存します。";

#[component]
fn Editor(state: ReportState, restored: bool) -> impl IntoView {
    let kind = state.kind();
    let id = state.id().to_string();
    let state = RwSignal::new(state);
    let show = RwSignal::new(false);
    let edits = Trigger::new();
    let notice = RwSignal::new(restored.then(|| Notice::error(RESTORED)));
    let mail = RwSignal::new(None::<(String, String)>);
    provide_context(FormCtx { state, edits, show });

    // --- saving --------------------------------------------------------------------------
    let autosave = StoredValue::new_local(Autosave::default());
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let flush = move || {
        if let Some(h) = timer.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
        autosave.try_update_value(|a| a.saved());
        let s = storage::app();
        state.try_update(|st| st.save(&s, &now_rfc3339()));
        storage::browser::seal_soon();
    };
    // Every edit: the save is due after a pause, or at the latest MAX_WAIT after the first edit
    // not saved (re-armed on each edit, never later than that).
    let arm = move || {
        let now = js_sys::Date::now();
        autosave.update_value(|a| a.edited(now));
        let Some(ms) = autosave.with_value(|a| a.due_in(now)) else {
            return;
        };
        if let Some(h) = timer.try_update_value(|t| t.take()).flatten() {
            h.clear();
        }
        let h = set_timeout_with_handle(flush, std::time::Duration::from_millis(ms as u64)).ok();
        timer.set_value(h);
    };
    Effect::new(move |first: Option<()>| {
        edits.track();
        if first.is_some() || restored {
            arm();
        }
    });
    {
        // Another tab saved or deleted this draft.
        let changes = storage::browser::changes();
        let own_key = storage::key(&id);
        let id = id.clone();
        Effect::new(move |_| {
            let (_, k) = changes.get();
            if !k.is_empty() && k != own_key {
                return;
            }
            if let Ok(theirs) = storage::app().load(&id) {
                if state.with_untracked(|s| s.saved_at != theirs.saved_at && s.conflict.is_none()) {
                    state.update(|s| s.stored_elsewhere(theirs));
                }
            }
        });
        // A background (sealed) write of this draft failed.
        let failure = storage::browser::write_failure();
        let id = state.with_untracked(|s| s.id().to_string());
        Effect::new(move |_| {
            if let Some((fid, e)) = failure.get() {
                if fid == id {
                    state.update(|s| s.write_failed(e));
                }
            }
        });
    }
    {
        // Hidden or left: saved at once; a page closed with an edit the storage refused asks.
        let hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if util::document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        let unload = window_event_listener(
            leptos::ev::beforeunload,
            move |ev: web_sys::BeforeUnloadEvent| {
                flush();
                if state.try_with_untracked(|s| s.dirty).unwrap_or(false) {
                    ev.prevent_default();
                    ev.set_return_value("");
                }
            },
        );
        let handles = StoredValue::new_local(Some((hide, visibility, unload)));
        on_cleanup(move || {
            flush();
            if let Some((a, b, c)) = handles.try_update_value(|h| h.take()).flatten() {
                a.remove();
                b.remove();
                c.remove();
            }
        });
    }
    let export_json = move || {
        let (name, text) = state.with_untracked(|s| s.json_file());
        match files::download(&name, "application/json", &text) {
            Ok(()) => {
                state.update(|s| s.exported(&now_rfc3339()));
                notice.set(Some(Notice::ok(format!("{name} を書き出しました。"))));
            }
            Err(_) => notice.set(Some(Notice::error("ファイルを書き出せませんでした。"))),
        }
        flush();
    };

    let title = move || state.with(|s| s.report().title());
    view! {
        <div class="editor" data-form=kind.id()>
            <p class="breadcrumb"><a href="#/">"様式入力のホーム"</a></p>
            <h1>{title}</h1>
            // Which form this is, said as such (with the way it goes, where the form prints it).
            <p class="form-figure">
                <span class="form-figure-label">"様式:"</span>" "
                {format!("{}({}){}", kind.name(), kind.figure(), kyoyu_core::forms::spec::form(kind).direction.unwrap_or(""))}
            </p>
            <Cautions kind=kind />
            <ErrorSummary state=state show=show />
            <Status state=state show=show />
            <ConflictBox state=state notice=notice />
            <SaveError state=state export_json=export_json />
            <ExportReminder state=state />
            <ChangesLegend state=state />
            <crate::contents::Contents kind=kind />
            <form class="report-form" novalidate on:submit=move |ev| ev.prevent_default()>
                <FormSections kind=kind />
            </form>
            <Actions state=state show=show notice=notice mail=mail export_json=export_json flush=flush />
            <NoticeView notice=notice />
            <crate::flow::FlowActions state=state />
            <MailPanel mail=mail />
            <crate::deliver::SendPanel state=state />
        </div>
    }
}

/// The ransomware form's cautions, above the form.
#[component]
fn Cautions(kind: FormKind) -> impl IntoView {
    (kind == FormKind::Ransomware).then(|| {
        let items = rw::CAUTIONS
            .iter()
            .map(|c| view! { <li>{c.text}</li> })
            .collect_view();
        view! {
            <section class="cautions" aria-labelledby="cautions-title">
                <h2 id="cautions-title">{rw::CAUTIONS_TITLE}</h2>
                <p>{rw::CAUTIONS_INTRO}</p>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// 「保存済み HH:MM:SS」 and 「送信可能」 / 「エラー N件」.
#[component]
fn Status(state: RwSignal<ReportState>, show: RwSignal<bool>) -> impl IntoView {
    let saved = move || state.with(|s| s.status());
    let send = move || {
        let ((n_err, n_warn), ready) = state.with(|s| (s.counts(), s.ready()));
        // GOV.UK: nothing is counted as wrong before the user has done anything.
        if !state.with(|s| s.started(show.get())) {
            view! { <span class="not-started">"未入力"</span> }.into_any()
        } else if ready {
            view! { <span class="ready">"送信可能"</span>{(n_warn > 0).then(|| format!("(確認 {n_warn}件)"))} }.into_any()
        } else {
            view! { <span class="not-ready">{format!("エラー {n_err}件")}</span>{(n_warn > 0).then(|| format!("・確認 {n_warn}件"))} }.into_any()
        }
    };
    view! {
        <div class="editor-status" role="status" aria-live="polite">
            <span class="save-state">{saved}</span>
            <span class="send-state">{send}</span>
        </div>
    }
}

/// Another tab's newer version: the two ways out, both keeping both versions somewhere.
#[component]
fn ConflictBox(state: RwSignal<ReportState>, notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let load_theirs = move |_| {
        if state.try_update(|s| s.load_theirs()).unwrap_or(false) {
            notice.set(Some(Notice::ok(
                "別のタブで保存された内容を読み込みました。",
            )));
        }
    };
    let keep_mine =
        move |_| match state.try_update(|s| s.keep_mine(&storage::app(), &now_rfc3339())) {
            // This screen's edits now live in the copy; the other tab's version stays.
            Some(Ok(copy)) => Route::Edit(copy).go(),
            Some(Err(e)) => state.update(|s| s.error = Some(e)),
            None => {}
        };
    move || {
        state.with(|s| s.conflict.as_ref().map(|t| t.saved_at.as_deref().map(util::hms).unwrap_or_default())).map(|at| {
            view! {
                <div class="message message-error conflict" role="alert">
                    <p><strong>"別のタブでこの下書きが更新されました"</strong></p>
                    <p>{format!("別のタブ(または画面)が {at} に保存した内容があります。この画面からの自動保存は止めています。どちらかを選んでください。どちらを選んでも、もう一方の内容は残ります。")}</p>
                    <p>
                        <button type="button" class="button-secondary" on:click=load_theirs>"別のタブの内容を読み込む"</button>
                        <button type="button" class="button" on:click=keep_mine>"この画面の内容を別の下書きとして保存"</button>
                    </p>
                    <p class="hint">"「読み込む」と、この画面で入力した内容は別のタブの内容で置き換わります。「別の下書きとして保存」すると、同じ事案の報告として両方が残ります。"</p>
                </div>
            }
        })
    }
}

/// Why the last save failed; on a full storage, the export right there.
#[component]
fn SaveError(
    state: RwSignal<ReportState>,
    export_json: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        state.with(|s| s.error.clone()).map(|e| {
            let quota = matches!(e, StorageError::QuotaExceeded);
            let text = if quota {
                format!("{e}入力内容はこの画面に残っています。JSONファイルに書き出してください。")
            } else {
                e.to_string()
            };
            view! {
                <div class="message message-error save-error" role="alert">
                    <p>{text}</p>
                    {quota.then(|| view! {
                        <button type="button" class="button" on:click=move |_| export_json()>"今すぐファイル(JSON)に書き出す"</button>
                    })}
                </div>
            }
        })
    }
}

#[component]
fn ExportReminder(state: RwSignal<ReportState>) -> impl IntoView {
    move || {
        state
            .with(|s| {
                drafts::export_reminder(
                    s.created_at(),
                    s.exported_at.as_deref(),
                    s.saved_at.as_deref(),
                    chrono::Utc::now(),
                )
            })
            .map(|m| view! { <p class="message export-reminder" role="status">{m}</p> })
    }
}

/// 「変更: 前回の報告(第N報)から変更した箇所」, for a follow-up with changes.
#[component]
fn ChangesLegend(state: RwSignal<ReportState>) -> impl IntoView {
    move || {
        state
            .with(|s| {
                (!s.changes().is_empty()).then(|| s.report().report_number().saturating_sub(1))
            })
            .map(|prev| {
                view! {
                    <p class="changed-legend"><span class="changed-marker">"変更"</span>
                        {format!("前回の報告(第{prev}報)から変更した箇所")}</p>
                }
            })
    }
}

/// The actions on the report.
#[component]
fn Actions(
    state: RwSignal<ReportState>,
    show: RwSignal<bool>,
    notice: RwSignal<Option<Notice>>,
    mail: RwSignal<Option<(String, String)>>,
    export_json: impl Fn() + Copy + Send + Sync + 'static,
    flush: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let kind = state.with_untracked(|s| s.kind());
    let id = state.with_untracked(|s| s.id().to_string());
    let check = move |_| {
        show.set(true);
        focus_when_shown("error-summary");
    };
    let export_advisory = move |_| {
        let Report::Advisory(a) = state.with_untracked(|s| s.report().clone()) else {
            return;
        };
        // The site's TLP gate and this file follow one rule: refuse here what it would.
        if let Err(refusals) = kyoyu_core::publish::publishable(&a) {
            let why: Vec<String> = refusals.iter().map(|r| r.message()).collect();
            return notice.set(Some(Notice::error(format!(
                "公開用ファイルは書き出せません。{}",
                why.join(" ")
            ))));
        }
        let name = kyoyu_core::advisory_file::file_name(&a);
        let text = kyoyu_core::advisory_file::to_file(&a);
        match files::download(&name, "text/markdown", &text) {
            Ok(()) => {
                let note = match a.header.tlp {
                    Some(kyoyu_core::taxonomy::Tlp::Clear) => "",
                    _ => {
                        "(情報共有範囲が TLP:CLEAR でないため、このままではサイトに公開されません)"
                    }
                };
                notice.set(Some(Notice::ok(format!(
                    "公開用ファイル {} を書き出しました。{note}",
                    files::download_name(&name)
                ))));
            }
            Err(_) => notice.set(Some(Notice::error("ファイルを書き出せませんでした。"))),
        }
    };
    let copy_mail = move |_| {
        let (subject, body) =
            state.with_untracked(|s| (render::subject(s.report()), render::plain_text(s.report())));
        mail.set(Some((subject, body.clone())));
        leptos::task::spawn_local(async move {
            notice.set(Some(match files::copy_text(&body).await {
                Ok(()) => Notice::ok("メール本文をクリップボードにコピーしました。件名は下の欄からコピーしてください。"),
                Err(_) => Notice::error("クリップボードにコピーできませんでした。下の欄から手作業でコピーしてください。"),
            }));
        });
    };
    let make_follow_up = move |_| {
        let s = storage::app();
        let asked = |n: u32| {
            util::confirm(&format!(
                "この報告の第{n}報はすでにこの端末にあります。もう一つ作成しますか?(「キャンセル」で既存の第{n}報を開きます)"
            ))
        };
        match state.try_update(|st| st.follow_up(&s, &util::now_form(), &now_rfc3339(), asked)) {
            Some(Ok(FollowUp::Created(new_id) | FollowUp::Existing(new_id))) => {
                Route::Edit(new_id).go()
            }
            Some(Err(e)) => notice.set(Some(Notice::error(e.to_string()))),
            None => {}
        }
    };
    let delete = move |_| {
        if !util::confirm("この下書きをこの端末から削除します。よろしいですか?")
        {
            return;
        }
        let s = storage::app();
        match state.try_update(|st| st.delete(&s)) {
            Some(Ok(())) => {
                let id = state.with_untracked(|st| st.id().to_string());
                leptos::task::spawn_local(async move {
                    let _ = storage::app().delete_files_of(&id).await;
                });
                Route::Home.go();
            }
            Some(Err(e)) => notice.set(Some(Notice::error(e.to_string()))),
            None => {}
        }
    };
    let follow_label = move || {
        format!(
            "続報(第{}報)を作成",
            state.with(|s| s.report().report_number()) + 1
        )
    };
    view! {
        <div class="editor-actions" role="group" aria-label="この報告の操作">
            <button type="button" class="button" on:click=check>"入力内容を確認"</button>
            <button type="button" class="button-secondary" on:click=move |_| export_json()>"ファイル(JSON)に書き出す"</button>
            <a class="button-secondary" href=Route::Print(id).hash() on:click=move |_| flush()>"印刷用の表示"</a>
            <button type="button" class="button-secondary" on:click=copy_mail>"メール本文をコピー"</button>
            {(kind == FormKind::Advisory).then(|| view! {
                <button type="button" class="button-secondary" on:click=export_advisory>"公開用ファイル(注意喚起)を書き出す"</button>
            })}
            <button type="button" class="button-secondary" on:click=make_follow_up>{follow_label}</button>
            <button type="button" class="button-warning" on:click=delete>"この下書きを削除"</button>
        </div>
    }
}

/// The e-mail's subject and body, to copy by hand.
#[component]
fn MailPanel(mail: RwSignal<Option<(String, String)>>) -> impl IntoView {
    move || {
        mail.get().map(|(s, b)| view! {
        <section class="mail" aria-labelledby="mail-title">
            <h2 id="mail-title">"メール"</h2>
            <label for="mail-subject">"件名"</label>
            <input id="mail-subject" class="input" type="text" readonly prop:value=s />
            <label for="mail-body">"本文"</label>
            <textarea id="mail-body" class="textarea mail-body" rows="16" readonly prop:value=b></textarea>
        </section>
    })
    }
}

/// GOV.UK's error summary: every finding, linked to its field; errors and warnings apart.
#[component]
fn ErrorSummary(state: RwSignal<ReportState>, show: RwSignal<bool>) -> impl IntoView {
    let item = |f: Finding| {
        let path = f.path.clone();
        let href = format!("#{}", field_id(&f.path));
        view! {
            <li>
                <a href=href on:click=move |ev| {
                    ev.prevent_default();
                    focus_field(&path);
                }>{f.message}</a>
            </li>
        }
    };
    move || {
        if !show.get() {
            return None;
        }
        let all = state.with(|s| s.findings().to_vec());
        if all.is_empty() {
            return Some(
                view! {
                    <div class="summary-ok" id="error-summary" tabindex="-1" role="status">
                        <p>"エラー・確認事項はありません。送信可能です。"</p>
                    </div>
                }
                .into_any(),
            );
        }
        let (errors, warnings): (Vec<Finding>, Vec<Finding>) =
            all.into_iter().partition(Finding::is_error);
        let err_list = (!errors.is_empty()).then(|| {
            view! {
                <h3 class="summary-sub">"エラー(送信前に直してください)"</h3>
                <ul class="error-summary-list">{errors.into_iter().map(item).collect_view()}</ul>
            }
        });
        let warn_list = (!warnings.is_empty()).then(|| view! {
            <h3 class="summary-sub">"確認(送信はできます)"</h3>
            <ul class="warning-summary-list">{warnings.into_iter().map(item).collect_view()}</ul>
        });
        Some(view! {
            <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">"入力内容を確認してください"</h2>
                {err_list}
                {warn_list}
            </div>
        }.into_any())
    }
}
