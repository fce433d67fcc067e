//! The editor of a draft: the form rendered from `kyoyu_core::forms::spec`, the error
//! summary, autosave, export, follow-up, delete.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use kyoyu_core::envelope::{Envelope, Series};
use kyoyu_core::follow_up::{self, Change};
use kyoyu_core::forms::{spec, FormKind, Report};
use kyoyu_core::render;
use kyoyu_core::taxonomy::ransomware as rw;
use kyoyu_core::validate::{self, Finding};
use leptos::prelude::*;

use crate::fields::{FormCtx, SectionView};
use crate::files;
use crate::storage::{self, Draft, StorageError};
use crate::util::{self, field_id, focus_field, focus_id};

/// How long after the last edit the draft is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

/// A new, empty draft of `kind` (第1報 of a new series), not yet saved.
pub fn new_draft(kind: FormKind) -> Draft {
    let series = util::random_id();
    let envelope = Envelope::new(series.clone(), Report::new(kind));
    Draft {
        id: free_draft_id(&series, 1),
        envelope,
        saved_at: None,
        exported_at: None,
        previous_report: None,
        created_at: Some(storage::now_rfc3339()),
    }
}

/// A draft id for 第`n`報 of `series` that no stored draft uses.
pub fn free_draft_id(series: &str, n: u32) -> String {
    let base: String = series
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    let base = if base.is_empty() {
        util::random_id()
    } else {
        base
    };
    let mut id = format!("{base}-{n}");
    // Any stored entry, readable or not, keeps its id (unreadable ones are never overwritten).
    while storage::exists(&id) {
        id = format!("{base}-{n}-{}", &util::random_id()[..6]);
    }
    id
}

/// The stored draft holding 第`n`報 of `series`, if any.
pub fn find_in_series(series: &str, n: u32) -> Option<Draft> {
    storage::drafts()
        .into_iter()
        .find(|d| d.envelope.series.id == series && d.envelope.report.report_number() == n)
}

/// 「続報を作成」: the next report of `d`'s series, saved; returns its id.
pub fn create_follow_up(d: &Draft) -> Result<String, String> {
    let env = follow_up::follow_up(&d.envelope, &util::now_form());
    let n = env.report.report_number();
    if let Some(existing) = find_in_series(&env.series.id, n) {
        if !util::confirm(&format!(
            "この報告の第{n}報はすでにこの端末にあります。もう一つ作成しますか?(「キャンセル」で既存の第{n}報を開きます)"
        )) {
            return Ok(existing.id);
        }
    }
    let draft = Draft {
        id: free_draft_id(&env.series.id, n),
        previous_report: Some(d.envelope.report.to_value()),
        envelope: env,
        saved_at: Some(storage::now_rfc3339()),
        exported_at: None,
        created_at: Some(storage::now_rfc3339()),
    };
    storage::save(&draft).map_err(|e| e.to_string())?;
    Ok(draft.id)
}

/// The report `d` follows up: the copy taken when it was made, or the series' previous
/// report kept in this browser.
pub fn previous_report(d: &Draft) -> Option<Report> {
    let kind = d.envelope.kind();
    if let Some(v) = &d.previous_report {
        return Report::from_value(kind, v.clone()).ok();
    }
    let prev = d.envelope.series.previous.as_ref()?;
    find_in_series(&d.envelope.series.id, prev.number).map(|p| p.envelope.report)
}

/// What changed since the previous report ([`follow_up::content_changes`]); nothing for a
/// first report.
pub fn changes_since(prev: Option<&Report>, report: &Report) -> Vec<Change> {
    prev.map(|prev| follow_up::content_changes(prev, report))
        .unwrap_or_default()
}

/// `#/edit/<id>`.
#[component]
pub fn EditorPage(id: String) -> impl IntoView {
    match storage::load(&id) {
        Ok(d) => view! { <Editor draft=d /> }.into_any(),
        Err(e) => view! {
            <h1>"下書きを開けません"</h1>
            <p class="message message-error" role="alert">{e.to_string()}</p>
            <p><a href="#/">"様式入力のホームへ"</a></p>
        }
        .into_any(),
    }
}

