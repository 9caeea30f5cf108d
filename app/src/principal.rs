//! Who a use case acts for: the organisation, its kind, the role and the user or API key. The
//! api crate builds a [`Principal`] from the bearer token; use cases scope every query by it.

use solvo_domain::identity::{OrganisationKind, Role};
use solvo_domain::permission::Permission;

use crate::error::AppError;

/// A person with a session, or an ERP with an API key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A user authenticated by an access token.
    User {
        /// User id.
        id: String,
        /// Login email.
        email: String,
        /// The session the token belongs to.
        session_id: String,
    },
    /// An API key.
    ApiKey {
        /// Key id.
        id: String,
        /// Its label.
        name: String,
        /// Its visible prefix.
        prefix: String,
    },
    /// A payment provider whose signed event records a payment (a debtor's card payment
    /// completed at Stripe): it acts for the agency, which receives the money.
    Provider {
        /// The provider's name, e.g. `stripe`.
        name: &'static str,
    },
    /// A debtor with a portal session (`crate::portal`), opened with a case's reference and
    /// access code.
    Debtor {
        /// The debtor record.
        id: String,
        /// The access code the session was opened with.
        grant_id: String,
    },
}

/// Which of the tenant's cases a caller works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseBook<'a> {
    /// Every case the tenant scope lets through: agency admins, and creditors for their own.
    Every,
    /// Only the cases assigned to this collector.
    AssignedTo(&'a str),
    /// None: a collector-role API key, which no case can be assigned to.
    Empty,
}

impl CaseBook<'_> {
    /// Whether a case assigned to `collector_id` is in the book.
    #[must_use]
    pub fn holds(self, collector_id: Option<&str>) -> bool {
        match self {
            Self::Every => true,
            Self::AssignedTo(me) => collector_id == Some(me),
            Self::Empty => false,
        }
    }
}

/// The authenticated caller of a use case.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The organisation the caller acts for; every query is scoped by it.
    pub organisation_id: String,
    /// That organisation's kind.
    pub organisation_kind: OrganisationKind,
    /// The caller's current role.
    pub role: Role,
    /// User or API key.
    pub actor: Actor,
}

impl Principal {
    /// Refuses unless the caller's role holds `permission` (the grid is `Role::may`).
    ///
    /// # Errors
    /// [`AppError::Forbidden`] naming the role and the permission it lacks.
    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.role.may(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden(format!(
                "The role {} lacks the permission `{permission}`.",
                self.role.as_str()
            )))
        }
    }

    /// The user id when the caller is a person.
    #[must_use]
    pub fn user_id(&self) -> Option<&str> {
        match &self.actor {
            Actor::User { id, .. } => Some(id),
            Actor::ApiKey { .. } | Actor::Debtor { .. } | Actor::Provider { .. } => None,
        }
    }

    /// The id authors, uploads and read markers are recorded under: the user, or the API key.
    #[must_use]
    pub fn actor_id(&self) -> &str {
        match &self.actor {
            Actor::User { id, .. } | Actor::ApiKey { id, .. } | Actor::Debtor { id, .. } => id,
            Actor::Provider { name } => name,
        }
    }

    /// Whether the caller may see data of `organisation_id`: its own, or any for agency staff.
    #[must_use]
    pub fn can_see_organisation(&self, organisation_id: &str) -> bool {
        self.role.may(Permission::AccessEveryCreditor) || self.organisation_id == organisation_id
    }

    /// The cases the caller works on. Agency staff reach every creditor (the tenant scope lets
    /// every case through), so a collector is narrowed to the cases assigned to them; only
    /// [`Permission::AccessEveryCase`] sees the rest. Creditors are narrowed by the tenant scope.
    #[must_use]
    pub fn case_book(&self) -> CaseBook<'_> {
        if self.role.may(Permission::AccessEveryCase)
            || !self.role.may(Permission::AccessEveryCreditor)
        {
            CaseBook::Every
        } else {
            self.user_id().map_or(CaseBook::Empty, CaseBook::AssignedTo)
        }
    }

    /// The organisation filter for the caller's reads: `None` for agency staff (the agency works
    /// every creditor's cases), the caller's own organisation for everyone else.
    #[must_use]
    pub fn tenant_scope(&self) -> Option<&str> {
        if self.role.may(Permission::AccessEveryCreditor) {
            None
        } else {
            Some(&self.organisation_id)
        }
    }
}
