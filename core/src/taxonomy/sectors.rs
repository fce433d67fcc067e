//! 表2 対象となる重要インフラ事業者等と重要システム例, and 表3 重要インフラサービスとサービス
//! 維持レベル, for the 15 [`Sector`]s.
//!
//! Both tables were flattened by the PDF extraction (表2's first rows worst). Each row was
//! rebuilt from the text around it; a row's `uncertain` note says what could not be rebuilt with
//! certainty, and is meant to be shown beside the row.
//!
//! The seed does not say which 所管省庁 is responsible for which sector: it only lists the
//! ministries ([`MINISTRIES`], from 用語の定義).

use super::{Note, Sector};

/// A sub-sector of 金融 (表2 and 表3 split 金融 into these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SubSector {
    /// Stable ASCII id.
    pub id: &'static str,
    /// The name as printed.
    pub label: &'static str,
}

/// 金融: 銀行等.
pub const BANKS: SubSector = SubSector {
    id: "banks",
    label: "銀行等",
};
/// 金融: 生命保険.
pub const LIFE_INSURANCE: SubSector = SubSector {
    id: "life_insurance",
    label: "生命保険",
};
/// 金融: 損害保険.
pub const NON_LIFE_INSURANCE: SubSector = SubSector {
    id: "non_life_insurance",
    label: "損害保険",
};
/// 金融: 証券.
pub const SECURITIES: SubSector = SubSector {
    id: "securities",
    label: "証券",
};
/// 金融: 資金決済.
pub const FUNDS_SETTLEMENT: SubSector = SubSector {
    id: "funds_settlement",
    label: "資金決済",
};

/// The sub-sectors of 金融, in the tables' order.
pub const FINANCE_SUB_SECTORS: [SubSector; 5] = [
    BANKS,
    LIFE_INSURANCE,
    NON_LIFE_INSURANCE,
    SECURITIES,
    FUNDS_SETTLEMENT,
];

/// 重要インフラ所管省庁 as 用語の定義 lists them. The seed does not map them to sectors.
pub const MINISTRIES: [&str; 5] = ["金融庁", "総務省", "厚生労働省", "経済産業省", "国土交通省"];

/// A row of 表2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table2Row {
    /// Stable ASCII id.
    pub id: &'static str,
    /// 重要インフラ分野.
    pub sector: Sector,
    /// The sub-sector (金融 only).
    pub sub_sector: Option<SubSector>,
    /// 対象となる重要インフラ事業者等(注1), one entry per bullet.
    pub operators: &'static [&'static str],
    /// 対象となる重要システム例(注2), one entry per bullet.
    pub key_systems: &'static [&'static str],
    /// What could not be rebuilt with certainty, if anything.
    pub uncertain: Option<&'static str>,
}

/// A row of 表3: one or more services with a shared reporting cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table3Row {
    /// Stable ASCII id.
    pub id: &'static str,
    /// 重要インフラ分野.
    pub sector: Sector,
    /// The sub-sector (金融 only).
    pub sub_sector: Option<SubSector>,
    /// 重要インフラサービス(手続を含む)(注1) — 呼称, one entry per bullet.
    pub services: &'static [&'static str],
    /// サービス(手続を含む)の説明(関連する法令), one entry per bullet.
    pub descriptions: &'static [&'static str],
    /// システムの不具合が引き起こす重要インフラサービス障害の例.
    pub failures: &'static [&'static str],
    /// 左記障害の報告に係る法令、ガイドライン等.
    pub reporting: &'static [&'static str],
    /// 【サービス維持レベル】(注2) items; empty where the row states none (注2 applies).
    pub service_levels: &'static [&'static str],
    /// What could not be rebuilt with certainty, if anything.
    pub uncertain: Option<&'static str>,
}

