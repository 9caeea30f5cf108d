//! jurisdiction (being written).
