//! Black-box tests live in `api/`.
