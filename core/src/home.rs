//! The form filler's first screen — its home as a first visit shows it, before a role is
//! chosen and before the drafts of this browser are read: the title, the role chooser, the
//! four forms and the place of the drafts list.
//!
//! Described once, here, and drawn once: site-gen writes it into `/app/index.html`
//! (`site-gen/src/pages/first_screen.rs`), where it paints before the WebAssembly has loaded;
//! the app's home (`app/src/home.rs`, `app/src/role.rs`) takes those elements over in place
//! and adds what only it knows (the drafts list, the role chooser's answer, the sections below).
//! The browser test `tests/browser/first-paint.test.mjs` checks that they are the same nodes
//! after the app has started and when the user comes back to the home.

use crate::flow::{IncidentKind, Role};
use crate::forms::FormKind;

/// The page's heading.
pub const TITLE: &str = "様式入力";
/// The sentence under it.
pub const LEAD: &str = "情報共有の4つの様式を、このブラウザの中だけで作成・検証・保存・印刷します。入力した内容は、書き出しやコピーを指示しない限りこの端末の外へ送られません。";

/// The role chooser's heading and its two questions.
pub const ROLE_TITLE: &str = "どの様式を使いますか";
pub const ROLE_LEGEND: &str = "あなたの立場";
pub const INCIDENT_LEGEND: &str = "事案の種類";
/// The radio groups' names (also the prefix of each radio's id).
pub const ROLE_GROUP: &str = "role";
pub const INCIDENT_GROUP: &str = "incident-kind";

/// The heading of the four forms.
pub const START_TITLE: &str = "新しい様式を作成";

/// The drafts section: heading, filter and the list's place.
pub const DRAFTS_TITLE: &str = "この端末に保存された様式";
pub const FILTER_LABEL: &str = "絞り込み";
pub const FILTER_HINT: &str = "様式名、第N報、分野・組織名、TLP などで絞り込みます";
/// Where the list goes until the drafts have been read (the first screen only: true whether
/// this browser holds drafts or not).
pub const DRAFTS_PENDING: &str = "この端末に保存された様式を読み込んでいます…";
/// The list when this browser holds no draft.
pub const NO_DRAFTS: &str = "この端末に保存された様式はまだありません。";

/// The app's route that starts a new form of `kind` (a hash, so that any static host serves
/// the app).
pub fn new_form_hash(kind: FormKind) -> String {
    format!("#/new/{}", kind.id())
}

/// One way to start a form: where it goes, its words and its figure number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub kind: FormKind,
    pub href: String,
    /// 「情報連絡様式を作成」 …
    pub label: String,
    /// 「(図4)」 …
    pub figure: String,
}

/// The four forms, in the handbook's order.
pub fn starts() -> Vec<Start> {
    FormKind::ALL
        .iter()
        .map(|&kind| Start {
            kind,
            href: new_form_hash(kind),
            label: format!("{}を作成", kind.name()),
            figure: format!("({})", kind.figure()),
        })
        .collect()
}

/// One radio of the role chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Radio {
    /// The group's name ([`ROLE_GROUP`] or [`INCIDENT_GROUP`]).
    pub group: &'static str,
    /// The value, a stable ASCII id (`Role::id`, `IncidentKind::id`).
    pub value: &'static str,
    /// The element id: `<group>-<value>`.
    pub id: String,
    pub label: &'static str,
}

fn radio(group: &'static str, value: &'static str, label: &'static str) -> Radio {
    Radio {
        group,
        value,
        id: format!("{group}-{value}"),
        label,
    }
}

/// The radios of 「あなたの立場」, with the role of each.
pub fn role_radios() -> Vec<(Role, Radio)> {
    Role::ALL
        .map(|r| (r, radio(ROLE_GROUP, r.id(), r.label())))
        .to_vec()
}

/// The radios of 「事案の種類」, with the kind of each.
pub fn incident_radios() -> Vec<(IncidentKind, Radio)> {
    IncidentKind::ALL
        .map(|k| (k, radio(INCIDENT_GROUP, k.id(), k.label())))
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_forms_go_to_their_routes_in_order() {
        let s = starts();
        assert_eq!(
            s.iter().map(|s| s.href.as_str()).collect::<Vec<_>>(),
            [
                "#/new/incident",
                "#/new/ddos",
                "#/new/ransomware",
                "#/new/advisory"
            ]
        );
        assert_eq!(s[0].label, "情報連絡様式を作成");
        assert_eq!(s[0].figure, "(図4)");
        assert_eq!(s[3].label, "情報提供様式を作成");
    }

    #[test]
    fn radio_ids_are_unique_and_name_their_group() {
        let mut ids: Vec<String> = role_radios()
            .into_iter()
            .map(|(_, r)| r.id)
            .chain(incident_radios().into_iter().map(|(_, r)| r.id))
            .collect();
        assert_eq!(ids.len(), 7);
        assert!(ids.contains(&"role-ministry".to_string()));
        assert!(ids.contains(&"incident-kind-ddos".to_string()));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 7);
    }
}
