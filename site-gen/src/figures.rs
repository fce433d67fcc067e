//! The handbook's figures of the flows of information (図1, 図2, 図3, 図6, 図9, 図10), redrawn
//! as inline SVG from the prose that explains them: the PDF's drawings are not in the text.
//!
//! Each figure is a small declarative diagram (boxes and arrows) rendered to SVG with
//! `role="img"`, `<title>` and `<desc>`, followed by its text alternative: a `<figcaption>` and
//! a plain list of every flow. A note on the page says the figure is redrawn from the text; what
//! the prose does not say is marked as uncertain.
use maud::{html, Markup, PreEscaped};

use crate::markdown::escape;

/// A box of a diagram.
struct Node {
    id: &'static str,
    /// Lines of the label.
    label: &'static [&'static str],
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    /// `hub` (国家サイバー統括室), `actor`, `group`, `uncertain`.
    class: &'static str,
}

/// Which flow an arrow belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Flow {
    /// 情報連絡 (reports, towards 国家サイバー統括室).
    Report,
    /// 情報提供 (advisories, from 国家サイバー統括室).
    Advisory,
    /// Other exchanges (sharing, consultation).
    Other,
    /// Not described by the prose.
    Uncertain,
}

/// An arrow from one box to another.
struct Edge {
    from: &'static str,
    to: &'static str,
    label: &'static str,
    flow: Flow,
    /// Shift perpendicular to the line (to separate the two directions of a pair).
    offset: f32,
    /// Arrow heads at both ends.
    both: bool,
}

struct Diagram {
    id: &'static str,
    caption: &'static str,
    /// The prose it is drawn from.
    from: &'static str,
    width: f32,
    height: f32,
    desc: &'static str,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    /// What the prose does not say, shown beside the figure.
    uncertain: Option<&'static str>,
}

const fn n(
    id: &'static str,
    label: &'static [&'static str],
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    class: &'static str,
) -> Node {
    Node {
        id,
        label,
        x,
        y,
        w,
        h,
        class,
    }
}
const fn e(
    from: &'static str,
    to: &'static str,
    label: &'static str,
    flow: Flow,
    offset: f32,
) -> Edge {
    Edge {
        from,
        to,
        label,
        flow,
        offset,
        both: false,
    }
}
const fn both(from: &'static str, to: &'static str, label: &'static str, flow: Flow) -> Edge {
    Edge {
        from,
        to,
        label,
        flow,
        offset: 0.0,
        both: true,
    }
}

const NCO: &[&str] = &["国家サイバー統括室", "(重要インフラ防護担当)"];
const MINISTRIES: &[&str] = &["重要インフラ所管省庁"];
const CEPTOAR: &[&str] = &["セプター事務局"];
const OPERATORS: &[&str] = &["重要インフラ事業者等"];
const STAKEHOLDERS: &[&str] = &[
    "サイバーセキュリティ関係省庁・",
    "事案対処省庁・防災関係府省庁・",
    "サイバーセキュリティ関係機関・",
    "サイバー空間関連事業者",
];
const CRISIS: &[&str] = &["内閣官房", "(事態対処・危機管理担当)"];

