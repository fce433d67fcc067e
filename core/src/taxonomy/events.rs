//! ① 発生した事象の類型 (図4): the eight event types in their groups, each with the example
//! text the form prints in brackets, and the footnotes ※2 and ※3.

use super::{Choice, EventType, Note};

crate::choice_enum! {
    /// The group of an event type (図4 ①'s 事象の類型 column).
    pub enum EventClass {
        NotOccurred = "not_occurred" => "未発生の事象",
        Confidentiality = "confidentiality" => "機密性を脅かす事象",
        Integrity = "integrity" => "完全性を脅かす事象",
        Availability = "availability" => "可用性を脅かす事象",
        LeadingTo = "leading_to" => "上記につながる事象",
    }
}

/// The heading that spans the four classes of events that did occur.
pub const OCCURRED_LABEL: &str = "発生した事象";

/// Column headings of ①: 事象の類型, 事象の例, チェック (1つのみ選択(※2)).
pub const HEADINGS: [&str; 3] = ["事象の類型", "事象の例", "チェック(1つのみ選択(※2))"];

/// ※2 of 図4: select only the first event detected.
pub const NOTE_SELECT_ONE: Note = Note {
    id: "report-note-2",
    mark: "※2",
    text: "最初に検知した事象を1つのみ選択する。",
};

/// ※3 of 図4: what 「上記につながる事象」 means.
pub const NOTE_LEADING_TO: Note = Note {
    id: "report-note-3",
    mark: "※3",
    text: "機密性・完全性・可用性を脅かす事象までには至らないものの同事象につながり得る事象。",
};

impl EventClass {
    /// Whether this class is one of the 発生した事象 (all but 未発生の事象).
    pub fn occurred(self) -> bool {
        self != EventClass::NotOccurred
    }

    /// The event types of this class, in the form's order.
    pub fn event_types(self) -> &'static [EventType] {
        use EventType::*;
        match self {
            EventClass::NotOccurred => &[Sign],
            EventClass::Confidentiality => &[Leak],
            EventClass::Integrity => &[Destruction],
            EventClass::Availability => &[Unavailability],
            EventClass::LeadingTo => &[Malware, UnauthorizedCode, Intrusion, Other],
        }
    }

    /// The footnote attached to this class on the form (※3 for 上記につながる事象).
    pub fn note(self) -> Option<Note> {
        match self {
            EventClass::LeadingTo => Some(NOTE_LEADING_TO),
            _ => None,
        }
    }
}

impl EventType {
    /// The class (事象の類型) this event type belongs to.
    pub fn class(self) -> EventClass {
        EventClass::ALL
            .iter()
            .copied()
            .find(|c| c.event_types().contains(&self))
            .expect("every event type has a class")
    }

    /// The example the form prints in brackets after the label (without the brackets);
    /// `None` for 予兆・ヒヤリハット and その他, which have none.
    pub fn example(self) -> Option<&'static str> {
        use EventType::*;
        match self {
            Sign | Other => None,
            Leak => Some("組織の機密情報等の流出など"),
            Destruction => Some("Webサイト等の改ざんや組織の機密情報等の破壊など"),
            Unavailability => Some("制御システムの継続稼働が不能やWebサイトの閲覧が不可能など"),
            Malware => Some("マルウェア等によるシステム等への感染"),
            UnauthorizedCode => Some("システム脆弱性等をついた不正コード等の実行"),
            Intrusion => Some("外部からのサイバー攻撃等によるシステム等への侵入"),
        }
    }
}
