//! `yibao rules check`: what makes a rules file wrong beyond its TOML syntax. Every problem
//! becomes a `Diagnostic` at its place, and all of them are reported together.

use chrono::NaiveDate;

use super::diag::Diagnostic;
use super::documents::{Evidence, SourceFile};
use super::schema::{Param, RulesFile, UNITS};
use crate::dates;

/// Parses `text` as TOML into `T`, turning a serde error into a located diagnostic with a
/// did-you-mean for unknown keys.
pub fn parse<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::file(
            path,
            "file is empty; a rules file needs at least one table",
        ));
    }
    if let Some(parsed) = super::prebuilt::deserialize(text) {
        return Ok(parsed);
    }
    toml::from_str(text).map_err(|e| {
        let mut d = Diagnostic::from_toml(path, text, &e);
        if let Some(hint) = unknown_key_hint(e.message()) {
            d.message = format!("{}; {hint}", d.message.trim_end());
        }
        d
    })
}

/// From serde's "unknown field `x`, expected one of `a`, `b`", a "did you mean `a`?".
fn unknown_key_hint(message: &str) -> Option<String> {
    let (_, best) = crate::text::unknown_field_fix(message)?;
    Some(format!("did you mean `{best}`?"))
}

/// Checks a source registry: evidence labels and dates.
pub fn check_sources(path: &str, text: &str, sources: &SourceFile, out: &mut Vec<Diagnostic>) {
    for (id, source) in sources {
        let evidence = source.evidence.get_ref();
        if Evidence::parse(evidence).is_none() {
            out.push(Diagnostic::at(
                path,
                text,
                source.evidence.span(),
                format!("source `{id}`: evidence must be one of {}, not \"{evidence}\" (see the levels at the top of sources.toml)", evidence_words()),
            ));
        }
        check_reviewed_on(path, text, source.reviewed_on.as_ref(), out);
        if dates::from_toml(source.published.get_ref()).is_none() {
            out.push(Diagnostic::at(
                path,
                text,
                source.published.span(),
                format!("source `{id}`: published must be a date like 2021-11-01"),
            ));
        }
    }
}

/// `"official", "full_text", "reported"`, for messages.
pub fn evidence_words() -> String {
    let words: Vec<String> = Evidence::ALL
        .iter()
        .rev()
        .map(|e| format!("\"{}\"", e.as_str()))
        .collect();
    words.join(", ")
}

/// Checks the values of one rules file: units, types, dates in order, citations.
pub fn check_file(
    path: &str,
    text: &str,
    file: &RulesFile,
    sources: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    // Past this many problems in one file the rest are not looked for: each is located by
    // scanning the text, and a megabyte of wrong entries would take minutes.
    let stop = out.len() + MAX_PER_FILE;
    'sections: for (section, params) in file.sections() {
        for (name, param) in params {
            let key = format!("{section}.{name}");
            check_param(path, text, &key, param, sources, stop, out);
            if out.len() >= stop {
                out.truncate(stop);
                out.push(Diagnostic::file(
                    path,
                    format!("more than {MAX_PER_FILE} problems: the rest of this file was not checked; fix these first"),
                ));
                break 'sections;
            }
        }
    }
    if let Some(code) = outside_mainland(path) {
        out.push(Diagnostic::file(
            path,
            format!("{code} is outside mainland China's basic medical insurance (Taiwan, Hong Kong, Macao): no transfer there is administered, so a rules file for it is never used; remove it"),
        ));
    }
    check_reviewed_on(path, text, file.reviewed_on.as_ref(), out);
}

/// `reviewed_on`, when given, must be a date.
pub fn check_reviewed_on(
    path: &str,
    text: &str,
    reviewed: Option<&toml::Spanned<toml::value::Datetime>>,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(reviewed) = reviewed
        && dates::from_toml(reviewed.get_ref()).is_none()
    {
        out.push(Diagnostic::at(
            path,
            text,
            reviewed.span(),
            "reviewed_on must be a date like 2026-11-22",
        ));
    }
}

/// Most problems reported for the values of one rules file.
pub const MAX_PER_FILE: usize = 100;

