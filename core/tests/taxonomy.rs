//! The taxonomy against the seed: counts, ids, labels, round trips.

use std::collections::HashSet;

use kyoyu_core::taxonomy::causes::*;
use kyoyu_core::taxonomy::events::{EventClass, NOTE_LEADING_TO, NOTE_SELECT_ONE};
use kyoyu_core::taxonomy::glossary::{self, TERMS};
use kyoyu_core::taxonomy::importance::{ADVISORY, REPORT};
use kyoyu_core::taxonomy::laws::{ddos_laws, law, ransomware_laws, LawKind};
use kyoyu_core::taxonomy::ransomware::CAUTIONS;
use kyoyu_core::taxonomy::sectors::{TABLE2, TABLE3};
use kyoyu_core::taxonomy::*;

fn is_ascii_id(id: &str) -> bool {
    !id.is_empty()
        && id.is_ascii()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
}

fn check_choice<C: Choice + std::fmt::Debug>(expected_len: usize) {
    assert_eq!(C::ALL.len(), expected_len, "{}", std::any::type_name::<C>());
    let mut ids = HashSet::new();
    let mut labels = HashSet::new();
    for &c in C::ALL {
        assert!(is_ascii_id(c.id()), "{c:?}: id {:?}", c.id());
        assert!(ids.insert(c.id()), "{c:?}: duplicate id");
        assert!(!c.label().trim().is_empty(), "{c:?}: empty label");
        assert!(labels.insert(c.label()), "{c:?}: duplicate label");
        assert_eq!(C::from_id(c.id()), Some(c));
    }
    assert_eq!(C::from_id("no-such-id"), None);
}

#[test]
fn every_choice_round_trips() {
    check_choice::<Importance>(3);
    check_choice::<Tlp>(5);
    check_choice::<EventType>(8);
    check_choice::<EventClass>(5);
    check_choice::<CauseGroup>(4);
    check_choice::<Cause>(17);
    check_choice::<Sector>(15);
    check_choice::<YesNo>(2);
    check_choice::<SystemStatus>(4);
    check_choice::<PressStatus>(3);
    check_choice::<PpcContact>(3);
    check_choice::<IncidentOutlook>(4);
    check_choice::<NewOrFollowUp>(2);
    check_choice::<CommonOutlook>(3);
    check_choice::<Publication>(4);
    check_choice::<PublicationMethod>(4);
    check_choice::<ExternalInvestigation>(4);
    check_choice::<LeakAnnex>(3);
    check_choice::<DdosAttackType>(10);
}

#[test]
fn choices_serialize_as_their_ids() {
    for &c in Cause::ALL {
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            format!("\"{}\"", c.id())
        );
    }
    for &t in Tlp::ALL {
        let back: Tlp = serde_json::from_str(&format!("\"{}\"", t.id())).unwrap();
        assert_eq!(back, t);
    }
}

#[test]
fn causes_in_groups_of_6_8_1_2() {
    let sizes: Vec<usize> = CauseGroup::ALL.iter().map(|g| g.causes().len()).collect();
    assert_eq!(sizes, [6, 8, 1, 2]);
    // Groups partition the causes, in the form's order.
    let flat: Vec<Cause> = CauseGroup::ALL
        .iter()
        .flat_map(|g| g.causes().iter().copied())
        .collect();
    assert_eq!(flat, Cause::ALL);
    for &g in CauseGroup::ALL {
        for &c in g.causes() {
            assert_eq!(c.group(), g);
        }
    }
}

#[test]
fn table1_wording_and_descriptions() {
    assert_eq!(TABLE1_TITLE, "表1 情報連絡における原因の例");
    let differing: Vec<Cause> = Cause::ALL
        .iter()
        .copied()
        .filter(|c| c.table1_label() != c.label())
        .collect();
    assert_eq!(differing, [Cause::ImproperOperation, Cause::Disaster]);
    assert_eq!(
        Cause::ImproperOperation.table1_label(),
        "適切なシステム等運用の未実施"
    );
    assert_eq!(
        Cause::ImproperOperation.label(),
        "適切なシステム運用等の未実施"
    );
    assert_eq!(Cause::Disaster.table1_label(), "災害や疾病");
    assert_eq!(Cause::Disaster.label(), "災害や疾病等");
    let mut seen = HashSet::new();
    for &c in Cause::ALL {
        assert!(!c.description().is_empty());
        assert!(seen.insert(c.description()), "{c:?}: duplicate description");
    }
    assert_eq!(
        Cause::Ddos.description(),
        "オープンリゾルバやボットネット等の利用などによる大量アクセス"
    );
}

