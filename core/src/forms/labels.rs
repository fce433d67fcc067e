//! The Japanese label of every field path of each form, in the form's order — for error
//! summaries, diffs and focus. Paths are patterns: list indexes removed (`timeline[].at`).

use super::{path, FormKind};

/// One field of a form: its path pattern and its label as the form words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Path pattern, e.g. `header.tlp`, `timeline[].description`.
    pub path: &'static str,
    /// The form's wording, e.g. 「情報共有範囲」.
    pub label: &'static str,
}

const fn f(path: &'static str, label: &'static str) -> Field {
    Field { path, label }
}

const INCIDENT: &[Field] = &[
    f("header", "様式冒頭"),
    f("header.importance", "重要度"),
    f("header.report_number", "第N報"),
    f("header.identifier", "識別番号"),
    f("header.reported_at", "情報連絡日時"),
    f("header.contact", "情報連絡元"),
    f("header.contact.ministry", "情報連絡元 省庁名"),
    f("header.contact.bureau", "情報連絡元 部局名"),
    f("header.contact.person", "情報連絡元 担当者名"),
    f("header.contact.phone", "情報連絡元 電話番号"),
    f("header.contact.fax", "情報連絡元 FAX番号"),
    f("header.contact.email", "情報連絡元 電子メールアドレス"),
    f("header.tlp", "情報共有範囲"),
    f("header.tlp_note", "情報共有範囲 特記事項"),
    f("header.annex", "別紙有無"),
    f("event_type", "①発生した事象の類型"),
    f("causes", "②原因の類型"),
    f("sector", "③分野名"),
    f("operator_name", "④事象が発生した重要インフラ事業者等名"),
    f("overview", "⑤概要"),
    f("overview.discovered_at", "⑤概要 判明日時"),
    f("overview.occurred_at", "⑤概要 発生日時"),
    f("overview.occurred_at_note", "⑤概要 発生日時の注記"),
    f("overview.system", "⑤概要 事象が発生したシステム・委託先業者等"),
    f("overview.summary", "⑤概要 発生事象の概要"),
    f("overview.system_status", "⑤概要 システムの稼働状況"),
    f("impact", "⑥重要インフラサービス等への影響"),
    f("impact.deviation", "⑥サービス維持レベル逸脱の有無"),
    f("impact.spread", "⑥他の事業者等への波及の可能性"),
    f("timeline", "⑦当該事象に係る推移等"),
    f("timeline[]", "⑦推移等の行"),
    f("timeline[].at", "⑦推移等 日時"),
    f("timeline[].description", "⑦推移等 事象・対応状況等"),
    f("supplementary", "⑦補足情報"),
    f("external", "⑦対外的な対応状況"),
    f("external.press", "⑦報道発表、報道等への掲載"),
    f("external.press_detail", "⑦報道発表等の日時・件名"),
    f("external.ppc", "⑦個人情報保護委員会への連絡"),
    f("external.ppc_detail", "⑦個人情報保護委員会への連絡の日時・件名"),
    f("external.other_contacts", "⑦その他国家サイバー統括室以外に連絡を行った先"),
    f("outlook", "⑧今後の予定"),
    f("lessons", "⑨その他・得られた教訓等"),
];

const COMMON_HEADER: &[Field] = &[
    f("header", "様式冒頭"),
    f("header.report_number", "第N報"),
    f("header.reported_at", "報告日時"),
    f("header.addressee", "宛先(報告先機関の長)"),
    f("header.new_or_follow_up", "新規又は続報の別"),
    f("header.previous_reported_at", "前回報告日時"),
    f("header.opt_out", "内閣官房国家サイバー統括室への共有等を希望しない"),
    f("header.opt_out_detail", "共有等を希望しない内容"),
];

