//! 用語の定義 (V. 2.): the handbook's 33 terms, in the handbook's order.

/// A term of 用語の定義.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Stable ASCII slug.
    pub id: &'static str,
    /// The term as printed.
    pub term: &'static str,
    /// Its reading, where the handbook gives one.
    pub reading: Option<&'static str>,
    /// The definition as printed.
    pub definition: &'static str,
}

const fn t(id: &'static str, term: &'static str, definition: &'static str) -> Term {
    Term {
        id,
        term,
        reading: None,
        definition,
    }
}

/// All 33 terms, in the handbook's order.
pub static TERMS: [Term; 33] = [
    t("ciso", "CISO", "Chief Information Security Officerの略。最高情報セキュリティ責任者。企業や行政機関等において情報システムやネットワークの情報セキュリティ、機密情報や個人情報の管理等を統括する責任者のこと。"),
    Term {
        id: "csirt",
        term: "CSIRT",
        reading: Some("シーサート"),
        definition: "Computer Security Incident Response Teamの略(シーサート)。企業や行政機関等において、情報システム等にセキュリティ上の問題が発生していないか監視するとともに、万が一問題が発生した場合にその原因解析や影響範囲の調査等を行う体制のこと。",
    },
    t("it-bcp", "IT-BCP等", "重要インフラサービスの提供に必要な情報システムに関する事業継続計画(関連マニュアル類を含む。)その他の事業継続計画。"),
    t("safety-standards", "安全基準等", "関係法令に基づき国が定める「強制基準」、関係法令に準じて国が定める「推奨基準」及び「ガイドライン」、関係法令や国民からの期待に応えるべく業界団体等が定める業界横断的な「業界標準」及び「ガイドライン」、関係法令や国民・利用者等からの期待に応えるべく重要インフラ事業者等が自ら定める「内規」等の総称。ただし、安全基準等策定指針は含まない。"),
    t("safety-standards-guideline", "安全基準等策定指針", "安全基準等の策定・改定に資することを目的として、サイバーセキュリティの確保において、必要度が高いと考えられる項目及び先導的な取組として参考とすることが望ましい項目を、横断的に重要インフラ分野を俯瞰して収録したもの。サイバーセキュリティ戦略本部決定による。"),
    t("stakeholders", "関係主体", "内閣官房、重要インフラ所管省庁、サイバーセキュリティ関係省庁、事案対処省庁、防災関係府省庁、重要インフラ事業者等、セプター及びセプター事務局、セプターカウンシル、サイバーセキュリティ関係機関並びにサイバー空間関連事業者。"),
    t("contingency-plan", "コンティンジェンシープラン", "重要インフラ事業者等が重要インフラサービス障害の発生又はそのおそれがあることを認識した後に経営層や職員等が行うべき初動対応(緊急時対応)に関する方針、手順、態勢等をあらかじめ定めたもの。"),
    t("service-maintenance-level", "サービス維持レベル", "任務保証の考え方に基づき、重要インフラサービスが安全かつ持続的に提供されていると判断するための水準のこと。"),
    t("cybersecurity", "サイバーセキュリティ", "サイバーセキュリティ基本法第2条に規定するサイバーセキュリティをいう。電磁的方式による情報の安全管理のために必要な措置並びに情報システム及び情報通信ネットワークの安全性及び信頼性の確保のために必要な措置が講じられ、その状態が適切に維持管理されていること。"),
    t("cybersecurity-agencies", "サイバーセキュリティ関係機関", "国立研究開発法人情報通信研究機構(NICT)、独立行政法人情報処理推進機構(IPA)、一般社団法人JPCERTコーディネーションセンター(JPCERT/CC)及び一般財団法人日本サイバー犯罪対策センター(JC3)。"),
    t("cybersecurity-ministries", "サイバーセキュリティ関係省庁", "警察庁、デジタル庁、総務省、外務省、経済産業省、原子力規制庁(※)及び防衛省。※原子力発電所の安全の観点からサイバーセキュリティに取り組む省庁"),
    t("cyberspace-businesses", "サイバー空間関連事業者", "サイバーセキュリティ基本法第7条に規定するサイバー関連事業者のうち、重要インフラサービス提供に必要な情報システムに関係するサプライチェーン等に関わる、機器納入、システムの設計・構築・運用・保守等を行うシステムベンダー、ウィルス対策ソフトウェア等のセキュリティ対策を提供するセキュリティベンダー等、ハードウェア・ソフトウェア等の基盤となるプラットフォームを提供するプラットフォームベンダー及びクラウドサービス等の外部サービスを提供する事業者。"),
    t("supply-chain", "サプライチェーン", "一般的には、取引先との間の受発注、資材の調達から在庫管理、製品の配送まで、いわば事業活動の川上から川下に至るまでのモノや情報の流れのこと。これらに加えてさらに、ITにおけるサプライチェーンでは、製品の設計段階や、情報システム等の運用・保守・廃棄を含めてサプライチェーンと呼ばれることがある。"),
    t("incident-response-ministries", "事案対処省庁", "警察庁、消防庁、海上保安庁及び防衛省。"),
    t("system-malfunction", "システムの不具合", "重要インフラ事業者等の情報システムが、設計時の期待通りの機能を発揮しない又は発揮できない状態となる事象。"),
    t("critical-infrastructure", "重要インフラ", "他に代替することが著しく困難なサービスを提供する事業が形成する国民生活及び経済活動の基盤であって、その機能が停止し、又は低下した場合に国民生活又は経済活動に多大な影響を及ぼすおそれが生ずるもので、重要インフラ分野に属するもの。"),
    t("ci-service", "重要インフラサービス", "重要インフラ事業者等が提供するサービス及びそのサービスを利用するために必要な一連の手続のうち、国民生活や社会経済活動に与える影響の度合いを考慮して、特に防護すべきとして重要インフラ分野ごとに定めるもの。"),
    t("ci-service-failure", "重要インフラサービス障害", "システムの不具合により、重要インフラサービスの安全かつ持続的な提供に支障が生じること。"),
    t("ci-operator", "重要インフラ事業者", "サイバーセキュリティ基本法第3条第1項に規定する重要社会基盤事業者をいう。国民生活及び経済活動の基盤であって、その機能が停止し、又は低下した場合に国民生活又は経済活動に多大な影響を及ぼすおそれが生ずるものに関する事業を行う者。具体的には、重要インフラ分野に属する事業を行う者のうち、「別紙1 対象となる重要インフラ事業者等と重要システム例」の「対象となる重要インフラ事業者等」欄において指定するもの(地方公共団体を除く)。"),
    t("ci-operators", "重要インフラ事業者等", "サイバーセキュリティ基本法第12条第2項第3号に規定する重要社会基盤事業者等をいう。重要インフラ事業者及びその組織する団体並びに地方公共団体。"),
    t("ci-ministries", "重要インフラ所管省庁", "金融庁、総務省、厚生労働省、経済産業省及び国土交通省。"),
    t("ci-sector", "重要インフラ分野", "重要インフラについて業種ごとに指定する分野であり、具体的には、「情報通信」、「金融」、「航空」、「空港」、「鉄道」、「電力」、「ガス」、「政府・行政サービス(地方公共団体を含む)」、「医療」、「水道」、「物流」、「化学」、「クレジット」、「石油」及び「港湾」の15分野。"),
    t("key-system", "重要システム", "重要インフラサービスを提供するために必要な情報システムのうち、重要インフラサービスに与える影響の度合いを考慮して、重要インフラ事業者等ごとに定めるもの。"),
    t("information-sharing", "情報共有", "システムの不具合等に関する情報(重要インフラサービス障害を含むシステムの不具合や予兆・ヒヤリハットに関する情報)やサイバーセキュリティの確保に資する情報について、関係主体間で相互に提供し、共有すること。情報連絡及び情報提供の双方を含む。"),
    t("information-system", "情報システム", "事務処理等を行うシステム、フィールド機器や監視・制御システム等の制御系のシステム等のITを用いたシステム全般。"),
    t("advisory", "情報提供", "サイバーセキュリティの確保に資するための情報を、内閣官房から重要インフラ事業者等へ提供すること等。"),
    t("report", "情報連絡", "重要インフラ事業者等におけるシステムの不具合等に関する情報(重要インフラサービス障害を含むシステムの不具合や予兆・ヒヤリハットに関する情報)を、重要インフラ事業者等から内閣官房に連絡すること等。"),
    t("ceptoar", "セプター", "重要インフラ事業者等の情報共有・分析機能及び当該機能を担う組織。Capability for Engineering of Protection, Technical Operation, Analysis and Responseの略称(CEPTOAR)。"),
    t("ceptoar-council", "セプターカウンシル", "各重要インフラ分野で整備されたセプターの代表で構成される協議会で、セプター間の情報共有等を行う。政府機関を含め他の機関の下位に位置付けられるものではなく独立した会議体。"),
    t("large-scale-ci-service-failure", "大規模重要インフラサービス障害", "官邸対策室等が官邸危機管理センターに設置されるなどの政府として集中的な対応が必要となる規模の重要インフラサービス障害。"),
    t("national-cert", "ナショナルサート", "国として、深刻なサイバー攻撃に対し、情報収集・分析から、調査・評価、注意喚起の実施及び対処と、その後の再発防止等の政策立案・措置に至るまでの一連の取組を一体的に推進するための総合的な調整を担う機能。"),
    t("disaster-ministries", "防災関係府省庁", "災害対策基本法(昭和36年法律第223号)第2条第3号に基づく指定行政機関等の、災害時の情報収集に関係する府省庁。"),
    t("sign", "予兆・ヒヤリハット", "システムの不具合が生じておらず、又は生じなかったものの、システムの不具合につながるおそれがあり、又はそのおそれがあった事象。"),
];

