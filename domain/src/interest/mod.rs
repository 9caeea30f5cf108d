//! interest (being written).
