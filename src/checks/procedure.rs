//! Turning the statements of the procedure files (`rules::procedures`) into verdict items,
//! steps and citations. Shared by the checks that show procedures; computes nothing.

use crate::region::regions;
use crate::rules::Policy;
use crate::rules::procedures::channels::ChannelData;
use crate::rules::procedures::items::ItemData;
use crate::rules::schema::Cite;
use crate::text::Text;
use crate::worded::{Channel, Item, Place, Step, Verdict, Who};

/// Records every citation on the verdict; true when none of them is confirmed.
pub fn cite_all<'c>(
    v: &mut Verdict,
    policy: &Policy,
    cites: impl IntoIterator<Item = &'c Cite>,
) -> bool {
    let mut unverified = true;
    for c in cites {
        let reported = v.cite(policy, c.source.get_ref(), &c.article);
        unverified &= reported;
    }
    unverified
}

/// A statement as a verdict item (condition, material, note).
pub fn item(v: &mut Verdict, policy: &Policy, data: &ItemData) -> Item {
    let unverified = cite_all(v, policy, data.cites());
    item_of(data, unverified)
}

/// A statement as an item whose citations are already recorded (`cite_all` said whether
/// they are `unverified`).
pub fn item_of(data: &ItemData, unverified: bool) -> Item {
    Item {
        id: data.id.get_ref().clone(),
        text: data.text.clone(),
        fix: data.fix.clone(),
        cite: Some(data.cite.source.get_ref().clone()),
        unverified,
    }
}

/// Adds a statement with `add` (`Verdict::add_material`, `add_note`, …): as an item in a full
/// verdict; an outline, which keeps no such items, records only the documents it cites.
pub fn add_item(v: &mut Verdict, policy: &Policy, data: &ItemData, add: fn(&mut Verdict, Item)) {
    if v.is_full() {
        let it = item(v, policy, data);
        add(v, it);
    } else {
        cite_all(v, policy, data.cites());
    }
}

/// Adds a statement as a step (where, how and who default to `default`): built for a full
/// verdict; an outline, which keeps no steps, records only the documents it cites.
pub fn add_step(v: &mut Verdict, policy: &Policy, data: &ItemData, default: (Place, Channel, Who)) {
    if v.is_full() {
        let st = step(v, policy, data, default, None);
        v.add_step(st);
    } else {
        cite_all(v, policy, data.cites());
    }
}

/// A fact not known yet as a condition: its fix says which flag states it (`id` in kebab
/// case) and, after `when`, what to do if the answer turns out to be the bad one.
pub fn flag_hint(mut it: Item, id: &str, when: &Text) -> Item {
    let flag = format!("--{}", id.replace('_', "-"));
    let fix = it.fix.take().unwrap_or_default();
    it.fix = Some(Text::new(
        format!("用 {flag} yes|no 说明;{}: {}", when.zh, fix.zh),
        format!("state it with {flag} yes|no; {}: {}", when.en, fix.en),
    ));
    it
}

/// A statement as a step; where, how and who default to the given values.
pub fn step(
    v: &mut Verdict,
    policy: &Policy,
    data: &ItemData,
    default: (Place, Channel, Who),
    prefix: Option<&Text>,
) -> Step {
    let text = v.text(|| match prefix {
        Some(p) => Text::new(
            format!("{}{}", p.zh, data.text.zh),
            format!("{}{}", p.en, data.text.en),
        ),
        None => data.text.clone(),
    });
    Step {
        id: data.id.get_ref().clone(),
        place: data.place.unwrap_or(default.0),
        channel: data.channel.unwrap_or(default.1),
        who: data.who.unwrap_or(default.2),
        text,
        cite: Some(data.cite.source.get_ref().clone()),
        unverified: cite_all(v, policy, data.cites()),
    }
}

/// A way to see the account as one step: "name: first; then".
pub fn channel_step(v: &mut Verdict, policy: &Policy, c: &ChannelData) -> Step {
    let join = |pick: fn(&Text) -> &str| {
        c.steps
            .iter()
            .map(|s| pick(s).trim_end_matches(['。', '.']))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Step {
        id: c.id.get_ref().clone(),
        place: Place::Local,
        channel: c.kind(),
        who: Who::Person,
        text: v.text(|| {
            Text::new(
                format!("{}: {}", c.name.zh, join(|t| &t.zh)),
                format!("{}: {}", c.name.en, join(|t| &t.en)),
            )
        }),
        cite: Some(c.cite.source.get_ref().clone()),
        unverified: cite_all(v, policy, c.cites()),
    }
}

/// `北京市 (110000)` for a code, or the code itself if unknown.
pub fn region_label(code: &str) -> String {
    regions()
        .get(code)
        .map_or_else(|| code.to_string(), |r| r.label())
}

/// `北京市` for a code, or the code itself if unknown.
pub fn region_name(code: &str) -> String {
    regions()
        .get(code)
        .map_or_else(|| code.to_string(), |r| r.name.clone())
}

/// The region as JSON: `{ "code": …, "name": … }`.
pub fn region_json(code: &str) -> serde_json::Value {
    let name = regions()
        .get(code)
        .map(|r| r.name.clone())
        .unwrap_or_default();
    serde_json::json!({ "code": code, "name": name })
}