/// 表2's caption.
pub const TABLE2_TITLE: &str = "表2 対象となる重要インフラ事業者等と重要システム例";
/// 表2's column headings.
pub const TABLE2_HEADINGS: [&str; 3] = [
    "重要インフラ分野",
    "対象となる重要インフラ事業者等(注1)",
    "対象となる重要システム例(注2)",
];
/// 表2's notes.
pub const TABLE2_NOTES: [Note; 2] = [
    Note {
        id: "table2-note-1",
        mark: "注1",
        text: "ここに掲げているものは、重点的に対策を実施すべき重要インフラ事業者等であり、行動計画の見直しの際に、事業環境の変化及びITへの依存度の進展等を踏まえ、対象とするものの見直しを行う。",
    },
    Note { id: "table2-note-2", mark: "注2", text: "ここに掲げているものは、例であり全てではない。" },
];

/// 表3's caption.
pub const TABLE3_TITLE: &str = "表3 重要インフラサービスとサービス維持レベル";
/// 表3's column headings.
pub const TABLE3_HEADINGS: [&str; 5] = [
    "重要インフラ分野",
    "重要インフラサービス(手続を含む)(注1) 呼称",
    "サービス(手続を含む)の説明(関連する法令)",
    "システムの不具合が引き起こす重要インフラサービス障害の例",
    "左記障害の報告に係る法令、ガイドライン等(サービス維持レベル(注2))",
];
/// 表3's notes.
pub const TABLE3_NOTES: [Note; 2] = [
    Note { id: "table3-note-1", mark: "注1", text: "ITを全く利用していないサービスについては対象外。" },
    Note {
        id: "table3-note-2",
        mark: "注2",
        text: "重要インフラサービス障害に係る基準がない分野については、システムの不具合が引き起こす重要インフラサービス障害が生じないことをサービス維持レベルとみなしている。",
    },
];

const NONE: &[&str] = &[];

