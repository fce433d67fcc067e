//! The handbook's taxonomy, defined once: every choice of the four forms and every reference
//! table of the site comes from here. Each entry has a stable ASCII id (what files store) and
//! its exact Japanese wording (what people read). A label is never typed twice.
//!
//! The closed choices are Rust enums declared with [`choice_enum!`]; richer data (表1's
//! descriptions, 表2/表3 rows, 表4, 表5, the glossary, the laws) lives in the submodules.

pub mod causes;
pub mod ddos;
pub mod events;
pub mod glossary;
pub mod importance;
pub mod laws;
pub mod ransomware;
pub mod sectors;
pub mod tlp;
pub mod wording;

/// A footnote or note printed in the handbook (※2, 注1, …), with a stable ASCII id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Note {
    /// Stable ASCII id, e.g. `"report-note-2"`.
    pub id: &'static str,
    /// The mark as printed, e.g. `"※2"` or `"注1"`.
    pub mark: &'static str,
    /// The note's text, as printed (without the mark).
    pub text: &'static str,
}

/// A closed choice of a form: an enum whose variants have a stable id and a label.
pub trait Choice: Copy + Eq + 'static {
    /// Every variant, in the order the form prints them.
    const ALL: &'static [Self];
    /// The stable ASCII id stored in files.
    fn id(self) -> &'static str;
    /// The wording printed on the official form.
    fn label(self) -> &'static str;
    /// The variant with this id.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.id() == id)
    }
}

/// Declares a [`Choice`] enum: `Variant = "id" => "label"`, in the form's order.
#[macro_export]
macro_rules! choice_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident = $id:literal => $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $id)] $var),+ }
        impl $crate::taxonomy::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$var),+];
            fn id(self) -> &'static str { match self { $(Self::$var => $id),+ } }
            fn label(self) -> &'static str { match self { $(Self::$var => $label),+ } }
        }
    };
}

choice_enum! {
    /// 重要度 (表4; same three levels on 情報連絡様式 and 情報提供様式).
    pub enum Importance {
        Alert = "alert" => "警報",
        Caution = "caution" => "注意喚起",
        Information = "information" => "参考情報",
    }
}

choice_enum! {
    /// 情報共有範囲 — FIRST TLP 2.0 (表5). Labels stay untranslated.
    pub enum Tlp {
        Red = "RED" => "TLP:RED",
        AmberStrict = "AMBER+STRICT" => "TLP:AMBER+STRICT",
        Amber = "AMBER" => "TLP:AMBER",
        Green = "GREEN" => "TLP:GREEN",
        Clear = "CLEAR" => "TLP:CLEAR",
    }
}

choice_enum! {
    /// ① 発生した事象の類型 (情報連絡様式; one only: 最初に検知した事象).
    pub enum EventType {
        Sign = "sign" => "予兆・ヒヤリハット",
        Leak = "leak" => "情報の漏えい",
        Destruction = "destruction" => "情報の破壊",
        Unavailability = "unavailability" => "システム等の利用困難",
        Malware = "malware" => "マルウェア等の感染",
        UnauthorizedCode = "unauthorized_code" => "不正コード等の実行",
        Intrusion = "intrusion" => "システム等への侵入",
        Other = "other" => "その他",
    }
}

choice_enum! {
    /// 原因の類型 groups (表1, ② of 情報連絡様式).
    pub enum CauseGroup {
        Intentional = "intentional" => "意図的な原因",
        Accidental = "accidental" => "偶発的な原因",
        Environmental = "environmental" => "環境的な原因",
        Other = "other" => "その他の原因",
    }
}

choice_enum! {
    /// ② 原因の類型 (any). Labels are the form's wording; 表1's wording where it differs is
    /// in [`causes`].
    pub enum Cause {
        SuspiciousEmail = "suspicious_email" => "不審メール等の受信",
        IdSpoofing = "id_spoofing" => "ユーザID等の偽り",
        Ddos = "ddos" => "DDoS攻撃等の大量アクセス",
        InformationTheft = "information_theft" => "情報の不正取得",
        Insider = "insider" => "内部不正",
        ImproperOperation = "improper_operation" => "適切なシステム運用等の未実施",
        UserOperationError = "user_operation_error" => "ユーザの操作ミス",
        UserManagementError = "user_management_error" => "ユーザの管理ミス",
        SuspiciousFile = "suspicious_file" => "不審なファイルの実行",
        SuspiciousSite = "suspicious_site" => "不審なサイトの閲覧",
        ContractorError = "contractor_error" => "外部委託先の管理ミス",
        EquipmentFailure = "equipment_failure" => "機器等の故障",
        Vulnerability = "vulnerability" => "システムの脆弱性",
        CrossSector = "cross_sector" => "他分野の障害からの波及",
        Disaster = "disaster" => "災害や疾病等",
        Other = "other" => "その他",
        Unknown = "unknown" => "不明",
    }
}

