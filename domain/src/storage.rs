//! How the domain's closed sets and codes are stored (with the `storage` feature, which the
//! persistence crate turns on): each as the text the domain spells it with (`EUR`, `GB-SCT`,
//! `payment_plan`, `principal`, `creditor_admin`), read back through the domain's own parser.
//!
//! A row struct names the domain type (`currency: Currency`), so no call site parses a column and
//! none can compare a state with a misspelt string. A stored text the parser refuses is a corrupt
//! row: diesel reports it as a deserialization error carrying [`UnknownStoredValue`], which the
//! persistence crate turns into its `Corrupt` error and the use-case layer into a logged 500.
//!
//! The impls are generic over the backend (any whose text is a `str`), so they hold for SQLite,
//! PostgreSQL and the persistence crate's multi-backend alike, and no backend is named here.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;

use crate::case::{CommandName, Outcome, StateName};
use crate::identity::Role;
use crate::jurisdiction::JurisdictionCode;
use crate::ledger::Account;
use crate::money::Currency;

/// Why a stored text is not a value of its type; its message is what the log shows.
#[derive(Debug, thiserror::Error)]
#[error("stored {kind} `{raw}` is not one the domain knows")]
pub struct UnknownStoredValue {
    /// What the column holds, e.g. `currency`.
    pub kind: &'static str,
    /// The text found.
    pub raw: String,
}

/// Implements the text encoding for a domain type, given how to spell it and how to read it back.
macro_rules! stored_as_text {
    ($type:ty, $kind:literal, |$value:ident| $spell:expr, |$raw:ident| $read:expr) => {
        impl<DB> ToSql<Text, DB> for $type
        where
            DB: Backend,
            str: ToSql<Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
                let $value = self;
                <str as ToSql<Text, DB>>::to_sql($spell, out)
            }
        }

        impl<DB> FromSql<Text, DB> for $type
        where
            DB: Backend,
            String: FromSql<Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
                let text = <String as FromSql<Text, DB>>::from_sql(bytes)?;
                let $raw = text.as_str();
                let read: Option<$type> = $read;
                read.ok_or_else(|| {
                    Box::new(UnknownStoredValue {
                        kind: $kind,
                        raw: text.clone(),
                    }) as Box<dyn std::error::Error + Send + Sync>
                })
            }
        }
    };
}

stored_as_text!(Currency, "currency", |value| value.code(), |raw| {
    Currency::parse(raw).ok()
});
stored_as_text!(
    JurisdictionCode,
    "jurisdiction",
    |value| value.as_str(),
    // Stored codes are canonical; the lenient parser (any case, `GB` for `GB-ENG`) must not
    // turn a corrupt `gb` into a valid code.
    |raw| JurisdictionCode::parse(raw)
        .ok()
        .filter(|code| code.as_str() == raw)
);
stored_as_text!(StateName, "case state", |value| value.as_str(), |raw| {
    StateName::parse(raw)
});
stored_as_text!(Outcome, "case outcome", |value| value.as_str(), |raw| {
    Outcome::parse(raw)
});
stored_as_text!(CommandName, "command", |value| value.as_str(), |raw| {
    CommandName::parse(raw)
});
stored_as_text!(Account, "ledger account", |value| value.as_str(), |raw| {
    Account::parse(raw)
});
stored_as_text!(Role, "role", |value| value.as_str(), |raw| Role::parse(raw));
