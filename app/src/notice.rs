//! The one kind of message the app shows after an action: done, or why not.

use leptos::prelude::*;

/// A message for the user: `ok` (done) or not (why not).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

impl Notice {
    pub fn ok(text: impl Into<String>) -> Notice {
        Notice {
            ok: true,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            ok: false,
            text: text.into(),
        }
    }

    /// The message's CSS class.
    pub fn class(&self) -> &'static str {
        if self.ok {
            "message message-ok"
        } else {
            "message message-error"
        }
    }

    /// Its ARIA role: a status when done, an alert when not.
    pub fn role(&self) -> &'static str {
        if self.ok {
            "status"
        } else {
            "alert"
        }
    }
}

/// Shows the notice of a signal, if any.
#[component]
pub fn NoticeView(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    move || {
        notice
            .get()
            .map(|n| view! { <p class=n.class() role=n.role()>{n.text.clone()}</p> })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_is_a_status_and_failure_an_alert() {
        let ok = Notice::ok("書き出しました。");
        assert_eq!((ok.class(), ok.role()), ("message message-ok", "status"));
        let err = Notice::error("書き出せませんでした。");
        assert_eq!(
            (err.class(), err.role(), err.text.as_str()),
            ("message message-error", "alert", "書き出せませんでした。")
        );
    }
}