choice_enum! {
    /// 重要インフラ分野 (15; 表2/表3 order).
    pub enum Sector {
        Telecom = "telecom" => "情報通信",
        Finance = "finance" => "金融",
        Aviation = "aviation" => "航空",
        Airport = "airport" => "空港",
        Railway = "railway" => "鉄道",
        Electricity = "electricity" => "電力",
        Gas = "gas" => "ガス",
        Government = "government" => "政府・行政サービス",
        Medical = "medical" => "医療",
        Water = "water" => "水道",
        Logistics = "logistics" => "物流",
        Chemical = "chemical" => "化学",
        Credit = "credit" => "クレジット",
        Petroleum = "petroleum" => "石油",
        Port = "port" => "港湾",
    }
}

choice_enum! {
    /// 有 / 無 (別紙有無, サービス維持レベル逸脱の有無, 他の事業者等への波及の可能性, …).
    pub enum YesNo {
        Yes = "yes" => "有",
        No = "no" => "無",
    }
}

choice_enum! {
    /// システムの稼働状況 (情報連絡様式 ⑤ wording; the common forms print 影響無し).
    pub enum SystemStatus {
        NoImpact = "no_impact" => "影響なし",
        Stopped = "stopped" => "停止中",
        Partial = "partial" => "一部稼働中",
        Restored = "restored" => "復旧済",
    }
}

choice_enum! {
    /// ⑦ 対外的な対応状況 — 報道発表、報道等への掲載.
    pub enum PressStatus {
        Done = "done" => "済",
        Planned = "planned" => "予定有",
        None = "none" => "無",
    }
}

choice_enum! {
    /// ⑦ 対外的な対応状況 — 個人情報保護委員会への連絡 (blank form 図4's options).
    pub enum PpcContact {
        Done = "done" => "済",
        Checking = "checking" => "確認中",
        NotNeeded = "not_needed" => "不要",
    }
}

choice_enum! {
    /// ⑧ 今後の予定 (情報連絡様式).
    pub enum IncidentOutlook {
        Ongoing = "ongoing" => "事象継続中(続報あり)",
        Investigating = "investigating" => "事後調査実施中(続報あり)",
        Considering = "considering" => "今後の対応策を継続検討(続報なし)",
        Completed = "completed" => "対応完了(続報なし)",
    }
}

choice_enum! {
    /// 新規又は続報の別 (common forms).
    pub enum NewOrFollowUp {
        New = "new" => "新規",
        FollowUp = "follow_up" => "続報",
    }
}

choice_enum! {
    /// 5.(2) 今後の予定 (common forms).
    pub enum CommonOutlook {
        Ongoing = "ongoing" => "事象継続中",
        Continuing = "continuing" => "対応策を継続中",
        Completed = "completed" => "対応完了",
    }
}

choice_enum! {
    /// 5.(1) 公表の実施状況 (common forms).
    pub enum Publication {
        Done = "done" => "実施済",
        Planned = "planned" => "実施予定",
        Considering = "considering" => "検討中",
        None = "none" => "予定無し",
    }
}

choice_enum! {
    /// 公表の方法 (ランサムウェア事案共通様式; any).
    pub enum PublicationMethod {
        Website = "website" => "ホームページ",
        PressConference = "press_conference" => "記者会見",
        PressRelease = "press_release" => "報道機関等への資料提供",
        Other = "other" => "その他",
    }
}

choice_enum! {
    /// 5.(3) 外部機関による調査 (ランサムウェア事案共通様式).
    pub enum ExternalInvestigation {
        Done = "done" => "実施済又は実施中",
        Planned = "planned" => "実施予定",
        Considering = "considering" => "検討中",
        None = "none" => "予定なし",
    }
}

choice_enum! {
    /// 個人データ等の漏えい等 — 別紙1–3 (ランサムウェア事案共通様式; any).
    pub enum LeakAnnex {
        Annex1 = "annex1" => "別紙1",
        Annex2 = "annex2" => "別紙2",
        Annex3 = "annex3" => "別紙3",
    }
}

choice_enum! {
    /// 4.(2) 攻撃の種類 (DDoS攻撃事案共通様式), MITRE ATT&CK ids as printed on the form.
    pub enum DdosAttackType {
        NetworkDos = "T1498" => "Network Denial of Service",
        DirectNetworkFlood = "T1498-001" => "Direct Network Flood",
        ReflectionAmplification = "T1498-002" => "Reflection Amplification",
        EndpointDos = "T1499" => "Endpoint Denial of Service",
        OsExhaustionFlood = "T1499-001" => "OS Exhaustion Flood",
        ServiceExhaustionFlood = "T1499-002" => "Service Exhaustion Flood",
        ApplicationExhaustionFlood = "T1499-003" => "Application Exhaustion Flood",
        ApplicationExploitation = "T1499-004" => "Application or System Exploitation",
        Other = "other" => "その他",
        Unknown = "unknown" => "不明",
    }
}
