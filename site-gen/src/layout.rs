//! The one layout every page fills (maud: templates the compiler checks, text escaped).
use maud::{html, Markup, PreEscaped, DOCTYPE};

use kyoyu_core::SOURCE;

/// The Content-Security-Policy of the site (sent as a header by `serve`, as by the README's
/// nginx example), and in the `<meta>` of a page that runs scripts of its own (the app).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The `<meta>` policy of every other page: [`CSP`] without WebAssembly (site.js starts none),
/// and without the directives that say what `default-src` says. Stricter, and shorter on each
/// of a large site's pages; with the header too, a browser applies both.
pub const PAGE_CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

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
    pub sidebar: Sidebar<'a>,
    pub prev: Option<&'a NavLink>,
    pub next: Option<&'a NavLink>,
    /// `body` class: page kind, for styles.
    pub kind: &'a str,
    pub extra_css: &'a [&'a str],
    pub extra_js: &'a [&'a str],
    /// Fetched early, in parallel with the page (the app's JS glue and wasm).
    pub preload: &'a [Preload<'a>],
}

impl Page<'_> {
    /// The policy of the page's `<meta>`: the site's [`CSP`] where the page runs scripts of
    /// its own (the app's, which start WebAssembly), else the stricter [`PAGE_CSP`].
    fn csp(&self) -> &'static str {
        if self.extra_js.is_empty() && self.preload.is_empty() {
            PAGE_CSP
        } else {
            CSP
        }
    }
}

/// A resource the page will need soon.
#[derive(Debug, Clone, Copy)]
pub enum Preload<'a> {
    /// An ES module imported by a page script.
    Module(&'a str),
}

/// The sidebar of a page: its groups, where the page is among them, and (a large site) the
/// shared file holding the whole navigation.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sidebar<'a> {
    pub groups: &'a [NavGroup],
    /// (group, link) of the current page, when it is in the sidebar.
    pub at: Option<(usize, usize)>,
    /// The URL of the navigation file (`pages::handbook::Nav`), fetched once and cached by the
    /// site's script to show every group; without it, or without JavaScript, the contents
    /// pages, the breadcrumbs and the previous/next links are the way around.
    pub file: Option<&'a str>,
}

impl<'a> Sidebar<'a> {
    pub const NONE: Sidebar<'static> = Sidebar {
        groups: &[],
        at: None,
        file: None,
    };

    pub fn of(groups: &'a [NavGroup]) -> Sidebar<'a> {
        Sidebar {
            groups,
            at: None,
            file: None,
        }
    }

    /// Whether every link fits on every page (the handbook: the sidebar as it always was).
    pub fn is_full(&self) -> bool {
        self.groups.iter().map(|g| g.links.len()).sum::<usize>() <= FULL_SIDEBAR_LINKS
    }
}

/// Up to this many links a sidebar lists every group's links. Past it (a large site) a page's
/// sidebar holds links to the contents pages only (`bounded_sidebar`), and site.js shows the
/// whole navigation from one shared file: a page's size does not grow with the size of the
/// site, whatever its shape. (A neighbourhood of 8 links and 6 groups each side of the page
/// was a quarter of the bytes of a 10,000-page site, and repeated what the breadcrumbs and the
/// previous/next links give a reader without JavaScript.)
pub const FULL_SIDEBAR_LINKS: usize = 120;

