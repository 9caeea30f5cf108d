//! The list conventions on the wire: `?limit=` (default 50, max 500), an opaque `cursor`,
//! `updated_since`. The rules are `solvo_app::paging`.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;
use solvo_app::AppError;
use solvo_app::paging::{ListQuery, PageRequest};
use utoipa::IntoParams;

/// Query parameters every list takes.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Only items changed at or after this RFC 3339 time.
    pub updated_since: Option<DateTime<Utc>>,
}

impl ListParams {
    /// The parameters as the use cases take them.
    #[must_use]
    pub fn query(&self) -> ListQuery {
        ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            updated_since: self.updated_since(),
        }
    }

    /// The page request, refusing a limit outside 1..=500 rather than silently clamping it.
    ///
    /// # Errors
    /// 422 naming `limit`.
    pub fn page(&self) -> Result<PageRequest, AppError> {
        self.query().page()
    }

    /// `updated_since` in the database's naive UTC form.
    #[must_use]
    pub fn updated_since(&self) -> Option<NaiveDateTime> {
        self.updated_since.map(|at| at.naive_utc())
    }
}
