//! 「送る」: the report as its recipients take it — the Excel workbook of the 様式, an e-mail
//! draft (.eml) with the workbook, kyoyu's JSON and the attached files, and the export bundle
//! (.zip) — plus the subject with a copy button, a `mailto:` link for the body where it fits a
//! URL, and a small address book of To/Cc per 宛先 kept in this browser only (through the app's
//! storage layer, sealed like the drafts when encryption at rest is on).
//!
//! The writers are a second wasm module (crate `kyoyu-deliver`), fetched on first use through
//! `globalThis.kyoyuDeliver()` (defined by site-gen's loader, which reads the module's URL from
//! `#app-root[data-deliver]`) and precached by the service worker for offline use; `/app/`
//! starts without it. Nothing leaves the browser: every file is a download.
//!
//! Files attached to a report (picker or drag-and-drop) are kept per draft through the app's
//! storage layer (IndexedDB, sealed when encryption at rest is on), within core's limit per
//! report ([`kyoyu_core::attachments`]); a 続報 takes over the previous report's files when the
//! user asks.

use kyoyu_core::envelope::{Envelope, Series};
use kyoyu_core::forms::Report;
use kyoyu_core::render;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::drafts;
use crate::files;
use crate::state::ReportState;
use crate::storage::{self, FileMeta};

/// A `mailto:` URL longer than this is not offered (mail programs and browsers cut longer ones;
/// the .eml has no such limit).
const MAILTO_MAX: usize = 2000;

/// The message of a JavaScript error (the deliver module throws its Japanese message).
fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "不明なエラー".into())
}

/// The deliver module's namespace, loading it on first use.
async fn module() -> Result<JsValue, String> {
    let load = js_sys::Reflect::get(&js_sys::global(), &"kyoyuDeliver".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("書き出し機能がこのページにありません。ページを再読み込みしてください。")?;
    let promise = load
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or("書き出し機能を読み込めません。")?;
    JsFuture::from(promise).await.map_err(|e| {
        format!(
            "書き出し機能を読み込めませんでした。オフラインで使うには、一度オンラインでこのページを開いてください。({})",
            js_message(&e)
        )
    })
}

/// Calls the module's `name(args…)`, which returns bytes.
async fn call(name: &str, args: &[JsValue]) -> Result<Vec<u8>, String> {
    let m = module().await?;
    let f: js_sys::Function = js_sys::Reflect::get(&m, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| {
            format!("書き出し機能に {name} がありません。ページを再読み込みしてください。")
        })?;
    let args: js_sys::Array = args.iter().collect();
    let out = f.apply(&JsValue::NULL, &args).map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&out).to_vec())
}

/// A file attached to the report, as the module takes it.
#[derive(Debug, Clone)]
pub struct Attached {
    pub name: String,
    pub mime: String,
    pub data: Vec<u8>,
}

/// The module's request (see `deliver/src/wasm.rs`) and the files' bytes, one after the other.
fn request(
    env: &Envelope,
    previous: Option<&Report>,
    to: &Addresses,
    files: &[Attached],
) -> (String, Vec<u8>) {
    let previous = previous.map(|p| {
        Envelope {
            series: Series::default(),
            report: p.clone(),
        }
        .to_value()
    });
    let base = files::export_file_name(&env.report, "x");
    let base = base.trim_end_matches(".x");
    let meta: Vec<_> = files
        .iter()
        .map(|f| json!({ "name": f.name, "mime": f.mime, "size": f.data.len() }))
        .collect();
    let req = json!({
        "envelope": env.to_value(),
        "previous": previous,
        "base_name": base,
        "files": meta,
        "to": to.to,
        "cc": to.cc,
        "date": (js_sys::Date::now() / 1000.0) as i64,
    });
    let data = files.iter().flat_map(|f| f.data.iter().copied()).collect();
    (req.to_string(), data)
}

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Output {
    Workbook,
    Eml,
    Bundle,
}

impl Output {
    fn ext(self) -> &'static str {
        match self {
            Output::Workbook => "xlsx",
            Output::Eml => "eml",
            Output::Bundle => "zip",
        }
    }
    fn mime(self) -> &'static str {
        match self {
            Output::Workbook => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Output::Eml => "message/rfc822",
            Output::Bundle => "application/zip",
        }
    }
    fn what(self) -> &'static str {
        match self {
            Output::Workbook => "Excel ファイル(様式)",
            Output::Eml => "メール下書き",
            Output::Bundle => "ZIP ファイル(JSON・Excel・添付ファイル)",
        }
    }
}