/// 表2, in the table's order (金融 as five rows).
pub static TABLE2: [Table2Row; 19] = [
    Table2Row {
        id: "telecom",
        sector: Sector::Telecom,
        sub_sector: None,
        operators: &["主要な電気通信事業者", "主要な地上基幹放送事業者"],
        key_systems: &["オペレーションサポートシステム"],
        uncertain: Some("表3はケーブルテレビを挙げるが、表2の抽出にはケーブルテレビ事業者に当たる事業者も、オペレーションサポートシステム以外の重要システムも見当たらない。欄の全体が抽出できているか確認できない。"),
    },
    Table2Row {
        id: "finance-banks",
        sector: Sector::Finance,
        sub_sector: Some(BANKS),
        operators: &["銀行、信用金庫、信用組合、労働金庫、農業協同組合等", "資金清算機関", "電子債権記録機関"],
        key_systems: &[
            "勘定系システム",
            "資金証券系システム",
            "国際系システム",
            "対外接続系システム",
            "金融機関相互ネットワークシステム",
            "電子債権記録機関システム",
        ],
        uncertain: Some("金融の行は抽出で一続きになっており(事業者9項目・システム10項目)、部門(銀行等/生命保険/損害保険/証券/資金決済)への振り分けは表3の部門と名称から推定した。"),
    },
    Table2Row {
        id: "finance-life-insurance",
        sector: Sector::Finance,
        sub_sector: Some(LIFE_INSURANCE),
        operators: &["生命保険"],
        key_systems: &["保険業務システム"],
        uncertain: Some("事業者欄は抽出では「・生命保険」とのみ読め、語尾(「会社」等)が欠落している可能性がある。「保険業務システム」は抽出に1回しか現れず、生命保険・損害保険のどちら(又は両方)の欄かは確認できない。"),
    },
    Table2Row {
        id: "finance-non-life-insurance",
        sector: Sector::Finance,
        sub_sector: Some(NON_LIFE_INSURANCE),
        operators: &["損害保険"],
        key_systems: &["保険業務システム"],
        uncertain: Some("事業者欄は抽出では「・損害保険」とのみ読め、語尾(「会社」等)が欠落している可能性がある。「保険業務システム」は抽出に1回しか現れず、生命保険・損害保険のどちら(又は両方)の欄かは確認できない。"),
    },
    Table2Row {
        id: "finance-securities",
        sector: Sector::Finance,
        sub_sector: Some(SECURITIES),
        operators: &["証券会社", "金融商品取引所", "振替機関"],
        key_systems: &["証券取引システム", "取引所システム"],
        uncertain: Some("抽出では「取引所システム」が2回続けて現れる。2つ目は別のシステム名(振替機関等のもの)の誤抽出の可能性があり、確認できない。表3の金融商品債務引受業に対応する事業者も抽出に見当たらない。"),
    },
    Table2Row {
        id: "finance-funds-settlement",
        sector: Sector::Finance,
        sub_sector: Some(FUNDS_SETTLEMENT),
        operators: &["主要な資金移動業者"],
        key_systems: NONE,
        uncertain: Some("資金決済の重要システム例は抽出に現れない。表3の第三者型前払式支払手段の発行に対応する事業者も抽出に見当たらない。"),
    },
    Table2Row {
        id: "aviation",
        sector: Sector::Aviation,
        sub_sector: None,
        operators: &["主たる定期航空運送事業者"],
        key_systems: &["運航システム", "予約・搭乗システム", "整備システム", "貨物システム"],
        uncertain: None,
    },
    Table2Row {
        id: "airport",
        sector: Sector::Airport,
        sub_sector: None,
        operators: &["主要な空港・空港ビル事業者"],
        key_systems: &["フライトインフォメーションシステム", "バゲージハンドリングシステム"],
        uncertain: None,
    },
    Table2Row {
        id: "railway",
        sector: Sector::Railway,
        sub_sector: None,
        operators: &["JR各社及び大手民間鉄道事業者等の主要な鉄道事業者"],
        key_systems: &["列車運行管理システム", "電力管理システム", "座席予約システム"],
        uncertain: None,
    },
    Table2Row {
        id: "electricity",
        sector: Sector::Electricity,
        sub_sector: None,
        operators: NONE,
        key_systems: &["電力制御システム", "スマートメーターシステム"],
        uncertain: Some("電力の事業者欄は抽出から欠落しており再構成できない。重要システムは抽出の並び(電力制御システム、プラント制御システム、…、スマートメーターシステム、遠隔監視・制御システム)から振り分けたが、抽出の別の箇所ではスマートメーターシステムがガスの行に現れ、確認できない。"),
    },
    Table2Row {
        id: "gas",
        sector: Sector::Gas,
        sub_sector: None,
        operators: &["主要なガス事業者"],
        key_systems: &["プラント制御システム", "遠隔監視・制御システム"],
        uncertain: Some("重要システムは抽出の並びから振り分けた。抽出の別の箇所ではガスの行にスマートメーターシステムが現れ、遠隔監視・制御システムが政府・行政サービスの行に現れるため、確認できない。"),
    },
    Table2Row {
        id: "government",
        sector: Sector::Government,
        sub_sector: None,
        operators: &["地方公共団体"],
        key_systems: &["地方公共団体の情報システム"],
        uncertain: None,
    },
    Table2Row {
        id: "medical",
        sector: Sector::Medical,
        sub_sector: None,
        operators: &["医療機関(ただし、小規模なものを除く。)"],
        key_systems: &["診療業務支援システム", "地域医療支援システム"],
        uncertain: None,
    },
    Table2Row {
        id: "water",
        sector: Sector::Water,
        sub_sector: None,
        operators: &["水道事業者及び水道用水供給事業者(ただし、小規模なものを除く。)"],
        key_systems: &["水道施設や水道水の監視システム", "水道施設の制御システム"],
        uncertain: Some("抽出の一部では「水道施設の制御システム」の後にも「(ただし、小規模なものを除く。)」が現れ、この但し書きが事業者欄のみに係るか重要システム欄にも係るか判別できない。"),
    },
    Table2Row {
        id: "logistics",
        sector: Sector::Logistics,
        sub_sector: None,
        operators: &["大手物流事業者"],
        key_systems: &["集配管理システム", "貨物追跡システム", "倉庫管理システム"],
        uncertain: Some("抽出の一箇所では「大手物流事業者」の後に「(ただし、小規模なものを除く。)」が現れるが、他の箇所にはなく、水道の行の但し書きの混入と判断した。"),
    },
    Table2Row {
        id: "chemical",
        sector: Sector::Chemical,
        sub_sector: None,
        operators: &["主要な石油化学事業者"],
        key_systems: &["プラント制御システム"],
        uncertain: None,
    },
    Table2Row {
        id: "credit",
        sector: Sector::Credit,
        sub_sector: None,
        operators: &["主要なクレジットカード会社", "主要な決済代行業者", "指定信用情報機関 等"],
        key_systems: &[
            "クレジット(包括信用購入あつせん及び二月払購入あつせん)に係る決済システム",
            "信用情報提供・収集システム",
        ],
        uncertain: None,
    },
    Table2Row {
        id: "petroleum",
        sector: Sector::Petroleum,
        sub_sector: None,
        operators: &["主要な石油精製・元売事業者"],
        key_systems: &["受発注システム", "生産管理システム", "生産出荷システム"],
        uncertain: None,
    },
    Table2Row {
        id: "port",
        sector: Sector::Port,
        sub_sector: None,
        operators: &["主要な港湾運送事業者・港湾管理者等"],
        key_systems: &["ターミナルオペレーションシステム(TOS)"],
        uncertain: Some("抽出では「・主要な港湾運送事業者・港湾管理者等」と読め、2つ目の「・」が中黒か箇条の記号(「主要な港湾運送事業者」と「港湾管理者等」の2項目)か判別できない。"),
    },
];