pub fn check_param(
    path: &str,
    text: &str,
    key: &str,
    param: &Param,
    sources: &SourceFile,
    stop: usize,
    out: &mut Vec<Diagnostic>,
) {
    let unit = param.unit.get_ref();
    let expected = UNITS
        .iter()
        .find(|(u, _)| *u == unit.as_str())
        .map(|(_, t)| *t);
    if expected.is_none() {
        let known = UNITS.iter().map(|(u, _)| *u);
        let hint = crate::text::closest(unit, known)
            .map_or(String::new(), |b| format!("; did you mean \"{b}\"?"));
        let all: Vec<&str> = UNITS.iter().map(|(u, _)| *u).collect();
        out.push(Diagnostic::at(
            path,
            text,
            param.unit.span(),
            format!(
                "`{key}`: unknown unit \"{unit}\" (known: {}){hint}",
                all.join(", ")
            ),
        ));
    }
    if let Some(bound) = &param.bound
        && bound.get_ref() != "max"
    {
        out.push(Diagnostic::at(
            path,
            text,
            bound.span(),
            format!("`{key}`: bound must be \"max\""),
        ));
    }
    if param.values.is_empty() {
        out.push(Diagnostic::file(
            path,
            format!("`{key}` has no values; give at least one {{ since, value, cite }}"),
        ));
    }
    let mut previous: Option<NaiveDate> = None;
    for entry in &param.values {
        if out.len() >= stop {
            return;
        }
        match dates::from_toml(entry.since.get_ref()) {
            None => out.push(Diagnostic::at(
                path,
                text,
                entry.since.span(),
                format!("`{key}`: since must be a date like 2021-11-01"),
            )),
            Some(since) => {
                if let Some(prev) = previous
                    && since <= prev
                {
                    out.push(Diagnostic::at(
                        path,
                        text,
                        entry.since.span(),
                        format!("`{key}`: since {since} is not after the previous entry's {prev}; entries must be in strictly increasing date order"),
                    ));
                }
                previous = Some(since);
            }
        }
        let value = entry.value.get_ref();
        let wrong = match expected {
            Some(expected) if !value_fits(value, expected) => Some(format!(
                "`{key}`: unit \"{unit}\" needs {}, found {}",
                expected_value(expected),
                describe(value)
            )),
            Some(_) => out_of_range(unit, value).map(|(max, what)| {
                format!(
                    "`{key}`: {value} is out of range for unit \"{unit}\": give 0 to {max} ({what})"
                )
            }),
            None => None,
        };
        if let Some(message) = wrong {
            out.push(Diagnostic::at(path, text, entry.value.span(), message));
        }
        super::documents::check_cite(path, text, key, &entry.cite, sources, out);
    }
}

/// The largest sane value of each numeric unit, and why: a value past it is a typo the
/// engine would mangle (a working-day count of 4000000000 is a date in the year 262142).
pub const RANGES: &[(&str, f64, &str)] = &[
    ("working_day", 250.0, "about a year of working days"),
    ("day", 3660.0, "ten years of days"),
    ("month", 240.0, "twenty years of months"),
    ("year", 100.0, "a lifetime of years"),
    ("count", 10_000.0, "a count this large is a typo"),
    ("yuan", 100_000_000.0, "a hundred million yuan"),
    ("ratio", 1.0, "a ratio is a share of a whole"),
];

/// `Some((max, why))` when a (well-typed, non-negative) value exceeds its unit's range.
fn out_of_range(unit: &str, value: &toml::Value) -> Option<(f64, &'static str)> {
    let (_, max, why) = RANGES.iter().find(|(u, _, _)| *u == unit)?;
    let v = value
        .as_float()
        .or_else(|| value.as_integer().map(|i| i as f64))?;
    (v > *max).then_some((*max, *why))
}

/// A region file named by a province-level code outside mainland basic medical insurance
/// (Taiwan 71, Hong Kong 81, Macao 82): no rule there is ever used.
fn outside_mainland(path: &str) -> Option<String> {
    let path = std::path::Path::new(path);
    let in_regions = path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|d| d == "regions");
    let code = path.file_stem()?.to_str()?;
    let digits = crate::region::keys::code_number(code).is_some();
    (in_regions && digits && matches!(&code[..2], "71" | "81" | "82")).then(|| code.to_string())
}

fn value_fits(value: &toml::Value, expected: &str) -> bool {
    match expected {
        "integer" => value.as_integer().is_some_and(|i| i >= 0),
        "number" => {
            value.as_integer().is_some_and(|i| i >= 0)
                || value.as_float().is_some_and(|f| f.is_finite() && f >= 0.0)
        }
        "boolean" => value.is_bool(),
        "text" => value.as_table().is_some_and(|t| {
            t.len() == 2
                && t.get("zh").is_some_and(|v| v.is_str())
                && t.get("en").is_some_and(|v| v.is_str())
        }),
        _ => false,
    }
}

/// "an integer", "a number", … for messages.
fn expected_value(expected: &str) -> &'static str {
    match expected {
        "integer" => "a whole number (0 or more)",
        "number" => "a number (0 or more)",
        "boolean" => "true or false",
        _ => "a text { zh = \"…\", en = \"…\" }",
    }
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::Integer(i) if *i < 0 => format!("a negative number ({i})"),
        toml::Value::Float(f) if *f < 0.0 => format!("a negative number ({f})"),
        other => format!("{} `{other}`", other.type_str()),
    }
}
