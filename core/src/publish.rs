//! Whether an advisory (情報提供様式) may be published — the one rule that the publisher's TLP
//! gate (site-gen) and the app's 「公開用ファイル」 both apply, so that they always agree.
//!
//! Publishable means all of: 情報共有範囲 is TLP:CLEAR (公開情報) — nothing else is ever
//! published; no validation error ([`crate::validate::validate_advisory`]); a 識別番号 fit for
//! a URL (`/advisories/<識別番号>/`: ASCII letters, digits, `-` `_` `.`, starting with a letter
//! or digit, at most [`MAX_ID_LEN`] characters, none of the names the site's advisories folder
//! already uses).

use crate::forms::Advisory;
use crate::taxonomy::{Choice, Tlp};
use crate::validate::{validate_advisory, Finding};

/// Why an advisory may not be published. [`Refusal::message`] says it in Japanese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// 情報共有範囲 is not TLP:CLEAR (None: not chosen).
    NotClear(Option<Tlp>),
    /// A validation error of the form.
    Invalid(Finding),
    /// A 識別番号 that cannot be part of a URL.
    IdNotUrlSafe(String),
    /// A 識別番号 longer than [`MAX_ID_LEN`] characters (its length).
    IdTooLong(usize),
    /// A 識別番号 that is one of the site's own names in `/advisories/` ([`RESERVED_IDS`]).
    IdReserved(String),
}

/// The longest 識別番号: it is a folder name in every advisory's URL.
pub const MAX_ID_LEN: usize = 64;

/// Names the site's `/advisories/` folder already uses: an id cannot be one of them.
pub const RESERVED_IDS: &[&str] = &["sector", "feed.atom", "index.html"];

impl Refusal {
    /// The field at fault (its path in the 情報提供様式).
    pub fn path(&self) -> &str {
        match self {
            Refusal::NotClear(_) => "header.tlp",
            Refusal::Invalid(f) => &f.path,
            Refusal::IdNotUrlSafe(_) | Refusal::IdTooLong(_) | Refusal::IdReserved(_) => {
                "header.identifier"
            }
        }
    }

    /// In Japanese, naming the field and what to do.
    pub fn message(&self) -> String {
        match self {
            Refusal::NotClear(Some(t)) => format!(
                "情報共有範囲が {}({})のため公開できません。公開できるのは情報共有範囲が TLP:CLEAR(公開情報)の情報提供だけです。",
                t.label(),
                t.name()
            ),
            Refusal::NotClear(None) => "情報共有範囲が選ばれていないため公開できません。公開できるのは情報共有範囲を TLP:CLEAR(公開情報)と明記した情報提供だけです。".to_string(),
            Refusal::Invalid(f) => f.message.clone(),
            Refusal::IdNotUrlSafe(id) => format!(
                "識別番号「{id}」は URL に使うため、英数字と - _ . だけで書いてください(先頭は英数字)。"
            ),
            Refusal::IdTooLong(n) => format!(
                "識別番号が {n} 文字あります。URL に使うため {MAX_ID_LEN} 文字以内にしてください。"
            ),
            Refusal::IdReserved(r) => format!(
                "識別番号「{r}」はサイトが生成する /advisories/{r} と同じ URL になるため使えません。別の識別番号にしてください。"
            ),
        }
    }
}

/// Whether `id` can be a URL segment: ASCII letters, digits, `-` `_` `.`, starting with a
/// letter or digit.
pub fn url_safe(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Why `id` cannot name an advisory's URL, if it cannot (an empty one is validation's to
/// report).
pub fn id_refusal(id: &str) -> Option<Refusal> {
    if id.is_empty() {
        return None;
    }
    if !url_safe(id) {
        return Some(Refusal::IdNotUrlSafe(id.to_string()));
    }
    let n = id.chars().count();
    if n > MAX_ID_LEN {
        return Some(Refusal::IdTooLong(n));
    }
    RESERVED_IDS
        .iter()
        .find(|r| r.eq_ignore_ascii_case(id))
        .map(|r| Refusal::IdReserved(r.to_string()))
}

/// `Ok` when `a` may be published; otherwise every reason, the TLP first.
pub fn publishable(a: &Advisory) -> Result<(), Vec<Refusal>> {
    let mut out = Vec::new();
    if a.header.tlp != Some(Tlp::Clear) {
        out.push(Refusal::NotClear(a.header.tlp));
    }
    for f in validate_advisory(a, None)
        .into_iter()
        .filter(Finding::is_error)
    {
        // An unchosen TLP is said once, above.
        if f.path == "header.tlp" && !out.is_empty() {
            continue;
        }
        out.push(Refusal::Invalid(f));
    }
    out.extend(id_refusal(&a.header.identifier));
    if out.is_empty() {
        Ok(())
    } else {
        Err(out)
    }
}
