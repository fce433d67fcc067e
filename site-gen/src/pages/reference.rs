//! Pages generated from core's taxonomy (cause taxonomy, event types, importance, TLP,
//! sectors, glossary, the four forms). Never retyped in Markdown.
use super::{Generated, Site};

/// Every generated reference page.
pub fn pages(_site: &Site) -> Vec<Generated> {
    Vec::new()
}

/// Glossary terms and their anchors, for linking the first use of each term in a chapter.
pub fn glossary_links() -> Vec<(String, String)> {
    Vec::new()
}
