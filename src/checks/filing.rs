//! `yibao filing`: cross-region medical care filing (异地就医备案). From where the person is
//! insured, where the care or the stay is, the kind of filing and whether they are already in
//! hospital: whether a filing is needed at all (not within one pooling area, nor for an
//! emergency, nor inside a province that waives it), which class it is, the proof, how long
//! it lasts, how care is paid and the regional figures (lower rates for temporary care),
//! each statement from `rules/filing.toml` picked by its `when` tags. Pure: the policy of the
//! insured place (参保地) comes in as an argument.

use serde::{Deserialize, Serialize};

use crate::rules::procedures::filing::TAGS;
use crate::rules::procedures::items::TagSet;
use crate::rules::{Policy, Resolved};
use crate::verdict::{Verdict, Warning, Why, only_reported};
use crate::vocab::{Channel, Outcome, Place, Scheme, Who};

pub const SCHEMA: &str = "yibao.filing/1";

/// The kind of filing, as the 2022 notice names the people it covers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Kind {
    /// 异地安置退休: a retiree who has settled elsewhere.
    #[value(aliases = ["异地安置退休", "异地安置", "退休", "resettled-retiree"])]
    #[serde(alias = "异地安置退休", alias = "异地安置", alias = "退休")]
    ResettledRetiree,
    /// 异地长期居住: living elsewhere for a long time.
    #[value(aliases = ["异地长期居住", "长期居住", "long-term-resident"])]
    #[serde(alias = "异地长期居住", alias = "长期居住")]
    LongTermResident,
    /// 常驻异地工作: posted elsewhere by the employer.
    #[value(aliases = ["常驻异地工作", "常驻", "派驻", "posted-worker"])]
    #[serde(alias = "常驻异地工作", alias = "常驻", alias = "派驻")]
    PostedWorker,
    /// 异地转诊: referred to a hospital elsewhere.
    #[value(aliases = ["异地转诊", "转诊"])]
    #[serde(alias = "异地转诊", alias = "转诊")]
    Referral,
    /// 异地急诊抢救: emergency care elsewhere.
    #[value(aliases = ["异地急诊抢救", "急诊", "抢救"])]
    #[serde(alias = "异地急诊抢救", alias = "急诊", alias = "抢救")]
    Emergency,
    /// 其他临时外出就医: other temporary care elsewhere.
    #[value(aliases = ["其他临时外出就医", "临时外出就医", "临时"])]
    #[serde(alias = "其他临时外出就医", alias = "临时外出就医", alias = "临时")]
    Temporary,
}

/// The two classes of filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// 异地长期居住人员: valid until changed.
    LongTerm,
    /// 临时外出就医人员: valid for a while (at least 6 months as a rule).
    Temporary,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::ResettledRetiree,
        Kind::LongTermResident,
        Kind::PostedWorker,
        Kind::Referral,
        Kind::Emergency,
        Kind::Temporary,
    ];

    pub fn class(self) -> Class {
        match self {
            Kind::ResettledRetiree | Kind::LongTermResident | Kind::PostedWorker => Class::LongTerm,
            Kind::Referral | Kind::Emergency | Kind::Temporary => Class::Temporary,
        }
    }

    /// Its id, as typed after `--kind`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::ResettledRetiree => "resettled_retiree",
            Kind::LongTermResident => "long_term_resident",
            Kind::PostedWorker => "posted_worker",
            Kind::Referral => "referral",
            Kind::Emergency => "emergency",
            Kind::Temporary => "temporary",
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Kind::ResettledRetiree => "kind_resettled_retiree",
            Kind::LongTermResident => "kind_long_term_resident",
            Kind::PostedWorker => "kind_posted_worker",
            Kind::Referral => "kind_referral",
            Kind::Emergency => "kind_emergency",
            Kind::Temporary => "kind_temporary",
        }
    }
}

impl Class {
    pub fn id(self) -> &'static str {
        match self {
            Class::LongTerm => "long_term",
            Class::Temporary => "temporary",
        }
    }
}