/// 図1 and the common part of 図2.
fn framework(id: &'static str, caption: &'static str, large_scale: bool) -> Diagram {
    let mut nodes = vec![
        n("nco", NCO, 290.0, 20.0, 220.0, 56.0, "hub"),
        n("crisis", CRISIS, 10.0, 130.0, 190.0, 56.0, "group"),
        n("others", STAKEHOLDERS, 560.0, 110.0, 230.0, 86.0, "group"),
        n("ministries", MINISTRIES, 290.0, 230.0, 220.0, 46.0, "actor"),
        n("ceptoar", CEPTOAR, 590.0, 330.0, 180.0, 46.0, "actor"),
        n("operators", OPERATORS, 290.0, 430.0, 220.0, 46.0, "actor"),
    ];
    let mut edges = vec![
        e(
            "operators",
            "ministries",
            "情報連絡(報告)",
            Flow::Report,
            -40.0,
        ),
        e("operators", "ceptoar", "報告", Flow::Report, -10.0),
        e(
            "ceptoar",
            "ministries",
            "報告(匿名化等)",
            Flow::Report,
            -10.0,
        ),
        e(
            "ministries",
            "nco",
            "情報連絡(情報連絡様式)",
            Flow::Report,
            -40.0,
        ),
        e(
            "nco",
            "ministries",
            "情報提供(情報提供様式)",
            Flow::Advisory,
            -40.0,
        ),
        e("ministries", "ceptoar", "展開", Flow::Advisory, -10.0),
        e("ceptoar", "operators", "展開", Flow::Advisory, -10.0),
        e(
            "ministries",
            "operators",
            "必要に応じ直接展開",
            Flow::Advisory,
            -40.0,
        ),
        e(
            "others",
            "nco",
            "システムの不具合等に関する情報",
            Flow::Other,
            0.0,
        ),
        both("nco", "crisis", "必要に応じ情報共有", Flow::Other),
    ];
    let (height, uncertain) = if large_scale {
        nodes.push(n(
            "kantei",
            &["官邸対策室等", "(官邸危機管理センター)"],
            10.0,
            330.0,
            190.0,
            56.0,
            "uncertain",
        ));
        edges.push(both(
            "kantei",
            "crisis",
            "政府として集中的な対応",
            Flow::Uncertain,
        ));
        (530.0, Some("本文は図2の流れを説明していません。図1の流れに、用語の定義「大規模重要インフラサービス障害」(官邸対策室等が官邸危機管理センターに設置されるなど、政府として集中的な対応が必要となる規模)の官邸対策室等を加えて描いたもので、官邸対策室等とのやり取り(点線)は推定です。原図とは異なる可能性があります。"))
    } else {
        (530.0, None)
    };
    Diagram {
        id,
        caption,
        from: "1.2 情報共有の全体像、2.1 情報連絡の流れ、3.1 情報提供の流れ、表5 ※2",
        width: 800.0,
        height,
        desc: "重要インフラ事業者等から重要インフラ所管省庁を経て国家サイバー統括室へ向かう情報連絡と、国家サイバー統括室から重要インフラ所管省庁を経て重要インフラ事業者等へ向かう情報提供の流れ。",
        nodes,
        edges,
        uncertain,
    }
}

fn zu3() -> Diagram {
    Diagram {
        id: "zu3",
        caption: "図3 情報連絡の流れ",
        from: "2.1 情報連絡の流れ",
        width: 760.0,
        height: 470.0,
        desc: "重要インフラ事業者等が、直接又はセプター事務局経由で重要インフラ所管省庁に報告し、重要インフラ所管省庁が情報連絡様式で国家サイバー統括室に情報連絡する。国家サイバー統括室は識別番号を採番して通知する。",
        nodes: vec![
            n("nco", NCO, 250.0, 20.0, 220.0, 56.0, "hub"),
            n("ministries", MINISTRIES, 250.0, 200.0, 220.0, 46.0, "actor"),
            n("ceptoar", CEPTOAR, 530.0, 300.0, 180.0, 46.0, "actor"),
            n("operators", OPERATORS, 250.0, 400.0, 220.0, 46.0, "actor"),
        ],
        edges: vec![
            e("operators", "ministries", "報告", Flow::Report, -30.0),
            e("operators", "ceptoar", "報告", Flow::Report, 0.0),
            e("ceptoar", "ministries", "匿名化等を行った上で報告", Flow::Report, 0.0),
            e("ministries", "nco", "情報連絡様式で情報連絡(電子メール基本)", Flow::Report, -40.0),
            e("nco", "ministries", "識別番号を採番して通知", Flow::Other, -40.0),
        ],
        uncertain: None,
    }
}