#[test]
fn eight_event_types_in_five_classes() {
    let flat: Vec<EventType> = EventClass::ALL
        .iter()
        .flat_map(|c| c.event_types().iter().copied())
        .collect();
    assert_eq!(flat, EventType::ALL);
    for &e in EventType::ALL {
        assert!(e.class().event_types().contains(&e));
    }
    assert!(!EventClass::NotOccurred.occurred());
    assert_eq!(EventClass::ALL.iter().filter(|c| c.occurred()).count(), 4);
    assert_eq!(EventType::Sign.class(), EventClass::NotOccurred);
    assert_eq!(
        EventType::Leak.example(),
        Some("組織の機密情報等の流出など")
    );
    assert_eq!(
        EventType::ALL
            .iter()
            .filter(|e| e.example().is_some())
            .count(),
        6,
        "all but 予兆・ヒヤリハット and その他 print an example"
    );
    assert_eq!(EventClass::LeadingTo.note(), Some(NOTE_LEADING_TO));
    assert_eq!(NOTE_SELECT_ONE.mark, "※2");
    assert_eq!(NOTE_LEADING_TO.mark, "※3");
}

#[test]
fn fifteen_sectors_in_tables_2_and_3() {
    assert_eq!(Sector::ALL.len(), 15);
    for &s in Sector::ALL {
        assert!(s.table2_rows().count() >= 1, "{s:?} has no 表2 row");
        assert!(s.table3_rows().count() >= 1, "{s:?} has no 表3 row");
    }
    assert_eq!(Sector::Finance.table2_rows().count(), 5);
    assert_eq!(Sector::Finance.sub_sectors().len(), 5);
    // Sub-sectors only in 金融, and every 金融 row has one.
    for r in TABLE2.iter() {
        assert_eq!(
            r.sub_sector.is_some(),
            r.sector == Sector::Finance,
            "{}",
            r.id
        );
    }
    for r in TABLE3.iter() {
        assert_eq!(
            r.sub_sector.is_some(),
            r.sector == Sector::Finance,
            "{}",
            r.id
        );
    }
    // Tables follow the sector order.
    let order = |s: Sector| Sector::ALL.iter().position(|&x| x == s).unwrap();
    assert!(TABLE2
        .windows(2)
        .all(|w| order(w[0].sector) <= order(w[1].sector)));
    assert!(TABLE3
        .windows(2)
        .all(|w| order(w[0].sector) <= order(w[1].sector)));
}

#[test]
fn table_rows_are_complete_or_say_why_not() {
    let mut ids = HashSet::new();
    for r in TABLE2.iter() {
        assert!(is_ascii_id(r.id) && ids.insert(r.id), "表2 id {}", r.id);
        let complete = !r.operators.is_empty() && !r.key_systems.is_empty();
        assert!(
            complete || r.uncertain.is_some(),
            "表2 {} is incomplete and silent",
            r.id
        );
        for s in r.operators.iter().chain(r.key_systems) {
            assert!(
                !s.trim().is_empty() && !s.starts_with('・'),
                "表2 {}: {s:?}",
                r.id
            );
        }
    }
    let mut ids = HashSet::new();
    for r in TABLE3.iter() {
        assert!(is_ascii_id(r.id) && ids.insert(r.id), "表3 id {}", r.id);
        assert!(
            !r.services.is_empty() && !r.descriptions.is_empty(),
            "{}",
            r.id
        );
        assert!(
            !r.failures.is_empty() && !r.reporting.is_empty(),
            "{}",
            r.id
        );
        for s in r
            .services
            .iter()
            .chain(r.descriptions)
            .chain(r.failures)
            .chain(r.reporting)
        {
            assert!(
                !s.trim().is_empty() && !s.starts_with('・'),
                "表3 {}: {s:?}",
                r.id
            );
        }
        if let Some(u) = r.uncertain {
            assert!(!u.is_empty());
        }
    }
    // Sectors with a stated サービス維持レベル.
    let with_levels: HashSet<Sector> = TABLE3
        .iter()
        .filter(|r| !r.service_levels.is_empty())
        .map(|r| r.sector)
        .collect();
    assert_eq!(
        with_levels,
        HashSet::from([Sector::Telecom, Sector::Electricity, Sector::Gas])
    );
}

#[test]
fn three_importance_levels_in_both_tables() {
    assert_eq!(REPORT.rows.len(), 3);
    assert_eq!(ADVISORY.rows.len(), 3);
    assert_eq!(REPORT.title, "表4 情報連絡の重要度及びその説明");
    assert_eq!(ADVISORY.title, "表4 情報提供の重要度及びその説明");
    for &i in Importance::ALL {
        assert!(!i.report_meaning().is_empty());
        assert!(!i.advisory_meaning().is_empty());
    }
    assert!(Importance::Alert.report_meaning().contains("直ちに"));
    assert_ne!(REPORT.actor_note, ADVISORY.actor_note);
}

