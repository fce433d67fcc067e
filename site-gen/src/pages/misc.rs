//! Assets, the app's shell, search, 404, sitemap.xml and the service worker.
use std::path::Path;

use anyhow::{Context, Result};
use maud::html;

use crate::bundle::AppBundle;
use crate::layout::{Assets, Page, Preload, Sidebar};
use crate::render::{self, Site};

/// The assets copied from `public/`: CSS, JS and icons fingerprinted, the manifest generated.
pub fn assets(public: &Path, site: &mut Site) -> Result<Assets> {
    let read = |rel: &str| {
        std::fs::read(public.join(rel))
            .with_context(|| format!("{} がありません", public.join(rel).display()))
    };
    let icon = site.asset("icon.svg", read("icons/icon.svg")?);
    let icon192 = site.asset("icon-192.png", read("icons/icon-192.png")?);
    let icon512 = site.asset("icon-512.png", read("icons/icon-512.png")?);
    let manifest = serde_json::json!({
        "name": "kyoyu — 情報共有の手引書と様式作成",
        "short_name": "kyoyu",
        "description": "重要インフラの情報共有の手引書と、その4つの様式をオフラインで作成するツール",
        "lang": "ja",
        "start_url": "/app/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d3b6a",
        "icons": [
            { "src": icon, "sizes": "any", "type": "image/svg+xml" },
            { "src": icon192, "sizes": "192x192", "type": "image/png" },
            { "src": icon512, "sizes": "512x512", "type": "image/png", "purpose": "any maskable" }
        ]
    });
    let manifest = site.asset(
        "manifest.webmanifest",
        serde_json::to_string_pretty(&manifest)?.into_bytes(),
    );
    let assets = Assets {
        site_css: site.asset("site.css", read("css/site.css")?),
        site_js: site.asset("site.js", read("js/site.js")?),
        print_css: site.asset("form-print.css", read("css/form-print.css")?),
        app_css: site.asset("app.css", read("css/app.css")?),
        manifest,
        icon,
    };
    // Imported by site.js and search.js as `./json.js`, next to them in /assets/.
    site.file("assets/json.js", read("js/json.js")?);
    site.assets_used = assets.clone();
    Ok(assets)
}

/// Where the form filler is.
pub const APP_URL: &str = "/app/";

