//! The key of a request that commits in chunks. Its record is claimed before the first chunk,
//! each chunk stores its items' outcomes in its own transaction, and the response is stored
//! when the last one is in:
//!
//! 1. [`claim`]: a new key is stored as claimed by this run (no response yet), with a lease.
//!    A key already answered replays its response; one claimed by a live run is waited for
//!    (a twin sent at once gets the first one's answer, as with [`super::create`]); one whose
//!    lease lapsed (its run died) is taken over, with what the dead run recorded.
//! 2. [`Claim::renew`] and [`Claim::record`] in every chunk's transaction: the claim is
//!    checked and extended first (on PostgreSQL this locks the key's row, so a take-over and a
//!    chunk never interleave), the chunk's outcomes are stored last. A chunk is placed and
//!    recorded together or not at all, so after a crash the recorded outcomes are exactly what
//!    was placed.
//! 3. [`Claim::answer`]: the response is stored and the recorded chunks forgotten.
//!
//! A run that fails lets its lease lapse at once ([`Claim::release`]) so a retry resumes
//! without waiting. Leases run on the system clock, as the retention of keys does: retries
//! happen in real time.

use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};
use solvo_persistence::AnyConnection;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::idempotency::{self, ProgressRow, StoredResponse};

use super::{Created, Failure, Outcome, RETENTION_HOURS, Saved, replay, reused};
use crate::clock;
use crate::db::Db;
use crate::error::AppError;

/// How long a claim holds without a chunk renewing it. A chunk takes a fraction of a second;
/// after a crash a retry waits at most this long before it resumes.
const LEASE: TimeDelta = TimeDelta::seconds(30);
/// Between looks at a key another run holds.
const WAIT_STEP: Duration = Duration::from_millis(200);
/// Looks before giving up on a key held by a live run (a little over two leases).
const MAX_WAITS: u32 = 320;

/// This run's hold on a key.
#[derive(Debug, Clone)]
pub struct Claim {
    organisation_id: String,
    key: String,
    fingerprint: String,
    owner: String,
    /// The number the next recorded chunk gets (a run that resumes goes on counting).
    next_chunk: i32,
}

/// What [`claim`] found.
#[derive(Debug)]
pub enum Start {
    /// The key was answered before: the stored reply.
    Replay(Outcome),
    /// This run holds the key; the outcomes earlier runs recorded, chunk by chunk, as stored.
    Claimed(Claim, Vec<String>),
}

/// Claims `key` for a chunked run, or gives the stored reply.
///
/// # Errors
/// A validation error when the key was used with another body; [`AppError::Unavailable`] when
/// another run still holds it after two leases.
pub async fn claim(
    db: &Db,
    organisation_id: String,
    key: String,
    fingerprint: String,
) -> Result<Start, AppError> {
    let candidate = Claim {
        organisation_id,
        key,
        fingerprint,
        owner: solvo_persistence::ids::new_id("run"),
        next_chunk: 0,
    };
    for _ in 0..MAX_WAITS {
        let attempt = candidate.clone();
        let now = clock::system_now();
        let found = db
            .read(
                move |conn| match write_transaction(conn, |conn| try_claim(conn, attempt, now)) {
                    Ok(found) => Ok(found),
                    Err(Failure::Race) => Ok(None),
                    Err(Failure::App(err)) => Err(err),
                },
            )
            .await?;
        match found {
            Some(start) => return Ok(start),
            None => tokio::time::sleep(WAIT_STEP).await,
        }
    }
    Err(AppError::Unavailable)
}

