//! kyoyu-core — the domain of 「重要インフラのサイバーセキュリティに係る行動計画」に基づく
//! 情報共有の手引書 (内閣官房 国家サイバー統括室, 令和7年9月版).
//!
//! Pure Rust: no I/O, no web APIs. Builds for native and `wasm32-unknown-unknown`, so the
//! form filler (app/) and the publisher (site-gen/) share one definition of everything.
//!
//! - [`taxonomy`]: 表1–表5, the event types, the sectors, the glossary, the laws — each entry
//!   with a stable ASCII id and its exact Japanese wording. Defined once, here.
//! - [`forms`]: the models of the four forms (情報連絡様式, DDoS攻撃事案共通様式,
//!   ランサムウェア事案共通様式, 情報提供様式).
//! - [`envelope`]: the versioned JSON file format and the JSON Schemas.
//! - [`validate`]: findings (path, severity, Japanese message).
//! - [`follow_up`]: the next report of a series, and the diff between two reports.
//! - [`render`]: print HTML in the official layout, and plain text for e-mail.
//! - [`flow`]: the handbook's path of a report — a 共通様式 turned into a 情報連絡様式, a
//!   セプター事務局's anonymisation, the 識別番号 carried along a series, the form for each role.
//! - [`home`]: the form filler's first screen (its words, the role chooser, the four forms),
//!   shared by the app and the copy site-gen prerenders into `/app/index.html`.
//! - [`publish`]: whether an advisory may be published (the site's TLP gate and the app's
//!   公開用ファイル).
//! - [`dates`]: the one reader of dates as people write them (西暦, 年月日時分, full-width
//!   digits, 和暦 where the form allows it).
//! - [`advisory_file`]: the advisory file (TOML front matter + Markdown sections) that the
//!   site publishes and the app exports.
//! - [`indicators`]: an advisory's indicators (addresses, domain names, URLs, hashes, CVE ids),
//!   checked, and their STIX 2.1 patterns.

pub mod advisory_file;
pub mod attachments;
pub mod dates;
pub mod envelope;
pub mod flow;
pub mod follow_up;
pub mod forms;
pub mod home;
pub mod indicators;
pub mod publish;
pub mod render;
pub mod taxonomy;
pub mod validate;

/// Where everything in this crate comes from; every page built from it names this source.
pub const SOURCE: Source = Source {
    title: "「重要インフラのサイバーセキュリティに係る行動計画」に基づく情報共有の手引書",
    publisher: "内閣官房 国家サイバー統括室",
    edition: "令和7年9月版",
};

/// 書名, 発行者, 版 of the handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub title: &'static str,
    pub publisher: &'static str,
    pub edition: &'static str,
}
