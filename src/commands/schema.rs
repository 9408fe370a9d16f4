//! `yibao schema [COMMAND]`: the JSON Schema (draft 2020-12) of each command's `--json`
//! output, generated from the same Rust types that produce the output.

use schemars::JsonSchema;
use serde_json::{Value, json};

use super::calendar::CalendarJson;
use super::dental::ProcedureList;
use super::docs::Document;
use super::guide::GuideJson;
use super::refund::CaseList;
use super::regions::RegionList;
use super::rules::{CheckReport, ShowReport};
use crate::checks::{balance, dental, merge, refund, transfer};
use crate::error::Error;
use crate::render::wire::{
    BalanceJson, DentalJson, FilingJson, MergeJson, RefundJson, RouteJson, TransferJson,
};

/// A command name, its schema id and the function generating its schema.
type Entry = (&'static str, &'static str, fn() -> Value);

const SCHEMAS: &[Entry] = &[
    ("regions", "yibao.regions/1", schema_of::<RegionList>),
    ("calendar", "yibao.calendar/1", schema_of::<CalendarJson>),
    (
        "rules-check",
        "yibao.rules-check/1",
        schema_of::<CheckReport>,
    ),
    ("rules-show", "yibao.rules-show/1", schema_of::<ShowReport>),
    (
        "rules-coverage",
        crate::render::coverage::SCHEMA,
        schema_of::<crate::render::coverage::CoverageReport>,
    ),
    ("guide", "yibao.guide/1", schema_of::<GuideJson>),
    (
        "sources",
        crate::render::sources::SCHEMA,
        schema_of::<crate::render::sources::SourcesReport>,
    ),
    (
        "refund-list",
        super::refund::LIST_SCHEMA,
        schema_of::<CaseList>,
    ),
    (
        "dental-list",
        super::dental::LIST_SCHEMA,
        schema_of::<ProcedureList>,
    ),
    ("transfer", transfer::SCHEMA, schema_of::<TransferJson>),
    // `yibao status PLAN` shows the saved transfer evaluated again.
    ("status", transfer::SCHEMA, schema_of::<TransferJson>),
    ("merge", merge::SCHEMA, schema_of::<MergeJson>),
    ("balance", balance::SCHEMA, schema_of::<BalanceJson>),
    ("refund", refund::SCHEMA, schema_of::<RefundJson>),
    ("dental", dental::SCHEMA, schema_of::<DentalJson>),
    (
        "filing",
        crate::checks::filing::SCHEMA,
        schema_of::<FilingJson>,
    ),
    (
        "route",
        crate::checks::route::SCHEMA,
        schema_of::<RouteJson>,
    ),
    ("error", "yibao.error/1", error_schema),
    (
        "batch",
        crate::batch::output::SCHEMA,
        crate::batch::output::schema,
    ),
];

/// The names `yibao schema` accepts.
pub fn names() -> Vec<&'static str> {
    SCHEMAS.iter().map(|(n, _, _)| *n).collect()
}

/// The schema for one command's output, with its id as a `const` of the `schema` property.
pub fn schema(name: &str) -> Result<Value, Error> {
    let (id, mut doc) = if let Some((_, id, make)) = SCHEMAS.iter().find(|(n, _, _)| *n == name) {
        (*id, make())
    } else {
        let known = names();
        let hint = crate::text::closest(name, known.iter().copied())
            .map_or(String::new(), |b| format!(" Did you mean '{b}'?"));
        return Err(Error::usage(
            format!("没有名为 '{name}' 的输出格式;可用: {}", known.join(", ")),
            format!(
                "no output schema named '{name}'; known: {}.{hint}",
                known.join(", ")
            ),
        ));
    };
    if id != "yibao.error/1" {
        open_union(&mut doc);
        doc["properties"]["schema"] = json!({ "const": id });
        match doc.get_mut("required") {
            Some(Value::Array(required)) if !required.iter().any(|r| r == "schema") => {
                required.insert(0, json!("schema"))
            }
            Some(_) => {}
            None => doc["required"] = json!(["schema"]),
        }
    }
    doc["$id"] = json!(format!(
        "https://yibao.invalid/schema/{}",
        id.replace('/', "-")
    ));
    doc["title"] = json!(id);
    Ok(doc)
}

/// The schema of what `T` serializes to: fields skipped when empty are optional, and every
/// object is closed (a key printed is a key declared).
fn schema_of<T: JsonSchema>() -> Value {
    let mut doc = schemars::generate::SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    close(&mut doc);
    doc
}

/// A document that is one of several shapes (`anyOf`/`oneOf` at the top) is closed at the top
/// (`unevaluatedProperties`), so its branches may leave `schema` to it.
fn open_union(doc: &mut Value) {
    let mut branches: Vec<Value> = Vec::new();
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(list)) = doc.get_mut(key) {
            for b in list.iter_mut() {
                if let Some(Value::Object(map)) = Some(&mut *b) {
                    map.remove("additionalProperties");
                }
                branches.push(b.clone());
            }
        }
    }
    if branches.is_empty() {
        return;
    }
    for b in branches {
        let Some(name) = b["$ref"].as_str().and_then(|r| r.strip_prefix("#/$defs/")) else {
            continue;
        };
        if let Some(Value::Object(def)) = doc["$defs"].get_mut(name) {
            def.remove("additionalProperties");
        }
    }
    doc["unevaluatedProperties"] = Value::Bool(false);
}

/// Sets `additionalProperties: false` on every object schema that lists its properties and
/// says nothing of others.
fn close(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(close);
        }
        Value::Array(items) => items.iter_mut().for_each(close),
        _ => {}
    }
}

/// Errors on stderr under `--json`.
fn error_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "exit", "message", "lines"],
                "properties": {
                    "code": { "type": "string" },
                    "exit": { "type": "integer", "enum": [2, 4, 130] },
                    "message": { "type": "string" },
                    "lines": { "type": "array", "items": { "type": "string" } }
                }
            }
        }
    })
}

/// The report for `yibao schema [NAME]`: one schema, or the list of names.
pub fn run(name: Option<&str>) -> Result<Document, Error> {
    let text = match name {
        Some(n) => serde_json::to_string_pretty(&schema(n)?).unwrap_or_default() + "\n",
        None => names().join("\n") + "\n",
    };
    Ok(Document::new("yibao.schema/1", text))
}
