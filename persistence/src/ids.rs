//! Public identifiers: a type prefix and a `UUIDv7` in lowercase hex, so ids sort by creation time
//! (cursor pagination relies on that) and say what they name (`org_…`, `usr_…`).

/// Makes a new identifier with the given prefix, e.g. `new_id("org")` -> `org_0193…`.
#[must_use]
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", uuid::Uuid::now_v7().simple())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_carry_their_prefix_and_sort_by_creation() {
        let first = new_id("org");
        let second = new_id("org");
        assert!(first.starts_with("org_"));
        assert_eq!(first.len(), 4 + 32);
        assert!(first < second);
    }
}
