//! The demo's organisations and people: the two creditors, the collectors with their coverage,
//! a creditor admin, member and viewer per creditor, and an API key per creditor for its ERP.

use chrono::NaiveDateTime;
use secrecy::SecretString;
use solvo_domain::identity::Role;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::api_keys::{self, ApiKeyRow};
use solvo_persistence::repositories::billing::{self, BillingRow};
use solvo_persistence::repositories::collectors;
use solvo_persistence::repositories::organisations::{self, OrganisationRow};
use solvo_persistence::repositories::users::{self, UserRow};

use super::catalogue::{AGENCY_BILLING, AGENCY_NAME, COLLECTORS, CREDITORS};
use super::report::{DemoApiKey, DemoLogin};
use super::{DEMO_PASSWORD, DemoError};
use crate::auth::secret;
use crate::bootstrap::Bootstrapped;

/// The agency administrator's login (created by `bootstrap`).
pub(super) const ADMIN_EMAIL: &str = "admin@agency.example";

/// A creditor's people, as the case steps need them.
#[derive(Debug, Clone)]
#[expect(
    clippy::struct_field_names,
    reason = "each field is the id of a different record, not the record"
)]
pub(super) struct CreditorPeople {
    /// The organisation id.
    pub organisation_id: String,
    /// Its `creditor_admin`, who pauses, withdraws and decides on legal action.
    pub admin_id: String,
    /// Its `creditor_member`, who places cases by hand.
    pub member_id: String,
    /// Its ERP's API key id, which places the other cases.
    pub api_key_id: String,
}

/// Everyone the demo created.
#[derive(Debug, Clone)]
pub(super) struct People {
    /// The agency organisation.
    pub agency_id: String,
    /// Per creditor, in the order of [`CREDITORS`].
    pub creditors: Vec<CreditorPeople>,
    /// What to print.
    pub logins: Vec<DemoLogin>,
    /// The API keys with their secrets.
    pub api_keys: Vec<DemoApiKey>,
}

/// How many users [`create`] adds besides the agency admin: the collectors and three per
/// creditor. Their password hashes are made before the write transaction, as argon2 is slow.
pub(super) const USERS: usize = COLLECTORS.len() + 3 * CREDITORS.len();

