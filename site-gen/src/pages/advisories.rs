//! The TLP:CLEAR advisories (情報提供様式, 図7): loading `content/advisories/` through the TLP
//! gate, their pages, the Atom feed and a STIX 2.1 bundle per report.
//!
//! **The gate fails closed.** An advisory is published only when its file says exactly
//! `tlp = "CLEAR"`. Anything else — another TLP, no TLP, `clear`, `"CLEAR "`, `TLP:CLEAR`,
//! TLP 1.0's `WHITE`, a file that does not parse, a core validation error — stops the build
//! with the file and the line, and (the build being atomic) nothing is written. The rule is
//! core's [`kyoyu_core::publish::publishable`], which the app's 「公開用ファイル」 applies too.
//! `content/advisory-drafts/` is never read.
//!
//! URLs: `/advisories/` (the latest report of each series, newest first),
//! `/advisories/sector/<sector>/`, `/advisories/<識別番号>/` (the latest report),
//! `/advisories/<識別番号>/<N>/` (第N報), `/advisories/<識別番号>/<N>/stix.json`,
//! `/advisories/feed.atom`.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};
use atom_syndication as atom;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use maud::{html, Markup};
use serde_json::{json, Value};
use uuid::Uuid;

use kyoyu_core::advisory_file::{self, Located};
use kyoyu_core::dates::{self, When};
use kyoyu_core::forms::{Advisory, Report};
use kyoyu_core::publish::{self, Refusal};
use kyoyu_core::render::{format_datetime, print};
use kyoyu_core::taxonomy::{Choice, Importance, Sector, Tlp};

use super::{Built, Site};
use crate::error::{ContentError, ContentErrors};
use crate::layout::{page, Assets, NavLink, Page};
use crate::output::Staging;

/// The folder of published advisories, inside the content folder.
pub const FOLDER: &str = "advisories";
/// The folder of drafts, inside the content folder: never read by the publisher.
pub const DRAFTS: &str = "advisory-drafts";

/// The OASIS TLP 2.0 extension definition and its TLP:CLEAR marking definition.
pub const TLP2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
pub const TLP2_CLEAR: &str = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

/// One published report (第N報) of an advisory.
#[derive(Debug, Clone)]
pub struct Published {
    pub file: PathBuf,
    pub advisory: Advisory,
    /// 情報提供日時 in Japan time.
    pub at: DateTime<FixedOffset>,
}

impl Published {
    pub fn id(&self) -> &str {
        &self.advisory.header.identifier
    }
    pub fn number(&self) -> u32 {
        self.advisory.header.report_number
    }
    pub fn url(&self) -> String {
        format!("/advisories/{}/{}/", self.id(), self.number())
    }
    pub fn stix_url(&self) -> String {
        format!("{}stix.json", self.url())
    }
    /// The subject: the first sentence of ① 概要 (the form has no 件名).
    pub fn subject(&self) -> String {
        subject(&self.advisory)
    }
}

/// The published reports of one 識別番号, 第1報 first.
#[derive(Debug, Clone)]
pub struct Series {
    pub id: String,
    pub reports: Vec<Published>,
}

impl Series {
    pub fn latest(&self) -> &Published {
        self.reports.last().expect("a series has a report")
    }
    pub fn first(&self) -> &Published {
        &self.reports[0]
    }
    pub fn url(&self) -> String {
        format!("/advisories/{}/", self.id)
    }
    /// The sectors of the latest report's 情報提供先.
    pub fn sectors(&self) -> Vec<Sector> {
        let mut s: Vec<Sector> = self
            .latest()
            .advisory
            .header
            .recipients
            .iter()
            .filter_map(|r| r.sector)
            .collect();
        s.sort();
        s.dedup();
        s
    }
}

/// Every published advisory: series newest first (by their latest report).
#[derive(Debug, Clone, Default)]
pub struct Advisories {
    pub series: Vec<Series>,
}

impl Advisories {
    pub fn report_count(&self) -> usize {
        self.series.iter().map(|s| s.reports.len()).sum()
    }
}

// ---------------------------------------------------------------------------------------------
// Loading and the gate

