//! Reading the scheduler's jobs: agency administrators see what failed and why.

use serde::{Deserialize, Serialize};
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::jobs;
pub use solvo_persistence::repositories::jobs::JobRow;
use solvo_persistence::repositories::page::{Page, PageRequest};
use utoipa::ToSchema;

use crate::error::AppError;
use crate::principal::Principal;

/// A job's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Due, not run yet.
    Pending,
    /// Done.
    Done,
    /// The last attempt failed; retried at `next_attempt_at`, or given up when that is empty.
    Failed,
}

impl JobStatus {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }
}

/// One page of jobs, oldest first, only those in `status` when given.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_jobs`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    status: Option<JobStatus>,
    page: &PageRequest,
) -> Result<Page<JobRow>, AppError> {
    caller.require(Permission::ReadJobs)?;
    Ok(jobs::list(conn, status.map(JobStatus::as_str), page)?)
}
