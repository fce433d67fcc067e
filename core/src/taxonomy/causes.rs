//! 表1 情報連絡における原因の例: each [`Cause`]'s group, 表1's wording and its description.
//!
//! The form (図4 ②) and 表1 word two causes differently; [`Choice::label`] is the form's
//! wording (for the form and its print), [`Cause::table1_label`] is 表1's (for the reference
//! page).

use super::{Cause, CauseGroup, Choice};

/// 表1's caption.
pub const TABLE1_TITLE: &str = "表1 情報連絡における原因の例";

/// 表1's column headings: 原因の類型, 原因, 説明.
pub const TABLE1_HEADINGS: [&str; 3] = ["原因の類型", "原因", "説明"];

/// The prose before 表1 (1.3) that introduces the four groups.
pub const GROUPS_INTRO: &str = "①サイバー攻撃等の「意図的な原因」、②操作ミス等の「偶発的な原因」、③災害や疾病等の「環境的な原因」、④「その他の原因」の4つに分類しています。";

impl Cause {
    /// The group (原因の類型) this cause belongs to (表1 and 図4 ②: 6 / 8 / 1 / 2).
    pub fn group(self) -> CauseGroup {
        use Cause::*;
        match self {
            SuspiciousEmail | IdSpoofing | Ddos | InformationTheft | Insider
            | ImproperOperation => CauseGroup::Intentional,
            UserOperationError | UserManagementError | SuspiciousFile | SuspiciousSite
            | ContractorError | EquipmentFailure | Vulnerability | CrossSector => {
                CauseGroup::Accidental
            }
            Disaster => CauseGroup::Environmental,
            Other | Unknown => CauseGroup::Other,
        }
    }

    /// The cause as worded in 表1. Differs from the form's [`Choice::label`] for
    /// 「適切なシステム等運用の未実施」 and 「災害や疾病」.
    pub fn table1_label(self) -> &'static str {
        match self {
            Cause::ImproperOperation => "適切なシステム等運用の未実施",
            Cause::Disaster => "災害や疾病",
            other => other.label(),
        }
    }

    /// 表1's 説明 of this cause.
    pub fn description(self) -> &'static str {
        use Cause::*;
        match self {
            SuspiciousEmail => "標的型攻撃メールやフィッシングメールなどの受信",
            IdSpoofing => "パスワードリスト攻撃やID・パスワードの総当たり攻撃などによるなりすまし",
            Ddos => "オープンリゾルバやボットネット等の利用などによる大量アクセス",
            InformationTheft => "中間者攻撃やなりすまし等による情報の窃取など",
            // 「等よる」 is as printed in the seed (no に).
            Insider => "システム運用者等による権限の濫用、盗難や退職者等の権限解除失念等よる不正利用",
            ImproperOperation => "運用規程等の不遵守、逸脱や適切な規程等の未整備など",
            UserOperationError => "メール誤送信や不適切な権限での情報開示、設定ミスなど",
            UserManagementError => "PCや外部記憶媒体(USBメモリ等)等の紛失、盗難など",
            SuspiciousFile => "マルウェアに感染した外部記憶装置等の接続やメールの添付ファイル等の閲覧など",
            SuspiciousSite => "改ざんされたサイトやフィッシングサイト等の悪意あるサイトの閲覧など",
            ContractorError => "外部委託先による不適切な情報管理やシステム等の運用など",
            EquipmentFailure => "ネットワーク機器、ハードウェア機器等の故障(脆弱性以外のソフトウェアの不具合を含む)",
            Vulnerability => "SQLインジェクション等につながる脆弱なコーディング、システムのバグやパッチの未適用などに起因する脆弱性",
            CrossSector => "通信の途絶や停電等の他の重要インフラ分野で発生した障害による影響など",
            Disaster => "地震や台風等による災害やインフルエンザ等の疾病など",
            Other => "上記以外の脅威や脆弱性",
            Unknown => "原因を未確認もしくは原因が不明",
        }
    }
}

impl CauseGroup {
    /// The causes of this group, in the form's order.
    pub fn causes(self) -> &'static [Cause] {
        use Cause::*;
        match self {
            CauseGroup::Intentional => &[
                SuspiciousEmail,
                IdSpoofing,
                Ddos,
                InformationTheft,
                Insider,
                ImproperOperation,
            ],
            CauseGroup::Accidental => &[
                UserOperationError,
                UserManagementError,
                SuspiciousFile,
                SuspiciousSite,
                ContractorError,
                EquipmentFailure,
                Vulnerability,
                CrossSector,
            ],
            CauseGroup::Environmental => &[Disaster],
            CauseGroup::Other => &[Other, Unknown],
        }
    }

    /// What the group covers, as the prose before 表1 puts it (「サイバー攻撃等の」…);
    /// `None` for その他の原因, which the prose gives no example for.
    pub fn examples(self) -> Option<&'static str> {
        match self {
            CauseGroup::Intentional => Some("サイバー攻撃等"),
            CauseGroup::Accidental => Some("操作ミス等"),
            CauseGroup::Environmental => Some("災害や疾病等"),
            CauseGroup::Other => None,
        }
    }
}