const DDOS: &[Field] = &[
    f("reporter", "1. 報告者の概要"),
    f("reporter.name", "報告者の氏名又は名称"),
    f("reporter.name_kana", "報告者の氏名又は名称(フリガナ)"),
    f("reporter.corporate_number", "法人番号(13桁)"),
    f("reporter.contact_name", "事務連絡者の氏名"),
    f("reporter.contact_kana", "事務連絡者の氏名(フリガナ)"),
    f("reporter.department", "所属部署"),
    f("reporter.phone", "電話番号"),
    f("reporter.email", "E-mail"),
    f("summary", "2.(1) 事案の概要"),
    f("service_level", "2.(2) 重要インフラサービス維持レベル"),
    f("service_level.deviation", "サービス維持レベルの逸脱の有無"),
    f("service_level.spread", "他の事業者等への波及の可能性"),
    f("service_level.impact", "サービス提供への影響、想定される最大リスク等"),
    f("timeline", "2.(3) 事実経過(時系列)"),
    f("timeline[]", "事実経過の行"),
    f("timeline[].at", "事実経過 日時"),
    f("timeline[].description", "事実経過 内容"),
    f("systems", "3. 影響を受けたシステム"),
    f("systems.equipment", "影響を受けた機器の種類・台数等"),
    f("systems.status", "システムの稼働状況"),
    f("attacks", "4. 攻撃の情報"),
    f("attacks[]", "攻撃"),
    f("attacks[].started_at", "攻撃開始"),
    f("attacks[].ended_at", "攻撃収束"),
    f("attacks[].note", "攻撃 特記事項"),
    f("attacks[].types", "攻撃の種類"),
    f("attacks[].type_other", "攻撃の種類 その他"),
    f("attacks[].type_detail", "攻撃の種類 詳細"),
    f("attacks[].protocol", "通信プロトコル"),
    f("attacks[].source", "送信元情報"),
    f("attacks[].source.ip", "送信元のIPアドレス"),
    f("attacks[].source.port", "送信元のポート番号"),
    f("attacks[].source.equipment", "送信元の機器・ネットワーク"),
    f("attacks[].destination", "送信先情報"),
    f("attacks[].destination.ip", "送信先のIPアドレス"),
    f("attacks[].destination.port", "送信先のポート番号"),
    f("attacks[].destination.service", "攻撃されているサービス・アプリケーション"),
    f("attacks[].volume", "通信量"),
    f("publication", "5.(1) 公表の実施状況"),
    f("publication.status", "事案の公表"),
    f("publication.date", "公表日・公表予定日"),
    f("outlook", "5.(2) 今後の予定"),
    f("laws", "6. 本様式の届出先・報告の根拠規定等"),
    f("other", "7. その他(有効な対策等)"),
];

const RANSOMWARE: &[Field] = &[
    f("receipt_number", "受付番号"),
    f("reporter", "1. 報告者の概要"),
    f("reporter.name", "報告者の氏名又は名称"),
    f("reporter.name_kana", "報告者の氏名又は名称(フリガナ)"),
    f("reporter.corporate_number", "法人番号(13桁)"),
    f("reporter.industry", "業種・業種番号"),
    f("reporter.address", "報告者の住所又は居所"),
    f("reporter.representative", "代表者の氏名"),
    f("reporter.representative_kana", "代表者の氏名(フリガナ)"),
    f("reporter.contact_name", "事務連絡者の氏名"),
    f("reporter.contact_kana", "事務連絡者の氏名(フリガナ)"),
    f("reporter.department", "所属部署"),
    f("reporter.phone", "電話番号"),
    f("reporter.email", "E-mail"),
    f("summary", "2.(1) 事案の概要"),
    f("occurred_at", "発生日時"),
    f("discovered_at", "発覚日時"),
    f("service_level", "2.(2) 重要インフラサービス維持レベル"),
    f("service_level.deviation", "サービス維持レベルの逸脱の有無"),
    f("service_level.spread", "他の事業者等への波及の可能性"),
    f("service_level.impact", "サービス提供への影響、想定される最大リスク等"),
    f("leak_annexes", "2.(3) 個人データ等の漏えい等(別紙)"),
    f("timeline", "2.(4) 事実経過(時系列)"),
    f("timeline[]", "事実経過の行"),
    f("timeline[].at", "事実経過 日時"),
    f("timeline[].description", "事実経過 内容"),
    f("systems", "3. 影響を受けたシステム"),
    f("systems.equipment", "影響を受けた機器の種類・台数等"),
    f("systems.status", "システムの稼働状況"),
    f("systems.environment", "設置環境"),
    f("systems.topology", "システムの接続形態図"),
    f("ransomware", "4. ランサムウェアの情報"),
    f("ransomware.ransom_note", "脅迫文・その他表示されたもの"),
    f("ransomware.encrypted_extension", "暗号化されたファイルの拡張子"),
    f("ransomware.encrypted", "暗号化の有無"),
    f("ransomware.leak_site", "リークサイト等での公開の有無"),
    f("ransomware.ransom_demanded", "身代金要求の有無"),
    f("ransomware.intrusion", "侵入方法"),
    f("ransomware.indicators", "ランサムウェアの特徴(インディケータ情報)"),
    f("publication", "5.(1) 公表の実施状況"),
    f("publication.status", "事案の公表"),
    f("publication.date", "公表日・公表予定日"),
    f("publication_methods", "公表の方法"),
    f("publication_method_other", "公表の方法 その他"),
    f("publication_text", "公表文"),
    f("outlook", "5.(2) 今後の予定"),
    f("investigation", "5.(3) 外部機関による調査"),
    f("investigation_detail", "外部機関による調査 詳細"),
    f("laws", "5.(4) 本様式の届出先・報告の根拠規定等"),
    f("other", "6. その他(特記事項等)"),
];

