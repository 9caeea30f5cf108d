//! `--check-responses`: every answer is held to what the served OpenAPI document promises for its
//! operation (the status, the media type, and a JSON body's schema, enums and formats included).
//! An answer that breaks the promise is logged and replaced by a `500` whose `detail` names each
//! break, so a test that reads the answer fails on it.
//!
//! The black-box tests run every server with it, so each of their requests, on both backends,
//! checks the document against the code: a state the document does not list, a timestamp that is
//! not a `date-time`, a status an operation does not declare. It buffers every body and
//! validates it, so it is meant for tests and sandboxes, not for production.

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};

use crate::error::PROBLEM_JSON;
use crate::extract::schema_errors;

/// The middleware: answers of paths the document does not describe pass unchecked.
///
/// # Errors
/// Those of the wrapped service.
pub async fn check_responses(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let method = req.method().as_str().to_ascii_lowercase();
    let pattern = req.match_pattern();
    let response = next.call(req).await?.map_into_boxed_body();
    let Some(pattern) = pattern else {
        return Ok(response);
    };
    let status = response.status();
    let media_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_owned());
    let (request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let bytes = body::to_bytes(body).await.map_err(|error| {
        actix_web::error::ErrorInternalServerError(format!("the answer's body failed: {error}"))
    })?;
    let breaks = schema_errors::of_response(
        &method,
        &pattern,
        status.as_u16(),
        media_type.as_deref(),
        &bytes,
    );
    if breaks.is_empty() {
        return Ok(ServiceResponse::new(
            request,
            head.set_body(bytes).map_into_boxed_body(),
        ));
    }
    tracing::error!(%method, %pattern, status = status.as_u16(), ?breaks, "an answer breaks the OpenAPI document");
    let problem = serde_json::json!({
        "type": "https://solvo.dev/problems/internal",
        "title": "Internal server error",
        "status": 500,
        "code": "internal",
        "detail": format!(
            "{} {pattern} answered {status} against the document: {}",
            method.to_ascii_uppercase(),
            breaks.join("; ")
        ),
    });
    Ok(ServiceResponse::new(
        request,
        HttpResponse::InternalServerError()
            .content_type(PROBLEM_JSON)
            .json(problem),
    ))
}
