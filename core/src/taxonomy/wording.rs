//! Wording the forms print that belongs with the closed choices: where the common forms word a
//! choice differently from 情報連絡様式, and the fixed notes of 情報連絡様式 (図4).

use super::{Choice, Note, PpcContact, SystemStatus};

impl SystemStatus {
    /// The wording of DDoS攻撃事案共通様式 and ランサムウェア事案共通様式 (3. 影響を受けたシステム:
    /// 「影響無し/停止中/一部稼働中/復旧済」); [`Choice::label`] is 情報連絡様式's (影響なし).
    pub fn common_form_label(self) -> &'static str {
        match self {
            SystemStatus::NoImpact => "影響無し",
            other => other.label(),
        }
    }
}

impl PpcContact {
    /// The worked example 図5 prints other options (済 / 予定有 / 確認中) than the blank form
    /// 図4 (済 / 確認中 / 不要); [`Choice::ALL`] follows 図4. This is 図5's list.
    pub const EXAMPLE_FORM_OPTIONS: [&'static str; 3] = ["済", "予定有", "確認中"];
}

/// The fixed distribution line under the title of 情報連絡様式.
pub const REPORT_DISTRIBUTION: &str = "(国家サイバー統括室、重要インフラ所管省庁、事案対処省庁、サイバーセキュリティ関係省庁、防災関係府省庁、サイバーセキュリティ関係機関、サイバー空間関連事業者、セプター及び重要インフラ事業者等に属する者限り)";

/// ※4 of 情報連絡様式.
pub const REPORT_NOTE_4: Note = Note {
    id: "report-note-4",
    mark: "※4",
    text: "情報連絡の迅速性を優先するため、必ずしも全ての項目を記載する必要はない。",
};

/// ※5 of 情報連絡様式.
pub const REPORT_NOTE_5: Note = Note {
    id: "report-note-5",
    mark: "※5",
    text:
        "「重要インフラのサイバーセキュリティに係る行動計画」に定める「重要インフラ分野」を指す。",
};

/// ※6 of 情報連絡様式.
pub const REPORT_NOTE_6: Note = Note {
    id: "report-note-6",
    mark: "※6",
    text:
        "「重要インフラのサイバーセキュリティに係る行動計画」に定める「サービス維持レベル」を指す。",
};

/// ※1 of the common forms (both).
pub const COMMON_NOTE_1: Note = Note {
    id: "common-note-1",
    mark: "※1",
    text: "いずれの項目も、全ての項目を記入する必要はなく、報告をしようとする時点で把握している範囲で、その内容を記載すること。",
};

/// ※2 of the common forms (both).
pub const COMMON_NOTE_2: Note = Note {
    id: "common-note-2",
    mark: "※2",
    text: "自由記述欄は、記載例を参考に適宜記載すること。",
};
