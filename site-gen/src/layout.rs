//! The one layout every page fills (maud: templates the compiler checks, text escaped).
use maud::{html, Markup, PreEscaped, DOCTYPE};

use kyoyu_core::SOURCE;

/// The Content-Security-Policy of every page (also sent as a header by `serve`).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// URLs of the fingerprinted assets pages link to.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub site_css: String,
    pub site_js: String,
    pub print_css: String,
    /// The form filler's styles and the update banner shown on every page.
    pub app_css: String,
    pub manifest: String,
    pub icon: String,
}

/// A link in breadcrumbs, sidebars, previous/next.
#[derive(Debug, Clone)]
pub struct NavLink {
    pub url: String,
    pub title: String,
}

/// A sidebar entry: a group title and its links.
#[derive(Debug, Clone)]
pub struct NavGroup {
    pub title: String,
    /// The group's own page, if any: the group opens when it is the current page. (A
    /// `<summary>` holds no link: interactive content nested in it is not accessible.)
    pub url: Option<String>,
    pub links: Vec<NavLink>,
}

/// Everything around a page's content.
pub struct Page<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub description: Option<&'a str>,
    pub breadcrumbs: &'a [NavLink],
    pub sidebar: &'a [NavGroup],
    pub prev: Option<&'a NavLink>,
    pub next: Option<&'a NavLink>,
    /// `body` class: page kind, for styles.
    pub kind: &'a str,
    pub extra_css: &'a [&'a str],
    pub extra_js: &'a [&'a str],
    /// Fetched early, in parallel with the page (the app's JS glue and wasm).
    pub preload: &'a [Preload<'a>],
}

/// A resource the page will need soon.
#[derive(Debug, Clone, Copy)]
pub enum Preload<'a> {
    /// An ES module imported by a page script.
    Module(&'a str),
    /// A WebAssembly file fetched by a page script (same origin, CORS mode, as `fetch` does).
    Wasm(&'a str),
}

/// Up to this many links a sidebar lists every group's links; past it (a large site), only
/// the current group's, the others by their first page — so a page's size does not grow with
/// the size of the site.
pub const FULL_SIDEBAR_LINKS: usize = 120;

/// The top navigation: (URL, label).
pub const TOP_NAV: &[(&str, &str)] = &[
    ("/handbook/", "手引書"),
    ("/reference/", "参照表"),
    ("/forms/", "様式"),
    ("/advisories/", "情報提供"),
    ("/app/", "様式入力"),
    ("/search/", "検索"),
];

pub fn page(p: &Page, assets: &Assets, content: Markup) -> String {
    let doc = html! {
        (DOCTYPE)
        html lang="ja" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="referrer" content="no-referrer";
                title { (p.title) @if p.url != "/" { " | kyoyu" } }
                @if let Some(d) = p.description { meta name="description" content=(d); }
                @else { meta name="description" content="重要インフラの情報共有の手引書と、その4つの様式をオフラインで作成するツール kyoyu"; }
                meta name="theme-color" content="#1d3b6a";
                link rel="manifest" href=(assets.manifest);
                link rel="icon" href=(assets.icon) type="image/svg+xml";
                link rel="stylesheet" href=(assets.site_css);
                link rel="stylesheet" href=(assets.app_css);
                @for css in p.extra_css { link rel="stylesheet" href=(css); }
                script type="module" src=(assets.site_js) {}
                @for js in p.extra_js { script type="module" src=(js) {} }
                @for pre in p.preload {
                    @match pre {
                        Preload::Module(href) => link rel="modulepreload" href=(href);,
                        Preload::Wasm(href) => link rel="preload" href=(href) as="fetch" type="application/wasm" crossorigin="anonymous";,
                    }
                }
            }
            body class=(p.kind) {
                a class="skip" href="#main" { "本文へ移動" }
                header class="site-header" {
                    a class="brand" href="/" { span class="brand-mark" { "共有" } " kyoyu" }
                    nav aria-label="サイト" {
                        ul {
                            @for (url, label) in TOP_NAV {
                                li { a href=(url) aria-current=[p.url.starts_with(url).then_some("page")] { (label) } }
                            }
                        }
                    }
                }
                div class={ "layout" @if !p.sidebar.is_empty() { " with-sidebar" } } {
                    @if !p.sidebar.is_empty() {
                        nav class="sidebar" aria-label="目次" {
                            @let full = p.sidebar.iter().map(|g| g.links.len()).sum::<usize>() <= FULL_SIDEBAR_LINKS;
                            @for g in p.sidebar {
                                @let current = g.links.iter().any(|l| l.url == p.url) || g.url.as_deref() == Some(p.url);
                                @if full || current {
                                    details open[current] {
                                        summary { (g.title) }
                                        ul {
                                            @for l in &g.links {
                                                li { a href=(l.url) aria-current=[(l.url == p.url).then_some("page")] { (l.title) } }
                                            }
                                        }
                                    }
                                } @else if let Some(first) = g.url.as_ref().or(g.links.first().map(|l| &l.url)) {
                                    p class="nav-group" { a href=(first) { (g.title) } }
                                }
                            }
                        }
                    }
                    main id="main" tabindex="-1" {
                        @if !p.breadcrumbs.is_empty() {
                            nav class="breadcrumbs" aria-label="パンくずリスト" {
                                ol {
                                    @for b in p.breadcrumbs { li { a href=(b.url) { (b.title) } } }
                                    li aria-current="page" { (p.title) }
                                }
                            }
                        }
                        (content)
                        @if p.prev.is_some() || p.next.is_some() {
                            nav class="pager" aria-label="前後のページ" {
                                @if let Some(prev) = p.prev { a class="prev" href=(prev.url) rel="prev" { span { "前へ" } (prev.title) } }
                                @if let Some(next) = p.next { a class="next" href=(next.url) rel="next" { span { "次へ" } (next.title) } }
                            }
                        }
                    }
                }
                footer class="site-footer" {
                    p {
                        "出典: " (SOURCE.title) "(" (SOURCE.publisher) "、" (SOURCE.edition) ")を加工して作成。"
                        "政府標準利用規約(第2.0版)に準拠して利用しています。"
                    }
                    p { "kyoyu は入力された様式の内容をサーバーに送信しません。" }
                }
            }
        }
    };
    doc.into_string()
}

/// Raw HTML already produced by a trusted renderer (pulldown-cmark, core's renderers).
pub fn trusted(html: &str) -> Markup {
    PreEscaped(html.to_string())
}
