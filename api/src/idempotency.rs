//! `Idempotency-Key` for create requests: the same key with the same body replays the first
//! response; with a different body it is a 422. Keys are per organisation and kept 48 hours.
//!
//! The key is stored in the same transaction as the change it guards, so a crash can never
//! leave a change without its key or a key without its change. Two concurrent requests with one
//! key: the second insert of the key fails, its whole transaction rolls back, and it replays the
//! first one's response.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::idempotency::{self, StoredResponse};
use solvo_persistence::{AnyConnection, PersistenceError};

use crate::clock;
use crate::error::ApiError;
use crate::state::AppState;

/// Header name.
pub const HEADER: &str = "idempotency-key";
/// Header set on replayed responses.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";
/// How long keys are kept (the API promises at least 24 hours).
const RETENTION_HOURS: i64 = 48;

/// What a create produced, in the form that is stored for replays.
#[derive(Debug, Clone)]
pub struct Created {
    /// HTTP status.
    pub status: StatusCode,
    /// The JSON body, serialised once: a bulk response of 100,000 rows is sent and stored
    /// from the same text instead of going through a `Value` tree.
    pub body: Box<RawValue>,
    /// `Location` header, if any.
    pub location: Option<String>,
}

impl Created {
    /// A response with `body` serialised as JSON.
    ///
    /// # Errors
    /// 500 when `body` cannot be serialised.
    pub fn new<T: Serialize + ?Sized>(
        status: StatusCode,
        body: &T,
        location: Option<String>,
    ) -> Result<Self, ApiError> {
        Ok(Self {
            status,
            body: serde_json::value::to_raw_value(body).map_err(anyhow::Error::from)?,
            location,
        })
    }
}

/// The stored form of a [`Created`].
#[derive(Serialize, Deserialize)]
struct Saved<'a> {
    #[serde(borrow)]
    body: &'a RawValue,
    location: Option<String>,
}

/// Reads and checks the header: 1 to 255 visible ASCII characters.
///
/// # Errors
/// 422 naming the header.
pub fn key_from(request: &HttpRequest) -> Result<Option<String>, ApiError> {
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
    Ok(Some(key.to_owned()))
}

enum Failure {
    Api(ApiError),
    Race,
}

impl From<diesel::result::Error> for Failure {
    fn from(err: diesel::result::Error) -> Self {
        Self::Api(err.into())
    }
}

impl From<ApiError> for Failure {
    fn from(err: ApiError) -> Self {
        Self::Api(err)
    }
}

/// Runs `work` as one write transaction guarded by the key (when there is one) and answers its
/// response or the stored replay.
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
    F: FnOnce(&mut AnyConnection) -> Result<Created, ApiError> + Send + 'static,
{
    let Some(key) = key else {
        let created = state.db.write(work).await?;
        return Ok(respond(&created, false));
    };
    let now = clock::now();
    let (org, k, print) = (organisation_id.clone(), key.clone(), fingerprint.clone());
    let outcome = state
        .db
        .read(move |conn| {
            match write_transaction(conn, |conn| guarded(conn, &org, &k, &print, now, work)) {
                Ok(outcome) => Ok(Some(outcome)),
                Err(Failure::Race) => Ok(None),
                // On PostgreSQL a concurrent twin with the same key can make this one fail on a
                // unique index (its case or debtor) before it reaches the key: once the twin has
                // committed, answer its stored response rather than the conflict.
                Err(Failure::Api(err)) => match idempotency::find(conn, &org, &k)? {
                    Some(stored) => Ok(Some((replay(&stored, &print)?, true))),
                    None => Err(err),
                },
            }
        })
        .await?;
    if let Some((created, replayed)) = outcome {
        return Ok(respond(&created, replayed));
    }
    let stored = state
        .db
        .read(move |conn| Ok(idempotency::find(conn, &organisation_id, &key)?))
        .await?;
    let stored = stored.ok_or_else(|| {
        ApiError::Internal(anyhow::anyhow!("idempotency race left no stored response"))
    })?;
    Ok(respond(&replay(&stored, &fingerprint)?, true))
}

fn guarded<F>(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
    fingerprint: &str,
    now: chrono::NaiveDateTime,
    work: F,
) -> Result<(Created, bool), Failure>
where
    F: FnOnce(&mut AnyConnection) -> Result<Created, ApiError>,
{
    if let Some(stored) = idempotency::find(conn, organisation_id, key).map_err(ApiError::from)? {
        return Ok((replay(&stored, fingerprint)?, true));
    }
    let created = work(conn)?;
    idempotency::delete_older_than(conn, now - Duration::hours(RETENTION_HOURS))
        .map_err(ApiError::from)?;
    let stored = StoredResponse {
        organisation_id: organisation_id.to_owned(),
        idempotency_key: key.to_owned(),
        request_hash: fingerprint.to_owned(),
        status_code: i32::from(created.status.as_u16()),
        response_body: serde_json::to_string(&Saved {
            body: &created.body,
            location: created.location.clone(),
        })
        .map_err(|err| ApiError::Internal(err.into()))?,
        created_at: now,
    };
    match idempotency::insert(conn, &stored) {
        Ok(()) => Ok((created, false)),
        Err(PersistenceError::Conflict(_)) => Err(Failure::Race),
        Err(err) => Err(Failure::Api(err.into())),
    }
}

fn replay(stored: &StoredResponse, fingerprint: &str) -> Result<Created, ApiError> {
    if stored.request_hash != fingerprint {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            "idempotency_key_reused",
            "This Idempotency-Key was used with a different request body.",
        ));
    }
    let saved: Saved<'_> = serde_json::from_str(&stored.response_body).map_err(|err| {
        ApiError::Internal(anyhow::anyhow!(
            "stored idempotent response unreadable: {err}"
        ))
    })?;
    let status = u16::try_from(stored.status_code)
        .ok()
        .and_then(|code| StatusCode::from_u16(code).ok())
        .unwrap_or(StatusCode::OK);
    Ok(Created {
        status,
        body: saved.body.to_owned(),
        location: saved.location,
    })
}

fn respond(created: &Created, replayed: bool) -> HttpResponse {
    let mut response = HttpResponse::build(created.status);
    if let Some(location) = &created.location {
        response.insert_header(("location", location.as_str()));
    }
    if replayed {
        response.insert_header((REPLAYED_HEADER, "true"));
    }
    response
        .content_type(actix_web::http::header::ContentType::json())
        .body(created.body.get().to_owned())
}
