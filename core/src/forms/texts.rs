//! Every fixed text printed on the four forms — copied from the handbook (図4, 図4-1, 図4-2,
//! 図7 and the worked examples 図5, 図8), so that the print view, the plain text and the editor
//! say exactly what the official forms say.
//!
//! Where the extracted text of the handbook is garbled the wording was rebuilt from what is
//! left of it; such constants say `(rebuilt)` in their documentation. Choice labels (the
//! options of a form) are not here: they live once, in [`crate::taxonomy`]; so does the list of
//! laws of 記載の手引き (1), in `taxonomy::laws`.

use crate::taxonomy::{Note, Tlp};

/// 「(*が付与された項目は必須事項)」 — printed under the title of 情報連絡様式 and 情報提供様式.
pub const REQUIRED_NOTE: &str = "(*が付与された項目は必須事項)";

/// The legend of the underlines in a follow-up (共通様式 記載の手引き (2):
/// 「前回の報告から記載を変更した箇所に下線を引くなど、変更箇所が分かるようにしてください。」).
pub const CHANGED_LEGEND: &str = "下線: 前回の報告から変更した箇所";

// ---------------------------------------------------------------------------------------------
// 情報連絡様式 (図4)
// ---------------------------------------------------------------------------------------------

/// 情報連絡様式 (図4) — its fixed texts.
pub mod incident {
    use crate::taxonomy::Note;

    /// The title.
    pub const TITLE: &str = "情報連絡様式";
    /// The direction printed above the title.
    pub const DIRECTION: &str = "(重要インフラ所管省庁→内閣官房)";
    /// The distribution line printed under the title.
    pub const DISTRIBUTION: &str = crate::taxonomy::wording::REPORT_DISTRIBUTION;
    /// Beside 識別番号.
    pub const FIRST_REPORT_ID_NOTE: &str = "(※第1報の識別番号は空欄)";
    /// The caption of the figure.
    pub const FIGURE: &str = "図4 情報連絡様式";

    pub const IMPORTANCE: &str = "重要度";
    pub const REPORT_NUMBER: &str = "報";
    pub const IDENTIFIER: &str = "識別番号";
    pub const REPORTED_AT: &str = "情報連絡日時";
    pub const CONTACT: &str = "情報連絡元";
    pub const MINISTRY: &str = "省庁名";
    pub const BUREAU: &str = "部局名";
    pub const PERSON: &str = "担当者名";
    pub const PHONE: &str = "電話番号";
    pub const FAX: &str = "FAX番号";
    pub const EMAIL: &str = "電子メールアドレス";
    pub const TLP: &str = "情報共有範囲";
    pub const TLP_NOTE: &str = "特記事項";
    pub const ANNEX: &str = "別紙有無";

    /// ① heading, and the heads of its table.
    pub const EVENT_TYPE: &str = "①発生した事象の類型";
    pub const EVENT_TYPE_HEAD: [&str; 3] = ["事象の類型", "事象の例", "チェック(1つのみ選択(※2))"];
    /// The two halves of the table's first column.
    pub const EVENT_NOT_OCCURRED: &str = "未発生の事象";
    pub const EVENT_OCCURRED: &str = "発生した事象";

    /// ② heading, and the heads of its table.
    pub const CAUSES: &str = "②上記事象における原因の類型";
    pub const CAUSES_HEAD: [&str; 3] = ["原因の類型", "原因", "チェック(複数選択可)"];

    /// 「◆情報連絡の内容(※4)」 and the heads of its table.
    pub const CONTENT: &str = "◆情報連絡の内容(※4)";
    pub const CONTENT_HEAD: [&str; 2] = ["項目", "情報の内容"];

