//! The yes/no checks: each a pure function from its facts and the policy to a `Verdict`.
//! No clock, file or terminal inside.

pub mod answers;
pub mod balance;
pub mod decide;
pub mod dental;
pub mod filing;
pub mod limits;
pub mod merge;
pub mod refund;
pub mod route;
pub mod transfer;

pub use answers::Scheme;
