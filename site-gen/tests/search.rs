//! The handbook's search index as the build writes it: every glossary term an entry of its own,
//! the synonyms of core's glossary in the manifest, every key folded (no hiragana, no
//! full-width ASCII, no upper case), the full text kept for a one-shard site.
use std::fs;

mod common;

use common::{options, root, Temp};
use kyoyu_core::taxonomy::glossary;
use kyoyu_site_gen::build;
use kyoyu_site_gen::search::{fold, GLOSSARY_URL};

fn read_json(out: &std::path::Path, url: &str) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join(url.trim_start_matches('/'))).unwrap()).unwrap()
}

#[test]
fn the_handbooks_index_holds_the_glossary_the_synonyms_and_folded_keys() {
    let t = Temp::new("search-index");
    let out = t.join("out");
    build(&options(&root().join("content"), &out)).unwrap_or_else(|e| panic!("{e:#}"));
    let page = fs::read_to_string(out.join("search/index.html")).unwrap();
    let manifest_url = page
        .split("data-index=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    let manifest = read_json(&out, manifest_url);

    // The synonyms, folded as queries are.
    let groups = manifest["synonyms"].as_array().unwrap();
    assert_eq!(groups.len(), glossary::SYNONYMS.len());
    for (g, s) in groups.iter().zip(&glossary::SYNONYMS) {
        let want: Vec<String> = s.words.iter().map(|w| fold(w)).collect();
        assert_eq!(g, &serde_json::json!(want));
    }

    let shards = manifest["shards"].as_array().unwrap();
    assert_eq!(shards.len(), 1);
    let index = read_json(&out, shards[0].as_str().unwrap());
    assert_eq!(
        index["excerpt"],
        serde_json::Value::Null,
        "a small site keeps the full text"
    );
    let pages = index["pages"].as_array().unwrap();

    // Each glossary term once, at its anchor on the glossary page, with its definition.
    for term in &glossary::TERMS {
        let url = format!("{GLOSSARY_URL}#{}", term.id);
        let entries: Vec<_> = pages.iter().filter(|p| p[0] == url.as_str()).collect();
        assert_eq!(entries.len(), 1, "{url}");
        assert_eq!(entries[0][1], term.term);
        assert_eq!(entries[0][3], term.definition);
        assert_eq!(entries[0][4], 1);
        let glossary_page = fs::read_to_string(out.join("reference/glossary/index.html")).unwrap();
        assert!(
            glossary_page.contains(&format!("id=\"{}\"", term.id)),
            "{url}: the anchor exists"
        );
    }
    // The pages are there too, unmarked.
    let port = pages
        .iter()
        .find(|p| p[0] == "/reference/sectors/port/")
        .unwrap();
    assert_eq!(port.as_array().unwrap().len(), 4);

    // Keys are folded: searching 「らんさむうぇあ」 or 「ＴＬＰ」 looks them up as the text has them.
    let keys = index["keys"].as_object().unwrap();
    for k in keys.keys() {
        assert_eq!(&fold(k), k, "key {k} is not folded");
    }
    for k in ["ラン", "ウェ", "tlp", "ddos", "港湾"] {
        assert!(keys.contains_key(k), "{k}");
    }
}