fn zu6() -> Diagram {
    Diagram {
        id: "zu6",
        caption: "図6 情報提供の流れ",
        from: "3.1 情報提供の流れ",
        width: 760.0,
        height: 470.0,
        desc: "関係主体から寄せられた情報を国家サイバー統括室が集約・分析し、提供元が特定されないよう加工した上で重要インフラ所管省庁に情報提供する。所管省庁はセプター事務局、又は必要に応じて直接、重要インフラ事業者等に展開する。",
        nodes: vec![
            n("others", &["重要インフラ所管省庁・", "サイバーセキュリティ関係省庁・", "事案対処省庁・防災関係府省庁・", "サイバーセキュリティ関係機関・", "サイバー空間関連事業者・", "重要インフラ事業者"], 510.0, 10.0, 240.0, 124.0, "group"),
            n("nco", &["国家サイバー統括室", "(集約・分析、提供元を秘匿)"], 200.0, 40.0, 240.0, 56.0, "hub"),
            n("ministries", MINISTRIES, 210.0, 210.0, 220.0, 46.0, "actor"),
            n("ceptoar", CEPTOAR, 520.0, 300.0, 180.0, 46.0, "actor"),
            n("operators", OPERATORS, 210.0, 400.0, 220.0, 46.0, "actor"),
        ],
        edges: vec![
            e("others", "nco", "システムの不具合等に関する情報", Flow::Other, 0.0),
            e("nco", "ministries", "情報提供(情報提供様式)", Flow::Advisory, 0.0),
            e("ministries", "ceptoar", "展開", Flow::Advisory, 0.0),
            e("ceptoar", "operators", "展開", Flow::Advisory, 0.0),
            e("ministries", "operators", "必要に応じて直接展開", Flow::Advisory, 0.0),
        ],
        uncertain: None,
    }
}

fn zu9() -> Diagram {
    Diagram {
        id: "zu9",
        caption: "図9 サイバーセキュリティ協議会(事務局:国家サイバー統括室、政令指定法人JPCERT/CC)",
        from: "Ⅲ 1. サイバーセキュリティ協議会(本文と注1・注2)",
        width: 760.0,
        height: 420.0,
        desc: "被害が確認されていない早期の段階(情報インシデント状態)では重要インフラ事業者がサイバーセキュリティ協議会に相談し、サービスレベル低下状態に移行したら行動計画に基づく情報共有体制で情報連絡する。協議会からの情報はCISTA等を通じて、又は直接、事業者に提供される。",
        nodes: vec![
            n("council", &["サイバーセキュリティ協議会", "(事務局:国家サイバー統括室、", "政令指定法人JPCERT/CC)"], 20.0, 20.0, 260.0, 76.0, "hub"),
            n("cista", &["CISTA等"], 20.0, 190.0, 140.0, 46.0, "group"),
            n("plan", &["行動計画に基づく情報共有体制", "(重要インフラ所管省庁・", "国家サイバー統括室)"], 480.0, 20.0, 260.0, 76.0, "hub"),
            n("operators", &["重要インフラ事業者", "(協議会構成員)"], 250.0, 320.0, 240.0, 56.0, "actor"),
        ],
        edges: vec![
            e("operators", "council", "情報インシデント状態:相談・解析依頼等(注1:直接も可)", Flow::Report, 20.0),
            e("operators", "plan", "サービスレベル低下状態:情報連絡", Flow::Report, 0.0),
            e("council", "cista", "対策情報等", Flow::Advisory, 0.0),
            e("cista", "operators", "対策情報等", Flow::Advisory, 0.0),
            e("council", "operators", "注2:直接の情報提供", Flow::Advisory, -30.0),
        ],
        uncertain: Some("協議会と行動計画に基づく情報共有体制との間のやり取りは本文からは分からないため描いていません。"),
    }
}

fn zu10() -> Diagram {
    Diagram {
        id: "zu10",
        caption: "図10 サイバーセキュリティ対処調整センターとの関係",
        from: "Ⅲ 5. サイバーセキュリティ対処調整センター",
        width: 760.0,
        height: 380.0,
        desc: "重要サービス事業者等である重要インフラ事業者等は、行動計画に基づく情報共有(①)とCS対処調整センターを中心とした情報共有(②)のそれぞれに、又はいずれか一方のみに情報連絡できる。CS対処調整センターは大阪・関西万博に係る脅威・インシデント情報を共有し、インシデント対処の支援調整を行う。",
        nodes: vec![
            n("plan", &["① 行動計画に基づく情報共有", "(重要インフラ所管省庁・", "国家サイバー統括室)"], 20.0, 20.0, 280.0, 76.0, "hub"),
            n("center", &["② CS対処調整センター", "(JISPの運営事務局、", "国家サイバー統括室が中心となり運営)"], 440.0, 20.0, 300.0, 76.0, "hub"),
            n("operators", &["重要インフラ事業者等", "(重要サービス事業者等)"], 250.0, 280.0, 260.0, 56.0, "actor"),
        ],
        edges: vec![
            e("operators", "plan", "① 情報連絡", Flow::Report, 0.0),
            e("operators", "center", "② 情報連絡", Flow::Report, 22.0),
            e("center", "operators", "脅威・インシデント情報の共有、対処の支援調整", Flow::Advisory, 22.0),
        ],
        uncertain: Some("①と②の間のやり取りは本文からは分からないため描いていません。①②の一方のみへの連絡も可能です。"),
    }
}