    pub const SECTOR: &str = "③分野名";
    /// 図5: 「リストから選択」.
    pub const SECTOR_HINT: &str = "リストから選択";
    pub const OPERATOR: &str = "④事象が発生した重要インフラ事業者等名";
    pub const OVERVIEW: &str = "⑤概要";
    pub const DISCOVERED_AT: &str = "判明日時";
    pub const OCCURRED_AT: &str = "発生日時";
    pub const SYSTEM: &str = "事象が発生したシステム・委託先業者等";
    pub const SUMMARY: &str = "発生事象の概要";
    pub const SYSTEM_STATUS: &str = "システムの稼働状況";
    pub const IMPACT: &str = "⑥重要インフラサービス等への影響";
    pub const DEVIATION: &str = "重要インフラサービスのサービス維持レベル(※6)逸脱の有無";
    pub const SPREAD: &str = "他の事業者等への波及の可能性";
    pub const TIMELINE: &str = "⑦当該事象に係る推移等";
    pub const TIMELINE_HEAD: [&str; 2] = ["日時", "事象・対応状況等"];
    /// 図5: 「必要に応じて行を追加して経緯を記載。」
    pub const TIMELINE_HINT: &str = "必要に応じて行を追加して経緯を記載。";
    pub const SUPPLEMENTARY: &str = "(補足情報)";
    pub const EXTERNAL: &str = "対外的な対応状況";
    pub const PRESS: &str = "報道発表、報道等への掲載";
    pub const PRESS_NOTE: &str = "(済・予定有では日時・件名を記入)";
    pub const PPC: &str = "個人情報保護委員会への連絡";
    pub const PPC_NOTE: &str = "(済では日時・件名を記入)";
    /// 図5 prints other options here than the blank form 図4 does.
    pub const PPC_DIFFERENCE: &str = "図4(様式)の選択肢は「済/確認中/不要」、図5(記載例)では「済/予定有/確認中」と印字されている。本ツールは図4に従う。";
    pub const OTHER_CONTACTS: &str = "その他国家サイバー統括室以外に連絡を行った先";
    pub const OUTLOOK: &str = "⑧今後の予定";
    pub const LESSONS: &str = "⑨その他・得られた教訓等";

    /// ※1 (under 情報共有範囲).
    pub const NOTE_1: Note = crate::taxonomy::tlp::REPORT_FORM_NOTE_1;
    /// ※2 (under ①).
    pub const NOTE_2: Note = crate::taxonomy::events::NOTE_SELECT_ONE;
    /// ※3 (under ①).
    pub const NOTE_3: Note = crate::taxonomy::events::NOTE_LEADING_TO;
    /// ※4 (at the foot of the form).
    pub const NOTE_4: Note = crate::taxonomy::wording::REPORT_NOTE_4;
    /// ※5.
    pub const NOTE_5: Note = crate::taxonomy::wording::REPORT_NOTE_5;
    /// ※6.
    pub const NOTE_6: Note = crate::taxonomy::wording::REPORT_NOTE_6;

    /// 記載上の注意 of 図5 (the worked example's blue notes), by the field they stand beside.
    pub const WRITING_NOTES: &[(&str, &str)] = &[
        (
            "header.reported_at",
            "いつ時点での内容かの日付・時間を記載。西暦で記載。24時間表記で記載。",
        ),
        (
            "header.tlp_note",
            "選択したTLP(範囲)に関する補足情報を記載。",
        ),
        ("event_type", "最初に明らかとなった事象を選択。"),
        ("causes", "発生原因について選択する。複数選択可。"),
        ("sector", "リストから選択"),
        ("timeline", "必要に応じて行を追加して経緯を記載。"),
        (
            "external.press_detail",
            "報道発表等がある場合は、別紙の添付する、あるいは掲載ページのアドレス等を記載。",
        ),
    ];
}

/// The scope text printed in brackets beside a TLP label on `kind`'s form (図4 / 図7), with
/// the brackets; "" for CLEAR. The wording lives in [`crate::taxonomy::tlp`].
pub fn tlp_scope(kind: crate::forms::FormKind, tlp: Tlp) -> String {
    let scope = match kind {
        crate::forms::FormKind::Advisory => tlp.advisory_form_scope(),
        _ => tlp.report_form_scope(),
    };
    scope.map(|s| format!("({s})")).unwrap_or_default()
}

/// 「※2 最初に…」「(注)報告を…」 — a note as the forms print it.
pub fn note_text(n: Note) -> String {
    if n.mark.starts_with('(') {
        format!("{}{}", n.mark, n.text)
    } else {
        format!("{} {}", n.mark, n.text)
    }
}

// ---------------------------------------------------------------------------------------------
// 共通様式 (図4-1, 図4-2)
// ---------------------------------------------------------------------------------------------

/// Texts the two 共通様式 share.
pub mod common {
    /// 「年 月 日 時 分」 — the 報告日時 at the head (no label on the form).
    pub const REPORTED_AT: &str = "報告日時";
    /// 宛先.
    pub const ADDRESSEE: &str = "(報告先機関の長)殿";
    pub const NEW_OR_FOLLOW_UP: &str = "新規又は続報の別";
    pub const PREVIOUS: &str = "前回報告";

