//! `Idempotency-Key` over HTTP: reads and checks the header, and writes the reply of
//! [`solvo_app::idempotency::create`] (which stores and replays it) with `Idempotent-Replayed`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
pub use solvo_app::idempotency::Created;
use solvo_app::idempotency::Outcome;
use solvo_app::{AppError, Principal};
use solvo_persistence::AnyConnection;

use crate::error::ApiError;
use crate::state::AppState;

/// Header name.
pub const HEADER: &str = "idempotency-key";
/// Header set on replayed responses.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// Reads and checks the header (1 to 255 visible ASCII characters) and scopes it to the caller:
/// the same key from two users or API keys of one organisation is two requests, so one caller can
/// never be replayed another's response (which would skip the checks of who may see it).
///
/// # Errors
/// 422 naming the header.
pub fn key_from(request: &HttpRequest, caller: &Principal) -> Result<Option<String>, ApiError> {
    let Some(raw) = request.headers().get(HEADER) else {
        return Ok(None);
    };
    let key = raw.to_str().unwrap_or_default().trim();
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            "invalid_idempotency_key",
            "Idempotency-Key must be 1 to 255 visible ASCII characters.",
        ));
    }
    Ok(Some(format!("{}:{key}", caller.actor_id())))
}

/// The HTTP reply of an idempotent create.
#[must_use]
pub fn respond(outcome: &Outcome) -> HttpResponse {
    let created: &Created = &outcome.created;
    let status = StatusCode::from_u16(created.status).unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    if let Some(location) = &created.location {
        response.insert_header(("location", location.as_str()));
    }
    if outcome.replayed {
        response.insert_header((REPLAYED_HEADER, "true"));
    }
    response
        .content_type(actix_web::http::header::ContentType::json())
        .body(created.body.get().to_owned())
}

/// Runs `work` guarded by the key (see [`solvo_app::idempotency::create`]) and answers its
/// reply, or the stored replay.
///
/// # Errors
/// What `work` returns; 422 when the key was used with another body.
pub async fn create<F>(
    state: &AppState,
    organisation_id: String,
    key: Option<String>,
    fingerprint: String,
    work: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut AnyConnection) -> Result<Created, AppError> + Send + 'static,
{
    let outcome =
        solvo_app::idempotency::create(&state.db, organisation_id, key, fingerprint, work).await?;
    Ok(respond(&outcome))
}
