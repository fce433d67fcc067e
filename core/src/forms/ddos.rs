//! DDoS攻撃事案共通様式 (図4-1) — 被害組織 → 報告先機関.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{CommonHeader, PublicationStatus, ServiceLevel, TimelineRow};
use crate::taxonomy::{CommonOutlook, DdosAttackType, SystemStatus};

/// DDoS攻撃事案共通様式 — every part of 図4-1, in the form's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DdosReport {
    /// 報告日時, 宛先, 新規又は続報の別, 共有等を希望しない.
    pub header: CommonHeader,
    /// 1. 報告者の概要
    pub reporter: DdosReporter,
    /// 2.(1) 事案の概要
    pub summary: String,
    /// 2.(2) 重要インフラサービス維持レベルについて
    pub service_level: ServiceLevel,
    /// 2.(3) 事実経過(時系列) — a free text on the form.
    pub timeline_text: String,
    /// 2.(3) 事実経過 as rows of 日時 + 事象 (kyoyu's help; printed inside the same box).
    pub timeline: Vec<TimelineRow>,
    /// 3. 影響を受けたシステム
    pub systems: DdosSystems,
    /// 4. 攻撃の情報 — one block per attack (「時間を空けて別種の攻撃があった場合は、別の表を
    ///    作成すること」).
    pub attacks: Vec<DdosAttack>,
    /// 5.(1) 公表の実施状況
    pub publication: PublicationStatus,
    /// 5.(2) 今後の予定: 事象継続中 / 対応策を継続中 / 対応完了
    pub outlook: Option<CommonOutlook>,
    /// 5.(3) 本様式の届出先・報告の根拠規定等 — 届出先, as text.
    pub filed_with: String,
    /// 5.(3) 本様式の届出先・報告の根拠規定等 (「記載の手引き欄に記載のいずれの法令等に基づく
    ///    報告かを記載すること。」) — law ids of [`crate::taxonomy`]'s laws.
    pub laws: Vec<String>,
    /// 6. その他(有効な対策等)
    pub other: String,
}

/// 1. 報告者の概要 (DDoS攻撃事案共通様式)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DdosReporter {
    /// 報告者の氏名又は名称
    pub name: String,
    /// (フリガナ) 報告者の氏名又は名称
    pub name_kana: String,
    /// 法人番号(13桁)
    pub corporate_number: String,
    /// 事務連絡者の氏名
    pub contact_name: String,
    /// (フリガナ) 事務連絡者の氏名
    pub contact_kana: String,
    /// 所属部署
    pub department: String,
    /// 電話番号
    pub phone: String,
    /// E-mail
    pub email: String,
}

/// 3. 影響を受けたシステム (DDoS攻撃事案共通様式)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DdosSystems {
    /// 影響を受けた機器の種類・台数等
    pub equipment: String,
    /// システムの稼働状況 (影響無し/停止中/一部稼働中/復旧済)
    pub status: Option<SystemStatus>,
}

/// 4. one attack (「時間を空けて別種の攻撃があった場合は、別の表を作成すること」).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct DdosAttack {
    /// (1) 攻撃開始: 月 日 時 分 — `MM-DDTHH:MM` (no year on the form).
    pub started_at: String,
    /// (1) 攻撃収束: 月 日 時 分 — `MM-DDTHH:MM` (no year on the form).
    pub ended_at: String,
    /// (1) 特記事項
    pub note: String,
    /// (2) ① 攻撃の種類 (MITRE ATT&CK; 複数該当する場合は全て)
    pub types: Vec<DdosAttackType>,
    /// (2) ① その他 ( … ) — the text beside その他.
    pub type_other: String,
    /// (2) ② 詳細 (例: DNSサーバに対するランダムサブドメイン攻撃、SYN Flood攻撃 等)
    pub type_detail: String,
    /// (3) 通信プロトコル (TCP/UDP/HTTP 等)
    pub protocol: String,
    /// (4) 送信元情報
    pub source: AttackSource,
    /// (5) 送信先情報
    pub destination: AttackDestination,
    /// (6) 通信量 (例: 10Gbps, 1,000,000pps, 1万RPS 等)
    pub volume: String,
}

/// (4) 送信元情報 — 「※送信元IPアドレスなど、多数になる場合は別ファイルで御提出ください」
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct AttackSource {
    /// 送信元のIPアドレス
    pub ip: String,
    /// 送信元のポート番号
    pub port: String,
    /// 送信元の機器・ネットワーク
    pub equipment: String,
}

/// (5) 送信先情報
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct AttackDestination {
    /// 送信先のIPアドレス
    pub ip: String,
    /// 送信先のポート番号
    pub port: String,
    /// 攻撃されているサービス・アプリケーション
    pub service: String,
}
