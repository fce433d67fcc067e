//! 記載の手引き (1) 本様式の対象となる手続 of the two common forms: the procedures, laws and
//! guidelines a report on DDoS攻撃事案共通様式 (図4-1, 33 items) or ランサムウェア事案共通様式
//! (図4-2, 36 items: three leak reports, then the same 33) may serve. Each item is typed once;
//! both lists are built from the same constants.

/// How an item is printed in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LawKind {
    /// A top-level 〇 item: a leak report under 個人情報保護法 or 番号法 (ransomware only).
    LeakReport,
    /// A ・ item under 〇「次に掲げる法令、ガイドライン等に基づく報告…」 ([`SECTOR_REPORTS_HEADING`]).
    SectorReport,
    /// A top-level 〇 item after the sector reports (警察への相談, 所管省庁からの要請).
    Other,
}

/// One procedure, law or guideline of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Law {
    /// Stable ASCII id.
    pub id: &'static str,
    /// The item as printed (without its 〇 or ・).
    pub text: &'static str,
    /// How it is printed.
    pub kind: LawKind,
}

/// DDoS form's sentence before the list.
pub const DDOS_INTRO: &str = "次に掲げる手続のうち、DDoS攻撃により生じ、又は生じたおそれがある被害について、事業者等が希望する場合に利用することができる。";

/// Ransomware form's sentence before the list. Only its end 「…が希望する場合に利用することが
/// できる。」 survives the extraction: see [`RANSOMWARE_INTRO_UNCERTAIN`].
pub const RANSOMWARE_INTRO: &str = "次に掲げる手続のうち、ランサムウェアにより生じ、又は生じたおそれがある被害について、事業者等が希望する場合に利用することができる。";

/// What is uncertain in [`RANSOMWARE_INTRO`].
pub const RANSOMWARE_INTRO_UNCERTAIN: &str = "図4-2の抽出では冒頭が欠落し「が希望する場合に利用することができる。」のみ判読できる。図4-1の同じ文から「ランサムウェアにより」として再構成したが、原文の語は確認できない。";

/// The 〇 heading that introduces the sector reports ([`LawKind::SectorReport`]).
pub const SECTOR_REPORTS_HEADING: &str = "次に掲げる法令、ガイドライン等に基づく報告(重要インフラのサイバーセキュリティに係る行動計画において、重要インフラ分野として指定されている分野に係る報告。具体的な提出先や提出方法、追加的な報告事項の有無については、各法令、ガイドラインや、各省庁が公表する方法に従うこと。)";

const fn leak(id: &'static str, text: &'static str) -> Law {
    Law {
        id,
        text,
        kind: LawKind::LeakReport,
    }
}
const fn sector(id: &'static str, text: &'static str) -> Law {
    Law {
        id,
        text,
        kind: LawKind::SectorReport,
    }
}
const fn other(id: &'static str, text: &'static str) -> Law {
    Law {
        id,
        text,
        kind: LawKind::Other,
    }
}

/// 個人情報の保護に関する法律第26条第1項 (→ 別紙1).
pub const APPI_26: Law = leak(
    "appi-26-1",
    "個人情報の保護に関する法律第26条第1項の規定による漏えい等報告",
);
/// 個人情報の保護に関する法律第68条第1項 (→ 別紙2).
pub const APPI_68: Law = leak(
    "appi-68-1",
    "個人情報の保護に関する法律第68条第1項の規定による漏えい等報告",
);
/// 番号法 第29条の4第1項 (→ 別紙3).
pub const MY_NUMBER_29_4: Law = leak("my-number-29-4-1", "行政手続における特定の個人を識別するための番号の利用等に関する法律第29条の4第1項の規定による漏えい等報告");

const LEAK: [Law; 3] = [APPI_26, APPI_68, MY_NUMBER_29_4];

