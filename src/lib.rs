//! yibao (医保): plans and answers for moving basic medical insurance between regions of
//! mainland China. `run()` is the one place that turns arguments into an exit code.

pub mod calendar;
pub mod dates;
pub mod region;
pub mod rules;
pub mod text;

/// Runs yibao with the process arguments and returns the exit code.
pub fn run() -> i32 {
    0
}
