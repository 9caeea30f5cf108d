//! `POST /v1/cases/{id}/debtor-access`: a new portal access code for the case's letter.

use actix_web::{HttpResponse, post, web};
use serde::Serialize;
use solvo_app::clock;
use solvo_app::portal::access;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// A case's new access code, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct DebtorAccessView {
    /// The case's RF reference (ISO 11649), in groups of four as printed.
    #[schema(example = "RF18 5390 0754 7034")]
    pub reference: String,
    /// The code for the letter; the debtor types it with or without the dashes, in either case.
    /// Not stored in clear: it cannot be read again, only replaced.
    #[schema(example = "K7QM-XR3D-HW9C")]
    pub access_code: String,
    /// When it was issued (RFC 3339).
    #[schema(format = DateTime)]
    pub issued_at: String,
}

/// Issues the case's debtor portal access code, for the letter the agency sends (agency admins
/// and collectors). The previous code stops working at once, and every portal session opened
/// with it ends. On the timeline as `debtor_access_issued`, without the code.
#[utoipa::path(
    tag = "portal",
    operation_id = "issue_debtor_access",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 201, description = "Issued; the answer is never cached", body = DebtorAccessView),
        (status = 403, description = "Only the agency's admins and collectors issue access codes", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "As many codes are being hashed as the server allows at once; retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/debtor-access")]
pub async fn issue_debtor_access(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    // Refused callers never cost an argon2 hash.
    caller.require(solvo_domain::permission::Permission::IssueDebtorAccess)?;
    let drawn = access::draw(&state.hash_gate).await?;
    let case_id = id.into_inner();
    let now = state.clock.now();
    let issued = state
        .db
        .write(move |conn| access::issue(conn, &caller, &case_id, drawn, now))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(("cache-control", "no-store"))
        .json(DebtorAccessView {
            reference: issued.reference,
            access_code: issued.access_code,
            issued_at: clock::rfc3339(issued.issued_at),
        }))
}
