//! Errors of the debtor portal in the debtor's language: a problem answered under
//! `/v1/portal/` gets its `detail` in the language of `Accept-Language` (German, Dutch or French;
//! English keeps the precise English detail) and a `Content-Language`. The code, status and
//! field errors stay as they are, so clients branch on the same `code` whatever the language.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse};
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording;

use crate::auth::debtor::accept_language;
use crate::error::PROBLEM_JSON;

/// The middleware: a no-op outside `/v1/portal/` and for answers that are not problems.
///
/// # Errors
/// Those of the wrapped service.
pub async fn translate_problems(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let portal = req.path().starts_with("/v1/portal/");
    let login = req.path() == "/v1/portal/session";
    let asked = Language::negotiate(accept_language(req.request()).as_deref(), None);
    let response = next.call(req).await?.map_into_boxed_body();
    // A session knows the debtor's preferred language; before one, Accept-Language decides.
    let language = response
        .request()
        .extensions()
        .get::<Language>()
        .copied()
        .unwrap_or(asked);
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes() == PROBLEM_JSON.as_bytes());
    if !portal || !is_problem || language == Language::En {
        return Ok(response);
    }
    let (request, response) = response.into_parts();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = actix_web::body::to_bytes(response.into_body())
        .await
        .unwrap_or_default();
    let mut problem: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(problem) => problem,
        Err(_) => serde_json::Value::Null,
    };
    let translated = problem
        .get("code")
        .and_then(serde_json::Value::as_str)
        .map(|code| match code {
            // Without a session it is a missing token, not a wrong code.
            "unauthenticated" if !login => "no_session",
            code => code,
        })
        .and_then(|code| wording::error(code, language));
    let body = match (translated, problem.as_object_mut()) {
        (Some(text), Some(fields)) => {
            fields.insert("detail".to_owned(), text.into());
            serde_json::to_vec(&problem).unwrap_or_else(|_| bytes.to_vec())
        }
        _ => bytes.to_vec(),
    };
    let mut rebuilt = HttpResponse::build(status);
    for (name, value) in &headers {
        if name != header::CONTENT_LENGTH {
            rebuilt.append_header((name.clone(), value.clone()));
        }
    }
    if translated.is_some() {
        rebuilt.insert_header((
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(language.code()),
        ));
    }
    Ok(ServiceResponse::new(request, rebuilt.body(body)))
}
