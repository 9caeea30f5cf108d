//! Keyset pagination over time-sortable ids: `WHERE id > cursor ORDER BY id LIMIT n + 1`.

/// Largest page a caller may ask for.
pub const MAX_LIMIT: i64 = 500;
/// Page size when the caller names none.
pub const DEFAULT_LIMIT: i64 = 50;

/// Which slice of a list to read.
#[derive(Debug, Clone, Default)]
pub struct PageRequest {
    /// Rows after this id (the previous page's `next_cursor`).
    pub after: Option<String>,
    /// Page size, already bounded to `1..=MAX_LIMIT` by [`PageRequest::new`].
    pub limit: i64,
}

impl PageRequest {
    /// A page of `limit` rows (default 50, clamped to 1..=500) after `after`.
    #[must_use]
    pub fn new(after: Option<String>, limit: Option<i64>) -> Self {
        Self {
            after,
            limit: limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
        }
    }

    /// How many rows to fetch: one more than the page, to know whether another page follows.
    #[must_use]
    pub fn fetch(&self) -> i64 {
        self.limit + 1
    }
}

/// One page of rows and the cursor of the next, if any.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// Pass as `after` to read the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A last page with nothing on it.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            items: Vec::new(),
            next_cursor: None,
        }
    }

    /// Cuts the `limit + 1` fetched rows to the page and derives the next cursor from the last
    /// row kept.
    pub fn from_rows(mut rows: Vec<T>, request: &PageRequest, id_of: impl Fn(&T) -> &str) -> Self {
        let limit = usize::try_from(request.limit).unwrap_or(usize::MAX);
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = if more {
            rows.last().map(|row| id_of(row).to_owned())
        } else {
            None
        };
        Self {
            items: rows,
            next_cursor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_fetch_yields_a_cursor_and_a_short_one_does_not() {
        let request = PageRequest::new(None, Some(2));
        let full = Page::from_rows(vec!["a", "b", "c"], &request, |s| s);
        assert_eq!(full.items, vec!["a", "b"]);
        assert_eq!(full.next_cursor.as_deref(), Some("b"));
        let short = Page::from_rows(vec!["a"], &request, |s| s);
        assert_eq!(short.next_cursor, None);
    }

    #[test]
    fn limits_are_clamped() {
        assert_eq!(PageRequest::new(None, Some(10_000)).limit, MAX_LIMIT);
        assert_eq!(PageRequest::new(None, Some(0)).limit, 1);
        assert_eq!(PageRequest::new(None, None).limit, DEFAULT_LIMIT);
    }
}
