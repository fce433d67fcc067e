//! 情報連絡様式 (図4; worked example 図5) — 重要インフラ所管省庁 → 内閣官房(国家サイバー統括室).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::TimelineRow;
use crate::taxonomy::{
    Cause, EventType, Importance, IncidentOutlook, PpcContact, PressStatus, Sector, SystemStatus,
    Tlp, YesNo,
};

/// 情報連絡様式 — every part of 図4, in the form's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IncidentReport {
    /// The head of the form: 重要度, 第N報, 識別番号, 情報連絡日時, 情報連絡元, 情報共有範囲,
    /// 別紙有無.
    pub header: IncidentHeader,
    /// ① 発生した事象の類型 — 「最初に検知した事象を1つのみ選択する。」(※2)
    pub event_type: Option<EventType>,
    /// ② 上記事象における原因の類型 (複数選択可)
    pub causes: Vec<Cause>,
    /// ③ 分野名* (※5) — 「リストから選択」
    pub sector: Option<Sector>,
    /// ④ 事象が発生した重要インフラ事業者等名
    pub operator_name: String,
    /// ⑤ 概要
    pub overview: IncidentOverview,
    /// ⑥ 重要インフラサービス等への影響
    pub impact: IncidentImpact,
    /// ⑦ 当該事象に係る推移等 — 日時 + 事象・対応状況等 (「必要に応じて行を追加して経緯を記載。」)
    pub timeline: Vec<TimelineRow>,
    /// ⑦ (補足情報)
    pub supplementary: String,
    /// ⑦ 対外的な対応状況
    pub external: ExternalResponse,
    /// ⑧ 今後の予定 (one)
    pub outlook: Option<IncidentOutlook>,
    /// ⑨ その他・得られた教訓等
    pub lessons: String,
}

/// The head of 情報連絡様式.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IncidentHeader {
    /// 重要度: 警報 / 注意喚起 / 参考情報 (表4)
    pub importance: Option<Importance>,
    /// (第 N 報*) — N ≥ 1
    pub report_number: u32,
    /// 識別番号* — 「※第1報の識別番号は空欄」; assigned by 国家サイバー統括室.
    pub identifier: String,
    /// 情報連絡日時* (年 月 日 時 分) — `YYYY-MM-DDTHH:MM`; 「いつ時点での内容かの日付・時間を記載」.
    pub reported_at: String,
    /// 情報連絡元*
    pub contact: IncidentContact,
    /// 情報共有範囲*: RED / AMBER+STRICT / AMBER / GREEN / CLEAR (※1)
    pub tlp: Option<Tlp>,
    /// 情報共有範囲 — 特記事項: (「選択したTLP(範囲)に関する補足情報を記載。」)
    pub tlp_note: String,
    /// 別紙有無*: 有 / 無
    pub annex: Option<YesNo>,
}

impl Default for IncidentHeader {
    fn default() -> Self {
        IncidentHeader {
            importance: None,
            report_number: 1,
            identifier: String::new(),
            reported_at: String::new(),
            contact: IncidentContact::default(),
            tlp: None,
            tlp_note: String::new(),
            annex: None,
        }
    }
}

/// 情報連絡元*
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IncidentContact {
    /// 省庁名
    pub ministry: String,
    /// 部局名
    pub bureau: String,
    /// 担当者名
    pub person: String,
    /// 電話番号
    pub phone: String,
    /// FAX番号
    pub fax: String,
    /// 電子メールアドレス
    pub email: String,
}

/// ⑤ 概要
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IncidentOverview {
    /// 判明日時 (年 月 日 時 分) — `YYYY-MM-DDTHH:MM`.
    pub discovered_at: String,
    /// (発生日時: 年 月 日 時 分) — `YYYY-MM-DDTHH:MM`.
    pub occurred_at: String,
    /// 発生日時に添える注記 (図5: 「(サーバログ等より推測)」), without the brackets.
    pub occurred_at_note: String,
    /// 事象が発生したシステム・委託先業者等
    pub system: String,
    /// 発生事象の概要
    pub summary: String,
    /// システムの稼働状況: 影響なし / 停止中 / 一部稼働中 / 復旧済
    pub system_status: Option<SystemStatus>,
}

/// ⑥ 重要インフラサービス等への影響
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IncidentImpact {
    /// 重要インフラサービスのサービス維持レベル(※6)逸脱の有無: 有 / 無
    pub deviation: Option<YesNo>,
    /// 他の事業者等への波及の可能性: 有 / 無
    pub spread: Option<YesNo>,
}

/// ⑦ 対外的な対応状況
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ExternalResponse {
    /// 報道発表、報道等への掲載: 済 / 予定有 / 無
    pub press: Option<PressStatus>,
    /// 報道発表 — 「済・予定有では日時・件名を記入」
    pub press_detail: String,
    /// 個人情報保護委員会への連絡: 済 / 確認中 / 不要 (blank form 図4; 図5 prints
    /// 済 / 予定有 / 確認中)
    pub ppc: Option<PpcContact>,
    /// 個人情報保護委員会への連絡 — 「済では日時・件名を記入」
    pub ppc_detail: String,
    /// その他国家サイバー統括室以外に連絡を行った先
    pub other_contacts: String,
}
