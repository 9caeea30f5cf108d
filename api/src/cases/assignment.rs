//! Assignment: a new case goes to an enabled collector who covers the debtor's country and
//! language, least loaded first (ties to the earliest-created collector, so the choice is
//! deterministic). Without a covering collector the case waits unassigned for an agency admin.

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::collectors;

use crate::error::ApiError;

/// The collector for a debtor in `country` speaking `language` (`None`: any language).
///
/// # Errors
/// Database errors only.
pub fn choose_collector(
    conn: &mut AnyConnection,
    country: &str,
    language: Option<&str>,
) -> Result<Option<String>, ApiError> {
    let candidates = collectors::candidates(conn, country, language)?;
    Ok(candidates
        .into_iter()
        .min_by(|a, b| {
            a.open_cases
                .cmp(&b.open_cases)
                .then_with(|| a.user_id.cmp(&b.user_id))
        })
        .map(|candidate| candidate.user_id))
}