/// Ids the layout and the fixed pages use: a heading never takes one of them.
pub const IDS: &[&str] = &[
    "main",
    "search-input",
    "search-status",
    "search-results",
    "app-root",
];

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
                meta http-equiv="Content-Security-Policy" content=(p.csp());
                meta name="referrer" content="no-referrer";
                title { (p.title) @if p.url != "/" { " | kyoyu" } }
                @if let Some(d) = p.description { meta name="description" content=(d); }
                @else { meta name="description" content="重要インフラの情報共有の手引書と、その4つの様式をオフラインで作成するツール kyoyu"; }
                meta name="theme-color" content="#1d3b6a";
                link rel="manifest" href=(assets.manifest);
                link rel="icon" href=(assets.icon);
                link rel="stylesheet" href=(assets.site_css);
                link rel="stylesheet" href=(assets.app_css);
                @for css in p.extra_css { link rel="stylesheet" href=(css); }
                script type="module" src=(assets.site_js) {}
                @for js in p.extra_js { script type="module" src=(js) {} }
                @for pre in p.preload {
                    @match pre {
                        Preload::Module(href) => link rel="modulepreload" href=(href);,
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
                div class={ "layout" @if !p.sidebar.groups.is_empty() { " with-sidebar" } } {
                    @if !p.sidebar.groups.is_empty() {
                        // One sidebar for every screen: on a wide one it is always shown beside
                        // the page (site.css), on a phone it is this menu above the page, closed
                        // until opened — a <details>, so it works without JavaScript.
                        details class="nav-menu" {
                            summary { "目次" }
                            @if p.sidebar.is_full() { (full_sidebar(p.sidebar.groups, p.url)) } @else { (bounded_sidebar(&p.sidebar)) }
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
                                @if let Some(prev) = p.prev { a href=(prev.url) rel="prev" { span { "前へ" } (prev.title) } }
                                @if let Some(next) = p.next { a href=(next.url) rel="next" { span { "次へ" } (next.title) } }
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

/// Every group with every link (a small site).
fn full_sidebar(groups: &[NavGroup], url: &str) -> Markup {
    html! {
        nav class="sidebar" aria-label="目次" {
            @for g in groups {
                @let current = g.links.iter().any(|l| l.url == url) || g.url.as_deref() == Some(url);
                details open[current] {
                    summary { (g.title) }
                    ul {
                        @for l in &g.links {
                            li { a href=(l.url) aria-current=[(l.url == url).then_some("page")] { (l.title) } }
                        }
                    }
                }
            }
        }
    }
}

/// The sidebar of a large site's page, as a reader without JavaScript sees it: the contents
/// page of the page's group (the part, listing its pages) and the full contents, which list
/// everything. With the breadcrumbs and the previous/next links beside, that is the way
/// around; site.js replaces it with the whole navigation from the shared file (`data-nav`),
/// the page's group open.
fn bounded_sidebar(s: &Sidebar) -> Markup {
    // A group's contents page: its own page, or its first link (the part's page).
    let contents = |g: &NavGroup| {
        g.url
            .clone()
            .or_else(|| g.links.first().map(|l| l.url.clone()))
            .unwrap_or_default()
    };
    let part =
        s.at.and_then(|(g, _)| s.groups.get(g))
            .map(|g| (g, contents(g)))
            .filter(|(_, url)| url != ALL_CONTENTS);
    html! {
        nav class="sidebar" aria-label="目次" data-nav=[s.file] {
            @if let Some((g, url)) = part {
                p class="nav-more" { a href=(url) { (g.title) "(" (g.links.len()) "ページ)" } }
            }
            p class="nav-more" { a href=(ALL_CONTENTS) { "すべての目次" } }
        }
    }
}

/// The full contents page (the handbook's index), which lists every page.
const ALL_CONTENTS: &str = "/handbook/";

/// Raw HTML already produced by a trusted renderer (pulldown-cmark, core's renderers).
pub fn trusted(html: &str) -> Markup {
    PreEscaped(html.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_policy_is_the_sites_without_webassembly_and_what_default_src_says() {
        let directives = |p: &str| -> Vec<String> { p.split("; ").map(str::to_string).collect() };
        let site = directives(CSP);
        let page = directives(PAGE_CSP);
        assert!(page.iter().all(|d| site.contains(d)), "{page:?} ⊂ {site:?}");
        let dropped: Vec<&String> = site.iter().filter(|d| !page.contains(d)).collect();
        assert_eq!(
            dropped,
            [
                "script-src 'self' 'wasm-unsafe-eval'",
                "connect-src 'self'",
                "style-src 'self'"
            ]
        );
        assert!(page.contains(&"default-src 'self'".to_string()));
    }
}