/// Where the care is, seen from where the person is insured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// One pooling area: no filing.
    SameArea,
    /// Another pooling area of the same province: the province's rules.
    InProvince,
    /// Another province: the 2022 notice.
    CrossProvince,
}

/// What `yibao filing` is asked; field names are the flag names. `None`: not known yet.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Facts {
    /// Pooling area (code) where the person is insured (参保地).
    pub from: String,
    /// Pooling area (code) where the care or the stay is (就医地).
    pub to: String,
    pub kind: Option<Kind>,
    pub scheme: Option<Scheme>,
    /// Already in hospital there without a filing.
    #[serde(deserialize_with = "super::answers::yes_no")]
    pub admitted: Option<bool>,
}

impl Facts {
    /// The one-line command that states these facts.
    pub fn command(&self) -> String {
        let mut cmd = format!("yibao filing --from {} --to {}", self.from, self.to);
        if let Some(k) = self.kind {
            cmd.push_str(&format!(" --kind {}", k.id()));
        }
        if let Some(s) = self.scheme {
            cmd.push_str(&format!(" --scheme {}", s.flag()));
        }
        if let Some(a) = self.admitted {
            cmd.push_str(&format!(" --admitted {}", super::answers::word(a)));
        }
        cmd
    }
}

/// The answer: the verdict and what it found.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    pub verdict: Verdict<'a>,
    pub facts: Facts,
    pub scope: Scope,
    /// Whether the person must file before care is settled directly.
    pub needed: bool,
    /// The province waives filings inside it (its rules value).
    pub waived: bool,
    /// The regional figures that apply (validity, rate cuts, share paid first), each
    /// resolved for the insured place with its source.
    pub figures: Vec<Resolved<'a>>,
}

impl Answer<'_> {
    pub fn class(&self) -> Option<Class> {
        self.facts.kind.map(Kind::class)
    }
}

/// Whether `from` and `to` (pooling-area codes) are one area, one province, or two provinces.
pub fn scope(policy: &Policy, from: &str, to: &str) -> Scope {
    if from == to || policy.rules.pooling.same_area(from, to, policy.on) {
        Scope::SameArea
    } else if from.get(..2) == to.get(..2) {
        Scope::InProvince
    } else {
        Scope::CrossProvince
    }
}

