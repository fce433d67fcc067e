//! The templates of every page (render's step): the handbook's chapters and parts (from
//! Markdown), the pages generated from core's taxonomy, the advisories, the home page, the
//! app's shell, search, 404, sitemap and service worker. Each returns pages in memory
//! ([`crate::render::Page`]); nothing here writes.
pub mod advisories;
pub mod first_screen;
pub mod handbook;
pub mod home;
pub mod misc;
pub mod reference;

use crate::content;
use crate::layout::Assets;

/// `1.3 情報共有の対象`-style title with its number.
pub fn chapter_title(c: &content::Source) -> String {
    match &c.number {
        Some(n) if !n.is_empty() => format!("{n} {}", c.title),
        _ => c.title.clone(),
    }
}

/// Lays out a page site-gen makes itself and reads its ids, links and text.
pub fn generated(
    p: &crate::layout::Page,
    assets: &Assets,
    content: maud::Markup,
    search: bool,
) -> crate::render::Page {
    let inner = content.into_string();
    let html = crate::layout::page(p, assets, crate::layout::trusted(&inner));
    crate::render::Page::generated(p.url, p.title, &inner, html, search)
}
