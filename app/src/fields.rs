//! The generic inputs of the editor: one component per [`FieldKind`] of
//! `kyoyu_core::forms::spec`, bound by field path to the report's state ([`ReportState`]).

use kyoyu_core::dates::DateKind;
use kyoyu_core::follow_up;
use kyoyu_core::forms::spec::{self, FieldKind, FieldSpec, Opt, Section};
use kyoyu_core::forms::{path as fpath, FormKind};
use kyoyu_core::validate::{findings_at, Finding};
use leptos::prelude::*;
use serde_json::Value;

use crate::state::ReportState;
use crate::util::{field_id, focus_when_shown, get_str};

/// What every field of the editor reads and writes: the report's state.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub state: RwSignal<ReportState>,
    /// Notified on every edit (autosave listens).
    pub edits: Trigger,
    /// Whether findings are shown (after 「入力内容を確認」).
    pub show: RwSignal<bool>,
}

impl FormCtx {
    /// Writes `new` at `path`.
    pub fn update(&self, path: &str, new: Value) {
        self.state.update(|s| s.edit(path, new));
        self.edits.notify();
    }

    /// Adds an empty row to the list at `path`; its index.
    pub fn add_row(&self, path: &str) -> usize {
        let i = self.state.try_update(|s| s.add_row(path)).unwrap_or(0);
        self.edits.notify();
        i
    }

    /// Swaps rows `i` and `j` of the list at `path`.
    pub fn move_row(&self, path: &str, i: usize, j: usize) {
        self.state.update(|s| s.move_row(path, i, j));
        self.edits.notify();
    }

    /// Removes row `i` of the list at `path`.
    pub fn remove_row(&self, path: &str, i: usize) {
        self.state.update(|s| s.remove_row(path, i));
        self.edits.notify();
    }

    pub fn text(&self, path: &str) -> String {
        self.state.with(|s| get_str(s.value(), path))
    }

    pub fn get(&self, path: &str) -> Value {
        self.state
            .with(|s| fpath::get(s.value(), path).cloned().unwrap_or(Value::Null))
    }

    /// 第N報 of the report being edited.
    pub fn report_number(&self) -> u32 {
        self.state.with(|s| s.report().report_number())
    }

    /// The form being edited.
    pub fn kind(&self) -> FormKind {
        self.state.with_untracked(|s| s.kind())
    }

    /// Marks the field at `path` as left by the user (`try_`: a field removed from the page
    /// loses its focus after the editor is gone).
    pub fn touch(&self, path: &str) {
        if self.state.try_with_untracked(|s| s.touched.contains(path)) == Some(false) {
            self.state.try_update(|s| s.touch(path));
        }
    }

    /// Findings at this exact field (or under it), if they are shown: all after 「入力内容を
    /// 確認」, a field's own once it has been left.
    pub fn findings_for(&self, path: &str) -> Vec<Finding> {
        let all = self.show.get();
        if !self.state.with(|s| s.shows(all, path)) {
            return Vec::new();
        }
        self.state
            .with(|s| findings_at(s.findings(), path).cloned().collect())
    }

    pub fn has_error(&self, path: &str) -> bool {
        self.findings_for(path).iter().any(Finding::is_error)
    }

    pub fn changed(&self, path: &str) -> bool {
        self.state
            .with(|s| follow_up::is_changed(s.changes(), path))
    }

    /// Whether the row at `path` was added since the previous report.
    pub fn row_added(&self, path: &str) -> bool {
        self.state
            .with(|s| s.changes().iter().any(|c| c.path == path))
    }
}

/// Every section of the form of `kind`, in the form's order, then the sections kyoyu adds
/// after it (情報提供様式: インディケータ情報).
#[component]
pub fn FormSections(kind: FormKind) -> impl IntoView {
    spec::all_sections(kind)
        .enumerate()
        .map(|(i, s)| view! { <SectionView section=s index=i /> })
        .collect_view()
}

/// One section of a form: heading, intro, fields, notes.
#[component]
fn SectionView(section: &'static Section, index: usize) -> impl IntoView {
    let hid = crate::contents::section_id(index);
    let hid2 = hid.clone();
    let part = section
        .part
        .map(|p| view! { <p class="section-part">{p}</p> });
    let intro = section
        .intro
        .iter()
        .map(|t| view! { <p class="section-intro">{*t}</p> })
        .collect_view();
    let notes = section
        .notes
        .iter()
        .map(|n| view! { <p class="section-note"><span class="note-mark">{n.mark}</span>{n.text}</p> })
        .collect_view();
    let req = section.required.then(|| view! { <span class="req" title="必須">"*"<span class="visually-hidden">"(必須)"</span></span> });
    let fields = section
        .fields
        .iter()
        .map(|f| view! { <FieldView spec=f path=f.path.to_string() repeats_heading=f.label == section.title /> })
        .collect_view();
    view! {
        <section class="form-section" aria-labelledby=hid2>
            {part}
            <h2 id=hid>{section.heading()}{req}</h2>
            {intro}
            {fields}
            {notes}
        </section>
    }
}

