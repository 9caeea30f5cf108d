//! prescription (being written).
