//! The form filler's first screen, written into `/app/index.html` so that it paints before the
//! WebAssembly has loaded: the home as a first visit shows it (title, role chooser before any
//! choice, the four forms, the place of the drafts list). Its words and links come from
//! `kyoyu_core::home`. These are the home's only elements: the app takes them over in place
//! (`app/src/adopt.rs`) — it finds the role chooser, the filter and the drafts section by the
//! classes and ids written here, and adds its own parts to them — so nothing is drawn twice and
//! nothing moves (`tests/browser/first-paint.test.mjs`).
use kyoyu_core::home::{self as first, Radio};
use maud::{html, Markup};

/// The first screen, inside `#app-root`.
pub fn markup() -> Markup {
    html! {
        div class="home" {
            h1 { (first::TITLE) }
            p class="lead" { (first::LEAD) }
            section class="role-chooser" aria-labelledby="role-title" {
                h2 id="role-title" { (first::ROLE_TITLE) }
                fieldset class="choices" {
                    legend { (first::ROLE_LEGEND) }
                    @for (_, r) in first::role_radios() { (radio(&r)) }
                }
                fieldset class="choices" {
                    legend { (first::INCIDENT_LEGEND) }
                    @for (_, r) in first::incident_radios() { (radio(&r)) }
                }
            }
            section aria-labelledby="start-title" {
                h2 id="start-title" { (first::START_TITLE) }
                ul class="start-list" {
                    @for s in first::starts() {
                        li { a class="button-secondary start-form" href=(s.href) {
                            (s.label) span class="form-figure" { (s.figure) }
                        } }
                    }
                }
            }
            section aria-labelledby="drafts-title" {
                h2 id="drafts-title" { (first::DRAFTS_TITLE) }
                div class="filter" {
                    label for="draft-filter" { (first::FILTER_LABEL) }
                    p class="hint" id="hint-draft-filter" { (first::FILTER_HINT) }
                    input id="draft-filter" class="input" type="search" aria-describedby="hint-draft-filter";
                }
                p class="empty" { (first::DRAFTS_PENDING) }
            }
        }
    }
}

fn radio(r: &Radio) -> Markup {
    html! {
        div class="choice" {
            input type="radio" name=(r.group) id=(r.id) value=(r.value);
            label for=(r.id) { (r.label) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_forms_link_to_their_routes() {
        let html = markup().into_string();
        for s in first::starts() {
            assert!(html.contains(&format!("href=\"{}\"", s.href)), "{}", s.href);
        }
        assert_eq!(html.matches("type=\"radio\"").count(), 7);
        assert!(html.contains(first::DRAFTS_PENDING));
    }
}