/// Creates creditors, users, coverage and API keys; `hashes` has [`USERS`] password hashes.
pub(super) fn create(
    conn: &mut AnyConnection,
    agency: &Bootstrapped,
    hashes: &[String],
    now: NaiveDateTime,
) -> Result<People, DemoError> {
    let mut hashes = hashes.iter().cloned();
    let mut next_hash = move || {
        hashes
            .next()
            .ok_or_else(|| DemoError::Failed("too few password hashes".to_owned()))
    };
    let (address, vat_id, vat_rate_bp) = AGENCY_BILLING;
    billing::put(
        conn,
        &BillingRow {
            organisation_id: agency.organisation_id.clone(),
            legal_name: AGENCY_NAME.to_owned(),
            address: address.join("\n"),
            vat_id: Some(vat_id.to_owned()),
            vat_rate_bp: Some(vat_rate_bp),
            updated_by: "demo".to_owned(),
            updated_at: now,
        },
    )?;
    let mut logins = vec![login(
        Role::AgencyAdmin,
        AGENCY_NAME,
        ADMIN_EMAIL,
        "all cases",
    )];
    for collector in COLLECTORS {
        let id = user(
            conn,
            &agency.organisation_id,
            collector.email,
            Some(collector.name),
            Role::Collector,
            next_hash()?,
            now,
        )?;
        let areas: Vec<(String, String)> = collector
            .coverage
            .iter()
            .map(|(country, language)| ((*country).to_owned(), (*language).to_owned()))
            .collect();
        collectors::set_coverage(conn, &id, &areas)?;
        let covers = collector
            .coverage
            .iter()
            .map(|(country, language)| match *language {
                "*" => (*country).to_owned(),
                language => format!("{country} ({language})"),
            })
            .collect::<Vec<_>>()
            .join(", ");
        logins.push(login(
            Role::Collector,
            AGENCY_NAME,
            collector.email,
            &format!("covers {covers}"),
        ));
    }
    let mut creditors = Vec::with_capacity(CREDITORS.len());
    let mut keys = Vec::with_capacity(CREDITORS.len());
    for seed in CREDITORS {
        let organisation = OrganisationRow {
            id: new_id("org"),
            kind: "creditor".to_owned(),
            name: seed.name.to_owned(),
            country: seed.country.to_owned(),
            version: 1,
            created_at: now,
            updated_at: now,
        };
        organisations::insert(conn, &organisation)?;
        billing::put(
            conn,
            &BillingRow {
                organisation_id: organisation.id.clone(),
                legal_name: seed.name.to_owned(),
                address: seed.address.join("\n"),
                vat_id: Some(seed.vat_id.to_owned()),
                vat_rate_bp: None,
                updated_by: "demo".to_owned(),
                updated_at: now,
            },
        )?;
        let org = organisation.id.as_str();
        let mut ids = Vec::with_capacity(3);
        for (local, role, note) in [
            (
                "admin",
                Role::CreditorAdmin,
                "API keys, users, pause / withdraw / legal decisions",
            ),
            (
                "finance",
                Role::CreditorMember,
                "places and instructs cases",
            ),
            ("controller", Role::CreditorViewer, "reads only"),
        ] {
            let email = format!("{local}@{}", seed.domain);
            ids.push(user(conn, org, &email, None, role, next_hash()?, now)?);
            logins.push(login(role, seed.name, &email, note));
        }
        let [admin_id, member_id, _viewer_id]: [String; 3] = ids
            .try_into()
            .map_err(|_| DemoError::Failed("a creditor needs three users".to_owned()))?;
        let (api_key_id, key) = api_key(conn, org, seed.erp, Some(admin_id.clone()), now)?;
        keys.push(DemoApiKey::new(seed.name, seed.erp, key));
        creditors.push(CreditorPeople {
            organisation_id: organisation.id.clone(),
            admin_id,
            member_id,
            api_key_id,
        });
    }
    Ok(People {
        agency_id: agency.organisation_id.clone(),
        creditors,
        logins,
        api_keys: keys,
    })
}

fn login(role: Role, organisation: &str, email: &str, note: &str) -> DemoLogin {
    DemoLogin {
        role: role.as_str(),
        organisation: organisation.to_owned(),
        email: email.to_owned(),
        password: DEMO_PASSWORD,
        note: note.to_owned(),
    }
}

fn user(
    conn: &mut AnyConnection,
    organisation_id: &str,
    email: &str,
    name: Option<&str>,
    role: Role,
    password_hash: String,
    now: NaiveDateTime,
) -> Result<String, DemoError> {
    let row = UserRow {
        id: new_id("usr"),
        organisation_id: organisation_id.to_owned(),
        email: email.to_owned(),
        password_hash,
        role,
        disabled: false,
        version: 1,
        created_at: now,
        updated_at: now,
        name: name.map(str::to_owned),
    };
    users::insert(conn, &row)?;
    Ok(row.id)
}

/// A `creditor_member` key, as `POST /v1/api-keys` makes by default for a creditor.
fn api_key(
    conn: &mut AnyConnection,
    organisation_id: &str,
    name: &str,
    created_by: Option<String>,
    now: NaiveDateTime,
) -> Result<(String, SecretString), DemoError> {
    let secret = secret::generate(secret::API_KEY_PREFIX);
    let row = ApiKeyRow {
        id: new_id("key"),
        organisation_id: organisation_id.to_owned(),
        name: name.to_owned(),
        prefix: secret::visible_prefix(&secret),
        secret_hash: secret::digest(&secret),
        role: Role::CreditorMember,
        created_by,
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    api_keys::insert(conn, &row)?;
    Ok((row.id, SecretString::from(secret)))
}
