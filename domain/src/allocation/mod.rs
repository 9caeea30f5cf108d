//! allocation (being written).
