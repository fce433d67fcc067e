//! The handbook: its index, one page per part, one page per chapter.
use anyhow::Result;
use maud::html;
use rayon::prelude::*;

use super::{chapter_title, handbook_sidebar, Built, Site};
use crate::content::Handbook;
use crate::layout::{page, trusted, Assets, NavLink, Page};
use crate::markdown::Rendered;
use crate::output::Staging;

pub fn pages(
    site: &Site,
    rendered: &[Rendered],
    assets: &Assets,
    staging: &Staging,
) -> Result<Vec<Built>> {
    let hb = &site.handbook;
    let sidebar = handbook_sidebar(hb);
    let home = NavLink {
        url: "/handbook/".into(),
        title: "手引書".into(),
    };
    let order: Vec<NavLink> = hb
        .chapters()
        .map(|(_, c)| NavLink {
            url: Handbook::url_of(&c.rel),
            title: chapter_title(c),
        })
        .collect();
    let mut built = Vec::new();

    // Chapters, laid out and written in parallel.
    let chapters: Vec<_> = hb
        .parts
        .iter()
        .flat_map(|p| p.chapters.iter().map(move |c| (p, c)))
        .collect();
    let written: Vec<Result<Built>> = chapters
        .par_iter()
        .enumerate()
        .map(|(i, (part, ch))| {
            let part_link = NavLink {
                url: format!("/handbook/{}/", part.slug),
                title: part.title.clone(),
            };
            let r = &rendered[i];
            let url = &order[i].url;
            let title = chapter_title(ch);
            let toc: Vec<_> = r.headings.iter().filter(|h| h.level == 2).collect();
            let content = html! {
                article class="chapter" {
                    p class="part-name" { (part.title) }
                    h1 { (title) }
                    @if toc.len() > 1 {
                        nav class="toc" aria-label="このページの目次" {
                            ul { @for h in &toc { li { a href={ "#" (h.id) } { (h.text) } } } }
                        }
                    }
                    (trusted(&r.html))
                }
            };
            let html = page(
                &Page {
                    title: &title,
                    url,
                    description: ch.description.as_deref(),
                    breadcrumbs: &[home.clone(), part_link],
                    sidebar: &sidebar,
                    prev: i.checked_sub(1).map(|p| &order[p]),
                    next: order.get(i + 1),
                    kind: "chapter",
                    // The worked examples (図5, 図8) are core's print view of the forms.
                    extra_css: &[assets.print_css.as_str()],
                    extra_js: &[],
                    preload: &[],
                },
                assets,
                content,
            );
            staging.write_page(url, &html)?;
            Ok(Built {
                url: url.clone(),
                title,
                text: String::new(),
            })
        })
        .collect();
    for b in written {
        built.push(b?);
    }

    // Parts.
    for part in &hb.parts {
        let url = format!("/handbook/{}/", part.slug);
        let lead = part.lead.as_ref().map(|l| {
            let mut s = String::new();
            pulldown_cmark::html::push_html(
                &mut s,
                pulldown_cmark::Parser::new_ext(&l.body, crate::markdown::options()).filter(|e| {
                    !matches!(
                        e,
                        pulldown_cmark::Event::Html(_) | pulldown_cmark::Event::InlineHtml(_)
                    )
                }),
            );
            s
        });
        let content = html! {
            h1 { (part.title) }
            @if let Some(l) = &lead { (trusted(l)) }
            ol class="chapter-list" {
                @for c in &part.chapters { li { a href=(Handbook::url_of(&c.rel)) { (chapter_title(c)) } } }
            }
        };
        let html = page(
            &Page {
                title: &part.title,
                url: &url,
                description: None,
                breadcrumbs: &[home.clone()],
                sidebar: &sidebar,
                prev: None,
                next: None,
                kind: "part",
                extra_css: &[],
                extra_js: &[],
                preload: &[],
            },
            assets,
            content,
        );
        staging.write_page(&url, &html)?;
        built.push(Built {
            url,
            title: part.title.clone(),
            text: String::new(),
        });
    }

    // Index.
    let content = html! {
        h1 { "情報共有の手引書" }
        p { (kyoyu_core::SOURCE.title) "(" (kyoyu_core::SOURCE.publisher) "、" (kyoyu_core::SOURCE.edition) ")の全文です。" }
        @for part in &hb.parts {
            section class="part-summary" {
                h2 { a href={ "/handbook/" (part.slug) "/" } { (part.title) } }
                ol { @for c in &part.chapters { li { a href=(Handbook::url_of(&c.rel)) { (chapter_title(c)) } } } }
            }
        }
    };
    let html = page(
        &Page {
            title: "情報共有の手引書",
            url: "/handbook/",
            description: None,
            breadcrumbs: &[],
            sidebar: &sidebar,
            prev: None,
            next: order.first(),
            kind: "handbook-index",
            extra_css: &[],
            extra_js: &[],
            preload: &[],
        },
        assets,
        content,
    );
    staging.write_page("/handbook/", &html)?;
    built.push(Built {
        url: "/handbook/".into(),
        title: "情報共有の手引書".into(),
        text: String::new(),
    });
    Ok(built)
}