async fn write(
    out: Output,
    env: Envelope,
    previous: Option<Report>,
    to: Addresses,
    attached: Vec<Attached>,
) -> Result<String, String> {
    let (req, data) = request(&env, previous.as_ref(), &to, &attached);
    let data = js_sys::Uint8Array::from(data.as_slice());
    let bytes = match out {
        Output::Workbook => call("workbook", &[req.into()]).await?,
        Output::Eml => call("eml", &[req.into(), data.into()]).await?,
        Output::Bundle => call("bundle", &[req.into(), data.into()]).await?,
    };
    let name = files::export_file_name(&env.report, out.ext());
    files::download_bytes(&name, out.mime(), &bytes)
        .map_err(|_| "ファイルを書き出せませんでした。".to_string())?;
    Ok(format!("{}「{name}」を書き出しました。", out.what()))
}

/// Whether a file chosen for import is an export bundle (.zip) rather than kyoyu's JSON.
pub fn is_bundle(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".zip")
}

/// Imports an export bundle: the whole zip is read and checked by the module first (a broken
/// one changes no draft), then its report is imported as a JSON file is ([`drafts::import`]) and
/// its files are attached to that draft (those it already has, by name and size, are kept as
/// they are). `Ok(None)` when the user chose not to replace an existing 第N報.
pub async fn import_bundle(
    bytes: &[u8],
    replace: impl FnOnce(&str, u32) -> bool,
) -> Result<Option<String>, String> {
    let m = module().await?;
    let read: js_sys::Function = js_sys::Reflect::get(&m, &"read_bundle".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("書き出し機能に read_bundle がありません。ページを再読み込みしてください。")?;
    let out = read
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes))
        .map_err(|e| js_message(&e))?;
    let get = |k: &str| js_sys::Reflect::get(&out, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let envelope = get("envelope").as_string().unwrap_or_default();
    #[derive(Deserialize)]
    struct Meta {
        name: String,
        mime: String,
        size: usize,
    }
    let metas: Vec<Meta> = serde_json::from_str(&get("files").as_string().unwrap_or_default())
        .map_err(|e| format!("内部エラー: 添付ファイルの一覧を読めません ({e})"))?;
    let data = js_sys::Uint8Array::new(&get("data")).to_vec();
    let s = storage::app();
    let Some(id) = drafts::import(
        &s,
        envelope.as_bytes(),
        &storage::browser::now_rfc3339(),
        replace,
    )
    .map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    storage::browser::seal_soon();
    let have = s.list_files(&id).await.map_err(|e| format!("{e}"))?;
    let mut at = 0;
    for f in metas {
        let bytes = data
            .get(at..at + f.size)
            .ok_or("内部エラー: 添付ファイルのデータが足りません")?;
        at += f.size;
        if have
            .iter()
            .any(|h| h.name == f.name && h.size == f.size as u64)
        {
            continue;
        }
        s.put_file(&id, &f.name, &f.mime, bytes)
            .await
            .map_err(|e| {
                format!(
                    "報告は読み込みましたが、添付ファイル「{}」を保存できませんでした。{e}",
                    f.name
                )
            })?;
    }
    Ok(Some(id))
}

// --- the address book --------------------------------------------------------------------

/// To and Cc of one 宛先.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Addresses {
    #[serde(default)]
    pub to: Vec<String>,
    #[serde(default)]
    pub cc: Vec<String>,
}

/// One 宛先 of the address book (「国家サイバー統括室」「所管省庁」「警察」).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    #[serde(flatten)]
    pub addresses: Addresses,
}

/// The address book, kept in this browser through the app's storage layer under
/// [`storage::BOOK_KEY`] (sealed with the drafts' key when encryption at rest is on); never sent
/// anywhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressBook {
    #[serde(default)]
    pub entries: Vec<Entry>,
}

