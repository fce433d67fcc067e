//! 表5 情報共有範囲: each TLP label's name, share scope and definition; the wording the two
//! forms print beside each label; and the FIRST TLP 2.0 colours.

use super::{Note, Tlp};

/// 表5's caption.
pub const TABLE5_TITLE: &str = "表5 情報共有範囲";

/// 表5's column headings.
pub const TABLE5_HEADINGS: [&str; 3] = ["区分", "情報共有可能な範囲(※1)", "定義"];

/// The note on sharing for analysis, printed as 表5 ※2 and as 情報連絡様式 ※1.
const ANALYSIS_SHARING: &str = "事案対処及び情報の集約・分析のため、必要に応じ、内閣官房(事態対処・危機管理担当)及びあらかじめ連携を要請したサイバーセキュリティ関係機関との間で情報共有を行う。";

/// ※1 of 表5.
pub const TABLE5_NOTE_1: Note = Note {
    id: "table5-note-1",
    mark: "※1",
    text: "情報発信者が、上記の情報共有範囲に含まれない対象の追加を求める場合は、当該対象を共有範囲に含めることができるものとする。",
};

/// ※2 of 表5 (also ※1 of 情報連絡様式, under its TLP choices).
pub const TABLE5_NOTE_2: Note = Note {
    id: "table5-note-2",
    mark: "※2",
    text: ANALYSIS_SHARING,
};

/// ※1 of 情報連絡様式 (図4), printed under the TLP choices.
pub const REPORT_FORM_NOTE_1: Note = Note {
    id: "report-note-1",
    mark: "※1",
    text: ANALYSIS_SHARING,
};

/// A colour pair of FIRST TLP 2.0 (CSS hex).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TlpColour {
    /// Text colour, e.g. `"#FF2B2B"`.
    pub text: &'static str,
    /// Background colour (always black in TLP 2.0).
    pub background: &'static str,
}