fn diagram(id: &str) -> Option<Diagram> {
    Some(match id {
        "zu1" => framework("zu1", "図1 情報共有体制(通常時)", false),
        "zu2" => framework(
            "zu2",
            "図2 情報共有体制(大規模重要インフラサービス障害対応時)",
            true,
        ),
        "zu3" => zu3(),
        "zu6" => zu6(),
        "zu9" => zu9(),
        "zu10" => zu10(),
        _ => return None,
    })
}

/// Ids of every figure.
pub const FIGURES: &[&str] = &["zu1", "zu2", "zu3", "zu6", "zu9", "zu10"];

/// The figure `id` (`zu1`…) as `<figure>` with its SVG and text alternative.
pub fn figure(id: &str) -> Option<Markup> {
    let d = diagram(id)?;
    let node = |id: &str| {
        d.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.label.join(""))
    };
    let flows: Vec<(String, String, &str, Flow, bool)> = d
        .edges
        .iter()
        .map(|e| {
            (
                node(e.from).unwrap_or_default(),
                node(e.to).unwrap_or_default(),
                e.label,
                e.flow,
                e.both,
            )
        })
        .collect();
    Some(html! {
        figure class="diagram" id={ "figure-" (d.id) } data-figure=(d.id) {
            (PreEscaped(svg(&d)))
            figcaption {
                (d.caption)
                span class="redrawn" { "(原図は抽出テキストに含まれないため、手引書本文(" (d.from) ")の説明から描き直した図です)" }
            }
            details class="figure-text" open {
                summary { "図の内容(文章)" }
                ul class="figure-flows" {
                    @for (from, to, label, flow, both) in &flows {
                        li {
                            (from) @if *both { " ⇄ " } @else { " → " } (to) ":" (label)
                            @match flow { Flow::Report => " (情報連絡)", Flow::Advisory => " (情報提供)", Flow::Uncertain => " (推定)", Flow::Other => "" }
                        }
                    }
                }
            }
            @if let Some(u) = d.uncertain { p { span class="uncertain" { "(不確か: " (u) ")" } } }
        }
    })
}

fn text_width(s: &str, size: f32) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.58 } else { 1.0 })
        .sum::<f32>()
        * size
}

/// The point where the ray from the centre of `n` towards (dx, dy) leaves its box.
fn exit(n: &Node, dx: f32, dy: f32) -> (f32, f32) {
    let (cx, cy) = (n.x + n.w / 2.0, n.y + n.h / 2.0);
    let (hw, hh) = (n.w / 2.0 + 4.0, n.h / 2.0 + 4.0);
    let tx = if dx.abs() > 1e-6 {
        hw / dx.abs()
    } else {
        f32::INFINITY
    };
    let ty = if dy.abs() > 1e-6 {
        hh / dy.abs()
    } else {
        f32::INFINITY
    };
    let t = tx.min(ty);
    (cx + dx * t, cy + dy * t)
}