#[component]
fn Editor(draft: Draft) -> impl IntoView {
    let kind = draft.envelope.kind();
    let id = draft.id.clone();
    let series: Series = draft.envelope.series.clone();
    let prev = previous_report(&draft);
    let value = RwSignal::new(draft.envelope.report.to_value());
    let saved_at = RwSignal::new(draft.saved_at.clone());
    let exported_at = RwSignal::new(draft.exported_at.clone());
    // The stored version this tab last loaded or saved is `saved_at`: a save checks it first.
    let created_at = Rc::new(RefCell::new(draft.created_at.clone()));
    let save_error = RwSignal::new(None::<StorageError>);
    // Another tab's newer version of this draft: autosave stops until the user chooses.
    let conflict = RwSignal::new(None::<Draft>);
    // Set when the value is replaced by a stored version (not an edit: nothing to save).
    let suppress = Rc::new(Cell::new(false));
    let dirty = RwSignal::new(false);
    let show = RwSignal::new(false);
    let notice = RwSignal::new(None::<(bool, String)>);
    let mail = RwSignal::new(None::<(String, String)>);

    let report = Memo::new(move |_| {
        value.with(|v| Report::from_value(kind, v.clone()).unwrap_or_else(|_| Report::new(kind)))
    });
    let findings = Memo::new(move |_| {
        let now = chrono::Local::now().naive_local();
        report.with(|r| validate::validate_at(r, Some(now)))
    });
    let prev_report = StoredValue::new(prev);
    let changes = Memo::new(move |_| {
        report.with(|r| prev_report.with_value(|p| changes_since(p.as_ref(), r)))
    });
    let ctx = FormCtx {
        kind,
        value,
        findings,
        changes,
        show,
        touched: RwSignal::new(Default::default()),
    };
    provide_context(ctx);
    // GOV.UK: nothing is counted as wrong before the user has done anything.
    let started = Memo::new(move |_| show.get() || ctx.touched.with(|t| !t.is_empty()));

    // --- saving -------------------------------------------------------------------------
    let base = Rc::new(draft.clone());
    let write_failure = storage::write_failure();
    write_failure.set(None);
    let save_now = {
        let base = base.clone();
        let created_at = created_at.clone();
        move || -> Result<String, StorageError> {
            let Some(v) = value.try_get_untracked() else {
                return Err(StorageError::Unavailable("closed".into()));
            };
            let report =
                Report::from_value(kind, v).map_err(|e| StorageError::Corrupt(e.to_string()))?;
            let at = storage::now_rfc3339();
            let created = created_at.borrow().clone().unwrap_or_else(|| at.clone());
            let d = Draft {
                id: base.id.clone(),
                envelope: Envelope {
                    series: series.clone(),
                    report,
                },
                saved_at: Some(at.clone()),
                exported_at: exported_at.try_get_untracked().flatten(),
                previous_report: base.previous_report.clone(),
                created_at: Some(created.clone()),
            };
            let expected = saved_at.try_get_untracked().flatten();
            storage::save_checked(&d, expected.as_deref())?;
            *created_at.borrow_mut() = Some(created);
            Ok(at)
        }
    };
    let save_now = Rc::new(save_now);
    let flush = {
        let save_now = save_now.clone();
        let write_failure = write_failure.clone();
        move || {
            if dirty.try_get_untracked() != Some(true)
                || conflict.try_with_untracked(|c| c.is_some()) != Some(false)
            {
                return;
            }
            match save_now() {
                Ok(at) => {
                    saved_at.try_set(Some(at));
                    dirty.try_set(false);
                    save_error.try_set(None);
                    write_failure.try_set(None);
                }
                Err(StorageError::Conflict(theirs)) => {
                    conflict.try_set(Some(*theirs));
                }
                Err(e) => {
                    // The edit stays in memory (and `dirty`): the next edit tries again.
                    save_error.try_set(Some(e));
                }
            }
        }
    };
    {
        // Another tab saved or deleted this draft.
        let changes = storage::changes();
        let own_key = storage::key(&id);
        let id = id.clone();
        Effect::new(move |_| {
            let (_, k) = changes.get();
            if !k.is_empty() && k != own_key {
                return;
            }
            if let Ok(theirs) = storage::load(&id) {
                if theirs.saved_at != saved_at.get_untracked()
                    && conflict.with_untracked(|c| c.is_none())
                {
                    conflict.set(Some(theirs));
                }
            }
        });
        // A background (sealed) write failed.
        let id = base.id.clone();
        let wf = write_failure.clone();
        Effect::new(move |_| {
            if let Some((fid, e)) = wf.get() {
                if fid == id {
                    save_error.set(Some(e));
                    dirty.set(true);
                }
            }
        });
    }
    let flush = Rc::new(flush);
    let pending: Rc<RefCell<Option<TimeoutHandle>>> = Rc::new(RefCell::new(None));
    {
        let pending = pending.clone();
        let flush = flush.clone();
        let first = Rc::new(RefCell::new(true));
        let suppress = suppress.clone();
        Effect::new(move |_| {
            value.track();
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if suppress.replace(false) {
                return;
            }
            dirty.set(true);
            if let Some(h) = pending.borrow_mut().take() {
                h.clear();
            }
            let flush = flush.clone();
            let h = set_timeout_with_handle(move || flush(), AUTOSAVE_DELAY).ok();
            *pending.borrow_mut() = h;
        });
    }
    {
        // Leaving the page or the editor saves at once.
        let flush2 = flush.clone();
        let handle = window_event_listener(leptos::ev::pagehide, move |_| flush2());
        let flush3 = flush.clone();
        let pending = pending.clone();
        let cleanup = send_wrapper::SendWrapper::new(move || {
            if let Some(h) = pending.borrow_mut().take() {
                h.clear();
            }
            flush3();
            handle.remove();
        });
        on_cleanup(move || (cleanup.take())());
    }

    // --- actions ------------------------------------------------------------------------
    let check = move |_| {
        show.set(true);
        request_animation_frame(|| focus_id("error-summary"));
    };
    let export_json = {
        let flush = flush.clone();
        let series = draft.envelope.series.clone();
        move |_| {
            dirty.set(true);
            let r = report.get_untracked();
            let env = Envelope {
                series: series.clone(),
                report: r.clone(),
            };
            let name = files::export_file_name(&r, "json");
            match files::download(&name, "application/json", &env.to_json_pretty()) {
                Ok(()) => {
                    exported_at.set(Some(storage::now_rfc3339()));
                    notice.set(Some((true, format!("{name} を書き出しました。"))));
                }
                Err(_) => notice.set(Some((false, "ファイルを書き出せませんでした。".into()))),
            }
            flush();
        }
    };
    let export_advisory = move |_| {
        if let Report::Advisory(a) = report.get_untracked() {
            // The site's TLP gate and this file follow one rule: refuse here what it would.
            if let Err(refusals) = kyoyu_core::publish::publishable(&a) {
                let why: Vec<String> = refusals.iter().map(|r| r.message()).collect();
                return notice.set(Some((
                    false,
                    format!("公開用ファイルは書き出せません。{}", why.join(" ")),
                )));
            }
            let name = kyoyu_core::advisory_file::file_name(&a);
            let text = kyoyu_core::advisory_file::to_file(&a);
            match files::download(&name, "text/markdown", &text) {
                Ok(()) => {
                    let note = match a.header.tlp {
                        Some(kyoyu_core::taxonomy::Tlp::Clear) => String::new(),
                        _ => "(情報共有範囲が TLP:CLEAR でないため、このままではサイトに公開されません)".to_string(),
                    };
                    notice.set(Some((
                        true,
                        format!("公開用ファイル {name} を書き出しました。{note}"),
                    )));
                }
                Err(_) => notice.set(Some((false, "ファイルを書き出せませんでした。".into()))),
            }
        }
    };
    let copy_mail = move |_| {
        let r = report.get_untracked();
        let subject = render::subject(&r);
        let body = render::plain_text(&r);
        mail.set(Some((subject.clone(), body.clone())));
        leptos::task::spawn_local(async move {
            match files::copy_text(&body).await {
                Ok(()) => notice.set(Some((
                    true,
                    "メール本文をクリップボードにコピーしました。件名は下の欄からコピーしてください。".into(),
                ))),
                Err(_) => notice.set(Some((
                    false,
                    "クリップボードにコピーできませんでした。下の欄から手作業でコピーしてください。".into(),
                ))),
            }
        });
    };
    let make_follow_up = {
        let flush = flush.clone();
        let id = id.clone();
        move |_| {
            dirty.set(true);
            flush();
            match storage::load(&id)
                .map_err(|e| e.to_string())
                .and_then(|d| create_follow_up(&d))
            {
                Ok(new_id) => util::navigate(&format!("#/edit/{new_id}")),
                Err(e) => notice.set(Some((false, e))),
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            if util::confirm("この下書きをこの端末から削除します。よろしいですか?")
            {
                dirty.set(false);
                match storage::delete(&id) {
                    Ok(()) => util::navigate("#/"),
                    Err(e) => notice.set(Some((false, e.to_string()))),
                }
            }
        }
    };
    // The two ways out of a conflict; both keep both versions somewhere.
    let load_theirs = {
        let suppress = suppress.clone();
        move |_| {
            let Some(theirs) = conflict.get_untracked() else {
                return;
            };
            suppress.set(true);
            value.set(theirs.envelope.report.to_value());
            saved_at.set(theirs.saved_at.clone());
            exported_at.set(theirs.exported_at.clone());
            dirty.set(false);
            save_error.set(None);
            conflict.set(None);
            notice.set(Some((
                true,
                "別のタブで保存された内容を読み込みました。".into(),
            )));
        }
    };
    let keep_mine = {
        let base = base.clone();
        let series = draft.envelope.series.clone();
        move |_| {
            let r = report.get_untracked();
            let now = storage::now_rfc3339();
            let copy = Draft {
                id: free_draft_id(&series.id, r.report_number()),
                envelope: Envelope {
                    series: series.clone(),
                    report: r,
                },
                saved_at: Some(now.clone()),
                exported_at: None,
                previous_report: base.previous_report.clone(),
                created_at: Some(now),
            };
            match storage::save(&copy) {
                Ok(()) => {
                    // This screen's edits now live in the copy; the other tab's version stays.
                    dirty.set(false);
                    util::navigate(&format!("#/edit/{}", copy.id));
                }
                Err(e) => save_error.set(Some(e)),
            }
        }
    };
    let to_print = {
        let flush = flush.clone();
        move |_| {
            flush();
        }
    };

    // --- view ---------------------------------------------------------------------------
    // Reactive views must be `Send`; these hold `Rc`s (wasm has one thread).
    let export_json_alert = send_wrapper::SendWrapper::new(export_json.clone());
    let load_theirs = send_wrapper::SendWrapper::new(load_theirs);
    let keep_mine = send_wrapper::SendWrapper::new(keep_mine);
    let created_at_view = send_wrapper::SendWrapper::new(created_at.clone());
    let sections = spec::sections(kind)
        .iter()
        .enumerate()
        .map(|(i, s)| view! { <SectionView section=s index=i /> })
        .collect_view();
    let cautions = (kind == FormKind::Ransomware).then(|| {
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
    });
    let status = move || {
        let n_err = findings.with(|f| f.iter().filter(|f| f.is_error()).count());
        let n_warn = findings.with(|f| f.iter().filter(|f| !f.is_error()).count());
        if !started.get() {
            view! { <span class="not-started">"未入力"</span> }.into_any()
        } else if validate::ready_to_send(&findings.get()) {
            view! { <span class="ready">"送信可能"</span>{(n_warn > 0).then(|| format!("(確認 {n_warn}件)"))} }.into_any()
        } else {
            view! { <span class="not-ready">{format!("エラー {n_err}件")}</span>{(n_warn > 0).then(|| format!("・確認 {n_warn}件"))} }.into_any()
        }
    };
    let saved = move || match (save_error.get(), saved_at.get(), dirty.get()) {
        _ if conflict.with(|c| c.is_some()) => {
            "自動保存を止めています(別のタブで更新されました)".to_string()
        }
        (Some(StorageError::QuotaExceeded), _, _) => "保存できません(容量不足)".to_string(),
        (Some(e), _, _) => format!("保存できません: {e}"),
        (None, _, true) => "未保存の変更があります(まもなく保存します)".to_string(),
        (None, Some(at), false) => format!("保存済み {}", util::hms(&at)),
        (None, None, false) => "未保存".to_string(),
    };
    let title = move || report.with(|r| r.title());
    let print_href = format!("#/print/{id}");
    let series_view = draft.envelope.series.clone();
    let follow_label =
        move || format!("続報(第{}報)を作成", report.with(|r| r.report_number()) + 1);
    let has_changes_legend = move || {
        (!changes.with(|c| c.is_empty())).then(|| view! {
            <p class="changed-legend"><span class="changed-marker">"変更"</span>
                {format!("前回の報告(第{}報)から変更した箇所", report.with(|r| r.report_number()).saturating_sub(1))}</p>
        })
    };

    view! {
        <div class="editor" data-form=kind.id()>
            <p class="breadcrumb"><a href="#/">"様式入力のホーム"</a></p>
            <h1>{title}</h1>
            <p class="form-figure">{format!("{}({})", kind.name(), kind.figure())}</p>
            {cautions}
            <ErrorSummary findings=findings show=show />
            <div class="editor-status" role="status" aria-live="polite">
                <span class="save-state">{saved}</span>
                <span class="send-state">{status}</span>
            </div>
            {move || conflict.get().map(|theirs| {
                let at = theirs.saved_at.as_deref().map(util::hms).unwrap_or_default();
                view! {
                    <div class="message message-error conflict" role="alert">
                        <p><strong>"別のタブでこの下書きが更新されました"</strong></p>
                        <p>{format!("別のタブ(または画面)が {at} に保存した内容があります。この画面からの自動保存は止めています。どちらかを選んでください。どちらを選んでも、もう一方の内容は残ります。")}</p>
                        <p>
                            <button type="button" class="button-secondary" on:click=(*load_theirs).clone()>"別のタブの内容を読み込む"</button>
                            <button type="button" class="button" on:click=(*keep_mine).clone()>"この画面の内容を別の下書きとして保存"</button>
                        </p>
                        <p class="hint">"「読み込む」と、この画面で入力した内容は別のタブの内容で置き換わります。「別の下書きとして保存」すると、同じ事案の報告として両方が残ります。"</p>
                    </div>
                }
            })}
            {move || save_error.get().map(|e| {
                let quota = matches!(e, StorageError::QuotaExceeded);
                view! {
                    <div class="message message-error save-error" role="alert">
                        <p>{e.to_string()}</p>
                        {quota.then(|| view! {
                            <button type="button" class="button" on:click=(*export_json_alert).clone()>"今すぐファイル(JSON)に書き出す"</button>
                        })}
                    </div>
                }
            })}
            {move || {
                saved_at.track();
                let created = created_at_view.borrow().clone();
                storage::export_reminder(created.as_deref(), exported_at.get().as_deref(), saved_at.get_untracked().as_deref(), chrono::Utc::now())
                    .map(|m| view! { <p class="message export-reminder" role="status">{m}</p> })
            }}
            {has_changes_legend}
            <crate::contents::Contents sections=spec::sections(kind) />
            <form class="report-form" novalidate on:submit=move |ev| ev.prevent_default()>
                {sections}
            </form>
            <div class="editor-actions" role="group" aria-label="この報告の操作">
                <button type="button" class="button" on:click=check>"入力内容を確認"</button>
                <button type="button" class="button-secondary" on:click=export_json>"ファイル(JSON)に書き出す"</button>
                <a class="button-secondary" href=print_href on:click=to_print>"印刷用の表示"</a>
                <button type="button" class="button-secondary" on:click=copy_mail>"メール本文をコピー"</button>
                {(kind == FormKind::Advisory).then(|| view! {
                    <button type="button" class="button-secondary" on:click=export_advisory>"公開用ファイル(注意喚起)を書き出す"</button>
                })}
                <button type="button" class="button-secondary" on:click=make_follow_up>{follow_label}</button>
                <button type="button" class="button-warning" on:click=delete>"この下書きを削除"</button>
            </div>
            {move || notice.get().map(|(ok, m)| view! {
                <p class=if ok { "message message-ok" } else { "message message-error" } role="status">{m}</p>
            })}
            <crate::flow::FlowActions draft_id=id.clone() series=series_view.clone() report=report />
            {move || mail.get().map(|(s, b)| view! {
                <section class="mail" aria-labelledby="mail-title">
                    <h2 id="mail-title">"メール"</h2>
                    <label for="mail-subject">"件名"</label>
                    <input id="mail-subject" class="input" type="text" readonly prop:value=s />
                    <label for="mail-body">"本文"</label>
                    <textarea id="mail-body" class="textarea mail-body" rows="16" readonly prop:value=b></textarea>
                </section>
            })}
        </div>
    }
}

/// GOV.UK's error summary: every finding, linked to its field; errors and warnings apart.
#[component]
fn ErrorSummary(findings: Memo<Vec<Finding>>, show: RwSignal<bool>) -> impl IntoView {
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
        let all = findings.get();
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
        let errors: Vec<Finding> = all.iter().filter(|f| f.is_error()).cloned().collect();
        let warnings: Vec<Finding> = all.iter().filter(|f| !f.is_error()).cloned().collect();
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
