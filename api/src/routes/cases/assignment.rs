//! `PUT /v1/cases/{id}/assignment`: an agency admin (re)assigns a case to a collector.

use actix_web::http::header;
use actix_web::{HttpResponse, put, web};
use serde::Deserialize;
use serde_json::json;
use solvo_domain::case::{Command, Facts};
use solvo_domain::identity::Role;
use solvo_persistence::PersistenceError;
use solvo_persistence::repositories::{cases, users};
use utoipa::ToSchema;
use validator::Validate;

use super::view::{CaseView, load_view};
use crate::access::visible_case;
use crate::auth::Caller;
use crate::cases::balance;
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::clock;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// The collector to assign.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRequest {
    /// An enabled collector of the agency.
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub collector_id: String,
}

/// Assigns the case to a collector (agency admins only). A submitted case moves to assessment.
#[utoipa::path(
    tag = "tracking",
    operation_id = "put_case_assignment",
    params(("id" = String, Path, description = "Case id")),
    request_body = AssignmentRequest,
    responses(
        (status = 200, description = "Assigned; the case as it is now", body = CaseView),
        (status = 409, description = "The case is closed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The case changed concurrently; retry", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[put("/v1/cases/{id}/assignment")]
pub async fn put_assignment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<AssignmentRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(|role| role == Role::AgencyAdmin, "assign cases")?;
    let collector_id = body.into_inner().collector_id;
    let id = id.into_inner();
    let rates = state.rates.clone();
    let now = clock::now();
    let today = now.date();
    let view = state
        .db
        .write(move |conn| {
            let case = visible_case(conn, &caller, &id)?;
            let collector = match users::find(conn, &collector_id) {
                Ok(user) if user.role == "collector" && !user.disabled => user,
                Ok(_) | Err(PersistenceError::NotFound) => {
                    return Err(ApiError::invalid(
                        "collector_id",
                        "not_a_collector",
                        "No enabled collector has this id.",
                    ));
                }
                Err(err) => return Err(err.into()),
            };
            let before = balance::load(conn, &case, &rates, today)?;
            let command = Command::Assign {
                collector: collector.id.clone(),
            };
            cases::assign(conn, &case.id, Some(&collector.id), now)?;
            let current = cases::find(conn, None, &case.id)?;
            let extras = Extras {
                resume_on: current.resume_on,
                detail: json!({"collector_id": collector.id, "previous": case.collector_id}),
            };
            let updated = apply_command(
                conn,
                &current,
                &command,
                &Facts::owing(before.outstanding),
                &ActorRef::from(&caller),
                extras,
                now,
            )?;
            load_view(conn, updated, &rates, &caller, today)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(view.version),
        ))
        .json(view))
}
