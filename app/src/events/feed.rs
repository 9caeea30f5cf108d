//! `GET /v1/events`: the events of the caller's organisation in feed order (all creditors' for
//! the agency). The cursor is a position, and positions are given in the order events are seen
//! committed, so a client that stores its last cursor never misses one.

use solvo_domain::permission::Permission;
use solvo_domain::webhook::EventType;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::events::{self, FeedQuery};

use super::payload::Envelope;
use crate::error::AppError;
use crate::paging::{ListQuery, Page};
use crate::principal::Principal;

/// What a feed read asks for.
#[derive(Debug, Clone, Default)]
pub struct FeedRequest {
    /// The previous page's `next_cursor`.
    pub after: Option<String>,
    /// Only these types; empty for all.
    pub types: Vec<EventType>,
    /// Page size (1 to 500, default 50).
    pub limit: Option<i64>,
}

/// One page of the feed. The cursor is always given, also on the last page: the client polls
/// with it again later.
///
/// # Errors
/// [`AppError::Forbidden`] without [`Permission::ReadEvents`]; a malformed cursor is invalid.
pub fn read(
    conn: &mut AnyConnection,
    caller: &Principal,
    request: &FeedRequest,
) -> Result<Page<Envelope>, AppError> {
    caller.require(Permission::ReadEvents)?;
    let after = match &request.after {
        None => 0,
        Some(cursor) => cursor
            .parse::<i64>()
            .ok()
            .filter(|p| *p >= 0)
            .ok_or_else(|| {
                AppError::invalid(
                    "after",
                    "invalid_cursor",
                    "Pass a `next_cursor` from an earlier page.",
                )
            })?,
    };
    let limit = ListQuery {
        limit: request.limit,
        ..ListQuery::default()
    }
    .page()?
    .limit;
    let mut types: Vec<String> = request
        .types
        .iter()
        .map(|kind| kind.as_str().to_owned())
        .collect();
    if types.is_empty() {
        types = EventType::subscribable()
            .map(|kind| kind.as_str().to_owned())
            .collect();
    }
    let query = FeedQuery {
        organisation_id: caller.tenant_scope().map(ToOwned::to_owned),
        after,
        types,
        since: None,
        limit,
    };
    let rows = events::feed(conn, &query)?;
    let last = rows.last().and_then(|row| row.position).unwrap_or(after);
    let items = rows
        .iter()
        .map(Envelope::of)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        next_cursor: Some(last.to_string()),
    })
}
