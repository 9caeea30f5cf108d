//! `solvo admin bootstrap`: the agency organisation and its first administrator, once.

use solvo_domain::country::CountryCode;
use solvo_domain::identity::Role;
use solvo_persistence::AnyConnection;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::organisations::{self, OrganisationRow};
use solvo_persistence::repositories::users::{self, UserRow};

use crate::auth::password;
use solvo_app::clock;

/// Why bootstrapping was refused.
#[derive(Debug, thiserror::Error)]
pub enum BootstrapError {
    /// The installation already has its agency.
    #[error("this database already has an agency ({0}); log in with its administrator instead")]
    AlreadyBootstrapped(String),
    /// The email is not plausible.
    #[error("`{0}` is not an email address")]
    InvalidEmail(String),
    /// The password does not meet the policy (`solvo_app::credentials::policy`).
    #[error("the password is refused: {0}")]
    WeakPassword(String),
    /// The country code is not ISO 3166-1 alpha-2.
    #[error(transparent)]
    Country(#[from] solvo_domain::country::UnknownCountry),
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] solvo_persistence::PersistenceError),
    /// Hashing failed.
    #[error(transparent)]
    Hash(#[from] anyhow::Error),
}

impl From<diesel::result::Error> for BootstrapError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Storage(err.into())
    }
}

/// What bootstrapping created.
#[derive(Debug, Clone)]
pub struct Bootstrapped {
    /// The agency organisation id.
    pub organisation_id: String,
    /// The administrator's user id.
    pub user_id: String,
}

/// Creates the agency and its first `agency_admin`, refusing when an agency exists.
///
/// # Errors
/// [`BootstrapError`] with the reason.
pub fn bootstrap(
    conn: &mut AnyConnection,
    email: &str,
    password_text: &str,
    agency_name: &str,
    country: &str,
) -> Result<Bootstrapped, BootstrapError> {
    let email = email.trim().to_lowercase();
    if !validator::ValidateEmail::validate_email(&email) {
        return Err(BootstrapError::InvalidEmail(email));
    }
    solvo_app::credentials::policy::check("password", password_text, &email)
        .map_err(|refusal| BootstrapError::WeakPassword(refusal.message))?;
    let country = CountryCode::parse(country)?;
    let password_hash = password::hash(password_text)?;
    let now = clock::system_now();
    write_transaction(conn, |conn| {
        if let Some(agency) = organisations::find_agency(conn)? {
            return Err(BootstrapError::AlreadyBootstrapped(agency.id));
        }
        let organisation = OrganisationRow {
            id: new_id("org"),
            kind: "agency".to_owned(),
            name: agency_name.trim().to_owned(),
            country: country.to_string(),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        organisations::insert(conn, &organisation)?;
        let user = UserRow {
            id: new_id("usr"),
            organisation_id: organisation.id.clone(),
            email,
            password_hash,
            role: Role::AgencyAdmin,
            disabled: false,
            version: 1,
            created_at: now,
            updated_at: now,
            name: None,
        };
        users::insert(conn, &user)?;
        Ok(Bootstrapped {
            organisation_id: organisation.id,
            user_id: user.id,
        })
    })
}
