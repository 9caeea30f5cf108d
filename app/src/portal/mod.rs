//! The debtor portal: a debtor opens it with the RF reference and the access code printed on
//! the case's letter, and sees and settles their own cases without phoning anyone.
//!
//! - [`access`]: agency staff issue a case's code (shown once; a new one replaces the old);
//! - [`session`]: the reference and code open a session, counted by the login throttle;
//! - [`instructions`]: where and how to pay a case by transfer, with the EPC QR payload;
//! - [`read`]: the debtor's cases, their balances and states in the debtor's words;
//! - [`plans`]: a payment plan asked for, agreed at once within the creditor's limits or
//!   answered by the collector;
//! - [`already_paid`]: a debtor says they paid, with proof; contact is held while the
//!   collector checks it;
//! - [`documents`]: what the debtor uploads, and only that, listed back to them;
//! - [`disputes`]: the debtor disputes the claim and sees the outcome;
//! - [`messages`]: the debtor's own conversation with the agency, apart from the creditor's;
//! - [`complaints`]: complaints about the agency's conduct, for agency administrators only;
//! - [`data_requests`]: GDPR access, rectification and erasure requests with their deadline;
//! - [`scope`]: which cases a session reaches: the case it was opened with and the same
//!   debtor's other open cases with that creditor. Every portal use case starts from it, and
//!   anything else answers not found, exactly like a case that does not exist.
//!
//! A debtor is not a [`Principal`] of the staff API: the portal's use cases take a [`Debtor`],
//! and its token is refused everywhere outside `/v1/portal/`.

pub mod access;
pub mod already_paid;
pub mod complaints;
pub mod data_requests;
pub mod disputes;
pub mod documents;
pub mod instructions;
pub mod messages;
pub mod plans;
pub mod read;
pub mod scope;
pub mod session;

use solvo_domain::identity::{OrganisationKind, Role};

use crate::principal::{Actor, Principal};

/// Who a portal request acts for, read from the portal token and checked against the case's
/// current access code on every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debtor {
    /// The case whose reference and code opened the session.
    pub case_id: String,
    /// The debtor record of that case (one creditor's record of the business).
    pub debtor_id: String,
    /// The creditor whose cases the session reaches.
    pub organisation_id: String,
    /// The access code the session was opened with.
    pub grant_id: String,
}

impl Debtor {
    /// The debtor as the actor of timeline entries and events they cause (a dispute, a plan
    /// request): role `debtor`, which holds no staff permission, scoped to the creditor.
    #[must_use]
    pub fn principal(&self) -> Principal {
        Principal {
            organisation_id: self.organisation_id.clone(),
            organisation_kind: OrganisationKind::Creditor,
            role: Role::Debtor,
            actor: Actor::Debtor {
                id: self.debtor_id.clone(),
                grant_id: self.grant_id.clone(),
            },
        }
    }
}
