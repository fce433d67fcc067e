//! ランサムウェア事案共通様式 (図4-2): 2. ランサムウェア感染時の留意事項 (the five first-response
//! cautions), and what each of 別紙1–3 is for.

use super::laws::{self, Law};
use super::LeakAnnex;

/// A first-response caution of 2. ランサムウェア感染時の留意事項.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caution {
    /// Stable ASCII id.
    pub id: &'static str,
    /// The caution as printed (without its ・).
    pub text: &'static str,
}

/// The section heading.
pub const CAUTIONS_TITLE: &str = "2. ランサムウェア感染時の留意事項";

/// The paragraph before the cautions.
pub const CAUTIONS_INTRO: &str = "被害拡大防止、原因究明・再感染防止のため、初期対応時において、感染端末に対して以下の対応の御検討をお願いします。感染経路が分からなくなると、復旧に支障が生じる場合があります。";

/// The five cautions, in the form's order.
pub static CAUTIONS: [Caution; 5] = [
    Caution {
        id: "disconnect",
        text: "感染端末及び感染が疑われる端末からLANケーブルを抜くとともに、無線LANを無効にすること。",
    },
    Caution {
        id: "no-power-cycle",
        text: "感染端末等の再起動や電源オフをしないこと。既に感染端末等の電源がオフの場合はオンにしないこと。",
    },
    Caution {
        id: "no-full-scan",
        text: "ウイルス対策ソフトによる感染端末等のフルスキャンをしないこと。",
    },
    Caution {
        id: "no-network-restart",
        text: "ネットワーク機器の再起動や電源オフをしないこと。",
    },
    Caution {
        id: "no-update",
        text: "ファームウェアやOSのアップデートをしないこと。",
    },
];

impl LeakAnnex {
    /// The annex's title as printed in 2.(3) (in brackets after 別紙N).
    pub fn title(self) -> &'static str {
        match self {
            LeakAnnex::Annex1 => "個人情報取扱事業者における個人データ等の漏えい等報告",
            LeakAnnex::Annex2 => "行政機関等における保有個人情報の漏えい等報告",
            LeakAnnex::Annex3 => "特定個人情報の漏えい等報告",
        }
    }

    /// Who it is for, as printed in 【】 after the title.
    pub fn for_whom(self) -> &'static str {
        match self {
            LeakAnnex::Annex1 => "民間事業者・個人情報の保護に関する法律第58条第1項各号に掲げる法人等(いわゆる規律移行法人)の方",
            LeakAnnex::Annex2 => "行政機関等の方",
            LeakAnnex::Annex3 => "民間事業者・行政機関等共通",
        }
    }

    /// The leak report (記載の手引き (1)) that calls for this annex (記載事項 ②–④).
    pub fn law(self) -> Law {
        match self {
            LeakAnnex::Annex1 => laws::APPI_26,
            LeakAnnex::Annex2 => laws::APPI_68,
            LeakAnnex::Annex3 => laws::MY_NUMBER_29_4,
        }
    }
}

/// The instruction of 2.(3) on choosing annexes.
pub const ANNEX_INSTRUCTION: &str = "報告を行う様式にチェックすること。個人情報の保護に関する法律及び行政手続における特定の個人を識別するための番号の利用等に関する法律に基づく漏えい等報告を同時に行う場合は、両方チェックし、それぞれの様式に記載すること。";
