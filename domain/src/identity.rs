//! Who may do what: organisation kinds, roles, and the rules that tie them together.
//! The API asks these functions; it never compares role strings itself.

use serde::{Deserialize, Serialize};

/// The two kinds of organisation on the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// The collection agency that runs the installation.
    Agency,
    /// A client of the agency that places its unpaid invoices.
    Creditor,
}

/// A user's or API key's role; what each may do is the grid in `crate::permission`.
#[cfg_attr(
    feature = "storage",
    derive(diesel::AsExpression, diesel::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Runs the agency: organisations, users, assignment.
    AgencyAdmin,
    /// Works the cases assigned to them.
    Collector,
    /// Manages a creditor's users and API keys and instructs its cases.
    CreditorAdmin,
    /// Places and instructs a creditor's cases.
    CreditorMember,
    /// Reads a creditor's cases.
    CreditorViewer,
    /// A debtor on the portal, scoped to their own cases.
    Debtor,
}

/// Every role, in the order the documentation lists them.
pub const ALL_ROLES: [Role; 6] = [
    Role::AgencyAdmin,
    Role::Collector,
    Role::CreditorAdmin,
    Role::CreditorMember,
    Role::CreditorViewer,
    Role::Debtor,
];

impl Role {
    /// The role's wire name, e.g. `creditor_admin`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AgencyAdmin => "agency_admin",
            Self::Collector => "collector",
            Self::CreditorAdmin => "creditor_admin",
            Self::CreditorMember => "creditor_member",
            Self::CreditorViewer => "creditor_viewer",
            Self::Debtor => "debtor",
        }
    }

    /// Reads a wire name; `None` for anything else.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        ALL_ROLES.into_iter().find(|role| role.as_str() == raw)
    }

    /// The kind of organisation a user with this role belongs to. Debtors have no login account
    /// in an organisation (they use portal sessions), so they belong to none.
    #[must_use]
    pub fn organisation_kind(self) -> Option<OrganisationKind> {
        match self {
            Self::AgencyAdmin | Self::Collector => Some(OrganisationKind::Agency),
            Self::CreditorAdmin | Self::CreditorMember | Self::CreditorViewer => {
                Some(OrganisationKind::Creditor)
            }
            Self::Debtor => None,
        }
    }

    /// Whether this role works for the agency (and so sees every creditor's data it handles).
    #[must_use]
    pub fn is_agency_staff(self) -> bool {
        self.organisation_kind() == Some(OrganisationKind::Agency)
    }

    /// Whether this role administers its organisation (users, API keys).
    #[must_use]
    pub fn is_admin(self) -> bool {
        matches!(self, Self::AgencyAdmin | Self::CreditorAdmin)
    }
}

impl OrganisationKind {
    /// The kind's wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Creditor => "creditor",
        }
    }

    /// Reads a wire name; `None` for anything else.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "agency" => Some(Self::Agency),
            "creditor" => Some(Self::Creditor),
            _ => None,
        }
    }
}

/// Why an actor may not grant a role to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GrantRefusal {
    /// Only administrators manage accounts.
    #[error("only administrators manage accounts")]
    NotAnAdmin,
    /// A creditor administrator manages its own organisation only.
    #[error("a creditor administrator manages its own organisation only")]
    OtherOrganisation,
    /// The role does not exist in the target organisation's kind.
    #[error("the role {role} does not belong to an organisation of kind {kind}")]
    RoleNotInKind {
        /// The role asked for.
        role: &'static str,
        /// The target organisation's kind.
        kind: &'static str,
    },
}

/// Decides whether `actor` (with its own organisation) may give `role` to an account in the
/// `target` organisation of kind `target_kind`: agency admins anywhere, creditor admins in their
/// own organisation and only creditor roles; the role must fit the organisation's kind.
///
/// # Errors
/// The [`GrantRefusal`] that applies first.
pub fn may_grant(
    actor: Role,
    actor_organisation: &str,
    target_organisation: &str,
    target_kind: OrganisationKind,
    role: Role,
) -> Result<(), GrantRefusal> {
    if !actor.is_admin() {
        return Err(GrantRefusal::NotAnAdmin);
    }
    if actor == Role::CreditorAdmin && actor_organisation != target_organisation {
        return Err(GrantRefusal::OtherOrganisation);
    }
    if role.organisation_kind() != Some(target_kind) {
        return Err(GrantRefusal::RoleNotInKind {
            role: role.as_str(),
            kind: target_kind.as_str(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in ALL_ROLES {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn an_agency_admin_may_create_creditor_users_in_any_creditor() {
        let result = may_grant(
            Role::AgencyAdmin,
            "org_a",
            "org_c",
            OrganisationKind::Creditor,
            Role::CreditorAdmin,
        );
        assert_eq!(result, Ok(()));
    }

    #[test]
    fn a_creditor_admin_may_not_create_agency_roles_or_users_elsewhere() {
        let own = may_grant(
            Role::CreditorAdmin,
            "org_c",
            "org_c",
            OrganisationKind::Creditor,
            Role::Collector,
        );
        assert!(matches!(own, Err(GrantRefusal::RoleNotInKind { .. })));
        let other = may_grant(
            Role::CreditorAdmin,
            "org_c",
            "org_d",
            OrganisationKind::Creditor,
            Role::CreditorViewer,
        );
        assert_eq!(other, Err(GrantRefusal::OtherOrganisation));
    }

    #[test]
    fn members_viewers_and_collectors_may_not_grant_roles() {
        for actor in [
            Role::CreditorMember,
            Role::CreditorViewer,
            Role::Collector,
            Role::Debtor,
        ] {
            let result = may_grant(
                actor,
                "o",
                "o",
                OrganisationKind::Creditor,
                Role::CreditorViewer,
            );
            assert_eq!(result, Err(GrantRefusal::NotAnAdmin), "{actor:?}");
        }
    }

    #[test]
    fn roles_fit_their_organisation_kind() {
        let agency_role = may_grant(
            Role::AgencyAdmin,
            "a",
            "a",
            OrganisationKind::Agency,
            Role::Collector,
        );
        assert_eq!(agency_role, Ok(()));
        let debtor = may_grant(
            Role::AgencyAdmin,
            "a",
            "c",
            OrganisationKind::Creditor,
            Role::Debtor,
        );
        assert!(debtor.is_err());
    }
}
