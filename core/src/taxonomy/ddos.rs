//! 4.(2) 攻撃の種類 of DDoS攻撃事案共通様式 (図4-1): the Japanese wording printed beside each
//! MITRE ATT&CK technique. The extraction of this block is scrambled (the text was read in
//! columns); what could be rebuilt is here, and [`DdosAttackType::uncertain`] says what could
//! not.

use super::DdosAttackType;

/// Where the form asks for one table per attack (rebuilt from fragments of the seed).
pub const ONE_TABLE_PER_ATTACK: &str =
    "時間を空けて別種の攻撃があった場合は、別の表を作成すること。";

/// What is uncertain in [`ONE_TABLE_PER_ATTACK`].
pub const ONE_TABLE_PER_ATTACK_UNCERTAIN: &str = "抽出では「…ある場」「…してください」「…を作成するこ」「空けて別種の攻撃」の断片のみ。文意(時間を空けて別種の攻撃があれば別の表を作成する)は確かだが、文言は再構成。";

/// The example of ② 詳細 printed on the form.
pub const DETAIL_EXAMPLE: &str = "例: DNSサーバに対するランダムサブドメイン攻撃、SYN Flood攻撃 等";

/// The example of (3) 通信プロトコル.
pub const PROTOCOL_EXAMPLE: &str = "TCP/UDP/HTTP 等";

/// The example of (6) 通信量 (rebuilt: see [`TRAFFIC_EXAMPLE_UNCERTAIN`]).
pub const TRAFFIC_EXAMPLE: &str = "例:10Gbps, 1,000,000pps, 1万RPS 等";

/// What is uncertain in [`TRAFFIC_EXAMPLE`].
pub const TRAFFIC_EXAMPLE_UNCERTAIN: &str =
    "抽出では「(例:10」「000pps,」「1万RPS 等)」のみ判読できる。「10Gbps, 1,000,000pps」は推定。";

/// The note under the attack table.
pub const MANY_SOURCES_NOTE: &str =
    "※送信元IPアドレスなど、多数になる場合は別ファイルで御提出ください";

impl DdosAttackType {
    /// The Japanese name printed before the English technique name; `None` for その他 and 不明,
    /// whose label is already Japanese.
    pub fn japanese_name(self) -> Option<&'static str> {
        use DdosAttackType::*;
        match self {
            NetworkDos => Some("ネットワークへのサービス拒否攻撃"),
            DirectNetworkFlood => Some("ネットワークへのフラッド攻撃"),
            ReflectionAmplification => Some("ネットワークへのリフレクション攻撃"),
            EndpointDos => Some("エンドポイントへのサービス拒否攻撃"),
            OsExhaustionFlood => Some("OS枯渇フラッド攻撃"),
            ServiceExhaustionFlood => Some("サービス枯渇フラッド攻撃"),
            ApplicationExhaustionFlood => Some("アプリケーション枯渇フラッド攻撃"),
            ApplicationExploitation => Some("アプリケーション又はシステムの悪用"),
            Other | Unknown => None,
        }
    }

    /// The example printed in brackets after the Japanese name (without the brackets).
    pub fn example(self) -> Option<&'static str> {
        use DdosAttackType::*;
        match self {
            DirectNetworkFlood => Some("UDPフラッド攻撃等"),
            ReflectionAmplification => Some("DNSリフレクション攻撃等"),
            OsExhaustionFlood => Some("TCPステート枯渇攻撃等"),
            _ => None,
        }
    }

    /// The note printed under the parent techniques: when to choose them.
    pub fn note(self) -> Option<&'static str> {
        match self {
            DdosAttackType::NetworkDos => {
                Some("※以下に記載のT1498-001又はT1498-002のいずれに該当するか不明な場合")
            }
            DdosAttackType::EndpointDos => {
                Some("※以下に記載のT1499-001からT1499-004までのいずれに該当するかが不明な場合")
            }
            _ => None,
        }
    }

    /// What could not be rebuilt with certainty from the scrambled extraction, if anything.
    pub fn uncertain(self) -> Option<&'static str> {
        use DdosAttackType::*;
        match self {
            NetworkDos | Other | Unknown => None,
            DirectNetworkFlood => Some("和名は崩れた抽出(「ネットワークへ」「のフラット」)から再構成した。括弧内の例示「UDPフラッド攻撃等」は判読できる。"),
            ReflectionAmplification => Some("和名は崩れた抽出(「ネットワークへ」「…ション攻」)から再構成した。括弧内の例示「DNSリフレクション攻撃等」は判読できる。"),
            EndpointDos => Some("「エンドポイント」に続く語(「へのサービス拒否攻撃」)は抽出で判読できず、T1498の行に倣って再構成した。注記の「から」も推定。"),
            OsExhaustionFlood => Some("和名は抽出の列の断片(「OS」「枯」「渇」「フ」「ラ」「ッ」「ド」)から再構成した。例示は「(TCPステー」と「…攻撃等)」の断片から再構成した。"),
            ServiceExhaustionFlood => Some("和名は抽出の列の断片(「サ」「ー」「ビ」「ス」「枯」「渇」「フ」)から再構成した。括弧内の例示は判読できない(「TCPステー」「…攻撃等)」の断片のみ)。"),
            ApplicationExhaustionFlood => Some("抽出では「アプリケーション」までしか判読できない。和名の残りは英名から推定した。"),
            ApplicationExploitation => Some("抽出では「アプリケーション」までしか判読できない。和名の残りは英名から推定した。"),
        }
    }
}
