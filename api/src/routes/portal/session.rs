//! `POST /v1/portal/session`: a debtor's reference and access code for a portal token.

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::clock;
use solvo_app::portal::session;
use solvo_domain::portal::language::Language;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::debtor::accept_language;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// How long a portal token lasts. Longer than a staff token because a debtor has no refresh
/// token; a new code for the case ends the session at once all the same.
pub const PORTAL_SESSION_SECONDS: i64 = 3600;

/// What the debtor's letter says.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reference": "RF18 5390 0754 7034", "access_code": "K7QM-XR3D-HW9C"}))]
pub struct PortalLogin {
    /// The case's RF reference, with or without spaces.
    #[validate(length(min = 5, max = 40))]
    #[schema(example = "RF18 5390 0754 7034", min_length = 5, max_length = 40)]
    pub reference: String,
    /// The access code, with or without dashes, in either case.
    #[validate(length(min = 1, max = 40))]
    #[schema(example = "K7QM-XR3D-HW9C", min_length = 1, max_length = 40)]
    pub access_code: String,
}

/// A portal session.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalSession {
    /// JWT for `Authorization: Bearer` on `/v1/portal/…`; refused everywhere else.
    pub access_token: String,
    /// Always `Bearer`.
    #[schema(value_type = crate::routes::auth::TokenType)]
    pub token_type: String,
    /// Seconds until the token expires; then log in again with the letter.
    pub expires_in: i64,
    /// The case the letter is about (the session also reaches the debtor's other open cases
    /// with the same creditor).
    pub case_id: String,
    /// The language the portal answers in: `Accept-Language` first, then the debtor's
    /// preferred language on file, then English.
    #[schema(example = "de")]
    pub language: String,
}

/// Opens a debtor portal session with the reference and access code on the case's letter.
/// An unknown reference and a wrong code answer alike. Failed tries are counted per reference
/// and per client address, and each further try waits twice as long.
#[utoipa::path(
    tag = "portal",
    operation_id = "open_portal_session",
    request_body = PortalLogin,
    responses(
        (status = 200, description = "Session opened; the answer is never cached", body = PortalSession),
        (status = 401, description = "The reference and access code do not match (the same answer for a reference that does not exist)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong tries for this reference or from this address; wait `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is accepted"))),
        (status = 503, description = "As many codes are being checked as the server allows at once; retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(())
)]
#[post("/v1/portal/session")]
pub async fn open_portal_session(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: ApiJson<PortalLogin>,
) -> Result<HttpResponse, ApiError> {
    let PortalLogin {
        reference,
        access_code,
    } = body.into_inner();
    let attempt = session::attempt(&reference, state.proxies.client(&request));
    let opened = session::open(
        &state.db,
        &state.hash_gate,
        attempt,
        &reference,
        &access_code,
    )
    .await?
    .ok_or(ApiError::Unauthenticated(session::REFUSED))?;
    let language = Language::negotiate(
        accept_language(&request).as_deref(),
        opened.preferred_language.as_deref(),
    );
    let debtor = opened.debtor;
    let claims = state.jwt.portal_claims(
        &debtor.debtor_id,
        &debtor.organisation_id,
        &debtor.grant_id,
        clock::system_now().and_utc(),
        PORTAL_SESSION_SECONDS,
    );
    let reply = PortalSession {
        access_token: state.jwt.sign(&claims).map_err(AppError::from)?,
        token_type: "Bearer".to_owned(),
        expires_in: PORTAL_SESSION_SECONDS,
        case_id: debtor.case_id,
        language: language.code().to_owned(),
    };
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(reply))
}