/// The messages of a field (beside it), with the ids `aria-describedby` points at.
fn messages(ctx: FormCtx, path: String, id: String) -> impl IntoView {
    move || {
        let fs = ctx.findings_for(&path);
        if fs.is_empty() {
            return None;
        }
        let items = fs
            .into_iter()
            .map(|f| {
                let (class, label) = if f.is_error() {
                    ("field-msg field-error", "エラー")
                } else {
                    ("field-msg field-warning", "確認")
                };
                view! { <li class=class><span class="msg-label">{label}":"</span>" "{f.message}</li> }
            })
            .collect_view();
        Some(view! { <ul class="field-msgs" id=format!("msg-{id}")>{items}</ul> })
    }
}

fn describedby(
    ctx: FormCtx,
    path: String,
    id: String,
    has_hint: bool,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("hint-{id}"));
        }
        if !ctx.findings_for(&path).is_empty() {
            ids.push(format!("msg-{id}"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// Any field, by kind.
#[component]
pub fn FieldView(
    spec: &'static FieldSpec,
    path: String,
    /// The field's label is its section's heading (「情報共有範囲」 under 「情報共有範囲」, ③ 分野名):
    /// said once on screen, the label kept for assistive technology.
    #[prop(optional)]
    repeats_heading: bool,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    if let FieldKind::Group {
        item,
        add_label,
        item_label,
    } = &spec.kind
    {
        return view! { <GroupView spec=spec path=path item=item add_label=*add_label item_label=*item_label /> }
            .into_any();
    }
    let id = field_id(&path);
    let heading = spec
        .heading
        .map(|h| view! { <h3 class="field-heading">{h}</h3> });
    let hint_text = spec.editor_hint();
    let date_kind = match spec.kind {
        FieldKind::DateTime => Some(DateKind::DateTime),
        FieldKind::Date => Some(DateKind::Date),
        FieldKind::MonthDayTime => Some(DateKind::MonthDayTime),
        _ => None,
    };
    let format_hint = date_kind.map(|k| crate::dates_ui::hint(ctx.kind(), k));
    let hint_text = match (hint_text, format_hint) {
        (Some(h), Some(f)) => Some(format!("{f} {h}")),
        (None, Some(f)) => Some(f),
        (h, None) => h,
    };
    let has_hint = hint_text.is_some();
    let hint = hint_text.map(|h| view! { <p class="hint" id=format!("hint-{id}")>{h}</p> });
    // 識別番号 is no 必須 on a 第1報 (it stays blank there), whatever the 第N報 becomes.
    let req = move || {
        spec.required_in(ctx.report_number()).then(
            || view! { <span class="req">"*"<span class="visually-hidden">"(必須)"</span></span> },
        )
    };
    let p2 = path.clone();
    let changed = Memo::new(move |_| ctx.changed(&p2));
    let marker = move || {
        changed
            .get()
            .then(|| view! { <span class="changed-marker">"変更"</span> })
    };
    let p3 = path.clone();
    let has_error = Memo::new(move |_| ctx.has_error(&p3));
    let p4 = path.clone();
    let has_warning = Memo::new(move |_| {
        let fs = ctx.findings_for(&p4);
        !fs.is_empty() && !fs.iter().any(Finding::is_error)
    });
    let msgs = messages(ctx, path.clone(), id.clone());
    let db = describedby(ctx, path.clone(), id.clone(), has_hint);
    let invalid = move || has_error.get().then_some("true");
    let wrap_class = "field";
    let touched_path = path.clone();
    let ref_path = path.clone();
    let decor = Decor {
        label_class: if repeats_heading {
            "label visually-hidden"
        } else {
            "label"
        },
        req: req.into_any(),
        marker: marker.into_any(),
        hint: hint.into_any(),
        msgs: msgs.into_any(),
    };

    let input = match &spec.kind {
        FieldKind::Text | FieldKind::DateTime | FieldKind::Date | FieldKind::MonthDayTime => {
            let p = path.clone();
            let pv = path.clone();
            let placeholder = spec.example_text().filter(|_| spec.kind == FieldKind::Text);
            let autocomplete = "off";
            let pb = path.clone();
            let assist = date_kind.map(|k| view! { <crate::dates_ui::DateAssist path=path.clone() kind=k label=spec.label /> });
            let control = view! {
                <input type="text" id=id.clone() class="input" autocomplete=autocomplete
                    placeholder=placeholder
                    aria-describedby=db aria-invalid=invalid
                    prop:value=move || ctx.text(&pv)
                    on:input=move |ev| ctx.update(&p, Value::String(event_target_value(&ev)))
                    on:change=move |_| if let Some(k) = date_kind { crate::dates_ui::write_back(ctx, &pb, k) } />
                {assist}
            };
            labelled(id.clone(), spec.numbered_label(), decor, control.into_any())
        }
        FieldKind::MultiLine => {
            let p = path.clone();
            let pv = path.clone();
            let control = view! {
                <textarea id=id.clone() class="textarea" rows="3"
                    aria-describedby=db aria-invalid=invalid
                    prop:value=move || ctx.text(&pv)
                    on:input=move |ev| ctx.update(&p, Value::String(event_target_value(&ev)))></textarea>
            };
            labelled(id.clone(), spec.numbered_label(), decor, control.into_any())
        }
        FieldKind::Number => {
            let p = path.clone();
            let pv = path.clone();
            let control = view! {
                <input type="number" id=id.clone() class="input input-number" min="1" step="1" inputmode="numeric"
                    aria-describedby=db aria-invalid=invalid
                    prop:value=move || ctx.text(&pv)
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            ctx.update(&p, Value::from(n));
                        }
                    } />
            };
            labelled(id.clone(), spec.numbered_label(), decor, control.into_any())
        }
        FieldKind::Check => {
            let p = path.clone();
            let pv = path.clone();
            view! {
                {decor.hint}
                {decor.msgs}
                <div class="check">
                    <input type="checkbox" id=id.clone()
                        aria-describedby=db aria-invalid=invalid
                        prop:checked=move || ctx.get(&pv) == Value::Bool(true)
                        on:change=move |ev| ctx.update(&p, Value::Bool(event_target_checked(&ev))) />
                    <label for=id.clone()>{spec.numbered_label()}{decor.req}{decor.marker}</label>
                </div>
            }
            .into_any()
        }
        FieldKind::Choice(opts) if opts.len() > 8 && opts.iter().all(|o| o.help.is_none()) => {
            // A long list without help (分野名: 「リストから選択」): a select.
            let p = path.clone();
            let pv = path.clone();
            let options = opts
                .iter()
                .map(|o| view! { <option value=o.id>{o.label}</option> })
                .collect_view();
            let control = view! {
                <select id=id.clone() class="select" aria-describedby=db aria-invalid=invalid
                    prop:value=move || ctx.text(&pv)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.update(&p, if v.is_empty() { Value::Null } else { Value::String(v) });
                    }>
                    <option value="">"選択してください"</option>
                    {options}
                </select>
            };
            labelled(id.clone(), spec.numbered_label(), decor, control.into_any())
        }
        FieldKind::Choice(opts) | FieldKind::Choices(opts) | FieldKind::Laws(opts) => {
            let multiple = !matches!(spec.kind, FieldKind::Choice(_));
            let list = option_list(ctx, path.clone(), id.clone(), opts, multiple, invalid);
            let pc = path.clone();
            let clear = (!multiple).then(|| {
                let p = path.clone();
                let label = format!("{}の選択を解除", spec.label);
                move || {
                    (ctx.get(&pc) != Value::Null).then(|| {
                        let p = p.clone();
                        view! {
                            <button type="button" class="button-link" aria-label=label.clone()
                                on:click=move |_| ctx.update(&p, Value::Null)>"選択を解除"</button>
                        }
                    })
                }
            });
            view! {
                <fieldset class="choices" aria-describedby=db>
                    <legend class=decor.label_class>{spec.numbered_label()}{decor.req}{decor.marker}</legend>
                    {decor.hint}
                    {decor.msgs}
                    {list}
                    {clear}
                </fieldset>
            }
            .into_any()
        }
        FieldKind::Group { .. } => unreachable!(),
    };
    // Every field: its wrapper (changed / error / warning), the form's sub-heading, then the field.
    view! {
        <div class=wrap_class class:changed=changed class:has-error=has_error class:has-warning=has_warning
            on:focusout=move |_| {
                // A moment later: the message appearing moves what is below, and must not move
                // the button the user is clicking on the way out of the field.
                let p = touched_path.clone();
                set_timeout(move || ctx.touch(&p), std::time::Duration::from_millis(300));
            }>
            {heading}
            {input}
            {crate::contents::reference_link(&ref_path)}
        </div>
    }
    .into_any()
}

