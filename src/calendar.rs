//! placeholder: the working-day calendar (being written)