const FSA_SUPERVISION_CLEARING: &str = "清算・振替機関等向けの総合的な監督指針";
const INSURANCE_SUPERVISION: &str = "保険会社向けの総合的な監督指針";

/// 表3, in the table's order.
pub static TABLE3: [Table3Row; 27] = [
    Table3Row {
        id: "telecom-service",
        sector: Sector::Telecom,
        sub_sector: None,
        services: &["電気通信役務"],
        descriptions: &["電気通信設備を用いて他人の通信を媒介し、その他電気通信設備を他人の通信の用に供すること(電気通信事業法第2条)"],
        failures: &["電気通信サービスの停止", "電気通信サービスの安全・安定供給に対する支障"],
        reporting: &["電気通信事業法(業務停止等の報告)第28条", "電気通信事業法施行規則(報告を要する重大な事故)第58条"],
        service_levels: &["電気通信設備の故障により、役務提供の停止・品質の低下が、3万以上の利用者に対し2時間以上継続する事故が生じないこと"],
        uncertain: None,
    },
    Table3Row {
        id: "telecom-broadcast",
        sector: Sector::Telecom,
        sub_sector: None,
        services: &["放送"],
        descriptions: &["公衆によって直接受信されることを目的とする電気通信の送信(放送法第2条)"],
        failures: &["放送サービスの停止"],
        reporting: &["放送法(重大事故の報告)第113条、第122条", "放送法施行規則(報告を要する重大な事故)第125条"],
        service_levels: &[
            "基幹放送設備の故障により、放送の停止が15分以上継続する事故が生じないこと",
            "特定地上基幹放送局等設備及び基幹放送局設備の故障により、放送の停止が15分以上(中継局の無線設備にあっては、2時間以上)継続する事故が生じないこと",
        ],
        uncertain: None,
    },
    Table3Row {
        id: "telecom-cable-tv",
        sector: Sector::Telecom,
        sub_sector: None,
        services: &["ケーブルテレビ"],
        descriptions: &["公衆によって直接受信されることを目的とする電気通信の送信(放送法第2条)"],
        failures: &["放送サービスの停止"],
        reporting: &["放送法(重大事故の報告)第137条", "放送法施行規則(報告を要する重大な事故)第157条"],
        service_levels: &["有線一般放送の業務に用いられる電気通信設備の故障により、放送の停止を受けた利用者の数が3万以上、かつ、停止時間が2時間以上の事故が生じないこと"],
        uncertain: None,
    },
    Table3Row {
        id: "finance-banks-deposits",
        sector: Sector::Finance,
        sub_sector: Some(BANKS),
        services: &["預金", "貸付", "為替"],
        descriptions: &[
            "預金又は定期積金等の受入れ(銀行法第10条第1項第1号)",
            "資金の貸付け又は手形の割引(銀行法第10条第1項第2号)",
            "為替取引(銀行法第10条第1項第3号)",
        ],
        failures: &["預金の払戻しの遅延・停止", "融資業務の遅延・停止", "振込等資金移動の遅延・停止"],
        reporting: &[
            "主要行等向けの総合的な監督指針",
            "中小・地域金融機関向けの総合的な監督指針",
            "系統金融機関向けの総合的な監督指針",
        ],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-banks-clearing",
        sector: Sector::Finance,
        sub_sector: Some(BANKS),
        services: &["資金清算"],
        descriptions: &["資金清算(資金決済に関する法律第2条第10項)"],
        failures: &["資金清算の遅延・停止"],
        reporting: &[FSA_SUPERVISION_CLEARING],
        service_levels: NONE,
        uncertain: Some("ページ境界の後の行で部門欄が空欄のため、銀行等に属するものと推定した(表2の銀行等に資金清算機関が挙がる)。"),
    },
    Table3Row {
        id: "finance-banks-electronic-records",
        sector: Sector::Finance,
        sub_sector: Some(BANKS),
        services: &["電子記録等"],
        descriptions: &["電子記録(電子記録債権法第56条)", "資金決済に関する情報提供(電子記録債権法第62条及び第63条)"],
        failures: &["電子記録、資金決済に関する情報提供の遅延・停止"],
        reporting: &["事務ガイドライン第三分冊:金融会社関係(12電子債権記録機関関係)"],
        service_levels: NONE,
        uncertain: Some("ページ境界の後の行で部門欄が空欄のため、銀行等に属するものと推定した(表2の銀行等に電子債権記録機関が挙がる)。"),
    },
    Table3Row {
        id: "finance-life-insurance",
        sector: Sector::Finance,
        sub_sector: Some(LIFE_INSURANCE),
        services: &["保険金等の支払"],
        descriptions: &[
            "保険金等の支払請求の受付(保険業法第97条第1項)",
            "保険金等の支払審査(保険業法第97条第1項)",
            "保険金等の支払(保険業法第97条第1項)",
        ],
        failures: &["保険金等の支払の遅延・停止"],
        reporting: &[INSURANCE_SUPERVISION],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-non-life-insurance",
        sector: Sector::Finance,
        sub_sector: Some(NON_LIFE_INSURANCE),
        services: &["保険金等の支払"],
        descriptions: &[
            "事故受付(保険業法第97条第1項)",
            "損害調査等(保険業法第97条第1項)",
            "保険金等の支払(保険業法第97条第1項)",
        ],
        failures: &["保険金等の支払の遅延・停止"],
        reporting: &[INSURANCE_SUPERVISION],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-securities-trading",
        sector: Sector::Finance,
        sub_sector: Some(SECURITIES),
        services: &[
            "有価証券の売買等",
            "有価証券の売買等の取引の媒介、取次ぎ又は代理",
            "有価証券等清算取次ぎ",
        ],
        descriptions: &[
            "有価証券の売買、市場デリバティブ取引又は外国市場デリバティブ取引(金融商品取引法第2条第8項第1号)",
            "有価証券の売買、市場デリバティブ取引又は外国市場デリバティブ取引の媒介、取次ぎ又は代理(金融商品取引法第2条第8項第2号)",
            "有価証券等清算取次ぎ(金融商品取引法第2条第8項第5号)",
        ],
        failures: &["有価証券売買等の遅延・停止"],
        reporting: &["金融商品取引業者等向けの総合的な監督指針"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-securities-market",
        sector: Sector::Finance,
        sub_sector: Some(SECURITIES),
        services: &["金融商品市場の開設"],
        descriptions: &["有価証券の売買又は市場デリバティブ取引を行うための市場施設の提供、その他取引所金融商品市場の開設に係る業務(金融商品取引法第2条第14項及び第16項、第80条並びに第84条)"],
        failures: &["有価証券の売買、市場デリバティブ取引等の遅延・停止"],
        reporting: &["金融商品取引所等に関する内閣府令第112条"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-securities-book-entry",
        sector: Sector::Finance,
        sub_sector: Some(SECURITIES),
        services: &["振替業"],
        descriptions: &["社債等の振替に関する業務(社債、株式等の振替に関する法律第8条)"],
        failures: &["社債・株式等の振替等の遅延・停止"],
        reporting: &[
            "社債、株式等の振替に関する法律(事故の報告)第19条",
            "一般振替機関の監督に関する命令(事故)第17条",
            FSA_SUPERVISION_CLEARING,
        ],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-securities-clearing",
        sector: Sector::Finance,
        sub_sector: Some(SECURITIES),
        services: &["金融商品債務引受業"],
        descriptions: &["有価証券の売買等対象取引に基づく債務の引受、更改等により負担する業務(金融商品取引法第2条第28項)"],
        failures: &["金融商品取引の清算等の遅延・停止"],
        reporting: &[
            "金融商品取引法(金融商品取引業者の業務等に関する書類の作成、保存及び報告の義務)第188条",
            "金融商品取引清算機関等に関する内閣府令(金融商品取引清算機関の業務に関する提出書類)第48条",
            FSA_SUPERVISION_CLEARING,
        ],
        service_levels: NONE,
        uncertain: Some("ページ境界の後の行で部門欄が空欄のため、証券に属するものと推定した。"),
    },
    Table3Row {
        id: "finance-funds-transfer",
        sector: Sector::Finance,
        sub_sector: Some(FUNDS_SETTLEMENT),
        services: &["資金移動業"],
        descriptions: &["為替取引(資金決済に関する法律第2条第2項)"],
        failures: &["決済サービスの遅延・停止", "振込等資金移動の遅延・停止"],
        reporting: &["事務ガイドライン第三分冊:金融会社関係(14資金移動業者関係)"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "finance-prepaid",
        sector: Sector::Finance,
        sub_sector: Some(FUNDS_SETTLEMENT),
        services: &["第三者型前払式支払手段の発行"],
        descriptions: &["第三者型前払式支払手段の発行(資金決済に関する法律第3条第1項及び第5項)"],
        failures: &["決済サービスの遅延・停止"],
        reporting: &["事務ガイドライン第三分冊:金融会社関係(5前払式支払手段発行者関係)"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "aviation",
        sector: Sector::Aviation,
        sub_sector: None,
        services: &["…乗・搭載手続", "運航整備", "飛行計画作成"],
        descriptions: &[
            "他人の需要に応じ、航空機を使用して有償で旅客又は貨物を運送する事業(航空法第2条)",
            "航空旅客の予約、航空貨物の予約",
            "航空券の発券、料金徴収",
            "航空旅客のチェックイン・搭乗、航空貨物の搭載",
            "航空機の点検・整備",
            "飛行計画の作成、航空局への提出",
        ],
        failures: &["航空機の安全運航に対する支障", "運航の遅延・欠航"],
        reporting: &["航空分野における情報セキュリティ確保に係る安全ガイドライン"],
        service_levels: NONE,
        uncertain: Some("呼称欄の前半は抽出から欠落し、末尾の「…乗・搭載手続」のみ判読できる。説明欄から、航空運送事業と予約・発券・搭乗・搭載の手続に当たる呼称があったと考えられるが、文言は確認できない。運航整備・飛行計画作成の行の障害の例と報告欄は空欄で抽出されており、上の行と共通(結合セル)と判断した。"),
    },
    Table3Row {
        id: "airport",
        sector: Sector::Airport,
        sub_sector: None,
        services: &["空港におけるセキュリティの確保", "空港における利便性の向上"],
        descriptions: &[
            "警戒警備等による空港のセキュリティ確保",
            "空港利用者等への正確・迅速な情報提供",
            "航空機への受託手荷物の検査及び搬送",
        ],
        failures: &[
            "警戒警備等に支障が発生することによる空港のセキュリティの低下",
            "情報提供等に支障が発生することによる利便性の低下",
            "航空機への受託手荷物の検査及び搬送の遅延・停止",
        ],
        reporting: &["空港分野における情報セキュリティ確保に係る安全ガイドライン"],
        service_levels: NONE,
        uncertain: Some("抽出では1つ目の呼称が「…ュリティの確保」、報告欄が「…係る安全ガイドライン」と先頭を欠く。呼称は2つ目の呼称と説明欄から、報告欄は図4-1の手続一覧から再構成した。"),
    },
    Table3Row {
        id: "railway",
        sector: Sector::Railway,
        sub_sector: None,
        services: &["旅客輸送サービス", "発券、入出場手続"],
        descriptions: &[
            "他人の需要に応じ、鉄道による旅客又は貨物の運送を行う事業(鉄道事業法第2条)",
            "座席の予約、乗車券の販売、入出場の際の乗車券等の確認",
        ],
        failures: &["列車運行の遅延・運休", "列車の安全安定輸送に対する支障"],
        reporting: &[
            "鉄道事業法(事故等の報告)第19条、第19条の2",
            "鉄道事故等報告規則(鉄道運転事故等の報告)第5条",
            "鉄道分野における情報セキュリティ確保に係る安全ガイドライン",
        ],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "electricity",
        sector: Sector::Electricity,
        sub_sector: None,
        services: &["一般送配電事業", "発電事業(一定規模を超える発電事業)"],
        descriptions: &[
            "供給区域において託送供給及び発電量調整供給を行う事業(電気事業法第2条第1項第8号)",
            "小売電気事業、一般送配電事業又は特定送配電事業の用に供するための電気を発電する事業(電気事業法第2条第1項第14号)",
        ],
        failures: &["電力供給の停止", "電力プラントの安全運用に対する支障"],
        reporting: &["電気関係報告規則(事故報告)第3条"],
        service_levels: &["システムの不具合により、供給支障電力が10万キロワット以上で、その支障時間が10分以上の供給支障事故が生じないこと"],
        uncertain: None,
    },
    Table3Row {
        id: "gas",
        sector: Sector::Gas,
        sub_sector: None,
        services: &["一般ガス導管事業", "ガス製造事業"],
        descriptions: &[
            "自らが維持し、及び運用する導管によりその供給区域において託送供給を行う事業(ガス事業法第2条第47項)",
            "自らが維持し、及び運用する液化ガス貯蔵設備等を用いてガスを製造する事業であつて、その事業の用に供する液化ガス貯蔵設備が経済産業省令で定める要件に該当するもの(ガス事業法第2条第9項)",
        ],
        failures: &["ガスの供給の停止", "ガスプラントの安全運用に対する支障"],
        reporting: &["ガス関係報告規則第4条"],
        service_levels: &["システムの不具合により、供給支障戸数が30以上の供給支障事故が生じないこと"],
        uncertain: Some("一般ガス導管事業の根拠「ガス事業法第2条第47項」は抽出のまま記載した。項番号が抽出で崩れている可能性があり、確認できない。"),
    },
    Table3Row {
        id: "government",
        sector: Sector::Government,
        sub_sector: None,
        services: &["地方公共団体の行政サービス"],
        descriptions: &["地域における事務、その他の事務で法律又はこれに基づく政令により処理することとされるもの(地方自治法第2条第2項)"],
        failures: &["政府・行政サービスに対する支障", "住民等の権利利益保護に対する支障"],
        reporting: &["地方公共団体における情報セキュリティポリシーに関するガイドライン"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "medical",
        sector: Sector::Medical,
        sub_sector: None,
        services: &["診療"],
        descriptions: &["診察や治療等の行為"],
        failures: &["診療支援部門における業務への支障", "生命に危機を及ぼす医療機器の誤作動"],
        reporting: &["医療情報システムの安全管理に関するガイドライン"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "water",
        sector: Sector::Water,
        sub_sector: None,
        services: &["水道による水の供給"],
        descriptions: &["一般の需要に応じ、導管及びその他工作物により飲用水を供給する事業(水道法第3条及び第15条)"],
        failures: &["水道による水の供給の停止", "不適当な水質の水の供給"],
        reporting: &[
            "「健康危機管理の適正な実施並びに水道施設への被害情報及び水質事故等に関する情報の提供について」(平成25年10月25日付け厚生労働省健康局水道課長通知)",
            "水道分野における情報セキュリティガイドライン",
        ],
        service_levels: NONE,
        uncertain: Some("通知名の開き鉤括弧「「」は抽出で欠落しており補った。"),
    },
    Table3Row {
        id: "logistics",
        sector: Sector::Logistics,
        sub_sector: None,
        services: &["貨物自動車運送事業", "船舶運航事業", "倉庫業"],
        descriptions: &[
            "他人の需要に応じ、有償で、自動車を使用して貨物を運送する事業(貨物自動車運送事業法第2条)",
            "船舶により物の運送をする事業(海上運送法第2条)",
            "寄託を受けた物品の倉庫における保管を行う事業(倉庫業法第2条)",
        ],
        failures: &["輸送の遅延・停止", "貨物の所在追跡困難"],
        reporting: &["物流分野における情報セキュリティ確保に係る安全ガイドライン"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "chemical",
        sector: Sector::Chemical,
        sub_sector: None,
        services: &["石油化学工業"],
        descriptions: &["石油化学製品の製造、加工及び売買"],
        failures: &["プラントの停止", "長期にわたる製品供給の停止"],
        reporting: &["石油化学分野における情報セキュリティ確保に係る安全基準"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "credit",
        sector: Sector::Credit,
        sub_sector: None,
        services: &["クレジットサービス"],
        descriptions: &[
            "クレジット(包括信用購入あつせん及び二月払購入あつせん)に係る決済サービス(割賦販売法第2条第3項及び第35条の16第2項)",
            "特定信用情報提供業務(割賦販売法第35条の3の36)",
        ],
        failures: &["クレジットサービスの遅延・停止", "カード情報又は信用情報の大規模漏えい"],
        reporting: &[
            "割賦販売法(後払分野)に基づく監督の基本方針",
            "クレジットCEPTOARにおける情報セキュリティガイドライン",
        ],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "petroleum",
        sector: Sector::Petroleum,
        sub_sector: None,
        services: &["石油の供給"],
        descriptions: &["石油の輸入、精製、物流、販売"],
        failures: &["石油の供給の停止", "製油所の安全運転に対する支障"],
        reporting: &["石油分野における情報セキュリティ確保に係る安全ガイドライン"],
        service_levels: NONE,
        uncertain: None,
    },
    Table3Row {
        id: "port",
        sector: Sector::Port,
        sub_sector: None,
        services: &["TOSによるターミナルオペレーション"],
        descriptions: &["陸上輸送によるコンテナ貨物の搬入・搬出、コンテナターミナル内におけるコンテナ貨物の一時保管、海上輸送のための船舶へのコンテナ貨物の積卸し"],
        failures: &["荷捌きの効率低下、停止によるコンテナ貨物の搬入・搬出の停滞、停止"],
        reporting: &["港湾分野における情報セキュリティ確保に係る安全ガイドライン"],
        service_levels: NONE,
        uncertain: None,
    },
];

impl Sector {
    /// This sector's rows of 表2 (several for 金融).
    pub fn table2_rows(self) -> impl Iterator<Item = &'static Table2Row> {
        TABLE2.iter().filter(move |r| r.sector == self)
    }

    /// This sector's rows of 表3.
    pub fn table3_rows(self) -> impl Iterator<Item = &'static Table3Row> {
        TABLE3.iter().filter(move |r| r.sector == self)
    }

    /// The sub-sectors the tables split this sector into (金融 only).
    pub fn sub_sectors(self) -> &'static [SubSector] {
        match self {
            Sector::Finance => &FINANCE_SUB_SECTORS,
            _ => &[],
        }
    }

    /// The sector's name as 用語の定義 (重要インフラ分野) and the handbook's introduction spell
    /// it, where it differs from the form's label: 「政府・行政サービス(地方公共団体を含む)」.
    pub fn full_name(self) -> &'static str {
        match self {
            Sector::Government => "政府・行政サービス(地方公共団体を含む)",
            other => super::Choice::label(other),
        }
    }
}
