//! What rests on each document of the registry: every citation in the rules files, found by
//! walking the parsed files (dated values, pooling areas, balance channels, the statements of
//! the procedure files), as the rules key or plan item that makes it and the file it is in.
//! `yibao sources` shows it, and `rules coverage` uses it to tell a place's own values apart.

use std::collections::BTreeMap;

use super::RuleSet;
use super::documents::Cite;
use super::procedures::items::ItemData;
use super::schema::Section;
use crate::text::Str;

/// One citation of a document: what cites it, and where.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Use {
    /// The rules file, as shown in messages (`rules/national.toml`).
    pub file: Str,
    /// A rules key (`transfer.out_working_days`) or a plan item
    /// (`transfer.step.apply_destination`, `refund.case.paid_twice`).
    pub item: String,
}

/// Every citation in the rules, by source id; each list sorted, without repeats.
pub fn uses(rules: &RuleSet) -> BTreeMap<String, Vec<Use>> {
    let mut w = Walk::default();
    for loaded in std::iter::once(&rules.national).chain(rules.regions.values()) {
        w.file = loaded.path.clone();
        for (section, params) in loaded.file.sections() {
            w.section(section, params);
        }
        if let Some(balance) = &loaded.file.balance {
            for c in &balance.channel {
                w.cites(&format!("balance.channel.{}", c.id.get_ref()), c.cites());
            }
            for r in &balance.retiree_credit {
                w.cite("balance.retiree_credit", &r.cite);
            }
        }
    }
    w.file = Str::from(rules.pooling.path.clone());
    for (section, params) in rules.pooling.sections() {
        w.section(section, params);
    }

    let p = &rules.procedures;
    w.file = Str::Static("rules/transfer.toml");
    let t = &p.transfer;
    w.lists(
        "transfer",
        &[
            ("blocker", &t.blocker),
            ("step", &t.step),
            ("material", &t.material),
            ("carry", &t.carry),
            ("note", &t.note),
        ],
    );

    w.file = Str::Static("rules/channels.toml");
    let c = &p.channels;
    for ch in &c.channel {
        w.cites(&format!("balance.channel.{}", ch.id.get_ref()), ch.cites());
    }
    w.lists(
        "balance",
        &[
            ("note", &c.note),
            ("after_transfer.confirm", &c.after_transfer.confirm),
            ("after_transfer.if_missing", &c.after_transfer.if_missing),
            ("after_transfer.note", &c.after_transfer.note),
            ("monthly.note", &c.monthly.note),
            ("monthly.look_up", &c.monthly.look_up),
        ],
    );

    w.file = Str::Static("rules/merge.toml");
    let m = &p.merge;
    w.lists(
        "merge",
        &[
            ("condition", &m.condition),
            ("step", &m.step),
            ("material", &m.material),
            ("note", &m.note),
        ],
    );

    w.file = Str::Static("rules/guides.toml");
    for topic in &p.guides.topic {
        for section in &topic.section {
            let list = format!("guide.{}.{}", topic.id.get_ref(), section.id.get_ref());
            w.items(&list, &section.item);
        }
    }

    w.file = Str::Static("rules/refund.toml");
    let r = &p.refund;
    for (layer, case) in r.cases() {
        let name = match layer {
            Some(code) => format!("refund.{code}.case.{}", case.id.get_ref()),
            None => format!("refund.case.{}", case.id.get_ref()),
        };
        w.cites(&name, case.cites());
        w.items(&format!("{name}.note"), &case.note);
    }
    for region in &r.region {
        w.items(
            &format!("refund.{}.step", region.code.get_ref()),
            &region.step,
        );
    }
    for (list, items) in [
        ("step", &r.step),
        ("material", &r.material),
        ("note", &r.note),
    ] {
        w.items(&format!("refund.{list}"), items);
    }

    w.file = Str::Static("rules/dental.toml");
    let d = &p.dental;
    for caveat in &d.caveat {
        w.cite(
            &format!("dental.caveat.{}", caveat.id.get_ref()),
            &caveat.cite,
        );
    }
    w.items("dental.note", &d.note);
    for procedure in &d.procedure {
        let name = format!("dental.{}", procedure.id.get_ref());
        for cover in &procedure.cover {
            w.cites(&name, cover.cites());
        }
        w.items(&format!("{name}.note"), &procedure.note);
    }

    let mut out = w.out;
    for list in out.values_mut() {
        list.sort();
        list.dedup();
    }
    out
}

#[derive(Default)]
struct Walk {
    file: Str,
    out: BTreeMap<String, Vec<Use>>,
}

impl Walk {
    fn cite(&mut self, item: &str, cite: &Cite) {
        self.out
            .entry(cite.source.get_ref().to_string())
            .or_default()
            .push(Use {
                file: self.file.clone(),
                item: item.to_string(),
            });
    }

    fn cites<'c>(&mut self, item: &str, cites: impl IntoIterator<Item = &'c Cite>) {
        for c in cites {
            self.cite(item, c);
        }
    }

    fn items(&mut self, list: &str, items: &[ItemData]) {
        for i in items {
            self.cites(&format!("{list}.{}", i.id.get_ref()), i.cites());
        }
    }

    /// Several lists of items, named `prefix.list.id`.
    fn lists(&mut self, prefix: &str, lists: &[(&str, &Vec<ItemData>)]) {
        for (list, items) in lists {
            self.items(&format!("{prefix}.{list}"), items);
        }
    }

    fn section(&mut self, section: &str, params: &Section) {
        for (name, param) in params {
            let key = format!("{section}.{name}");
            for entry in &param.values {
                self.cite(&key, &entry.cite);
            }
        }
    }
}