    /// The notice on sharing with 内閣官房国家サイバー統括室 (two paragraphs).
    pub const SHARING_NOTICE: [&str; 2] = [
        "本様式に記載いただいた内容は、報告先機関から、内閣官房国家サイバー統括室に共有されます。内閣官房国家サイバー統括室は、報告された内容を整理分析の上、被害者が分からないようにした上で、被害の拡大防止のため、注意喚起等に活用することがあります。",
        "記載内容の全部又は一部について、内閣官房国家サイバー統括室との共有等を希望しない場合は、その旨及び共有等を希望しない内容について以下に記載してください。",
    ];
    /// The opt-out check box.
    pub const OPT_OUT: &str = "内閣官房国家サイバー統括室への共有等を希望しない。";
    pub const OPT_OUT_DETAIL: &str = "共有等を希望しない内容";

    /// 記載の手引き.
    pub const GUIDE: &str = "記載の手引き";
    pub const GUIDE_PROCEDURES: &str = "(1)本様式の対象となる手続";
    pub const GUIDE_ITEMS: &str = "(2)記載事項";
    /// (2) 記載事項 (DDoS; ランサムウェア under ①共通).
    pub const GUIDE_ITEMS_TEXT: &str = "1から6までの内容を記載してください。また、続報として提出する場合には、前回の報告から記載を変更した箇所に下線を引くなど、変更箇所が分かるようにしてください。";
    /// ※1 and ※2 under 記載の手引き.
    pub const NOTE_1: crate::taxonomy::Note = crate::taxonomy::wording::COMMON_NOTE_1;
    pub const NOTE_2: crate::taxonomy::Note = crate::taxonomy::wording::COMMON_NOTE_2;

    pub const REPORTER: &str = "1. 報告者の概要";
    pub const FURIGANA: &str = "(フリガナ)";
    pub const REPORTER_NAME: &str = "報告者の氏名又は名称";
    pub const CORPORATE_NUMBER: &str = "法人番号(13桁)";
    pub const LIAISON_NAME: &str = "事務連絡者の氏名";
    pub const DEPARTMENT: &str = "所属部署";
    pub const PHONE: &str = "電話番号";
    pub const EMAIL: &str = "E-mail";

    pub const BUSINESS_IMPACT: &str = "2. 業務への影響";
    pub const INCIDENT_SUMMARY: &str = "(1)事案の概要";
    /// 2.(2) heading.
    pub const SERVICE_LEVEL: &str = "(2)重要インフラサービス維持レベルについて(重要インフラのサイバーセキュリティに係る行動計画(2022年6月17日サイバーセキュリティ戦略本部決定)に定める重要インフラ事業者等に該当する場合に記載すること。該当しない場合は記載を要さない。)";
    pub const DEVIATION: &str = "重要インフラサービスのサービス維持レベルの逸脱の有無";
    pub const SPREAD: &str = "他の事業者等への波及の可能性";
    pub const SERVICE_IMPACT: &str = "サービス提供への影響、想定される最大リスク 等";
    pub const TIMELINE_HEAD: [&str; 2] = ["日時", "事象・対応状況等"];

    pub const SYSTEMS: &str = "3. 影響を受けたシステム";
    pub const DEVICES: &str = "影響を受けた機器の種類・台数等";
    /// The common forms print the status with 影響無し (情報連絡様式: 影響なし).
    pub const SYSTEM_STATUS: &str = "システムの稼働状況(影響無し/停止中/一部稼働中/復旧済)";

    pub const RESPONSE: &str = "5. 今後の対応";
    pub const PUBLICATION: &str = "(1)公表の実施状況";
    pub const PUBLICATION_CASE: &str = "事案の公表";
    pub const PUBLICATION_DATE: &str = "公表日";
    pub const PUBLICATION_PLANNED_DATE: &str = "公表予定日";
    pub const OUTLOOK: &str = "(2)今後の予定";
    pub const LAWS_NOTE: &str =
        "(記載の手引き欄に記載のいずれの法令等に基づく報告かを記載すること。)";
}

