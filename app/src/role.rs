//! 「どの様式を使いますか」 on the home: the user's role and the kind of incident (remembered in
//! this browser) → the form the handbook gives them, one sentence of why, and the handbook
//! section that says so ([`kyoyu_core::flow::recommend`]).

use gloo_storage::{LocalStorage, Storage};
use kyoyu_core::flow::{recommend, IncidentKind, Role};
use kyoyu_core::home::{self as first, Radio};
use leptos::prelude::*;

const ROLE_KEY: &str = "kyoyu.role";
const INCIDENT_KEY: &str = "kyoyu.incident-kind";

fn remembered<T>(key: &str, from_id: fn(&str) -> Option<T>) -> Option<T> {
    LocalStorage::get::<String>(key)
        .ok()
        .and_then(|id| from_id(&id))
}

fn remember(key: &str, id: &str) {
    // Only a preference: if it cannot be kept, the chooser still works on this page.
    let _ = LocalStorage::set(key, id);
}

/// The role and incident chooser, with the form it leads to.
#[component]
pub fn RoleChooser() -> impl IntoView {
    let role = RwSignal::new(remembered(ROLE_KEY, Role::from_id));
    let incident = RwSignal::new(remembered(INCIDENT_KEY, IncidentKind::from_id));
    let role_inputs = radios(ROLE_KEY, first::role_radios(), role);
    let incident_inputs = radios(INCIDENT_KEY, first::incident_radios(), incident);
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
    view! {
        <section class="role-chooser" aria-labelledby="role-title">
            <h2 id="role-title">{first::ROLE_TITLE}</h2>
            <fieldset class="choices">
                <legend>{first::ROLE_LEGEND}</legend>
                {role_inputs}
            </fieldset>
            <fieldset class="choices">
                <legend>{first::INCIDENT_LEGEND}</legend>
                {incident_inputs}
            </fieldset>
            {answer}
        </section>
    }
}

/// One radio per `(value, radio)` of core's first screen, bound to `selected` and remembered
/// under `key`.
fn radios<T: Copy + PartialEq + Send + Sync + 'static>(
    key: &'static str,
    items: Vec<(T, Radio)>,
    selected: RwSignal<Option<T>>,
) -> impl IntoView {
    items
        .into_iter()
        .map(|(v, r)| {
            let vid = r.value;
            view! {
                <div class="choice">
                    <input type="radio" name=r.group id=r.id.clone() value=vid
                        prop:checked=move || selected.get() == Some(v)
                        on:change=move |_| { selected.set(Some(v)); remember(key, vid); } />
                    <label for=r.id>{r.label}</label>
                </div>
            }
        })
        .collect_view()
}

/// Keeps a choice made on the first screen site-gen wrote into the page, before the app had
/// loaded: the checked radio of each group is remembered as if the app had seen the click.
pub fn adopt_first_screen(root: &web_sys::Element) {
    for (group, key) in [
        (first::ROLE_GROUP, ROLE_KEY),
        (first::INCIDENT_GROUP, INCIDENT_KEY),
    ] {
        let checked = root
            .query_selector(&format!("input[name=\"{group}\"]:checked"))
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("value"));
        if let Some(value) = checked {
            remember(key, &value);
        }
    }
}
