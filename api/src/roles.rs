//! Wire forms of the identity enums, with OpenAPI schemas (the domain crate has no utoipa).

use serde::{Deserialize, Serialize};
use solvo_domain::identity::{OrganisationKind, Role};
use utoipa::ToSchema;

/// A role: who a user or API key is and what it may do (`solvo_domain::permission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleName {
    /// Runs the agency.
    AgencyAdmin,
    /// Works assigned cases.
    Collector,
    /// Administers a creditor organisation.
    CreditorAdmin,
    /// Places and instructs a creditor's cases.
    CreditorMember,
    /// Reads a creditor's cases.
    CreditorViewer,
    /// Debtor portal user.
    Debtor,
}

impl From<RoleName> for Role {
    fn from(role: RoleName) -> Self {
        match role {
            RoleName::AgencyAdmin => Self::AgencyAdmin,
            RoleName::Collector => Self::Collector,
            RoleName::CreditorAdmin => Self::CreditorAdmin,
            RoleName::CreditorMember => Self::CreditorMember,
            RoleName::CreditorViewer => Self::CreditorViewer,
            RoleName::Debtor => Self::Debtor,
        }
    }
}

impl From<Role> for RoleName {
    fn from(role: Role) -> Self {
        match role {
            Role::AgencyAdmin => Self::AgencyAdmin,
            Role::Collector => Self::Collector,
            Role::CreditorAdmin => Self::CreditorAdmin,
            Role::CreditorMember => Self::CreditorMember,
            Role::CreditorViewer => Self::CreditorViewer,
            Role::Debtor => Self::Debtor,
        }
    }
}

/// An organisation kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKindName {
    /// The collection agency.
    Agency,
    /// A client of the agency.
    Creditor,
}

impl From<OrganisationKind> for OrganisationKindName {
    fn from(kind: OrganisationKind) -> Self {
        match kind {
            OrganisationKind::Agency => Self::Agency,
            OrganisationKind::Creditor => Self::Creditor,
        }
    }
}

impl From<OrganisationKindName> for OrganisationKind {
    fn from(kind: OrganisationKindName) -> Self {
        match kind {
            OrganisationKindName::Agency => Self::Agency,
            OrganisationKindName::Creditor => Self::Creditor,
        }
    }
}

/// The one kind `POST /v1/organisations` creates: a creditor (the agency is created once, by
/// `solvo admin bootstrap`).
pub struct CreatableKind;

impl utoipa::PartialSchema for CreatableKind {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some([OrganisationKind::Creditor.as_str()]))
            .description(Some(
                "`creditor`: the agency is created by `solvo admin bootstrap`.",
            ))
            .into()
    }
}

impl ToSchema for CreatableKind {}

/// Stored roles and kinds are read by the use cases' rules, so they are read the same way here.
pub use solvo_app::identity::{stored_kind, stored_role};
