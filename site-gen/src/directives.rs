//! `{{kind:arg}}` directives in chapters: the handbook's tables, forms and figures, generated
//! from core so that no label is typed twice.
//!
//! | directive | inserts |
//! |---|---|
//! | `{{table:causes}}` | 表1 情報連絡における原因の例 (each table with its title as `<caption>`) |
//! | `{{table:sectors}}` | 表2 対象となる重要インフラ事業者等と重要システム例 |
//! | `{{table:services}}` | 表3 重要インフラサービスとサービス維持レベル |
//! | `{{table:importance-report}}`, `{{table:importance-advisory}}` | the two 表4 |
//! | `{{table:tlp}}` | 表5 情報共有範囲 (labels in TLP 2.0 colours) |
//! | `{{table:glossary}}` | 用語の定義 |
//! | `{{form:incident\|ddos\|ransomware\|advisory}}` | the form's fields, links to its page and the app |
//! | `{{example:zu5\|zu8}}` | core's print view of the worked example (図5, 図8) |
//! | `{{figure:zu1\|zu2\|zu3\|zu6\|zu9\|zu10}}` | the figure redrawn as SVG ([`crate::figures`]) |
//!
//! An unknown directive is an error naming it; the caller adds file:line.
use kyoyu_core::envelope::Envelope;
use kyoyu_core::forms::FormKind;
use kyoyu_core::taxonomy::{causes, importance, sectors, tlp};
use maud::html;

use crate::pages::reference::{self as r, Name::Caption};

/// The worked examples: (arg, caption, fixture).
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "zu5",
        "図5 情報連絡様式記載例",
        include_str!("../../tests/fixtures/zu5-incident.json"),
    ),
    (
        "zu8",
        "図8 情報提供様式記載例",
        include_str!("../../tests/fixtures/zu8-advisory.json"),
    ),
];

/// Every directive the chapters may use (for messages).
pub const KNOWN: &[&str] = &[
    "table:causes",
    "table:sectors",
    "table:services",
    "table:importance-report",
    "table:importance-advisory",
    "table:tlp",
    "table:glossary",
    "form:incident",
    "form:ddos",
    "form:ransomware",
    "form:advisory",
    "example:zu5",
    "example:zu8",
    "figure:zu1",
    "figure:zu2",
    "figure:zu3",
    "figure:zu6",
    "figure:zu9",
    "figure:zu10",
];

/// Renders a directive, or says what is wrong with it.
pub fn render(kind: &str, arg: &str) -> Result<String, String> {
    let unknown = || {
        format!(
            "未対応の指定です: {{{{{kind}:{arg}}}}}(使える指定: {})",
            KNOWN
                .iter()
                .map(|k| format!("{{{{{k}}}}}"))
                .collect::<Vec<_>>()
                .join(" ")
        )
    };
    let markup = match (kind, arg) {
        // A chapter's table carries its title (from core) as its caption.
        ("table", "causes") => r::causes_table(false, Caption(causes::TABLE1_TITLE)),
        ("table", "sectors") => r::sectors_table(None, Caption(sectors::TABLE2_TITLE)),
        ("table", "services") => r::services_table(None, Caption(sectors::TABLE3_TITLE)),
        ("table", "importance-report") => {
            r::importance_table(&importance::REPORT, Caption(importance::REPORT.title))
        }
        ("table", "importance-advisory") => {
            r::importance_table(&importance::ADVISORY, Caption(importance::ADVISORY.title))
        }
        ("table", "tlp") => r::tlp_table(false, Caption(tlp::TABLE5_TITLE)),
        ("table", "glossary") => r::glossary_list(false),
        ("form", k) => match FormKind::from_id(k) {
            Some(k) => r::form_summary(k),
            None => return Err(unknown()),
        },
        ("example", a) => {
            let Some((_, caption, json)) = EXAMPLES.iter().find(|(id, _, _)| *id == a) else {
                return Err(unknown());
            };
            let env = Envelope::from_json(json)
                .map_err(|e| format!("{caption} の記載例を読み込めません: {e}"))?;
            html! {
                figure class="form-example" data-example=(a) {
                    figcaption { (caption) span class="redrawn" { "(手引書の記載例を、様式入力の印刷表示で組み直したもの)" } }
                    div class="form-example-body" { (kyoyu_core::render::print_markup_in_page(&env.report, &[])) }
                }
            }
        }
        ("figure", id) => match crate::figures::figure(id) {
            Some(f) => f,
            None => return Err(unknown()),
        },
        _ => return Err(unknown()),
    };
    Ok(markup.into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_directive_renders() {
        for k in KNOWN {
            let (kind, arg) = k.split_once(':').unwrap();
            let html = render(kind, arg).unwrap_or_else(|e| panic!("{k}: {e}"));
            assert!(!html.is_empty(), "{k}");
        }
    }

    #[test]
    fn unknown_directives_are_named() {
        let e = render("table", "nope").unwrap_err();
        assert!(e.contains("{{table:nope}}"), "{e}");
        assert!(render("figure", "zu4")
            .unwrap_err()
            .contains("{{figure:zu4}}"));
        assert!(render("form", "other").is_err());
    }

    #[test]
    fn tables_come_from_the_taxonomy() {
        let t = render("table", "tlp").unwrap();
        assert!(t.contains("class=\"tlp tlp-AMBER+STRICT\""));
        assert_eq!(
            render("table", "causes")
                .unwrap()
                .matches("<tr class=\"cause\"")
                .count(),
            17
        );
        assert_eq!(
            render("table", "glossary").unwrap().matches("<dt").count(),
            33
        );
        let ex = render("example", "zu5").unwrap();
        assert!(ex.contains("form-print"));
    }
}
