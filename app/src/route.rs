//! The app's hash routes, so that any static host serves it offline: `#/` home,
//! `#/new/<kind>`, `#/edit/<draft-id>`, `#/print/<draft-id>`.

use kyoyu_core::forms::FormKind;

/// Where the hash points.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    Home,
    New(FormKind),
    Edit(String),
    Print(String),
    NotFound(String),
}

impl Route {
    /// The route of a `location.hash` (with or without its `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("", _) => Route::Home,
            ("new", Some(k)) => match FormKind::from_id(k) {
                Some(kind) => Route::New(kind),
                None => Route::NotFound(hash.to_string()),
            },
            ("edit", Some(id)) if !id.is_empty() => Route::Edit(id.to_string()),
            ("print", Some(id)) if !id.is_empty() => Route::Print(id.to_string()),
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The hash of this route (`#/edit/<id>`, …).
    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::New(kind) => kyoyu_core::home::new_form_hash(*kind),
            Route::Edit(id) => format!("#/edit/{id}"),
            Route::Print(id) => format!("#/print/{id}"),
            Route::NotFound(h) => h.clone(),
        }
    }

    /// The route the browser shows now.
    pub fn current() -> Route {
        Route::parse(
            &web_sys::window()
                .and_then(|w| w.location().hash().ok())
                .unwrap_or_default(),
        )
    }

    /// Goes there (`location.hash`).
    pub fn go(&self) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&self.hash());
        }
    }

    /// Goes there in place of the current entry of the history (`location.replace`).
    pub fn replace(&self) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().replace(&self.hash());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_parsed_and_written_back() {
        for (hash, route) in [
            ("", Route::Home),
            ("#", Route::Home),
            ("#/", Route::Home),
            ("#/new/incident", Route::New(FormKind::Incident)),
            ("#/new/ddos", Route::New(FormKind::Ddos)),
            ("#/new/ransomware", Route::New(FormKind::Ransomware)),
            ("#/new/advisory", Route::New(FormKind::Advisory)),
            ("#/edit/0a1b", Route::Edit("0a1b".into())),
            ("#/print/0a1b", Route::Print("0a1b".into())),
        ] {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(Route::parse(&route.hash()), route);
        }
        for bad in ["#/new/letter", "#/edit/", "#/print", "#/settings", "#/new"] {
            assert_eq!(Route::parse(bad), Route::NotFound(bad.into()), "{bad}");
        }
    }
}
