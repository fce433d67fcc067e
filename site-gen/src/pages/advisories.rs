//! The pages of the TLP:CLEAR advisories (情報提供様式, 図7) that passed the gate
//! ([`crate::gate`]), the Atom feed and a STIX 2.1 bundle per report.
//!
//! URLs: `/advisories/` (the latest report of each series, newest first),
//! `/advisories/sector/<sector>/`, `/advisories/<識別番号>/` (the latest report),
//! `/advisories/<識別番号>/<N>/` (第N報), `/advisories/<識別番号>/<N>/stix.json`,
//! `/advisories/feed.atom`.
use anyhow::{anyhow, Result};
use atom_syndication as atom;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use maud::{html, Markup};
use serde_json::{json, Value};
use uuid::Uuid;

use kyoyu_core::advisory_file;
use kyoyu_core::forms::{Advisory, Report};
use kyoyu_core::indicators::{self, Checked};
use kyoyu_core::render::{format_datetime, print};
use kyoyu_core::taxonomy::{Choice, Importance, Sector, Tlp};

use crate::gate::{jst, sectors_of};
pub use crate::gate::{Advisories, Published, Series};
use crate::layout::{Assets, NavLink, Page, Sidebar};
use crate::render::{self, Site};
use crate::search::Doc;

/// The OASIS TLP 2.0 extension definition and its TLP:CLEAR marking definition.
pub const TLP2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
pub const TLP2_CLEAR: &str = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

// ---------------------------------------------------------------------------------------------
// Pages

/// Every advisory page, the feed and the STIX bundles (links in them use `base`).
pub fn render(all: &Advisories, base: &str, assets: &Assets, site: &mut Site) -> Result<()> {
    let base = base.trim_end_matches('/');
    let css = site.asset("advisories.css", CSS.as_bytes().to_vec());
    let extra_css = [css.as_str(), assets.print_css.as_str()];
    let feed_url = "/advisories/feed.atom";

    // The index and one page per sector.
    site.pages
        .push(list_page(all, None, assets, &extra_css, feed_url));
    for sector in Sector::ALL {
        site.pages
            .push(list_page(all, Some(*sector), assets, &extra_css, feed_url));
    }

    // Each report, and the latest of each series at the series' URL.
    for series in &all.series {
        for (i, report) in series.reports.iter().enumerate() {
            let previous = i.checked_sub(1).map(|j| &series.reports[j]);
            let mut page = report_page(
                series,
                report,
                previous,
                &report.url(),
                assets,
                &extra_css,
                feed_url,
            );
            // Each report is searched once, at its own URL (the series URL repeats the latest).
            page.search = Some(Doc::new(
                report.url(),
                report_title(report),
                Vec::new(),
                plain_text(report),
            ));
            site.pages.push(page);
            site.file(&report.stix_url(), stix_bundle(report, series, base)?);
        }
        let latest = series.latest();
        let previous = series
            .reports
            .len()
            .checked_sub(2)
            .map(|j| &series.reports[j]);
        site.pages.push(report_page(
            series,
            latest,
            previous,
            &series.url(),
            assets,
            &extra_css,
            feed_url,
        ));
    }
    site.file(feed_url, atom_feed(all, base)?);
    Ok(())
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
) -> render::Page {
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
    super::generated(
        &Page {
            title: &title,
            url: &url,
            description: Some("TLP:CLEAR の情報提供(情報提供様式)の一覧"),
            breadcrumbs: &breadcrumbs,
            sidebar: Sidebar::NONE,
            prev: None,
            next: None,
            kind: "advisories",
            extra_css,
            extra_js: &[],
            preload: &[],
        },
        assets,
        content,
        false,
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
) -> render::Page {
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
            dt { "分野" } dd { (sector_names(&sectors_of(a))) }
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
        // The form as printed, then the indicators in their own table (not twice).
        (print::print_markup_in_page(&Report::Advisory(Advisory { indicators: Vec::new(), ..a.clone() }), &changed))
        (indicator_table(r))
        p class="advisory-downloads" {
            a href=(r.stix_url()) type="application/json" download { "STIX 2.1 バンドル(JSON)" }
            " ・ "
            a href=(feed_url) type="application/atom+xml" { "Atom フィード" }
            @if url != r.url() { " ・ " a href=(r.url()) { "この報告(第" (r.number()) "報)の固定 URL" } }
        }
        (tlp_banner())
    };
    let mut page = super::generated(
        &Page {
            title: &format!("[TLP:CLEAR] {title}"),
            url,
            description: Some(&r.subject()),
            breadcrumbs: &breadcrumbs,
            sidebar: Sidebar::NONE,
            prev: None,
            next: None,
            kind: "advisory",
            extra_css,
            extra_js: &[],
            preload: &[],
        },
        assets,
        content,
        false,
    );
    page.source = Some(r.file.clone());
    page
}

