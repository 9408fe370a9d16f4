//! Writes N benchmark cases for `yibao batch` as JSON Lines on stdout, the same ones for the
//! same seed on any machine: `cargo run --release --example gen_cases -- N [SEED]`. About four
//! in five are transfers, the rest merges; places are typed as codes, Chinese names or pinyin;
//! facts are left out now and then, as people leave them out. Every case is valid as of
//! 2026-03-02 (the benchmark's `--on`), so each line gets an answer.

use std::io::{BufWriter, Write};

/// Pooling areas, each as people type it: code, Chinese name, pinyin (or a district in it).
const PLACES: &[&[&str]] = &[
    &["北京", "110000", "beijing", "110105"],
    &["上海", "310000", "shanghai", "310115"],
    &["西安", "610100", "xian"],
    &["成都", "510100", "chengdu"],
    &["重庆", "500000", "chongqing"],
    &["广州", "440100", "guangzhou"],
    &["深圳", "440300", "shenzhen"],
    &["杭州", "330100", "hangzhou"],
    &["南京", "320100", "nanjing"],
    &["苏州", "320500", "苏州市"],
    &["武汉", "420100", "wuhan"],
    &["天津", "120000", "tianjin"],
    &["长沙", "430100", "changsha"],
    &["厦门", "350200", "xiamen"],
    &["郑州", "410100", "zhengzhou"],
    &["青岛", "370200", "qingdao"],
];

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability `pct` %.
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// A yes/no fact, sometimes absent, spelt as a word or a boolean; `bad` % of answers block.
fn answer(r: &mut Rng, out: &mut String, name: &str, blocking: bool, bad: u64) {
    if !r.chance(80) {
        return;
    }
    let value = if r.chance(bad) { blocking } else { !blocking };
    let typed = match (r.chance(50), value) {
        (true, v) => v.to_string(),
        (false, true) => "\"yes\"".to_string(),
        (false, false) => "\"no\"".to_string(),
    };
    out.push_str(&format!(",\"{name}\":{typed}"));
}

fn month(index: u64) -> String {
    format!("{}-{:02}", 2025 + index / 12, index % 12 + 1)
}

/// A day from 2025-12-01 to 2026-03-02.
fn day(r: &mut Rng) -> String {
    match r.below(92) {
        d @ 0..=30 => format!("2025-12-{:02}", d + 1),
        d @ 31..=61 => format!("2026-01-{:02}", d - 30),
        d @ 62..=89 => format!("2026-02-{:02}", d - 61),
        d => format!("2026-03-{:02}", d - 89),
    }
}

/// Two places, in one pooling area `same` % of the time, else in two.
fn places(r: &mut Rng, same: u64) -> (&'static str, &'static str) {
    let a = r.below(PLACES.len() as u64) as usize;
    let b = if r.chance(same) {
        a
    } else {
        (a + 1 + r.below(PLACES.len() as u64 - 1) as usize) % PLACES.len()
    };
    (r.pick(PLACES[a]), r.pick(PLACES[b]))
}

fn transfer(r: &mut Rng, out: &mut String) {
    let (from, to) = places(r, 3);
    let employee = r.chance(70);
    let scheme = if employee { "employee" } else { "resident" };
    out.push_str(&format!(
        "\"check\":\"transfer\",\"from\":\"{from}\",\"to\":\"{to}\",\"scheme\":\"{scheme}\""
    ));
    if r.chance(80) {
        let reason = r.pick(&["job", "relocation", "hukou", "study", "other"]);
        out.push_str(&format!(",\"reason\":\"{reason}\""));
    }
    answer(r, out, "retired", true, 5);
    answer(r, out, "origin_stopped", false, 10);
    answer(r, out, "destination_enrolled", false, 10);
    answer(r, out, "arrears", true, 8);
    if employee {
        answer(r, out, "account_frozen", true, 3);
    }
    if r.chance(70) {
        let last = r.below(14);
        out.push_str(&format!(",\"last_paid\":\"{}\"", month(last)));
        if r.chance(70) {
            out.push_str(&format!(",\"paid_from\":\"{}\"", month(last + r.below(7))));
        }
    }
    if r.chance(10) {
        let other = if employee { "resident" } else { "employee" };
        out.push_str(&format!(
            ",\"new_scheme\":\"{other}\",\"continuous_years\":{}",
            r.below(11)
        ));
    }
    if r.chance(40) {
        out.push_str(&format!(",\"submitted\":\"{}\"", day(r)));
    }
}

fn merge(r: &mut Rng, out: &mut String) {
    let (from, to) = places(r, 0);
    out.push_str(&format!(
        "\"check\":\"merge\",\"from\":\"{from}\",\"to\":\"{to}\""
    ));
    answer(r, out, "arrears", true, 8);
    answer(r, out, "frozen", true, 3);
    answer(r, out, "from_stopped", false, 10);
    answer(r, out, "to_insured", false, 10);
    if r.chance(40) {
        out.push_str(&format!(",\"submitted\":\"{}\"", day(r)));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(2026);
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let stdout = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut line = String::with_capacity(512);
    for i in 0..n {
        line.clear();
        line.push_str(&format!("{{\"id\":{},", i + 1));
        if r.chance(80) {
            transfer(&mut r, &mut line);
        } else {
            merge(&mut r, &mut line);
        }
        line.push_str("}\n");
        if w.write_all(line.as_bytes()).is_err() {
            return; // closed pipe: stop quietly
        }
    }
    let _ = w.flush();
}