const COMMON: [Law; 33] = [
    sector(
        "telecom-business-act-28",
        "電気通信事業法(業務停止等の報告)第28条",
    ),
    sector(
        "broadcast-act-113-122-137",
        "放送法(重大事故の報告)第113条、第122条、第137条",
    ),
    sector("fsa-major-banks", "主要行等向けの総合的な監督指針"),
    sector(
        "fsa-regional-banks",
        "中小・地域金融機関向けの総合的な監督指針",
    ),
    sector(
        "fsa-cooperative-banks",
        "系統金融機関向けの総合的な監督指針",
    ),
    sector(
        "fsa-clearing-transfer",
        "清算・振替機関等向けの総合的な監督指針",
    ),
    sector(
        "fsa-guideline-3-12",
        "事務ガイドライン第三分冊:金融会社関係(12電子債権記録機関関係)",
    ),
    sector("fsa-insurance", "保険会社向けの総合的な監督指針"),
    sector("fsa-fibo", "金融商品取引業者等向けの総合的な監督指針"),
    sector(
        "exchange-ordinance-112",
        "金融商品取引所等に関する内閣府令第112条",
    ),
    sector(
        "book-entry-act-19",
        "社債、株式等の振替に関する法律(事故の報告)第19条",
    ),
    sector(
        "book-entry-order-17",
        "一般振替機関の監督に関する命令(事故)第17条",
    ),
    sector(
        "fiea-188",
        "金融商品取引法(金融商品取引業者の業務等に関する書類の作成、保存及び報告の義務)第188条",
    ),
    sector(
        "clearing-ordinance-48",
        "金融商品取引清算機関等に関する内閣府令(金融商品取引清算機関の業務に関する提出書類)第48条",
    ),
    sector(
        "fsa-guideline-3-14",
        "事務ガイドライン第三分冊:金融会社関係(14資金移動業者関係)",
    ),
    sector(
        "fsa-guideline-3-5",
        "事務ガイドライン第三分冊:金融会社関係(5前払式支払手段発行者関係)",
    ),
    sector(
        "aviation-guideline",
        "航空分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector(
        "airport-guideline",
        "空港分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector(
        "railway-guideline",
        "鉄道分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector(
        "electricity-report-rules-3",
        "電気関係報告規則第3条、第3条の2",
    ),
    sector("gas-report-rules-4", "ガス関係報告規則第4条"),
    sector(
        "local-government-policy-guideline",
        "地方公共団体における情報セキュリティポリシーに関するガイドライン",
    ),
    sector(
        "medical-information-guideline",
        "医療情報システムの安全管理に関するガイドライン",
    ),
    sector(
        "water-guideline",
        "水道分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector(
        "logistics-guideline",
        "物流分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector(
        "petrochemical-guideline",
        "石油化学分野におけるサイバーセキュリティガイドライン",
    ),
    sector(
        "installment-sales-supervision",
        "割賦販売法(後払分野)に基づく監督の基本方針",
    ),
    sector(
        "credit-ceptoar-guideline",
        "クレジットCEPTOARにおける情報セキュリティガイドライン",
    ),
    sector(
        "petroleum-guideline",
        "石油分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector(
        "port-guideline",
        "港湾分野における情報セキュリティ確保に係る安全ガイドライン",
    ),
    sector("port-transport-act-33", "港湾運送事業法第33条"),
    other("police", "警察への相談"),
    other(
        "ministry-request",
        "その他所管省庁から本様式により報告を行うよう要請等があった場合",
    ),
];

const fn concat<const A: usize, const B: usize, const N: usize>(
    a: [Law; A],
    b: [Law; B],
) -> [Law; N] {
    assert!(A + B == N);
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < B {
        out[A + j] = b[j];
        j += 1;
    }
    out
}

static DDOS: [Law; 33] = COMMON;
static RANSOMWARE: [Law; 36] = concat(LEAK, COMMON);

/// The 33 items of DDoS攻撃事案共通様式 (図4-1), in the form's order.
pub fn ddos_laws() -> &'static [Law] {
    &DDOS
}

/// The 36 items of ランサムウェア事案共通様式 (図4-2), in the form's order: the three leak
/// reports, then the same items as [`ddos_laws`].
pub fn ransomware_laws() -> &'static [Law] {
    &RANSOMWARE
}

/// The item with this id, from either list.
pub fn law(id: &str) -> Option<&'static Law> {
    RANSOMWARE.iter().find(|l| l.id == id)
}