/// DDoS攻撃事案共通様式 (図4-1).
pub mod ddos {
    pub const TITLE: &str = "DDoS攻撃事案共通様式";
    pub const FIGURE: &str = "図4-1 DDoS攻撃事案共通様式";
    /// The (注) under the opt-out.
    pub const OPT_OUT_NOTE: crate::taxonomy::Note = crate::taxonomy::Note { id: "ddos-opt-out-note", mark: "(注)", text: "報告を行う者が、重要インフラのサイバーセキュリティに係る行動計画(2022年6月17日サイバーセキュリティ戦略本部決定)に定める重要インフラ事業者等である場合は、同行動計画に基づき、「共有等を希望しない」とした場合でも、内閣官房国家サイバー統括室に共有されることがあります。" };
    pub const GUIDE: &str = "1. 記載の手引き";
    pub const TIMELINE: &str = "(3)事実経過(時系列)";
    /// 4. heading (rebuilt: garbled in the extracted text).
    pub const ATTACKS: &str = "4. 攻撃の情報";
    /// (1) (rebuilt heading).
    pub const PERIOD: &str = "(1)攻撃日時";
    pub const STARTED: &str = "攻撃開始";
    pub const ENDED: &str = "攻撃収束";
    pub const PERIOD_NOTE: &str = "特記事項";
    pub const KIND: &str = "(2)攻撃の種類";
    /// ① (rebuilt).
    pub const KIND_TYPES: &str = "①攻撃類型";
    pub const KIND_DETAIL: &str = "②詳細";
    pub const PROTOCOL: &str = "(3)通信プロトコル";
    pub const SOURCE: &str = "(4)送信元情報";
    pub const SOURCE_IP: &str = "送信元のIPアドレス";
    pub const SOURCE_PORT: &str = "送信元のポート番号";
    pub const SOURCE_DEVICE: &str = "送信元の機器・ネットワーク";
    pub const TARGET: &str = "(5)送信先情報";
    pub const TARGET_IP: &str = "送信先のIPアドレス";
    pub const TARGET_PORT: &str = "送信先のポート番号";
    pub const TARGET_SERVICE: &str = "攻撃されているサービス・アプリケーション";
    pub const VOLUME: &str = "(6)通信量";
    pub const LAWS: &str = "6. 本様式の届出先・報告の根拠規定等";
    pub const OTHER: &str = "7. その他(有効な対策等)";
}

/// ランサムウェア事案共通様式 (図4-2).
pub mod ransomware {
    pub const TITLE: &str = "ランサムウェア事案共通様式";
    pub const FIGURE: &str = "図4-2 ランサムウェア事案共通様式";
    pub const RECEIPT_NUMBER: &str = "受付番号※";
    pub const RECEIPT_NUMBER_NOTE: &str = "※個人情報保護委員会より通知されている場合";
    /// The (注) under the opt-out (this form: 「別紙1から別紙3までの内容を除き」).
    pub const OPT_OUT_NOTE: crate::taxonomy::Note = crate::taxonomy::Note { id: "ransomware-opt-out-note", mark: "(注)", text: "報告を行う者が、重要インフラのサイバーセキュリティに係る行動計画(2022年6月17日サイバーセキュリティ戦略本部決定)に定める重要インフラ事業者等である場合は、同行動計画に基づき、「共有等を希望しない」とした場合でも、別紙1から別紙3までの内容を除き、内閣官房国家サイバー統括室に共有されることがあります。" };
    pub const GUIDE: &str = "1. 記載の手引き";
    /// (2) 記載事項 ①–④.
    pub const GUIDE_ITEMS: [(&str, &str); 4] = [
        ("①共通", "1から6までの内容を記載してください。また、続報として提出する場合には、前回の報告から記載を変更した箇所に下線を引くなど、変更箇所が分かるようにしてください。"),
        ("②個人情報の保護に関する法律第26条第1項の規定による漏えい等報告を行う場合", "別紙1も記載してください。"),
        ("③個人情報の保護に関する法律第68条第1項の規定による漏えい等報告を行う場合", "別紙2も記載してください。"),
        ("④行政手続における特定の個人を識別するための番号の利用等に関する法律第29条の4第1項の規定による漏えい等報告を行う場合", "別紙3も記載してください。"),
    ];