impl AddressBook {
    /// The stored book (empty when there is none); the reason in Japanese when it cannot be read.
    fn load() -> Result<AddressBook, String> {
        match storage::app().record(storage::BOOK_KEY) {
            Ok(None) => Ok(AddressBook::default()),
            Ok(Some(text)) => serde_json::from_str(&text)
                .map_err(|e| format!("保存した宛先を読み込めません(データが壊れています: {e})。")),
            Err(e) => Err(format!("保存した宛先を読み込めません。{e}")),
        }
    }
    /// Stores the book; a refused write is held by the storage layer (the edit stays).
    fn save(&self) -> Result<(), String> {
        let text = serde_json::to_string(self)
            .map_err(|e| format!("内部エラー: 宛先を書き出せません ({e})"))?;
        storage::browser::save_record(storage::BOOK_KEY, &text).map_err(unsaved)
    }
    /// Adds or replaces the 宛先 named `entry.name`.
    pub fn put(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.name == entry.name) {
            Some(e) => *e = entry,
            None => self.entries.push(entry),
        }
    }
    pub fn remove(&mut self, name: &str) {
        self.entries.retain(|e| e.name != name);
    }
}

/// What the user is told when the address book could not be stored.
fn unsaved(e: storage::StorageError) -> String {
    format!("宛先の変更は画面に残っていますが、この端末には保存されていません: {e} 容量を空けるなどしてから、もう一度「この宛先を保存」を押してください。")
}

/// The addresses typed in a box: separated by commas, semicolons, spaces or lines.
pub fn parse_addresses(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c == '、' || c.is_whitespace())
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect()
}

/// The address book's entries' names.
fn entry_names(book: &AddressBook) -> Vec<String> {
    book.entries.iter().map(|e| e.name.clone()).collect()
}

/// The `mailto:` URL of the addresses, the subject and the plain-text body — or, when that is
/// longer than [`MAILTO_MAX`], of the addresses and subject alone (the body is then pasted:
/// 「メール本文をコピー」). The flag says whether the body is in it.
pub fn mailto(report: &Report, to: &Addresses) -> (String, bool) {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    let list = |l: &[String]| l.iter().map(|a| enc(a)).collect::<Vec<_>>().join(",");
    let mut url = format!(
        "mailto:{}?subject={}",
        list(&to.to),
        enc(&render::subject(report))
    );
    if !to.cc.is_empty() {
        url.push_str(&format!("&cc={}", list(&to.cc)));
    }
    let body = format!(
        "&body={}",
        enc(&render::plain_text(report).replace('\n', "\r\n"))
    );
    if url.len() + body.len() <= MAILTO_MAX {
        url.push_str(&body);
        return (url, true);
    }
    (url, false)
}

// --- attachments ---------------------------------------------------------------------------

/// The bytes of the files of a draft, for the module.
async fn attached(list: &[FileMeta]) -> Result<Vec<Attached>, String> {
    let s = storage::app();
    let mut out = Vec::with_capacity(list.len());
    for m in list {
        match s.get_file(&m.key).await {
            Ok(Some(f)) => out.push(Attached {
                name: f.meta.name,
                mime: f.meta.mime,
                data: f.bytes,
            }),
            Ok(None) => return Err(format!("添付ファイル「{}」が見つかりません。", m.name)),
            Err(e) => return Err(format!("添付ファイル「{}」を読めません: {e}", m.name)),
        }
    }
    Ok(out)
}

/// The original 共通様式 `original` (draft `from`) as the 別紙 of the 情報連絡様式 made from it
/// (draft `to`): its workbook (the 様式 as the recipients read it), kyoyu's JSON of it and the
/// files attached to it, all attached to the new report so that they go with it in its e-mail
/// draft and its bundle. Returns the names attached.
pub async fn attach_annex(
    to: &str,
    from: &str,
    original: &Envelope,
) -> Result<Vec<String>, String> {
    let s = storage::app();
    let mut files = Vec::new();
    let (req, _) = request(original, None, &Addresses::default(), &[]);
    files.push(Attached {
        name: format!(
            "別紙-{}",
            files::export_file_name(&original.report, Output::Workbook.ext())
        ),
        mime: Output::Workbook.mime().to_string(),
        data: call("workbook", &[req.into()]).await?,
    });
    files.push(Attached {
        name: format!("別紙-{}", files::export_file_name(&original.report, "json")),
        mime: "application/json".to_string(),
        data: original.to_json_pretty().into_bytes(),
    });
    let theirs = s
        .list_files(from)
        .await
        .map_err(|e| format!("添付ファイルを読めません: {e}"))?;
    files.extend(attached(&theirs).await?);
    let mut total = 0;
    let mut names = Vec::new();
    for f in files {
        kyoyu_core::attachments::check_total(total, f.data.len() as u64, &f.name)?;
        s.put_file(to, &f.name, &f.mime, &f.data)
            .await
            .map_err(|e| format!("別紙「{}」を添付できませんでした。{e}", f.name))?;
        total += f.data.len() as u64;
        names.push(f.name);
    }
    Ok(names)
}

