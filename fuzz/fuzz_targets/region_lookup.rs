//! Arbitrary text typed as a region: lookup, pooling-area lookup and search never panic, and a
//! successful lookup of a 6-digit code returns that code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::region::regions;

fuzz_target!(|text: &str| {
    let all = regions();
    if let Ok(r) = all.lookup(text) {
        if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
            assert_eq!(r.code, text);
        }
    }
    let _ = all.lookup_pooling_area(text).map(|r| assert!(r.is_pooling_area()));
    let _ = all.search(text);
});
