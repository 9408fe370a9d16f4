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