/// Adds the browser's files to a draft, one by one, within the limit; returns the message.
async fn add_files(
    draft: String,
    chosen: Vec<web_sys::File>,
    list: RwSignal<Vec<FileMeta>>,
) -> (bool, String) {
    let s = storage::app();
    let mut added = Vec::new();
    for file in chosen {
        let name = file.name();
        let total: u64 = list.with_untracked(|l| l.iter().map(|m| m.size).sum());
        if let Err(m) = kyoyu_core::attachments::check_total(total, file.size() as u64, &name) {
            return (false, m);
        }
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(e) => {
                return (
                    false,
                    format!("「{name}」を読み込めませんでした。({})", js_message(&e)),
                )
            }
        };
        let mime = match file.type_() {
            t if t.is_empty() => "application/octet-stream".to_string(),
            t => t,
        };
        match s.put_file(&draft, &name, &mime, &bytes).await {
            Ok(meta) => {
                list.update(|l| l.push(meta));
                added.push(name);
            }
            Err(e) => return (false, format!("「{name}」を添付できませんでした。{e}")),
        }
    }
    (
        true,
        format!(
            "{} を添付しました。",
            added
                .iter()
                .map(|n| format!("「{n}」"))
                .collect::<Vec<_>>()
                .join("")
        ),
    )
}

