//! The commands: each turns its arguments and the request into a `Report`. The informational
//! ones (`regions`, `rules`, `calendar`, `guide`) build it here; the others (`balance`,
//! `merge`, `transfer`, `status`, `refund`, `dental`) gather facts (flags, then prompts) and
//! call their check in `checks`.

pub mod balance;
pub mod calendar;
pub mod coverage;
pub mod dental;
pub mod docs;
pub mod filing;
pub mod guide;
pub mod ics;
pub mod merge;
pub mod refund;
pub mod regions;
pub mod route;
pub mod rules;
pub mod schema;
pub mod sources;
pub mod status;
pub mod suggest;
pub mod transfer;

use crate::error::Error;
use crate::text::Text;

/// Off a terminal: a place not given as a flag.
pub(crate) fn missing_place(flag: &str, what: Text) -> Error {
    Error::usage(
        format!(
            "缺少 {flag}:请用 {flag} 地区 指明{}(代码、名称或拼音,例如 {flag} 西安)",
            what.zh
        ),
        format!(
            "missing {flag}: pass {flag} REGION, {} (code, Chinese name or pinyin, e.g. {flag} 西安)",
            what.en
        ),
    )
}
