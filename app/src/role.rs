//! 「どの様式を使いますか」 on the home: the user's role and the kind of incident (remembered in
//! this browser) → the form the handbook gives them, one sentence of why, and the handbook
//! section that says so ([`kyoyu_core::flow::recommend`]).

use gloo_storage::{LocalStorage, Storage};
use kyoyu_core::flow::{recommend, IncidentKind, Role};
use kyoyu_core::home as first;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adopt::{self, Kept, Listener};

const ROLE_KEY: &str = "kyoyu.role";
const INCIDENT_KEY: &str = "kyoyu.incident-kind";

fn remember(key: &str, id: &str) {
    // Only a preference: if it cannot be kept, the chooser still works on this page.
    let _ = LocalStorage::set(key, id);
}

/// Takes over the role and incident chooser of the home (`section`, site-gen's elements): a
/// choice made on it before the app had loaded, or on an earlier visit, is kept and remembered;
/// else the remembered one is checked. The form the choice leads to is shown below the
/// questions. What it keeps lives in `kept`.
pub fn take_over(section: &web_sys::Element, kept: Kept) {
    let role = RwSignal::new(chosen(section, first::ROLE_GROUP, ROLE_KEY, Role::from_id));
    let incident = RwSignal::new(chosen(
        section,
        first::INCIDENT_GROUP,
        INCIDENT_KEY,
        IncidentKind::from_id,
    ));
    kept.keep(Listener::new(section, "change", move |ev| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let value = input.value();
        match input.name().as_str() {
            first::ROLE_GROUP => {
                role.set(Role::from_id(&value));
                remember(ROLE_KEY, &value);
            }
            first::INCIDENT_GROUP => {
                incident.set(IncidentKind::from_id(&value));
                remember(INCIDENT_KEY, &value);
            }
            _ => {}
        }
    }));
    let answer = move || {
        let r = role.get()?;
        let k = incident.get().unwrap_or(IncidentKind::Other);
        let rec = recommend(r, k);
        let new_href = first::new_form_hash(rec.form);
        Some(view! {
            <div class="role-answer" role="status">
                <p class="role-form"><strong>{format!("{}({})", rec.form.name(), rec.form.figure())}</strong></p>
                <p class="role-why">{rec.why}</p>
                <p>
                    <a class="button" href=new_href>{format!("{}を作成", rec.form.name())}</a>
                    " "
                    <a href=rec.href target="_blank" rel="noopener">{format!("手引書 {} を読む", rec.section)}</a>
                </p>
            </div>
        })
    };
    kept.keep(adopt::append(section, move || answer));
}

/// The value of `group` checked in `section` — remembered under `key` — or else the one
/// remembered, checked.
fn chosen<T>(
    section: &web_sys::Element,
    group: &str,
    key: &str,
    from_id: fn(&str) -> Option<T>,
) -> Option<T> {
    let input = |selector: String| {
        section
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    if let Some(checked) = input(format!("input[name=\"{group}\"]:checked")) {
        let value = checked.value();
        remember(key, &value);
        return from_id(&value);
    }
    let id = LocalStorage::get::<String>(key).ok()?;
    let value = from_id(&id)?;
    if let Some(radio) = input(format!("input[name=\"{group}\"][value=\"{id}\"]")) {
        radio.set_checked(true);
    }
    Some(value)
}