/// The checked indicators of a report (they passed the gate: an error here is a bug, and stops
/// the build rather than publish a bundle without them).
fn checked_indicators(r: &Published) -> Result<Vec<(Checked, &str)>> {
    r.advisory
        .indicators
        .iter()
        .map(|i| {
            indicators::check(i.kind, &i.value)
                .map(|c| (c, i.note.as_str()))
                .map_err(|e| anyhow!("{}: {e}", r.file.display()))
        })
        .collect()
}

/// インディケータ情報: one row per indicator — its kind, its value, its note. Values are shown
/// as written (checked and normalised), not defanged: the readers are the people who copy them
/// into block lists and log searches, where a defanged `198.51.100[.]23` must be mended by hand
/// and mended wrongly. They are never links (no `<a>`, `translate="no"`), so nothing on the page
/// leads to them by a click; machines read the same values from the STIX bundle.
fn indicator_table(r: &Published) -> Markup {
    let rows: Vec<(Checked, &str)> = checked_indicators(r).unwrap_or_default();
    html! {
        @if !rows.is_empty() {
            section class="advisory-indicators" aria-labelledby="indicators-heading" {
                h2 id="indicators-heading" { "インディケータ情報" }
                p {
                    "この情報提供に記載の IP アドレス・ドメイン名・URL・ハッシュ値・CVE 番号です(" (rows.len()) "件)。"
                    "照合・遮断にそのまま使えるよう、値は無害化(defang)せず、リンクにもせずに表示しています。"
                    "同じ内容は " a href=(r.stix_url()) type="application/json" { "STIX 2.1 バンドル" } " の indicator(CVE は vulnerability)にも入っています。"
                }
                div class="table-scroll" {
                    table class="indicator-table" {
                        thead { tr { th scope="col" { "種類" } th scope="col" { "値" } th scope="col" { "備考" } } }
                        tbody {
                            @for (c, note) in &rows {
                                tr data-kind=(c.kind.id()) {
                                    td { (c.kind.label()) }
                                    td { code class="indicator-value" translate="no" { (c.value) } }
                                    td { (note) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
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
/// advisory's text, an `indicator` per network or file indicator (its STIX pattern from core)
/// and a `vulnerability` per CVE, and the report that refers to them all. Ids are UUIDv5 of
/// 識別番号 + 第N報 (+ the indicator's pattern or CVE id); times come from 情報提供日時: the
/// same content always gives the same bytes.
fn stix_bundle(r: &Published, series: &Series, base: &str) -> Result<Vec<u8>> {
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
    labels.extend(sectors_of(a).iter().map(|s| format!("sector:{}", s.id())));
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
    let mut objects = vec![tlp_clear_marking(), identity, note];
    let mut refs = vec![note_id.clone(), identity_id.clone()];
    for (c, note) in checked_indicators(r)? {
        let mut object = match c.stix_pattern() {
            Some(pattern) => json!({
                "type": "indicator",
                "spec_version": "2.1",
                "id": stix_id("indicator", &format!("{key}:indicator:{pattern}")),
                "created": time,
                "modified": time,
                "created_by_ref": identity_id,
                "name": format!("{}: {}", c.kind.short(), c.value),
                "pattern": pattern,
                "pattern_type": "stix",
                "pattern_version": "2.1",
                "valid_from": time,
                "object_marking_refs": marking,
            }),
            // A CVE: no pattern, a vulnerability.
            None => {
                json!({
                    "type": "vulnerability",
                    "spec_version": "2.1",
                    "id": stix_id("vulnerability", &format!("{key}:vulnerability:{}", c.value)),
                    "created": time,
                    "modified": time,
                    "created_by_ref": identity_id,
                    "name": c.value,
                    "external_references": [{ "source_name": "cve", "external_id": c.value }],
                    "object_marking_refs": marking,
                })
            }
        };
        if !note.is_empty() {
            object["description"] = Value::from(note);
            object["lang"] = Value::from("ja");
        }
        refs.push(object["id"].as_str().unwrap_or_default().to_string());
        objects.push(object);
    }
    // The earlier reports of the same 識別番号 (第1報 … 第N-1報) are referred to as well.
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
    objects.push(report);
    let bundle = json!({
        "type": "bundle",
        "id": stix_id("bundle", &key),
        "objects": objects,
    });
    let mut out = serde_json::to_vec_pretty(&bundle)?;
    out.push(b'\n');
    Ok(out)
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
.advisory-indicators { margin: 1.5em 0; }
.table-scroll { overflow-x: auto; }
.indicator-table { border-collapse: collapse; width: 100%; }
.indicator-table th, .indicator-table td { border: 1px solid #999; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
.indicator-table th { background: #f2f2f2; }
.indicator-value { font-family: monospace, monospace; overflow-wrap: anywhere; user-select: all; }
@media print { .advisory-filter, .advisory-downloads, .advisory-series, .tlp-banner { display: none; } }
"#;