impl Tlp {
    /// 表5's 区分 name: 宛先限り, 特定分野・組織内関係者限り, ….
    pub fn name(self) -> &'static str {
        match self {
            Tlp::Red => "宛先限り",
            Tlp::AmberStrict => "特定分野・組織内関係者限り",
            Tlp::Amber => "特定分野・関係者限り",
            Tlp::Green => "重要インフラ関係主体限り",
            Tlp::Clear => "公開情報",
        }
    }

    /// 表5's 情報共有可能な範囲, one entry per bullet. `(※2)` marks 表5 ※2.
    pub fn share_scope(self) -> &'static [&'static str] {
        const NCO: &str = "国家サイバー統括室(重要インフラ防護担当)(※2)";
        match self {
            Tlp::Red => &[
                NCO,
                "重要インフラ所管省庁(情報提供先又は情報提供元の所管省庁)",
            ],
            Tlp::AmberStrict | Tlp::Amber => &[
                NCO,
                "重要インフラ所管省庁(直接関係する分野)",
                "セプター(直接関係する分野)",
                "セプターを構成する重要インフラ事業者等(直接関係する分野)",
            ],
            Tlp::Green => &[
                "国家サイバー統括室",
                "重要インフラ所管省庁",
                "事案対処省庁",
                "サイバーセキュリティ関係省庁",
                "防災関係府省庁",
                "サイバーセキュリティ関係機関",
                "サイバー空間関連事業者",
                "セプター",
                "重要インフラ事業者等",
            ],
            Tlp::Clear => &["限定なし"],
        }
    }

    /// 表5's 定義. (CLEAR's 「著作権を適性に扱う」 is as printed.)
    pub fn definition(self) -> &'static str {
        match self {
            Tlp::Red => "情報発信者と、情報受信者の2者間に限定する。",
            Tlp::AmberStrict => "左記の情報共有範囲に属する者(その組織の職員)で、かつ業務の遂行に当たって、その情報を知る必要がある者に限る。",
            Tlp::Amber => "左記の情報共有範囲に属する者(その組織の職員並びにコンサルタント、その組織内で働いている外部の業務受託者及びセプターを構成する重要インフラ事業者等から委託を受けて情報システムの開発、運用等を行う者であって、秘密保持契約を締結している者)で、かつ業務の遂行に当たって、その情報を知る必要がある者に限る。",
            Tlp::Green => "左記の情報共有範囲に属する者(その組織の職員並びにコンサルタント、その組織内で働いている外部の業務受託者及びセプターを構成する重要インフラ事業者等から委託を受けて情報システムの開発、運用等を行う者であって、秘密保持契約を締結している者)に限る。",
            Tlp::Clear => "要機密情報としての扱いは要さない。著作権を適性に扱う限りにおいて、分配、出版、インターネット上での公開及び放送に供することも可能とする。",
        }
    }

    /// The prose summary of 2.3 (2) 「TLPによる情報の共有範囲は、」 (the text after 「=」).
    pub fn summary(self) -> &'static str {
        match self {
            Tlp::Red => "宛先限り、すなわち国家サイバー統括室重要インフラ防護担当及び重要インフラ所管省庁(情報提供先又は情報提供元の所管省庁)限り",
            Tlp::AmberStrict => "特定分野・組織内関係者限り、すなわち国家サイバー統括室重要インフラ防護担当並びに直接関係する分野の重要インフラ所管省庁及びセプター(セプターを構成する重要インフラ事業者等を含む。)に属する者(その組織の職員)で、かつ業務の遂行に当たって、その情報を知る必要がある者限り",
            Tlp::Amber => "特定分野・関係者限り、すなわち国家サイバー統括室重要インフラ防護担当並びに直接関係する分野の重要インフラ所管省庁及びセプター(セプターを構成する重要インフラ事業者等を含む。)に属する者(その組織の職員並びにコンサルタント、その組織内で働いている外部の業務受託者及びセプターを構成する重要インフラ事業者等から委託を受けて情報システムの開発、運用等を行う者であって、秘密保持契約を締結している者)で、かつ業務の遂行に当たって、その情報を知る必要がある者限り",
            Tlp::Green => "重要インフラ関係主体限り、すなわち国家サイバー統括室、重要インフラ所管省庁、事案対処省庁、サイバーセキュリティ関係省庁、防災関係府省庁、サイバーセキュリティ関係機関、サイバー空間関連事業者及び各分野のセプター(セプターを構成する重要インフラ事業者等を含む。)に属する者限り",
            Tlp::Clear => "公開情報",
        }
    }

    /// The scope text 情報連絡様式 (図4) prints in brackets after 「RED = 宛先限り」 etc.
    /// (without the brackets; `(※1)` marks [`REPORT_FORM_NOTE_1`]); `None` for CLEAR.
    /// RED's and GREEN's are rebuilt from garbled text: see [`Tlp::report_form_uncertain`].
    pub fn report_form_scope(self) -> Option<&'static str> {
        match self {
            Tlp::Red => Some("国家サイバー統括室重要インフラ防護担当(※1)限り"),
            Tlp::AmberStrict => Some("国家サイバー統括室重要インフラ防護担当(※1)並びに情報連絡先と直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、組織内関係者限り"),
            Tlp::Amber => Some("国家サイバー統括室重要インフラ防護担当(※1)並びに情報連絡先と直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、関係者限り"),
            Tlp::Green => Some("国家サイバー統括室、重要インフラ所管省庁、事案対処省庁、サイバーセキュリティ関係省庁、防災関係府省庁、サイバーセキュリティ関係機関、サイバー空間関連事業者、セプター及び重要インフラ事業者等に属する者限り"),
            Tlp::Clear => None,
        }
    }

    /// What is uncertain in [`Tlp::report_form_scope`], if anything (the extraction of
    /// 図4/図5 garbled these cells).
    pub fn report_form_uncertain(self) -> Option<&'static str> {
        match self {
            Tlp::Red => Some("図4・図5の抽出が崩れており、括弧内は「室重要インフラ防護担当(※1)限り)」の断片から再構成した。情報連絡先の所管省庁等が併記されているかは確認できない。"),
            Tlp::Green => Some("図4では抽出が欠落しており、図5の崩れた抽出と様式標題下の配布範囲の文言から再構成した。"),
            _ => None,
        }
    }

    /// The scope text 情報提供様式 (図7/図8) prints in brackets after each label
    /// (without the brackets); `None` for CLEAR.
    pub fn advisory_form_scope(self) -> Option<&'static str> {
        match self {
            Tlp::Red => Some("情報提供先の重要インフラ所管省庁限り"),
            Tlp::AmberStrict => Some("情報提供先の直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、組織内関係者限り"),
            Tlp::Amber => Some("情報提供先の直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、関係者限り"),
            Tlp::Green => Some("重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者限り"),
            Tlp::Clear => None,
        }
    }

    /// The label as the forms print it before the scope: `RED`, `AMBER + STRICT`, ….
    pub fn form_key(self) -> &'static str {
        match self {
            Tlp::Red => "RED",
            Tlp::AmberStrict => "AMBER + STRICT",
            Tlp::Amber => "AMBER",
            Tlp::Green => "GREEN",
            Tlp::Clear => "CLEAR",
        }
    }

    /// FIRST TLP 2.0 colours: the label's text colour on a black background.
    pub fn colour(self) -> TlpColour {
        let text = match self {
            Tlp::Red => "#FF2B2B",
            Tlp::AmberStrict | Tlp::Amber => "#FFC000",
            Tlp::Green => "#33FF00",
            Tlp::Clear => "#FFFFFF",
        };
        TlpColour {
            text,
            background: "#000000",
        }
    }
}