/// The term with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.id == id)
}

/// Other ways a reader writes a word of the handbook: its English name or abbreviation, its
/// reading, another spelling. Search treats the words of one entry as the same word, both ways
/// (`ransomware` finds ランサムウェア, and ランサムウェア finds `ransomware`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synonyms {
    /// The glossary term these are other names of (its [`Term::id`]), if the word is one.
    pub term: Option<&'static str>,
    /// The word as the handbook prints it first, then its other forms.
    pub words: &'static [&'static str],
    /// Whether the handbook itself gives the other forms (in the term's definition, or beside
    /// the word, as 「情報共有範囲 (Traffic Light Protocol: TLP)」); otherwise they are the usual
    /// English words for it.
    pub in_handbook: bool,
}

const fn syn(
    term: Option<&'static str>,
    in_handbook: bool,
    words: &'static [&'static str],
) -> Synonyms {
    Synonyms {
        term,
        words,
        in_handbook,
    }
}

/// The synonyms of the glossary's terms and of the handbook's other English terms.
pub static SYNONYMS: [Synonyms; 27] = [
    // Given by the handbook (用語の定義, 表5's heading, V. 3's list of initiatives).
    syn(
        Some("ciso"),
        true,
        &[
            "CISO",
            "Chief Information Security Officer",
            "最高情報セキュリティ責任者",
        ],
    ),
    syn(
        Some("csirt"),
        true,
        &[
            "CSIRT",
            "シーサート",
            "Computer Security Incident Response Team",
        ],
    ),
    syn(
        Some("it-bcp"),
        true,
        &["IT-BCP等", "IT-BCP", "事業継続計画"],
    ),
    syn(
        Some("ceptoar"),
        true,
        &[
            "セプター",
            "CEPTOAR",
            "Capability for Engineering of Protection, Technical Operation, Analysis and Response",
        ],
    ),
    syn(
        None,
        true,
        &["情報共有範囲", "TLP", "Traffic Light Protocol"],
    ),
    syn(
        None,
        true,
        &[
            "CISTA",
            "シスタ",
            "Collective Intelligence Station for Trusted Advocates",
        ],
    ),
    syn(
        None,
        true,
        &[
            "JISP",
            "Japan cyber security Information Sharing Partnership",
        ],
    ),
    syn(
        None,
        true,
        &[
            "J-CSIP",
            "Initiative for Cyber Security Information sharing Partnership of Japan",
        ],
    ),
    syn(None, true, &["漏えい", "漏洩"]),
    syn(None, true, &["ウイルス", "ウィルス", "virus"]),
    // The usual English words for the glossary's terms and the handbook's loanwords.
    syn(
        Some("critical-infrastructure"),
        false,
        &["重要インフラ", "critical infrastructure"],
    ),
    syn(
        Some("information-sharing"),
        false,
        &["情報共有", "information sharing"],
    ),
    syn(
        Some("cybersecurity"),
        false,
        &["サイバーセキュリティ", "cybersecurity", "cyber security"],
    ),
    syn(
        Some("supply-chain"),
        false,
        &["サプライチェーン", "supply chain"],
    ),
    syn(
        Some("contingency-plan"),
        false,
        &["コンティンジェンシープラン", "contingency plan"],
    ),
    syn(
        Some("national-cert"),
        false,
        &["ナショナルサート", "national CERT"],
    ),
    syn(
        Some("ceptoar-council"),
        false,
        &["セプターカウンシル", "CEPTOAR Council"],
    ),
    syn(
        Some("sign"),
        false,
        &["予兆・ヒヤリハット", "ヒヤリハット", "near miss"],
    ),
    syn(None, false, &["ランサムウェア", "ransomware"]),
    syn(
        None,
        false,
        &["DDoS攻撃", "DDoS attack", "distributed denial of service"],
    ),
    syn(None, false, &["インシデント", "incident"]),
    syn(None, false, &["マルウェア", "malware"]),
    syn(None, false, &["脆弱性", "vulnerability"]),
    syn(None, false, &["フィッシング", "phishing"]),
    syn(None, false, &["不正アクセス", "unauthorized access"]),
    syn(
        None,
        false,
        &["サイバー攻撃", "cyberattack", "cyber attack"],
    ),
    syn(None, false, &["標的型メール", "targeted email"]),
];

