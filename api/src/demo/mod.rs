//! `solvo serve --demo`: a database to look around in.
//!
//! [`seed`] fills an empty database with the agency, two creditors (a Dutch wholesaler and a
//! German machine builder), a user for every role, an API key per creditor and
//! [`DEMO_CASES`] cases against businesses in thirteen countries, moved through the state
//! machine so that every state appears; the returned [`DemoSeed`] prints the logins.
//!
//! Everything goes through the use cases the API itself runs (`bootstrap::bootstrap`,
//! `cases::placement::place`, `cases::transition::apply_command`), so demo data is stored exactly
//! as real data would be. Variety comes from a fixed integer hash of each case's index, not from
//! a random generator: two demo databases seeded on the same day hold the same cases, and on
//! other days the same cases shifted in time, as dates count back from today.

mod catalogue;
mod file;
mod intake;
mod money;
mod people;
mod plan;
mod report;
mod run;
mod steps;
mod story;

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use solvo_domain::rates::RateTables;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::organisations;
use solvo_persistence::repositories::page::PageRequest;
use solvo_persistence::{AnyConnection, PersistenceError};

pub use file::{DEMO_DATABASE_FILE, recreate_file};
pub use report::{DemoApiKey, DemoLogin, DemoSeed};

use crate::auth::password;
use crate::bootstrap::{self, BootstrapError};
use crate::error::ApiError;

/// The password of every demo login.
pub const DEMO_PASSWORD: &str = "solvo-demo-2026";
/// The collection account `--demo` uses when `SOLVO_COLLECTION_ACCOUNTS` is not set, so the
/// portal's payment instructions and EPC QR code can be tried: the agency's euro account, with
/// the Dutch example IBAN of the European Committee for Banking Standards' IBAN register
/// (checksum-valid, not an account to pay into).
pub const DEMO_COLLECTION_ACCOUNTS: &str = r#"[{"currency": "EUR", "holder": "Meridian Incasso B.V. Derdengelden", "iban": "NL91ABNA0417164300", "bic": "ABNANL2A", "bank": "ABN AMRO Bank N.V."}]"#;
/// How many cases the demo places.
pub const DEMO_CASES: u64 = 300;
/// The demo agency administrator's email.
pub const DEMO_ADMIN_EMAIL: &str = people::ADMIN_EMAIL;

/// Why the demo was not seeded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database holds organisations: the demo never mixes with real (or earlier) data.
    #[error(
        "the database already holds organisations; --demo seeds only an empty database \
         (run `solvo serve --demo` without a database URL for a fresh ./{DEMO_DATABASE_FILE})"
    )]
    NotEmpty,
    /// Creating the agency failed.
    #[error("creating the demo agency: {0}")]
    Bootstrap(#[from] BootstrapError),
    /// Anything else; a bug in the demo data or a database failure.
    #[error("seeding the demo: {0}")]
    Failed(String),
}

impl From<ApiError> for DemoError {
    fn from(err: ApiError) -> Self {
        Self::Failed(format!("{err:#}"))
    }
}

impl From<solvo_app::AppError> for DemoError {
    fn from(err: solvo_app::AppError) -> Self {
        Self::Failed(format!("{err:#}"))
    }
}

impl From<PersistenceError> for DemoError {
    fn from(err: PersistenceError) -> Self {
        Self::Failed(err.to_string())
    }
}

impl From<diesel::result::Error> for DemoError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Failed(err.to_string())
    }
}

/// Seeds the demo into an empty database, with dates counting back from `now`.
///
/// The agency is created first by `bootstrap` (its own transaction, which also refuses a second
/// agency); everything else is one write transaction, so a failure leaves only the agency, and
/// a later `--demo` on the same database is refused rather than mixed in.
///
/// # Errors
/// [`DemoError::NotEmpty`] when any organisation exists; other failures with their cause.
pub fn seed(
    conn: &mut AnyConnection,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<DemoSeed, DemoError> {
    let first = organisations::list(conn, &PageRequest::new(None, Some(1)), None)?;
    if !first.items.is_empty() {
        return Err(DemoError::NotEmpty);
    }
    // Hashing is slow on purpose; do it before taking the write lock.
    let hashes = (0..people::USERS)
        .map(|_| password::hash(DEMO_PASSWORD))
        .collect::<anyhow::Result<Vec<_>>>()
        .map_err(|err| DemoError::Failed(format!("{err:#}")))?;
    let agency = bootstrap::bootstrap(
        conn,
        DEMO_ADMIN_EMAIL,
        DEMO_PASSWORD,
        catalogue::AGENCY_NAME,
        "NL",
    )?;
    write_transaction(conn, |conn| {
        let people = people::create(conn, &agency, &hashes, now)?;
        let cases = run::place_all(conn, &people, plan::plan(DEMO_CASES, now), rates, now)?;
        let mut cases_by_state = BTreeMap::new();
        let mut cases_by_jurisdiction = BTreeMap::new();
        for case in cases {
            *cases_by_state.entry(case.state.to_string()).or_insert(0) += 1;
            *cases_by_jurisdiction
                .entry(case.jurisdiction.to_string())
                .or_insert(0) += 1;
        }
        Ok(DemoSeed {
            logins: people.logins,
            api_keys: people.api_keys,
            cases_by_state,
            cases_by_jurisdiction,
        })
    })
}
