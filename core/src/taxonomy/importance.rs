//! The two 表4s: the meaning of 警報 / 注意喚起 / 参考情報 for 情報連絡 (2.3 (1)) and for
//! 情報提供 (3.3 (1)). The seed prints the same three meanings in both; what differs is who
//! 「対策を実施する主体」 is.

use super::Importance;

/// One of the two 表4s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportanceTable {
    /// Stable ASCII id: `"report"` or `"advisory"`.
    pub id: &'static str,
    /// The table's caption as printed.
    pub title: &'static str,
    /// The note on 「対策を実施する主体」 printed before the table (without the leading ※).
    pub actor_note: &'static str,
    /// (重要度, 説明), in the table's order.
    pub rows: &'static [(Importance, &'static str)],
}

const ALERT: &str = "対策を実施する主体において、直ちに対応について検討することが推奨される情報";
const CAUTION: &str = "対策を実施する主体において、対応について検討することが推奨される情報";
const INFORMATION: &str = "対策を実施する主体に対するサイバーセキュリティ対策への参考情報";

/// 表4 情報連絡の重要度及びその説明 (情報連絡様式).
pub static REPORT: ImportanceTable = ImportanceTable {
    id: "report",
    title: "表4 情報連絡の重要度及びその説明",
    actor_note: "対策を実施する主体:情報連絡を受領し、その内容に対して対策を行う者。すなわち情報連絡の場合、重要インフラ所管省庁から国家サイバー統括室への連絡ですので、各重要インフラ所管省庁が当該情報連絡の内容をどの程度の重要度として捉えているのかを示す項目になります。",
    rows: &[
        (Importance::Alert, ALERT),
        (Importance::Caution, CAUTION),
        (Importance::Information, INFORMATION),
    ],
};

/// 表4 情報提供の重要度及びその説明 (情報提供様式).
pub static ADVISORY: ImportanceTable = ImportanceTable {
    id: "advisory",
    title: "表4 情報提供の重要度及びその説明",
    actor_note: "対策を実施する主体:情報提供を受領し、その内容に対して対策を行う者。すなわち情報提供の場合、国家サイバー統括室から重要インフラ所管省庁への連絡ですので、国家サイバー統括室側で当該情報連絡の内容をどの程度の重要度として捉えているのかを示す項目になります。",
    rows: &[
        (Importance::Alert, ALERT),
        (Importance::Caution, CAUTION),
        (Importance::Information, INFORMATION),
    ],
};

/// Both 表4s: 情報連絡, then 情報提供.
pub static TABLES: [&ImportanceTable; 2] = [&REPORT, &ADVISORY];

impl ImportanceTable {
    /// The 説明 of `level` in this table.
    pub fn meaning(&self, level: Importance) -> &'static str {
        self.rows
            .iter()
            .find(|(l, _)| *l == level)
            .map(|(_, m)| *m)
            .expect("every importance level is in both tables")
    }
}

impl Importance {
    /// Its 説明 in 表4 for 情報連絡 (情報連絡様式).
    pub fn report_meaning(self) -> &'static str {
        REPORT.meaning(self)
    }

    /// Its 説明 in 表4 for 情報提供 (情報提供様式).
    pub fn advisory_meaning(self) -> &'static str {
        ADVISORY.meaning(self)
    }
}
