//! What one thread evaluating many cases against the same rules remembers from one case to
//! the next (`batch` keeps one per thread): the values `Policy::get` resolved, by region, date
//! and key, and the documents a plan cites, by the rules files read and the person's tags.
//! Bounded; only
//! keys cheap to recognise are remembered (a key or tag written in the code or the rules,
//! known by its address, and a region given as its 6-digit code); anything else is worked out
//! afresh each time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use chrono::NaiveDate;

use super::resolve::{Resolved, RuleGap};
use crate::text::Str;

/// Most entries of each kind; past this a map starts afresh.
const MOST: usize = 4096;
/// Most tags a remembered plan may have.
const TAGS: usize = 8;
/// Most rules files a policy reads (region, province, national).
pub const LAYERS: usize = 3;

#[derive(Debug, Default)]
pub struct Memo {
    values: RefCell<Map<ValueKey, Result<Resolved, RuleGap>>>,
    cited: RefCell<Map<PlanKey, Rc<[&'static str]>>>,
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;

/// Region code (0 for national), date, and the key's address and length.
type ValueKey = (u32, NaiveDate, usize, usize);
/// The addresses of the plan's name, the rules files and the tags (0 past the last).
type PlanKey = (usize, [usize; LAYERS], [usize; TAGS]);

impl Memo {
    /// The value `resolve` gives for `key` in `region` on `on`, resolved once.
    pub fn value(
        &self,
        region: Option<&str>,
        on: NaiveDate,
        key: &Str,
        resolve: impl FnOnce() -> Result<Resolved, RuleGap>,
    ) -> Result<Resolved, RuleGap> {
        let Str::Static(name) = key else {
            return resolve();
        };
        let Some(region) = code(region) else {
            return resolve();
        };
        let at = (region, on, name.as_ptr().addr(), name.len());
        if let Some(found) = self.values.borrow().get(&at) {
            return found.clone();
        }
        let found = resolve();
        remember(&self.values, at, found.clone());
        found
    }

    /// The documents `cite` lists for the plan named `plan`, made from the rules files
    /// `layers` (by address) for a person with `tags`, listed once.
    pub fn cited(
        &self,
        plan: &'static str,
        layers: [usize; LAYERS],
        tags: &[&'static str],
        cite: impl FnOnce() -> Vec<&'static str>,
    ) -> Rc<[&'static str]> {
        if tags.len() > TAGS {
            return cite().into();
        }
        let mut at = (plan.as_ptr().addr(), layers, [0; TAGS]);
        for (slot, tag) in at.2.iter_mut().zip(tags) {
            *slot = tag.as_ptr().addr();
        }
        if let Some(found) = self.cited.borrow().get(&at) {
            return Rc::clone(found);
        }
        let found: Rc<[&'static str]> = cite().into();
        remember(&self.cited, at, Rc::clone(&found));
        found
    }
}

/// A region's 6-digit code as a number; 0 for national; `None` for anything else.
fn code(region: Option<&str>) -> Option<u32> {
    match region {
        None => Some(0),
        Some(code) if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) => {
            code.parse().ok()
        }
        Some(_) => None,
    }
}

fn remember<K: std::hash::Hash + Eq, V>(map: &RefCell<Map<K, V>>, key: K, value: V) {
    let mut map = map.borrow_mut();
    if map.len() >= MOST {
        map.clear();
    }
    map.insert(key, value);
}

/// A hasher for the memo's keys of a few integers: a multiply-and-rotate mix per integer, much
/// cheaper than the default SipHash, and enough for keys no one chooses to collide.
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: arrays of integers arrive here as their bytes.
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut n = [0; 8];
            n.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(n));
        }
        words
            .remainder()
            .iter()
            .for_each(|b| self.write_u64(u64::from(*b)));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n.cast_unsigned()));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_remembered_by_its_rules_files_and_its_tags() {
        let memo = Memo::default();
        let (employee, resident) = ("employee", "resident");
        let ask = |layers, tags: &[&'static str], answer: &'static str| {
            memo.cited("plan", layers, tags, || vec![answer]).to_vec()
        };
        assert_eq!(ask([1, 2, 3], &[employee], "first"), ["first"]);
        // The same files and tags: remembered, not worked out again.
        assert_eq!(ask([1, 2, 3], &[employee], "again"), ["first"]);
        // Another file or another tag: worked out.
        assert_eq!(ask([7, 2, 3], &[employee], "other file"), ["other file"]);
        assert_eq!(ask([1, 2, 3], &[resident], "other tag"), ["other tag"]);
        assert_eq!(ask([1, 2, 3], &[employee, resident], "two"), ["two"]);
        assert_eq!(ask([1, 2, 3], &[], "none"), ["none"]);
        // Another plan with the same files and tags: worked out.
        let other = memo.cited("other plan", [1, 2, 3], &[], || vec!["other plan"]);
        assert_eq!(other.to_vec(), ["other plan"]);
    }
}