/// `policy` is the policy of `facts.from` (the insured place decides).
pub fn check<'a>(facts: &Facts, policy: &Policy<'a>) -> Answer<'a> {
    let data = &policy.rules.procedures.filing;
    let mut v = Verdict::new(Outcome::Yes);
    let scope = scope(policy, &facts.from, &facts.to);
    v.trace(
        "same_pooling_area",
        scope == Scope::SameArea,
        Why::SamePoolingArea,
    );

    let mut waived = false;
    let mut waiver_reported = false;
    if scope == Scope::InProvince
        && let Ok(r) = policy.get("filing.in_province_not_needed")
    {
        waived = r.flag();
        waiver_reported = waived && r.reported();
        v.trace(r.key.clone(), waived, Why::Value(r.clone()));
        if waived {
            v.cite_value(policy, &r);
        }
    }
    let emergency = facts.kind == Some(Kind::Emergency);
    let needed = scope != Scope::SameArea && !waived && !emergency;

    let mut tags: Vec<&str> = vec![if needed { "needed" } else { "not_needed" }];
    tags.push(match scope {
        Scope::SameArea => "same_area",
        Scope::InProvince => "in_province",
        Scope::CrossProvince => "cross_province",
    });
    if scope != Scope::SameArea {
        match facts.kind {
            Some(k) => {
                tags.push(k.tag());
                tags.push(k.class().id());
                // Proof of residence, which a personal commitment may replace.
                if matches!(k, Kind::ResettledRetiree | Kind::LongTermResident) {
                    tags.push("proof");
                }
            }
            None => tags.push("kind_unknown"),
        }
        if facts.admitted == Some(true) {
            tags.push("admitted");
        }
        if waived {
            tags.push("waived");
        }
        if waiver_reported {
            tags.push("waiver_reported");
        }
    }

    // The 2022 notice's values start on 2023-01-01: before that (or past a gap a region file
    // leaves) the rules say nothing, and the answer says so instead of using later rules.
    let gap = match policy.get("filing.temporary_valid_min_months") {
        Err(gap) if scope != Scope::SameArea => Some(gap),
        _ => None,
    };
    let mut figures = Vec::new();
    if needed && facts.kind.map(Kind::class) == Some(Class::Temporary) {
        let cut = match facts.kind {
            Some(Kind::Temporary) => "filing.other_temporary_rate_cut_max",
            _ => "filing.referral_rate_cut_max",
        };
        for key in [
            "filing.temporary_valid_min_months",
            cut,
            "filing.temporary_self_pay_first",
        ] {
            let Ok(r) = policy.get(key) else {
                continue;
            };
            // A share paid first of zero is no rule of the region: nothing to show.
            if key.ends_with("self_pay_first") && r.number() <= 0.0 {
                continue;
            }
            // The national values are the 2022 notice's, for care in another province;
            // inside one only a region's own figure speaks.
            if scope == Scope::InProvince && r.region.is_none() {
                continue;
            }
            v.cite_value(policy, &r);
            v.trace(r.key.clone(), true, Why::Value(r.clone()));
            figures.push(r);
        }
    }

    let set = TagSet::of(TAGS, &tags);
    for item in data.not_needed.iter().filter(|i| i.applies(set)) {
        let s = v.rule(policy, item);
        v.notes.push(s);
    }
    let not_needed_reported = only_reported(v.notes.iter().map(|s| s.unverified));
    for item in data.condition.iter().filter(|i| i.applies(set)) {
        let s = v.rule(policy, item);
        v.conditions.push(s);
    }
    let default = (Place::Local, Channel::Online, Who::Person);
    for item in data.step.iter().filter(|i| i.applies(set)) {
        let s = v.rule_step(policy, crate::verdict::Said::Rule(item), item, default);
        v.steps.push(s);
    }
    for item in data.material.iter().filter(|i| i.applies(set)) {
        let s = v.rule(policy, item);
        v.materials.push(s);
    }
    for item in data.note.iter().filter(|i| i.applies(set)) {
        let s = v.rule(policy, item);
        v.notes.push(s);
    }
    if let Some(gap) = gap {
        v.warnings.push(Warning::Gap(gap));
    }
    // What the answer rests on: the filing steps, or why none is needed (a region's own
    // waiver speaks for itself, `waiver_reported` when it is only reported). Resting only on
    // reported sources, a firm answer is conditional, as refund's and dental's are.
    let rests_on_reports = match (needed, waived) {
        (true, _) => only_reported(v.steps.iter().map(|s| s.unverified)),
        (false, false) => not_needed_reported,
        (false, true) => false,
    };
    if rests_on_reports && v.conditions.is_empty() && v.warnings.is_empty() {
        v.rests_on_reports();
    }
    v.outcome = if v.conditions.is_empty() && v.warnings.is_empty() {
        Outcome::Yes
    } else {
        Outcome::Conditional
    };
    Answer {
        verdict: v,
        facts: facts.clone(),
        scope,
        needed,
        waived,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn run(from: &str, to: &str, kind: Option<Kind>, on: &str) -> Answer<'static> {
        let rules = Box::leak(Box::new(RuleSet::embedded().unwrap()));
        let on = crate::dates::parse_date(on).unwrap();
        let from = Box::leak(from.to_string().into_boxed_str());
        let f = Facts {
            from: from.to_string(),
            to: to.into(),
            kind,
            ..Facts::default()
        };
        check(&f, &rules.policy(Some(from), on))
    }

    fn ids(list: &[crate::verdict::Statement]) -> Vec<String> {
        list.iter().map(|s| s.said.id().to_string()).collect()
    }

    #[test]
    fn one_pooling_area_needs_no_filing() {
        let a = run("110000", "110000", Some(Kind::Temporary), "2026-03-02");
        assert!(!a.needed);
        // The notice that says so was read only in reports: firm in substance, but open.
        assert_eq!(a.verdict.outcome, Outcome::Conditional);
        assert_eq!(ids(&a.verdict.conditions), ["reported_only"]);
        assert!(a.verdict.steps.is_empty());
        assert_eq!(ids(&a.verdict.notes), ["same_area"]);
    }

    #[test]
    fn a_resettled_retiree_in_another_province_files_long_term_with_proof_or_a_promise() {
        let a = run(
            "510100",
            "440300",
            Some(Kind::ResettledRetiree),
            "2026-03-02",
        );
        assert!(a.needed);
        assert_eq!(a.scope, Scope::CrossProvince);
        // Every step rests on the 2022 notice, read only in reports.
        assert_eq!(a.verdict.outcome, Outcome::Conditional);
        assert_eq!(ids(&a.verdict.conditions), ["reported_only"]);
        let m = ids(&a.verdict.materials);
        assert!(m.contains(&"proof_resettled".into()) && m.contains(&"promise_letter".into()));
        let n = ids(&a.verdict.notes);
        assert!(n.contains(&"long_term_validity".into()) && n.contains(&"both_places".into()));
        assert!(a.figures.is_empty());
    }

    #[test]
    fn an_emergency_counts_as_filed() {
        let a = run("610100", "310000", Some(Kind::Emergency), "2026-03-02");
        assert!(!a.needed);
        assert!(ids(&a.verdict.notes).contains(&"emergency_counts_as_filed".into()));
    }

    #[test]
    fn inside_one_province_the_province_decides() {
        let a = run("320100", "320500", Some(Kind::Referral), "2026-03-02");
        assert_eq!(a.scope, Scope::InProvince);
        assert_eq!(a.verdict.outcome, Outcome::Conditional);
        assert!(ids(&a.verdict.conditions).contains(&"in_province_rules".into()));
    }

    #[test]
    fn inside_one_province_only_a_regions_own_figures_are_shown() {
        let jiangsu = run("320100", "320500", Some(Kind::Temporary), "2026-03-02");
        assert!(jiangsu.figures.is_empty());
        assert!(!ids(&jiangsu.verdict.notes).contains(&"temporary_pays_less".into()));
        // Linyi's share paid first is for any care outside the city.
        let linyi = run("371300", "370100", Some(Kind::Temporary), "2026-03-02");
        let keys: Vec<&str> = linyi.figures.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["filing.temporary_self_pay_first"]);
    }

    #[test]
    fn linyi_temporary_care_has_its_share_paid_first_from_2023_10_01() {
        let a = run("371300", "110000", Some(Kind::Temporary), "2024-01-02");
        let keys: Vec<&str> = a.figures.iter().map(|r| r.key.as_str()).collect();
        assert!(
            keys.contains(&"filing.temporary_self_pay_first"),
            "{keys:?}"
        );
        let before = run("371300", "110000", Some(Kind::Temporary), "2023-09-01");
        assert!(
            before
                .figures
                .iter()
                .all(|r| r.key != "filing.temporary_self_pay_first")
        );
    }

    #[test]
    fn inner_mongolia_gives_its_own_cut_for_other_temporary_care() {
        let a = run("150100", "110000", Some(Kind::Temporary), "2026-03-02");
        let cut = a
            .figures
            .iter()
            .find(|r| r.key == "filing.other_temporary_rate_cut_max")
            .unwrap();
        assert_eq!(cut.number(), 0.10);
        assert_eq!(cut.region.map(|c| c.as_str()), Some("150000"));
    }

    #[test]
    fn before_the_2022_notice_took_effect_the_answer_says_no_rule_is_in_force() {
        let a = run("610100", "110000", Some(Kind::Temporary), "2022-06-01");
        assert_eq!(a.verdict.outcome, Outcome::Conditional);
        assert!(matches!(a.verdict.warnings[..], [Warning::Gap(_)]));
        let same = run("110000", "110000", Some(Kind::Temporary), "2022-06-01");
        assert!(same.verdict.warnings.is_empty());
    }

    #[test]
    fn an_unknown_kind_is_conditional_and_names_the_flag() {
        let a = run("610100", "110000", None, "2026-03-02");
        assert_eq!(a.verdict.outcome, Outcome::Conditional);
        assert!(ids(&a.verdict.conditions).contains(&"kind_unknown".into()));
    }
}