#[test]
fn five_tlp_labels_with_tlp2_colours() {
    assert_eq!(Tlp::ALL.len(), 5);
    for &t in Tlp::ALL {
        assert!(t.label().starts_with("TLP:"));
        assert_eq!(t.label(), format!("TLP:{}", t.id()));
        assert!(!t.name().is_empty() && !t.definition().is_empty() && !t.summary().is_empty());
        assert!(!t.share_scope().is_empty());
        assert!(t.summary().starts_with(t.name()));
        assert_eq!(t.colour().background, "#000000");
        assert_eq!(t.report_form_scope().is_none(), t == Tlp::Clear);
        assert_eq!(t.advisory_form_scope().is_none(), t == Tlp::Clear);
    }
    assert_eq!(Tlp::Red.colour().text, "#FF2B2B");
    assert_eq!(Tlp::AmberStrict.colour().text, "#FFC000");
    assert_eq!(Tlp::Amber.colour().text, "#FFC000");
    assert_eq!(Tlp::Green.colour().text, "#33FF00");
    assert_eq!(Tlp::Clear.colour().text, "#FFFFFF");
    assert_eq!(Tlp::Green.share_scope().len(), 9);
}

#[test]
fn thirty_three_glossary_terms() {
    assert_eq!(TERMS.len(), 33);
    let mut ids = HashSet::new();
    let mut terms = HashSet::new();
    for t in TERMS.iter() {
        assert!(is_ascii_id(t.id) && ids.insert(t.id), "{}", t.id);
        assert!(terms.insert(t.term), "{}", t.term);
        assert!(!t.definition.is_empty());
        assert_eq!(glossary::term(t.id), Some(t));
    }
    assert_eq!(TERMS[0].term, "CISO");
    assert_eq!(TERMS[32].term, "予兆・ヒヤリハット");
    assert_eq!(glossary::term("csirt").unwrap().reading, Some("シーサート"));
}

#[test]
fn thirty_three_and_thirty_six_laws_sharing_one_list() {
    let ddos = ddos_laws();
    let ransomware = ransomware_laws();
    assert_eq!(ddos.len(), 33);
    assert_eq!(ransomware.len(), 36);
    assert_eq!(&ransomware[3..], ddos);
    assert!(ransomware[..3]
        .iter()
        .all(|l| l.kind == LawKind::LeakReport));
    assert!(ddos.iter().all(|l| l.kind != LawKind::LeakReport));
    assert_eq!(ddos.iter().filter(|l| l.kind == LawKind::Other).count(), 2);
    let mut ids = HashSet::new();
    let mut texts = HashSet::new();
    for l in ransomware {
        assert!(is_ascii_id(l.id) && ids.insert(l.id), "{}", l.id);
        assert!(texts.insert(l.text), "{}", l.text);
        assert!(!l.text.starts_with('・') && !l.text.starts_with('〇'));
        assert_eq!(law(l.id), Some(l));
    }
    assert_eq!(ddos[0].text, "電気通信事業法(業務停止等の報告)第28条");
    assert_eq!(
        ddos[32].text,
        "その他所管省庁から本様式により報告を行うよう要請等があった場合"
    );
    for &a in LeakAnnex::ALL {
        assert!(ransomware[..3].contains(&a.law()));
    }
}

#[test]
fn ddos_attack_types() {
    for &t in DdosAttackType::ALL {
        let named = t.japanese_name().is_some();
        assert_eq!(
            named,
            !matches!(t, DdosAttackType::Other | DdosAttackType::Unknown)
        );
    }
    assert_eq!(
        DdosAttackType::DirectNetworkFlood.example(),
        Some("UDPフラッド攻撃等")
    );
    assert_eq!(
        DdosAttackType::ReflectionAmplification.example(),
        Some("DNSリフレクション攻撃等")
    );
    assert!(DdosAttackType::NetworkDos
        .note()
        .unwrap()
        .contains("T1498-001"));
    assert!(DdosAttackType::EndpointDos
        .note()
        .unwrap()
        .contains("T1499-004"));
}

#[test]
fn five_ransomware_cautions() {
    assert_eq!(CAUTIONS.len(), 5);
    let ids: HashSet<&str> = CAUTIONS.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 5);
    assert!(CAUTIONS
        .iter()
        .all(|c| is_ascii_id(c.id) && c.text.ends_with("こと。")));
}

#[test]
fn common_form_wording() {
    assert_eq!(SystemStatus::NoImpact.label(), "影響なし");
    assert_eq!(SystemStatus::NoImpact.common_form_label(), "影響無し");
    for &s in &SystemStatus::ALL[1..] {
        assert_eq!(s.common_form_label(), s.label());
    }
}
