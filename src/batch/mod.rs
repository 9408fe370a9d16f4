//! `yibao batch`: JSON Lines of cases in, JSON Lines of answers out (see `stream` for the
//! streaming and `cases` for how a line becomes a check).

pub mod stream;
