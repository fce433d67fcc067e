//! The home page: what kyoyu is, the way into the handbook and into the form filler.
use maud::html;

use kyoyu_core::forms::FormKind;

use crate::content::Handbook;
use crate::layout::{Assets, Page, Sidebar};
use crate::load::Content;

/// The parts the home page names; past them, the handbook's contents page lists the rest.
const PARTS_SHOWN: usize = 20;

pub fn page(content: &Content, assets: &Assets) -> crate::render::Page {
    let hb = &content.handbook;
    let content = html! {
        section class="hero" {
            h1 { "kyoyu — 重要インフラの情報共有を、すばやく確実に" }
            p class="lead" {
                "kyoyu(共有)は、「重要インフラのサイバーセキュリティに係る行動計画」に基づく情報共有の手引書を読みやすく提供し、"
                "その4つの様式をブラウザの中だけで作成・検証・保存・印刷できるツールです。"
                "入力した内容は、あなたが書き出すまでこの端末から送信されません。"
            }
            p class="actions" {
                a class="button primary" href="/app/" { "様式を作成する" }
                a class="button" href="/handbook/" { "手引書を読む" }
            }
        }
        div class="cards" {
            section class="card" {
                h2 { "様式を作成する" }
                p { "オフラインでも使えます。下書きは自動保存され、続報では変更箇所が分かります。" }
                ul {
                    @for k in FormKind::ALL {
                        li { a href={ "/app/#/new/" (k.id()) } { (k.name()) } }
                    }
                }
            }
            section class="card" {
                h2 { "手引書" }
                ul {
                    @for p in hb.parts.iter().take(PARTS_SHOWN) {
                        li { a href=(p.url()) { (p.title) } }
                    }
                    @if hb.parts.len() > PARTS_SHOWN {
                        li { a href="/handbook/" { "すべての目次(" (hb.parts.len()) "部)" } }
                    }
                }
            }
            section class="card" {
                h2 { "参照表" }
                // Every reference page (表1–表5, the glossary), from the list their sidebar uses.
                ul {
                    @for (url, title) in super::reference::REFERENCE_PAGES {
                        li { a href=(url) { (title) } }
                    }
                }
            }
        }
        @if let Some((_, first)) = hb.chapters().next() {
            p { "はじめての方は " a href=(Handbook::url_of(&first.rel)) { (first.title) } " からお読みください。" }
        }
    };
    super::generated(
        &Page {
            title: "kyoyu — 情報共有の手引書と様式作成",
            url: "/",
            description: None,
            breadcrumbs: &[],
            sidebar: Sidebar::NONE,
            prev: None,
            next: None,
            kind: "home",
            extra_css: &[],
            extra_js: &[],
            preload: &[],
        },
        assets,
        content,
        false,
    )
}
