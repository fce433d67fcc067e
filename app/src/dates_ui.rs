//! Date fields as people write them ([`kyoyu_core::dates`]): the hint of the field, what was
//! understood, the value written back in the form's format when the field is left, and
//! 「現在日時」 on the report's own date.

use kyoyu_core::dates::{self, DateKind, Eras};
use kyoyu_core::forms::{FormKind, Report};
use leptos::prelude::*;
use serde_json::Value;

use crate::fields::FormCtx;

/// The hint of a date field of `kind`'s form (the same examples as its error message).
pub fn hint(form: FormKind, kind: DateKind) -> String {
    kind.hint(Eras::of(form))
}

/// When a date field is left: its text in the form's written format, if it can be read and
/// is not written so already.
pub fn write_back(ctx: FormCtx, path: &str, kind: DateKind) {
    let text = ctx.text(path);
    if let Some(w) = dates::written(&text, kind, Eras::of(ctx.kind())) {
        if w != text {
            ctx.update(path, Value::String(w));
        }
    }
}

/// Below a date field: what was understood (「2023年8月19日 13時15分 と読み取りました」) and, on
/// the report's own date, a 「現在日時」 button.
#[component]
pub fn DateAssist(path: String, kind: DateKind, label: &'static str) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let p = path.clone();
    let understood = move || {
        let text = ctx.text(&p);
        dates::read(&text, kind, Eras::of(ctx.kind()))
            .ok()
            .map(|r| view! { <p class="date-understood">{format!("{} と読み取りました", r.shown())}</p> })
    };
    let own_date = Report::new(ctx.kind()).reported_at_path() == path;
    let now = own_date.then(|| {
        let p = path.clone();
        view! {
            <button type="button" class="button-secondary button-now"
                aria-label=format!("{label}に現在日時を入れる")
                on:click=move |_| {
                    let now = chrono::Local::now().naive_local();
                    ctx.touch(&p);
                    ctx.update(&p, Value::String(dates::now_written(now, kind)));
                }>"現在日時"</button>
        }
    });
    view! {
        {now}
        {understood}
    }
}