    pub const INDUSTRY: &str = "業種・業種番号";
    pub const ADDRESS: &str = "報告者の住所又は居所";
    pub const REPRESENTATIVE: &str = "代表者の氏名(報告者が法人等の場合に限る。)";
    pub const OCCURRED_AT: &str = "発生日時";
    pub const DISCOVERED_AT: &str = "発覚日時";
    /// 2.(3) heading.
    pub const LEAK: &str = "(3)個人データ、保有個人情報又は特定個人情報の漏えい等について";
    /// kyoyu's own note: 別紙1–3 are not part of the handbook.
    pub const LEAK_ANNEX_HINT: &str = "別紙1〜3の様式そのものは手引書に含まれていません。漏えい等報告は個人情報保護委員会の様式で行ってください。";
    pub const TIMELINE: &str = "(4)事実経過(時系列)";
    pub const ENVIRONMENT: &str = "設置環境";
    pub const TOPOLOGY: &str = "システムの接続形態図";
    /// 4. heading (rebuilt: garbled in the extracted text).
    pub const RANSOMWARE: &str = "4. ランサムウェアの情報(記入可能な項目で記載してください。)";
    /// (1) (rebuilt).
    pub const DISPLAYED: &str =
        "(1)脅迫文(身代金を要求する表示)、その他表示されたもの(一部分かるものでも可)";
    /// (2) (rebuilt).
    pub const EXTENSION: &str = "(2)暗号化されたファイルの拡張子";
    pub const EXTENSION_EXAMPLE: &str = "(例: ファイル名.xxx)";
    /// (3) (rebuilt).
    pub const FACTS: &str = "(3)ランサムウェアによる暗号化の有無/リークサイト等を通じた情報漏えいが行われた旨の公開の有無/身代金要求の有無";
    pub const ENCRYPTED: &str = "暗号化の有無";
    pub const LEAK_SITE: &str = "リークサイト等を通じた情報漏えいが行われた旨の公開の有無";
    pub const RANSOM_DEMAND: &str = "身代金要求の有無";
    pub const INTRUSION: &str = "(4)侵入方法";
    pub const INTRUSION_EXAMPLE: &str = "(例: 脆弱性の悪用/フィッシングメール)";
    pub const INDICATORS: &str = "(5)ランサムウェアの特徴(インディケータ情報)";
    pub const INDICATORS_EXAMPLE: &str = "(例: 攻撃元のIPアドレス、事案に係るログ情報等)";
    pub const PUBLICATION_METHOD: &str = "公表の方法";
    pub const PUBLICATION_TEXT: &str = "公表文";
    pub const INVESTIGATION: &str = "(3)外部機関による調査";
    pub const INVESTIGATION_DETAIL: &str = "詳細";
    pub const LAWS: &str = "(4)本様式の届出先・報告の根拠規定等";
    pub const OTHER: &str = "6. その他(特記事項等)";
}

// ---------------------------------------------------------------------------------------------
// 情報提供様式 (図7)
// ---------------------------------------------------------------------------------------------

/// 情報提供様式 (図7) — its fixed texts.
pub mod advisory {
    pub const TITLE: &str = "情報提供様式";
    pub const DIRECTION: &str = "(内閣官房→重要インフラ所管省庁)";
    pub const FIGURE: &str = "図7 情報提供様式";
    pub const IDENTIFIER: &str = "識別番号";
    pub const PROVIDED_AT: &str = "情報提供日時";
    pub const RECIPIENTS: &str = "情報提供先";
    pub const RECIPIENTS_NOTE: &str = "(所管省庁名及び分野名)";
    pub const TLP: &str = "情報共有範囲";
    pub const TLP_NOTE: &str = "特記事項";
    pub const CONTENT: &str = "◆情報提供の内容";
    pub const CONTENT_HEAD: [&str; 2] = ["項目", "情報の内容"];
    pub const THREAT: &str = "脅威等の内容";
    pub const OVERVIEW: &str = "①概要";
    pub const TARGET: &str = "②対象";
    pub const RESPONSE: &str = "③対処方針";
    pub const OTHER: &str = "④その他";
    /// 本件問合せ先 — the fixed text of its block.
    pub const CONTACT: &str = "本件問合せ先(重要インフラ所管省庁からの問合せに限る。)";
    pub const CONTACT_OFFICE: &str = "国家サイバー統括室";
    pub const CONTACT_DESK: &str = "重要インフラ防護担当";
    pub const PHONE: &str = "電話番号";
    pub const FAX: &str = "FAX番号";
    pub const EMAIL: &str = "電子メールアドレス";
}
