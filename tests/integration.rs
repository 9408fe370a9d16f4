//! The one integration-test binary: runs `yibao` as users do. One module per topic, under
//! `tests/integration/`; the runner builder lives in `tests/support/`.

mod support;

mod integration {
    mod bad_input;
    mod balance;
    mod batch;
    mod batch_csv;
    mod calendar;
    mod calendar_file;
    mod cases;
    mod chinese;
    mod conventions;
    mod dental;
    mod english;
    mod filing;
    mod guide;
    mod hostile;
    mod hostile_typed;
    mod merge;
    mod output;
    mod people;
    mod places;
    mod printed;
    mod privacy;
    mod readme;
    mod refund;
    mod regions;
    mod rules;
    mod schema;
    mod screen;
    mod sources;
    mod summaries;
    mod transfer;
    mod walk;
}
