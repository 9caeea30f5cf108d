//! The [`DebtorCaller`] extractor of `/v1/portal/`: a debtor's portal token, checked against the
//! case's current access code on every request, and the language the debtor reads.
//!
//! A staff token or an API key is refused here (401, as an invalid portal token), exactly as a
//! portal token is refused by [`super::Caller`] everywhere else (403).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use solvo_app::portal::{Debtor, session};
use solvo_domain::portal::language::Language;

use crate::error::{ApiError, TokenProblem};
use crate::state::AppState;

const UNAUTHENTICATED: &str = "No portal session: open one with `POST /v1/portal/session` and send \
     `Authorization: Bearer <access_token>`.";

/// The debtor of a portal request, with the language to answer in.
#[derive(Debug, Clone)]
pub struct DebtorCaller {
    /// Who the session acts for.
    pub debtor: Debtor,
    /// `Accept-Language` first, then the debtor's preferred language on file, then English.
    pub language: Language,
}

impl std::ops::Deref for DebtorCaller {
    type Target = Debtor;

    fn deref(&self) -> &Debtor {
        &self.debtor
    }
}

impl FromRequest for DebtorCaller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = super::caller::bearer_token(req);
        let accept_language = accept_language(req);
        let request = req.clone();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))?;
            let token = token.ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
            let claims = state
                .jwt
                .verify_portal(&token)
                .map_err(ApiError::TokenRefused)?;
            let resumed = state
                .db
                .read(move |conn| {
                    let Some(debtor) =
                        session::resume(conn, &claims.sid, &claims.sub, &claims.org)?
                    else {
                        return Ok(None);
                    };
                    let preferred = session::preferred_language(conn, &debtor)?;
                    Ok(Some((debtor, preferred)))
                })
                .await?;
            let (debtor, preferred) =
                resumed.ok_or(ApiError::TokenRefused(TokenProblem::Revoked))?;
            let language = Language::negotiate(accept_language.as_deref(), preferred.as_deref());
            // The error translation reads it, so errors speak as the answers do.
            request.extensions_mut().insert(language);
            Ok(Self { debtor, language })
        })
    }
}

/// The request's `Accept-Language`, for texts a debtor reads (the portal's answers and errors).
#[must_use]
pub fn accept_language(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}