/// The synonyms of the glossary term with this id.
pub fn synonyms(id: &str) -> Option<&'static Synonyms> {
    SYNONYMS.iter().find(|s| s.term == Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_synonym_entry_names_a_term_of_the_glossary_by_its_printed_word() {
        for s in &SYNONYMS {
            assert!(s.words.len() >= 2, "{:?}", s.words);
            if let Some(id) = s.term {
                let t = term(id).unwrap_or_else(|| panic!("{id}: no such term"));
                assert!(
                    s.words.contains(&t.term) || t.term.contains(s.words[0]),
                    "{id}: {:?} does not name {}",
                    s.words,
                    t.term
                );
            }
        }
        let ids: Vec<_> = SYNONYMS.iter().filter_map(|s| s.term).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "one entry per term");
    }

    #[test]
    fn the_handbooks_own_wording_is_in_the_definition_where_the_glossary_gives_it() {
        for s in SYNONYMS.iter().filter(|s| s.in_handbook) {
            let Some(t) = s.term.and_then(term) else {
                continue;
            };
            for w in &s.words[1..] {
                let printed = t.definition.contains(w)
                    || t.term.contains(w)
                    || t.reading.is_some_and(|r| r.contains(w));
                assert!(printed, "{}: 「{w}」 is not in the definition", t.id);
            }
        }
        // The words a reader types most, both ways.
        let ransomware = SYNONYMS
            .iter()
            .find(|s| s.words.contains(&"ransomware"))
            .unwrap();
        assert_eq!(ransomware.words[0], "ランサムウェア");
        assert_eq!(synonyms("ceptoar").unwrap().words[1], "CEPTOAR");
        assert!(synonyms("service-maintenance-level").is_none());
    }
}
