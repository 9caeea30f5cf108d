//! Bulk intake (`POST /v1/cases/bulk`, `POST /v1/cases/import`) committed chunk by chunk, so
//! that a 100,000-row import never holds the database's write lock for long: between two
//! chunks other requests write (on SQLite they queue for the lock, see
//! `solvo_persistence::dialect`, and the import's next chunk queues behind them).
//!
//! A chunk is [`CHUNK_CASES`] cases with all their rows (a case's invoices are never split): a
//! chunk of 1,000 cases (about 2,000 CSV rows) takes a few tens of milliseconds to write, which
//! is what another writer may wait, while the fixed cost of a chunk (a commit, and its `fsync`
//! under `synchronous = FULL`; a claim renewed, outcomes recorded) is spread over enough rows
//! to vanish. Tests set a small size (`ServerConfig::import_chunk_cases`).
//!
//! A crash between chunks: what committed stays placed, and nothing else was. Without an
//! `Idempotency-Key` a retry reports the committed cases as duplicates of themselves (the
//! creditor reference is unique per creditor, see [`super::batch`]), so no case is placed
//! twice. With a key the request is resumable ([`crate::idempotency::resumable`]): the key is
//! claimed before the first chunk, and each chunk's transaction renews the claim and records
//! the chunk's outcomes with its cases, so the record and the cases commit together. A retry
//! with the key takes the claim over once the dead run's lease has lapsed, answers the recorded
//! outcomes for the items that were placed (the same case ids as the first run would have
//! answered), places only the rest, and stores the whole answer for later replays.

use std::collections::HashSet;

use chrono::NaiveDateTime;

use super::batch::{ItemOutcome, Known, look_up, place_chunk};
use super::input::ValidCase;
use super::placement::PlacementContext;
use crate::db::Db;
use crate::error::AppError;
use crate::idempotency::resumable::{self, Claim, Start};
use crate::idempotency::{Created, Outcome};

/// Cases committed per chunk unless configured otherwise (see the module comment).
pub const CHUNK_CASES: usize = 1_000;

/// One bulk request's placement.
#[derive(Debug, Clone)]
pub struct Intake {
    /// Who places, for whom.
    pub context: PlacementContext,
    /// The request's time.
    pub now: NaiveDateTime,
    /// Cases per committed chunk (at least 1).
    pub chunk_cases: usize,
}

/// The idempotency of a request: the caller's key, if any, and the body's fingerprint.
#[derive(Debug, Clone)]
pub struct Guard {
    /// `Idempotency-Key`, scoped to the caller.
    pub key: Option<String>,
    /// Fingerprint of the body.
    pub fingerprint: String,
}

/// Places `items` (each with the caller's index) chunk by chunk and answers with `respond`,
/// which gets an outcome per item in index order (an item an earlier run of the same key placed
/// gets that run's outcome, even when it is not among `items`).
///
/// # Errors
/// Database failures that the one-by-one fallback cannot get past, what `respond` returns, a
/// validation error when the key was used with another body.
pub async fn place_in_chunks<F>(
    db: &Db,
    intake: Intake,
    guard: Guard,
    items: Vec<(usize, ValidCase)>,
    respond: F,
) -> Result<Outcome, AppError>
where
    F: FnOnce(Vec<(usize, ItemOutcome)>) -> Result<Created, AppError>,
{
    let mut outcomes = Vec::new();
    let mut claim = None;
    if let Some(key) = guard.key {
        let organisation_id = intake.context.organisation_id.clone();
        match resumable::claim(db, organisation_id, key, guard.fingerprint).await? {
            Start::Replay(outcome) => return Ok(outcome),
            Start::Claimed(held, recorded) => {
                for text in recorded {
                    let chunk: Vec<(usize, ItemOutcome)> = serde_json::from_str(&text)
                        .map_err(|err| AppError::corrupt("idempotency_progress", "chunk", err))?;
                    outcomes.extend(chunk);
                }
                claim = Some(held);
            }
        }
    }
    let placed = place(db, &intake, &mut claim, items, &mut outcomes)
        .await
        .and_then(|()| {
            outcomes.sort_by_key(|(index, _)| *index);
            respond(outcomes)
        });
    match (placed, claim) {
        (Ok(created), Some(claim)) => claim.answer(db, created).await,
        (Ok(created), None) => Ok(Outcome {
            created,
            replayed: false,
        }),
        (Err(err), Some(claim)) => {
            claim.release(db).await;
            Err(err)
        }
        (Err(err), None) => Err(err),
    }
}

/// Places the items no earlier run placed, one committed chunk at a time.
async fn place(
    db: &Db,
    intake: &Intake,
    claim: &mut Option<Claim>,
    items: Vec<(usize, ValidCase)>,
    outcomes: &mut Vec<(usize, ItemOutcome)>,
) -> Result<(), AppError> {
    let done: HashSet<usize> = outcomes.iter().map(|(index, _)| *index).collect();
    let mut remaining: Vec<(usize, ValidCase)> = items
        .into_iter()
        .filter(|(index, _)| !done.contains(index))
        .collect();
    if remaining.is_empty() {
        return Ok(());
    }
    let size = intake.chunk_cases.max(1);
    // Looked up once, outside any write, for all items; each chunk adds what it placed.
    let (mut known, items) = known_for(db, intake, remaining).await?;
    remaining = items;
    while !remaining.is_empty() {
        let rest = remaining.split_off(size.min(remaining.len()));
        let chunk = std::mem::replace(&mut remaining, rest);
        let (context, now) = (intake.context.clone(), intake.now);
        let mut held = claim.clone();
        let (placed, fell_back, returned, held) = db
            .write(move |conn| {
                if let Some(claim) = &held {
                    claim.renew(conn)?;
                }
                let (placed, fell_back) = place_chunk(conn, &context, &mut known, chunk, now)?;
                if let Some(claim) = &mut held {
                    claim.record(conn, serde_json::to_string(&placed)?)?;
                }
                Ok((placed, fell_back, known, held))
            })
            .await?;
        *claim = held;
        outcomes.extend(placed);
        known = returned;
        if fell_back && !remaining.is_empty() {
            let (again, items) = known_for(db, intake, remaining).await?;
            known = again;
            remaining = items;
        }
    }
    Ok(())
}

/// [`look_up`] for `items` on a pooled connection; the items come back with what was found.
async fn known_for(
    db: &Db,
    intake: &Intake,
    items: Vec<(usize, ValidCase)>,
) -> Result<(Known, Vec<(usize, ValidCase)>), AppError> {
    let (context, now) = (intake.context.clone(), intake.now);
    db.read(move |conn| {
        let known = look_up(conn, &context, &items, now)?;
        Ok((known, items))
    })
    .await
}
