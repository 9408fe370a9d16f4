//! The one integration-test binary: runs `yibao` as users do. One module per topic, under
//! `tests/integration/`; the runner builder lives in `tests/support/`.

mod support;

mod integration {
    mod bad_input;
    mod balance;
    mod batch;
    mod calendar;
    mod cases;
    mod chinese;
    mod conventions;
    mod dental;
    mod english;
    mod guide;
    mod hostile;
    mod hostile_typed;
    mod merge;
    mod output;
    mod places;
    mod privacy;
    mod readme;
    mod refund;
    mod regions;
    mod rules;
    mod schema;
    mod summaries;
    mod transfer;
}
