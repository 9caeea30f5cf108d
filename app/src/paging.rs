//! The list conventions every list use case takes: a page size of 1 to 500 (default 50), an
//! opaque cursor, and an optional `updated_since`. An out-of-range size is refused, never
//! silently clamped, so a client learns that it asked for more than it gets.
//!
//! [`PageRequest`] and [`Page`] are the storage layer's keyset pages, handed through until
//! typed storage replaces them.

use chrono::NaiveDateTime;
pub use solvo_persistence::repositories::page::{MAX_LIMIT, Page, PageRequest};

use crate::error::AppError;

/// A list request as the caller sent it, not yet checked.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Page size asked for.
    pub limit: Option<i64>,
    /// The previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Only items changed at or after this time (UTC).
    pub updated_since: Option<NaiveDateTime>,
}

impl ListQuery {
    /// The page to read.
    ///
    /// # Errors
    /// A validation error naming `limit` when it is outside 1 to [`MAX_LIMIT`].
    pub fn page(&self) -> Result<PageRequest, AppError> {
        if let Some(limit) = self.limit
            && !(1..=MAX_LIMIT).contains(&limit)
        {
            return Err(AppError::invalid(
                "limit",
                "out_of_range",
                "limit must be between 1 and 500",
            ));
        }
        Ok(PageRequest::new(self.cursor.clone(), self.limit))
    }
}