fn svg(d: &Diagram) -> String {
    let id = d.id;
    let mut s = String::new();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-diagram\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\">",
        w = d.width,
        h = d.height
    ));
    s.push_str(&format!(
        "<title id=\"{title_id}\">{}</title>",
        escape(d.caption)
    ));
    s.push_str(&format!("<desc id=\"{desc_id}\">{}</desc>", escape(d.desc)));
    s.push_str("<defs>");
    for (name, class) in [
        ("report", "report"),
        ("advisory", "advisory"),
        ("other", "other"),
        ("uncertain", "uncertain"),
    ] {
        s.push_str(&format!(
            "<marker id=\"{id}-arrow-{name}\" class=\"arrow-{class}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>"
        ));
    }
    s.push_str("</defs>");
    // Boxes.
    for nd in &d.nodes {
        s.push_str(&format!(
            "<g class=\"node node-{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
            nd.class, nd.x, nd.y, nd.w, nd.h
        ));
        let lines = nd.label.len() as f32;
        let line_h = 17.0;
        let first = nd.y + nd.h / 2.0 - (lines - 1.0) * line_h / 2.0 + 5.0;
        for (i, l) in nd.label.iter().enumerate() {
            let size = if i == 0 { 15.0 } else { 12.5 };
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{size}\"{}>{}</text>",
                nd.x + nd.w / 2.0,
                first + i as f32 * line_h,
                if i == 0 { " font-weight=\"700\"" } else { "" },
                escape(l)
            ));
        }
        s.push_str("</g>");
    }
    // Arrows, then their labels on top.
    let mut labels = String::new();
    for ed in &d.edges {
        let (Some(a), Some(b)) = (
            d.nodes.iter().find(|n| n.id == ed.from),
            d.nodes.iter().find(|n| n.id == ed.to),
        ) else {
            continue;
        };
        let (ax, ay) = (a.x + a.w / 2.0, a.y + a.h / 2.0);
        let (bx, by) = (b.x + b.w / 2.0, b.y + b.h / 2.0);
        let (dx, dy) = (bx - ax, by - ay);
        let len = (dx * dx + dy * dy).sqrt().max(1e-3);
        let (ux, uy) = (dx / len, dy / len);
        // Perpendicular shift (left of the direction of travel).
        let (px, py) = (-uy * ed.offset, ux * ed.offset);
        let shifted = |n: &Node| Node {
            id: n.id,
            label: n.label,
            x: n.x + px,
            y: n.y + py,
            w: n.w,
            h: n.h,
            class: n.class,
        };
        let (sa, sb) = (shifted(a), shifted(b));
        let (x1, y1) = exit(&sa, ux, uy);
        let (x2, y2) = exit(&sb, -ux, -uy);
        let name = match ed.flow {
            Flow::Report => "report",
            Flow::Advisory => "advisory",
            Flow::Other => "other",
            Flow::Uncertain => "uncertain",
        };
        s.push_str(&format!(
            "<line class=\"edge edge-{name}\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" marker-end=\"url(#{id}-arrow-{name})\"{}/>",
            if ed.both { format!(" marker-start=\"url(#{id}-arrow-{name})\"") } else { String::new() }
        ));
        let size = 12.0;
        let w = text_width(ed.label, size) + 8.0;
        let (mut mx, mut my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
        if ed.offset != 0.0 {
            // One of a pair: its label goes outside, away from the other arrow.
            let (qx, qy) = (-uy * ed.offset.signum(), ux * ed.offset.signum());
            let half = qx.abs() * w / 2.0 + qy.abs() * 9.0 + 4.0;
            mx += qx * half;
            my += qy * half;
        }
        labels.push_str(&format!(
            "<g class=\"edge-label label-{name}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"18\" rx=\"3\"/><text x=\"{mx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{size}\">{}</text></g>",
            mx - w / 2.0,
            my - 9.0,
            my + 4.5,
            escape(ed.label)
        ));
    }
    s.push_str(&labels);
    // Legend.
    let ly = d.height - 14.0;
    s.push_str(&format!(
        "<g class=\"legend\" font-size=\"12\"><line class=\"edge edge-report\" x1=\"10\" y1=\"{ly}\" x2=\"40\" y2=\"{ly}\"/><text x=\"46\" y=\"{}\">情報連絡</text><line class=\"edge edge-advisory\" x1=\"110\" y1=\"{ly}\" x2=\"140\" y2=\"{ly}\"/><text x=\"146\" y=\"{}\">情報提供</text><line class=\"edge edge-other\" x1=\"210\" y1=\"{ly}\" x2=\"240\" y2=\"{ly}\"/><text x=\"246\" y=\"{}\">その他のやり取り</text></g>",
        ly + 4.0,
        ly + 4.0,
        ly + 4.0
    ));
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_is_accessible_and_lists_its_flows() {
        for id in FIGURES {
            let html = figure(id).unwrap().into_string();
            assert!(html.contains("role=\"img\""), "{id}");
            assert!(
                html.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")),
                "{id}"
            );
            assert!(html.contains("<figcaption>"), "{id}");
            assert!(html.contains("描き直した図"), "{id}");
            let d = diagram(id).unwrap();
            assert_eq!(html.matches("<li>").count(), d.edges.len(), "{id}");
            for e in &d.edges {
                assert!(
                    d.nodes.iter().any(|n| n.id == e.from) && d.nodes.iter().any(|n| n.id == e.to),
                    "{id}: {} → {}",
                    e.from,
                    e.to
                );
            }
        }
        assert!(figure("zu4").is_none());
    }
}
