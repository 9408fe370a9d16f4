//! The rules engine: loading the TOML files under `rules/` (embedded, or overlaid from
//! `--rules-dir`), validating them, and resolving dated values for a region and a date.

pub mod diag;