/// The form filler's page: the wasm, its glue and a loader, all fingerprinted.
pub fn app_page(app: &AppBundle, assets: &Assets, site: &mut Site) {
    let wasm = site.asset("kyoyu-app_bg.wasm", app.wasm.clone());
    let js = site.asset("kyoyu-app.js", app.js.clone());
    // On the home, the first screen site-gen wrote into the page paints before the WebAssembly
    // is asked for: it is fetched after the next frame (at the latest 200 ms on, should a tab in
    // the background hold frames back), so that it never delays that paint. Another route (a
    // reload of the editor) has nothing to show before the app: the first screen gives way to
    // the loading line, and the app starts at once.
    let mut loader = format!(
        "import init from \"{js}\";
let started = false;
const start = () => {{ if (!started) {{ started = true; init({{ module_or_path: \"{wasm}\" }}); }} }};
if (/^#?\\/?$/.test(location.hash)) {{
  requestAnimationFrame(() => setTimeout(start));
  setTimeout(start, 200);
}} else {{
  const root = document.getElementById(\"app-root\");
  root.querySelector(\".home\").hidden = true;
  root.querySelector(\".app-loading\").hidden = false;
  start();
}}
"
    );
    // The second module (workbook, e-mail, zip writers) is fetched on first use only: its URL
    // is in `#app-root`'s `data-deliver`, never in a script /app/ loads at start; the service
    // worker precaches it with everything else, so it works offline.
    let deliver = app.deliver.as_ref().map(|d| {
        let wasm = site.asset("kyoyu-deliver_bg.wasm", d.wasm.clone());
        let js = site.asset("kyoyu-deliver.js", d.js.clone());
        let entry = format!("import init from \"{js}\";
export * from \"{js}\";
export const ready = init({{ module_or_path: \"{wasm}\" }});
");
        loader.push_str("let deliver;
globalThis.kyoyuDeliver = () => (deliver ??= import(document.getElementById(\"app-root\").dataset.deliver).then(async (m) => { await m.ready; return m; }).catch((e) => { deliver = undefined; throw e; }));
");
        site.asset("kyoyu-deliver-entry.js", entry.into_bytes())
    });
    let loader = site.asset("kyoyu-app-loader.js", loader.into_bytes());
    let content = html! {
        div id="app-root" data-deliver=[deliver.as_deref()] {
            noscript { p { "様式入力アプリを使うには JavaScript と WebAssembly を有効にしてください。" } }
            p class="app-loading" hidden { "様式入力アプリを読み込んでいます…" }
            (super::first_screen::markup())
        }
    };
    let page = super::generated(
        &Page {
            title: "様式入力",
            url: APP_URL,
            description: Some(
                "情報共有の4つの様式をブラウザの中だけで作成・検証・保存・印刷します",
            ),
            breadcrumbs: &[],
            sidebar: Sidebar::NONE,
            prev: None,
            next: None,
            kind: "app",
            extra_css: &[assets.print_css.as_str()],
            extra_js: &[loader.as_str()],
            // The glue only: the wasm is fetched after the first screen's paint (above).
            preload: &[Preload::Module(&js)],
        },
        assets,
        content,
        false,
    );
    site.pages.push(page);
}

/// 404 and the search page.
pub fn fixed_pages(assets: &Assets, search_index: &str) -> Vec<render::Page> {
    let mut not_found = super::generated(
        &Page {
            title: "ページが見つかりません",
            url: "/404.html",
            description: None,
            breadcrumbs: &[],
            sidebar: Sidebar::NONE,
            prev: None,
            next: None,
            kind: "not-found",
            extra_css: &[],
            extra_js: &[],
            preload: &[],
        },
        assets,
        html! {
            h1 { "ページが見つかりません" }
            p { "お探しのページは移動したか、削除された可能性があります。" }
            ul {
                li { a href="/" { "ホーム" } }
                li { a href="/handbook/" { "手引書の目次" } }
                li { a href="/search/" { "検索" } }
            }
        },
        false,
    );
    not_found.listed = false;
    let search = super::generated(
        &Page {
            title: "検索",
            url: "/search/",
            description: None,
            breadcrumbs: &[],
            sidebar: Sidebar::NONE,
            prev: None,
            next: None,
            kind: "search",
            extra_css: &[],
            extra_js: &[],
            preload: &[],
        },
        assets,
        html! {
            h1 { "手引書を検索" }
            div class="search" role="search" {
                label for="search-input" { "検索語" }
                input id="search-input" type="search" autocomplete="off" placeholder="例: ランサムウェア、情報共有範囲、港湾" data-index=(search_index) aria-describedby="search-help";
                p id="search-help" class="search-help" {
                    "スペースで区切った語は、すべてを含むページを探します。「」や \"\" で囲んだ語句は、その並びのまま探します。ひらがなとカタカナ、全角と半角は区別せず、英語の用語 (ransomware、TLP など) でも探せます。"
                }
                p id="search-status" class="search-status" aria-live="polite" {}
                ol id="search-results" class="search-results" {}
            }
        },
        false,
    );
    vec![not_found, search]
}

/// `sitemap.xml` with every listed page, at `base` (the served origin under `serve`).
pub fn sitemap(site: &mut Site, base: &str) {
    let mut urls: Vec<&str> = site
        .pages
        .iter()
        .filter(|p| p.listed)
        .map(|p| p.url.as_str())
        .collect();
    urls.sort();
    urls.dedup();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for u in urls {
        xml.push_str(&format!(
            "  <url><loc>{}{}</loc></url>\n",
            crate::markdown::escape(base),
            crate::markdown::escape(u)
        ));
    }
    xml.push_str("</urlset>\n");
    site.file("sitemap.xml", xml);
}

/// A handbook of at most this many pages is precached whole; a larger one by its contents page
/// only (its other pages are cached as they are read).
pub const PRECACHE_HANDBOOK_MAX: usize = 300;

/// `sw.js`: the service worker with the precache list (content hashed) of what must work offline
/// after one visit: the shell (home, 404, search, the assets), the app (`/app/`, the forms, the
/// schemas), the reference pages and the handbook. Not listed, and cached as they are visited:
/// the advisories (they grow without bound over the years), and on a large site (a handbook of
/// more than [`PRECACHE_HANDBOOK_MAX`] pages) the handbook's other pages and the search shards,
/// so that a first visit does not download the whole site. The version is the hash of every
/// file, listed or not, so that any change installs a new version (and drops what an older one
/// cached).
pub fn service_worker(site: &mut Site, public: &Path) -> Result<()> {
    let mut written = render::hashes(site);
    written.sort();
    let handbook_pages = site
        .pages
        .iter()
        .filter(|p| p.url.starts_with("/handbook/"))
        .count();
    let large = handbook_pages > PRECACHE_HANDBOOK_MAX;
    let mut entries = Vec::new();
    let mut all = blake3::Hasher::new();
    for (rel, hash) in written {
        if rel == "sitemap.xml" || rel.starts_with('.') {
            continue;
        }
        all.update(rel.as_bytes());
        all.update(hash.as_bytes());
        if !precached(&rel, large) {
            continue;
        }
        let url = if let Some(dir) = rel.strip_suffix("index.html") {
            format!("/{dir}")
        } else {
            format!("/{rel}")
        };
        entries.push(serde_json::json!({ "url": url, "hash": hash }));
    }
    let version = all.finalize().to_hex()[..12].to_string();
    let src = std::fs::read_to_string(public.join("sw.js")).context("public/sw.js がありません")?;
    let sw = format!(
        "// Generated by site-gen: the precache list of this build.\nconst VERSION = \"{version}\";\nconst PRECACHE = {};\n{src}",
        serde_json::to_string(&entries)?
    );
    site.file("sw.js", sw);
    Ok(())
}

/// Whether the file at site path `rel` is in the precache list (see [`service_worker`]).
fn precached(rel: &str, large: bool) -> bool {
    if rel.starts_with("advisories/") {
        return false;
    }
    if !large {
        return true;
    }
    match rel.strip_prefix("assets/") {
        // `search-<n>.<hash>.json(.gz)`: a shard of the search index (see `search::render`).
        Some(name) => !name
            .strip_prefix("search-")
            .and_then(|n| n.split('.').next())
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => !rel.starts_with("handbook/") || rel == "handbook/index.html",
    }
}

#[cfg(test)]
mod tests {
    use super::precached;

    #[test]
    fn a_large_site_precaches_its_shell_app_and_contents_page_but_not_every_page() {
        for large in [false, true] {
            for rel in [
                "index.html",
                "404.html",
                "search/index.html",
                "app/index.html",
                "forms/ddos/index.html",
                "reference/causes/index.html",
                "handbook/index.html",
                "assets/site.0123456789.css",
                "assets/search-index.0123456789.json",
                "assets/search.js",
                "assets/nav.0123456789.json",
            ] {
                assert!(precached(rel, large), "{rel} (large: {large})");
            }
            for rel in ["advisories/index.html", "advisories/feed.atom"] {
                assert!(!precached(rel, large), "{rel}");
            }
        }
        for rel in [
            "handbook/a/b/index.html",
            "assets/search-3.0123456789.json",
            "assets/search-3.0123456789.json.gz",
        ] {
            assert!(precached(rel, false), "{rel}");
            assert!(!precached(rel, true), "{rel}");
        }
    }
}
