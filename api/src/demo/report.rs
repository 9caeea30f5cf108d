//! What the demo seed created, printed as a table of logins when the server starts.

use std::collections::BTreeMap;
use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// A demo login.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// Role wire name (`agency_admin`, `collector`, `creditor_admin`, …).
    pub role: &'static str,
    /// The organisation's name.
    pub organisation: String,
    /// The email to log in with.
    pub email: String,
    /// The password (the same for every demo login).
    pub password: &'static str,
    /// What the login is for, in a few words.
    pub note: String,
}

/// A demo API key with its secret, which exists nowhere else (only its hash is stored).
#[derive(Debug, Clone)]
pub struct DemoApiKey {
    /// The creditor's name.
    pub organisation: String,
    /// The key's label (the creditor's ERP).
    pub name: String,
    /// Kept out of `Debug` output; read it with [`DemoApiKey::secret`].
    secret: SecretString,
}

impl DemoApiKey {
    /// A key of `organisation` labelled `name`.
    pub(super) fn new(organisation: &str, name: &str, secret: SecretString) -> Self {
        Self {
            organisation: organisation.to_owned(),
            name: name.to_owned(),
            secret,
        }
    }

    /// The secret to send as `Authorization: Bearer sk_…`.
    #[must_use]
    pub fn secret(&self) -> &str {
        self.secret.expose_secret()
    }
}

/// Everything the demo seed created that a person needs to look around.
#[derive(Debug, Clone)]
pub struct DemoSeed {
    /// The logins, agency first.
    pub logins: Vec<DemoLogin>,
    /// One API key per creditor.
    pub api_keys: Vec<DemoApiKey>,
    /// How many cases ended in each state.
    pub cases_by_state: BTreeMap<String, usize>,
    /// How many cases there are per jurisdiction.
    pub cases_by_jurisdiction: BTreeMap<String, usize>,
}

impl DemoSeed {
    /// How many cases the seed placed.
    #[must_use]
    pub fn cases(&self) -> usize {
        self.cases_by_state.values().sum()
    }
}

impl fmt::Display for DemoSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let counts = |map: &BTreeMap<String, usize>| {
            map.iter()
                .map(|(name, count)| format!("{name} {count}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(f)?;
        writeln!(
            f,
            "Solvo demo: {} cases in {} jurisdictions.",
            self.cases(),
            self.cases_by_jurisdiction.len()
        )?;
        writeln!(f, "  by state:        {}", counts(&self.cases_by_state))?;
        writeln!(
            f,
            "  by jurisdiction: {}",
            counts(&self.cases_by_jurisdiction)
        )?;
        writeln!(f)?;
        let email_width = self
            .logins
            .iter()
            .map(|login| login.email.len())
            .max()
            .unwrap_or(5);
        let organisation_width = self
            .logins
            .iter()
            .map(|login| login.organisation.chars().count())
            .max()
            .unwrap_or(12);
        writeln!(
            f,
            "{:<15}  {:<email_width$}  {:<15}  {:<organisation_width$}  NOTE",
            "ROLE", "EMAIL", "PASSWORD", "ORGANISATION"
        )?;
        for login in &self.logins {
            writeln!(
                f,
                "{:<15}  {:<email_width$}  {:<15}  {:<organisation_width$}  {}",
                login.role, login.email, login.password, login.organisation, login.note
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "API keys (send as `Authorization: Bearer <key>`; shown only now):"
        )?;
        for key in &self.api_keys {
            writeln!(
                f,
                "  {:<organisation_width$}  {:<14}  {}",
                key.organisation,
                key.name,
                key.secret()
            )?;
        }
        Ok(())
    }
}
