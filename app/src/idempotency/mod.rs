//! The idempotency core: the same key with the same body replays the first response; with a
//! different body it is a validation error. Keys are per organisation and kept 48 hours.
//!
//! The key is stored in the same transaction as the change it guards, so a crash can never
//! leave a change without its key or a key without its change. Two concurrent requests with one
//! key: the second insert of the key fails, its whole transaction rolls back, and it replays the
//! first one's response. The api crate reads the `Idempotency-Key` header and writes the reply.
//!
//! Requests too large for one transaction (bulk placement, CSV import) commit in chunks and
//! guard their key with [`resumable`] instead: the key is claimed first, each chunk records its
//! outcomes as it commits, and a retry after a crash resumes where the run stopped.

pub mod resumable;

use chrono::Duration;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::idempotency::{self, StoredResponse};
use solvo_persistence::{AnyConnection, PersistenceError};

use crate::clock;
use crate::db::Db;
use crate::error::AppError;

/// How long keys are kept (the API promises at least 24 hours).
pub(crate) const RETENTION_HOURS: i64 = 48;

/// What a create produced, in the form that is stored for replays.
#[derive(Debug, Clone)]
pub struct Created {
    /// HTTP status code of the reply.
    pub status: u16,
    /// The JSON body, serialised once: a bulk response of 100,000 rows is sent and stored
    /// from the same text instead of going through a `Value` tree.
    pub body: Box<RawValue>,
    /// `Location` of the created resource, if any.
    pub location: Option<String>,
}

impl Created {
    /// A reply with `body` serialised as JSON.
    ///
    /// # Errors
    /// [`AppError::Internal`] when `body` cannot be serialised.
    pub fn new<T: Serialize + ?Sized>(
        status: u16,
        body: &T,
        location: Option<String>,
    ) -> Result<Self, AppError> {
        Ok(Self {
            status,
            body: serde_json::value::to_raw_value(body)?,
            location,
        })
    }
}

/// A reply and whether it is a replay of an earlier one.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The reply.
    pub created: Created,
    /// True when it was stored by an earlier request with the same key.
    pub replayed: bool,
}

/// The stored form of a [`Created`].
#[derive(Serialize, Deserialize)]
pub(crate) struct Saved<'a> {
    #[serde(borrow)]
    body: &'a RawValue,
    location: Option<String>,
}

pub(crate) enum Failure {
    App(AppError),
    /// Another request stored the key first; this one's transaction rolled back.
    Race,
}

impl From<diesel::result::Error> for Failure {
    fn from(err: diesel::result::Error) -> Self {
        Self::App(err.into())
    }
}

impl From<AppError> for Failure {
    fn from(err: AppError) -> Self {
        Self::App(err)
    }
}

/// Runs `work` as one write transaction guarded by the key (when there is one) and gives its
/// reply or the stored replay.
///
/// # Errors
/// What `work` returns; a validation error when the key was used with another body.
pub async fn create<F>(
    db: &Db,
    organisation_id: String,
    key: Option<String>,
    fingerprint: String,
    work: F,
) -> Result<Outcome, AppError>
where
    F: FnOnce(&mut AnyConnection) -> Result<Created, AppError> + Send + 'static,
{
    let Some(key) = key else {
        let created = db.write(work).await?;
        return Ok(Outcome {
            created,
            replayed: false,
        });
    };
    let now = clock::system_now();
    let (org, k, print) = (organisation_id.clone(), key.clone(), fingerprint.clone());
    let outcome = db
        .read(move |conn| {
            match write_transaction(conn, |conn| guarded(conn, &org, &k, &print, now, work)) {
                Ok(outcome) => Ok(Some(outcome)),
                Err(Failure::Race) => Ok(None),
                // On PostgreSQL a concurrent twin with the same key can make this one fail on a
                // unique index (its case or debtor) before it reaches the key: once the twin has
                // committed, answer its stored response rather than the conflict.
                Err(Failure::App(err)) => match idempotency::find(conn, &org, &k)? {
                    Some(stored) => Ok(Some(Outcome {
                        created: replay(&stored, &print)?,
                        replayed: true,
                    })),
                    None => Err(err),
                },
            }
        })
        .await?;
    if let Some(outcome) = outcome {
        return Ok(outcome);
    }
    let stored = db
        .read(move |conn| Ok(idempotency::find(conn, &organisation_id, &key)?))
        .await?
        .ok_or_else(|| AppError::internal("idempotency race left no stored response"))?;
    Ok(Outcome {
        created: replay(&stored, &fingerprint)?,
        replayed: true,
    })
}

fn guarded<F>(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
    fingerprint: &str,
    now: chrono::NaiveDateTime,
    work: F,
) -> Result<Outcome, Failure>
where
    F: FnOnce(&mut AnyConnection) -> Result<Created, AppError>,
{
    if let Some(stored) = idempotency::find(conn, organisation_id, key).map_err(AppError::from)? {
        return Ok(Outcome {
            created: replay(&stored, fingerprint)?,
            replayed: true,
        });
    }
    let created = work(conn)?;
    idempotency::delete_older_than(conn, now - Duration::hours(RETENTION_HOURS))
        .map_err(AppError::from)?;
    let stored = StoredResponse {
        organisation_id: organisation_id.to_owned(),
        idempotency_key: key.to_owned(),
        request_hash: fingerprint.to_owned(),
        status_code: i32::from(created.status),
        response_body: serde_json::to_string(&Saved {
            body: &created.body,
            location: created.location.clone(),
        })
        .map_err(AppError::from)?,
        created_at: now,
        claimed_by: None,
        lease_until: None,
    };
    match idempotency::insert(conn, &stored) {
        Ok(()) => Ok(Outcome {
            created,
            replayed: false,
        }),
        Err(PersistenceError::Conflict(_)) => Err(Failure::Race),
        Err(err) => Err(Failure::App(err.into())),
    }
}

pub(crate) fn replay(stored: &StoredResponse, fingerprint: &str) -> Result<Created, AppError> {
    if stored.request_hash != fingerprint {
        return Err(reused());
    }
    if stored.in_progress() {
        // A chunked request holds the key and has not answered yet: try again later.
        return Err(AppError::Unavailable);
    }
    let saved: Saved<'_> = serde_json::from_str(&stored.response_body)
        .map_err(|err| AppError::corrupt("idempotency_key", &stored.idempotency_key, err))?;
    let status = u16::try_from(stored.status_code).unwrap_or(200);
    Ok(Created {
        status,
        body: saved.body.to_owned(),
        location: saved.location,
    })
}

pub(crate) fn reused() -> AppError {
    AppError::invalid(
        "Idempotency-Key",
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request body.",
    )
}
