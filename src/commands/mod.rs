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
use crate::prompt::Prompter;
use crate::request::Request;
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

/// A place from its flag, else asked at a terminal, else a usage error naming the flag.
pub(crate) fn place(
    typed: Option<&str>,
    flag: &str,
    question: Text,
    what: Text,
    prompter: Option<&Prompter>,
    asked: &mut bool,
    req: &Request,
) -> Result<String, Error> {
    if let Some(t) = typed {
        return Ok(req.pooling_area(flag, t)?.code.clone());
    }
    let Some(p) = prompter else {
        return Err(missing_place(flag, what));
    };
    *asked = true;
    p.region(&question, &what, &|t| req.place(flag, t))
        .map(|(area, _)| area)
}
