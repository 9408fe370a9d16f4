//! `yibao balance`: turns the flags into the facts of `checks::balance` (regions looked up,
//! dates and amounts parsed, each error naming its flag) and runs the check. Never prompts:
//! every question has a sensible answer without the optional facts.

use crate::checks::balance::{self, Facts};
use crate::cli::BalanceArgs;
use crate::error::Error;
use crate::region::kept_code;
use crate::render::verdict::BalanceReport;
use crate::request::Request;

pub fn run<'r>(args: &BalanceArgs, req: &'r Request) -> Result<BalanceReport<'r>, Error> {
    let region = match &args.region {
        Some(r) => Some(req.pooling_area("--region", r)?.code.clone()),
        None => None,
    };
    let from = match &args.from {
        Some(r) => Some(req.pooling_area("--from", r)?.code.clone()),
        None => None,
    };
    let facts = Facts {
        region,
        after_transfer: args.after_transfer,
        submitted: args
            .submitted
            .as_deref()
            .map(|s| req.submitted("--submitted", s))
            .transpose()?,
        from,
        monthly: args.monthly,
        scheme: args.scheme,
        base: args.base.as_deref().map(parse_base).transpose()?,
        retired: args.retired,
        age: args.age.as_deref().map(parse_age).transpose()?,
    };
    let policy = req.policy(facts.region.as_deref().and_then(kept_code))?;
    Ok(BalanceReport {
        answer: balance::check(&facts, &policy),
        rules: policy.rules,
        voice: crate::render::text::Voice::Flags,
    })
}

/// A monthly contribution base in yuan: a positive amount, commas and a trailing 元 allowed.
pub fn parse_base(text: &str) -> Result<f64, Error> {
    let cleaned: String = crate::typed::halfwidth(text)
        .trim()
        .trim_end_matches('元')
        .trim_end_matches("yuan")
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 1_000_000.0 => Ok(v),
        _ => Err(Error::usage(
            format!(
                "--base: '{text}' 不是有效的月缴费基数;请输入 0 到 1000000 之间的金额(元),例如 --base 6000"
            ),
            format!(
                "--base: '{text}' is not a monthly contribution base; give an amount in yuan above 0 and up to 1000000, e.g. --base 6000"
            ),
        )),
    }
}

/// An age in whole years, 16 to 120.
pub fn parse_age(text: &str) -> Result<u32, Error> {
    match (crate::typed::halfwidth(text).trim())
        .trim_end_matches('岁')
        .parse::<u32>()
    {
        Ok(a) if (16..=120).contains(&a) => Ok(a),
        _ => Err(Error::usage(
            format!("--age: '{text}' 不是有效年龄;请输入 16 到 120 之间的整数,例如 --age 72"),
            format!(
                "--age: '{text}' is not an age; give whole years from 16 to 120, e.g. --age 72"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_accept_commas_and_yuan_and_reject_nonsense() {
        assert_eq!(parse_base("8,000").unwrap(), 8000.0);
        assert_eq!(parse_base("6000元").unwrap(), 6000.0);
        assert_eq!(parse_base(" 5234.5 ").unwrap(), 5234.5);
        for bad in ["", "abc", "-1", "0", "NaN", "inf", "2000000"] {
            assert!(parse_base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ages_are_whole_years_in_range() {
        assert_eq!(parse_age("72").unwrap(), 72);
        assert_eq!(parse_age("65岁").unwrap(), 65);
        for bad in ["", "7", "200", "七十", "70.5"] {
            assert!(parse_age(bad).is_err(), "{bad}");
        }
    }
}