/// Reads `<content>/advisories/**/*.md` through the TLP gate. Every problem of every file is
/// reported (file:line), and any problem fails the whole build.
pub fn load(content: &Path) -> Result<Advisories> {
    let root = content.join(FOLDER);
    if !root.is_dir() {
        return Ok(Advisories::default());
    }
    let mut errors = Vec::new();
    let mut reports: Vec<(Published, usize)> = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(ContentError::new(&root, 0, format!("読み込めません: {e}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !name.ends_with(".md") || name.starts_with('.') {
            continue;
        }
        match read(entry.path()) {
            Ok(r) => reports.push(r),
            Err(e) => errors.extend(e),
        }
    }
    // One file per (識別番号, 第N報).
    let mut by_id: BTreeMap<String, Vec<Published>> = BTreeMap::new();
    let mut seen: BTreeMap<(String, u32), PathBuf> = BTreeMap::new();
    for (p, number_line) in reports {
        let key = (p.id().to_string(), p.number());
        if let Some(first) = seen.get(&key) {
            errors.push(ContentError::new(
                &p.file,
                number_line,
                format!("識別番号 {} の第{}報は {} にもあります。1つの報告は1つのファイルにしてください。", key.0, key.1, first.display()),
            ));
            continue;
        }
        seen.insert(key, p.file.clone());
        by_id.entry(p.id().to_string()).or_default().push(p);
    }
    if !errors.is_empty() {
        return Err(anyhow!(ContentErrors(errors)));
    }
    let mut series: Vec<Series> = by_id
        .into_iter()
        .map(|(id, mut reports)| {
            reports.sort_by_key(|r| r.number());
            Series { id, reports }
        })
        .collect();
    series.sort_by(|a, b| {
        b.latest()
            .at
            .cmp(&a.latest().at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(Advisories { series })
}

/// Reads one file and applies the gate; returns the report and the line of its `number`.
fn read(file: &Path) -> Result<(Published, usize), Vec<ContentError>> {
    let err = |line: usize, msg: String| vec![ContentError::new(file, line, msg)];
    let text = std::fs::read_to_string(file)
        .map_err(|e| err(0, format!("UTF-8 のテキストとして読めません: {e}")))?;
    let located = advisory_file::parse_located(&text).map_err(|e| err(e.line, e.message))?;
    let a = &located.advisory;
    // The one publishable rule, shared with the app's 公開用ファイル: TLP:CLEAR, no validation
    // error, a URL-safe 識別番号.
    let mut errors: Vec<ContentError> = match publish::publishable(a) {
        Ok(()) => Vec::new(),
        Err(refusals) => refusals
            .iter()
            .map(|r| {
                let (line, msg) = in_file(&located, r);
                ContentError::new(file, line, msg)
            })
            .collect(),
    };
    let at = match japan_time(&a.header.provided_at) {
        Some(at) => Some(at),
        None => {
            if errors.is_empty() {
                errors.push(ContentError::new(
                    file,
                    located.line_of("header.provided_at"),
                    "情報提供日時 date は西暦・24時間表記で \"2025-10-01T10:00\" のように書いてください。",
                ));
            }
            None
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let number_line = located.line_of("header.report_number");
    Ok((
        Published {
            file: file.to_path_buf(),
            advisory: located.advisory,
            at: at.expect("checked"),
        },
        number_line,
    ))
}

/// A refusal of [`publish::publishable`] as the gate reports it in a file: the line to blame
/// and why, a TLP refusal also saying where unpublished advisories go.
fn in_file(located: &Located, r: &Refusal) -> (usize, String) {
    match r {
        Refusal::NotClear(Some(t)) => (
            located.line_of("header.tlp"),
            format!(
                "情報共有範囲が {}({})のため公開できません。サイトで公開できるのは tlp = \"CLEAR\"(TLP:CLEAR 公開情報)の情報提供だけです。公開しない情報提供は content/{DRAFTS}/ に置いてください。",
                t.label(),
                t.name()
            ),
        ),
        Refusal::NotClear(None) => (
            1,
            format!(
                "情報共有範囲 tlp がありません。公開できるのは tlp = \"CLEAR\" と明記した情報提供だけです。内容が公開情報なら front matter に tlp = \"CLEAR\" を書き、そうでなければ content/{DRAFTS}/ に置いてください。"
            ),
        ),
        r => (located.line_of(r.path()), r.message()),
    }
}

/// 情報提供日時 (read by core's one date reader: `2025-10-01T10:00`, `2025-10-01` …) as Japan time.
pub fn japan_time(raw: &str) -> Option<DateTime<FixedOffset>> {
    let naive = match dates::when(raw, dates::Eras::Western).ok()? {
        When::DateTime(t) => t,
        When::Date(d) => d.and_hms_opt(0, 0, 0)?,
    };
    jst().from_local_datetime(&naive).single()
}

fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

/// The first sentence of ① 概要, at most 60 characters.
pub fn subject(a: &Advisory) -> String {
    let first = a
        .overview
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let sentence = match first.find('。') {
        Some(i) => &first[..i + '。'.len_utf8()],
        None => first,
    };
    let s: String = sentence.chars().take(60).collect();
    if s.is_empty() {
        format!("識別番号 {}", a.header.identifier)
    } else if s.chars().count() < sentence.chars().count() {
        format!("{s}…")
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Pages

/// Writes every advisory page, the feed and the STIX bundles.
pub fn write(site: &Site, assets: &Assets, staging: &Staging) -> Result<Vec<Built>> {
    let all = &site.advisories;
    let base = site.opts.base_url.trim_end_matches('/');
    let css = staging.write_fingerprinted("advisories.css", CSS.as_bytes())?;
    let extra_css = [css.as_str(), assets.print_css.as_str()];
    let mut built = Vec::new();
    let feed_url = "/advisories/feed.atom";

    // The index and one page per sector.
    let index_html = list_page(all, None, assets, &extra_css, feed_url);
    staging.write_page("/advisories/", &index_html)?;
    built.push(Built {
        url: "/advisories/".into(),
        title: "情報提供(TLP:CLEAR)".into(),
        text: String::new(),
    });
    for sector in Sector::ALL {
        let url = format!("/advisories/sector/{}/", sector.id());
        staging.write_page(
            &url,
            &list_page(all, Some(*sector), assets, &extra_css, feed_url),
        )?;
        built.push(Built {
            url,
            title: format!("情報提供 — {}分野", sector.label()),
            text: String::new(),
        });
    }

    // Each report, and the latest of each series at the series' URL.
    for series in &all.series {
        for (i, report) in series.reports.iter().enumerate() {
            let previous = i.checked_sub(1).map(|j| &series.reports[j]);
            let html = report_page(
                series,
                report,
                previous,
                &report.url(),
                assets,
                &extra_css,
                feed_url,
            );
            staging.write_page(&report.url(), &html)?;
            staging.write(&report.stix_url(), stix_bundle(report, series, base))?;
            built.push(Built {
                url: report.url(),
                title: report_title(report),
                text: plain_text(report),
            });
        }
        let latest = series.latest();
        let previous = series
            .reports
            .len()
            .checked_sub(2)
            .map(|j| &series.reports[j]);
        let html = report_page(
            series,
            latest,
            previous,
            &series.url(),
            assets,
            &extra_css,
            feed_url,
        );
        staging.write_page(&series.url(), &html)?;
        built.push(Built {
            url: series.url(),
            title: report_title(latest),
            text: String::new(),
        });
    }

    staging.write(feed_url, atom_feed(all, base)?)?;
    Ok(built)
}

fn report_title(r: &Published) -> String {
    format!("{}(第{}報)", r.subject(), r.number())
}

fn importance_badge(i: Option<Importance>) -> Markup {
    match i {
        Some(i) => {
            html! { span class={ "badge importance-" (i.id()) } title=(i.advisory_meaning()) { (i.label()) } }
        }
        None => html! { span class="badge importance-none" { "重要度なし" } },
    }
}

fn tlp_banner() -> Markup {
    html! { p class="tlp-banner tlp-clear" { span class="tlp-label" { (Tlp::Clear.label()) } " " (Tlp::Clear.name()) "(" (Tlp::Clear.share_scope().join("、")) ")" } }
}

fn list_page(
    all: &Advisories,
    sector: Option<Sector>,
    assets: &Assets,
    extra_css: &[&str],
    feed_url: &str,
) -> String {
    let shown: Vec<&Series> = all
        .series
        .iter()
        .filter(|s| sector.is_none_or(|x| s.sectors().contains(&x)))
        .collect();
    let (title, url) = match sector {
        None => (
            "情報提供(TLP:CLEAR)".to_string(),
            "/advisories/".to_string(),
        ),
        Some(s) => (
            format!("情報提供 — {}分野", s.label()),
            format!("/advisories/sector/{}/", s.id()),
        ),
    };
    let breadcrumbs = match sector {
        None => vec![],
        Some(_) => vec![NavLink {
            url: "/advisories/".into(),
            title: "情報提供".into(),
        }],
    };
    let content = html! {
        h1 { (title) }
        (tlp_banner())
        p class="lead" {
            "国家サイバー統括室から重要インフラ所管省庁への情報提供(情報提供様式)のうち、情報共有範囲が "
            strong { "TLP:CLEAR(公開情報)" } " のものだけを掲載しています。各識別番号の最新の報を新しい順に並べています。"
        }
        p class="advisory-feeds" {
            a href=(feed_url) type="application/atom+xml" { "Atom フィード" }
            " ・ 各報告の STIX 2.1 バンドルは各ページからダウンロードできます。"
        }
        nav class="advisory-filter" aria-label="分野で絞り込む" {
            h2 { "分野で絞り込む" }
            ul {
                li { a href="/advisories/" aria-current=[sector.is_none().then_some("page")] { "すべて (" (all.series.len()) ")" } }
                @for s in Sector::ALL {
                    @let n = all.series.iter().filter(|x| x.sectors().contains(s)).count();
                    li { a href={ "/advisories/sector/" (s.id()) "/" } aria-current=[(sector == Some(*s)).then_some("page")] { (s.label()) " (" (n) ")" } }
                }
            }
        }
        @if shown.is_empty() {
            p class="advisory-empty" { "該当する情報提供はありません。" }
        } @else {
            ol class="advisory-list" {
                @for s in &shown {
                    @let r = s.latest();
                    li class="advisory-item" {
                        (importance_badge(r.advisory.header.importance))
                        " "
                        a class="advisory-title" href=(s.url()) { (r.subject()) }
                        dl class="advisory-meta" {
                            dt { "識別番号" } dd { (s.id) }
                            dt { "報" } dd { "第" (r.number()) "報" @if s.reports.len() > 1 { "(" (s.reports.len()) "件の報告)" } }
                            dt { "情報提供日時" } dd { time datetime=(r.at.to_rfc3339()) { (format_datetime(&r.advisory.header.provided_at)) } }
                            dt { "分野" } dd { (sector_names(&s.sectors())) }
                        }
                    }
                }
            }
        }
    };
    page(
        &Page {
            title: &title,
            url: &url,
            description: Some("TLP:CLEAR の情報提供(情報提供様式)の一覧"),
            breadcrumbs: &breadcrumbs,
            sidebar: &[],
            prev: None,
            next: None,
            kind: "advisories",
            extra_css,
            extra_js: &[],
            preload: &[],
        },
        assets,
        content,
    )
}

fn sector_names(s: &[Sector]) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        s.iter().map(|x| x.label()).collect::<Vec<_>>().join("、")
    }
}

fn report_page(
    series: &Series,
    r: &Published,
    previous: Option<&Published>,
    url: &str,
    assets: &Assets,
    extra_css: &[&str],
    feed_url: &str,
) -> String {
    let a = &r.advisory;
    let changed: Vec<String> = match previous {
        Some(p) => kyoyu_core::follow_up::content_changes(
            &Report::Advisory(p.advisory.clone()),
            &Report::Advisory(a.clone()),
        )
        .into_iter()
        .map(|c| c.path)
        .collect(),
        None => Vec::new(),
    };
    let title = report_title(r);
    let breadcrumbs = vec![
        NavLink {
            url: "/advisories/".into(),
            title: "情報提供".into(),
        },
        NavLink {
            url: series.url(),
            title: format!("識別番号 {}", series.id),
        },
    ];
    let is_latest = std::ptr::eq(r, series.latest());
    let content = html! {
        (tlp_banner())
        h1 { (importance_badge(a.header.importance)) " " (title) }
        dl class="advisory-meta" {
            dt { "識別番号" } dd { (series.id) }
            dt { "重要度" } dd {
                @match a.header.importance {
                    Some(i) => { (i.label()) " — " (i.advisory_meaning()) }
                    None => { "—" }
                }
            }
            dt { "情報提供日時" } dd { time datetime=(r.at.to_rfc3339()) { (format_datetime(&a.header.provided_at)) } }
            dt { "分野" } dd { (sector_names(&series_sectors(a))) }
        }
        @if series.reports.len() > 1 || r.number() > 1 {
            nav class="advisory-series" aria-label="この識別番号の報告" {
                h2 { "この識別番号の報告" }
                ol {
                    @for other in &series.reports {
                        li {
                            @if std::ptr::eq(other, r) {
                                strong aria-current="page" { "第" (other.number()) "報" } " " (format_datetime(&other.advisory.header.provided_at)) "(この報告)"
                            } @else {
                                a href=(other.url()) { "第" (other.number()) "報" } " " (format_datetime(&other.advisory.header.provided_at))
                                @if other.number() > r.number() { "(続報)" }
                            }
                        }
                    }
                }
                @if !is_latest {
                    p class="advisory-outdated" { "これは最新の報告ではありません。" a href=(series.latest().url()) { "最新の第" (series.latest().number()) "報" } "をご覧ください。" }
                }
                @if let Some(p) = previous {
                    p { "第" (p.number()) "報から変わった箇所に下線を引いています。" }
                }
            }
        }
        (print::print_markup(&Report::Advisory(a.clone()), &changed))
        p class="advisory-downloads" {
            a href=(r.stix_url()) type="application/json" download { "STIX 2.1 バンドル(JSON)" }
            " ・ "
            a href=(feed_url) type="application/atom+xml" { "Atom フィード" }
            @if url != r.url() { " ・ " a href=(r.url()) { "この報告(第" (r.number()) "報)の固定 URL" } }
        }
        (tlp_banner())
    };
    page(
        &Page {
            title: &format!("[TLP:CLEAR] {title}"),
            url,
            description: Some(&r.subject()),
            breadcrumbs: &breadcrumbs,
            sidebar: &[],
            prev: None,
            next: None,
            kind: "advisory",
            extra_css,
            extra_js: &[],
            preload: &[],
        },
        assets,
        content,
    )
}

fn series_sectors(a: &Advisory) -> Vec<Sector> {
    let mut s: Vec<Sector> = a
        .header
        .recipients
        .iter()
        .filter_map(|r| r.sector)
        .collect();
    s.sort();
    s.dedup();
    s
}

/// The four sections as plain text (search, feed, STIX).
fn plain_text(r: &Published) -> String {
    let a = &r.advisory;
    let mut out = String::new();
    for (path, heading) in advisory_file::SECTIONS {
        let text = match path {
            "overview" => &a.overview,
            "target" => &a.target,
            "response" => &a.response,
            _ => &a.other,
        };
        if !text.trim().is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(heading);
            out.push('\n');
            out.push_str(text.trim_end());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Atom feed (RFC 4287)

/// kyoyu's namespace for UUIDv5 ids (feed entries, STIX objects).
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:kyoyu:advisories")
}

/// The stable id of a series' feed entry: `urn:uuid:` + UUIDv5 of its 識別番号.
pub fn entry_id(identifier: &str) -> String {
    format!(
        "urn:uuid:{}",
        Uuid::new_v5(&namespace(), format!("advisory:{identifier}").as_bytes())
    )
}

fn atom_feed(all: &Advisories, base: &str) -> Result<Vec<u8>> {
    let link = |href: String, rel: &str, mime: Option<&str>| atom::Link {
        href,
        rel: rel.into(),
        mime_type: mime.map(Into::into),
        ..Default::default()
    };
    let entries: Vec<atom::Entry> = all
        .series
        .iter()
        .map(|s| {
            let r = s.latest();
            let a = &r.advisory;
            let mut categories: Vec<atom::Category> = s
                .sectors()
                .iter()
                .map(|x| atom::Category { term: x.id().into(), scheme: Some(format!("{base}/advisories/sector/")), label: Some(x.label().into()) })
                .collect();
            if let Some(i) = a.header.importance {
                categories.insert(0, atom::Category { term: i.id().into(), scheme: Some("urn:kyoyu:importance".into()), label: Some(i.label().into()) });
            }
            let content = html! {
                p { "重要度: " (a.header.importance.map(|i| i.label()).unwrap_or("—")) " / 識別番号: " (s.id) " / 第" (r.number()) "報 / 情報提供日時: " (format_datetime(&a.header.provided_at)) " / " (Tlp::Clear.label()) }
                @for (path, heading) in advisory_file::SECTIONS {
                    @let text = match path { "overview" => &a.overview, "target" => &a.target, "response" => &a.response, _ => &a.other };
                    h3 { (heading) }
                    @for para in text.split('\n') { p { (para) } }
                }
            };
            atom::Entry {
                title: atom::Text::plain(format!("[{}] {}", a.header.importance.map(|i| i.label()).unwrap_or("情報提供"), report_title(r))),
                id: entry_id(&s.id),
                updated: r.at,
                published: Some(s.first().at),
                links: vec![link(format!("{base}{}", s.url()), "alternate", Some("text/html")), link(format!("{base}{}", r.stix_url()), "related", Some("application/json"))],
                categories,
                summary: Some(atom::Text::plain(a.overview.clone())),
                content: Some(atom::Content { value: Some(content.into_string()), content_type: Some("html".into()), ..Default::default() }),
                rights: Some(atom::Text::plain(format!("{} {}", Tlp::Clear.label(), Tlp::Clear.definition()))),
                ..Default::default()
            }
        })
        .collect();
    let updated = all
        .series
        .iter()
        .map(|s| s.latest().at)
        .max()
        .unwrap_or_else(|| jst().with_ymd_and_hms(2025, 9, 1, 0, 0, 0).unwrap());
    let feed = atom::Feed {
        title: atom::Text::plain("kyoyu 情報提供(TLP:CLEAR)"),
        subtitle: Some(atom::Text::plain(
            "情報提供様式による情報提供のうち、情報共有範囲が TLP:CLEAR(公開情報)のもの",
        )),
        id: format!("urn:uuid:{}", Uuid::new_v5(&namespace(), b"feed")),
        updated,
        authors: vec![atom::Person {
            name: "kyoyu".into(),
            uri: Some(format!("{base}/advisories/")),
            ..Default::default()
        }],
        links: vec![
            link(
                format!("{base}/advisories/feed.atom"),
                "self",
                Some("application/atom+xml"),
            ),
            link(
                format!("{base}/advisories/"),
                "alternate",
                Some("text/html"),
            ),
        ],
        lang: Some("ja".into()),
        entries,
        ..Default::default()
    };
    let mut out = feed
        .write_to(Vec::new())
        .map_err(|e| anyhow!("Atom フィードを書けません: {e}"))?;
    out.push(b'\n');
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// STIX 2.1

/// A STIX id: `<type>--` + UUIDv5 of `name` in kyoyu's namespace.
fn stix_id(kind: &str, name: &str) -> String {
    format!("{kind}--{}", Uuid::new_v5(&namespace(), name.as_bytes()))
}

/// The STIX id of the `report` object of 第N報 of a 識別番号.
pub fn stix_report_id(identifier: &str, number: u32) -> String {
    stix_id("report", &format!("advisory:{identifier}:{number}"))
}

fn stix_time(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// The OASIS TLP 2.0 TLP:CLEAR marking definition, as the extension defines it.
pub fn tlp_clear_marking() -> Value {
    json!({
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": TLP2_CLEAR,
        "created": "2022-10-01T00:00:00.000Z",
        "name": "TLP:CLEAR",
        "extensions": {
            TLP2_EXTENSION: {
                "extension_type": "property-extension",
                "tlp_2_0": "clear"
            }
        }
    })
}

/// The bundle of one report: the TLP:CLEAR marking, the sender's identity, a note with the
/// advisory's text and the report that refers to them. Ids are UUIDv5 of 識別番号 + 第N報;
/// times come from 情報提供日時: the same content always gives the same bytes.
fn stix_bundle(r: &Published, series: &Series, base: &str) -> Vec<u8> {
    let a = &r.advisory;
    let key = format!("advisory:{}:{}", r.id(), r.number());
    let time = stix_time(r.at);
    let identity_id = stix_id("identity", "sender:nisc-ci");
    let report_id = stix_report_id(r.id(), r.number());
    let note_id = stix_id("note", &key);
    let marking = [TLP2_CLEAR];
    let identity = json!({
        "type": "identity",
        "spec_version": "2.1",
        "id": identity_id,
        "created": "2025-09-01T00:00:00.000Z",
        "modified": "2025-09-01T00:00:00.000Z",
        "name": "国家サイバー統括室 重要インフラ防護担当",
        "identity_class": "organization",
        "sectors": ["government-national"],
        "object_marking_refs": marking,
    });
    let url = format!("{base}{}", r.url());
    let external = json!([{ "source_name": "kyoyu", "url": url, "external_id": format!("{}-{}", r.id(), r.number()) }]);
    let mut labels: Vec<String> = vec![format!(
        "importance:{}",
        a.header.importance.map(|i| i.id()).unwrap_or("none")
    )];
    labels.extend(
        series_sectors(a)
            .iter()
            .map(|s| format!("sector:{}", s.id())),
    );
    let note = json!({
        "type": "note",
        "spec_version": "2.1",
        "id": note_id,
        "created": time,
        "modified": time,
        "created_by_ref": identity_id,
        "abstract": r.subject(),
        "content": plain_text(r),
        "authors": ["国家サイバー統括室 重要インフラ防護担当"],
        "object_refs": [report_id],
        "lang": "ja",
        "object_marking_refs": marking,
    });
    // The earlier reports of the same 識別番号 (第1報 … 第N-1報) are referred to as well.
    let mut refs = vec![note_id.clone(), identity_id.clone()];
    refs.extend(
        series
            .reports
            .iter()
            .filter(|p| p.number() < r.number())
            .map(|p| stix_report_id(p.id(), p.number())),
    );
    let report = json!({
        "type": "report",
        "spec_version": "2.1",
        "id": report_id,
        "created": time,
        "modified": time,
        "created_by_ref": identity_id,
        "name": report_title(r),
        "description": plain_text(r),
        "published": time,
        "report_types": ["threat-report"],
        "object_refs": refs,
        "labels": labels,
        "lang": "ja",
        "external_references": external,
        "object_marking_refs": marking,
    });
    let bundle = json!({
        "type": "bundle",
        "id": stix_id("bundle", &key),
        "objects": [tlp_clear_marking(), identity, note, report],
    });
    let mut out = serde_json::to_vec_pretty(&bundle).expect("JSON");
    out.push(b'\n');
    out
}

/// Styles of the advisory pages (importance badges, TLP banner, list).
const CSS: &str = r#"/* kyoyu — advisories */
.badge { display: inline-block; padding: 0.1em 0.6em; border-radius: 0.3em; font-size: 0.85em; font-weight: bold; border: 1px solid currentColor; vertical-align: middle; }
.importance-alert { background: #b00020; color: #fff; border-color: #b00020; }
.importance-caution { background: #ffd54f; color: #3b2a00; border-color: #c79a00; }
.importance-information { background: #e3f2fd; color: #0d3c61; border-color: #5c8fbf; }
.importance-none { background: #eee; color: #333; }
.tlp-banner { background: #000; color: #fff; padding: 0.3em 0.8em; font-family: monospace, sans-serif; }
.tlp-banner .tlp-label { font-weight: bold; }
.advisory-filter ul { display: flex; flex-wrap: wrap; gap: 0.3em 0.8em; list-style: none; padding: 0; }
.advisory-filter a[aria-current] { font-weight: bold; text-decoration: none; }
.advisory-list { list-style: none; padding: 0; }
.advisory-item { border-top: 1px solid #ccc; padding: 0.8em 0; }
.advisory-title { font-size: 1.1em; font-weight: bold; }
.advisory-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0.4em 0; }
.advisory-meta dt { color: #555; }
.advisory-meta dd { margin: 0; }
.advisory-series { border: 1px solid #ccc; padding: 0.5em 1em; margin: 1em 0; }
.advisory-series h2 { font-size: 1em; margin: 0.2em 0; }
.advisory-outdated { font-weight: bold; }
@media print { .advisory-filter, .advisory-downloads, .advisory-series, .tlp-banner { display: none; } }
"#;
