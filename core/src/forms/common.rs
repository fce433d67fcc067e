//! Parts shared by several forms: timeline rows, the header and reporter blocks of the two
//! 共通様式 (DDoS攻撃事案共通様式 図4-1, ランサムウェア事案共通様式 図4-2), the service
//! maintenance level block, and the publication block.
//!
//! Conventions (see [`crate::forms`]): free text and dates are `String`s holding exactly what
//! was typed (empty = not filled); single choices are `Option<E>`, several `Vec<E>`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::taxonomy::{NewOrFollowUp, Publication, YesNo};

/// One row of a timeline: 日時 + 事象・対応状況等 (情報連絡様式 ⑦) / 事実経過(時系列)
/// (共通様式 2.(3), 2.(4)). 「必要に応じて行を追加して経緯を記載。」
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct TimelineRow {
    /// 日時 — `YYYY-MM-DDTHH:MM` when typed with the date picker; kept as typed otherwise
    /// (図5 prints 「XX/XX 00:00」).
    pub at: String,
    /// 事象・対応状況等
    pub description: String,
}

/// The head of both 共通様式: 報告日時, 宛先, 新規又は続報の別, and the opt-out from
/// sharing with 内閣官房国家サイバー統括室.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CommonHeader {
    /// 第N報 — not printed on the 共通様式; kyoyu's count within the series (≥ 1), raised by
    /// a follow-up.
    pub report_number: u32,
    /// 報告日時 (年 月 日 時 分) — `YYYY-MM-DDTHH:MM`.
    pub reported_at: String,
    /// 宛先 「(報告先機関の長) 殿」 — the head of the receiving authority.
    pub addressee: String,
    /// 新規又は続報の別: 新規 / 続報
    pub new_or_follow_up: Option<NewOrFollowUp>,
    /// 続報(前回報告: 年 月 日 時 分) — `YYYY-MM-DDTHH:MM`.
    pub previous_reported_at: String,
    /// 「内閣官房国家サイバー統括室への共有等を希望しない。」(checked = true)
    pub opt_out: bool,
    /// 共有等を希望しない内容
    pub opt_out_detail: String,
}

impl Default for CommonHeader {
    fn default() -> Self {
        CommonHeader {
            report_number: 1,
            reported_at: String::new(),
            addressee: String::new(),
            new_or_follow_up: None,
            previous_reported_at: String::new(),
            opt_out: false,
            opt_out_detail: String::new(),
        }
    }
}

/// 重要インフラサービス維持レベルについて (共通様式 2.(2); only for 重要インフラ事業者等:
/// 「該当しない場合は記載を要さない。」)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ServiceLevel {
    /// 重要インフラサービスのサービス維持レベルの逸脱の有無: 有 / 無
    pub deviation: Option<YesNo>,
    /// 他の事業者等への波及の可能性: 有 / 無
    pub spread: Option<YesNo>,
    /// サービス提供への影響、想定される最大リスク 等
    pub impact: String,
}

/// 5.(1) 公表の実施状況 — 事案の公表: 実施済【公表日】/ 実施予定【公表予定日】/ 検討中 / 予定無し.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct PublicationStatus {
    /// 事案の公表
    pub status: Option<Publication>,
    /// 【公表日: 年 月 日】(実施済) or 【公表予定日: 年 月 日】(実施予定) — `YYYY-MM-DD`.
    pub date: String,
}