/// A field with a `<label>` above its control (text, textarea, number, select): the label with
/// its required mark and 「変更」 marker, the hint, the messages, then the control.
fn labelled(id: String, label: &'static str, decor: Decor, control: AnyView) -> AnyView {
    let Decor {
        label_class,
        req,
        marker,
        hint,
        msgs,
    } = decor;
    view! {
        <label for=id class=label_class>{label}{req}{marker}</label>
        {hint}
        {msgs}
        {control}
    }
    .into_any()
}

/// What surrounds a field's control: its required mark, 「変更」 marker, hint and messages.
struct Decor {
    label_class: &'static str,
    req: AnyView,
    marker: AnyView,
    hint: AnyView,
    msgs: AnyView,
}

/// The options of one group of a choice (its heading, if any), with their indexes.
type OptGroup = (Option<&'static str>, Vec<(usize, &'static Opt)>);

/// Radios or check boxes, grouped as the form groups them, each with its help beside it.
fn option_list(
    ctx: FormCtx,
    path: String,
    id: String,
    opts: &'static [Opt],
    multiple: bool,
    invalid: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let mut groups: Vec<OptGroup> = Vec::new();
    for (i, o) in opts.iter().enumerate() {
        match groups.last_mut() {
            Some((g, items)) if *g == o.group => items.push((i, o)),
            _ => groups.push((o.group, vec![(i, o)])),
        }
    }
    let name = id.clone();
    groups
        .into_iter()
        .map(|(g, items)| {
            let items = items
                .into_iter()
                .map(|(i, o)| {
                    let oid = if i == 0 {
                        id.clone()
                    } else {
                        format!("{id}--{}", sanitize(o.id))
                    };
                    let help_id = format!("help-{oid}");
                    let help = o
                        .help
                        .map(|h| view! { <span class="opt-help" id=help_id.clone()>{h}</span> });
                    let described = o.help.map(|_| help_id.clone());
                    let p = path.clone();
                    let pc = path.clone();
                    let checked = move || {
                        let v = ctx.get(&pc);
                        if multiple {
                            v.as_array()
                                .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(o.id)))
                        } else {
                            v.as_str() == Some(o.id)
                        }
                    };
                    let on_change = move |ev: leptos::ev::Event| {
                        if multiple {
                            let on = event_target_checked(&ev);
                            let current = ctx.get(&p);
                            let chosen: Vec<&str> = current
                                .as_array()
                                .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                                .unwrap_or_default();
                            // Kept in the form's order.
                            let next: Vec<Value> = opts
                                .iter()
                                .filter(|x| {
                                    if x.id == o.id {
                                        on
                                    } else {
                                        chosen.contains(&x.id)
                                    }
                                })
                                .map(|x| Value::String(x.id.to_string()))
                                .collect();
                            // Ids this build does not list (from a file) are kept too.
                            let mut next = next;
                            for c in chosen {
                                if !opts.iter().any(|x| x.id == c) {
                                    next.push(Value::String(c.to_string()));
                                }
                            }
                            ctx.update(&p, Value::Array(next));
                        } else if event_target_checked(&ev) {
                            ctx.update(&p, Value::String(o.id.to_string()));
                        }
                    };
                    let ty = if multiple { "checkbox" } else { "radio" };
                    view! {
                        <li class="option">
                            <input type=ty id=oid.clone() name=name.clone() value=o.id
                                aria-describedby=described aria-invalid=invalid
                                prop:checked=checked on:change=on_change />
                            <label for=oid>{o.label}</label>
                            {help}
                        </li>
                    }
                })
                .collect_view();
            let head = g.map(|g| view! { <p class="opt-group">{g}</p> });
            view! { <div class="opt-block">{head}<ul class="options">{items}</ul></div> }
        })
        .collect_view()
}

fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A repeating group: rows (timeline), blocks (攻撃), 情報提供先; add, remove, move up/down.
#[component]
fn GroupView(
    spec: &'static FieldSpec,
    path: String,
    item: &'static [FieldSpec],
    add_label: &'static str,
    item_label: &'static str,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let id = field_id(&path);
    let pl = path.clone();
    let len = Memo::new(move |_| ctx.get(&pl).as_array().map(|a| a.len()).unwrap_or(0));
    let heading = spec
        .heading
        .map(|h| view! { <h3 class="field-heading">{h}</h3> });
    let hint = spec
        .help
        .map(|h| view! { <p class="hint" id=format!("hint-{id}")>{h}</p> });
    let req = spec.required.then(
        || view! { <span class="req">"*"<span class="visually-hidden">"(必須)"</span></span> },
    );
    let msgs = {
        let p = path.clone();
        move || {
            // Findings of the list itself (not of its rows).
            let fs: Vec<Finding> = ctx
                .findings_for(&p)
                .into_iter()
                .filter(|f| f.path == p)
                .collect();
            (!fs.is_empty()).then(|| {
                fs.into_iter()
                    .map(|f| {
                        let class = if f.is_error() { "field-msg field-error" } else { "field-msg field-warning" };
                        let label = if f.is_error() { "エラー" } else { "確認" };
                        view! { <p class=class><span class="msg-label">{label}":"</span>" "{f.message}</p> }
                    })
                    .collect_view()
            })
        }
    };
    let gp = path.clone();
    let rows = move || {
        (0..len.get())
            .map(|i| {
                let row_path = fpath::item(&gp, i);
                let row_id = field_id(&row_path);
                let rp = row_path.clone();
                let added = Memo::new(move |_| ctx.row_added(&rp));
                let fields = item
                    .iter()
                    .map(|f| view! { <FieldView spec=f path=fpath::field(&row_path, f.path) /> })
                    .collect_view();
                let gp1 = gp.clone();
                let gp2 = gp.clone();
                let gp3 = gp.clone();
                let n = i + 1;
                let up_id = format!("{row_id}-up");
                let down_id = format!("{row_id}-down");
                let last = len.get_untracked();
                let up = (i > 0).then(|| {
                    let target = format!("{}-up", field_id(&fpath::item(&gp1, i - 1)));
                    let target2 = format!("{}-down", field_id(&fpath::item(&gp1, i - 1)));
                    view! {
                        <button type="button" class="button-secondary" id=up_id.clone()
                            on:click=move |_| {
                                ctx.move_row(&gp1, i - 1, i);
                                let t = if i - 1 == 0 { target2.clone() } else { target.clone() };
                                focus_when_shown(t);
                            }>
                            "上へ"<span class="visually-hidden">{format!("({item_label} {n} を上へ移動)")}</span>
                        </button>
                    }
                });
                let down = (i + 1 < last).then(|| {
                    let target = format!("{}-down", field_id(&fpath::item(&gp2, i + 1)));
                    let target2 = format!("{}-up", field_id(&fpath::item(&gp2, i + 1)));
                    let is_last_after = i + 2 == last;
                    view! {
                        <button type="button" class="button-secondary" id=down_id.clone()
                            on:click=move |_| {
                                ctx.move_row(&gp2, i, i + 1);
                                let t = if is_last_after { target2.clone() } else { target.clone() };
                                focus_when_shown(t);
                            }>
                            "下へ"<span class="visually-hidden">{format!("({item_label} {n} を下へ移動)")}</span>
                        </button>
                    }
                });
                let legend = format!("{item_label} {n}");
                let legend_c = legend.clone();
                view! {
                    <li class="group-row" class:changed=added id=row_id.clone()>
                        <fieldset class="row-fieldset">
                            <legend class="row-legend">{legend}
                                {move || added.get().then(|| view! { <span class="changed-marker">"追加"</span> })}
                            </legend>
                            {fields}
                            <div class="row-actions">
                                {up}
                                {down}
                                <button type="button" class="button-warning"
                                    on:click=move |_| {
                                        // A row with content is removed only when confirmed.
                                        if crate::util::has_content(&ctx.get(&fpath::item(&gp3, i)))
                                            && !crate::util::confirm(&format!("{legend_c}には入力があります。削除しますか?"))
                                        {
                                            return;
                                        }
                                        ctx.remove_row(&gp3, i);
                                    }>
                                    "削除"<span class="visually-hidden">{format!("({item_label} {n})")}</span>
                                </button>
                            </div>
                        </fieldset>
                    </li>
                }
            })
            .collect_view()
    };
    let pa = path.clone();
    let add_id = format!("{id}-add");
    view! {
        <div class="field group" id=format!("group-{id}")>
            {heading}
            <fieldset class="group-fieldset">
                <legend class="label">{spec.label}{req}</legend>
                {hint}
                {msgs}
                <ol class="group-rows">{rows}</ol>
                <button type="button" class="button-secondary" id=add_id
                    on:click=move |_| {
                        let n = ctx.add_row(&pa);
                        let first = field_id(&fpath::field(&fpath::item(&pa, n), item[0].path));
                        focus_when_shown(first);
                    }>{add_label}</button>
            </fieldset>
        </div>
    }
}
