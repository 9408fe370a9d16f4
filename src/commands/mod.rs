//! The informational commands (`regions`, `rules`, `calendar`): each turns its arguments and
//! the request into a `Report`. The yes/no checks live in `checks`.

pub mod calendar;
pub mod docs;
pub mod regions;
pub mod rules;
pub mod schema;