/// The files of a `web_sys::FileList`.
fn file_list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// 添付ファイル: the list (name, size, type, 「削除」), a picker, a drop zone, and for a 続報 the
/// previous report's files to take over.
#[component]
fn Attachments(
    draft: String,
    previous_draft: Option<String>,
    list: RwSignal<Vec<FileMeta>>,
    message: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let previous = RwSignal::new(Vec::<FileMeta>::new());
    {
        let draft = draft.clone();
        leptos::task::spawn_local(async move {
            let s = storage::app();
            match s.list_files(&draft).await {
                Ok(l) => {
                    list.try_set(l);
                }
                Err(e) => {
                    message.try_set(Some((false, format!("添付ファイルを読めません: {e}"))));
                }
            }
            if let Some(p) = previous_draft {
                if let Ok(l) = s.list_files(&p).await {
                    previous.try_set(l);
                }
            }
        });
    }
    let add = {
        let draft = draft.clone();
        move |chosen: Vec<web_sys::File>| {
            if chosen.is_empty() {
                return;
            }
            let draft = draft.clone();
            leptos::task::spawn_local(async move {
                let m = add_files(draft, chosen, list).await;
                message.try_set(Some(m));
            });
        }
    };
    let on_pick = {
        let add = add.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let chosen = file_list(input.files());
            input.set_value("");
            add(chosen);
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        add(file_list(ev.data_transfer().and_then(|d| d.files())));
    };
    let remove = move |meta: FileMeta| {
        leptos::task::spawn_local(async move {
            match storage::app().delete_file(&meta.key).await {
                Ok(()) => {
                    list.try_update(|l| l.retain(|m| m.key != meta.key));
                    message.try_set(Some((
                        true,
                        format!("「{}」を添付から外しました。", meta.name),
                    )));
                }
                Err(e) => {
                    message.try_set(Some((
                        false,
                        format!("「{}」を外せませんでした: {e}", meta.name),
                    )));
                }
            }
        });
    };
    let carry = {
        let draft = draft.clone();
        move |_| {
            let draft = draft.clone();
            let from = previous.get_untracked();
            leptos::task::spawn_local(async move {
                let s = storage::app();
                let mut n = 0;
                for m in &from {
                    let total: u64 = list.with_untracked(|l| l.iter().map(|m| m.size).sum());
                    if let Err(e) = kyoyu_core::attachments::check_total(total, m.size, &m.name) {
                        message.try_set(Some((false, e)));
                        return;
                    }
                    let copied = match s.get_file(&m.key).await {
                        Ok(Some(f)) => {
                            s.put_file(&draft, &f.meta.name, &f.meta.mime, &f.bytes)
                                .await
                        }
                        Ok(None) => continue,
                        Err(e) => Err(e),
                    };
                    match copied {
                        Ok(meta) => {
                            list.try_update(|l| l.push(meta));
                            n += 1;
                        }
                        Err(e) => {
                            message.try_set(Some((
                                false,
                                format!("「{}」を引き継げませんでした。{e}", m.name),
                            )));
                            return;
                        }
                    }
                }
                previous.try_set(Vec::new());
                message.try_set(Some((
                    true,
                    format!("前回の報告の添付ファイル{n}件を引き継ぎました。"),
                )));
            });
        }
    };
    let total = move || list.with(|l| l.iter().map(|m| m.size).sum::<u64>());
    let items = move || {
        list.get()
            .into_iter()
            .map(|m| {
                let label = format!("「{}」を添付から外す", m.name);
                let meta = m.clone();
                view! {
                    <li>
                        <span class="attachment-name">{m.name.clone()}</span>
                        " "<span class="attachment-size">{kyoyu_core::attachments::format_size(m.size)}</span>
                        " "<span class="attachment-type">{m.mime.clone()}</span>
                        " "<button type="button" class="button-secondary" aria-label=label on:click=move |_| remove(meta.clone())>"削除"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="attachments" aria-labelledby="attach-title">
            <h3 id="attach-title">"添付ファイル"</h3>
            <p class="hint" id="attach-hint">{format!(
                "スクリーンショット、ログ、IPアドレスやインディケータの一覧、報道発表資料などを添付できます(1件の報告につき合計 {} まで)。メール下書きと ZIP に入ります。",
                kyoyu_core::attachments::format_size(kyoyu_core::attachments::MAX_TOTAL_BYTES)
            )}</p>
            <div class="attach-drop" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label class="label" for="attach-input">"ファイルを選ぶ(またはここにドラッグ&ドロップ)"</label>
                <input id="attach-input" type="file" multiple aria-describedby="attach-hint" on:change=on_pick />
            </div>
            <ul class="attachment-list">{items}</ul>
            <p class="attachment-total">{move || format!("合計 {}", kyoyu_core::attachments::format_size(total()))}</p>
            {move || (!previous.with(Vec::is_empty)).then(|| view! {
                <button type="button" class="button-secondary" id="attach-carry" on:click=carry.clone()>
                    {format!("前回の報告の添付ファイル({}件)を引き継ぐ", previous.with(Vec::len))}
                </button>
            })}
        </section>
    }
}

// --- the panel -----------------------------------------------------------------------------

/// 「送る」 of the editor: the three files, the subject, `mailto:`, the address book, the
/// attached files.
#[component]
pub fn SendPanel(state: RwSignal<ReportState>) -> impl IntoView {
    let report = Memo::new(move |_| state.with(|s| s.report().clone()));
    let (draft_id, base) = state.with_untracked(|s| (s.id().to_string(), s.draft(None)));
    let app = storage::app();
    let previous = StoredValue::new(drafts::previous_report(&app, &base));
    let previous_draft = base
        .envelope
        .series
        .previous
        .as_ref()
        .and_then(|p| drafts::find_in_series(&app, &base.envelope.series.id, p.number))
        .map(|d| d.id);
    let series = StoredValue::new(base.envelope.series.clone());
    let files = RwSignal::new(Vec::<FileMeta>::new());
    let loaded = AddressBook::load();
    // A book that cannot be read is replaced only when the user says so.
    let unreadable = StoredValue::new(loaded.as_ref().err().cloned());
    let book = RwSignal::new(loaded.clone().unwrap_or_default());
    let chosen = RwSignal::new(book.with_untracked(|b| {
        b.entries
            .first()
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }));
    let initial = book.with_untracked(|b| {
        b.entries
            .first()
            .map(|e| e.addresses.clone())
            .unwrap_or_default()
    });
    let to_text = RwSignal::new(initial.to.join(", "));
    let cc_text = RwSignal::new(initial.cc.join(", "));
    let name_text = RwSignal::new(chosen.get_untracked());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(match loaded.err() {
        Some(e) => Some((false, e)),
        None if app.record_unsaved(storage::BOOK_KEY) => Some((
            false,
            "宛先の前回の変更は、この端末にまだ保存されていません。「この宛先を保存」でもう一度保存してください。".to_string(),
        )),
        None => None,
    });
    {
        // The book's sealed write failed in the background (from now on: an earlier failure is
        // said above); another tab changed the book.
        let failure = storage::browser::write_failure();
        Effect::new(move |ran: Option<()>| {
            if let Some((key, e)) = failure.get() {
                if key == storage::BOOK_KEY && ran.is_some() {
                    message.set(Some((false, unsaved(e))));
                }
            }
        });
        let changes = storage::browser::changes();
        Effect::new(move |_| {
            let (_, key) = changes.get();
            if key == storage::BOOK_KEY {
                if let Ok(b) = AddressBook::load() {
                    unreadable.set_value(None);
                    book.set(b);
                }
            }
        });
    }
    let encrypted = {
        let lock = storage::browser::lock_state();
        Memo::new(move |_| {
            lock.track();
            storage::app().encryption_on()
        })
    };
    // Writes the book (after asking, over one that could not be read); the edit stays on screen
    // either way.
    let store_book = move |b: AddressBook, done: String| {
        if let Some(why) = unreadable.get_value() {
            if !crate::util::confirm(&format!(
                "{why}保存されている宛先を、この画面の宛先で置き換えますか?"
            )) {
                return;
            }
        }
        let saved = b.save();
        book.set(b);
        match saved {
            Ok(()) => {
                unreadable.set_value(None);
                message.set(Some((true, done)));
            }
            Err(e) => message.set(Some((false, e))),
        }
    };
    let addresses = move || Addresses {
        to: parse_addresses(&to_text.get()),
        cc: parse_addresses(&cc_text.get()),
    };

    let run = move |out: Output| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(Some((true, format!("{}を作成しています…", out.what()))));
        let env = Envelope {
            series: series.get_value(),
            report: report.get_untracked(),
        };
        let to = Addresses {
            to: parse_addresses(&to_text.get_untracked()),
            cc: parse_addresses(&cc_text.get_untracked()),
        };
        let list = if out == Output::Workbook {
            Vec::new()
        } else {
            files.get_untracked()
        };
        leptos::task::spawn_local(async move {
            let r = match attached(&list).await {
                Ok(a) => write(out, env, previous.get_value(), to, a).await,
                Err(e) => Err(e),
            };
            busy.try_set(false);
            message.try_set(Some(match r {
                Ok(m) => (true, m),
                Err(e) => (false, e),
            }));
        });
    };
    let pick = move |name: String| {
        let e = book.with_untracked(|b| b.entries.iter().find(|e| e.name == name).cloned());
        if let Some(e) = e {
            to_text.set(e.addresses.to.join(", "));
            cc_text.set(e.addresses.cc.join(", "));
        }
        name_text.set(name.clone());
        chosen.set(name);
    };
    let save_entry = move |_| {
        let name = name_text.get_untracked().trim().to_string();
        if name.is_empty() {
            message.set(Some((
                false,
                "宛先の名前を入力してください(例: 国家サイバー統括室)。".into(),
            )));
            return;
        }
        let mut b = book.get_untracked();
        b.put(Entry {
            name: name.clone(),
            addresses: addresses(),
        });
        chosen.set(name.clone());
        store_book(b, format!("宛先「{name}」をこのブラウザに保存しました。"));
    };
    let remove_entry = move |_| {
        let name = chosen.get_untracked();
        let mut b = book.get_untracked();
        b.remove(&name);
        chosen.set(String::new());
        store_book(b, format!("宛先「{name}」を削除しました。"));
    };
    let subject = move || report.with(render::subject);
    let copy_subject = move |_| {
        let s = report.with_untracked(render::subject);
        leptos::task::spawn_local(async move {
            message.try_set(Some(match files::copy_text(&s).await {
                Ok(()) => (true, "件名をクリップボードにコピーしました。".to_string()),
                Err(_) => (false, "クリップボードにコピーできませんでした。件名の欄から手作業でコピーしてください。".to_string()),
            }));
        });
    };
    let mailto_link = move || {
        let to = addresses();
        let (url, with_body) = report.with(|r| mailto(r, &to));
        let hint = (!with_body).then(|| view! {
            <span class="hint" id="send-mailto-hint">"本文が長く URL に収まらないため、宛先と件名だけを渡します。本文は「メール本文をコピー」で貼り付けるか、「メール下書き(.eml)」を使ってください。"</span>
        });
        let label = if with_body {
            "メールソフトで開く(本文つき)"
        } else {
            "メールソフトで開く(宛先・件名のみ)"
        };
        view! { <a class="button-secondary" id="send-mailto" href=url>{label}</a>" "{hint} }
    };
    let options = move || {
        book.with(entry_names)
            .into_iter()
            .map(|n| view! { <option value=n.clone() selected=chosen.get() == n>{n.clone()}</option> })
            .collect_view()
    };

    view! {
        <section class="send" aria-labelledby="send-title">
            <h2 id="send-title">"送る"</h2>
            <p class="hint">"ファイルはこのブラウザの中で作成され、ダウンロードされるだけです。送信はお使いのメールソフトで行います。"</p>
            <div class="send-actions" role="group" aria-label="送るためのファイル">
                <button type="button" class="button" id="send-xlsx" disabled=move || busy.get() on:click=move |_| run(Output::Workbook)>"Excel(様式)"</button>
                <button type="button" class="button" id="send-eml" disabled=move || busy.get() on:click=move |_| run(Output::Eml)>"メール下書き(.eml)"</button>
                <button type="button" class="button-secondary" id="send-zip" disabled=move || busy.get() on:click=move |_| run(Output::Bundle)>"ZIP に書き出す(JSON・Excel・添付ファイル)"</button>
            </div>
            {move || message.get().map(|(ok, m)| view! {
                <p id="send-message" class=if ok { "message message-ok" } else { "message message-error" } role="status">{m}</p>
            })}
            <fieldset class="send-addresses">
                <legend class="label">{move || if encrypted.get() {
                    "宛先(このブラウザだけに、下書きと同じくパスフレーズで暗号化して保存され、どこにも送られません)"
                } else {
                    "宛先(このブラウザだけに保存され、どこにも送られません。ホームで「端末内の下書きの暗号化」を有効にすると、宛先も暗号化されます)"
                }}</legend>
                <label class="label" for="send-book">"保存した宛先"</label>
                <select id="send-book" class="select" on:change=move |ev| pick(event_target_value(&ev))>
                    <option value="" selected=move || chosen.get().is_empty()>"(選択してください)"</option>
                    {options}
                </select>
                <label class="label" for="send-name">"宛先の名前"</label>
                <input id="send-name" class="input" type="text" placeholder="例: 国家サイバー統括室" prop:value=name_text on:input=move |ev| name_text.set(event_target_value(&ev)) />
                <label class="label" for="send-to">"To"</label>
                <input id="send-to" class="input" type="text" inputmode="email" prop:value=to_text on:input=move |ev| to_text.set(event_target_value(&ev)) />
                <label class="label" for="send-cc">"Cc"</label>
                <input id="send-cc" class="input" type="text" inputmode="email" prop:value=cc_text on:input=move |ev| cc_text.set(event_target_value(&ev)) />
                <p>
                    <button type="button" class="button-secondary" id="send-book-save" on:click=save_entry>"この宛先を保存"</button>
                    <button type="button" class="button-secondary" id="send-book-remove" disabled=move || chosen.get().is_empty() on:click=remove_entry>"選んだ宛先を削除"</button>
                </p>
            </fieldset>
            <label class="label" for="send-subject">"メールの件名"</label>
            <div class="send-subject">
                <input id="send-subject" class="input" type="text" readonly prop:value=subject />
                <button type="button" class="button-secondary" id="send-subject-copy" on:click=copy_subject>"件名をコピー"</button>
            </div>
            <p>{mailto_link}</p>
            <Attachments draft=draft_id previous_draft=previous_draft list=files message=message />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_split_on_any_separator() {
        assert_eq!(
            parse_addresses(" a@x.jp, b@y.jp;c@z.jp\n d@w.jp 、e@v.jp "),
            ["a@x.jp", "b@y.jp", "c@z.jp", "d@w.jp", "e@v.jp"]
        );
        assert!(parse_addresses(" , ").is_empty());
    }

    #[test]
    fn an_entry_of_the_same_name_is_replaced() {
        let mut b = AddressBook::default();
        b.put(Entry {
            name: "NISC".into(),
            addresses: Addresses {
                to: vec!["a@x.jp".into()],
                cc: vec![],
            },
        });
        b.put(Entry {
            name: "警察".into(),
            addresses: Addresses::default(),
        });
        b.put(Entry {
            name: "NISC".into(),
            addresses: Addresses {
                to: vec!["b@x.jp".into()],
                cc: vec![],
            },
        });
        assert_eq!(entry_names(&b), ["NISC", "警察"]);
        assert_eq!(b.entries[0].addresses.to, ["b@x.jp"]);
        b.remove("NISC");
        assert_eq!(entry_names(&b), ["警察"]);
    }
}
