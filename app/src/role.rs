//! 「どの様式を使いますか」 on the home: the user's role and the kind of incident (remembered in
//! this browser) → the form the handbook gives them, one sentence of why, and the handbook
//! section that says so ([`kyoyu_core::flow::recommend`]).

use gloo_storage::{LocalStorage, Storage};
use kyoyu_core::flow::{recommend, IncidentKind, Role};
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
    let role_inputs = radios(
        "role",
        ROLE_KEY,
        Role::ALL.map(|r| (r, r.id(), r.label())).to_vec(),
        role,
    );
    let incident_inputs = radios(
        "incident-kind",
        INCIDENT_KEY,
        IncidentKind::ALL.map(|k| (k, k.id(), k.label())).to_vec(),
        incident,
    );
    let answer = move || {
        let r = role.get()?;
        let k = incident.get().unwrap_or(IncidentKind::Other);
        let rec = recommend(r, k);
        let new_href = format!("#/new/{}", rec.form.id());
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
            <h2 id="role-title">"どの様式を使いますか"</h2>
            <fieldset class="choices">
                <legend>"あなたの立場"</legend>
                {role_inputs}
            </fieldset>
            <fieldset class="choices">
                <legend>"事案の種類"</legend>
                {incident_inputs}
            </fieldset>
            {answer}
        </section>
    }
}

/// One radio per `(value, id, label)`, bound to `selected` and remembered under `key`.
fn radios<T: Copy + PartialEq + Send + Sync + 'static>(
    name: &'static str,
    key: &'static str,
    items: Vec<(T, &'static str, &'static str)>,
    selected: RwSignal<Option<T>>,
) -> impl IntoView {
    items
        .into_iter()
        .map(|(v, vid, label)| {
            let id = format!("{name}-{vid}");
            view! {
                <div class="choice">
                    <input type="radio" name=name id=id.clone() value=vid
                        prop:checked=move || selected.get() == Some(v)
                        on:change=move |_| { selected.set(Some(v)); remember(key, vid); } />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}
