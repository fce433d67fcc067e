//! 情報提供様式 (図7; worked example 図8) — 内閣官房(国家サイバー統括室) → 重要インフラ所管省庁.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::indicators::IndicatorKind;
use crate::taxonomy::{Importance, Sector, Tlp, YesNo};

/// 情報提供様式 — every part of 図7, in the form's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Advisory {
    /// The head of the form: 重要度, 第N報, 識別番号, 情報提供日時, 情報提供先, 情報共有範囲,
    /// 別紙有無.
    pub header: AdvisoryHeader,
    /// 脅威等の内容 ① 概要
    pub overview: String,
    /// 脅威等の内容 ② 対象
    pub target: String,
    /// ③ 対処方針
    pub response: String,
    /// ④ その他
    pub other: String,
    /// 本件問合せ先(重要インフラ所管省庁からの問合せに限る。) 国家サイバー統括室 重要インフラ防護担当
    pub contact: AdvisoryContact,
    /// インディケータ情報 — not a field of 図7: the addresses, names, URLs, hashes and CVE ids
    /// of the advisory as a list, for the published STIX 2.1 bundle (see
    /// [`crate::indicators`]). Empty on the paper form; a file written before the list existed
    /// reads as an empty list.
    pub indicators: Vec<Indicator>,
}

/// The head of 情報提供様式.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct AdvisoryHeader {
    /// 重要度: 警報 / 注意喚起 / 参考情報 (表4)
    pub importance: Option<Importance>,
    /// (第 N 報*) — N ≥ 1
    pub report_number: u32,
    /// 識別番号*
    pub identifier: String,
    /// 情報提供日時* — `YYYY-MM-DDTHH:MM`.
    pub provided_at: String,
    /// 情報提供先* (所管省庁名及び分野名) — several.
    pub recipients: Vec<Recipient>,
    /// 情報共有範囲*: RED / AMBER+STRICT / AMBER / GREEN / CLEAR
    pub tlp: Option<Tlp>,
    /// 情報共有範囲 — 特記事項:
    pub tlp_note: String,
    /// 別紙有無*: 有 / 無
    pub annex: Option<YesNo>,
}

impl Default for AdvisoryHeader {
    fn default() -> Self {
        AdvisoryHeader {
            importance: None,
            report_number: 1,
            identifier: String::new(),
            provided_at: String::new(),
            recipients: Vec::new(),
            tlp: None,
            tlp_note: String::new(),
            annex: None,
        }
    }
}

/// 情報提供先: one 所管省庁 and its 分野.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Recipient {
    /// 所管省庁名
    pub ministry: String,
    /// 分野名
    pub sector: Option<Sector>,
}

/// 本件問合せ先 — 国家サイバー統括室 重要インフラ防護担当.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct AdvisoryContact {
    /// 重要インフラ防護担当: (担当者名)
    pub person: String,
    /// 電話番号
    pub phone: String,
    /// FAX番号
    pub fax: String,
    /// 電子メールアドレス
    pub email: String,
}

/// One indicator: a value, its kind (none: read from the value's shape) and a short note.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Indicator {
    /// 種類 — None: by the value's shape ([`crate::indicators::check`]).
    pub kind: Option<IndicatorKind>,
    /// 値 (`198.51.100.23`, `198.51.100.0/24`, `example.com`, a hash, `CVE-2024-12345`).
    pub value: String,
    /// 備考 — one short line.
    pub note: String,
}