const ADVISORY: &[Field] = &[
    f("header", "様式冒頭"),
    f("header.importance", "重要度"),
    f("header.report_number", "第N報"),
    f("header.identifier", "識別番号"),
    f("header.provided_at", "情報提供日時"),
    f("header.recipients", "情報提供先"),
    f("header.recipients[]", "情報提供先"),
    f("header.recipients[].ministry", "情報提供先 所管省庁名"),
    f("header.recipients[].sector", "情報提供先 分野名"),
    f("header.tlp", "情報共有範囲"),
    f("header.tlp_note", "情報共有範囲 特記事項"),
    f("header.annex", "別紙有無"),
    f("overview", "①概要"),
    f("target", "②対象"),
    f("response", "③対処方針"),
    f("other", "④その他"),
    f("contact", "本件問合せ先"),
    f("contact.person", "本件問合せ先 担当者"),
    f("contact.phone", "本件問合せ先 電話番号"),
    f("contact.fax", "本件問合せ先 FAX番号"),
    f("contact.email", "本件問合せ先 電子メールアドレス"),
];

/// Every field of `kind` with its label, in the form's order (path patterns; for the
/// 共通様式 the header fields come first).
pub fn fields(kind: FormKind) -> Vec<Field> {
    match kind {
        FormKind::Incident => INCIDENT.to_vec(),
        FormKind::Ddos => COMMON_HEADER.iter().chain(DDOS).copied().collect(),
        FormKind::Ransomware => COMMON_HEADER.iter().chain(RANSOMWARE).copied().collect(),
        FormKind::Advisory => ADVISORY.to_vec(),
    }
}

/// The Japanese label of a field path (`timeline[2].at` or `timeline[].at`) of `kind`.
pub fn field_label(kind: FormKind, field_path: &str) -> Option<&'static str> {
    let p = path::pattern(field_path);
    let table: &[&[Field]] = match kind {
        FormKind::Incident => &[INCIDENT],
        FormKind::Ddos => &[COMMON_HEADER, DDOS],
        FormKind::Ransomware => &[COMMON_HEADER, RANSOMWARE],
        FormKind::Advisory => &[ADVISORY],
    };
    table.iter().flat_map(|t| t.iter()).find(|fl| fl.path == p).map(|fl| fl.label)
}

/// A sort key that puts field paths of `kind` in the form's order (rows by index); paths
/// unknown to the label table go last, in their given order when sorted stably.
pub fn order_key(kind: FormKind, field_path: &str) -> (usize, Vec<usize>) {
    let p = path::pattern(field_path);
    let table = fields(kind);
    // The longest known prefix pattern decides (a row `attacks[1]` sorts with its fields).
    let pos = table.iter().position(|fl| fl.path == p).unwrap_or_else(|| {
        table
            .iter()
            .position(|fl| path::is_under(&p, fl.path) || path::is_under(fl.path, &p))
            .unwrap_or(usize::MAX)
    });
    let indexes = field_path
        .split('[')
        .skip(1)
        .filter_map(|s| s.split(']').next()?.parse().ok())
        .collect::<Vec<usize>>();
    // Rows first by index, then by field: key (position of the list, indexes, position).
    match path::first_index(field_path) {
        Some(_) => {
            let list = &p[..p.find('[').unwrap_or(p.len())];
            let list_pos = table.iter().position(|fl| fl.path == list).unwrap_or(usize::MAX);
            let mut k = vec![];
            k.extend(indexes);
            k.push(pos);
            (list_pos, k)
        }
        None => (pos, indexes),
    }
}
