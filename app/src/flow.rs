//! The handbook's flow in the editor ([`kyoyu_core::flow`]):
//!
//! - 重要インフラ所管省庁: 「情報連絡様式に変換」 turns the DDoS or ransomware 共通様式 on screen
//!   into a new, prefilled 情報連絡様式; the original stays as its own draft (the 別紙), and the
//!   new draft lists every field filled from it until the user marks them checked;
//! - セプター事務局: 「匿名化した写し」 with a preview of every change;
//! - the 識別番号 that 国家サイバー統括室 assigns, entered once and carried to every later 続報
//!   of the series kept in this browser.

use kyoyu_core::envelope::Envelope;
use kyoyu_core::flow::{self, How};
use kyoyu_core::forms::{FormKind, Report};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::drafts;
use crate::fields::FormCtx;
use crate::notice::{Notice, NoticeView};
use crate::route::Route;
use crate::state::ReportState;
use crate::storage::{self, browser::now_rfc3339};
use crate::util::focus_field;

/// What a converted draft still has to be checked for, kept beside it in this browser.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Review {
    /// The draft the 情報連絡様式 was made from (its 別紙).
    source_id: String,
    annex: String,
    /// The 別紙's files attached to the new report (its workbook, JSON and files).
    #[serde(default)]
    annex_files: Vec<String>,
    cautions: Vec<String>,
    /// (path, label, from, suggested)
    fields: Vec<(String, String, String, bool)>,
}