/// `None` while a live run holds the key.
fn try_claim(
    conn: &mut AnyConnection,
    mut claim: Claim,
    now: NaiveDateTime,
) -> Result<Option<Start>, Failure> {
    let (organisation_id, key) = (&claim.organisation_id, &claim.key);
    let Some(stored) = idempotency::find(conn, organisation_id, key).map_err(AppError::from)?
    else {
        let row = StoredResponse {
            organisation_id: organisation_id.clone(),
            idempotency_key: key.clone(),
            request_hash: claim.fingerprint.clone(),
            status_code: 0,
            response_body: String::new(),
            created_at: now,
            claimed_by: Some(claim.owner.clone()),
            lease_until: Some(now + LEASE),
        };
        return match idempotency::insert(conn, &row) {
            Ok(()) => Ok(Some(Start::Claimed(claim, Vec::new()))),
            // A twin claimed it between the look and the insert (PostgreSQL): look again.
            Err(solvo_persistence::PersistenceError::Conflict(_)) => Err(Failure::Race),
            Err(err) => Err(Failure::App(err.into())),
        };
    };
    if stored.request_hash != claim.fingerprint {
        return Err(Failure::App(reused()));
    }
    if !stored.in_progress() {
        return Ok(Some(Start::Replay(Outcome {
            created: replay(&stored, &claim.fingerprint)?,
            replayed: true,
        })));
    }
    if !idempotency::take_over(conn, organisation_id, key, &claim.owner, now, now + LEASE)
        .map_err(AppError::from)?
    {
        return Ok(None);
    }
    let rows = idempotency::recorded(conn, organisation_id, key).map_err(AppError::from)?;
    claim.next_chunk = rows.last().map_or(0, |row| row.chunk_number + 1);
    tracing::info!(key = %claim.key, chunks = rows.len(), "resuming a chunked request whose run stopped");
    let recorded = rows.into_iter().map(|row| row.outcomes).collect();
    Ok(Some(Start::Claimed(claim, recorded)))
}

impl Claim {
    /// Checks that this run still holds the key and extends its lease; call it first in each
    /// chunk's transaction.
    ///
    /// # Errors
    /// [`AppError::Unavailable`] when another run took the key over (this one stalled past
    /// its lease): that run answers, and a retry replays its answer.
    pub fn renew(&self, conn: &mut AnyConnection) -> Result<(), AppError> {
        let now = clock::system_now();
        if idempotency::renew(
            conn,
            &self.organisation_id,
            &self.key,
            &self.owner,
            now + LEASE,
        )? {
            Ok(())
        } else {
            tracing::warn!(key = %self.key, "a chunked request lost its key to a retry");
            Err(AppError::Unavailable)
        }
    }

    /// Stores a chunk's outcomes (serialised by the use case) in the chunk's transaction.
    ///
    /// # Errors
    /// Database errors.
    pub fn record(&mut self, conn: &mut AnyConnection, outcomes: String) -> Result<(), AppError> {
        idempotency::record(
            conn,
            &ProgressRow {
                organisation_id: self.organisation_id.clone(),
                idempotency_key: self.key.clone(),
                chunk_number: self.next_chunk,
                outcomes,
                created_at: clock::system_now(),
            },
        )?;
        self.next_chunk += 1;
        Ok(())
    }

    /// Stores the reply and ends the claim.
    ///
    /// # Errors
    /// [`AppError::Unavailable`] when another run took the key over; database errors.
    pub async fn answer(self, db: &Db, created: Created) -> Result<Outcome, AppError> {
        let body = serde_json::to_string(&Saved {
            body: &created.body,
            location: created.location.clone(),
        })?;
        let status = i32::from(created.status);
        db.write(move |conn| {
            let now = clock::system_now();
            idempotency::delete_older_than(conn, now - TimeDelta::hours(RETENTION_HOURS))?;
            if idempotency::answer(
                conn,
                &self.organisation_id,
                &self.key,
                &self.owner,
                status,
                &body,
            )? {
                Ok(())
            } else {
                Err(AppError::Unavailable)
            }
        })
        .await?;
        Ok(Outcome {
            created,
            replayed: false,
        })
    }

    /// Lets the lease lapse now, after a failure, so that a retry resumes at once. Best effort:
    /// if this fails too, the lease lapses by itself.
    pub async fn release(self, db: &Db) {
        let released = db
            .write(move |conn| {
                Ok(idempotency::renew(
                    conn,
                    &self.organisation_id,
                    &self.key,
                    &self.owner,
                    clock::system_now(),
                )?)
            })
            .await;
        if let Err(err) = released {
            tracing::warn!(error = ?err, "releasing an idempotency claim failed");
        }
    }
}
