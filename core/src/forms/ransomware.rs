//! ランサムウェア事案共通様式 (図4-2) — 被害組織 → 報告先機関.
//!
//! 別紙1–3 themselves are not in the handbook: the leak report itself goes on
//! 個人情報保護委員会's form; this model records only which 別紙 are filed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{CommonHeader, PublicationStatus, ServiceLevel, TimelineRow};
use crate::taxonomy::{
    CommonOutlook, ExternalInvestigation, LeakAnnex, PublicationMethod, SystemStatus, YesNo,
};

/// ランサムウェア事案共通様式 — every part of 図4-2, in the form's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RansomwareReport {
    /// 報告日時, 宛先, 新規又は続報の別, 共有等を希望しない.
    pub header: CommonHeader,
    /// (受付番号※: ) — 「※個人情報保護委員会より通知されている場合」
    pub receipt_number: String,
    /// 1. 報告者の概要
    pub reporter: RansomwareReporter,
    /// 2.(1) 事案の概要
    pub summary: String,
    /// 2.(1) 発生日時 (年 月 日 時 分) — `YYYY-MM-DDTHH:MM`.
    pub occurred_at: String,
    /// 2.(1) 発覚日時 (年 月 日 時 分) — `YYYY-MM-DDTHH:MM`.
    pub discovered_at: String,
    /// 2.(2) 重要インフラサービス維持レベルについて
    pub service_level: ServiceLevel,
    /// 2.(3) 個人データ、保有個人情報又は特定個人情報の漏えい等について — 報告を行う様式
    /// (別紙1 / 別紙2 / 別紙3; any).
    pub leak_annexes: Vec<LeakAnnex>,
    /// 2.(4) 事実経過(時系列) — a free text on the form.
    pub timeline_text: String,
    /// 2.(4) 事実経過 as rows of 日時 + 事象 (kyoyu's help; printed inside the same box).
    pub timeline: Vec<TimelineRow>,
    /// 3. 影響を受けたシステム
    pub systems: RansomwareSystems,
    /// 4. ランサムウェアの情報
    pub ransomware: RansomwareDetails,
    /// 5.(1) 公表の実施状況
    pub publication: PublicationStatus,
    /// 5.(1) 公表の方法: ホームページ / 記者会見 / 報道機関等への資料提供 / その他 (any)
    pub publication_methods: Vec<PublicationMethod>,
    /// 5.(1) 公表の方法 — その他 ( … )
    pub publication_method_other: String,
    /// 5.(1) 公表文
    pub publication_text: String,
    /// 5.(2) 今後の予定: 事象継続中 / 対応策を継続中 / 対応完了
    pub outlook: Option<CommonOutlook>,
    /// 5.(3) 外部機関による調査: 実施済又は実施中 / 実施予定 / 検討中 / 予定なし
    pub investigation: Option<ExternalInvestigation>,
    /// 5.(3) 外部機関による調査 — (詳細: )
    pub investigation_detail: String,
    /// 5.(4) 本様式の届出先・報告の根拠規定等 — 届出先, as text.
    pub filed_with: String,
    /// 5.(4) 本様式の届出先・報告の根拠規定等 — law ids of [`crate::taxonomy`]'s laws.
    pub laws: Vec<String>,
    /// 6. その他(特記事項等)
    pub other: String,
}

/// 1. 報告者の概要 (ランサムウェア事案共通様式)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RansomwareReporter {
    /// 報告者の氏名又は名称
    pub name: String,
    /// (フリガナ) 報告者の氏名又は名称
    pub name_kana: String,
    /// 法人番号(13桁)
    pub corporate_number: String,
    /// 業種・業種番号
    pub industry: String,
    /// 報告者の住所又は居所
    pub address: String,
    /// 代表者の氏名 (報告者が法人等の場合に限る。)
    pub representative: String,
    /// (フリガナ) 代表者の氏名
    pub representative_kana: String,
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

/// 3. 影響を受けたシステム (ランサムウェア事案共通様式)
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RansomwareSystems {
    /// 影響を受けた機器の種類・台数等
    pub equipment: String,
    /// システムの稼働状況 (影響無し/停止中/一部稼働中/復旧済)
    pub status: Option<SystemStatus>,
    /// 設置環境
    pub environment: String,
    /// システムの接続形態図 (description, or the name of the attached figure)
    pub topology: String,
}

/// 4. ランサムウェアの情報 (記入可能な項目で記載してください。)
#[derive(Debug, Clone, PartialEq, Default, Serialize, JsonSchema)]
#[serde(default)]
pub struct RansomwareDetails {
    /// (1) 脅迫文(身代金を要求する表示)、その他表示されたもの(一部分かるものでも可)
    pub ransom_note: String,
    /// (2) 暗号化されたファイルの拡張子 (例: ファイル名.xxx)
    pub encrypted_extension: String,
    /// (3) ランサムウェアによる暗号化の有無/リークサイト等を通じた情報漏えいが行われた旨の
    /// 公開の有無/身代金要求の有無 — one line of text on the form. Files of earlier builds,
    /// which held three 有/無 choices here (`encrypted`, `leak_site`, `ransom_demanded`), load
    /// with those answers written into this text.
    pub facts: String,
    /// (4) 侵入方法 (例: 脆弱性の悪用/フィッシングメール)
    pub intrusion: String,
    /// (5) ランサムウェアの特徴(インディケータ情報) (例: 攻撃元のIPアドレス、事案に係るログ情報等)
    pub indicators: String,
}

/// What a file may hold under `ransomware`: today's fields and the three 有/無 choices of
/// earlier builds.
#[derive(Deserialize)]
#[serde(default)]
#[derive(Default)]
struct DetailsInFile {
    ransom_note: String,
    encrypted_extension: String,
    facts: String,
    encrypted: Option<YesNo>,
    leak_site: Option<YesNo>,
    ransom_demanded: Option<YesNo>,
    intrusion: String,
    indicators: String,
}

// Written by hand (over a derived reader of `DetailsInFile`) so that the answers of earlier
// files are carried into `facts` rather than dropped.
impl<'de> Deserialize<'de> for RansomwareDetails {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use crate::taxonomy::Choice;
        let f = DetailsInFile::deserialize(d)?;
        let old: Vec<String> = [
            ("暗号化の有無", f.encrypted),
            (
                "リークサイト等を通じた情報漏えいが行われた旨の公開の有無",
                f.leak_site,
            ),
            ("身代金要求の有無", f.ransom_demanded),
        ]
        .into_iter()
        .filter_map(|(what, v)| v.map(|v| format!("{what}: {}", v.label())))
        .collect();
        let facts = match (f.facts.trim().is_empty(), old.is_empty()) {
            (_, true) => f.facts,
            (true, false) => old.join("/"),
            (false, false) => format!("{}/{}", f.facts, old.join("/")),
        };
        Ok(RansomwareDetails {
            ransom_note: f.ransom_note,
            encrypted_extension: f.encrypted_extension,
            facts,
            intrusion: f.intrusion,
            indicators: f.indicators,
        })
    }
}