/// The review list of draft `draft_id`, if it has one (none while storage is locked).
fn load_review(draft_id: &str) -> Option<Review> {
    let text = storage::app()
        .record(&storage::review_key(draft_id))
        .ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps `review` beside draft `draft_id`: a record of the storage layer, sealed like the draft
/// when encryption is on and removed with it.
fn save_review(draft_id: &str, review: &Review) {
    if let Ok(text) = serde_json::to_string(review) {
        let _ = storage::browser::save_record(&storage::review_key(draft_id), &text);
    }
}

/// A new draft of a new series holding `report`, saved; its id.
fn save_new(report: Report) -> Result<String, String> {
    drafts::save_in_new_series(&storage::app(), report, &now_rfc3339())
        .map(|d| d.id)
        .map_err(|e| e.to_string())
}

/// The flow's actions for the draft `draft_id` of `series`, below the form.
#[component]
pub fn FlowActions(state: RwSignal<ReportState>) -> impl IntoView {
    let kind = state.with_untracked(|s| s.kind());
    let draft_id = state.with_untracked(|s| s.id().to_string());
    let series_id = state.with_untracked(|s| s.series().id.clone());
    let report = Memo::new(move |_| state.with(|s| s.report().clone()));
    let message = RwSignal::new(None::<Notice>);
    let review =
        (kind == FormKind::Incident).then(|| view! { <ReviewPanel draft_id=draft_id.clone() /> });
    let convert = kind.is_common_form().then(|| {
        let source_id = draft_id.clone();
        let on_convert = move |_| {
            let source = report.get_untracked();
            let m = match flow::to_incident(&source) {
                Ok(m) => m,
                Err(e) => return message.set(Some(Notice::error(e.to_string()))),
            };
            let mut r = Review {
                source_id: source_id.clone(),
                annex: m.annex.clone(),
                annex_files: Vec::new(),
                cautions: m.cautions.clone(),
                fields: m
                    .fields
                    .iter()
                    .map(|f| (f.path.clone(), f.label.clone(), f.from.clone(), f.how == How::Suggested))
                    .collect(),
            };
            let id = match save_new(Report::Incident(m.report)) {
                Ok(id) => id,
                Err(e) => return message.set(Some(Notice::error(e))),
            };
            let original = Envelope {
                series: state.with_untracked(|s| s.series().clone()),
                report: source,
            };
            let source_id = source_id.clone();
            leptos::task::spawn_local(async move {
                match crate::deliver::attach_annex(&id, &source_id, &original).await {
                    Ok(names) => r.annex_files = names,
                    Err(e) => r.cautions.push(format!(
                        "別紙を添付できませんでした({e})。元の共通様式を「添付ファイル」から添付してください。"
                    )),
                }
                save_review(&id, &r);
                Route::Edit(id).go();
            });
        };
        view! {
            <div class="flow-action">
                <h3>"所管省庁: 国家サイバー統括室への情報連絡"</h3>
                <p>"この共通様式を、国家サイバー統括室に送る情報連絡様式(図4)に変換します。転記した項目と推定した項目(事象の類型・原因・分野)は一覧にしますので、送る前に確かめてください。この共通様式は別紙として残ります。"</p>
                <button type="button" class="button" on:click=on_convert>"情報連絡様式に変換"</button>
            </div>
        }
    });
    let anonymize = (kind != FormKind::Advisory)
        .then(|| view! { <AnonymizePanel report=report message=message /> });
    let identifier = (kind == FormKind::Incident && report.with_untracked(|r| r.report_number() >= 2) || kind == FormKind::Advisory)
        .then(|| view! { <IdentifierPanel draft_id=draft_id.clone() series_id=series_id.clone() report=report message=message /> });
    view! {
        {review}
        <section class="flow-actions" aria-labelledby="flow-title">
            <h2 id="flow-title">"手引書の流れに沿った操作"</h2>
            {convert}
            {anonymize}
            {identifier}
            <NoticeView notice=message />
        </section>
    }
}

/// The fields a converted 情報連絡様式 was filled with, each a link to its field.
#[component]
fn ReviewPanel(draft_id: String) -> impl IntoView {
    let review = RwSignal::new(load_review(&draft_id));
    let key = StoredValue::new(storage::review_key(&draft_id));
    let done = move |_: leptos::ev::MouseEvent| {
        let _ = storage::app().delete_record(&key.get_value());
        review.set(None);
    };
    move || {
        review.get().map(|r| {
            let cautions = r
                .cautions
                .iter()
                .map(|c| view! { <p class="message message-error" role="alert">{c.clone()}</p> })
                .collect_view();
            let items = r
                .fields
                .iter()
                .map(|(path, label, from, suggested)| {
                    let p = path.clone();
                    let mark = suggested.then(|| view! { <span class="review-suggested">"推定"</span> });
                    view! {
                        <li>
                            <a href="#" on:click=move |ev| { ev.prevent_default(); focus_field(&p); }>{label.clone()}</a>
                            " ← " {from.clone()} " " {mark}
                        </li>
                    }
                })
                .collect_view();
            let source = format!("#/edit/{}", r.source_id);
            view! {
                <section class="review" aria-labelledby="review-title">
                    <h2 id="review-title">"共通様式から転記した項目(送る前に確かめてください)"</h2>
                    {cautions}
                    <p>"別紙: " <a href=source>{r.annex.clone()}</a></p>
                    {(!r.annex_files.is_empty()).then(|| view! {
                        <p class="review-annex">{format!("別紙としてこの報告に添付しました(メール下書きと ZIP ファイルに入ります): {}", r.annex_files.join("、"))}</p>
                    })}
                    <ul class="review-list">{items}</ul>
                    <p class="hint">"「推定」は共通様式の内容から選んだものです。情報連絡元(所管省庁)、情報共有範囲、重要度は所管省庁が記入してください。"</p>
                    <button type="button" class="button-secondary" on:click=done>"確認しました(一覧を閉じる)"</button>
                </section>
            }
        })
    }
}

/// セプター事務局's anonymised copy, with a preview.
#[component]
fn AnonymizePanel(report: Memo<Report>, message: RwSignal<Option<Notice>>) -> impl IntoView {
    let alias = RwSignal::new("A社".to_string());
    let preview = RwSignal::new(None::<flow::Anonymized>);
    let show = move |_| {
        preview.set(Some(flow::anonymize(
            &report.get_untracked(),
            &alias.get_untracked(),
        )))
    };
    let create = move |_| {
        let a = flow::anonymize(&report.get_untracked(), &alias.get_untracked());
        match save_new(a.report) {
            Ok(id) => Route::Edit(id).go(),
            Err(e) => message.set(Some(Notice::error(e))),
        }
    };
    view! {
        <div class="flow-action">
            <h3>"セプター事務局: 匿名化した写し"</h3>
            <p>"事業者名を置き換え、連絡先・法人番号等を消した写しを作ります。この下書きはそのまま残ります。"</p>
            <label for="anon-alias">"事業者名の置き換え"</label>
            <input id="anon-alias" class="input" type="text" prop:value=move || alias.get()
                on:input=move |ev| { alias.set(event_target_value(&ev)); preview.set(None); } />
            <p><button type="button" class="button-secondary" on:click=show>"匿名化の変更点を表示"</button></p>
            {move || preview.get().map(|a| {
                let rows = a.changes.iter().map(|c| view! {
                    <tr><th scope="row">{c.label.clone()}</th><td>{c.before.clone()}</td><td>{if c.after.is_empty() { "(削除)".to_string() } else { c.after.clone() }}</td></tr>
                }).collect_view();
                let n = a.changes.len();
                view! {
                    <table class="anon-preview">
                        <caption>{format!("匿名化で変わる項目 {n}件")}</caption>
                        <thead><tr><th scope="col">"項目"</th><th scope="col">"変更前"</th><th scope="col">"変更後"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p><button type="button" class="button" on:click=create>"匿名化した写しを作成"</button></p>
                }
            })}
        </div>
    }
}

/// The 識別番号 of the series, carried to every later report kept here.
#[component]
fn IdentifierPanel(
    draft_id: String,
    series_id: String,
    report: Memo<Report>,
    message: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let envelopes: Vec<Envelope> = storage::app()
        .drafts()
        .into_iter()
        .map(|d| d.envelope)
        .collect();
    let known = flow::series_identifier(&envelopes, &series_id).unwrap_or_default();
    let id = RwSignal::new(known);
    let apply = move |_| {
        let new_id = id.get_untracked().trim().to_string();
        // This draft through the editor (its autosave), the others in storage.
        if report.with_untracked(|r| r.kind() == FormKind::Advisory || r.report_number() >= 2) {
            ctx.update(
                "header.identifier",
                serde_json::Value::String(new_id.clone()),
            );
        }
        match drafts::carry_identifier(&storage::app(), &series_id, &new_id, &draft_id, &now_rfc3339()) {
            Ok(n) => message.set(Some(Notice::ok(format!(
                "識別番号「{new_id}」をこの報告と、この端末にある同じ事案の他の続報{n}件に記入しました。"
            )))),
            Err(e) => message.set(Some(Notice::error(e.to_string()))),
        }
    };
    view! {
        <div class="flow-action">
            <h3>"識別番号(国家サイバー統括室が付与)"</h3>
            <label for="series-identifier">"この事案の識別番号"</label>
            <input id="series-identifier" class="input" type="text" prop:value=move || id.get()
                on:input=move |ev| id.set(event_target_value(&ev)) />
            <p><button type="button" class="button-secondary" on:click=apply>"この事案の続報すべてに記入"</button></p>
        </div>
    }
}
